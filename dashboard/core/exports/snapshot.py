"""One door for snapshots: the app's buttons and ``python -m dashboard export`` both call it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import geopandas as gpd
import pandas as pd

from dashboard.core.exports.describe import ExportMeta
from dashboard.core.exports.gif import render_gif, render_mp4
from dashboard.core.exports.html import render_html
from dashboard.core.exports.png import Basemap, render_png
from dashboard.core.exports.tables import to_csv, to_geojson
from dashboard.core.maps.base import MapBase
from dashboard.core.view.state import ViewState

FORMATS = {
    "png": ("image/png", "png"),
    "html": ("text/html", "html"),
    "csv": ("text/csv", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "gif": ("image/gif", "gif"),
    "mp4": ("video/mp4", "mp4"),
}


@dataclass(frozen=True)
class ExportContext:
    """What every snapshot of one dataset needs, prepared once: the interactive map's
    base (town labels, region names), the projected PNG basemap, and the dataset."""

    base: MapBase
    basemap: Basemap
    dataset_version: str
    dataset_latest: str

    @classmethod
    def build(
        cls,
        base: MapBase,
        countries: gpd.GeoDataFrame,
        admin1: gpd.GeoDataFrame,
        *,
        dataset_version: str,
        dataset_latest: str,
    ) -> ExportContext:
        """Projects the PNG basemap (about a second): build once per dataset and reuse."""
        return cls(
            base=base,
            basemap=Basemap.from_frames(countries, admin1, base.towns, base.facilities),
            dataset_version=dataset_version,
            dataset_latest=dataset_latest,
        )

    def meta(self, share_link: str, exported_at: datetime | None = None) -> ExportMeta:
        """Metadata for an export made now (seconds precision) of the view at ``share_link``."""
        now = exported_at or datetime.now(UTC).replace(microsecond=0)
        return ExportMeta(self.dataset_version, now, share_link, self.dataset_latest)


@dataclass(frozen=True)
class Snapshot:
    data: bytes
    mime: str
    filename: str


def snapshot(
    fmt: str,
    incidents: pd.DataFrame,
    state: ViewState,
    context: ExportContext,
    share_link: str,
    *,
    exported_at: datetime | None = None,
) -> Snapshot:
    """The file for ``fmt`` of the (already filtered) incidents in ``state``."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    meta = context.meta(share_link, exported_at)
    names = context.base.region_names
    if fmt == "png":
        data = render_png(incidents, state, context.basemap, meta, names)
    elif fmt == "html":
        data = render_html(incidents, state, context.base, meta, names).encode("utf-8")
    elif fmt == "gif":
        data = render_gif(incidents, state, context.basemap, meta, names)
    elif fmt == "mp4":
        data = render_mp4(incidents, state, context.basemap, meta, names)
    elif fmt == "csv":
        data = to_csv(incidents, meta)
    else:
        data = to_geojson(incidents, meta)
    return Snapshot(data, FORMATS[fmt][0], filename(meta.dataset_version, fmt))


def filename(dataset_version: str, fmt: str) -> str:
    """'energy-strikes-v1.0.0.png' (the export time is inside the file)."""
    return f"energy-strikes-v{dataset_version}.{FORMATS[fmt][1]}"
