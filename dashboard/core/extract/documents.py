"""Articles from files: plain text, HTML pages saved from a browser, RSS and Atom feeds.

An analyst's batch is whatever was saved while reading: a governor's post copied into a
text file, a news page saved from the browser, a feed. Each becomes one or more
:class:`Article` with the text to read, its source (the page's own address when the
file has one, else the file's name), its outlet and its publication date when the file
says. Everything in a file is untrusted: nothing here fetches, runs or follows anything,
and a feed declaring XML entities is refused rather than expanded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

#: HTML elements whose content is never article text.
_SKIPPED = frozenset(
    ("script", "style", "noscript", "nav", "footer", "aside", "form", "svg", "template",
     "iframe", "button", "select", "head")
)  # fmt: skip
#: HTML elements that end a paragraph.
_BLOCKS = frozenset(
    ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
     "blockquote", "tr", "figcaption", "header", "main", "ul", "ol", "table")
)  # fmt: skip
_PUBLISHED_META = frozenset(
    ("article:published_time", "og:published_time", "datepublished", "pubdate", "date",
     "dc.date.issued", "dc.date", "publish-date", "sailthru.date", "parsely-pub-date")
)  # fmt: skip
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(?P<url>https?://\S+)", re.I)
_ISO_DAY = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2})")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?(?P<charset>[\w-]+)""", re.I)
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:rdf)\b")
_HTML_START = re.compile(r"<(?:!doctype html|html|body|article|p)\b", re.I)


class DocumentError(ValueError):
    """A file that cannot be read as articles (said in words, never a traceback)."""


@dataclass(frozen=True)
class Article:
    """Text to read and where it came from."""

    source: str  # the article's address, else the file's name
    outlet: str  # the site or feed name, else the address's host, else ""
    text: str
    published: date | None

    @property
    def url(self) -> str:
        return self.source if self.source.startswith(("http://", "https://")) else ""


def read_file(path: Path) -> list[Article]:
    """The articles in one file: a feed gives one per item, any other file one."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DocumentError(f"cannot read {path}: {error.strerror}") from error
    return read_bytes(data, path.name)


def read_bytes(data: bytes, name: str) -> list[Article]:
    """Articles from a file's bytes, its kind told by its content (not its name)."""
    head = data[:2048].lower()
    if _FEED_START.search(head) and b"<html" not in head:
        return _feed(data, name)
    text = _decode(data)
    if _HTML_START.search(text[:4096]):
        return [_page(text, name)]
    return [Article(source=name, outlet="", text=text, published=None)]


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM); else the page's declared charset; else Windows-1251,
    the usual encoding of Russian and Ukrainian pages saved from older sites."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(data[:4096])
    for encoding in ([declared["charset"].decode("ascii")] if declared else []) + ["cp1251"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


class _Text(HTMLParser):
    """The prose of a page, one paragraph a line, with what its head says about it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.meta: dict[str, str] = {}
        self.title = ""
        self.saved_from = ""
        self.time = ""
        self.has_headline = False
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"])
        elif tag == "link" and "canonical" in values.get("rel", "").lower():
            self.meta.setdefault("canonical", values.get("href", ""))
        elif tag == "time" and values.get("datetime") and not self.time:
            self.time = values["datetime"]
        if tag == "title":
            self._in_title = True
        self.has_headline |= tag == "h1" and not self._skip
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _SKIPPED:
            self._skip = max(self._skip - 1, 0)
        elif tag in _BLOCKS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.lines[-1] += data

    def handle_comment(self, data: str) -> None:
        match = _SAVED_FROM.search(data)
        if match and not self.saved_from:
            self.saved_from = match["url"]

    def text(self) -> str:
        lines = (re.sub(r"\s+", " ", line).strip() for line in self.lines)
        return "\n".join(line for line in lines if line)


def html_text(markup: str) -> str:
    """The prose of an HTML fragment (a feed item's description), one paragraph a line."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return parser.text()


def _page(markup: str, name: str) -> Article:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    body = parser.text()
    # The page's own headline (h1) is in its prose; else the title stands for it.
    title = parser.meta.get("og:title") or parser.title.strip()
    text = body if parser.has_headline or not title else f"{title}\n{body}"
    url = next(
        (
            u
            for u in (
                parser.meta.get("canonical", ""),
                parser.meta.get("og:url", ""),
                parser.saved_from,
            )
            if u.startswith(("http://", "https://"))
        ),
        "",
    )
    published = next(
        (d for key in _PUBLISHED_META if (d := _iso_day(parser.meta.get(key, "")))),
        _iso_day(parser.time),
    )
    outlet = parser.meta.get("og:site_name", "") or _host(url)
    return Article(source=url or name, outlet=outlet, text=text, published=published)


def _feed(data: bytes, name: str) -> list[Article]:
    """One article per RSS item or Atom entry: title, link, date and description."""
    if b"<!entity" in data.lower():
        raise DocumentError(f"{name}: the feed declares XML entities; not read")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise DocumentError(f"{name}: not a well-formed feed ({error})") from error
    for element in root.iter():
        element.tag = element.tag.rsplit("}", 1)[-1].lower()
    channel = root.find("channel")
    feed_title = _child(channel if channel is not None else root, "title")
    articles = []
    for item in (e for e in root.iter() if e.tag in ("item", "entry")):
        link = _child(item, "link") or next(
            (
                e.get("href", "")
                for e in item.findall("link")
                if e.get("rel", "alternate") == "alternate"
            ),
            "",
        )
        body = _child(item, "encoded") or _child(item, "content") or _child(item, "description")
        body = body or _child(item, "summary")
        text = "\n".join(p for p in (_child(item, "title"), html_text(body)) if p)
        when = _child(item, "pubdate") or _child(item, "published") or _child(item, "updated")
        when = when or _child(item, "date")
        url = link.strip() if link.strip().startswith(("http://", "https://")) else ""
        articles.append(
            Article(
                source=url or f"{name} (item {len(articles) + 1})",
                outlet=feed_title or _host(url),
                text=text,
                published=_feed_day(when),
            )
        )
    return articles


def _child(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return "".join(found.itertext()).strip() if found is not None else ""


def _feed_day(value: str) -> date | None:
    """An RSS date (RFC 822: "Sun, 09 Nov 2025 07:12:00 +0000") or an Atom one (ISO)."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return _iso_day(value)


def _iso_day(value: str) -> date | None:
    match = _ISO_DAY.search(value)
    if not match:
        return None
    try:
        return datetime.strptime(match["day"], "%Y-%m-%d").date()
    except ValueError:
        return None


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
