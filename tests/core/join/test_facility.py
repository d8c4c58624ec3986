"""Linking incidents to catalogue sites: name, distance, refusal, ambiguity."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.core.geo.facilities import COLUMNS, Catalogue
from dashboard.core.join.facility import DISTANCE_KM, link_facilities

KM = 1 / 111.2  # one km of latitude, in degrees


def catalogue(*sites: dict) -> Catalogue:
    """Hand-made sites; unspecified columns are blank."""
    rows = []
    for site in sites:
        row = {c: "" for c in COLUMNS} | {"capacity": np.nan, "capacity_alt": np.nan}
        rows.append(row | site)
    return Catalogue.from_frame(pd.DataFrame(rows, columns=list(COLUMNS)))


REFINERY = {
    "facility_id": "ref-a",
    "name_en": "Alpha refinery",
    "aliases": "Alphaneft|Alpha oil refinery",
    "facility_type": "refinery",
    "family": "refining",
    "country": "RU",
    "admin1_iso": "RU-AAA",
    "latitude": 50.0,
    "longitude": 40.0,
    "capacity": 10.0,
    "capacity_unit": "Mt/yr",
    "coord_precision": "site",
}
PLANT = {
    "facility_id": "tpp-b",
    "name_en": "Betta thermal power plant",
    "aliases": "Betta TPP|Bettska",
    "facility_type": "thermal_power_plant",
    "family": "power",
    "country": "UA",
    "admin1_iso": "UA-99",
    "latitude": 48.0,
    "longitude": 30.0,
    "capacity": 1800.0,
    "capacity_unit": "MW",
    "coord_precision": "site",
}


def incidents(**columns: list) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    base = {
        "id": [f"r{i}" for i in range(n)],
        "facility_type": ["refinery"] * n,
        "facility_name": [""] * n,
        "target_country": ["RU"] * n,
        "admin1_iso": ["RU-AAA"] * n,
        "latitude": [50.0] * n,
        "longitude": [40.0] * n,
        "location_precision": ["settlement"] * n,
        "place_note": [""] * n,
    }
    return pd.DataFrame(base | columns)


def test_a_name_or_alias_links_and_carries_the_capacity() -> None:
    cat = catalogue(REFINERY, PLANT)
    linked = link_facilities(
        incidents(facility_name=["Alphaneft refinery (Rosneft)", "ALPHA oil refinery"]), cat
    )
    assert linked["facility_id"].tolist() == ["ref-a", "ref-a"]
    assert linked["facility_match"].tolist() == ["name_and_distance"] * 2
    assert linked["facility_capacity"].tolist() == [10.0, 10.0]
    assert linked["facility_capacity_unit"].tolist() == ["Mt/yr", "Mt/yr"]


def test_a_name_in_cyrillic_or_another_spelling_links() -> None:
    cat = catalogue(REFINERY | {"name_ru": "Альфинский НПЗ"})
    linked = link_facilities(incidents(facility_name=["Альфинский НПЗ"]), cat)
    assert linked["facility_id"].tolist() == ["ref-a"]


def test_a_name_far_from_the_record_is_not_trusted() -> None:
    """Same name, but the record's town is 200 km away: another site of that name."""
    cat = catalogue(REFINERY)
    far = incidents(facility_name=["Alpha refinery"], latitude=[50.0 + 200 * KM])
    assert link_facilities(far, cat)["facility_id"].tolist() == [""]


def test_a_name_of_another_family_is_not_linked() -> None:
    """An oil depot record that mentions the refinery's name is not the refinery."""
    cat = catalogue(REFINERY)
    depot = incidents(facility_type=["oil_depot"], facility_name=["Alphaneft oil depot"])
    assert link_facilities(depot, cat)["facility_id"].tolist() == [""]


def test_a_one_word_alias_needs_a_record_of_the_sites_kind() -> None:
    """'Bettska' alone may be the town: an unspecific record does not link by it."""
    cat = catalogue(PLANT)
    rows = incidents(
        facility_type=["other_energy", "thermal_power_plant", "other_energy"],
        facility_name=["energy facility in Bettska", "Bettska plant", "Betta TPP"],
        target_country=["UA"] * 3,
        admin1_iso=["UA-99"] * 3,
        latitude=[48.0] * 3,
        longitude=[30.0] * 3,
    )
    assert link_facilities(rows, cat)["facility_id"].tolist() == ["", "tpp-b", "tpp-b"]


def test_a_distance_match_within_the_radius() -> None:
    cat = catalogue(REFINERY)
    near = incidents(facility_name=["oil refinery"], latitude=[50.0 + 8 * KM])
    linked = link_facilities(near, cat)
    assert linked["facility_id"].tolist() == ["ref-a"]
    assert linked["facility_match"].tolist() == ["distance"]


def test_no_forced_match_beyond_the_radius_or_at_region_level() -> None:
    cat = catalogue(REFINERY)
    rows = incidents(
        facility_name=["oil refinery", "oil refinery"],
        latitude=[50.0 + (DISTANCE_KM + 5) * KM, 50.0],
        location_precision=["settlement", "region"],
    )
    assert link_facilities(rows, cat)["facility_id"].tolist() == ["", ""]


def test_two_sites_within_reach_are_refused_and_listed() -> None:
    """A record between two refineries could be either: no link, both listed."""
    other = REFINERY | {
        "facility_id": "ref-c",
        "name_en": "Gamma refinery",
        "aliases": "",
        "latitude": 50.0 + 10 * KM,
    }
    cat = catalogue(REFINERY, other)
    between = incidents(facility_name=["refinery"], latitude=[50.0 + 5 * KM])
    linked = link_facilities(between, cat)
    assert linked["facility_id"].tolist() == [""]
    assert linked["facility_candidates"].tolist() == ["ref-a|ref-c"]
    named = incidents(facility_name=["Gamma refinery"], latitude=[50.0 + 5 * KM])
    assert link_facilities(named, cat)["facility_id"].tolist() == ["ref-c"]


def test_a_named_site_moves_a_region_level_record_to_the_plant() -> None:
    cat = catalogue(PLANT)
    rows = incidents(
        facility_type=["thermal_power_plant"],
        facility_name=["Betta TPP"],
        target_country=["UA"],
        admin1_iso=["UA-99"],
        latitude=[47.0],
        longitude=[31.0],
        location_precision=["region"],
    )
    linked = link_facilities(rows, cat)
    assert linked["facility_id"].tolist() == ["tpp-b"]
    assert (linked["latitude"].iat[0], linked["longitude"].iat[0]) == (48.0, 30.0)
    assert linked["location_precision"].iat[0] == "point"
    assert "Betta thermal power plant" in linked["place_note"].iat[0]


@pytest.mark.parametrize(
    ("name", "facility_type", "expected"),
    [
        ("Ryazan oil refinery (Rosneft)", "refinery", "ru-ref-ryazan"),
        ("Burshtyn TPP (DTEK)", "thermal_power_plant", "wri-1005097"),
        ("Kirishi refinery (KINEF)", "refinery", "ru-ref-kirishi"),
    ],
)
def test_bundled_strikes_link_to_the_real_catalogue(bundled, name, facility_type, expected):
    rows = bundled.incidents[bundled.incidents["facility_name"].astype(str) == name]
    assert len(rows), name
    assert set(rows["facility_id"]) == {expected}


def test_every_bundled_ryazan_refinery_strike_links(bundled) -> None:
    named = bundled.incidents["facility_name"].astype(str).str.contains("Ryazan") & (
        bundled.incidents["facility_type"].astype(str) == "refinery"
    )
    assert named.sum() >= 5
    assert set(bundled.incidents.loc[named, "facility_id"]) == {"ru-ref-ryazan"}
