"""Maps are tested by rendering them to HTML and checking what the browser would get."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from dashboard.core.dataset import Dataset
from dashboard.core.maps.assets import VENDORED, use_local_assets, vendored_path
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.build import build_map
from dashboard.core.maps.lod import MAX_MARKERS
from dashboard.core.view.state import ViewState


def render(incidents: pd.DataFrame, map_base: MapBase, **kwargs) -> str:
    state = kwargs.pop("state", ViewState())
    return build_map(incidents, state, map_base, **kwargs).get_root().render()


def hostile(bundled: Dataset) -> pd.DataFrame:
    frame = bundled.incidents.head(2).copy()
    frame["effects"] = ["<script>alert('x')</script>", "fire & smoke"]
    frame["facility_name"] = ['<img src=x onerror="alert(1)">', "plant"]
    frame["source_url"] = ["javascript:alert(1) | https://ok.example/a?b=1&c=2", ""]
    frame["source_outlet"] = ["Evil | Good", "<b>Outlet</b>"]
    return frame


def test_text_from_data_travels_as_inert_json(bundled: Dataset, map_base) -> None:
    """Popup values reach the browser as JSON strings (written there as text nodes): no
    tag from the data can close the script or open an element."""
    html = render(hostile(bundled), map_base)
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Outlet" not in html
    blob = html.split("var data = ")[1].split(";\n")[0]
    assert "</script>" not in blob and "<" not in blob
    popup = json.loads(blob)["features"][0]["properties"]["q"]
    assert popup[5] == "<script>alert('x')</script>"  # shown as the text it is


def test_layers_follow_the_state(bundled: Dataset, map_base) -> None:
    incidents = bundled.incidents
    everything = render(
        incidents, map_base, state=ViewState(layers=("incidents", "choropleth", "heat"))
    )
    assert "L.heatLayer" in everything and "L.markerClusterGroup" in everything
    assert "Incidents per region" in everything
    bare = render(incidents, map_base, state=ViewState(layers=()))
    assert "L.heatLayer" not in bare and "L.markerClusterGroup" not in bare


def test_offline_map_references_no_outside_host(bundled: Dataset, map_base) -> None:
    html = render(bundled.incidents, map_base, offline=True)
    external = set(re.findall(r'(?:src|href)="(https?://[^"]+)"', html))
    assert external == set()
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    assert "tile.openstreetmap" not in html and "basemaps.cartocdn" not in html


def test_online_map_uses_tiles_but_its_own_scripts(bundled: Dataset, map_base) -> None:
    html = render(bundled.incidents, map_base, state=ViewState(basemap="osm"))
    assert "tile.openstreetmap.org" in html
    assert "/app/static/vendor/leaflet/leaflet.js" in html
    # No script or stylesheet from another host (a source link may live on a CDN host).
    assert re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="(https?://[^"]+)"', html) == []
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()


def test_self_contained_map_inlines_the_basemap(bundled: Dataset, map_base) -> None:
    fetched = render(bundled.incidents.head(3), map_base, offline=True)
    inlined = render(bundled.incidents.head(3), map_base, offline=True, self_contained=True)
    assert "/app/static/geo/admin1.json" in fetched
    assert "/app/static/geo/admin1.json" not in inlined
    assert '"UA-40"' in inlined and len(inlined) > len(fetched) + 100_000


def test_selected_incident_is_passed_to_the_map(bundled: Dataset, map_base) -> None:
    html = render(bundled.incidents, map_base, state=ViewState(incident="INC141"))
    assert 'var selected = "INC141";' in html


def test_a_district_level_record_opens_at_its_districts_scale(bundled: Dataset, map_base) -> None:
    """A marker that stands for a raion is not shown at street scale; a town's is."""
    frame = bundled.incidents
    district = frame.loc[frame["location_precision"] == "district", "id"].iat[0]
    town = frame.loc[frame["location_precision"] == "settlement", "id"].iat[0]
    html = render(frame, map_base, state=ViewState(incident=district))
    assert f'var selected = "{district}";' in html and "var revealZoom = 10;" in html
    html = render(frame, map_base, state=ViewState(incident=town))
    assert "var revealZoom = null;" in html
    region = frame.loc[frame["location_precision"] == "region", "id"].iat[0]
    fmap = build_map(frame, ViewState(incident=region), map_base)
    assert fmap.options["zoom"] == 8  # opens at its region's scale
    assert "var revealZoom = 8;" in fmap.get_root().render()


def test_payload_stays_small_for_the_bundled_data(bundled: Dataset, map_base) -> None:
    """Every bundled incident travels with its popup (about 0.9 KB each, sources
    included), up to the level-of-detail limit, so the page is bounded by that limit
    whatever the dataset's size; the facility layer adds its sites."""
    html = render(bundled.incidents, map_base, offline=True)
    assert len(bundled.incidents) <= MAX_MARKERS
    assert len(html.encode()) < len(bundled.incidents) * 1_000 + 100_000
    sites = ViewState(layers=("incidents", "facilities"))
    with_sites = render(bundled.incidents, map_base, offline=True, state=sites)
    assert len(with_sites.encode()) < len(html.encode()) + 300_000  # 1,053 sites, timelines


def test_every_vendored_link_has_its_file() -> None:
    for name in VENDORED:
        assert vendored_path(name).stat().st_size > 200, name


def test_local_assets_refuse_unknown_files(map_base) -> None:
    import folium

    fmap = folium.Map(tiles=None)
    folium.plugins.Fullscreen().add_to(fmap)
    with pytest.raises(KeyError, match="no local copy"):
        use_local_assets(fmap)


def test_town_labels_skip_districts_of_larger_cities(map_base: MapBase) -> None:
    names = [t[0] for t in map_base.towns]
    assert "Moscow" in names and "Kyiv" in names and "Kharkiv" in names
    assert not any("Troyeshchyna" in n for n in names)


def test_template_syntax_in_data_is_shown_not_run(bundled: Dataset, map_base) -> None:
    frame = bundled.incidents.head(1).copy()
    frame["effects"] = ["{{ 7*7 }} {{ lipsum.__globals__ }} {% if true %}x{% endif %} {# c #}"]
    html = render(frame, map_base)
    blob = html.split("var data = ", 1)[1].split(";\n", 1)[0]
    popup = json.loads(blob)["features"][0]["properties"]["q"]
    assert "{{ 7*7 }} {{ lipsum.__globals__ }} {% if true %}x{% endif %} {# c #}" in popup[5]
    assert "<td>49 " not in html


def test_a_shared_view_sends_markers_and_leaves_popups_to_one_file(
    bundled: Dataset, map_base
) -> None:
    """With a popup file, the page carries each incident's marker and tooltip only (about
    a quarter of the inline page); the user's own incidents keep their popups inline,
    since the file holds the dataset's."""
    inline = render(bundled.incidents, map_base, offline=True)
    url = "/app/static/popups/0123456789abcdef.json"
    stored = render(bundled.incidents, map_base, offline=True, popups_url=url)
    assert json.dumps(url) in stored
    assert len(stored.encode()) < len(inline.encode()) * 0.45
    assert len(stored.encode()) < len(bundled.incidents) * 350 + 100_000
    features = json.loads(stored.split("var data = ")[1].split(";\n")[0])["features"]
    assert len(features) == len(bundled.incidents)
    assert not any("q" in f["properties"] for f in features)
    mixed = bundled.incidents.head(3).assign(origin=["bundled", "upload", "bundled"])
    html = render(mixed, map_base, offline=True, popups_url=url)
    features = json.loads(html.split("var data = ")[1].split(";\n")[0])["features"]
    assert ["q" in f["properties"] for f in features] == [False, True, False]
