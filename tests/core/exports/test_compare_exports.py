"""Exports of a comparison name both periods and the link, and count what the core counts."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd

from dashboard.core.dataset import Dataset
from dashboard.core.exports.compare import comparison_csv, comparison_html
from dashboard.core.view.compare import compare
from dashboard.core.view.state import ViewState
from tests.core.exports.test_exports import META

STATE = ViewState(
    a_from=date(2024, 10, 1),
    a_to=date(2024, 12, 31),
    b_from=date(2025, 10, 1),
    b_to=date(2025, 12, 31),
)


def test_csv_and_html_carry_both_periods(bundled: Dataset, geo, map_base) -> None:
    result = compare(bundled.incidents, STATE, geo.region_names)
    table = pd.read_csv(io.BytesIO(comparison_csv(result, META)), encoding="utf-8-sig")
    assert set(table["group"]) == {"side", "facility_type", "region"}
    sides = table[table["group"] == "side"].set_index("code")
    assert sides["b"].sum() == result.totals[1] and sides["a"].sum() == result.totals[0]
    assert set(table["period_a"]) == {"2024-10-01 to 2024-12-31"}
    assert set(table["period_b"]) == {"2025-10-01 to 2025-12-31"}
    assert set(table["view"]) == {META.share_link}
    html = comparison_html(result, STATE, map_base, META).decode()
    assert "Change in incidents, B minus A" in html
    assert "A: 2024-10-01 to 2024-12-31" in html and "B: 2025-10-01 to 2025-12-31" in html
    assert "/app/static/" not in html  # self-contained: opens offline
