"""UCDP GED CSV -> incident schema.

UCDP's side_a / side_b are the dyad, not attacker and target, so the attacking
side comes from the headline and description words and from the location.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.incidents.sources import Adapter, column, text
from dashboard.core.incidents.sources.dates import parse_dates
from dashboard.core.incidents.sources.energy import decide_side, facility_type, side_scores, weapon

# date_prec: 1 exact day, 2 within 2-6 days, 3 week, 4 month, 5 year or more.
_DATE_PRECISION = {"1": "day", "2": "week", "3": "week", "4": "month"}
_TEXT = ("source_headline", "where_description", "source_article")


def _facility(frame: pd.DataFrame) -> pd.Series:
    return facility_type(text(frame, *_TEXT))


def _side(frame: pd.DataFrame) -> pd.Series:
    none = side_scores(pd.Series("", index=frame.index))
    return decide_side(none, side_scores(text(frame, *_TEXT)), frame["country"])


def _refuse(frame: pd.DataFrame) -> pd.Series:
    energy = _facility(frame) != ""
    reason = pd.Series(None, index=frame.index, dtype=object)
    vague_place = frame["where_prec"].isin(["5", "6", "7"])
    reason[vague_place] = (
        "column 'where_prec': value '"
        + frame["where_prec"]
        + "' (country or wider) is too vague to map"
    )
    vague_date = frame["date_prec"].isin(["5"])
    reason[vague_date] = "column 'date_prec': value '5' (a year or more) is too vague to map"
    reason[~energy] = (
        "not an energy-infrastructure event: no energy keyword in columns "
        "'source_headline', 'where_description' or 'source_article'"
    )
    return reason


def _settlement(frame: pd.DataFrame) -> pd.Series:
    """The place before the first comma or bracket of where_coordinates ('Kharkiv town')."""
    place = frame["where_coordinates"] if "where_coordinates" in frame else frame["adm_2"]
    place = place.str.split(r"[,(]", n=1, regex=True).str[0].str.strip()
    place = place.str.replace(r"\s+(town|city|village|settlement)$", "", regex=True)
    precise = frame["where_prec"].isin(["1", "2"])
    return place.where(precise, "")


ADAPTER = Adapter(
    name="ucdp",
    signature=frozenset({"relid", "side_a", "side_b", "where_prec", "date_prec", "date_start"}),
    fields={
        "id": "id",
        "admin1": "adm_1",
        "latitude": "latitude",
        "longitude": "longitude",
        "source_outlet": "source_article",
    },
    derived={
        "date": lambda f: parse_dates(f["date_start"]),
        "date_precision": lambda f: f["date_prec"].map(_DATE_PRECISION).fillna("day"),
        "attacker": _side,
        "target_country": lambda f: f["country"].str.replace(r"\s*\(.*\)$", "", regex=True),
        "settlement": _settlement,
        "location_precision": lambda f: f["where_prec"].map({"4": "region"}).fillna(""),
        "facility_type": _facility,
        "weapon": lambda f: weapon(text(f, *_TEXT)),
        "effects": column("source_headline"),
        "confidence": lambda f: pd.Series("claimed", index=f.index),
        "notes": lambda f: (
            "UCDP GED "
            + f["id"]
            + "; dyad: "
            + f["side_a"]
            + " vs "
            + f["side_b"]
            + "; deaths (best): "
            + f["best"]
        ),
    },
    refusals=_refuse,
    uses=frozenset(
        (
            "id",
            "side_a",
            "side_b",
            "source_article",
            "source_headline",
            "where_prec",
            "where_coordinates",
            "where_description",
            "adm_1",
            "adm_2",
            "latitude",
            "longitude",
            "country",
            "date_prec",
            "date_start",
            "best",
        )
    ),
    origins={
        "date": "date_start",
        "date_precision": "date_prec",
        "target_country": "country",
        "settlement": "where_coordinates",
    },
)
