"""The animated GIF of the playback: frames, stamps, determinism and size."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
from PIL import Image, ImageSequence

from dashboard.core.dataset import Dataset
from dashboard.core.exports.describe import ExportMeta
from dashboard.core.exports.gif import GIF_SIZE_PX, render_gif
from dashboard.core.exports.png import Basemap
from dashboard.core.geo import files as geofiles
from dashboard.core.view import filters
from dashboard.core.view.playback import timeline
from dashboard.core.view.state import ViewState
from tests.core.exports.test_exports import run_cli

META = ExportMeta(
    "9.9.9", datetime(2026, 11, 25, 12, 30, tzinfo=UTC), "http://h/?from=2025-01-01", "2026-06-28"
)


def gif_of(bundled: Dataset, map_base, state: ViewState) -> bytes:
    basemap = Basemap.from_frames(geofiles.countries(), geofiles.admin1(), map_base.towns)
    shown = filters.apply(bundled.incidents, state)
    return render_gif(shown, state, basemap, META, map_base.region_names)


def test_one_frame_per_step_the_same_bytes_each_time(bundled: Dataset, map_base) -> None:
    state = ViewState(date_from=date(2025, 10, 1), date_to=date(2025, 11, 25))
    first = gif_of(bundled, map_base, state)
    assert gif_of(bundled, map_base, state) == first
    image = Image.open(io.BytesIO(first))
    frames = [np.asarray(f.convert("RGB")) for f in ImageSequence.Iterator(image)]
    line = timeline(filters.apply(bundled.incidents, state), state)
    assert len(frames) == len(line.frames) == 8
    assert image.size == GIF_SIZE_PX
    assert not np.array_equal(frames[0], frames[-1])  # incidents accumulate
    # A daily, windowed state gives other frames.
    days = gif_of(bundled, map_base, state.with_(step="day", play="window"))
    assert Image.open(io.BytesIO(days)).n_frames == 56


def test_a_year_of_weekly_frames_stays_under_8_mb(bundled: Dataset, map_base) -> None:
    state = ViewState(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    data = gif_of(bundled, map_base, state)
    assert Image.open(io.BytesIO(data)).n_frames == 53
    assert len(data) < 8_000_000


def test_the_export_command_writes_a_gif_or_says_why_not(tmp_path: Path) -> None:
    out = tmp_path / "weeks.gif"
    run = run_cli(
        "export", "--state", "?from=2025-11-01&to=2025-11-30&step=week", "--format", "gif",
        "--out", str(out),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert Image.open(out).n_frames == 5
    too_long = run_cli("export", "--state", "?step=day", "--format", "gif", "--out", str(out))
    assert too_long.returncode == 2 and "frames: at most 260" in too_long.stderr
    assert "Traceback" not in too_long.stderr


def test_mp4_has_the_same_frames_and_the_same_bytes_each_time(
    bundled: Dataset, map_base, tmp_path: Path
) -> None:
    import imageio_ffmpeg

    from dashboard.core.exports.gif import FRAME_MS, LAST_FRAME_MS, render_mp4

    state = ViewState(date_from=date(2025, 10, 1), date_to=date(2025, 11, 25))
    basemap = Basemap.from_frames(geofiles.countries(), geofiles.admin1(), map_base.towns)
    shown = filters.apply(bundled.incidents, state)
    video = render_mp4(shown, state, basemap, META, map_base.region_names)
    assert render_mp4(shown, state, basemap, META, map_base.region_names) == video
    path = tmp_path / "playback.mp4"
    path.write_bytes(video)
    frames, _ = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert frames == 8 + LAST_FRAME_MS // FRAME_MS - 1  # 8 weeks, the last one held
