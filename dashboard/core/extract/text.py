"""Turn a pasted article into clean sentences, and read the numbers reporters write.

Sentences are the unit of evidence, so splitting must not break on "Gov.", "U.S." or
"обл." and must drop the parts of a page that are not prose: the publication stamp,
the dateline ("KYIV —"), the agency sign-off ("— Agencies"). Paragraphs are kept
(a date said once holds for the paragraph). Numbers come as digits ("20,000",
"20 000", "1,2 млн"), words ("twelve", "пятнадцать", "п'ять") or both ("пяти тысяч").
"""

from __future__ import annotations

import re
import unicodedata

from dashboard.core.extract.dates import is_published_line

_ABBREVIATIONS = frozenset((
    "gov", "govs", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "mr", "mrs", "ms", "dr",
    "st", "sen", "rep", "no", "vs", "approx", "est", "inc", "corp", "co", "ltd", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g",
    "i.e", "г", "гг", "обл", "т.е", "т.д", "т.п", "им", "ул", "вул", "пр", "ст", "тыс", "тис",
    "млн", "млрд", "пгт", "смт", "див", "см", "напр", "ін", "др", "a.m", "p.m",
))  # fmt: skip
#: A sentence ends at . ! ? before a capital, digit or opening quote, and at a semicolon.
_BOUNDARY = re.compile(r"[.!?][\"”’»)]*\s+(?=[\"“‘«(]?[A-ZА-ЯІЇЄҐЁ0-9])|;\s+")
_DATELINE = re.compile(
    r"^(?:[A-ZА-ЯІЇЄҐЁ][A-ZА-ЯІЇЄҐЁ.'’ -]+(?:,\s*[A-Z][\w .]*?)?|\([A-Z][\w ]+\))\s*[—–-]{1,2}\s+"
)
_SIGN_OFF = re.compile(r"\s+[—–]\s*[A-Z][\w ,&]{0,40}$")
_APOSTROPHE = "['’ʼ]"
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


def _forms(stems: str, endings: str = "") -> tuple[str, ...]:
    """Every stem with every ending ("пятнадцат", "ь и ью" -> пятнадцать, -и, -ью)."""
    tails = endings.split() or [""]
    return tuple(stem + tail for stem in stems.split() for tail in tails)


#: Russian and Ukrainian number words in the cases a count takes ("пяти тысяч",
#: "восемь — над Курской", "п'ять дронів"), by value; ' stands for any apostrophe.
_CYRILLIC_NUMBERS: dict[int, tuple[str, ...]] = {
    1: _forms("один одна одно одного одной одному одним одном одну одне одній одної"),
    2: _forms("два две двух двум двумя дві двох двом двома"),
    3: _forms("три трёх трех трём трем тремя трьох трьом трьома"),
    4: _forms("четыре четырёх четырех четырём четырем четырьмя чотири чотирьох чотирма"),
    5: _forms("пять пяти пятью п'ять п'яти п'ятьох п'ятьма"),
    6: _forms("шесть шести шестью шість шістьох шістьма"),
    7: _forms("семь семи семью сім сімох сімома"),
    8: _forms("восемь восьми восемью вісім вісьмох вісьмома"),
    9: _forms("девять девяти девятью дев'ять дев'яти дев'ятьох"),
    10: _forms("десять десяти десятью десятьох"),
    **{
        value: _forms(ru, "ь и ью") + _forms(uk, "ь и ьох ьма")
        for value, ru, uk in (
            (11, "одиннадцат", "одинадцят"),
            (12, "двенадцат", "дванадцят"),
            (13, "тринадцат", "тринадцят"),
            (14, "четырнадцат", "чотирнадцят"),
            (15, "пятнадцат", "п'ятнадцят"),
            (16, "шестнадцат", "шістнадцят"),
            (17, "семнадцат", "сімнадцят"),
            (18, "восемнадцат", "вісімнадцят"),
            (19, "девятнадцат", "дев'ятнадцят"),
            (20, "двадцат", "двадцят"),
            (30, "тридцат", "тридцят"),
        )
    },
    40: _forms("сорок сорока"),
    50: _forms("пятьдесят пятидесяти п'ятдесят п'ятдесяти"),
    60: _forms("шестьдесят шестидесяти шістдесят шістдесяти"),
    70: _forms("семьдесят семидесяти сімдесят сімдесяти"),
    80: _forms("восемьдесят восьмидесяти вісімдесят вісімдесяти"),
    90: _forms("девяносто девяноста дев'яносто дев'яноста"),
    100: _forms("сто ста"),
    200: _forms("двести двухсот двісті двохсот"),
    300: _forms("триста трёхсот трехсот трьохсот"),
}
_CYRILLIC_VALUES = {
    form.replace("'", ""): value for value, forms in _CYRILLIC_NUMBERS.items() for form in forms
}
_CYRILLIC_WORD = (
    r"\b(?:"
    + "|".join(
        re.escape(form).replace("'", _APOSTROPHE)
        for form in sorted(
            (f for forms in _CYRILLIC_NUMBERS.values() for f in forms), key=len, reverse=True
        )
    )
    + r")\b"
)
#: Scale words after a number: "1.2 million", "5 тысяч", "55 тис.", "1,2 млн".
_SCALES = (
    (1_000_000, r"million|m|миллион\w*|мільйон\w*|млн\.?"),
    (1_000, r"thousand|k|тысяч\w*|тыс\.?|тисяч\w*|тис\.?"),
)
_SCALE_IN_TEXT = (
    r"(?:million|thousand|миллион\w*|мільйон\w*|млн\.?|тысяч\w*|тыс\.?|тисяч\w*|тис\.?)"
)
_DIGITS = r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
_CYRILLIC_RUN = rf"{_CYRILLIC_WORD}(?:\s+{_CYRILLIC_WORD})*"
_NUMBER = re.compile(
    rf"(?:(?P<digits>{_DIGITS})|(?P<words>{_CYRILLIC_RUN}))"
    rf"(?:\s*(?P<scale>{'|'.join(words for _, words in _SCALES)})(?!\w))?",
    re.IGNORECASE,
)
#: A number in running text, for patterns that read counts (digits or words).
NUMBER_PATTERN = rf"(?:{_DIGITS}|{_CYRILLIC_RUN})(?:\s*{_SCALE_IN_TEXT}(?!\w))?|{WORD_NUMBER}"


def split(text: str) -> list[tuple[int, str]]:
    """Article prose as (paragraph, sentence) pairs, in order, without stamps, datelines
    and sign-offs. A paragraph is a line of the text."""
    out: list[tuple[int, str]] = []
    for paragraph, raw_line in enumerate(text.splitlines()):
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
                out.append((paragraph, piece))
            start = boundary.end()
        if line[start:].strip():
            out.append((paragraph, line[start:].strip()))
    return out


def sentences(text: str) -> list[str]:
    """Article prose as sentences, in order (see :func:`split`)."""
    return [sentence for _, sentence in split(text)]


def parse_number(text: str) -> int | None:
    """A count as reporters write it: "20,000", "20 000", "1.2 million", "twelve",
    "пятнадцать", "пяти тысяч", "1,2 млн", "сто пятьдесят"."""
    word = _WORD_NUMBERS.get(text.strip().lower())
    if word is not None:
        return word
    match = _NUMBER.fullmatch(text.strip())
    if not match or not (match["digits"] or match["words"]):
        return None
    if match["digits"]:
        digits = match["digits"]
        grouped = re.fullmatch(r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+", digits)
        value = float(
            re.sub(r"[,\u00a0\u202f ]", "", digits) if grouped else digits.replace(",", ".")
        )
    else:
        value = float(sum(_CYRILLIC_VALUES[_bare(w)] for w in match["words"].split()))
    scale = (match["scale"] or "").lower()
    for factor, words in _SCALES:
        if scale and re.fullmatch(words, scale):
            value *= factor
    return round(value)


def _bare(word: str) -> str:
    return re.sub(_APOSTROPHE, "", word.lower())


def _is_abbreviation(before: str) -> bool:
    word = re.split(r"[\s(\"“«]", before)[-1].lower()
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"[a-zа-яіїє]", word))
