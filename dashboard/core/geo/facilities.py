"""The facility catalogue (``geodata/facilities.parquet``) and its name index.

Reporting names a site many ways: "Kirishi refinery", "KINEF", "Киришинефтеоргсинтез",
"Burshtyn TPP", "Burshtynska TES". Every name and alias is reduced to a sequence of
:func:`~dashboard.core.geo.names.skeleton` words, so a record's facility name links to
a site when it contains one of those sequences, whatever the script or spelling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow.compute as pc

from dashboard.core.distinct import arrow_text
from dashboard.core.geo.districts import KIND_WORDS
from dashboard.core.geo.names import REGION_WORDS, fold, skeleton
from dashboard.core.paths import GEODATA_DIR

FACILITIES_FILE = "facilities.parquet"
#: Columns of the catalogue, in file order (plus ``geometry``).
COLUMNS = (
    "facility_id",
    "name_en",
    "name_uk",
    "name_ru",
    "aliases",
    "facility_type",
    "family",
    "country",
    "admin1_iso",
    "settlement",
    "operator",
    "capacity",
    "capacity_unit",
    "capacity_alt",
    "capacity_alt_unit",
    "capacity_year",
    "latitude",
    "longitude",
    "coord_precision",
    "source_url",
    "source_outlet",
    "licence",
    "attribution",
)
#: An alias must be this long (letters) to be trusted alone: "CHP-8" names a plant in
#: every big Russian city.
MIN_ALIAS_LETTERS = 5
#: Longest alias, in words: record names are scanned for word runs up to this length.
MAX_ALIAS_WORDS = 5


#: Distinct tokens whose word numbers a catalogue keeps (a few MB at most).
_SEEN_TOKENS = 200_000
#: White space and the punctuation :func:`fold` turns into spaces: a first, cheap split.
_SPLIT_RE2 = r"[\s\-‐‑–—_.,/()\"«»]+"
_SPLIT = re.compile(_SPLIT_RE2)


def alias_key(text: str) -> tuple[str, ...]:
    """A name as the word sequence the index compares: script- and spelling-blind.

    Split first, then each word is folded once per process (names share their words:
    "oil depot in Kharkiv", "refinery in Kharkiv"), which keeps a million names cheap."""
    return tuple(key for token in _SPLIT.split(text) if token for key in _word_keys(token))


@lru_cache(maxsize=200_000)
def _word_keys(token: str) -> tuple[str, ...]:
    return tuple(skeleton(word) for word in fold(token).split())


@dataclass(frozen=True)
class _Aliases:
    """A catalogue's aliases as arrays: each word's number (area words too), which
    numbers are area words, the aliases' words one alias after another with the alias
    each belongs to, each alias's length, and its catalogue rows (``sizes`` per alias,
    ``rows`` flattened)."""

    number: dict[str, int]
    area: np.ndarray
    words: np.ndarray
    owner: np.ndarray
    length: np.ndarray
    sizes: np.ndarray
    rows: np.ndarray
    #: Each token seen, as its words' numbers: reporting reuses its words from one
    #: import to the next. Bounded: cleared when full.
    seen: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)

    def numbers_of(self, token: str) -> tuple[int, ...]:
        """A token's words' numbers (-1 for a word no alias has)."""
        found = self.seen.get(token)
        if found is None:
            if len(self.seen) >= _SEEN_TOKENS:
                self.seen.clear()
            found = self.seen[token] = tuple(self.number.get(w, -1) for w in _word_keys(token))
        return found


@dataclass(frozen=True)
class Catalogue:
    """The catalogue frame and an index from alias word sequences to row positions."""

    frame: pd.DataFrame
    index: dict[tuple[str, ...], tuple[int, ...]] = field(repr=False)
    #: Every facility id: what a share link's ``site`` may name.
    ids: frozenset[str] = field(default=frozenset(), repr=False)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Catalogue:
        frame = pd.DataFrame(frame.drop(columns="geometry", errors="ignore")).reset_index(drop=True)
        index: dict[tuple[str, ...], set[int]] = {}
        names = frame[["name_en", "name_uk", "name_ru", "aliases"]].fillna("")
        for position, row in enumerate(names.itertuples(index=False)):
            for name in {n.strip() for cell in row for n in cell.split("|") if n.strip()}:
                key = alias_key(name)
                if 0 < len(key) <= MAX_ALIAS_WORDS and len("".join(key)) >= MIN_ALIAS_LETTERS:
                    index.setdefault(key, set()).add(position)
        return cls(
            frame=frame,
            index={k: tuple(sorted(v)) for k, v in index.items()},
            ids=frozenset(frame["facility_id"].astype(str)),
        )

    def __len__(self) -> int:
        return len(self.frame)

    def named_in(self, texts: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Triples (position in ``texts``, catalogue row, one-word name?) where a site's
        name or alias occurs in the text. A name inside a longer one does not count:
        "Dniester pumped storage" wins over "Dniester"; two names side by side both count,
        a one-word name only where no longer name is found ("Luch CHP, Belgorod" names
        the Luch CHP).

        One-word names ("Burshtyn", "KINEF") are flagged: alone they may be the town, so
        only a record that says what kind of site it was may use them. Dropping them
        leaves exactly the matches of the longer names. Vectorised over the texts'
        words: each takes its alias word's number, and word sequences are compared as
        integer codes, one length at a time.
        """
        aliases = self._aliases
        owner, text_ids, run = _known_words(texts, aliases)
        runs = int(run[-1]) + 1 if len(run) else 0
        area, alias_ids, alias_owner = aliases.area, aliases.words, aliases.owner
        word_id = np.concatenate([text_ids, alias_ids])
        sequence = np.concatenate([run, alias_owner + runs])
        n = len(sequence)
        first = np.r_[True, sequence[1:] != sequence[:-1]] if n else np.zeros(0, bool)
        position = np.arange(n) - np.maximum.accumulate(np.where(first, np.arange(n), 0))
        is_text = np.arange(n) < len(owner)
        alias_start = np.flatnonzero(~is_text & (position == 0))
        alias_length = aliases.length
        gram = word_id
        base = int(word_id.max()) + 1 if n else 1
        found: list[tuple[np.ndarray, ...]] = []
        for length in range(1, MAX_ALIAS_WORDS + 1):
            if length > 1:
                nxt = np.full(n, -1, dtype=np.int64)
                nxt[: n - length + 1] = word_id[length - 1 :]
                same = np.zeros(n, bool)
                same[: n - length + 1] = sequence[length - 1 :] == sequence[: n - length + 1]
                previous = gram
                ok = same & (previous >= 0) & (nxt >= 0)
                gram = np.full(n, -1, dtype=np.int64)
                gram[ok] = previous[ok] * base + nxt[ok]
                if base ** (length + 1) >= 2**62:  # the next length could overflow
                    gram[ok] = pd.factorize(gram[ok])[0]
            wanted = alias_start[alias_length == length]
            if not len(wanted):
                continue
            codes = pd.Index(gram[wanted])
            at = np.flatnonzero(is_text & (gram >= 0))
            hit = codes.get_indexer(gram[at])
            matched, alias = at[hit >= 0], sequence[wanted[hit[hit >= 0]]] - runs
            # "gas pipeline in Nikopol district" does not name "gas pipeline in Nikopol"
            # (a word the catalogue does not know starts a new run: it is no area word).
            after = np.minimum(matched + length, n - 1)
            town = ~((sequence[after] == sequence[matched]) & area[word_id[after]])
            matched, alias = matched[town], alias[town]
            if len(matched):
                found.append((owner[matched], alias, np.full(len(matched), length), matched))
        return self._longest(found)

    @cached_property
    def _aliases(self) -> _Aliases:
        """The index as arrays, built once per catalogue (``named_in`` runs per import)."""
        keys = list(self.index)
        words = [w for k in keys for w in k]
        # Alias words and area words numbered (a few thousand); any other text word is
        # -1: it matches nothing and ends every n-gram.
        number = {w: i for i, w in enumerate(dict.fromkeys([*words, *area_keys()]))}
        area = np.zeros(len(number) + 1, dtype=bool)  # position -1 (no number): False
        area[[number[k] for k in area_keys()]] = True
        rows = [self.index[k] for k in keys]
        return _Aliases(
            number=number,
            area=area,
            words=np.fromiter((number[w] for w in words), np.int64, len(words)),
            owner=np.repeat(np.arange(len(keys)), [len(k) for k in keys]),
            length=np.array([len(k) for k in keys], dtype=np.int64),
            sizes=np.array([len(r) for r in rows], dtype=np.int64),
            rows=np.concatenate([np.asarray(r) for r in rows]) if rows else np.zeros(0, int),
        )

    def _longest(
        self, found: list[tuple[np.ndarray, ...]]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if not found:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, bool)
        text, alias, length, at = (np.concatenate(part) for part in zip(*found, strict=True))
        keep = ~_inside_longer(at, at + length)
        text, alias, length = text[keep], alias[keep], length[keep]
        # A one-word name (often the town: "Belgorod") counts only where nothing longer does.
        longest = np.zeros(int(text.max()) + 1, dtype=np.int64)
        np.maximum.at(longest, text, length)
        keep = (length > 1) | (longest[text] == 1)
        text, alias, length = text[keep], alias[keep], length[keep]
        sizes, flat = self._aliases.sizes, self._aliases.rows
        counts = sizes[alias]
        offsets = (np.cumsum(sizes) - sizes)[alias]
        step = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        unique = pd.DataFrame(
            {
                "text": np.repeat(text, counts),
                "row": flat[np.repeat(offsets, counts) + step],
                "one_word": np.repeat(length == 1, counts),
            }
        ).drop_duplicates(["text", "row"])
        return (
            unique["text"].to_numpy(),
            unique["row"].to_numpy(),
            unique["one_word"].to_numpy(dtype=bool),
        )


@lru_cache(maxsize=1)
def area_keys() -> tuple[str, ...]:
    """Words that turn the town before them into an area ("Nikopol district", "Kharkiv
    Oblast", "Pavlivka hromada"): a site named after the town is not what such a text
    names. The region and district kind words, less those that still mean the town."""
    town = {"of", "the", "city", "federal", "significance", "місто", "город"}
    words = (REGION_WORDS | KIND_WORDS["raion"] | KIND_WORDS["hromada"]) - town
    return tuple(dict.fromkeys(k for w in sorted(words) for k in _word_keys(w)))


def _inside_longer(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """The matches whose words lie inside another, longer match ("Dniester" in
    "Dniester pumped storage"); two names side by side both stand ("Рязанский НПЗ" and
    "Ново-Рязанская ТЭЦ"). Positions run through all texts, so a match of another text
    never covers one: sorted by start, longest first, a match is inside another when an
    earlier one ends at or after its end."""
    order = np.lexsort((-end, start))
    ordered = end[order]
    reach = np.maximum.accumulate(np.r_[-1, ordered[:-1]]) if len(order) else ordered
    inside = np.zeros(len(order), dtype=bool)
    inside[order] = reach >= ordered
    return inside


def _known_words(texts: pd.Series, aliases: _Aliases) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The texts' words that the aliases know, in order: each one's text, number, and
    run (consecutive known words of one text share a run; a word the catalogue does not
    know ends it). No name spans an unknown word, so the n-gram search needs only these:
    about 40 % fewer words in reporting's facility names."""
    owner, words = _tokens(texts, aliases)
    if not len(words):
        return owner, words, words
    known = words >= 0
    starts = known & np.r_[True, (owner[1:] != owner[:-1]) | ~known[:-1]]
    return owner[known], words[known], (np.cumsum(starts) - 1)[known]


def _tokens(texts: pd.Series, aliases: _Aliases) -> tuple[np.ndarray, np.ndarray]:
    """Every word of the texts, in order: its text's position and its number among the
    aliases' words (-1 where absent). Split at ASCII white space and coded in Arrow; each
    distinct token is folded once, and a token that folds to several words ("Kstovo-
    Ryazan", "(KINEF)", a no-break space) is spread into them."""
    lists = pc.ascii_split_whitespace(arrow_text(texts))
    token_owner = pc.list_parent_indices(lists).to_numpy()
    tokens = pc.dictionary_encode(pc.list_flatten(lists))
    seen, numbers_of = aliases.seen, aliases.numbers_of
    keys = [seen.get(t) or numbers_of(t) for t in tokens.dictionary.to_pylist()]
    lengths = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    word_ids = np.fromiter(chain.from_iterable(keys), dtype=np.int64, count=int(lengths.sum()))
    starts = np.cumsum(lengths) - lengths
    token = tokens.indices.to_numpy()
    counts = lengths[token]
    spread = np.repeat(np.arange(len(token)), counts)
    within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    words = word_ids[starts[token][spread] + within] if len(spread) else np.zeros(0, np.int64)
    return token_owner[spread], words


def empty() -> Catalogue:
    """No catalogue: nothing links (a test's tiny geography, a user's own geodata)."""
    numbers = {"capacity", "capacity_alt", "latitude", "longitude"}
    return Catalogue.from_frame(
        pd.DataFrame({c: pd.Series(dtype=float if c in numbers else object) for c in COLUMNS})
    )


def load(directory: Path = GEODATA_DIR) -> Catalogue:
    """The catalogue the build wrote, or an empty one when the file is absent."""
    path = directory / FACILITIES_FILE
    if not path.exists():
        return empty()
    frame = gpd.read_parquet(path)
    frame["capacity"] = frame["capacity"].astype(float)
    return Catalogue.from_frame(frame)


def local_names(sites: pd.DataFrame) -> pd.Series:
    """Each site's Ukrainian and Russian names ("Рязанский НПЗ", or "ТЕЦ Мічуринська /
    ТЭЦ Мичуринская" when they differ), as read in the sources the catalogue cites;
    empty where no source gave one (the names are never transliterated from English)."""
    uk = sites["name_uk"].fillna("").astype(str).str.strip()
    ru = sites["name_ru"].fillna("").astype(str).str.strip()
    both = (uk != "") & (ru != "") & (uk != ru)
    return uk.where(uk != "", ru).where(~both, uk + " / " + ru)


def coordinates(catalogue: Catalogue) -> tuple[np.ndarray, np.ndarray]:
    """Latitude and longitude arrays (NaN where the site has no position)."""
    frame = catalogue.frame
    return frame["latitude"].to_numpy(dtype=float), frame["longitude"].to_numpy(dtype=float)
