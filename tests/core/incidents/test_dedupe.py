"""Merging reports of one strike: the whole-column merge agrees with a plain reading of
the rule, group by group, on many small hand-made frames."""

from __future__ import annotations

from itertools import zip_longest

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.core.geo.names import skeleton
from dashboard.core.incidents.dedupe import merge_duplicates

SOURCES = ["https://a.example/1", "https://b.example/2", "https://c.example/3", ""]
OUTLETS = ["A", "B", "C", ""]


def reference(frame: pd.DataFrame) -> dict[str, dict]:
    """The rule written out one group at a time (what the vectorised merge must equal)."""
    out: dict[str, dict] = {}
    # A record without a settlement is placed by its region.
    places = frame["settlement"].where(frame["settlement"] != "", frame["admin1_iso"])
    keys = list(
        zip(
            frame["date"],
            places,
            frame["facility_type"],
            frame["facility_name"].map(skeleton),  # a site's name in any spelling
            strict=True,
        )
    )
    groups: dict[tuple, list[int]] = {}
    for position, key in enumerate(keys):
        groups.setdefault(key, []).append(position)
    for members in groups.values():
        rows = frame.iloc[members]
        if len(members) == 1:  # a single report is kept as it is
            only = rows.iloc[0]
            figure = only["affected_count"]
            out[only["id"]] = {
                "source_url": only["source_url"],
                "source_outlet": only["source_outlet"],
                "effects": only["effects"],
                "affected": None if pd.isna(figure) else (int(figure), only["affected_unit"]),
                "wave_id": only["wave_id"],
                "merged_ids": "",
                "notes": only["notes"],
            }
            continue
        pairs: dict[str, str] = {}
        for urls, outlets in zip(rows["source_url"], rows["source_outlet"], strict=True):
            links = [u.strip() for u in urls.split("|") if u.strip()]
            names = [o.strip() for o in outlets.split("|")]
            for url, outlet in zip_longest(links, names, fillvalue=""):
                if url or outlet:
                    pairs.setdefault(url or outlet, outlet)
        figures = rows.dropna(subset=["affected_count"])
        top = (
            figures.loc[figures["affected_count"].astype(float).idxmax()] if len(figures) else None
        )
        others = ", ".join(rows["id"].iloc[1:])
        notes = rows["notes"].iloc[0]
        out[rows["id"].iloc[0]] = {
            "source_url": " | ".join(k for k in pairs if k.startswith("http")),
            "source_outlet": " | ".join(pairs.values()),
            "effects": max(rows["effects"], key=len),
            "affected": None if top is None else (int(top["affected_count"]), top["affected_unit"]),
            "wave_id": next((w for w in rows["wave_id"] if w), ""),
            "merged_ids": others,
            "notes": (
                f"{notes}; merged reports: {others}" if notes else f"merged reports: {others}"
            )
            if others
            else notes,
        }
    return out


row = st.fixed_dictionaries(
    {
        "date": st.sampled_from(["2025-01-01", "2025-01-02"]),
        "settlement": st.sampled_from(["Kharkiv", "Sumy", ""]),
        "admin1_iso": st.sampled_from(["UA-63", "UA-59"]),
        "facility_type": st.sampled_from(["chp", "substation"]),
        "facility_name": st.sampled_from(["", "CHP-5", "chp 5", "CHP-6"]),
        "source_url": st.lists(st.sampled_from(SOURCES), max_size=3).map(" | ".join),
        "source_outlet": st.lists(st.sampled_from(OUTLETS), max_size=3).map(" | ".join),
        "effects": st.sampled_from(["", "fire", "fire and outage"]),
        "affected_count": st.sampled_from([None, 500, 2000]),
        "affected_unit": st.sampled_from(["customers", "households"]),
        "wave_id": st.sampled_from(["", "W-2025-01-01-RU"]),
        "notes": st.sampled_from(["", "governor"]),
    }
)


@settings(max_examples=150, deadline=None)
@given(st.lists(row, min_size=1, max_size=12))
def test_merge_follows_the_rule_group_by_group(rows: list[dict]) -> None:
    frame = pd.DataFrame(rows)
    frame.insert(0, "id", [f"r{i}" for i in range(len(frame))])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["date_precision"] = "day"
    frame["affected_count"] = pd.array(frame["affected_count"], dtype="Int64")
    frame.loc[frame["affected_count"].isna(), "affected_unit"] = ""
    expected = reference(frame)
    merged = merge_duplicates(frame).incidents.set_index("id")
    assert set(merged.index) == set(expected)
    for incident, want in expected.items():
        got = merged.loc[incident]
        figure = (
            None
            if pd.isna(got["affected_count"])
            else (int(got["affected_count"]), got["affected_unit"])
        )
        assert (got["source_url"], got["source_outlet"]) == (
            want["source_url"],
            want["source_outlet"],
        )
        assert (got["effects"], figure, got["wave_id"]) == (
            want["effects"],
            want["affected"],
            want["wave_id"],
        )
        assert (got["merged_ids"], got["notes"]) == (want["merged_ids"], want["notes"])
