"""``facilities.parquet``: the facility catalogue the incidents are linked to.

Inputs, all in the repository:

* power plants of Ukraine, Russia and Moldova: WRI's Global Power Plant Database
  v1.3.0 country files (``geodata/sources/power-plants-wri/``, CC BY 4.0);
* refineries, terminals, depots, pumping stations and gas sites compiled from public
  reporting, one source per row (``data/facilities.csv``);

and, for any of them, the Ukrainian and Russian names and the spellings reporting uses,
each with the page it was read on (``data/facility-aliases.csv``), and corrections of
WRI's errors checked on pages (``data/facility-corrections.csv``: a region, a position,
or a row that repeats another plant).

Countries come from where a site lies (Crimean plants listed under Russia by WRI
are in Ukraine here); a site without its own coordinates is placed at its town
from the gazetteer and marked ``coord_precision = town``.
"""

from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.core.geo.facilities import COLUMNS
from dashboard.core.join.place import Geography, locate_points
from dashboard.core.vocab import CATALOGUE_TYPES, FACILITY_FAMILIES, WRI_CREDIT

WRI_DIR = Path("geodata/sources/power-plants-wri")
WRI_FILES = {"UA": "Ukraine.csv", "RU": "Russia.csv", "MD": "Moldova.csv"}
WRI_LICENCE = "CC BY 4.0 (World Resources Institute)"
#: Ukrainian and Russian names and reporting spellings of any catalogue site, with sources.
NAMES_FILE = Path("data/facility-aliases.csv")
REPORTING_LICENCE = "Facts from the cited public reporting; compilation CC BY 4.0"
#: Errors in the inputs checked on pages: one field of one site per row, with its page.
CORRECTIONS_FILE = Path("data/facility-corrections.csv")
#: What a correction may set; ``duplicate_of`` drops a row that repeats another site
#: (its capacity would count twice in every total).
CORRECTABLE = (
    "admin1_iso",
    "latitude",
    "longitude",
    "coord_precision",
    "facility_type",
    "duplicate_of",
)
#: WRI's fuel -> catalogue type (fuel spellings vary between country files).
WRI_TYPES = {
    "coal": "thermal_power_plant",
    "natural gas": "thermal_power_plant",
    "gas": "thermal_power_plant",
    "fuel oil": "thermal_power_plant",
    "diesel": "thermal_power_plant",
    "blast furnace gas": "thermal_power_plant",
    "hydro": "hydro_power_plant",
    "nuclear": "nuclear_power_plant",
}
#: Words that name a plant's kind, dropped to get the short alias ("Burshtyn").
_KIND_WORDS = re.compile(
    r"\b(power station|power plant|thermal power station|pumped storage|tpp|hpp|chpp|chp|"
    r"gres|sdps|npp|ges|tes|tets)\b",
    re.I,
)


def build_facilities(repo: Path, geo: Geography) -> gpd.GeoDataFrame:
    """Both inputs as one GeoDataFrame in :data:`COLUMNS` order, sorted by id."""
    plants = _wri_plants(repo / WRI_DIR, geo)
    sites = _reported_sites(pd.read_csv(repo / "data/facilities.csv", dtype=str), geo)
    frame = pd.concat([plants, sites], ignore_index=True)
    corrections = pd.read_csv(repo / CORRECTIONS_FILE, dtype=str, keep_default_na=False)
    frame = with_corrections(frame, corrections)
    names = pd.read_csv(repo / NAMES_FILE, dtype=str, keep_default_na=False)
    frame = with_names(frame, names).sort_values("facility_id")
    bad = ~frame["facility_type"].isin(CATALOGUE_TYPES)
    if bad.any():
        raise ValueError(f"unknown facility types: {sorted(set(frame.loc[bad, 'facility_type']))}")
    dup = frame["facility_id"].duplicated()
    if dup.any():
        raise ValueError(f"facility ids repeat: {frame.loc[dup, 'facility_id'].tolist()}")
    frame["family"] = frame["facility_type"].map(FACILITY_FAMILIES)
    points = gpd.points_from_xy(frame["longitude"], frame["latitude"])
    out = gpd.GeoDataFrame(frame, geometry=points, crs="EPSG:4326")
    out.loc[frame["latitude"].isna().to_numpy(), "geometry"] = None
    return out[[*COLUMNS, "geometry"]].reset_index(drop=True)


def with_corrections(frame: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """The catalogue with each checked correction applied. A new region sets the country
    with it; a blank position is no position; a new type moves the site to that type's
    family (set after); a duplicate is dropped."""
    problems = [
        f"{CORRECTIONS_FILE} row {n + 2}: {problem}"
        for n, row in enumerate(corrections.itertuples(index=False))
        for problem in _correction_problems(row, frame)
    ]
    if problems:
        raise ValueError("; ".join(problems))
    frame = frame.set_index("facility_id")
    changes = corrections[corrections["field"] != "duplicate_of"]
    for site, field, value in changes[["facility_id", "field", "value"]].itertuples(index=False):
        if field in ("latitude", "longitude"):
            frame.loc[site, field] = float(value) if value else np.nan
        else:
            frame.loc[site, field] = value
        if field == "admin1_iso":
            frame.loc[site, "country"] = value[:2]
    repeats = corrections.loc[corrections["field"] == "duplicate_of", "facility_id"]
    return frame.drop(index=repeats).reset_index()


def _correction_problems(row, frame: pd.DataFrame) -> list[str]:
    """What is wrong with one correction row (nothing: an empty list)."""
    ids = set(frame["facility_id"])
    problems = []
    if row.facility_id not in ids:
        problems.append(f"facility_id {row.facility_id!r} is not in the catalogue")
    if row.field not in CORRECTABLE:
        problems.append(f"field {row.field!r} is not one of {', '.join(CORRECTABLE)}")
    if row.field == "duplicate_of" and row.value not in ids:
        problems.append(f"duplicate_of {row.value!r} is not in the catalogue")
    if row.field == "facility_type" and row.value not in CATALOGUE_TYPES:
        problems.append(f"facility_type {row.value!r} is not one of the catalogue's types")
    if row.field in ("latitude", "longitude") and row.value:
        try:
            float(row.value)
        except ValueError:
            problems.append(f"{row.field} {row.value!r} is not a number")
    if not row.source_url.startswith(("http://", "https://")):
        problems.append(f"source_url {row.source_url!r} is not a page")
    return problems


def with_names(frame: pd.DataFrame, names: pd.DataFrame) -> pd.DataFrame:
    """The catalogue with the names file applied to any site: its Ukrainian and Russian
    names where it gives one (a blank keeps what the site has), a new English name (the
    old one becomes an alias) and its aliases first."""
    unknown = set(names["facility_id"]) - set(frame["facility_id"])
    if unknown:
        raise ValueError(f"{NAMES_FILE} names unknown facility ids: {sorted(unknown)}")
    frame = frame.set_index("facility_id")
    names = names.set_index("facility_id")
    at = names.index
    renamed = (names["name_en"] != "").to_numpy()
    old_names = frame.loc[at, "name_en"].where(renamed, "")
    joined = names["aliases"] + "|" + old_names + "|" + frame.loc[at, "aliases"].fillna("")
    for column in ("name_uk", "name_ru", "name_en"):
        given = (names[column] != "").to_numpy()
        frame.loc[at[given], column] = names.loc[given, column]
    frame.loc[at, "aliases"] = joined.str.replace(r"\|{2,}", "|", regex=True).str.strip("|")
    return frame.reset_index()


def _wri_plants(folder: Path, geo: Geography) -> pd.DataFrame:
    frames = []
    for country, file in WRI_FILES.items():
        raw = pd.read_csv(folder / file, dtype=str, encoding_errors="replace")
        raw["file_country"] = country
        frames.append(raw)
    raw = pd.concat(frames, ignore_index=True)
    fuel = raw["Fuel"].fillna("").str.strip().str.lower()
    ids = "wri-" + raw["Power Plant ID"].str.strip()
    repeated = ids.duplicated(keep=False)
    slug = raw["Name"].str.lower().str.replace(r"[^a-z0-9]+", "-", regex=True).str.strip("-")
    ids = ids.where(~repeated, ids + "-" + slug)
    # WRI repeats a few id-and-name pairs (units of one plant): number them in file order.
    nth = ids.groupby(ids).cumcount()
    ids = ids.where(nth == 0, ids + "-" + (nth + 1).astype(str))
    lat = pd.to_numeric(raw["Latitude"], errors="coerce")
    lon = pd.to_numeric(raw["Longitude"], errors="coerce")
    iso = _regions(lat, lon, geo)
    short = (
        raw["Name"]
        .str.replace(r"\(.*?\)|[\"«»]", " ", regex=True)
        .str.replace(_KIND_WORDS, " ", regex=True)
        .str.replace(r"\s+", " ", regex=True)
        .str.strip(" -")
    )
    plants = pd.DataFrame(
        {
            "facility_id": ids,
            "name_en": raw["Name"].str.strip(),
            "name_uk": "",
            "name_ru": "",
            "aliases": np.where(short.str.len() >= 5, short, ""),
            "facility_type": fuel.map(WRI_TYPES).fillna("renewable_power_plant"),
            "country": np.where(iso != "", pd.Series(iso).str[:2], raw["file_country"]),
            "admin1_iso": iso,
            "settlement": "",
            "operator": raw["Owner"].fillna("").str.strip(),
            "capacity": pd.to_numeric(raw["Capacity (MW)"], errors="coerce"),
            "capacity_unit": "MW",
            "capacity_alt": np.nan,
            "capacity_alt_unit": "",
            "capacity_year": raw["Year of Data"].fillna("").str.strip(),
            "latitude": lat,
            "longitude": lon,
            "coord_precision": np.where(lat.notna(), "site", "none"),
            "source_url": raw["URL"].fillna("").str.strip(),
            "source_outlet": "WRI Global Power Plant Database v1.3.0 ("
            + raw["Source"].fillna("")
            + ")",
            "licence": WRI_LICENCE,
            "attribution": WRI_CREDIT,
        }
    )
    return plants


def _reported_sites(rows: pd.DataFrame, geo: Geography) -> pd.DataFrame:
    """The compiled oil and gas sites, placed at their own coordinates or their town."""
    rows = rows.fillna("")
    lat = pd.to_numeric(rows["latitude"], errors="coerce")
    lon = pd.to_numeric(rows["longitude"], errors="coerce")
    hints = [
        geo.regions.lookup(a, country=c) or ""
        for a, c in zip(rows["admin1"], rows["country"], strict=False)
    ]
    precision = np.where(lat.notna(), "site", "none").astype(object)
    iso = _regions(lat, lon, geo)
    # A town's region is the gazetteer's: the coarse polygons misplace border towns.
    for i, (town, hint) in enumerate(zip(rows["settlement"], hints, strict=False)):
        if np.isnan(lat.iat[i]) and town:
            place = geo.gazetteer.lookup(_town(town), admin1_iso=hint or None)
            if place:
                lat.iat[i], lon.iat[i], precision[i] = place.latitude, place.longitude, "town"
                iso[i] = place.admin1_iso
    iso = np.where(iso != "", iso, np.asarray(hints, dtype=object))
    return pd.DataFrame(
        {
            "facility_id": rows["facility_id"],
            "name_en": rows["name_en"],
            "name_uk": rows["name_uk"],
            "name_ru": rows["name_ru"],
            "aliases": rows["aliases"],
            "facility_type": rows["facility_type"],
            "country": np.where(iso != "", pd.Series(iso).str[:2], rows["country"]),
            "admin1_iso": iso,
            "settlement": rows["settlement"],
            "operator": rows["operator"],
            "capacity": pd.to_numeric(rows["capacity"], errors="coerce"),
            "capacity_unit": rows["capacity_unit"],
            "capacity_alt": pd.to_numeric(rows["capacity_alt"], errors="coerce"),
            "capacity_alt_unit": rows["capacity_alt_unit"],
            "capacity_year": rows.get("capacity_year", ""),
            "latitude": lat,
            "longitude": lon,
            "coord_precision": precision,
            "source_url": rows["source_url"],
            "source_outlet": rows["source_outlet"],
            "licence": REPORTING_LICENCE,
            "attribution": "Energy Strike Map facility list (data/facilities.csv)",
        }
    )


def _town(settlement: str) -> str:
    """ "Tyumen (Antipino)" -> "Tyumen"; "Achinsk area (...)" -> "Achinsk"."""
    return re.sub(r"\s*\(.*\)|\s+area$", "", settlement).strip()


def _regions(lat: pd.Series, lon: pd.Series, geo: Geography) -> np.ndarray:
    iso = np.full(len(lat), "", dtype=object)
    known = lat.notna().to_numpy() & lon.notna().to_numpy()
    if known.any():
        found = locate_points(lon.to_numpy()[known], lat.to_numpy()[known], geo.admin1)
        iso[known] = np.where(pd.isna(found), "", found)
    return iso
