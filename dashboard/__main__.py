"""Command line: ``python -m dashboard ingest|...`` (no Streamlit imported here)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from dashboard.core.dataset import Dataset, load_bundled, load_geography, write_parquet
from dashboard.core.exports.snapshot import FORMATS, ExportContext, snapshot
from dashboard.core.extract.article import extract, to_json
from dashboard.core.geo import files as geofiles
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
        "extract", help="suggest incidents from a news article (JSON on stdout)"
    )
    extract.add_argument("article", type=Path, help="plain-text article")
    extract.add_argument(
        "--published", type=_iso_date, help="publication date YYYY-MM-DD (else a 'Published:' line)"
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
    try:
        text = args.article.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as error:
        print(f"error: cannot read {args.article}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        suggestions = extract(text, load_geography(), published=args.published)
    except ValueError as error:
        print(f"error: {args.article}: {error}", file=sys.stderr)
        return 2
    print(to_json(suggestions))
    return 0


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
    result = snapshot(args.fmt, filters.apply(dataset.incidents, state), state, context, link)
    try:
        args.out.write_bytes(result.data)
    except OSError as error:
        print(f"error: cannot write {args.out}: {error.strerror}", file=sys.stderr)
        return 2
    print(f"wrote {args.out} ({args.fmt}, {len(result.data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
