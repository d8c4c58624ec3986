"""Text from outside (a link, a file, a file name, an article, the dataset) made inert.

Streamlit renders Markdown in ``st.warning``, ``st.error``, ``st.info``,
``st.success``, ``st.caption``, ``st.markdown`` and ``st.write``: a link value such
as ``[Log in again](https://evil.example)`` would become a working link, and
``![x](https://evil.example/p.png)`` would make the reader's browser fetch a
tracking pixel. :func:`inert` escapes every character Markdown (and Streamlit's
own directives: ``:red[...]``, ``:material/icon:``, ``$math$``) gives a meaning,
folds line breaks and control characters, and bounds the length, so the value is
shown exactly as text. :func:`markdown` fills a trusted template with such values.
"""

from __future__ import annotations

import re

#: Longest untrusted value shown in a message; the rest is cut with an ellipsis.
MAX_SHOWN = 200
#: Characters with a meaning in Markdown, GFM autolinks (``.`` and ``:`` in ``www.x.y``
#: and ``https://``) or Streamlit directives; CommonMark lets a backslash escape each.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")
#: C0/C1 controls, line and paragraph separators, bidi overrides, zero-width marks.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]+")


def inert(value: object, *, limit: int = MAX_SHOWN) -> str:
    """``value`` as Markdown that displays its characters literally and links nothing."""
    text = _CONTROL.sub(" ", str(value))
    if len(text) > limit:
        text = text[:limit] + "…"
    return _SPECIAL.sub(r"\\\1", text)


def markdown(template: str, *values: object) -> str:
    """Fill ``{}`` slots of a trusted Markdown template with inert untrusted values."""
    return template.format(*(inert(v) for v in values))
