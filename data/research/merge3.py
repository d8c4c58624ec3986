"""One-off: dataset v2.1 = v2.0 + third-wave research batches + region-level fixes."""

from __future__ import annotations

import sys

import pandas as pd

R = "/work/research"
M = "/work/main"
SEP = " | "
BATCHES = ["r3-ru22", "r3-2023", "r3-ru24", "r3-ua24", "r3-ru25", "r3-ua25", "r3-2526"]
WAVE_COLUMNS = [
    "wave_id", "date", "attacker", "launched", "launched_unit", "intercepted", "claimed_by",
    "outage_count", "outage_unit", "source_url", "source_outlet", "notes",
]  # fmt: skip
#: Fix-region rows checked by hand against the fixer's log: what to add to notes.
NOTE_ADD = {
    "INC969": "v2.1: Focus names the substation and reports the outage as a fault there, "
    "while the governor blamed Ukrainian fire; confidence set to disputed",
    "INC810": "v2.1: settlement from an OSINT geolocation of a video (about 1 km from the "
    "substation); the governor named only the district",
    "INC760": "v2.1: the plant lies about 3 km from Desnogorsk",
    "INC307": "v2.1: Ozheve is the village where debris fell; the plant itself was not hit",
}
log: list[str] = []


def read(path: str) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def apply_fixes(frame: pd.DataFrame, fixes: pd.DataFrame) -> pd.DataFrame:
    frame = frame.set_index("id", drop=False)
    for fix in fixes.itertuples(index=False):
        if fix.id not in frame.index:
            continue
        current = frame.at[fix.id, fix.field]
        if current != fix.old_value and fix.field not in ("source_url", "source_outlet"):
            log.append(f"fix {fix.id} {fix.field}: now {current!r}, fixer saw {fix.old_value!r}")
        frame.at[fix.id, fix.field] = fix.new_value
    for iid, note in NOTE_ADD.items():
        if iid in frame.index:
            old = frame.at[iid, "notes"]
            frame.at[iid, "notes"] = f"{old}; {note}" if old else note
    if "INC969" in frame.index:
        frame.at["INC969", "confidence"] = "disputed"
    return frame.reset_index(drop=True)


def main() -> None:
    v2 = read(f"{M}/data/incidents.csv")
    columns = list(v2.columns)
    fixes = read(f"{R}/fix-region.csv")
    v2 = apply_fixes(v2, fixes)
    frames = []
    for name in BATCHES:
        batch = read(f"{R}/{name}.csv")
        batch["batch"] = name
        frames.append(batch)
    new = pd.concat(frames, ignore_index=True).fillna("")
    new = apply_fixes(new, fixes)
    for column in ("admin1_iso", "latitude", "longitude"):
        if column not in new:
            new[column] = ""
    new = new.sort_values(["date", "id"], kind="stable").reset_index(drop=True)
    start = max(int(i[3:]) for i in v2["id"]) + 1
    new["research_id"] = new["id"]
    new["id"] = [f"INC{start + i}" for i in range(len(new))]
    new[["id", "research_id", "batch"]].to_csv(f"{R}/id-map-v2.1.csv", index=False)
    both = pd.concat([v2, new[columns]], ignore_index=True)

    waves = read(f"{M}/data/waves.csv")
    added = pd.concat([read(f"{R}/{n}-waves.csv") for n in BATCHES], ignore_index=True)
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
    print(len(v2), len(new), len(both), len(waves), file=sys.stderr)
    print("\n".join(log), file=sys.stderr)


if __name__ == "__main__":
    main()
