"""Serve the dashboard from N processes behind nginx: ``make serve WORKERS=N PORT=P``.

Starts N ``streamlit run`` workers on loopback ports P+1 … P+N, waits until each
answers its health check, writes an nginx configuration from
``deploy/nginx.conf.template`` (sticky sessions, websocket upgrade, passive health
checks, static files served once from disk) and runs Debian's nginx on port P in the
foreground. While it runs, a worker that stops answering its health check is
restarted. Ctrl-C (or SIGTERM) stops nginx and every worker.

``--upstream HOST:PORT`` (repeatable) adds workers running on other machines to the
same upstream list; ``--config-only`` writes the configuration and exits.
"""

from __future__ import annotations

import argparse
import grp
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import streamlit

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
RUN_DIR = ROOT / ".serve"
HEALTH_EVERY_S = 5.0
#: A restarted worker gets this long to start before its health counts.
START_GRACE_S = 60.0


def render_config(port: int, upstreams: list[str], run_dir: Path, listen_host: str) -> str:
    """The nginx configuration for ``upstreams`` (``host:port`` each), listening on port."""
    servers = "\n".join(f"        server {u} max_fails=3 fail_timeout=10s;" for u in upstreams)
    frontend = Path(streamlit.__file__).parent / "static"
    return (
        TEMPLATE.read_text(encoding="utf-8")
        .replace("@USER@", worker_user())
        .replace("@RUN_DIR@", str(run_dir))
        .replace("@LISTEN@", f"{listen_host}:{port}")
        .replace("@UPSTREAMS@", servers)
        .replace("@STATIC_APP@", str(ROOT / "dashboard" / "static"))
        .replace("@STATIC_FRONTEND@", str(frontend))
    )


def worker_user() -> str:
    """nginx started as root serves files as the checkout's owner: its default user
    (nobody) cannot read a checkout in a private directory (``mktemp -d`` is 0700)."""
    if os.geteuid() != 0:
        return ""  # nginx runs as whoever started it
    owner = ROOT.stat()
    return f"user {pwd.getpwuid(owner.st_uid).pw_name} {grp.getgrgid(owner.st_gid).gr_name};"


def healthy(address: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(f"http://{address}/_stcore/health", timeout=timeout) as r:
            return r.status == 200
    except OSError:
        return False


def worker_command(port: int) -> list[str]:
    """The command line of one dashboard process on a loopback port."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "dashboard" / "app.py"),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
    ]


def start_worker(port: int, log_dir: Path) -> subprocess.Popen:
    log = (log_dir / f"worker-{port}.log").open("ab")
    return subprocess.Popen(worker_command(port), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)


def wait_healthy(addresses: list[str], deadline_s: float = 90.0) -> None:
    deadline = time.monotonic() + deadline_s
    waiting = list(addresses)
    while waiting and time.monotonic() < deadline:
        waiting = [a for a in waiting if not healthy(a)]
        if waiting:
            time.sleep(0.3)
    if waiting:
        raise SystemExit(f"workers not healthy after {deadline_s:.0f} s: {', '.join(waiting)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2, help="local dashboard processes")
    parser.add_argument("--port", type=int, default=8080, help="nginx listens here")
    parser.add_argument("--host", default="127.0.0.1", help="address nginx listens on")
    parser.add_argument("--upstream", action="append", default=[], help="another worker, HOST:PORT")
    parser.add_argument("--run-dir", type=Path, default=RUN_DIR)
    parser.add_argument("--nginx", default=shutil.which("nginx") or "/usr/sbin/nginx")
    parser.add_argument("--config-only", action="store_true", help="write nginx.conf, exit")
    args = parser.parse_args(argv)
    if args.workers < 0 or (args.workers == 0 and not args.upstream):
        parser.error("--workers must be at least 1 (or give --upstream)")

    run_dir = args.run_dir.resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    ports = [args.port + 1 + i for i in range(args.workers)]
    local = [f"127.0.0.1:{p}" for p in ports]
    config = run_dir / "nginx.conf"
    config.write_text(render_config(args.port, local + args.upstream, run_dir, args.host))
    if args.config_only:
        print(config)
        return 0
    if not Path(args.nginx).exists():
        raise SystemExit(f"nginx not found at {args.nginx} (Debian package 'nginx-light')")

    workers = {port: start_worker(port, run_dir) for port in ports}
    started = dict.fromkeys(ports, time.monotonic())
    nginx: subprocess.Popen | None = None

    def stop(*_: object) -> None:
        for process in [nginx, *workers.values()]:
            if process is not None and process.poll() is None:
                process.terminate()
        for process in [nginx, *workers.values()]:
            if process is not None:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    wait_healthy(local)
    nginx = subprocess.Popen([args.nginx, "-c", str(config), "-p", str(run_dir)])
    print(
        f"serving on http://{args.host}:{args.port} ({args.workers} local workers: "
        f"{', '.join(local)}{'; ' + ', '.join(args.upstream) if args.upstream else ''})",
        flush=True,
    )
    while nginx.poll() is None:
        time.sleep(HEALTH_EVERY_S)
        for port, process in list(workers.items()):
            settling = time.monotonic() - started[port] < START_GRACE_S
            if process.poll() is None and (settling or healthy(f"127.0.0.1:{port}")):
                continue
            print(f"worker {port} unhealthy: restarting", file=sys.stderr, flush=True)
            if process.poll() is None:
                process.kill()
            workers[port] = start_worker(port, run_dir)
            started[port] = time.monotonic()
    stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
