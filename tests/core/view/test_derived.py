"""What a view shows, computed once per (dataset, filters)."""

from __future__ import annotations

from datetime import date

from dashboard.core.dataset import Dataset
from dashboard.core.view import aggregate, filters
from dashboard.core.view.derived import MAX_TABLE_ROWS, derive, filters_only
from dashboard.core.view.state import ViewState


def test_the_cache_key_keeps_filters_and_drops_the_map_position() -> None:
    state = ViewState(sides=("russia",), lat=50.0, lon=36.0, zoom=8, basemap="osm", incident="X")
    assert filters_only(state) == ViewState(sides=("russia",))
    assert filters_only(state) == filters_only(state.with_(lat=10.0, layers=()))


def test_derived_parts_match_the_functions_they_come_from(bundled: Dataset) -> None:
    state = ViewState(date_from=date(2025, 10, 1), sides=("russia",))
    derived = derive(bundled.incidents, state)
    expected = filters.apply(bundled.incidents, state)
    assert derived.shown["id"].tolist() == expected["id"].tolist()
    assert derived.summary == aggregate.summary(expected)
    table = derived.table.to_pandas()
    assert len(table) == min(len(expected), MAX_TABLE_ROWS)
    assert table["date"].is_monotonic_decreasing
    weekly = aggregate.per_week(expected)
    bars = derived.weekly.data.to_pandas()
    assert bars["incidents"].sum() == int(weekly.to_numpy().sum()) == len(expected)
    assert set(bars["side"]) == {"By Ukraine", "By Russia"}
    assert derived.weekly.spec["encoding"]["x"]["field"] == "period"
