"""Region shading: values per region and colour classes."""

from __future__ import annotations

import pandas as pd

from dashboard.core.dataset import Dataset
from dashboard.core.maps.legend import class_breaks, region_values


def test_choropleth_values_and_legend(bundled: Dataset) -> None:
    values = region_values(bundled.incidents, "count")
    counts = bundled.incidents["admin1_iso"].value_counts()
    assert values["UA-63"][0] == f"{counts['UA-63']:,}"
    assert len(values) == bundled.incidents["admin1_iso"].nunique()
    classes = class_breaks(pd.Series([1, 3, 7, 25]), "count")
    assert [c.label for c in classes] == ["1", "2–4", "5–9", "10–19", "20 or more"]
    assert class_breaks(pd.Series([0]), "count") == []
