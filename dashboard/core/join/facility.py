"""Link incidents to the facility catalogue: by name, else by distance, never forced.

1. **Name.** The record's ``facility_name`` contains a catalogue name or alias, the
   site is of the record's family (an ``other_energy`` record may name any site) and
   country, and it lies within :data:`NAME_KM` of the record's town (or in the
   record's region, for a region-level record). A region-level record linked by
   name moves to the site: a named plant never sits on an oblast centroid.
2. **Distance.** A town-level record names no catalogue site, but exactly one site
   of its family lies within :data:`DISTANCE_KM` of its place.
3. Otherwise the record stays unlinked. Two or more candidates by name, or by
   distance, are *ambiguous*: listed in ``facility_candidates``, never guessed.

Names are looked up once per distinct facility name; a link is then decided once per
distinct combination of what it depends on (name, family, country, region, place,
precision; for distance: place and family) and copied to the rows that share it, so a
million rows cost what their distinct values cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dashboard.core.distinct import distinct_rows, join_groups
from dashboard.core.geo.facilities import Catalogue, coordinates
from dashboard.core.join.place import haversine_km
from dashboard.core.vocab import AREA_PRECISION, FACILITY_FAMILIES, FACILITY_MATCHES

#: A site named by a record lies at most this far from the record's town.
NAME_KM = 60.0
#: A site linked by distance alone lies at most this far from the record's town
#: (refineries and plants sit on their towns' edges, rarely further out).
DISTANCE_KM = 15.0
#: Columns the link adds to the incidents.
LINK_COLUMNS = (
    "facility_id",
    "facility_capacity",
    "facility_capacity_unit",
    "facility_match",
    "facility_candidates",
)
_MATCH = {name: np.int8(i + 1) for i, name in enumerate(FACILITY_MATCHES)}
_FAMILIES = tuple(sorted(set(FACILITY_FAMILIES.values())))
_FAMILY_CODE = {name: i + 1 for i, name in enumerate(_FAMILIES)}
#: Degrees wide enough to hold DISTANCE_KM at the latitudes covered (up to ~75° N);
#: the true distance is then checked in km.
_SEARCH_DEGREES = DISTANCE_KM / 111.0 / np.cos(np.radians(75.0))
#: Cells per grid row: more than 360 degrees of longitude hold.
_GRID_ROW = 1 << 12


@dataclass
class _Links:
    """One slot per incident: chosen catalogue row (-1 none), how (a code: 0 none, else
    1 + position in FACILITY_MATCHES), and the ambiguous candidates (a code: 0 none,
    else 1 + position in ``lists``, the "id|id" texts)."""

    row: np.ndarray
    match: np.ndarray
    listed: np.ndarray
    lists: list[str] = field(default_factory=list)

    @classmethod
    def none(cls, n: int) -> _Links:
        return cls(
            row=np.full(n, -1, dtype=np.int32),  # a catalogue holds thousands of sites
            match=np.zeros(n, dtype=np.int8),
            listed=np.zeros(n, dtype=np.int32),
        )

    def link(self, incident: np.ndarray, site: np.ndarray, how: np.ndarray | np.int8) -> None:
        self.row[incident] = site
        self.match[incident] = how

    def refuse(self, incident: np.ndarray, candidates: pd.Series) -> None:
        """Record several candidates ("id|id") per incident: listed, never guessed."""
        codes, texts = pd.factorize(candidates)
        self.listed[incident] = codes + len(self.lists) + 1
        self.lists.extend(texts)

    def spread(self, rows: np.ndarray, decided: _Links, key: np.ndarray) -> None:
        """Each of ``rows`` takes what was decided for its key (its position in
        ``decided``): links worked out once per distinct row, then copied."""
        self.row[rows] = decided.row[key]
        self.match[rows] = decided.match[key]
        listed = decided.listed[key]
        self.listed[rows] = np.where(listed > 0, listed + len(self.lists), 0)
        self.lists.extend(decided.lists)


def link_facilities(incidents: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """``incidents`` with :data:`LINK_COLUMNS` added (and named sites' positions used)."""
    links = _Links.none(len(incidents))
    regional = _in_labels(incidents["location_precision"], AREA_PRECISION)
    if len(incidents) and len(catalogue):
        family = _family_codes(incidents["facility_type"])
        _by_name(incidents, catalogue, family, regional, links)
        _by_distance(incidents, catalogue, family, regional, links)
    return _assemble(incidents, catalogue, links, regional)


def _in_labels(values: pd.Series, labels: tuple[str, ...]) -> np.ndarray:
    """Rows whose value is one of ``labels``: looked up once per category."""
    values = values.astype("category")
    per_label = np.isin(values.cat.categories.astype(str), labels)
    return np.r_[per_label, False][values.cat.codes.to_numpy()]


def _family_codes(types: pd.Series) -> np.ndarray:
    """Each record's family as a small integer (0: none, else 1 + position in
    :data:`_FAMILIES`): looked up once per type, spread by the category codes."""
    types = types.astype("category")
    per_type = [
        _FAMILY_CODE.get(FACILITY_FAMILIES.get(str(t), ""), 0) for t in types.cat.categories
    ]
    return np.array([*per_type, 0], dtype=np.int8)[types.cat.codes.to_numpy()]


def _site_families(catalogue: Catalogue) -> np.ndarray:
    return np.array(
        [_FAMILY_CODE.get(f, 0) for f in catalogue.frame["family"].astype(str)], dtype=np.int8
    )


def _by_name(
    incidents: pd.DataFrame,
    catalogue: Catalogue,
    family: np.ndarray,
    regional: np.ndarray,
    links: _Links,
):
    codes, names = _name_codes(incidents["facility_name"])
    text, site, one_word = catalogue.named_in(names)
    if not len(text):
        return
    # The rows that name a site, decided once per distinct (name, family, country,
    # region, place, precision): 120,000 such rows of a million hold a few thousand.
    names_a_site = np.zeros(len(names) + 1, dtype=bool)  # code -1 (no name): the last
    names_a_site[text] = True
    rows = np.flatnonzero(names_a_site[codes])
    lat = incidents["latitude"].to_numpy(dtype=float)
    lon = incidents["longitude"].to_numpy(dtype=float)
    key, first = distinct_rows(
        codes[rows],
        family[rows],
        _codes_at(incidents["target_country"], rows)[0],
        _codes_at(incidents["admin1_iso"], rows)[0],
        regional[rows],
        lat[rows],
        lon[rows],
    )
    rep = rows[first]  # one row per key
    local, site, one_word = _expand(codes[rep], text, site, one_word)
    incident = rep[local]
    # A record of no particular kind ("energy infrastructure in Burshtyn") names a site
    # only with a name of two words or more ("Burshtyn TPP"): one word may be the town.
    own_family = family[incident]
    keep = ~one_word | (own_family != 0)
    keep &= (own_family == _site_families(catalogue)[site]) | (own_family == 0)
    cat = catalogue.frame
    country, countries = _codes_at(incidents["target_country"], incident)
    blank = np.asarray(countries == "")
    keep &= blank[country] | (country == _positions(countries, cat["country"])[site])
    local, incident, site = local[keep], incident[keep], site[keep]
    # Near enough: in the record's region for a region-level record, else within
    # NAME_KM of its town (or either has no position).
    region, regions = _codes_at(incidents["admin1_iso"], incident)
    same_region = region == _positions(regions, cat["admin1_iso"])[site]
    site_lat, site_lon = coordinates(catalogue)
    distance = haversine_km(lat[incident], lon[incident], site_lat[site], site_lon[site])
    at_region = regional[incident]
    placed_site = ~np.isnan(distance)
    near = np.where(at_region, same_region, ~placed_site | (distance <= NAME_KM))
    how = np.where(placed_site & ~at_region, _MATCH["name_and_distance"], _MATCH["name"])
    decided = _Links.none(len(rep))
    _choose(decided, local[near], site[near], how[near], catalogue)
    links.spread(rows, decided, key)


def _name_codes(names: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Each record's code among the distinct facility names, and those names: the
    category's own codes when validation made one, else coded here."""
    if isinstance(names.dtype, pd.CategoricalDtype):
        labels = pd.Series(names.cat.categories, dtype="str")
        return names.cat.codes.to_numpy(), labels
    codes, uniques = pd.factorize(names)
    return codes, pd.Series(uniques, dtype="str")


def _expand(
    codes: np.ndarray, text: np.ndarray, site: np.ndarray, flag: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(record, site, flag) for each match of the name a record gives (``codes``: each
    record's name; ``text``: the name of each match): spread by counting, not merged."""
    order = np.argsort(text, kind="stable")
    site, flag = site[order], flag[order]
    per_name = np.bincount(text, minlength=int(codes.max(initial=-1)) + 1)
    start = np.cumsum(per_name) - per_name
    count = np.r_[per_name, 0].astype(np.int32)[codes]  # code -1 (no name): the trailing 0
    named = np.flatnonzero(count)
    count = count[named]
    record = np.repeat(named, count)
    within = np.arange(len(record)) - np.repeat(np.cumsum(count) - count, count)
    at = np.repeat(start[codes[named]], count) + within
    return record, site[at], flag[at]


def _codes_at(values: pd.Series, rows: np.ndarray) -> tuple[np.ndarray, pd.Index]:
    """The values at ``rows`` as codes into an index of texts: compared as integers, not
    as a text per row (the join's categories as they are, other text coded here)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        labels = pd.Index(values.cat.categories.astype(str), dtype=object)
        if "" not in labels:
            labels = labels.append(pd.Index([""], dtype=object))
        codes = values.cat.codes.to_numpy()[rows]
        return np.where(codes < 0, labels.get_loc(""), codes), labels
    codes, uniques = pd.factorize(values.take(rows).fillna("").astype("str"))
    return codes, pd.Index(uniques, dtype=object)


def _positions(index: pd.Index, values: pd.Series) -> np.ndarray:
    """Each value's position in ``index`` (-1 where absent)."""
    return index.get_indexer(values.fillna("").astype(str).to_numpy(dtype=object))


def _by_distance(
    incidents: pd.DataFrame,
    catalogue: Catalogue,
    family: np.ndarray,
    regional: np.ndarray,
    links: _Links,
):
    site_lat, site_lon = coordinates(catalogue)
    placed = ~np.isnan(site_lat)
    open_rows = np.flatnonzero((links.row < 0) & (links.listed == 0) & ~regional & (family != 0))
    if not len(open_rows) or not placed.any():
        return
    # Once per distinct place and family: a million rows sit on a few thousand towns.
    lat = incidents["latitude"].to_numpy(dtype=float)[open_rows]
    lon = incidents["longitude"].to_numpy(dtype=float)[open_rows]
    key, first = distinct_rows(lat, lon, family[open_rows])
    key_lat, key_lon, key_family = lat[first], lon[first], family[open_rows][first]
    # Sites near each distinct place (fewer than the keys: a place has several families).
    key_place, place_first = distinct_rows(key_lat, key_lon)
    place_lat, place_lon = key_lat[place_first], key_lon[place_first]
    sites = np.flatnonzero(placed)
    probe, found = _neighbours(place_lat, place_lon, site_lat[sites], site_lon[sites])
    site = sites[found]
    km = haversine_km(place_lat[probe], place_lon[probe], site_lat[site], site_lon[site])
    probe, site = probe[km <= DISTANCE_KM], site[km <= DISTANCE_KM]
    # A near site is a candidate of the key of its place and its family.
    families = len(_FAMILIES) + 1
    keys = pd.Index(key_place.astype(np.int64) * families + key_family)
    wanted = probe.astype(np.int64) * families + _site_families(catalogue)[site]
    candidate = keys.get_indexer(wanted)
    candidate_key, candidate_site = candidate[candidate >= 0], site[candidate >= 0]
    # Decided once per (place, family): one candidate links, several are listed.
    decided = _Links.none(len(first))
    one = np.bincount(candidate_key, minlength=len(first))[candidate_key] == 1
    decided.link(candidate_key[one], candidate_site[one], _MATCH["distance"])
    if (~one).any():
        listed = _id_lists(
            pd.Series(candidate_key[~one]), pd.Series(candidate_site[~one]), catalogue
        )
        decided.refuse(listed.index.to_numpy(), listed.reset_index(drop=True))
    links.spread(open_rows, decided, key)


def _neighbours(
    lat: np.ndarray, lon: np.ndarray, site_lat: np.ndarray, site_lon: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(point, site) pairs that may lie within :data:`DISTANCE_KM`: the site sits in the
    point's cell or a neighbour on a grid of cells one search reach wide (the km are
    checked after). Integer keys sorted and searched: no geometry object per point,
    so a million-row frame in memory does not make the garbage collector walk it."""
    offsets = np.array([r * _GRID_ROW + c for r in (-1, 0, 1) for c in (-1, 0, 1)])
    site_key = (_cell(site_lat, site_lon)[:, None] + offsets).ravel()
    site_of_key = np.repeat(np.arange(len(site_lat)), len(offsets))
    order = np.argsort(site_key, kind="stable")
    site_key, site_of_key = site_key[order], site_of_key[order]
    key = _cell(lat, lon)
    start = np.searchsorted(site_key, key, side="left")
    count = np.searchsorted(site_key, key, side="right") - start
    point = np.repeat(np.arange(len(key)), count)
    within = np.arange(len(point)) - np.repeat(np.cumsum(count) - count, count)
    return point, site_of_key[np.repeat(start, count) + within]


def _cell(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """The grid cell of each point, as one integer (row * _GRID_ROW + column)."""
    row = np.floor(lat / _SEARCH_DEGREES).astype(np.int64)
    column = np.floor(lon / _SEARCH_DEGREES).astype(np.int64) + _GRID_ROW // 2
    return row * _GRID_ROW + column


def _id_lists(group: pd.Series, site: pd.Series, catalogue: Catalogue) -> pd.Series:
    """Per group (the index), its sites' ids sorted and joined by "|"."""
    ids = catalogue.frame["facility_id"].to_numpy(dtype=object)
    listed = pd.DataFrame({"group": group.to_numpy(), "id": ids[site.to_numpy()]})
    listed = listed.sort_values(["group", "id"])
    return join_groups(listed["id"], listed["group"], "|")


def _choose(links: _Links, incident: np.ndarray, site: np.ndarray, how: np.ndarray, catalogue):
    """One candidate: linked. Several: listed as ambiguous (ids joined by "|")."""
    if not len(incident):
        return
    # Sorted by incident, then site: repeats of a pair drop out, groups are runs.
    order = np.lexsort((site, incident))
    incident, site, how = incident[order], site[order], how[order]
    new_pair = np.r_[True, (incident[1:] != incident[:-1]) | (site[1:] != site[:-1])]
    incident, site, how = incident[new_pair], site[new_pair], how[new_pair]
    run = np.cumsum(np.r_[True, incident[1:] != incident[:-1]]) - 1
    count = np.bincount(run)[run]
    one = count == 1
    links.link(incident[one], site[one], how[one])
    if (~one).any():
        listed = _id_lists(pd.Series(incident[~one]), pd.Series(site[~one]), catalogue)
        links.refuse(listed.index.to_numpy(), listed.reset_index(drop=True))


def _assemble(
    incidents: pd.DataFrame, catalogue: Catalogue, links: _Links, regional: np.ndarray
) -> pd.DataFrame:
    """The link columns, as categories built from codes: a million rows share a few
    hundred sites, and each column is one lookup by the chosen catalogue row."""
    out = incidents.copy(deep=False)  # new columns only: the caller's frame is safe
    cat = catalogue.frame
    # Position -1 (no site) takes the last entry of each per-site table.
    capacity = np.r_[cat["capacity"].to_numpy(dtype=float), np.nan]
    unit = cat["capacity_unit"].where(~np.isnan(capacity[:-1]), "")
    out["facility_id"] = _by_site(links.row, cat["facility_id"])
    out["facility_capacity"] = capacity[links.row]
    out["facility_capacity_unit"] = _by_site(links.row, unit)
    out["facility_match"] = pd.Categorical.from_codes(
        links.match, ["", *FACILITY_MATCHES], validate=False
    )
    out["facility_candidates"] = _by_site(links.listed - 1, pd.Series(links.lists, dtype=object))
    return _to_named_sites(out, catalogue, links, regional)


def _by_site(position: np.ndarray, values: pd.Series) -> pd.Categorical:
    """Per row, the text at ``position`` in ``values`` (-1: none, shown as ""), as a
    category built from integer codes: no million-string array is made."""
    small, uniques = pd.factorize(values.fillna("").astype(str).to_numpy(dtype=object))
    labels = pd.Index(["", *(u for u in uniques if u != "")], dtype=object)
    table = np.r_[labels.get_indexer(uniques)[small], 0]  # "" may also be a value
    # Codes as small as the categories allow: taken once, not converted after.
    table = table.astype(np.int16 if len(labels) < np.iinfo(np.int16).max else np.int32)
    return pd.Categorical.from_codes(table[position], categories=labels, validate=False)


def _to_named_sites(
    out: pd.DataFrame, catalogue: Catalogue, links: _Links, regional: np.ndarray
) -> pd.DataFrame:
    """Records linked by name take the site's position when the site has its own
    (a town-level record of "Ryazan refinery" moves from the city centre to the plant),
    and region-level records take the site's town when that is all the catalogue has.

    Only the moved rows are touched: positions as floats, and precision and note as
    categories rebuilt from codes (no million-string column is written)."""
    cat = catalogue.frame
    named = np.flatnonzero(
        (links.match == _MATCH["name"]) | (links.match == _MATCH["name_and_distance"])
    )
    site = links.row[named]
    site_precision = cat["coord_precision"].astype(str).to_numpy(dtype=object)[site]
    to_site = site_precision == "site"
    to_town = regional[named] & (site_precision == "town")
    moved, site = named[to_site | to_town], site[to_site | to_town]
    if not len(moved):
        return out
    site_lat, site_lon = coordinates(catalogue)
    lat = out["latitude"].to_numpy(dtype=float, copy=True)
    lon = out["longitude"].to_numpy(dtype=float, copy=True)
    lat[moved], lon[moved] = site_lat[site], site_lon[site]
    out["latitude"], out["longitude"] = lat, lon
    precision = np.where(to_site[to_site | to_town], 0, 1)
    out["location_precision"] = _recode(
        out["location_precision"], moved, pd.Index(["point", "settlement"]), precision
    )
    if "place_note" in out:
        notes = pd.Categorical(out["place_note"])
        # One note per distinct (old note, site): a few hundred texts, not one per row.
        pair, first = pd.factorize(notes.codes[moved].astype(np.int64) * len(cat) + site)
        old = pd.Series(notes.categories.to_numpy(dtype=object), dtype=object)
        old = old.iloc[first // len(cat)].fillna("").to_numpy(dtype=object)
        names = cat["name_en"].to_numpy(dtype=object)[first % len(cat)]
        texts = [
            f"{f'{o}; ' if o else ''}placed at the catalogue site of {n}"
            for o, n in zip(old, names, strict=True)
        ]
        out["place_note"] = _recode(notes, moved, pd.Index(texts, dtype=object), pair)
    return out


def _recode(
    values: pd.Series | pd.Categorical, rows: np.ndarray, labels: pd.Index, codes: np.ndarray
) -> pd.Categorical:
    """A categorical copy of ``values`` with ``rows`` set to ``labels[codes]``."""
    values = pd.Categorical(values)
    categories = values.categories.append(labels.difference(values.categories, sort=False))
    # Codes just wide enough for the new labels: a fresh million-row array is the cost.
    new = values.codes.astype(np.min_scalar_type(-len(categories)))
    new[rows] = categories.get_indexer(labels)[codes]
    return pd.Categorical.from_codes(new, categories=categories, validate=False)
