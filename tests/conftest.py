"""Shared fixtures: the real geodata and bundled dataset, loaded once per session."""

from __future__ import annotations

import pytest

from dashboard.core import geodata
from dashboard.core.dataset import Dataset, load_bundled, load_geography
from dashboard.core.join import Geography
from dashboard.core.mapview import MapBase


@pytest.fixture(scope="session")
def geo() -> Geography:
    return load_geography()


@pytest.fixture(scope="session")
def bundled(geo: Geography) -> Dataset:
    return load_bundled(geo)


@pytest.fixture(scope="session")
def map_base() -> MapBase:
    return MapBase.from_frames(geodata.admin1(), geodata.places())
