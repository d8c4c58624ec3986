"""Read element values as a reader sees them: Markdown rendered to its text."""

from __future__ import annotations

from tests.support.markdown import rendered_text


def plain(markdown: str) -> str:
    """``'`junk.csv` cannot be imported'`` -> ``'junk.csv cannot be imported'``."""
    return rendered_text(markdown)
