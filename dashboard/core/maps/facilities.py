"""The facility layer's features: catalogue sites with their strikes in the window.

A site is drawn when it was struck in the filter window, or when it is large
enough to matter unstruck (every refinery, terminal and depot of the catalogue;
power plants from :data:`MIN_QUIET_MW`), so the map shows what was hit against
what was not. The symbol says the kind of site, the size its capacity.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.geo.facilities import Catalogue, local_names
from dashboard.core.maps.popups import source_pairs
from dashboard.core.vocab import CATALOGUE_SYMBOLS, SIDE_NAMES, label

#: Unstruck power plants smaller than this are left off (hundreds of small plants).
MIN_QUIET_MW = 500.0
#: Newest strikes listed in a site's popup, and sources shown per strike (the incident's
#: own popup and the exports carry all of them).
TIMELINE_LENGTH = 10
SOURCES_PER_STRIKE = 2
#: Capacity that draws the largest symbol, per unit; symbols grow with the square root.
FULL_SIZE = {"MW": 6000.0, "Mt/yr": 25.0}
SMALLEST, LARGEST = 9, 26  # symbol size in px


def facility_features(incidents: pd.DataFrame, catalogue: Catalogue) -> dict:
    """A GeoJSON FeatureCollection of the sites to draw (short property names)."""
    sites = catalogue.frame
    if not len(sites):
        return {"type": "FeatureCollection", "features": []}
    linked = incidents.loc[incidents["facility_id"].astype(str) != ""]
    counts = linked["facility_id"].astype(str).value_counts()
    strikes = sites["facility_id"].map(counts).fillna(0).astype(int).to_numpy()
    capacity = sites["capacity"].to_numpy(dtype=float)
    big = (sites["family"] != "power").to_numpy() | (capacity >= MIN_QUIET_MW)
    shown = sites["latitude"].notna().to_numpy() & ((strikes > 0) | big)
    chosen = sites.loc[shown]
    timelines = _timelines(linked, set(chosen["facility_id"]))
    sizes = symbol_sizes(chosen["capacity"], chosen["capacity_unit"])
    names = local_names(chosen).to_numpy()
    features = []
    for (_, site), count, size, named in zip(
        chosen.iterrows(), strikes[shown], sizes, names, strict=True
    ):
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(site["longitude"], 5), round(site["latitude"], 5)],
                },
                "properties": {
                    "id": site["facility_id"],
                    "n": site["name_en"],
                    "ln": named,
                    "t": label(site["facility_type"]),
                    "s": CATALOGUE_SYMBOLS[site["facility_type"]],
                    "c": capacity_text(site["capacity"], site["capacity_unit"]),
                    "o": site["operator"],
                    "town": site["coord_precision"] == "town",
                    "r": int(size),
                    "k": int(count),
                    "tl": timelines.get(site["facility_id"], []),
                    # The catalogue's first outlet: the full list is in the catalogue.
                    "src": str(site["source_outlet"]).split(" | ")[0],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def symbol_sizes(capacity: pd.Series, unit: pd.Series) -> np.ndarray:
    """Pixels: the smallest size for an unknown capacity, up to LARGEST at full size."""
    full = unit.map(FULL_SIZE).to_numpy(dtype=float)
    share = np.clip(np.sqrt(capacity.to_numpy(dtype=float) / full), 0, 1)
    return np.where(np.isnan(share), SMALLEST, SMALLEST + share * (LARGEST - SMALLEST)).round()


def capacity_text(capacity: float, unit: str) -> str:
    """'2,334 MW', '17.1 Mt/yr', or '' when unknown."""
    if pd.isna(capacity):
        return ""
    return f"{capacity:,.0f} {unit}" if unit == "MW" else f"{capacity:,.1f} {unit}"


def _timelines(linked: pd.DataFrame, wanted: set[str]) -> dict[str, list[list]]:
    """Per site, its newest strikes: [date, side, incident id, [[url, outlet], ...]]."""
    rows = linked.loc[linked["facility_id"].astype(str).isin(wanted)]
    rows = rows.sort_values("date", ascending=False, kind="stable")
    rows = rows.groupby(rows["facility_id"].astype(str), sort=False).head(TIMELINE_LENGTH)
    out: dict[str, list[list]] = {}
    for site, day, side, iid, urls, outlets in zip(
        rows["facility_id"].astype(str),
        rows["date"].dt.strftime("%Y-%m-%d"),
        rows["attacker"].astype(str),
        rows["id"].astype(str),
        rows["source_url"].astype(str),
        rows["source_outlet"].astype(str),
        strict=True,
    ):
        out.setdefault(site, []).append(
            [day, SIDE_NAMES.get(side, side), iid, source_pairs(urls, outlets)[:SOURCES_PER_STRIKE]]
        )
    return out
