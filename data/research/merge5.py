"""One-off merge of the fifth research wave into ``data/incidents.csv`` (dataset v2.3.0).

Run from the repository root: ``.venv/bin/python data/research/merge5.py``. It reads only
files in this folder and the geodata, so it reruns from a clone (on the v2.2.0 file).

1. ``fix-region5.csv``: districts (and three towns) for records placed at region level,
   each read in the record's own notes or on a page about that strike. Rows whose district
   is only the area that lost power, or rests on a mirror alone, or on another day's page
   about a different question, are left out (``LEFT_OUT``).
2. ``r5-ru2223.csv``, ``r5-ru2426.csv``, ``r5-ua.csv``: new records (ids from INC1684),
   except rows whose page gives no strike date (``DROPPED``). Rows that name only a hromada
   (their ``settlement`` held the hromada's centre) become district-level records.

Districts are written in OCHA's spelling with their kind ("Stryiskyi raion") when the
district table knows them (Ukraine); Russian districts are kept as the page names them.
3. Records with no town whose district the table knows become district-level: the
   Russian ones through ``data/ru-districts.csv`` (each district's administrative centre,
   read on a page; ``ru-districts.csv`` here is the researcher's table).
4. ``fix-region6.csv``: a second fact-checker's pass over the Ukrainian records still at
   oblast level (``REGION6``), two dates it found wrong (INC612, INC333), and INC258
   split into the three sites the regional police name.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dashboard.core.dataset import load_geography
from dashboard.core.geo.districts import DistrictIndex

HERE = Path(__file__).resolve().parent
INCIDENTS = HERE.parent / "incidents.csv"
FIRST_ID = 1684

#: fix-region5 rows not applied, and why.
LEFT_OUT = {
    "INC072": "depot identified only through an undated aggregator item",
    "INC210": "sources disagree which site was in which district",
    "INC211": "sources disagree which site was in which district",
    "INC230": "district is the outage area, not the site",
    "INC334": "the district object is not called an energy site",
    "INC473": "three districts, given as outage areas",
    "INC641": "the page does not say which district holds the site",
    "INC644": "the city is implied, not stated",
    "INC686": "district from local reports of blasts only",
    "INC734": "district is the outage area, not the site",
    "INC745": "no page ties the district's enterprise to this record",
    "INC849": "site named by one unofficial channel only",
    "INC1024": "two towns for one record: needs a split, not a place",
    "INC1091": "two districts, given as outage areas",
    "INC1146": "district from one channel citing users",
    "INC1170": "district of explosions, not of the energy damage",
    "INC1188": "district is the outage area; mirror copy only",
    "INC1268": "adds a depot name from an aggregator only",
    "INC1279": "district is the outage area paired with two sites",
    "INC1372": "substation identification not stated",
    "INC1545": "town rests on local channels only",
    "INC1636": "district is the outage area, not the site",
    "INC1640": "district is the outage area, not the site",
}
#: Towns read on pages for region-level records: (evidence url, its outlet).
TOWNS = {"INC720", "INC743", "INC780"}
#: New rows whose page gives the report's date but not the strike's.
DROPPED = {f"R5B-{n:03d}": "report of 4 Nov 2024 gives no attack dates" for n in range(10, 20)}
#: New rows that name a hromada only; their ``settlement`` held its centre.
HROMADA_ONLY = {
    "R5A-002": "Chervonohryhorivska hromada",
    "R5A-004": "Chervonohryhorivska hromada",
    "R5A-005": "Marhanetska hromada",
    "R5A-007": "Krasnopilska hromada",
    "R5A-008": "Bilopilska hromada",
    "R5A-014": "Myrivska hromada",
    "R5A-016": "Chervonohryhorivska hromada",
    "R5A-035": "Hirska hromada",
    "R5A-036": "Hirska hromada",
    "R5A-037": "Hirska hromada",
    "R5B-008": "Hlukhivska hromada",
    "R5B-021": "Zolochivska hromada",
    "R5B-025": "Semenivska hromada",
    "R5B-038": "Lozivska hromada",
    "R5B-042": "Vesnianska hromada",
    "R5B-046": "Kutsurubska hromada",
}
BATCHES = ("r5-ru2223.csv", "r5-ru2426.csv", "r5-ua.csv")
#: District names the look-up cannot derive from the town (a compound name).
SPELLED = {"Kryvyi Rih district": "Kryvorizkyi raion"}


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


class Districts:
    """Canonical district names: OCHA's spelling and kind for Ukraine, else as given."""

    def __init__(self) -> None:
        self.geo = load_geography()
        self.index = DistrictIndex(self.geo.districts.districts)

    def iso(self, admin1: str) -> str:
        return self.geo.regions.lookup(admin1) or ""

    def canonical(self, text: str, admin1: str) -> tuple[str, bool]:
        """The district's canonical name and whether the table knows it. "Sumy raion
        (Bilopillia hromada)" gives the hromada, the finer of the two."""
        iso = self.iso(admin1)
        text = SPELLED.get(text, text)
        parts = [p.strip(" )") for p in text.replace("(", "|").split("|") if p.strip(" )")]
        for part in reversed(parts):  # the hromada, written last, first
            position = self.index.locate(part, iso)
            if position >= 0 and len(parts) <= 2:
                return self.index.label(position), True
        return text, False


def apply_fixes(incidents: pd.DataFrame, districts: Districts) -> list[str]:
    fixes = read(HERE / "fix-region5.csv")
    log = []
    rows = incidents.set_index("id")
    for fix in fixes.itertuples(index=False):
        if fix.id in LEFT_OUT or " | " in fix.district:
            continue
        record = rows.loc[fix.id]
        if fix.id in TOWNS:
            rows.loc[fix.id, "settlement"] = fix.settlement
            rows.loc[fix.id, "location_precision"] = "settlement"
            known = record["source_url"].split(" | ")
            urls = [u for u in fix.evidence_url.split(" | ") if u not in known]
            outlets = fix.evidence_outlet.split(" | ")[-len(urls) :] if urls else []
            if urls:
                rows.loc[fix.id, "source_url"] = " | ".join([*known, *urls])
                rows.loc[fix.id, "source_outlet"] = " | ".join([record["source_outlet"], *outlets])
            rows.loc[fix.id, "notes"] = (
                f"{record['notes']} v2.3: town {fix.settlement} read on "
                f"{fix.evidence_outlet.split(' | ')[0]}."
            ).strip()
            log.append(f"{fix.id}: settlement {fix.settlement}")
            continue
        if not fix.district:
            continue
        name, known = districts.canonical(fix.district, record["admin1"])
        rows.loc[fix.id, "district"] = name
        if known and not record["settlement"]:
            rows.loc[fix.id, "location_precision"] = "district"
        log.append(f"{fix.id}: district {name}{'' if known else ' (not in the table)'}")
    incidents[:] = rows.reset_index()[incidents.columns].to_numpy()
    return log


def new_rows(incidents: pd.DataFrame, districts: Districts) -> tuple[pd.DataFrame, list]:
    frames = [read(HERE / name) for name in BATCHES]
    batch = pd.concat(frames, ignore_index=True)
    batch = batch[~batch["id"].isin(DROPPED)].sort_values(["date", "id"], kind="stable")
    for column in incidents.columns:
        if column not in batch:
            batch[column] = ""
    ids = []
    for position, row in enumerate(batch.itertuples(index=False)):
        new_id = f"INC{FIRST_ID + position}"
        ids.append((row.id, new_id))
        index = batch.index[position]
        if row.id in HROMADA_ONLY:
            hromada = HROMADA_ONLY[row.id]
            name, known = districts.canonical(hromada, row.admin1)
            if not known:
                raise ValueError(f"{row.id}: {hromada} not in the district table")
            batch.loc[index, "notes"] = (
                f"{row.notes} The page names the {name}, not a village, so the record is "
                "placed at the hromada."
            ).strip()
            batch.loc[index, ["settlement", "district", "location_precision"]] = [
                "",
                name,
                "district",
            ]
        elif row.district:
            name, known = districts.canonical(row.district, row.admin1)
            batch.loc[index, "district"] = name
            if known and not row.settlement:
                batch.loc[index, "location_precision"] = "district"
        batch.loc[index, "id"] = new_id
    return batch[incidents.columns], ids


def to_district_level(incidents: pd.DataFrame, districts: Districts) -> list[str]:
    """Records with no town whose district the table now knows (the Russian districts of
    ``data/ru-districts.csv`` among them) are district-level."""
    log = []
    for index, row in incidents.iterrows():
        if row["settlement"] or not row["district"] or row["location_precision"] != "region":
            continue
        if districts.index.locate(row["district"], districts.iso(row["admin1"])) >= 0:
            incidents.loc[index, "location_precision"] = "district"
            log.append(f"{row['id']}: district-level ({row['district']})")
    return log


#: fix-region6 rows applied (a page about that strike names the district or town); the
#: others are left out for the reasons in ``fix-region6-log.md`` (outage areas, copies
#: of regional papers, satellite readings, a row that needs a split).
REGION6 = (
    "INC1101",
    "INC269",
    "INC1100",
    "INC1094",
    "INC325",
    "INC561",
    "INC1027",
    "INC1572",
    "INC630",
    "INC612",
)


def apply_region6(incidents: pd.DataFrame, districts: Districts) -> list[str]:
    """Second pass over region-level records: districts and one town, each with the page
    that names it added to the record's sources."""
    fixes = read(HERE / "fix-region6.csv").set_index("id").loc[list(REGION6)]
    rows = incidents.set_index("id")
    log = []
    for record_id, fix in fixes.iterrows():
        record = rows.loc[record_id]
        known = record["source_url"].split(" | ")
        urls, outlets = fix["evidence_url"].split(" | "), fix["evidence_outlet"].split(" | ")
        pairs = zip(urls, outlets, strict=True)
        extra = [(u, o) for u, o in pairs if u not in known and "aggregator" not in o]
        if extra:
            rows.loc[record_id, "source_url"] = " | ".join([*known, *(u for u, _ in extra)])
            rows.loc[record_id, "source_outlet"] = " | ".join(
                [record["source_outlet"], *(o for _, o in extra)]
            )
        if fix["settlement"]:
            rows.loc[record_id, ["settlement", "facility_name", "location_precision"]] = [
                fix["settlement"],
                fix["facility_name"] or record["facility_name"],
                "settlement",
            ]
            placed = fix["settlement"]
        else:
            name, known_district = districts.canonical(fix["district"], record["admin1"])
            if not known_district:
                raise ValueError(f"{record_id}: {fix['district']} not in the district table")
            rows.loc[record_id, ["district", "location_precision"]] = [name, "district"]
            placed = name
        read_on = extra[0][1] if extra else "its sources"
        rows.loc[record_id, "notes"] = f"{record['notes']} v2.3: placed in {placed} from {read_on}."
        log.append(f"{record_id}: {placed}")
    # INC612: two guided bombs on 21 January; the ministry reported it on the 22nd.
    rows.loc["INC612", ["date", "weapon"]] = ["2024-01-21", "glide_bomb"]
    incidents[:] = rows.reset_index()[incidents.columns].to_numpy()
    return log


def correct_inc333(incidents: pd.DataFrame) -> None:
    """INC333's figures and links are DTEK's statement of 17 November 2025 (UNN and
    Interfax-Ukraine, both of that day), not of the 2024 night it was filed under."""
    row = incidents.index[incidents["id"] == "INC333"][0]
    incidents.loc[row, "date"] = "2025-11-17"
    incidents.loc[row, "weapon"] = "drone"
    incidents.loc[row, "wave_id"] = ""
    incidents.loc[row, "effects"] = (
        "DTEK facility significantly damaged overnight; 4,000 families switched to backup "
        "lines, 32,500 left without power pending lengthy repairs; one person hurt in the "
        "oblast during the drone attack"
    )
    incidents.loc[row, "source_url"] = (
        "https://unn.ua/en/news/russian-attack-on-odesa-region-on-november-17-dtek-energy-"
        "facility-damaged-32500-families-without-electricity | "
        "https://interfax.com.ua/news/general/1121039.html"
    )
    incidents.loc[row, "source_outlet"] = "UNN | Interfax-Ukraine"
    incidents.loc[row, "notes"] = (
        "DTEK statement of 17 Nov 2025 (UNN, Interfax-Ukraine); households = families (DTEK). "
        "v2.3: re-dated from 17 Nov 2024, the night it had been filed under: both pages are "
        "of 17 Nov 2025 (found by the fifth wave's fact-checker); the 2024 wave, its "
        "nationwide figures and an undated second link no longer apply. An MP said Izmail "
        "was hit that night; the place is not recorded on his word alone."
    )


def split_inc258(incidents: pd.DataFrame) -> pd.DataFrame:
    """INC258 bundled three sites of 9 March 2023 that the regional police name apart
    (Dnipro TV; governor Lysak via Korrespondent): Pavlohrad, and energy sites in the
    Dnipro and Kryvyi Rih districts. One row per site; the police page is added to each."""
    police = "https://dnipro.tv/news-dnipro/vid-vorozhykh-udariv-postrazhdaly-chotyry-raiony-dnipropetrovshchyny-politsiia-fiksuie-naslidky-cherhovoi-ataky"
    lysak = "https://ua.korrespondent.net/ukraine/4569629"
    row = incidents.index[incidents["id"] == "INC258"][0]
    base = incidents.loc[row].copy()
    base["source_url"] = f"{base['source_url']} | {police} | {lysak}"
    base["source_outlet"] = f"{base['source_outlet']} | Dnipro TV (regional police) | Korrespondent"
    note = (
        "v2.3: split from INC258, which covered the oblast: the regional police (Dnipro TV) "
        "name three energy hits that morning, in Pavlohrad, in Dnipro district and in "
        "Kryvyi Rih district; governor Lysak (Korrespondent) lists strikes in those "
        "districts. Ukrainska Pravda and Espreso report the Energy Minister on the oblast. "
        "DTEK said three of its TPPs were damaged in this wave (locations not stated). "
        "Interception figure nationwide."
    )
    sites = [
        (
            "INC258",
            "Pavlohrad",
            "",
            "settlement",
            "missile",
            "energy and industrial infrastructure in Pavlohrad",
            "energy and industrial infrastructure in the city hit by a missile; one man killed",
        ),
        (
            "INC1808",
            "",
            "Dniprovskyi raion",
            "district",
            "unknown",
            "energy infrastructure in Dnipro district",
            "energy infrastructure hit; fire and heavy damage",
        ),
        (
            "INC1809",
            "",
            "Kryvorizkyi raion",
            "district",
            "unknown",
            "energy facility in Kryvyi Rih district",
            "energy facility hit",
        ),
    ]
    rows = []
    for record_id, settlement, district, precision, weapon, facility, effects in sites:
        site = base.copy()
        site[["id", "settlement", "district", "location_precision", "weapon"]] = [
            record_id,
            settlement,
            district,
            precision,
            weapon,
        ]
        site[["facility_name", "effects", "notes", "latitude", "longitude", "admin1_iso"]] = [
            facility,
            effects,
            note,
            "",
            "",
            "",
        ]
        rows.append(site)
    rest = incidents.drop(index=row)
    return pd.concat([rest, pd.DataFrame(rows)], ignore_index=True).sort_values(
        "id", key=lambda ids: ids.str[3:].astype(int), ignore_index=True
    )


def review_fixes(incidents: pd.DataFrame) -> None:
    """Found on review. INC729: governor Kohut placed the hits in Kremenchuk district, not
    in the city (Censor.NET, Ukrinform). Records now drawn at their district whose notes
    still say "region-level" say where they are drawn; their coordinates, the region's
    anchor point from version 1, are cleared: the district gives the point."""
    row = incidents.index[incidents["id"] == "INC729"][0]
    incidents.loc[row, ["settlement", "district", "location_precision"]] = [
        "",
        "Kremenchutskyi raion",
        "district",
    ]
    at_district = incidents["location_precision"] == "district"
    incidents.loc[at_district, ["latitude", "longitude"]] = ""
    stale = (
        at_district
        & incidents["notes"].str.contains("region-level|region precision", case=False)
        & ~incidents["notes"].str.contains("v2.3", regex=False)
    )
    incidents.loc[stale, "notes"] = (
        incidents.loc[stale, "notes"]
        + " v2.3: drawn at "
        + incidents.loc[stale, "district"]
        + ", the district these notes name."
    )


def main() -> None:
    incidents = read(INCIDENTS)
    if incidents["id"].str[3:].astype(int).max() >= FIRST_ID:
        raise SystemExit("incidents.csv already has the fifth wave")
    districts = Districts()
    log = apply_fixes(incidents, districts)
    added, ids = new_rows(incidents, districts)
    merged = pd.concat([incidents, added], ignore_index=True)
    log += to_district_level(merged, districts)
    log += apply_region6(merged, districts)
    correct_inc333(merged)
    merged = split_inc258(merged)
    review_fixes(merged)
    merged.to_csv(INCIDENTS, index=False)
    pd.DataFrame(ids, columns=["research_id", "id"]).to_csv(HERE / "id-map-v2.3.csv", index=False)
    print("\n".join(log))
    print(f"{len(log)} records placed more precisely; {len(added)} added ({len(merged)} in all)")


if __name__ == "__main__":
    main()
