"""The Compare page through AppTest: a link reopens both periods; numbers are the core's."""

from __future__ import annotations

from datetime import date

from streamlit.testing.v1 import AppTest

from dashboard.core.dataset import Dataset
from dashboard.core.view.compare import compare
from dashboard.core.view.state import ViewState
from tests.app.test_pages import APP

LINK = {
    "a_from": "2024-10-01",
    "a_to": "2024-12-31",
    "b_from": "2025-10-01",
    "b_to": "2025-12-31",
    "side": "ukraine",
}


def open_compare(**query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    return at.switch_page("app_pages/compare.py").run()


def test_a_link_reopens_both_periods_with_the_cores_numbers(bundled: Dataset, geo) -> None:
    at = open_compare(**LINK)
    assert not at.exception
    state = ViewState(
        sides=("ukraine",),
        a_from=date(2024, 10, 1),
        a_to=date(2024, 12, 31),
        b_from=date(2025, 10, 1),
        b_to=date(2025, 12, 31),
    )
    expected = compare(bundled.incidents, state, geo.region_names)
    a, b = expected.totals
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["A · 2024-10-01 to 2024-12-31"] == f"{a:,}"
    assert metrics["B · 2025-10-01 to 2025-12-31"] == f"{b:,}"
    tables = [d.value for d in at.dataframe]
    assert tables[2]["change"].tolist() == expected.by_region["change"].tolist()
    assert {k: at.query_params[k] for k in LINK} == LINK  # the URL keeps both periods
    link = at.code[0].value
    assert "a_from=2024-10-01" in link and "b_to=2025-12-31" in link


def test_hostile_period_values_are_named_and_ignored() -> None:
    at = open_compare(**(LINK | {"a_to": "2024-09-01", "b_from": "<b>x</b>"}))
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "a_to=2024-09-01" in warnings and "earlier than a_from=2024-10-01" in warnings
    assert "not a date in the form YYYY-MM-DD" in warnings
