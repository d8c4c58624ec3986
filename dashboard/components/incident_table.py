"""Sortable table of the filtered incidents with their sources; a row selects on the map."""

from __future__ import annotations

import pyarrow as pa
import streamlit as st


def show(frame: pa.Table, total: int, *, key: str = "incident_table") -> str | None:
    """Draw the table (``frame``: the newest rows, see ``core.view.derived``); return the id
    of the selected row, if any."""
    st.subheader(f"Incidents ({total:,})")
    if not total:
        return None  # the page says once that nothing matches
    if total > frame.num_rows:
        st.caption(
            f"The {frame.num_rows:,} most recent of {total:,} incidents; filter to narrow "
            "down, or export the CSV for all of them with their sources."
        )
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
    return str(frame.column("id")[rows[0]]) if rows else None
