from __future__ import annotations

import pandas as pd
import pytest

from dashboard.core.geo.gazetteer import Gazetteer, RegionIndex
from dashboard.core.join.place import Geography


def small_gazetteer() -> Gazetteer:
    places = pd.DataFrame(
        {
            "geonameid": [1, 2, 3, 4, 5],
            "name": ["Belgorod", "Bilhorod-Dnistrovskyi", "Ukrainka", "Ukrayinka", "Mykolaiv"],
            "country": ["RU", "UA", "UA", "UA", "UA"],
            "admin1_iso": ["RU-BEL", "UA-51", "UA-43", "UA-32", "UA-48"],
            "latitude": [50.6, 46.19, 45.0, 50.14, 46.97],
            "longitude": [36.6, 30.34, 34.0, 30.74, 32.0],
            "population": [345_000, 48_000, 2_500, 15_000, 470_000],
            "alternatenames": [
                "Bilhorod|Белгород",
                "Belgorod-Dnestrovsky|Bilhorod",
                "",
                "Ukrainka",
                "",
            ],
        }
    )
    return Gazetteer(places)


def test_primary_name_beats_a_noisy_alternate_name() -> None:
    assert small_gazetteer().lookup("Bilhorod").admin1_iso == "RU-BEL"


def test_a_spelling_of_a_larger_town_beats_a_village_of_that_main_name() -> None:
    """Ukrainka is a village's main name and the alternate spelling of Ukrayinka, six
    times larger: population decides between places the name spells."""
    assert small_gazetteer().lookup("Ukrainka").admin1_iso == "UA-32"


def test_spelling_variants_are_found_when_no_name_matches_exactly() -> None:
    place = small_gazetteer().lookup("Mikolaiv")
    assert place is not None and place.name == "Mykolaiv" and place.match == "variant"


def test_real_gazetteer_prefers_the_city_a_spelling_names(geo: Geography) -> None:
    assert geo.gazetteer.lookup("Cherkassy", country="UA").name == "Cherkasy"
    assert geo.gazetteer.lookup("Oleksandrivka", country="UA").name != "Donetsk"


def test_region_hint_is_binding() -> None:
    gazetteer = small_gazetteer()
    assert gazetteer.lookup("Ukrainka", admin1_iso="UA-32").admin1_iso == "UA-32"
    assert gazetteer.lookup("Belgorod", admin1_iso="UA-51") is None


def test_unknown_name_is_none() -> None:
    assert small_gazetteer().lookup("Atlantis") is None
    assert small_gazetteer().lookup("  ") is None


@pytest.mark.parametrize("name", ["Kharkov", "Харків", "Kharkiv", "Харьков", "KHARKIV"])
def test_kharkiv_in_any_spelling_is_ua_63(geo: Geography, name: str) -> None:
    place = geo.gazetteer.lookup(name)
    assert (place.name, place.admin1_iso) == ("Kharkiv", "UA-63")


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Zaporozhye", "UA-23"),
        ("Nikolaev", "UA-48"),
        ("Kiev", "UA-30"),
        ("Sevastopol", "UA-40"),
        ("Simferopol", "UA-43"),
        ("Енергодар", "UA-23"),
        ("Rostov-na-Donu", "RU-ROS"),
        ("Slavyansk-on-Kuban", "RU-KDA"),
        ("Sloviansk", "UA-14"),
        ("Bilhorod", "RU-BEL"),
    ],
)
def test_real_gazetteer_resolves_reporting_spellings(geo: Geography, name: str, iso: str) -> None:
    assert geo.gazetteer.lookup(name).admin1_iso == iso


@pytest.mark.parametrize(
    ("name", "iso"),
    [
        ("Kharkiv Oblast", "UA-63"),
        ("Kharkov region", "UA-63"),
        ("Харківська область", "UA-63"),
        ("Kyiv", "UA-30"),
        ("Kyiv Oblast", "UA-32"),
        ("Autonomous Republic of Crimea", "UA-43"),
        ("Krasnodar Krai", "RU-KDA"),
        ("Republic of Bashkortostan", "RU-BA"),
        ("RU-BEL", "RU-BEL"),
        ("ru-bel", "RU-BEL"),
    ],
)
def test_region_names_resolve_to_iso_codes(geo: Geography, name: str, iso: str) -> None:
    assert geo.regions.lookup(name) == iso


def test_unknown_region_is_none(geo: Geography) -> None:
    assert geo.regions.lookup("Atlantis Oblast") is None


def test_region_index_on_hand_made_units() -> None:
    admin1 = pd.DataFrame(
        {
            "admin1_iso": ["XX-01", "XX-02"],
            "name_en": ["Alpha", "Alpha Oblast"],
            "name_local": ["Альфа", "Альфинская область"],
            "aliases": ["", "Alpha region"],
        }
    )
    index = RegionIndex(admin1)
    assert index.lookup("Alpha") == "XX-01"
    assert index.lookup("alpha region") == "XX-02"
    assert index.lookup("Альфа") == "XX-01"
