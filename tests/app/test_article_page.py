"""The article page: paste, review suggestions, add them to the session's map."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard.core.dataset import Dataset

from .test_pages import APP, map_incident_ids

ARTICLE = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
SEED = (ARTICLE / "2025-11-09-voronezh-belgorod.txt").read_text(encoding="utf-8")


def article_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90).run()
    return at.switch_page("app_pages/article.py").run()


def test_suggestions_from_the_seed_article_reach_the_map(bundled: Dataset) -> None:
    at = article_page()
    at.text_area(key="article_text").input(SEED)
    at.date_input(key="article_published").set_value("2025-11-09")
    at.text_input(key="article_source").input("https://example.org/ap-2025-11-09")
    at.run()
    at.button[0].click().run()  # Suggest incidents
    assert not at.exception
    assert [h.value for h in at.subheader] == ["Strikes (2)", "Interception claims (2)"]
    assert "Read as English" in at.caption[0].value
    at.button[1].click().run()  # Add the chosen incidents to the map
    assert not at.exception
    ids = map_incident_ids(at)
    # The two strikes reach the map; the claims over Bryansk and Rostov never do.
    added = [i for i in ids if i.startswith("article-")]
    assert len(added) == 2 and len(ids) == len(bundled.incidents) + 2


def test_a_ukrainian_post_is_read_and_its_claims_kept_apart() -> None:
    at = article_page()
    at.text_area(key="article_text").input(
        "Опубліковано: 12 грудня 2025\n\n"
        "Цієї ночі російські війська били дронами по енергетичних об'єктах Одеської "
        "області, пошкоджено підстанцію ДТЕК. Без світла залишаються 90 тисяч родин.\n"
        "Над Одеською областю сили ППО знищили 20 ворожих безпілотників."
    ).run()
    at.button[0].click().run()
    assert not at.exception
    assert "Read as Ukrainian" in at.caption[0].value
    assert [h.value for h in at.subheader] == ["Strikes (1)", "Interception claims (1)"]
    strike = at.dataframe[0].value.iloc[0]  # the editor: strikes only
    assert (strike["admin1_iso"], strike["facility_type"], strike["affected_count"]) == (
        "UA-51",
        "substation",
        90000,
    )
    claim = at.dataframe[1].value.iloc[0]
    assert (claim["admin1_iso"], claim["claimed_intercepted"]) == ("UA-51", "20")


def test_an_article_without_a_date_asks_for_one() -> None:
    at = article_page()
    at.text_area(key="article_text").input("Drones hit a substation in Kharkiv overnight.").run()
    at.button[0].click().run()
    assert not at.exception
    assert "publication date" in at.error[0].value
