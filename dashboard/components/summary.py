"""Summary row and weekly timeline for the filtered incidents."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.core.view import aggregate
from dashboard.core.vocab import ATTACKING_SIDES, SIDE_COLOURS, SIDE_NAMES


def show(incidents: pd.DataFrame) -> None:
    numbers = aggregate.summary(incidents)
    columns = st.columns(5)
    columns[0].metric("Incidents", f"{numbers.incidents:,}")
    columns[1].metric("Strikes by Ukraine", f"{numbers.by_ukraine:,}")
    columns[2].metric("Strikes by Russia", f"{numbers.by_russia:,}")
    columns[3].metric(
        "Households affected",
        compact(numbers.households),
        help="Sum of reported figures only; most reports give none.",
    )
    columns[4].metric("Regions hit", f"{numbers.regions:,}")


def compact(number: int) -> str:
    """4,890,174 -> '4.89 M'; small numbers keep every digit."""
    if number >= 1_000_000:
        return f"{number / 1_000_000:.2f} M"
    return f"{number:,}"


def timeline(incidents: pd.DataFrame) -> None:
    st.subheader("Incidents per week, by attacking side")
    weekly = aggregate.per_week(incidents)
    if not weekly.empty:  # the page says once that nothing matches
        side_chart(weekly, x_label="Week")


def side_chart(per_period: pd.DataFrame, *, x_label: str) -> None:
    """Bar chart of incidents per period, one colour per attacking side."""
    st.bar_chart(
        per_period.rename(columns={s: f"By {SIDE_NAMES[s]}" for s in ATTACKING_SIDES}),
        color=[SIDE_COLOURS[s] for s in ATTACKING_SIDES],
        x_label=x_label,
        y_label="Incidents",
        height=260,
    )
