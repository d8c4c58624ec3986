"""Two periods side by side: counts and change per side, facility type and region.

The view's other filters (sides, regions, types, ...) apply to both periods; only the
dates differ. Change is B minus A; the percentage is left empty where A is zero
(a change from nothing has no percentage).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from dashboard.core.view import filters
from dashboard.core.view.state import ViewState
from dashboard.core.vocab import DIVERGING_COLOURS, SIDE_NAMES, label

#: Round magnitudes the difference map's classes are picked from.
_LADDER = (1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1_000, 2_000, 5_000, 10_000)


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def label(self) -> str:
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


@dataclass(frozen=True)
class Comparison:
    a: Period
    b: Period
    by_side: pd.DataFrame
    by_type: pd.DataFrame
    by_region: pd.DataFrame  # indexed by admin1_iso, with a "region" name column

    @property
    def totals(self) -> tuple[int, int]:
        return int(self.by_side["a"].sum()), int(self.by_side["b"].sum())


def periods(state: ViewState) -> tuple[Period, Period] | None:
    """Both periods when the state names all four dates, else None."""
    dates = (state.a_from, state.a_to, state.b_from, state.b_to)
    if any(d is None for d in dates):
        return None
    return Period(state.a_from, state.a_to), Period(state.b_from, state.b_to)


def compare(
    incidents: pd.DataFrame, state: ViewState, region_names: Mapping[str, str]
) -> Comparison | None:
    """Counts of each period and their change, or None when a period is missing."""
    chosen = periods(state)
    if chosen is None:
        return None
    a, b = chosen
    rest = filters.apply(incidents, state.with_(date_from=None, date_to=None))
    in_a = _within(rest, a)
    in_b = _within(rest, b)
    by_side = _table(rest, in_a, in_b, "attacker", lambda s: SIDE_NAMES.get(s, s))
    by_type = _table(rest, in_a, in_b, "facility_type", label)
    by_region = _table(rest, in_a, in_b, "admin1_iso", lambda s: region_names.get(s, s))
    return Comparison(a, b, by_side, by_type, by_region.rename(columns={"name": "region"}))


def _within(incidents: pd.DataFrame, period: Period) -> np.ndarray:
    dates = incidents["date"]
    return ((dates >= pd.Timestamp(period.start)) & (dates <= pd.Timestamp(period.end))).to_numpy()


def _table(incidents, in_a, in_b, column: str, name) -> pd.DataFrame:
    keys = incidents[column].astype(str)
    counts = pd.DataFrame(
        {
            "a": keys[in_a].value_counts(),
            "b": keys[in_b].value_counts(),
        }
    ).fillna(0)
    counts = counts.astype(int)
    counts = counts[(counts["a"] > 0) | (counts["b"] > 0)]
    counts["change"] = counts["b"] - counts["a"]
    counts["change_pct"] = np.where(
        counts["a"] > 0, 100.0 * counts["change"] / counts["a"].where(counts["a"] > 0), np.nan
    )
    counts.insert(0, "name", [name(k) for k in counts.index])
    return counts.sort_values(["b", "a"], ascending=False, kind="stable")


@dataclass(frozen=True)
class DiffClass:
    colour: str
    label: str


def _limits(change: pd.Series) -> tuple[int, int]:
    """Two round limits (low < high) that split the largest change into three bands."""
    top = float(change.abs().max()) if len(change) else 0.0
    high = max([v for v in _LADDER if v <= top / 2] or [2])
    low = max([v for v in _LADDER if v <= high / 2] or [1])
    return low, max(high, low + 1)


def difference_colours(change: pd.Series) -> tuple[pd.Series, list[DiffClass]]:
    """Each region's class colour (B minus A: purple fewer, orange more) and the legend's
    classes, from the strongest decrease to the strongest increase; empty bands are left
    out of the legend."""
    low, high = _limits(change)
    bands = [
        (f"{high:,} or more", 3),
        (f"{low:,} to {high - 1:,}", 2),
        (f"1 to {low - 1:,}" if low > 2 else "1", 1),
    ]
    size = change.abs().to_numpy()
    band = np.select([size >= high, size >= low, size > 0], [3, 2, 1], 0)
    signed = (band * np.sign(change.to_numpy())).astype(int)
    colours = pd.Series(DIVERGING_COLOURS_ARRAY[signed + 3], index=change.index, dtype=object)
    classes = [DiffClass(DIVERGING_COLOURS[3 - n], f"down {words}") for words, n in bands]
    classes.append(DiffClass(DIVERGING_COLOURS[3], "no change"))
    classes += [DiffClass(DIVERGING_COLOURS[3 + n], f"up {words}") for words, n in bands[::-1]]
    if low == 1:
        classes = [c for c in classes if not c.label.endswith(" 1")]
    return colours, classes


DIVERGING_COLOURS_ARRAY = np.asarray(DIVERGING_COLOURS, dtype=object)
