"""Every page through Streamlit's AppTest: renders, follows filters and links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core.dataset import Dataset
from dashboard.core.view.derived import derive
from dashboard.core.view.facilities import name_coverage
from dashboard.core.view.state import decode
from tests.support.markdown import rendered_text as plain

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def app(**query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def map_incident_ids(at: AppTest) -> list[str]:
    """The incident ids inside the folium map the page sent to the browser."""
    (component,) = [
        c for c in at.get("component_instance") if "st_folium" in c.proto.component_name
    ]
    script = json.loads(component.proto.json_args)["script"]
    blob = script.split("var data = ", 1)[1].split(";\n", 1)[0]
    return [f["properties"]["id"] for f in json.loads(blob)["features"]]


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_map_page_shows_every_bundled_incident(bundled: Dataset) -> None:
    at = app()
    assert not at.exception
    assert metric(at, "Incidents") == f"{len(bundled.incidents):,}"
    assert sorted(map_incident_ids(at)) == sorted(bundled.incidents["id"])
    assert "dataset v" in plain(at.caption[0].value)


def test_changing_a_filter_changes_the_map(bundled: Dataset) -> None:
    at = app()
    at.multiselect(key="region").set_value(["RU-BEL"]).run()
    expected = bundled.incidents.loc[bundled.incidents["admin1_iso"] == "RU-BEL", "id"]
    assert sorted(map_incident_ids(at)) == sorted(expected)
    assert metric(at, "Incidents") == str(len(expected))
    assert at.query_params["region"] in ("RU-BEL", ["RU-BEL"])


def test_a_shared_link_reopens_the_view(bundled: Dataset) -> None:
    at = app(**{"from": "2025-10-01", "to": "2025-11-30", "side": "ukraine", "region": "RU-BEL"})
    incidents = bundled.incidents
    expected = incidents[
        (incidents["date"] >= "2025-10-01")
        & (incidents["date"] <= "2025-11-30")
        & (incidents["attacker"] == "ukraine")
        & (incidents["admin1_iso"] == "RU-BEL")
    ]
    assert len(expected) > 0
    assert sorted(map_incident_ids(at)) == sorted(expected["id"])
    assert not at.warning
    link = at.code[0].value
    assert "from=2025-10-01" in link and "side=ukraine" in link and "region=RU-BEL" in link


def test_a_tampered_link_is_reported_not_raised(bundled: Dataset) -> None:
    at = app(side="aliens", zoom="999", region="XX-NOPE", colour="red", **{"from": "yesterday"})
    assert not at.exception
    # Values from the link are shown inert: Markdown-escaped, so read without the escapes.
    warnings = plain(" ".join(w.value for w in at.warning))
    for param in ("side=aliens", "zoom=999", "region=XX-NOPE", "colour=red", "from=yesterday"):
        assert param in warnings
    assert len(map_incident_ids(at)) == len(bundled.incidents)


def test_no_matching_incidents_shows_an_empty_state() -> None:
    # Strikes by Russia on Russia: no record has them.
    at = app(side="russia", country="RU", **{"from": "2022-02-24", "to": "2022-03-01"})
    assert metric(at, "Incidents") == "0"
    # Said once, above the map, not again by the timeline or the table.
    assert [i.value for i in at.info if "No incidents match" in i.value] == [
        "No incidents match these filters. Widen the date range or clear a filter."
    ]
    assert map_incident_ids(at) == []


@pytest.mark.parametrize("layers", [["heat"], []])
def test_layer_choice_reaches_the_map(layers: list[str]) -> None:
    at = app()
    at.multiselect(key="layer").set_value(layers).run()
    (component,) = at.get("component_instance")
    script = json.loads(component.proto.json_args)["script"]
    assert ("L.heatLayer" in script) == ("heat" in layers)
    assert ("L.markerClusterGroup" in script) == ("incidents" in layers)


def test_data_quality_page(bundled: Dataset, geo) -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page("app_pages/data.py").run()
    assert not at.exception
    assert at.title[0].value == "Data quality and coverage"
    assert any("Every bundled record" in s.value for s in at.success)
    headers = [h.value for h in at.subheader]
    assert "Incidents per month" in headers
    assert "Records placed at district or region level only" in headers
    assert {"Sources per record", "Known gaps", "Attack waves"} <= set(headers)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Latest incident"] == bundled.latest_label
    region_share = (bundled.incidents["location_precision"] == "region").mean()
    assert metrics["Region-level records"] == f"{region_share:.1%}"
    district_share = (bundled.incidents["location_precision"] == "district").mean()
    assert metrics["District-level records"] == f"{district_share:.1%}"
    assert metrics["Attack waves"] == f"{len(bundled.waves):,}"
    assert any("Counts are floors" in m.value for m in at.markdown)
    # The catalogue's Cyrillic names are counted, and the sites without any are listed.
    names = name_coverage(geo.facilities)
    assert any(f"{names.russian:,} of {names.sites:,} sites" in m.value for m in at.markdown)
    (expander,) = [e for e in at.expander if e.label.startswith("Sites without a Ukrainian")]
    (unnamed,) = expander.dataframe
    assert unnamed.value["facility_id"].tolist() == names.unnamed["facility_id"].tolist()


def test_about_page_states_borders_and_attribution() -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page("app_pages/about.py").run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "Crimea (UA-43) and Sevastopol (UA-40) are part of" in text
    assert "GeoNames" in text and "CC BY 4.0" in text and "Natural Earth" in text
    assert "World Resources Institute (2021), CC BY 4.0" in text


def test_filters_survive_a_visit_to_another_page(bundled: Dataset) -> None:
    at = app(side="russia")
    at.multiselect(key="region").set_value(["UA-63"]).run()
    at.switch_page("app_pages/about.py").run()
    at.switch_page("app_pages/map.py").run()
    assert not at.exception
    expected = bundled.incidents.query("attacker == 'russia' and admin1_iso == 'UA-63'")
    assert sorted(map_incident_ids(at)) == sorted(expected["id"])


def test_a_cached_view_shows_what_computing_it_afresh_shows(bundled: Dataset) -> None:
    """The first opening of a link computes and caches the view; later ones read it."""
    query = {"from": "2025-10-01", "side": "russia", "facility": "substation"}
    first, second = app(**query), app(**query)
    fresh = derive(bundled.incidents, decode(query).state)
    for at in (first, second):
        assert sorted(map_incident_ids(at)) == sorted(fresh.shown["id"])
        assert metric(at, "Incidents") == f"{fresh.summary.incidents:,}"
        assert at.dataframe[0].value["id"].tolist() == fresh.table.column("id").to_pylist()
