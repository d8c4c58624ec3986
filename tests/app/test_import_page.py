"""The import page: upload, counts, rejected rows, session-only data on the map."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.core.dataset import Dataset
from tests.support.markdown import rendered_text as plain

from .test_pages import APP, map_incident_ids

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def import_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90).run()
    return at.switch_page("app_pages/import_data.py").run()


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    return at.file_uploader(key="upload_file").set_value((name, data, "text/csv")).run()


def test_import_page_renders_without_a_file() -> None:
    at = import_page()
    assert not at.exception
    assert at.title[0].value == "Bring your own data"
    assert at.selectbox(key="upload_format").value == "auto"


def test_an_acled_upload_shows_counts_rejects_and_reaches_the_map(bundled: Dataset) -> None:
    at = upload(import_page(), "acled_2024.csv", (FIXTURES / "acled_2024.csv").read_bytes())
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {
        "Rows read": "6",
        "Incidents accepted": "3",
        "Duplicates merged": "1",
        "Rows rejected": "2",
    }
    rejected = at.dataframe[0].value
    assert set(rejected["event_id_cnty"]) == {"UKR100003", "UKR100005"}
    at.button[0].click().run()  # "Show the accepted incidents on the map"
    ids = map_incident_ids(at)
    assert len(ids) == len(bundled.incidents) + 3
    assert {"UKR100001", "RUS200002", "UKR100006"} <= set(ids)


def test_an_unreadable_file_gives_a_message_not_a_traceback() -> None:
    at = upload(import_page(), "junk.csv", b"\x00\x01\x02\x03" * 100)
    assert not at.exception
    assert "junk.csv cannot be imported" in plain(at.error[0].value)
    assert "binary" in at.error[0].value


def test_remove_takes_the_users_data_off_the_map(bundled: Dataset) -> None:
    at = upload(import_page(), "acled_2024.csv", (FIXTURES / "acled_2024.csv").read_bytes())
    at.button[0].click().run()  # on the map: bundled + 3
    assert len(map_incident_ids(at)) == len(bundled.incidents) + 3
    at = at.switch_page("app_pages/import_data.py").run()
    at.button(key="remove_acled_2024.csv").click().run()
    assert not at.exception
    assert not any("acled_2024.csv" in plain(m.value) for m in at.markdown)
    at = at.switch_page("app_pages/map.py").run()
    assert len(map_incident_ids(at)) == len(bundled.incidents)
