"""Work once per distinct value, then spread the answer over the rows by integer codes.

A million-row import holds a few thousand places, dates and coordinates and a handful
of vocabulary words: checking, parsing or looking up each distinct value once and
indexing the answers by each row's code costs what the distinct values cost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

#: Combined codes stay below this, so that multiplying by a column's size cannot overflow.
_COMBINED_LIMIT = 1 << 31


@dataclass(frozen=True)
class Distinct:
    """A column as its distinct values (first-appearance order) and each row's code."""

    codes: np.ndarray  # per row: position in ``values``
    values: pd.Series  # the distinct values, in the column's own dtype (NaN is a value)

    @classmethod
    def of(cls, column: pd.Series) -> Distinct:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        return cls(codes=codes, values=pd.Series(uniques, dtype=column.dtype))

    def spread(self, per_value: pd.Series | np.ndarray) -> np.ndarray:
        """One answer per distinct value, as one per row."""
        return np.asarray(per_value)[self.codes]


def per_distinct(values: pd.Series, normalise: Callable[[str], str | float]) -> pd.Series:
    """``normalise`` applied once per distinct value (a vocabulary column of a million
    rows holds a handful), then spread back over the rows."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    mapped = np.asarray([normalise(str(u)) for u in uniques], dtype=object)
    return pd.Series(mapped[codes] if len(uniques) else [], index=values.index, dtype=object)


def combined_codes(*columns: pd.Series | np.ndarray) -> np.ndarray:
    """One integer per distinct combination of the columns' values (NaN is a value).

    Float columns are told apart by their bits, so -0.0 and 0.0 stay two values, as
    they are two values of the input.
    """
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        if column.dtype == np.float64:
            column = np.asarray(column, dtype=np.float64).view(np.int64)
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        if combined.max(initial=0) >= _COMBINED_LIMIT:
            combined = pd.factorize(combined)[0].astype(np.int64)  # keeps the numbers small
        combined = combined * max(len(uniques), 1) + codes
    return combined


def distinct_rows(*columns: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's code among the distinct combinations of the columns' values (first-
    appearance order), and each code's first row.

    The values are mixed into one 64-bit number per row and factorised once (floats by
    their bits, like :func:`combined_codes`); every row is then checked against its
    code's first row, and should two different rows ever mix to the same number, the
    exact combined codes are used instead. Cheaper than a factorisation per column.
    """
    if not len(columns[0]):
        return np.zeros(0, np.intp), np.zeros(0, np.intp)
    parts = [_bits(column) for column in columns]
    mixed = np.zeros(len(parts[0]), dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping is the mixing
        for part in parts:
            mixed = (mixed ^ part) * _MIX
    codes = pd.factorize(mixed)[0]
    first = _first_rows(codes)
    if not all(np.array_equal(part[first][codes], part) for part in parts):
        codes = pd.factorize(combined_codes(*columns))[0]
        first = _first_rows(codes)
    return codes, first


#: An odd 64-bit constant (the golden ratio's): multiplying by it spreads the bits.
_MIX = np.uint64(0x9E3779B97F4A7C15)


def _bits(column: np.ndarray) -> np.ndarray:
    column = np.asarray(column)
    if column.dtype.kind == "f":
        return column.astype(np.float64, copy=False).view(np.uint64)
    return column.astype(np.int64, copy=False).view(np.uint64)


def _first_rows(codes: np.ndarray) -> np.ndarray:
    """Where each code first appears (codes numbered in order of first appearance)."""
    seen = np.maximum.accumulate(codes)
    return np.flatnonzero(np.r_[True, seen[1:] > seen[:-1]])


def join_groups(values: pd.Series, groups: pd.Series, separator: str) -> pd.Series:
    """Per group (ascending), its values joined in their order, as text: one list per
    group, joined in Arrow (no string concatenation per row or call per group)."""
    groups = groups.to_numpy()
    order = np.argsort(groups, kind="stable")
    ordered = groups[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else order
    lists = pa.ListArray.from_arrays(
        pa.array(np.r_[starts, len(ordered)], type=pa.int32()),
        arrow_text(values).take(pa.array(order)),
    )
    joined = pc.binary_join(lists, pa.scalar(separator, type=pa.large_string()))
    return pd.Series(joined.to_numpy(zero_copy_only=False), index=ordered[starts], dtype=object)


def arrow_text(values: pd.Series) -> pa.Array:
    """A text column as one Arrow array (no copy when it already is Arrow text)."""
    text = pa.array(values.astype("str"))
    return text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text
