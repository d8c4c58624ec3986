"""The bundled incident dataset and the geography it is placed on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.core.geo import facilities
from dashboard.core.geo import files as geofiles
from dashboard.core.incidents import waves as waves_module
from dashboard.core.ingest import IngestResult, ingest_path
from dashboard.core.join.place import Geography
from dashboard.core.paths import DATA_DIR

INCIDENTS_FILE = DATA_DIR / "incidents.csv"
WAVES_FILE = DATA_DIR / "waves.csv"
CHANGELOG_FILE = DATA_DIR / "CHANGELOG.md"


@dataclass(frozen=True)
class Dataset:
    incidents: pd.DataFrame
    unplaced: pd.DataFrame
    version: str
    #: Attack waves the incidents point to (``wave_id``); empty for a user's file.
    waves: pd.DataFrame = field(default_factory=waves_module.empty)

    @cached_property
    def latest(self) -> pd.Timestamp | None:
        return self.incidents["date"].max() if len(self.incidents) else None

    @cached_property
    def latest_label(self) -> str:
        """The newest incident's date as pages, exports and the command line state it."""
        return f"{self.latest:%Y-%m-%d}" if self.latest is not None else "no incidents"


def load_geography(directory: Path = geofiles.GEODATA_DIR) -> Geography:
    """Admin-1 polygons and the gazetteer, indexed for the join (~1 s: cache it)."""
    return Geography.from_frames(
        geofiles.admin1(directory),
        geofiles.places(directory),
        facilities.load(directory),
        geofiles.districts(directory),
    )


def load_bundled(geo: Geography, path: Path = INCIDENTS_FILE) -> Dataset:
    """The incidents the app opens with: the bundled CSV, or another incidents file.

    A CSV goes through the same pipeline as any user file. A Parquet file written by
    :func:`write_parquet` (``python -m dashboard ingest BIG.csv --out BIG.parquet``) is
    already checked and placed, so a large dataset is read in columnar form instead
    of being parsed again.
    """
    path = Path(path)
    if path.suffix == ".parquet":
        incidents = read_parquet(path)
        unplaced = pd.DataFrame(columns=["row", "reason"])
        version = f"{path.name} ({len(incidents):,} incidents)"
    else:
        result: IngestResult = ingest_path(path, geo)
        incidents, unplaced = result.accepted, result.rejected
        version = dataset_version() if path == INCIDENTS_FILE else path.name
    waves = waves_module.load(WAVES_FILE) if path == INCIDENTS_FILE else waves_module.empty()
    incidents = with_region_names(incidents, geo)
    # Marks the bundled rows apart from the user's own (uploads, articles) on the map.
    incidents["origin"] = pd.Categorical.from_codes(np.zeros(len(incidents), np.int8), ["bundled"])
    return Dataset(incidents=incidents, unplaced=unplaced, version=version, waves=waves)


def write_parquet(incidents: pd.DataFrame, path: Path) -> None:
    """Accepted incidents as GeoParquet (points in EPSG:4326), typed as the app uses them."""
    frame = gpd.GeoDataFrame(
        incidents.drop(columns=["row", "admin1_name", "origin"], errors="ignore"),
        geometry=gpd.points_from_xy(incidents["longitude"], incidents["latitude"]),
        crs="EPSG:4326",
    )
    frame.to_parquet(path, index=False, compression="zstd")


def read_parquet(path: Path) -> pd.DataFrame:
    """Incidents from :func:`write_parquet`, as a plain frame (coordinates in columns)."""
    return pd.DataFrame(gpd.read_parquet(path).drop(columns="geometry"))


#: Text columns with few distinct values: categorical, so filtering a million rows
#: copies integer codes instead of strings.
CATEGORICAL_TEXT = (
    "date_precision",
    "target_country",
    "admin1",
    "admin1_iso",
    "admin1_name",
    "location_precision",
    "source_outlet",
    "place_note",
    "merged_ids",
    "facility_id",
    "facility_capacity_unit",
    "facility_match",
    "facility_candidates",
)


def with_region_names(incidents: pd.DataFrame, geo: Geography) -> pd.DataFrame:
    """Add ``admin1_name`` (English region name) for display, and store repetitive text
    columns as categories (the filter's cost then hardly grows with them)."""
    out = incidents.reset_index(drop=True)  # copy-on-write keeps the caller's frame
    out["admin1_name"] = out["admin1_iso"].map(geo.region_names).fillna(out["admin1_iso"])
    for column in CATEGORICAL_TEXT:
        if column in out and not isinstance(out[column].dtype, pd.CategoricalDtype):
            out[column] = out[column].fillna("").astype("category")
    return out


def known_gaps(readme: Path = DATA_DIR / "README.md") -> str:
    """The data README's "Known gaps" section (Markdown), as the Data quality page shows it."""
    text = readme.read_text(encoding="utf-8") if readme.exists() else ""
    match = re.search(r"^## Known gaps\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1).strip() if match else ""


def dataset_version(changelog: Path = CHANGELOG_FILE) -> str:
    """The newest version named in the changelog ("## 1.2.0 — 2026-11-25")."""
    if not changelog.exists():
        return "unversioned"
    match = re.search(r"^##\s+v?(\d+\.\d+\.\d+)", changelog.read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else "unversioned"
