"""A view state in words, for titles, captions and snapshot footers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

import pandas as pd

from dashboard.core.view.state import ViewState
from dashboard.core.vocab import COUNTRY_NAMES, SIDE_NAMES, words


@dataclass(frozen=True)
class ExportMeta:
    """What every snapshot names: dataset version, export time and the view's link."""

    dataset_version: str
    exported_at: datetime
    share_link: str
    dataset_latest: str = ""  # date of the dataset's newest incident, YYYY-MM-DD

    @property
    def dataset_label(self) -> str:
        """'v1.0.0, incidents to 2025-12-28'."""
        latest = f", incidents to {self.dataset_latest}" if self.dataset_latest else ""
        return f"v{self.dataset_version}{latest}"


def date_range(state: ViewState, incidents: pd.DataFrame) -> str:
    """'2025-10-01 to 2025-11-30'; open ends say where the data starts or ends."""
    start = state.date_from.isoformat() if state.date_from else "Start of the war"
    if state.date_to:
        end = state.date_to.isoformat()
    elif len(incidents):
        end = f"{incidents['date'].max():%Y-%m-%d}"
    else:
        end = "latest"
    return f"{start} to {end}"


def filters_in_words(state: ViewState, region_names: Mapping[str, str]) -> list[str]:
    """One short phrase per active filter, in reading order; empty when nothing filters."""

    def listed(values: tuple[str, ...], names: Mapping[str, str] | None = None) -> str:
        return ", ".join((names or {}).get(v, words(v)) for v in values)

    filters = (
        (state.sides, "strikes by ", SIDE_NAMES),
        (state.countries, "in ", COUNTRY_NAMES),
        (state.regions, "regions: ", region_names),
        (state.facilities, "facilities: ", None),
        (state.weapons, "weapons: ", None),
        (state.confidence, "confidence: ", None),
    )
    return [prefix + listed(values, names) for values, prefix, names in filters if values]


def subtitle(state: ViewState, incidents: pd.DataFrame, region_names: Mapping[str, str]) -> str:
    """'2025-10-01 to 2025-11-30 · strikes by Ukraine · regions: Belgorod Oblast'."""
    phrases = filters_in_words(state, region_names) or ["all incidents"]
    return " · ".join([date_range(state, incidents), *phrases])
