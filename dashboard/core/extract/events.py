"""Sentences -> events: which sentences report a strike, and which continue one.

Kept apart from :mod:`dashboard.core.extract.article` (suggestions, outputs, scoring) so
the assembly rules read in one sitting. See that module's docstring for the
rules themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dashboard.core.extract import rules
from dashboard.core.extract.dates import ResolvedDate, resolve_date
from dashboard.core.extract.places import Mention, find_places
from dashboard.core.extract.text import sentences
from dashboard.core.join.place import Geography

#: An explicit date this long before publication is background, not news.
STALE_DAYS = 14


@dataclass(frozen=True)
class Sentence:
    """One sentence and what the rules read in it."""

    index: int
    text: str
    places: tuple[Mention, ...]
    date: ResolvedDate | None
    counts: tuple[tuple[int, int], ...] | None  # an interception claim's figures


@dataclass
class Event:
    """An incident being assembled: its place and the sentences that tell it."""

    place: Mention
    first: int
    content: list[int] = field(default_factory=list)
    claims: list[int] = field(default_factory=list)
    date: ResolvedDate | None = None
    intercepted: int | None = None
    disputed: bool = False
    separate: bool = False
    claim_only: bool = False


def read(text: str, geo: Geography, published: date) -> list[Sentence]:
    """The article's sentences with their places, dates and interception figures."""
    return [_read(i, s, geo, published) for i, s in enumerate(sentences(text))]


def lead_date(parsed: Sequence[Sentence], published: date) -> ResolvedDate | None:
    """The day of the article's first dated strike sentence (the lead)."""
    return next(
        (s.date for s in parsed if s.date and rules.is_strike(s.text) and _is_news(s, published)),
        None,
    )


def _read(index: int, text: str, geo: Geography, published: date) -> Sentence:
    counts = rules.interception_counts(text)
    return Sentence(
        index=index,
        text=text,
        places=tuple(find_places(text, geo)),
        date=resolve_date(text, published),
        counts=None if counts is None else tuple(counts),
    )


def _is_news(sentence: Sentence, published: date) -> bool:
    """Reports something that just happened (not background, hypothetical or denied)."""
    text = sentence.text
    if sentence.date is None and rules.is_background(text):
        return False
    if sentence.date and published - sentence.date.value > timedelta(days=STALE_DAYS):
        return False
    return not (rules.is_modal(text) or rules.is_negated(text))


def assemble(parsed: list[Sentence], published: date) -> list[Event]:
    """Events from strike sentences, continued by the sentences that follow them."""
    events: list[Event] = []
    group: list[Event] = []
    for s in parsed:
        if s.counts is not None:
            continue
        if rules.is_negated(s.text):
            group = []
            continue
        if s.date is None and rules.is_background(s.text):
            continue
        targets = _targets(s.places)
        touched: list[Event] = []
        if rules.is_strike(s.text) and targets and _is_news(s, published):
            for mention in targets:
                event = _find(events, mention, s.date)
                if event is None:
                    event = Event(place=mention, first=s.index)
                    event.separate = rules.is_separate(s.text)
                    events.append(event)
                touched.append(event)
            group = touched
        elif group and rules.is_eventish(s.text) and all(_find(group, m, s.date) for m in s.places):
            touched = group
        elif s.places or not rules.is_eventish(s.text):
            group = []
        for event in touched:
            event.content.append(s.index)
            if event.date is None and rules.is_strike(s.text):
                event.date = s.date
            event.disputed |= rules.is_denial(s.text)
    return events


def _targets(places: Sequence[Mention]) -> list[Mention]:
    """The places a strike sentence is about.

    A town after a locative word beats one only named in a facility's name ("the
    Dnipro hydroelectric station in Zaporizhzhia"); a region that only says where
    a named town is ("Izmail, in Odesa region") is not a second target.
    """
    towns = [m for m in places if not m.is_region]
    towns = [m for m in towns if m.how != "facility"] or towns
    unique: dict[tuple[str, float, float], Mention] = {}
    for town in towns:
        unique.setdefault((town.admin1_iso, town.latitude, town.longitude), town)
    covered = {t.admin1_iso for t in unique.values()}
    regions: dict[str, Mention] = {}
    for region in places:
        if region.is_region and region.admin1_iso not in covered:
            regions.setdefault(region.admin1_iso, region)
    return sorted([*unique.values(), *regions.values()], key=lambda m: m.start)


def _find(
    events: Sequence[Event], mention: Mention, when: ResolvedDate | None, tolerance: int = 0
) -> Event | None:
    """The latest event at this place (same region, same town unless one is a region)."""
    for event in reversed(events):
        place = event.place
        if place.admin1_iso != mention.admin1_iso:
            continue
        same_town = (place.latitude, place.longitude) == (mention.latitude, mention.longitude)
        if not (mention.is_region or place.is_region or same_town):
            continue
        if when and event.date and abs((when.value - event.date.value).days) > tolerance:
            continue
        return event
    return None


def attach_claims(parsed: list[Sentence], events: list[Event]) -> list[Event]:
    """Give interception claims to their events; unattached ones become region-level."""
    regional: list[Event] = []
    for s in parsed:
        if s.counts is None:
            continue
        if not s.places:
            earlier = [e for e in events if e.first < s.index]
            if earlier:
                total = rules.total_intercepted(s.text, list(s.counts))
                for event in (e for e in earlier if e.first == earlier[-1].first):
                    event.claims.append(s.index)
                    if event.intercepted is None:
                        event.intercepted = total
            continue
        seen: set[str] = set()
        for mention in s.places:
            if mention.admin1_iso in seen:
                continue
            seen.add(mention.admin1_iso)
            before = [value for value, position in s.counts if position < mention.start]
            count = before[-1] if before else s.counts[0][0]
            region = Mention(
                text=mention.text,
                start=mention.start,
                admin1_iso=mention.admin1_iso,
                settlement="",
                latitude=mention.latitude,
                longitude=mention.longitude,
                how="region",
            )
            event = _find(events, region, s.date, tolerance=1) or _find(regional, region, None)
            if event is None:
                event = Event(place=region, first=s.index, date=s.date, claim_only=True)
                regional.append(event)
            event.claims.append(s.index)
            if event.intercepted is None:
                event.intercepted = count
    return regional
