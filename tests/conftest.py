"""Shared fixtures: the real geodata and bundled dataset, loaded once per session."""

from __future__ import annotations

import pytest

from dashboard.core.dataset import Dataset, load_bundled, load_geography
from dashboard.core.geo import files as geofiles
from dashboard.core.join.place import Geography
from dashboard.core.maps.base import MapBase


@pytest.fixture(scope="session")
def geo() -> Geography:
    return load_geography()


@pytest.fixture(scope="session")
def bundled(geo: Geography) -> Dataset:
    return load_bundled(geo)


@pytest.fixture(scope="session")
def map_base(geo: Geography) -> MapBase:
    return MapBase.from_frames(geo.region_names, geofiles.places(), geo.facilities)
