"""The map of a two-period comparison: regions shaded by the change from A to B."""

from __future__ import annotations

from html import escape

import folium

from dashboard.core.maps.assets import use_local_assets
from dashboard.core.maps.base import MapBase
from dashboard.core.maps.build import add_basemaps, empty_map
from dashboard.core.maps.elements import Attribution, ChoroplethLayer, Legend
from dashboard.core.view.compare import Comparison, difference_colours
from dashboard.core.view.state import ViewState
from dashboard.core.vocab import DATA_CREDIT


def difference_map(
    comparison: Comparison,
    state: ViewState,
    base: MapBase,
    *,
    offline: bool = False,
    self_contained: bool = False,
    height: int | str = 560,
) -> folium.Map:
    """Regions coloured on a diverging scale by incidents in B minus incidents in A."""
    view = state.with_(lat=None, lon=None, zoom=None)
    fmap = empty_map(view, height)
    source = add_basemaps(fmap, view, base, offline=offline, self_contained=self_contained)
    regions = comparison.by_region
    colours, classes = difference_colours(regions["change"])
    values = {
        iso: (f"{row.a:,} → {row.b:,} ({row.change:+,})", colours[iso])
        for iso, row in regions.iterrows()
    }
    ChoroplethLayer(source, values, label="A → B", name="Change by region").add_to(fmap)
    Legend(legend_html(comparison, classes)).add_to(fmap)
    Attribution(DATA_CREDIT).add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    use_local_assets(fmap)
    return fmap


def legend_html(comparison: Comparison, classes) -> str:
    """What A and B are, and the colour classes of B minus A."""
    rows = "".join(
        f'<div><i class="esm-sq" style="background:{c.colour}"></i>{escape(c.label)}</div>'
        for c in classes
    )
    return (
        "<h4>Change in incidents, B minus A</h4>"
        f"<div>A: {escape(comparison.a.label)}</div>"
        f"<div>B: {escape(comparison.b.label)}</div>"
        f"<div style='margin-top:4px'>{rows}</div>"
        "<div style='color:#555'>Regions without incidents in either period: unshaded</div>"
    )
