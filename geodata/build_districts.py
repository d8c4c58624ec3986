"""Districts as named points for the join: Ukraine's raions and hromadas (OCHA), and the
Russian districts the bundled records name (compiled, a source per row).

Officials often name only the district that was hit ("energy facilities in the Stryi
district", "a substation in Korenevsky district"); its point is far closer than the
region's. OCHA's tables carry P-codes but no ISO 3166-2 code: each oblast P-code takes the
admin-1 unit most of its centroids fall in, so no code table is typed in. Russia has no
offline district table: ``data/ru-districts.csv`` gives each district's administrative
centre as a page states it, and the gazetteer places that town.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from dashboard.core.geo.districts import COLUMNS
from dashboard.core.geo.gazetteer import Gazetteer, RegionIndex
from dashboard.core.join.place import locate_points

DISTRICTS_DIR = Path("geodata") / "sources" / "ua-districts"
RU_DISTRICTS = Path("data") / "ru-districts.csv"
DISTRICTS_LICENCE = "CC BY-IGO 3.0 (OCHA COD-AB Ukraine); Russian districts CC BY 4.0 (compiled)"
#: How a Russian district's kind reads in its label.
RU_KIND_WORDS = {
    "municipal_district": "district",
    "municipal_okrug": "municipal okrug",
    "urban_okrug": "urban okrug",
}
#: Words before a centre's name that say what kind of settlement it is.
SETTLEMENT_WORDS = (
    "посёлок городского типа",
    "рабочий посёлок",
    "посёлок",
    "поселок",
    "пгт",
    "город",
    "село",
    "станица",
    "слобода",
)


def build_districts(repo: Path, admin1: gpd.GeoDataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Raions, hromadas and Russian districts with kind, label, admin-1 code and point."""
    ukraine = _ukraine(repo, admin1)
    russia = _russia(repo, admin1, places)
    return pd.concat([ukraine, russia], ignore_index=True)[list(COLUMNS)]


def _ukraine(repo: Path, admin1: gpd.GeoDataFrame) -> pd.DataFrame:
    source = repo / DISTRICTS_DIR
    frames = []
    for kind, file in (("raion", "raions.csv"), ("hromada", "hromadas.csv")):
        frame = pd.read_csv(source / file, dtype={"pcode": str, "parent_pcode": str})
        frame["kind"] = kind
        frames.append(frame)
    districts = pd.concat(frames, ignore_index=True)
    oblast = districts["pcode"].str[:4]
    located = locate_points(
        districts["longitude"].to_numpy(),
        districts["latitude"].to_numpy(),
        admin1.reset_index(drop=True),
    )
    votes = pd.DataFrame({"oblast": oblast, "iso": located})
    votes = votes[votes["iso"].str.startswith("UA-")]
    iso = votes.groupby("oblast")["iso"].agg(lambda codes: codes.value_counts().index[0])
    if iso.duplicated().any() or len(iso) != oblast.nunique():
        raise ValueError(f"oblast P-codes do not map one-to-one to ISO codes: {iso.to_dict()}")
    districts["admin1_iso"] = oblast.map(iso)
    districts["aliases"] = ""
    districts["label"] = districts["name_en"] + " " + districts["kind"]
    districts["point"] = "centroid"
    districts["source_url"] = ""
    return districts.sort_values("pcode", ignore_index=True)


def _russia(repo: Path, admin1: gpd.GeoDataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Russian districts at their administrative centre; a centre the gazetteer does not
    hold leaves its district out (its records stay at their region)."""
    table = pd.read_csv(repo / RU_DISTRICTS, dtype=str, keep_default_na=False)
    regions, gazetteer = RegionIndex(admin1.reset_index(drop=True)), Gazetteer(places)
    iso = [regions.lookup(name, country="RU") or "" for name in table["admin1"]]
    hits = [
        _centre(gazetteer, en, ru, code)
        for en, ru, code in zip(table["centre_en"], table["centre_ru"], iso, strict=True)
    ]
    found = np.array([hit is not None for hit in hits])
    if not found.all():
        print(f"ru-districts: centre not in the gazetteer: {list(table['name_en'][~found])}")
    table = table[found].assign(
        admin1_iso=np.asarray(iso, dtype=object)[found],
        latitude=[hit.latitude for hit in hits if hit],
        longitude=[hit.longitude for hit in hits if hit],
    )
    return table.assign(
        pcode="",
        kind="district",
        name_uk="",
        label=table["name_en"] + " " + table["kind"].map(RU_KIND_WORDS),
        point="administrative centre",
    )


def _centre(gazetteer: Gazetteer, english: str, russian: str, iso: str):
    """The gazetteer's place for a centre, by its English name or its Russian one
    without the settlement word ("посёлок Коренево")."""
    bare = russian
    for word in SETTLEMENT_WORDS:
        if bare.startswith(word + " "):
            bare = bare[len(word) + 1 :]
            break
    for name in (english, bare):
        if name and iso and (hit := gazetteer.lookup(name, admin1_iso=iso)):
            return hit
    return None


def input_files(repo: Path) -> list[Path]:
    return [*sorted((repo / DISTRICTS_DIR).glob("*.csv")), repo / RU_DISTRICTS]
