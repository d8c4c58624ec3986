from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.core.incidents.schema import validate


def raw(**overrides: list[str]) -> pd.DataFrame:
    row = {
        "id": ["A1"],
        "date": ["2025-11-09"],
        "attacker": ["Ukraine"],
        "target_country": ["Russia"],
        "settlement": ["Voronezh"],
        "facility_type": ["thermal_power_plant"],
        "weapon": ["drone"],
        "source_url": ["https://example.org/a"],
    }
    row.update(overrides)
    return pd.DataFrame(row)


def test_a_good_row_is_typed_and_normalised() -> None:
    result = validate(raw(affected_count=["20,000"], affected_unit=["абонентів"]))
    assert result.rejected.empty
    row = result.accepted.iloc[0]
    assert (row.attacker, row.target_country, row.confidence) == ("ukraine", "RU", "claimed")
    assert row.date == pd.Timestamp("2025-11-09")
    assert (row.affected_count, row.affected_unit) == (20_000, "customers")
    assert row.date_precision == "day"


def test_facility_names_are_coded_once_per_distinct_cleaned_name() -> None:
    """A million records name a few thousand sites: the column is a category, and two
    spellings that clean alike ("Ryazan refinery " and "Ryazan refinery") are one."""
    names = ["Ryazan refinery ", "Ryazan refinery", " Kirishi refinery", ""]
    rows = pd.concat([raw(facility_name=[n], id=[f"R{i}"]) for i, n in enumerate(names)])
    accepted = validate(rows).accepted
    assert isinstance(accepted["facility_name"].dtype, pd.CategoricalDtype)
    assert accepted["facility_name"].astype(str).tolist() == [
        "Ryazan refinery",
        "Ryazan refinery",
        "Kirishi refinery",
        "",
    ]
    assert sorted(accepted["facility_name"].cat.categories) == [
        "",
        "Kirishi refinery",
        "Ryazan refinery",
    ]


@pytest.mark.parametrize(
    ("written", "unit"),
    [
        ("Homes", "households"),
        ("families", "households"),
        ("домогосподарств", "households"),
        ("subscribers", "customers"),
        ("споживачів", "customers"),
        ("мешканців", "residents"),
        ("person", "people"),
        ("осіб", "people"),
    ],
)
def test_units_are_read_as_reports_write_them(written: str, unit: str) -> None:
    """One vocabulary of unit words (``vocab.AFFECTED_UNIT_WORDS``) for files and articles."""
    result = validate(raw(affected_count=["5"], affected_unit=[written]))
    assert result.rejected.empty
    assert result.accepted["affected_unit"].iat[0] == unit


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("date", "2025-13-01", "column 'date': value '2025-13-01' is not a date"),
        ("date", "2019-01-01", "outside the war"),
        ("date", "2999-01-01", "outside the war"),
        ("attacker", "Mars", "column 'attacker': value 'Mars' is not a side"),
        ("facility_type", "castle", "column 'facility_type': value 'castle' is not one of"),
        ("weapon", "catapult", "column 'weapon': value 'catapult'"),
        ("confidence", "maybe", "column 'confidence': value 'maybe'"),
        ("affected_count", "many", "column 'affected_count': value 'many'"),
        ("affected_count", "500", "column 'affected_count': value '500' has no unit"),
        ("affected_unit", "souls", "column 'affected_unit': value 'souls' is not one of"),
        ("affected_unit", "households", "value 'households' is given without an"),
        ("source_url", "javascript:alert(1)", "column 'source_url': value 'javascript:alert(1)'"),
        ("target_country", "Narnia", "column 'target_country': value 'Narnia'"),
    ],
)
def test_bad_values_are_rejected_naming_column_and_value(
    column: str, value: str, message: str
) -> None:
    result = validate(raw(**{column: [value]}))
    assert result.accepted.empty
    assert message in result.rejected["reason"].iat[0]
    assert result.rejected["row"].iat[0] == 2
    assert result.rejected[column].iat[0] == value  # the original value is kept


def test_every_row_is_accepted_or_rejected_and_errors_accumulate() -> None:
    frame = pd.concat([raw(), raw(id=["A2"], date=["bad"], weapon=["sling"]), raw(id=["A1"])])
    result = validate(frame)
    assert len(result.accepted) + len(result.rejected) == 3
    reasons = dict(zip(result.rejected["row"], result.rejected["reason"], strict=True))
    assert "column 'date'" in reasons[3] and "column 'weapon'" in reasons[3]
    assert "repeats an earlier row" in reasons[4]


def test_month_dates_and_blank_ids() -> None:
    result = validate(raw(id=[""], date=["2024-03"]))
    row = result.accepted.iloc[0]
    assert (row.id, row.date_precision, row.date) == ("row-2", "month", pd.Timestamp("2024-03-01"))


def test_missing_required_column_is_an_error() -> None:
    with pytest.raises(ValueError, match="no column 'facility_type'"):
        validate(raw().drop(columns="facility_type"))


def test_a_row_needs_a_source() -> None:
    result = validate(raw(source_url=[""]))
    assert "no source given" in result.rejected["reason"].iat[0]


def test_a_month_date_counts_if_any_of_its_days_is_in_the_war() -> None:
    result = validate(raw(date=["2022-02"]))
    assert result.rejected.empty
    assert result.accepted["date_precision"].iat[0] == "month"
    assert "outside the war" in validate(raw(date=["2022-01"])).rejected["reason"].iat[0]


#: Cell values per column, clean and messy: every rejection reason, alias and blank.
MESSY = {
    "date": [
        "2025-11-09",
        " 2024-03 ",
        "2022-02",
        "2022-01",
        "2025-13-01",
        "bad",
        "2999-01-01",
        "",
    ],
    "date_precision": ["", "day", " Month ", "week", "yearly"],
    "attacker": ["Ukraine", "ru", "", "Mars", "україна", None],
    "target_country": ["", "Russia", "UKR", "Narnia"],
    "settlement": ["Voronezh", "", " Kharkiv "],
    "latitude": ["", "50.1", "91", "abc", " 48.5 ", "-0.0"],
    "longitude": ["", "36.2", "181", "x", "0"],
    "location_precision": ["", "region", "town", "Settlement"],
    "facility_type": ["chp", " CHP ", "castle", ""],
    "weapon": ["", "drone", "catapult"],
    "affected_count": ["", "20,000", "many", "1.5", "-3", "7"],
    "affected_unit": ["", "абонентів", "souls", "households"],
    "wave_id": ["", "W-1", "w" * 70],
    "confidence": ["", "maybe", "Confirmed"],
    "source_url": [
        "https://example.org/a",
        "",
        "javascript:alert(1)",
        "https://a.example/x ; https://b.example/y",
        " https://a.example/z ",
    ],
    "source_outlet": ["", "Reuters"],
    "notes": ["", " a note "],
}
messy_row = st.fixed_dictionaries({c: st.sampled_from(v) for c, v in MESSY.items()})


@settings(max_examples=40, deadline=None)
@given(st.lists(messy_row, min_size=1, max_size=12), st.booleans())
def test_a_file_is_validated_as_its_rows_are_one_by_one(rows: list[dict], blank_ids: bool) -> None:
    """Checks run once per distinct value and are spread back by code: the outcome is
    what validating each row on its own gives (same messages, types and values)."""
    frame = pd.DataFrame(rows)
    frame.insert(0, "id", ["" if blank_ids and i % 2 else f"r{i}" for i in range(len(frame))])
    lines = np.arange(len(frame)) * 3 + 7
    whole = validate(frame, row_numbers=lines)
    alone = [validate(frame.iloc[[i]], row_numbers=lines[[i]]) for i in range(len(frame))]
    for part in ("accepted", "rejected"):
        got = getattr(whole, part)
        pieces = [getattr(one, part) for one in alone if len(getattr(one, part))]
        if not pieces:
            assert got.empty
            continue
        want = pd.concat(pieces, ignore_index=True)
        pd.testing.assert_frame_equal(got, want, check_exact=True)


def test_every_rejection_reason_names_column_and_value() -> None:
    frame = pd.concat(
        [
            raw(id=["D"]),
            raw(id=["D"]),
            raw(id=["P"], date_precision=["yearly"]),
            raw(id=["L"], latitude=["91"], longitude=["x"]),
            raw(id=["H"], latitude=["50"]),
            raw(id=["W"], wave_id=["w" * 70]),
            raw(id=["N"], source_url=[""]),
            raw(id=["U"], source_url=["https://a.example/x ; ftp://b"]),
        ]
    )
    reasons = dict(zip(*validate(frame).rejected[["id", "reason"]].T.to_numpy(), strict=True))
    assert reasons["D"] == "column 'id': value 'D' repeats an earlier row"
    assert "column 'date_precision': value 'yearly' is not one of day" in reasons["P"]
    assert reasons["L"] == (
        "column 'latitude': value '91' is not a number from -90 to 90; "
        "column 'longitude': value 'x' is not a number from -180 to 180"
    )
    assert reasons["H"] == "columns 'latitude'/'longitude': only one of the two is given"
    assert reasons["W"].startswith("column 'wave_id': value 'wwww")
    assert reasons["N"] == "columns 'source_url'/'source_outlet': no source given"
    assert reasons["U"] == (
        "column 'source_url': value 'https://a.example/x ; ftp://b' is not a list of http(s) links"
    )
