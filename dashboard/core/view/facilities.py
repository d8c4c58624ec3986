"""Per-facility strike history and capacity figures for a filter window.

Counts use the incidents already filtered (dates, sides, ...) and linked to the
catalogue (:mod:`dashboard.core.join.facility`). Capacity figures add up each
struck site once, whatever its number of strikes: a site "struck at least once"
is not a site out of service, and the capacities are the catalogue's nameplate
figures (WRI's year of data for power plants; the cited reporting for refineries).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.geo.facilities import Catalogue, local_names
from dashboard.core.incidents.schema import SOURCE_SEPARATOR
from dashboard.core.vocab import COUNTRY_NAMES

#: Columns of the Facilities table, in display order.
TABLE_COLUMNS = (
    "facility_id",
    "name",
    "facility_type",
    "country",
    "capacity",
    "capacity_unit",
    "strikes",
    "first_strike",
    "last_strike",
    "median_days_between",
    "latest_source",
    "local_names",
)
METHOD_NOTE = (
    "Struck means hit at least once in the filter window, as reported; it does not mean "
    "out of service, and repeated strikes on one site count once in the capacity totals. "
    "Capacities are nameplate figures: power plants from WRI's Global Power Plant Database "
    "v1.3.0 (the year of data varies by plant, mostly 2014–2019; plants built or closed "
    "since are not reflected), refineries' primary distillation from the reporting cited in "
    "the catalogue. National totals are the sums over the catalogue's sites with a known "
    "capacity, so they cover what the catalogue lists, not every plant in the country."
)


def strikes_per_facility(incidents: pd.DataFrame) -> pd.DataFrame:
    """One row per linked facility: strike count, first and last date, median gap."""
    linked = incidents.loc[incidents["facility_id"].astype(str) != ""]
    if linked.empty:
        return pd.DataFrame(
            columns=["strikes", "first_strike", "last_strike", "median_days_between"]
        ).rename_axis("facility_id")
    frame = pd.DataFrame(
        {"facility_id": linked["facility_id"].astype(str).to_numpy(), "date": linked["date"]}
    ).sort_values(["facility_id", "date"])
    days = frame.drop_duplicates().copy()
    days["gap"] = days.groupby("facility_id")["date"].diff().dt.days
    grouped = frame.groupby("facility_id")["date"]
    return pd.DataFrame(
        {
            "strikes": grouped.size(),
            "first_strike": grouped.min(),
            "last_strike": grouped.max(),
            "median_days_between": days.groupby("facility_id")["gap"].median(),
        }
    )


def facility_table(incidents: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """The Facilities page's table: every site struck in the window, most struck first."""
    counts = strikes_per_facility(incidents)
    sites = catalogue.frame.set_index("facility_id")
    counts = counts.loc[counts.index.isin(sites.index)]
    chosen = sites.loc[counts.index]
    latest = _latest_sources(incidents)
    table = pd.DataFrame(
        {
            "facility_id": counts.index.to_numpy(),
            "name": chosen["name_en"].to_numpy(),
            "local_names": local_names(chosen).to_numpy(),
            "facility_type": chosen["facility_type"].to_numpy(),
            "country": chosen["country"].map(COUNTRY_NAMES).fillna(chosen["country"]).to_numpy(),
            "capacity": chosen["capacity"].to_numpy(dtype=float),
            "capacity_unit": np.where(
                chosen["capacity"].notna(), chosen["capacity_unit"].to_numpy(), ""
            ),
            "strikes": counts["strikes"].to_numpy(dtype=int),
            "first_strike": counts["first_strike"].to_numpy(),
            "last_strike": counts["last_strike"].to_numpy(),
            "median_days_between": counts["median_days_between"].to_numpy(dtype=float),
            "latest_source": latest.reindex(counts.index).fillna("").to_numpy(),
        },
        columns=list(TABLE_COLUMNS),
    )
    return table.sort_values(
        ["strikes", "last_strike"], ascending=False, kind="stable"
    ).reset_index(drop=True)


#: Why some sites have no Ukrainian or Russian name (the Data quality page says so).
NAME_GAP_NOTE = (
    "A name is entered only when it was read, in Cyrillic, in a source about that site; "
    "none is transliterated from WRI's English. For the sites below, no source read gave "
    "one: Global Energy Monitor's coal, gas and hydro trackers, RusHydro's plant list, an "
    "OpenStreetMap extract and stored news pages in Russian and Ukrainian were searched "
    "(the research logs are in data/research/). Most are small Russian plants, wind and "
    "solar projects WRI lists from plans of the 2010s, and rows that stand for several "
    "plants; a few are depots and gas sites known only from English reporting."
)


@dataclass(frozen=True)
class NameCoverage:
    """How many catalogue sites carry a Russian, a Ukrainian, or neither name."""

    sites: int
    russian: int
    ukrainian: int
    unnamed: pd.DataFrame  # the sites with neither: by type, largest capacity first


def name_coverage(catalogue: Catalogue) -> NameCoverage:
    """The catalogue's Cyrillic names, counted; the sites with none, listed."""
    sites = catalogue.frame
    russian = sites["name_ru"].fillna("").astype(str).str.strip() != ""
    ukrainian = sites["name_uk"].fillna("").astype(str).str.strip() != ""
    unnamed = sites.loc[~russian & ~ukrainian].sort_values(
        ["facility_type", "capacity", "facility_id"],
        ascending=[True, False, True],
        na_position="last",
    )
    return NameCoverage(
        sites=len(sites),
        russian=int(russian.sum()),
        ukrainian=int(ukrainian.sum()),
        unnamed=unnamed[
            ["facility_id", "name_en", "facility_type", "country", "capacity", "capacity_unit"]
        ].reset_index(drop=True),
    )


def _latest_sources(incidents: pd.DataFrame) -> pd.Series:
    """The first source link of each facility's most recent strike."""
    linked = incidents.loc[incidents["facility_id"].astype(str) != ""]
    newest = linked.sort_values("date", kind="stable").drop_duplicates("facility_id", keep="last")
    first = newest["source_url"].astype(str).str.split(SOURCE_SEPARATOR, regex=False).str[0]
    return pd.Series(first.to_numpy(), index=newest["facility_id"].astype(str).to_numpy())


@dataclass(frozen=True)
class CapacityFigure:
    """ "Russian refining capacity struck at least once: 120.4 Mt/yr (35 % of 340.1)"."""

    label: str
    struck: float
    total: float
    unit: str
    sites_struck: int
    sites_without_capacity: int

    @property
    def share(self) -> float | None:
        return self.struck / self.total if self.total else None

    def sentence(self) -> str:
        share = f" ({self.share:.0%} of the catalogue's {self.total:,.1f} {self.unit})"
        missing = (
            f"; {self.sites_without_capacity} struck site(s) have no capacity in the catalogue"
            if self.sites_without_capacity
            else ""
        )
        return (
            f"{self.label}: {self.struck:,.1f} {self.unit}"
            f"{share if self.total else ''} at {self.sites_struck} site(s){missing}"
        )


#: The figures the summary states: (label, country, family, catalogue unit, shown unit, divisor).
CAPACITY_FIGURES = (
    ("Russian refining capacity struck at least once", "RU", "refining", "Mt/yr", "Mt/yr", 1.0),
    ("Ukrainian generating capacity at plants struck", "UA", "power", "MW", "GW", 1000.0),
    ("Russian generating capacity at plants struck", "RU", "power", "MW", "GW", 1000.0),
)


def capacity_figures(incidents: pd.DataFrame, catalogue: Catalogue) -> list[CapacityFigure]:
    """Capacity of the distinct sites struck in the window, against the catalogue total."""
    struck_ids = set(incidents["facility_id"].astype(str)) - {""}
    sites = catalogue.frame
    out = []
    for label, country, family, unit, shown, divisor in CAPACITY_FIGURES:
        scope = sites[(sites["country"] == country) & (sites["family"] == family)]
        measured = scope[scope["capacity_unit"] == unit]
        hit = scope["facility_id"].isin(struck_ids)
        hit_measured = measured["facility_id"].isin(struck_ids)
        out.append(
            CapacityFigure(
                label=label,
                struck=float(measured.loc[hit_measured, "capacity"].sum()) / divisor,
                total=float(measured["capacity"].sum()) / divisor,
                unit=shown,
                sites_struck=int(hit.sum()),
                sites_without_capacity=int((hit & scope["capacity"].isna()).sum()),
            )
        )
    return out


def facility_strikes(incidents: pd.DataFrame, facility_id: str) -> pd.DataFrame:
    """One site's strikes in the window, newest first (the popup's timeline)."""
    rows = incidents.loc[incidents["facility_id"].astype(str) == facility_id]
    return rows.sort_values("date", ascending=False, kind="stable")
