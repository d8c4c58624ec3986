"""Several reports of one strike become one incident with all their sources.

Two records are the same incident when they share the day, the place (the
settlement in any spelling or script, else the region), the facility type and the
facility's name when they give one (in any spelling): two depots hit in one town on
one night are two incidents. Records known only to the week or month are never
merged: they may be different strikes.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import zip_longest

import pandas as pd

from dashboard.core.geo.names import skeleton
from dashboard.core.incidents.schema import SOURCE_SEPARATOR


@dataclass(frozen=True)
class Merged:
    incidents: pd.DataFrame  # with "merged_ids": ids folded into each record ("" if none)
    merged: int  # how many input records were folded into another


def merge_duplicates(incidents: pd.DataFrame) -> Merged:
    frame = incidents.reset_index(drop=True)
    frame["merged_ids"] = ""
    if frame.empty:
        return Merged(frame, 0)
    # The gazetteer's name when the settlement was found, so Kharkov and Kharkiv meet.
    place = frame.get("place_name", frame["settlement"]).fillna("").map(skeleton)
    place = place.where(place != "", frame["admin1_iso"])
    site = frame["facility_name"].fillna("").astype(str).map(skeleton)
    key = pd.Series(
        list(zip(frame["date"], place, frame["facility_type"].astype(str), site, strict=True)),
        index=frame.index,
    )
    eligible = frame["date_precision"].astype(str) == "day"
    duplicated = key.duplicated(keep=False) & eligible
    if not duplicated.any():
        return Merged(frame, 0)
    drop: list[int] = []
    for _, group in frame[duplicated].groupby(key[duplicated], sort=False):
        first, rest = group.index[0], group.index[1:]
        frame.loc[first] = _combine(group)
        drop.extend(rest)
    return Merged(frame.drop(index=drop).reset_index(drop=True), len(drop))


def _combine(group: pd.DataFrame) -> pd.Series:
    """The first record, with every source, the fullest effects and the largest figures."""
    row = group.iloc[0].copy()
    pairs: dict[str, str] = {}  # url (or outlet when there is no url) -> outlet, in order
    for urls, outlets in zip(
        group["source_url"].fillna(""), group["source_outlet"].fillna(""), strict=True
    ):
        url_list = [u.strip() for u in str(urls).split(SOURCE_SEPARATOR.strip()) if u.strip()]
        outlet_list = [o.strip() for o in str(outlets).split(SOURCE_SEPARATOR.strip())]
        for url, outlet in zip_longest(url_list, outlet_list, fillvalue=""):
            if url or outlet:
                pairs.setdefault(url or outlet, outlet)
    row["source_url"] = SOURCE_SEPARATOR.join(k for k in pairs if k.startswith("http"))
    row["source_outlet"] = SOURCE_SEPARATOR.join(pairs.values())
    row["effects"] = max(group["effects"].fillna("").astype(str), key=len)
    # The largest reported figure, with its own unit (figures are never converted).
    figures = group.dropna(subset=["affected_count"])
    if len(figures):
        top = figures["affected_count"].astype("Int64").idxmax()
        row["affected_count"], row["affected_unit"] = group.loc[
            top, ["affected_count", "affected_unit"]
        ]
    row["wave_id"] = next((w for w in group["wave_id"].fillna("").astype(str) if w), "")
    others = ", ".join(group["id"].iloc[1:].astype(str))
    row["merged_ids"] = others
    note = f"merged reports: {others}"
    row["notes"] = f"{row['notes']}; {note}" if row["notes"] else note
    return row
