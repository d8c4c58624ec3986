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
