"""Who published a source: the link's host, and whether it is a primary outlet.

Aggregators, mirrors and copy sites republish others' reporting; they may support a
record as a second source but never carry it alone. The list grows as review finds
more; a raw IP address is never an outlet.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from dashboard.core.incidents.schema import split_sources

#: Hosts (or parts of hosts) of aggregators, mirrors and copy sites seen in review.
SECONDARY_HOSTS = (
    "menafn.com",
    "devdiscourse.com",
    "news-pravda.com",
    "pravda-en.com",
    "benborges.xyz",
    "trends.glance.com",
    "globalbankingandfinance.com",
    "zmi.st",
    "walaw.press",
    "newsnow.",
    "galweek.com",
    "gamereactor.",
    "dunyaplus",
    "lifelines.name",
    "voltairenet.org",
)
_IP = re.compile(r"^\d{1,3}(\.\d{1,3}){3}$")


def source_hosts(urls: str) -> list[str]:
    """The host of each source link, in order ('www.' dropped)."""
    hosts = (urlsplit(u).hostname or "" for u in split_sources(urls))
    return [h.removeprefix("www.") for h in hosts if h]


def is_secondary(host: str) -> bool:
    """An aggregator, mirror or copy site, or a bare IP address."""
    return bool(_IP.match(host)) or any(part in host for part in SECONDARY_HOSTS)
