"""Large synthetic incident frames for scale tests: the real records, jittered and repeated."""

from __future__ import annotations

import numpy as np
import pandas as pd


def jittered(incidents: pd.DataFrame, n: int, *, seed: int = 3, sigma: float = 0.3) -> pd.DataFrame:
    """``n`` incidents drawn from real ones, moved by ~``sigma`` degrees, with unique ids."""
    rng = np.random.default_rng(seed)
    frame = incidents.iloc[rng.integers(0, len(incidents), n)].reset_index(drop=True)
    frame["latitude"] = frame["latitude"] + rng.normal(0, sigma, n)
    frame["longitude"] = frame["longitude"] + rng.normal(0, sigma, n)
    frame["id"] = [f"S{i}" for i in range(n)]
    return frame
