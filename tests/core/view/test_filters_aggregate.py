from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from dashboard.core.view import aggregate, filters
from dashboard.core.view.state import ViewState


def incidents() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "date": pd.to_datetime(["2024-01-01", "2024-01-03", "2024-01-10", "2025-05-05"]),
            "attacker": pd.Categorical(["ukraine", "russia", "russia", "ukraine"]),
            "target_country": ["RU", "UA", "UA", "RU"],
            "admin1_iso": ["RU-BEL", "UA-63", "UA-63", "RU-KDA"],
            "facility_type": ["refinery", "chp", "substation", "refinery"],
            "weapon": ["drone", "missile", "drone", "drone"],
            "confidence": ["confirmed", "confirmed", "claimed", "disputed"],
            "affected_count": pd.array([None, 1000, 500, 300], dtype="Int64"),
            "affected_unit": pd.Categorical(["", "households", "households", "customers"]),
        }
    )


def ids(state: ViewState) -> list[str]:
    return filters.apply(incidents(), state)["id"].tolist()


def test_each_filter_narrows_the_rows() -> None:
    assert ids(ViewState()) == ["a", "b", "c", "d"]
    assert ids(ViewState(sides=("ukraine",))) == ["a", "d"]
    assert ids(ViewState(date_from=date(2024, 1, 3), date_to=date(2024, 1, 10))) == ["b", "c"]
    assert ids(ViewState(regions=("UA-63", "RU-KDA"))) == ["b", "c", "d"]
    assert ids(ViewState(countries=("UA",))) == ["b", "c"]
    assert ids(ViewState(facilities=("refinery",), weapons=("drone",))) == ["a", "d"]
    assert ids(ViewState(confidence=("claimed", "disputed"))) == ["c", "d"]
    assert ids(ViewState(sides=("russia",), regions=("RU-BEL",))) == []


def test_map_fields_do_not_filter() -> None:
    assert ids(ViewState(lat=1.0, lon=2.0, zoom=9, basemap="osm", layers=())) == [
        "a",
        "b",
        "c",
        "d",
    ]


def test_summary_per_region_and_per_week() -> None:
    frame = incidents()
    numbers = aggregate.summary(frame)
    assert (numbers.incidents, numbers.by_side) == (4, {"ukraine": 2, "russia": 2})
    # Like with like: households and customers are summed apart, never together.
    assert (numbers.affected, numbers.regions) == ({"households": 1500, "customers": 300}, 3)
    regions = aggregate.per_region(frame)
    assert regions.loc["UA-63", ["count", "households", "customers"]].tolist() == [2, 1500, 0]
    assert regions.loc["RU-KDA", ["count", "households", "customers"]].tolist() == [1, 0, 300]
    assert regions.loc["RU-BEL"].sum() == 1
    weekly = aggregate.per_week(frame)
    assert weekly.loc[pd.Timestamp("2024-01-01")].tolist() == [1, 1]
    assert weekly.loc[pd.Timestamp("2024-01-08")].tolist() == [0, 1]
    assert weekly.sum().tolist() == [2, 2]  # empty weeks are zero, not dropped
    assert np.all(np.diff(weekly.index.values).astype("timedelta64[D]").astype(int) == 7)
    assert aggregate.per_week(frame.iloc[:0]).empty
