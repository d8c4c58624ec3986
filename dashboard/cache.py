"""The only place that wraps core loaders in Streamlit caches.

Each cached function depends only on its arguments and returns objects that
callers treat as read-only.
"""

from __future__ import annotations

import hashlib
import os
import time
from functools import lru_cache
from pathlib import Path

import streamlit as st

from dashboard.components import folium_frame
from dashboard.core.dataset import INCIDENTS_FILE, Dataset, load_bundled, load_geography
from dashboard.core.exports.snapshot import ExportContext
from dashboard.core.geo import files as geofiles
from dashboard.core.ingest import IngestResult, ingest_bytes
from dashboard.core.join.place import Geography
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.popups import POPUPS_DIR, POPUPS_URL, STORED_POPUPS_MAX, popup_store
from dashboard.core.untrusted import inert
from dashboard.core.view.derived import Derived, derive, filters_only
from dashboard.core.view.state import ViewState


@st.cache_resource(show_spinner="Loading boundaries and gazetteer…")
def geography() -> Geography:
    return load_geography()


def bundled() -> Dataset:
    """The dataset the app opens with: ``STRIKEMAP_INCIDENTS`` (CSV or Parquet) or the
    bundled one. Cached per file and modification time, so an edited file is reloaded."""
    return _dataset(*_dataset_key())


def _dataset_key() -> tuple[str, int]:
    """(file, modification time): what every cache of dataset-derived results is keyed on.
    One stat per call; the file is chosen once per process (``STRIKEMAP_INCIDENTS``)."""
    path = _dataset_file()
    if path != INCIDENTS_FILE and not path.is_file():
        shown = inert(path)
        st.error(f"STRIKEMAP_INCIDENTS={shown} is not a file; showing the bundled dataset.")
        path = INCIDENTS_FILE
    return str(path), path.stat().st_mtime_ns


@lru_cache(maxsize=1)
def _dataset_file() -> Path:
    return Path(os.environ.get("STRIKEMAP_INCIDENTS") or INCIDENTS_FILE).resolve()


@st.cache_resource(show_spinner="Loading incidents…", max_entries=2)
def _dataset(path: str, mtime_ns: int) -> Dataset:
    """Keyed on the file and its modification time (``mtime_ns`` is part of the key)."""
    return load_bundled(geography(), Path(path))


@st.cache_resource(show_spinner=False)
def map_base() -> MapBase:
    return MapBase.from_frames(geography().region_names, geofiles.places(), geography().facilities)


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


def view(state: ViewState) -> Derived:
    """Filtered incidents, summary, timeline and table of a view of the opened dataset,
    shared by every session that shows the same filters (read-only)."""
    return _view(*_dataset_key(), filters_only(state))


#: Views kept: a viral link is a handful of views; each entry holds a filtered subset.
@st.cache_resource(show_spinner=False, max_entries=64)
def _view(path: str, mtime_ns: int, filters: ViewState) -> Derived:
    return derive(_dataset(path, mtime_ns).incidents, filters)


def map_frame(view_state: ViewState, offline: bool) -> tuple[dict, bool]:
    """The rendered map of a view of the opened dataset, shared by every session."""
    return _map_frame(*_dataset_key(), view_state, offline)


#: Rendered maps kept (markers without their popups: a few hundred KB each).
@st.cache_resource(show_spinner=False, max_entries=64)
def _map_frame(path: str, mtime_ns: int, view_state: ViewState, offline: bool) -> tuple[dict, bool]:
    shown = _view(path, mtime_ns, filters_only(view_state)).shown
    popups = _popups_url(path, mtime_ns)
    return folium_frame.render(shown, view_state, map_base(), offline, popups_url=popups)


#: How long a popup file outlives its dataset version (a reader's open page still uses it).
POPUP_FILES_KEPT_S = 7 * 24 * 3600


@st.cache_resource(show_spinner=False, max_entries=2)
def _popups_url(path: str, mtime_ns: int) -> str | None:
    """The opened dataset's popups as a static file the map fetches on demand, named by
    its content; None (popups inline) for a large dataset or a read-only checkout."""
    incidents = _dataset(path, mtime_ns).incidents
    if len(incidents) > STORED_POPUPS_MAX:
        return None
    data = popup_store(incidents)
    name = f"{hashlib.sha256(data).hexdigest()[:16]}.json"
    target = POPUPS_DIR / name
    try:
        if not target.exists():
            POPUPS_DIR.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(f".{os.getpid()}.part")
            partial.write_bytes(data)
            partial.replace(target)  # atomic: a worker never serves half a file
        # Files of earlier dataset versions go once no page can still be open on them.
        stale = time.time() - POPUP_FILES_KEPT_S
        for old in POPUPS_DIR.glob("*.json"):
            if old != target and old.stat().st_mtime < stale:
                old.unlink(missing_ok=True)
    except OSError:
        return None
    return f"{POPUPS_URL}/{name}"
