"""Checks on the committed offline geodata and vendored map files (no network, no build deps)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
GEODATA = REPO_ROOT / "geodata"
VENDOR = REPO_ROOT / "dashboard" / "static" / "vendor"

VENDOR_FILES = [
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "leaflet/images/marker-icon.png",
    "leaflet/images/marker-icon-2x.png",
    "leaflet/images/marker-shadow.png",
    "leaflet/images/layers.png",
    "leaflet/images/layers-2x.png",
    "markercluster/leaflet.markercluster.js",
    "markercluster/MarkerCluster.css",
    "markercluster/MarkerCluster.Default.css",
    "leaflet-heat/leaflet-heat.js",
]
VENDOR_FOLDERS = ["leaflet", "markercluster", "leaflet-heat"]


@pytest.fixture(scope="module")
def admin1() -> gpd.GeoDataFrame:
    return gpd.read_parquet(GEODATA / "admin1.parquet")


@pytest.fixture(scope="module")
def places() -> pd.DataFrame:
    return pd.read_parquet(GEODATA / "places.parquet")


@pytest.fixture(scope="module")
def catalogue() -> dict:
    return json.loads((GEODATA / "catalogue.json").read_text(encoding="utf-8"))


def point(lon: float, lat: float):
    """A shapely point, made through geopandas so the tests need nothing else."""
    return gpd.points_from_xy([lon], [lat])[0]


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_admin1_has_the_expected_columns(admin1: gpd.GeoDataFrame) -> None:
    assert list(admin1.columns) == [
        "admin1_iso",
        "country",
        "name_en",
        "name_local",
        "aliases",
        "geometry",
    ]


def test_admin1_counts_per_country_match_iso_3166_2(admin1: gpd.GeoDataFrame) -> None:
    assert admin1["country"].value_counts().to_dict() == {"RU": 83, "MD": 37, "UA": 27, "BY": 7}


def test_admin1_codes_are_unique_and_match_their_country(admin1: gpd.GeoDataFrame) -> None:
    assert admin1["admin1_iso"].is_unique
    assert (admin1["admin1_iso"].str[:2] == admin1["country"]).all()


@pytest.mark.parametrize("code", ["UA-43", "UA-40"])
def test_crimea_and_sevastopol_belong_to_ukraine(admin1: gpd.GeoDataFrame, code: str) -> None:
    assert admin1.set_index("admin1_iso").loc[code, "country"] == "UA"


def test_admin1_geometries_are_valid_multipolygons_in_wgs84(admin1: gpd.GeoDataFrame) -> None:
    assert admin1.crs is not None and admin1.crs.to_epsg() == 4326
    assert admin1.is_valid.all()
    assert (admin1.geom_type == "MultiPolygon").all()
    assert not admin1.is_empty.any()


@pytest.mark.parametrize(
    ("lat", "lon", "code"),
    [
        (49.99, 36.23, "UA-63"),
        (44.6, 33.52, "UA-40"),
        (50.6, 36.6, "RU-BEL"),
        (50.45, 30.52, "UA-30"),
        (55.75, 37.62, "RU-MOW"),
    ],
)
def test_point_falls_in_the_right_admin1(
    admin1: gpd.GeoDataFrame, lat: float, lon: float, code: str
) -> None:
    hits = admin1.loc[admin1.contains(point(lon, lat)), "admin1_iso"].tolist()
    assert hits == [code]


@pytest.mark.parametrize(
    ("code", "name_en", "name_local"),
    [
        ("UA-63", "Kharkiv Oblast", "Харківська область"),
        ("UA-43", "Autonomous Republic of Crimea", "Автономна Республіка Крим"),
        ("UA-30", "Kyiv", "Київ"),
        ("RU-BEL", "Belgorod Oblast", "Белгородская область"),
        ("RU-KDA", "Krasnodar Krai", "Краснодарский край"),
        ("RU-BA", "Republic of Bashkortostan", "Республика Башкортостан"),
        ("RU-MOW", "Moscow", "Москва"),
        ("RU-MOS", "Moscow Oblast", "Московская область"),
        ("BY-MI", "Minsk Region", "Мінская вобласць"),
        ("MD-CU", "Chisinau", "Municipiul Chișinău"),
    ],
)
def test_admin1_names(admin1: gpd.GeoDataFrame, code: str, name_en: str, name_local: str) -> None:
    row = admin1.set_index("admin1_iso").loc[code]
    assert (row["name_en"], row["name_local"]) == (name_en, name_local)


@pytest.mark.parametrize(
    ("code", "alias"),
    [
        ("UA-63", "Kharkov Oblast"),
        ("UA-63", "Kharkiv region"),
        ("UA-63", "Kharkivska Oblast"),
        ("UA-63", "Харьковская область"),
        ("RU-BEL", "Belgorodskaya Oblast"),
        ("UA-30", "Kiev"),
        ("UA-43", "Crimea"),
    ],
)
def test_admin1_aliases_include_common_spellings(
    admin1: gpd.GeoDataFrame, code: str, alias: str
) -> None:
    aliases = admin1.set_index("admin1_iso").loc[code, "aliases"].split("|")
    assert alias in aliases


def test_admin1_aliases_are_unambiguous_and_non_empty(admin1: gpd.GeoDataFrame) -> None:
    owners: dict[str, set[str]] = {}
    for code, aliases in zip(admin1["admin1_iso"], admin1["aliases"], strict=True):
        for alias in aliases.split("|"):
            assert alias.strip() == alias and alias
            owners.setdefault(alias.casefold(), set()).add(code)
    shared = {alias: codes for alias, codes in owners.items() if len(codes) > 1}
    assert shared == {}


def test_places_columns_and_types(places: pd.DataFrame) -> None:
    assert list(places.columns) == [
        "geonameid",
        "name",
        "country",
        "admin1_iso",
        "latitude",
        "longitude",
        "population",
        "alternatenames",
    ]
    assert places["geonameid"].dtype == "int64" and places["population"].dtype == "int64"
    assert places["latitude"].dtype == "float64" and places["longitude"].dtype == "float64"
    assert places["geonameid"].is_unique and places["geonameid"].is_monotonic_increasing
    assert set(places["country"]) == {"UA", "RU", "BY", "MD"}


def test_every_place_has_an_admin1_code_from_admin1(
    places: pd.DataFrame, admin1: gpd.GeoDataFrame
) -> None:
    assert places["admin1_iso"].notna().all()
    assert set(places["admin1_iso"]) <= set(admin1["admin1_iso"])
    assert (places["admin1_iso"].str[:2] == places["country"]).all()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Kharkiv", "UA-63"),
        ("Sevastopol", "UA-40"),
        ("Simferopol", "UA-43"),
        ("Belgorod", "RU-BEL"),
        ("Kyiv", "UA-30"),
    ],
)
def test_places_keep_their_region(places: pd.DataFrame, name: str, code: str) -> None:
    biggest = places[places["name"] == name].sort_values("population").iloc[-1]
    assert biggest["admin1_iso"] == code


def test_kharkiv_alternate_names_include_russian_and_ukrainian_forms(places: pd.DataFrame) -> None:
    kharkiv = places.loc[places["geonameid"] == 706483].iloc[0]
    names = kharkiv["alternatenames"].split("|")
    assert "Kharkov" in names and "Харків" in names


def test_alternate_names_hold_only_latin_or_cyrillic_names(places: pd.DataFrame) -> None:
    names = places["alternatenames"].str.split("|").explode().dropna()
    names = names[names != ""]
    assert names.str.contains(r"[^\W\d_]").all()  # every name has a letter
    assert not names.str.contains(r"https?:|www\.").any()
    assert not names.str.contains(r"[\u0370-\u03ff\u0590-\u06ff\u3040-\u9fff\uac00-\ud7af]").any()
    assert "HRK" not in names.tolist()  # Kharkiv's IATA code


def test_countries_basemap_puts_crimea_in_ukraine() -> None:
    countries = gpd.read_parquet(GEODATA / "countries.parquet")
    assert list(countries.columns) == ["iso_a2", "name_en", "geometry"]
    assert countries.crs is not None and countries.crs.to_epsg() == 4326
    assert countries.is_valid.all()
    assert "-99" not in set(countries["iso_a2"])
    hits = countries.loc[countries.contains(point(34.1, 44.95)), "iso_a2"].tolist()
    assert hits == ["UA"]


def test_catalogue_checksums_match_files_on_disk(catalogue: dict) -> None:
    assert set(catalogue["layers"]) == {"admin1", "places", "countries", "facilities", "districts"}
    assert list(catalogue["vendor"]) == VENDOR_FOLDERS
    for entry in catalogue["layers"].values():
        assert sha256_of(REPO_ROOT / entry["file"]) == entry["sha256"], entry["file"]
        assert entry["licence"] and entry["attribution"] and entry["source_sha256"]
    for package in catalogue["vendor"].values():
        for name, digest in package["files"].items():
            assert sha256_of(REPO_ROOT / package["folder"] / name) == digest, name


def test_catalogue_row_counts_match_files(catalogue: dict) -> None:
    for entry in catalogue["layers"].values():
        assert len(pd.read_parquet(REPO_ROOT / entry["file"])) == entry["rows"]


def test_geonames_attribution_is_recorded(catalogue: dict) -> None:
    attribution = catalogue["layers"]["places"]["attribution"]
    assert attribution == "Contains data from GeoNames (geonames.org), CC BY 4.0"


@pytest.mark.parametrize("relative", VENDOR_FILES)
def test_vendor_file_exists_and_is_not_empty(relative: str) -> None:
    path = VENDOR / relative
    assert path.is_file() and path.stat().st_size > 0


@pytest.mark.parametrize("folder", VENDOR_FOLDERS)
def test_vendor_folder_keeps_its_licence(folder: str) -> None:
    assert (VENDOR / folder / "LICENSE.txt").stat().st_size > 0


def test_vendor_holds_only_the_catalogued_folders(catalogue: dict) -> None:
    shipped = sorted(path.name for path in VENDOR.iterdir())
    assert shipped == sorted(VENDOR_FOLDERS)
    for package in catalogue["vendor"].values():
        folder = REPO_ROOT / package["folder"]
        on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        assert on_disk == set(package["files"]), package["folder"]


def test_vendored_files_reference_no_missing_source_maps() -> None:
    for path in VENDOR.rglob("*"):
        if path.suffix in {".js", ".css"}:
            assert b"sourceMappingURL" not in path.read_bytes(), path


def test_facility_catalogue_is_consistent(catalogue: dict) -> None:
    from dashboard.core.geo.facilities import COLUMNS
    from dashboard.core.vocab import CATALOGUE_TYPES, FACILITY_FAMILIES, WRI_CREDIT

    sites = gpd.read_parquet(GEODATA / "facilities.parquet")
    assert list(sites.columns) == [*COLUMNS, "geometry"]
    assert sites.crs is not None and sites.crs.to_epsg() == 4326
    assert sites["facility_id"].is_unique
    assert set(sites["facility_type"]) <= set(CATALOGUE_TYPES)
    assert (sites["family"] == sites["facility_type"].map(FACILITY_FAMILIES)).all()
    assert set(sites["coord_precision"]) <= {"site", "town", "none"}
    assert (sites["geometry"].isna() == (sites["coord_precision"] == "none")).all()
    assert (sites["source_url"] != "").sum() > 0.9 * len(sites)
    wri = sites["facility_id"].str.startswith("wri-")
    assert set(sites.loc[wri, "attribution"]) == {WRI_CREDIT}
    assert set(sites.loc[wri & sites["capacity"].notna(), "capacity_unit"]) == {"MW"}
    assert set(sites.loc[~wri & sites["capacity"].notna(), "capacity_unit"]) <= {"Mt/yr"}
    # Borders by international recognition: WRI lists these Crimean plants under Russia.
    crimea = sites.set_index("facility_id").loc[["wri-1062060", "wri-1062061"]]
    assert set(crimea["country"]) == {"UA"}
    assert set(crimea["admin1_iso"]) <= {"UA-40", "UA-43"}
    assert WRI_CREDIT in catalogue["layers"]["facilities"]["attribution"]


def test_the_catalogue_carries_every_name_the_names_file_gives() -> None:
    """Ukrainian and Russian names reach any kind of site (WRI plants, compiled refineries
    and terminals, depots derived from the incidents), and the file's spellings are
    aliases: rebuild with ``geodata/build.py --only facilities`` after editing it."""
    names = pd.read_csv(REPO_ROOT / "data/facility-aliases.csv", dtype=str, keep_default_na=False)
    catalogue = gpd.read_parquet(GEODATA / "facilities.parquet").set_index("facility_id")
    assert {i.split("-")[0] for i in names["facility_id"]} == {"wri", "ru", "ua"}
    for row in names.itertuples(index=False):
        site = catalogue.loc[row.facility_id]
        for column in ("name_uk", "name_ru", "name_en"):
            given = getattr(row, column)
            assert not given or site[column] == given, (row.facility_id, column)
        aliases = set(site["aliases"].split("|"))
        assert {a for a in row.aliases.split("|") if a} <= aliases, row.facility_id


def test_names_added_from_reporting_cite_their_pages() -> None:
    names = pd.read_csv(REPO_ROOT / "data/facility-aliases.csv", dtype=str, keep_default_na=False)
    compiled = names[~names["facility_id"].str.startswith("wri-")]
    assert (compiled["source_url"].str.startswith("http")).all()
