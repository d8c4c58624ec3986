"""What a reader sees on hover and click: one tooltip line and one popup per incident.

Every text from the data is escaped; only http(s) sources become links.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from dashboard.core.incidents.schema import split_sources
from dashboard.core.vocab import SIDE_COLOURS, SIDE_LABELS


def tooltip_html(incidents: pd.DataFrame) -> list[str]:
    """One line per incident: date, place, facility (escaped)."""
    return [
        f"{d:%Y-%m-%d} · {escape(place)} · {escape(facility.replace('_', ' '))}"
        for d, place, facility in zip(
            incidents["date"],
            place_label(incidents),
            incidents["facility_type"].astype(str),
            strict=True,
        )
    ]


def popup_html(incidents: pd.DataFrame) -> list[str]:
    """Popup per incident: every text escaped; only http(s) sources become links."""
    columns = [
        incidents["id"].astype(str),
        incidents["date"].dt.strftime("%Y-%m-%d"),
        incidents["date_precision"].astype(str),
        incidents["attacker"].astype(str),
        place_label(incidents),
        incidents["location_precision"].astype(str),
        incidents["facility_type"].astype(str),
        incidents["facility_name"].fillna("").astype(str),
        incidents["weapon"].astype(str),
        incidents["effects"].fillna("").astype(str),
        incidents["households_affected"].astype("Float64"),
        incidents["confidence"].astype(str),
        incidents["source_url"].fillna("").astype(str),
        incidents["source_outlet"].fillna("").astype(str),
    ]
    return [_popup(*row) for row in zip(*columns, strict=True)]


def _popup(
    incident_id: str,
    day: str,
    date_precision: str,
    side: str,
    place: str,
    precision: str,
    facility: str,
    facility_name: str,
    weapon: str,
    effects: str,
    households: float,
    confidence: str,
    urls: str,
    outlets: str,
) -> str:
    when = day[:7] if date_precision == "month" else day
    where = f"{escape(place)}" + (
        " <em>(region-level location)</em>" if precision == "region" else ""
    )
    rows = [
        (
            "Date",
            escape(when) + ("" if date_precision == "day" else f" ({escape(date_precision)})"),
        ),
        ("Place", where),
        ("Facility", escape(facility_name or facility.replace("_", " "))),
        ("Type", escape(facility.replace("_", " "))),
        ("Weapon", escape(weapon.replace("_", " and "))),
        ("Effects", escape(effects)),
    ]
    if not pd.isna(households) and households > 0:
        rows.append(("Households", f"{int(households):,}"))
    rows.append(("Confidence", escape(confidence)))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows if v)
    side_class = side if side in SIDE_COLOURS else "unknown"
    return (
        f'<div class="esm-popup" data-incident="{escape(incident_id)}">'
        f'<p class="esm-{side_class}"><b>{escape(SIDE_LABELS.get(side, side))}</b> · '
        f"<code>{escape(incident_id)}</code></p><table>{body}</table>"
        f"<p><b>Sources:</b> {source_links(urls, outlets)}</p></div>"
    )


def source_links(urls: str, outlets: str) -> str:
    """Escaped links for http(s) sources, in order, labelled with their outlet."""
    links = [u for u in split_sources(urls) if u.lower().startswith(("http://", "https://"))]
    names = [o.strip() for o in outlets.split("|")] if outlets else []
    if not links:
        return escape(outlets) or "none given"
    parts = []
    for index, url in enumerate(links):
        label = names[index] if index < len(names) and names[index] else f"source {index + 1}"
        parts.append(
            f'<a href="{escape(url, quote=True)}" target="_blank" rel="noopener noreferrer">'
            f"{escape(label)}</a>"
        )
    return " · ".join(parts)


def place_label(incidents: pd.DataFrame) -> pd.Series:
    settlement = incidents["settlement"].fillna("").astype(str)
    region = incidents.get("admin1_name", incidents["admin1_iso"]).astype(str)
    return settlement.where(settlement != "", region).where(
        settlement == "", settlement + ", " + region
    )
