"""Command line: ``python -m dashboard ingest|...`` (no Streamlit imported here)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.core.dataset import load_geography
from dashboard.core.ingest import ingest_path, to_native_csv
from dashboard.core.tables import TableError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser(
        "ingest", help="check and place an incident file; every row goes to OUT or REJECTS"
    )
    ingest.add_argument("input", type=Path, help="CSV in the native schema")
    ingest.add_argument("--out", type=Path, required=True, help="accepted incidents (CSV)")
    ingest.add_argument("--rejects", type=Path, required=True, help="rejected rows (CSV)")
    args = parser.parse_args(argv)
    if args.command == "ingest":
        return _ingest(args)
    return 2  # pragma: no cover - argparse enforces the choices


def _ingest(args: argparse.Namespace) -> int:
    if not args.input.is_file():
        print(f"error: input file {str(args.input)!r} does not exist", file=sys.stderr)
        return 2
    try:
        result = ingest_path(args.input, load_geography())
    except TableError as error:
        print(f"error: {args.input}: {error}", file=sys.stderr)
        return 2
    to_native_csv(result.accepted).to_csv(args.out, index=False)
    result.rejected.to_csv(args.rejects, index=False)
    counts = result.counts
    print(
        f"{counts['input']} rows read: {counts['accepted']} accepted -> {args.out}, "
        f"{counts['rejected']} rejected -> {args.rejects}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
