"""The vectorised name matcher against a plain per-text reference, on real names."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.geo.facilities import MAX_ALIAS_WORDS, Catalogue, alias_key, area_keys


def reference(catalogue: Catalogue, text: str, bare: bool) -> set[int]:
    """The rule in its plainest form: word runs that are catalogue names and not followed
    by an area word ("... Nikopol district"), except those inside a longer such run, and
    one-word runs where a longer one exists."""
    words = alias_key(text)
    shortest = 1 if bare else 2
    area = set(area_keys())
    spans = [
        (start, length)
        for length in range(shortest, min(MAX_ALIAS_WORDS, len(words)) + 1)
        for start in range(len(words) - length + 1)
        if words[start : start + length] in catalogue.index
        and not (start + length < len(words) and words[start + length] in area)
    ]
    kept = [
        (start, length)
        for start, length in spans
        if not any(
            other > length and at <= start and at + other >= start + length for at, other in spans
        )
    ]
    if any(length > 1 for _, length in kept):
        kept = [(start, length) for start, length in kept if length > 1]
    return {row for start, length in kept for row in catalogue.index[words[start : start + length]]}


def test_vectorised_matches_equal_the_reference(bundled, geo) -> None:
    names = list(bundled.incidents["facility_name"].astype(str).unique())
    names += [
        "Киришский НПЗ",
        "Burshtynska TES",
        "energy facility in Burshtyn",
        "Zaporozhye NPP and Zaporizhzhia TPP",
        "Рязанский НПЗ и Ново-Рязанская ТЭЦ",
        "Dniester pumped storage",
        "Luch CHP, Belgorod",
        "gas pipeline in Nikopol district",
        "oil depot in Kharkiv Oblast",
        "Burshtyn\u00a0TPP and\tthe Ryazan refinery",  # no-break space, tab
        "Kirishi unknownword refinery",  # an unknown word ends a name
        "",
        "—",
    ]
    texts = pd.Series(names * 2, dtype=object)
    bare = np.r_[np.ones(len(names), bool), np.zeros(len(names), bool)]
    got_text, got_row, one_word = geo.facilities.named_in(texts)
    keep = bare[got_text] | ~one_word
    got_text, got_row = got_text[keep], got_row[keep]
    got: dict[int, set[int]] = {}
    for t, r in zip(got_text.tolist(), got_row.tolist(), strict=True):
        got.setdefault(t, set()).add(r)
    expected = {
        i: hits
        for i, text in enumerate(texts)
        if (hits := reference(geo.facilities, text, bool(bare[i])))
    }
    assert got == expected
    assert len(expected) > 100  # the comparison covers many real matches


def test_a_name_never_spans_two_texts(geo) -> None:
    """'Kyiv' ending one text and 'CHP-5' opening the next is not 'Kyiv CHP-5'."""
    texts = pd.Series(["strike in Kyiv", "CHP-5 unit", "Kyiv CHP-5"], dtype=object)
    text, row, one_word = geo.facilities.named_in(texts)
    text, row = text[~one_word], row[~one_word]
    ids = geo.facilities.frame["facility_id"].to_numpy()[row]
    assert list(zip(text.tolist(), ids.tolist(), strict=True)) == [(2, "wri-1005125-kiev-chp-5")]


def test_a_town_site_is_not_named_by_its_district_or_region(geo) -> None:
    """'gas pipeline in Nikopol' names that site; followed by 'district', 'Oblast' or
    'hromada' the words name an area around the town, not the site."""
    texts = pd.Series(
        [
            "power line and gas pipeline in Nikopol",
            "gas pipeline in Nikopol district (Nikopol / Pokrovske hromada)",
            "gas pipeline in Nikopol city",
            "gas pipeline in Nikopol hromada",
            "gas pipeline in Nikopol Oblast",
        ],
        dtype="str",
    )
    text, row, _ = geo.facilities.named_in(texts)
    ids = geo.facilities.frame["facility_id"].to_numpy()[row]
    assert sorted(zip(text.tolist(), ids.tolist(), strict=True)) == [
        (0, "ua-gas-nikopol"),
        (2, "ua-gas-nikopol"),
    ]


def test_the_token_memo_is_bounded_and_changes_no_match(geo, monkeypatch) -> None:
    from dashboard.core.geo import facilities

    texts = pd.Series(["Ryazan refinery", "Burshtyn TPP", "Kirishi refinery KINEF"])
    expected = geo.facilities.named_in(texts)
    monkeypatch.setattr(facilities, "_SEEN_TOKENS", 2)
    fresh = Catalogue.from_frame(geo.facilities.frame)
    for _ in range(2):  # a second pass reads what the first kept
        got = fresh.named_in(texts)
        assert len(fresh._aliases.seen) <= 2
        for part, want in zip(got, expected, strict=True):
            assert part.tolist() == want.tolist()
