"""What every map and snapshot shares, prepared once: town labels, region names, sites."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from dashboard.core.geo import facilities as facility_catalogue


@dataclass(frozen=True)
class MapBase:
    """What every map shares, prepared once: town labels, region names, the catalogue."""

    towns: list[tuple[str, float, float, bool]]
    region_names: Mapping[str, str]
    facilities: facility_catalogue.Catalogue = field(default_factory=facility_catalogue.empty)

    @classmethod
    def from_frames(
        cls,
        region_names: Mapping[str, str],
        places: pd.DataFrame,
        facilities: facility_catalogue.Catalogue | None = None,
    ) -> MapBase:
        return cls(
            towns=label_towns(places),
            region_names=region_names,
            facilities=facilities if facilities is not None else facility_catalogue.empty(),
        )


def label_towns(
    places: pd.DataFrame, count: int = 120, spacing_degrees: float = 0.35
) -> list[tuple[str, float, float, bool]]:
    """The largest towns, skipping any too close to a larger one (city districts, suburbs)."""
    kept: list[tuple[str, float, float, bool]] = []
    for name, lat, lon, population in places.sort_values(
        ["population", "geonameid"], ascending=[False, True]
    )[["name", "latitude", "longitude", "population"]].itertuples(index=False):
        if all(
            abs(lat - k[1]) > spacing_degrees or abs(lon - k[2]) > spacing_degrees for k in kept
        ):
            kept.append((str(name), round(lat, 4), round(lon, 4), bool(population >= 1_000_000)))
            if len(kept) == count:
                break
    return kept
