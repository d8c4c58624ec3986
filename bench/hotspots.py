"""Where one benchmark step spends its time: cProfile of validate, join, map or the whole
import on n rows.

    python bench/hotspots.py --n 100000 --step join
    python bench/hotspots.py --n 1000000 --step ingest --top 20

Prints the top functions by own time and by cumulative time. The data and the
view are the benchmark's (same seed, same filter change), warmed the same way.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from collections.abc import Callable, Sequence

import measure

from dashboard.core.dataset import with_region_names
from dashboard.core.incidents import schema
from dashboard.core.ingest import ingest_bytes
from dashboard.core.join.place import place_incidents
from dashboard.core.view import filters

STEPS = ("validate", "join", "map", "ingest")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="synthetic incidents")
    parser.add_argument("--step", choices=STEPS, default="join")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=15, help="functions to list per ordering")
    args = parser.parse_args(argv)

    fixture = measure.Fixture.load()
    raw = fixture.raw(args.n, args.seed)
    warm = measure.placed_incidents(fixture, raw.head(measure.WARM_UP_ROWS))
    measure.render_map(warm, measure.FILTER_STATE, fixture.base)

    step: Callable[[], object]
    if args.step == "ingest":
        data = raw.to_csv(index=False).encode("utf-8")

        def step() -> object:
            return ingest_bytes(data, fixture.geo, max_bytes=None)
    elif args.step == "validate":

        def step() -> object:
            return schema.validate(raw)
    else:
        accepted = schema.validate(raw).accepted
        if args.step == "join":

            def step() -> object:
                return place_incidents(accepted, fixture.geo)
        else:
            placed = with_region_names(place_incidents(accepted, fixture.geo).placed, fixture.geo)
            shown = filters.apply(placed, measure.FILTER_STATE)

            def step() -> object:
                return measure.render_map(shown, measure.FILTER_STATE, fixture.base)

    profiler = cProfile.Profile()
    profiler.runcall(step)
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    for order in ("tottime", "cumulative"):
        print(f"\n=== {args.step}, n={args.n:,}: top {args.top} by {order} ===")
        stats.sort_stats(order).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
