"""The folium map as streamlit-folium's component shows it, rendered once per view.

``st_folium`` renders the whole map (every Jinja template) on every page run, which
costs more than the rest of the page together. Here the map is rendered once into
the component's arguments, which the page caches per (dataset, view) and sends as
they are; the browser side is streamlit-folium's own (pinned in requirements.txt).
"""

from __future__ import annotations

from typing import Any

import folium
import pandas as pd
import streamlit_folium as sf

from dashboard.core.maps import lod
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.build import build_map
from dashboard.core.view.state import ViewState

#: What the map reports back to the page (for the share link and level of detail).
RETURNED = ("center", "zoom")


def frame_args(fmap: folium.Map) -> dict[str, Any]:
    """The component's arguments for a map, as ``st_folium`` would compute them."""
    fmap.get_root().render()
    html = sf._get_html(fmap)
    header = sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    css: list[str] = []
    js: list[str] = []
    for element in _walk(fmap):
        css += [href for _, href in getattr(element, "default_css", [])]
        js += [src for _, src in getattr(element, "default_js", [])]
    return {
        "script": script,
        "header": header,
        "html": html,
        "id": sf.get_full_id(fmap),
        "key": sf.generate_js_hash(script, "map", False),
        "css_links": list(dict.fromkeys(css)),
        "js_links": list(dict.fromkeys(js)),
        "default": {"zoom": fmap.options.get("zoom")},
    }


def render(
    incidents: pd.DataFrame,
    view: ViewState,
    base: MapBase,
    offline: bool,
    *,
    popups_url: str | None = None,
) -> tuple[dict[str, Any], bool]:
    """The component's arguments for the map of ``view``, and whether it is aggregated."""
    detail = lod.plan(incidents, view)
    fmap = build_map(incidents, view, base, offline=offline, detail=detail, popups_url=popups_url)
    return frame_args(fmap), detail.aggregated


def show(args: dict[str, Any], *, height: int) -> dict | None:
    """Draw the map in the page; returns what the browser reported (centre, zoom)."""
    return sf._component_func(
        **args,
        height=height,
        width=None,
        returned_objects=list(RETURNED),
        zoom=None,
        center=None,
        feature_group=None,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        wrap_longitude=False,
    )


def _walk(element):
    if isinstance(element, folium.elements.JSCSSMixin):
        yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)
