"""The one door between the address bar and the widgets, through ``core.view.state``.

Only this module reads or writes ``st.query_params`` and seeds widgets from a
link. ``from`` and ``to`` are date inputs bound with Streamlit's own
``bind="query-params"``; every other parameter is seeded from the decoded link on
a session's first run and mirrored back to the URL from the state the widgets
and the map produce. (The side pills are not bound: a bound widget writes its
displayed labels into the URL, and links keep the codes ``ukraine``/``russia``.)
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from dashboard.core.view.state import (
    BY_KEY,
    PARAMS,
    PASSTHROUGH_KEYS,
    ViewState,
    decode,
    encode,
    share_link,
)

#: URL keys that Streamlit binds to their widgets itself.
BOUND = frozenset({"from", "to"})
_SEEDED = "_url_seeded"
_IGNORED = "_url_ignored"
#: Live map position reported by the map component: (lat, lon, zoom).
_MAP_VIEW = "_map_view"
_MAP_KEYS = ("lat", "lon", "zoom")
#: Widgets that list values (an unset one means "all", or the default layers).
_LISTS = frozenset(p.widget for p in PARAMS if p.multi)


def seed_from_url(regions: Iterable[str], sites: Iterable[str] = ()) -> None:
    """On the session's first run: decode the URL and seed the unbound widgets."""
    if st.session_state.get(_SEEDED):
        return
    pairs = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    decoded = decode(pairs, regions=regions, sites=sites)
    state = decoded.state
    st.session_state[_IGNORED] = list(decoded.ignored)
    for param in PARAMS:
        if param.widget and param.key not in BOUND:
            value = getattr(state, param.field)
            st.session_state[param.widget] = list(value) if param.multi else value
    if state.lat is not None and state.lon is not None:
        st.session_state[_MAP_VIEW] = (state.lat, state.lon, state.zoom or 7)
    st.session_state[_SEEDED] = True


def ignored_parameters() -> list:
    """What the opening link asked for that could not be used (``Ignored`` items)."""
    return list(st.session_state.get(_IGNORED, []))


def current_state() -> ViewState:
    """The view as the widgets and the map currently show it."""
    ss = st.session_state
    default = ViewState()
    values: dict[str, object] = {}
    for param in PARAMS:
        if param.widget is None:
            continue
        value = ss.get(param.widget)
        if param.multi:
            values[param.field] = (
                tuple(value) if value is not None else getattr(default, param.field)
            )
        else:
            values[param.field] = value if value is not None else getattr(default, param.field)
    for key in BOUND:
        # A page without the date inputs still honours the dates its link names.
        if values.get(BY_KEY[key].field) is None and key in st.query_params:
            decoded = decode([(key, st.query_params[key])]).state
            values[BY_KEY[key].field] = getattr(decoded, BY_KEY[key].field)
    view = ss.get(_MAP_VIEW)
    if view:
        values.update(lat=view[0], lon=view[1], zoom=view[2])
    return ViewState(**values)


def write_url(state: ViewState) -> None:
    """Mirror the unbound part of the state into the address bar."""
    wanted: dict[str, list[str]] = {}
    for key, value in encode(state):
        if key not in BOUND:
            wanted.setdefault(key, []).append(value)
    for key in list(st.query_params):
        if key not in BOUND and key not in PASSTHROUGH_KEYS and key not in wanted:
            del st.query_params[key]
    for key, values in wanted.items():
        if st.query_params.get_all(key) != values:
            st.query_params[key] = values if len(values) > 1 else values[0]


def map_view() -> tuple[float, float, int] | None:
    """The map's last reported position, if any."""
    return st.session_state.get(_MAP_VIEW)


def remember_map_view(lat: float, lon: float, zoom: int) -> None:
    """Keep the map's live position for the share link and the next full run."""
    view = (lat, lon, zoom)
    if st.session_state.get(_MAP_VIEW) == view:
        return
    st.session_state[_MAP_VIEW] = view
    located = ViewState(lat=lat, lon=lon, zoom=zoom)
    st.query_params.update({k: v for k, v in encode(located) if k in _MAP_KEYS})


def forget_map_view() -> None:
    """New filters fit the map to their incidents: drop the old position."""
    st.session_state.pop(_MAP_VIEW, None)
    for key in _MAP_KEYS:
        st.query_params.pop(key, None)


def select_incident(incident_id: str) -> None:
    """Open the map on one incident (from the table) on the next run."""
    st.session_state["incident"] = incident_id


def select_site(facility_id: str) -> None:
    """Open the map on one catalogue site, with the facility layer on (from the
    Facilities page)."""
    ss = st.session_state
    ss["site"] = facility_id
    layers = list(ss.get("layer") or ViewState().layers)
    if "facilities" not in layers:
        ss["layer"] = [*layers, "facilities"]


def share_url(state: ViewState) -> str:
    """The full link to this view (page address + every non-default parameter)."""
    return share_link(st.context.url or "", state)
