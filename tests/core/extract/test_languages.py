"""Russian and Ukrainian reports, one rule family at a time, on sentences of their own.

None of these sentences comes from the blind evaluation articles
(``tests/fixtures/articles_blind``): those are scored in test_frozen_sets.py.
"""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.core.extract import rules
from dashboard.core.extract.article import extract
from dashboard.core.extract.dates import find_published, resolve_date
from dashboard.core.extract.language import detect
from dashboard.core.extract.places import find_places
from dashboard.core.extract.text import parse_number, sentences
from dashboard.core.join.place import Geography

SATURDAY = date(2025, 11, 8)


def _one(geo: Geography, text: str, published: date = SATURDAY):
    found = extract(text, geo, published)
    assert len(found) == 1, found
    return found[0]


# --- language, sentences, numbers --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Drones hit a substation in Kharkiv overnight.", "en"),
        ("Этой ночью беспилотники атаковали подстанцию в Курске.", "ru"),
        ("Цієї ночі дрони атакували підстанцію в Харкові.", "uk"),
        ("Вночі дрони атакували об'єкт енергетики.", "uk"),  # і and the apostrophe
        ("Ночью ВСУ атаковали объект энергетики, сообщили в Telegram.", "ru"),
    ],
)
def test_the_language_is_detected(text: str, lang: str) -> None:
    assert detect(text) == lang


def test_sentences_do_not_break_on_russian_abbreviations_and_keep_paragraphs() -> None:
    text = "В г. Шебекино обл. центр без света. Пожар потушен; пострадавших нет.\nВторой абзац."
    assert sentences(text) == [
        "В г. Шебекино обл. центр без света.",
        "Пожар потушен;",
        "пострадавших нет.",
        "Второй абзац.",
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("пятнадцать", 15),
        ("п'ятнадцять", 15),
        ("восемь", 8),
        ("пяти тысяч", 5_000),
        ("55 тисяч", 55_000),
        ("1,2 млн", 1_200_000),
        ("сто пятьдесят", 150),
        ("двадцять п’ять", 25),
        ("20 000", 20_000),
    ],
)
def test_russian_and_ukrainian_numbers_are_read(text: str, value: int) -> None:
    assert parse_number(text) == value


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Опубликовано: 9 ноября 2025", date(2025, 11, 9)),
        ("Опубліковано: 14 січня 2026", date(2026, 1, 14)),
        ("Дата публикации: 2025-03-01", date(2025, 3, 1)),
    ],
)
def test_a_publication_date_in_either_language_is_read(line: str, expected: date) -> None:
    assert find_published(f"Заголовок\n{line}\n\nТекст.") == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Этой ночью дроны атаковали нефтебазу.", SATURDAY),
        ("Цієї ночі дрони атакували нафтобазу.", SATURDAY),
        ("Сьогодні вранці ракета влучила в підстанцію.", SATURDAY),
        ("Вчера беспилотник атаковал подстанцию.", date(2025, 11, 7)),
        ("Вчора ввечері дрони атакували ТЕС.", date(2025, 11, 7)),
        ("Накануне ракеты ударили по ТЭЦ.", date(2025, 11, 7)),
        ("Позавчера дрон атаковал нефтебазу.", date(2025, 11, 6)),
        ("В ночь на пятницу дроны атаковали НПЗ.", date(2025, 11, 7)),
        ("У ніч на четвер ворог атакував підстанцію.", date(2025, 11, 6)),
        ("Вечером в воскресенье ракеты ударили по ТЭЦ.", date(2025, 11, 2)),
        ("Минулого вечора та вночі ворог атакував область.", SATURDAY),
        ("Удар пришелся на подстанцию 5 ноября.", date(2025, 11, 5)),
        ("Удар припав на підстанцію 28 грудня.", date(2024, 12, 28)),
    ],
)
def test_relative_and_explicit_dates_in_russian_and_ukrainian(sentence, expected) -> None:
    resolved = resolve_date(sentence, SATURDAY)
    assert resolved is not None and resolved.value == expected


def test_a_night_told_as_a_range_takes_its_morning() -> None:
    resolved = resolve_date("Тревога действовала с 22:00 6 ноября до 07:00 7 ноября.", SATURDAY)
    assert resolved is not None and resolved.value == date(2025, 11, 7)


def test_a_weekday_beside_a_contradicting_date_wins() -> None:
    # 5 October 2025 was a Sunday; "5 вересня" (September) is the slip.
    resolved = resolve_date("Росіяни у ніч на неділю, 5 вересня, атакували ТЕС.", date(2025, 10, 5))
    assert resolved is not None and resolved.value == date(2025, 10, 5)


@pytest.mark.parametrize(
    "sentence",
    [
        "Об этом в пятницу сообщил губернатор.",
        "Губернатор сообщил в пятницу о пожаре.",
        "Про це повідомили в компанії у четвер.",
    ],
)
def test_the_day_a_statement_was_made_is_not_the_strike_date(sentence: str) -> None:
    assert resolve_date(sentence, SATURDAY) is None


# --- places -----------------------------------------------------------------------------------


def _places(geo: Geography, sentence: str) -> list[tuple[str, str, str]]:
    found = find_places(sentence, geo, detect(sentence))
    return [(m.admin1_iso, m.settlement, m.how) for m in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Дроны атаковали подстанцию в Белгороде.", ("RU-BEL", "Belgorod", "locative")),
        ("Ракета влучила в підстанцію у Харкові.", ("UA-63", "Kharkiv", "locative")),
        ("Горит нефтебаза в Старом Осколе.", ("RU-BEL", "Staryy Oskol", "locative")),
        ("Беспилотники атаковали Курск ночью.", ("RU-KRS", "Kursk", "locative")),
        ("Ракетный удар по Кременчугу повредил ТЭЦ.", ("UA-53", "Kremenchuk", "locative")),
        ("Дроны атаковали Шатурскую ГРЭС.", ("RU-MOS", "Shatura", "facility")),
        ("Ворог атакував Ладижинську ТЕС.", ("UA-05", "Ladyzhyn", "facility")),
        ("Горит Новошахтинский НПЗ.", ("RU-ROS", "Novoshakhtinsk", "facility")),
        ("Удар по НПС «Кропоткинская» остановил станцию.", ("RU-KDA", "Kropotkin", "facility")),
        ("Дроны атаковали НПЗ в станице Каневской.", ("RU-KDA", "Kanevskaya", "locative")),
    ],
)
def test_inflected_towns_and_towns_named_by_adjective(geo: Geography, sentence, expected) -> None:
    assert _places(geo, sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Пожар на подстанции в Белгородской области.", ["RU-BEL"]),
        ("Ракета влучила в об'єкт у Харківській області.", ["UA-63"]),
        ("Дрони атакували підстанцію на Київщині.", ["UA-32"]),
        ("Без світла Харківщина та Полтавщина.", ["UA-63", "UA-53"]),
        ("Беспилотники атаковали нефтебазу в Краснодарском крае.", ["RU-KDA"]),
        ("Пожар на нефтебазе в Подмосковье.", ["RU-MOS"]),
        ("Дроны атаковали НПЗ на Кубани.", ["RU-KDA"]),
        (
            "Над Тульской, Рязанской и Калужской областями сбиты дроны.",
            ["RU-TUL", "RU-RYA", "RU-KLU"],
        ),
        ("Пять сбиты над Тверской областью, два — над Смоленской.", ["RU-TVE", "RU-SMO"]),
        ("Удар по енергетиці Сумської ОВА.", ["UA-59"]),
        ("Пожежа на нафтобазі у Воронезькій області.", ["RU-VOR"]),  # ж -> з
    ],
)
def test_regions_in_their_cases_and_short_forms(geo: Geography, sentence, expected) -> None:
    found = _places(geo, sentence)
    assert [iso for iso, _, _ in found] == expected
    assert all(settlement == "" for _, settlement, _ in found)


@pytest.mark.parametrize(
    ("sentence", "region"),
    [
        ("Беспилотники атаковали Россошанский и Кантемировский районы.", "RU-VOR"),
        ("Ворог атакував об'єкт на території Корюківського району.", "UA-74"),
        ("Drones attacked the Grayvoron district overnight.", "RU-BEL"),
        # A stanitsa named by the adjective itself, in the region the sentence names.
        ("Пожар на НПЗ в Каневском районе Краснодарского края.", "RU-KDA"),
    ],
)
def test_a_district_places_a_strike_in_its_region_not_its_town(geo: Geography, sentence, region):
    found = _places(geo, sentence)
    assert found and {iso for iso, _, _ in found} == {region}
    assert ("", "district") in {(settlement, how) for _, settlement, how in found}
    assert all(settlement == "" for _, settlement, _ in found)


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ({"RU-ROS"}, [("RU-ROS", "", "district")]),  # a Pokrovskoye in the region named
        # None there: Pokrovsk in Ukraine is no namesake in an article on Russian regions,
        # and the district's adjective is never read as that town.
        ({"RU-VGG"}, []),
    ],
)
def test_a_district_stays_in_the_regions_and_country_of_the_article(geo, context, expected):
    sentence = "Пожар на нефтебазе в Покровском районе."
    found = find_places(sentence, geo, "ru", frozenset(context))
    assert [(m.admin1_iso, m.settlement, m.how) for m in found] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "По словам Гусева, пострадавших нет.",
        "Губернатор Вячеслав Гладков сообщил о пожаре.",
        "Россия атаковала Украину ночью.",
        "На захваченной Россией станции идет ремонт.",
    ],
)
def test_people_and_countries_are_not_places(geo: Geography, sentence: str) -> None:
    assert _places(geo, sentence) == []


# --- facilities, sides, weapons, figures -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Горит НПЗ.", "refinery"),
        ("Дроны атаковали нефтебазу.", "oil_depot"),
        ("Дрони атакували нафтобазу.", "oil_depot"),
        ("Ракета попала в ТЭЦ-2.", "chp"),
        ("Удар по ТЕС.", "thermal_power_plant"),
        ("Удар по ГРЭС.", "thermal_power_plant"),
        ("Пошкоджено ГЕС.", "hydro_power_plant"),
        ("Повреждена подстанция.", "substation"),
        ("Пошкоджено підстанцію.", "substation"),
        ("Повреждена ЛЭП.", "transmission_line"),
        ("Атаковано газовидобувні об'єкти.", "gas_facility"),
        ("Поврежден газопровод.", "pipeline"),
        ("Пошкоджено котельню.", "heating_plant"),
        ("Пошкоджено енергооб'єкт.", "other_energy"),
        ("Пожар на предприятии «Башнефти».", "other_energy"),
        ("Вдалось повернути світло в домівки.", "other_energy"),
        ("Нарушено электроснабжение поселка.", "other_energy"),
        ("Поражен объект энергетики.", "other_energy"),
        ("Область без света.", "other_energy"),
    ],
)
def test_facility_words(sentence: str, kind: str) -> None:
    assert [h.kind for h in rules.facility_hits(sentence)] == [kind]


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Ночью БПЛА ВСУ атаковали подстанцию.", "ukraine"),
        ("Беспилотники ВСУ атаковали НПЗ.", "ukraine"),
        ("Украинские дроны атаковали нефтебазу.", "ukraine"),
        ("Сили оборони уразили НПЗ.", "ukraine"),
        ("Росіяни атакували підстанцію.", "russia"),
        ("Російські війська вдарили по ТЕС.", "russia"),
        ("РФ знову вдарила по газовій інфраструктурі.", "russia"),
        ("Ворог атакував енергетику.", "enemy"),
        ("Обломки вражеского дрона упали на нефтебазу.", "enemy"),
        ("Повітряні сили ЗСУ повідомили про атаку.", None),
    ],
)
def test_who_attacked(sentence: str, side: str | None) -> None:
    assert rules.attacker_cue(sentence) == side


@pytest.mark.parametrize(
    ("sentence", "weapon"),
    [
        ("Росіяни атакували шахедами.", "drone"),
        ("Ракетный удар по ТЭЦ.", "missile"),
        ("Удар КАБами по подстанции.", "glide_bomb"),
        ("Ворог обстрілював з артилерії.", "artillery"),
        ("35 ракет и 60 ударных дронов.", "drone_and_missile"),
    ],
)
def test_weapons(sentence: str, weapon: str) -> None:
    assert rules.weapon([sentence]) == weapon


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("Без света остались около пяти тысяч абонентов.", (5_000, "customers")),
        ("Без світла понад 55 тисяч абонентів.", (55_000, "customers")),
        ("Знеструмлено 12 тисяч споживачів.", (12_000, "customers")),
        ("Без электричества остались 20 тысяч домохозяйств.", (20_000, "households")),
        ("Без світла залишаються 90 тисяч родин.", (90_000, "households")),
        ("Без тепла остались 3 тысячи жителей.", (3_000, "residents")),
        ("В городе живут 300 тысяч человек.", None),
    ],
)
def test_figures_keep_the_unit_the_report_gives(sentence: str, figure) -> None:
    assert rules.affected(sentence) == figure


# --- whole reports ---------------------------------------------------------------------------


def test_a_governors_post_gives_the_strike(geo: Geography) -> None:
    strike = _one(
        geo,
        "Этой ночью беспилотники ВСУ атаковали подстанцию в Белгороде, сообщил губернатор "
        "Белгородской области. Без света остались около 7 тысяч абонентов.",
    )
    assert (strike.kind, strike.settlement, strike.admin1_iso) == ("strike", "Belgorod", "RU-BEL")
    assert (strike.attacker, strike.facility_type, strike.weapon) == (
        "ukraine",
        "substation",
        "drone",
    )
    assert (strike.date, strike.date_precision, strike.confidence) == (SATURDAY, "day", "confirmed")
    assert (strike.affected_count, strike.affected_unit) == (7_000, "customers")


def test_an_operators_post_gives_a_region_level_strike(geo: Geography) -> None:
    strike = _one(
        geo,
        "Вчора ввечері ворог атакував енергетичний об'єкт на Сумщині, повідомили в "
        "Укренерго. Без світла залишилися понад 20 тисяч споживачів.",
    )
    assert (strike.settlement, strike.admin1_iso, strike.attacker) == ("", "UA-59", "russia")
    assert (strike.facility_type, strike.date) == ("other_energy", date(2025, 11, 7))
    assert (strike.affected_count, strike.affected_unit) == (20_000, "customers")


def test_a_ukrainian_strike_on_an_occupied_area_is_ukraines(geo: Geography) -> None:
    strike = _one(
        geo,
        "В Херсонской области в результате удара ВСУ повреждена подстанция, сообщил "
        "назначенный Россией губернатор.",
    )
    assert (strike.admin1_iso, strike.target_country, strike.attacker) == ("UA-65", "UA", "ukraine")


def test_two_sites_in_one_town_are_two_strikes_and_synonyms_one(geo: Geography) -> None:
    refinery, terminal = extract(
        "Этой ночью дроны атаковали Туапсе: повреждены НПЗ и причал морского порта.",
        geo,
        SATURDAY,
    )
    assert {refinery.facility_type, terminal.facility_type} == {"refinery", "oil_terminal"}
    assert refinery.settlement == terminal.settlement == "Tuapse"
    (chp,) = extract(
        "Ракеты попали в ТЭЦ в Белгороде. Кадры горящей теплоэлектростанции публикуют каналы.",
        geo,
        SATURDAY,
    )
    assert chp.facility_type == "chp"


def test_pipes_at_a_depot_are_the_depot(geo: Geography) -> None:
    (depot,) = extract(
        "Этой ночью дроны атаковали нефтебазу в Брянске, поврежден трубопровод между резервуарами.",
        geo,
        SATURDAY,
    )
    assert depot.facility_type == "oil_depot"


def test_a_fire_then_its_cause_is_one_strike(geo: Geography) -> None:
    strike = _one(
        geo,
        "В Лискинском районе Воронежской области произошел пожар на нефтебазе.\n"
        "Причиной стала атака украинских беспилотников.",
    )
    assert (strike.admin1_iso, strike.facility_type, strike.weapon) == (
        "RU-VOR",
        "oil_depot",
        "drone",
    )


def test_an_attack_then_where_it_cut_power_is_one_strike(geo: Geography) -> None:
    strike = _one(
        geo,
        "На Сумщині діють графіки.\nВночі внаслідок атаки пошкоджено обладнання обленерго. Це "
        "призвело до знеструмлення споживачів у Запорізькому районі.",
    )
    assert (strike.settlement, strike.admin1_iso, strike.facility_type) == (
        "",
        "UA-23",
        "other_energy",
    )


def test_the_latter_is_the_last_place_named(geo: Geography) -> None:
    strike = _one(
        geo,
        "Складна ситуація у Сумській та Чернігівській областях. Остання знову перебувала під "
        "атакою, пошкоджено енергооб'єкт.",
    )
    assert strike.admin1_iso == "UA-74"


def test_an_attack_in_a_neighbouring_region_is_no_strike_where_it_was_felt(geo) -> None:
    assert (
        extract(
            "Несколько сел Воронежской области остались без электричества после атаки "
            "беспилотников в соседнем регионе.",
            geo,
            SATURDAY,
        )
        == []
    )


def test_a_reminder_is_its_own_strike_and_does_not_date_the_others(geo: Geography) -> None:
    today, earlier = extract(
        "Беспилотник атаковал НПЗ в Краснодарском крае.\nНапомним, 1 ноября дроны атаковали "
        "Ильский НПЗ в Северском районе Краснодарского края.",
        geo,
        SATURDAY,
    )
    assert (today.date, today.date_precision) == (SATURDAY, "week")
    assert (earlier.date, earlier.settlement) == (date(2025, 11, 1), "Il’skiy")


def test_a_dated_strike_elsewhere_does_not_date_an_undated_one(geo: Geography) -> None:
    (depot,) = extract(
        "Беспилотник атаковал нефтебазу в Брянске.\n3 ноября дроны атаковали жилой дом в Курске.",
        geo,
        SATURDAY,
    )
    assert (depot.admin1_iso, depot.date, depot.date_precision) == ("RU-BRY", SATURDAY, "week")


def test_a_report_of_a_russian_installed_head_is_about_occupied_areas(geo: Geography) -> None:
    strike = _one(
        geo,
        "Сальдо: обломками вражеских БПЛА повреждена подстанция в Мелитопольском районе "
        "Запорожской области.",
    )
    assert (strike.admin1_iso, strike.attacker) == ("UA-23", "ukraine")


def test_another_companys_facility_is_a_second_strike(geo: Geography) -> None:
    substation, other = extract(
        "Цієї ночі ворог атакував підстанцію ДТЕК на Київщині. Також під удар потрапив "
        "об'єкт іншої енергетичної компанії.",
        geo,
        SATURDAY,
    )
    assert (substation.facility_type, other.facility_type) == ("substation", "other_energy")
    assert substation.admin1_iso == other.admin1_iso == "UA-32"


def test_a_placeless_strike_sentence_introduces_the_next_ones_strike(geo: Geography) -> None:
    strike = _one(
        geo,
        "Нагадаємо, 3 листопада Росія завдала масованого ракетного удару по "
        "теплоелектростанціях. Через одну з атак пожежа виникла на Бурштинській ТЕС.",
    )
    assert (strike.settlement, strike.admin1_iso) == ("Burshtyn", "UA-26")
    assert (strike.date, strike.weapon) == (date(2025, 11, 3), "missile")


def test_a_facility_named_for_listed_regions_belongs_to_each(geo: Geography) -> None:
    found = extract(
        "Цієї ночі російські війська атакували газовидобувні об'єкти на Сумщині та Полтавщині.",
        geo,
        SATURDAY,
    )
    assert [(s.admin1_iso, s.facility_type) for s in found] == [
        ("UA-59", "gas_facility"),
        ("UA-53", "gas_facility"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # negotiations
        "Песков заявил, что мораторий на удары по объектам энергетики в Курской области "
        "может быть продлен, если Киев согласится.",
        "Удары по объектам энергетики в Запорожской области попали под мораторий.",
        # repairs
        "Енергетики відновлюють пошкоджену підстанцію у Харкові, ремонт триває.",
        "На подстанции в Энергодаре продолжается ремонт линий электропередачи.",
        # outage forecasts
        "Завтра у Київській області діятимуть графіки погодинних відключень.",
        "Ukrenergo said hourly outages will apply in the Kyiv region tomorrow.",
        # an old strike told as background
        "Нагадаємо, у 2023 році ворог неодноразово атакував ТЕС на Київщині.",
        "Ранее беспилотники атаковали нефтебазу в Брянске.",
        "Напомним, ракеты попадали в ТЭЦ Белгорода.",
        # a strike on something that is not energy
        "Этой ночью беспилотники атаковали жилой дом в Курске, пострадали двое.",
    ],
)
def test_texts_reporting_no_strike_give_nothing(geo: Geography, text: str) -> None:
    assert extract(text, geo, SATURDAY) == []
