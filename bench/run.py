"""Benchmark the pipeline from raw rows to the HTML the browser gets, at growing sizes.

Run ``python bench/run.py`` (see ``bench/README.md``). Each size is measured in
its own fresh worker process (this script with ``--worker N``) so its peak
memory is its own; the parent only collects one JSON line from each and prints
a table, or the JSON lines with ``--json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

DEFAULT_SIZES = (1_000, 10_000, 100_000, 1_000_000)
BASELINE_N = 10_000
COLD_START_RUNS = 3
#: At and above this size the pipeline runs fewer times: it takes minutes.
LARGE = 1_000_000
RUNS_SMALL, RUNS_LARGE = 5, 3
#: Join-and-link runs from LARGE rows: their per-run ratio is issue #12's bar, and a
#: shared machine needs more than three runs for a steady median.
JOIN_RUNS_LARGE = 5
BASELINE_RUNS = 3

TABLE = (
    ("n", "{:>9,}"),
    ("read_s", "{:>8.3f}"),
    ("validate_s", "{:>10.3f}"),
    ("join_s", "{:>8.3f}"),
    ("link_s", "{:>8.3f}"),
    ("link_ratio", "{:>10.3f}"),
    ("filter_s", "{:>9.4f}"),
    ("map_build_s", "{:>11.3f}"),
    ("payload_bytes", "{:>13,}"),
    ("peak_rss_mb", "{:>11,.0f}"),
    ("placed", "{:>9,}"),
    ("shown", "{:>9,}"),
    ("ingest_s", "{:>9.2f}"),
    ("cli_s", "{:>6.2f}"),
)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.worker:
        return _work(args)
    out = _Output(as_json=args.json)
    for n in args.sizes:
        out.size(_in_worker(str(n), args))
    if not args.no_baseline:
        out.baseline(_in_worker("baseline", args, "--baseline-n", str(args.baseline_n)))
    if not args.no_cold_start:
        import measure  # only here: the parent must stay light to keep memory per worker

        out.cold_start(measure.measure_cold_start(args.cold_runs))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=DEFAULT_SIZES,
        help="comma-separated incident counts (default: 1000,10000,100000,1000000)",
    )
    parser.add_argument(
        "--repeat",
        type=_positive,
        default=None,
        help=f"timed runs per step (default {RUNS_SMALL}, or {RUNS_LARGE} from {LARGE:,} rows)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic data")
    parser.add_argument("--json", action="store_true", help="JSON lines on stdout, table on stderr")
    parser.add_argument("--no-baseline", action="store_true", help="skip the naive baseline")
    parser.add_argument("--baseline-n", type=_positive, default=BASELINE_N, help="baseline size")
    parser.add_argument("--no-cold-start", action="store_true", help="skip the cold start")
    parser.add_argument(
        "--cold-runs", type=_positive, default=COLD_START_RUNS, help="cold starts to take"
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    return parser


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError:
        sizes = ()
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a list of positive whole numbers (e.g. 1000,10000)"
        )
    return sizes


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _in_worker(what: str, args: argparse.Namespace, *extra: str) -> dict[str, object]:
    """Run one measurement in a fresh interpreter and return its JSON line."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", what]
    command += ["--seed", str(args.seed), *extra]
    if args.repeat:
        command += ["--repeat", str(args.repeat)]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise SystemExit(f"benchmark worker {what!r} failed with exit code {done.returncode}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _work(args: argparse.Namespace) -> int:
    import measure

    if args.worker == "baseline":
        runs = args.repeat or BASELINE_RUNS
        result = measure.measure_baseline(args.baseline_n, runs=runs, seed=args.seed)
    else:
        n = _positive(args.worker)
        runs = args.repeat or (RUNS_LARGE if n >= LARGE else RUNS_SMALL)
        join_runs = args.repeat or (JOIN_RUNS_LARGE if n >= LARGE else runs)
        result = measure.measure_size(n, runs=runs, join_runs=join_runs, seed=args.seed)
    print(json.dumps(result), flush=True)
    return 0


class _Output:
    """JSON lines for machines on stdout, or a table for people (stderr under ``--json``)."""

    def __init__(self, *, as_json: bool) -> None:
        self.as_json = as_json
        self.table = sys.stderr if as_json else sys.stdout
        self.header_done = False
        self.codes: set[object] = set()

    def _emit(self, record: dict[str, object]) -> None:
        if self.as_json:
            print(json.dumps(record), flush=True)
        code = record.get("code")
        if self.codes and code not in self.codes:
            print(
                f"warning: the code or data changed during this run (fingerprint {code} after "
                f"{', '.join(sorted(map(str, self.codes)))}): lines are not comparable",
                file=sys.stderr,
                flush=True,
            )
        self.codes.add(code)

    def _say(self, text: str) -> None:
        print(text, file=self.table, flush=True)

    def size(self, record: dict[str, object]) -> None:
        self._emit(record)
        if not self.header_done:
            self._say("  ".join(f"{name:>{len(fmt.format(0))}}" for name, fmt in TABLE))
            self.header_done = True
        self._say("  ".join(fmt.format(record[name]) for name, fmt in TABLE))

    def baseline(self, record: dict[str, object]) -> None:
        self._emit(record)
        self._say(
            f"\nbaseline, one folium CircleMarker + Popup per incident, n={record['n']:,}: "
            f"map_build_s {record['map_build_s']:.3f}, payload_bytes {record['payload_bytes']:,}"
            f"\n  same rows, one IncidentLayer (all layers, no filter): "
            f"map_build_s {record['layer_map_build_s']:.3f}, "
            f"payload_bytes {record['layer_payload_bytes']:,}"
        )

    def cold_start(self, record: dict[str, object]) -> None:
        self._emit(record)
        self._say(
            f"\ncold start to the first map on the bundled data: {record['cold_start_s']:.2f} s "
            f"(median of {record['runs']}, payload {record['bundled_payload_bytes']:,} bytes)"
        )


if __name__ == "__main__":
    sys.exit(main())
