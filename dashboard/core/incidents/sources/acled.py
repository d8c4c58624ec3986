"""ACLED export CSV -> incident schema.

ACLED codes who acted, not who struck whom on which side of the border, so the
attacking side is inferred from the actors, the notes and the location. Only
events whose sub-event type or notes name energy infrastructure are kept.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.incidents.sources import Adapter, column, text
from dashboard.core.incidents.sources.dates import parse_dates
from dashboard.core.incidents.sources.energy import decide_side, facility_type, side_scores, weapon

# time_precision: 1 = day, 2 = week or so, 3 = month; geo_precision: 3 = region only.
_DATE_PRECISION = {"1": "day", "2": "week", "3": "month"}


def _facility(frame: pd.DataFrame) -> pd.Series:
    return facility_type(text(frame, "sub_event_type", "notes"))


def _side(frame: pd.DataFrame) -> pd.Series:
    actors = side_scores(text(frame, "actor1", "assoc_actor_1"))
    notes = side_scores(text(frame, "notes"))
    return decide_side(actors, notes, frame["country"])


def _refuse(frame: pd.DataFrame) -> pd.Series:
    energy = _facility(frame) != ""
    return pd.Series(
        "not an energy-infrastructure event: no energy keyword in columns "
        "'sub_event_type' or 'notes' (sub_event_type: " + frame["sub_event_type"] + ")",
        index=frame.index,
    ).where(~energy)


ADAPTER = Adapter(
    name="acled",
    signature=frozenset({"event_id_cnty", "event_date", "actor1", "sub_event_type", "notes"}),
    fields={
        "id": "event_id_cnty",
        "settlement": "location",
        "latitude": "latitude",
        "longitude": "longitude",
        "effects": "notes",
        "source_outlet": "source",
    },
    derived={
        # ACLED names the oblast "Kyiv" and the capital "Kyiv City".
        "admin1": lambda f: f["admin1"].replace({"Kyiv": "Kyiv Oblast", "Kiev": "Kyiv Oblast"}),
        "date": lambda f: parse_dates(f["event_date"]),
        "date_precision": lambda f: f["time_precision"].map(_DATE_PRECISION).fillna("day"),
        "attacker": _side,
        "target_country": column("country"),
        "location_precision": lambda f: f["geo_precision"].map({"3": "region"}).fillna(""),
        "facility_type": _facility,
        "weapon": lambda f: weapon(text(f, "sub_event_type", "notes")),
        "confidence": lambda f: pd.Series("claimed", index=f.index),
        "notes": lambda f: (
            "ACLED "
            + f["event_type"]
            + " / "
            + f["sub_event_type"]
            + "; actors: "
            + f["actor1"]
            + " vs "
            + f["actor2"]
        ),
    },
    refusals=_refuse,
    uses=frozenset(
        (
            "event_id_cnty",
            "event_date",
            "time_precision",
            "event_type",
            "sub_event_type",
            "actor1",
            "assoc_actor_1",
            "actor2",
            "country",
            "admin1",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "notes",
        )
    ),
    origins={
        "admin1": "admin1",
        "date": "event_date",
        "date_precision": "time_precision",
        "target_country": "country",
    },
)
