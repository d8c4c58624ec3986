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
import pyogrio

from dashboard.core.geo.districts import COLUMNS
from dashboard.core.geo.gazetteer import Gazetteer, RegionIndex
from dashboard.core.geo.names import fold
from dashboard.core.join.place import locate_points

DISTRICTS_DIR = Path("geodata") / "sources" / "ua-districts"
#: Ukraine's raions before the 2020 reform (OCHA/Kartographia names and KOATUU codes) and
#: the official KATOTTG-KOATUU table that places every settlement in its hromada.
PRE_2020_DIR = Path("geodata") / "sources" / "ua-districts-pre2020"
RU_DISTRICTS = Path("data") / "ru-districts.csv"
#: Ukrainian districts renamed after OCHA's table was made, each with its page: the new
#: name is what reports use ("Sheptytskyi raion" for OCHA's Chervonohradskyi).
UA_RENAMES = Path("data") / "ua-district-renames.csv"
DISTRICTS_LICENCE = (
    "CC BY-IGO 3.0 (OCHA COD-AB Ukraine, and its pre-2020 raions); KATOTTG/KOATUU are "
    "official classifiers of Ukraine (not under copyright), via kse-ua/KSE-Loc-Data-Hub "
    "(MIT); Russian districts CC BY 4.0 (compiled)"
)
#: KATOTTG categories of settlements: city, urban-type settlement, village, hamlet.
SETTLEMENT_CATEGORIES = ("М", "Т", "С", "Х")
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
    """Raions, hromadas, pre-2020 raions, Ukraine's settlements (at their hromada) and
    Russian districts, with kind, label, admin-1 code and point."""
    ukraine = _ukraine(repo, admin1)
    settlements = _settlements(repo)
    hromadas = ukraine[ukraine["kind"] == "hromada"].set_index("pcode")
    frames = [
        ukraine,
        _before_2020(repo, settlements, hromadas),
        _at_hromadas(settlements, hromadas),
        _russia(repo, admin1, places),
    ]
    return pd.concat(frames, ignore_index=True)[list(COLUMNS)]


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
    districts["label"] = districts["name_en"] + " " + districts["kind"]
    districts["aliases"] = ""
    renames = pd.read_csv(repo / UA_RENAMES, dtype=str, keep_default_na=False)
    for row in renames.itertuples(index=False):
        at = (districts["name_en"] == row.name_en) & (districts["kind"] == row.kind)
        if at.sum() != 1:
            raise ValueError(f"{UA_RENAMES}: {row.name_en} {row.kind} is not one district")
        new = f"{row.new_name_en} {row.kind}"
        local = {"raion": "район", "hromada": "громада"}[row.kind]
        districts.loc[at, "aliases"] = f"{new}|{row.new_name_uk} {local}"
        districts.loc[at, "label"] += f" ({new} since {row.since[:4]})"
    districts["point"] = "centroid"
    districts["source_url"] = ""
    return districts.sort_values("pcode", ignore_index=True)


def _settlements(repo: Path) -> pd.DataFrame:
    """Every settlement of the KATOTTG codifier: its name, its hromada's OCHA P-code (the
    codifier code's first 9 characters) and its pre-2020 raion (the KOATUU code's first
    5 digits)."""
    table = pd.read_csv(repo / PRE_2020_DIR / "admin-comp.csv", dtype=str, keep_default_na=False)
    table.columns = ["katottg", "koatuu", "category", "name"]
    table = table[table["category"].str.strip().isin(SETTLEMENT_CATEGORIES)]
    return table.assign(hromada=table["katottg"].str[:9], old5=table["koatuu"].str[:5])


def _before_2020(repo: Path, settlements: pd.DataFrame, hromadas: pd.DataFrame) -> pd.DataFrame:
    """The 490 raions abolished in July 2020, which occupation authorities still name.

    No open layer has their outlines: each is drawn at the mean of its hromadas'
    centroids, weighted by how many of its settlements each hromada holds."""
    source = repo / PRE_2020_DIR
    raions = pyogrio.read_dataframe(source / "ADMIN_2.dbf", read_geometry=False, encoding="utf-8")
    raions = raions[raions["KOATUU"].str[2] == "2"].copy()
    raions["old5"] = raions["KOATUU"].str[:5]
    # KOATUU's last edition: the names given in 2016 and the centre ("ТОКМАЦЬКИЙ РАЙОН/М.ТОКМАК").
    koatuu = pd.read_csv(source / "ua-admin-codes-old.csv", dtype=str, keep_default_na=False)
    koatuu.columns = ["level1", "level2", "level3", "level4", "category", "name"]
    own = koatuu[(koatuu["level2"] != "") & (koatuu["level3"] == "")]
    named = raions["KOATUU"].map(own.drop_duplicates("level2").set_index("level2")["name"])
    parts = named.fillna("").str.split("/", n=1, expand=True).reindex(columns=[0, 1])
    renamed = parts[0].str.replace(" РАЙОН", "", regex=False).str.strip().str.capitalize()
    centre = parts[1].fillna("").str.replace(r"^(М\.|СМТ\.?|С\.)\s*", "", regex=True).str.title()
    placed = settlements.merge(
        hromadas[["latitude", "longitude", "admin1_iso"]], left_on="hromada", right_index=True
    )
    point = placed.groupby("old5").agg(
        latitude=("latitude", "mean"),
        longitude=("longitude", "mean"),
        admin1_iso=("admin1_iso", lambda codes: codes.value_counts().index[0]),
    )
    raions = raions.join(point, on="old5")
    # A raion with no settlement of its own in the table takes its centre's hromada.
    via_centre = raions["latitude"].isna().to_numpy()
    for position in np.flatnonzero(via_centre):
        oblast = raions["KOATUU"].iat[position][:2]
        hit = placed[
            (placed["koatuu"].str[:2] == oblast) & (placed["name"] == centre.iat[position])
        ]
        columns = raions.columns.get_indexer(list(point.columns))
        raions.iloc[position, columns] = hit[list(point.columns)].iloc[0].to_numpy()
    aliases = [
        "|".join(a for a in dict.fromkeys((new, town)) if a and a != old)
        for new, town, old in zip(renamed, centre, raions["NAME_UA"], strict=True)
    ]
    return pd.DataFrame(
        {
            "pcode": raions["KOATUU"].to_numpy(),
            "kind": "raion_pre2020",
            "name_en": raions["NAME_LAT"].to_numpy(),
            "name_uk": raions["NAME_UA"].to_numpy(),
            "name_ru": raions["NAME_RUS"].to_numpy(),
            "aliases": aliases,
            "label": [
                f"{old} raion (before 2020)"
                if fold(new) in ("", fold(old_uk))
                else f"{fold(new).title()} raion (before 2020; {old} until 2016)"
                for old, old_uk, new in zip(
                    raions["NAME_LAT"], raions["NAME_UA"], renamed.fillna(""), strict=True
                )
            ],
            "admin1_iso": raions["admin1_iso"].to_numpy(),
            "latitude": raions["latitude"].to_numpy(dtype=float),
            "longitude": raions["longitude"].to_numpy(dtype=float),
            "point": np.where(
                via_centre,
                "its centre's hromada centroid",
                "mean of its hromadas' centroids, weighted by settlements",
            ),
            "source_url": "",
        }
    ).sort_values("pcode", ignore_index=True)


def _at_hromadas(settlements: pd.DataFrame, hromadas: pd.DataFrame) -> pd.DataFrame:
    """Ukraine's settlements, each at its hromada's centroid: a village the gazetteer
    lacks is placed in its community, never at a guessed point."""
    table = settlements.drop_duplicates(["hromada", "name"])
    table = table[table["hromada"].isin(hromadas.index)]
    hromada = hromadas.loc[table["hromada"].to_numpy()]
    return pd.DataFrame(
        {
            "pcode": table["katottg"].to_numpy(),
            "kind": "settlement",
            "name_en": "",
            "name_uk": table["name"].str.strip().to_numpy(),
            "name_ru": "",
            "aliases": "",
            "label": hromada["label"].to_numpy(),
            "admin1_iso": hromada["admin1_iso"].to_numpy(),
            "latitude": hromada["latitude"].to_numpy(dtype=float),
            "longitude": hromada["longitude"].to_numpy(dtype=float),
            "point": "its hromada's centroid",
            "source_url": "",
        }
    ).sort_values("pcode", ignore_index=True)


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
    pre_2020 = repo / PRE_2020_DIR
    return [
        *sorted((repo / DISTRICTS_DIR).glob("*.csv")),
        *(pre_2020 / name for name in ("ADMIN_2.dbf", "admin-comp.csv", "ua-admin-codes-old.csv")),
        repo / RU_DISTRICTS,
        repo / UA_RENAMES,
    ]
