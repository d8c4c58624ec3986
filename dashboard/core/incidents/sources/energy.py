"""Keyword rules shared by adapters: is an event about energy, which facility, which weapon, who.

Rules are ordered from specific to general; the first that matches wins. They run
as vectorised regular expressions over a text column.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

FACILITY_RULES: tuple[tuple[str, str], ...] = (
    ("nuclear_power_plant_area", r"nuclear power (?:plant|station)|\bnpp\b"),
    ("hydro_power_plant", r"hydro ?(?:electric|power)|\bhpp\b|\bdam\b"),
    ("chp", r"\bchp\b|combined heat|heat and power|\btets\b|\bтэц\b|\bтец\b"),
    ("thermal_power_plant", r"thermal power|\btpp\b|\btes\b|\bgres\b|coal[- ]fired"),
    ("refinery", r"refiner"),
    ("oil_terminal", r"oil terminal|oil port|tanker terminal|sheskharis"),
    ("oil_depot", r"oil depot|fuel depot|oil storage|petroleum depot|tank farm|oil base"),
    ("fuel_storage", r"fuel storage|fuel tank|diesel tank"),
    ("pipeline", r"pipeline|pumping station|druzhba"),
    ("gas_facility", r"gas (?:production|processing|storage|field|facility|plant|compressor)"
     r"|compressor station|gas distribution|\bgpz\b|naftogaz"),
    ("substation", r"substation|transformer"),
    ("transmission_line", r"power lines?\b|transmission line|high[- ]voltage line"),
    ("heating_plant", r"heating plant|boiler house|heat supply|heating system"),
    ("power_plant", r"power (?:plant|station)"),
    ("other_energy", r"energy (?:infrastructure|facilit|object|site)|power (?:grid|supply|outage)"
     r"|electricity|blackout|power facilit"),
)  # fmt: skip

WEAPON_RULES: tuple[tuple[str, str], ...] = (
    ("glide_bomb", r"glide bomb|guided aerial bomb|\bkab\b"),
    ("drone_and_missile", r"(?:drone|uav|shahed).{0,80}missile|missile.{0,80}(?:drone|uav|shahed)"),
    ("drone", r"drone|uav|shahed|geran|loitering"),
    ("missile", r"missile|iskander|kalibr|kh-\d|rocket|himars|atacms|storm shadow|neptune"),
    ("artillery", r"shell(?:ing|ed)|artillery|mortar|mlrs|grad\b"),
)

_SIDE_WORDS = {
    "russia": r"\brussian (?:forces|military|army|drone|missile|strike|attack|shelling|troops|"
    r"occupiers|uav)s?\b|\bmilitary forces of russia\b",
    "ukraine": r"\bukrainian (?:forces|military|army|drone|missile|strike|attack|shelling|troops|"
    r"uav|special services|sbu)s?\b|\bmilitary forces of ukraine\b|\bgur\b|\bsbu\b",
}


def first_match(texts: pd.Series, rules: tuple[tuple[str, str], ...], default: str) -> pd.Series:
    """The label of the first rule whose pattern occurs in each text."""
    result = pd.Series(default, index=texts.index, dtype=object)
    undecided = np.ones(len(texts), dtype=bool)
    for label, pattern in rules:
        hit = texts.str.contains(pattern, flags=re.IGNORECASE, regex=True).to_numpy() & undecided
        result[hit] = label
        undecided &= ~hit
    return result


def facility_type(texts: pd.Series) -> pd.Series:
    """Facility type from free text; empty where nothing energy-related is named."""
    return first_match(texts, FACILITY_RULES, "")


def weapon(texts: pd.Series) -> pd.Series:
    return first_match(texts, WEAPON_RULES, "unknown")


def side_scores(texts: pd.Series) -> pd.DataFrame:
    """How strongly each text names each side as the one acting."""
    return pd.DataFrame(
        {
            side: texts.str.count(pattern, flags=re.IGNORECASE)
            for side, pattern in _SIDE_WORDS.items()
        }
    )


def decide_side(
    actor_scores: pd.DataFrame, note_scores: pd.DataFrame, country: pd.Series
) -> pd.Series:
    """Attacking side from actors (strongest), then notes, then where it happened.

    A strike inside Russia with Russian actors named only as defenders is left to
    the notes; where nothing decides, the answer is ``unknown``.
    """
    total = actor_scores * 3 + note_scores
    location = pd.DataFrame(
        {
            "russia": country.str.lower().str.contains("ukraine").astype(int),
            "ukraine": country.str.lower().str.contains("russia").astype(int),
        }
    )
    total = total + location
    margin = total["russia"] - total["ukraine"]
    return pd.Series(
        np.where(margin > 0, "russia", np.where(margin < 0, "ukraine", "unknown")),
        index=country.index,
    )
