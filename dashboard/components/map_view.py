"""The interactive map. Panning and zooming rerun only this fragment, not the app."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cache
from dashboard.components import folium_frame, view_state
from dashboard.core.maps import lod
from dashboard.core.maps.base import MapBase
from dashboard.core.view.state import ViewState

_BUILT_VIEW = "_map_built_view"
_FILTERS = "_map_filters"


def show(
    incidents: pd.DataFrame, state: ViewState, base: MapBase, *, offline: bool, shared: bool
) -> None:
    """Draw the map for ``state``; the map's own position is fixed until the next full run.

    The map is built with the position known at the last full run, so a pan or zoom
    (which reruns only the fragment) does not rebuild it and make it jump. When the
    filters or the selected incident change, the map fits the new selection instead.
    ``shared``: the incidents are the bundled ones alone, so the rendered map of a view
    can come from the cache every session shares.
    """
    filters = state.with_(lat=None, lon=None, zoom=None, basemap="", layers=())
    previous = st.session_state.get(_FILTERS)
    st.session_state[_FILTERS] = filters
    if previous is not None and previous != filters:
        # New filters fit the map to their incidents; a newly selected incident centres it.
        view_state.forget_map_view()
        state = state.with_(lat=None, lon=None, zoom=None)
    st.session_state[_BUILT_VIEW] = (state.lat, state.lon, state.zoom)
    _map_fragment(incidents, state, base, offline, shared)


@st.fragment
def _map_fragment(
    incidents: pd.DataFrame, state: ViewState, base: MapBase, offline: bool, shared: bool
) -> None:
    lat, lon, zoom = st.session_state.get(_BUILT_VIEW, (None, None, None))
    view = state.with_(lat=lat, lon=lon, zoom=zoom)
    if shared:
        # Bundled data only: the rendered map is shared by every session with this view.
        args, aggregated = cache.map_frame(view, offline)
    else:
        args, aggregated = folium_frame.render(incidents, view, base, offline)
    live = _remember_view(folium_frame.show(args, height=620))
    if aggregated and live and lod.moved_far(view, live):
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
