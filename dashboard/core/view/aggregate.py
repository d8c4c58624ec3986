"""Summaries that follow the filters: headline numbers, per region, per week."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.vocab import ATTACKING_SIDES


@dataclass(frozen=True)
class Summary:
    incidents: int
    by_ukraine: int
    by_russia: int
    households: int
    regions: int


def summary(incidents: pd.DataFrame) -> Summary:
    """Headline numbers for the summary row."""
    sides = incidents["attacker"].value_counts()
    return Summary(
        incidents=len(incidents),
        by_ukraine=int(sides.get("ukraine", 0)),
        by_russia=int(sides.get("russia", 0)),
        households=int(incidents["households_affected"].fillna(0).sum()),
        regions=int(incidents["admin1_iso"].nunique()),
    )


def per_region(incidents: pd.DataFrame) -> pd.DataFrame:
    """Incident count and households affected per admin-1 code."""
    grouped = incidents.groupby("admin1_iso", observed=True)
    return pd.DataFrame(
        {
            "count": grouped.size(),
            "households": grouped["households_affected"].sum(min_count=1).fillna(0),
        }
    ).astype("int64")


def per_week(incidents: pd.DataFrame) -> pd.DataFrame:
    """Incidents per ISO week (weeks starting Monday) and attacking side, gaps as zero."""
    if incidents.empty:
        return pd.DataFrame(columns=list(ATTACKING_SIDES), dtype="int64")
    weeks = incidents["date"].dt.to_period("W-SUN").dt.start_time
    table = (
        pd.crosstab(weeks, incidents["attacker"].astype(str))
        .reindex(columns=list(ATTACKING_SIDES), fill_value=0)
        .asfreq("W-MON", fill_value=0)
    )
    table.index.name = "week"
    return table


def per_month(incidents: pd.DataFrame) -> pd.DataFrame:
    """Incidents per calendar month and attacking side (coverage view)."""
    months = incidents["date"].dt.to_period("M").dt.start_time
    table = pd.crosstab(months, incidents["attacker"].astype(str)).reindex(
        columns=list(ATTACKING_SIDES), fill_value=0
    )
    table.index.name = "month"
    return table
