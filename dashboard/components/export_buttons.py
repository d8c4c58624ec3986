"""Download buttons for snapshots of the current view; files are made only when clicked."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cache
from dashboard.core.exports.gif import MAX_GIF_FRAMES
from dashboard.core.exports.snapshot import FORMATS, filename, snapshot
from dashboard.core.view.playback import timeline
from dashboard.core.view.state import ViewState

LABELS = {
    "png": "PNG image",
    "html": "Interactive HTML",
    "csv": "CSV with sources",
    "geojson": "GeoJSON with sources",
    "gif": "Animated GIF",
    "mp4": "MP4 video",
}
HELP = {
    "png": "Static map for articles: title, filters, legend, scale bar, credits and link",
    "html": "One self-contained file: opens offline, pans, zooms and shows popups",
    "csv": "The filtered incidents with every source; safe to open in a spreadsheet",
    "geojson": "The filtered incidents as points, with sources and export metadata",
    "gif": "The playback, one frame per step (Playback settings in the sidebar), with date, "
    "legend, credits and link; takes a few seconds",
    "mp4": "The same playback as an H.264 video, for social posts; takes a few seconds",
}


def show(incidents: pd.DataFrame, state: ViewState, version: str, link: str) -> None:
    """One button per format, all for exactly the view on screen."""
    columns = st.columns(len(FORMATS))
    frames = len(timeline(incidents, state).frames)
    for column, fmt in zip(columns, FORMATS, strict=True):
        too_long = fmt in ("gif", "mp4") and frames > MAX_GIF_FRAMES
        column.download_button(
            LABELS[fmt],
            data=lambda fmt=fmt: snapshot(fmt, incidents, state, cache.export_context(), link).data,
            file_name=filename(version, fmt),
            mime=FORMATS[fmt][0],
            help=(
                f"{frames} steps: at most {MAX_GIF_FRAMES} frames; choose weekly steps or a "
                "shorter date range"
                if too_long
                else HELP[fmt]
            ),
            disabled=too_long,
            icon=":material/download:",
            on_click="ignore",
            key=f"export_{fmt}",
            width="stretch",
        )
