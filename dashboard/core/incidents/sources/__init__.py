"""Source adapters: declarative maps from other formats onto the one incident schema.

An adapter is a :class:`Adapter`: the columns that identify its format, a map of
native column <- source column, and derived columns computed (vectorised) from
the source frame. :func:`adapt` applies one and keeps rows it must refuse (for
example, events that are not about energy infrastructure) with their reason.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pandas as pd

Derive = Callable[[pd.DataFrame], pd.Series]


@dataclass(frozen=True)
class Adapter:
    name: str
    signature: frozenset[str]  # columns whose presence identifies the format
    fields: Mapping[str, str] = field(default_factory=dict)  # native <- source column
    derived: Mapping[str, Derive] = field(default_factory=dict)
    refusals: Callable[[pd.DataFrame], pd.Series] | None = None  # why a row is refused, or None
    origins: Mapping[str, str] = field(default_factory=dict)  # derived native <- source column
    uses: frozenset[str] = frozenset()  # every source column read; absent ones count as empty

    def matches(self, columns: set[str]) -> bool:
        return self.signature <= columns

    def source_columns(self) -> dict[str, str]:
        """Native column -> the input column it came from (for messages about rejected rows)."""
        return {**self.fields, **self.origins}


@dataclass(frozen=True)
class Adapted:
    native: pd.DataFrame  # native-schema strings, with "row" (input line number)
    refused: pd.DataFrame  # "row" and "reason" of rows the adapter refused


def adapt(raw: pd.DataFrame, adapter: Adapter) -> Adapted:
    """Map ``raw`` (strings, with a "row" column) onto native columns."""
    frame = raw.fillna("")
    for name in adapter.uses - set(frame.columns):
        frame[name] = ""
    native = pd.DataFrame({"row": frame["row"]})
    for target, source in adapter.fields.items():
        native[target] = frame.get(source, "")
    for target, derive in adapter.derived.items():
        native[target] = derive(frame).fillna("").astype(str)
    refused = pd.DataFrame({"row": pd.Series(dtype="int64"), "reason": pd.Series(dtype=str)})
    if adapter.refusals is not None:
        reasons = adapter.refusals(frame)
        bad = reasons.notna()
        refused = pd.DataFrame({"row": frame.loc[bad, "row"], "reason": reasons[bad]})
        native = native.loc[~bad]
    return Adapted(native=native.reset_index(drop=True), refused=refused.reset_index(drop=True))


def column(name: str) -> Derive:
    """A derived column that is just a source column (or empty when absent)."""
    return lambda frame: frame[name] if name in frame else pd.Series("", index=frame.index)


def text(frame: pd.DataFrame, *names: str) -> pd.Series:
    """Several source text columns joined, lower-cased, for keyword rules."""
    parts = [frame[n].astype(str) for n in names if n in frame]
    if not parts:
        return pd.Series("", index=frame.index)
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + " " + part
    return joined.str.lower()
