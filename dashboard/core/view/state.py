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
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit

from dashboard.core.vocab import (
    ATTACKING_SIDES,
    BASEMAPS,
    CONFIDENCE,
    COUNTRIES,
    DEFAULT_LAYERS,
    FACILITY_TYPES,
    LAYERS,
    MAX_ZOOM,
    MEASURES,
    MIN_ZOOM,
    PLAY_MODES,
    STEPS,
    WAR_START,
    WEAPONS,
)

#: Longest value and most repeats accepted per parameter: a bound on hostile links.
MAX_VALUE_LENGTH = 64
MAX_REPEATS = 200
#: Keys Streamlit itself reads from the URL; they are not ours to complain about.
PASSTHROUGH_KEYS = frozenset({"embed", "embed_options"})

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_REGION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_INCIDENT_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")
_FACILITY_ID = re.compile(r"^[a-z0-9-]{1,64}$")


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
    #: A facility of the catalogue to open on (its id).
    site: str | None = None
    #: Playback: frame step and mode (the map's play control and the GIF export).
    step: str = "week"
    play: str = "cumulative"
    #: Two periods to compare (Compare page): (from, to) each; None when not chosen.
    a_from: date | None = None
    a_to: date | None = None
    b_from: date | None = None
    b_to: date | None = None

    def with_(self, **changes: object) -> ViewState:
        """A copy with some fields changed."""
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


@dataclass(frozen=True)
class Param:
    """One URL parameter: its key, the :class:`ViewState` field it fills, the widget
    (``st.session_state`` key) that shows it, and what it accepts."""

    key: str
    field: str
    widget: str | None
    #: Closed vocabulary for a multi-valued parameter; ``None`` for a pattern or parser.
    choices: tuple[str, ...] | None = None
    multi: bool = False


#: The one table of the share link's parameters, in the order links are written.
#: ``lat``/``lon``/``zoom`` have no widget: the map itself reports them.
PARAMS = (
    Param("from", "date_from", "from"),
    Param("to", "date_to", "to"),
    Param("side", "sides", "side", ATTACKING_SIDES, multi=True),
    Param("country", "countries", "country", COUNTRIES, multi=True),
    Param("region", "regions", "region", None, multi=True),
    Param("facility", "facilities", "facility", FACILITY_TYPES, multi=True),
    Param("weapon", "weapons", "weapon", WEAPONS, multi=True),
    Param("confidence", "confidence", "confidence", CONFIDENCE, multi=True),
    Param("layer", "layers", "layer", LAYERS, multi=True),
    Param("lat", "lat", None),
    Param("lon", "lon", None),
    Param("zoom", "zoom", None),
    Param("basemap", "basemap", "basemap", BASEMAPS),
    Param("measure", "measure", "measure", MEASURES),
    Param("incident", "incident", "incident"),
    Param("site", "site", "site"),
    Param("step", "step", "step", STEPS),
    Param("play", "play", "play", PLAY_MODES),
    Param("a_from", "a_from", "a_from"),
    Param("a_to", "a_to", "a_to"),
    Param("b_from", "b_from", "b_from"),
    Param("b_to", "b_to", "b_to"),
)
#: Parameters whose value is a date.
DATE_KEYS = frozenset({"from", "to", "a_from", "a_to", "b_from", "b_to"})
BY_KEY = {p.key: p for p in PARAMS}
#: Codes are forgiving about case; vocabularies match exactly, as bound widgets do.
_UPPER_CASE = frozenset({"region", "country"})


def format_value(param: Param, value: object) -> list[str]:
    """A field's value as the URL writes it (several strings for a multi parameter)."""
    if param.multi:
        return list(value) or [""]  # "?layer=": explicitly none
    if isinstance(value, date):
        return [value.isoformat()]
    if isinstance(value, float):
        return [f"{value:.4f}"]
    return [str(value)]


def encode(state: ViewState) -> list[tuple[str, str]]:
    """Query parameters for a state, defaults left out, in a stable order."""
    default = ViewState()
    pairs: list[tuple[str, str]] = []
    located = state.lat is not None and state.lon is not None
    for param in PARAMS:
        value = getattr(state, param.field)
        if value is None or value == getattr(default, param.field):
            continue
        if param.key in ("lat", "lon") and not located:
            continue
        pairs.extend((param.key, text) for text in format_value(param, value))
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
    sites: Iterable[str] | None = None,
    first_day: date = WAR_START,
    last_day: date | None = None,
) -> Decoded:
    """Parse untrusted query parameters into a state, listing what was ignored.

    ``regions`` is the set of known ISO 3166-2 codes; when given, other codes are
    ignored with a reason; ``sites`` likewise for facility ids. Dates must fall from
    ``first_day`` to ``last_day`` (default today).
    """
    last_day = last_day or date.today()
    grouped = _group(params)
    known_regions = frozenset(regions) if regions is not None else None
    known_sites = frozenset(sites) if sites is not None else frozenset()
    ignored: list[Ignored] = []
    values: dict[str, object] = {}

    def skip(param: str, value: str, reason: str) -> None:
        ignored.append(Ignored(param, value[:MAX_VALUE_LENGTH], reason))

    for param, raw in grouped.items():
        if param in PASSTHROUGH_KEYS:
            continue
        spec = BY_KEY.get(param)
        if spec is None:
            skip(param, raw[0], f"unknown parameter (known: {', '.join(BY_KEY)})")
            continue
        if not spec.multi and len(raw) > 1:
            skip(param, raw[1], "given more than once; the first value is used")
        if len(raw) > MAX_REPEATS:
            skip(param, raw[MAX_REPEATS], f"more than {MAX_REPEATS} values; the rest are unused")
            raw = raw[:MAX_REPEATS]
        if spec.multi:
            chosen: list[str] = []
            for value in raw:
                if value == "" and len(raw) == 1:
                    break  # "?layer=" explicitly selects none
                normal = value.strip().upper() if param in _UPPER_CASE else value
                problem = _check_choice(normal, spec.choices, known_regions)
                if problem:
                    skip(param, value, problem)
                elif normal not in chosen:
                    chosen.append(normal)
            if chosen or (raw == [""]):
                values[spec.field] = tuple(chosen)
            continue
        value = raw[0]
        parsed, problem = _parse_single(spec, value)
        if not problem and isinstance(parsed, date) and not first_day <= parsed <= last_day:
            problem = f"outside {first_day.isoformat()} to {last_day.isoformat()}"
        if not problem and param == "site" and sites is not None and parsed not in known_sites:
            problem = "no such facility in the catalogue"
        if problem:
            skip(param, value, problem)
        else:
            values[spec.field] = parsed

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
    value: str, allowed: tuple[str, ...] | None, known: frozenset[str] | None
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


def _parse_single(spec: Param, value: str) -> tuple[object, str | None]:
    param = spec.key
    text = value.strip()
    if len(text) > MAX_VALUE_LENGTH:
        return None, f"longer than {MAX_VALUE_LENGTH} characters"
    if param in DATE_KEYS:
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
    if spec.choices is not None:
        allowed = spec.choices
        return (text, None) if text in allowed else (None, f"not one of {', '.join(allowed)}")
    if param == "incident":
        return (text, None) if _INCIDENT_ID.match(text) else (None, "not an incident id")
    if param == "site":
        return (text, None) if _FACILITY_ID.match(text) else (None, "not a facility id")
    raise AssertionError(param)  # pragma: no cover - PARAMS and this function agree


def _assemble(values: dict[str, object], skip) -> ViewState:
    """Build the state, dropping combinations that make no sense together."""
    date_from, date_to = values.get("date_from"), values.get("date_to")
    if date_from and date_to and date_to < date_from:
        skip("to", date_to.isoformat(), f"earlier than from={date_from.isoformat()}")
        date_to = None
    for start, end in (("a_from", "a_to"), ("b_from", "b_to")):
        first, last = values.get(start), values.get(end)
        if first and last and last < first:
            skip(end, last.isoformat(), f"earlier than {start}={first.isoformat()}")
            values.pop(end)
    lat, lon = values.get("lat"), values.get("lon")
    if (lat is None) != (lon is None):
        present = "lat" if lat is not None else "lon"
        skip(present, str(lat if lat is not None else lon), "lat and lon go together")
        lat = lon = None
    state = replace(ViewState(**values), date_from=date_from, date_to=date_to, lat=lat, lon=lon)
    if state.site and "facilities" not in state.layers:
        # A link to a site shows the layer the site is drawn on.
        state = state.with_(layers=(*state.layers, "facilities"))
    return state
