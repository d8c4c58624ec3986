"""Read delimited text files as they come: any common encoding, delimiter, ragged rows.

Everything is read as strings; typing is the schema's job. A row whose field
count differs from the header is not guessed at: it is returned separately with
its reason, so the caller can report it instead of silently shifting columns.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.api.types import is_bool_dtype, is_integer_dtype, is_object_dtype
from pyarrow import csv as pacsv

from dashboard.core.distinct import Distinct, arrow_text

MAX_BYTES = 50 * 1024 * 1024
#: Files from this size on try Arrow's reader first (below, the row reader is as fast).
FAST_READ_BYTES = 1 << 20
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


def read_table(data: bytes, *, max_bytes: int | None = MAX_BYTES) -> RawTable:
    """Parse CSV bytes into string columns, keeping bad rows aside with a reason.

    ``max_bytes`` bounds uploads; the command line reads files of any size (None).
    A large, regular UTF-8 file is parsed by Arrow's multithreaded CSV reader; any
    irregularity (another encoding, a ragged row, a line break inside a quoted field,
    a blank line) sends the file through the row-by-row reader, which reports each
    such row with its line number.
    """
    if max_bytes is not None and len(data) > max_bytes:
        raise TableError(
            f"file is {len(data) / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB"
        )
    if b"\x00" in data[:4096]:
        raise TableError("file is binary, not a text table (found NUL bytes)")
    fast = _read_regular(data) if len(data) >= FAST_READ_BYTES else None
    return fast if fast is not None else _read_rows(data)


def _read_regular(data: bytes) -> RawTable | None:
    """Arrow's reader for a regular UTF-8 file, or None when the file is not regular."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        first = body[: body.index(b"\n")].decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None
    delimiter = sniff_delimiter(first)
    names = next(csv.reader([first.rstrip("\r")], delimiter=delimiter))
    try:
        table = pacsv.read_csv(
            io.BytesIO(body),
            read_options=pacsv.ReadOptions(use_threads=True, block_size=16 << 20),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=False),
            # Every column as text, as written: no number or date guessing ("007" stays).
            # Large strings are what pandas' Arrow strings hold: no conversion afterwards.
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()),
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError):
        return None
    header = [h.strip() for h in table.column_names]
    # Line numbers follow from row order only when every line is one record.
    lines = body.count(b"\n") + (0 if body.endswith(b"\n") else 1)
    if table.num_rows != lines - 1 or len(set(header)) != len(header) or len(header) < 2:
        return None
    table = table.rename_columns(header)
    blank = pc.equal(table.column(0), "")
    for column in table.columns[1:]:
        blank = pc.and_(blank, pc.equal(column, ""))
    if pc.any(blank).as_py():
        return None  # blank records: the row reader skips them and keeps line numbers
    rows = table.to_pandas(types_mapper=lambda _: pd.StringDtype("pyarrow", na_value=np.nan))
    rows.insert(0, "row", pd.Series(np.arange(2, table.num_rows + 2), dtype="int64"))
    return RawTable(
        rows=rows,
        ragged=pd.DataFrame(columns=["row", "raw", "reason"]),
        encoding="utf-8",
        delimiter=delimiter,
    )


def _read_rows(data: bytes) -> RawTable:
    """The reference reader: any encoding, every irregular row reported by line."""
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


#: Rows turned into lines at a time when writing: a block's text, not the file's, in memory.
WRITE_BLOCK_ROWS = 100_000
#: What makes the csv module quote a field (as pandas writes, minimal quoting): the
#: delimiter, the quote or a character of the line terminator.
_QUOTED_CHARS = ',"' + os.linesep
_NEEDS_QUOTES = '[,"' + os.linesep.replace("\r", r"\r").replace("\n", r"\n") + "]"


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` exactly as ``frame.to_csv(path, index=False)`` does, byte for byte,
    with whole-column Arrow operations instead of the csv module's row loop (a million
    incidents in about a second rather than eight).

    Each column becomes quoted text once (numbers and categories once per distinct
    value), and rows are joined into lines a block at a time. A frame with a column of
    another kind (dates, say) or of one column only is left to pandas.
    """
    texts = [_csv_text(frame[name]) for name in frame.columns]
    if len(texts) < 2 or any(text is None for text in texts):
        frame.to_csv(path, index=False)
        return
    texts[-1] = pc.binary_join_element_wise(texts[-1], _text(""), _text(os.linesep))
    header = io.StringIO()
    csv.writer(header, lineterminator=os.linesep).writerow([str(c) for c in frame.columns])
    with Path(path).open("wb") as out:
        out.write(header.getvalue().encode("utf-8"))
        for start in range(0, len(frame), WRITE_BLOCK_ROWS):
            block = [text.slice(start, WRITE_BLOCK_ROWS) for text in texts]
            lines = pc.binary_join_element_wise(*block, _text(","))
            _, offsets, data = lines.buffers()  # the lines one after another, as bytes
            ends = np.frombuffer(offsets, dtype=np.int64)[[lines.offset, lines.offset + len(lines)]]
            out.write(data[ends[0] : ends[1]])


def _csv_text(column: pd.Series) -> pa.Array | None:
    """A column as the text pandas writes for it (missing values as "", quoted where the
    csv module quotes), or None for a kind of column this writer does not format."""
    dtype = column.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        categories = _csv_text(pd.Series(dtype.categories))
        if categories is None:
            return None
        codes = column.cat.codes.to_numpy()
        options = pa.concat_arrays([categories, pa.array([""], type=pa.large_string())])
        return options.take(pa.array(np.where(codes < 0, len(categories), codes)))
    if isinstance(dtype, pd.StringDtype):
        text = arrow_text(column)
        return _quoted(text.fill_null("") if text.null_count else text)
    if dtype == np.float64:
        # Bits, not values, tell distinct numbers apart: -0.0 is written as such.
        distinct = Distinct.of(pd.Series(column.to_numpy(dtype=np.float64).view(np.int64)))
        numbers = distinct.values.to_numpy(dtype=np.int64).view(np.float64)
        words = np.where(np.isnan(numbers), "", numbers.astype(str))
    elif is_integer_dtype(dtype) or is_bool_dtype(dtype) or _all_text(column):
        distinct = Distinct.of(column)
        words = ["" if pd.isna(value) else str(value) for value in distinct.values]
    elif is_object_dtype(dtype):  # mixed objects: 1 and True are equal keys, not equal text
        return _quoted(
            pa.array(["" if pd.isna(v) else str(v) for v in column], type=pa.large_string())
        )
    else:
        return None
    return _quoted(pa.array(words, type=pa.large_string())).take(pa.array(distinct.codes))


def _all_text(column: pd.Series) -> bool:
    return is_object_dtype(column.dtype) and pd.api.types.infer_dtype(column) == "string"


def _quoted(text: pa.Array) -> pa.Array:
    """Fields in quotes (inner quotes doubled) where the csv module quotes them. A column
    whose bytes hold none of those characters (most do not) is returned as it is: in
    UTF-8 they never occur inside another character."""
    data = np.frombuffer(text.buffers()[2] or b"", dtype=np.uint8)
    if not any((data == ord(char)).any() for char in _QUOTED_CHARS):
        return text
    needs = pc.match_substring_regex(text, _NEEDS_QUOTES)
    quote = _text('"')
    quoted = pc.binary_join_element_wise(
        quote, pc.replace_substring(text, '"', '""'), quote, _text("")
    )
    return pc.if_else(needs, quoted, text)


def _text(text: str) -> pa.Scalar:
    return pa.scalar(text, type=pa.large_string())
