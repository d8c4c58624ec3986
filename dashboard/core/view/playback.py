"""Playback frames: the filtered incidents step by step, defined once for the map's play
control (drawn in the browser) and the animated GIF (drawn here).

A frame covers the days ``first``..``last`` (inclusive, counted from the timeline's
start): in cumulative mode every day up to the frame's end, in window mode only the
last :data:`~dashboard.core.vocab.WINDOW_STEPS` steps.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from dashboard.core.view.state import ViewState
from dashboard.core.vocab import STEP_DAYS, WINDOW_STEPS

#: Most frames a timeline is cut into: beyond it, the step widens (a decade by days
#: would be thousands of frames).
MAX_FRAMES = 400


@dataclass(frozen=True)
class Frame:
    """One step: the days it shows (offsets from the timeline's start) and its stamp."""

    first: int
    last: int
    label: str


@dataclass(frozen=True)
class Timeline:
    start: date
    step_days: int
    frames: tuple[Frame, ...]

    def day_of(self, dates: pd.Series) -> np.ndarray:
        """Each date as a day offset from the start (what the browser compares)."""
        return (dates - pd.Timestamp(self.start)).dt.days.to_numpy()

    def shown(self, days: np.ndarray, frame: Frame) -> np.ndarray:
        """Mask of the incidents (as day offsets) a frame draws."""
        return (days >= frame.first) & (days <= frame.last)


def timeline(incidents: pd.DataFrame, state: ViewState) -> Timeline:
    """Frames from the window's start (or first incident) to its end (or last incident)."""
    start = state.date_from or _day(incidents["date"].min())
    end = state.date_to or _day(incidents["date"].max())
    if start is None or end is None or end < start:
        return Timeline(start=start or date.today(), step_days=1, frames=())
    step_days = STEP_DAYS[state.step]
    span = (end - start).days + 1
    while -(-span // step_days) > MAX_FRAMES:
        step_days *= 2
    frames = []
    for n in range(-(-span // step_days)):
        last = min((n + 1) * step_days - 1, span - 1)
        first = 0 if state.play == "cumulative" else max(0, last - WINDOW_STEPS * step_days + 1)
        frames.append(Frame(first, last, _label(start, first, last, state.play, step_days)))
    return Timeline(start=start, step_days=step_days, frames=tuple(frames))


def _label(start: date, first: int, last: int, mode: str, step_days: int) -> str:
    end = start + timedelta(days=last)
    if mode == "cumulative":
        return f"up to {end:%d %b %Y}"
    begin = start + timedelta(days=first)
    return f"{begin:%d %b} – {end:%d %b %Y}"


def _day(value) -> date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()
