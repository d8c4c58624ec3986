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
import pyarrow.compute as pc

from dashboard.core.distinct import Distinct, arrow_text, combined_codes, join_groups
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
    key = combined_codes(
        frame["date"], _place_codes(frame), Distinct.of(frame["facility_type"]).codes
    )
    precision = Distinct.of(frame["date_precision"])
    eligible = precision.spread(precision.values.astype(str) == "day")
    candidates = np.flatnonzero(pd.Series(key).duplicated(keep=False).to_numpy() & eligible)
    if not len(candidates):
        return Merged(frame, 0)
    # The facility's name only matters among rows that share day, place and type.
    site = _site_codes(pd.factorize(key[candidates])[0], frame["facility_name"].iloc[candidates])
    key = pd.Series(combined_codes(key[candidates], site), index=candidates)
    duplicated = key.duplicated(keep=False)
    if not duplicated.any():
        return Merged(frame, 0)
    return _merge(frame, key[duplicated])


def _place_codes(frame: pd.DataFrame) -> np.ndarray:
    """Per row, a code for its place: the gazetteer's name when the settlement was found
    (so Kharkov and Kharkiv meet) in any spelling, else the region; worked out once per
    distinct (name, region)."""
    names = Distinct.of(frame.get("place_name", frame["settlement"]).fillna(""))
    regions = Distinct.of(frame["admin1_iso"].astype(str))
    pairs, distinct = pd.factorize(
        names.codes.astype(np.int64) * len(regions.values) + regions.codes
    )
    shapes = [skeleton(str(name)) for name in names.values]
    region = regions.values.to_numpy(dtype=object)
    places = [
        shapes[pair // len(region)] or region[pair % len(region)] for pair in distinct.tolist()
    ]
    return pd.factorize(np.asarray(places, dtype=object), use_na_sentinel=False)[0][pairs]


def _site_codes(groups: np.ndarray, names: pd.Series) -> np.ndarray:
    """Per row, a code for the facility it names in any spelling, comparable within its
    group: where a group names its site one way only, the name itself is the code, so
    the spelling-free key is worked out only for names of groups that differ."""
    distinct = Distinct.of(names.fillna(""))
    named = pd.unique(groups.astype(np.int64) * len(distinct.values) + distinct.codes)
    several = np.bincount(named // len(distinct.values), minlength=groups.max(initial=-1) + 1) > 1
    mixed = several[groups]
    codes = distinct.codes.copy()
    spelled = np.unique(distinct.codes[mixed])
    shapes = [skeleton(str(distinct.values.iat[c])) for c in spelled]
    shape_code = np.zeros(len(distinct.values), dtype=np.int64)
    shape_code[spelled] = pd.factorize(np.asarray(shapes, dtype=object))[0]
    codes[mixed] = len(distinct.values) + shape_code[distinct.codes[mixed]]
    return codes


#: What a merge reads from the rows it folds together.
_MERGED_COLUMNS = ("source_url", "source_outlet", "effects", "affected_count", "wave_id")


def _merge(frame: pd.DataFrame, keys: pd.Series) -> Merged:
    """Fold each group of ``keys`` (rows that report one strike) into its first row,
    with whole-column operations: a million rows with many repeats take seconds."""
    group = pd.Series(pd.factorize(keys)[0], index=keys.index)
    rest = group.index[group.duplicated()]  # every row but the first of its group
    return Merged(_kept(frame, rest, _merged_values(frame, group)), len(rest))


def _merged_values(frame: pd.DataFrame, group: pd.Series) -> dict[str, tuple[np.ndarray, object]]:
    """Each merged column's new values at the surviving rows, as (rows, values)."""
    first = ~group.duplicated()
    firsts = group.index[first]  # the surviving row of each group, by group number
    rest = group.index[~first]
    lead = pd.Series(firsts, index=group[first].to_numpy())  # group -> surviving row

    merged = frame.loc[group.index, list(_MERGED_COLUMNS)]
    urls, outlets = _source_pairs(merged, group)
    patches = {
        "source_url": (firsts, urls.reindex(group[first].to_numpy()).fillna("").to_numpy()),
        "source_outlet": (firsts, outlets.reindex(group[first].to_numpy()).fillna("").to_numpy()),
    }
    # The fullest effects; the largest figure with its own unit; the first wave named.
    lengths = merged["effects"].fillna("").astype(str).str.len()
    fullest = lengths.groupby(group).idxmax()
    patches["effects"] = (
        lead[fullest.index].to_numpy(),
        frame.loc[fullest.to_numpy(), "effects"].to_numpy(),
    )
    figures = merged["affected_count"].astype("Float64").dropna()
    if len(figures):
        top = figures.groupby(group[figures.index]).idxmax()
        for column in ("affected_count", "affected_unit"):
            patches[column] = (
                lead[top.index].to_numpy(),
                frame.loc[top.to_numpy(), column].to_numpy(),
            )
    waves = merged["wave_id"].fillna("").astype(str)
    named = waves[waves != ""]
    if len(named):
        wave = named.groupby(group[named.index]).first()
        patches["wave_id"] = (lead[wave.index].to_numpy(), wave.to_numpy())
    others = join_groups(frame.loc[rest, "id"].astype(str), group[rest], ", ")
    targets = lead[others.index].to_numpy()
    patches["merged_ids"] = (targets, others.to_numpy())
    note = "merged reports: " + others
    notes = frame.loc[targets, "notes"].fillna("").astype(str).to_numpy()
    patches["notes"] = (
        targets,
        [f"{n}; {m}" if n else m for n, m in zip(notes, note.to_numpy(), strict=True)],
    )
    return patches


def _kept(
    frame: pd.DataFrame, dropped: pd.Index, patches: dict[str, tuple[np.ndarray, object]]
) -> pd.DataFrame:
    """``frame`` without the ``dropped`` rows and with the ``patches`` written in, each
    column taken once (patched values are appended to the column, then taken from
    there): no whole column is written twice."""
    n = len(frame)
    keep = np.ones(n, dtype=bool)
    keep[frame.index.get_indexer(dropped)] = False
    kept = np.flatnonzero(keep)
    columns = {}
    for name in frame.columns:
        column = frame[name]
        if name not in patches:
            columns[name] = column.take(kept).reset_index(drop=True)
            continue
        rows, values = patches[name]
        slot = np.full(n, -1)
        slot[frame.index.get_indexer(rows)] = np.arange(len(rows))
        source = pd.concat([column, pd.Series(values, dtype=column.dtype)], ignore_index=True)
        positions = np.where(slot[kept] >= 0, n + slot[kept], kept)
        columns[name] = source.take(positions).reset_index(drop=True)
    return pd.DataFrame(columns, copy=False)


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
    # (row, place) is unique, so this order is total; the first of a source in its group stays.
    pairs = pairs.iloc[np.lexsort((pairs["pos"], pairs["order"], pairs["group"]))]
    repeated = pd.Series(combined_codes(pairs["group"], pairs["source"])).duplicated()
    pairs = pairs[~repeated.to_numpy()]
    http = pairs[pairs["source"].str.startswith("http")]
    urls = join_groups(http["source"], http["group"], SOURCE_SEPARATOR)
    outlets = join_groups(pairs["outlet"], pairs["group"], SOURCE_SEPARATOR)
    return urls, outlets


def _split(
    values: pd.Series, rows: np.ndarray
) -> tuple[pd.api.extensions.ExtensionArray, np.ndarray, np.ndarray]:
    """Each cell's " | "-separated parts (trimmed, as text), with their row and place in
    the cell."""
    lists = pc.split_pattern(arrow_text(values.fillna("")), pattern=SOURCE_SEPARATOR.strip())
    parts = pd.array(pc.utf8_trim_whitespace(pc.list_flatten(lists)), dtype="str")
    parent = pc.list_parent_indices(lists).to_numpy()
    starts = lists.offsets.to_numpy()[:-1]
    return parts, rows[parent], np.arange(len(parent)) - starts[parent]
