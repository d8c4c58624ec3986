"""Map page: filters in the sidebar, summary, map, share link, timeline and table."""

from __future__ import annotations

import streamlit as st

from dashboard import cache
from dashboard.components import (
    export_buttons,
    filters,
    incident_table,
    map_view,
    session_data,
    summary,
    view_state,
)
from dashboard.core.untrusted import inert
from dashboard.core.view.derived import derive

data = cache.bundled()
geo = cache.geography()
offline = cache.offline()

incidents = session_data.combined(data.incidents)
view_state.seed_from_url(geo.region_names, geo.facilities.ids)
filters.show(incidents, geo.region_names, offline=offline)
state = view_state.current_state()
own = len(incidents) - len(data.incidents)
# Bundled data alone: what the view shows is shared by every session with the same view.
derived = derive(incidents, state) if own else cache.view(state)
shown = derived.shown

embedded = bool(st.context.is_embedded)
if not embedded:
    st.title("Energy Strike Map")
st.caption(
    f"Strikes on energy infrastructure in the Russia–Ukraine war · dataset "
    f"{inert('v' + data.version)} · {len(data.incidents):,} incidents, latest {data.latest_label}"
)
if own:
    st.caption(
        f"Including {own:,} incidents of your own (dark ring on the map); links to this view "
        "reproduce the filters on the bundled data only."
    )
for item in view_state.ignored_parameters():
    st.warning(
        f"Link parameter {inert(f'{item.param}={item.value}')} ignored: {item.reason}",
        icon=":material/warning:",
    )

if not embedded:
    summary.show(derived.summary)
if shown.empty:
    st.info("No incidents match these filters. Widen the date range or clear a filter.")
map_view.show(shown, state, cache.map_base(), offline=offline, shared=not own)
link = view_state.share_url(state)
with st.expander("Copy link to this view", icon=":material/link:"):
    st.code(link, language=None, wrap_lines=True)
if not embedded:
    st.subheader("Export this view")
    export_buttons.show(shown, state, data.version, link)
    summary.timeline(derived.weekly, empty=shown.empty)
    selected = incident_table.show(derived.table, len(shown))
    if selected and selected != state.incident:
        view_state.select_incident(selected)
        st.rerun()
view_state.write_url(state)
