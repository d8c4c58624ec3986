"""What a reader sees on hover and click: one tooltip line and one popup per incident.

Sent as plain values; the browser writes them as text nodes, so no text from the data
is ever read as HTML, and only http(s) sources become links.
"""

from __future__ import annotations

import json

import pandas as pd

from dashboard.core.incidents.schema import split_sources
from dashboard.core.paths import STATIC_DIR
from dashboard.core.vocab import AREA_PRECISION, words

#: What a popup lists, in order; the browser labels each field (see ``elements.py``).
POPUP_FIELDS = ("Date", "Place", "Facility", "Type", "Weapon", "Effects", "Cut off", "Confidence")


def tooltip_text(incidents: pd.DataFrame) -> list[str]:
    """One line per incident: date, place, facility (plain text; the browser never
    parses it as HTML)."""
    return [
        f"{d:%Y-%m-%d} · {place} · {words(facility)}"
        for d, place, facility in zip(
            incidents["date"],
            place_label(incidents),
            incidents["facility_type"].astype(str),
            strict=True,
        )
    ]


def popup_rows(incidents: pd.DataFrame) -> list[list]:
    """Per incident, the popup's values in :data:`POPUP_FIELDS` order, then the area
    ("district", "region") the place is known to only, the sources as [link, outlet]
    pairs (http(s) only) and the outlets' text for a record without links. Plain text:
    the browser builds the popup with text nodes, so nothing in the data is ever read as
    HTML, and the markup is not sent once per incident."""
    precision = incidents["date_precision"].astype(str)
    day = incidents["date"].dt.strftime("%Y-%m-%d")
    when = day.where(precision == "day", day.str[:7] + " (" + precision + ")")
    count = incidents["affected_count"].astype("Float64")
    cut_off = [
        "" if pd.isna(n) or n <= 0 else f"{int(n):,} {unit} (reported)"
        for n, unit in zip(count, incidents["affected_unit"].astype(str), strict=True)
    ]
    facility = incidents["facility_type"].astype(str)
    name = incidents["facility_name"].fillna("").astype(str)
    outlets = incidents["source_outlet"].fillna("").astype(str).tolist()
    urls = incidents["source_url"].fillna("").astype(str).tolist()
    links = [source_pairs(u, o) for u, o in zip(urls, outlets, strict=True)]
    columns = [
        when,
        place_label(incidents),
        name.where(name != "", facility.map(words)),
        facility.map(words),
        incidents["weapon"].astype(str).map(words),
        incidents["effects"].fillna("").astype(str),
        cut_off,
        incidents["confidence"].astype(str),
        area_precision(incidents),
        links,
        # The outlets as text only where no source is a link (they label the links).
        [o if not pairs else "" for o, pairs in zip(outlets, links, strict=True)],
    ]
    return [list(row) for row in zip(*columns, strict=True)]


#: Where the popup files are kept and served (Streamlit's static serving, or nginx).
POPUPS_DIR = STATIC_DIR / "popups"
POPUPS_URL = "/app/static/popups"
#: Larger datasets keep popups inline: only the markers in view travel anyway, and a
#: file of every popup would outweigh them.
STORED_POPUPS_MAX = 20_000


def popup_store(incidents: pd.DataFrame) -> bytes:
    """Every incident's popup values by id, as the JSON file the map fetches on demand
    (see ``IncidentLayer``): one file per dataset, cached by the browser, instead of
    every popup's text in every page a shared link sends."""
    rows = popup_rows(incidents) if len(incidents) else []
    store = dict(zip(incidents["id"].astype(str), rows, strict=True))
    return json.dumps(store, ensure_ascii=False, separators=(",", ":")).encode()


def source_pairs(urls: str, outlets: str) -> list[list[str]]:
    """[link, label] for each http(s) source, in order, labelled with its outlet."""
    names = [o.strip() for o in outlets.split("|")] if outlets else []
    labelled = [
        [url, names[i] if i < len(names) and names[i] else f"source {i + 1}"]
        for i, url in enumerate(split_sources(urls))
    ]
    return [pair for pair in labelled if pair[0].lower().startswith(("http://", "https://"))]


def area_precision(incidents: pd.DataFrame) -> list[str]:
    """ "district" or "region" where a record is drawn at an area's centre, else ""."""
    precision = incidents["location_precision"].astype(str)
    return precision.where(precision.isin(AREA_PRECISION), "").tolist()


def place_label(incidents: pd.DataFrame) -> pd.Series:
    """ "Town, Region". A record placed at its district says so: "Stryiskyi raion, Lviv
    Oblast", or, for a village the gazetteer lacks, "Snagost (Korenevsky district), Kursk
    Oblast": the point is the district's, not the village's; a village the join placed at
    its hromada is named with it."""
    settlement = incidents["settlement"].fillna("").astype(str)
    if "place_name" in incidents:
        at_district = incidents["location_precision"].astype(str) == "district"
        named = incidents["place_name"].fillna("").astype(str)
        district = incidents.get("district", pd.Series("", index=incidents.index))
        district = district.fillna("").astype(str)
        village = at_district & (settlement != "") & (district != "")
        # The join names the hromada of a village it placed there: "Kriachky (… hromada)".
        found = at_district & (district == "") & (named != "")
        settlement = settlement.where(~at_district | (settlement != ""), named)
        settlement = settlement.where(~found, named)
        settlement = settlement.where(~village, settlement + " (" + district + ")")
    region = incidents.get("admin1_name", incidents["admin1_iso"]).astype(str)
    return settlement.where(settlement != "", region).where(
        settlement == "", settlement + ", " + region
    )
