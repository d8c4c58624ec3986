"""Read the compact geodata files that ``geodata/build.py`` writes into the repo.

The app never touches the heavy source packages or the network: these files are
all it needs. Readers are plain functions; callers cache them (see ``cache.py``
in the UI, or keep the returned objects in the CLI).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.core.paths import GEODATA_DIR


def admin1(directory: Path = GEODATA_DIR) -> gpd.GeoDataFrame:
    """Admin-1 units of UA, RU, BY, MD with ISO 3166-2 codes (Crimea UA-43, Sevastopol UA-40)."""
    frame = gpd.read_parquet(directory / "admin1.parquet")
    return frame.set_index("admin1_iso", drop=False).sort_index()


def places(directory: Path = GEODATA_DIR) -> pd.DataFrame:
    """GeoNames populated places (1,000+ people) with their admin-1 ISO code."""
    return pd.read_parquet(directory / "places.parquet")


def districts(directory: Path = GEODATA_DIR) -> pd.DataFrame:
    """Ukraine's raions and hromadas (OCHA COD-AB) with admin-1 code and centroid."""
    return pd.read_parquet(directory / "districts.parquet")


def countries(directory: Path = GEODATA_DIR) -> gpd.GeoDataFrame:
    """Country outlines for the offline basemap (Natural Earth, Crimea in Ukraine)."""
    return gpd.read_parquet(directory / "countries.parquet")


@lru_cache(maxsize=4)
def catalogue(directory: Path = GEODATA_DIR) -> dict:
    """The catalogue of the geodata files: source, version, licence, attribution."""
    return json.loads((directory / "catalogue.json").read_text(encoding="utf-8"))
