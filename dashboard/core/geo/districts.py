"""Look up districts by name, within a record's region: Ukraine's raions and hromadas,
and the Russian districts the bundled records name.

Officials often name only the district that was hit ("two energy facilities in the Stryi
and Drohobych districts"); its centroid is a far better place for the record than the
oblast's. Names are matched in any script and in the forms reporting and ACLED use:
"Stryiskyi", "Stryiskyi raion", "Stryi district", "Стрийський район", "Стрыйский район";
"Pavlivska hromada", "Павлівська громада". English reports name a district after its
town ("Lubny district" for Lubenskyi, "Pavlivka hromada" for Pavlivska): failing an
exact name, the town form is compared with the district's stem, allowing the usual
alternations (Lubny/Luben-, Synelnykove/Synelnykiv-, Lozova/Loziv-, Kremenchuk/Kremenchut-). A kind
word (raion/district or hromada/community) narrows the search; without one a raion is
preferred. A name that fits two districts of the same oblast matches neither: the
record stays at its region. A Russian district (municipal district or okrug, urban
okrug) counts as a raion; its point is its administrative centre, not a centroid
(column ``point``).

Occupation authorities still name the raions abolished in 2020 ("Tokmak district",
"Perevalsk municipal district"): one is used only where no current raion or hromada
of the oblast fits the name. And a village the gazetteer lacks is found among the
codifier's settlements of its oblast and placed at its hromada, unless two hromadas of
the oblast hold a village of that name.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from dashboard.core.geo.names import fold, skeleton

#: Words that say which kind of district a name means; they are not part of the name.
KIND_WORDS = {
    "raion": frozenset(
        (
            "raion",
            "rayon",
            "raiony",
            "district",
            "districts",
            "municipal",
            "city",
            "urban",
            "okrug",
            "район",
            "округ",
            "муниципальный",
            "городской",
            "раион",
            "р-н",
            "rn",
        )
    ),
    "hromada": frozenset(
        (
            "hromada",
            "hromady",
            "community",
            "territorial",
            "municipality",
            "громада",
            "hromadi",
            "obshchina",
            "otg",
            "tg",
            "silska",
            "selyshchna",
            "miska",
            "selskaia",
            "poselkovaia",
            "gorodskaia",
            "obshchyna",
        )
    ),
}
_FOLDED_KIND = {fold(w): kind for kind, words in KIND_WORDS.items() for w in words}
#: Adjective endings of district names: Stryiskyi -> Stryi, Pavlivska -> Pavliv.
_ENDINGS = (
    "skyi",
    "skii",
    "ska",
    "skaia",
    "skoi",
    "ckyi",
    "cka",
    "ckii",
    "zkyi",
    "zka",
    "sky",
    "skiy",
    "skoy",
)
KINDS = ("raion", "hromada")
#: The table's kind of a raion abolished in 2020, tried after the current ones.
FORMER = "raion_pre2020"
#: The table's kind of a settlement, placed at its hromada.
SETTLEMENT = "settlement"
#: The districts table's columns (``geodata/districts.parquet``).
COLUMNS = (
    "pcode",
    "kind",
    "name_en",
    "name_uk",
    "name_ru",
    "aliases",
    "label",
    "admin1_iso",
    "latitude",
    "longitude",
    "point",
    "source_url",
)
#: A look-up that found no district, or found two that fit (ambiguous).
NOT_FOUND, AMBIGUOUS = -1, -2


def split_kind(name: str) -> tuple[str, str]:
    """The folded name without its kind words, and the kind they name ("" if none)."""
    words = fold(name).split()
    kinds = {_FOLDED_KIND[w] for w in words if w in _FOLDED_KIND}
    kept = " ".join(w for w in words if w not in _FOLDED_KIND)
    return kept, kinds.pop() if len(kinds) == 1 else ""


def _stem(folded: str) -> str:
    """The name without its adjective ending (the town the district is named after)."""
    for ending in _ENDINGS:
        if folded.endswith(ending) and len(folded) > len(ending) + 2:
            return folded[: -len(ending)]
    return folded


#: How a district's stem is written in its town's name: (town ending, stem ending).
_TOWN_ENDINGS = (
    ("ny", "en"),
    ("ni", "en"),
    ("ove", "iv"),
    ("eve", "iv"),
    ("ova", "iv"),
    ("ka", "kyn"),
    ("k", "t"),
    ("y", "iv"),
)


def _town_forms(folded: str) -> set[str]:
    """The folded town name and the stems its usual alternations give."""
    forms = {folded}
    for town, stem in _TOWN_ENDINGS:
        if folded.endswith(town):
            forms.add(folded[: -len(town)] + stem)
    return forms


def _fits_town(forms: set[str], stem: str) -> bool:
    """Whether a town name (its forms) is the town a district stem comes from: the stem
    starts the name (Pavliv-ka, Zapori-zhzhia) or the name starts the stem (Dnipro-v)."""
    for form in forms:
        if form.startswith(stem) and (len(form) - len(stem) <= 3 or len(stem) >= 6):
            return True
        if stem.startswith(form) and len(stem) - len(form) <= 2 and len(form) >= 4:
            return True
    return False


class DistrictIndex:
    """Raions and hromadas keyed by (oblast, kind, name skeleton) and by name stem."""

    def __init__(self, districts: pd.DataFrame) -> None:
        self._districts = districts.reset_index(drop=True)
        self._full: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        self._stem: dict[tuple[str, str, str], set[int]] = defaultdict(set)
        #: Per (oblast, kind): each district's folded stems, for town-form look-ups.
        self._stems: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
        #: Per (oblast, settlement name skeleton): the hromadas holding one of that name.
        self._settlements: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
        table = self._districts
        villages = table[table["kind"] == SETTLEMENT]
        keys = {name: skeleton(fold(name)) for name in villages["name_uk"].unique()}
        for iso, name, label, position in zip(
            villages["admin1_iso"],
            villages["name_uk"],
            villages["label"],
            villages.index,
            strict=True,
        ):
            self._settlements[iso, keys[name]].setdefault(label, int(position))
        table = table[table["kind"] != SETTLEMENT]
        columns = ("admin1_iso", "kind", "name_en", "name_uk", "name_ru")
        rows = table[list(columns)].itertuples(index=False, name=None)
        aliases = table["aliases"].fillna("").str.split("|")
        for position, (iso, kind, *names), more in zip(table.index, rows, aliases, strict=True):
            if kind not in ("hromada", FORMER):
                kind = "raion"  # a Russian district counts as a raion
            for name in (*names, *more):
                if not isinstance(name, str) or not name:
                    continue
                folded, _ = split_kind(name)
                self._full[iso, kind, skeleton(folded)].add(position)
                self._stem[iso, kind, skeleton(_stem(folded))].add(position)
                if name.isascii():
                    self._stems[iso, kind].append((_stem(folded), position))

    def __len__(self) -> int:
        return len(self._districts)

    @property
    def districts(self) -> pd.DataFrame:
        """The districts table; :meth:`locate` gives positions in it."""
        return self._districts

    def locate(self, name: str, admin1_iso: str) -> int:
        """Position of the district ``name`` means in ``admin1_iso``, or
        :data:`NOT_FOUND` / :data:`AMBIGUOUS`."""
        folded, kind = split_kind(name)
        if not folded or not admin1_iso:
            return NOT_FOUND
        key = skeleton(folded)
        forms = _town_forms(folded)
        tried = (kind,) if kind else KINDS
        for kinds in (*tried, FORMER) if kind in ("", "raion") else tried:
            for table, probe in ((self._full, key), (self._stem, skeleton(_stem(folded)))):
                hits = table.get((admin1_iso, kinds, probe))
                if hits:
                    return next(iter(hits)) if len(hits) == 1 else AMBIGUOUS
            stems = self._stems.get((admin1_iso, kinds), ())
            towns = {position for stem, position in stems if _fits_town(forms, stem)}
            if towns:
                return next(iter(towns)) if len(towns) == 1 else AMBIGUOUS
        return NOT_FOUND

    def locate_settlement(self, name: str, admin1_iso: str) -> int:
        """Position of the settlement ``name`` in ``admin1_iso`` (its row carries its
        hromada's point and label), or :data:`NOT_FOUND` / :data:`AMBIGUOUS` when
        villages of that name lie in two hromadas of the oblast."""
        hromadas = self._settlements.get((admin1_iso, skeleton(fold(name))))
        if not hromadas:
            return NOT_FOUND
        return next(iter(hromadas.values())) if len(hromadas) == 1 else AMBIGUOUS

    def label(self, position: int) -> str:
        """How a popup names the district: "Stryiskyi raion", "Korenevsky district"."""
        return str(self._districts["label"].iat[position])


def empty() -> DistrictIndex:
    """An index with no districts: every look-up finds nothing."""
    return DistrictIndex(pd.DataFrame(columns=COLUMNS))
