"""Keyword rules that read one sentence: is it a strike report, on what, with what, by whom.

Each rule is a small regular expression with the vocabulary of
:mod:`dashboard.core.incidents.schema`, kept apart from the event assembly in
:mod:`dashboard.core.extract.article` so a new phrasing is a one-line change here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dashboard.core.extract.text import NUMBER_PATTERN, parse_number

_I = re.IGNORECASE

#: Specific facility words first: "a utility facility ... a thermal power plant" is a TPP.
FACILITIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, flags))
    for kind, pattern, flags in (
        ("hydro_power_plant", r"\bhydro(?:electric|power)|\bHPP\b|\bHES\b|\bdam\b", _I),
        ("nuclear_power_plant_area", r"\bnuclear power (?:plant|station)|\bNPP\b", _I),
        ("chp", r"\bCHP\b|\bTETs\b|combined heat|heat and power (?:plant|station)", _I),
        (
            "thermal_power_plant",
            r"\bthermal power|\bTPP\b|\bTES\b|coal-fired power|thermal (?:plant|station)",
            _I,
        ),
        ("refinery", r"\brefiner(?:y|ies)\b|\boil refining\b", _I),
        ("oil_terminal", r"\b(?:oil|fuel|export) terminal", _I),
        (
            "oil_depot",
            r"\b(?:oil|fuel) (?:depot|storage|base|tanks?)s?\b|\btank farm\b|\bdepot\b",
            _I,
        ),
        ("substation", r"\bsubstations?\b", _I),
        ("transmission_line", r"\b(?:power|transmission|high-voltage) lines?\b", _I),
        (
            "gas_facility",
            r"\bgas (?:production|facilit|infrastructure|field|processing|distribution|"
            r"storage|plant|compressor)|\bcompressor station",
            _I,
        ),
        ("pipeline", r"\bpipelines?\b|\bpumping station", _I),
        ("heating_plant", r"\bboiler (?:house|plant|room)s?\b|\bheating (?:plant|station)", _I),
        ("power_plant", r"\bpower (?:plant|station)s?\b", _I),
    )
)
_GENERIC_ENERGY = re.compile(
    r"\b(?:energy|utility|power|electricity|heating|critical) (?:facilit|infrastructure|"
    r"systems?|sites?|grid|network)|power and heating|\benergy sector",
    _I,
)
_OUTAGE = re.compile(
    r"\bblackouts?\b|\boutages?\b|\bwithout (?:power|electricity|heat|heating|light|gas)\b|"
    r"\bcut(?:ting)?(?: off)? (?:the )?(?:power|electricity|heating|heat|gas)\b|"
    r"\b(?:power|electricity|heating|heat) (?:was|were|had been) cut|\bde-?energi[sz]ed\b|"
    r"\bin the dark\b|\bdisrupted (?:power|heating|electricity)",
    _I,
)
_STRIKE = re.compile(
    r"\b(?:strikes?|struck|hit|hits|hitting|attack(?:s|ed|ing)?|targeted|targeting|"
    r"shell(?:s|ed|ing)|bomb(?:s|ed|ing)|slammed|set (?:off )?(?:a )?fire|sparked a fire|"
    r"explosions?|blasts?|damag(?:ed|ing)|knocked out|drones?|missiles?)\b",
    _I,
)
_EFFECTS = re.compile(
    r"\bfires?\b|\bblaze\b|\binjur\w+|\bkill\w+|\bdead\b|\bcasualt\w+|\bevacuat\w+|\bdebris\b|"
    r"\bdamage\w*|\brestored\b|\brepair\w*",
    _I,
)
_BACKGROUND = re.compile(
    r"\b(?:repeatedly|almost daily|nearly daily|near-daily|every night|regularly|routinely|"
    r"dozens of|hundreds of|several times|times since|since (?:the )?(?:start|beginning)|"
    r"since (?:19|20)\d\d|previous(?:ly)?|earlier this (?:year|month|week)|"
    r"last (?:year|month|winter|summer|autumn|spring)|in recent (?:weeks|months|years)|"
    r"as winter approaches|in (?:19|20)\d\d|again in)\b|"
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|uck|it|one|ought)\b",
    _I,
)
_MODAL = re.compile(
    r"\b(?:will|would|could|might|aims? to|seeks? to|plans? to|intends? to|wants? to|"
    r"threaten\w*|vow\w*)\b",
    _I,
)
_NEGATED = re.compile(
    r"\b(?:did not|didn't|does not|doesn't|was not|wasn't|were not|weren't|not)\s+"
    r"(?:\w+\s+)?(?:mention|say|hit|struck|damaged|attacked|targeted|specify|confirm)\b",
    _I,
)
_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|dismissed|refuted|rejected)\b|\bfalse\b|\bfake\b", _I
)
_SEPARATE = re.compile(
    r"^(?:Separately|Elsewhere|Meanwhile|In (?:a |another )?separate \w+|In another \w+)\b"
)
_OFFICIAL = re.compile(
    r"\bgov\.|\bgovernor\b|\bmayor\b|\bregional (?:head|administration|authorities)|"
    r"\bmilitary administration\b|\bhead of the (?:\w+\s+){0,3}?(?:administration|region|"
    r"peninsula|city|oblast)|\b(?:installed|appointed) head\b|\benergy ministry\b|"
    r"\bministry of energy\b|\bemergency (?:services|ministry|service)\b|\blocal "
    r"(?:officials|authorities)\b|\bregional head\b",
    _I,
)
_COMPANIES = {
    "UA": re.compile(r"\b(?:Ukrenergo|DTEK|Naftogaz|Ukrhydroenergo|Centrenergo|Ukrnafta)\b"),
    "RU": re.compile(r"\b(?:Rosseti|Rosneft|Lukoil|Transneft|Gazprom|Inter RAO)\b"),
}
_SIDE_WORDS = {
    "ukraine": r"(?:Ukrain(?:ian|e[’']s)|Kyiv[’']s)",
    "russia": r"(?:Russia(?:n|[’']s)|Moscow[’']s)",
}
_ATTACK_NOUNS = (
    r"(?:drones?|missiles?|strikes?|attacks?|forces|troops|military|army|navy|shelling|UAVs?|"
    r"bombs?|air ?strikes?|artillery)"
)
_SIDE_CUES = tuple(
    (side, re.compile(pattern))
    for side, words, subject in (
        ("ukraine", _SIDE_WORDS["ukraine"], r"(?:Ukraine|Kyiv)"),
        ("russia", _SIDE_WORDS["russia"], r"(?:Russia|Moscow)"),
    )
    for pattern in (
        rf"\b{words}\s+(?:[\w-]+\s+){{0,2}}?{_ATTACK_NOUNS}\b",
        rf"\b{subject}\s+(?:attacked|struck|hit|launched|shelled|targeted|bombed)\b",
        rf"\bby\s+{subject}\b",
    )
)
_OCCUPIED = re.compile(
    r"\boccupied\b|\b(?:Russian|Moscow|Kremlin)-(?:installed|appointed)\b|\boccupation\b", _I
)
_WEAPONS = {
    "glide_bomb": re.compile(r"\bglide bombs?\b|\bguided (?:aerial |air )?bombs?\b|\bKABs?\b", _I),
    "drone": re.compile(r"\bdrones?\b|\bUAVs?\b|\bShaheds?\b|\bGerans?\b|\bunmanned\b", _I),
    "missile": re.compile(
        r"\bmissiles?\b|\bKalibrs?\b|\bIskanders?\b|\bKinzhals?\b|\bNeptunes?\b|\bballistic\b",
        _I,
    ),
    "artillery": re.compile(r"\bshell(?:s|ed|ing)\b|\bartillery\b|\bMLRS\b|\bmortars?\b", _I),
}
_HOUSEHOLDS = re.compile(
    rf"(?P<n>{NUMBER_PATTERN})\s+(?:[a-z]+\s+){{0,2}}?(?P<unit>households|homes|customers|"
    r"consumers|subscribers|residents|families|people)\b",
    _I,
)
#: The word a report uses -> the unit it is recorded in (never converted further).
_UNIT_WORDS = {
    "households": "households",
    "homes": "households",
    "families": "households",
    "customers": "customers",
    "consumers": "customers",
    "subscribers": "customers",
    "residents": "residents",
    "people": "people",
}
_AFFECTED = re.compile(r"\baffected\b|\bwithout\b|\bcut\w*|\blost\b|\bdisconnected\b", _I)
_INTERCEPT_VERB = r"(?:intercepted|destroyed|shot\s+down|downed|neutrali[sz]ed|repelled)"
_INTERCEPTION = re.compile(
    rf"\b{_INTERCEPT_VERB}\b.*?\b(?:drones?|UAVs?|missiles?)\b|"
    rf"\b(?:drones?|UAVs?|missiles?)\b.*?\b(?:were|was|had been|have been)\s+{_INTERCEPT_VERB}",
    _I,
)
_COUNT = re.compile(rf"(?<![\w-])(?P<n>{NUMBER_PATTERN})(?![\w-])", _I)
_WEAPON_AFTER = re.compile(r"^\s+(?:[\w-]+\s+){0,2}?(?:drones?|UAVs?|missiles?)\b", _I)
#: A tally's later parts leave the weapon out: "four drones over Belgorod, two over Kursk".
_PLACE_AFTER = re.compile(r"^\s+(?:more\s+)?(?:in|over|above)\b", _I)
_WEAPON_COUNT = re.compile(
    rf"(?<![\w-])(?:{NUMBER_PATTERN})\s+(?:[\w-]+\s+){{0,2}}?(?:drones?|UAVs?|missiles?)\b", _I
)
_NOT_A_COUNT_AFTER = re.compile(
    r"^\s*(?:%|per ?cent|km|kilomet|miles|tonnes|times|hours|years?|am\b|pm\b|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)",
    _I,
)
_CLAIMED_SIDE = re.compile(
    rf"(?P<n>{NUMBER_PATTERN})\s+(?P<side>Ukrainian|Russian)\s+(?:[\w-]+\s+)?(?:drones?|UAVs?|"
    r"missiles?)",
    _I,
)


def facility_type(texts: Iterable[str]) -> str | None:
    """The most specific facility named in any of the texts, else generic energy, else None."""
    texts = list(texts)
    for text in texts:
        hits = [(m.start(), kind) for kind, rx in FACILITIES if (m := rx.search(text))]
        if hits:
            return min(hits)[1]
    if any(_GENERIC_ENERGY.search(t) or _OUTAGE.search(t) for t in texts):
        return "other_energy"
    return None


def weapon(texts: Iterable[str]) -> str:
    """Schema weapon from every weapon word in the event's sentences."""
    joined = " ".join(texts)
    found = {name for name, rx in _WEAPONS.items() if rx.search(joined)}
    if "glide_bomb" in found:
        return "glide_bomb"
    if {"drone", "missile"} <= found:
        return "drone_and_missile"
    for name in ("drone", "missile", "artillery"):
        if name in found:
            return name
    return "unknown"


def attacker_cue(text: str) -> str | None:
    """The side a sentence names as attacking ("Ukrainian drones", "Russia attacked")."""
    hits = [(m.start(), side) for side, rx in _SIDE_CUES if (m := rx.search(text))]
    return min(hits)[1] if hits else None


def claimed_side(text: str) -> str | None:
    """The side of the weapons in an interception claim ("44 Ukrainian drones")."""
    match = _CLAIMED_SIDE.search(text)
    return (
        None
        if match is None
        else {"ukrainian": "ukraine", "russian": "russia"}[match["side"].lower()]
    )


def is_strike(text: str) -> bool:
    return bool(_STRIKE.search(text))


def is_energy(text: str) -> bool:
    return facility_type([text]) is not None


def is_eventish(text: str) -> bool:
    """Says something about an attack or its effects (so it may continue an event)."""
    return (
        is_strike(text)
        or is_energy(text)
        or bool(_EFFECTS.search(text))
        or affected(text) is not None
    )


def is_background(text: str) -> bool:
    """General or historical statement ("has repeatedly targeted", "since 2022")."""
    return bool(_BACKGROUND.search(text))


def is_modal(text: str) -> bool:
    return bool(_MODAL.search(text))


def is_negated(text: str) -> bool:
    return bool(_NEGATED.search(text))


def is_denial(text: str) -> bool:
    return bool(_DENIAL.search(text))


def is_separate(text: str) -> bool:
    """Opens with "Separately," / "Elsewhere,": a new event, not dated by the lead."""
    return bool(_SEPARATE.search(text))


def is_occupied(text: str) -> bool:
    return bool(_OCCUPIED.search(text))


_OFFICIAL_NAME = re.compile(
    r"\b(?:Gov\.|Governor|Mayor)\s+(?:[A-Z][\w'’-]+\s+){0,2}(?P<surname>[A-Z][\w'’-]{2,})"
)


def official_names(text: str) -> frozenset[str]:
    """Surnames of governors and mayors the article introduces ("Governor Vasily Golubev")."""
    return frozenset(m["surname"] for m in _OFFICIAL_NAME.finditer(text))


def official_confirms(
    text: str, target_country: str, officials: frozenset[str] = frozenset()
) -> bool:
    """An official or operator of the attacked side reports it (governor, Ukrenergo...).

    ``officials`` are surnames introduced elsewhere in the article, so "Golubev wrote"
    counts once the lead has said who Golubev is.
    """
    if _OFFICIAL.search(text):
        return True
    if any(re.search(rf"\b{re.escape(name)}\b", text) for name in officials):
        return True
    company = _COMPANIES.get(target_country)
    return bool(company and company.search(text))


def affected(text: str) -> tuple[int, str] | None:
    """A figure of those left without supply and its unit ("households", "customers",
    "residents", "people"), as reported."""
    if not _AFFECTED.search(text):
        return None
    match = _HOUSEHOLDS.search(text)
    if match is None:
        return None
    return parse_number(match["n"]), _UNIT_WORDS[match["unit"].lower()]


def interception_counts(text: str) -> list[tuple[int, int]] | None:
    """Counts in an interception claim as (value, position); None if it is not one.

    "55 of 63 drones" counts 55 (63 were launched); numbers before a month or a
    unit are not counts.
    """
    if not (_INTERCEPTION.search(text) and _WEAPON_COUNT.search(text)):
        return None
    counts = []
    for match in _COUNT.finditer(text):
        value = parse_number(match["n"])
        before = text[: match.start()]
        if (
            value is None
            or (
                not match["n"][0].isdigit()
                and not _WEAPON_AFTER.match(text[match.end() :])
                and not _PLACE_AFTER.match(text[match.end() :])
            )
            or re.search(r"\bof\s+$", before, _I)
            or _NOT_A_COUNT_AFTER.match(text[match.end() :])
            or (1900 <= value <= 2100 and re.fullmatch(r"\d{4}", match["n"]))
        ):
            continue
        counts.append((value, match.start()))
    return counts or None


def total_intercepted(text: str, counts: list[tuple[int, int]]) -> int:
    """A claim's total: the counts summed, leaving out parts ("including 14 over ...")."""
    return sum(
        value
        for value, position in counts
        if not re.search(r"\bincluding\s+$", text[:position], _I)
    )


_EFFECT_TAGS = (
    ("power outage", _OUTAGE),
    ("heating disrupted", re.compile(r"\bheating\b|\bheat\b|\bhot water\b", _I)),
    ("fire", re.compile(r"\bfires?\b|\bblaze\b|\bcaught fire\b", _I)),
    ("damage", re.compile(r"\bdamag\w+|\bdestroyed\b|\bknocked out\b", _I)),
    ("casualties", re.compile(r"\binjur\w+|\bkill\w+|\bdead\b|\bwounded\b", _I)),
)


def effects(texts: Iterable[str]) -> str:
    """Short effect tags for the native ``effects`` column ("power outage; fire")."""
    joined = " ".join(texts)
    return "; ".join(tag for tag, rx in _EFFECT_TAGS if rx.search(joined))
