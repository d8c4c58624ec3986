"""The measurements themselves: one function per benchmark line, run in a worker process.

Each measuring function expects a fresh process (``run.py`` starts one per size),
so ``peak_rss_mb`` belongs to that size alone. "Warm" means imports done, the
geography and map base built, and the pipeline run once on a small slice before
the clock starts; timings are medians over several runs.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from html import escape
from itertools import islice
from pathlib import Path
from typing import TypeVar

import folium
import pandas as pd
import pyarrow as pa
import synthetic

from dashboard.core.dataset import INCIDENTS_FILE, load_geography, with_region_names
from dashboard.core.geo import files as geofiles
from dashboard.core.incidents import schema
from dashboard.core.incidents.tables import read_table
from dashboard.core.ingest import ingest_path
from dashboard.core.join.facility import link_facilities
from dashboard.core.join.place import Geography, Placed, place_incidents
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.build import build_map
from dashboard.core.view import filters
from dashboard.core.view.state import ViewState
from dashboard.core.vocab import DEFAULT_VIEW, SIDE_COLOURS

#: The one filter change every size is measured with: Ukraine's strikes since 2024.
FILTER_STATE = ViewState(sides=("ukraine",), date_from=date(2024, 1, 1))
WARM_UP_ROWS = 1_000
COLD_START_CODE = """
from dashboard.core.geo import files as geofiles
from dashboard.core.dataset import load_bundled, load_geography
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.build import build_map
from dashboard.core.view.state import ViewState

geo = load_geography()
dataset = load_bundled(geo)
base = MapBase.from_frames(geo.region_names, geofiles.places(), geo.facilities)
html = build_map(dataset.incidents, ViewState(), base, offline=True).get_root().render()
print(len(html.encode("utf-8")))
"""

T = TypeVar("T")


@dataclass(frozen=True)
class Fixture:
    """What the app builds once at start-up and reuses for every rerun."""

    geo: Geography
    base: MapBase
    places: pd.DataFrame
    admin1: pd.DataFrame
    frequencies: synthetic.Frequencies

    @classmethod
    def load(cls) -> Fixture:
        admin1, places = geofiles.admin1(), geofiles.places()
        geo = load_geography()
        return cls(
            geo=geo,
            base=MapBase.from_frames(geo.region_names, places),
            places=places,
            admin1=admin1,
            frequencies=synthetic.Frequencies.from_file(),
        )

    def raw(self, n: int, seed: int) -> pd.DataFrame:
        return synthetic.incidents(
            n, self.places, self.admin1, seed=seed, frequencies=self.frequencies
        )


def code_fingerprint() -> str:
    """Short hash of the package modules this process imported and of the bundled data.

    Others edit the code while benchmarks run: two lines are comparable only when
    their fingerprints match. Call it after the measurement, once everything used
    has been imported.
    """
    files = sorted(
        Path(module.__file__)
        for name, module in list(sys.modules.items())
        if name.split(".")[0] == "dashboard" and getattr(module, "__file__", None)
    )
    digest = hashlib.sha256()
    for path in [*files, INCIDENTS_FILE]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def median_time(action: Callable[[], T], runs: int) -> tuple[float, T]:
    """Median wall time of ``runs`` calls, and the last call's result.

    The previous result is dropped before each call, so two results never share the
    peak memory the app itself would not have.
    """
    times = []
    result = None
    for _ in range(runs):
        result = None
        release_memory()
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def join_then_link(
    accepted: pd.DataFrame, geo: Geography, runs: int
) -> tuple[float, float, float, Placed]:
    """Median join and link times and the median of their ratio per run, and the last
    join. Each run times the join, then the link of what it placed: the two share the
    machine's load of the moment, so the ratio (issue #12's bar) is not a comparison
    of a quiet minute with a busy one."""
    joins, links, joined = [], [], None
    for _ in range(runs):
        joined = None
        release_memory()
        start = time.perf_counter()
        joined = place_incidents(accepted, geo)
        joins.append(time.perf_counter() - start)
        release_memory()
        start = time.perf_counter()
        link_facilities(joined.placed, geo.facilities)
        links.append(time.perf_counter() - start)
    ratio = statistics.median(link / join for join, link in zip(joins, links, strict=True))
    return statistics.median(joins), statistics.median(links), ratio, joined


def render_map(incidents: pd.DataFrame, state: ViewState, base: MapBase) -> str:
    """The HTML the browser receives for this view."""
    return build_map(incidents, state, base, offline=True).get_root().render()


def placed_incidents(fixture: Fixture, raw: pd.DataFrame) -> pd.DataFrame:
    """Raw rows through validate, join and region names: what the map page holds."""
    accepted = schema.validate(raw).accepted
    return with_region_names(place_incidents(accepted, fixture.geo).placed, fixture.geo)


def measure_size(n: int, *, runs: int, join_runs: int, seed: int) -> dict[str, object]:
    """The import of ``n`` synthetic incidents written as a CSV file; its steps one by one
    (read, validate, join, link), one filter change and the map; then the import on the
    command line, in a fresh process.

    The file is written by another process, and each step's input is let go once the
    next step has what it needs: ``peak_rss_mb`` is the pipeline's, not the generator's
    or the benchmark's bookkeeping.
    """
    fixture = Fixture.load()
    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "incidents.csv"
        generated = _in_child("generate", str(n), str(seed), str(csv))
        reset_peak_rss()  # the fixture's loading is not part of the measurement
        warm = placed_incidents(
            fixture, read_table(_head(csv, WARM_UP_ROWS)).rows.drop(columns="row")
        )
        render_map(filters.apply(warm, FILTER_STATE), FILTER_STATE, fixture.base)
        del warm
        # The command line's import of the file, first (a user's import follows nothing
        # but start-up): read, adapt, validate, join, merge duplicates, link sites.
        ingest_s = median_time(partial(ingest_path, csv, fixture.geo), 1)[0]

        release_memory()
        data = csv.read_bytes()
        read_s, table = median_time(partial(read_table, data, max_bytes=None), runs)
        del data
        # Validation sees what the import validates: the file's rows as read.
        rows, lines = table.rows.drop(columns="row"), table.rows["row"].to_numpy()
        del table
        validate_s, validated = median_time(partial(schema.validate, rows, row_numbers=lines), runs)
        del rows
        accepted, rejected = validated.accepted, len(validated.rejected)
        del validated
        join_s, link_s, link_ratio, joined = join_then_link(accepted, fixture.geo, join_runs)
        del accepted
        names_s, placed = median_time(partial(with_region_names, joined.placed, fixture.geo), runs)
        unplaced = len(joined.unplaced)
        del joined
        filter_s, filtered = median_time(partial(filters.apply, placed, FILTER_STATE), runs)
        map_s, html = median_time(partial(render_map, filtered, FILTER_STATE, fixture.base), runs)
        counts = {"placed": len(placed), "shown": len(filtered)}
        del placed, filtered
        start = time.perf_counter()
        cli = _in_child(
            "ingest", str(csv), "--out", f"{folder}/accepted.csv", "--rejects", f"{folder}/r.csv"
        )
        cli_s = time.perf_counter() - start
    return {
        "n": n,
        "join_s": round(join_s, 4),
        "link_s": round(link_s, 4),
        "link_ratio": round(link_ratio, 3),
        "filter_s": round(filter_s, 5),
        "map_build_s": round(map_s, 4),
        "payload_bytes": len(html.encode("utf-8")),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "generate_peak_rss_mb": generated["peak_rss_mb"],
        "read_s": round(read_s, 4),
        "validate_s": round(validate_s, 4),
        "ingest_s": round(ingest_s, 3),
        "cli_s": round(cli_s, 3),
        "cli_peak_rss_mb": cli["peak_rss_mb"],
        "region_names_s": round(names_s, 4),
        "generate_s": generated["generate_s"],
        "rejected": rejected,
        **counts,
        "unplaced": unplaced,
        "runs": runs,
        "join_runs": join_runs,
        "code": code_fingerprint(),
    }


def write_synthetic(n: int, seed: int, path: str) -> dict[str, float]:
    """Write ``n`` synthetic incidents as the CSV file a user would bring."""
    start = time.perf_counter()
    Fixture.load().raw(n, seed).to_csv(path, index=False)
    return {"generate_s": round(time.perf_counter() - start, 3)}


#: A fresh interpreter that writes the synthetic file or runs the command line with the
#: given arguments (importing what ``python -m dashboard`` imports, no more), then
#: reports its own peak memory as a JSON line on stderr.
CHILD_CODE = """
import json, sys
if sys.argv[1] == "generate":
    import measure
    report = measure.write_synthetic(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
else:
    from dashboard.__main__ import main
    report = {"exit": main(sys.argv[1:])}
try:
    with open("/proc/self/status") as status:
        hwm = [line for line in status if line.startswith("VmHWM:")][0]
    report["peak_rss_mb"] = round(int(hwm.split()[1]) / 1024, 1)
except OSError:
    import resource
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print(json.dumps(report), file=sys.stderr)
"""


def _in_child(*arguments: str) -> dict[str, float]:
    """Run :data:`CHILD_CODE` in a fresh process (its peak memory is its own)."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD_CODE, *arguments],
        cwd=Path(__file__).parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    if report.get("exit", 0) != 0:
        raise RuntimeError(f"{' '.join(arguments)} failed: {done.stderr}")
    return report


def _head(csv: Path, rows: int) -> bytes:
    """The header and the first ``rows`` lines of a file with one record per line."""
    with csv.open("rb") as file:
        return b"".join(islice(file, rows + 1))


def marker_per_incident_map(incidents: pd.DataFrame) -> folium.Map:
    """The naive map: one folium CircleMarker and Popup per incident, built in a loop."""
    fmap = folium.Map(location=DEFAULT_VIEW[:2], zoom_start=DEFAULT_VIEW[2])
    popups = [
        escape(f"{i}: {e}") for i, e in zip(incidents["id"], incidents["effects"], strict=True)
    ]
    for lat, lon, side, popup in zip(
        incidents["latitude"],
        incidents["longitude"],
        incidents["attacker"].astype(str),
        popups,
        strict=True,
    ):
        folium.CircleMarker(
            location=(lat, lon),
            radius=6,
            color="#ffffff",
            weight=1,
            fill=True,
            fill_color=SIDE_COLOURS.get(side, SIDE_COLOURS["unknown"]),
            fill_opacity=0.85,
            popup=folium.Popup(popup, max_width=380),
        ).add_to(fmap)
    return fmap


def measure_baseline(n: int, *, runs: int, seed: int) -> dict[str, object]:
    """The naive marker-per-incident map against the layer map, on the same ``n`` rows."""
    fixture = Fixture.load()
    placed = placed_incidents(fixture, fixture.raw(n + n // 10 + 10, seed)).head(n)
    if len(placed) < n:
        raise RuntimeError(f"only {len(placed)} of the {n} baseline incidents could be placed")
    everything = ViewState()
    render_map(placed.head(WARM_UP_ROWS), everything, fixture.base)
    marker_per_incident_map(placed.head(100)).get_root().render()

    naive_s, naive_html = median_time(
        lambda: marker_per_incident_map(placed).get_root().render(), runs
    )
    layer_s, layer_html = median_time(lambda: render_map(placed, everything, fixture.base), runs)
    return {
        "baseline": "marker_per_incident",
        "n": n,
        "map_build_s": round(naive_s, 4),
        "payload_bytes": len(naive_html.encode("utf-8")),
        "layer_map_build_s": round(layer_s, 4),
        "layer_payload_bytes": len(layer_html.encode("utf-8")),
        "runs": runs,
        "code": code_fingerprint(),
    }


def measure_cold_start(runs: int) -> dict[str, object]:
    """Wall time from ``python`` starting to the first rendered map on the bundled data."""
    times, payload = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", COLD_START_CODE],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parent,  # import the package the way the workers do
        )
        times.append(time.perf_counter() - start)
        payload = int(done.stdout.strip().splitlines()[-1])
    return {
        "cold_start_s": round(statistics.median(times), 3),
        "bundled_payload_bytes": payload,
        "runs": runs,
        "code": code_fingerprint(),
    }


def release_memory() -> None:
    """Hand freed memory back to the system: Arrow's allocator and C's heap keep what a
    step freed for themselves, out of the next step's reach, so one step's leftovers
    would count in the next one's peak."""
    gc.collect()
    pa.default_memory_pool().release_unused()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)  # glibc only


def peak_rss_mb() -> float:
    """This process's peak resident memory since the last :func:`reset_peak_rss`.

    Linux's VmHWM can be reset, unlike ``ru_maxrss``; elsewhere ``ru_maxrss`` is used.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> None:
    """Start a new peak: loading the fixture is not part of the measurement."""
    release_memory()
    clear_refs = Path("/proc/self/clear_refs")
    if clear_refs.exists():
        clear_refs.write_text("5")
