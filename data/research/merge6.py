"""One-off merge of the sixth research wave into ``data/incidents.csv`` (dataset v2.4.0).

Run from the repository root: ``.venv/bin/python data/research/merge6.py``. It reads only
files in this folder and the geodata, so it reruns from a clone (on the v2.3.0 file).

1. ``fix-region7.csv``, ``fix-region8.csv``: fact-checkers' places for records drawn at
   their oblast although their own text names a site, village or district. Applied where
   the checker was sure or fairly sure and the page is primary (``REGION7``, ``REGION8``);
   the rest are left as they were (``fix-region7-log.md``, ``fix-region8-notes.md``).
2. Districts the records themselves name, now that the district table holds the raions
   abolished in 2020 (``OWN_DISTRICT``: occupation authorities still use them). Records
   naming a Ukrainian village the gazetteer lacks need no change: the join now finds the
   village's hromada in the KATOTTG codifier.
3. ``r6-ru.csv`` and ``r6-ua.csv``: new records (ids from the first free number), except
   ``DROPPED``.
"""

from __future__ import annotations

import pandas as pd
from merge5 import HERE, INCIDENTS, Districts, read

#: fix-region7 rows applied: district (as the table spells it), settlement, coordinates.
REGION7 = {
    "INC072": ("Michurinsky district", "", ""),
    "INC125": ("Krasnoyarsky district", "", ""),
    "INC895": ("Krasnoyarsky district", "", ""),
    "INC707": ("Andreapolsky district", "Yerokhino", ""),
    "INC713": ("Orlovsky municipal okrug", "Stalnoy Kon", ""),
    "INC1234": ("Khvorostyansky district", "Progress", "52.516667,49.029722"),
    "INC1691": ("", "Lysychansk", ""),
    "INC1598": ("Rubizhanska hromada", "", ""),
}
#: fix-region8 rows applied (a second, shorter pass on Russian villages); INC756 rests on
#: an aggregator and INC641 on elimination, INC1509 on one foreign copy: left out.
REGION8 = {"INC1697": ("Belgorodsky district", "Nekhoteevka", "")}
#: Districts named in the records' own text (facility name or notes), as the page gave them.
OWN_DISTRICT = {
    "INC683": "Bilopillia district",
    "INC1197": "Oleshky district",
    "INC1203": "Tokmak district",
    "INC1478": "Tokmak district",
    "INC1387": "Sverdlovsk municipal district",
    "INC1388": "Slovianoserbsk municipal district",
    "INC1389": "Perevalsk municipal district",
    "INC1391": "Bilokurakyne municipal district",
    "INC1392": "Novoaidar municipal district",
    "INC1591": "Nyzhni Sirohozy municipal district",
}
BATCHES = ("r6-ru.csv", "r6-ua.csv")
DROPPED = {
    "R6R-001": "the page prints no year; 2023 was worked out from who was in office",
    "R6R-010": "the page calls the site critical infrastructure, not an energy site",
    "R6U-006": "its district has no centre in the district table, so it would be region-level",
}


def place(incidents: pd.DataFrame, districts: Districts) -> list[str]:
    log = []
    fixes = pd.concat([read(HERE / f"fix-region{n}.csv") for n in (7, 8)]).set_index("id")
    for record_id, (district, settlement, point) in {**REGION7, **REGION8}.items():
        row = incidents.index[incidents["id"] == record_id][0]
        fix = fixes.loc[record_id]
        if district:
            name, known = districts.canonical(district, incidents.at[row, "admin1"])
            if not known and not point:
                raise ValueError(f"{record_id}: {district} not in the district table")
            incidents.at[row, "district"] = name
        incidents.at[row, "settlement"] = settlement or incidents.at[row, "settlement"]
        if point:
            incidents.loc[row, ["latitude", "longitude"]] = point.split(",")
            incidents.at[row, "location_precision"] = "settlement"
        elif settlement and not district:
            incidents.at[row, "location_precision"] = "settlement"
        else:
            incidents.at[row, "location_precision"] = "district"
            incidents.loc[row, ["latitude", "longitude"]] = ""
        incidents.at[row, "notes"] = (
            f"{incidents.at[row, 'notes']} v2.4: {_placed(district, settlement, point)} as "
            f"read on {fix['evidence_url'].split(' | ')[0]} ({fix['certainty']})."
        ).strip()
        log.append(f"{record_id}: {district or settlement}")
    for record_id, district in OWN_DISTRICT.items():
        row = incidents.index[incidents["id"] == record_id][0]
        name, known = districts.canonical(district, incidents.at[row, "admin1"])
        if not known:
            raise ValueError(f"{record_id}: {district} not in the district table")
        # Kept as the page names it: the label of a former raion is not a name to look up.
        incidents.loc[row, ["district", "location_precision", "latitude", "longitude"]] = [
            district,
            "district",
            "",
            "",
        ]
        incidents.at[row, "notes"] = (
            f"{incidents.at[row, 'notes']} v2.4: drawn at {name}, the district its page "
            "names (a raion abolished in 2020 where no current one has that name)."
        ).strip()
        log.append(f"{record_id}: {name}")
    return log


def _placed(district: str, settlement: str, point: str) -> str:
    if point:
        return f"{settlement} ({district}), at the village's coordinates,"
    if district and settlement:
        return f"{settlement} placed in {district}"
    return f"placed at {district or settlement}"


def new_rows(
    incidents: pd.DataFrame, districts: Districts, batch: pd.DataFrame
) -> tuple[pd.DataFrame, list]:
    """The batch's records with ids from the first free number (in date order) and
    districts as the table spells them."""
    batch = batch.sort_values(["date", "id"], kind="stable").copy()
    first = incidents["id"].str[3:].astype(int).max() + 1
    ids = []
    for position, index in enumerate(batch.index):
        district = batch.at[index, "district"].split(";")[-1].strip()
        if district:
            name, known = districts.canonical(district, batch.at[index, "admin1"])
            batch.at[index, "district"] = name if known else district
        ids.append((batch.at[index, "id"], f"INC{first + position}"))
        batch.at[index, "id"] = f"INC{first + position}"
    for column in incidents.columns:
        if column not in batch:
            batch[column] = ""
    return batch[incidents.columns], ids


def main() -> None:
    incidents = read(INCIDENTS)
    if incidents["notes"].str.contains("v2.4:", regex=False).any():
        raise SystemExit("incidents.csv already has the sixth wave")
    districts = Districts()
    log = place(incidents, districts)
    batch = pd.concat([read(HERE / name) for name in BATCHES], ignore_index=True)
    added, ids = new_rows(incidents, districts, batch[~batch["id"].isin(DROPPED)])
    total = write(incidents, added, ids, "v2.4")
    print("\n".join(log))
    print(f"{len(log)} records placed more precisely; {len(added)} added ({total} in all)")


def write(incidents: pd.DataFrame, added: pd.DataFrame, ids: list, version: str) -> int:
    """The records and the new ones to ``incidents.csv``, the research ids' map beside
    this script; the number of records written."""
    merged = pd.concat([incidents, added], ignore_index=True)
    merged.to_csv(INCIDENTS, index=False)
    mapping = pd.DataFrame(ids, columns=["research_id", "id"])
    mapping.to_csv(HERE / f"id-map-{version}.csv", index=False)
    return len(merged)


if __name__ == "__main__":
    main()
