"""The interactive map. Panning and zooming rerun only this fragment, not the app."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from dashboard.components import view_state
from dashboard.core.maps import lod
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.build import build_map
from dashboard.core.view.state import ViewState

_BUILT_VIEW = "_map_built_view"
_FILTERS = "_map_filters"


def show(incidents: pd.DataFrame, state: ViewState, base: MapBase, *, offline: bool) -> None:
    """Draw the map for ``state``; the map's own position is fixed until the next full run.

    The map is built with the position known at the last full run, so a pan or zoom
    (which reruns only the fragment) does not rebuild it and make it jump. When the
    filters or the selected incident change, the map fits the new selection instead.
    """
    filters = state.with_(lat=None, lon=None, zoom=None, basemap="", layers=())
    previous = st.session_state.get(_FILTERS)
    st.session_state[_FILTERS] = filters
    if previous is not None and previous != filters:
        # New filters fit the map to their incidents; a newly selected incident centres it.
        view_state.forget_map_view()
        state = state.with_(lat=None, lon=None, zoom=None)
    st.session_state[_BUILT_VIEW] = (state.lat, state.lon, state.zoom)
    _map_fragment(incidents, state, base, offline)


@st.fragment
def _map_fragment(incidents: pd.DataFrame, state: ViewState, base: MapBase, offline: bool) -> None:
    lat, lon, zoom = st.session_state.get(_BUILT_VIEW, (None, None, None))
    view = state.with_(lat=lat, lon=lon, zoom=zoom)
    detail = lod.plan(incidents, view)
    fmap = build_map(incidents, view, base, offline=offline, detail=detail)
    returned = st_folium(
        fmap,
        key="map",
        height=620,
        use_container_width=True,
        returned_objects=["center", "zoom"],
    )
    live = _remember_view(returned)
    if detail.aggregated and live and lod.moved_far(view, live):
        # Aggregated view: what is drawn depends on where the user looks, so redraw there.
        st.session_state[_BUILT_VIEW] = live
        st.rerun(scope="fragment")


def _remember_view(returned: dict | None) -> tuple[float, float, int] | None:
    """Keep the live position for the share link and the next full run."""
    if not returned or not returned.get("center") or returned.get("zoom") is None:
        return None
    centre = returned["center"]
    view = (round(float(centre["lat"]), 4), round(float(centre["lng"]), 4), int(returned["zoom"]))
    view_state.remember_map_view(*view)
    return view
