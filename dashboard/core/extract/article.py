"""News article -> suggested incidents, by rules: offline, explainable, no model download.

A suggestion is a draft for a human editor, so each one carries the sentences it
came from (``evidence``) and strikes go through the same schema and join as any file
(:func:`to_native_frame`). Articles in English, Russian and Ukrainian are read alike;
the language is detected (:func:`dashboard.core.extract.language.detect`). The pipeline:

1. split the article into sentences and read each one: places (gazetteer and
   region index, :mod:`~dashboard.core.extract.places`), the day it names
   (:mod:`~dashboard.core.extract.dates`), facility words and other keyword signals
   (:mod:`~dashboard.core.extract.rules`);
2. a strike sentence that locates something starts an event per place; following
   sentences that add facts without naming another place continue it ("About
   20,000 households were affected."); general, historical, hypothetical and
   negated sentences start nothing;
3. an event gives one strike per site it hit: a refinery and the port's oil
   terminal in one town are two strikes, a CHP also called "the thermal power
   station" is one; an event with no energy facility or outage is dropped;
4. interception claims ("air defences destroyed 44 drones over the Bryansk and
   Rostov regions") are never strikes: each region named gets an
   ``interception_claim`` with its own figure (None where one total covers several
   regions), dated, and tied to the night's attack wave when the dataset has one.

Dates: a day the event's own sentences name ("late Saturday" -> that Saturday,
"overnight" -> the publication day), or the day named earlier in the same
paragraph, has precision "day"; else the date of the article's lead strike sentence
(precision "day", unless the event is introduced with "Separately,"/"Кроме того");
else the publication date with precision "week".
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from dashboard.core.exports.tables import neutralise_formulas
from dashboard.core.extract import events as events_
from dashboard.core.extract import language, rules
from dashboard.core.extract.dates import find_published, undated
from dashboard.core.extract.events import Claim, Event, Sentence
from dashboard.core.incidents import schema
from dashboard.core.join.facility import link_facilities
from dashboard.core.join.place import Geography
from dashboard.core.vocab import RECORD_KINDS

STRIKE, CLAIM = RECORD_KINDS
#: The fields of a suggestion, in the order :func:`to_json` writes them.
FIELDS = (
    "kind",
    "facility_name",
    "settlement",
    "admin1_iso",
    "attacker",
    "target_country",
    "facility_type",
    "weapon",
    "date",
    "date_precision",
    "affected_count",
    "affected_unit",
    "claimed_intercepted",
    "wave_id",
    "confidence",
    "evidence",
)
#: Where a suggestion was read; written by :func:`to_json` after :data:`FIELDS`.
SOURCE_FIELDS = ("source_url", "source_outlet")
SOURCE_OUTLET = "pasted article"
#: Columns of an interception-claims file, in order.
CLAIM_COLUMNS = (
    "date",
    "date_precision",
    "attacker",
    "target_country",
    "admin1_iso",
    "claimed_intercepted",
    "weapon",
    "wave_id",
    "confidence",
    "source_url",
    "source_outlet",
    "evidence",
)

#: Held by Russia since 2014 (Crimea, Sevastopol): strikes there come from Ukraine.
OCCUPIED_REGIONS = frozenset({"UA-43", "UA-40"})


@dataclass(frozen=True)
class Suggestion:
    """One suggested record: a strike on a site, or an interception claim over a region.

    ``settlement`` is empty for a region-level record; a claim has no facility.
    """

    kind: str
    settlement: str
    admin1_iso: str
    attacker: str
    target_country: str
    facility_type: str
    weapon: str
    date: date
    date_precision: str
    affected_count: int | None
    affected_unit: str
    claimed_intercepted: int | None
    confidence: str
    evidence: str
    wave_id: str = ""
    facility_name: str = ""  # a catalogue site the article names, linked as ingest would
    source_url: str = ""
    source_outlet: str = ""
    latitude: float | None = None
    longitude: float | None = None


def extract(
    text: str,
    geo: Geography,
    published: date | None = None,
    waves: Collection[str] = frozenset(),
    *,
    name_sites: bool = True,
) -> list[Suggestion]:
    """Suggested strikes and interception claims in a news article (English, Russian or
    Ukrainian), in the order the article tells them; ``name_sites`` adds the catalogue
    sites they name (:func:`with_named_sites`; a batch does it once for all articles).

    ``published`` defaults to the article's "Published: ..." / "Опубликовано: ..." line;
    relative dates ("overnight", "этой ночью") resolve against it. ``waves`` are the
    attack-wave ids of the dataset (``W-2025-11-08-RU``): a claim on a night with a
    wave names it.
    """
    published = published or find_published(text)
    if published is None:
        raise ValueError(
            "the article has no publication date: pass published=date(...) or include a "
            "line such as 'Published: 2025-11-09' or 'Опубликовано: 9 ноября 2025'"
        )
    lang = language.detect(text)
    parsed = events_.read(text, geo, published, lang)
    events = events_.assemble(parsed, published)
    whole = " ".join(s.text for s in parsed)
    officials = rules.official_names(whole)
    installed = rules.quotes_installed_head(whole)
    if parsed and rules.is_about_talks(parsed[0].text):
        events = []  # a story about a truce or talks: its strikes are arguments, not news
    found: list[tuple[int, Suggestion]] = []
    for event in events:
        found += [
            (event.first, s)
            for s in _strikes(event, parsed, published, officials, installed=installed)
        ]
    for claim in events_.claims(parsed, events, published):
        found.append((claim.sentences[0], _claim(claim, parsed, geo, waves)))
    ordered = [s for _, s in sorted(found, key=lambda pair: pair[0])]
    return with_named_sites(ordered, geo) if name_sites else ordered


def with_named_sites(suggestions: list[Suggestion], geo: Geography) -> list[Suggestion]:
    """Strikes whose sentences name a catalogue site ("Курская АЭС", "the Ryazan
    refinery") carry its name, found as ``ingest`` links records (name or alias, near the
    place, same family, never one of two candidates): the import then puts the strike
    at the site, not at the town its name comes from. One link for all the suggestions
    given (a batch links once, after merging)."""
    at = [i for i, s in enumerate(suggestions) if s.kind == STRIKE]
    if not at or not len(geo.facilities):
        return suggestions
    chosen = [suggestions[i] for i in at]
    records = pd.DataFrame(
        {
            # Inflected names read too: "по Зміївській ТЕС" names "Зміївська ТЕС".
            "facility_name": [_with_nominatives(s.evidence) for s in chosen],
            "facility_type": [s.facility_type for s in chosen],
            "location_precision": ["settlement" if s.settlement else "region" for s in chosen],
            "latitude": [s.latitude for s in chosen],
            "longitude": [s.longitude for s in chosen],
            "admin1_iso": [s.admin1_iso for s in chosen],
            "target_country": [s.target_country for s in chosen],
        }
    ).astype({"latitude": float, "longitude": float})
    linked = link_facilities(records, geo.facilities)
    by_name = linked["facility_match"].isin(["name", "name_and_distance"]).to_numpy()
    names = geo.facilities.frame.set_index("facility_id")["name_en"]
    out = list(suggestions)
    for i, site, named in zip(at, linked["facility_id"].astype(str), by_name, strict=True):
        if named:
            out[i] = replace(out[i], facility_name=str(names[site]))
    return out


def _with_nominatives(text: str) -> str:
    readings = language.nominative_readings(text, language.detect(text))
    return ". ".join((text, *readings))


def strikes(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    return [s for s in suggestions if s.kind == STRIKE]


def interception_claims(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    return [s for s in suggestions if s.kind == CLAIM]


def to_json(suggestions: Iterable[Suggestion]) -> str:
    """Suggestions as a JSON list with :data:`FIELDS` and :data:`SOURCE_FIELDS`, dates as
    YYYY-MM-DD."""
    rows = [
        {
            name: getattr(s, name).isoformat() if name == "date" else getattr(s, name)
            for name in (*FIELDS, *SOURCE_FIELDS)
        }
        for s in suggestions
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def to_native_frame(suggestions: Iterable[Suggestion]) -> pd.DataFrame:
    """The strikes among the suggestions as native-schema strings, ready for
    ``schema.validate`` / the join. Interception claims are left out: they are never
    drawn or counted as strikes."""
    rows = []
    for s in strikes(suggestions):
        rows.append(
            {
                "id": "",
                "date": s.date.isoformat(),
                "date_precision": s.date_precision,
                "attacker": s.attacker,
                "target_country": s.target_country,
                "settlement": s.settlement,
                "admin1": "",
                "admin1_iso": s.admin1_iso,
                "latitude": "" if s.latitude is None else f"{s.latitude:.5f}",
                "longitude": "" if s.longitude is None else f"{s.longitude:.5f}",
                "location_precision": "settlement" if s.settlement else "region",
                "facility_type": s.facility_type,
                "facility_name": s.facility_name,
                "weapon": s.weapon,
                "effects": rules.effects([s.evidence]),
                "affected_count": "" if s.affected_count is None else str(s.affected_count),
                "affected_unit": s.affected_unit if s.affected_count is not None else "",
                "wave_id": s.wave_id,
                "confidence": s.confidence,
                "source_url": s.source_url,
                "source_outlet": s.source_outlet or SOURCE_OUTLET,
                "notes": f"suggested from article text: {s.evidence}",
            }
        )
    return pd.DataFrame(rows, columns=list(schema.COLUMNS), dtype=str)


def claims_frame(suggestions: Iterable[Suggestion]) -> pd.DataFrame:
    """Interception claims, one row each (:data:`CLAIM_COLUMNS`), formulas made inert."""
    rows = [
        {
            **{name: getattr(s, name) for name in CLAIM_COLUMNS},
            "date": s.date.isoformat(),
            "claimed_intercepted": ""
            if s.claimed_intercepted is None
            else str(s.claimed_intercepted),
        }
        for s in interception_claims(suggestions)
    ]
    return neutralise_formulas(pd.DataFrame(rows, columns=list(CLAIM_COLUMNS), dtype=str))


def from_rows(rows: pd.DataFrame) -> list[Suggestion]:
    """Suggestions back from a table a person edited (columns :data:`FIELDS`).

    Positions are dropped: the settlement may have been corrected, so the join
    places the name again.
    """

    def number(value: object) -> int | None:
        return None if value is None or pd.isna(value) or value == "" else int(float(value))

    suggestions = []
    for row in rows.to_dict("records"):
        day = pd.Timestamp(row["date"]).date()
        suggestions.append(
            Suggestion(
                **{name: "" if pd.isna(row[name]) else str(row[name]) for name in _TEXT_FIELDS},
                date=day,
                affected_count=number(row["affected_count"]),
                claimed_intercepted=number(row["claimed_intercepted"]),
            )
        )
    return suggestions


_TEXT_FIELDS = tuple(
    f for f in FIELDS if f not in ("date", "affected_count", "claimed_intercepted")
)


def with_source(suggestions: Iterable[Suggestion], url: str, outlet: str) -> list[Suggestion]:
    """The suggestions marked with where they were read."""
    return [replace(s, source_url=url, source_outlet=outlet) for s in suggestions]


def _strikes(
    event: Event,
    parsed: Sequence[Sentence],
    published: date,
    officials: frozenset[str],
    *,
    installed: bool,
) -> list[Suggestion]:
    """One strike per site the event hit; the event's figure goes to its first site.

    ``installed``: the article reports what a Russian-installed head says, so a strike in
    Ukraine that it names no attacker for is on an occupied area, by Ukraine.
    """
    texts = [parsed[i].text for i in event.content]
    country = event.place.admin1_iso[:2]
    side = next((c for t in texts if (c := rules.attacker_cue(t))), None)
    confidence = (
        "disputed"
        if event.disputed
        else "confirmed"
        if any(rules.official_confirms(t, country, officials) for t in texts)
        else "claimed"
    )
    # Where the strike landed decides first: in this war Ukraine strikes Russia and
    # Russian-held areas, Russia strikes the rest of Ukraine. Sentences name "the Russian
    # army" or "Russian security forces" as defenders too often for words to outrank that;
    # a Ukrainian strike on a Russian-held part of an oblast is named as such ("удар ВСУ").
    named = side if side in ("ukraine", "russia") else None
    by_place = _by_place(event.place.admin1_iso, texts, occupied=installed and named != "russia")
    attacker = named if (country == "UA" and named == "ukraine") else by_place or named
    if side is None and any(rules.is_hedged(t) for t in texts):
        attacker = None  # no side named, and not even sure it was an attack
    attacker = attacker or "unknown"
    lead = None if event.separate else events_.lead_date(parsed, published, event.place.admin1_iso)
    when = event.date or lead or undated(published)
    figure = next((h for t in texts if (h := rules.affected(t)) is not None), None)
    evidence = " ".join(texts)
    return [
        Suggestion(
            kind=STRIKE,
            settlement=event.place.settlement,
            admin1_iso=event.place.admin1_iso,
            attacker=attacker,
            target_country=country,
            facility_type=kind,
            weapon=rules.weapon(texts),
            date=when.value,
            date_precision=when.precision,
            affected_count=figure[0] if figure and n == 0 else None,
            affected_unit=figure[1] if figure and n == 0 else "",
            claimed_intercepted=None,
            confidence=confidence,
            evidence=evidence,
            latitude=event.place.latitude,
            longitude=event.place.longitude,
        )
        for n, kind in enumerate(events_.site_kinds(event, parsed))
    ]


def _claim(
    claim: Claim, parsed: Sequence[Sentence], geo: Geography, waves: Collection[str]
) -> Suggestion:
    texts = [parsed[i].text for i in claim.sentences]
    iso = claim.admin1_iso
    side = next((c for t in texts if (c := rules.claimed_side(t))), None)
    attacker = side or _by_place(iso, texts) or "unknown"
    when = claim.date
    wave = f"W-{when.value.isoformat()}-{'UA' if attacker == 'ukraine' else 'RU'}"
    anchor = geo.anchors.loc[iso]
    return Suggestion(
        kind=CLAIM,
        settlement="",
        admin1_iso=iso,
        attacker=attacker,
        target_country=iso[:2],
        facility_type="",
        weapon=rules.weapon(texts),
        date=when.value,
        date_precision=when.precision,
        affected_count=None,
        affected_unit="",
        claimed_intercepted=claim.count,
        confidence="claimed",
        evidence=" ".join(texts),
        wave_id=wave if wave in waves else "",
        latitude=float(anchor["latitude"]),
        longitude=float(anchor["longitude"]),
    )


def _by_place(admin1_iso: str, texts: Sequence[str], *, occupied: bool = False) -> str | None:
    """The side that strikes a place in this war (Crimea and occupied areas: Ukraine)."""
    occupied |= admin1_iso in OCCUPIED_REGIONS or any(rules.is_occupied(t) for t in texts)
    return {"RU": "ukraine", "UA": "ukraine" if occupied else "russia"}.get(admin1_iso[:2])
