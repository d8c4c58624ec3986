"""Districts of Ukraine (2020 raions and hromadas) as named points for the join.

Ukrainian officials often name only the raion or hromada that was hit ("energy facilities
in the Stryi district"); placing such a record at its district's centre is far closer than
the oblast's. The source tables carry OCHA P-codes but no ISO 3166-2 code: each oblast
P-code takes the admin-1 unit most of its centroids fall in, so no code table is typed in.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from dashboard.core.geo.districts import COLUMNS
from dashboard.core.join.place import locate_points

DISTRICTS_DIR = Path("geodata") / "sources" / "ua-districts"
DISTRICTS_LICENCE = "CC BY-IGO 3.0 (OCHA COD-AB Ukraine)"


def build_districts(repo: Path, admin1: gpd.GeoDataFrame) -> pd.DataFrame:
    """Raions and hromadas with their kind and the admin-1 code of their oblast."""
    source = repo / DISTRICTS_DIR
    frames = []
    for kind, file in (("raion", "raions.csv"), ("hromada", "hromadas.csv")):
        frame = pd.read_csv(source / file, dtype={"pcode": str, "parent_pcode": str})
        frame["kind"] = kind
        frames.append(frame)
    districts = pd.concat(frames, ignore_index=True)
    districts["oblast"] = districts["pcode"].str[:4]
    located = locate_points(
        districts["longitude"].to_numpy(),
        districts["latitude"].to_numpy(),
        admin1.reset_index(drop=True),
    )
    votes = pd.DataFrame({"oblast": districts["oblast"], "iso": located})
    votes = votes[votes["iso"].str.startswith("UA-")]
    iso = votes.groupby("oblast")["iso"].agg(lambda codes: codes.value_counts().index[0])
    if iso.duplicated().any() or len(iso) != districts["oblast"].nunique():
        raise ValueError(f"oblast P-codes do not map one-to-one to ISO codes: {iso.to_dict()}")
    districts["admin1_iso"] = districts["oblast"].map(iso)
    return districts[list(COLUMNS)].sort_values("pcode", ignore_index=True)


def input_files(repo: Path) -> list[Path]:
    return sorted((repo / DISTRICTS_DIR).glob("*.csv"))
