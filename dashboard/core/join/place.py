"""Give every incident a point and an admin-1 ISO code, or say why it has none.

Order of evidence, per row:

1. settlement name in the gazetteer (region and country of the record as hints):
   the town's admin-1 code comes from the gazetteer, because the coarse polygons
   miss coastal towns such as Kherson; coordinates from the record win if given;
2. coordinates alone: point in polygon, then the nearest polygon within
   :data:`COAST_TOLERANCE_KM`;
3. district (a Ukrainian raion or hromada) in the record's region: drawn at the
   district's centroid, precision "district";
4. region alone: drawn at the region's representative point, precision "region".

Name look-ups run once per distinct (name, region, country), and the polygon
tests are one vectorised spatial join, so the cost grows with distinct places,
not with rows.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.core.distinct import distinct_rows
from dashboard.core.geo import districts as districts_module
from dashboard.core.geo import facilities
from dashboard.core.geo.gazetteer import Gazetteer, RegionIndex

COAST_TOLERANCE_KM = 15.0
#: A gazetteer hit this far from the record's own coordinates is not trusted.
MISMATCH_KM = 60.0
_EARTH_KM = 6371.0088
#: What placing a row reads: rows that agree on these columns are placed alike.
PLACE_COLUMNS = (
    "settlement",
    "district",
    "admin1",
    "admin1_iso",
    "target_country",
    "latitude",
    "longitude",
    "location_precision",
)


@dataclass(frozen=True)
class Geography:
    """Everything the join needs, built once and reused across calls."""

    admin1: gpd.GeoDataFrame
    gazetteer: Gazetteer
    regions: RegionIndex
    anchors: pd.DataFrame  # representative point per admin1_iso
    region_names: Mapping[str, str]  # admin1_iso -> English name
    #: The facility catalogue incidents are linked to (empty: nothing links).
    facilities: facilities.Catalogue = field(default_factory=facilities.empty)
    #: Ukraine's raions and hromadas (empty: records naming a district stay at the region).
    districts: districts_module.DistrictIndex = field(default_factory=districts_module.empty)

    @classmethod
    def from_frames(
        cls,
        admin1: gpd.GeoDataFrame,
        places: pd.DataFrame,
        catalogue: facilities.Catalogue | None = None,
        districts: pd.DataFrame | None = None,
    ) -> Geography:
        points = admin1.geometry.representative_point()
        anchors = pd.DataFrame(
            {"latitude": points.y.to_numpy(), "longitude": points.x.to_numpy()},
            index=admin1["admin1_iso"].to_numpy(),
        )
        return cls(
            admin1=admin1.reset_index(drop=True),
            gazetteer=Gazetteer(places),
            regions=RegionIndex(admin1),
            anchors=anchors,
            region_names=MappingProxyType(
                dict(zip(admin1["admin1_iso"], admin1["name_en"], strict=True))
            ),
            facilities=catalogue if catalogue is not None else facilities.empty(),
            districts=(
                districts_module.DistrictIndex(districts)
                if districts is not None
                else districts_module.empty()
            ),
        )


@dataclass(frozen=True)
class Placed:
    """Rows with a point and region, and rows that could not be placed (with ``reason``)."""

    placed: pd.DataFrame
    unplaced: pd.DataFrame


@dataclass
class _Work:
    """The per-row arrays the placement routes fill in turn (one slot per input row)."""

    iso: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    precision: np.ndarray
    reason: np.ndarray
    note: np.ndarray
    canonical: np.ndarray
    has_coords: np.ndarray
    hint: np.ndarray  # the row's region, resolved to an ISO code ("" if none)
    bad_region: np.ndarray
    region_only: np.ndarray
    #: The record says it is known to its district (a file exported by this app): its
    #: coordinates are the district's point, not a town's.
    district_only: np.ndarray
    settlement: np.ndarray
    named: np.ndarray
    district: np.ndarray

    @classmethod
    def start(cls, frame: pd.DataFrame, regions: RegionIndex) -> _Work:
        n = len(frame)
        lat = frame["latitude"].to_numpy(dtype=float, na_value=np.nan, copy=True)
        lon = frame["longitude"].to_numpy(dtype=float, na_value=np.nan, copy=True)
        hint, bad_region = _region_hints(frame, regions)
        # A record that says it is known to region level only stays there, even when a
        # file carries the region's anchor point from an earlier run.
        given = frame.get("location_precision", pd.Series("", index=frame.index)).astype(str)
        region_only = (given.to_numpy(dtype=object) == "region") & (hint != "")
        settlement = frame["settlement"].to_numpy(dtype=object)
        return cls(
            iso=np.full(n, "", dtype=object),
            lat=lat,
            lon=lon,
            precision=np.full(n, "", dtype=object),
            reason=np.full(n, "", dtype=object),
            note=np.full(n, "", dtype=object),
            canonical=np.full(n, "", dtype=object),
            has_coords=~(np.isnan(lat) | np.isnan(lon)) & ~region_only,
            hint=hint,
            bad_region=bad_region,
            region_only=region_only,
            district_only=given.to_numpy(dtype=object) == "district",
            settlement=settlement,
            named=(settlement != "") & ~region_only,
            district=frame["district"].to_numpy(dtype=object),
        )


def place_incidents(incidents: pd.DataFrame, geo: Geography) -> Placed:
    """Attach ``admin1_iso``, ``latitude``, ``longitude`` and ``location_precision``.

    A row's place follows from :data:`PLACE_COLUMNS` alone, so each distinct
    combination of them (a few thousand towns in a million rows) is placed once.
    """
    frame = incidents.reset_index(drop=True)  # copy-on-write: the caller's frame is safe
    for column in ("settlement", "district", "admin1", "admin1_iso"):
        if column not in frame:
            frame[column] = ""
        frame[column] = frame[column].fillna("").astype(str)
    if "target_country" not in frame:
        frame["target_country"] = ""
    present = [c for c in PLACE_COLUMNS if c in frame]
    codes, first = _distinct_rows(frame, present)
    distinct = frame[present].take(first).reset_index(drop=True)
    distinct["target_country"] = distinct["target_country"].fillna("").astype(str)
    work = _Work.start(distinct, geo.regions)
    _by_settlement(work, distinct["target_country"].to_numpy(dtype=object), geo.gazetteer)
    # A record an export marked district-level finds its district again by name first.
    _by_district(work, geo.districts, rows=work.district_only)
    _by_coordinates(work, geo.admin1)
    _by_district(work, geo.districts)
    _by_hromada(work, geo.districts)
    _by_region(work, geo.anchors)
    missing = (work.iso == "") & (work.reason == "")
    work.reason[missing] = [
        _unplaced_reason(work.settlement[r], distinct["admin1"].iat[r], work.bad_region[r])
        for r in np.flatnonzero(missing)
    ]
    return _assemble(frame, distinct, work, codes)


def _distinct_rows(frame: pd.DataFrame, columns: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each row's code among the distinct combinations of ``columns``, and the first
    row of each combination."""
    parts = [
        frame[c].to_numpy(dtype=float, na_value=np.nan)
        if c in ("latitude", "longitude")
        else pd.factorize(frame[c], use_na_sentinel=False)[0]
        for c in columns
    ]
    return distinct_rows(*parts)


def _by_settlement(work: _Work, country: np.ndarray, gazetteer: Gazetteer) -> None:
    """Route 1: the settlement name, one gazetteer look-up per distinct key."""
    rows = np.flatnonzero(work.named)
    found = _settlement_matches(
        gazetteer, work.settlement[rows], work.hint[rows], country[rows], work.has_coords[rows]
    )
    p_lat, p_lon = found["latitude"].to_numpy(), found["longitude"].to_numpy()
    names, codes = found["name"].to_numpy(), found["admin1_iso"].to_numpy()
    matched = names != ""
    # The stated region may be named loosely (ACLED's "Kyiv" is the oblast): a namesake
    # elsewhere counts only when it lies right at the record's own coordinates.
    distance = haversine_km(work.lat[rows], work.lon[rows], p_lat, p_lon)
    matched &= ~(found["loose"].to_numpy() & ~(distance <= 25))
    far = matched & work.has_coords[rows] & (distance > MISMATCH_KM)
    for r, name, code, km in zip(rows[far], names[far], codes[far], distance[far], strict=True):
        work.note[r] = (
            f"settlement {work.settlement[r]!r} matched {name} ({code}) {km:.0f} km from the "
            "given coordinates; coordinates used"
        )
    use = matched & ~far
    target = rows[use]
    work.iso[target] = codes[use]
    work.canonical[target] = names[use]
    work.precision[target] = "settlement"
    fill = use & ~work.has_coords[rows]
    work.lat[rows[fill]], work.lon[rows[fill]] = p_lat[fill], p_lon[fill]
    variant = use & (found["match"].to_numpy() == "variant")
    for r, name in zip(rows[variant], names[variant], strict=True):
        work.note[r] = f"settlement {work.settlement[r]!r} matched {name} by spelling variant"


def _by_coordinates(work: _Work, admin1: gpd.GeoDataFrame) -> None:
    """Route 2: the record's own coordinates, point in polygon (or near a coast)."""
    todo = (work.iso == "") & work.has_coords
    if not todo.any():
        return
    work.iso[todo] = locate_points(work.lon[todo], work.lat[todo], admin1)
    town = np.where(work.settlement[todo] != "", "settlement", "point")
    work.precision[todo] = np.where(work.district_only[todo], "district", town)
    # A district-level point that names no town is known by its district.
    unnamed = todo & work.district_only & (work.settlement == "")
    work.canonical[unnamed] = work.district[unnamed]
    missed = todo & (work.iso == "")
    work.reason[missed] = [
        f"columns 'latitude'/'longitude': point ({work.lat[r]:.4f}, {work.lon[r]:.4f}) is not "
        f"within {COAST_TOLERANCE_KM:.0f} km of any covered region"
        for r in np.flatnonzero(missed)
    ]


def _by_district(
    work: _Work, index: districts_module.DistrictIndex, rows: np.ndarray | None = None
) -> None:
    """Route 3: the district the record names, in its region, drawn at its centroid
    (only ``rows``, when given)."""
    todo = (work.iso == "") & (work.district != "") & (work.hint != "") & ~work.region_only
    todo = np.flatnonzero(todo if rows is None else todo & rows)
    if not len(todo):
        return
    table = index.districts
    for r in todo:  # one per distinct place, not per row
        position = index.locate(work.district[r], work.hint[r])
        if position < 0:
            why = "fits two districts" if position == districts_module.AMBIGUOUS else "not found"
            work.note[r] = f"district {work.district[r]!r} {why} in {work.hint[r]}"
            continue
        _at_district(work, r, table, position)
        work.canonical[r] = work.settlement[r] or index.label(position)
        if work.named[r]:
            work.note[r] = (
                f"settlement {work.settlement[r]!r} not in the gazetteer; "
                f"placed at {index.label(position)}"
            )


def _by_hromada(work: _Work, index: districts_module.DistrictIndex) -> None:
    """Route 3b: a Ukrainian village the gazetteer lacks, found among the codifier's
    settlements of its region and drawn at its hromada's centroid."""
    todo = np.flatnonzero((work.iso == "") & work.named & (work.hint != ""))
    table = index.districts
    for r in todo:  # one per distinct place, not per row
        position = index.locate_settlement(work.settlement[r], work.hint[r])
        if position == districts_module.AMBIGUOUS:
            work.note[r] = f"settlement {work.settlement[r]!r} is in two hromadas of {work.hint[r]}"
        if position < 0:
            continue
        _at_district(work, r, table, position)
        work.canonical[r] = f"{work.settlement[r]} ({index.label(position)})"
        work.note[r] = (
            f"settlement {work.settlement[r]!r} not in the gazetteer; "
            f"placed at its hromada, {index.label(position)}"
        )


def _at_district(work: _Work, r: int, table: pd.DataFrame, position: int) -> None:
    """Place distinct place ``r`` at the district table's row ``position``."""
    work.iso[r] = table["admin1_iso"].iat[position]
    work.lat[r] = table["latitude"].iat[position]
    work.lon[r] = table["longitude"].iat[position]
    work.precision[r] = "district"


def _by_region(work: _Work, anchors: pd.DataFrame) -> None:
    """Route 4: the region alone, drawn at its representative point."""
    todo = (work.iso == "") & (work.hint != "") & (work.reason == "")
    if not todo.any():
        return
    work.iso[todo] = work.hint[todo]
    anchor = anchors.loc[work.hint[todo]]
    work.lat[todo] = anchor["latitude"].to_numpy()
    work.lon[todo] = anchor["longitude"].to_numpy()
    work.precision[todo] = "region"
    # A settlement (or district) that was not found was still reported: keep it visible.
    lost = todo & (work.named | (work.note != ""))
    work.note[lost] = [
        "; ".join(
            part
            for part in (
                work.note[r],
                f"settlement {work.settlement[r]!r} not in the gazetteer" if work.named[r] else "",
            )
            if part
        )
        + "; placed at the region"
        for r in np.flatnonzero(lost)
    ]


def _assemble(
    frame: pd.DataFrame, distinct: pd.DataFrame, work: _Work, codes: np.ndarray
) -> Placed:
    """Spread the routes' results (one per distinct place) over the rows; the country
    follows from the region."""
    given_country = distinct["target_country"].to_numpy(dtype=object)
    regions, region_names = pd.factorize(work.iso)
    derived = np.asarray([r[:2] for r in region_names], dtype=object)[regions]
    disagree = (given_country != "") & (derived != "") & (given_country != derived)
    work.note[disagree] = [
        f"target_country {given_country[r]!r} differs from the place's country {derived[r]}"
        for r in np.flatnonzero(disagree)
    ]
    place_name = np.where(
        work.canonical != "", work.canonical, distinct["settlement"].to_numpy(dtype=object)
    )
    frame["admin1_iso"] = _spread_category(work.iso, codes)
    frame["latitude"] = work.lat[codes]
    frame["longitude"] = work.lon[codes]
    # Categories: the facility link compares regions and countries and rewrites a few
    # rows of precision and note by code.
    frame["location_precision"] = _spread_category(work.precision, codes)
    frame["place_note"] = _spread_category(work.note, codes)
    frame["place_name"] = _spread_text(place_name, codes)
    frame["target_country"] = _spread_category(derived, codes)
    ok = (work.iso != "")[codes]
    placed = frame if ok.all() else frame.loc[ok].reset_index(drop=True)
    unplaced = _rows(frame, ~ok)
    unplaced["reason"] = _spread_text(work.reason, codes[~ok])
    return Placed(placed=placed, unplaced=unplaced)


def _rows(frame: pd.DataFrame, mask: np.ndarray) -> pd.DataFrame:
    """The rows where ``mask`` holds; none is a slice (taking no rows from a column read
    in blocks still joins its blocks)."""
    return frame.take(np.flatnonzero(mask)) if mask.any() else frame.iloc[:0]


def _spread_category(per_place: np.ndarray, codes: np.ndarray) -> pd.Categorical:
    """Text per distinct place as a category over the rows: the few distinct values
    are coded once and the codes taken."""
    labels, values = pd.factorize(pd.Series(per_place, dtype=object))
    return pd.Categorical.from_codes(labels[codes], categories=pd.Index(values, dtype=object))


def _spread_text(
    per_place: np.ndarray, codes: np.ndarray
) -> pd.api.extensions.ExtensionArray | np.ndarray:
    """Text per distinct place as a text column over the rows, taken in Arrow (no
    million Python strings); empty, it is the object array pandas made of it before."""
    if not len(codes):
        return np.asarray([], dtype=object)
    return pd.array(per_place, dtype="str").take(codes)


def _settlement_matches(
    gazetteer: Gazetteer,
    names: np.ndarray,
    regions: np.ndarray,
    countries: np.ndarray,
    has_coords: np.ndarray,
) -> pd.DataFrame:
    """Gazetteer hits aligned with the rows; ``name`` is "" where nothing matched.

    ``loose`` marks hits found by ignoring the stated region, which only rows with
    coordinates may use.
    """
    keys = pd.DataFrame({"s": names, "r": regions, "c": countries})
    group = keys.groupby(["s", "r", "c"], sort=False).ngroup().to_numpy()
    firsts = keys.drop_duplicates(["s", "r", "c"])
    with_coords = np.bincount(group, weights=has_coords, minlength=len(firsts)) > 0
    strict, loose = [], []
    for index, (name, region, country) in enumerate(firsts.itertuples(index=False, name=None)):
        hit = fallback = None
        for candidate in _alternatives(name):  # "Stakhanov (Kadiivka)": either name
            hit = gazetteer.locate(candidate, admin1_iso=region or None, country=country or None)
            if hit is None and region and with_coords[index]:
                fallback = fallback or gazetteer.locate(candidate, country=country or None)
            if hit:
                break
        strict.append(hit or _NO_HIT)
        loose.append(fallback or _NO_HIT)
    table = _hits(gazetteer.places, strict).iloc[group].reset_index(drop=True)
    other = _hits(gazetteer.places, loose).iloc[group].reset_index(drop=True)
    use_loose = (table["name"] == "").to_numpy() & has_coords & (other["name"] != "").to_numpy()
    table[use_loose] = other[use_loose]
    table["loose"] = use_loose
    return table


def _alternatives(name: str) -> list[str]:
    """The name as written, then the names it gives in parentheses or around a slash
    ("Stakhanov (Kadiivka)", "Kadiivka / Stakhanov")."""
    parts = [p.strip() for p in re.split(r"[()/]", name) if p.strip()]
    return [name, *parts] if len(parts) > 1 else [name]


#: A look-up that found nothing: no position in the places table, no kind of match.
_NO_HIT = (-1, "")


def _hits(places: pd.DataFrame, hits: list[tuple[int, str]]) -> pd.DataFrame:
    """Gazetteer positions and match kinds as the places' name, region and point."""
    position = np.fromiter((row for row, _ in hits), dtype=np.intp, count=len(hits))
    found = position >= 0
    picked = places.iloc[position[found]]
    name = np.full(len(hits), "", dtype=object)
    name[found] = picked["name"].astype(str).to_numpy(dtype=object)
    region = np.full(len(hits), "", dtype=object)
    region[found] = picked["admin1_iso"].astype(str).to_numpy(dtype=object)
    latitude, longitude = np.full(len(hits), np.nan), np.full(len(hits), np.nan)
    latitude[found] = picked["latitude"].to_numpy(dtype=float)
    longitude[found] = picked["longitude"].to_numpy(dtype=float)
    return pd.DataFrame(
        {
            "name": name,
            "admin1_iso": region,
            "latitude": latitude,
            "longitude": longitude,
            "match": np.asarray([match for _, match in hits], dtype=object),
        }
    )


def locate_points(lon: np.ndarray, lat: np.ndarray, admin1: gpd.GeoDataFrame) -> np.ndarray:
    """Admin-1 code for each point: inside a polygon, else the nearest within tolerance."""
    points = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon, lat), crs=admin1.crs)
    inside = points.sjoin(admin1[["admin1_iso", "geometry"]], predicate="intersects", how="left")
    inside = inside[~inside.index.duplicated(keep="first")]
    codes = inside["admin1_iso"].fillna("").to_numpy(dtype=object)
    outside = codes == ""
    if outside.any():
        # Degrees are a fine pre-filter; the true distance is checked in km below.
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Geometry is in a geographic CRS", UserWarning)
            near = points[outside].sjoin_nearest(
                admin1[["admin1_iso", "geometry"]], how="left", max_distance=0.5
            )
        near = near[~near.index.duplicated(keep="first")]
        found = near["admin1_iso"].notna().to_numpy()
        polygons = admin1.set_index("admin1_iso").geometry
        for position, (index, code) in enumerate(near["admin1_iso"].items()):
            if not found[position]:
                continue
            point = points.geometry.iat[index]
            nearest = polygons.loc[code].boundary.interpolate(
                polygons.loc[code].boundary.project(point)
            )
            if haversine_km(point.y, point.x, nearest.y, nearest.x) <= COAST_TOLERANCE_KM:
                codes[index] = code
    return codes


def _region_hints(frame: pd.DataFrame, regions: RegionIndex) -> tuple[np.ndarray, np.ndarray]:
    """Resolve each row's region (``admin1_iso`` if valid, else the ``admin1`` name)."""
    given_iso = frame["admin1_iso"].str.strip().str.upper()
    keys = pd.DataFrame({"n": frame["admin1"].str.strip(), "c": frame["target_country"]})
    group = keys.groupby(["n", "c"], sort=False).ngroup().to_numpy()
    firsts = keys.drop_duplicates(["n", "c"])
    looked_up = np.array(
        [
            (regions.lookup(name, country=country or None) or "") if name else ""
            for name, country in firsts.itertuples(index=False, name=None)
        ]
        + [""],  # keeps the array one-dimensional and typed when there are no rows
        dtype=object,
    )
    resolved = looked_up[group] if len(group) else np.array([], dtype=object)
    valid_iso = given_iso.isin(regions.codes).to_numpy()
    hint = np.where(valid_iso, given_iso.to_numpy(dtype=object), resolved)
    bad_region = (keys["n"].to_numpy(dtype=object) != "") & (resolved == "") & ~valid_iso
    return hint.astype(object), bad_region


def _unplaced_reason(settlement: str, region: str, bad_region: bool) -> str:
    parts = []
    if settlement:
        parts.append(f"column 'settlement': value {settlement!r} is not in the gazetteer")
    if bad_region:
        parts.append(f"column 'admin1': value {region!r} is not a known region")
    if not parts:
        return "no settlement, region or coordinates given"
    return "; ".join(parts) + ", and no coordinates were given"


def haversine_km(lat1, lon1, lat2, lon2):
    """Great-circle distance in km (scalars or arrays; NaN where a point is missing)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * np.arcsin(np.sqrt(a))
