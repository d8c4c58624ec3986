"""Incidents as the compact GeoJSON the map's incident layer draws."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.maps.popups import popup_rows, tooltip_text


def incident_features(incidents: pd.DataFrame, *, stored_popups: bool = False) -> dict:
    """Compact GeoJSON of incidents with their tooltip text and popup values.

    ``stored_popups``: the bundled incidents' popups are in a file the browser fetches
    on demand (see :func:`dashboard.core.maps.popups.popup_store`), so only the user's
    own incidents carry theirs."""
    if incidents.empty:
        return {"type": "FeatureCollection", "features": []}
    lat = incidents["latitude"].round(4).to_numpy()
    lon = incidents["longitude"].round(4).to_numpy()
    radius = marker_radius(incidents["affected_count"])
    tips = tooltip_text(incidents)
    users = is_user_data(incidents)
    inline = users if stored_popups else np.ones(len(incidents), dtype=bool)
    popups = iter(popup_rows(incidents[inline]) if inline.any() else [])
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [x, y]},
            "properties": {"id": i, "s": s, "p": p, "r": r, "tip": t}
            | ({"q": next(popups)} if h else {})
            | ({"u": 1} if u else {}),
        }
        for x, y, i, s, p, r, t, h, u in zip(
            lon.tolist(),
            lat.tolist(),
            incidents["id"].astype(str).tolist(),
            incidents["attacker"].astype(str).tolist(),
            incidents["location_precision"].astype(str).tolist(),
            radius.tolist(),
            tips,
            inline.tolist(),
            users.tolist(),
            strict=True,
        )
    ]
    return {"type": "FeatureCollection", "features": features}


def is_user_data(incidents: pd.DataFrame) -> np.ndarray:
    """Which rows the user brought (column ``origin`` other than "bundled")."""
    if "origin" not in incidents:
        return np.zeros(len(incidents), dtype=bool)
    return (incidents["origin"].fillna("bundled") != "bundled").to_numpy()


def marker_radius(affected: pd.Series) -> np.ndarray:
    """Radius in pixels: 6 without a reported figure, growing with its logarithm (whatever
    its unit: the size shows magnitude; popups and sums keep the units apart)."""
    values = affected.astype("Float64").fillna(0).to_numpy(dtype=float)
    grow = np.minimum(7.0, 1.6 * np.log10(1.0 + values / 500.0))
    return np.round(np.where(values > 0, 7.0 + grow, 6.0), 1)
