from __future__ import annotations

import pytest

from dashboard.core.geo.names import fold, skeleton, strip_region_words, without_river


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Харків", "Kharkiv"),
        ("KHARKIV", "kharkiv"),
        ("Zaporizhzhia", "ZAPORIZHZHIA"),
        ("Kyïv", "Kyiv"),
    ],
)
def test_fold_is_case_accent_and_script_insensitive(a: str, b: str) -> None:
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zaporizhzhya", "Zaporizhzhia"),
        ("Bilgorod", "Bilhorod"),
        ("Dnipropetrovsk", "Dnipropetrovs'k"),
        ("Mykolayiv", "Mykolaiv"),
        ("Харьков", "Kharkov"),
    ],
)
def test_skeleton_merges_transliteration_variants(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_skeleton_keeps_different_towns_apart() -> None:
    assert skeleton("Kharkiv") != skeleton("Kherson")
    assert skeleton("Belgorod") != skeleton("Bryansk")


def test_region_words_are_stripped_and_reported() -> None:
    assert strip_region_words("Kharkiv Oblast") == ("kharkiv", True)
    assert strip_region_words("Kharkivska oblast") == ("kharkiv", True)
    assert strip_region_words("Kyiv") == ("kyiv", False)


def test_river_suffix_is_dropped_in_any_language() -> None:
    assert without_river("Slavyansk-on-Kuban") == without_river("Slavyansk-na-Kubani")
    assert without_river("Kharkiv") == ""
