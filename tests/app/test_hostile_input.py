"""Crafted links, files and articles: their text is shown, never turned into links,
images or HTML on any page (see SECURITY.md)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.core.view.state import PARAMS
from tests.support.markdown import active_elements, rendered_text

from .test_pages import APP, app

#: Values that would be a link, an image, HTML or a Streamlit directive if rendered raw.
PAYLOADS = (
    "[Log in again](https://evil.example/x)",
    "![x](https://evil.example/p.png)",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "https://evil.example/phish",
    "www.evil.com",
    ":red[Session expired] :material/lock:",
    "<https://evil.example/auto>",
    "a\x00b\u202ec\r\nd",
    "x" * 5000,
)
KEYS = [p.key for p in PARAMS] + ["utm_source"]


def markdown_values(at: AppTest) -> list[str]:
    """The text of every element that Streamlit renders as Markdown."""
    kinds = ("markdown", "caption", "warning", "error", "info", "success", "title", "subheader")
    return [element.value for kind in kinds for element in getattr(at, kind)]


def assert_inert(at: AppTest) -> None:
    assert not at.exception
    for value in markdown_values(at):
        assert active_elements(value) == [], value


def test_the_reported_phishing_link_is_quoted_as_text() -> None:
    at = app(side="[Log in again](https://evil.example/x)")
    assert_inert(at)
    warning = rendered_text(at.warning[0].value)
    assert "side=[Log in again](https://evil.example/x)" in warning


def test_the_reported_tracking_pixel_is_quoted_as_text() -> None:
    at = app(region="![x](https://evil.example/p.png)")
    assert_inert(at)
    assert "region=![x](https://evil.example/p.png)" in rendered_text(at.warning[0].value)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(KEYS),
        st.lists(st.sampled_from(PAYLOADS), min_size=1, max_size=3),
        min_size=1,
        max_size=4,
    )
)
def test_hostile_values_in_any_link_parameter_stay_text(query: dict[str, list[str]]) -> None:
    at = app(**query)
    assert_inert(at)
    assert len(at.warning) >= 1  # each unusable value is still named


def test_an_upload_with_hostile_name_and_cells_stays_text() -> None:
    rows = "\n".join(
        f'2025-01-0{i + 1},russia,Kharkiv,substation,"{p}",https://ok.example/{i}'
        for i, p in enumerate(PAYLOADS[:6])
    )
    data = f"date,attacker,settlement,facility_type,effects,source_url\n{rows}\n".encode()
    at = AppTest.from_file(APP, default_timeout=90).run()
    at = at.switch_page("app_pages/import_data.py").run()
    name = "[Log in](https://evil.example/x).csv"
    at.file_uploader(key="upload_file").set_value((name, data, "text/csv")).run()
    assert_inert(at)
    assert any(name in rendered_text(v) for v in markdown_values(at))
    at.button[0].click().run()  # onto the map: the popups escape HTML (tests/core/maps)
    assert_inert(at)


def test_a_file_that_is_not_a_table_is_named_as_text() -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at = at.switch_page("app_pages/import_data.py").run()
    header = b"![x](https://evil.example/p.png),<b>col</b>\n1,2\n"
    at.file_uploader(key="upload_file").set_value(("www.evil.com.csv", header, "text/csv")).run()
    assert_inert(at)
    assert "cannot be imported" in rendered_text(at.error[0].value)


def test_an_article_with_hostile_sentences_and_source_stays_text() -> None:
    at = AppTest.from_file(APP, default_timeout=90).run()
    at = at.switch_page("app_pages/article.py").run()
    text = (
        "Published: 2025-11-09\n\n"
        "Russian drones hit a substation in Kharkiv overnight, [the governor said]"
        "(https://evil.example/x). ![x](https://evil.example/p.png) <img src=x onerror=alert(1)>"
        "\nНад Харківщиною збито 12 дронів [тут](https://evil.example/c) <b>x</b>."
    )
    at.text_area(key="article_text").input(text)
    at.text_input(key="article_source").input("[src](https://evil.example)")
    at.run()
    at.button[0].click().run()  # Suggest incidents
    assert_inert(at)
    # The claim's table carries the same hostile sentence, as text.
    assert "Interception claims (1)" in [h.value for h in at.subheader]
    at.text_area(key="article_text").input("<b>no date</b> [x](https://evil.example)").run()
    at.date_input(key="article_published").set_value(None).run()
    at.button[0].click().run()
    assert_inert(at)
