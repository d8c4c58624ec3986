"""The only place that wraps core loaders in Streamlit caches.

Each cached function depends only on its arguments and returns objects that
callers treat as read-only.
"""

from __future__ import annotations

import os

import streamlit as st

from dashboard.core import geodata
from dashboard.core.dataset import Dataset, load_bundled, load_geography
from dashboard.core.export_png import Basemap
from dashboard.core.join import Geography
from dashboard.core.mapview import MapBase


@st.cache_resource(show_spinner="Loading boundaries and gazetteer…")
def geography() -> Geography:
    return load_geography()


@st.cache_resource(show_spinner="Loading incidents…")
def bundled() -> Dataset:
    return load_bundled(geography())


@st.cache_resource(show_spinner=False)
def map_base() -> MapBase:
    return MapBase.from_frames(geodata.admin1(), geodata.places())


@st.cache_resource(show_spinner=False)
def png_basemap() -> Basemap:
    """Basemap geometry projected for static PNG snapshots."""
    return Basemap.from_frames(geodata.countries(), geodata.admin1(), map_base().towns)


def offline() -> bool:
    """Offline mode: every asset served locally, vector basemap instead of tiles."""
    return os.environ.get("STRIKEMAP_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}
