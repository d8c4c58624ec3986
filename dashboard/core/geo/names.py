"""Name folding for place and region look-ups across scripts and spellings.

Reporting writes the same town as Kharkiv, Kharkov, Харків or Харьков. Two keys
make those meet without a fuzzy matcher:

* :func:`fold` — case-, accent- and script-insensitive: Cyrillic is transliterated,
  apostrophes and punctuation go, white space is collapsed.
* :func:`skeleton` — additionally merges the Ukrainian/Russian transliteration
  variants (kh/h, g/h, y/i/j, ye/e, ya/a, zh/z, doubled letters), so that
  "Zaporozhye" and "Zaporizhzhia" or "Bilhorod" and "Bilgorod" coincide.

Look-ups try the exact folded key first and the skeleton only when that finds
nothing, so the looser key never overrides a real match.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ё": "e", "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
}  # fmt: skip
_TRANSLIT = str.maketrans(_CYRILLIC)
_PUNCT = re.compile(r"[\s\-‐‑–—_.,/()\"«»]+")
_APOSTROPHES = re.compile(r"['’`ʼ′ʹ]")

# Ordered: longer clusters first so "shch" is not eaten by "sh".
_SKELETON_RULES = (
    ("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("zh", "z"), ("tch", "ch"),
    ("ts", "c"), ("tz", "c"), ("cz", "ch"), ("ch", "c"), ("g", "h"), ("w", "v"),
    ("yi", "i"), ("iy", "i"), ("yy", "i"), ("ii", "i"), ("ij", "i"), ("yj", "i"),
    ("ye", "e"), ("ie", "e"), ("je", "e"), ("yo", "o"), ("io", "o"), ("jo", "o"),
    ("ya", "a"), ("ia", "a"), ("ja", "a"), ("yu", "u"), ("iu", "u"), ("ju", "u"),
    ("y", "i"), ("j", "i"), ("x", "ks"), ("q", "k"),
)  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")

_RIVER = re.compile(r"^(.+?) (?:on|na|upon|nad|an der) .+$")


def without_river(text: str) -> str:
    """Drop a river suffix, which reporting renders differently (-on-Kuban, -na-Kubani)."""
    folded = fold(text)
    match = _RIVER.match(folded)
    return skeleton(match.group(1)) if match else ""


#: Words that name an admin-1 unit's type rather than the unit.
REGION_WORDS = frozenset(
    (
        "oblast",
        "oblasti",
        "region",
        "regions",
        "province",
        "krai",
        "kray",
        "republic",
        "respublika",
        "okrug",
        "autonomous",
        "avtonomnyi",
        "avtonomnaya",
        "of",
        "the",
        "ao",
        "city",
        "federal",
        "significance",
        "oblastʹ",
        "obl",
        "raion",
        "governorate",
        "district",
        "municipality",
        "municipiul",
        "raionul",
        "область",
        "обл",
        "край",
        "республика",
        "республіка",
        "регіон",
        "район",
        "автономна",
        "автономный",
        "округ",
        "місто",
        "город",
    )
)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case-, accent- and script-insensitive key: "Харків" and "Kharkiv" -> "kharkiv"."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _APOSTROPHES.sub("", text).translate(_TRANSLIT)
    if not text.isascii():  # ASCII has no accents to drop
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )
    return _PUNCT.sub(" ", text).strip()


@lru_cache(maxsize=200_000)
def skeleton(text: str) -> str:
    """Looser key that merges transliteration variants of the same name."""
    key = fold(text).replace(" ", "")
    for old, new in _SKELETON_RULES:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", key)


def strip_region_words(text: str) -> tuple[str, bool]:
    """Fold a region name and drop its type words: ("kharkiv", True) for "Kharkiv Oblast".

    The flag says whether a type word was present, which separates Kyiv (city)
    from Kyiv Oblast when both fold to "kyiv".
    """
    words = fold(text).split()
    kept = [w for w in words if w not in REGION_WORDS]
    # Adjectival forms: "Kharkivska oblast", "Belgorodskaya", "Харківська".
    core = " ".join(_ADJECTIVE.sub("", w) if len(kept) < len(words) else w for w in kept)
    return core, len(kept) < len(words)


_ADJECTIVE = re.compile(r"(s[ck]a(ia|ya)?|s[ck]ii|s[ck]yi|s[ck]ij|s[ck]aya|skiy)$")
