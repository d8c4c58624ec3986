"""Attack waves: what belongs to a whole night of strikes, recorded once.

A night of strikes on many sites is one incident per site; the night's launch and
interception claims and its national outage figure belong to the night, not to any
one site. They live in ``data/waves.csv``, one record per wave, and each site's
incident names its wave in ``wave_id``, so that no total counts a night's figure
once per site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from dashboard.core.vocab import AFFECTED_UNITS, SIDES

COLUMNS = (
    "wave_id",
    "date",
    "attacker",
    "launched",
    "launched_unit",
    "intercepted",
    "claimed_by",
    "outage_count",
    "outage_unit",
    "source_url",
    "source_outlet",
    "notes",
)
LAUNCHED_UNITS = ("drones", "missiles", "drones_and_missiles")
_NUMBERS = ("launched", "intercepted", "outage_count")
_ID = re.compile(r"^W-\d{4}-\d{2}-\d{2}-(RU|UA)$")


def problems(waves: pd.DataFrame) -> list[str]:
    """Every way the waves table breaks its rules, naming the row and value ([] if none)."""
    found = []
    for line, row in zip(range(2, len(waves) + 2), waves.itertuples(index=False), strict=True):
        where = f"line {line} ({row.wave_id!r})"
        if not _ID.match(row.wave_id):
            found.append(f"{where}: wave_id is not W-YYYY-MM-DD-RU or -UA")
        elif row.wave_id[2:12] != row.date:
            found.append(f"{where}: wave_id does not carry its date {row.date!r}")
        if row.attacker not in SIDES:
            found.append(f"{where}: attacker {row.attacker!r} is not one of {', '.join(SIDES)}")
        for column in _NUMBERS:
            value = getattr(row, column)
            if value and not value.isdigit():
                found.append(f"{where}: {column} {value!r} is not a whole number")
        if row.launched_unit and row.launched_unit not in LAUNCHED_UNITS:
            found.append(f"{where}: launched_unit {row.launched_unit!r} is not a known unit")
        if row.outage_count and row.outage_unit not in AFFECTED_UNITS:
            found.append(f"{where}: outage_unit {row.outage_unit!r} is not one of the units")
        if not row.source_url.startswith("http"):
            found.append(f"{where}: no source link")
    duplicated = waves["wave_id"][waves["wave_id"].duplicated()]
    found += [f"wave_id {w!r} appears more than once" for w in duplicated]
    return found


def read_waves(path: Path) -> pd.DataFrame:
    """The waves file as text, every column present (as :func:`problems` checks it)."""
    waves = pd.read_csv(path, dtype=str, keep_default_na=False).reindex(columns=list(COLUMNS))
    return waves.fillna("")


def empty() -> pd.DataFrame:
    """No waves (a user's own incident file has none)."""
    return typed(pd.DataFrame({c: pd.Series(dtype=str) for c in COLUMNS}))


def load(path: Path) -> pd.DataFrame:
    """The waves file typed for display and sums; no waves when the file is absent."""
    return typed(read_waves(path)) if path.exists() else empty()


def typed(waves: pd.DataFrame) -> pd.DataFrame:
    """Dates and whole numbers as such."""
    out = waves.copy()
    out["date"] = pd.to_datetime(out["date"], errors="coerce")
    for column in _NUMBERS:
        out[column] = pd.to_numeric(out[column].where(out[column] != ""), errors="coerce").astype(
            "Int64"
        )
    return out
