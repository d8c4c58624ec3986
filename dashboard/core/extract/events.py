"""Sentences -> strikes and interception claims: which sentences report a strike, which
continue one, which sites it hit, and which sentences claim weapons shot down where.

Kept apart from :mod:`dashboard.core.extract.article` (suggestions, outputs) so the
assembly rules read in one sitting. See that module's docstring for the rules.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from dashboard.core.extract import rules
from dashboard.core.extract.dates import ResolvedDate, resolve_date, undated
from dashboard.core.extract.places import Mention, find_places, regions_named
from dashboard.core.extract.rules import Hit
from dashboard.core.extract.text import split
from dashboard.core.join.place import Geography

#: An explicit date this long before publication is background, not news.
STALE_DAYS = 14
#: A line naming who said it ("Source: Belgorod Oblast Governor ..."): no news of its own.
_ATTRIBUTION = re.compile(r"^(?:Source|Sources|Джерело|Джерела|Источник|Источники)\s*:", re.I)
#: "The latter" opening a sentence: the last place the sentence before named.
_LATTER = re.compile(r"^(?:Остання|Останній|Останнє|Последняя|Последний|Последнее|The latter)\b")
#: "По столице выпустили ракеты": the capital named before (Kyiv, Moscow).
_CAPITAL = re.compile(r"(?<!\w)(?:столиц\w*|the capital)(?!\w)(?! region)", re.I)
_CAPITALS = frozenset({"UA-30", "RU-MOW"})
_CAPITAL_NAMES = {
    "UA-30": re.compile(r"(?<!\w)(?:Kyiv|Kiev|Київ\w*|Києв\w*|Киев\w*)(?!\w)"),
    "RU-MOW": re.compile(r"(?<!\w)(?:Moscow|Москв\w*)(?!\w)"),
}
_CAPITAL_TOWNS = {"UA-30": "Kyiv", "RU-MOW": "Moscow"}
#: "у регіоні працювали сили ППО": the region just named.
_THE_REGION = re.compile(
    r"(?<!\w)(?:(?:у|в|над)\s+(?:регіоні|регионе|регіоном|регионом|області|области|"
    r"областю|областью)|(?:in|over)\s+the\s+(?:region|oblast))(?!\w)",
    re.I,
)
#: What links a facility word to the place after it: "ЛЭП под ", "depot in the city of ".
_LOCATIVE_LINK = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:в|во|у|под|під|на|біля|около|возле|поблизу|near|in|at|"
    r"outside)\s+(?:(?:the\s+)?(?:city|town|village|region)\s+of\s+|(?:городе|місті|селі|"
    r"селе|посёлке|поселке|селищі)\s+)?",
    re.I,
)
#: What joins places listed together: "Kharkiv and Poltava", "Харківщині та Полтавщині".
_LIST_JOIN = re.compile(
    r"(?:\s*,\s*|\s+(?:and|or|и|і|та|й)\s+|\s*,\s*(?:and|и|і|та)\s+)(?:regions?\s+)?", re.I
)


@dataclass(frozen=True)
class Sentence:
    """One sentence and what the rules read in it."""

    index: int
    paragraph: int
    text: str
    places: tuple[Mention, ...]
    date: ResolvedDate | None  # the day the sentence names
    context: ResolvedDate | None  # that, else the last day named earlier in its paragraph
    counts: tuple[tuple[int, int], ...] | None  # an interception claim's figures
    hits: tuple[Hit, ...]  # facility words


@dataclass
class Event:
    """A strike being assembled: its place and the sentences that tell it."""

    place: Mention
    first: int
    content: list[int] = field(default_factory=list)
    date: ResolvedDate | None = None
    disputed: bool = False
    separate: bool = False


@dataclass
class Claim:
    """A claim of weapons shot down over one region on one day (never a strike)."""

    admin1_iso: str
    sentences: list[int]
    count: int | None  # the region's own figure; None when a total covers several regions
    date: ResolvedDate


def read(text: str, geo: Geography, published: date, lang: str) -> list[Sentence]:
    """The article's sentences with their places, dates, facility words and claims."""
    pieces = split(text)
    context = frozenset(iso for _, s in pieces for iso in regions_named(s, geo, lang))
    capital_named = _capital_in(text, geo)
    parsed: list[Sentence] = []
    for index, (paragraph, sentence) in enumerate(pieces):
        day = resolve_date(sentence, published)
        previous = parsed[-1] if parsed else None
        same_paragraph = previous is not None and previous.paragraph == paragraph
        counts = rules.interception_counts(
            sentence, follows_claim=previous is not None and previous.counts is not None
        )
        places = find_places(sentence, geo, lang, context)
        anaphor = _LATTER.match(sentence)
        if anaphor and not places and previous and previous.places:
            places = [replace(previous.places[-1], text=anaphor.group(0), start=0)]
        capital = _CAPITAL.search(sentence)
        if capital and not places and (city := _last_capital(parsed) or capital_named):
            places = [replace(city, text=capital.group(0), start=capital.start())]
        parsed.append(
            Sentence(
                index=index,
                paragraph=paragraph,
                text=sentence,
                places=tuple(places),
                date=day,
                context=day or (previous.context if same_paragraph and previous else None),
                counts=None if counts is None else tuple(counts),
                hits=tuple(rules.facility_hits(sentence)),
            )
        )
    return parsed


def _capital_in(text: str, geo: Geography) -> Mention | None:
    """The one capital an article names anywhere, even as a title's subject ("Kyiv downs
    about 15 drones"), for "the capital" later on."""
    found = [
        (iso, name) for iso, pattern in _CAPITAL_NAMES.items() if (name := pattern.search(text))
    ]
    if len(found) != 1:
        return None
    iso, match = found[0]
    anchor = geo.anchors.loc[iso]
    return Mention(
        text=match.group(0),
        start=0,
        admin1_iso=iso,
        settlement=_CAPITAL_TOWNS[iso],
        latitude=float(anchor["latitude"]),
        longitude=float(anchor["longitude"]),
        how="locative",
    )


def _last_capital(parsed: Sequence[Sentence]) -> Mention | None:
    """The capital city the article named last, if it named one."""
    return next(
        (
            m
            for s in reversed(parsed)
            for m in reversed(s.places)
            if m.admin1_iso in _CAPITALS and not m.is_region
        ),
        None,
    )


def lead_date(
    parsed: Sequence[Sentence], published: date, admin1_iso: str | None = None
) -> ResolvedDate | None:
    """The day of the article's first dated strike sentence (the lead) that is not about
    another region than ``admin1_iso``; a dated reminder ("Напомним, в ночь на 17
    февраля ...") dates only its own strike."""
    return next(
        (
            s.date
            for s in parsed
            if s.date
            and rules.is_strike(s.text)
            and _is_news(s, published)
            and not rules.is_reminder(s.text)
            and (admin1_iso is None or all(m.admin1_iso == admin1_iso for m in s.places))
        ),
        None,
    )


def _is_news(sentence: Sentence, published: date) -> bool:
    """Reports something that just happened (not background, hypothetical or denied)."""
    text = sentence.text
    if sentence.date is None and rules.is_background(text):
        return False
    if sentence.context and published - sentence.context.value > timedelta(days=STALE_DAYS):
        return False
    return not (rules.is_modal(text) or rules.is_negated(text) or rules.is_previous(text))


def assemble(parsed: list[Sentence], published: date) -> list[Event]:
    """Events from strike sentences, continued by the sentences that follow them.

    A strike sentence that names no place, just before one that does in the same
    paragraph ("Russia launched a massive missile strike on 10 October. A fire broke out
    at the Burshtyn TPP."), is part of the event it introduces; so is a sentence naming a
    place, an energy site and its damage right before one that says what attacked it ("В
    Лискинском районе произошел пожар на нефтебазе. Причиной стала атака беспилотников.").
    A strike sentence naming no place also starts the event of the next sentence in its
    paragraph that names a place and a damaged energy site. A region-level event is
    narrowed to a town named for it later ("Kharkiv Oblast ... an attack on Kozacha
    Lopan"). A sentence putting the attack "in a neighbouring region" neither starts nor
    continues an event where it was only felt.
    """
    events: list[Event] = []
    group: list[Event] = []
    preamble: Sentence | None = None
    pending: Sentence | None = None
    for s in parsed:
        if group and s.date and not _targets(s.places) and rules.dates_the_attack(s.text):
            # "The attack came overnight on Dec. 10": the day of the strike just told
            # (even when the sentence goes on to claim drones shot down).
            for event in group:
                event.date = s.context
                event.content.append(s.index)
            continue
        if s.counts is not None or _ATTRIBUTION.match(s.text):
            continue
        if (
            rules.is_negated(s.text)
            or rules.is_elsewhere(s.text)
            or rules.is_weather(s.text)
            or (rules.is_national(s.text) and not s.places)
        ):
            group, preamble, pending = [], None, None
            continue
        if s.date is None and rules.is_background(s.text):
            continue
        targets = _targets(s.places)
        touched: list[Event] = []
        news_strike = rules.is_strike(s.text) and _is_news(s, published)
        if news_strike and not targets and pending:
            group = [_start(events, m, pending, pending) for m in _targets(pending.places)]
            touched = group
        elif targets and (
            news_strike
            or (
                preamble
                and preamble.paragraph == s.paragraph
                and s.hits
                and not s.counts
                and _is_news(s, published)
            )
        ):
            # "внаслідок атаки пошкоджено обладнання. Це призвело до знеструмлення ... в
            # Запорізькому районі": the strike said first, the place and damage after.
            for mention in targets:
                touched.append(_start(events, mention, s, preamble))
            group = touched
        elif (
            group
            and rules.is_eventish(s.text)
            and _is_news(s, published)
            and all(_find(group, m, s.date) for m in s.places)
            and not (
                news_strike
                and s.date
                and any(e.date and e.date.value != s.date.value for e in group)
            )
        ):
            touched = group
        elif s.places or not rules.is_eventish(s.text) or s.date:
            group = []
        preamble = s if news_strike and not targets and not touched else None
        pending = (
            s
            if targets
            and not touched
            and s.hits
            and rules.is_eventish(s.text)
            and _is_news(s, published)
            else None
        )
        for event in touched:
            event.content.append(s.index)
            # "The outage was registered at 11:10 p.m. on Wednesday" dates it too.
            if event.date is None and (rules.is_strike(s.text) or rules.is_outage(s.text)):
                event.date = s.context
            event.disputed |= rules.is_denial(s.text)
    return events


def _start(events: list[Event], mention: Mention, s: Sentence, preamble: Sentence | None) -> Event:
    """The event at this place (a new one unless the article already tells it), with the
    sentence introducing it in the same paragraph when there is one."""
    # A reminder of an earlier strike ("Напомним, ...") is an event of its own.
    event = None if rules.is_reminder(s.text) else _find(events, mention, s.context)
    if event is None:
        event = Event(place=mention, first=s.index)
        event.separate = rules.is_separate(s.text)
        if preamble and preamble.paragraph == s.paragraph:
            event.content.append(preamble.index)
        events.append(event)
    elif event.place.is_region and not mention.is_region:
        event.place = mention
    return event


def site_kinds(event: Event, parsed: Sequence[Sentence]) -> list[str]:
    """The facility types of the sites an event hit, first named first.

    In a sentence naming several places, a facility word belongs to the place nearest to
    it ("Новошахтинский НПЗ, в Воронежской области ... обесточены села"). An event with
    only generic energy words hit one ``other_energy`` site; "also a facility of another
    company" adds one.
    """
    kinds: list[str] = []
    another = False
    extra: list[str] = []  # further sites of a counted kind ("две подстанции")
    for index in event.content:
        hits = _own_hits(parsed[index], event)
        kinds += [h.kind for h in hits]
        extra += [h.kind for h in hits for _ in range(rules.counted(parsed[index].text, h) - 1)]
        another |= rules.is_another_site(parsed[index].text)
    found = rules.sites(kinds)
    if not found and kinds:
        return ["other_energy"]
    found += [kind for kind in extra if kind in found]
    return [*found, "other_energy"] if another else found


def _own_hits(sentence: Sentence, event: Event) -> list[Hit]:
    """The facility words of a sentence that belong to the event's place: the nearest
    place's, or its list's ("газовидобувні активи на Харківщині та Полтавщині")."""
    targets = _targets(sentence.places)
    if len(targets) < 2:
        return list(sentence.hits)
    lists = _lists(sentence.text, targets)
    return [
        hit
        for hit in sentence.hits
        if any(_same_place(m, event.place) for m in lists[id(_owner(sentence.text, hit, targets))])
    ]


def _owner(text: str, hit: Hit, targets: list[Mention]) -> Mention:
    """The place a facility word belongs to: the one its locative phrase names ("ЛЭП под
    Белгородом", "the depot in Oryol"), else the nearest."""
    for mention in targets:
        if mention.start >= hit.end and _LOCATIVE_LINK.fullmatch(text[hit.end : mention.start]):
            return mention
    return min(targets, key=lambda m: _gap(m, hit))


def _lists(text: str, targets: list[Mention]) -> dict[int, list[Mention]]:
    """Each target with the targets listed together with it ("A, B and C")."""
    groups: list[list[Mention]] = []
    for mention in targets:
        if groups and _LIST_JOIN.fullmatch(text[groups[-1][-1].end : mention.start]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return {id(m): group for group in groups for m in group}


def _gap(mention: Mention, hit: Hit) -> int:
    return max(mention.start - hit.end, hit.start - mention.end, 0)


def _same_place(a: Mention, b: Mention) -> bool:
    return (a.admin1_iso, a.latitude, a.longitude) == (b.admin1_iso, b.latitude, b.longitude)


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


def claims(parsed: Sequence[Sentence], events: Sequence[Event], published: date) -> list[Claim]:
    """Interception claims, one per region and day, in the order the article makes them.

    A claim names its regions ("над Брянской областью", "over the Kursk region"); a
    governor's claim that names none is about the governor's region ("Гусев сообщил о
    четырех сбитых беспилотниках"), or the region of the strike it follows; a national
    total naming no region is no record. A count between two region names is
    the later region's own ("восемь — над Курской, шесть — над Брянской"); a total over
    a list of regions is no region's figure (None), unless it says "each". A claim
    naming no day takes the day of the strike it follows, else the lead's, else the
    publication date (known to the week).
    """
    found: dict[tuple[str, date], Claim] = {}
    officials = _officials(parsed)
    for s in parsed:
        if s.counts is None or not _is_news(s, published) or _recalled(s, published):
            continue
        for iso, count in _claim_regions(s, events, officials, _region_before(parsed, s)):
            day = (
                s.context
                or _event_date(events, iso, s.index)
                or lead_date(parsed, published)
                or undated(published)
            )
            claim = found.setdefault((iso, day.value), Claim(iso, [], None, day))
            claim.sentences.append(s.index)
            if claim.count is None:
                claim.count = count
    return list(found.values())


def _recalled(s: Sentence, published: date) -> bool:
    """Background about an earlier day ("не перший випадок: 19 жовтня безпілотник
    збили ..."); "Ранее мэр сообщил, что утром 23 ноября ПВО сбили ..." on the day of
    publication is today's news."""
    return (
        rules.is_background(s.text)
        and s.context is not None
        and (published - s.context.value).days > 1
    )


def _region_before(parsed: Sequence[Sentence], s: Sentence) -> str | None:
    """The region "у регіоні" / "in the region" points back to: the last place named
    before the sentence, when the sentence says so."""
    if not _THE_REGION.search(s.text):
        return None
    earlier = [m for p in parsed[: s.index] for m in p.places]
    return earlier[-1].admin1_iso if earlier else None


def _claim_regions(
    s: Sentence, events: Sequence[Event], officials: dict[str, str], the_region: str | None
) -> list[tuple[str, int | None]]:
    counts = list(s.counts or ())
    mentions: dict[str, Mention] = {}
    for mention in s.places:
        mentions.setdefault(mention.admin1_iso, mention)
    if not mentions:
        total = rules.total_intercepted(s.text, counts) if counts else None
        named = [iso for name, iso in officials.items() if _names(s.text, name)]
        if named:
            return [(named[0], total)]
        if the_region:
            return [(the_region, total)]
        earlier = [e for e in events if e.first < s.index]
        if not (earlier and rules.is_regional_official(s.text)):
            return []
        return [(earlier[-1].place.admin1_iso, total)]
    groups: list[tuple[list[Mention], tuple[int, int] | None]] = []
    previous_end = 0
    for mention in mentions.values():
        own = [c for c in counts if previous_end <= c[1] < mention.start]
        if own or not groups:
            groups.append(([mention], own[-1] if own else None))
        else:
            groups[-1][0].append(mention)
        previous_end = mention.end
    out: list[tuple[str, int | None]] = []
    for members, count in groups:
        if count is None:
            later = [c for c in counts if c[1] >= previous_end]
            count = later[0] if later else None
        shared = len(members) > 1 and not (count and rules.shared_each(s.text, count[1]))
        out += [(m.admin1_iso, None if count is None or shared else count[0]) for m in members]
    return out


def _event_date(events: Sequence[Event], admin1_iso: str, before: int) -> ResolvedDate | None:
    earlier = [e for e in events if e.first <= before and e.place.admin1_iso == admin1_iso]
    return earlier[-1].date if earlier else None


def _officials(parsed: Sequence[Sentence]) -> dict[str, str]:
    """The governors and mayors an article introduces, by surname, with the region of the
    place named nearest to their title ("губернатор Воронежской области Александр Гусев")."""
    found: dict[str, str] = {}
    for s in parsed:
        for name, position in rules.official_mentions(s.text):
            if s.places:
                nearest = min(s.places, key=lambda m: abs(m.start - position))
                found.setdefault(name, nearest.admin1_iso)
    return found


def _names(text: str, surname: str) -> bool:
    """The sentence names the person, in any case ("Гусев", "Гусева", "Gladkov")."""
    stem = surname[:-1] if len(surname) > 4 and surname[-1] in "аеиоуыяьй" else surname
    return bool(re.search(rf"(?<!\w){re.escape(stem)}\w{{0,3}}(?!\w)", text))
