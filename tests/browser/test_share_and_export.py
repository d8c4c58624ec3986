"""Share links reopen the view; every export button gives a working file; embedding works."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from dashboard.core.dataset import Dataset
from dashboard.core.exports.png import SIZE_PX
from dashboard.core.view import filters
from dashboard.core.view.state import ViewState

from .conftest import shoot
from .test_map_browser import SHOWN, map_frame, wait_for_shown

pytestmark = pytest.mark.browser

VIEW = "from=2025-10-01&to=2025-11-30&side=ukraine&region=RU-BEL&lat=50.6&lon=36.6&zoom=8"


def expected_ids(bundled: Dataset) -> set[str]:
    state = ViewState(sides=("ukraine",), regions=("RU-BEL",))
    frame = filters.apply(bundled.incidents, state)
    frame = frame[(frame["date"] >= "2025-10-01") & (frame["date"] <= "2025-11-30")]
    return set(frame["id"])


def test_a_shared_link_reopens_filters_and_map_view(page, server: str, bundled: Dataset) -> None:
    page.goto(f"{server}/?{VIEW}")
    frame = map_frame(page)
    wait_for_shown(frame, len(expected_ids(bundled)))
    centre, zoom = frame.evaluate("[window.map.getCenter(), window.map.getZoom()]")
    assert (round(centre["lat"], 1), round(centre["lng"], 1), zoom) == (50.6, 36.6, 8)
    dates = page.locator('[data-testid="stDateInput"] input')
    assert [dates.nth(0).input_value(), dates.nth(1).input_value()] == ["2025-10-01", "2025-11-30"]
    assert (
        page.get_by_role("button", name="Ukraine", exact=True).get_attribute("aria-pressed")
        == "true"
    )
    assert (
        "Belgorod Oblast (RU-BEL)"
        in page.locator('[data-testid="stMultiSelect"]').all_inner_texts()[1]
    )
    shoot(page, "05-shared-link")


def download(page, label: str) -> bytes:
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=label).click()
    return open(info.value.path(), "rb").read()


def test_each_export_button_gives_a_working_file(page, server: str, browser, bundled) -> None:
    page.goto(f"{server}/?{VIEW}")
    wait_for_shown(map_frame(page), len(expected_ids(bundled)))

    png = Image.open(io.BytesIO(download(page, "PNG image")))
    assert png.format == "PNG" and png.size == SIZE_PX
    assert "Creation Time" in png.info

    csv = download(page, "CSV with sources").decode("utf-8-sig")
    assert all(incident in csv for incident in expected_ids(bundled))
    assert "geojson" not in csv[:20]
    geojson = download(page, "GeoJSON with sources").decode()
    assert '"FeatureCollection"' in geojson

    html = download(page, "Interactive HTML").decode()
    offline = browser.new_context(offline=True)
    leaks: list[str] = []
    offline.route("**/*", lambda route: (leaks.append(route.request.url), route.abort()))
    snapshot = offline.new_page()
    snapshot.set_content(html, wait_until="load")
    snapshot.wait_for_function(f"({SHOWN})() === {len(expected_ids(bundled))}", timeout=30_000)
    shoot(snapshot, "06-exported-html")
    offline.close()
    assert leaks == []


def test_the_map_view_works_embedded_in_an_iframe(page, server: str, bundled: Dataset) -> None:
    page.goto(f"{server}/_stcore/health")  # a loopback origin for the host page
    page.set_content(
        f'<iframe src="{server}/?embed=true&side=russia" width="1100" height="900"></iframe>'
    )
    russian = int((bundled.incidents["attacker"] == "russia").sum())
    page.wait_for_function(
        """n => {
          const app = document.querySelector('iframe').contentDocument;
          const map = app && app.querySelector('iframe[title="streamlit_folium.st_folium"]');
          const doc = map && map.contentDocument;
          if (!doc) { return false; }
          let shown = doc.querySelectorAll('path.esm-incident').length;
          doc.querySelectorAll('.esm-cluster span')
            .forEach(s => { shown += parseInt(s.textContent, 10); });
          return shown === n;
        }""",
        arg=russian,
        timeout=60_000,
    )
    app = page.frame_locator("iframe")
    assert app.locator("h1").count() == 0  # embedded: the map view without page chrome
    shoot(page, "07-embedded")


def test_a_link_naming_an_incident_opens_its_popup_alone_or_at_a_shared_point(
    page, server: str, bundled: Dataset
) -> None:
    """The incident a link names opens its popup whether its marker stands alone on the
    map (markercluster's own reveal waited for a move that never came) or shares its
    town centre with other records (the cluster fans out)."""
    incidents = bundled.incidents
    point = (
        incidents["latitude"].round(3).astype(str)
        + ","
        + incidents["longitude"].round(3).astype(str)
    )
    shared = point.map(point.value_counts())
    lat, lon = incidents["latitude"].to_numpy(), incidents["longitude"].to_numpy()
    near = [
        int(((abs(lat - y) < 0.5) & (abs(lon - x) < 0.8)).sum())
        for y, x in zip(lat, lon, strict=True)
    ]
    alone = incidents["id"][[n == 1 for n in near]].iloc[0]
    stacked = incidents["id"][(shared >= 4).to_numpy()].iloc[0]
    for incident in (alone, stacked):
        page.goto(f"{server}/?incident={incident}&basemap=offline")
        frame = map_frame(page)
        frame.wait_for_selector(f'.esm-popup[data-incident="{incident}"]', timeout=30_000)
