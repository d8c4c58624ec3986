"""Batch runs: articles from text, saved pages and feeds; reports of one strike merged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dashboard.core.extract.article import Suggestion, claims_frame
from dashboard.core.extract.batch import (
    files_in,
    merge,
    read_path,
    strikes_frame,
)
from dashboard.core.extract.documents import DocumentError, read_bytes
from dashboard.core.incidents import schema
from dashboard.core.join.place import Geography

PAGE = b"""<!DOCTYPE html>
<!-- saved from url=(0035)https://example.org/news/1?ref=feed -->
<html><head><meta charset="utf-8"><title>Site: drones hit a depot</title>
<link rel="canonical" href="https://example.org/news/1">
<meta property="og:site_name" content="Example News">
<meta name="description">
<meta itemprop="datePublished" content="2025-11-09">
<style>p { color: red }</style><script>var x = "Drones hit a refinery in Ryazan.";</script>
</head><body><nav><a href="/">Drones hit a substation in Kursk</a></nav>
<article><h1>Drones hit an oil depot in Bryansk</h1>
<p>Ukrainian drones hit an oil depot in Bryansk overnight,
the governor said.</p><p>A fire broke out.</p></article>
<footer>Drones hit a CHP in Oryol overnight.</footer></body></html>
"""
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Лента новостей</title>
<item><title>Дроны атаковали нефтебазу в Брянске</title>
<link>https://example.org/ru/1</link><pubDate>Sun, 09 Nov 2025 07:12:00 +0300</pubDate>
<description>&lt;p&gt;Этой ночью беспилотники ВСУ атаковали нефтебазу в Брянске.&lt;/p&gt;
</description>
</item>
<item><title>Переговоры продолжатся</title><link>https://example.org/ru/2</link>
<pubDate>Sun, 09 Nov 2025 09:00:00 +0300</pubDate><description>Без новостей.</description></item>
</channel></rss>
""".encode()
ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Drones hit a substation in Kharkiv</title>
<link rel="alternate" href="https://example.org/en/1"/><published>2025-11-08T06:00:00Z</published>
<summary type="html">Russian drones hit a substation in Kharkiv overnight.</summary></entry>
</feed>
"""


def test_a_saved_page_gives_its_prose_address_outlet_and_date() -> None:
    (article,) = read_bytes(PAGE, "page.html")
    assert article.source == article.url == "https://example.org/news/1"  # canonical first
    assert (article.outlet, article.published) == ("Example News", date(2025, 11, 9))
    assert article.text.splitlines() == [
        "Drones hit an oil depot in Bryansk",
        "Ukrainian drones hit an oil depot in Bryansk overnight, the governor said.",
        "A fire broke out.",
    ]


def test_a_page_saved_without_metadata_keeps_the_browser_address() -> None:
    page = (
        b"<!-- saved from url=(0025)https://example.org/x -->\n<html><body><p>Hi.</p></body></html>"
    )
    (article,) = read_bytes(page, "x.html")
    assert (article.source, article.outlet, article.published) == (
        "https://example.org/x",
        "example.org",
        None,
    )


def test_a_page_in_windows_1251_is_read() -> None:
    page = "<html><body><p>Дроны атаковали нефтебазу.</p></body></html>".encode("cp1251")
    (article,) = read_bytes(page, "old.html")
    assert article.text == "Дроны атаковали нефтебазу."


def test_an_rss_feed_gives_an_article_per_item() -> None:
    first, second = read_bytes(RSS, "feed.xml")
    assert (first.source, first.outlet, first.published) == (
        "https://example.org/ru/1",
        "Лента новостей",
        date(2025, 11, 9),
    )
    assert first.text.splitlines() == [
        "Дроны атаковали нефтебазу в Брянске",
        "Этой ночью беспилотники ВСУ атаковали нефтебазу в Брянске.",
    ]
    assert second.source == "https://example.org/ru/2"


def test_an_atom_feed_gives_an_article_per_entry() -> None:
    (entry,) = read_bytes(ATOM, "wire.atom")
    assert (entry.source, entry.outlet, entry.published) == (
        "https://example.org/en/1",
        "Wire",
        date(2025, 11, 8),
    )


def test_a_plain_text_file_is_one_article_named_by_its_file() -> None:
    (article,) = read_bytes(b"Published: 2025-11-09\nText.", "post.txt")
    assert (article.source, article.url, article.outlet) == ("post.txt", "", "")


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel>&a;</channel></rss>',
        b"<rss><channel><item><title>unclosed</channel></rss>",
    ],
)
def test_a_hostile_or_broken_feed_is_refused_in_words(data: bytes) -> None:
    with pytest.raises(DocumentError, match="feed"):
        read_bytes(data, "bad.xml")


def test_files_in_folders_are_read_and_hidden_ones_left(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html").write_text("x")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "c.txt").write_text("x")
    assert files_in([tmp_path]) == [tmp_path / "b.txt", tmp_path / "sub" / "a.html"]


def test_every_article_of_a_feed_is_read_and_sourced(geo: Geography, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(RSS)
    result = read_path(feed, geo)
    assert (result.read, result.errors) == (2, [])
    (strike,) = result.suggestions
    assert (strike.admin1_iso, strike.facility_type) == ("RU-BRY", "oil_depot")
    assert (strike.source_url, strike.source_outlet) == (
        "https://example.org/ru/1",
        "Лента новостей",
    )


# --- merging ------------------------------------------------------------------------------


def _strike(**fields: object) -> Suggestion:
    base = Suggestion(
        kind="strike",
        settlement="Belgorod",
        admin1_iso="RU-BEL",
        attacker="ukraine",
        target_country="RU",
        facility_type="substation",
        weapon="drone",
        date=date(2025, 11, 8),
        date_precision="day",
        affected_count=None,
        affected_unit="",
        claimed_intercepted=None,
        confidence="claimed",
        evidence="A drone hit a substation in Belgorod.",
        source_url="https://a.example/1",
        source_outlet="A",
        latitude=50.6,
        longitude=36.58,
    )
    return replace(base, **fields)


def test_reports_of_the_same_strike_merge_with_all_their_sources() -> None:
    (merged,) = merge(
        [
            _strike(),
            _strike(
                settlement="Белгород",  # the same town in another script
                weapon="missile",
                affected_count=20_000,
                affected_unit="households",
                confidence="confirmed",
                evidence="Ракета попала в подстанцию.",
                source_url="https://b.example/2",
                source_outlet="B",
            ),
        ]
    )
    assert merged.source_url == "https://a.example/1 | https://b.example/2"
    assert merged.source_outlet == "A | B"
    assert (merged.weapon, merged.confidence) == ("drone_and_missile", "confirmed")
    assert (merged.affected_count, merged.affected_unit) == (20_000, "households")
    assert "Ракета" in merged.evidence and "A drone" in merged.evidence


def test_a_vaguer_report_merges_into_the_one_strike_it_fits() -> None:
    region_level = _strike(
        settlement="", facility_type="other_energy", source_url="https://c.example/3"
    )
    (merged,) = merge([region_level, _strike()])
    assert (merged.settlement, merged.facility_type) == ("Belgorod", "substation")
    assert merged.source_url == "https://a.example/1 | https://c.example/3"


def test_a_vaguer_report_fitting_two_strikes_stays_apart() -> None:
    vague = _strike(settlement="", facility_type="other_energy")
    found = merge([vague, _strike(), _strike(settlement="Shebekino", latitude=50.4)])
    assert len(found) == 3


@pytest.mark.parametrize(
    "other",
    [
        {"date": date(2025, 11, 7)},
        {"facility_type": "chp"},
        {"admin1_iso": "RU-KRS"},
        {"settlement": "Shebekino", "latitude": 50.41},
        {"kind": "interception_claim", "facility_type": "", "settlement": ""},
    ],
)
def test_different_records_do_not_merge(other: dict[str, object]) -> None:
    assert len(merge([_strike(), _strike(**other)])) == 2


def test_frames_are_ready_for_ingest_and_inert_in_spreadsheets() -> None:
    claim = _strike(
        kind="interception_claim",
        settlement="",
        facility_type="",
        claimed_intercepted=14,
        evidence='=HYPERLINK("https://evil.example")',
    )
    strikes = strikes_frame([_strike(), claim])
    assert len(strikes) == 1 and strikes["id"].iloc[0].startswith("ext-")
    assert strikes_frame([_strike()])["id"].iloc[0] == strikes["id"].iloc[0]  # stable
    assert len(schema.validate(strikes).rejected) == 0
    claims = claims_frame([_strike(), claim])
    assert list(claims["claimed_intercepted"]) == ["14"]
    assert claims["evidence"].iloc[0].startswith("'=")
