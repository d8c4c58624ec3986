from __future__ import annotations

import string
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.core.view.state import (
    MAX_REPEATS,
    ViewState,
    decode,
    encode,
    parse_query_string,
    to_query_string,
)
from dashboard.core.vocab import (
    ATTACKING_SIDES,
    BASEMAPS,
    CONFIDENCE,
    FACILITY_TYPES,
    LAYERS,
    MEASURES,
    WEAPONS,
)

REGIONS = ["RU-BEL", "UA-63", "UA-40", "RU-KDA"]
TODAY = date(2026, 11, 25)


def round_trip(state: ViewState) -> ViewState:
    decoded = decode(parse_query_string(to_query_string(state)), regions=REGIONS, last_day=TODAY)
    assert decoded.ignored == ()
    return decoded.state


def test_example_link_from_the_issue() -> None:
    decoded = decode(
        parse_query_string(
            "https://x.example/map?from=2025-10-01&to=2025-11-30&side=ukraine&region=RU-BEL"
        ),
        regions=REGIONS,
        last_day=TODAY,
    )
    assert decoded.ignored == ()
    assert decoded.state == ViewState(
        date_from=date(2025, 10, 1),
        date_to=date(2025, 11, 30),
        sides=("ukraine",),
        regions=("RU-BEL",),
    )


def test_defaults_encode_to_nothing() -> None:
    assert encode(ViewState()) == []


def test_keys_are_short_and_readable() -> None:
    state = ViewState(sides=("ukraine", "russia"), lat=50.0, lon=36.25, zoom=7, incident="INC141")
    assert to_query_string(state) == (
        "side=ukraine&side=russia&lat=50.0000&lon=36.2500&zoom=7&incident=INC141"
    )


def test_unknown_keys_and_bad_values_are_ignored_with_reasons() -> None:
    decoded = decode(
        [
            ("side", "martians"),
            ("from", "2025-02-30"),
            ("zoom", "99"),
            ("region", "XX-ZZ"),
            ("region", "<script>"),
            ("colour", "red"),
            ("lat", "51"),
            ("embed", "true"),
        ],
        regions=REGIONS,
        last_day=TODAY,
    )
    assert decoded.state == ViewState()
    problems = {(i.param, i.reason.split(" ")[0]) for i in decoded.ignored}
    assert ("side", "not") in problems
    assert ("from", "not") in problems
    assert ("zoom", "not") in problems
    assert ("colour", "unknown") in problems
    assert ("lat", "lat") in problems
    assert {i.param for i in decoded.ignored} >= {"region"}
    assert "embed" not in {i.param for i in decoded.ignored}


def test_dates_outside_the_war_and_reversed_ranges_are_ignored() -> None:
    decoded = decode(
        [("from", "2021-01-01"), ("to", "2025-01-01")], regions=REGIONS, last_day=TODAY
    )
    assert decoded.state.date_from is None and decoded.state.date_to == date(2025, 1, 1)
    decoded = decode([("from", "2025-06-01"), ("to", "2025-01-01")], last_day=TODAY)
    assert decoded.state.date_to is None
    assert "earlier than from" in decoded.ignored[0].reason


def test_region_codes_are_case_insensitive_but_vocabularies_exact() -> None:
    decoded = decode([("region", "ru-bel"), ("side", "Ukraine")], regions=REGIONS, last_day=TODAY)
    assert decoded.state.regions == ("RU-BEL",)
    assert decoded.state.sides == ()


def test_explicitly_no_layers_survives_a_round_trip() -> None:
    assert round_trip(ViewState(layers=())).layers == ()


def test_hostile_input_is_bounded() -> None:
    decoded = decode([("region", "UA-63")] * 1000 + [("incident", "x" * 10_000)], regions=REGIONS)
    assert decoded.state.regions == ("UA-63",)
    assert decoded.state.incident is None
    assert all(len(i.value) <= 64 for i in decoded.ignored)


def test_repeats_past_the_limit_are_not_read() -> None:
    """A link repeating a parameter thousands of times costs a bounded amount of work:
    values past the limit are dropped unread and named once."""
    hostile = [("region", f"XX-{i}") for i in range(5 * MAX_REPEATS)]
    decoded = decode(hostile, regions=REGIONS, last_day=TODAY)
    assert len(decoded.ignored) == MAX_REPEATS + 1
    assert any(f"more than {MAX_REPEATS} values" in i.reason for i in decoded.ignored)


def subset(values) -> st.SearchStrategy:
    return st.lists(st.sampled_from(values), unique=True).map(tuple)


states = st.builds(
    ViewState,
    date_from=st.one_of(st.none(), st.dates(date(2022, 2, 24), date(2023, 12, 31))),
    date_to=st.one_of(st.none(), st.dates(date(2024, 1, 1), TODAY)),
    sides=subset(ATTACKING_SIDES),
    regions=subset(REGIONS),
    facilities=subset(FACILITY_TYPES),
    weapons=subset(WEAPONS),
    confidence=subset(CONFIDENCE),
    lat=st.one_of(st.none(), st.floats(-89, 89).map(lambda x: round(x, 4))),
    lon=st.just(None),
    zoom=st.one_of(st.none(), st.integers(2, 13)),
    basemap=st.sampled_from(BASEMAPS),
    layers=subset(LAYERS),
    measure=st.sampled_from(MEASURES),
    incident=st.one_of(st.none(), st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True)),
    site=st.one_of(st.none(), st.from_regex(r"[a-z0-9-]{1,20}", fullmatch=True)),
).map(
    lambda s: s.with_(
        lon=None if s.lat is None else 30.5,
        # A site is drawn on the facility layer: a link to one switches the layer on.
        layers=(*s.layers, "facilities") if s.site and "facilities" not in s.layers else s.layers,
    )
)


@settings(max_examples=200, deadline=None)
@given(states)
def test_state_survives_url_round_trip(state: ViewState) -> None:
    assert round_trip(state) == state


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["from", "to", "side", "region", "zoom", "lat", "lon", "layer", "site", "x"]
            ),
            st.text(alphabet=string.printable + "ÄЖ<>\"'&\x00", max_size=80),
        ),
        max_size=20,
    )
)
def test_decoding_random_hostile_params_never_raises(pairs: list[tuple[str, str]]) -> None:
    decoded = decode(pairs, regions=REGIONS, last_day=TODAY)
    assert isinstance(decoded.state, ViewState)
    # Whatever was accepted encodes and decodes to itself.
    assert round_trip(decoded.state) == decoded.state


def test_a_site_must_be_a_catalogue_id() -> None:
    decoded = decode([("site", "ru-ref-ryazan"), ("layer", "incidents")], sites={"ru-ref-ryazan"})
    assert decoded.state.site == "ru-ref-ryazan"
    assert decoded.state.layers == ("incidents", "facilities")
    for value, reason in (
        ("ru-ref-nowhere", "no such facility in the catalogue"),
        ("<script>", "not a facility id"),
        ("x" * 80, "longer than 64 characters"),
    ):
        bad = decode([("site", value)], sites={"ru-ref-ryazan"})
        assert bad.state.site is None
        assert [(i.param, i.reason) for i in bad.ignored] == [("site", reason)]


def test_periods_and_playback_keys_are_parsed_and_checked() -> None:
    decoded = decode(
        [
            ("a_from", "2024-10-01"),
            ("a_to", "2024-09-01"),
            ("b_from", "2025-13-01"),
            ("b_to", "2025-12-31"),
            ("step", "day"),
            ("play", "fast"),
        ],
        last_day=TODAY,
    )
    state = decoded.state
    assert (state.a_from, state.a_to, state.b_from, state.b_to) == (
        date(2024, 10, 1),
        None,
        None,
        date(2025, 12, 31),
    )
    assert (state.step, state.play) == ("day", "cumulative")
    reasons = {(i.param, i.reason) for i in decoded.ignored}
    assert reasons == {
        ("a_to", "earlier than a_from=2024-10-01"),
        ("b_from", "not a calendar date"),
        ("play", "not one of cumulative, window"),
    }
    assert round_trip(state) == state
