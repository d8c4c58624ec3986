"""Exports of a two-period comparison: its tables as CSV, its map as one HTML file.
Both name the two periods and the share link that reopens the comparison."""

from __future__ import annotations

from html import escape

import pandas as pd

from dashboard.core.exports.describe import ExportMeta
from dashboard.core.exports.html import inline_assets
from dashboard.core.exports.tables import neutralise_formulas
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.difference import difference_map
from dashboard.core.maps.elements import Legend
from dashboard.core.view.compare import Comparison
from dashboard.core.view.state import ViewState
from dashboard.core.vocab import TITLE

GROUPS = (("side", "by_side"), ("facility_type", "by_type"), ("region", "by_region"))


def comparison_csv(comparison: Comparison, meta: ExportMeta) -> bytes:
    """One row per side, facility type and region: counts in A and B and the change."""
    parts = []
    for group, attribute in GROUPS:
        table = getattr(comparison, attribute).rename(columns={"region": "name"})
        parts.append(
            table.rename_axis("code")
            .reset_index()
            .assign(group=group)[["group", "code", "name", "a", "b", "change", "change_pct"]]
        )
    frame = pd.concat(parts, ignore_index=True)
    frame["change_pct"] = frame["change_pct"].round(1)
    frame = neutralise_formulas(frame)
    frame["period_a"] = comparison.a.label
    frame["period_b"] = comparison.b.label
    frame["dataset_version"] = meta.dataset_version
    frame["view"] = meta.share_link
    frame["exported_at"] = meta.exported_at.isoformat(timespec="seconds")
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def comparison_html(
    comparison: Comparison, state: ViewState, base: MapBase, meta: ExportMeta
) -> bytes:
    """The difference map as a self-contained page (opens offline)."""
    fmap = difference_map(comparison, state, base, offline=True, self_contained=True, height="100%")
    a, b = comparison.totals
    caption = (
        f"<h4>{escape(TITLE)}: two periods</h4>"
        f"<div>A {escape(comparison.a.label)}: {a:,} incidents · "
        f"B {escape(comparison.b.label)}: {b:,} incidents</div>"
        f"<div>dataset {escape(meta.dataset_label)} · exported "
        f"{escape(meta.exported_at.isoformat(timespec='seconds'))}</div>"
        f'<div><a href="{escape(meta.share_link, quote=True)}">Open this comparison in the '
        "dashboard</a></div>"
    )
    Legend(caption, position="bottomleft").add_to(fmap)
    page = fmap.get_root()
    page.title = f"{TITLE}: two periods"
    return inline_assets(page.render()).encode("utf-8")
