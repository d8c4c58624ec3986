"""Per-distinct helpers: codes that tell exactly the input's values apart."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.distinct import Distinct, combined_codes, join_groups


def test_combined_codes_tell_every_combination_apart() -> None:
    first = pd.Series(["a", "a", "b", "b", "a", None, None], dtype="str")
    second = np.array([0.0, -0.0, 0.0, 0.0, 0.0, np.nan, np.nan])
    codes = combined_codes(first, second)
    # -0.0 and 0.0 are two values of the input (they print differently); NaN is one value.
    assert len(set(codes)) == 4
    assert codes[0] == codes[4] and codes[2] == codes[3] and codes[5] == codes[6]
    assert codes[0] != codes[1]


def test_distinct_spreads_answers_back_over_the_rows() -> None:
    column = pd.Series(["x", "y", "x", None], dtype="str")
    distinct = Distinct.of(column)
    assert distinct.values.tolist()[:2] == ["x", "y"] and distinct.values.isna().iat[2]
    assert distinct.spread(distinct.values.str.len().fillna(0)).tolist() == [1, 1, 1, 0]


def test_join_groups_joins_each_groups_values_in_their_order() -> None:
    values = pd.Series(["b", "a", "c", "", "d"], dtype=object)
    groups = pd.Series([7, 3, 7, 3, 9])
    joined = join_groups(values, groups, "|")
    assert joined.to_dict() == {3: "a|", 7: "b|c", 9: "d"}
    assert join_groups(values.iloc[:0], groups.iloc[:0], "|").empty
