"""One-off: catalogue rows for the oil depots, pumping stations and gas sites the
incidents name, each with the sources of the incidents that report it.

Run from the repository root: ``.venv/bin/python data/research/depots_from_incidents.py``.
Rows are grouped by town and kind; a kind the catalogue already has in that town (a
refinery's own depot, a terminal) is left to the curated rows. Pipelines that are not
pumping stations (gas mains, heating pipes) are not facilities and are skipped.
"""

from __future__ import annotations

import re

import pandas as pd

from dashboard.core.dataset import load_bundled, load_geography
from dashboard.core.vocab import COUNTRY_NAMES

KINDS = {"oil_depot": "oil_depot", "fuel_storage": "oil_depot", "gas_facility": "gas_facility"}
PUMPING = re.compile(r"pumping|НПС|LVDS|transshipment", re.I)
SEP = " | "
#: Short names that records use around the town ("oil depot in Makiivka (...)"): a
#: record's long name then still contains a name of five words or fewer.
SHORT = {
    "oil_depot": lambda town: [f"oil depot in {town}", f"{town} oil depot"],
    "pumping_station": lambda town: [f"{town} oil pumping station", f"{town} pumping station"],
}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main() -> None:
    geo = load_geography()
    incidents = load_bundled(geo).incidents
    kind = incidents["facility_type"].astype(str).map(KINDS)
    pumping = (incidents["facility_type"].astype(str) == "pipeline") & incidents[
        "facility_name"
    ].astype(str).str.contains(PUMPING)
    kind = kind.where(~pumping, "pumping_station")
    named = incidents.assign(kind=kind)[
        kind.notna()
        & (incidents["location_precision"].astype(str) != "region")
        & (incidents["settlement"].astype(str) != "")
        & (incidents["facility_id"].astype(str) == "")
    ]
    current = pd.read_csv("data/facilities.csv", dtype=str, keep_default_na=False)
    rows = []
    for (town, iso, what), group in named.groupby(
        [named["settlement"].astype(str), named["admin1_iso"].astype(str), "kind"]
    ):
        names = group["facility_name"].astype(str).value_counts()
        country = iso[:2]
        urls, outlets = [], []
        for url_cell, outlet_cell in zip(group["source_url"], group["source_outlet"], strict=True):
            us, os_ = str(url_cell).split(SEP), str(outlet_cell).split(SEP)
            for i, u in enumerate(us):
                if u and u not in urls:
                    urls.append(u)
                    outlets.append(os_[i] if i < len(os_) else "")
        prefix = {"oil_depot": "depot", "pumping_station": "pump", "gas_facility": "gas"}[what]
        rows.append(
            {
                "facility_id": f"{country.lower()}-{prefix}-{slug(town)}",
                "name_en": names.index[0],
                "name_uk": "",
                "name_ru": "",
                "aliases": "|".join([*names.index, *SHORT.get(what, lambda t: [])(town)]),
                "facility_type": what,
                "country": country,
                "settlement": town,
                "admin1": geo.region_names.get(iso, ""),
                "operator": "",
                "capacity": "",
                "capacity_unit": "",
                "capacity_alt": "",
                "capacity_alt_unit": "",
                "latitude": "",
                "longitude": "",
                "coord_precision": "",
                "source_url": SEP.join(urls[:4]),
                "source_outlet": SEP.join(outlets[:4]),
                "notes": (
                    f"Compiled from {len(group)} incident record(s) ({', '.join(group['id'])}) "
                    f"that name this {what.replace('_', ' ')} in {town}, "
                    f"{COUNTRY_NAMES.get(country, country)}; placed at the town. No capacity "
                    "is reported."
                ),
            }
        )
    added = pd.DataFrame(rows)
    added = added[~added["facility_id"].isin(current["facility_id"])]
    pd.concat([current, added], ignore_index=True).to_csv("data/facilities.csv", index=False)
    print(f"{len(added)} rows added")


if __name__ == "__main__":
    main()
