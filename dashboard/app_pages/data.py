"""Data-quality page: coverage per month and region, imprecise and unplaced records."""

from __future__ import annotations

import streamlit as st

from dashboard import cache
from dashboard.components import summary
from dashboard.core.untrusted import inert
from dashboard.core.view import aggregate

COLUMNS = {
    "date": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
    "admin1_name": st.column_config.TextColumn("region"),
    "place_note": st.column_config.TextColumn("note"),
}

data = cache.bundled()
incidents = data.incidents

st.title("Data quality and coverage")
st.caption(
    f"Dataset {inert('v' + data.version)} · {len(incidents):,} incidents · "
    f"latest {data.latest_label}"
)

st.subheader("Incidents per month")
summary.side_chart(aggregate.per_month(incidents), x_label="Month")

st.subheader("Incidents per region")
regions = aggregate.per_region(incidents)
regions.insert(0, "region", regions.index.map(cache.geography().region_names))
regions["households"] = regions["households"].where(regions["households"] > 0)  # none reported
st.dataframe(
    regions.sort_values("count", ascending=False),
    width="stretch",
    column_config={
        "count": st.column_config.NumberColumn("incidents"),
        "households": st.column_config.NumberColumn(
            "households affected",
            format="localized",
            help="Sum of reported figures; empty: none reported",
        ),
    },
)

st.subheader("Records placed at region level only")
coarse = incidents[incidents["location_precision"] == "region"]
st.caption(
    f"{len(coarse):,} of {len(incidents):,} records name no settlement the gazetteer knows; "
    "they are drawn at a point inside their region and marked as region-level on the map."
)
st.dataframe(
    coarse[["id", "date", "settlement", "admin1_name", "facility_name", "place_note"]].astype(
        {"admin1_name": str, "place_note": str}
    ),
    hide_index=True,
    width="stretch",
    column_config=COLUMNS,
)

st.subheader("Records that could not be placed")
if data.unplaced.empty:
    st.success("Every bundled record has a point and an admin-1 region.")
else:
    st.error(f"{len(data.unplaced):,} records could not be placed; they are not on the map.")
    st.dataframe(data.unplaced, hide_index=True, width="stretch")

notes = incidents[incidents["place_note"] != ""]
if len(notes):
    st.subheader("Placement notes")
    st.dataframe(
        notes[["id", "settlement", "admin1_iso", "place_note"]].astype(
            {"admin1_iso": str, "place_note": str}
        ),
        hide_index=True,
        width="stretch",
        column_config=COLUMNS,
    )
