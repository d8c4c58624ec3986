"""A publication-ready static map of a view, drawn on the server with matplotlib.

Deterministic: the same state and data give the same pixels. The export time
and dataset version travel in the PNG's text metadata, not in the picture.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text

from dashboard.core.exports.describe import ExportMeta, subtitle
from dashboard.core.geo import facilities as facility_catalogue
from dashboard.core.geo.facilities import Catalogue
from dashboard.core.maps.facilities import facility_features
from dashboard.core.maps.legend import choropleth_colours, class_breaks, sides_present
from dashboard.core.maps.lod import (
    VIEWPORT_PX,
    inverse_mercator,
    mercator,
    metres_per_pixel,
    view_of,
)
from dashboard.core.maps.markers import marker_radius
from dashboard.core.view import aggregate
from dashboard.core.view.state import ViewState
from dashboard.core.vocab import (
    AREA_PRECISION,
    BASE_CREDIT,
    BASEMAP_LAND,
    BASEMAP_SEA,
    FACILITY_QUIET_COLOUR,
    FACILITY_STRUCK_COLOUR,
    MEASURE_TITLES,
    SIDE_COLOURS,
    SIDE_LABELS,
    SYMBOL_LABELS,
    TITLE,
)

SIZE_PX = (1600, 1000)
#: Text from data and links is drawn as written: no mathtext ("$...$"), no TeX.
PLAIN = {"parse_math": False, "usetex": False}
DPI = 100


@dataclass(frozen=True)
class Basemap:
    """Geometry projected once to Web Mercator (EPSG:3857)."""

    countries: gpd.GeoDataFrame
    regions: gpd.GeoDataFrame
    towns: pd.DataFrame  # name, x, y, major
    facilities: Catalogue = field(default_factory=facility_catalogue.empty)

    @classmethod
    def from_frames(
        cls,
        countries: gpd.GeoDataFrame,
        admin1: gpd.GeoDataFrame,
        towns: list[tuple[str, float, float, bool]],
        facilities: Catalogue | None = None,
    ) -> Basemap:
        frame = pd.DataFrame(towns, columns=["name", "lat", "lon", "major"])
        x, y = mercator(frame["lon"].to_numpy(), frame["lat"].to_numpy())
        return cls(
            countries=countries.to_crs(3857),
            regions=admin1[["admin1_iso", "geometry"]].to_crs(3857),
            towns=frame.assign(x=x, y=y),
            facilities=facilities if facilities is not None else facility_catalogue.empty(),
        )


def render_png(
    incidents: pd.DataFrame,
    state: ViewState,
    basemap: Basemap,
    meta: ExportMeta,
    region_names: Mapping[str, str],
) -> bytes:
    """The PNG bytes of the view: map, title, filters in words, legend, scale, credits."""
    width, height = SIZE_PX
    # A bare Figure (no pyplot): no global state, safe in Streamlit's threads.
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    axes = figure.add_axes((0.0, 0.07, 1.0, 0.83))
    bounds = extent(incidents, state, aspect=(width / (height * 0.83)))
    handles = draw_map(axes, incidents, state, basemap, bounds)
    axes.legend(
        handles=side_handles(sides_present(incidents)) + handles,
        loc="lower right",
        fontsize=10,
        framealpha=0.92,
        title_fontsize=10,
        title="Energy infrastructure strikes",
    )
    write_texts(figure, incidents, state, meta, region_names, bounds)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata=_png_metadata(meta))
    return buffer.getvalue()


def draw_map(
    axes,
    incidents: pd.DataFrame,
    state: ViewState,
    basemap: Basemap,
    bounds: tuple[float, float, float, float],
) -> list:
    """Sea, land, region shading, borders, facilities, incidents, towns and scale bar, bottom
    to top. Returns the legend handles of the region shading and facilities (when on)."""
    xmin, xmax, ymin, ymax = bounds
    axes.set_xlim(xmin, xmax)
    axes.set_ylim(ymin, ymax)
    axes.set_axis_off()
    axes.set_facecolor(BASEMAP_SEA)
    axes.add_patch(Rectangle((xmin, ymin), xmax - xmin, ymax - ymin, color=BASEMAP_SEA, zorder=0))
    basemap.countries.plot(ax=axes, color=BASEMAP_LAND, linewidth=0, zorder=1)
    handles = (
        _draw_choropleth(axes, incidents, state, basemap) if "choropleth" in state.layers else []
    )
    basemap.regions.boundary.plot(ax=axes, color="#c2bdb2", linewidth=0.4, zorder=3)
    basemap.countries.boundary.plot(ax=axes, color="#6f6f6f", linewidth=1.1, zorder=4)
    if "facilities" in state.layers:
        handles = handles + _draw_facilities(axes, incidents, basemap.facilities)
    if "incidents" in state.layers or "heat" in state.layers:
        draw_incidents(axes, incidents)
    _draw_towns(axes, basemap.towns, bounds)
    _draw_scale_bar(axes, bounds)
    return handles


def write_texts(
    figure: Figure,
    incidents: pd.DataFrame,
    state: ViewState,
    meta: ExportMeta,
    region_names: Mapping[str, str],
    bounds: tuple[float, float, float, float],
) -> Text:
    """Title and filters above the map; count, dataset, credits and the link below it.
    Returns the bottom line (an animation rewrites its count frame by frame)."""
    grey = {"color": "#333333", "va": "center", **PLAIN}
    figure.text(0.012, 0.965, TITLE, fontsize=20, fontweight="bold", va="center", **PLAIN)
    figure.text(0.012, 0.925, subtitle(state, incidents, region_names), fontsize=12.5, **grey)
    bottom = figure.text(
        0.012,
        0.045,
        f"{count_line(incidents, bounds)} · dataset {meta.dataset_label} · {BASE_CREDIT}"
        + (" · Power plants: WRI GPPD v1.3.0, CC BY 4.0" if "facilities" in state.layers else "")
        + " · Sources: one per incident, in the data export",
        fontsize=9.5,
        **grey,
    )
    figure.text(0.012, 0.018, meta.share_link, fontsize=8.5, color="#0055a0", va="center", **PLAIN)
    return bottom


def _png_metadata(meta: ExportMeta) -> dict[str, str]:
    """Text chunks of the PNG: the export time lives here, not in the pixels."""
    return {
        "Title": TITLE,
        "Software": "Energy Strike Map",
        "Creation Time": meta.exported_at.isoformat(timespec="seconds"),
        "Dataset version": meta.dataset_version,
        "Dataset latest incident": meta.dataset_latest,
        "Source": meta.share_link,
    }


def extent(
    incidents: pd.DataFrame, state: ViewState, *, aspect: float
) -> tuple[float, float, float, float]:
    """Web Mercator bounds: the view's centre and zoom if set, else the incidents' bounds."""
    if state.lat is not None and state.lon is not None:
        lat, lon, zoom = view_of(state)
        half_w = VIEWPORT_PX[0] * metres_per_pixel(zoom) / 2
        (cx,), (cy,) = mercator(np.array([lon]), np.array([lat]))
        half_h = half_w / aspect
        return cx - half_w, cx + half_w, cy - half_h, cy + half_h
    if incidents.empty:
        lon, lat = np.array([22.0, 48.0]), np.array([44.0, 56.0])
    else:
        lon = incidents["longitude"].to_numpy()
        lat = incidents["latitude"].to_numpy()
    x, y = mercator(lon, lat)
    xmin, xmax, ymin, ymax = x.min(), x.max(), y.min(), y.max()
    pad = max(max(xmax - xmin, ymax - ymin) * 0.12, 150_000)  # never closer than ~300 km
    xmin, xmax, ymin, ymax = xmin - pad, xmax + pad, ymin - pad, ymax + pad
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    w, h = xmax - xmin, ymax - ymin
    if w / h < aspect:
        w = h * aspect
    else:
        h = w / aspect
    return cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2


def count_line(incidents: pd.DataFrame, bounds: tuple[float, float, float, float]) -> str:
    """'12 incidents in view (325 match the filters)' or '325 incidents' when all are in view."""
    total = len(incidents)
    x, y = mercator(incidents["longitude"].to_numpy(), incidents["latitude"].to_numpy())
    xmin, xmax, ymin, ymax = bounds
    inside = int(((x >= xmin) & (x <= xmax) & (y >= ymin) & (y <= ymax)).sum())
    noun = "incident" if inside == 1 else "incidents"
    if inside == total:
        return f"{total:,} {noun}"
    return f"{inside:,} {noun} in view ({total:,} match the filters)"


def _draw_choropleth(axes, incidents: pd.DataFrame, state: ViewState, basemap: Basemap) -> list:
    values = aggregate.per_region(incidents)[state.measure]
    values = values[values > 0]
    if values.empty:
        return []
    colours = choropleth_colours(values, state.measure)
    shaded = basemap.regions[basemap.regions["admin1_iso"].isin(values.index)]
    shaded.plot(
        ax=axes, color=shaded["admin1_iso"].map(colours).to_list(), alpha=0.7, linewidth=0, zorder=2
    )
    title = Line2D([], [], linestyle="none", label=MEASURE_TITLES[state.measure])
    return [title] + [
        Patch(facecolor=c.colour, edgecolor="#7a7a7a", label=c.label)
        for c in class_breaks(values, state.measure)
    ]


def draw_incidents(axes, incidents: pd.DataFrame) -> None:
    if incidents.empty:
        return
    x, y = mercator(incidents["longitude"].to_numpy(), incidents["latitude"].to_numpy())
    size = (marker_radius(incidents["affected_count"]) * 1.5) ** 2
    colour = incidents["attacker"].astype(str).map(SIDE_COLOURS).to_numpy()
    region = incidents["location_precision"].isin(AREA_PRECISION).to_numpy()
    order = np.argsort(-size, kind="stable")  # small markers on top of large ones
    for mask, style in (
        (region[order], {"linestyle": "--", "linewidths": 1.4, "alpha": 0.9}),
        (~region[order], {"edgecolors": "white", "linewidths": 0.8, "alpha": 0.9}),
    ):
        idx = order[mask]
        if not len(idx):
            continue
        if style.get("linestyle"):
            axes.scatter(
                x[idx],
                y[idx],
                s=size[idx],
                facecolors="none",
                edgecolors=colour[idx],
                zorder=5,
                **style,
            )
        else:
            axes.scatter(x[idx], y[idx], s=size[idx], c=colour[idx], zorder=6, **style)


#: Matplotlib markers of the facility layer's symbols.
_MARKERS = {"triangle": "^", "square": "s", "diamond": "D", "circle": "o"}


def _draw_facilities(axes, incidents: pd.DataFrame, facilities: Catalogue) -> list:
    """Catalogue sites as on the interactive map; returns their legend handles."""
    features = facility_features(incidents, facilities)["features"]
    if not features:
        return []
    props = pd.DataFrame([f["properties"] for f in features])
    lon, lat = np.array([f["geometry"]["coordinates"] for f in features]).T
    x, y = mercator(lon, lat)
    colour = np.where(props["k"] > 0, FACILITY_STRUCK_COLOUR, FACILITY_QUIET_COLOUR)
    for symbol, marker in _MARKERS.items():
        mask = (props["s"] == symbol).to_numpy()
        if mask.any():
            axes.scatter(
                x[mask],
                y[mask],
                s=(props["r"].to_numpy()[mask] * 0.75) ** 2,
                c=colour[mask],
                marker=marker,
                edgecolors="white",
                linewidths=0.7,
                alpha=0.8,
                zorder=5,
            )
    present = [s for s in _MARKERS if (props["s"] == s).any()]
    handles = [_handle(_MARKERS[s], FACILITY_STRUCK_COLOUR, SYMBOL_LABELS[s]) for s in present]
    handles.append(_handle("s", FACILITY_QUIET_COLOUR, "Site not struck in this view"))
    return handles


def _handle(marker: str, colour: str, text: str) -> Line2D:
    return Line2D(
        [],
        [],
        marker=marker,
        linestyle="none",
        markersize=8,
        markerfacecolor=colour,
        markeredgecolor="white",
        label=text,
    )


def _draw_towns(axes, towns: pd.DataFrame, bounds: tuple[float, float, float, float]) -> None:
    xmin, xmax, ymin, ymax = bounds
    inside = towns[towns["x"].between(xmin, xmax) & towns["y"].between(ymin, ymax)]
    limit = 60 if (xmax - xmin) < 2_500_000 else 25
    for row in inside.head(limit).itertuples(index=False):
        axes.plot(row.x, row.y, marker="o", markersize=2.5, color="#333333", zorder=7)
        axes.annotate(
            row.name,
            (row.x, row.y),
            xytext=(4, 3),
            textcoords="offset points",
            zorder=8,
            fontsize=10 if row.major else 8.5,
            fontweight="bold" if row.major else "normal",
            color="#222222",
            **PLAIN,
        )


def _draw_scale_bar(axes, bounds: tuple[float, float, float, float]) -> None:
    """A bar of a round length in km, true at the map's centre latitude."""
    xmin, xmax, ymin, ymax = bounds
    centre_lat = float(inverse_mercator(np.array([0.0]), np.array([(ymin + ymax) / 2]))[1][0])
    metres_per_unit = math.cos(math.radians(centre_lat))
    target_km = (xmax - xmin) * metres_per_unit / 1000 / 6
    length_km = max(k for k in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if k <= max(target_km, 1))
    length = length_km * 1000 / metres_per_unit
    x0 = xmin + (xmax - xmin) * 0.02
    y0 = ymin + (ymax - ymin) * 0.04
    axes.plot(
        [x0, x0 + length], [y0, y0], color="#222222", linewidth=3, solid_capstyle="butt", zorder=9
    )
    axes.text(
        x0 + length / 2,
        y0 + (ymax - ymin) * 0.012,
        f"{length_km:,} km",
        ha="center",
        va="bottom",
        fontsize=10,
        zorder=9,
    )


def side_handles(sides: list[str]) -> list:
    handles = [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markersize=9,
            markerfacecolor=SIDE_COLOURS[s],
            markeredgecolor="white",
            label=SIDE_LABELS[s],
        )
        for s in sides
    ]
    handles.append(
        Line2D(
            [],
            [],
            marker="o",
            linestyle="none",
            markersize=9,
            markerfacecolor="none",
            markeredgecolor="#555555",
            label="Location known to district or region only",
        )
    )
    return handles
