"""The import pipeline: read -> validate against the schema -> place on the map.

Every input row ends in exactly one of two frames: ``accepted`` (native schema,
placed) or ``rejected`` (the row's original values, its line number and a
``reason`` naming the column and value). The CLI and the upload page both call
:func:`ingest_bytes`; the bundled dataset goes through the same door.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.core import schema
from dashboard.core.join import Geography, place_incidents
from dashboard.core.tables import RawTable, TableError, read_table

OUTPUT_COLUMNS = (*schema.COLUMNS, "place_note")


@dataclass(frozen=True)
class IngestResult:
    accepted: pd.DataFrame  # typed native schema + place_note
    rejected: pd.DataFrame  # original columns + "row" + "reason"
    input_rows: int

    @property
    def counts(self) -> dict[str, int]:
        return {
            "input": self.input_rows,
            "accepted": len(self.accepted),
            "rejected": len(self.rejected),
        }


def ingest_bytes(data: bytes, geo: Geography) -> IngestResult:
    """Run the whole pipeline on the bytes of a native-schema CSV file.

    Raises :class:`TableError` when the file is not a table at all (wrong header,
    binary, too large): then no row can be attributed and nothing is half-read.
    """
    return ingest_table(read_table(data), geo)


def ingest_table(table: RawTable, geo: Geography) -> IngestResult:
    """Validate and place rows already read from a file."""
    raw = table.rows
    try:
        validated = schema.validate(raw.drop(columns="row"), row_numbers=raw["row"].to_numpy())
    except ValueError as error:
        raise TableError(str(error)) from error
    accepted = validated.accepted
    placed = place_incidents(accepted, geo)
    region_names = geo.admin1.set_index("admin1_iso")["name_en"]
    result = placed.placed
    blank = result["admin1"] == ""
    result.loc[blank, "admin1"] = result.loc[blank, "admin1_iso"].map(region_names)

    rejected = [
        _originals(raw, validated.rejected["row"].to_numpy(), validated.rejected["reason"]),
        _originals(raw, placed.unplaced["row"].to_numpy(), placed.unplaced["reason"]),
    ]
    if len(table.ragged):
        rejected.append(table.ragged)
    rejected_frame = (
        pd.concat([r for r in rejected if len(r)], ignore_index=True)
        if any(len(r) for r in rejected)
        else pd.DataFrame(columns=[*raw.columns, "reason"])
    )
    rejected_frame = rejected_frame.sort_values("row", kind="stable").reset_index(drop=True)
    return IngestResult(
        accepted=result.drop(columns="row").reset_index(drop=True),
        rejected=rejected_frame,
        input_rows=len(raw) + len(table.ragged),
    )


def ingest_path(path: Path, geo: Geography) -> IngestResult:
    return ingest_bytes(Path(path).read_bytes(), geo)


def to_native_csv(accepted: pd.DataFrame) -> pd.DataFrame:
    """Accepted incidents as native-schema strings, ready to write or re-import."""
    out = accepted.reindex(columns=list(OUTPUT_COLUMNS)).copy()
    out["date"] = pd.to_datetime(out["date"]).dt.strftime("%Y-%m-%d")
    for column in ("latitude", "longitude"):
        out[column] = out[column].round(5)
    return out


def _originals(raw: pd.DataFrame, lines, reasons: pd.Series) -> pd.DataFrame:
    """The raw rows at the given file line numbers, with their reasons."""
    if len(lines) == 0:
        return pd.DataFrame(columns=[*raw.columns, "reason"])
    picked = raw.set_index("row", drop=False).loc[list(lines)].reset_index(drop=True)
    picked["reason"] = list(reasons)
    return picked
