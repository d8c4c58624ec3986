"""Many viewers opening share links at once, over Streamlit's own websocket protocol.

Each virtual viewer opens links one after another; every open is a new websocket
session (as a new browser tab is) that asks for one run of the page with the link's
query string and waits for the run to finish. The links mix ordinary views with
hostile ones. The tool reports runs completed, errors (an exception shown on the
page, or a run that did not finish successfully), disconnects, the median and 95th
percentile time from request to finished run, and the server's resident memory
when given its process id. Every request goes to the URL given (loopback).

    .venv/bin/python bench/load.py --url http://127.0.0.1:8501 --sessions 30 --opens 5
    .venv/bin/python bench/load.py --sessions 100 --opens 3 --pid 12345 --json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

#: Share links as readers receive them: filters, map positions, selections, and links
#: someone tampered with.
LINKS = (
    "",
    "from=2025-10-01&to=2025-11-30&side=ukraine&region=RU-BEL",
    "side=russia&facility=substation&facility=chp",
    "from=2024-03-01&to=2024-04-30&side=russia",
    "region=UA-63&region=UA-53&layer=incidents&layer=heat",
    "lat=50.6000&lon=36.6000&zoom=8&basemap=osm",
    "country=RU&facility=refinery&measure=customers",
    "incident=INC141",
    "from=2022-02-24&to=2022-12-31&confidence=confirmed",
    "side=[Log in again](https://evil.example/x)&zoom=banana",
    "region=![x](https://evil.example/p.png)&from=yesterday",
    "facility=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&colour=red",
)
FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY


@dataclass
class Results:
    sessions: int
    opens: int
    completed: int = 0
    errors: int = 0
    disconnects: int = 0
    timings: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def summary(self, rss_mb: float | None, wall_s: float) -> dict:
        ordered = sorted(self.timings)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)] if ordered else None
        return {
            "sessions": self.sessions,
            "opens_per_session": self.opens,
            "requested": self.sessions * self.opens,
            "completed": self.completed,
            "errors": self.errors,
            "disconnects": self.disconnects,
            "median_s": round(statistics.median(ordered), 3) if ordered else None,
            "p95_s": round(p95, 3) if p95 is not None else None,
            "runs_per_s": round(self.completed / wall_s, 2) if wall_s else None,
            "wall_s": round(wall_s, 1),
            "server_rss_mb": rss_mb,
            "problems": self.problems[:10],
        }


def stream_url(url: str) -> str:
    parts = urlsplit(url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"


async def open_link(url: str, query: str, timeout: float) -> tuple[float, str | None]:
    """One new session, one run of the page for ``query``: (seconds, problem or None)."""
    request = BackMsg()
    request.rerun_script.query_string = query
    started = time.perf_counter()
    async with websockets.connect(
        stream_url(url), subprotocols=["streamlit"], max_size=None, open_timeout=timeout
    ) as socket:
        await socket.send(request.SerializeToString())
        problem = None
        while True:
            remaining = timeout - (time.perf_counter() - started)
            if remaining <= 0:
                return time.perf_counter() - started, f"no finished run within {timeout:g} s"
            message = ForwardMsg()
            message.ParseFromString(await asyncio.wait_for(socket.recv(), remaining))
            kind = message.WhichOneof("type")
            if kind == "delta" and message.delta.new_element.WhichOneof("type") == "exception":
                problem = f"exception on the page: {message.delta.new_element.exception.type}"
            if kind == "script_finished":
                if message.script_finished != FINISHED:
                    problem = f"run ended with status {message.script_finished}"
                return time.perf_counter() - started, problem


async def viewer(url: str, opens: int, timeout: float, rng: random.Random, out: Results) -> None:
    for _ in range(opens):
        query = rng.choice(LINKS)
        try:
            seconds, problem = await open_link(url, query, timeout)
        except (TimeoutError, websockets.ConnectionClosed, OSError) as error:
            out.disconnects += 1
            out.problems.append(f"{query or '(no query)'}: {type(error).__name__}: {error}")
            continue
        if problem:
            out.errors += 1
            out.problems.append(f"{query or '(no query)'}: {problem}")
        else:
            out.completed += 1
            out.timings.append(seconds)


async def run(url: str, sessions: int, opens: int, timeout: float, seed: int) -> Results:
    out = Results(sessions, opens)
    rng = random.Random(seed)
    await asyncio.gather(
        *(viewer(url, opens, timeout, random.Random(rng.random()), out) for _ in range(sessions))
    )
    return out


def rss_mb(pid: int | None) -> float | None:
    """Resident memory of the server process and its children (Linux /proc)."""
    if pid is None:
        return None
    total = 0
    for proc in [pid, *_children(pid)]:
        status = Path(f"/proc/{proc}/status")
        if status.exists():
            for line in status.read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
    return round(total / 1024, 1)


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8501", help="the dashboard")
    parser.add_argument("--sessions", type=int, default=10, help="viewers at once")
    parser.add_argument("--opens", type=int, default=3, help="links each viewer opens")
    parser.add_argument("--timeout", type=float, default=50.0, help="seconds per open")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pid", type=int, help="server process id, for its memory")
    parser.add_argument(
        "--settle",
        type=float,
        default=0.0,
        help="seconds to wait after the run before reading the server's memory (closed "
        "sessions are dropped after server.disconnectedSessionTTL)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON line on stdout")
    args = parser.parse_args(argv)
    host = urlsplit(args.url).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        parser.error(f"--url {args.url!r}: the load tool only talks to this machine")
    started = time.perf_counter()
    results = asyncio.run(run(args.url, args.sessions, args.opens, args.timeout, args.seed))
    wall = time.perf_counter() - started
    time.sleep(args.settle)
    summary = results.summary(rss_mb(args.pid), wall)
    if args.json:
        print(json.dumps(summary))
    else:
        for key, value in summary.items():
            print(f"{key:>18}: {value}", file=sys.stdout)
    return 0 if results.errors == 0 and results.disconnects == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
