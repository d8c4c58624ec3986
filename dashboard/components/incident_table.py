"""Sortable table of the filtered incidents with their sources; a row selects on the map."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.core.incidents.schema import split_sources


def table_frame(incidents: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader scans, newest first; the first source as a link."""
    frame = incidents.sort_values(["date", "id"], ascending=[False, True])
    return pd.DataFrame(
        {
            "id": frame["id"],
            "date": frame["date"].dt.date,
            "side": frame["attacker"].astype(str),
            "place": frame["settlement"].where(frame["settlement"] != "", "(region)"),
            "region": frame["admin1_name"],
            "facility": frame["facility_type"].astype(str).str.replace("_", " "),
            "name": frame["facility_name"],
            "weapon": frame["weapon"].astype(str).str.replace("_", " "),
            "affected": frame["affected_count"],
            "unit": frame["affected_unit"].astype(str),
            "confidence": frame["confidence"].astype(str),
            "source": frame["source_url"].map(lambda s: (split_sources(s) or [""])[0]),
            "outlet": frame["source_outlet"],
        }
    ).reset_index(drop=True)


#: Rows sent to the browser: a reader scans the newest; exports carry all of them.
MAX_ROWS = 1_000


def show(incidents: pd.DataFrame, *, key: str = "incident_table") -> str | None:
    """Draw the table; return the id of the selected row, if any."""
    st.subheader(f"Incidents ({len(incidents):,})")
    if incidents.empty:
        return None  # the page says once that nothing matches
    newest = incidents.nlargest(MAX_ROWS, "date") if len(incidents) > MAX_ROWS else incidents
    if len(incidents) > MAX_ROWS:
        st.caption(
            f"The {MAX_ROWS:,} most recent of {len(incidents):,} incidents; filter to narrow "
            "down, or export the CSV for all of them with their sources."
        )
    frame = table_frame(newest)
    event = st.dataframe(
        frame,
        key=key,
        hide_index=True,
        width="stretch",
        height=360,
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "source": st.column_config.LinkColumn("source", display_text="open"),
            "affected": st.column_config.NumberColumn(
                "affected", format="localized", help="Reported figure, in its own unit"
            ),
            "date": st.column_config.DateColumn("date", format="YYYY-MM-DD"),
        },
    )
    rows = event.selection.rows if event else []
    return str(frame["id"].iat[rows[0]]) if rows else None
