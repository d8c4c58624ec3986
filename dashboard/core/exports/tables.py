"""Filtered incidents as CSV and GeoJSON, each row with its sources.

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, tab or carriage return) are prefixed with an apostrophe; numbers
are left alone, so a negative longitude stays a number.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from dashboard.core.exports.describe import ExportMeta
from dashboard.core.incidents.schema import COLUMNS, split_sources
from dashboard.core.join.facility import LINK_COLUMNS
from dashboard.core.vocab import DATA_CREDIT, SITES_DATA_CREDIT

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def attribution(incidents: pd.DataFrame) -> str:
    """The credits an export owes: the catalogue's too (WRI, and the sources of its
    Cyrillic names, which the link matches) when a row is linked to a WRI plant."""
    linked = incidents.get("facility_id", pd.Series(dtype=str)).astype(str)
    uses_wri = linked.str.startswith("wri-").any()
    return SITES_DATA_CREDIT if uses_wri else DATA_CREDIT


def export_frame(incidents: pd.DataFrame) -> pd.DataFrame:
    """Native-schema columns, the English region name and the facility link; dates as
    text."""
    columns = [c for c in (*COLUMNS, *LINK_COLUMNS) if c in incidents.columns]
    frame = incidents[columns].copy()
    frame.insert(frame.columns.get_loc("admin1_iso") + 1, "admin1_name", incidents["admin1_name"])
    frame["date"] = incidents["date"].dt.strftime("%Y-%m-%d")
    for column in ("latitude", "longitude"):
        frame[column] = frame[column].round(5)
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].astype(str)
    return frame.reset_index(drop=True)


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that spreadsheets would evaluate; leave real numbers as they are."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_numeric_dtype(out[column]):
            continue
        text = out[column].astype("string").fillna("")
        risky = text.str.startswith(FORMULA_START) & pd.to_numeric(text, errors="coerce").isna()
        out[column] = text.where(~risky, "'" + text)
    return out


def to_csv(incidents: pd.DataFrame, meta: ExportMeta) -> bytes:
    """UTF-8 CSV (with BOM, so spreadsheets read Cyrillic) of the incidents and their sources."""
    frame = neutralise_formulas(export_frame(incidents))
    frame["dataset_version"] = meta.dataset_version
    frame["dataset_latest"] = meta.dataset_latest
    frame["exported_at"] = meta.exported_at.isoformat(timespec="seconds")
    frame["attribution"] = attribution(incidents)
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8-sig")


def to_geojson(incidents: pd.DataFrame, meta: ExportMeta) -> bytes:
    """A FeatureCollection of points; ``metadata`` names version, time, link and credits."""
    frame = export_frame(incidents)
    records = frame.replace({np.nan: None}).to_dict("records")
    features = []
    for record in records:
        lon, lat = record.pop("longitude"), record.pop("latitude")
        record["sources"] = split_sources(record.get("source_url") or "")
        for key, value in record.items():
            if isinstance(value, np.integer | np.floating):
                record[key] = value.item()
            elif value is pd.NA:
                record[key] = None
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": record,
            }
        )
    document = {
        "type": "FeatureCollection",
        "metadata": {
            "title": "Energy Strike Map export",
            "dataset_version": meta.dataset_version,
            "dataset_latest": meta.dataset_latest,
            "exported_at": meta.exported_at.isoformat(timespec="seconds"),
            "view": meta.share_link,
            "count": len(features),
            "attribution": attribution(incidents),
        },
        "features": features,
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
