"""The map's scripts and styles come from the dashboard itself, never from a CDN.

folium elements name public CDN addresses in ``default_js`` / ``default_css``.
Each is swapped for the copy that ``geodata/build.py`` vendored into
``dashboard/static/vendor`` (served by Streamlit at ``/app/static/vendor``; HTML
exports inline them). Files the map does not use (jQuery, Bootstrap, Font
Awesome, awesome-markers) are dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from branca.element import Element
from folium.elements import JSCSSMixin

from dashboard.core.paths import STATIC_DIR

VENDOR_DIR = STATIC_DIR / "vendor"
STATIC_URL = "/app/static/vendor"

#: folium link name -> vendored file, relative to VENDOR_DIR.
VENDORED = {
    "leaflet": "leaflet/leaflet.js",
    "leaflet_css": "leaflet/leaflet.css",
    "markercluster_js": "markercluster/leaflet.markercluster.js",
    "markercluster_css": "markercluster/MarkerCluster.css",
    "markercluster_default_css": "markercluster/MarkerCluster.Default.css",
    "leaflet-heat.js": "leaflet-heat/leaflet-heat.js",
}
#: Links folium adds by default that nothing on our maps uses.
UNUSED = frozenset(
    {
        "jquery",
        "bootstrap",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers",
        "awesome_markers_css",
        "awesome_markers_font_css",
        "awesome_rotate_css",
    }
)


def use_local_assets(root: Element, *, base_url: str = STATIC_URL) -> None:
    """Point every element's front-end links at the vendored copies.

    Raises ``KeyError`` naming a link that has no vendored copy, so a map can never
    silently reach the internet.
    """
    for element in _walk(root):
        element.default_js = _links(element.default_js, base_url)
        element.default_css = _links(element.default_css, base_url)


def vendored_path(name: str) -> Path:
    """The local file behind a link name."""
    return VENDOR_DIR / VENDORED[name]


def _links(pairs: list[tuple[str, str]], base_url: str) -> list[tuple[str, str]]:
    kept = [(name, url) for name, url in pairs if name not in UNUSED]
    missing = [name for name, _ in kept if name not in VENDORED]
    if missing:
        raise KeyError(f"no local copy of front-end file(s) {', '.join(missing)}")
    return [(name, f"{base_url}/{VENDORED[name]}") for name, _ in kept]


def _walk(element: Element) -> Iterator[JSCSSMixin]:
    if isinstance(element, JSCSSMixin):
        yield element
    for child in element._children.values():
        yield from _walk(child)
