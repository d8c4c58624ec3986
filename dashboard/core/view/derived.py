"""Everything a page shows that depends only on (dataset, filters), computed together.

A shared link opened by many people asks for the same view many times: the page
caches one :class:`Derived` per (dataset, filters) and every run after the first
reads it instead of filtering, aggregating and charting again.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from dashboard.core.incidents.schema import split_sources
from dashboard.core.view import aggregate, filters
from dashboard.core.view.state import ViewState
from dashboard.core.vocab import ATTACKING_SIDES, SIDE_COLOURS, SIDE_NAMES, words

#: Rows of the table sent to the browser: a reader scans the newest; exports carry all.
MAX_TABLE_ROWS = 1_000


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite spec and its data as an Arrow table (converted once, not per run)."""

    spec: dict
    data: pa.Table


@dataclass(frozen=True)
class Derived:
    shown: pd.DataFrame  # the filtered incidents
    summary: aggregate.Summary
    weekly: Chart  # incidents per week and side
    #: The newest rows in the table's columns, as Arrow: sent as they are, run after run.
    table: pa.Table


def filters_only(state: ViewState) -> ViewState:
    """The part of a view that decides which incidents are shown (a cache key)."""
    return ViewState(
        date_from=state.date_from,
        date_to=state.date_to,
        sides=state.sides,
        countries=state.countries,
        regions=state.regions,
        facilities=state.facilities,
        weapons=state.weapons,
        confidence=state.confidence,
    )


def derive(incidents: pd.DataFrame, state: ViewState) -> Derived:
    shown = filters.apply(incidents, state)
    newest = shown.nlargest(MAX_TABLE_ROWS, "date") if len(shown) > MAX_TABLE_ROWS else shown
    return Derived(
        shown=shown,
        summary=aggregate.summary(shown),
        weekly=side_bars(aggregate.per_week(shown), x_title="Week"),
        table=pa.Table.from_pandas(table_frame(newest), preserve_index=False),
    )


def side_bars(per_period: pd.DataFrame, *, x_title: str) -> Chart:
    """Stacked bars of incidents per period, one colour per side."""
    long = per_period.reset_index().melt(
        id_vars=per_period.index.name or "index", var_name="side", value_name="incidents"
    )
    data = pd.DataFrame(
        {
            "period": long[long.columns[0]],
            "side": "By " + long["side"].map(SIDE_NAMES),
            "incidents": long["incidents"].astype("int64"),
        }
    )
    spec = {
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "period", "type": "temporal", "title": x_title},
            "y": {"field": "incidents", "type": "quantitative", "title": "Incidents"},
            "color": {
                "field": "side",
                "type": "nominal",
                "title": None,
                "scale": {
                    "domain": [f"By {SIDE_NAMES[s]}" for s in ATTACKING_SIDES],
                    "range": [SIDE_COLOURS[s] for s in ATTACKING_SIDES],
                },
            },
        },
        "height": 260,
    }
    return Chart(spec=spec, data=pa.Table.from_pandas(data, preserve_index=False))


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
            "facility": frame["facility_type"].astype(str).map(words),
            "name": frame["facility_name"],
            "weapon": frame["weapon"].astype(str).map(words),
            "affected": frame["affected_count"],
            "unit": frame["affected_unit"].astype(str),
            "confidence": frame["confidence"].astype(str),
            "source": frame["source_url"].map(lambda s: (split_sources(s) or [""])[0]),
            "outlet": frame["source_outlet"],
        }
    ).reset_index(drop=True)
