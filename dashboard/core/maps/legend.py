"""The map legend and the region shading's colour classes."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import numpy as np
import pandas as pd

from dashboard.core.maps import lod
from dashboard.core.maps.markers import is_user_data
from dashboard.core.view import aggregate
from dashboard.core.view.state import ViewState
from dashboard.core.vocab import (
    CHOROPLETH_COLOURS,
    CLASS_LADDERS,
    FACILITY_QUIET_COLOUR,
    FACILITY_STRUCK_COLOUR,
    MEASURE_TITLES,
    SIDE_COLOURS,
    SIDE_LABELS,
    SIDES,
    SYMBOL_LABELS,
)


def sides_present(incidents: pd.DataFrame) -> list[str]:
    """The sides a legend lists: those in the data, or both attacking sides when empty."""
    present = set(incidents["attacker"].unique())
    return [s for s in SIDES if s in present] or [s for s in SIDES if s != "unknown"]


def legend_html(incidents: pd.DataFrame, state: ViewState, detail: lod.Plan | None = None) -> str:
    """Legend for sides, precision, size and (when shown) the choropleth classes."""
    sides = sides_present(incidents)
    parts = ["<h4>Energy infrastructure strikes</h4>"]
    parts += [
        f'<div><i style="background:{SIDE_COLOURS[s]}"></i>{SIDE_LABELS[s]}</div>' for s in sides
    ]
    if is_user_data(incidents).any():
        parts.append(
            '<div><i style="border:2.5px solid #111;background:#ccc;width:8px;height:8px">'
            "</i>Your data (this session only)</div>"
        )
    parts.append(
        '<div><i style="border:2px dashed #555;background:transparent;width:9px;height:9px">'
        "</i>Location known to district or region only</div>"
        "<div style='color:#555'>Larger circle: more people cut off (reported)</div>"
    )
    if detail is not None and detail.aggregated:
        parts.append(
            f"<div style='margin-top:4px;max-width:240px'>{detail.total:,} incidents: "
            f"{len(detail.markers):,} drawn one by one, the rest as counts per area. "
            "Zoom in or filter to see each incident.</div>"
        )
    if "facilities" in state.layers:
        parts.append(facility_legend_html())
    if "choropleth" in state.layers:
        classes = class_breaks(aggregate.per_region(incidents)[state.measure], state.measure)
        parts.append(f"<h4 style='margin-top:6px'>{escape(MEASURE_TITLES[state.measure])}</h4>")
        parts += [
            f'<div><i class="esm-sq" style="background:{c.colour}"></i>{escape(c.label)}</div>'
            for c in classes
        ] or ["<div>None in this view</div>"]
    return "".join(parts)


_SVG = {
    "triangle": '<polygon points="7,1 13,13 1,13"/>',
    "diamond": '<polygon points="7,1 13,7 7,13 1,7"/>',
    "square": '<rect x="2" y="2" width="10" height="10"/>',
    "circle": '<circle cx="7" cy="7" r="6"/>',
}


def _symbol(shape: str, colour: str) -> str:
    return (
        f'<svg width="14" height="14" style="vertical-align:middle;margin-right:6px" '
        f'fill="{colour}">{_SVG[shape]}</svg>'
    )


def facility_legend_html() -> str:
    """The facility layer's key: shapes by kind, black struck, grey not, size capacity."""
    rows = [f"<div>{_symbol(s, FACILITY_STRUCK_COLOUR)}{w}</div>" for s, w in SYMBOL_LABELS.items()]
    return (
        "<h4 style='margin-top:6px'>Facilities (catalogue)</h4>"
        + "".join(rows)
        + f"<div>{_symbol('square', FACILITY_QUIET_COLOUR)}Not struck in this view</div>"
        + "<div style='color:#555'>Larger symbol: larger capacity</div>"
    )


@dataclass(frozen=True)
class ColourClass:
    low: int
    colour: str
    label: str


def class_breaks(values: pd.Series, measure: str) -> list[ColourClass]:
    """Colour classes for the values present, on a ladder of round thresholds."""
    top = int(values.max()) if len(values) else 0
    if top <= 0:
        return []
    lows = [x for x in CLASS_LADDERS[measure] if x <= top][-len(CHOROPLETH_COLOURS) :]
    lows[0] = 1
    colours = CHOROPLETH_COLOURS[len(CHOROPLETH_COLOURS) - len(lows) :]
    classes = []
    for index, (low, colour) in enumerate(zip(lows, colours, strict=True)):
        high = lows[index + 1] - 1 if index + 1 < len(lows) else None
        if high is None:
            label = f"{low:,} or more" if low < top else f"{low:,}"
        else:
            label = f"{low:,}" if high == low else f"{low:,}–{high:,}"
        classes.append(ColourClass(low, colour, label))
    return classes


def choropleth_colours(values: pd.Series, measure: str) -> pd.Series:
    """Fill colour of the class each (positive) value falls in."""
    classes = class_breaks(values, measure)
    lows = np.asarray([c.low for c in classes])
    index = np.searchsorted(lows, values.to_numpy(), side="right") - 1
    return pd.Series([classes[i].colour for i in index], index=values.index, dtype=object)


def region_values(incidents: pd.DataFrame, measure: str) -> dict[str, tuple[str, str]]:
    """ISO code -> (formatted value, fill colour) for regions with a non-zero value."""
    values = aggregate.per_region(incidents)[measure]
    values = values[values > 0]
    if values.empty:
        return {}
    fills = choropleth_colours(values, measure)
    return {iso: (f"{int(v):,}", fills[iso]) for iso, v in values.items()}
