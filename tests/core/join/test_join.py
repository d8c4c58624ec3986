from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from dashboard.core.join.place import COAST_TOLERANCE_KM, Geography, locate_points, place_incidents


def squares() -> gpd.GeoDataFrame:
    """Two 1°x1° units side by side: XX-A west of lon 1, XX-B east of it."""
    return gpd.GeoDataFrame(
        {
            "admin1_iso": ["XX-A", "XX-B"],
            "name_en": ["Alpha Oblast", "Beta Oblast"],
            "name_local": ["", ""],
            "aliases": ["", ""],
        },
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)],
        crs="EPSG:4326",
    )


def tiny_geo() -> Geography:
    places = pd.DataFrame(
        {
            "geonameid": [1],
            "name": ["Gamma"],
            "country": ["XX"],
            "admin1_iso": ["XX-B"],
            "latitude": [0.5],
            "longitude": [1.5],
            "population": [5000],
            "alternatenames": ["Гамма"],
        }
    )
    return Geography.from_frames(squares(), places)


def frame(**columns: list) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    base = {
        "id": [f"r{i}" for i in range(n)],
        "settlement": [""] * n,
        "admin1": [""] * n,
        "admin1_iso": [""] * n,
        "target_country": [""] * n,
        "latitude": [np.nan] * n,
        "longitude": [np.nan] * n,
        "location_precision": [""] * n,
    }
    base.update(columns)
    return pd.DataFrame(base)


def test_point_in_polygon_and_nearest_fallback() -> None:
    lon = np.array([0.5, 1.5, 2.05, 5.0])  # inside A, inside B, ~5.5 km east of B, far away
    lat = np.array([0.5, 0.5, 0.5, 0.5])
    assert locate_points(lon, lat, squares()).tolist() == ["XX-A", "XX-B", "XX-B", ""]
    assert COAST_TOLERANCE_KM < 100


def test_settlement_name_places_the_record_in_any_script() -> None:
    placed = place_incidents(frame(settlement=["Gamma", "Гамма"]), tiny_geo()).placed
    assert placed["admin1_iso"].tolist() == ["XX-B", "XX-B"]
    assert placed[["latitude", "longitude"]].to_numpy().tolist() == [[0.5, 1.5], [0.5, 1.5]]
    assert set(placed["location_precision"]) == {"settlement"}


def test_a_settlement_given_with_another_name_is_found_by_either() -> None:
    names = ["Stakhanov (Gamma)", "Gamma / Stakhanov", "Stakhanov"]
    placed = place_incidents(frame(settlement=names, admin1=["Beta Oblast"] * 3), tiny_geo())
    assert placed.placed["location_precision"].tolist() == ["settlement", "settlement", "region"]


def test_region_only_record_is_drawn_at_the_region() -> None:
    result = place_incidents(frame(admin1=["Alpha Oblast"]), tiny_geo())
    row = result.placed.iloc[0]
    assert (row.admin1_iso, row.location_precision) == ("XX-A", "region")
    assert 0 < row.longitude < 1 and 0 < row.latitude < 1


def test_unplaceable_records_are_kept_with_a_reason() -> None:
    result = place_incidents(
        frame(settlement=["Atlantis", ""], admin1=["", "Omega Oblast"]), tiny_geo()
    )
    assert result.placed.empty
    reasons = result.unplaced["reason"].tolist()
    assert "'Atlantis' is not in the gazetteer" in reasons[0]
    assert "'Omega Oblast' is not a known region" in reasons[1]


def test_a_namesake_in_another_region_is_not_used() -> None:
    result = place_incidents(frame(settlement=["Gamma"], admin1=["Alpha Oblast"]), tiny_geo())
    row = result.placed.iloc[0]
    assert (row.admin1_iso, row.location_precision) == ("XX-A", "region")
    assert "not in the gazetteer" in row.place_note


def test_coordinates_far_from_the_named_town_win() -> None:
    result = place_incidents(
        frame(settlement=["Gamma"], latitude=[0.5], longitude=[0.2]), tiny_geo()
    )
    row = result.placed.iloc[0]
    assert row.admin1_iso == "XX-A"
    assert "coordinates used" in row.place_note


def test_target_country_comes_from_the_place() -> None:
    result = place_incidents(frame(settlement=["Gamma"], target_country=["UA"]), tiny_geo())
    row = result.placed.iloc[0]
    assert row.target_country == "XX"
    assert "differs" in row.place_note


@pytest.mark.parametrize(
    ("lat", "lon", "iso"),
    [
        (44.6, 33.52, "UA-40"),  # Sevastopol
        (45.0, 34.1, "UA-43"),  # Crimea
        (46.635, 32.617, "UA-65"),  # Kherson, outside the coarse coastline
        (50.6, 36.6, "RU-BEL"),
        (49.99, 36.23, "UA-63"),
    ],
)
def test_real_polygons_place_points(geo: Geography, lat: float, lon: float, iso: str) -> None:
    placed = place_incidents(frame(latitude=[lat], longitude=[lon]), geo).placed
    assert placed["admin1_iso"].tolist() == [iso]
    assert placed["target_country"].tolist() == [iso[:2]]


def test_real_settlements_with_region_hints(geo: Geography) -> None:
    records = frame(
        settlement=["Kharkov", "Харків", "Kharkiv", "Sevastopol", "Kherson"],
        admin1=["", "", "Kharkiv Oblast", "", "Kherson Oblast"],
    )
    placed = place_incidents(records, geo).placed
    assert placed["admin1_iso"].tolist() == ["UA-63", "UA-63", "UA-63", "UA-40", "UA-65"]


#: Where a row may be, for the tiny geography: names in two scripts, an unknown town,
#: regions by name and by code, coordinates inside, far off, at 0.0 and at -0.0.
PLACES = {
    "settlement": ["Gamma", "Гамма", "Atlantis", ""],
    "admin1": ["", "Alpha Oblast", "Beta Oblast", "Omega Oblast"],
    "admin1_iso": ["", "XX-B", "bad"],
    "target_country": ["", "XX", "UA", None],
    "point": [(np.nan, np.nan), (0.5, 1.5), (0.5, 0.2), (0.5, 5.0), (-0.0, 0.5), (0.0, 0.5)],
    "location_precision": ["", "region", "settlement"],
}


@st.composite
def place_rows(draw: st.DrawFn) -> list[dict]:
    """Rows over at most two values per column: many rows then differ in one column only,
    which is where a wrong grouping of distinct places would show."""
    choices = {
        c: draw(st.lists(st.sampled_from(range(len(v))), min_size=1, max_size=2, unique=True))
        for c, v in PLACES.items()
    }
    row = st.fixed_dictionaries(
        {c: st.sampled_from([PLACES[c][i] for i in choices[c]]) for c in PLACES}
    )
    return draw(st.lists(row, min_size=1, max_size=12))


@settings(max_examples=80, deadline=None)
@given(place_rows())
def test_rows_are_placed_as_they_are_one_by_one(rows: list[dict]) -> None:
    """Each distinct place is worked out once and spread over its rows: the outcome is
    what placing each row on its own gives."""
    records = pd.DataFrame(rows)
    records[["latitude", "longitude"]] = records.pop("point").tolist()
    records.insert(0, "id", [f"r{i}" for i in range(len(records))])
    geo = tiny_geo()
    whole = place_incidents(records, geo)
    alone = [place_incidents(records.iloc[[i]], geo) for i in range(len(records))]
    for part in ("placed", "unplaced"):
        got = getattr(whole, part).reset_index(drop=True)
        pieces = [getattr(one, part) for one in alone if len(getattr(one, part))]
        if not pieces:
            assert got.empty
            continue
        want = pd.concat(pieces, ignore_index=True)
        # Text per place comes as categories, whose sets differ between calls.
        pd.testing.assert_frame_equal(plain(got), plain(want), check_exact=True)


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype({c: object for c in frame.select_dtypes("category").columns})


def district_geo() -> Geography:
    """``tiny_geo`` with one raion in Beta Oblast, centred at (0.25, 1.75)."""
    geo = tiny_geo()
    districts = pd.DataFrame(
        {
            "pcode": ["XX0102"],
            "kind": ["raion"],
            "name_en": ["Deltivskyi"],
            "name_uk": ["Дельтівський"],
            "name_ru": ["Дельтовский"],
            "aliases": [""],
            "label": ["Deltivskyi raion"],
            "admin1_iso": ["XX-B"],
            "latitude": [0.25],
            "longitude": [1.75],
        }
    )
    return Geography.from_frames(geo.admin1, geo.gazetteer.places, districts=districts)


def test_a_record_naming_its_district_is_drawn_at_the_district() -> None:
    rows = frame(
        district=["Deltivskyi raion", "Дельтівський район", "Deltivskyi raion"],
        admin1=["Beta Oblast"] * 3,
        settlement=["", "", "Gamma"],
    )
    placed = place_incidents(rows, district_geo()).placed
    # A town the gazetteer knows wins over its district.
    assert placed["location_precision"].tolist() == ["district", "district", "settlement"]
    assert placed[["latitude", "longitude"]].to_numpy().tolist()[:2] == [[0.25, 1.75]] * 2
    assert placed["place_name"].tolist()[:2] == ["Deltivskyi raion"] * 2


def test_a_village_the_gazetteer_lacks_falls_back_to_its_district_not_the_region() -> None:
    rows = frame(settlement=["Tinyville"], district=["Deltivskyi"], admin1=["Beta Oblast"])
    placed = place_incidents(rows, district_geo()).placed
    assert placed["location_precision"].tolist() == ["district"]
    assert placed["place_name"].tolist() == ["Tinyville"]
    assert "placed at Deltivskyi raion" in placed["place_note"].iat[0]


def test_an_unknown_district_or_a_region_only_record_stays_at_the_region() -> None:
    rows = frame(
        district=["Nowhere district", "Deltivskyi raion", "Deltivskyi raion"],
        admin1=["Beta Oblast", "Beta Oblast", "Alpha Oblast"],
        location_precision=["", "region", ""],
    )
    placed = place_incidents(rows, district_geo()).placed
    assert placed["location_precision"].tolist() == ["region"] * 3
    assert "district 'Nowhere district' not found in XX-B" in placed["place_note"].iat[0]
    assert placed["place_note"].iat[0].endswith("placed at the region")


def test_a_district_level_record_read_back_from_an_export_stays_district_level() -> None:
    """An export carries the district's point; read back, the record is still known to
    its district only, village or not, and keeps that point."""
    geo = district_geo()
    rows = frame(settlement=["", "Tinyville"], district=["Deltivskyi raion"] * 2)
    rows["admin1"] = "Beta Oblast"
    first = place_incidents(rows, geo).placed
    again = place_incidents(first.drop(columns=["place_note", "place_name"]), geo).placed
    assert again["location_precision"].tolist() == ["district", "district"]
    assert again[["latitude", "longitude"]].to_numpy().tolist() == [[0.25, 1.75]] * 2
    # Known by the same name, so duplicates are merged as on the first reading.
    assert again["place_name"].tolist() == first["place_name"].tolist()


def village_geo() -> Geography:
    """``tiny_geo`` with a hromada in Beta Oblast and the codifier's villages: Tinyvillage
    in it, and two Twinvilles in two hromadas."""
    geo = tiny_geo()
    kinds = ["hromada", "hromada", "settlement", "settlement", "settlement"]
    labels = ["Deltivska hromada", "Epsilonska hromada"]
    districts = pd.DataFrame(
        {
            "pcode": ["H1", "H2", "V1", "V2", "V3"],
            "kind": kinds,
            "name_en": ["Deltivska", "Epsilonska", "", "", ""],
            "name_uk": ["Дельтівська", "Епсилонська", "Tinyvillage", "Twinville", "Twinville"],
            "name_ru": "",
            "aliases": "",
            "label": [*labels, labels[0], *labels],
            "admin1_iso": "XX-B",
            "latitude": [0.25, 0.3, 0.25, 0.25, 0.3],
            "longitude": [1.75, 1.6, 1.75, 1.75, 1.6],
        }
    )
    return Geography.from_frames(geo.admin1, geo.gazetteer.places, districts=districts)


def test_a_village_only_the_codifier_knows_is_drawn_at_its_hromada() -> None:
    rows = frame(
        settlement=["Tinyvillage", "Twinville", "Tinyvillage"],
        admin1=["Beta Oblast", "Beta Oblast", "Alpha Oblast"],
    )
    placed = place_incidents(rows, village_geo()).placed
    assert placed["location_precision"].tolist() == ["district", "region", "region"]
    assert placed[["latitude", "longitude"]].to_numpy().tolist()[0] == [0.25, 1.75]
    assert placed["place_name"].iat[0] == "Tinyvillage (Deltivska hromada)"
    assert "placed at its hromada, Deltivska hromada" in placed["place_note"].iat[0]
    # Two hromadas hold a Twinville: neither is guessed.
    assert "'Twinville' is in two hromadas of XX-B" in placed["place_note"].iat[1]
