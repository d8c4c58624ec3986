"""Dates in news text: when an article was published and on which day a strike happened.

Reports rarely give a calendar date for the event itself; they say "overnight",
"late Saturday" or "yesterday". Those only mean something against the publication
date, so everything here resolves relative to it. The dataset's convention (see
``data/README.md``) is that an overnight strike takes the date of the morning it
was reported, so "overnight" resolves to the publication day itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_ISO = re.compile(r"\b(?P<year>20\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>20\d\d))?\b",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>20\d\d))?",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(r"^\s*(?:published|posted|updated)\b[\s:,-]*(?:on\s+)?(?P<rest>.+)$", re.I)
# "officials said Sunday" dates the statement, not the strike.
_SAID_ON_DAY = re.compile(
    r"\b(?:said|says|told\s+\w+|reported|announced|wrote|added|stated|confirmed)\s+"
    rf"(?:on\s+)?(?:late\s+|early\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening))?",
    re.IGNORECASE,
)
_ON_WEEKDAY = re.compile(
    rf"\b(?:(?P<part>late|early)\s+)?(?:on\s+)?{_WEEKDAY}"
    r"(?:\s+(?P<time>night|evening|morning|afternoon))?\b",
    re.IGNORECASE,
)
_YESTERDAY = re.compile(r"\b(?:the\s+day\s+before\s+)?yesterday\b", re.IGNORECASE)
_SAME_DAY = re.compile(
    r"\b(?:overnight|over\s+night|last\s+night|night-?time|tonight|today|this\s+morning|"
    r"(?:in\s+the\s+)?early\s+hours)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ResolvedDate:
    """A strike date and how sure we are of the day ("day" or "week")."""

    value: date
    precision: str
    phrase: str


def parse_date(text: str, *, reference: date | None = None) -> date | None:
    """First calendar date in ``text``: 2025-11-09, 9 November 2025, November 9(, 2025).

    A date written without a year takes the reference's year, or the year before
    when that would put it after the reference (a January article about "28 December").
    """
    iso = _ISO.search(text)
    if iso:
        return _safe_date(int(iso["year"]), int(iso["month"]), int(iso["day"]))
    found = [m for m in (_DAY_MONTH.search(text), _MONTH_DAY.search(text)) if m]
    if not found:
        return None
    match = min(found, key=lambda m: m.start())
    month = MONTHS[match["month"].lower()]
    day = int(match["day"])
    if match["year"]:
        return _safe_date(int(match["year"]), month, day)
    if reference is None:
        return None
    value = _safe_date(reference.year, month, day)
    if value and value > reference:
        value = _safe_date(reference.year - 1, month, day)
    return value


def find_published(text: str) -> date | None:
    """The date of a "Published: 2025-11-09" / "Published Sunday 9 November 2025" line."""
    for line in text.splitlines():
        match = _PUBLISHED.match(line)
        if match:
            value = parse_date(match["rest"])
            if value:
                return value
    return None


def is_published_line(line: str) -> bool:
    """Whether a line is the publication stamp (not article text)."""
    match = _PUBLISHED.match(line)
    return bool(match and parse_date(match["rest"]))


def resolve_date(sentence: str, published: date) -> ResolvedDate | None:
    """The day a sentence says something happened, or None when it names no day.

    Precedence: an explicit calendar date, then a weekday ("late Saturday", "on
    Monday night": the latest such day on or before publication), then "yesterday",
    then same-day words ("overnight", "last night", "early today").
    """
    explicit = parse_date(sentence, reference=published)
    if explicit:
        return ResolvedDate(explicit, "day", "explicit date")
    text = _SAID_ON_DAY.sub(" ", sentence)
    weekday = _ON_WEEKDAY.search(text)
    if weekday:
        target = WEEKDAYS.index(weekday["weekday"].lower())
        back = (published.weekday() - target) % 7
        return ResolvedDate(published - timedelta(days=back), "day", weekday.group(0).strip())
    yesterday = _YESTERDAY.search(text)
    if yesterday:
        days = 2 if yesterday.group(0).lower().startswith("the day") else 1
        return ResolvedDate(published - timedelta(days=days), "day", yesterday.group(0))
    same_day = _SAME_DAY.search(text)
    if same_day:
        return ResolvedDate(published, "day", same_day.group(0))
    return None


def undated(published: date) -> ResolvedDate:
    """Fallback for an event with no day: the publication date, known to the week."""
    return ResolvedDate(published, "week", "publication date")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
