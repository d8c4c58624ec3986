"""Popups and tooltips: plain values, sources as labelled http(s) links."""

from __future__ import annotations

import json

from dashboard.core.dataset import Dataset
from dashboard.core.maps.popups import (
    POPUP_FIELDS,
    popup_rows,
    popup_store,
    source_pairs,
    tooltip_text,
)


def test_sources_are_labelled_by_outlet_and_only_http_links_are_kept() -> None:
    assert source_pairs("https://a.example/1 | https://b.example/2", "Outlet A | Outlet B") == [
        ["https://a.example/1", "Outlet A"],
        ["https://b.example/2", "Outlet B"],
    ]
    assert source_pairs("javascript:alert(1) | https://ok.example/", "Evil | Good") == [
        ["https://ok.example/", "Good"]
    ]
    assert source_pairs("", "TASS") == []


def test_popup_values_follow_the_fields(bundled: Dataset) -> None:
    incidents = bundled.incidents.set_index("id", drop=False)
    (row,) = popup_rows(incidents.loc[["INC139"]])
    values = dict(zip(POPUP_FIELDS, row, strict=False))
    assert values["Date"] == "2025-11-08"
    assert values["Place"].startswith("Belgorod")
    assert values["Cut off"] == "20,000 households (reported)"
    assert row[9] and all(link.startswith("http") for link, _ in row[9])
    (tip,) = tooltip_text(incidents.loc[["INC139"]])
    assert tip.startswith("2025-11-08 · Belgorod")


def test_weapons_read_as_words_and_outlets_travel_once(bundled: Dataset) -> None:
    incidents = bundled.incidents
    both = incidents[incidents["weapon"] == "drone_and_missile"].head(1)
    (row,) = popup_rows(both)
    assert dict(zip(POPUP_FIELDS, row, strict=False))["Weapon"] == "drone and missile"
    # Outlets label the links; as text they are sent only for a record without a link.
    assert row[9] and row[10] == ""
    (unlinked,) = popup_rows(both.assign(source_url="", source_outlet="TASS"))
    assert unlinked[9] == [] and unlinked[10] == "TASS"


def test_a_district_level_record_names_its_district_and_says_how_precise_it_is(
    bundled: Dataset,
) -> None:
    row = bundled.incidents.head(1).assign(
        settlement="",
        district="Stryi district",
        place_name="Stryiskyi raion",
        location_precision="district",
        admin1_name="Lviv Oblast",
    )
    (values,) = popup_rows(row)
    assert values[1] == "Stryiskyi raion, Lviv Oblast"
    assert values[8] == "district"  # the browser adds "(district-level location)"
    (town,) = popup_rows(row.assign(settlement="Stryi", location_precision="settlement"))
    assert town[1] == "Stryi, Lviv Oblast" and town[8] == ""
    # A village the gazetteer lacks is drawn at its district, and says which.
    (village,) = popup_rows(row.assign(settlement="Koniukhy", place_name="Koniukhy"))
    assert village[1] == "Koniukhy (Stryi district), Lviv Oblast" and village[8] == "district"
    # A village the join placed at its hromada names the hromada it found.
    found = row.assign(
        settlement="Kriachky", district="", place_name="Kriachky (Hlevakhivska hromada)"
    )
    (hromada,) = popup_rows(found.assign(admin1_name="Kyiv Oblast"))
    assert hromada[1] == "Kriachky (Hlevakhivska hromada), Kyiv Oblast"


def test_the_popup_file_holds_every_incidents_popup_by_id(bundled: Dataset) -> None:
    incidents = bundled.incidents.head(50)
    store = json.loads(popup_store(incidents))
    assert list(store) == incidents["id"].tolist()
    assert list(store.values()) == json.loads(json.dumps(popup_rows(incidents)))
