"""Look up settlements and admin-1 regions by name, in any script or spelling.

Candidates are ranked the way GEODATA.md advises: the region and country the
record gives first; then whether the name is a spelling of the place's own
primary name (exact, or a transliteration variant: Cherkassy, Makiivka); then
population. Among the places the name spells, the largest wins, whether the
spelling is its main or an alternate name: a village called "Cherkassy" does not
beat the city of Cherkasy. Alternate names that are not spellings of the
primary name (historic names, GeoNames noise: Belgorod lists
"Bilhorod-Dnistrovskyi", Donetsk lists "Oleksandrivka") rank below every place
the name does spell. Keys come from :mod:`dashboard.core.geo.names`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.geo.names import fold, skeleton, strip_region_words, without_river


@dataclass(frozen=True)
class Place:
    """A gazetteer hit: where the settlement is and how it was found."""

    name: str
    admin1_iso: str
    country: str
    latitude: float
    longitude: float
    population: int
    match: str  # "exact" or "variant"


class Gazetteer:
    """Settlement index over the GeoNames places table."""

    def __init__(self, places: pd.DataFrame) -> None:
        self._places = places.reset_index(drop=True)
        self._primary: dict[str, list[int]] = defaultdict(list)
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._variant: dict[str, list[int]] = defaultdict(list)
        self._river: dict[str, list[int]] = defaultdict(list)
        names = self._places["name"].to_numpy()
        alternates = self._places["alternatenames"].fillna("").to_numpy()
        for row, (name, alts) in enumerate(zip(names, alternates, strict=True)):
            self._primary[fold(name)].append(row)
            for variant in {name, *alts.split("|")} - {""}:
                self._exact[fold(variant)].append(row)
                self._variant[skeleton(variant)].append(row)
                stem = without_river(variant)
                if stem:
                    self._river[stem].append(row)
        self._primary_skeleton = [skeleton(n) for n in names]
        # Plain lists: a look-up reads a handful of places, where numpy costs more than it saves.
        self._population = self._places["population"].to_numpy(dtype=np.int64).tolist()
        self._admin1 = self._places["admin1_iso"].to_numpy(dtype=object).tolist()
        self._country = self._places["country"].to_numpy(dtype=object).tolist()
        self._names = names.tolist()
        self._lat = self._places["latitude"].to_numpy(dtype=float).tolist()
        self._lon = self._places["longitude"].to_numpy(dtype=float).tolist()

    def __len__(self) -> int:
        return len(self._places)

    @property
    def places(self) -> pd.DataFrame:
        """The places table; :meth:`locate` gives positions in it."""
        return self._places

    def lookup(
        self, name: str, *, admin1_iso: str | None = None, country: str | None = None
    ) -> Place | None:
        """Best place called ``name`` in the given region, else preferring the country.

        A region, when given, is binding: a same-named town elsewhere is not the
        place the record means, so there is no match.
        """
        hit = self.locate(name, admin1_iso=admin1_iso, country=country)
        if hit is None:
            return None
        best, match = hit
        return Place(
            name=str(self._names[best]),
            admin1_iso=str(self._admin1[best]),
            country=str(self._country[best]),
            latitude=self._lat[best],
            longitude=self._lon[best],
            population=self._population[best],
            match=match,
        )

    def locate(
        self, name: str, *, admin1_iso: str | None = None, country: str | None = None
    ) -> tuple[int, str] | None:
        """:meth:`lookup`'s place as its position in :attr:`places` and how it matched
        ("exact" or "variant"): many look-ups need no :class:`Place` objects. The looser
        keys are only computed when the exact one finds nothing."""
        key = fold(name)
        if not key:
            return None
        for match, index, spelling in (
            ("exact", self._exact, None),
            ("variant", self._variant, skeleton),
            ("variant", self._river, without_river),
        ):
            best = self._best(
                index.get(spelling(name) if spelling else key), key, admin1_iso, country
            )
            if best is not None:
                return best, match
        return None

    def _best(
        self,
        rows: list[int] | None,
        key: str,
        admin1_iso: str | None,
        country: str | None,
    ) -> int | None:
        if not rows:
            return None
        candidates = sorted(set(rows))
        if admin1_iso:
            candidates = [r for r in candidates if self._admin1[r] == admin1_iso]
            if not candidates:
                return None
        elif country:
            candidates = [r for r in candidates if self._country[r] == country] or candidates
        if len(candidates) == 1:
            return candidates[0]
        primary = set(self._primary.get(key, ()))
        shape = skeleton(key)
        return max(
            candidates,
            key=lambda r: (
                r in primary or self._primary_skeleton[r] == shape,
                self._population[r],
            ),
        )


class RegionIndex:
    """Admin-1 names ("Kharkiv Oblast", "Харківська область", "UA-63") to ISO codes."""

    def __init__(self, admin1: pd.DataFrame) -> None:
        self._full: dict[str, str] = {}
        self._core: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        self._core_variant: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        for iso, name_en, name_local, aliases in admin1[
            ["admin1_iso", "name_en", "name_local", "aliases"]
        ].itertuples(index=False):
            for name in {iso, name_en, name_local, *str(aliases or "").split("|")} - {""}:
                self._full.setdefault(fold(name), iso)
            core, _ = strip_region_words(name_en)
            is_unit = core != fold(name_en)
            for name in {name_en, name_local, *str(aliases or "").split("|")} - {""}:
                alias_core, _ = strip_region_words(name)
                if alias_core:
                    self._add(self._core[alias_core], iso, is_unit)
                    self._add(self._core_variant[skeleton(alias_core)], iso, is_unit)
        self.codes = frozenset(admin1["admin1_iso"])

    @staticmethod
    def _add(bucket: list[tuple[str, bool]], iso: str, is_unit: bool) -> None:
        if (iso, is_unit) not in bucket:
            bucket.append((iso, is_unit))

    def lookup(self, name: str, *, country: str | None = None) -> str | None:
        """ISO 3166-2 code for a region name or code, None when nothing fits."""
        text = name.strip()
        if text.upper() in self.codes:
            return text.upper()
        hit = self._full.get(fold(text))
        if hit and (not country or hit.startswith(country)):
            return hit
        core, has_type_word = strip_region_words(text)
        if not core:
            return None
        for bucket in (self._core.get(core), self._core_variant.get(skeleton(core))):
            if not bucket:
                continue
            options = [b for b in bucket if not country or b[0].startswith(country)]
            if not options:
                continue
            # "Kyiv Oblast" -> the oblast; "Kyiv" -> the city, when both exist.
            options.sort(key=lambda b: b[1] != has_type_word)
            return options[0][0]
        return None
