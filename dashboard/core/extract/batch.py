"""Many articles at once: suggestions from every file, the same strike merged across reports.

A night's strike on a refinery is reported by the governor, an agency and three
outlets. Read one by one they are five suggestions; an analyst wants one, listing all
five sources. Suggestions merge when they are the same record: a strike on the same
day, region, town and facility type, or an interception claim on the same day over the
same region. A vaguer report merges into the one more specific report it fits (the
region's "energy facility" into the town's substation that day), never into one of two.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import pandas as pd

from dashboard.core.exports.tables import neutralise_formulas
from dashboard.core.extract import documents
from dashboard.core.extract.article import (
    CLAIM,
    STRIKE,
    Suggestion,
    extract,
    to_native_frame,
    with_source,
)
from dashboard.core.geo.names import skeleton
from dashboard.core.incidents.schema import SOURCE_SEPARATOR
from dashboard.core.join.place import Geography

#: Between the evidence of merged reports.
EVIDENCE_SEPARATOR = " || "


@dataclass(frozen=True)
class FileResult:
    """What one file gave: how many articles were read, their suggestions (each marked
    with its source), and why anything in it could not be read."""

    path: Path
    read: int
    suggestions: list[Suggestion]
    errors: list[str]


def read_path(
    path: Path, geo: Geography, published: date | None = None, waves: Collection[str] = ()
) -> FileResult:
    """Suggestions from every article in one file. ``published`` dates the articles
    whose file gives no date of its own (a page's metadata, a feed item's date)."""
    try:
        articles = documents.read_file(path)
    except documents.DocumentError as error:
        return FileResult(path, 0, [], [str(error)])
    found: list[Suggestion] = []
    errors: list[str] = []
    for article in articles:
        try:
            suggestions = extract(
                article.text,
                geo,
                published=article.published or published,
                waves=waves,
                name_sites=False,  # once for the whole batch, after merging
            )
        except ValueError as error:
            errors.append(f"{article.source}: {error}")
            continue
        outlet = article.outlet or ("" if article.url else article.source)
        found += with_source(suggestions, article.url, outlet)
    return FileResult(path, len(articles) - len(errors), found, errors)


def files_in(paths: Iterable[Path]) -> list[Path]:
    """The files named, and every file inside the folders named (hidden ones left out)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.parts)
            )
        else:
            out.append(path)
    return out


def merge(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """One suggestion per record, listing every report's source (see the module doc)."""
    exact: dict[tuple[object, ...], Suggestion] = {}
    for s in suggestions:
        key = _key(s)
        exact[key] = _combine(exact[key], s) if key in exact else s
    days: dict[tuple[object, ...], list[Suggestion]] = {}
    for s in exact.values():
        days.setdefault(_key(s)[:3], []).append(s)
    for same_day in days.values():
        _fold_vague(same_day)
    return [s for same_day in days.values() for s in same_day]


def _fold_vague(same_day: list[Suggestion]) -> None:
    """Merge, in place, each vague strike into the one more specific strike it fits."""
    changed = True
    while changed:
        changed = False
        for vague in [s for s in same_day if s.kind == STRIKE and _is_vague(s)]:
            fits = [s for s in same_day if s is not vague and _refines(s, vague)]
            if len(fits) == 1:
                same_day[same_day.index(fits[0])] = _combine(fits[0], vague)
                same_day.remove(vague)
                changed = True
                break


def strikes_frame(suggestions: Iterable[Suggestion]) -> pd.DataFrame:
    """Strikes in the native schema with stable ids, formulas made inert, ready for
    review and ``python -m dashboard ingest``."""
    chosen = [s for s in suggestions if s.kind == STRIKE]
    frame = to_native_frame(chosen)
    frame["id"] = [f"ext-{_digest(s)}" for s in chosen]
    return neutralise_formulas(frame)


def _key(s: Suggestion) -> tuple[object, ...]:
    if s.kind == CLAIM:
        return (s.kind, s.date, s.admin1_iso)
    return (s.kind, s.date, s.admin1_iso, _town(s), s.facility_type)


def _town(s: Suggestion) -> object:
    """The same town whatever the spelling: its gazetteer position, else its name's
    skeleton (Kharkov and Харків are one place)."""
    if not s.settlement:
        return ""
    if s.latitude is not None and s.longitude is not None:
        return (round(s.latitude, 3), round(s.longitude, 3))
    return skeleton(s.settlement)


def _is_vague(s: Suggestion) -> bool:
    return not s.settlement or s.facility_type == "other_energy"


def _refines(specific: Suggestion, vague: Suggestion) -> bool:
    """``specific`` is the same strike told more precisely (a town, a facility type)."""
    same_town = not vague.settlement or _town(vague) == _town(specific)
    same_site = vague.facility_type in ("other_energy", specific.facility_type)
    finer = (bool(specific.settlement) and not vague.settlement) or (
        specific.facility_type != "other_energy" and vague.facility_type == "other_energy"
    )
    return specific.kind == STRIKE and same_town and same_site and finer


def _combine(a: Suggestion, b: Suggestion) -> Suggestion:
    """``a`` completed with what ``b`` adds: sources, a town, a figure, a surer day."""
    place = a if a.settlement or not b.settlement else b
    weapons = {a.weapon, b.weapon} - {"unknown"}
    weapon = (
        "drone_and_missile"
        if {"drone", "missile"} <= weapons
        else a.weapon
        if a.weapon != "unknown"
        else b.weapon
    )
    figure = a if a.affected_count is not None else b
    confidence = next(
        c for c in ("disputed", "confirmed", "claimed") if c in (a.confidence, b.confidence)
    )
    return replace(
        a,
        settlement=place.settlement,
        latitude=place.latitude,
        longitude=place.longitude,
        facility_type=a.facility_type if a.facility_type != "other_energy" else b.facility_type,
        weapon=weapon,
        attacker=a.attacker if a.attacker != "unknown" else b.attacker,
        date_precision="day" if "day" in (a.date_precision, b.date_precision) else a.date_precision,
        affected_count=figure.affected_count,
        affected_unit=figure.affected_unit,
        claimed_intercepted=a.claimed_intercepted
        if a.claimed_intercepted is not None
        else b.claimed_intercepted,
        wave_id=a.wave_id or b.wave_id,
        confidence=confidence,
        evidence=_join((a.evidence, b.evidence), EVIDENCE_SEPARATOR),
        source_url=_join((a.source_url, b.source_url), SOURCE_SEPARATOR),
        source_outlet=_join((a.source_outlet, b.source_outlet), SOURCE_SEPARATOR),
    )


def _join(values: Iterable[str], separator: str) -> str:
    parts = [p for value in values for p in value.split(separator) if p]
    return separator.join(dict.fromkeys(parts))


def _digest(s: Suggestion) -> str:
    key = "|".join(map(str, _key(s)))
    return hashlib.sha256(key.encode()).hexdigest()[:10]
