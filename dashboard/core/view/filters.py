"""Apply a view state's filters to an incident frame with vectorised masks."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.view.state import ViewState


def mask(incidents: pd.DataFrame, state: ViewState) -> np.ndarray:
    """Boolean mask of the incidents the state's filters keep."""
    keep = np.ones(len(incidents), dtype=bool)
    if state.date_from is not None:
        keep &= (incidents["date"] >= pd.Timestamp(state.date_from)).to_numpy()
    if state.date_to is not None:
        keep &= (incidents["date"] <= pd.Timestamp(state.date_to)).to_numpy()
    for column, chosen in (
        ("attacker", state.sides),
        ("target_country", state.countries),
        ("admin1_iso", state.regions),
        ("facility_type", state.facilities),
        ("weapon", state.weapons),
        ("confidence", state.confidence),
    ):
        if chosen:
            keep &= incidents[column].isin(chosen).to_numpy()
    return keep


def apply(incidents: pd.DataFrame, state: ViewState) -> pd.DataFrame:
    """The incidents the state's filters keep, in their original order (the frame itself
    when they keep every row: no copy of a large dataset for the unfiltered view)."""
    keep = mask(incidents, state)
    return incidents if keep.all() else incidents.loc[keep]
