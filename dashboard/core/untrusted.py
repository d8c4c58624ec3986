"""Text from outside (a link, a file, a file name, an article, the dataset) made inert.

Streamlit renders Markdown in ``st.warning``, ``st.error``, ``st.info``,
``st.success``, ``st.caption``, ``st.markdown`` and ``st.write``: a link value such
as ``[Log in again](https://evil.example)`` would become a working link, and
``![x](https://evil.example/p.png)`` would make the reader's browser fetch a
tracking pixel. Backslash escapes are not enough: GitHub-style autolinks
(``https://…``, ``www.…``) are found in the text *after* escapes are resolved, so an
escaped address still becomes a link. :func:`inert` therefore quotes a value as a
Markdown code span, whose content is never parsed: no link, image, HTML, emphasis,
autolink or Streamlit directive (``:red[...]``, ``:material/icon:``) comes of it. It
also folds line breaks and control characters and bounds the length. Pages put every
untrusted value through it and write only their own words around it.
"""

from __future__ import annotations

import re

#: Longest untrusted value shown in a message; the rest is cut with an ellipsis.
MAX_SHOWN = 200
#: C0/C1 controls, line and paragraph separators, bidi overrides, zero-width marks.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")
_BACKTICKS = re.compile(r"`+")


def inert(value: object, *, limit: int = MAX_SHOWN) -> str:
    """``value`` as a Markdown code span: displayed character for character, never parsed."""
    text = _CONTROL.sub(" ", str(value))
    if len(text) > limit:
        text = text[:limit] + "…"
    if not text.strip():
        return "` `"
    # The fence is longer than any run of backticks inside; a space pads a value that
    # starts or ends with a backtick (CommonMark strips exactly one on each side).
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" or (text[0] == " " and text[-1] == " ") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
