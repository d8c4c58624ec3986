"""Real servers for tests: the dashboard as users run it, on a free loopback port."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from deploy.serve import worker_command

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "browser"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, what: str, log_path: Path, seconds: float = 60) -> None:
    """Poll ``url`` until it answers 200, or fail naming the log to read."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"{what} did not start within {seconds:.0f} s (see {log_path})")


@contextmanager
def streamlit_server(**env: str) -> Iterator[str]:
    """The dashboard as users run it (offline mode plus ``env``) on a free loopback port."""
    port = free_port()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_path = ARTIFACTS.parent / f"streamlit-{port}.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            worker_command(port),
            cwd=ROOT,
            env={**os.environ, "STRIKEMAP_OFFLINE": "1", **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/_stcore/health", "streamlit", log_path)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=20)
