"""The import pipeline: read -> adapt -> validate -> place -> merge duplicates -> link sites.

Every input row ends in exactly one of two frames: ``accepted`` (native schema,
placed; a merged record lists the ids it absorbed in ``merged_ids``) or
``rejected`` (the row's original values, its line number and a ``reason``
naming the column and value). The CLI, the upload page and the bundled dataset
all go through :func:`ingest_bytes`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.core.distinct import Distinct
from dashboard.core.incidents import schema
from dashboard.core.incidents.dedupe import merge_duplicates
from dashboard.core.incidents.sources import Adapter, acled, adapt, native, ucdp
from dashboard.core.incidents.sources.geojson import looks_like_json, read_geojson
from dashboard.core.incidents.tables import MAX_BYTES, RawTable, TableError, read_table
from dashboard.core.join.facility import LINK_COLUMNS, link_facilities
from dashboard.core.join.place import Geography, place_incidents

OUTPUT_COLUMNS = (*schema.COLUMNS, "place_note", "merged_ids", *LINK_COLUMNS)
ADAPTERS: dict[str, Adapter] = {
    "acled": acled.ADAPTER,
    "ucdp": ucdp.ADAPTER,
    "native": native.ADAPTER,
}
FORMATS = ("auto", *ADAPTERS)


@dataclass(frozen=True)
class IngestResult:
    accepted: pd.DataFrame  # typed native schema + place_note + merged_ids
    rejected: pd.DataFrame  # original columns + "row" + "reason"
    input_rows: int
    merged: int
    source_format: str

    @property
    def counts(self) -> dict[str, int]:
        return {
            "input": self.input_rows,
            "accepted": len(self.accepted),
            "rejected": len(self.rejected),
            "merged": self.merged,
        }


def detect_format(columns: set[str]) -> str:
    """The adapter whose signature columns the header has (most specific first)."""
    for name, adapter in ADAPTERS.items():
        if adapter.matches(columns):
            return name
    wanted = "; ".join(f"{n}: {', '.join(sorted(a.signature))}" for n, a in ADAPTERS.items())
    raise TableError(
        f"cannot tell the format from the header ({', '.join(sorted(columns)[:12])}); "
        f"each format needs these columns - {wanted}"
    )


def ingest_bytes(
    data: bytes, geo: Geography, *, fmt: str = "auto", max_bytes: int | None = MAX_BYTES
) -> IngestResult:
    """Run the whole pipeline on a file's bytes (CSV in any supported format, or GeoJSON).

    Raises :class:`TableError` when the file is not a table at all (unreadable,
    binary, too large, unknown header): then no row can be attributed. ``max_bytes``
    bounds uploads; None reads a file of any size (the command line).
    """
    _check_format(fmt)
    return ingest_table(_read(data, max_bytes), geo, fmt=fmt)


def ingest_frame(rows: pd.DataFrame, geo: Geography, *, fmt: str = "native") -> IngestResult:
    """Run the pipeline on rows already in memory (strings, one per column), such as
    incidents suggested from an article: line numbers count from 1."""
    table = RawTable(
        rows=rows.reset_index(drop=True).assign(row=range(1, len(rows) + 1)),
        ragged=pd.DataFrame(columns=["row", "raw", "reason"]),
        encoding="utf-8",
        delimiter=",",
    )
    return ingest_table(table, geo, fmt=fmt)


def ingest_table(table: RawTable, geo: Geography, *, fmt: str = "auto") -> IngestResult:
    """Adapt, validate, place and merge rows already read from a file.

    Each step's frames are let go once the next step has what it needs, so a large
    import holds little more than one copy of its rows at a time.
    """
    raw = table.rows
    name = detect_format(set(raw.columns)) if fmt == "auto" else fmt
    adapter = ADAPTERS[name]
    missing = adapter.signature - set(raw.columns)
    if missing:
        raise TableError(f"a {name} file needs the column(s) {', '.join(sorted(missing))}")
    adapted = adapt(raw, adapter)
    validated = schema.validate(
        adapted.native.drop(columns="row"), row_numbers=adapted.native["row"].to_numpy()
    )
    reasons = [
        (adapted.refused["row"], adapted.refused["reason"]),
        (validated.rejected["row"], _in_source_terms(validated.rejected["reason"], adapter)),
    ]
    del adapted
    placed = place_incidents(validated.accepted, geo)
    del validated
    reasons.append((placed.unplaced["row"], _in_source_terms(placed.unplaced["reason"], adapter)))
    rejected = _rejected(table, reasons)
    input_rows = len(raw) + len(table.ragged)
    # The file's rows are not needed once every rejected row has its original values (a
    # caller that hands the table over frees them here).
    del table, raw
    merged = merge_duplicates(placed.placed)
    del placed
    result = link_facilities(merged.incidents, geo.facilities)
    _name_blank_regions(result, geo.region_names)
    return IngestResult(
        accepted=result.drop(columns="row").reset_index(drop=True),
        rejected=rejected,
        input_rows=input_rows,
        merged=merged.merged,
        source_format=name,
    )


def ingest_path(
    path: Path, geo: Geography, *, fmt: str = "auto", max_bytes: int | None = None
) -> IngestResult:
    """A file on disk (the command line, the bundled data): any size by default.

    The file's bytes are let go once read, and its rows once placed: nothing here holds
    them (they are handed over, not kept in a variable).
    """
    _check_format(fmt)
    return ingest_table(_read(Path(path).read_bytes(), max_bytes), geo, fmt=fmt)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise TableError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")


def _read(data: bytes, max_bytes: int | None) -> RawTable:
    """CSV or GeoJSON bytes as a table of strings."""
    read = read_geojson if looks_like_json(data) else read_table
    return read(data, max_bytes=max_bytes)


def to_native_csv(accepted: pd.DataFrame) -> pd.DataFrame:
    """Accepted incidents as native-schema strings, ready to write or re-import."""
    out = accepted.reindex(columns=list(OUTPUT_COLUMNS)).copy()
    out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
    for column in ("latitude", "longitude"):
        out[column] = out[column].round(5)
    return out


def _in_source_terms(reasons: pd.Series, adapter: Adapter) -> pd.Series:
    """Name the input file's columns in messages ("column 'event_date'", not 'date')."""
    out = reasons.astype(str)
    for target, source in adapter.source_columns().items():
        if target != source:
            out = out.str.replace(f"column '{target}'", f"column '{source}'", regex=False)
    return out


def _rejected(table: RawTable, reasons: list[tuple[pd.Series, pd.Series]]) -> pd.DataFrame:
    """Every refused, rejected or unplaced row with its original values and reason, and
    the ragged rows, in file order, line number and reason first."""
    raw = table.rows
    positions = pd.Index(raw["row"])
    parts = [
        raw.take(positions.get_indexer(rows)).assign(reason=list(why))
        for rows, why in reasons
        if len(rows)
    ]
    rejected = pd.concat(
        parts + ([table.ragged] if len(table.ragged) else [])
        or [pd.DataFrame(columns=[*raw.columns, "reason"])],
        ignore_index=True,
    )
    rejected = rejected.sort_values("row", kind="stable").reset_index(drop=True)
    rest = [c for c in rejected.columns if c not in ("row", "reason")]
    return rejected[["row", "reason", *rest]]


def _name_blank_regions(incidents: pd.DataFrame, names: Mapping[str, str]) -> None:
    """A record that gave no region name gets its region's English name (looked up once
    per region)."""
    blank = (incidents["admin1"] == "").to_numpy(dtype=bool)
    if blank.any():
        regions = Distinct.of(incidents["admin1_iso"])
        named = pd.array(regions.values.map(names), dtype="str").take(regions.codes)
        incidents["admin1"] = incidents["admin1"].where(~blank, named)
