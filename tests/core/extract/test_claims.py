"""Interception claims are records of their own: tied to regions, a day and a wave, never
drawn or counted as strikes."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.core.extract.article import extract, to_native_frame
from dashboard.core.join.place import Geography

MONDAY = date(2024, 10, 28)


def _claims(geo: Geography, text: str, published: date = MONDAY, waves=frozenset()):
    found = extract(text, geo, published, waves=waves)
    assert all(s.kind == "interception_claim" for s in found), found
    return [(s.admin1_iso, s.claimed_intercepted) for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Each region with its own figure, the region noun said once.
        (
            "ПВО сбили двенадцать украинских БПЛА: семь — над территорией Тульской области, "
            "четыре — над Калужской и один — над Рязанской областью.",
            [("RU-TUL", 7), ("RU-KLU", 4), ("RU-RYA", 1)],
        ),
        # A total over a list is no region's own figure.
        (
            "Сили ППО збили 31 безпілотник у Сумській, Полтавській та Черкаській областях.",
            [("UA-59", None), ("UA-53", None), ("UA-71", None)],
        ),
        # "из них 24 — над ...": the part over the named region.
        (
            "Силы ПВО уничтожили 90 беспилотников, из них 24 — над Краснодарским краем.",
            [("RU-KDA", 24)],
        ),
        # "one each": every region in the list.
        (
            "Air defences destroyed 12 Ukrainian drones, including ten over the Bryansk region "
            "and one each over the Kursk region and Kalmykia.",
            [("RU-BRY", 10), ("RU-KRS", 1), ("RU-KL", 1)],
        ),
    ],
)
def test_a_tally_gives_each_region_its_claim(geo: Geography, text: str, expected) -> None:
    assert _claims(geo, text) == expected


def test_a_tally_told_twice_is_one_claim_per_region_with_the_own_figure(geo: Geography) -> None:
    text = (
        "The ministry said 20 Ukrainian drones were downed overnight over the Bryansk and "
        "Kursk regions.\nAccording to the ministry, 15 drones were destroyed over the Bryansk "
        "region and five over the Kursk region."
    )
    assert _claims(geo, text) == [("RU-BRY", 15), ("RU-KRS", 5)]


def test_a_tally_continued_without_the_weapon_word(geo: Geography) -> None:
    text = (
        "Russia's defence ministry said its air defence units shot down 11 Ukrainian drones "
        "overnight over the Kursk region. Another three were downed over the Belgorod region."
    )
    assert _claims(geo, text) == [("RU-KRS", 11), ("RU-BEL", 3)]


def test_a_national_total_naming_no_region_is_no_record(geo: Geography) -> None:
    text = (
        "Этой ночью беспилотники атаковали подстанцию в Курске. Всего за ночь над российскими "
        "регионами уничтожены 75 дронов. Повітряні сили збили 40 із 52 дронів."
    )
    found = extract(text, geo, MONDAY)
    assert [(s.kind, s.admin1_iso) for s in found] == [("strike", "RU-KRS")]


def test_a_governors_claim_without_a_place_is_about_the_strike_region(geo: Geography) -> None:
    strike, claim = extract(
        "Вчера дрон атаковал нефтебазу в Брянске. Губернатор уточнил, что силами ПВО "
        "поражены три беспилотника.",
        geo,
        MONDAY,
    )
    assert (strike.kind, claim.kind) == ("strike", "interception_claim")
    assert (claim.admin1_iso, claim.claimed_intercepted) == ("RU-BRY", 3)
    assert claim.date == strike.date == date(2024, 10, 27)


def test_a_governor_named_earlier_claims_for_their_region(geo: Geography) -> None:
    (claim,) = extract(
        "Ночью сообщил губернатор Липецкой области Игорь Артамонов о тревоге.\n"
        "Утром Артамонов сообщил о пяти сбитых украинских беспилотниках.",
        geo,
        MONDAY,
    )
    assert (claim.admin1_iso, claim.claimed_intercepted) == ("RU-LIP", 5)


def test_a_claim_is_never_a_strike_and_never_a_map_row(geo: Geography) -> None:
    (claim,) = extract(
        "Над Белгородской областью ночью сбиты 14 украинских беспилотников.", geo, MONDAY
    )
    assert (claim.kind, claim.facility_type, claim.settlement) == ("interception_claim", "", "")
    assert (claim.attacker, claim.target_country, claim.confidence) == ("ukraine", "RU", "claimed")
    assert to_native_frame([claim]).empty


def test_a_claim_names_the_nights_attack_wave(geo: Geography) -> None:
    text = "Air defences destroyed 19 Ukrainian drones overnight over the Bryansk region."
    published = date(2024, 2, 9)
    (claim,) = extract(text, geo, published, waves=frozenset({"W-2024-02-09-UA"}))
    assert claim.wave_id == "W-2024-02-09-UA"
    (other_night,) = extract(text, geo, published, waves=frozenset({"W-2024-02-08-UA"}))
    assert other_night.wave_id == ""
    # A claim over Ukraine belongs to a night of Russian strikes.
    (ukraine,) = extract(
        "Вночі над Київщиною сили ППО знищили 12 ворожих дронів.",
        geo,
        published,
        waves=frozenset({"W-2024-02-09-RU"}),
    )
    assert (ukraine.attacker, ukraine.wave_id) == ("russia", "W-2024-02-09-RU")
