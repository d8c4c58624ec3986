"""Corrections of WRI's errors: applied by the catalogue build, each checked, none lost."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def build() -> ModuleType:
    """The build script's module (geodata/ is scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(
        "build_facilities", ROOT / "geodata" / "build_facilities.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sites() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "facility_id": ["a", "b", "c"],
            "country": ["RU", "RU", "RU"],
            "admin1_iso": ["RU-KYA", "RU-IRK", "RU-PNZ"],
            "latitude": [52.97, 56.12, 53.51],
            "longitude": [91.50, 101.60, 45.32],
            "coord_precision": ["site", "site", "site"],
            "capacity": [321.0, 250.0, 27.0],
        }
    )


def corrections(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [(site, field, value, "https://example.org/page", "") for site, field, value in rows],
        columns=["facility_id", "field", "value", "source_url", "note"],
    )


def test_a_region_a_position_and_a_duplicate_are_corrected(build: ModuleType) -> None:
    fixed = build.with_corrections(
        sites(),
        corrections(
            ("a", "admin1_iso", "RU-KK"),
            ("b", "admin1_iso", "UA-43"),
            ("b", "latitude", ""),
            ("b", "longitude", ""),
            ("b", "coord_precision", "none"),
            ("b", "facility_type", "thermal_power_plant"),
            ("c", "duplicate_of", "a"),
        ),
    ).set_index("facility_id")
    assert fixed.loc["b", "facility_type"] == "thermal_power_plant"
    assert list(fixed.index) == ["a", "b"]  # c repeated a: its capacity must not count twice
    assert fixed.loc["a", ["admin1_iso", "country"]].tolist() == ["RU-KK", "RU"]
    assert fixed.loc["b", ["admin1_iso", "country"]].tolist() == ["UA-43", "UA"]
    assert np.isnan(fixed.loc["b", "latitude"]) and fixed.loc["b", "coord_precision"] == "none"
    assert fixed["capacity"].sum() == 321.0 + 250.0


def test_bad_corrections_are_named_with_row_and_value(build: ModuleType) -> None:
    bad = corrections(
        ("zz", "admin1_iso", "RU-KK"),
        ("a", "capacity", "10"),
        ("b", "latitude", "north"),
        ("c", "duplicate_of", "yy"),
        ("a", "facility_type", "windmill"),
    )
    bad.loc[0, "source_url"] = "seen somewhere"
    with pytest.raises(ValueError) as error:
        build.with_corrections(sites(), bad)
    message = str(error.value)
    for expected in (
        "row 2: facility_id 'zz' is not in the catalogue",
        "row 2: source_url 'seen somewhere' is not a page",
        "row 3: field 'capacity' is not one of",
        "row 4: latitude 'north' is not a number",
        "row 5: duplicate_of 'yy' is not in the catalogue",
        "row 6: facility_type 'windmill' is not one of the catalogue's types",
    ):
        assert expected in message


def test_the_built_catalogue_holds_the_checked_corrections() -> None:
    built = gpd.read_parquet(ROOT / "geodata" / "facilities.parquet").set_index("facility_id")
    table = pd.read_csv(ROOT / "data" / "facility-corrections.csv", dtype=str).fillna("")
    for site, field, value in table[["facility_id", "field", "value"]].itertuples(index=False):
        if field == "duplicate_of":
            assert site not in built.index and value in built.index
        elif field in ("latitude", "longitude"):
            assert (
                built.loc[site, field] == pytest.approx(float(value))
                if value
                else np.isnan(built.loc[site, field])
            )
        else:
            assert built.loc[site, field] == value
    # Mainskaya HPP is in Khakassia, not where the coarse polygon put WRI's point.
    assert built.loc["wri-1061673", "admin1_iso"] == "RU-KK"
