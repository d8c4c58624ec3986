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

from dataclasses import dataclass

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


@dataclass(frozen=True)
class _Links:
    """One slot per incident: chosen catalogue row (-1 none), how (a code: 0 none, else
    1 + position in FACILITY_MATCHES), and the ambiguous candidates (sparse)."""

    row: np.ndarray
    match: np.ndarray
    candidates: dict[int, str]


def link_facilities(incidents: pd.DataFrame, catalogue: Catalogue) -> pd.DataFrame:
    """``incidents`` with :data:`LINK_COLUMNS` added (and named sites' positions used)."""
    n = len(incidents)
    links = _Links(
        row=np.full(n, -1),
        match=np.zeros(n, dtype=np.int8),
        candidates={},
    )
    regional = incidents["location_precision"].isin(AREA_PRECISION).to_numpy(dtype=bool)
    if n and len(catalogue):
        family = _family_codes(incidents["facility_type"])
        _by_name(incidents, catalogue, family, regional, links)
        _by_distance(incidents, catalogue, family, regional, links)
    return _assemble(incidents, catalogue, links, regional)


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
    # A record of no particular kind ("energy infrastructure in Burshtyn") names a site
    # only with a name of two words or more ("Burshtyn TPP"): one word may be the town.
    name_codes, names = pd.factorize(incidents["facility_name"])
    combined = name_codes.astype(np.int64) * 2 + (family != 0)
    codes, keys = pd.factorize(combined)
    text, site_of_text = catalogue.named_in(
        pd.Series(np.asarray(names, dtype=object)[keys // 2], dtype=object).fillna(""),
        bare=(keys % 2 == 1),
    )
    if not len(text):
        return
    matched = pd.DataFrame({"key": text, "site": site_of_text})
    named = np.zeros(len(keys), dtype=bool)
    named[text] = True
    rows = np.flatnonzero(named[codes])
    pairs = pd.DataFrame({"key": codes[rows], "incident": rows}).merge(matched, on="key")
    incident = pairs["incident"].to_numpy()
    site = pairs["site"].to_numpy()
    # Only the records that name a site, and only the columns checked.
    rows = incidents[["target_country", "latitude", "longitude", "admin1_iso"]].iloc[incident]

    cat = catalogue.frame
    own_family = family[incident]
    keep = (own_family == _site_families(catalogue)[site]) | (own_family == 0)
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
    open_rows = np.flatnonzero((links.row < 0) & ~_listed(links) & ~regional & (family != 0))
    if not len(open_rows) or not placed.any():
        return
    # Once per distinct place: a million rows sit on a few thousand towns.
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
    # Candidates per distinct (place, family), then spread over the rows there.
    families = len(_FAMILIES) + 1
    key, key_code = pd.factorize(group.astype(np.int64) * families + family[open_rows])
    keys = pd.DataFrame({"place": key_code // families, "family": key_code % families})
    keys["key"] = np.arange(len(keys))
    near_sites = pd.DataFrame(
        {
            "place": probe,
            "site": site,
            "family": _site_families(catalogue)[site],
        }
    )
    candidates = keys.merge(near_sites, on=["place", "family"])[["key", "site"]]
    member = pd.DataFrame({"key": key, "incident": open_rows})
    pairs = member[np.isin(key, candidates["key"])].merge(candidates, on="key")
    _choose(
        links,
        pairs["incident"].to_numpy(),
        pairs["site"].to_numpy(),
        np.full(len(pairs), _MATCH["distance"], dtype=np.int8),
        catalogue,
    )


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
    links.row[incident[count == 1]] = site[count == 1]
    links.match[incident[count == 1]] = how[count == 1]
    pairs = pd.DataFrame({"incident": incident, "site": site})
    several = pairs[count > 1]
    if len(several):
        ids = catalogue.frame["facility_id"].to_numpy(dtype=object)
        listed = several.assign(id=ids[several["site"].to_numpy()]).sort_values(["incident", "id"])
        joined = join_groups(listed["id"], listed["incident"], "|")  # "a|b|c" per incident
        links.candidates.update(zip(joined.index.tolist(), joined.tolist(), strict=True))


def _assemble(
    incidents: pd.DataFrame, catalogue: Catalogue, links: _Links, regional: np.ndarray
) -> pd.DataFrame:
    """The link columns, as categories: a million rows share a few hundred sites."""
    out = incidents.copy(deep=False)  # new columns only: the caller's frame is safe
    cat = catalogue.frame
    linked = links.row >= 0
    capacity = np.full(len(out), np.nan)
    capacity[linked] = cat["capacity"].to_numpy(dtype=float)[links.row[linked]]
    known = ~np.isnan(capacity)
    site_codes = np.where(linked, links.row, -1)
    unit_codes = np.where(known, site_codes, -1)
    out["facility_id"] = _text_codes(site_codes, cat["facility_id"])
    out["facility_capacity"] = capacity
    out["facility_capacity_unit"] = _text_codes(unit_codes, cat["capacity_unit"])
    out["facility_match"] = pd.Categorical.from_codes(links.match, ["", *FACILITY_MATCHES])
    out["facility_candidates"] = _sparse_text(links.candidates, len(out))
    return _to_named_sites(out, catalogue, links, regional)


def _listed(links: _Links) -> np.ndarray:
    listed = np.zeros(len(links.row), dtype=bool)
    listed[list(links.candidates)] = True
    return listed


def _sparse_text(values: dict[int, str], n: int) -> pd.Categorical:
    """A text column that is "" except at a few positions, as a category."""
    codes = np.zeros(n, dtype=np.int32)
    labels, uniques = pd.factorize(pd.Series(list(values.values()), dtype=object))
    codes[list(values)] = labels + 1
    return pd.Categorical.from_codes(codes, categories=pd.Index(["", *uniques], dtype=object))


def _text_codes(codes: np.ndarray, values: pd.Series) -> pd.Categorical:
    """Catalogue values by row position (-1: none, shown as "") as a category, built from
    integer codes: no million-string array is made."""
    small, uniques = pd.factorize(values.astype(str).to_numpy(dtype=object))
    picked = np.where(codes >= 0, small[np.maximum(codes, 0)] + 1, 0)
    labels = pd.Index(["", *(u for u in uniques if u != "")], dtype=object)
    remap = labels.get_indexer(["", *uniques])  # "" may also be a catalogue value
    return pd.Categorical.from_codes(remap[picked], categories=labels)


def _to_named_sites(
    out: pd.DataFrame, catalogue: Catalogue, links: _Links, regional: np.ndarray
) -> pd.DataFrame:
    """Records linked by name take the site's position when the site has its own
    (a town-level record of "Ryazan refinery" moves from the city centre to the plant),
    and region-level records take the site's town when that is all the catalogue has.

    Only the moved rows are touched: positions as floats, and precision and note as
    categories rebuilt from codes (no million-string column is written)."""
    cat = catalogue.frame
    by_name = np.isin(links.match, (_MATCH["name"], _MATCH["name_and_distance"]))
    row = np.where(by_name, links.row, 0)
    site_precision = cat["coord_precision"].astype(str)
    to_site = by_name & (site_precision == "site").to_numpy(dtype=bool)[row]
    to_town = by_name & regional & (site_precision == "town").to_numpy(dtype=bool)[row]
    moved = to_site | to_town
    if not moved.any():
        return out
    precision = pd.Categorical(out["location_precision"])
    site_lat, site_lon = coordinates(catalogue)
    lat = out["latitude"].to_numpy(dtype=float, copy=True)
    lon = out["longitude"].to_numpy(dtype=float, copy=True)
    lat[moved], lon[moved] = site_lat[row[moved]], site_lon[row[moved]]
    out["latitude"], out["longitude"] = lat, lon
    out["location_precision"] = _recode(precision, {"point": to_site, "settlement": to_town})
    if "place_note" in out:
        names = pd.Series(cat["name_en"].to_numpy(dtype=object)[row[moved]], dtype=object)
        notes = pd.Categorical(out["place_note"])
        before = pd.Series(np.asarray(notes[moved]), dtype=object).astype(str)
        joined = before.where(before == "", before + "; ")
        new = (joined + "placed at the catalogue site of " + names).to_numpy()
        extra = pd.Index(pd.unique(new), dtype=object).difference(notes.categories, sort=False)
        categories = notes.categories.append(extra)
        codes = notes.codes.astype(np.int64, copy=True)
        codes[moved] = categories.get_indexer(new)
        out["place_note"] = pd.Categorical.from_codes(codes, categories=categories)
    return out


def _recode(values: pd.Categorical, changes: dict[str, np.ndarray]) -> pd.Categorical:
    """A categorical with the rows of each mask set to its new label."""
    labels = [label for label in changes if label not in values.categories]
    values = values.add_categories(labels) if labels else values.copy()
    codes = values.codes.copy()
    for label, where in changes.items():
        codes[where] = values.categories.get_loc(label)
    return pd.Categorical.from_codes(codes, categories=values.categories)
