"""Several reports of one strike become one incident with all their sources.

Two records are the same incident when they share the day, the place (the
settlement in any spelling or script, else the region), the facility type and the
facility's name when they give one (in any spelling): two depots hit in one town on
one night are two incidents. Records known only to the week or month are never
merged: they may be different strikes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from dashboard.core.geo.names import skeleton
from dashboard.core.incidents.schema import SOURCE_SEPARATOR, per_distinct


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
    place = per_distinct(frame.get("place_name", frame["settlement"]).fillna(""), skeleton)
    place = place.where(place != "", frame["admin1_iso"].astype(str))
    key = pd.Series(
        _combined_codes(frame["date"], place, frame["facility_type"].astype(str)),
        index=frame.index,
    )
    eligible = frame["date_precision"].astype(str) == "day"
    candidates = key.duplicated(keep=False) & eligible
    if not candidates.any():
        return Merged(frame, 0)
    # The facility's name only matters among rows that share day, place and type.
    site = per_distinct(frame.loc[candidates, "facility_name"].fillna(""), skeleton)
    key = pd.Series(_combined_codes(key[candidates], site), index=site.index)
    duplicated = key.duplicated(keep=False)
    if not duplicated.any():
        return Merged(frame, 0)
    return _merge(frame, key[duplicated])


def _combined_codes(*columns: pd.Series) -> np.ndarray:
    """One integer per distinct combination of the columns' values."""
    combined = np.zeros(len(columns[0]), dtype=np.int64)
    for column in columns:
        codes, uniques = pd.factorize(column)
        combined = combined * (len(uniques) + 1) + codes
        combined = pd.factorize(combined)[0].astype(np.int64)  # keeps the numbers small
    return combined


#: What a merge reads from the rows it folds together.
_MERGED_COLUMNS = (
    "id",
    "source_url",
    "source_outlet",
    "effects",
    "affected_count",
    "affected_unit",
    "wave_id",
    "notes",
)


def _merge(frame: pd.DataFrame, keys: pd.Series) -> Merged:
    """Fold each group of ``keys`` (rows that report one strike) into its first row,
    with whole-column operations: a million rows with many repeats take seconds."""
    group = pd.Series(pd.factorize(keys)[0], index=keys.index)
    first = ~group.duplicated()
    firsts = group.index[first]  # the surviving row of each group, by group number
    rest = group.index[~first]
    lead = pd.Series(firsts, index=group[first].to_numpy())  # group -> surviving row

    merged = frame.loc[group.index, list(_MERGED_COLUMNS)]
    urls, outlets = _source_pairs(merged, group)
    out = frame
    out.loc[firsts, "source_url"] = urls.reindex(group[first].to_numpy()).fillna("").to_numpy()
    out.loc[firsts, "source_outlet"] = (
        outlets.reindex(group[first].to_numpy()).fillna("").to_numpy()
    )
    # The fullest effects; the largest figure with its own unit; the first wave named.
    lengths = merged["effects"].fillna("").astype(str).str.len()
    fullest = lengths.groupby(group).idxmax()
    out.loc[lead[fullest.index].to_numpy(), "effects"] = frame.loc[
        fullest.to_numpy(), "effects"
    ].to_numpy()
    figures = merged["affected_count"].astype("Float64").dropna()
    if len(figures):
        top = figures.groupby(group[figures.index]).idxmax()
        targets = lead[top.index].to_numpy()
        for column in ("affected_count", "affected_unit"):
            out.loc[targets, column] = frame.loc[top.to_numpy(), column].to_numpy()
    waves = merged["wave_id"].fillna("").astype(str)
    named = waves[waves != ""]
    if len(named):
        wave = named.groupby(group[named.index]).first()
        out.loc[lead[wave.index].to_numpy(), "wave_id"] = wave.to_numpy()
    others = _joined(frame.loc[rest, "id"].astype(str), group[rest], ", ")
    targets = lead[others.index].to_numpy()
    out.loc[targets, "merged_ids"] = others.to_numpy()
    note = "merged reports: " + others
    notes = frame.loc[targets, "notes"].fillna("").astype(str).to_numpy()
    out.loc[targets, "notes"] = [
        f"{n}; {m}" if n else m for n, m in zip(notes, note.to_numpy(), strict=True)
    ]
    keep = np.ones(len(out), dtype=bool)
    keep[out.index.get_indexer(rest)] = False
    return Merged(out.iloc[np.flatnonzero(keep)].reset_index(drop=True), len(rest))


def _source_pairs(merged: pd.DataFrame, group: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Per group: every source in order, once (a link, or an outlet named without one)."""
    rows = merged.index.to_numpy()
    url, url_row, url_pos = _split(merged["source_url"], rows)
    given = url != ""  # an empty slot between separators is no source
    outlet, outlet_row, outlet_pos = _split(merged["source_outlet"], rows)
    left = pd.DataFrame({"row": url_row[given], "pos": url_pos[given], "url": url[given]})
    # Links are paired with outlets by their place among the row's links.
    left["pos"] = left.groupby("row").cumcount().to_numpy()
    right = pd.DataFrame({"row": outlet_row, "pos": outlet_pos, "outlet": outlet})
    pairs = left.merge(right, on=["row", "pos"], how="outer").fillna("")
    pairs = pairs[(pairs["url"] != "") | (pairs["outlet"] != "")]
    pairs["group"] = group.loc[pairs["row"]].to_numpy()
    pairs["order"] = pairs["row"].map(pd.Series(range(len(group)), index=group.index))
    pairs["source"] = pairs["url"].where(pairs["url"] != "", pairs["outlet"])
    pairs = pairs.sort_values(["group", "order", "pos"], kind="stable")
    pairs = pairs.drop_duplicates(["group", "source"])
    http = pairs[pairs["source"].str.startswith("http")]
    urls = _joined(http["source"], http["group"], SOURCE_SEPARATOR)
    outlets = _joined(pairs["outlet"], pairs["group"], SOURCE_SEPARATOR)
    return urls, outlets


def _split(values: pd.Series, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each cell's " | "-separated parts (trimmed), with their row and place in the cell."""
    cells = pa.array(values.fillna("").astype("str"), type=pa.string())
    lists = pc.split_pattern(cells, pattern=SOURCE_SEPARATOR.strip())
    parts = pc.utf8_trim_whitespace(pc.list_flatten(lists)).to_numpy(zero_copy_only=False)
    parent = pc.list_parent_indices(lists).to_numpy()
    starts = lists.offsets.to_numpy()[:-1]
    return parts, rows[parent], np.arange(len(parent)) - starts[parent]


def _joined(values: pd.Series, groups: pd.Series, separator: str) -> pd.Series:
    """Per group, its values joined in order (object concatenation, no call per group)."""
    text = (separator + values.astype(object)).groupby(groups.to_numpy(), sort=True).sum()
    return text.str[len(separator) :]
