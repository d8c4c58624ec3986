"""Data-quality page: coverage per month and region, imprecise and unplaced records."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cache
from dashboard.components import summary
from dashboard.core.dataset import dataset_version, known_gaps
from dashboard.core.maps.facilities import capacity_text
from dashboard.core.untrusted import inert
from dashboard.core.view import aggregate
from dashboard.core.view.facilities import NAME_GAP_NOTE, name_coverage
from dashboard.core.vocab import AFFECTED_UNITS, AREA_PRECISION, SIDE_COLOURS, label

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

checks = aggregate.quality(incidents)
columns = st.columns(5)
columns[0].metric("Latest incident", data.latest_label)
columns[1].metric(
    "Region-level records",
    f"{checks.region_level / max(checks.records, 1):.1%}",
    help=f"{checks.region_level:,} of {checks.records:,} records are placed at their region "
    "only: no settlement or district named, or one the gazetteers do not know.",
)
columns[2].metric(
    "District-level records",
    f"{checks.district_level / max(checks.records, 1):.1%}",
    help=f"{checks.district_level:,} records name only their district (or a village the "
    "gazetteer lacks, with its district): a Ukrainian raion or hromada is drawn at its "
    "centroid, a Russian district at its administrative centre.",
)
columns[3].metric(
    "Two or more outlets",
    f"{(checks.outlets['2'] + checks.outlets['3 or more']) / max(checks.records, 1):.0%}",
    help="Records whose sources come from at least two different outlets.",
)
columns[4].metric(
    "Attack waves",
    f"{len(data.waves):,}",
    help="Nights whose launch, interception and outage figures are recorded once, on the "
    "wave, and not on each site's record.",
)

st.subheader("Incidents per month")
summary.side_chart(aggregate.per_month(incidents), x_label="Month")

st.subheader("Sources per record")
st.caption(
    "Distinct outlets among each record's sources. Aggregators and mirrors count as outlets "
    f"here but may never be a record's only source ({checks.secondary_only} records are)."
)
bands = {band: n for band, n in checks.outlets.items() if n or band != "none"}
st.bar_chart(
    pd.Series(bands, name="records").rename_axis("outlets"),
    x_label="Outlets",
    y_label="Records",
    height=200,
    color=SIDE_COLOURS["unknown"],
)

gaps = known_gaps()
if gaps and data.version == dataset_version():
    st.subheader("Known gaps")
    st.markdown(gaps)  # the project's own text (data/README.md), not user input

st.subheader("Incidents per region")
regions = aggregate.per_region(incidents)
regions.insert(0, "region", regions.index.map(cache.geography().region_names))
for unit in AFFECTED_UNITS:
    regions[unit] = regions[unit].where(regions[unit] > 0)  # empty: none reported
st.dataframe(
    regions.sort_values("count", ascending=False),
    width="stretch",
    column_config={"count": st.column_config.NumberColumn("incidents")}
    | {
        unit: st.column_config.NumberColumn(
            f"{unit} affected",
            format="localized",
            help=f"Sum of figures reported in {unit}; empty: none reported",
        )
        for unit in AFFECTED_UNITS
    },
)

st.subheader("Records placed at district or region level only")
coarse = incidents[incidents["location_precision"].isin(AREA_PRECISION)]
st.caption(
    f"{checks.region_level:,} of {len(incidents):,} records name no settlement or district the "
    f"gazetteers know and are drawn at a point inside their region; {checks.district_level:,} "
    "name a Ukrainian raion or hromada and are drawn at its centroid. Both are marked on the "
    "map (dashed circles)."
)
st.dataframe(
    coarse[
        [
            "id",
            "date",
            "location_precision",
            "settlement",
            "district",
            "admin1_name",
            "facility_name",
            "place_note",
        ]
    ].astype({"admin1_name": str, "place_note": str}),
    hide_index=True,
    width="stretch",
    column_config=COLUMNS,
)

st.subheader("Links to the facility catalogue")
linked = incidents["facility_id"].astype(str) != ""
ambiguous = incidents[incidents["facility_candidates"].astype(str) != ""]
st.caption(
    f"{int(linked.sum()):,} of {len(incidents):,} records are linked to a catalogue site "
    f"({incidents.loc[linked, 'facility_match'].astype(str).value_counts().to_dict()}). "
    f"{len(ambiguous):,} could be one of several sites and are left unlinked."
)
if len(ambiguous):
    st.dataframe(
        ambiguous[["id", "date", "facility_type", "facility_name", "facility_candidates"]].astype(
            {"facility_type": str, "facility_candidates": str}
        ),
        hide_index=True,
        width="stretch",
        column_config=COLUMNS
        | {"facility_candidates": st.column_config.TextColumn("candidate sites")},
    )

names = name_coverage(cache.geography().facilities)
st.markdown(
    f"**Names of catalogue sites.** {names.russian:,} of {names.sites:,} sites have a "
    f"Russian name and {names.ukrainian:,} a Ukrainian one; {len(names.unnamed):,} have "
    "neither and are matched by their English name and aliases only."
)
with st.expander(f"Sites without a Ukrainian or Russian name ({len(names.unnamed):,})"):
    st.caption(NAME_GAP_NOTE)
    unnamed = names.unnamed
    st.dataframe(
        unnamed.assign(
            facility_type=unnamed["facility_type"].map(label),
            capacity=list(map(capacity_text, unnamed["capacity"], unnamed["capacity_unit"])),
        ).drop(columns="capacity_unit"),
        hide_index=True,
        width="stretch",
        column_config={
            "facility_id": st.column_config.TextColumn("id"),
            "name_en": st.column_config.TextColumn("name (WRI or reporting)"),
            "facility_type": st.column_config.TextColumn("type"),
        },
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

if len(data.waves):
    st.subheader("Attack waves")
    st.caption(
        "One record per night of strikes: what was launched and intercepted as claimed, "
        "and outages across several regions. Each site struck that night is its own incident."
    )
    st.dataframe(
        data.waves,
        hide_index=True,
        width="stretch",
        column_config={"date": st.column_config.DateColumn("date", format="YYYY-MM-DD")},
    )
