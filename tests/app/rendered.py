"""Read element values as a reader sees them: Markdown backslash escapes removed."""

from __future__ import annotations

import re


def plain(markdown: str) -> str:
    r"""``'junk\.csv'`` -> ``'junk.csv'``: what an escaped untrusted value displays as."""
    return re.sub(r"\\(.)", r"\1", markdown)
