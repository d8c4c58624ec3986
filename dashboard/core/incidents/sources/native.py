"""The project's own schema (CSV or GeoJSON properties): columns map onto themselves.

Files in the v1 schema still import. Their ``households_affected`` becomes an
``affected_count`` in households (as the column said), and their
``claimed_intercepted`` figure, which belongs to a night's attack wave rather than
to one site, is kept in ``notes`` so that nothing is lost and nothing is summed.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.incidents.schema import COLUMNS, REQUIRED_COLUMNS
from dashboard.core.incidents.sources import Adapter

#: Columns of the v1 schema that v2 replaced.
LEGACY = ("households_affected", "claimed_intercepted")


def _count(frame: pd.DataFrame) -> pd.Series:
    return frame["affected_count"].where(
        frame["affected_count"] != "", frame["households_affected"]
    )


def _unit(frame: pd.DataFrame) -> pd.Series:
    legacy = (frame["affected_count"] == "") & (frame["households_affected"] != "")
    return frame["affected_unit"].where(~legacy, "households")


def _notes(frame: pd.DataFrame) -> pd.Series:
    """The notes, with a v1 file's claim appended (text is built for those rows only)."""
    claim = frame["claimed_intercepted"] != ""
    if not claim.any():
        return frame["notes"]
    notes, said = frame.loc[claim, "notes"], "interception claim reported with the attack: "
    said += frame.loc[claim, "claimed_intercepted"]
    out = frame["notes"].copy()
    out[claim] = (notes + "; " + said).where(notes != "", said)
    return out


ADAPTER = Adapter(
    name="native",
    signature=frozenset(REQUIRED_COLUMNS),
    fields={
        name: name for name in COLUMNS if name not in ("affected_count", "affected_unit", "notes")
    },
    derived={"affected_count": _count, "affected_unit": _unit, "notes": _notes},
    origins={
        "affected_count": "affected_count",
        "affected_unit": "affected_unit",
        "notes": "notes",
    },
    uses=frozenset({*COLUMNS, *LEGACY}),
)
