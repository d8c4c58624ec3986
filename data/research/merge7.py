"""One-off merge of the seventh research wave into ``data/incidents.csv`` (dataset v2.5.0).

Run from the repository root: ``.venv/bin/python data/research/merge7.py``. It reads only
files in this folder and the geodata, so it reruns from a clone (on the v2.4.0 file).

1. ``fix-region9a.csv``, ``fix-region9b.csv``, ``fix-region9c.csv`` (records of June 2025
   to March 2026, other queries), ``fix-region9-ru.csv``: a third placing pass
   over the region-level records (``BRIEF-place9.md``). Applied where the checker was sure
   or fairly sure, the page is the same strike's and names where the site is (``PLACED``);
   the page joins the record's sources. Left out, and why: ``LEFT_OUT``.
2. Corrections the pass found on the records' own subjects (``CORRECTED``).
3. ``SPLIT``: a record that holds two sites becomes one record per site (the page names
   both); the second takes the first free id after the new records.
4. ``r7-ru.csv`` and ``r7-ua.csv``: new records (``BRIEF7.md``), except ``DROPPED``. Where
   a page names only the district or hromada the researcher wrote its centre as the town;
   those records are kept at their district (``AT_DISTRICT``): the page does not say the
   town was hit.
"""

from __future__ import annotations

import pandas as pd
from merge5 import HERE, INCIDENTS, Districts, read
from merge6 import new_rows, write

#: Record -> (district as the page names it, or "" ; town, or ""). A town with a district
#: is a village the gazetteer lacks, drawn at its district.
PLACED = {
    "INC318": ("Poltava district", ""),
    "INC1114": ("Oleksandriia district", ""),
    "INC230": ("Odesa district", ""),
    "INC573": ("Izium district", ""),
    "INC1132": ("Brovary district", ""),
    "INC1665": ("", "Odesa"),
    "INC878": ("", "Odesa"),
    "INC822": ("", "Podilsk"),
    "INC333": ("Izmail district", ""),
    "INC1509": ("Shebekinsky city district", "Balki"),
    "INC1268": ("Usmansky district", "Streletskie Khutora"),
}
#: Pages read here for records the pass could not settle: record -> (url, outlet, note).
EVIDENCE = {
    "INC1509": (
        "https://belgoroddiame.ru/doma-belgorodcev-s-h-predpriiatie-i-sportploshadka-popali"
        "-pod-ydar-vsy",
        "Belgorod regional news (belgoroddiame.ru)",
        "a report of another day lists khutor Balki among the places of Shebekinsky urban "
        "okrug; the 4 Feb 2025 page names Balki next to two villages of that okrug",
    ),
    "INC1268": (
        "https://unn.ua/ru/news/v-lipetskoi-oblasti-posle-ataki-dronov-gorit-usmanskaya-neftebaza",
        "UNN",
        "the governor put the fire at an industrial site in Usmansky okrug; ASTRA "
        "geolocated the Usmanskaya oil depot in Streletskie Khutora",
    ),
}
LEFT_OUT = {
    "INC211": "the emergency service and the oblast council put the two sites of that night "
    "in opposite districts (as for INC210 in v2.2)",
    "INC103": "only a secondary outlet ties the strike to Myrhorod district; the "
    "administration's own words name it only as an outage area",
    "INC334": "the record covers several sites and the page names one district",
    "INC1196": "Kharkiv Oblast has several villages named Vodiane",
    "INC989": "the page says only 'near' Novotoretske, a name two hromadas share",
    "INC356": "the page names two districts without saying which site is where",
    "INC1593": "it may be the same strike as INC366",
}
#: Record -> {column: new value}; the reason goes into the notes.
CORRECTED = {
    "INC318": (
        {"facility_name": "energy infrastructure facility in Poltava district"},
        "governor Pronin called the site an energy-infrastructure object (Interfax-Ukraine)",
    ),
    "INC319": (
        {
            "effects": "fire at the energy facility put out by over 100 firefighters; the "
            "governor said no one was hurt there; prosecutors said four missiles hit the "
            "oblast that morning, damaging homes and injuring a man",
        },
        "the governor reported no casualties at the energy site (Interfax-Ukraine, "
        "1 Jun 2024); the injured man is from the prosecutors' account of the whole attack",
    ),
    "INC573": (
        {},
        "the Kharkiv garrison head called the site in Izium district an oil-refining "
        "enterprise (gx.net.ua), Naftogaz an oil-and-gas site: typed as Naftogaz's",
    ),
    "INC726": (
        {"facility_name": "Novotroitskoye 150 kV substation (Russian-occupied Kherson Oblast)"},
        "TASS names the substation; its village is not stated, so it stays region-level",
    ),
    "INC1222": (
        {
            "effects": "morning drone strike hit infrastructure; several settlements lost power, "
            "about half of Nizhyn (its mayor) ran on generators",
            "affected_count": "",
            "affected_unit": "",
        },
        "the 'over 30,000' figure was the Ukrinform report of 31 Aug, which is INC1227's "
        "strike; on 19 Aug the governor gave no figure, so none is kept here",
    ),
    "INC1478": (
        {
            "district": "",
            "location_precision": "region",
            "facility_name": "substation (name and place not given) feeding Tokmak district",
        },
        "Balitsky says 75 settlements of Tokmak district lost power after a substation was "
        "shelled, not where the substation is: Tokmak district is the outage area, so the "
        "record is region-level (v2.4 had drawn it at the district)",
    ),
    "INC339": (
        {},
        "Stepan Kuybida, quoted by Online.ua and TSN, is the first deputy head of the oblast "
        "administration; the head, Viacheslav Nehoda, called the site industrial",
    ),
}
#: Sources added with a correction: record -> (url, outlet).
CORRECTION_SOURCES = {
    "INC319": ("https://interfax.com.ua/news/general/990596.html", "Interfax-Ukraine"),
    "INC1222": (
        "https://glavnoe.in.ua/news/polovyna-nizhyna-zalyshylasya-bez-elektryky-pislya-ataky-droniv",
        "Glavnoe (Chernihiv regional)",
    ),
    "INC339": (
        "https://nova.te.ua/statti/rosijska-raketa-poshkodyla-promyslovyj-ob-yekt-na-ternopilshhyni",
        "Nova Ternopilska Hazeta",
    ),
}
#: Record -> its sites, each {column: value} over the record's own values.
SPLIT_URL = "https://www.radiosvoboda.org/a/news-udar-rf-lvivshchyna/33615013.html"
SPLIT = {
    "INC1605": [
        {
            "facility_type": "thermal_power_plant",
            "facility_name": "thermal power plant in Sheptytskyi district (not named)",
            "district": "Sheptytskyi raion",
            "effects": "missiles and drones hit the plant in the morning and set it on fire; "
            "rescuers put the fire out by midday",
        },
        {
            "facility_type": "substation",
            "facility_name": "substation in Stryi district (not named)",
            "district": "Stryiskyi raion",
            "effects": "missiles and drones hit the substation in the morning and set it on "
            "fire; rescuers put the fire out by midday",
        },
    ],
}
BATCHES = ("r7-ru.csv", "r7-ua.csv")
DROPPED = {
    "R7R-009": "neither page prints the date of the hit",
    "R7R-011": "the pages name no energy site, only the outage after shelling",
    "R7U-006": "the page placing the substation in Crimea prints no year, and the dated "
    "page puts an Ostrovskaya substation in Krasnodar Krai",
}
#: New records whose page names only a district or hromada: research id -> district.
AT_DISTRICT = {
    "R7R-002": "Nikopol district",
    "R7R-003": "Nikopol district",
    "R7R-005": "Malodanylivka hromada",
    "R7R-006": "Nikopol district (Pokrovske hromada)",
    "R7R-007": "Nikopol district",
    "R7R-010": "Nikopol district",
    "R7R-012": "Nikopol district",
    "R7R-013": "Malodanylivka hromada",
}


def place(incidents: pd.DataFrame, districts: Districts) -> list[str]:
    fixes = pd.concat(
        [read(HERE / f"fix-region9{part}.csv") for part in ("a", "b", "c", "-ru")],
        ignore_index=True,
    ).set_index("id")
    log = []
    for record_id, (district, town) in PLACED.items():
        row = _row(incidents, record_id)
        fix = fixes.loc[record_id]
        url, outlet, how = EVIDENCE.get(
            record_id, (fix["evidence_url"], fix["evidence_outlet"], fix["certainty"])
        )
        if district:
            name, known = districts.canonical(district, incidents.at[row, "admin1"])
            if not known:
                raise ValueError(f"{record_id}: {district} not in the district table")
            incidents.loc[row, ["district", "location_precision"]] = [name, "district"]
        if town:
            incidents.at[row, "settlement"] = town
            incidents.at[row, "location_precision"] = "district" if district else "settlement"
        incidents.loc[row, ["latitude", "longitude"]] = ""
        _add_source(incidents, row, url, outlet)
        incidents.at[row, "notes"] = (
            f"{incidents.at[row, 'notes']} v2.5: placed at {district or town} as read on "
            f"{url} ({how})."
        ).strip()
        log.append(f"{record_id}: {district or town}")
    for record_id, (values, reason) in CORRECTED.items():
        row = _row(incidents, record_id)
        for column, value in values.items():
            incidents.at[row, column] = value
        if record_id in CORRECTION_SOURCES:
            _add_source(incidents, row, *CORRECTION_SOURCES[record_id])
        incidents.at[row, "notes"] = f"{incidents.at[row, 'notes']} v2.5: {reason}.".strip()
        log.append(f"{record_id}: corrected")
    return log


def split(incidents: pd.DataFrame, districts: Districts) -> list[str]:
    """One record per site for each record in ``SPLIT``; the first site keeps the id."""
    log = []
    for record_id, sites in SPLIT.items():
        row = _row(incidents, record_id)
        record = incidents.loc[row].copy()
        record["notes"] += (
            " v2.5: split into one record per site: the Lviv oblast prosecutor (Radio "
            "Svoboda) names a thermal power plant in Sheptytskyi district and a substation "
            "in Stryi district."
        )
        _add_source(incidents, row, SPLIT_URL, "Radio Svoboda")
        sources = ["source_url", "source_outlet"]
        record[sources] = incidents.loc[row, sources]
        for n, site in enumerate(sites):
            values = record.copy()
            for column, value in site.items():
                values[column] = value
            name, known = districts.canonical(values["district"], values["admin1"])
            if not known:
                raise ValueError(f"{record_id}: {values['district']} not in the district table")
            values["location_precision"] = "district"  # the district as the page names it
            if n == 0:
                incidents.loc[row] = values
            else:
                values["id"] = f"INC{incidents['id'].str[3:].astype(int).max() + 1}"
                incidents.loc[len(incidents)] = values
            log.append(f"{record_id}: {values['id']} at {name}")
    return log


def _row(incidents: pd.DataFrame, record_id: str) -> int:
    return incidents.index[incidents["id"] == record_id][0]


def _add_source(incidents: pd.DataFrame, row: int, url: str, outlet: str) -> None:
    known = incidents.at[row, "source_url"].split(" | ")
    if url not in known:
        incidents.at[row, "source_url"] = " | ".join([*known, url])
        incidents.at[row, "source_outlet"] += f" | {outlet}"


def main() -> None:
    incidents = read(INCIDENTS)
    if incidents["notes"].str.contains("v2.5:", regex=False).any():
        raise SystemExit("incidents.csv already has the seventh wave")
    districts = Districts()
    log = place(incidents, districts)
    batch = pd.concat([read(HERE / name) for name in BATCHES], ignore_index=True)
    batch = batch[~batch["id"].isin(DROPPED)]
    for research_id, district in AT_DISTRICT.items():
        row = batch.index[batch["id"] == research_id][0]
        batch.at[row, "notes"] += (
            f" v2.5: kept at {district}: the page does not say which town's lines were hit."
        )
        batch.loc[row, ["settlement", "district", "location_precision"]] = [
            "",
            district,
            "district",
        ]
    added, ids = new_rows(incidents, districts, batch)
    merged = pd.concat([incidents, added], ignore_index=True)
    log += split(merged, districts)
    total = write(merged.iloc[: len(incidents)], merged.iloc[len(incidents) :], ids, "v2.5")
    print("\n".join(log))
    print(f"{len(log)} records placed or corrected; {len(added)} added ({total} in all)")


if __name__ == "__main__":
    main()
