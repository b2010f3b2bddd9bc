"""incidents.geojson is valid RFC 7946: the ``geojson`` validator plus the rules it does not check."""
from __future__ import annotations

import json
import math
from typing import Any

import geojson
import pandas as pd
from hypothesis import HealthCheck, given, settings

from conftest import SeedRun
from mapper.model import Incident
from mapper.output.geojson import feature_collection
from strategies import incidents


def rfc7946_problems(doc: dict[str, Any]) -> list[str]:
    """What breaks RFC 7946 (or our profile of it) in a FeatureCollection of Points.

    The ``geojson`` package checks structure; this adds what it leaves out:
    positions are [lon, lat] within range, no ``crs`` member (RFC 7946 §4 dropped it),
    Feature ids are unique strings.
    """
    problems = [] if doc.get("type") == "FeatureCollection" else [f"type is {doc.get('type')!r}"]
    if "crs" in doc:
        problems.append("collection has a crs member")
    seen: set[str] = set()
    for n, feature in enumerate(doc.get("features", [])):
        where = f"feature {n}"
        if "crs" in feature:
            problems.append(f"{where}: has a crs member")
        fid = feature.get("id")
        if not isinstance(fid, str) or not fid:
            problems.append(f"{where}: id {fid!r} is not a non-empty string")
        elif fid in seen:
            problems.append(f"{where}: duplicate id {fid!r}")
        seen.add(fid)
        if not isinstance(feature.get("properties"), dict):
            problems.append(f"{where}: properties is not an object")
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates")
        if geometry.get("type") != "Point" or not isinstance(coords, list) or len(coords) != 2:
            problems.append(f"{where}: geometry is not a 2D Point: {geometry!r:.80}")
            continue
        lon, lat = coords
        if not all(isinstance(v, (int, float)) and math.isfinite(v) for v in coords):
            problems.append(f"{where}: non-numeric coordinates {coords!r}")
        elif not (-180 <= lon <= 180 and -90 <= lat <= 90):
            problems.append(f"{where}: [lon, lat] {coords!r} out of range")
    return problems


def _validate(text: str) -> dict[str, Any]:
    obj = geojson.loads(text)
    assert obj.is_valid, obj.errors()
    doc = json.loads(text)
    assert rfc7946_problems(doc) == []
    return doc


def test_seed_run_geojson_is_valid(seed_run: SeedRun) -> None:
    doc = _validate((seed_run.out / "incidents.geojson").read_text(encoding="utf-8"))
    assert len(doc["features"]) > 0
    # [lon, lat], not [lat, lon]: each point agrees with cities.csv, and Kyiv is where Kyiv is
    cities = pd.read_csv(seed_run.out / "cities.csv")
    where = {(row.place, row.lon, row.lat) for row in cities.itertuples()}
    for f in doc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert (f["properties"]["place"], lon, lat) in where
    kyiv = {tuple(f["geometry"]["coordinates"]) for f in doc["features"] if f["properties"]["place"] == "Kyiv"}
    assert kyiv == {(30.5238, 50.45466)}


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(incs=incidents())
def test_generated_collections_are_valid(incs: list[Incident]) -> None:
    text = json.dumps(feature_collection(incs), ensure_ascii=False, indent=1)
    doc = _validate(text)
    assert len(doc["features"]) == len(incs)


def test_checker_catches_each_violation() -> None:
    good = {"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [30.5, 50.4]},
            "properties": {}}
    bad = [
        {**good, "id": 7},
        {**good, "id": "b", "geometry": {"type": "Point", "coordinates": [50.4, 130.5]}},
        {**good, "id": "c", "crs": {"type": "name"}},
        {**good, "id": "d", "geometry": {"type": "Point", "coordinates": [1.0, 2.0, 3.0]}},
        {**good, "id": "a"},
        {**good, "id": "e", "properties": None},
    ]
    doc = {"type": "FeatureCollection", "crs": {}, "features": [good, *bad]}
    assert rfc7946_problems(doc) == [
        "collection has a crs member",
        "feature 1: id 7 is not a non-empty string",
        "feature 2: [lon, lat] [50.4, 130.5] out of range",
        "feature 3: has a crs member",
        "feature 4: geometry is not a 2D Point: {'type': 'Point', 'coordinates': [1.0, 2.0, 3.0]}",
        "feature 5: duplicate id 'a'",
        "feature 6: properties is not an object",
    ]
