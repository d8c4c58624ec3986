from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from dashboard.core.dataset import Dataset
from dashboard.core.exports.describe import ExportMeta, subtitle
from dashboard.core.exports.html import inline_assets, render_html
from dashboard.core.exports.png import SIZE_PX, Basemap, count_line, extent, render_png
from dashboard.core.exports.snapshot import ExportContext, snapshot
from dashboard.core.exports.tables import neutralise_formulas, to_csv, to_geojson
from dashboard.core.geo import files as geofiles
from dashboard.core.maps.base import MapBase
from dashboard.core.view import filters
from dashboard.core.view.state import ViewState

META = ExportMeta(
    "9.9.9", datetime(2026, 11, 25, 12, 30, tzinfo=UTC), "http://h/map?side=ukraine", "2025-12-28"
)


@pytest.fixture(scope="module")
def basemap(map_base: MapBase) -> Basemap:
    return Basemap.from_frames(geofiles.countries(), geofiles.admin1(), map_base.towns)


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_png_is_deterministic_sized_and_carries_metadata(
    bundled: Dataset, basemap: Basemap, map_base: MapBase
) -> None:
    state = ViewState(sides=("ukraine",))
    shown = filters.apply(bundled.incidents, state)
    first = render_png(shown, state, basemap, META, map_base.region_names)
    later = replace(META, exported_at=datetime(2030, 1, 1, tzinfo=UTC))
    second = render_png(shown, state, basemap, later, map_base.region_names)
    image = Image.open(io.BytesIO(first))
    assert image.size == SIZE_PX
    assert image.info["Creation Time"] == "2026-11-25T12:30:00+00:00"
    assert image.info["Dataset version"] == "9.9.9"
    assert image.info["Dataset latest incident"] == "2025-12-28"
    assert np.array_equal(pixels(first), pixels(second))  # time lives in metadata only
    other = render_png(bundled.incidents, ViewState(), basemap, META, map_base.region_names)
    assert not np.array_equal(pixels(first), pixels(other))


def test_png_draws_incidents_in_side_colours(bundled: Dataset, basemap, map_base) -> None:
    state = ViewState(sides=("russia",), layers=("incidents",))
    image = pixels(render_png(filters.apply(bundled.incidents, state), state, basemap, META, {}))
    orange = np.all(np.abs(image.astype(int) - [0xD5, 0x5E, 0x00]) < 12, axis=-1).sum()
    blue = np.all(np.abs(image.astype(int) - [0x00, 0x72, 0xB2]) < 12, axis=-1).sum()
    assert orange > 500
    assert blue < orange / 10  # only the legend could be blue, and it shows Russia only


def test_png_extent_follows_the_view(bundled: Dataset) -> None:
    zoomed = extent(bundled.incidents, ViewState(lat=50.0, lon=36.2, zoom=8), aspect=1.9)
    wide = extent(bundled.incidents, ViewState(lat=50.0, lon=36.2, zoom=5), aspect=1.9)
    assert (zoomed[1] - zoomed[0]) * 8 == pytest.approx(wide[1] - wide[0])
    assert "in view" in count_line(bundled.incidents, zoomed)
    assert count_line(bundled.incidents, extent(bundled.incidents, ViewState(), aspect=1.9)) == (
        f"{len(bundled.incidents):,} incidents"
    )


def test_subtitle_says_the_filters_in_words(bundled: Dataset, map_base: MapBase) -> None:
    state = ViewState(
        sides=("ukraine",), regions=("RU-BEL",), date_from=datetime(2025, 10, 1).date()
    )
    text = subtitle(state, bundled.incidents, map_base.region_names)
    assert text.startswith("2025-10-01 to ")
    assert "strikes by Ukraine" in text and "regions: Belgorod Oblast" in text


def test_csv_keeps_sources_and_neutralises_formulas(bundled: Dataset) -> None:
    frame = bundled.incidents.head(3).copy()
    frame["effects"] = ['=HYPERLINK("http://x")', "+1+1", "@SUM(A1)"]
    frame["notes"] = ["-cmd|' /C calc'!A0", "fine", "\t=1"]
    data = to_csv(frame, META)
    assert data.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for value in [*table["effects"], table["notes"].iat[0], table["notes"].iat[2]]:
        assert value.startswith("'"), value
    assert table["notes"].iat[1] == "fine"
    assert table["source_url"].tolist() == frame["source_url"].tolist()
    assert set(table["dataset_version"]) == {"9.9.9"}
    assert pd.to_numeric(table["longitude"]).notna().all()
    assert neutralise_formulas(pd.DataFrame({"x": ["-12.5", "-x"]}))["x"].tolist() == [
        "-12.5",
        "'-x",
    ]


def test_geojson_has_points_sources_and_metadata(bundled: Dataset) -> None:
    document = json.loads(to_geojson(bundled.incidents, META))
    assert document["metadata"]["dataset_version"] == "9.9.9"
    assert document["metadata"]["exported_at"] == "2026-11-25T12:30:00+00:00"
    assert document["metadata"]["dataset_latest"] == "2025-12-28"
    assert len(document["features"]) == len(bundled.incidents)
    feature = next(f for f in document["features"] if f["properties"]["id"] == "INC141")
    assert feature["geometry"]["type"] == "Point"
    assert feature["properties"]["sources"][0].startswith("https://")
    assert feature["properties"]["admin1_iso"] == "RU-VOR"


def test_html_is_self_contained(bundled: Dataset, map_base: MapBase) -> None:
    html = render_html(bundled.incidents, ViewState(), map_base, META, map_base.region_names)
    assert not re.findall(r'<(?:script|link)[^>]+(?:src|href)="[^"]+"', html)
    assert "L.markerClusterGroup" in html and "/app/static" not in html
    assert 'name="dataset-version" content="9.9.9"' in html
    assert "2026-11-25T12:30:00+00:00" in html
    assert "dataset v9.9.9, incidents to 2025-12-28" in html


def test_inline_assets_refuses_files_it_does_not_have() -> None:
    with pytest.raises(ValueError, match="not a vendored file"):
        inline_assets('<script src="https://cdn.example/x.js"></script>')


def test_snapshot_rejects_unknown_formats(bundled: Dataset, basemap, map_base) -> None:
    context = ExportContext(map_base, basemap, "9.9.9", "2025-12-28")
    with pytest.raises(ValueError, match="not one of"):
        snapshot("pdf", bundled.incidents, ViewState(), context, "http://h/")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, check=False
    )


def test_export_command_writes_what_the_state_asks(tmp_path: Path, bundled: Dataset) -> None:
    out = tmp_path / "view.geojson"
    run = run_cli(
        "export", "--state", "http://h/map?side=ukraine&region=RU-BEL&colour=red&zoom=x",
        "--format", "geojson", "--out", str(out),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "'colour=red' ignored" in run.stderr and "'zoom=x' ignored" in run.stderr
    document = json.loads(out.read_text())
    expected = bundled.incidents.query("attacker == 'ukraine' and admin1_iso == 'RU-BEL'")
    assert {f["properties"]["id"] for f in document["features"]} == set(expected["id"])
    assert document["metadata"]["view"] == "http://h/map?side=ukraine&region=RU-BEL"
    png = tmp_path / "view.png"
    assert (
        run_cli("export", "--state", "side=russia", "--format", "png", "--out", str(png)).returncode
        == 0
    )
    assert Image.open(png).size == SIZE_PX


def test_export_command_errors_are_messages_not_tracebacks(tmp_path: Path) -> None:
    bad_format = run_cli("export", "--format", "pdf", "--out", str(tmp_path / "x"))
    assert bad_format.returncode == 2 and "invalid choice: 'pdf'" in bad_format.stderr
    bad_out = run_cli("export", "--format", "csv", "--out", str(tmp_path / "no" / "dir" / "x.csv"))
    assert bad_out.returncode == 2 and "cannot write" in bad_out.stderr
    assert "Traceback" not in bad_format.stderr + bad_out.stderr


def test_png_draws_dollar_signs_and_braces_as_text(bundled: Dataset, basemap, map_base) -> None:
    odd = replace(META, share_link="http://h/map?note=$\\nocommand{$&y={{7*7}}")
    png = render_png(bundled.incidents.head(5), ViewState(), basemap, odd, map_base.region_names)
    assert Image.open(io.BytesIO(png)).size == SIZE_PX


def test_exports_carry_the_facility_link_and_wri_credit(bundled: Dataset) -> None:
    ryazan = bundled.incidents[bundled.incidents["facility_id"] == "ru-ref-ryazan"]
    burshtyn = bundled.incidents[bundled.incidents["facility_id"] == "wri-1005097"]
    table = pd.read_csv(io.BytesIO(to_csv(ryazan, META)), encoding="utf-8-sig")
    assert set(table["facility_id"]) == {"ru-ref-ryazan"}
    assert set(table["facility_capacity_unit"]) == {"Mt/yr"}
    assert "World Resources Institute" not in table["attribution"].iat[0]  # no WRI row
    document = json.loads(to_geojson(burshtyn, META))
    props = document["features"][0]["properties"]
    assert (props["facility_id"], props["facility_capacity"]) == ("wri-1005097", 2334.0)
    assert "World Resources Institute (2021), CC BY 4.0" in document["metadata"]["attribution"]
    assert "Global Energy Monitor" in document["metadata"]["attribution"]
    assert "KATOTTG" in table["attribution"].iat[0]  # districts place records too


def test_png_legend_shows_the_facility_layer_when_on(
    bundled: Dataset, map_base: MapBase, geo
) -> None:
    basemap = Basemap.from_frames(
        geofiles.countries(), geofiles.admin1(), map_base.towns, geo.facilities
    )
    off = ViewState(sides=("ukraine",))
    on = off.with_(layers=(*off.layers, "facilities"))
    shown = filters.apply(bundled.incidents, off)
    without = render_png(shown, off, basemap, META, map_base.region_names)
    with_sites = render_png(shown, on, basemap, META, map_base.region_names)
    assert not np.array_equal(pixels(without), pixels(with_sites))
    # The legend's facility rows are drawn: the PNG's text search via matplotlib is not
    # possible, so compare the legend corner (bottom right), where only the legend differs.
    corner = (slice(600, 900), slice(1250, 1600))
    assert not np.array_equal(pixels(without)[corner], pixels(with_sites)[corner])


def test_facilities_command_writes_the_table_of_a_view(tmp_path: Path, bundled: Dataset) -> None:
    out = tmp_path / "sites.csv"
    run = run_cli(
        "facilities", "--state", "?from=2025-08-01&to=2025-12-31&side=ukraine&site=x-y",
        "--out", str(out),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "'site=x-y' ignored: no such facility in the catalogue" in run.stderr
    assert "Russian refining capacity struck at least once:" in run.stdout
    table = pd.read_csv(out)
    window = bundled.incidents.query(
        "attacker == 'ukraine' and date >= '2025-08-01' and date <= '2025-12-31'"
    )
    counts = window["facility_id"].astype(str).value_counts().drop("")
    assert dict(zip(table["facility_id"], table["strikes"], strict=True)) == counts.to_dict()
