"""The interactive map as one self-contained HTML file.

Every script, style, image and the basemap geometry are inlined, so the file
opens from disk years later with no network and still pans, zooms and shows
popups.
"""

from __future__ import annotations

import base64
import mimetypes
import re
from collections.abc import Mapping
from html import escape
from pathlib import Path

import pandas as pd

from dashboard.core.exports.describe import ExportMeta, subtitle
from dashboard.core.maps.assets import STATIC_URL, VENDOR_DIR
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.build import build_map
from dashboard.core.maps.elements import Legend
from dashboard.core.view.state import ViewState
from dashboard.core.vocab import TITLE

_SCRIPT = re.compile(r'<script src="(?P<url>[^"]+)"></script>')
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="(?P<url>[^"]+)"\s*/?>')
_CSS_URL = re.compile(r"url\((?P<quote>['\"]?)(?P<path>[^)'\"]+)(?P=quote)\)")


def render_html(
    incidents: pd.DataFrame,
    state: ViewState,
    base: MapBase,
    meta: ExportMeta,
    region_names: Mapping[str, str],
) -> str:
    """A standalone page of the map for ``state`` with a caption naming version and time."""
    fmap = build_map(incidents, state, base, offline=True, self_contained=True, height="100%")
    caption = (
        f"<h4>{escape(TITLE)}</h4>"
        f"<div>{escape(subtitle(state, incidents, region_names))}</div>"
        f"<div>{len(incidents):,} incidents · dataset {escape(meta.dataset_label)} · "
        f"exported {escape(meta.exported_at.isoformat(timespec='seconds'))}</div>"
        f'<div><a href="{escape(meta.share_link, quote=True)}">Open this view in the dashboard'
        "</a></div>"
    )
    Legend(caption, position="bottomleft").add_to(fmap)
    page = fmap.get_root()
    page.title = TITLE
    html = inline_assets(page.render())
    head = (
        f"<title>{escape(TITLE)}</title>\n"
        f'<meta name="dataset-version" content="{escape(meta.dataset_version, quote=True)}">\n'
        f'<meta name="exported-at" content="{meta.exported_at.isoformat(timespec="seconds")}">\n'
    )
    return html.replace("<head>", "<head>\n" + head, 1)


def inline_assets(html: str, vendor_dir: Path = VENDOR_DIR, base_url: str = STATIC_URL) -> str:
    """Replace links to vendored files with their contents (CSS images as data URIs)."""

    def local(url: str) -> Path:
        if not url.startswith(base_url + "/"):
            raise ValueError(f"cannot inline {url!r}: not a vendored file")
        return vendor_dir / url[len(base_url) + 1 :]

    def script(match: re.Match) -> str:
        code = local(match["url"]).read_text(encoding="utf-8")
        return "<script>" + code.replace("</script", "<\\/script") + "</script>"

    def stylesheet(match: re.Match) -> str:
        path = local(match["url"])
        css = _CSS_URL.sub(lambda m: _data_uri(m, path.parent), path.read_text(encoding="utf-8"))
        return "<style>" + css.replace("</style", "<\\/style") + "</style>"

    return _STYLESHEET.sub(stylesheet, _SCRIPT.sub(script, html))


def _data_uri(match: re.Match, folder: Path) -> str:
    target = match["path"]
    if target.startswith(("data:", "#")):
        return match[0]
    path = (folder / target).resolve()
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"url(data:{mime};base64,{encoded})"
