"""Turn a pasted article into clean sentences, and read the numbers reporters write.

Sentences are the unit of evidence, so splitting must not break on "Gov." or
"U.S." and must drop the parts of a page that are not prose: the publication
stamp, the dateline ("KYIV —"), the agency sign-off ("— Agencies").
"""

from __future__ import annotations

import re
import unicodedata

from dashboard.core.extract.dates import is_published_line

_ABBREVIATIONS = frozenset((
    "gov", "govs", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "mr", "mrs", "ms", "dr",
    "st", "sen", "rep", "no", "vs", "approx", "est", "inc", "corp", "co", "ltd", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g",
    "i.e",
))  # fmt: skip
_BOUNDARY = re.compile(r"[.!?][\"”’»)]*\s+(?=[\"“‘«(]?[A-ZА-ЯІЇЄҐЁ0-9])")
_DATELINE = re.compile(
    r"^(?:[A-ZА-ЯІЇЄҐЁ][A-ZА-ЯІЇЄҐЁ.'’ -]+(?:,\s*[A-Z][\w .]*?)?|\([A-Z][\w ]+\))\s*[—–-]{1,2}\s+"
)
_SIGN_OFF = re.compile(r"\s+[—–]\s*[A-Z][\w ,&]{0,40}$")
_NUMBER = re.compile(
    r"(?P<num>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>million|thousand|m|k)\b)?",
    re.IGNORECASE,
)
_WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "a dozen": 12,
    "dozens": 24,
}
WORD_NUMBER = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True))


def sentences(text: str) -> list[str]:
    """Article prose as sentences, in order, without stamps, datelines and sign-offs."""
    out: list[str] = []
    for raw_line in text.splitlines():
        line = unicodedata.normalize("NFC", raw_line).strip()
        if not line or is_published_line(line):
            continue
        line = _SIGN_OFF.sub("", _DATELINE.sub("", line)).strip()
        start = 0
        for boundary in _BOUNDARY.finditer(line):
            if _is_abbreviation(line[: boundary.start()]):
                continue
            piece = line[start : boundary.end()].strip()
            if piece:
                out.append(piece)
            start = boundary.end()
        if line[start:].strip():
            out.append(line[start:].strip())
    return out


def parse_number(text: str) -> int | None:
    """A count as reporters write it: "20,000", "20 000", "1.2 million", "twelve"."""
    word = _WORD_NUMBERS.get(text.strip().lower())
    if word is not None:
        return word
    match = _NUMBER.fullmatch(text.strip())
    if not match:
        return None
    value = float(re.sub(r"[,\u00a0\u202f ]", "", match["num"]))
    scale = (match["scale"] or "").lower()
    value *= {"million": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3}.get(scale, 1)
    return round(value)


#: A number in running text, for patterns that read counts (digits or words).
NUMBER_PATTERN = (
    r"(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:\.\d+)?)(?:\s*(?:million|thousand))?"
    rf"|{WORD_NUMBER}"
)


def _is_abbreviation(before: str) -> bool:
    word = re.split(r"[\s(\"“]", before)[-1].lower()
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"[a-zа-я]", word))
