"""The bundled dataset: schema, sources, dates, placement and coverage."""

from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.core.dataset import INCIDENTS_FILE, WAVES_FILE, Dataset
from dashboard.core.geo.districts import FORMER
from dashboard.core.geo.names import fold
from dashboard.core.incidents import waves as waves_module
from dashboard.core.incidents.outlets import is_secondary, source_hosts
from dashboard.core.join.place import Geography


def test_every_record_is_accepted_and_placed(bundled: Dataset) -> None:
    raw = pd.read_csv(INCIDENTS_FILE, dtype=str)
    assert bundled.unplaced.empty, bundled.unplaced[["id", "reason"]]
    assert len(bundled.incidents) == len(raw)
    assert bundled.incidents["admin1_iso"].str.match(r"^(UA|RU|BY|MD)-").all()
    assert bundled.incidents[["latitude", "longitude"]].notna().all().all()


def test_ids_unique_sources_and_dates(bundled: Dataset) -> None:
    incidents = bundled.incidents
    assert incidents["id"].is_unique
    assert incidents["source_url"].str.contains(r"https?://").all()
    assert incidents["date"].min() >= pd.Timestamp("2022-02-24")
    assert incidents["date"].max() <= pd.Timestamp(date.today())


def test_no_two_records_share_date_place_and_facility(bundled: Dataset) -> None:
    incidents = bundled.incidents
    place = incidents["settlement"].where(incidents["settlement"] != "", incidents["admin1_iso"])
    key = pd.DataFrame(
        {
            "date": incidents["date"],
            "place": place.map(fold),
            "facility": incidents["facility_name"].map(fold),
        }
    )
    assert not key.duplicated().any(), incidents[key.duplicated(keep=False)][["id", "date"]]


def test_starter_rows_and_the_article_are_in(bundled: Dataset) -> None:
    incidents = bundled.incidents.set_index("id")
    assert len(incidents) >= 112
    voronezh, belgorod = incidents.loc["INC141"], incidents.loc["INC139"]
    assert (voronezh.admin1_iso, f"{voronezh.date:%Y-%m-%d}") == ("RU-VOR", "2025-11-09")
    assert (belgorod.admin1_iso, f"{belgorod.date:%Y-%m-%d}") == ("RU-BEL", "2025-11-08")
    assert (belgorod.affected_count, belgorod.affected_unit) == (20_000, "households")
    # The 44 drones were claimed over Bryansk and Rostov regions, not over Voronezh.
    assert "Bryansk and Rostov" in voronezh.notes


def test_coverage(bundled: Dataset) -> None:
    incidents = bundled.incidents
    assert set(incidents["date"].dt.year) >= {2022, 2023, 2024, 2025}
    assert set(incidents["attacker"]) >= {"ukraine", "russia"}
    assert incidents["admin1_iso"].nunique() >= 40
    assert set(incidents["facility_type"]) >= {
        "refinery",
        "oil_depot",
        "thermal_power_plant",
        "substation",
        "hydro_power_plant",
        "gas_facility",
    }
    assert set(incidents["confidence"]) == {"confirmed", "claimed", "disputed"}
    assert bundled.version != "unversioned"


def test_waves_follow_their_rules_and_every_reference_resolves(bundled: Dataset) -> None:
    assert waves_module.problems(waves_module.read_waves(WAVES_FILE)) == []
    incidents = bundled.incidents
    pointed = set(incidents["wave_id"]) - {""}
    assert pointed <= set(bundled.waves["wave_id"]), pointed - set(bundled.waves["wave_id"])
    # A site row of a wave is a strike of that night by that side.
    waves = bundled.waves.set_index("wave_id")
    linked = incidents[incidents["wave_id"] != ""]
    sides = waves.loc[linked["wave_id"], "attacker"].to_numpy()
    assert (sides == linked["attacker"].astype(str).to_numpy()).all()
    # A night's figure is on its wave, once, never repeated on its site rows.
    assert "claimed_intercepted" not in incidents and "households_affected" not in incidents


def test_every_figure_carries_its_unit(bundled: Dataset) -> None:
    incidents = bundled.incidents
    has_figure = incidents["affected_count"].notna()
    assert (incidents.loc[has_figure, "affected_unit"] != "").all()
    assert (incidents.loc[~has_figure, "affected_unit"] == "").all()


def test_every_record_rests_on_a_primary_source(bundled: Dataset) -> None:
    """Aggregators and mirrors may be a second source, never the only one."""
    hosts = bundled.incidents["source_url"].map(source_hosts)
    only_secondary = hosts.map(lambda h: all(is_secondary(x) for x in h))
    assert not only_secondary.any(), bundled.incidents.loc[only_secondary, "id"].tolist()


def test_most_records_have_two_independent_sources(bundled: Dataset) -> None:
    outlets = bundled.incidents["source_url"].map(lambda s: len(set(source_hosts(s))))
    assert (outlets >= 2).mean() >= 0.70


def test_districts_are_written_as_the_table_names_them_and_place_their_records(
    bundled: Dataset, geo: Geography
) -> None:
    """A Ukrainian district in the data is OCHA's name with its kind (or a renamed raion's
    new name), so a reader (and the join) finds it; its records lie at its centroid unless
    a town places them. A raion abolished in 2020 keeps the page's words (the table's
    label of it is no name)."""
    incidents = bundled.incidents
    index = geo.districts
    ukrainian = incidents[
        (incidents["district"] != "") & incidents["admin1_iso"].str.startswith("UA-")
    ]
    positions = [
        index.locate(name, iso)
        for name, iso in zip(ukrainian["district"], ukrainian["admin1_iso"], strict=True)
    ]
    kinds = index.districts["kind"].to_numpy()
    current = [p >= 0 and kinds[p] != FORMER for p in positions]
    table = index.districts
    ocha = (table["name_en"] + " " + table["kind"]).to_numpy()
    aliases = table["aliases"].fillna("").to_numpy()
    # OCHA's name, or the new name of a raion renamed since (data/ua-district-renames.csv).
    names = [
        {index.label(p), ocha[p], *aliases[p].split("|")}
        for p, now in zip(positions, current, strict=True)
        if now
    ]
    assert len(names) >= 80
    written = ukrainian["district"][current]
    assert all(name in allowed for name, allowed in zip(written, names, strict=True))
    former = [p >= 0 and kinds[p] == FORMER for p in positions]
    assert sum(former) >= 10  # Tokmak, Perevalsk ... as occupation authorities name them
    at_district = incidents[incidents["location_precision"] == "district"]
    # A village the join found in the KATOTTG codifier names no district: its hromada.
    village = at_district["place_note"].astype(str).str.contains("placed at its hromada")
    assert len(at_district) >= 200 and ((at_district["district"] != "") | village).all()
    assert village.sum() >= 3
    # Drawn at the district's point, never at the region's anchor a record once carried.
    anchors = geo.anchors.loc[at_district["admin1_iso"]].to_numpy()
    points = at_district[["latitude", "longitude"]].to_numpy()
    assert not (abs(points - anchors) < 1e-6).all(axis=1).any()
    raw = pd.read_csv(INCIDENTS_FILE, dtype=str, keep_default_na=False).set_index("id")
    said = raw.index[raw["location_precision"] == "district"]
    placed = incidents.set_index("id").loc[said]
    moved = placed["facility_match"].astype(str).str.startswith("name")
    assert (placed["location_precision"][~moved] == "district").all()
    # The bar: at most 15 % of records known only to their region.
    assert (incidents["location_precision"] == "region").mean() <= 0.15
