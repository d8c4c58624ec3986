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

from dashboard.core.distinct import Distinct, per_distinct
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
    affected_unit,
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
    "district",
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
#: Patterns are strings, not compiled: pandas then runs them in Arrow (RE2, vectorised).
_DATE_RE = r"^\d{4}-\d{2}(-\d{2})?$"
#: White space spelled out: pandas hands a pattern with ``\s`` to Python's re, row by row.
_URL = r"https?://[^ \t\n\r\f\v<>\"'|;]+"
#: Separators between several sources in one cell: "|", ";" or white space before a link.
_SOURCE_SPLIT = r"\s*[|;]\s*|\s+(?=https?://)"
_URL_LIST = rf"(?i)^{_URL}(?: \| {_URL})*$"


def _casefold(values: pd.Series) -> pd.Series:
    return per_distinct(values, str.casefold)


def _or(default: str) -> Callable[[pd.Series], pd.Series]:
    """Case-folded, with a blank cell read as ``default``."""
    return lambda values: per_distinct(values, lambda v: v.casefold() or default)


def _aliases(table: dict[str, str]) -> Callable[[pd.Series], pd.Series]:
    """Case-folded and mapped through ``table``; unknown values become NaN."""
    return lambda values: per_distinct(values, lambda v: table.get(v.casefold(), np.nan))


def _unit(values: pd.Series) -> pd.Series:
    """A unit as a file names it ("homes", "абонентів", "Residents"); blank stays blank,
    anything else is NaN (rejected with the expected values)."""
    return per_distinct(values, lambda v: (affected_unit(v) or np.nan) if v.strip() else "")


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
        _unit,
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

    Dates, coordinates, figures and vocabularies hold few distinct values in a large
    file: they are checked, parsed and coded once per distinct value, then spread over
    the rows by code.
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in raw.columns]
    if missing:
        raise ValueError(
            f"input has no column {', '.join(repr(m) for m in missing)}; "
            f"expected the columns {', '.join(COLUMNS)}"
        )
    original = raw.set_axis(pd.RangeIndex(len(raw)))  # a new frame; raw is untouched
    n = len(original)
    text = {c: _clean(original[c]) if c in original else _blank(n) for c in _TEXT_COLUMNS}
    values = {c: _distinct(original, c) for c in _DISTINCT_COLUMNS}
    errors = _Errors(n)

    # id: fill blanks with the row number so every accepted row can be referred to.
    lines = np.arange(n) + 2 if row_numbers is None else np.asarray(row_numbers)
    blank_id = (text["id"] == "").to_numpy(dtype=bool)
    if blank_id.any():
        text["id"] = text["id"].copy()
        text["id"][blank_id] = ("row-" + pd.Series(lines[blank_id]).astype(str)).to_numpy()
    errors.add(
        text["id"].duplicated(keep="first").to_numpy(dtype=bool),
        text["id"],
        lambda v: f"column 'id': value {v!r} repeats an earlier row",
    )
    day, month_only = _dates(values["date"], errors)
    coded = {"date_precision": _date_precision(values["date_precision"], month_only, errors)}
    for column, normalise, allowed, expected in _VOCABULARY_CHECKS:
        coded[column] = Distinct(values[column].codes, normalise(values[column].values))
        errors.add(
            ~coded[column].spread(_mask(coded[column].values.isin(allowed))),
            values[column],
            lambda v, c=column, e=expected: f"column {c!r}: value {v!r} is not {e}",
        )
    parsed = {"date": day, **_coordinates(values, errors)}
    parsed["affected_count"] = _counts(
        values["affected_count"], values["affected_unit"], coded["affected_unit"], errors
    )
    errors.add(
        (text["wave_id"].str.len() > 64).to_numpy(dtype=bool),
        text["wave_id"],
        lambda v: f"column 'wave_id': value {v[:64]!r}… is longer than 64 characters",
    )
    urls = _source_urls(text["source_url"], errors)
    errors.add(
        ((text["source_url"] == "") & (text["source_outlet"] == "")).to_numpy(dtype=bool),
        text["source_url"],
        lambda v: "columns 'source_url'/'source_outlet': no source given",
    )
    text["source_url"] = urls

    reason = errors.joined()
    bad = pd.notna(reason)
    # No rows is a slice: taking none from a column read in blocks still joins its blocks.
    rejected = original.take(np.flatnonzero(bad)) if bad.any() else original.iloc[:0]
    rejected.insert(0, "row", lines[bad])
    rejected["reason"] = pd.Series(reason[bad], index=rejected.index, dtype=object)
    good = np.flatnonzero(~bad) if bad.any() else None
    return Validated(
        accepted=_accepted(lines, text, parsed, coded, values, good),
        rejected=rejected.reset_index(drop=True),
    )


#: Columns accepted rows keep as (cleaned) text, checked row by row.
_TEXT_COLUMNS = (
    "id",
    "settlement",
    "district",
    "admin1",
    "admin1_iso",
    "effects",
    "wave_id",
    "source_url",
    "source_outlet",
    "notes",
)
#: Columns checked, parsed and coded once per distinct value.
_DISTINCT_COLUMNS = tuple(c for c in COLUMNS if c not in _TEXT_COLUMNS)
#: Free text of few distinct values, kept as categories: a million records name a few
#: tens of thousands of sites, and the facility link and the merge of duplicates work
#: per distinct name, taking the codes instead of coding the column again.
_CODED_TEXT = ("facility_name",)
#: Vocabulary columns stored as categories (the others stay plain text objects).
_CATEGORIES = {
    "attacker": SIDES,
    "facility_type": FACILITY_TYPES,
    "weapon": WEAPONS,
    "confidence": CONFIDENCE,
    "affected_unit": ("", *AFFECTED_UNITS),
}


class _Errors:
    """Failed checks in check order: the rows and their messages, each message written
    once per distinct value (a bad value repeated a million times is one f-string)."""

    def __init__(self, n: int) -> None:
        self._n = n
        self._found: list[tuple[np.ndarray, np.ndarray]] = []

    def add(
        self, bad: np.ndarray, values: pd.Series | Distinct, message: Callable[[str], str]
    ) -> None:
        """Record ``message(value)`` for the rows where ``bad`` is true."""
        rows = np.flatnonzero(bad)
        if not len(rows):
            return
        if isinstance(values, Distinct):
            used, codes = np.unique(values.codes[rows], return_inverse=True)
            words = values.values.iloc[used]
        else:
            subset = Distinct.of(values.iloc[rows])
            codes, words = subset.codes, subset.values
        texts = np.array([message(v) for v in words], dtype=object)
        self._found.append((rows, texts[codes]))

    def joined(self) -> np.ndarray:
        """One reason per row ("; " between a row's messages), None where all is well."""
        reason = np.full(self._n, None, dtype=object)
        for rows, texts in self._found:
            earlier = reason[rows]
            stated = pd.notna(earlier)
            texts = texts.copy()
            texts[stated] = earlier[stated] + "; " + texts[stated]
            reason[rows] = texts
        return reason


def _dates(dates: Distinct, errors: _Errors) -> tuple[pd.Series, np.ndarray]:
    """Each distinct date parsed (a month to its 1st day), and which rows give a month."""
    text = dates.values
    well_formed = text.str.match(_DATE_RE)
    month_only = text.str.len() == 7
    parsed = pd.to_datetime(
        text.where(~month_only, text + "-01"), format="%Y-%m-%d", errors="coerce"
    )
    bad_date = ~well_formed | parsed.isna()
    errors.add(
        dates.spread(_mask(bad_date)),
        dates,
        lambda v: f"column 'date': value {v!r} is not a date (expected YYYY-MM-DD)",
    )
    today = pd.Timestamp(date.today())
    # A month-precision date ("2022-02") is in the war if any day of that month is.
    last_day = parsed.where(~month_only, parsed + pd.offsets.MonthEnd(0))
    out_of_war = ~bad_date & ((last_day < pd.Timestamp(WAR_START)) | (parsed > today))
    errors.add(
        dates.spread(_mask(out_of_war)),
        dates,
        lambda v: (
            f"column 'date': value {v!r} is outside the war ({WAR_START.isoformat()} to today)"
        ),
    )
    return parsed, dates.spread(_mask(month_only))


def _date_precision(precision: Distinct, month_only: np.ndarray, errors: _Errors) -> Distinct:
    """The stated precision (case-folded), else "month" for a YYYY-MM date, else "day"."""
    folded = _casefold(precision.values).to_numpy(dtype=object)
    options = np.array([*folded, "day", "month"], dtype=object)
    codes = precision.codes.copy()
    blank = precision.spread(folded == "")
    codes[blank] = len(folded) + month_only[blank]
    valid = pd.Series(options, dtype=object).isin(DATE_PRECISION).to_numpy(dtype=bool)
    errors.add(
        ~valid[codes],
        precision,
        lambda v: f"column 'date_precision': value {v!r} is not one of {', '.join(DATE_PRECISION)}",
    )
    return Distinct(codes, pd.Series(options, dtype=object))


def _coordinates(values: dict[str, Distinct], errors: _Errors) -> dict[str, pd.Series]:
    """Latitude and longitude per distinct value: numbers in range, both or neither."""
    numbers, stated = {}, {}
    for column, low, high in (("latitude", -90, 90), ("longitude", -180, 180)):
        distinct = values[column]
        number = _numbers(distinct.values)
        given = distinct.values != ""
        errors.add(
            distinct.spread(_mask(given & (number.isna() | (number < low) | (number > high)))),
            distinct,
            lambda v, c=column, lo=low, hi=high: (
                f"column {c!r}: value {v!r} is not a number from {lo} to {hi}"
            ),
        )
        numbers[column], stated[column] = number, distinct.spread(_mask(given))
    errors.add(
        stated["latitude"] != stated["longitude"],
        values["latitude"],
        lambda v: "columns 'latitude'/'longitude': only one of the two is given",
    )
    return numbers


def _counts(counts: Distinct, units: Distinct, unit_codes: Distinct, errors: _Errors) -> pd.Series:
    """Each distinct figure as a number; a figure needs a unit and a unit a figure
    (``units`` as written, ``unit_codes`` as normalised)."""
    given = counts.values != ""
    # Thousands separators as people type them: "20,000", "20 000", "20_000".
    number = _numbers(counts.values.str.replace("[, \t\u00a0_]", "", regex=True))
    errors.add(
        counts.spread(_mask(given & (number.isna() | (number < 0) | (number % 1 != 0)))),
        counts,
        lambda v: f"column 'affected_count': value {v!r} is not a whole number ≥ 0",
    )
    stated = counts.spread(_mask(given))
    no_unit = unit_codes.spread(_mask(unit_codes.values == ""))
    errors.add(
        stated & no_unit,
        counts,
        lambda v: (
            f"column 'affected_count': value {v!r} has no unit in 'affected_unit' "
            f"(one of {', '.join(AFFECTED_UNITS)})"
        ),
    )
    errors.add(
        ~stated & unit_codes.spread(_mask(unit_codes.values != "")),
        units,
        lambda v: f"column 'affected_unit': value {v!r} is given without an 'affected_count'",
    )
    return number


def _source_urls(urls: pd.Series, errors: _Errors) -> pd.Series:
    """Links as "link | link": most cells already are; only the others are rewritten
    (in Python, the split needs a look-ahead) and checked again."""
    irregular = ((urls != "") & ~urls.str.match(_URL_LIST)).to_numpy(dtype=bool)
    if not irregular.any():
        return urls
    rewritten = (
        urls[irregular]
        .astype(object)
        .str.replace(_SOURCE_SPLIT, SOURCE_SEPARATOR, regex=True)
        .str.replace(r"(?: \| )+", SOURCE_SEPARATOR, regex=True)
        .str.strip(" |")
        .astype("str")
    )
    bad = np.zeros(len(urls), dtype=bool)
    bad[irregular] = _mask((rewritten != "") & ~rewritten.str.match(_URL_LIST))
    errors.add(
        bad,
        urls,
        lambda v: f"column 'source_url': value {v!r} is not a list of http(s) links",
    )
    out = urls.copy()
    out[irregular] = rewritten.to_numpy()
    return out


def _accepted(
    lines: np.ndarray,
    text: dict[str, pd.Series],
    parsed: dict[str, pd.Series],
    coded: dict[str, Distinct],
    values: dict[str, Distinct],
    good: np.ndarray | None,
) -> pd.DataFrame:
    """The accepted rows (``good``: their positions, None for all) with their dtypes:
    categories straight from the codes, numbers and dates taken per distinct value."""

    def rows(codes: np.ndarray) -> np.ndarray:
        return codes if good is None else codes[good]

    columns: dict[str, object] = {"row": rows(lines)}
    for column in COLUMNS:
        if column in text:
            picked = text[column] if good is None else text[column].take(good)
            columns[column] = picked.reset_index(drop=True)
        elif column in parsed:
            columns[column] = parsed[column].take(rows(values[column].codes))
            columns[column] = columns[column].reset_index(drop=True)
        elif column in _CODED_TEXT:
            names = values[column]
            codes, labels = pd.factorize(names.values)  # two spellings may clean alike
            columns[column] = pd.Categorical.from_codes(
                codes[rows(names.codes)], categories=pd.Index(labels, dtype="str")
            )
        elif column in _CATEGORIES:
            categories = pd.Index(_CATEGORIES[column])
            per_value = categories.get_indexer(coded[column].values)
            columns[column] = pd.Categorical.from_codes(
                per_value[rows(coded[column].codes)], categories=_CATEGORIES[column]
            )
        else:
            columns[column] = pd.Series(
                coded[column].values.to_numpy(dtype=object)[rows(coded[column].codes)],
                dtype=object,
            )
    out = pd.DataFrame(columns, copy=False)
    out["date"] = pd.to_datetime(out["date"])
    for column in ("latitude", "longitude"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
    out["affected_count"] = pd.to_numeric(out["affected_count"], errors="coerce").astype("Int64")
    return out


def _distinct(original: pd.DataFrame, column: str) -> Distinct:
    """A column's distinct values, cleaned (a missing column is one blank value)."""
    if column not in original:
        return Distinct(np.zeros(len(original), dtype=np.intp), _blank(1))
    distinct = Distinct.of(_text(original[column]))
    return Distinct(distinct.codes, _clean(distinct.values))


def _text(values: pd.Series) -> pd.Series:
    text = values.astype("str")
    return text.fillna("") if text.hasnans else text


def _clean(values: pd.Series) -> pd.Series:
    """Text without NA or surrounding blanks; an already clean column is not copied."""
    text = _text(values)
    stripped = text.str.strip()  # in Arrow; kept only when it changed something
    return text if stripped.equals(text) else stripped


def _blank(n: int) -> pd.Series:
    return pd.Series([""] * n, dtype="str")


def _numbers(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values.where(values != ""), errors="coerce")


def _mask(flags: pd.Series) -> np.ndarray:
    return flags.fillna(False).to_numpy(dtype=bool)
