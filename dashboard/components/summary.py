"""Summary row and the per-period charts of incidents by attacking side."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.core.view.aggregate import Summary
from dashboard.core.view.derived import Chart, side_bars
from dashboard.core.vocab import ATTACKING_SIDES, SIDE_NAMES


def show(numbers: Summary) -> None:
    columns = st.columns(5)
    columns[0].metric("Incidents", f"{numbers.incidents:,}")
    for column, side in zip(columns[1:3], ATTACKING_SIDES, strict=True):
        column.metric(f"Strikes by {SIDE_NAMES[side]}", f"{numbers.by_side[side]:,}")
    affected = numbers.affected
    top = next(iter(affected), None)
    columns[3].metric(
        f"{top.capitalize()} cut off" if top else "Cut off",
        compact(affected[top]) if top else "none reported",
        help="Sum of the figures reported with the strikes, in their own units, which are "
        "never added together: "
        + ("; ".join(f"{n:,} {u}" for u, n in affected.items()) or "none in this view")
        + ". Most reports give no figure, and a place cut off twice counts twice.",
    )
    columns[4].metric("Regions hit", f"{numbers.regions:,}")


def compact(number: int) -> str:
    """4,890,174 -> '4.89 M'; small numbers keep every digit."""
    if number >= 1_000_000:
        return f"{number / 1_000_000:.2f} M"
    return f"{number:,}"


def timeline(chart: Chart, *, empty: bool) -> None:
    st.subheader("Incidents per week, by attacking side")
    if not empty:  # the page says once that nothing matches
        st.vega_lite_chart(chart.data, chart.spec, width="stretch")


def side_chart(per_period: pd.DataFrame, *, x_label: str) -> None:
    """Bar chart of incidents per period, one colour per attacking side."""
    chart = side_bars(per_period, x_title=x_label)
    st.vega_lite_chart(chart.data, chart.spec, width="stretch")
