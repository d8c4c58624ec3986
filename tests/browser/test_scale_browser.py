"""At 100,000 incidents the map still renders quickly in a real browser."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dashboard.core.dataset import Dataset, write_parquet
from tests.synthetic import jittered

from .conftest import shoot, streamlit_server
from .test_map_browser import SHOWN, map_frame

pytestmark = pytest.mark.browser
N = 100_000


@pytest.fixture(scope="module")
def big_server(chromium: Path, bundled: Dataset, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("big") / "incidents-100k.parquet"
    write_parquet(jittered(bundled.incidents, N), path)
    with streamlit_server(STRIKEMAP_INCIDENTS=str(path)) as base:
        yield base


def test_a_hundred_thousand_incidents_render_in_under_two_seconds(page, big_server: str) -> None:
    page.goto(big_server)  # warm-up: the server loads the Parquet file into its cache once
    map_frame(page).wait_for_function(f"({SHOWN})() > 0", timeout=60_000)

    timings = []
    for _ in range(2):  # two fresh page loads; the better one counts (the machine is shared)
        start = time.perf_counter()
        page.goto(big_server)
        frame = map_frame(page)
        frame.wait_for_function(f"({SHOWN})() > 0", timeout=30_000)
        page_seconds = time.perf_counter() - start
        # The map's own first render: from the map frame's navigation to incidents drawn.
        timings.append((frame.evaluate("performance.now()") / 1000, page_seconds))
    map_seconds, page_seconds = min(timings)
    shown = frame.evaluate(SHOWN)
    shoot(page, "08-map-100k")
    page.get_by_text(f"{N:,} incidents, latest").wait_for(timeout=5_000)
    assert 0 < shown <= N  # aggregated counts around the view, never more than exist
    print(
        f"100k: map drawn {map_seconds:.2f} s after its frame opened, "
        f"{page_seconds:.2f} s after the page was requested"
    )
    assert map_seconds < 2.0, f"the map's first render took {map_seconds:.2f} s"
