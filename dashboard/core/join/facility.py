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

Names are looked up once per distinct facility name and distances once per
distinct place, so a million rows cost what their distinct values cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import shapely

from dashboard.core.distinct import join_groups
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
            row=np.full(n, -1),
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
    codes, names = pd.factorize(incidents["facility_name"])
    text, site, one_word = catalogue.named_in(pd.Series(names, dtype="str").fillna(""))
    if not len(text):
        return
    named = np.zeros(len(names), dtype=bool)
    named[text] = True
    rows = np.flatnonzero(named[codes])
    matched = pd.DataFrame({"key": text, "site": site, "one_word": one_word})
    pairs = pd.DataFrame({"key": codes[rows], "incident": rows}).merge(matched, on="key")
    incident = pairs["incident"].to_numpy()
    site = pairs["site"].to_numpy()
    # A record of no particular kind ("energy infrastructure in Burshtyn") names a site
    # only with a name of two words or more ("Burshtyn TPP"): one word may be the town.
    own_family = family[incident]
    keep = ~pairs["one_word"].to_numpy() | (own_family != 0)
    keep &= (own_family == _site_families(catalogue)[site]) | (own_family == 0)
    # Only the records that name a site, and only the columns checked.
    rows = incidents[["target_country", "latitude", "longitude", "admin1_iso"]].iloc[incident]
    cat = catalogue.frame
    country = rows["target_country"].astype(str).to_numpy(dtype=object)
    keep &= (country == "") | (country == cat["country"].to_numpy(dtype=object)[site])

    site_lat, site_lon = coordinates(catalogue)
    lat = rows["latitude"].to_numpy(dtype=float)
    lon = rows["longitude"].to_numpy(dtype=float)
    distance = haversine_km(lat, lon, site_lat[site], site_lon[site])
    regional = regional[incident]
    same_region = (
        rows["admin1_iso"].astype(str).to_numpy(dtype=object)
        == (cat["admin1_iso"].to_numpy(dtype=object)[site])
    )
    placed_site = ~np.isnan(distance)
    near = np.where(regional, same_region, ~placed_site | (distance <= NAME_KM))
    keep &= near
    how = np.where(placed_site & ~regional, _MATCH["name_and_distance"], _MATCH["name"])
    _choose(links, incident[keep], site[keep], how[keep], catalogue)


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
    lat_code, lat_values = pd.factorize(lat)
    lon_code, lon_values = pd.factorize(lon)
    group, pairs_code = pd.factorize(lat_code.astype(np.int64) * len(lon_values) + lon_code)
    place_lat = lat_values[pairs_code // len(lon_values)]
    place_lon = lon_values[pairs_code % len(lon_values)]
    sites = np.flatnonzero(placed)
    tree = shapely.STRtree(shapely.points(site_lon[sites], site_lat[sites]))
    probe, found = tree.query(
        shapely.points(place_lon, place_lat), predicate="dwithin", distance=_SEARCH_DEGREES
    )
    site = sites[found]
    km = haversine_km(place_lat[probe], place_lon[probe], site_lat[site], site_lon[site])
    near = km <= DISTANCE_KM
    probe, site = probe[near], site[near]
    families = len(_FAMILIES) + 1
    key, key_code = pd.factorize(group.astype(np.int64) * families + family[open_rows])
    keys = pd.DataFrame({"place": key_code // families, "family": key_code % families})
    keys["key"] = np.arange(len(keys))
    near_sites = pd.DataFrame(
        {"place": probe, "site": site, "family": _site_families(catalogue)[site]}
    )
    candidates = keys.merge(near_sites, on=["place", "family"])
    # Decided once per (place, family), then spread over the rows there.
    per_key = np.bincount(candidates["key"].to_numpy(), minlength=len(keys))
    single = candidates[per_key[candidates["key"].to_numpy()] == 1]
    key_site = np.full(len(keys) + 1, -1)
    key_site[single["key"].to_numpy()] = single["site"].to_numpy()
    chosen = key_site[key]
    found_one = chosen >= 0
    links.link(open_rows[found_one], chosen[found_one], _MATCH["distance"])
    several = candidates[per_key[candidates["key"].to_numpy()] > 1]
    if len(several):
        listed = _id_lists(several["key"], several["site"], catalogue)
        per_key = np.full(len(keys), None, dtype=object)
        per_key[listed.index.to_numpy()] = listed.to_numpy(dtype=object)
        rows = np.flatnonzero(pd.notna(per_key)[key])
        links.refuse(open_rows[rows], pd.Series(per_key[key[rows]], dtype=object))


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
    precision = np.where(to_site[to_site | to_town], "point", "settlement")
    out["location_precision"] = _recode(out["location_precision"], moved, precision)
    if "place_note" in out:
        notes = pd.Series(pd.Categorical(out["place_note"])[moved], dtype=object).astype(str)
        joined = notes.where(notes == "", notes + "; ")
        names = cat["name_en"].to_numpy(dtype=object)[site]
        new = (joined + "placed at the catalogue site of " + names).to_numpy()
        out["place_note"] = _recode(out["place_note"], moved, new)
    return out


def _recode(values: pd.Series, rows: np.ndarray, new: np.ndarray) -> pd.Categorical:
    """A categorical copy of ``values`` with ``rows`` set to ``new``."""
    values = pd.Categorical(values)
    extra = pd.Index(pd.unique(new), dtype=object).difference(values.categories, sort=False)
    categories = values.categories.append(extra)
    codes = values.codes.astype(np.int32)  # room for the new labels
    codes[rows] = categories.get_indexer(new)
    return pd.Categorical.from_codes(codes, categories=categories, validate=False)
