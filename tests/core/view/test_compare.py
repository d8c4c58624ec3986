"""Two-period comparison against a hand count on a small fixture."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from dashboard.core.view.compare import compare, difference_colours, periods
from dashboard.core.view.state import ViewState
from dashboard.core.vocab import DIVERGING_COLOURS

STATE = ViewState(
    a_from=date(2024, 10, 1),
    a_to=date(2024, 12, 31),
    b_from=date(2025, 10, 1),
    b_to=date(2025, 12, 31),
)


def incidents() -> pd.DataFrame:
    """A: 2 by Russia (UA-63 substation, UA-63 CHP), 1 by Ukraine (RU-BEL refinery).
    B: 3 by Ukraine (RU-BEL refinery x2, RU-KDA refinery), 1 by Russia (UA-63 substation).
    Outside both periods: 1 (ignored)."""
    rows = [
        ("2024-10-05", "russia", "UA-63", "substation"),
        ("2024-12-31", "russia", "UA-63", "chp"),
        ("2024-11-01", "ukraine", "RU-BEL", "refinery"),
        ("2025-10-01", "ukraine", "RU-BEL", "refinery"),
        ("2025-11-11", "ukraine", "RU-BEL", "refinery"),
        ("2025-12-01", "ukraine", "RU-KDA", "refinery"),
        ("2025-12-30", "russia", "UA-63", "substation"),
        ("2025-06-01", "russia", "UA-63", "substation"),
    ]
    frame = pd.DataFrame(rows, columns=["date", "attacker", "admin1_iso", "facility_type"])
    frame["date"] = pd.to_datetime(frame["date"])
    for column in ("target_country", "weapon", "confidence"):
        frame[column] = ""
    return frame


NAMES = {"UA-63": "Kharkiv Oblast", "RU-BEL": "Belgorod Oblast", "RU-KDA": "Krasnodar Krai"}


def test_counts_and_changes_match_the_hand_count() -> None:
    result = compare(incidents(), STATE, NAMES)
    assert result.totals == (3, 4)
    side = result.by_side.loc[:, ["a", "b", "change"]].to_dict("index")
    assert side == {
        "ukraine": {"a": 1, "b": 3, "change": 2},
        "russia": {"a": 2, "b": 1, "change": -1},
    }
    assert result.by_side.loc["ukraine", "change_pct"] == 200.0
    assert result.by_side.loc["russia", "change_pct"] == -50.0
    kinds = result.by_type[["a", "b"]].to_dict("index")
    assert kinds == {
        "refinery": {"a": 1, "b": 3},
        "substation": {"a": 1, "b": 1},
        "chp": {"a": 1, "b": 0},
    }
    regions = result.by_region
    assert regions.loc["RU-KDA", ["a", "b", "change"]].tolist() == [0, 1, 1]
    assert np.isnan(regions.loc["RU-KDA", "change_pct"])  # from nothing: no percentage
    assert regions.loc["UA-63", "region"] == "Kharkiv Oblast"
    assert regions.loc["UA-63", ["a", "b"]].tolist() == [2, 1]


def test_the_other_filters_apply_to_both_periods() -> None:
    result = compare(incidents(), STATE.with_(sides=("russia",)), NAMES)
    assert result.totals == (2, 1)
    assert list(result.by_side.index) == ["russia"]


def test_a_missing_date_means_no_comparison() -> None:
    assert periods(STATE.with_(b_to=None)) is None
    assert compare(incidents(), STATE.with_(a_from=None), NAMES) is None


def test_difference_colours_diverge_around_no_change() -> None:
    change = pd.Series([-25, -3, 0, 4, 12, 40], index=list("abcdef"))
    colours, classes = difference_colours(change)
    assert colours.tolist() == [
        DIVERGING_COLOURS[0],
        DIVERGING_COLOURS[2],
        DIVERGING_COLOURS[3],
        DIVERGING_COLOURS[4],
        DIVERGING_COLOURS[5],
        DIVERGING_COLOURS[6],
    ]
    assert [c.label for c in classes] == [
        "down 20 or more",
        "down 10 to 19",
        "down 1 to 9",
        "no change",
        "up 1 to 9",
        "up 10 to 19",
        "up 20 or more",
    ]
