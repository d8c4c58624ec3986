"""ACLED, UCDP and GeoJSON files through the one pipeline; hostile files fail cleanly."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from dashboard.core.incidents.dedupe import merge_duplicates
from dashboard.core.incidents.sources import adapt, native
from dashboard.core.incidents.sources.energy import decide_side, facility_type, side_scores, weapon
from dashboard.core.incidents.tables import TableError
from dashboard.core.ingest import detect_format, ingest_bytes
from dashboard.core.join.place import Geography

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def ingest(name: str, geo: Geography, **kwargs):
    return ingest_bytes((FIXTURES / name).read_bytes(), geo, **kwargs)


def test_acled_export_maps_onto_the_schema(geo: Geography) -> None:
    result = ingest("acled_2024.csv", geo)
    assert result.source_format == "acled"
    accepted = result.accepted.set_index("id")
    kharkiv = accepted.loc["UKR100001"]
    assert (kharkiv.attacker, kharkiv.admin1_iso, kharkiv.facility_type) == (
        "russia",
        "UA-63",
        "chp",
    )
    assert kharkiv.weapon == "drone_and_missile"
    ryazan = accepted.loc["RUS200002"]
    assert (ryazan.attacker, ryazan.facility_type, f"{ryazan.date:%Y-%m-%d}") == (
        "ukraine",
        "refinery",
        "2024-03-13",
    )
    # ACLED's "Kyiv" is the oblast: Vyshhorod is in UA-32, not in the city.
    assert accepted.loc["UKR100006", "admin1_iso"] == "UA-32"


def test_acled_rows_are_merged_or_rejected_with_reasons(geo: Geography) -> None:
    result = ingest("acled_2024.csv", geo)
    assert result.counts == {"input": 6, "accepted": 3, "rejected": 2, "merged": 1}
    merged = result.accepted.set_index("id").loc["UKR100001"]
    assert merged.merged_ids == "UKR100004"
    assert merged.source_outlet == "Ukrainska Pravda | Kyiv Independent"
    reasons = dict(zip(result.rejected["event_id_cnty"], result.rejected["reason"], strict=True))
    assert "not an energy-infrastructure event" in reasons["UKR100003"]
    assert "column 'event_date': value '32 March 2024'" in reasons["UKR100005"]
    # Rejected rows keep every original ACLED column.
    assert result.rejected.set_index("event_id_cnty").loc["UKR100003", "location"] == "Avdiivka"


def test_acled_files_from_before_2023_are_read_too(geo: Geography) -> None:
    result = ingest("acled_2022_old_layout.csv", geo)
    assert result.source_format == "acled" and result.rejected.empty
    accepted = result.accepted.set_index("id")
    assert accepted.loc["RUS90002", ["attacker", "facility_type"]].tolist() == [
        "ukraine",
        "oil_depot",
    ]
    assert f"{accepted.loc['UKR90001', 'date']:%Y-%m-%d}" == "2022-10-10"


def test_ucdp_ged_maps_onto_the_schema(geo: Geography) -> None:
    result = ingest("ucdp_ged.csv", geo)
    assert result.source_format == "ucdp"
    accepted = result.accepted.set_index("id")
    assert accepted.loc["500001", ["attacker", "admin1_iso", "facility_type"]].tolist() == [
        "russia",
        "UA-32",
        "thermal_power_plant",
    ]
    assert accepted.loc["500002", ["attacker", "admin1_iso"]].tolist() == ["ukraine", "RU-BRY"]
    assert accepted.loc["500004", ["location_precision", "admin1_iso"]].tolist() == [
        "region",
        "UA-23",
    ]
    reasons = dict(zip(result.rejected["id"], result.rejected["reason"], strict=True))
    assert "not an energy-infrastructure event" in reasons["500003"]
    assert "column 'where_prec': value '6'" in reasons["500005"]


def test_geojson_features_become_incidents(geo: Geography) -> None:
    result = ingest("incidents.geojson", geo)
    accepted = result.accepted.set_index("id")
    assert accepted.loc["G1", "admin1_iso"] == "RU-VOR"
    assert accepted.loc["G1", "source_url"] == "https://example.org/g1 | https://example.org/g1b"
    assert accepted.loc["G2", "location_precision"] == "region"
    # A v1 night-wide interception figure is kept in the notes, never summed.
    assert "interception claim reported with the attack: 43" in accepted.loc["G2", "notes"]
    reasons = dict(zip(result.rejected["row"], result.rejected["reason"], strict=True))
    assert reasons == {3: "geometry is not a Point", 4: reasons[4]}
    assert "column 'date': value 'tomorrow'" in reasons[4]


def test_text_with_html_and_formulas_is_kept_as_text(geo: Geography) -> None:
    accepted = ingest("acled_2024.csv", geo).accepted.set_index("id")
    assert accepted.loc["UKR100006", "effects"].startswith('=HYPERLINK("http://evil")')
    geojson = ingest("incidents.geojson", geo).accepted.set_index("id")
    assert geojson.loc["G1", "notes"] == "<img src=x onerror=alert(1)>"


def test_format_is_detected_and_can_be_forced(geo: Geography) -> None:
    assert (
        detect_format({"event_id_cnty", "event_date", "actor1", "sub_event_type", "notes"})
        == "acled"
    )
    assert (
        detect_format({"relid", "side_a", "side_b", "where_prec", "date_prec", "date_start"})
        == "ucdp"
    )
    assert detect_format({"date", "facility_type"}) == "native"
    with pytest.raises(TableError, match="a ucdp file needs the column"):
        ingest("acled_2024.csv", geo, fmt="ucdp")
    with pytest.raises(TableError, match="not one of"):
        ingest("acled_2024.csv", geo, fmt="excel")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"event_id_cnty,event_date,actor1,sub_event_type,notes\n", None),  # header only
        (b'{"type": "Feature"}', "FeatureCollection"),
        (b'{"type": "FeatureCollection", "features": [', "not valid JSON"),
    ],
)
def test_hostile_small_files(geo: Geography, data: bytes, message: str | None) -> None:
    if message is None:
        result = ingest_bytes(data, geo)
        assert result.counts == {"input": 0, "accepted": 0, "rejected": 0, "merged": 0}
    else:
        with pytest.raises(TableError, match=message):
            ingest_bytes(data, geo)


def test_fifty_megabytes_of_junk_is_refused_quickly(geo: Geography) -> None:
    junk = os.urandom(1024) * (50 * 1024 + 1)
    with pytest.raises(TableError, match=r"limit is 50 MB|binary"):
        ingest_bytes(junk, geo)
    text_junk = b"x" * (50 * 1024 * 1024 + 10)
    with pytest.raises(TableError, match="limit is 50 MB"):
        ingest_bytes(text_junk, geo)


def test_keyword_rules() -> None:
    texts = pd.Series(
        [
            "Shahed drones and Kh-101 missiles hit the TPP",
            "fire at the oil depot after a UAV attack",
            "shelling damaged a substation",
            "clashes near the front",
        ]
    )
    assert facility_type(texts).tolist() == ["thermal_power_plant", "oil_depot", "substation", ""]
    assert weapon(texts).tolist() == ["drone_and_missile", "drone", "artillery", "unknown"]
    sides = decide_side(
        side_scores(pd.Series(["Military Forces of Russia (2000-)", "", ""])),
        side_scores(pd.Series(["", "Ukrainian drones struck", ""])),
        pd.Series(["Ukraine", "Russia", "Belarus"]),
    )
    assert sides.tolist() == ["russia", "ukraine", "unknown"]


def test_merge_keeps_every_source_and_only_merges_same_day_place_facility() -> None:
    base = {
        "date": pd.Timestamp("2024-03-22"),
        "date_precision": "day",
        "settlement": "Kharkiv",
        "admin1_iso": "UA-63",
        "facility_type": "chp",
        "effects": "",
        "notes": "",
        "facility_name": "Kharkiv CHP-5",
        "affected_count": pd.NA,
        "affected_unit": "",
        "wave_id": "",
    }

    def row(name: str, **changes: object) -> dict:
        source = {"source_url": f"https://{name}", "source_outlet": name.upper()}
        return {**base, "id": name, "place_name": "Kharkiv", **source, **changes}

    rows = pd.DataFrame(
        [
            row("a"),
            row(
                "b",
                effects="longer effects text",
                affected_count=500,
                affected_unit="customers",
                facility_name="KHARKIV CHP 5",
                wave_id="W-2024-03-22-RU",
            ),
            row("c", facility_type="substation"),
            row("d", date_precision="month"),
            row("e", date_precision="month"),
            row("f", facility_name="Kharkiv TPP-2"),  # another plant hit that night
        ]
    )
    merged = merge_duplicates(rows)
    assert merged.merged == 1
    first = merged.incidents.set_index("id").loc["a"]
    assert first.source_url == "https://a | https://b" and first.source_outlet == "A | B"
    assert first.effects == "longer effects text"
    assert (first.affected_count, first.affected_unit) == (500, "customers")
    assert first.wave_id == "W-2024-03-22-RU"
    assert first.merged_ids == "b" and "merged reports: b" in first.notes
    assert set(merged.incidents["id"]) == {"a", "c", "d", "e", "f"}


def test_a_v1_files_interception_claims_join_the_notes() -> None:
    raw = pd.DataFrame(
        {
            "row": [2, 3, 4],
            "date": ["2024-01-01"] * 3,
            "facility_type": ["chp"] * 3,
            "notes": ["governor", "", "governor"],
            "claimed_intercepted": ["44", "12", ""],
        }
    )
    notes = adapt(raw, native.ADAPTER).native["notes"].tolist()
    said = "interception claim reported with the attack: "
    assert notes == [f"governor; {said}44", f"{said}12", "governor"]
    # A file without claims keeps its notes as they are.
    assert adapt(raw.drop(columns="claimed_intercepted"), native.ADAPTER).native[
        "notes"
    ].tolist() == ["governor", "", "governor"]
