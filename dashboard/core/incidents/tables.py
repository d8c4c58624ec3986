"""Read delimited text files as they come: any common encoding, delimiter, ragged rows.

Everything is read as strings; typing is the schema's job. A row whose field
count differs from the header is not guessed at: it is returned separately with
its reason, so the caller can report it instead of silently shifting columns.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pandas as pd

MAX_BYTES = 50 * 1024 * 1024
DELIMITERS = (",", ";", "\t")


class TableError(ValueError):
    """The file cannot be read as a table at all (message says why)."""


@dataclass(frozen=True)
class RawTable:
    rows: pd.DataFrame  # strings, original header; column "row" = line number in the file
    ragged: pd.DataFrame  # rows whose field count is wrong: "row", "raw", "reason"
    encoding: str
    delimiter: str


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding: UTF-8 (with or without BOM), else Windows-1251."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), "cp1251"


def read_table(data: bytes, *, max_bytes: int = MAX_BYTES) -> RawTable:
    """Parse CSV bytes into string columns, keeping bad rows aside with a reason."""
    if len(data) > max_bytes:
        raise TableError(
            f"file is {len(data) / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB"
        )
    if b"\x00" in data[:4096]:
        raise TableError("file is binary, not a text table (found NUL bytes)")
    text, encoding = decode(data)
    if not text.strip():
        raise TableError("file is empty")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as error:
        raise TableError(f"header row cannot be read: {error}") from error
    if len(header) < 2 or not any(header):
        raise TableError(
            "first line is not a header of column names "
            f"(found {header[:3]!r}; expected a delimited list such as 'id,date,...')"
        )
    duplicates = {h for h in header if header.count(h) > 1 and h}
    if duplicates:
        raise TableError(f"header repeats column(s) {', '.join(sorted(duplicates))}")
    good: list[list[str]] = []
    numbers: list[int] = []
    ragged: list[tuple[int, str, str]] = []
    width = len(header)
    try:
        for record in reader:
            line = reader.line_num
            if not record or all(not field.strip() for field in record):
                continue
            if len(record) == width:
                good.append(record)
                numbers.append(line)
            else:
                ragged.append(
                    (
                        line,
                        delimiter.join(record),
                        f"row has {len(record)} fields but the header has {width}",
                    )
                )
    except csv.Error as error:
        raise TableError(f"line {reader.line_num}: {error}") from error
    rows = pd.DataFrame(good, columns=header, dtype=str)
    rows.insert(0, "row", pd.Series(numbers, dtype="int64"))
    return RawTable(
        rows=rows,
        ragged=pd.DataFrame(ragged, columns=["row", "raw", "reason"]),
        encoding=encoding,
        delimiter=delimiter,
    )


def sniff_delimiter(text: str) -> str:
    """The delimiter used in the header line (comma, semicolon or tab)."""
    first = text.lstrip("\ufeff").splitlines()[0] if text else ""
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","
