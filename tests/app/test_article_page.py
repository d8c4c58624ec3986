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
    assert at.subheader[0].value == "Suggestions (4)"
    at.button[1].click().run()  # Add the chosen incidents to the map
    assert not at.exception
    ids = map_incident_ids(at)
    added = [i for i in ids if i.startswith("article-")]
    assert len(added) == 4 and len(ids) == len(bundled.incidents) + 4


def test_an_article_without_a_date_asks_for_one() -> None:
    at = article_page()
    at.text_area(key="article_text").input("Drones hit a substation in Kharkiv overnight.").run()
    at.button[0].click().run()
    assert not at.exception
    assert "publication date" in at.error[0].value
