"""Playback frames and the data the browser plays, on hand-made incidents."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from dashboard.core.maps.playback import MAX_POINTS, playback_data
from dashboard.core.view.playback import MAX_FRAMES, timeline
from dashboard.core.view.state import ViewState


def incidents(days: list[str], sides: list[str] | None = None) -> pd.DataFrame:
    n = len(days)
    return pd.DataFrame(
        {
            "date": pd.to_datetime(days),
            "attacker": sides or ["ukraine"] * n,
            "latitude": np.linspace(45, 55, n),
            "longitude": np.linspace(30, 40, n),
        }
    )


def test_weekly_frames_cover_the_window_with_their_dates() -> None:
    state = ViewState(date_from=date(2025, 1, 1), date_to=date(2025, 1, 31))
    line = timeline(incidents(["2025-01-02"]), state)
    assert len(line.frames) == 5  # 31 days in weeks: 4 full weeks and 3 days
    assert [f.last for f in line.frames] == [6, 13, 20, 27, 30]
    assert all(f.first == 0 for f in line.frames)  # cumulative
    assert line.frames[0].label == "up to 07 Jan 2025"
    assert line.frames[-1].label == "up to 31 Jan 2025"


def test_window_frames_keep_the_last_four_steps() -> None:
    state = ViewState(date_from=date(2025, 1, 1), date_to=date(2025, 3, 1), play="window")
    line = timeline(incidents(["2025-01-02"]), state)
    sixth = line.frames[5]
    assert (sixth.first, sixth.last) == (14, 41)
    assert sixth.label == "15 Jan – 11 Feb 2025"


def test_daily_frames_and_the_frame_limit() -> None:
    days = ViewState(date_from=date(2025, 1, 1), date_to=date(2025, 1, 10), step="day")
    assert len(timeline(incidents(["2025-01-02"]), days).frames) == 10
    war = ViewState(date_from=date(2022, 2, 24), date_to=date(2026, 6, 30), step="day")
    line = timeline(incidents(["2023-01-01"]), war)
    assert len(line.frames) <= MAX_FRAMES and line.step_days == 4


def test_frames_select_the_incidents_of_their_days_and_repeat_exactly() -> None:
    data = incidents(["2025-01-01", "2025-01-09", "2025-01-20"])
    state = ViewState(date_from=date(2025, 1, 1), date_to=date(2025, 1, 21))
    line = timeline(data, state)
    days = line.day_of(data["date"])
    assert [int(line.shown(days, f).sum()) for f in line.frames] == [1, 2, 3]
    assert playback_data(data, line) == playback_data(data, timeline(data, state))


def test_many_incidents_travel_as_counts_per_cell_and_step() -> None:
    n = MAX_POINTS * 4
    days = pd.date_range("2025-01-01", periods=n, freq="2min").strftime("%Y-%m-%d").tolist()
    data = incidents(days, ["ukraine", "russia"] * (n // 2))
    data["latitude"] = 50.0  # one place: all counts land in one cell
    data["longitude"] = 36.0
    line = timeline(data, ViewState())
    payload = playback_data(data, line)
    assert payload["points"] == []
    assert payload["cells"]["centres"] == [[50.0, 36.0]]
    rows = np.array(payload["cells"]["rows"])
    assert len(rows) == len(line.frames)  # one cell, one row per step
    assert rows[:, 2:].sum() == n and rows[:, 2].sum() == n // 2  # ukraine first
