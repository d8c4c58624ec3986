"""One door for snapshots: the app's buttons and ``python -m dashboard export`` both call it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from dashboard.core.exports.describe import ExportMeta
from dashboard.core.exports.html import render_html
from dashboard.core.exports.png import Basemap, render_png
from dashboard.core.exports.tables import to_csv, to_geojson
from dashboard.core.maps.build import MapBase
from dashboard.core.view.state import ViewState

FORMATS = {
    "png": ("image/png", "png"),
    "html": ("text/html", "html"),
    "csv": ("text/csv", "csv"),
    "geojson": ("application/geo+json", "geojson"),
}


@dataclass(frozen=True)
class Snapshot:
    data: bytes
    mime: str
    filename: str


def snapshot(
    fmt: str,
    incidents: pd.DataFrame,
    state: ViewState,
    meta: ExportMeta,
    *,
    base: MapBase,
    basemap: Basemap,
    region_names: Mapping[str, str],
) -> Snapshot:
    """The file for ``fmt`` of the (already filtered) incidents in ``state``."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "png":
        data = render_png(incidents, state, basemap, meta, region_names)
    elif fmt == "html":
        data = render_html(incidents, state, base, meta, region_names).encode("utf-8")
    elif fmt == "csv":
        data = to_csv(incidents, meta)
    else:
        data = to_geojson(incidents, meta)
    return Snapshot(data, FORMATS[fmt][0], filename(meta.dataset_version, fmt))


def filename(dataset_version: str, fmt: str) -> str:
    """'energy-strikes-v1.0.0.png' (the export time is inside the file)."""
    return f"energy-strikes-v{dataset_version}.{FORMATS[fmt][1]}"
