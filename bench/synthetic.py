"""Synthetic incident sets that look like the bundled data, at any size.

The benchmark needs 1,000 to 1,000,000 rows whose cost profile matches real
files: the same regions in the same proportions, town names as reporters write
them (primary name, a transliteration, Cyrillic), some with coordinates, some
known to region level only. Every draw is a numpy choice over small arrays, so a
million rows take seconds, and a seed gives the same frame every time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from dashboard.core.dataset import INCIDENTS_FILE
from dashboard.core.incidents import schema

FIRST_DAY, LAST_DAY = "2022-02-24", "2025-12-31"
#: Every region gets at least this share before renormalising, so none is absent.
REGION_FLOOR = 0.0005
REGION_ONLY_SHARE = 0.15
#: Of the rows that name a settlement: how it is spelled, and how many add coordinates.
LATIN_VARIANT_SHARE = 0.15
CYRILLIC_SHARE = 0.15
COORDINATE_SHARE = 0.30
HOUSEHOLDS_SHARE = 0.08
INTERCEPTED_SHARE = 0.30
UNITS = ("households", "customers", "residents", "people")
SOURCE_URL = "https://example.org/synthetic/"
OUTLETS = (
    "Ukrainska Pravda",
    "The Kyiv Independent",
    "Reuters",
    "RBC-Ukraine",
    "TASS",
    "Astra",
    "Suspilne",
    "Meduza",
)
EFFECTS = (
    "fire broke out; no casualties reported",
    "energy facility hit; fire broke out",
    "power outages in the city and nearby villages",
    "damage to equipment; repairs under way",
    "fuel tank set on fire; fire contained by morning",
    "drone debris fell on the site; minor damage",
    "substation damaged; consumers without power for several hours",
    "",
)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F'’ .\-]+$")


@dataclass(frozen=True)
class Frequencies:
    """How often each value occurs in the bundled data (the model the draws follow)."""

    admin1_iso: pd.Series
    facility_type: pd.Series
    weapon: pd.Series
    confidence: pd.Series
    date_precision: pd.Series

    @classmethod
    def from_file(cls, path: Path = INCIDENTS_FILE) -> Frequencies:
        real = pd.read_csv(path, dtype=str, keep_default_na=False)
        shares = {
            column: real[column].str.strip().str.casefold().value_counts(normalize=True)
            for column in ("facility_type", "weapon", "confidence", "date_precision")
        }
        regions = real["admin1_iso"].str.strip().str.upper().value_counts(normalize=True)
        return cls(admin1_iso=regions, **shares)


def incidents(
    n: int,
    places: pd.DataFrame,
    admin1: pd.DataFrame,
    *,
    seed: int = 0,
    frequencies: Frequencies | None = None,
) -> pd.DataFrame:
    """``n`` raw incidents (all strings, native schema columns), deterministic for ``seed``.

    ``places`` is the gazetteer (``geodata.places()``) and ``admin1`` the regions
    (``geodata.admin1()``) the rows are drawn from.
    """
    if n < 1:
        raise ValueError(f"n must be a positive number of incidents, got {n!r}")
    rng = np.random.default_rng(seed)
    freq = frequencies or Frequencies.from_file()
    places = places.reset_index(drop=True)

    place = rng.choice(len(places), size=n, p=_place_weights(places, admin1, freq.admin1_iso))
    country = places["country"].to_numpy(dtype=object)[place]
    iso = places["admin1_iso"].to_numpy(dtype=object)[place]
    region_name = admin1.set_index("admin1_iso")["name_en"].reindex(iso).to_numpy(dtype=object)

    region_only = rng.random(n) < REGION_ONLY_SHARE
    settlement = _spellings(places, place, rng)
    settlement[region_only] = ""
    with_coords = ~region_only & (rng.random(n) < COORDINATE_SHARE)
    lat = places["latitude"].to_numpy()[place].round(3)
    lon = places["longitude"].to_numpy()[place].round(3)

    day, date_precision = _dates(n, rng, freq.date_precision)
    facility = _draw(rng, freq.facility_type, n)
    place_label = np.where(region_only, region_name, places["name"].to_numpy(dtype=object)[place])
    facility_label = np.char.replace(facility.astype(str), "_", " ").astype(object)
    number = np.arange(1, n + 1).astype(str).astype(object)
    affected = _sometimes(rng, HOUSEHOLDS_SHARE, np.exp(rng.normal(8.5, 1.5, n)).astype(np.int64))
    # A share of strikes belongs to a night's attack wave, named by date and attacker.
    side_code = np.where(country == "RU", "UA", "RU").astype(object)
    frame = pd.DataFrame(
        {
            "id": "SYN" + number,
            "date": day,
            "date_precision": date_precision,
            "attacker": np.select(
                [country == "RU", country == "UA"], ["ukraine", "russia"], "unknown"
            ),
            "target_country": country,
            "settlement": settlement,
            "admin1": np.where(region_only, region_name, ""),
            "admin1_iso": "",
            "latitude": np.where(with_coords, lat.astype(str), ""),
            "longitude": np.where(with_coords, lon.astype(str), ""),
            "location_precision": np.where(region_only, "region", "settlement"),
            "facility_type": facility,
            "facility_name": facility_label + " in " + place_label,
            "weapon": _draw(rng, freq.weapon, n),
            "effects": rng.choice(np.array(EFFECTS, dtype=object), size=n),
            "affected_count": affected,
            "affected_unit": np.where(affected != "", rng.choice(np.array(UNITS), size=n), ""),
            "wave_id": np.where(
                rng.random(n) < INTERCEPTED_SHARE,
                "W-" + pd.Series(day).astype(str).str[:10].to_numpy(dtype=object) + "-" + side_code,
                "",
            ),
            "confidence": _draw(rng, freq.confidence, n),
            "source_url": SOURCE_URL + number,
            "source_outlet": rng.choice(np.array(OUTLETS, dtype=object), size=n),
            "notes": "",
        },
        columns=list(schema.COLUMNS),
        dtype=str,  # what ``tables.read_table`` hands to the pipeline
    )
    return frame


def _place_weights(
    places: pd.DataFrame, admin1: pd.DataFrame, region_shares: pd.Series
) -> np.ndarray:
    """P(place) = P(region) x the place's share of its region's population."""
    regions = region_shares.reindex(admin1["admin1_iso"].to_numpy(), fill_value=0.0)
    regions = regions.clip(lower=REGION_FLOOR)
    regions = regions / regions.sum()
    population = places["population"].to_numpy(dtype=float).clip(min=1.0)
    region_population = places.groupby("admin1_iso")["population"].transform("sum")
    within = population / region_population.to_numpy(dtype=float).clip(min=1.0)
    weights = regions.reindex(places["admin1_iso"]).fillna(0.0).to_numpy() * within
    return weights / weights.sum()


def _spellings(places: pd.DataFrame, place: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Each row's settlement as written: primary name, a Latin variant or a Cyrillic one.

    Variants are gathered once per place (thousands), then picked per row by
    offset arithmetic, so the row count never meets a Python loop.
    """
    names = places["name"].to_numpy(dtype=object)
    latin, cyrillic = [], []
    for name, alternates in zip(names, places["alternatenames"].fillna(""), strict=True):
        variants = [v for v in dict.fromkeys(alternates.split("|")) if v and v != name]
        latin.append([v for v in variants if _LATIN.match(v)])
        cyrillic.append([v for v in variants if _CYRILLIC.search(v)])

    out = names[place].copy()
    kind = rng.random(len(place))
    for pool, chosen in (
        (latin, kind < LATIN_VARIANT_SHARE),
        (cyrillic, (kind >= LATIN_VARIANT_SHARE) & (kind < LATIN_VARIANT_SHARE + CYRILLIC_SHARE)),
    ):
        counts = np.array([len(p) for p in pool])
        offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
        flat = np.array([v for p in pool for v in p], dtype=object)
        rows = np.flatnonzero(chosen & (counts[place] > 0))
        pick = offsets[place[rows]] + (rng.random(len(rows)) * counts[place[rows]]).astype(int)
        out[rows] = flat[pick]
    return out


def _dates(
    n: int, rng: np.random.Generator, precision_shares: pd.Series
) -> tuple[np.ndarray, np.ndarray]:
    """Uniform days over the war so far; month-precision rows written as YYYY-MM."""
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    as_day = days.strftime("%Y-%m-%d").to_numpy(dtype=object)
    as_month = days.strftime("%Y-%m").to_numpy(dtype=object)
    index = rng.integers(0, len(days), size=n)
    precision = _draw(rng, precision_shares, n)
    return np.where(precision == "month", as_month[index], as_day[index]), precision


def _draw(rng: np.random.Generator, shares: pd.Series, n: int) -> np.ndarray:
    return rng.choice(shares.index.to_numpy(dtype=object), size=n, p=shares.to_numpy())


def _sometimes(rng: np.random.Generator, share: float, values: np.ndarray) -> np.ndarray:
    """Whole numbers as text in a ``share`` of rows, empty elsewhere."""
    return np.where(rng.random(len(values)) < share, values.astype(str), "").astype(object)
