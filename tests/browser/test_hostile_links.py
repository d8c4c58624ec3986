"""Crafted share links in a real browser, offline: their values show as text, the page
makes no request off loopback (the ``page`` fixture fails on any) and gains no link off
the dashboard."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest

from .conftest import shoot
from .test_map_browser import map_frame

pytestmark = pytest.mark.browser

HOSTILE = {
    "side": "[Log in again](https://evil.example/x)",
    "region": "![x](https://evil.example/p.png)",
    "facility": "<img src=x onerror=alert(1)>",
    "weapon": "https://evil.example/phish",
    "utm": ":red[Session expired] www.evil.com",
}


def test_hostile_link_values_are_shown_as_text_and_fetch_nothing(page, server: str) -> None:
    query = "&".join(f"{key}={quote(value)}" for key, value in HOSTILE.items())
    page.goto(f"{server}/?{query}")
    page.get_by_text("Log in again", exact=False).first.wait_for(timeout=30_000)
    map_frame(page)
    body = page.inner_text("body")
    for key, value in HOSTILE.items():
        assert f"{key}={value}" in body, key
    origin = urlsplit(server).netloc
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    outside = [h for h in hrefs if urlsplit(h).netloc not in ("", origin)]
    assert outside == [], f"links off the dashboard: {outside}"
    assert page.locator("img[src*='evil']").count() == 0
    shoot(page, "08-hostile-link")
