"""Find the places a sentence locates something in, using the project's gazetteer.

A gazetteer of 9,000 towns matches many capitalised words that are not places in
context: governors' surnames (Gusev), first names (Vladimir), capitals used for
governments ("Moscow will not abandon..."). So a name counts as a *location* only
where English grammar puts a location: after a locative word ("in", "near",
"struck", "the city of"), before a facility word ("the Ryazan refinery"), or in a
list with such a place. Multi-word capitalised runs that are not a place as a whole
("Alexander Gusev") are people. Regions are matched first ("Bryansk and Rostov
regions", "Crimea"), so "Kharkiv region" is not read as the city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.core.join.place import Geography

_CAP = r"[A-ZА-ЯІЇЄҐЁ][\w’'\-]*"
_RUN = re.compile(rf"{_CAP}(?:[ \u00a0]{_CAP})*")
_REGION_WORDS = r"(?:regions?|oblasts?|provinces?|krai|territory|regional|republic)"
_REGION_LIST = re.compile(
    rf"(?P<names>{_CAP}(?:\s{_CAP})?(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_CAP}(?:\s{_CAP})?)*)"
    rf"\s+(?P<word>(?i:{_REGION_WORDS}))\b"
)
_REGION_OF = re.compile(rf"\b(?i:region|oblast|republic)\s+of\s+(?P<names>{_CAP})")
_CYRILLIC_REGION = re.compile(r"[А-ЯІЇЄҐЁ][а-яіїєґё'’]+\s+(?:област[ьиі]|край|республік[аи])")
#: Capitalised words that are never (part of) a place name in this context.
_NOT_NAMES = frozenset((
    "a", "about", "according", "after", "again", "also", "an", "and", "analysis", "as", "at",
    "but", "by", "during", "early", "for", "from", "governor", "gov", "head", "in", "it", "late",
    "mayor", "meanwhile", "minister", "ministry", "near", "of", "on", "overnight", "president",
    "regional", "separately", "several", "since", "some", "that", "the", "their", "this", "those",
    "to", "while", "with", "russia", "russian", "russians", "ukraine", "ukrainian", "ukrainians",
    "belarus", "belarusian", "moldova", "moldovan", "romania", "poland", "us", "u.s", "eu",
    "nato", "kremlin", "defence", "defense", "foreign", "general", "staff", "secretary", "prime",
    "deputy", "chief", "mr", "ms", "dr", "lt", "col", "gen", "sen", "region", "oblast", "krai",
    "republic", "city", "town", "village", "thermal", "power", "plant", "station", "refinery",
    "oil", "gas", "energy", "nuclear", "air", "force", "navy", "army", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "telegram",
))  # fmt: skip
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|outside|over|around|across|to|into|towards?|against|above|on|hit|hits|"
    r"hitting|struck|strike|strikes|attack|attacks|targeted|targeting|attacked|attacking|shelled|"
    r"shelling|bombed|pounded)\s+(?:the\s+)?(?:(?:[a-z][\w’'-]*|Russian|Ukrainian|"
    r"Russian-occupied|Russian-held|Ukrainian-held)\s+){0,2}?|\b(?:city|town|village|port|"
    r"settlement|capital)\s+of\s+)$",
    re.IGNORECASE,
)
_FACILITY_AFTER = re.compile(
    r"^(?:[’']s)?\s+(?:[a-z][\w-]*\s+){0,3}?(?:refinery|plant|station|depot|terminal|substation|"
    r"TPP|TES|CHP|HPP|HES|TETs|dam|facility|facilities|infrastructure|grid|power)\b"
)
_NOT_A_TOWN_AFTER = re.compile(r"^\s+(?:river|reservoir|sea|lake|basin|delta|canal)\b", re.I)
_LIST_BEFORE = re.compile(r"(?:,|\band|\bor|\()\s*$")
_MIN_POPULATION = 10_000
_MIN_POPULATION_VARIANT = 50_000


@dataclass(frozen=True)
class Mention:
    """A place named in a sentence: a settlement (with its region) or a whole region."""

    text: str
    start: int
    admin1_iso: str
    settlement: str  # "" for a region
    latitude: float
    longitude: float
    how: str  # "locative", "facility", "region"

    @property
    def is_region(self) -> bool:
        return not self.settlement


def find_places(sentence: str, geo: Geography) -> list[Mention]:
    """Places the sentence locates something in, in text order (regions included)."""
    regions = _regions(sentence, geo)
    taken = [(m.start, m.start + len(m.text)) for m in regions]
    hint = regions[0].admin1_iso if regions else None
    towns: list[Mention] = []
    for run in _RUN.finditer(sentence):
        if any(a <= run.start() < b for a, b in taken):
            continue
        for text, start in _segments(run.group(0), run.start()):
            mention = _town(sentence, text, start, geo, hint, towns)
            if mention:
                towns.append(mention)
    return sorted([*regions, *towns], key=lambda m: m.start)


def _regions(sentence: str, geo: Geography) -> list[Mention]:
    found: list[Mention] = []
    for match in _REGION_LIST.finditer(sentence):
        offset = match.start("names")
        for name in re.finditer(rf"{_CAP}(?:\s{_CAP})?", match["names"]):
            words = name.group(0).split()
            for tail in range(len(words)):
                candidate = " ".join(words[tail:])
                iso = geo.regions.lookup(f"{candidate} region")
                if iso and candidate.lower() not in _NOT_NAMES:
                    found.append(_region(geo, iso, candidate, offset + name.start()))
                    break
    for match in _REGION_OF.finditer(sentence):
        iso = geo.regions.lookup(f"{match['names']} region")
        if iso:
            found.append(_region(geo, iso, match.group(0), match.start()))
    for match in _CYRILLIC_REGION.finditer(sentence):
        iso = geo.regions.lookup(match.group(0))
        if iso:
            found.append(_region(geo, iso, match.group(0), match.start()))
    # A region named on its own ("over Crimea"), where no town has that name.
    for run in _RUN.finditer(sentence):
        word = re.sub(r"[’']s$", "", run.group(0))
        if " " in word or word.lower() in _NOT_NAMES or geo.gazetteer.lookup(word):
            continue
        iso = geo.regions.lookup(word)
        if iso and _LOCATIVE_BEFORE.search(sentence[: run.start()]):
            found.append(_region(geo, iso, word, run.start()))
    unique = {m.start: m for m in found}
    return sorted(unique.values(), key=lambda m: m.start)


def _region(geo: Geography, iso: str, text: str, start: int) -> Mention:
    anchor = geo.anchors.loc[iso]
    return Mention(
        text=text,
        start=start,
        admin1_iso=iso,
        settlement="",
        latitude=float(anchor["latitude"]),
        longitude=float(anchor["longitude"]),
        how="region",
    )


def _segments(run: str, start: int) -> list[tuple[str, int]]:
    """Split a capitalised run at words that cannot be part of a place name."""
    segments: list[tuple[str, int]] = []
    current: list[tuple[str, int]] = []
    for word in re.finditer(r"\S+", run):
        bare = re.sub(r"[’']s$", "", word.group(0))
        if bare.lower() in _NOT_NAMES or bare.split("-")[0].lower() in _NOT_NAMES:
            if current:
                segments.append(_join(current))
            current = []
        else:
            current.append((word.group(0), start + word.start()))
    if current:
        segments.append(_join(current))
    return segments


def _join(words: list[tuple[str, int]]) -> tuple[str, int]:
    return " ".join(w for w, _ in words), words[0][1]


def _town(
    sentence: str,
    text: str,
    start: int,
    geo: Geography,
    hint: str | None,
    earlier: list[Mention],
) -> Mention | None:
    name = re.sub(r"[’']s$", "", text)
    end = start + len(name)
    after = sentence[end:]
    if _NOT_A_TOWN_AFTER.match(after):
        return None
    before = sentence[:start]
    # "struck the Dnipro hydroelectric station in Zaporizhzhia": a facility's name
    # comes first, so the town after "in" can win over it.
    if _FACILITY_AFTER.match(after):
        how = "facility"
    elif _LOCATIVE_BEFORE.search(before):
        how = "locative"
    elif earlier and _LIST_BEFORE.search(before) and start - _end(earlier[-1]) < 8:
        how = earlier[-1].how
    else:
        return None
    country = "RU" if re.search(r"Russia(?:n|[’']s)\s+(?:\w+\s+){0,2}$", before) else None
    if country is None and re.search(r"Ukrain(?:ian|e[’']s)\s+(?:\w+\s+){0,2}$", before):
        country = "UA"
    # A town found inside a region the sentence names is trusted whatever its size.
    place = geo.gazetteer.lookup(name, admin1_iso=hint) if hint else None
    if place is None:
        place = geo.gazetteer.lookup(name, country=country)
        if place is None:
            return None
        floor = _MIN_POPULATION if place.match == "exact" else _MIN_POPULATION_VARIANT
        small_ok = re.search(r"\b(?:town|village|settlement) of\s+$", before)
        if place.population < floor and not small_ok:
            return None
    return Mention(
        text=name,
        start=start,
        admin1_iso=place.admin1_iso,
        settlement=name,
        latitude=place.latitude,
        longitude=place.longitude,
        how=how,
    )


def _end(mention: Mention) -> int:
    return mention.start + len(mention.text)
