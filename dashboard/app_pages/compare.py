"""Compare page: two periods side by side (counts and change per side, facility type and
region) and a map of the change by region. The other filters are the Map page's."""

from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import cache
from dashboard.components import folium_frame, session_data, view_state
from dashboard.core.exports.compare import comparison_csv, comparison_html
from dashboard.core.exports.describe import filters_in_words
from dashboard.core.maps.difference import difference_map
from dashboard.core.untrusted import inert
from dashboard.core.view.compare import compare
from dashboard.core.vocab import WAR_START

#: Opening suggestion when the link names no periods: the same quarter a year apart.
DEFAULT_PERIODS = {
    "a_from": date(2024, 10, 1),
    "a_to": date(2024, 12, 31),
    "b_from": date(2025, 10, 1),
    "b_to": date(2025, 12, 31),
}

data = cache.bundled()
geo = cache.geography()
incidents = session_data.combined(data.incidents)
view_state.seed_from_url(geo.region_names, geo.facilities.ids)
for key, value in DEFAULT_PERIODS.items():
    if st.session_state.get(key) is None:
        st.session_state[key] = value

st.title("Compare two periods")
st.caption(
    "Counts of incidents in period A and period B and the change (B minus A), with the "
    "Map page's other filters applied to both. Counts are of recorded incidents: a change "
    "can reflect reporting as well as strikes."
)
for item in view_state.ignored_parameters():
    st.warning(
        f"Link parameter {inert(f'{item.param}={item.value}')} ignored: {item.reason}",
        icon=":material/warning:",
    )
columns = st.columns(4)
for column, (key, title) in zip(
    columns,
    (("a_from", "A from"), ("a_to", "A to"), ("b_from", "B from"), ("b_to", "B to")),
    strict=True,
):
    column.date_input(
        title, key=key, min_value=WAR_START, max_value=date.today(), format="YYYY-MM-DD"
    )
state = view_state.current_state()
others = filters_in_words(state.with_(date_from=None, date_to=None), geo.region_names)
st.markdown(f"**Other filters:** {inert(' · '.join(others) or 'none')}")

comparison = compare(incidents, state, geo.region_names)
if (
    comparison is None
    or comparison.a.end < comparison.a.start
    or comparison.b.end < comparison.b.start
):
    st.info("Choose both dates of each period (each ending on or after its start).")
else:
    a, b = comparison.totals
    top = st.columns(3)
    top[0].metric(f"A · {comparison.a.label}", f"{a:,}")
    top[1].metric(f"B · {comparison.b.label}", f"{b:,}", delta=f"{b - a:+,}", delta_color="off")
    top[2].metric("Change", f"{(b - a) / a:+.0%}" if a else "n/a", help="B minus A, over A")
    percent = st.column_config.NumberColumn("change %", format="%+.0f%%")
    tabs = st.tabs(["By side", "By facility type", "By region"])
    for tab, table in zip(
        tabs, (comparison.by_side, comparison.by_type, comparison.by_region), strict=True
    ):
        tab.dataframe(
            table,
            hide_index=True,
            width="stretch",
            column_config={"a": "A", "b": "B", "change_pct": percent},
        )
    st.subheader("Change by region")
    base = cache.map_base()
    fmap = difference_map(comparison, state, base, offline=cache.offline())
    folium_frame.show(folium_frame.frame_args(fmap), height=560)
    link = view_state.share_url(state)
    with st.expander("Copy link to this comparison", icon=":material/link:"):
        st.code(link, language=None, wrap_lines=True)
    meta = cache.export_context().meta(link)
    exports = st.columns(2)
    exports[0].download_button(
        "Comparison CSV",
        data=lambda: comparison_csv(comparison, meta),
        file_name=f"energy-strikes-compare-v{data.version}.csv",
        mime="text/csv",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
    exports[1].download_button(
        "Difference map (HTML)",
        data=lambda: comparison_html(comparison, state, base, meta),
        file_name=f"energy-strikes-compare-v{data.version}.html",
        mime="text/html",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
view_state.write_url(state)
