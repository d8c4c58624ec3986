"""The project's own schema (CSV or GeoJSON properties): columns map onto themselves."""

from __future__ import annotations

from dashboard.core.incidents.schema import COLUMNS, REQUIRED_COLUMNS
from dashboard.core.incidents.sources import Adapter

ADAPTER = Adapter(
    name="native",
    signature=frozenset(REQUIRED_COLUMNS),
    fields={name: name for name in COLUMNS},
)
