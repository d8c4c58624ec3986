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
