"""Dates in news text: when an article was published and on which day a strike happened.

Reports rarely give a calendar date for the event itself; they say "overnight",
"late Saturday", "этой ночью", "вчора ввечері" or "в ночь на субботу". Those only mean
something against the publication date, so everything here resolves relative to it.
The dataset's convention (see ``data/README.md``) is that an overnight strike takes the
date of the morning it was reported, so "overnight" resolves to the publication day
itself, and "the night to Saturday" to that Saturday. English, Russian and Ukrainian
words are read alike: the scripts never collide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTH_NAMES = (
    ("january", "jan", "января", "январь", "січня", "січень"),
    ("february", "feb", "февраля", "февраль", "лютого", "лютий"),
    ("march", "mar", "марта", "март", "березня", "березень"),
    ("april", "apr", "апреля", "апрель", "квітня", "квітень"),
    ("may", "мая", "май", "травня", "травень"),
    ("june", "jun", "июня", "июнь", "червня", "червень"),
    ("july", "jul", "июля", "июль", "липня", "липень"),
    ("august", "aug", "августа", "август", "серпня", "серпень"),
    ("september", "sep", "sept", "сентября", "сентябрь", "вересня", "вересень"),
    ("october", "oct", "октября", "октябрь", "жовтня", "жовтень"),
    ("november", "nov", "ноября", "ноябрь", "листопада", "листопад"),
    ("december", "dec", "декабря", "декабрь", "грудня", "грудень"),
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
_DAY = timedelta(days=1)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_APOSTROPHE = "['’ʼ]"
#: Russian and Ukrainian weekdays in their cases, Monday first.
_CYRILLIC_WEEKDAYS = (
    r"понедельник(?:а|у|ом|е)?|понеділ(?:ок|ка|ку|ком)",
    r"вторник(?:а|у|ом|е)?|вівтор(?:ок|ка|ку|ком)",
    r"сред(?:а|у|ы|е|ой)|серед(?:а|у|и|і|ою)",
    r"четверг(?:а|у|ом|е)?|четвер(?:га|гу|гом)?",
    rf"пятниц(?:а|у|ы|е|ей)|п{_APOSTROPHE}ятниц(?:я|ю|і|ею)",
    r"суббот(?:а|у|ы|е|ой)|субот(?:а|у|и|і|ою)",
    r"воскресень(?:е|я|ю|ем)|неділ(?:я|ю|і|ею)",
)

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY_WORD = r"(?:" + "|".join(WEEKDAYS) + "|" + "|".join(_CYRILLIC_WEEKDAYS) + r")"
_WEEKDAY = rf"(?P<weekday>{_WEEKDAY_WORD})"
_ISO = re.compile(r"\b(?P<year>20\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>20\d\d))?\b",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>20\d\d))?",
    re.IGNORECASE,
)
_PUBLISHED = re.compile(
    r"^\s*(?:published|posted|updated|опубликовано|опубліковано|обновлено|оновлено|"
    r"дата публикации|дата публікації)(?!\w)[\s:,-]*(?:on\s+)?(?P<rest>.+)$",
    re.I,
)
_SAID = r"(?:said|says|told\s+\w+|reported|announced|wrote|added|stated|confirmed)"
_CYRILLIC_SAID = (
    r"(?:сообщил\w*|заявил\w*|написал\w*|рассказал\w*|уточнил\w*|отметил\w*|подтвердил\w*|"
    r"сказал\w*|повідомил\w*|повідомив|заявив|написав|розповів|розповіл\w*|зазначил\w*|"
    r"зазначив|підтвердил\w*|підтвердив|наголосил\w*|наголосив|уточнив)"
)
_DAY_PART = r"(?:morning|afternoon|evening|утром|вечером|днем|днём|вранці|зранку|ввечері|вдень)"
# "officials said Sunday", "сообщил в субботу", "повідомили в компанії у вівторок",
# "в понедельник заявило" date the statement, not the strike.
_SAID_ON_DAY = re.compile(
    rf"\b{_SAID}\s+(?:on\s+)?(?:late\s+|early\s+)?{_WEEKDAY_WORD}(?:\s+{_DAY_PART})?|"
    rf"\b{_CYRILLIC_SAID}\s+(?:[^\s,.]+\s+){{0,3}}?(?:в|во|у)\s+{_WEEKDAY_WORD}(?:\s+{_DAY_PART})?|"
    rf"\b(?:в|во|у)\s+{_WEEKDAY_WORD}(?:\s+{_DAY_PART})?\s+(?:[^\s,.]+\s+)?{_CYRILLIC_SAID}",
    re.IGNORECASE,
)
_ON_WEEKDAY = re.compile(
    rf"(?<!\w)(?:(?P<part>late|early)\s+)?(?:on\s+)?{_WEEKDAY}"
    r"(?:\s+(?P<time>night|evening|morning|afternoon))?(?!\w)",
    re.IGNORECASE,
)
_NIGHT = (
    r"(?:ночью|ночи|вночі|уночі|в ночь|у ніч|(?:этой|цієї|минувшей|минулої|прошлой) ночі?|"
    r"overnight|night)"
)
_YESTERDAY = re.compile(
    r"\b(?:(?P<two>the\s+day\s+before\s+yesterday|позавчера|позавчора)|yesterday|вчера|вчора|"
    r"накануне|напередодні|the\s+(?:previous|preceding)\s+(?:day|evening)|the\s+day\s+before|"
    rf"(?:минулого|вчерашним|вчора)\s+(?:вечора|ввечері|вечором)(?!\s+(?:и|та|і|й)\s+{_NIGHT}))\b",
    re.IGNORECASE,
)
_SAME_DAY = re.compile(
    r"\b(?:overnight|over\s+night|last\s+night|night-?time|tonight|today|this\s+morning|"
    r"during\s+the\s+night|(?:in\s+the\s+)?early\s+hours|"
    r"сегодня|сьогодні|этой\s+ночью|цієї\s+ночі|ночью|уночі|вночі|минувшей\s+ночью|"
    r"минулої\s+ночі|прошлой\s+ночью|утром|вранці|зранку|днем|днём|"
    r"минулого\s+вечора\s+(?:и|та|і|й)\s+(?:вночі|уночі))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ResolvedDate:
    """A strike date and how sure we are of the day ("day" or "week")."""

    value: date
    precision: str
    phrase: str


def parse_date(text: str, *, reference: date | None = None) -> date | None:
    """First calendar date in ``text``: 2025-11-09, 9 November 2025, November 9(, 2025),
    9 ноября 2025, 14 січня.

    A date written without a year takes the reference's year, or the year before
    when that would put it after the reference (a January article about "28 December").
    """
    return next(iter(_dates(text, reference)), None)


def _dates(text: str, reference: date | None) -> list[date]:
    """Every calendar date in ``text``, in order (see :func:`parse_date`)."""
    found: list[tuple[int, date]] = []
    for match in _ISO.finditer(text):
        value = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
        if value:
            found.append((match.start(), value))
    if found:
        return [value for _, value in found]
    taken: list[tuple[int, int]] = []
    for match in sorted([*_DAY_MONTH.finditer(text), *_MONTH_DAY.finditer(text)], key=_start):
        if any(a <= match.start() < b for a, b in taken):
            continue
        taken.append(match.span())
        value = _from_match(match, reference)
        if value:
            found.append((match.start(), value))
    return [value for _, value in found]


def _start(match: re.Match[str]) -> int:
    return match.start()


def _from_match(match: re.Match[str], reference: date | None) -> date | None:
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
    """The date of a "Published: 2025-11-09" / "Опубликовано: 9 ноября 2025" line."""
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

    Precedence: an explicit calendar date (unless the weekday beside it says otherwise),
    then a weekday ("late Saturday", "в ночь на субботу": the latest such day on or before
    publication), then "yesterday" ("вчера", "накануне"), then same-day words
    ("overnight", "этой ночью", "сьогодні").
    """
    text = _SAID_ON_DAY.sub(" ", sentence)
    weekday = _ON_WEEKDAY.search(text)
    named_day = None
    if weekday:
        back = (published.weekday() - _weekday_index(weekday["weekday"])) % 7
        named_day = ResolvedDate(published - timedelta(days=back), "day", weekday.group(0).strip())
    explicit = _dates(sentence, published)
    if explicit:
        # A night told as a range ("с 22:00 15 октября до 08:02 16 октября") is dated by
        # its morning, like "overnight".
        value = (
            explicit[1] if len(explicit) > 1 and explicit[1] - explicit[0] == _DAY else explicit[0]
        )
        # "у ніч на неділю, 5 вересня" when 5 September was a Friday: one of the two is a
        # slip; the weekday, counted back from publication, is the one news would mean.
        if named_day and value.weekday() != named_day.value.weekday():
            return named_day
        return ResolvedDate(value, "day", "explicit date")
    if named_day:
        return named_day
    # "Saldo said on Saturday evening that a strike had hit", published on Sunday: the
    # strike is the statement's day, told the day after ("Об этом в пятницу сообщил
    # губернатор" only says who told it).
    said = _SAID_ON_DAY.search(sentence)
    reported = said and re.match(r"\s*,?\s*(?:that|что|що)\b", sentence[said.end() :])
    said_weekday = _ON_WEEKDAY.search(said.group(0)) if reported else None
    if said_weekday:
        back = (published.weekday() - _weekday_index(said_weekday["weekday"])) % 7
        if back:
            return ResolvedDate(published - timedelta(days=back), "day", said.group(0).strip())
    yesterday = _YESTERDAY.search(text)
    if yesterday:
        days = 2 if yesterday["two"] else 1
        return ResolvedDate(published - timedelta(days=days), "day", yesterday.group(0))
    same_day = _SAME_DAY.search(text)
    if same_day:
        return ResolvedDate(published, "day", same_day.group(0))
    return None


def undated(published: date) -> ResolvedDate:
    """Fallback for an event with no day: the publication date, known to the week."""
    return ResolvedDate(published, "week", "publication date")


def _weekday_index(word: str) -> int:
    word = word.lower()
    if word in WEEKDAYS:
        return WEEKDAYS.index(word)
    return next(i for i, forms in enumerate(_CYRILLIC_WEEKDAYS) if re.fullmatch(forms, word))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
