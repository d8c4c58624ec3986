"""Build the interactive folium map for a filtered incident frame and a view state.

The map is assembled from a handful of layers, each carrying its data as one
JSON blob (see :mod:`dashboard.core.maps.elements`): incidents (clustered circle
markers coloured by attacking side), a region choropleth, a heatmap and a tile
or offline vector basemap.
"""

from __future__ import annotations

import folium
import numpy as np
import pandas as pd
from folium.plugins import HeatMap

from dashboard.core.geo.display import COUNTRIES_FILE, REGIONS_FILE, STATIC_GEO_URL, load_display
from dashboard.core.maps import lod
from dashboard.core.maps.assets import use_local_assets
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.elements import (
    Attribution,
    ChoroplethLayer,
    FacilityLayer,
    GeoSource,
    IncidentLayer,
    Legend,
    Panes,
    VectorBasemap,
)
from dashboard.core.maps.facilities import facility_features
from dashboard.core.maps.legend import legend_html, region_values
from dashboard.core.maps.markers import incident_features
from dashboard.core.maps.playback import PlaybackControl, playback_data
from dashboard.core.view.playback import timeline
from dashboard.core.view.state import ViewState
from dashboard.core.vocab import (
    DATA_CREDIT,
    DEFAULT_VIEW,
    MAX_ZOOM,
    MEASURE_TITLES,
    MIN_ZOOM,
    REVEAL_ZOOM,
    SITES_DATA_CREDIT,
)

TILES = {
    "light": ("Esri.WorldGrayCanvas", "Light grey (Esri)"),
    "osm": ("OpenStreetMap", "OpenStreetMap"),
}


def build_map(
    incidents: pd.DataFrame,
    state: ViewState,
    base: MapBase,
    *,
    offline: bool = False,
    self_contained: bool = False,
    height: int | str = 640,
    detail: lod.Plan | None = None,
    popups_url: str | None = None,
) -> folium.Map:
    """The folium map of ``incidents`` (already filtered) as ``state`` asks for it.

    ``offline`` uses the vector basemap instead of tile servers (scripts are always
    served by the dashboard);
    ``self_contained`` also inlines the basemap geometry (for HTML exports).
    ``detail`` is the level-of-detail plan (computed here when not given).
    ``popups_url``: where the browser fetches the bundled incidents' popups (see
    :func:`dashboard.core.maps.popups.popup_store`); without it they travel inline.
    """
    state = _opening_view(incidents, state, base)
    detail = detail or lod.plan(incidents, state)
    if detail.aggregated and state.lat is None:
        lat, lon, zoom = lod.view_of(state)
        state = state.with_(lat=lat, lon=lon, zoom=zoom)
    fmap = empty_map(state, height)
    source = add_basemaps(fmap, state, base, offline=offline, self_contained=self_contained)
    _add_layers(fmap, source, incidents, state, detail, base, popups_url)
    Legend(legend_html(incidents, state, detail)).add_to(fmap)
    credit = SITES_DATA_CREDIT if "facilities" in state.layers else DATA_CREDIT
    Attribution(credit).add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    if state.lat is None and len(incidents):
        _fit(fmap, incidents)
    # Scripts always come from the dashboard itself: no CDN to fail, nothing leaks
    # which map a reader opens. Online and offline differ only in the basemap.
    use_local_assets(fmap)
    return fmap


def _opening_view(incidents: pd.DataFrame, state: ViewState, base: MapBase) -> ViewState:
    """Open on the selected site or incident, close enough for it to stand alone."""
    if state.lat is None and state.site:
        site = base.facilities.frame.loc[base.facilities.frame["facility_id"] == state.site]
        if len(site) and pd.notna(site["latitude"].iat[0]):
            lat, lon = float(site["latitude"].iat[0]), float(site["longitude"].iat[0])
            return state.with_(lat=lat, lon=lon, zoom=9)
    if state.lat is not None or not state.incident:
        return state
    chosen = incidents.loc[incidents["id"] == state.incident]
    if chosen.empty:
        return state
    # A town's record opens at 9 and zooms in to stand alone; an area's at its area's scale.
    zoom = REVEAL_ZOOM.get(str(chosen["location_precision"].iat[0]), 9)
    return state.with_(
        lat=float(chosen["latitude"].iat[0]), lon=float(chosen["longitude"].iat[0]), zoom=zoom
    )


def _reveal_zoom(incidents: pd.DataFrame, incident: str | None) -> int | None:
    """How close to zoom to show the selected record: its area's scale when it is known
    only to a district or region, else as deep as the map goes (None)."""
    if not incident:
        return None
    chosen = incidents.loc[incidents["id"] == incident, "location_precision"]
    return REVEAL_ZOOM.get(str(chosen.iat[0])) if len(chosen) else None


def empty_map(state: ViewState, height: int | str) -> folium.Map:
    lat, lon, zoom = DEFAULT_VIEW
    if state.lat is not None and state.lon is not None:
        lat, lon = state.lat, state.lon
    fmap = folium.Map(
        location=(lat, lon),
        zoom_start=state.zoom or zoom,
        tiles=None,
        control_scale=True,
        prefer_canvas=False,  # SVG: each visible incident is an element; clusters keep them few
        height=height,
    )
    # Marker clustering needs a maxZoom on the map when no tile layer sets one; at the
    # deepest zoom, incidents at the same town centre fan out ("spiderfy").
    fmap.options.update(minZoom=MIN_ZOOM, maxZoom=MAX_ZOOM)
    return fmap


def add_basemaps(
    fmap: folium.Map, state: ViewState, base: MapBase, *, offline: bool, self_contained: bool
) -> GeoSource:
    """Tile layers (online only) and the vector basemap, over one shared geometry source."""
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
    return source


def _add_layers(
    fmap: folium.Map,
    source: GeoSource,
    incidents: pd.DataFrame,
    state: ViewState,
    detail: lod.Plan,
    base: MapBase,
    popups_url: str | None,
) -> None:
    """The layers the state switches on: region shading, heatmap, facilities, incidents."""
    if "choropleth" in state.layers:
        title = MEASURE_TITLES[state.measure]
        ChoroplethLayer(
            source,
            region_values(incidents, state.measure),
            label=title,
            name=f"Regions: {title.lower()}",
        ).add_to(fmap)
    if "heat" in state.layers and len(incidents):
        HeatMap(heat_points(detail), name="Heatmap", radius=18, blur=22, min_opacity=0.3).add_to(
            fmap
        )
    if "facilities" in state.layers:
        FacilityLayer(facility_features(incidents, base.facilities), selected=state.site).add_to(
            fmap
        )
    layer = None
    if "incidents" in state.layers:
        layer = IncidentLayer(
            incident_features(detail.markers, stored_popups=popups_url is not None),
            cells=detail.cells.to_numpy().tolist(),
            selected=state.incident,
            reveal_zoom=_reveal_zoom(incidents, state.incident),
            popups_url=popups_url,
        )
        layer.add_to(fmap)
    if len(incidents):
        PlaybackControl(
            playback_data(incidents, timeline(incidents, state)),
            incidents_name=layer.get_name() if layer else "null",
        ).add_to(fmap)


def heat_points(detail: lod.Plan) -> list[list[float]]:
    """[lat, lon, weight]: every marker, and each aggregated cell weighted by its count."""
    points = detail.markers[["latitude", "longitude"]].round(4).to_numpy()
    markers = np.column_stack([points, np.ones(len(points))])
    cells = detail.cells[["lat", "lon", "count"]].to_numpy(dtype=float)
    return np.vstack([markers, cells]).tolist()


def _fit(fmap: folium.Map, incidents: pd.DataFrame) -> None:
    south, north = incidents["latitude"].min(), incidents["latitude"].max()
    west, east = incidents["longitude"].min(), incidents["longitude"].max()
    pad = 0.5
    fmap.fit_bounds([[south - pad, west - pad], [north + pad, east + pad]], max_zoom=9)
