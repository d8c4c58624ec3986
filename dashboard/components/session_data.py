"""Incidents the user brought in this session (uploads, extracted articles).

They live in ``st.session_state`` only: never written to the bundled dataset,
never seen by another session.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.core.dataset import with_region_names
from dashboard.core.join.place import Geography

_KEY = "_user_datasets"


def datasets() -> dict[str, pd.DataFrame]:
    """Name -> accepted incidents, in the order they were added."""
    return st.session_state.setdefault(_KEY, {})


def add(name: str, incidents: pd.DataFrame, geo: Geography) -> None:
    frame = with_region_names(incidents, geo)
    frame["origin"] = name
    datasets()[name] = frame


def remove(name: str) -> None:
    datasets().pop(name, None)


def combined(bundled: pd.DataFrame) -> pd.DataFrame:
    """The bundled incidents plus this session's own, marked by ``origin``."""
    own = list(datasets().values())
    if not own:
        return bundled
    frame = pd.concat([bundled, *own], ignore_index=True)
    for column in ("attacker", "facility_type", "weapon", "confidence"):
        frame[column] = pd.Categorical(
            frame[column].astype(str), categories=bundled[column].cat.categories
        )
    return frame
