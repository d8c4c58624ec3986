"""Popups and tooltips: escaped text, sources as labelled links."""

from __future__ import annotations

from dashboard.core.maps.popups import source_links


def test_source_links_are_labelled_by_outlet() -> None:
    html = source_links("https://a.example/1 | https://b.example/2", "Outlet A | Outlet B")
    assert html.count("<a ") == 2 and ">Outlet A</a>" in html and ">Outlet B</a>" in html
    assert 'rel="noopener noreferrer"' in html
    assert source_links("", "TASS") == "TASS"
