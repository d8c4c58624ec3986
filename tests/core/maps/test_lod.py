"""Level of detail: the fast path agrees with a plain reference, and payloads stay bounded."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from dashboard.core.dataset import Dataset
from dashboard.core.maps import lod
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.build import build_map
from dashboard.core.view.state import ViewState
from tests.synthetic import jittered


def reference_cells(
    side, x, y, cell_m
) -> dict[tuple[int, int], tuple[int, int, int, float, float]]:
    """Cells counted one incident at a time."""
    cells: dict[tuple[int, int], list] = {}
    for s, px, py in zip(side, x, y, strict=True):
        key = (math.floor(px / cell_m), math.floor(py / cell_m))
        entry = cells.setdefault(key, [0, 0, 0, 0.0, 0.0])
        entry[0] += 1
        entry[1] += s == "ukraine"
        entry[2] += s == "russia"
        entry[3] += px
        entry[4] += py
    return {k: (n, u, r, sx / n, sy / n) for k, (n, u, r, sx, sy) in cells.items()}


def test_aggregate_cells_matches_the_reference() -> None:
    rng = np.random.default_rng(7)
    x = rng.uniform(3.0e6, 3.4e6, 2000)
    y = rng.uniform(6.3e6, 6.6e6, 2000)
    side = rng.choice(["ukraine", "russia", "unknown"], 2000)
    fast = lod.aggregate_cells(side, x, y, cell_m=50_000)
    slow = reference_cells(side, x, y, 50_000)
    assert len(fast) == len(slow)
    assert fast["count"].sum() == 2000
    expected = sorted((n, u, r) for n, u, r, _, _ in slow.values())
    assert (
        sorted(fast[["count", "ukraine", "russia"]].itertuples(index=False, name=None)) == expected
    )
    means = sorted(
        lod.inverse_mercator(np.array([mx]), np.array([my])) for *_, mx, my in slow.values()
    )
    lon = sorted(round(float(m[0][0]), 4) for m in means)
    assert sorted(fast["lon"].tolist()) == lon


def synthetic(bundled: Dataset, n: int, seed: int = 3) -> pd.DataFrame:
    return jittered(bundled.incidents, n, seed=seed)


def in_view_reference(frame: pd.DataFrame, lat: float, lon: float, zoom: int) -> set[str]:
    per_px = lod.metres_per_pixel(zoom)
    (cx,), (cy,) = lod.mercator(np.array([lon]), np.array([lat]))
    keep = set()
    for row in frame.itertuples():
        (x,), (y,) = lod.mercator(np.array([row.longitude]), np.array([row.latitude]))
        if (
            abs(x - cx) <= lod.VIEWPORT_PX[0] / 2 * per_px
            and abs(y - cy) <= lod.VIEWPORT_PX[1] / 2 * per_px
        ):
            keep.add(row.id)
    return keep


def test_small_data_is_drawn_one_by_one(bundled: Dataset) -> None:
    detail = lod.plan(bundled.incidents, ViewState())
    assert not detail.aggregated and len(detail.markers) == len(bundled.incidents)
    assert detail.cells.empty


def test_large_data_is_aggregated_and_detailed_where_the_user_looks(bundled: Dataset) -> None:
    frame = synthetic(bundled, 5000)
    overview = lod.plan(frame, ViewState(), max_markers=1000)
    assert overview.aggregated and overview.markers.empty
    assert 0 < overview.cells["count"].sum() <= 5000
    zoomed = ViewState(lat=50.0, lon=36.3, zoom=9)
    detail = lod.plan(frame, zoomed, max_markers=1000)
    assert set(detail.markers["id"]) == in_view_reference(frame, 50.0, 36.3, 9)
    assert 0 < len(detail.markers) <= 1000
    everything = len(detail.markers) + detail.cells["count"].sum()
    assert everything <= len(frame)


def test_payload_is_bounded_as_data_grows(bundled: Dataset, map_base: MapBase) -> None:
    sizes = {}
    for n in (2_000, 20_000):
        frame = synthetic(bundled, n)
        html = build_map(frame, ViewState(), map_base, offline=True).get_root().render()
        sizes[n] = len(html.encode())
    assert sizes[20_000] < 400_000
    assert sizes[20_000] < sizes[2_000] * 2  # ten times the data, not ten times the bytes


def test_redraw_only_when_the_view_moved_far() -> None:
    built = ViewState(lat=50.0, lon=36.0, zoom=7)
    assert not lod.moved_far(built, (50.0, 36.01, 7))
    assert lod.moved_far(built, (50.0, 36.0, 8))
    assert not lod.moved_far(built, (50.0, 38.5, 7))  # ~230 px
    assert lod.moved_far(built, (50.0, 41.0, 7))  # ~460 px, more than a third of 1,100
