"""Dates as exports write them ("22 March 2024", "2024-03-22", "22-March-2024", "3/22/2024")."""

from __future__ import annotations

import pandas as pd

_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S")


def parse_dates(values: pd.Series) -> pd.Series:
    """ISO ``YYYY-MM-DD`` strings; values no format reads are passed through unchanged,
    so the schema check reports them with their original text."""
    text = values.astype(str).str.strip()
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    for fmt in _FORMATS:
        missing = parsed.isna()
        if not missing.any():
            break
        parsed[missing] = pd.to_datetime(text[missing], format=fmt, errors="coerce")
    return parsed.dt.strftime("%Y-%m-%d").where(parsed.notna(), text)
