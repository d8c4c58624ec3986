"""Many viewers at once, with the load tool (bench/load.py): against one real server, and
through nginx in front of two workers (deploy/serve.py). Small loads that fail on any
error or disconnect; the full load run is a benchmark (README), not a test."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.support.servers import ARTIFACTS, ROOT, free_port, streamlit_server, wait_for

NGINX = os.environ.get("STRIKEMAP_NGINX", shutil.which("nginx") or "/usr/sbin/nginx")


def load(url: str, sessions: int, opens: int) -> dict:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--url", url,
         "--sessions", str(sessions), "--opens", str(opens), "--json"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    return json.loads(run.stdout)


def test_ten_viewers_at_once_all_get_their_page() -> None:
    with streamlit_server() as base:
        result = load(base, sessions=10, opens=2)
    assert (result["completed"], result["errors"], result["disconnects"]) == (20, 0, 0), result


@contextmanager
def proxy(workers: int) -> Iterator[str]:
    if not os.path.exists(NGINX):
        message = f"nginx not found at {NGINX} (Debian package 'nginx-light')"
        if os.environ.get("CI") == "true" or os.environ.get("STRIKEMAP_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    port = free_port()
    run_dir = ARTIFACTS.parent / f"serve-{port}"
    run_dir.mkdir(parents=True, exist_ok=True)
    log_path = run_dir / "serve.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "deploy" / "serve.py"), "--workers", str(workers),
             "--port", str(port), "--run-dir", str(run_dir), "--nginx", NGINX],
            cwd=ROOT, env={**os.environ, "STRIKEMAP_OFFLINE": "1"}, stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/healthz", "nginx with its workers", log_path, seconds=120)
            yield base
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=60)


def test_two_workers_behind_nginx_serve_viewers_and_static_files() -> None:
    with proxy(workers=2) as base:
        result = load(base, sessions=2, opens=2)
        with urllib.request.urlopen(f"{base}/app/static/vendor/leaflet/leaflet.js") as r:
            # The workers send no cache headers: these come from nginx's own location.
            from_disk = "max-age" in r.headers.get("Cache-Control", "") and r.headers["Expires"]
        with urllib.request.urlopen(f"{base}/") as r:
            sticky = "esm_worker=" in r.headers.get("Set-Cookie", "")
    assert (result["completed"], result["errors"], result["disconnects"]) == (4, 0, 0), result
    assert from_disk  # static files come from disk, once, not per worker
    assert sticky  # a browser keeps its worker for its page, websocket and uploads
