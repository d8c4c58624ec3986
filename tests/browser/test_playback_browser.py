"""The map's play control in a real browser: frames are drawn without a server run."""

from __future__ import annotations

import pytest

from .conftest import shoot
from .test_map_browser import map_frame

pytestmark = pytest.mark.browser

COUNT = "() => document.querySelector('.esm-play-count').getAttribute('data-count')"


def test_play_draws_frames_in_the_browser_then_pauses(page, server: str) -> None:
    page.goto(f"{server}/?from=2025-09-01&to=2025-12-31&step=week")
    frame = map_frame(page)
    frame.get_by_role("button", name="Play").click()
    frame.wait_for_function(f"({COUNT})() !== null")
    first = int(frame.evaluate(COUNT))
    stamp = frame.locator(".esm-stamp").inner_text()
    assert stamp.startswith("up to ")
    # Cumulative frames only grow; the count changes as the weeks pass.
    frame.wait_for_function(f"parseInt(({COUNT})(), 10) > {first}", timeout=20_000)
    frame.get_by_role("button", name="Pause").click()
    paused = frame.evaluate(COUNT)
    page.wait_for_timeout(1500)
    assert frame.evaluate(COUNT) == paused  # paused: nothing moves
    assert frame.locator(".esm-stamp").inner_text() != stamp
    shoot(page, "10-playback-paused")
    frame.get_by_role("button", name="All").click()
    assert frame.locator(".esm-stamp").count() == 0
