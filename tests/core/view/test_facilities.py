"""Per-facility strike history and capacity totals, checked against hand counts."""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core.geo.facilities import COLUMNS, Catalogue
from dashboard.core.view.facilities import capacity_figures, facility_table, name_coverage


def catalogue() -> Catalogue:
    sites = [
        ("ref-1", "refinery", "refining", "RU", 10.0, "Mt/yr"),
        ("ref-2", "refinery", "refining", "RU", 6.0, "Mt/yr"),
        ("ref-3", "refinery", "refining", "RU", 4.0, "Mt/yr"),
        ("ref-4", "refinery", "refining", "RU", np.nan, ""),
        ("tpp-1", "thermal_power_plant", "power", "UA", 1800.0, "MW"),
        ("tpp-2", "thermal_power_plant", "power", "UA", 700.0, "MW"),
    ]
    rows = [
        {c: "" for c in COLUMNS}
        | {
            "facility_id": i,
            "name_en": i.upper(),
            "facility_type": t,
            "family": f,
            "country": c,
            "capacity": cap,
            "capacity_unit": u,
            "capacity_alt": np.nan,
            "latitude": np.nan,
            "longitude": np.nan,
        }
        for i, t, f, c, cap, u in sites
    ]
    return Catalogue.from_frame(pd.DataFrame(rows, columns=list(COLUMNS)))


def named_catalogue() -> Catalogue:
    """ref-1 with both names, ref-4 with a Russian name only, tpp-1 with one name in both."""
    frame = catalogue().frame.set_index("facility_id")
    frame.loc["ref-1", ["name_uk", "name_ru"]] = ["Рязанський НПЗ", "Рязанский НПЗ"]
    frame.loc["ref-4", "name_ru"] = "Яйский НПЗ"
    frame.loc["tpp-1", ["name_uk", "name_ru"]] = ["ГРЕС-1", "ГРЕС-1"]
    return Catalogue.from_frame(frame.reset_index())


def strikes() -> pd.DataFrame:
    """ref-1 struck three times (days 0, 10, 30), ref-4 once, tpp-1 twice, one unlinked."""
    return pd.DataFrame(
        {
            "facility_id": ["ref-1", "ref-1", "ref-1", "ref-4", "tpp-1", "tpp-1", ""],
            "date": pd.to_datetime(
                [
                    "2025-01-01",
                    "2025-01-11",
                    "2025-01-31",
                    "2025-02-01",
                    "2025-03-01",
                    "2025-03-01",
                    "2025-03-02",
                ]
            ),
            "source_url": ["a", "b", "https://c | https://d", "e", "f", "g", "h"],
        }
    )


def test_capacity_totals_reproduce_the_hand_calculation() -> None:
    refining, ukraine_power, russia_power = capacity_figures(strikes(), catalogue())
    # Refineries: ref-1 (10) struck; ref-4 struck but without capacity; total 10+6+4 = 20.
    assert (refining.struck, refining.total, refining.unit) == (10.0, 20.0, "Mt/yr")
    assert (refining.sites_struck, refining.sites_without_capacity) == (2, 1)
    assert refining.share == 0.5
    assert "10.0 Mt/yr (50% of the catalogue's 20.0 Mt/yr)" in refining.sentence()
    # Ukrainian plants: tpp-1 (1,800 MW, struck twice, counted once) of 2,500 MW.
    assert (ukraine_power.struck, ukraine_power.total, ukraine_power.unit) == (1.8, 2.5, "GW")
    assert russia_power.struck == 0.0 and russia_power.total == 0.0


def test_the_table_counts_strikes_and_gaps_per_site() -> None:
    table = facility_table(strikes(), catalogue()).set_index("facility_id")
    assert table.loc["ref-1", "strikes"] == 3
    assert table.loc["ref-1", "median_days_between"] == 15.0  # gaps of 10 and 20 days
    assert table.loc["ref-1", "latest_source"] == "https://c"
    assert table.loc["tpp-1", "strikes"] == 2
    assert np.isnan(table.loc["tpp-1", "median_days_between"])  # one day only: no gap
    assert table.index.tolist()[0] == "ref-1"  # most struck first
    assert "ref-2" not in table.index  # never struck


def test_the_table_gives_each_site_its_ukrainian_and_russian_names() -> None:
    table = facility_table(strikes(), named_catalogue()).set_index("facility_id")
    assert table.loc["ref-1", "local_names"] == "Рязанський НПЗ / Рязанский НПЗ"
    assert table.loc["ref-4", "local_names"] == "Яйский НПЗ"
    assert table.loc["tpp-1", "local_names"] == "ГРЕС-1"  # the same name is not repeated
    plain = facility_table(strikes(), catalogue()).set_index("facility_id")
    assert (plain["local_names"] == "").all()  # no source, no name: never made up


def test_name_coverage_counts_the_names_and_lists_the_sites_without() -> None:
    coverage = name_coverage(named_catalogue())
    assert (coverage.sites, coverage.russian, coverage.ukrainian) == (6, 3, 2)
    # Neither name: ref-2, ref-3, tpp-2; by type (one unit each), largest first.
    assert coverage.unnamed["facility_id"].tolist() == ["ref-2", "ref-3", "tpp-2"]
