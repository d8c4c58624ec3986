"""News article -> suggested incidents, by rules: offline, explainable, no model download.

A suggestion is a draft for a human editor, so each one carries the sentences it
came from (``evidence``) and goes through the same schema and join as any file
(:func:`to_native_frame`). The pipeline:

1. split the article into sentences and read each one: places (gazetteer and
   region index, :mod:`extract_places`), the day it names (:mod:`extract_dates`),
   and keyword signals (:mod:`extract_rules`);
2. a strike sentence that locates something starts an event per place; following
   sentences that add facts without naming another place continue it ("About
   20,000 households were affected."); general, historical, hypothetical and
   negated sentences start nothing;
3. interception claims are attached last: to the event in the same region (within
   a day), else they become region-level suggestions, one per region named, each
   with the claim's figure (a shared total is repeated on every region: the
   figure is a claim about the night, not a sum to add up);
4. an event with no energy facility or outage in its sentences is dropped.

Dates: a day the event's own sentences name ("late Saturday" -> that Saturday,
"overnight" -> the publication day) has precision "day"; else the date of the
article's lead strike sentence (precision "day", unless the event is introduced
with "Separately,"/"Elsewhere,"); else the publication date with precision "week".
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.core.extract import events as events_
from dashboard.core.extract import rules
from dashboard.core.extract.dates import ResolvedDate, find_published, undated
from dashboard.core.extract.events import Event, Sentence
from dashboard.core.incidents import schema
from dashboard.core.join.place import Geography

#: The fields of a suggestion, in the order :func:`to_json` writes them.
FIELDS = (
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
    "confidence",
    "evidence",
)
SOURCE_OUTLET = "pasted article"
#: A region-level interception claim names no facility; the schema needs one.
CLAIM_FACILITY = "other_energy"
#: Held by Russia since 2014 (Crimea, Sevastopol): strikes there come from Ukraine.
OCCUPIED_REGIONS = frozenset({"UA-43", "UA-40"})


@dataclass(frozen=True)
class Suggestion:
    """One suggested incident; ``settlement`` is empty for a region-level claim."""

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
    latitude: float | None = None
    longitude: float | None = None


def extract(text: str, geo: Geography, published: date | None = None) -> list[Suggestion]:
    """Suggested incidents in an English news article, in the order the article tells them.

    ``published`` defaults to the article's "Published: ..." line; relative dates
    ("overnight", "late Saturday") resolve against it.
    """
    published = published or find_published(text)
    if published is None:
        raise ValueError(
            "the article has no publication date: pass published=date(...) or include a "
            "line such as 'Published: 2025-11-09'"
        )
    parsed = events_.read(text, geo, published)
    lead = events_.lead_date(parsed, published)
    events = events_.assemble(parsed, published)
    events += events_.attach_claims(parsed, events)
    suggestions = [_suggest(e, parsed, lead, published) for e in sorted(events, key=_order)]
    return [s for s in suggestions if s is not None]


def to_json(suggestions: Iterable[Suggestion]) -> str:
    """Suggestions as a JSON list with exactly :data:`FIELDS`, dates as YYYY-MM-DD."""
    rows = [
        {
            name: getattr(s, name).isoformat() if name == "date" else getattr(s, name)
            for name in FIELDS
        }
        for s in suggestions
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def to_native_frame(suggestions: Iterable[Suggestion]) -> pd.DataFrame:
    """Suggestions as native-schema strings, ready for ``schema.validate`` / the join."""
    rows = []
    for s in suggestions:
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
                "facility_name": "",
                "weapon": s.weapon,
                "effects": rules.effects([s.evidence]),
                "affected_count": _text(s.affected_count),
                "affected_unit": s.affected_unit if s.affected_count is not None else "",
                "wave_id": "",
                "confidence": s.confidence,
                "source_url": "",
                "source_outlet": SOURCE_OUTLET,
                "notes": f"suggested from article text: {s.evidence}"
                + (
                    f"; interception claim: {s.claimed_intercepted}"
                    if s.claimed_intercepted is not None
                    else ""
                ),
            }
        )
    return pd.DataFrame(rows, columns=list(schema.COLUMNS), dtype=str)


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


def _suggest(
    event: Event, parsed: Sequence[Sentence], lead: ResolvedDate | None, published: date
) -> Suggestion | None:
    texts = [parsed[i].text for i in event.content]
    claim_texts = [parsed[i].text for i in event.claims]
    officials = rules.official_names(" ".join(s.text for s in parsed))
    country = event.place.admin1_iso[:2]
    if event.claim_only:
        facility: str | None = CLAIM_FACILITY
        side = next((c for t in claim_texts if (c := rules.claimed_side(t))), None)
        weapon = rules.weapon(claim_texts)
        confidence = "claimed"
    else:
        facility = rules.facility_type(texts)
        side = next((c for t in texts if (c := rules.attacker_cue(t))), None)
        weapon = rules.weapon(texts)
        confidence = (
            "disputed"
            if event.disputed
            else "confirmed"
            if any(rules.official_confirms(t, country, officials) for t in texts)
            else "claimed"
        )
    if facility is None:
        return None
    # Where the strike landed decides first: in this war Ukraine strikes Russia and
    # Russian-held areas, Russia strikes the rest of Ukraine. Sentences name "the Russian
    # army" or "Russian security forces" as defenders too often for words to outrank that.
    occupied = event.place.admin1_iso in OCCUPIED_REGIONS or any(
        rules.is_occupied(t) for t in texts
    )
    by_place = {"RU": "ukraine", "UA": "ukraine" if occupied else "russia"}.get(country)
    if not event.claim_only and by_place and not (country == "UA" and side == "ukraine"):
        side = by_place
    if side is None:
        side = by_place or "unknown"
    when = event.date or (None if event.separate else lead) or undated(published)
    figure = next((h for t in texts if (h := rules.affected(t)) is not None), None)
    evidence = " ".join(parsed[i].text for i in sorted({*event.content, *event.claims}))
    return Suggestion(
        settlement=event.place.settlement,
        admin1_iso=event.place.admin1_iso,
        attacker=side,
        target_country=country,
        facility_type=facility,
        weapon=weapon,
        date=when.value,
        date_precision=when.precision,
        affected_count=figure[0] if figure else None,
        affected_unit=figure[1] if figure else "",
        claimed_intercepted=event.intercepted,
        confidence=confidence,
        evidence=evidence,
        latitude=event.place.latitude,
        longitude=event.place.longitude,
    )


def _order(event: Event) -> int:
    return event.first


def _text(value: int | None) -> str:
    return "" if value is None else str(value)
