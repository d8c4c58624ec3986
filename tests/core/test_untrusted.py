"""Untrusted text shown through Markdown stays text: no link, image or HTML comes of it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.core.untrusted import MAX_SHOWN, inert
from tests.support.markdown import active_elements, rendered_text

PAYLOADS = [
    "[Log in again](https://evil.example/x)",
    "![x](https://evil.example/p.png)",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "https://evil.example/phish",
    "www.evil.example",
    "<https://evil.example>",
    "[ref]\n\n[ref]: https://evil.example",
    "mail@evil.example",
    ":red[urgent] :material/lock: $x^2$",
    "# Heading\n- list\n> quote",
    "&lt;script&gt; &#x3C;b&#x3E;",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_known_payloads_render_as_their_own_text(payload: str) -> None:
    shown = inert(payload)
    assert active_elements(shown) == []
    assert rendered_text(shown) == " ".join(payload.split())


def test_the_checker_sees_what_raw_payloads_would_make() -> None:
    """Without the escaping, the same values become links, images and HTML."""
    for payload in [*PAYLOADS[:3], "https://evil.example/phish", "www.evil.com"]:
        assert active_elements(payload), payload


def test_an_inert_value_inside_a_message_keeps_the_message_readable() -> None:
    text = f"Link parameter {inert('side=[a](https://e.x)')} ignored: bad"
    assert active_elements(text) == []
    assert rendered_text(text) == "Link parameter side=[a](https://e.x) ignored: bad"


@pytest.mark.parametrize("value", ["`", "a`b", "``x``", "`x", " ", "", "  x  "])
def test_backticks_and_blanks_cannot_close_the_quote(value: str) -> None:
    shown = inert(value + " [y](https://e.x)")
    assert active_elements(shown) == []


def test_long_and_control_character_values_are_bounded_and_folded() -> None:
    shown = inert("a\x00b\u202ec\nd" + "x" * 1000)
    assert "\x00" not in shown and "\u202e" not in shown and "\n" not in shown
    assert len(rendered_text(shown)) <= MAX_SHOWN + 1


hostile_text = st.text(
    alphabet=st.sampled_from([*"[]()!<>:/.\\`*_#-+|~$&@ \n\tahtpsw=\"'{}", "\x00", "\u202e"]),
    max_size=80,
)


@settings(max_examples=400, deadline=None)
@given(hostile_text)
def test_any_text_renders_inert_and_unchanged(value: str) -> None:
    shown = inert(value)
    assert active_elements(shown) == []
    folded = "".join(" " if c in "\x00\u202e\n\t" else c for c in value)
    assert rendered_text(shown) == " ".join(folded.split())
