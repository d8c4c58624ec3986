"""The only place that wraps core loaders in Streamlit caches.

Each cached function depends only on its arguments and returns objects that
callers treat as read-only.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import streamlit as st

from dashboard.core.dataset import INCIDENTS_FILE, Dataset, load_bundled, load_geography
from dashboard.core.exports.snapshot import ExportContext
from dashboard.core.geo import files as geofiles
from dashboard.core.ingest import IngestResult, ingest_bytes
from dashboard.core.join.place import Geography
from dashboard.core.maps.base import MapBase
from dashboard.core.untrusted import inert


@st.cache_resource(show_spinner="Loading boundaries and gazetteer…")
def geography() -> Geography:
    return load_geography()


def bundled() -> Dataset:
    """The dataset the app opens with: ``STRIKEMAP_INCIDENTS`` (CSV or Parquet) or the
    bundled one. Cached per file and modification time, so an edited file is reloaded."""
    path = Path(os.environ.get("STRIKEMAP_INCIDENTS") or INCIDENTS_FILE).resolve()
    if not path.is_file():
        st.error(f"STRIKEMAP_INCIDENTS={inert(path)} is not a file; showing the bundled dataset.")
        path = INCIDENTS_FILE
    return _dataset(str(path), path.stat().st_mtime_ns)


@st.cache_resource(show_spinner="Loading incidents…", max_entries=2)
def _dataset(path: str, mtime_ns: int) -> Dataset:
    """Keyed on the file and its modification time (``mtime_ns`` is part of the key)."""
    return load_bundled(geography(), Path(path))


@st.cache_resource(show_spinner=False)
def map_base() -> MapBase:
    return MapBase.from_frames(geography().region_names, geofiles.places())


def export_context() -> ExportContext:
    """What snapshots of the open dataset need (the PNG basemap is projected once)."""
    dataset = bundled()
    return _export_context(dataset.version, dataset.latest_label)


@st.cache_resource(show_spinner=False, max_entries=2)
def _export_context(version: str, latest: str) -> ExportContext:
    return ExportContext.build(
        map_base(),
        geofiles.countries(),
        geography().admin1,
        dataset_version=version,
        dataset_latest=latest,
    )


def offline() -> bool:
    """Offline mode: every asset served locally, vector basemap instead of tiles."""
    return os.environ.get("STRIKEMAP_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


def ingested_upload(data: bytes, fmt: str) -> IngestResult:
    """An uploaded file through the pipeline, once per content and format.

    Raises :class:`TableError` for a file that is not a table. Keyed on the bytes, so
    a rerun does not parse again; the few most recent files are kept.
    """
    return _ingested(hashlib.sha256(data).hexdigest(), fmt, data)


@st.cache_resource(show_spinner="Reading and checking the file…", max_entries=4)
def _ingested(digest: str, fmt: str, _data: bytes) -> IngestResult:
    """Keyed on ``digest`` (the content's hash) and ``fmt``; ``_data`` is not hashed again."""
    return ingest_bytes(_data, geography(), fmt=fmt)
