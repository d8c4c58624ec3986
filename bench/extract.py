"""Benchmark the batch extractor: N articles through ``python -m dashboard extract``.

Run ``python bench/extract.py [--articles 500] [--runs 3] [--json]`` (see
``bench/README.md``). The articles are the 54 test articles (``tests/fixtures/articles``
and ``articles_blind``, English, Russian and Ukrainian), each copy published a week
later than the one before and under its own address, so merging has work to do but
does not fold copies together. A third are plain-text files, a third HTML pages as a
browser saves them, a third items of RSS feeds (25 to a feed). The clock is the wall
time of the whole command, start-up included, as an analyst would wait for it.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "tests" / "fixtures" / "articles", ROOT / "tests" / "fixtures" / "articles_blind")
FEED_ITEMS = 25
sys.path.insert(0, str(ROOT))

from dashboard.core.extract.dates import find_published, is_published_line  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3, help="median of this many runs")
    parser.add_argument("--json", action="store_true", help="one JSON line on stdout")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = write_articles(Path(folder) / "articles", args.articles)
        out = Path(folder) / "suggestions.csv"
        times = [run(Path(folder) / "articles", out) for _ in range(args.runs)]
        strikes = sum(1 for _ in out.open(encoding="utf-8")) - 1
        claims = sum(1 for _ in out.with_suffix(".claims.csv").open(encoding="utf-8")) - 1
    result = {
        "articles": args.articles,
        "files": files,
        "seconds": round(statistics.median(times), 2),
        "runs": [round(t, 2) for t in times],
        "strike_rows": strikes,
        "claim_rows": claims,
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"{result['articles']} articles in {files} files: {result['seconds']} s "
            f"(median of {args.runs}: {result['runs']}), {strikes} strike rows, "
            f"{claims} interception-claim rows, {result['cpus']} CPUs"
        )
    return 0


def run(folder: Path, out: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "extract", str(folder), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"extract failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def write_articles(folder: Path, count: int) -> int:
    """``count`` articles as text files, saved pages and feeds; returns the file count."""
    folder.mkdir()
    originals = [
        (path.stem, path.read_text(encoding="utf-8"))
        for source in SOURCES
        for path in sorted(source.glob("*.txt"))
    ]
    items: list[str] = []
    files = 0
    for n in range(count):
        stem, text = originals[n % len(originals)]
        copy = n // len(originals)
        published = (find_published(text) or date.fromisoformat(stem[:10])) + timedelta(weeks=copy)
        body = "\n".join(line for line in text.splitlines() if not is_published_line(line))
        url = f"https://news.example/{copy}/{stem}"
        if n % 3 == 0:
            (folder / f"{n:04d}-{stem}.txt").write_text(
                f"Published: {published.isoformat()}\n{body}", encoding="utf-8"
            )
            files += 1
        elif n % 3 == 1:
            (folder / f"{n:04d}-{stem}.html").write_text(page(body, url, published), "utf-8")
            files += 1
        else:
            items.append(item(body, url, published))
        if len(items) == FEED_ITEMS or (items and n == count - 1):
            (folder / f"feed-{n:04d}.xml").write_text(feed(items), encoding="utf-8")
            items, files = [], files + 1
    return files


def page(body: str, url: str, published: date) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines() if line)
    return (
        f"<!DOCTYPE html>\n<!-- saved from url=(0{len(url)}){url} -->\n<html><head>"
        f'<meta charset="utf-8"><title>News</title>'
        f'<meta property="article:published_time" content="{published.isoformat()}T08:00:00Z">'
        f"<script>var ad = 1;</script></head><body><nav>Home · World · Energy</nav>"
        f"<article>{paragraphs}</article><footer>© News</footer></body></html>\n"
    )


def item(body: str, url: str, published: date) -> str:
    title, _, rest = body.strip().partition("\n")
    stamp = published.strftime("%a, %d %b %Y 08:00:00 +0000")
    description = html.escape("".join(f"<p>{line}</p>" for line in rest.splitlines() if line))
    return (
        f"<item><title>{html.escape(title)}</title><link>{url}</link>"
        f"<pubDate>{stamp}</pubDate><description>{description}</description></item>"
    )


def feed(items: list[str]) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>News feed</title>{''.join(items)}</channel></rss>\n"
    )


if __name__ == "__main__":
    sys.exit(main())
