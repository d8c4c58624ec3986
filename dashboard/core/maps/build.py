"""Build the interactive folium map for a filtered incident frame and a view state.

The map is assembled from a handful of layers, each carrying its data as one
JSON blob (see :mod:`dashboard.core.maps.elements`): incidents (clustered circle
markers coloured by attacking side), a region choropleth, a heatmap and a tile
or offline vector basemap.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
from folium.plugins import HeatMap

from dashboard.core.geo.display import (
    COUNTRIES_FILE,
    REGIONS_FILE,
    STATIC_GEO_URL,
    load_display,
)
from dashboard.core.incidents.schema import split_sources
from dashboard.core.maps import lod
from dashboard.core.maps.assets import use_local_assets
from dashboard.core.maps.elements import (
    Attribution,
    ChoroplethLayer,
    GeoSource,
    IncidentLayer,
    Legend,
    Panes,
    VectorBasemap,
)
from dashboard.core.view import aggregate
from dashboard.core.view.state import MAX_ZOOM, MIN_ZOOM, ViewState

#: Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
SIDE_COLOURS = {"ukraine": "#0072B2", "russia": "#D55E00", "unknown": "#6E6E6E"}
SIDE_LABELS = {
    "ukraine": "Strike by Ukraine",
    "russia": "Strike by Russia",
    "unknown": "Attacker not stated",
}
#: Sequential purples (ColorBrewer, colour-blind safe), light to dark.
CHOROPLETH_COLOURS = ("#efedf5", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f")
MEASURE_LABELS = {"count": "Incidents per region", "households": "Households affected"}
DEFAULT_CENTRE = (49.0, 35.0)
DEFAULT_ZOOM = 5
DATA_CREDIT = (
    "Boundaries: Natural Earth (public domain) · Places: GeoNames (CC BY 4.0) · "
    "Incidents: see each source"
)
TILES = {
    "light": ("Esri.WorldGrayCanvas", "Light grey (Esri)"),
    "osm": ("OpenStreetMap", "OpenStreetMap"),
}


@dataclass(frozen=True)
class MapBase:
    """What every map shares, prepared once: town labels and region names."""

    towns: list[tuple[str, float, float, bool]]
    region_names: dict[str, str]

    @classmethod
    def from_frames(cls, admin1: gpd.GeoDataFrame, places: pd.DataFrame) -> MapBase:
        return cls(
            towns=label_towns(places),
            region_names=dict(zip(admin1["admin1_iso"], admin1["name_en"], strict=True)),
        )


def label_towns(
    places: pd.DataFrame, count: int = 120, spacing_degrees: float = 0.35
) -> list[tuple[str, float, float, bool]]:
    """The largest towns, skipping any too close to a larger one (city districts, suburbs)."""
    kept: list[tuple[str, float, float, bool]] = []
    for name, lat, lon, population in places.sort_values(
        ["population", "geonameid"], ascending=[False, True]
    )[["name", "latitude", "longitude", "population"]].itertuples(index=False):
        if all(
            abs(lat - k[1]) > spacing_degrees or abs(lon - k[2]) > spacing_degrees for k in kept
        ):
            kept.append((str(name), round(lat, 4), round(lon, 4), bool(population >= 1_000_000)))
            if len(kept) == count:
                break
    return kept


def build_map(
    incidents: pd.DataFrame,
    state: ViewState,
    base: MapBase,
    *,
    offline: bool = False,
    self_contained: bool = False,
    height: int | str = 640,
    detail: lod.Plan | None = None,
) -> folium.Map:
    """The folium map of ``incidents`` (already filtered) as ``state`` asks for it.

    ``offline`` uses the vector basemap instead of tile servers (scripts are always
    served by the dashboard);
    ``self_contained`` also inlines the basemap geometry (for HTML exports).
    ``detail`` is the level-of-detail plan (computed here when not given).
    """
    chosen = incidents.loc[incidents["id"] == state.incident] if state.incident else None
    if state.lat is None and chosen is not None and len(chosen):
        # Open on the selected incident, close enough for its marker to stand alone.
        state = state.with_(
            lat=float(chosen["latitude"].iat[0]), lon=float(chosen["longitude"].iat[0]), zoom=9
        )
    detail = detail or lod.plan(incidents, state)
    if detail.aggregated and state.lat is None:
        lat, lon, zoom = lod.view_of(state)
        state = state.with_(lat=lat, lon=lon, zoom=zoom)
    fmap = folium.Map(
        location=_centre(incidents, state),
        zoom_start=state.zoom or DEFAULT_ZOOM,
        tiles=None,
        control_scale=True,
        prefer_canvas=False,  # SVG: each visible incident is an element; clusters keep them few
        height=height,
    )
    # Marker clustering needs a maxZoom on the map when no tile layer sets one; at the
    # deepest zoom, incidents at the same town centre fan out ("spiderfy").
    fmap.options.update(minZoom=MIN_ZOOM, maxZoom=MAX_ZOOM)
    basemap = "offline" if offline else state.basemap
    source = (
        GeoSource(data=load_display())
        if self_contained
        else GeoSource(
            urls=(f"{STATIC_GEO_URL}/{REGIONS_FILE}", f"{STATIC_GEO_URL}/{COUNTRIES_FILE}")
        )
    )
    source.add_to(fmap)
    Panes().add_to(fmap)
    if not offline:
        for key, (tiles, label) in TILES.items():
            folium.TileLayer(tiles, name=label, show=key == basemap).add_to(fmap)
    VectorBasemap(source, base.towns, show=basemap == "offline").add_to(fmap)
    if "choropleth" in state.layers:
        ChoroplethLayer(
            source,
            region_values(incidents, state.measure),
            label=MEASURE_LABELS[state.measure],
            name=f"Regions: {MEASURE_LABELS[state.measure].lower()}",
        ).add_to(fmap)
    if "heat" in state.layers and len(incidents):
        HeatMap(
            heat_points(detail),
            name="Heatmap",
            radius=18,
            blur=22,
            min_opacity=0.3,
        ).add_to(fmap)
    if "incidents" in state.layers:
        IncidentLayer(
            incident_features(detail.markers),
            SIDE_COLOURS,
            cells=detail.cells.to_numpy().tolist(),
            selected=state.incident,
        ).add_to(fmap)
    Legend(legend_html(incidents, state, detail)).add_to(fmap)
    Attribution(DATA_CREDIT).add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    if state.lat is None and len(incidents):
        _fit(fmap, incidents)
    # Scripts always come from the dashboard itself: no CDN to fail, nothing leaks
    # which map a reader opens. Online and offline differ only in the basemap.
    use_local_assets(fmap)
    return fmap


def heat_points(detail: lod.Plan) -> list[list[float]]:
    """[lat, lon, weight]: every marker, and each aggregated cell weighted by its count."""
    points = detail.markers[["latitude", "longitude"]].round(4).to_numpy()
    markers = np.column_stack([points, np.ones(len(points))])
    cells = detail.cells[["lat", "lon", "count"]].to_numpy(dtype=float)
    return np.vstack([markers, cells]).tolist()


def incident_features(incidents: pd.DataFrame) -> dict:
    """Compact GeoJSON of incidents with escaped tooltip and popup HTML."""
    if incidents.empty:
        return {"type": "FeatureCollection", "features": []}
    lat = incidents["latitude"].round(4).to_numpy()
    lon = incidents["longitude"].round(4).to_numpy()
    radius = marker_radius(incidents["households_affected"])
    tips = tooltip_html(incidents)
    popups = popup_html(incidents)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [x, y]},
            "properties": {"id": i, "s": s, "p": p, "r": r, "tip": t, "popup": h}
            | ({"u": 1} if u else {}),
        }
        for x, y, i, s, p, r, t, h, u in zip(
            lon.tolist(),
            lat.tolist(),
            incidents["id"].astype(str).tolist(),
            incidents["attacker"].astype(str).tolist(),
            incidents["location_precision"].astype(str).tolist(),
            radius.tolist(),
            tips,
            popups,
            is_user_data(incidents).tolist(),
            strict=True,
        )
    ]
    return {"type": "FeatureCollection", "features": features}


def is_user_data(incidents: pd.DataFrame) -> np.ndarray:
    """Which rows the user brought (column ``origin`` other than "bundled")."""
    if "origin" not in incidents:
        return np.zeros(len(incidents), dtype=bool)
    return (incidents["origin"].fillna("bundled") != "bundled").to_numpy()


def marker_radius(households: pd.Series) -> np.ndarray:
    """Radius in pixels: 6 without a reported figure, growing with log(households)."""
    values = households.astype("Float64").fillna(0).to_numpy(dtype=float)
    grow = np.minimum(7.0, 1.6 * np.log10(1.0 + values / 500.0))
    return np.round(np.where(values > 0, 7.0 + grow, 6.0), 1)


def tooltip_html(incidents: pd.DataFrame) -> list[str]:
    """One line per incident: date, place, facility (escaped)."""
    return [
        f"{d:%Y-%m-%d} · {escape(place)} · {escape(facility.replace('_', ' '))}"
        for d, place, facility in zip(
            incidents["date"],
            _place_label(incidents),
            incidents["facility_type"].astype(str),
            strict=True,
        )
    ]


def popup_html(incidents: pd.DataFrame) -> list[str]:
    """Popup per incident: every text escaped; only http(s) sources become links."""
    columns = [
        incidents["id"].astype(str),
        incidents["date"].dt.strftime("%Y-%m-%d"),
        incidents["date_precision"].astype(str),
        incidents["attacker"].astype(str),
        _place_label(incidents),
        incidents["location_precision"].astype(str),
        incidents["facility_type"].astype(str),
        incidents["facility_name"].fillna("").astype(str),
        incidents["weapon"].astype(str),
        incidents["effects"].fillna("").astype(str),
        incidents["households_affected"].astype("Float64"),
        incidents["confidence"].astype(str),
        incidents["source_url"].fillna("").astype(str),
        incidents["source_outlet"].fillna("").astype(str),
    ]
    return [_popup(*row) for row in zip(*columns, strict=True)]


def _popup(
    incident_id: str,
    day: str,
    date_precision: str,
    side: str,
    place: str,
    precision: str,
    facility: str,
    facility_name: str,
    weapon: str,
    effects: str,
    households: float,
    confidence: str,
    urls: str,
    outlets: str,
) -> str:
    when = day[:7] if date_precision == "month" else day
    where = f"{escape(place)}" + (
        " <em>(region-level location)</em>" if precision == "region" else ""
    )
    rows = [
        (
            "Date",
            escape(when) + ("" if date_precision == "day" else f" ({escape(date_precision)})"),
        ),
        ("Place", where),
        ("Facility", escape(facility_name or facility.replace("_", " "))),
        ("Type", escape(facility.replace("_", " "))),
        ("Weapon", escape(weapon.replace("_", " and "))),
        ("Effects", escape(effects)),
    ]
    if not pd.isna(households) and households > 0:
        rows.append(("Households", f"{int(households):,}"))
    rows.append(("Confidence", escape(confidence)))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows if v)
    side_class = side if side in SIDE_COLOURS else "unknown"
    return (
        f'<div class="esm-popup" data-incident="{escape(incident_id)}">'
        f'<p class="esm-{side_class}"><b>{escape(SIDE_LABELS.get(side, side))}</b> · '
        f"<code>{escape(incident_id)}</code></p><table>{body}</table>"
        f"<p><b>Sources:</b> {source_links(urls, outlets)}</p></div>"
    )


def source_links(urls: str, outlets: str) -> str:
    """Escaped links for http(s) sources, in order, labelled with their outlet."""
    links = [u for u in split_sources(urls) if u.lower().startswith(("http://", "https://"))]
    names = [o.strip() for o in outlets.split("|")] if outlets else []
    if not links:
        return escape(outlets) or "none given"
    parts = []
    for index, url in enumerate(links):
        label = names[index] if index < len(names) and names[index] else f"source {index + 1}"
        parts.append(
            f'<a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">'
            f"{escape(label)}</a>"
        )
    return " · ".join(parts)


def legend_html(incidents: pd.DataFrame, state: ViewState, detail: lod.Plan | None = None) -> str:
    """Legend for sides, precision, size and (when shown) the choropleth classes."""
    present = set(incidents["attacker"].unique())
    sides = [s for s in ("ukraine", "russia", "unknown") if s in present] or [
        "ukraine",
        "russia",
    ]
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
        "</i>Location known to region only</div>"
        "<div style='color:#555'>Larger circle: more households affected</div>"
    )
    if detail is not None and detail.aggregated:
        parts.append(
            f"<div style='margin-top:4px;max-width:240px'>{detail.total:,} incidents: "
            f"{len(detail.markers):,} drawn one by one, the rest as counts per area. "
            "Zoom in or filter to see each incident.</div>"
        )
    if "choropleth" in state.layers:
        classes = class_breaks(aggregate.per_region(incidents)[state.measure], state.measure)
        parts.append(f"<h4 style='margin-top:6px'>{escape(MEASURE_LABELS[state.measure])}</h4>")
        parts += [
            f'<div><i class="esm-sq" style="background:{c.colour}"></i>{escape(c.label)}</div>'
            for c in classes
        ] or ["<div>None in this view</div>"]
    return "".join(parts)


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
    ladder = (
        [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000]
        if measure == "count"
        else [1, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]
    )
    lows = [x for x in ladder if x <= top][-len(CHOROPLETH_COLOURS) :]
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


def _place_label(incidents: pd.DataFrame) -> pd.Series:
    settlement = incidents["settlement"].fillna("").astype(str)
    region = incidents.get("admin1_name", incidents["admin1_iso"]).astype(str)
    return settlement.where(settlement != "", region).where(
        settlement == "", settlement + ", " + region
    )


def _centre(incidents: pd.DataFrame, state: ViewState) -> tuple[float, float]:
    if state.lat is not None and state.lon is not None:
        return (state.lat, state.lon)
    return DEFAULT_CENTRE


def _fit(fmap: folium.Map, incidents: pd.DataFrame) -> None:
    south, north = incidents["latitude"].min(), incidents["latitude"].max()
    west, east = incidents["longitude"].min(), incidents["longitude"].max()
    pad = 0.5
    fmap.fit_bounds([[south - pad, west - pad], [north + pad, east + pad]], max_zoom=9)
