"""Command line: ``python -m dashboard ingest|...`` (no Streamlit imported here)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from dashboard.core.dataset import WAVES_FILE, Dataset, load_bundled, load_geography, write_parquet
from dashboard.core.exports.gif import TooManyFrames
from dashboard.core.exports.snapshot import FORMATS, ExportContext, snapshot
from dashboard.core.extract.article import (
    STRIKE,
    Suggestion,
    claims_frame,
    to_json,
    with_named_sites,
)
from dashboard.core.extract.batch import (
    FileResult,
    files_in,
    merge,
    read_path,
    strikes_frame,
)
from dashboard.core.geo import files as geofiles
from dashboard.core.incidents import waves as waves_module
from dashboard.core.incidents.tables import TableError, write_csv
from dashboard.core.ingest import FORMATS as INGEST_FORMATS
from dashboard.core.ingest import ingest_path, to_native_csv
from dashboard.core.join.place import Geography
from dashboard.core.maps.base import MapBase
from dashboard.core.view import filters
from dashboard.core.view.facilities import capacity_figures, facility_table
from dashboard.core.view.state import ViewState, decode, parse_query_string, share_link


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser(
        "ingest", help="check and place an incident file; every row goes to OUT or REJECTS"
    )
    ingest.add_argument("input", type=Path, help="CSV (native, ACLED or UCDP GED) or GeoJSON")
    ingest.add_argument(
        "--out",
        type=Path,
        required=True,
        help="accepted incidents: CSV, or .parquet (GeoParquet, for STRIKEMAP_INCIDENTS)",
    )
    ingest.add_argument("--rejects", type=Path, required=True, help="rejected rows (CSV)")
    ingest.add_argument(
        "--format",
        choices=INGEST_FORMATS,
        default="auto",
        dest="fmt",
        help="input format (default: detected from the header)",
    )
    extract = commands.add_parser(
        "extract",
        help="suggest incidents from news articles in English, Russian or Ukrainian: JSON on "
        "stdout, or with --out a CSV of strikes in the native schema for review and ingest",
    )
    extract.add_argument(
        "articles",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="article files (plain text, HTML pages saved from a browser, RSS/Atom feeds) or "
        "folders of them",
    )
    extract.add_argument(
        "--published",
        type=_iso_date,
        help="publication date YYYY-MM-DD for articles whose file gives none (else a "
        "'Published:' / 'Опубликовано:' line)",
    )
    extract.add_argument(
        "--out", type=Path, help="write the strikes here as CSV (native schema) instead of JSON"
    )
    extract.add_argument(
        "--claims",
        type=Path,
        help="with --out: where the interception claims go (default: OUT with .claims.csv)",
    )
    export = commands.add_parser("export", help="write a snapshot of a view (share link state)")
    export.add_argument("--state", default="", help="share URL or query string of the view")
    export.add_argument("--format", required=True, choices=sorted(FORMATS), dest="fmt")
    export.add_argument("--out", type=Path, required=True, help="file to write")
    sites = commands.add_parser(
        "facilities", help="write the Facilities table (strikes per site) of a view as CSV"
    )
    sites.add_argument("--state", default="", help="share URL or query string of the view")
    sites.add_argument("--out", type=Path, required=True, help="CSV file to write")
    args = parser.parse_args(argv)
    if args.command == "ingest":
        return _ingest(args)
    if args.command == "facilities":
        return _facilities(args)
    if args.command == "export":
        return _export(args)
    if args.command == "extract":
        return _extract(args)
    return 2  # pragma: no cover - argparse enforces the choices


def _ingest(args: argparse.Namespace) -> int:
    if not args.input.is_file():
        print(f"error: input file {str(args.input)!r} does not exist", file=sys.stderr)
        return 2
    try:
        result = ingest_path(args.input, load_geography(), fmt=args.fmt)
    except TableError as error:
        print(f"error: {args.input}: {error}", file=sys.stderr)
        return 2
    if args.out.suffix == ".parquet":
        write_parquet(result.accepted, args.out)
    else:
        write_csv(to_native_csv(result.accepted), args.out)
    write_csv(result.rejected, args.rejects)
    counts = result.counts
    print(
        f"{counts['input']} {result.source_format} rows read: "
        f"{counts['accepted']} incidents accepted -> {args.out} "
        f"({counts['merged']} duplicate reports merged into them), "
        f"{counts['rejected']} rejected -> {args.rejects}"
    )
    return 0


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from error


def _extract(args: argparse.Namespace) -> int:
    """Read every article, merge reports of the same strike, write JSON or CSV files."""
    if args.claims and not args.out:
        print("error: --claims needs --out", file=sys.stderr)
        return 2
    paths = files_in(args.articles)
    if not paths:
        print("error: no files to read in the folders given", file=sys.stderr)
        return 2
    geo = load_geography()
    waves = frozenset(waves_module.read_waves(WAVES_FILE)["wave_id"])
    found: list[Suggestion] = []
    failures: list[str] = []
    articles = 0
    for number, path in enumerate(paths, start=1):
        result = read_path(path, geo, args.published, waves)
        found += result.suggestions
        articles += result.read
        failures += result.errors
        if len(paths) > 1:
            _progress(number, len(paths), path, result)
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    if not articles:
        return 2
    merged = with_named_sites(merge(found), geo)
    if args.out is None:
        print(to_json(merged))
    else:
        claims_path = args.claims or args.out.with_suffix(".claims.csv")
        try:
            strikes_frame(merged).to_csv(args.out, index=False)
            claims_frame(merged).to_csv(claims_path, index=False)
        except OSError as error:
            print(f"error: cannot write {error.filename}: {error.strerror}", file=sys.stderr)
            return 2
        strikes = sum(s.kind == STRIKE for s in merged)
        print(
            f"{articles} articles read from {len(paths)} files: {len(found)} suggestions, "
            f"merged into {strikes} strikes -> {args.out} and {len(merged) - strikes} "
            f"interception claims -> {claims_path}"
        )
    if failures:
        print(f"{len(failures)} articles or files could not be read (above)", file=sys.stderr)
        return 1
    return 0


def _progress(number: int, total: int, path: Path, result: FileResult) -> None:
    """One line per file on stderr; on a terminal, one line rewritten in place."""
    strikes = sum(s.kind == STRIKE for s in result.suggestions)
    line = (
        f"[{number}/{total}] {path.name}: {strikes} strikes, "
        f"{len(result.suggestions) - strikes} interception claims"
    )
    if sys.stderr.isatty():
        end = "\n" if number == total else ""
        print(f"\r\033[K{line}", end=end, file=sys.stderr, flush=True)
    else:
        print(line, file=sys.stderr)


def _view(state_text: str) -> tuple[Geography, Dataset, ViewState]:
    """The bundled dataset and the view a share link names (ignored parts on stderr)."""
    geo = load_geography()
    dataset = load_bundled(geo)
    decoded = decode(
        parse_query_string(state_text), regions=geo.regions.codes, sites=geo.facilities.ids
    )
    for item in decoded.ignored:
        print(f"warning: {item}", file=sys.stderr)
    return geo, dataset, decoded.state


def _facilities(args: argparse.Namespace) -> int:
    geo, dataset, state = _view(args.state)
    shown = filters.apply(dataset.incidents, state)
    table = facility_table(shown, geo.facilities)
    try:
        table.to_csv(args.out, index=False, date_format="%Y-%m-%d")
    except OSError as error:
        print(f"error: cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    for figure in capacity_figures(shown, geo.facilities):
        print(figure.sentence())
    print(f"wrote {args.out} ({len(table):,} facilities struck in this view)")
    return 0


def _export(args: argparse.Namespace) -> int:
    geo, dataset, state = _view(args.state)
    context = ExportContext.build(
        MapBase.from_frames(geo.region_names, geofiles.places(), geo.facilities),
        geofiles.countries(),
        geo.admin1,
        dataset_version=dataset.version,
        dataset_latest=dataset.latest_label,
    )
    link = share_link(args.state if "://" in args.state else "", state)
    try:
        result = snapshot(args.fmt, filters.apply(dataset.incidents, state), state, context, link)
    except TooManyFrames as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        args.out.write_bytes(result.data)
    except OSError as error:
        print(f"error: cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({args.fmt}, {len(result.data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
