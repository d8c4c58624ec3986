"""One-off: dataset v2.2 = v2.1 + fourth-wave research batches + rows split per site."""

from __future__ import annotations

import sys

import pandas as pd

R = "/work/research"
M = "/work/main"
BATCHES = [
    "r4-ua2223", "r4-ru2223", "r4-ru24", "r4-ua2425", "r4-ru25", "r4-2026", "r4-occ", "r4-leads",
]  # fmt: skip
WAVE_COLUMNS = [
    "wave_id", "date", "attacker", "launched", "launched_unit", "intercepted", "claimed_by",
    "outage_count", "outage_unit", "source_url", "source_outlet", "notes",
]  # fmt: skip
#: Rows that named two sites, split into one row per site: the first site keeps the id,
#: (field -> value) for it, then one dict of changes per further site.
SPLITS = {
    "INC929": [
        {
            "facility_type": "chp",
            "facility_name": "Kyiv CHP-5",
            "notes": "v2.2: split per site (CHP-5 and CHP-6 both stopped). The DTEK outage "
            "figure (417,000 families, recorded as households) covers the districts cut off "
            "that night, recorded on this row only. PM Svyrydenko said district boiler houses "
            "were deliberately targeted; Focus also cites damage to substations and "
            "generation. Mayor Klitschko called it the most painful attack on the capital's "
            "critical infrastructure.",
        },
        {
            "facility_type": "chp",
            "facility_name": "Kyiv CHP-6",
            "affected_count": "",
            "affected_unit": "",
            "effects": "Overnight combined strike stopped the plant along with CHP-5; "
            "heating lost in about 6,000 apartment blocks across the city",
            "notes": "v2.2: split from INC929 (one row per site); the city's outage figure "
            "is on INC929.",
        },
    ],
    "INC967": [
        {
            "facility_type": "chp",
            "facility_name": "Kyiv CHP-5",
            "notes": "v2.2: split per site. Energy Minister Shmyhal said debris of ballistic "
            "missiles hit CHP-5 and CHP-6 (gas distribution and compressor equipment damaged "
            "at one, circulation pumps and water treatment at the other, without saying "
            "which) and expected CHP-5 back within a day (Radio Svoboda, Strana, 12 Feb "
            "2026). Gazeta.ru adds that a large substation was damaged. DTEK's outage "
            "figure is a lower bound ('over 100,000 families'), so no count entered.",
            "source_url": "+https://strana.news/news/500142-shmyhal-zajavil-chto-v-v-kieve-"
            "posle-obstrela-povrezhdeny-tets-5-i-tets-6.html",
            "source_outlet": "+Strana",
        },
        {
            "facility_type": "chp",
            "facility_name": "Kyiv CHP-6",
            "effects": "Debris of ballistic missiles damaged the plant overnight; about "
            "two days of repairs expected",
            "notes": "v2.2: split from INC967 (one row per site); Shmyhal expected CHP-6 "
            "to need about two days (Radio Svoboda, Strana, 12 Feb 2026).",
            "source_url": "https://www.radiosvoboda.org/a/news-shmyhal-vidnovlennya-ataka-rf-"
            "tets/33676162.html | https://strana.news/news/500142-shmyhal-zajavil-chto-v-v-"
            "kieve-posle-obstrela-povrezhdeny-tets-5-i-tets-6.html | https://www.unian.ua/"
            "economics/energetics/opalennya-v-kiyevi-dvi-tec-vidnovlyat-do-kincya-tizhnya-"
            "novini-kiyeva-13284330.html",
            "source_outlet": "Radio Svoboda (RFE/RL) | Strana | UNIAN",
        },
    ],
    "INC1036": [
        {
            "facility_name": "750 kV ZNPP-Dniprovska line (last line linking Zaporizhzhia "
            "NPP to Ukraine's grid)",
            "effects": "Shelling-caused fires at the Zaporizhzhia TPP ash pits disconnected "
            "the plant's last grid line; the NPP was fully cut off from the grid for the "
            "first time in its history",
        },
        {
            "facility_type": "thermal_power_plant",
            "facility_name": "Zaporizhzhia TPP (ash pits)",
            "effects": "Shelling set the thermal plant's ash pits on fire; the fires "
            "disconnected the nuclear plant's last grid line",
            "notes": "v2.2: split from INC1036 (one row per site). Energoatom (via "
            "Interfax-Ukraine) blamed the invaders; Russian-installed authorities blamed "
            "Ukrainian troops (Babel), so attribution is contested.",
        },
    ],
}
#: Corrections found by the fourth-wave researchers (their logs), checked against the
#: pages they cite.
FIXES = {
    "INC1225": {
        "settlement": "Novhorod-Siverskyi",
        "location_precision": "settlement",
        "notes": "+v2.2: Interfax-Ukraine and Censor.net place the strike in the "
        "Novhorod-Siverskyi hromada; placed at its centre, the town",
        "source_url": "+https://interfax.com.ua/news/general/1099631.html",
        "source_outlet": "+Interfax-Ukraine",
    },
    "INC1040": {
        "confidence": "disputed",
        "notes": "+v2.2: the Russian side blamed Ukraine for the same day's outage (Rogov; "
        "the Russian Defence Ministry said Ukrainian fire hit a transformer substation: "
        "m24.ru, RT, RBC, 7 Sep 2022), so the attribution is disputed",
    },
}
log: list[str] = []


def read(path: str) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def change(row: pd.Series, changes: dict[str, str]) -> pd.Series:
    """A row with changes applied; a value starting with "+" is appended (sources with
    " | ", notes with "; ")."""
    row = row.copy()
    for field, value in changes.items():
        if value.startswith("+"):
            glue = "; " if field == "notes" else " | "
            row[field] = f"{row[field]}{glue}{value[1:]}" if row[field] else value[1:]
        else:
            row[field] = value
    return row


def split_rows(frame: pd.DataFrame, start: int) -> tuple[pd.DataFrame, list[pd.Series]]:
    """Split rows per site: the first site edits the row, the others become new rows
    (ids from ``start``)."""
    frame = frame.set_index("id", drop=False)
    added = []
    for iid, sites in SPLITS.items():
        original = frame.loc[iid].copy()
        frame.loc[iid] = change(original, sites[0])
        for extra in sites[1:]:
            row = change(original, extra)
            row["id"] = f"INC{start + len(added)}"
            added.append(row)
            log.append(f"split {iid} -> {row['id']} ({row['facility_name']})")
    return frame.reset_index(drop=True), added


def apply_splits(frame: pd.DataFrame, start: int) -> tuple[pd.DataFrame, list[pd.Series]]:
    """The auditor's per-site rows (``splits.csv``): site 1 replaces its row, the others
    are new rows (ids from ``start``). ``frame`` is indexed by id."""
    if not _exists(f"{R}/splits.csv"):
        return frame, []
    splits = read(f"{R}/splits.csv")
    added = []
    for row in splits.itertuples(index=False):
        fields = pd.Series(row._asdict()).drop(["id", "site_no"])
        if row.id not in frame.index:
            log.append(f"split of unknown {row.id}")
            continue
        if row.site_no == "1":
            values = frame.loc[row.id].copy()  # keeps the original's checked columns
            values[fields.index] = fields
            frame.loc[row.id] = values
        else:
            values = fields.reindex(frame.columns, fill_value="")
            values["id"] = f"INC{start + len(added)}"
            added.append(values)
            log.append(f"split {row.id} -> {values['id']} ({values['facility_name']})")
    return frame, added


def main() -> None:
    v21 = read(f"{M}/data/incidents.csv")
    columns = list(v21.columns)
    start = max(int(i[3:]) for i in v21["id"]) + 1
    v21, split_off = split_rows(v21, start)
    start += len(split_off)
    v21 = v21.set_index("id", drop=False)
    for iid, changes in FIXES.items():
        v21.loc[iid] = change(v21.loc[iid], changes)
    v21, more = apply_splits(v21, start)
    split_off += more
    start += len(more)
    v21 = v21.reset_index(drop=True)
    frames = []
    for name in BATCHES:
        try:
            batch = read(f"{R}/{name}.csv")
        except FileNotFoundError:
            log.append(f"no batch {name}")
            continue
        batch["batch"] = name
        frames.append(batch)
    new = pd.concat(frames, ignore_index=True).fillna("") if frames else pd.DataFrame()
    for column in columns:
        if column not in new:
            new[column] = ""
    new = new.sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    new["research_id"] = new["id"]
    new["id"] = [f"INC{start + i}" for i in range(len(new))]
    new[["id", "research_id", "batch"]].to_csv(f"{R}/id-map-v2.2.csv", index=False)
    both = pd.concat([v21, pd.DataFrame(split_off)[columns], new[columns]], ignore_index=True)

    waves = read(f"{M}/data/waves.csv")
    wave_files = [f"{R}/{n}-waves.csv" for n in BATCHES]
    added = pd.concat([read(p) for p in wave_files if _exists(p)], ignore_index=True)
    added = added[(added["wave_id"] != "") & ~added["wave_id"].isin(waves["wave_id"])]
    added = added.drop_duplicates("wave_id")
    waves = pd.concat([waves, added[WAVE_COLUMNS]], ignore_index=True).sort_values(
        ["date", "wave_id"], kind="stable"
    )
    dangling = set(both["wave_id"]) - set(waves["wave_id"]) - {""}
    for wid in sorted(dangling):
        log.append(f"dangling wave {wid}")
    both.to_csv(f"{M}/data/incidents.csv", index=False)
    waves.to_csv(f"{M}/data/waves.csv", index=False)
    print(len(v21), len(split_off), len(new), len(both), len(waves), file=sys.stderr)
    print("\n".join(log), file=sys.stderr)


def _exists(path: str) -> bool:
    try:
        open(path).close()
    except FileNotFoundError:
        return False
    return True


if __name__ == "__main__":
    main()
