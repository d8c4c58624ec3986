"""What only a browser can show: the map renders offline, follows filters, opens popups."""

from __future__ import annotations

import re

import pytest

from dashboard.core.dataset import Dataset

from .conftest import shoot

pytestmark = pytest.mark.browser

# Incidents the map shows: every cluster's count plus every unclustered marker.
SHOWN = """() => {
  let n = document.querySelectorAll('path.esm-incident').length;
  document.querySelectorAll('.esm-cluster span')
    .forEach(s => { n += parseInt(s.textContent, 10); });
  return n;
}"""


def map_frame(page):
    """The map's iframe, once Leaflet has drawn into it."""
    page.wait_for_selector('iframe[title="streamlit_folium.st_folium"]', timeout=60_000)
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    frame.locator(".leaflet-container").wait_for(timeout=30_000)
    handle = page.query_selector('iframe[title="streamlit_folium.st_folium"]')
    return handle.content_frame()


def wait_for_shown(frame, expected: int) -> None:
    frame.wait_for_function(f"({SHOWN})() === {expected}", timeout=30_000)


def test_map_loads_offline_with_every_incident(page, server: str, bundled: Dataset) -> None:
    page.goto(server)
    frame = map_frame(page)
    wait_for_shown(frame, len(bundled.incidents))
    # The offline basemap drew land and region lines from the dashboard's own files.
    frame.wait_for_function("document.querySelectorAll('path').length > 100")
    assert frame.locator(".esm-legend").inner_text().startswith("Energy infrastructure strikes")
    shoot(page, "01-map-all-incidents")


def test_sidebar_filter_changes_the_map(page, server: str, bundled: Dataset) -> None:
    page.goto(server)
    wait_for_shown(map_frame(page), len(bundled.incidents))
    page.get_by_role("button", name="Russia", exact=True).click()
    russian = int((bundled.incidents["attacker"] == "russia").sum())
    page.wait_for_function(
        """() => [...document.querySelectorAll('iframe')].some(f => {
             try { return f.contentDocument.querySelectorAll('.esm-cluster, path.esm-incident')
                   .length > 0 && !f.contentDocument.querySelector('.esm-ukraine'); }
             catch (e) { return false; } })""",
        timeout=30_000,
    )
    wait_for_shown(map_frame(page), russian)
    # The address bar follows (a map message from just before the click may land first).
    page.wait_for_url(re.compile(r"[?&]side=russia(&|$)"), timeout=15_000)
    shoot(page, "02-map-filtered-russia")


def test_clicking_an_incident_opens_its_popup_with_sources(
    page, server: str, bundled: Dataset
) -> None:
    page.goto(f"{server}/?from=2025-11-09&to=2025-11-09&region=RU-VOR")
    frame = map_frame(page)
    wait_for_shown(frame, 1)
    frame.locator("path.esm-incident").click()
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    frame.wait_for_function(
        "getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'"
    )
    assert "INC141" in popup.inner_text() and "Voronezh" in popup.inner_text()
    link = popup.locator("a").first
    expected = bundled.incidents.set_index("id").loc["INC141", "source_url"].split(" | ")[0]
    assert link.get_attribute("href") == expected
    assert link.get_attribute("target") == "_blank"
    shoot(page, "03-popup-voronezh")


def test_shared_link_with_a_bad_parameter_warns(page, server: str) -> None:
    page.goto(f"{server}/?side=ukraine&zoom=banana")
    page.get_by_text("zoom=banana").wait_for(timeout=30_000)
    map_frame(page)
    shoot(page, "04-bad-link-warning")
