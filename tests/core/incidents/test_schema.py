from __future__ import annotations

import pandas as pd
import pytest

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
