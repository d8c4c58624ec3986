"""The facility layer in a real browser: a site link opens the site's strike timeline."""

from __future__ import annotations

import pytest

from dashboard.core.dataset import Dataset

from .conftest import shoot
from .test_map_browser import map_frame

pytestmark = pytest.mark.browser


def test_a_site_link_opens_its_popup_with_the_strikes(page, server: str, bundled: Dataset):
    page.goto(f"{server}/?site=ru-ref-ryazan")
    frame = map_frame(page)
    popup = frame.locator('[data-facility="ru-ref-ryazan"]')
    popup.wait_for(timeout=30_000)
    text = popup.inner_text()
    assert text.startswith("Ryazan refinery")
    strikes = bundled.incidents[bundled.incidents["facility_id"] == "ru-ref-ryazan"]
    assert f"{len(strikes)} strike(s) in this view" in text
    newest = strikes.sort_values("date").iloc[-1]
    assert newest["id"] in text and f"{newest['date']:%Y-%m-%d}" in text
    # The legend explains the symbols; struck sites are drawn apart from quiet ones.
    assert "Facilities (catalogue)" in frame.locator(".esm-legend").inner_text()
    assert frame.locator(".esm-site-struck").count() > 10
    assert frame.locator(".esm-site-quiet").count() > 10
    shoot(page, "09-facility-popup")
