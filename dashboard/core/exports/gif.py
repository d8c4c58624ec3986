"""The playback as an animated GIF or an MP4 video: one frame per step, drawn on the
server.

The frames are :func:`dashboard.core.view.playback.timeline`'s, as on the map's play
control. The basemap, title, legend, credits and link are drawn once; each frame adds
its incidents, the date stamp and its count. Deterministic: one palette (taken from
the fullest frame) without dithering, and no time in the file, so the same state and
data give the same bytes.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from dashboard.core.exports.describe import ExportMeta
from dashboard.core.exports.png import (
    DPI,
    PLAIN,
    Basemap,
    count_line,
    draw_incidents,
    draw_map,
    extent,
    side_handles,
    write_texts,
)
from dashboard.core.maps.legend import sides_present
from dashboard.core.view.playback import timeline
from dashboard.core.view.state import ViewState

GIF_SIZE_PX = (1200, 750)
FRAME_MS = 450
#: The last frame stays up longer, so a looping GIF reads as finished.
LAST_FRAME_MS = 2500
#: A GIF longer than this many frames is refused: choose weekly steps or a shorter window.
MAX_GIF_FRAMES = 260
COLOURS = 96


class TooManyFrames(ValueError):
    """The view has more steps than an animation should carry."""


def render_gif(
    incidents: pd.DataFrame,
    state: ViewState,
    basemap: Basemap,
    meta: ExportMeta,
    region_names: Mapping[str, str],
) -> bytes:
    """The animated GIF of the view's playback (``incidents`` already filtered)."""
    return _encode(render_frames(incidents, state, basemap, meta, region_names))


def render_mp4(
    incidents: pd.DataFrame,
    state: ViewState,
    basemap: Basemap,
    meta: ExportMeta,
    region_names: Mapping[str, str],
) -> bytes:
    """The playback as an H.264 MP4 (imageio-ffmpeg's bundled ffmpeg, offline), encoded
    on one thread with bit-exact flags so that the same state gives the same bytes."""
    import imageio_ffmpeg  # ~70 MB of ffmpeg: loaded only when a video is asked for

    frames = render_frames(incidents, state, basemap, meta, region_names)
    frames += [frames[-1]] * (LAST_FRAME_MS // FRAME_MS - 1)  # hold the end, as the GIF
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "playback.mp4"
        writer = imageio_ffmpeg.write_frames(
            str(path),
            GIF_SIZE_PX,
            fps=1000 / FRAME_MS,
            codec="libx264",
            pix_fmt_out="yuv420p",
            macro_block_size=2,
            ffmpeg_log_level="error",
            output_params=["-threads", "1", "-fflags", "+bitexact", "-flags:v", "+bitexact"],
        )
        writer.send(None)
        for image in frames:
            writer.send(np.ascontiguousarray(np.asarray(image)))
        writer.close()
        return path.read_bytes()


def render_frames(
    incidents: pd.DataFrame,
    state: ViewState,
    basemap: Basemap,
    meta: ExportMeta,
    region_names: Mapping[str, str],
) -> list[Image.Image]:
    """Every step of the playback as an RGB image (what both encoders write)."""
    line = timeline(incidents, state)
    if len(line.frames) > MAX_GIF_FRAMES:
        raise TooManyFrames(
            f"{len(line.frames)} frames: at most {MAX_GIF_FRAMES}; choose weekly steps "
            "or a shorter date range"
        )
    width, height = GIF_SIZE_PX
    figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
    canvas = FigureCanvasAgg(figure)
    axes = figure.add_axes((0.0, 0.07, 1.0, 0.83))
    bounds = extent(incidents, state, aspect=(width / (height * 0.83)))
    # The period-long shading and site colours would contradict the frames: leave them out.
    draw_map(axes, incidents.iloc[:0], state.with_(layers=()), basemap, bounds)
    axes.legend(
        handles=side_handles(sides_present(incidents)),
        loc="lower right",
        fontsize=9,
        framealpha=0.92,
        title_fontsize=9,
        title="Energy infrastructure strikes",
    )
    bottom = write_texts(figure, incidents, state, meta, region_names, bounds)
    credits = bottom.get_text()[len(count_line(incidents, bounds)) :]
    stamp = axes.text(
        0.985, 0.97, "", transform=axes.transAxes, ha="right", va="top", fontsize=17,
        fontweight="bold", zorder=9,
        bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none"}, **PLAIN,
    )  # fmt: skip
    days = line.day_of(incidents["date"]) if len(incidents) else np.zeros(0, int)
    images = []
    for frame in line.frames or ():
        shown = incidents.loc[line.shown(days, frame)]
        before = len(axes.collections)
        draw_incidents(axes, shown)
        stamp.set_text(frame.label)
        bottom.set_text(count_line(shown, bounds) + credits)
        canvas.draw()
        images.append(Image.fromarray(np.asarray(canvas.buffer_rgba())[..., :3]))
        for artist in axes.collections[before:]:
            artist.remove()
    if not images:
        stamp.set_text("No incidents in this view")
        canvas.draw()
        images.append(Image.fromarray(np.asarray(canvas.buffer_rgba())[..., :3]))
    return images


def _encode(images: list[Image.Image]) -> bytes:
    """One shared palette from the fullest (last) frame; no dithering: same bytes each time."""
    palette = images[-1].quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)
    frames = [im.quantize(palette=palette, dither=Image.Dither.NONE) for im in images]
    durations = [FRAME_MS] * (len(frames) - 1) + [LAST_FRAME_MS]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        loop=0,
        optimize=False,
        disposal=1,
    )
    return buffer.getvalue()
