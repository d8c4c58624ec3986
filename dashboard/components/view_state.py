"""Keep the URL and the sidebar in step, through the one codec in ``core.state``.

``from``, ``to`` and ``side`` are widgets bound with Streamlit's own
``bind="query-params"``; the others are written to ``st.query_params`` from the
state the widgets produce. On a session's first run the whole query string is
decoded once, so a tampered link is reported parameter by parameter.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from dashboard.core.view.state import PASSTHROUGH_KEYS, ViewState, decode, encode, share_link

#: Widget keys that Streamlit binds to the URL itself.
BOUND = ("from", "to", "side")
_SEEDED = "_url_seeded"
_IGNORED = "_url_ignored"
#: Live map position reported by the map component: (lat, lon, zoom).
MAP_VIEW = "_map_view"


def seed_from_url(regions: Iterable[str]) -> None:
    """On the session's first run: decode the URL and seed the unbound widgets."""
    if st.session_state.get(_SEEDED):
        return
    pairs = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    decoded = decode(pairs, regions=regions)
    state = decoded.state
    st.session_state[_IGNORED] = [str(item) for item in decoded.ignored]
    st.session_state.update(
        {
            "country": list(state.countries),
            "region": list(state.regions),
            "facility": list(state.facilities),
            "weapon": list(state.weapons),
            "confidence": list(state.confidence),
            "basemap": state.basemap,
            "layer": list(state.layers),
            "measure": state.measure,
            "incident": state.incident,
        }
    )
    if state.lat is not None and state.lon is not None:
        st.session_state[MAP_VIEW] = (state.lat, state.lon, state.zoom or 7)
    st.session_state[_SEEDED] = True


def ignored_messages() -> list[str]:
    """What the opening link asked for that could not be used, and why."""
    return list(st.session_state.get(_IGNORED, []))


def current_state() -> ViewState:
    """The view as the widgets and the map currently show it."""
    ss = st.session_state
    view = ss.get(MAP_VIEW)
    return ViewState(
        date_from=ss.get("from"),
        date_to=ss.get("to"),
        sides=tuple(ss.get("side") or ()),
        countries=tuple(ss.get("country") or ()),
        regions=tuple(ss.get("region") or ()),
        facilities=tuple(ss.get("facility") or ()),
        weapons=tuple(ss.get("weapon") or ()),
        confidence=tuple(ss.get("confidence") or ()),
        lat=view[0] if view else None,
        lon=view[1] if view else None,
        zoom=view[2] if view else None,
        basemap=ss.get("basemap") or "light",
        layers=tuple(ss.get("layer") if ss.get("layer") is not None else ViewState().layers),
        measure=ss.get("measure") or "count",
        incident=ss.get("incident"),
    )


def write_url(state: ViewState) -> None:
    """Mirror the unbound part of the state into the address bar."""
    pairs = [(k, v) for k, v in encode(state) if k not in BOUND]
    wanted: dict[str, list[str]] = {}
    for key, value in pairs:
        wanted.setdefault(key, []).append(value)
    for key in list(st.query_params):
        if key not in BOUND and key not in PASSTHROUGH_KEYS and key not in wanted:
            del st.query_params[key]
    for key, values in wanted.items():
        if st.query_params.get_all(key) != values:
            st.query_params[key] = values if len(values) > 1 else values[0]


def share_url(state: ViewState) -> str:
    """The full link to this view (page address + every non-default parameter)."""
    return share_link(st.context.url or "", state)
