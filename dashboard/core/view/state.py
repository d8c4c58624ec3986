"""The view state and its query-string codec: the one door between URLs and views.

A view (filters, map centre and zoom, basemap, layers, choropleth measure, the
selected incident) is a frozen :class:`ViewState`. :func:`encode` writes it as
short readable query parameters, leaving out defaults; :func:`decode` parses
untrusted parameters back, ignoring unknown keys and invalid values and saying
which and why. Nothing from a URL is ever unpickled or evaluated: every value is
matched against a pattern or a closed vocabulary.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit

from dashboard.core.incidents.schema import (
    CONFIDENCE,
    COUNTRIES,
    FACILITY_TYPES,
    WAR_START,
    WEAPONS,
)

ATTACKING_SIDES = ("ukraine", "russia")
BASEMAPS = ("light", "osm", "offline")
LAYERS = ("incidents", "choropleth", "heat")
DEFAULT_LAYERS = ("incidents", "choropleth")
MEASURES = ("count", "households")
#: Locations are town centres: closer than zoom 13 (~streets) would claim false precision.
MIN_ZOOM, MAX_ZOOM = 2, 13
#: Longest value and most repeats accepted per parameter: a bound on hostile links.
MAX_VALUE_LENGTH = 64
MAX_REPEATS = 200
#: Keys Streamlit itself reads from the URL; they are not ours to complain about.
PASSTHROUGH_KEYS = frozenset({"embed", "embed_options"})

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_REGION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_INCIDENT_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


@dataclass(frozen=True)
class ViewState:
    """Everything that defines what the user sees. Empty tuples mean "all"."""

    date_from: date | None = None
    date_to: date | None = None
    sides: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    facilities: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    confidence: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    zoom: int | None = None
    basemap: str = "light"
    layers: tuple[str, ...] = DEFAULT_LAYERS
    measure: str = "count"
    incident: str | None = None

    def with_(self, **changes: object) -> ViewState:
        """A copy with some fields changed (tuples are normalised)."""
        return replace(self, **changes)


@dataclass(frozen=True)
class Ignored:
    """A query parameter that was not used, and why."""

    param: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"'{self.param}={self.value}' ignored: {self.reason}"


@dataclass(frozen=True)
class Decoded:
    state: ViewState
    ignored: tuple[Ignored, ...] = field(default_factory=tuple)


# Parameter name -> (field name, allowed values or None for a custom parser)
_MULTI = {
    "side": ("sides", ATTACKING_SIDES),
    "country": ("countries", COUNTRIES),
    "facility": ("facilities", FACILITY_TYPES),
    "weapon": ("weapons", WEAPONS),
    "confidence": ("confidence", CONFIDENCE),
    "layer": ("layers", LAYERS),
    "region": ("regions", None),
}
_SINGLE = ("from", "to", "lat", "lon", "zoom", "basemap", "measure", "incident")
PARAMS = (*_SINGLE[:2], *_MULTI, *_SINGLE[2:])


def encode(state: ViewState) -> list[tuple[str, str]]:
    """Query parameters for a state, defaults left out, in a stable order."""
    default = ViewState()
    pairs: list[tuple[str, str]] = []
    if state.date_from:
        pairs.append(("from", state.date_from.isoformat()))
    if state.date_to:
        pairs.append(("to", state.date_to.isoformat()))
    for param, (name, _) in _MULTI.items():
        values = getattr(state, name)
        if values == getattr(default, name):
            continue
        if values:
            pairs.extend((param, v) for v in values)
        else:
            pairs.append((param, ""))  # explicitly none, e.g. every layer switched off
    if state.lat is not None and state.lon is not None:
        pairs += [("lat", f"{state.lat:.4f}"), ("lon", f"{state.lon:.4f}")]
    if state.zoom is not None:
        pairs.append(("zoom", str(state.zoom)))
    for param in ("basemap", "measure", "incident"):
        value = getattr(state, param)
        if value != getattr(default, param):
            pairs.append((param, str(value)))
    return pairs


def to_query_string(state: ViewState) -> str:
    """``from=2025-10-01&side=ukraine&region=RU-BEL`` (no leading ``?``)."""
    return urlencode(encode(state))


def share_link(base: str, state: ViewState) -> str:
    """The link to ``state`` on the page at ``base`` (any query already in ``base`` is dropped)."""
    parts = urlsplit(base.strip()) if base else None
    page = f"{parts.scheme}://{parts.netloc}{parts.path}" if parts and parts.netloc else ""
    query = to_query_string(state)
    return f"{page}?{query}" if query else (page or "?")


def parse_query_string(text: str) -> list[tuple[str, str]]:
    """Pairs from a share URL or a bare query string; malformed parts are dropped."""
    text = text.strip()
    if "?" in text or "://" in text:
        text = urlsplit(text).query
    return parse_qsl(text.lstrip("?"), keep_blank_values=True)


def decode(
    params: Mapping[str, str | Sequence[str]] | Iterable[tuple[str, str]],
    *,
    regions: Iterable[str] | None = None,
    first_day: date = WAR_START,
    last_day: date | None = None,
) -> Decoded:
    """Parse untrusted query parameters into a state, listing what was ignored.

    ``regions`` is the set of known ISO 3166-2 codes; when given, other codes are
    ignored with a reason. Dates must fall from ``first_day`` to ``last_day``
    (default today).
    """
    last_day = last_day or date.today()
    grouped = _group(params)
    known_regions = frozenset(regions) if regions is not None else None
    ignored: list[Ignored] = []
    values: dict[str, object] = {}

    def skip(param: str, value: str, reason: str) -> None:
        ignored.append(Ignored(param, value[:MAX_VALUE_LENGTH], reason))

    for param, raw in grouped.items():
        if param in PASSTHROUGH_KEYS:
            continue
        if param not in PARAMS:
            skip(param, raw[0], f"unknown parameter (known: {', '.join(PARAMS)})")
            continue
        if param not in _MULTI and len(raw) > 1:
            skip(param, raw[1], "given more than once; the first value is used")
        if len(raw) > MAX_REPEATS:
            skip(param, raw[MAX_REPEATS], f"more than {MAX_REPEATS} values; the rest are unused")
            raw = raw[:MAX_REPEATS]
        if param in _MULTI:
            name, allowed = _MULTI[param]
            chosen: list[str] = []
            for value in raw:
                if value == "" and len(raw) == 1:
                    break  # "?layer=" explicitly selects none
                # Codes are forgiving about case; vocabularies match exactly, as the
                # bound widgets that share these parameters do.
                normal = value.strip().upper() if param in ("region", "country") else value
                problem = _check_choice(param, normal, allowed, known_regions)
                if problem:
                    skip(param, value, problem)
                elif normal not in chosen:
                    chosen.append(normal)
            if chosen or (raw == [""]):
                values[name] = tuple(chosen)
            continue
        value = raw[0]
        parsed, problem = _parse_single(param, value)
        if not problem and param in ("from", "to") and not first_day <= parsed <= last_day:
            problem = f"outside {first_day.isoformat()} to {last_day.isoformat()}"
        if problem:
            skip(param, value, problem)
        else:
            values[param] = parsed

    state = _assemble(values, skip)
    return Decoded(state=state, ignored=tuple(ignored))


def _group(
    params: Mapping[str, str | Sequence[str]] | Iterable[tuple[str, str]],
) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    items = params.items() if isinstance(params, Mapping) else params
    for key, value in items:
        vals = [value] if isinstance(value, str) else list(value)
        grouped.setdefault(str(key), []).extend(str(v) for v in vals)
    return grouped


def _check_choice(
    param: str, value: str, allowed: tuple[str, ...] | None, known: frozenset[str] | None
) -> str | None:
    if len(value) > MAX_VALUE_LENGTH:
        return f"longer than {MAX_VALUE_LENGTH} characters"
    if allowed is not None:
        return None if value in allowed else f"not one of {', '.join(allowed)}"
    if not _ISO_REGION.match(value):
        return "not an ISO 3166-2 code such as UA-63 or RU-BEL"
    if known is not None and value not in known:
        return "no such region in the covered countries"
    return None


def _parse_single(param: str, value: str) -> tuple[object, str | None]:
    text = value.strip()
    if len(text) > MAX_VALUE_LENGTH:
        return None, f"longer than {MAX_VALUE_LENGTH} characters"
    if param in ("from", "to"):
        if not _ISO_DATE.match(text):
            return None, "not a date in the form YYYY-MM-DD"
        try:
            return date.fromisoformat(text), None
        except ValueError:
            return None, "not a calendar date"
    if param in ("lat", "lon"):
        limit = 90.0 if param == "lat" else 180.0
        try:
            number = float(text)
        except ValueError:
            return None, "not a number"
        if not math.isfinite(number) or abs(number) > limit:
            return None, f"not between -{limit:g} and {limit:g}"
        return number, None
    if param == "zoom":
        if not text.isdigit() or not MIN_ZOOM <= int(text) <= MAX_ZOOM:
            return None, f"not a whole number from {MIN_ZOOM} to {MAX_ZOOM}"
        return int(text), None
    if param == "basemap":
        return (text, None) if text in BASEMAPS else (None, f"not one of {', '.join(BASEMAPS)}")
    if param == "measure":
        return (text, None) if text in MEASURES else (None, f"not one of {', '.join(MEASURES)}")
    if param == "incident":
        return (text, None) if _INCIDENT_ID.match(text) else (None, "not an incident id")
    raise AssertionError(param)  # pragma: no cover - PARAMS and this function agree


def _assemble(values: dict[str, object], skip) -> ViewState:
    """Build the state, dropping combinations that make no sense together."""
    date_from, date_to = values.get("from"), values.get("to")
    if date_from and date_to and date_to < date_from:
        skip("to", date_to.isoformat(), f"earlier than from={date_from.isoformat()}")
        date_to = None
    lat, lon = values.get("lat"), values.get("lon")
    if (lat is None) != (lon is None):
        present = "lat" if lat is not None else "lon"
        skip(present, str(lat if lat is not None else lon), "lat and lon go together")
        lat = lon = None
    names = {f.name for f in fields(ViewState)}
    kwargs = {k: v for k, v in values.items() if k in names}
    kwargs.update(date_from=date_from, date_to=date_to, lat=lat, lon=lon)
    kwargs.pop("from", None)
    kwargs.pop("to", None)
    return ViewState(**kwargs)
