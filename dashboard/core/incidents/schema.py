"""The one incident schema: columns, vocabularies and row validation.

Every importer maps its source onto these columns and hands the raw strings to
:func:`validate`, which splits them into accepted rows (typed, normalised) and
rejected rows (original values plus a ``reason`` naming column and value).
Nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from dashboard.core.vocab import (
    AFFECTED_UNITS,
    CONFIDENCE,
    COUNTRIES,
    DATE_PRECISION,
    FACILITY_TYPES,
    LOCATION_PRECISION,
    SIDES,
    WAR_START,
    WEAPONS,
)

SOURCE_SEPARATOR = " | "

#: Columns of the native schema, in file order.
COLUMNS = (
    "id",
    "date",
    "date_precision",
    "attacker",
    "target_country",
    "settlement",
    "admin1",
    "admin1_iso",
    "latitude",
    "longitude",
    "location_precision",
    "facility_type",
    "facility_name",
    "weapon",
    "effects",
    "affected_count",
    "affected_unit",
    "wave_id",
    "confidence",
    "source_url",
    "source_outlet",
    "notes",
)
#: Columns an input file must have; every other column may be missing.
REQUIRED_COLUMNS = ("date", "facility_type")

_SIDE_ALIASES = {
    "ukraine": "ukraine",
    "ukrainian": "ukraine",
    "ua": "ukraine",
    "ukr": "ukraine",
    "україна": "ukraine",
    "украина": "ukraine",
    "russia": "russia",
    "russian": "russia",
    "ru": "russia",
    "rus": "russia",
    "росія": "russia",
    "россия": "russia",
    "unknown": "unknown",
    "": "unknown",
}
_COUNTRY_ALIASES = {
    "ua": "UA",
    "ukr": "UA",
    "ukraine": "UA",
    "ru": "RU",
    "rus": "RU",
    "russia": "RU",
    "russian federation": "RU",
    "by": "BY",
    "blr": "BY",
    "belarus": "BY",
    "md": "MD",
    "mda": "MD",
    "moldova": "MD",
}
#: How reports name the unit of a figure; unmapped words are rejected, never guessed.
_UNIT_ALIASES = {
    "": "",
    **{u: u for u in ("households", "customers", "residents", "people")},
    "household": "households",
    "homes": "households",
    "customer": "customers",
    "subscribers": "customers",
    "consumers": "customers",
    "абоненти": "customers",
    "абонентов": "customers",
    "абонентів": "customers",
    "споживачі": "customers",
    "споживачів": "customers",
    "домохозяйств": "households",
    "домогосподарств": "households",
    "жителей": "residents",
    "жителів": "residents",
    "мешканців": "residents",
    "людей": "people",
    "person": "people",
}
#: Patterns are strings, not compiled: pandas then runs them in Arrow (RE2, vectorised).
_DATE_RE = r"^\d{4}-\d{2}(-\d{2})?$"
#: White space spelled out: pandas hands a pattern with ``\s`` to Python's re, row by row.
_URL = r"https?://[^ \t\n\r\f\v<>\"'|;]+"
#: Separators between several sources in one cell: "|", ";" or white space before a link.
_SOURCE_SPLIT = r"\s*[|;]\s*|\s+(?=https?://)"
_URL_LIST = rf"(?i)^{_URL}(?: \| {_URL})*$"


def per_distinct(values: pd.Series, normalise: Callable[[str], str | float]) -> pd.Series:
    """``normalise`` applied once per distinct value (a vocabulary column of a million
    rows holds a handful), then spread back over the rows."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    mapped = np.asarray([normalise(str(u)) for u in uniques], dtype=object)
    return pd.Series(mapped[codes] if len(uniques) else [], index=values.index, dtype=object)


def _casefold(values: pd.Series) -> pd.Series:
    return per_distinct(values, str.casefold)


def _or(default: str) -> Callable[[pd.Series], pd.Series]:
    """Case-folded, with a blank cell read as ``default``."""
    return lambda values: per_distinct(values, lambda v: v.casefold() or default)


def _aliases(table: dict[str, str]) -> Callable[[pd.Series], pd.Series]:
    """Case-folded and mapped through ``table``; unknown values become NaN."""
    return lambda values: per_distinct(values, lambda v: table.get(v.casefold(), np.nan))


#: The closed-vocabulary columns: (column, normalise the raw text, allowed values,
#: what the message says was expected). Aliases map to codes; unmapped text is NaN.
_VOCABULARY_CHECKS: tuple[
    tuple[str, Callable[[pd.Series], pd.Series], tuple[str, ...], str], ...
] = (
    (
        "attacker",
        _aliases(_SIDE_ALIASES),
        SIDES,
        "a side (ukraine, russia or unknown)",
    ),
    (
        "target_country",
        _aliases({**_COUNTRY_ALIASES, "": ""}),
        ("", *COUNTRIES),
        f"one of {', '.join(COUNTRIES)}",
    ),
    ("facility_type", _casefold, FACILITY_TYPES, f"one of {', '.join(FACILITY_TYPES)}"),
    ("weapon", _or("unknown"), WEAPONS, f"one of {', '.join(WEAPONS)}"),
    ("confidence", _or("claimed"), CONFIDENCE, f"one of {', '.join(CONFIDENCE)}"),
    (
        "location_precision",
        _casefold,
        ("", *LOCATION_PRECISION),
        f"one of {', '.join(LOCATION_PRECISION)}",
    ),
    (
        "affected_unit",
        _aliases(_UNIT_ALIASES),
        ("", *AFFECTED_UNITS),
        f"one of {', '.join(AFFECTED_UNITS)}",
    ),
)


@dataclass(frozen=True)
class Validated:
    """Outcome of :func:`validate`: typed accepted rows and rejected raw rows."""

    accepted: pd.DataFrame
    rejected: pd.DataFrame


def split_sources(value: str) -> list[str]:
    """Split a multi-valued source cell ("a | b", "a; b" or whitespace for URLs)."""
    return [p for p in re.split(_SOURCE_SPLIT, value.strip()) if p]


def validate(raw: pd.DataFrame, *, row_numbers: np.ndarray | None = None) -> Validated:
    """Check raw string columns against the schema.

    ``raw`` holds strings (missing optional columns are added empty). ``row_numbers``
    are the rows' line numbers in their file (default: the header is line 1 and rows
    follow without gaps, as a spreadsheet shows them). Returns typed
    accepted rows and the rejected rows with their original values and ``reason``.
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(
            f"input has no column {', '.join(repr(m) for m in missing)}; "
            f"expected the columns {', '.join(COLUMNS)}"
        )
    original = raw  # rejected rows are selected from it, never modified
    # Strings stay in pandas' Arrow-backed dtype: a million rows fit in memory as text.
    original = original.set_axis(pd.RangeIndex(len(raw)))  # a new frame; raw is untouched
    frame = pd.DataFrame(
        {c: _clean(original[c]) if c in original else "" for c in COLUMNS}, index=original.index
    )

    errors: list[pd.Series] = []

    def check(column: str, bad: pd.Series, message: Callable[[str], str]) -> None:
        bad = bad.fillna(False).astype(bool)
        if bad.any():
            errors.append(frame.loc[bad, column].map(message))

    # id: fill blanks with the row number so every accepted row can be referred to.
    lines = np.arange(len(frame)) + 2 if row_numbers is None else np.asarray(row_numbers)
    row_numbers = pd.Series(lines, index=frame.index)
    blank_id = frame["id"] == ""
    frame.loc[blank_id, "id"] = "row-" + row_numbers[blank_id].astype(str)
    dup = frame["id"].duplicated(keep="first")
    check("id", dup, lambda v: f"column 'id': value {v!r} repeats an earlier row")

    dates = frame["date"]
    well_formed = dates.str.match(_DATE_RE)
    month_only = dates.str.len() == 7
    parsed = pd.to_datetime(
        dates.where(~month_only, dates + "-01"), format="%Y-%m-%d", errors="coerce"
    )
    bad_date = ~well_formed | parsed.isna()
    check(
        "date",
        bad_date,
        lambda v: f"column 'date': value {v!r} is not a date (expected YYYY-MM-DD)",
    )
    today = pd.Timestamp(date.today())
    # A month-precision date ("2022-02") is in the war if any day of that month is.
    last_day = parsed.where(~month_only, parsed + pd.offsets.MonthEnd(0))
    out_of_war = ~bad_date & ((last_day < pd.Timestamp(WAR_START)) | (parsed > today))
    check(
        "date",
        out_of_war,
        lambda v: (
            f"column 'date': value {v!r} is outside the war ({WAR_START.isoformat()} to today)"
        ),
    )
    precision = _casefold(frame["date_precision"])
    precision = precision.where(precision != "", np.where(month_only, "month", "day"))
    check(
        "date_precision",
        ~precision.isin(DATE_PRECISION),
        lambda v: f"column 'date_precision': value {v!r} is not one of {', '.join(DATE_PRECISION)}",
    )
    coded = {"date_precision": precision}
    for column, normalise, allowed, expected in _VOCABULARY_CHECKS:
        coded[column] = normalise(frame[column])
        check(
            column,
            ~coded[column].isin(allowed),
            lambda v, c=column, e=expected: f"column {c!r}: value {v!r} is not {e}",
        )

    lat = _numbers(frame["latitude"])
    lon = _numbers(frame["longitude"])
    for column, values, low, high in (("latitude", lat, -90, 90), ("longitude", lon, -180, 180)):
        given = frame[column] != ""
        bad = given & (values.isna() | (values < low) | (values > high))
        check(
            column,
            bad,
            lambda v, c=column, lo=low, hi=high: (
                f"column {c!r}: value {v!r} is not a number from {lo} to {hi}"
            ),
        )
    half = (frame["latitude"] == "") != (frame["longitude"] == "")
    check(
        "latitude", half, lambda v: "columns 'latitude'/'longitude': only one of the two is given"
    )

    given = frame["affected_count"] != ""
    # Thousands separators as people type them: "20,000", "20 000", "20_000".
    count = _numbers(frame["affected_count"].str.replace("[, \t\u00a0_]", "", regex=True))
    check(
        "affected_count",
        given & (count.isna() | (count < 0) | (count % 1 != 0)),
        lambda v: f"column 'affected_count': value {v!r} is not a whole number ≥ 0",
    )
    check(
        "affected_count",
        given & (coded["affected_unit"] == ""),
        lambda v: (
            f"column 'affected_count': value {v!r} has no unit in 'affected_unit' "
            f"(one of {', '.join(AFFECTED_UNITS)})"
        ),
    )
    check(
        "affected_unit",
        ~given & (coded["affected_unit"] != ""),
        lambda v: f"column 'affected_unit': value {v!r} is given without an 'affected_count'",
    )
    check(
        "wave_id",
        frame["wave_id"].str.len() > 64,
        lambda v: f"column 'wave_id': value {v[:64]!r}… is longer than 64 characters",
    )

    urls = frame["source_url"]
    # Most cells are already "link | link": only the others are rewritten (in Python).
    irregular = (urls != "") & ~urls.str.match(_URL_LIST)
    if irregular.any():
        urls = urls.copy()
        urls[irregular] = (
            urls[irregular]
            .astype(object)
            .str.replace(_SOURCE_SPLIT, SOURCE_SEPARATOR, regex=True)
            .str.replace(r"(?: \| )+", SOURCE_SEPARATOR, regex=True)
            .str.strip(" |")
        )
    bad_url = irregular & ((urls != "") & ~urls.str.match(_URL_LIST))
    check(
        "source_url",
        bad_url,
        lambda v: f"column 'source_url': value {v!r} is not a list of http(s) links",
    )
    no_source = (frame["source_url"] == "") & (frame["source_outlet"] == "")
    check(
        "source_url", no_source, lambda v: "columns 'source_url'/'source_outlet': no source given"
    )

    reason = _join_errors(errors, frame.index)
    bad_rows = reason.notna()
    rejected = original.loc[bad_rows]
    rejected.insert(0, "row", row_numbers[bad_rows])
    rejected["reason"] = reason[bad_rows]

    good = frame.loc[~bad_rows] if bad_rows.any() else frame
    good["date"] = parsed[~bad_rows]
    for column, values in coded.items():
        good[column] = values[~bad_rows]
    good["latitude"] = lat[~bad_rows]
    good["longitude"] = lon[~bad_rows]
    good["affected_count"] = count[~bad_rows]
    good["source_url"] = urls[~bad_rows]
    good.insert(0, "row", row_numbers[~bad_rows])
    return Validated(accepted=_typed(good), rejected=rejected.reset_index(drop=True))


def _clean(values: pd.Series) -> pd.Series:
    """Text without NA or surrounding blanks; an already clean column is not copied."""
    text = values.astype("str")
    if text.hasnans:
        text = text.fillna("")
    stripped = text.str.strip()  # in Arrow; kept only when it changed something
    return stripped if (stripped.str.len() != text.str.len()).any() else text


def _numbers(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values.where(values != ""), errors="coerce")


def _join_errors(errors: list[pd.Series], index: pd.Index) -> pd.Series:
    """One reason per row; only rows with errors are visited (most rows have none)."""
    reason = pd.Series(None, index=index, dtype=object)
    if errors:
        table = pd.concat(errors, axis=1)
        joined = table.apply(lambda row: "; ".join(row.dropna()), axis=1)
        reason.loc[joined.index] = joined
    return reason


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Give accepted rows their dtypes: categories for vocabularies, floats, ints."""
    out = frame  # copy-on-write: assigning columns below does not touch the caller's
    out["date"] = pd.to_datetime(out["date"])
    for column, values in (
        ("attacker", SIDES),
        ("facility_type", FACILITY_TYPES),
        ("weapon", WEAPONS),
        ("confidence", CONFIDENCE),
        ("affected_unit", ("", *AFFECTED_UNITS)),
    ):
        out[column] = pd.Categorical(out[column], categories=values)
    for column in ("latitude", "longitude"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
    out["affected_count"] = pd.to_numeric(out["affected_count"], errors="coerce").astype("Int64")
    return out.reset_index(drop=True)
