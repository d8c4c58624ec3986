"""What a Markdown string becomes in a browser: links, images and raw HTML it would make.

Streamlit renders element text as CommonMark with GitHub's extensions (autolinked
``https://`` and ``www.`` addresses). markdown-it-py with linkify parses the same way,
so a test can ask what a message would turn into without a browser.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "strikethrough", "table"])
_ACTIVE = {"link_open", "image", "html_inline", "html_block"}


def active_elements(markdown: str) -> list[str]:
    """Every link, image or raw HTML the text would render as ([] for inert text)."""
    found = []
    for token in _MD.parse(markdown):
        for part in [token, *(token.children or [])]:
            if part.type in _ACTIVE:
                target = part.attrs.get("href") or part.attrs.get("src") or part.content
                found.append(f"{part.type}: {target}")
    return found


def rendered_text(markdown: str) -> str:
    """The text a reader sees (inline text and code), white space collapsed."""
    parts = []
    for token in _MD.parse(markdown):
        parts += [c.content for c in token.children or [] if c.type in ("text", "code_inline")]
    return " ".join(" ".join(parts).split())
