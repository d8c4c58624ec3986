"""Phrasings met in real reporting after the held-out articles' first run, each rule on
sentences of its own (written here, not taken from the held-out set).

Every test names the behaviour; breaking the rule it covers makes it fail.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.core.extract import rules
from dashboard.core.extract.article import Suggestion, extract, to_native_frame
from dashboard.core.extract.dates import resolve_date
from dashboard.core.extract.text import sentences
from dashboard.core.ingest import ingest_frame
from dashboard.core.join.place import Geography

SUNDAY = date(2025, 11, 9)


def _strikes(geo: Geography, text: str, published: date = SUNDAY) -> list[Suggestion]:
    return [s for s in extract(text, geo, published) if s.kind == "strike"]


def _claims(geo: Geography, text: str, published: date = SUNDAY) -> list[tuple[str, int | None]]:
    return [
        (s.admin1_iso, s.claimed_intercepted)
        for s in extract(text, geo, published)
        if s.kind == "interception_claim"
    ]


# Dates


def test_a_sentence_telling_when_the_attack_came_dates_the_strike(geo: Geography) -> None:
    text = (
        "About 200,000 people in Mykolaiv Oblast remained without power on Nov. 9 after a "
        "drone attack on energy infrastructure, the governor said. The attack came overnight "
        "on Nov. 7, when Russia launched 40 drones at the south, the air force said."
    )
    assert [s.date for s in _strikes(geo, text)] == [date(2025, 11, 7)]


def test_a_statement_day_with_reported_speech_dates_the_strike(geo: Geography) -> None:
    text = (
        "The Moscow-installed governor said on Saturday evening that a Ukrainian strike had "
        "hit an electrical substation in the Kherson region."
    )
    assert [s.date for s in _strikes(geo, text)] == [date(2025, 11, 8)]


def test_the_previous_day_is_the_day_before_publication() -> None:
    resolved = resolve_date("Networks had been damaged by shelling the previous day.", SUNDAY)
    assert resolved is not None and resolved.value == date(2025, 11, 8)


def test_an_outage_sentence_with_a_day_dates_its_strike(geo: Geography) -> None:
    text = (
        "A substation in the Zaporizhzhia region was de-energized by a Ukrainian attack. "
        "The outage was registered at 11:10 p.m. Moscow time on Friday."
    )
    assert [s.date for s in _strikes(geo, text)] == [date(2025, 11, 7)]


def test_times_of_day_do_not_end_a_sentence() -> None:
    assert len(sentences("Power went out at 11 p.m. Moscow time on Friday.")) == 1


# Background, talks, weather


@pytest.mark.parametrize(
    "sentence",
    [
        "Previous attack: on the night of Nov. 6, drones hit a substation in Sumy.",
        "Попередня масштабна атака на область, 6 листопада, пошкодила лінії електропередачі.",
        "Предыдущий удар по подстанции в Белгороде был 6 ноября.",
    ],
)
def test_a_recalled_previous_attack_is_no_strike(geo: Geography, sentence: str) -> None:
    assert _strikes(geo, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Для підприємства це далеко не перша атака.",
        "Это уже не первый подобный случай.",
        "It was not the first attack on the plant.",
    ],
)
def test_not_the_first_attack_is_background(sentence: str) -> None:
    assert rules.is_background(sentence)


def test_a_stale_dated_sentence_does_not_add_sites_to_todays_strike(geo: Geography) -> None:
    text = (
        "Russian drones hit energy infrastructure in Odesa Oblast overnight, the governor "
        "said. Russia has fired more than 1,000 missiles at the grid since Oct. 10, and every "
        "thermal power plant has been damaged."
    )
    assert [s.facility_type for s in _strikes(geo, text)] == ["other_energy"]


def test_a_headline_about_a_truce_makes_its_listed_strikes_arguments(geo: Geography) -> None:
    text = (
        "Кремль: мораторий на удары по энергетике соблюдается\n\n"
        "По данным Минобороны, 5 ноября ВСУ атаковали подстанцию в Белгороде."
    )
    assert _strikes(geo, text) == []


def test_a_headline_naming_a_site_stays_a_strike_report_despite_a_truce(geo: Geography) -> None:
    text = (
        "Drones hit the Syzran refinery despite the energy truce\n\n"
        "The fire at the refinery in Syzran was put out, the governor said."
    )
    assert [(s.admin1_iso, s.facility_type) for s in _strikes(geo, text)] == [
        ("RU-SAM", "refinery")
    ]


def test_an_outage_the_weather_caused_is_no_strike(geo: Geography) -> None:
    text = (
        "Ukrenergo said Russian attacks had affected supply in frontline areas. Storms, snow "
        "and wind cut power in the Odesa region, the company said."
    )
    assert _strikes(geo, text) == []


def test_a_nationwide_sentence_does_not_continue_a_regional_event(geo: Geography) -> None:
    text = (
        "In the Cherkasy region, falling debris set fire to a warehouse. On Monday, Russia "
        "attacked energy facilities across Ukraine with 200 missiles and drones."
    )
    assert _strikes(geo, text) == []


def test_no_damage_to_infrastructure_is_a_negation() -> None:
    assert rules.is_negated("The governor said the drones caused no damage to infrastructure.")


# Places


def test_krim_is_a_preposition_not_crimea(geo: Geography) -> None:
    text = "Крім того, росіяни атакували лінії електропередачі на Київщині."
    assert {s.admin1_iso for s in _strikes(geo, text)} == {"UA-32"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Moscow says its air defences downed the missiles near the refinery in Saratov.", set()),
        ("Kyiv says the strikes answer Moscow's strikes on Ukraine's energy system.", set()),
    ],
)
def test_a_capital_standing_for_its_government_is_no_place(geo, sentence, expected) -> None:
    assert {s.admin1_iso for s in _strikes(geo, sentence)} - {"RU-SAR"} == expected


def test_the_capital_is_the_capital_the_article_names(geo: Geography) -> None:
    text = "Под удар попал и Киев. По столице выпустили ракеты, они поразили две подстанции."
    strikes = _strikes(geo, text)
    assert [(s.admin1_iso, s.facility_type) for s in strikes] == [
        ("UA-30", "substation"),
        ("UA-30", "substation"),
    ]


def test_a_counted_kind_of_site_gives_that_many_strikes_lines_do_not(geo: Geography) -> None:
    assert len(_strikes(geo, "Drones hit three substations in Kharkiv overnight.")) == 3
    assert len(_strikes(geo, "Shelling damaged two power lines in Nikopol overnight.")) == 1


def test_plants_that_feed_a_site_are_not_hit(geo: Geography) -> None:
    text = "Ракеты поразили подстанцию в Киеве, принимающую ток от атомных станций."
    assert [s.facility_type for s in _strikes(geo, text)] == ["substation"]


def test_a_facility_word_belongs_to_the_place_its_locative_names(geo: Geography) -> None:
    text = "Дроны атаковали нефтебазу в Орле и ЛЭП под Белгородом."
    found = {(s.admin1_iso, s.facility_type) for s in _strikes(geo, text)}
    assert found == {("RU-ORL", "oil_depot"), ("RU-BEL", "transmission_line")}


def test_a_district_far_from_the_regions_named_is_not_placed(geo: Geography) -> None:
    # Беловский район: Belaya in Kursk Oblast, not Belovo in the Kuzbass.
    text = (
        "Беспилотник атаковал подстанцию в Беловском районе Курской области. Об этом сообщил "
        "губернатор Курской области."
    )
    assert {s.admin1_iso for s in _strikes(geo, text)} == {"RU-KRS"}


def test_districts_with_two_word_names_are_districts(geo: Geography) -> None:
    text = (
        "Shelling badly damaged power lines in the Genichesk, Novotroitsk and Velikaya "
        "Lepetikha districts of the Kherson region."
    )
    assert {s.admin1_iso for s in _strikes(geo, text)} == {"UA-65"}


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        ("Два дрона сбили над Краснодарським краєм.", "RU-KDA"),
        ("Еще один беспилотник сбит над территорией Московского региона.", "RU-MOS"),
        ("Drones were destroyed over the Crimean peninsula.", "UA-43"),
    ],
)
def test_region_names_in_other_forms(geo: Geography, sentence: str, region: str) -> None:
    assert [iso for iso, _ in _claims(geo, sentence)] == [region]


# Facility, strike and side words


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Пошкоджено електромережі в селі.", "transmission_line"),
        ("Повреждены электросети в поселке.", "transmission_line"),
        ("Distribution networks in the region were damaged.", "transmission_line"),
    ],
)
def test_local_grid_words_are_power_lines(sentence: str, kind: str) -> None:
    assert kind in [hit.kind for hit in rules.facility_hits(sentence)]


@pytest.mark.parametrize(
    "sentence",
    ["Утім, без влучань не обійшлося.", "Пожар начался после авиаудара.", "Нефтебазу подожгли."],
)
def test_strike_words(sentence: str) -> None:
    assert rules.is_strike(sentence)


def test_helicopters_of_a_side_name_the_attacker() -> None:
    assert rules.attacker_cue("нефтебазу подожгли украинские вертолеты") == "ukraine"


def test_other_infrastructure_is_not_a_second_energy_site() -> None:
    assert not rules.is_another_site("під ударом опинилися НПЗ та інші об'єкти інфраструктури")
    assert rules.is_another_site("пошкоджено також об'єкт іншої енергетичної компанії")


def test_a_possible_target_is_not_a_strike(geo: Geography) -> None:
    text = "Она расположена рядом с Балаклавской ТЭС, которую называют одной из возможных целей."
    assert _strikes(geo, text) == []


def test_a_hedged_report_naming_no_side_leaves_the_attacker_unknown(geo: Geography) -> None:
    text = "The refinery in Novoshakhtinsk stopped after what may have been a drone strike."
    assert [s.attacker for s in _strikes(geo, text)] == ["unknown"]
    text = "A drone attack set the refinery in Novoshakhtinsk on fire, the governor said."
    assert [s.attacker for s in _strikes(geo, text)] == ["ukraine"]


# Interception claims


def test_a_claim_without_a_figure_in_the_region_just_named(geo: Geography) -> None:
    text = (
        "Цієї ночі повітряна тривога в Київській області тривала десять годин, повідомив "
        "начальник Київської ОВА. За його словами, у регіоні працювали сили ППО, ворожі цілі "
        "знищено."
    )
    assert _claims(geo, text) == [("UA-32", None)]


def test_the_rest_destroyed_over_regions_continues_a_claim(geo: Geography) -> None:
    text = (
        "Russian air defences destroyed 30 Ukrainian drones late on Saturday, the ministry "
        "said. Twenty of the drones were brought down over the Kursk region. The rest were "
        "destroyed over the Oryol region and over the Crimean peninsula."
    )
    assert {iso for iso, _ in _claims(geo, text)} == {"RU-KRS", "RU-ORL", "UA-43"}


def test_a_following_sentence_without_the_weapon_word_continues_a_tally(geo: Geography) -> None:
    text = (
        "Средства ПВО перехватили и уничтожили украинские беспилотники над несколькими "
        "регионами. Больше всего аппаратов — девять — сбили над Воронежской областью."
    )
    assert _claims(geo, text) == [("RU-VOR", 9)]


def test_one_each_before_the_number(geo: Geography) -> None:
    text = "ППО збили ще по одному дрону над Тамбовською та Воронезькою областями."
    assert _claims(geo, text) == [("RU-TAM", 1), ("RU-VOR", 1)]


def test_a_claim_recalled_from_an_earlier_day_is_no_claim(geo: Geography) -> None:
    text = (
        "Дрон атакував Балаклавську ТЕС. Це вже не перший подібний випадок: 1 листопада "
        "безпілотник збили поблизу Сімферополя."
    )
    assert _claims(geo, text) == []


def test_a_claim_and_a_hit_in_one_sentence_stay_a_strike(geo: Geography) -> None:
    text = "Часть дронов уничтожили силы ПВО, но обломки упали на подстанцию в Курске."
    assert [s.admin1_iso for s in _strikes(geo, text)] == ["RU-KRS"]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("В ЛНР беспилотник атаковал подстанцию, обесточены несколько сел.", "UA-09"),
        ("В ДНР обесточены Горловка и Макеевка после удара по подстанции.", "UA-14"),
        ("Drones hit an oil depot in the self-proclaimed LPR, officials said.", "UA-09"),
    ],
)
def test_the_occupations_republics_are_occupied_oblasts(geo, text: str, region: str) -> None:
    found = [(s.admin1_iso, s.attacker) for s in _strikes(geo, text)]
    assert found == [(region, "ukraine")]


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Ukrainian drones attacked the Kursk nuclear power plant overnight.", "wri-1003744"),
        ("Беспилотники атаковали Рязанский НПЗ, начался пожар.", "ru-ref-ryazan"),
        ("Росіяни вдарили по Зміївській ТЕС, станцію знеструмлено.", "wri-1005103"),
        ("В результате удара по Бурштынской ТЭС возник пожар.", "wri-1005097"),
    ],
)
def test_a_site_the_catalogue_knows_is_named_inflected_or_not(geo, text: str, site: str) -> None:
    names = geo.facilities.frame.set_index("facility_id")["name_en"]
    assert [s.facility_name for s in _strikes(geo, text)] == [names[site]]


def test_a_named_plant_is_imported_at_the_site_not_its_namesake_town(geo: Geography) -> None:
    # The Kursk NPP lies at Kurchatov, about 40 km from Kursk, the town its name gives.
    found = _strikes(geo, "Ukrainian drones attacked the Kursk nuclear power plant overnight.")
    placed = ingest_frame(to_native_frame(found), geo).accepted
    assert placed[["facility_id", "location_precision"]].values.tolist() == [
        ["wri-1003744", "point"]
    ]
    assert placed["longitude"].iat[0] < 35.7  # Kursk city is at 36.2 E


def test_a_town_alone_names_no_site(geo: Geography) -> None:
    assert [s.facility_name for s in _strikes(geo, "Drones hit a substation in Kharkiv.")] == [""]


def test_two_sites_named_side_by_side_both_carry_their_names(geo: Geography) -> None:
    text = "Беспилотники атаковали Рязанский НПЗ, а также Ново-Рязанскую ТЭЦ."
    names = {s.facility_type: s.facility_name for s in _strikes(geo, text)}
    assert names == {
        "refinery": "Ryazan refinery",
        "chp": "Novo-Ryazan Thermal Power Station",
    }
