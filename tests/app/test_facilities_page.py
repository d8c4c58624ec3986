"""The Facilities page and links to a site, through Streamlit's AppTest."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from dashboard.core.dataset import Dataset
from dashboard.core.view.facilities import capacity_figures, facility_table
from dashboard.core.view.filters import apply
from dashboard.core.view.state import decode
from tests.app.test_pages import APP, app


def facility_script(at: AppTest) -> dict:
    """The facility layer's features inside the map the page sent to the browser."""
    (component,) = [
        c for c in at.get("component_instance") if "st_folium" in c.proto.component_name
    ]
    script = json.loads(component.proto.json_args)["script"]
    assert "esm-site" in script
    # The facility layer's script opens "var data = {...}, colours = ..." (one per map).
    blob = script.split(", colours = ", 1)[0].rsplit("var data = ", 1)[1]
    return json.loads(blob)


def test_facilities_page_counts_strikes_per_site(bundled: Dataset, geo) -> None:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["from"] = "2025-08-01"
    at.query_params["to"] = "2025-12-31"
    at.run()
    at.switch_page("app_pages/facilities.py").run()
    assert not at.exception
    assert at.title[0].value == "Facilities struck"
    state = decode({"from": "2025-08-01", "to": "2025-12-31"}).state
    shown = apply(bundled.incidents, state)
    expected = facility_table(shown, geo.facilities)
    (table,) = at.dataframe
    assert table.value["strikes"].tolist() == expected["strikes"].tolist()
    assert table.value["name"].tolist() == expected["name"].tolist()
    # Reports in Ukrainian or Russian name these sites: the table shows those names.
    assert table.value["local_names"].tolist() == expected["local_names"].tolist()
    assert (table.value["local_names"] != "").mean() > 0.8
    refining = capacity_figures(shown, geo.facilities)[0]
    labels = {m.label: m.value for m in at.metric}
    assert labels[refining.label] == f"{refining.struck:,.1f} Mt/yr"


def test_a_site_link_opens_the_map_on_that_site() -> None:
    at = app(site="ru-ref-ryazan")
    assert not at.exception
    assert not at.warning
    features = facility_script(at)["features"]
    ryazan = next(f for f in features if f["properties"]["id"] == "ru-ref-ryazan")
    assert ryazan["properties"]["k"] >= 5  # its strikes, each in the popup's timeline
    assert len(ryazan["properties"]["tl"]) == min(ryazan["properties"]["k"], 10)
    assert "Рязанский НПЗ" in ryazan["properties"]["ln"]  # the popup's Cyrillic names
    (component,) = [
        c for c in at.get("component_instance") if "st_folium" in c.proto.component_name
    ]
    script = json.loads(component.proto.json_args)["script"]
    assert '"ru-ref-ryazan"' in script.split("var selected = ")[1][:40]


def test_an_unknown_site_in_a_link_is_named_and_ignored() -> None:
    at = app(site="ru-ref-nowhere")
    assert not at.exception
    assert any(
        "site=ru-ref-nowhere" in w.value and "no such facility" in w.value for w in at.warning
    )


def test_a_link_to_the_facilities_page_keeps_its_dates(bundled: Dataset, geo) -> None:
    """Opened straight from a link: the page has no date inputs, yet honours from/to."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["from"] = "2025-08-01"
    at.query_params["to"] = "2025-12-31"
    at.switch_page("app_pages/facilities.py").run()
    assert not at.exception
    state = decode({"from": "2025-08-01", "to": "2025-12-31"}).state
    expected = facility_table(apply(bundled.incidents, state), geo.facilities)
    (table,) = at.dataframe
    assert table.value["strikes"].tolist() == expected["strikes"].tolist()
    assert any("2025-08-01" in m.value for m in at.markdown)
