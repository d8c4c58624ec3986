"""Map-ready GeoJSON of regions and countries: simplified, rounded, small.

The interactive map fetches these once as static files (the browser caches
them), so reruns send no geometry; self-contained exports inline the same data.
``geodata/build.py`` writes them with :func:`write_display_files`.
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd

from dashboard.core.geo import files as geofiles
from dashboard.core.paths import STATIC_DIR

STATIC_GEO_DIR = STATIC_DIR / "geo"
STATIC_GEO_URL = "/app/static/geo"
REGIONS_FILE = "admin1.json"
COUNTRIES_FILE = "countries.json"
TOLERANCE_DEGREES = 0.025
DECIMALS = 3


def regions_geojson(admin1: gpd.GeoDataFrame) -> dict:
    """Admin-1 units with properties ``iso`` and ``name``."""
    frame = admin1[["admin1_iso", "name_en", "geometry"]].rename(
        columns={"admin1_iso": "iso", "name_en": "name"}
    )
    return to_geojson(frame)


def countries_geojson(countries: gpd.GeoDataFrame) -> dict:
    """Country outlines with properties ``iso`` and ``name``."""
    frame = countries[["iso_a2", "name_en", "geometry"]].rename(
        columns={"iso_a2": "iso", "name_en": "name"}
    )
    return to_geojson(frame)


def to_geojson(frame: gpd.GeoDataFrame) -> dict:
    """Simplified GeoJSON with coordinates rounded to ~100 m, in a stable order."""
    simple = frame.reset_index(drop=True).copy()
    simple["geometry"] = simple.geometry.simplify(TOLERANCE_DEGREES, preserve_topology=True)
    simple = simple[~simple.geometry.is_empty]
    features = []
    for properties, geometry in zip(
        simple.drop(columns="geometry").to_dict("records"),
        simple.geometry.__geo_interface__["features"],
        strict=True,
    ):
        shape = geometry["geometry"]
        features.append(
            {
                "type": "Feature",
                "properties": properties,
                "geometry": {"type": shape["type"], "coordinates": _round(shape["coordinates"])},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def load_display(directory: Path = STATIC_GEO_DIR) -> tuple[dict, dict]:
    """The regions and countries GeoJSON as written by :func:`write_display_files`."""
    return tuple(
        json.loads((directory / name).read_text(encoding="utf-8"))
        for name in (REGIONS_FILE, COUNTRIES_FILE)
    )


def write_display_files(directory: Path = STATIC_GEO_DIR) -> list[Path]:
    """Write the two display files from the compact geodata (deterministic output)."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in (
        (REGIONS_FILE, regions_geojson(geofiles.admin1())),
        (COUNTRIES_FILE, countries_geojson(geofiles.countries())),
    ):
        path = directory / name
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
        written.append(path)
    return written


def _round(coords):
    if coords and isinstance(coords[0], int | float):
        return [round(coords[0], DECIMALS), round(coords[1], DECIMALS)]
    return [_round(c) for c in coords]
