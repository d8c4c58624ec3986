"""Incidents as the map layer's GeoJSON."""

from __future__ import annotations

import json

from dashboard.core.dataset import Dataset
from dashboard.core.maps.markers import incident_features


def test_every_incident_becomes_one_feature(bundled: Dataset) -> None:
    features = incident_features(bundled.incidents)["features"]
    assert len(features) == len(bundled.incidents)
    assert {f["properties"]["id"] for f in features} == set(bundled.incidents["id"])
    assert {f["properties"]["s"] for f in features} == {"ukraine", "russia"}


def test_geojson_payload_is_valid_json(bundled: Dataset) -> None:
    data = incident_features(bundled.incidents.head(5))
    assert json.loads(json.dumps(data))["type"] == "FeatureCollection"
