"""Sidebar filters. Widget keys are the URL parameter names."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard.core.vocab import (
    ATTACKING_SIDES,
    BASEMAP_LABELS,
    BASEMAPS,
    CONFIDENCE,
    COUNTRIES,
    COUNTRY_NAMES,
    FACILITY_TYPES,
    LAYER_LABELS,
    LAYERS,
    MEASURE_LABELS,
    MEASURES,
    PLAY_MODE_LABELS,
    PLAY_MODES,
    SIDE_NAMES,
    STEPS,
    WAR_START,
    WEAPONS,
    label,
)

#: Filters survive a visit to another page (Import, About) and back.
KEEP = "session"


def show(incidents: pd.DataFrame, region_names: dict[str, str], *, offline: bool) -> None:
    """Draw the filters; their values live in ``st.session_state`` under URL keys."""
    sb = st.sidebar
    sb.header("Filters")
    today = date.today()
    for key, title, empty in (
        ("from", "From", "Empty: from the start of the war"),
        ("to", "To", "Empty: up to the latest incident"),
    ):
        sb.date_input(
            title,
            value=None,
            min_value=WAR_START,
            max_value=today,
            key=key,
            persist_state=KEEP,
            bind="query-params",
            format="YYYY-MM-DD",
            help=empty,
        )
    sb.pills(
        "Attacking side",
        ATTACKING_SIDES,
        selection_mode="multi",
        key="side",
        persist_state=KEEP,
        format_func=SIDE_NAMES.get,
        help="Ukraine: strikes by Ukraine (mostly in Russia); Russia: strikes by Russia "
        "(in Ukraine). None selected: both.",
    )
    sb.multiselect(
        "Target country",
        COUNTRIES,
        key="country",
        persist_state=KEEP,
        format_func=COUNTRY_NAMES.get,
        placeholder="All countries",
    )
    present = sorted(incidents["admin1_iso"].unique(), key=lambda c: region_names.get(c, c))
    chosen = st.session_state.get("region") or []
    options = present + [c for c in chosen if c not in present]
    sb.multiselect(
        "Region",
        options,
        key="region",
        persist_state=KEEP,
        format_func=lambda c: f"{region_names.get(c, c)} ({c})",
        placeholder="All regions",
    )
    sb.multiselect(
        "Facility type",
        FACILITY_TYPES,
        key="facility",
        persist_state=KEEP,
        format_func=label,
        placeholder="All facilities",
    )
    sb.multiselect(
        "Weapon",
        WEAPONS,
        key="weapon",
        persist_state=KEEP,
        format_func=label,
        placeholder="All weapons",
    )
    sb.multiselect(
        "Confidence",
        CONFIDENCE,
        key="confidence",
        persist_state=KEEP,
        format_func=label,
        placeholder="Confirmed, claimed and disputed",
    )
    sb.header("Map")
    if offline:
        sb.caption("Offline mode: local vector basemap, no tiles.")
    else:
        sb.selectbox(
            "Basemap", BASEMAPS, key="basemap", persist_state=KEEP, format_func=BASEMAP_LABELS.get
        )
    sb.multiselect("Layers", LAYERS, key="layer", persist_state=KEEP, format_func=LAYER_LABELS.get)
    sb.radio(
        "Region shading by",
        MEASURES,
        key="measure",
        persist_state=KEEP,
        format_func=MEASURE_LABELS.get,
    )
    sb.header("Playback")
    sb.segmented_control(
        "Step", STEPS, key="step", persist_state=KEEP, format_func=str.capitalize, required=True,
        help="How far each frame of the map's Play control (and the GIF) moves.",
    )  # fmt: skip
    sb.radio(
        "Frames show", PLAY_MODES, key="play", persist_state=KEEP, format_func=PLAY_MODE_LABELS.get
    )
