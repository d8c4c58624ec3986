"""Read a GeoJSON FeatureCollection of incidents as a table of strings.

Properties become columns; a Point geometry fills ``latitude`` / ``longitude``.
Features are numbered from 1 in messages ("row" = feature number).
"""

from __future__ import annotations

import json

import pandas as pd

from dashboard.core.incidents.tables import MAX_BYTES, RawTable, TableError, decode


def looks_like_json(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def read_geojson(data: bytes, *, max_bytes: int | None = MAX_BYTES) -> RawTable:
    if max_bytes is not None and len(data) > max_bytes:
        raise TableError(
            f"file is {len(data) / 2**20:.1f} MB; the limit is {max_bytes / 2**20:.0f} MB"
        )
    text, encoding = decode(data)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise TableError(f"not valid JSON: {error.msg} at line {error.lineno}") from error
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise TableError("GeoJSON must be a FeatureCollection of incident features")
    features = document.get("features")
    if not isinstance(features, list):
        raise TableError("GeoJSON FeatureCollection has no 'features' list")
    records, bad = [], []
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            bad.append((number, json.dumps(feature)[:200], "feature has no properties object"))
            continue
        record = {key: _text(value) for key, value in properties.items()}
        geometry = feature.get("geometry") or {}
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if geometry and geometry.get("type") == "Point" and isinstance(coordinates, list):
            if len(coordinates) >= 2:
                record["longitude"], record["latitude"] = (
                    _text(coordinates[0]),
                    _text(coordinates[1]),
                )
        elif geometry:
            bad.append((number, json.dumps(geometry)[:200], "geometry is not a Point"))
            continue
        record["row"] = number
        records.append(record)
    rows = pd.DataFrame(records).fillna("") if records else pd.DataFrame({"row": []})
    rows["row"] = rows["row"].astype("int64")
    rows = rows[["row", *[c for c in rows.columns if c != "row"]]]
    return RawTable(
        rows=rows,
        ragged=pd.DataFrame(bad, columns=["row", "raw", "reason"]),
        encoding=encoding,
        delimiter="",
    )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " | ".join(_text(v) for v in value)
    return str(value)
