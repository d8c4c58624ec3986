"""District look-ups: Ukraine's raions and hromadas by name, within a record's oblast."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.core.geo import files
from dashboard.core.geo.districts import AMBIGUOUS, NOT_FOUND, DistrictIndex, split_kind
from dashboard.core.join.place import locate_points


def tiny() -> DistrictIndex:
    return DistrictIndex(
        pd.DataFrame(
            {
                "aliases": [""] * 6,
                "label": ["Stryiskyi raion", "Stryiska hromada", "", "", "", ""],
                "pcode": ["UA4610", "UA4610001", "UA4602", "UA1204", "UA1204003", "UA1206003"],
                "kind": ["raion", "hromada", "raion", "raion", "hromada", "hromada"],
                "name_en": [
                    "Stryiskyi",
                    "Stryiska",
                    "Drohobytskyi",
                    "Kamianskyi",
                    "Novooleksandrivska",
                    "Novooleksandrivska",
                ],
                "name_uk": [
                    "Стрийський",
                    "Стрийська",
                    "Дрогобицький",
                    "Кам’янський",
                    "Новоолександрівська",
                    "Новоолександрівська",
                ],
                "name_ru": [
                    "Стрыйский",
                    "Стрыйский",
                    "Дрогобычский",
                    "Каменский",
                    "Новоалександровский",
                    "Новоалександровский",
                ],
                "admin1_iso": ["UA-46", "UA-46", "UA-46", "UA-12", "UA-12", "UA-12"],
                "latitude": [49.3, 49.25, 49.35, 48.5, 48.4, 48.6],
                "longitude": [24.0, 23.85, 23.5, 34.1, 34.2, 35.0],
            }
        )
    )


@pytest.mark.parametrize(
    "name",
    ["Stryiskyi", "Stryiskyi raion", "Stryi district", "Стрийський район", "Стрыйский район"],
)
def test_a_raion_is_found_in_the_forms_reporting_and_acled_use(name: str) -> None:
    assert tiny().locate(name, "UA-46") == 0


def test_a_kind_word_chooses_between_a_raion_and_a_hromada_of_one_name() -> None:
    index = tiny()
    # Russian gives the raion and its hromada the same adjective: the kind word decides.
    assert index.locate("Стрыйская громада", "UA-46") == 1
    assert index.locate("Стрийська громада", "UA-46") == 1
    assert index.locate("Stryiska hromada", "UA-46") == 1
    assert index.locate("Стрыйский", "UA-46") == 0  # no kind word: the raion


def test_transliteration_variants_and_apostrophes_meet() -> None:
    index = tiny()
    assert index.locate("Drohobych district", "UA-46") == 2
    assert index.locate("Kam'ianskyi raion", "UA-12") == 3
    assert index.locate("Каменский район", "UA-12") == 3


def test_the_oblast_is_binding_and_two_fits_are_no_match() -> None:
    index = tiny()
    assert index.locate("Stryi district", "UA-12") == NOT_FOUND
    assert index.locate("Novooleksandrivska hromada", "UA-12") == AMBIGUOUS
    assert index.locate("", "UA-46") == NOT_FOUND
    assert index.locate("district", "UA-46") == NOT_FOUND  # a kind word alone names nothing


def test_split_kind_reads_kind_words_in_any_script() -> None:
    assert split_kind("Pavlivka hromada") == ("pavlivka", "hromada")
    assert split_kind("Павлівська територіальна громада")[1] == "hromada"
    assert split_kind("Синельниківський район") == ("synelnykivskyi", "raion")
    assert split_kind("Stryiskyi") == ("stryiskyi", "")


def test_real_districts_lie_in_their_oblast_and_are_found_by_name() -> None:
    districts = files.districts()
    assert set(districts["kind"]) == {
        "raion",
        "hromada",
        "district",
        "raion_pre2020",
        "settlement",
    }
    assert (districts["kind"] == "raion_pre2020").sum() == 490
    assert (districts["kind"] == "settlement").sum() > 29_000
    assert (districts["kind"] == "raion").sum() >= 136
    # Centroids fall in the oblast the P-code gives (a few coastal ones near its edge).
    admin1 = files.admin1().reset_index(drop=True)
    located = locate_points(districts["longitude"], districts["latitude"], admin1)
    assert (located == districts["admin1_iso"].to_numpy()).mean() > 0.98
    assert set(districts.loc[districts["pcode"].str.startswith("UA01"), "admin1_iso"]) == {
        "UA-43"
    }  # Crimea is Ukraine
    index = DistrictIndex(districts)
    for name, iso, pcode in [
        ("Stryi district", "UA-46", "UA4610"),
        ("Kryvorizkyi raion", "UA-12", "UA1206"),
        ("Синельниківський район", "UA-12", "UA1214"),
        ("Pavlivska hromada", "UA-23", None),
        # Renamed in 2024 after OCHA's table (data/ua-district-renames.csv).
        ("Sheptytskyi raion", "UA-46", "UA4612"),
        ("Шептицький район", "UA-46", "UA4612"),
    ]:
        position = index.locate(name, iso)
        assert position >= 0, name
        if pcode:
            assert districts["pcode"].iat[position] == pcode, name


@pytest.mark.parametrize(
    ("name", "iso", "expected"),
    [
        ("Lubny district", "UA-53", "Lubenskyi"),
        ("Romny hromada", "UA-59", "Romenska"),
        ("Dnipro district", "UA-12", "Dniprovskyi"),
        ("Synelnykove district", "UA-12", "Synelnykivskyi"),
        ("Kremenchuk district", "UA-53", "Kremenchutskyi"),
        ("Lozova district", "UA-63", "Lozivskyi"),
        ("Zaporizhzhia district", "UA-23", "Zaporizkyi"),
        ("Polohy district", "UA-23", "Polohivskyi"),
        ("Pavlivka hromada", "UA-23", "Pavlivska"),
        ("Marhanets hromada", "UA-12", "Marhanetska"),
        ("Kakhovka municipal district", "UA-65", "Kakhovskyi"),
        # Raions abolished in 2020, as occupation authorities still name them; a
        # current raion of the same name wins.
        ("Tokmak district", "UA-23", "Tokmatskyi"),
        ("Bilopillia district", "UA-59", "Bilopilskyi"),
        ("Perevalsk municipal district", "UA-09", "Perevalskyi"),
        ("Oleshky district", "UA-65", "Tsiurupynskyi"),
        ("Vasylivka municipal district", "UA-23", "Vasylivskyi"),
    ],
)
def test_english_reports_name_a_district_after_its_town(
    name: str, iso: str, expected: str | None
) -> None:
    districts = files.districts()
    position = DistrictIndex(districts).locate(name, iso)
    assert (districts["name_en"].iat[position] if position >= 0 else None) == expected


def test_a_russian_district_is_found_by_the_spellings_records_use_at_its_centre() -> None:
    """Russia has no offline district table: a district the records name is drawn at its
    administrative centre, as a page states it (Belgorodsky district: Maysky, not
    Belgorod)."""
    districts = files.districts()
    index = DistrictIndex(districts)
    spellings = ["Belgorod district", "Belgorodsky district", "Белгородский район"]
    positions = {index.locate(name, "RU-BEL") for name in spellings}
    assert len(positions) == 1 and positions != {NOT_FOUND}
    (position,) = positions
    row = districts.iloc[position]
    assert index.label(position) == "Belgorodsky district"
    assert row["point"] == "administrative centre" and row["source_url"].startswith("http")
    assert (round(row["latitude"], 1), round(row["longitude"], 1)) == (50.5, 36.5)  # Maysky
    assert index.locate("Shebekinsky city district", "RU-BEL") >= 0
    assert index.locate("Korenevsky district", "RU-KRS") >= 0
    assert index.locate("Korenevsky district", "RU-BEL") == NOT_FOUND


def test_a_former_raion_is_labelled_with_its_2016_name_and_lies_in_its_oblast() -> None:
    districts = files.districts()
    index = DistrictIndex(districts)
    position = index.locate("Oleshky district", "UA-65")
    assert districts["kind"].iat[position] == "raion_pre2020"
    assert index.label(position) == "Oleshkivskyi raion (before 2020; Tsiurupynskyi until 2016)"
    assert districts["admin1_iso"].iat[position] == "UA-65"
    tokmak = index.locate("Tokmak district", "UA-23")
    # Drawn inside the old raion, near Tokmak (47.25 N, 35.71 E), not at the oblast.
    assert abs(districts["latitude"].iat[tokmak] - 47.25) < 0.2
    assert abs(districts["longitude"].iat[tokmak] - 35.71) < 0.3


def test_a_village_is_found_at_its_hromada_unless_two_hromadas_hold_its_name() -> None:
    table = pd.DataFrame(
        {
            "pcode": ["H1", "H2", "V1", "V2", "V3", "V4"],
            "kind": ["hromada", "hromada", *["settlement"] * 4],
            "name_en": ["Hlevakhivska", "Shakhivska", "", "", "", ""],
            "name_uk": ["Глевахівська", "Шахівська", "Крячки", "Коптєве", "Лісне", "Лісне"],
            "name_ru": "",
            "aliases": "",
            "label": ["Hlevakhivska hromada", "Shakhivska hromada"]
            + ["Hlevakhivska hromada", "Shakhivska hromada"] * 2,
            "admin1_iso": ["UA-32", "UA-14", "UA-32", "UA-14", "UA-32", "UA-32"],
            "latitude": 50.0,
            "longitude": 30.0,
            "point": "",
            "source_url": "",
        }
    )
    index = DistrictIndex(table)
    assert index.locate_settlement("Kriachky", "UA-32") == 2  # any script
    assert index.locate_settlement("Коптєве", "UA-14") == 3
    assert index.locate_settlement("Kriachky", "UA-14") == NOT_FOUND  # another oblast
    assert index.locate_settlement("Lisne", "UA-32") == AMBIGUOUS  # two hromadas
    # A village is never a district: "Kriachky district" names nothing.
    assert index.locate("Kriachky district", "UA-32") == NOT_FOUND
