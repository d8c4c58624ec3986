"""Facilities page: strikes per plant, refinery and depot in the filter window, capacity
figures, and a table whose rows open the map on that site."""

from __future__ import annotations

import streamlit as st

from dashboard import cache
from dashboard.components import session_data, view_state
from dashboard.core.exports.describe import subtitle
from dashboard.core.untrusted import inert
from dashboard.core.view.derived import derive
from dashboard.core.view.facilities import METHOD_NOTE, capacity_figures, facility_table
from dashboard.core.vocab import FACILITY_CREDIT, label

data = cache.bundled()
geo = cache.geography()
incidents = session_data.combined(data.incidents)
view_state.seed_from_url(geo.region_names, geo.facilities.ids)
# The filters are the Map page's (its sidebar): this page reads them, it does not redraw
# them, so a page switch can never reset them.
state = view_state.current_state()
own = len(incidents) - len(data.incidents)
shown = (derive(incidents, state) if own else cache.view(state)).shown
catalogue = geo.facilities

st.title("Facilities struck")
st.caption(
    f"{len(catalogue):,} sites in the catalogue: power plants from WRI's Global Power Plant "
    "Database and refineries, terminals and gas plants compiled from public reporting. "
    "Strikes are the incidents of the filter window linked to a site by name or distance."
)
st.markdown(
    f"**Filter window:** {inert(subtitle(state, shown, geo.region_names))}. "
    "Change it on the Map page's filters."
)
for item in view_state.ignored_parameters():
    st.warning(
        f"Link parameter {inert(f'{item.param}={item.value}')} ignored: {item.reason}",
        icon=":material/warning:",
    )

figures = capacity_figures(shown, catalogue)
columns = st.columns(len(figures))
for column, figure in zip(columns, figures, strict=True):
    share = f"{figure.share:.0%} of catalogue" if figure.share is not None else None
    column.metric(
        figure.label,
        f"{figure.struck:,.1f} {figure.unit}",
        delta=share,
        delta_color="off",
        delta_arrow="off",
        help=figure.sentence(),
    )
with st.expander("How these figures are formed", icon=":material/info:"):
    st.markdown(METHOD_NOTE)
    st.caption(FACILITY_CREDIT)

table = facility_table(shown, catalogue)
st.subheader(f"Sites struck in this view ({len(table):,})")
if table.empty:
    st.info("No incident in this view is linked to a catalogue site. Widen the date range.")
else:
    table["facility_type"] = table["facility_type"].map(label)
    event = st.dataframe(
        table,
        key="facility_table",
        hide_index=True,
        width="stretch",
        height=480,
        on_select="rerun",
        selection_mode="single-row",
        column_order=[c for c in table.columns if c != "facility_id"],
        column_config={
            # Narrow columns for short values, so that the whole row fits the page.
            "name": st.column_config.TextColumn("site", width="medium"),
            "local_names": st.column_config.TextColumn(
                "Ukrainian / Russian name",
                width="medium",
                help="As read in the catalogue's sources; empty where none gave one",
            ),
            "facility_type": st.column_config.TextColumn("type"),
            "country": st.column_config.TextColumn("country", width="small"),
            "capacity": st.column_config.NumberColumn(
                "capacity",
                format="localized",
                width="small",
                help="Nameplate capacity; None where the catalogue has no figure",
            ),
            "capacity_unit": st.column_config.TextColumn("unit", width="small"),
            "strikes": st.column_config.NumberColumn("strikes", width="small"),
            "first_strike": st.column_config.DateColumn(
                "first strike", format="YYYY-MM-DD", width="small"
            ),
            "last_strike": st.column_config.DateColumn(
                "last strike", format="YYYY-MM-DD", width="small"
            ),
            "median_days_between": st.column_config.NumberColumn(
                "median gap, days",
                width="small",
                format="%.0f",
                help="Median gap between the distinct days the site was struck; empty when "
                "it was struck on one day only.",
            ),
            "latest_source": st.column_config.LinkColumn(
                "latest source",
                display_text="open",
                width="small",
                help="A source of the newest strike",
            ),
        },
    )
    st.caption("Choose a row to open the map on that site, with its strike timeline.")
    rows = event.selection.rows if event else []
    if rows:
        view_state.select_site(str(table["facility_id"].iat[rows[0]]))
        st.switch_page("app_pages/map.py")
view_state.write_url(state)
