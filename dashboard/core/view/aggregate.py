"""Summaries that follow the filters: headline numbers, per region, per week."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.incidents.outlets import is_secondary, source_hosts
from dashboard.core.vocab import AFFECTED_UNITS, ATTACKING_SIDES


@dataclass(frozen=True)
class Summary:
    incidents: int
    by_side: dict[str, int]
    #: Sum of reported figures per unit, like with like; units with no figure are left out.
    affected: dict[str, int]
    regions: int


def summary(incidents: pd.DataFrame) -> Summary:
    """Headline numbers for the summary row."""
    sides = incidents["attacker"].value_counts()
    return Summary(
        incidents=len(incidents),
        by_side={s: int(sides.get(s, 0)) for s in ATTACKING_SIDES},
        affected=affected_by_unit(incidents),
        regions=int(incidents["admin1_iso"].nunique()),
    )


def affected_by_unit(incidents: pd.DataFrame) -> dict[str, int]:
    """Reported figures summed per unit (households, customers, ...), largest first.
    Units are never added together: a customer is a metered connection, not a person."""
    sums = incidents.groupby("affected_unit", observed=True)["affected_count"].sum()
    sums = sums[(sums.index != "") & (sums > 0)].sort_values(ascending=False)
    return {str(unit): int(total) for unit, total in sums.items()}


def per_region(incidents: pd.DataFrame) -> pd.DataFrame:
    """Incident count, and the reported figures of each unit, per admin-1 code."""
    grouped = incidents.groupby("admin1_iso", observed=True)
    frame = pd.DataFrame({"count": grouped.size()})
    for unit in AFFECTED_UNITS:
        own = incidents["affected_count"].where(incidents["affected_unit"] == unit)
        frame[unit] = own.groupby(incidents["admin1_iso"], observed=True).sum(min_count=1)
    return frame.fillna(0).astype("int64")


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


@dataclass(frozen=True)
class Quality:
    """How much of the data a reader can lean on: placement and sourcing."""

    records: int
    region_level: int
    #: Records drawn at the centroid of the raion or hromada they name.
    district_level: int
    #: Records by number of distinct outlets (hosts) among their sources: 1, 2, 3 or more.
    outlets: dict[str, int]
    #: Records whose every source is an aggregator or mirror.
    secondary_only: int


def quality(incidents: pd.DataFrame) -> Quality:
    hosts = incidents["source_url"].fillna("").astype(str).map(source_hosts)
    distinct = hosts.map(lambda h: len(set(h)))
    bands = distinct.clip(upper=3).map({0: "none", 1: "1", 2: "2", 3: "3 or more"})
    return Quality(
        records=len(incidents),
        region_level=int((incidents["location_precision"].astype(str) == "region").sum()),
        district_level=int((incidents["location_precision"].astype(str) == "district").sum()),
        outlets={b: int((bands == b).sum()) for b in ("none", "1", "2", "3 or more")},
        secondary_only=int(hosts.map(lambda h: bool(h) and all(map(is_secondary, h))).sum()),
    )
