"""Which language a report is in, and the dictionary forms of its Russian and Ukrainian words.

The first report of a strike is a governor's or a ministry's post in Russian or
Ukrainian. Their place names inflect (в Белгороде, у Харкові, Кременчугской ТЭЦ) while
the gazetteer knows nominatives, so Cyrillic words are reduced to their dictionary forms
with pymorphy3 and its OpenCorpora (Russian) and VESUM (Ukrainian) dictionaries: pinned
pip packages read from disk, no service, no model download. The analyzers load once per
process (about 0.3 s), on the first Cyrillic word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType

import pymorphy3

#: Languages the extractor reads, by code, with their names.
LANGUAGES = MappingProxyType({"en": "English", "ru": "Russian", "uk": "Ukrainian"})

_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
#: Letters only one of the two languages writes.
_UKRAINIAN = re.compile(r"[ІіЇїЄєҐґ]|[А-Яа-я]['’ʼ][яюєї]")
_RUSSIAN = re.compile(r"[ЫыЭэЪъЁё]")


def detect(text: str) -> str:
    """ "en", "ru" or "uk": the script most letters are in, then the letters only
    Ukrainian (і ї є ґ) or only Russian (ы э ъ ё) writes."""
    if len(_CYRILLIC.findall(text)) <= len(_LATIN.findall(text)):
        return "en"
    return "uk" if len(_UKRAINIAN.findall(text)) > len(_RUSSIAN.findall(text)) else "ru"


def is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word))


@lru_cache(maxsize=2)
def _analyzer(lang: str) -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang=lang)


def _order(lang: str) -> tuple[str, str]:
    """The article's own dictionary first: an English text quoting a name tries Russian."""
    return ("uk", "ru") if lang == "uk" else ("ru", "uk")


@lru_cache(maxsize=200_000)
def lemmas(word: str, lang: str) -> tuple[str, ...]:
    """Dictionary forms of a word, likeliest first, the article's language before the other.

    "Белгороде" -> ("белгород", ...); "Харкові" -> ("харко", "харків", ...): every
    reading is kept, because a surname reading may come first for a town.
    """
    out: dict[str, None] = {}
    for code in _order(lang):
        for parse in _analyzer(code).parse(word):
            out.setdefault(parse.normal_form, None)
    return tuple(out)


@lru_cache(maxsize=50_000)
def adjective_forms(word: str, lang: str) -> tuple[str, ...]:
    """Nominative forms of an adjective ("Кременчугской" -> "кременчугская",
    "кременчугский"); empty when no reading is an adjective.

    Region names are feminine (область), neuter or masculine (край); towns are derived
    from the masculine stem.
    """
    out: dict[str, None] = {}
    for code in _order(lang):
        for parse in _analyzer(code).parse(word):
            if "ADJF" not in parse.tag:
                continue
            for gender in ("femn", "masc", "neut"):
                form = parse.inflect({"nomn", gender})
                if form is not None:
                    out.setdefault(form.word, None)
    return tuple(out)


@lru_cache(maxsize=50_000)
def is_adjective(word: str, lang: str) -> bool:
    """The likeliest reading is an adjective (Белгородской, Ладижинську)."""
    parses = _analyzer(_order(lang)[0]).parse(word)
    return bool(parses) and "ADJF" in parses[0].tag


_CYRILLIC_WORD = re.compile(r"[А-Яа-яІіЇїЄєҐґЁё'’ʼ-]+")


def nominative_readings(text: str, lang: str) -> tuple[str, ...]:
    """The text with its Cyrillic words in the nominative, once with adjectives feminine
    and once masculine ("по Зміївській ТЕС" -> "по зміївська тес", "... зміївський тес"),
    so that names written in the nominative ("Зміївська ТЕС", "Рязанский НПЗ") can be
    found in inflected reporting. Words without a reading stay as they are."""

    def reading(word: str, gender: int) -> str:
        forms = adjective_forms(word, lang) if is_adjective(word, lang) else ()
        if len(forms) > gender:
            return forms[gender]
        found = lemmas(word, lang)
        return found[0] if found else word

    if lang not in ("ru", "uk"):
        return ()
    return tuple(
        _CYRILLIC_WORD.sub(lambda m, g=gender: reading(m.group(0), g), text) for gender in (0, 1)
    )
