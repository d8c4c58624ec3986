"""Per-distinct helpers: codes that tell exactly the input's values apart."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.distinct import Distinct, combined_codes, distinct_rows, join_groups


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


def test_distinct_rows_codes_each_combination_once_in_order_of_appearance() -> None:
    lat = np.array([50.0, 50.0, 51.0, 50.0, np.nan, np.nan, -0.0, 0.0])
    family = np.array([1, 1, 1, 2, 1, 1, 1, 1], dtype=np.int8)
    codes, first = distinct_rows(lat, family)
    assert codes.tolist() == [0, 0, 1, 2, 3, 3, 4, 5]  # -0.0 and 0.0 are two inputs
    assert first.tolist() == [0, 2, 3, 4, 6, 7]
    empty = distinct_rows(np.zeros(0), np.zeros(0, dtype=np.int8))
    assert [len(part) for part in empty] == [0, 0]


def test_distinct_rows_never_merges_rows_whose_mixed_numbers_collide(monkeypatch) -> None:
    from dashboard.core import distinct

    monkeypatch.setattr(distinct, "_MIX", np.uint64(0))  # every row mixes to 0
    codes, first = distinct_rows(np.array([1.0, 2.0, 1.0]), np.array([3, 3, 4]))
    assert codes.tolist() == [0, 1, 2] and first.tolist() == [0, 1, 2]
