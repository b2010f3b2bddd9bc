"""The point a country named in text is placed at: data/country_points.csv and its rule."""
from __future__ import annotations

import csv
import importlib.util
import math
from pathlib import Path

import numpy as np
import pytest

from mapper.geo.regions import RegionIndex
from mapper.geoparse import geoparse_text
from mapper.pipeline import Services

DATA = Path(__file__).resolve().parents[1] / "data"
#: the rule promises "within HEDGE_KM of both"; the CSV rounds to 1e-4 degree (about 11 m)
SLACK_KM = 0.05


def _build_module():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("build_country_points", DATA / "build_country_points.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _build_module()


def _rows(name: str) -> dict[str, dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return {row["iso2"]: row for row in csv.DictReader(fh)}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine, independent of the build script's own formula."""
    p1, p2, dl = math.radians(a[0]), math.radians(b[0]), math.radians(b[1] - a[1])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def points() -> dict[str, dict[str, str]]:
    return _rows("country_points.csv")


def test_every_row_follows_its_rule(points: dict[str, dict[str, str]]) -> None:
    area = _rows("countries.csv")
    assert len(points) == 227 and list(points) == sorted(points)
    rules = {row["rule"] for row in points.values()}
    assert rules == {"midpoint", "factbook"}
    for iso, row in points.items():
        here = (float(row["lat"]), float(row["lon"]))
        factbook = (float(row["factbook_lat"]), float(row["factbook_lon"]))
        centre = (float(area[iso]["lat"]), float(area[iso]["lon"]))
        if row["rule"] == "midpoint":
            assert _km(here, factbook) <= build.HEDGE_KM + SLACK_KM, iso
            assert _km(here, centre) <= build.HEDGE_KM + SLACK_KM, iso
            assert abs(_km(here, factbook) - _km(here, centre)) < 0.1, iso
        else:
            assert here == pytest.approx(factbook, abs=1e-4), iso


def test_the_factbook_point_stays_where_the_conventions_lie_far_apart(points: dict[str, dict[str, str]]) -> None:
    # Indonesia's Factbook point (5S 120E, Sulawesi) and its largest island's centre (Borneo) lie
    # some 850 km apart: no point is within 161 km of both
    assert points["ID"]["rule"] == "factbook"
    assert (float(points["ID"]["lat"]), float(points["ID"]["lon"])) == (-5.0, 120.0)
    # Croatia's midpoint would fall in Bosnia and Herzegovina: the Factbook point (inside) stays
    assert points["HR"]["rule"] == "factbook"


def test_large_countries_lie_inside_their_outline_at_their_new_point(points: dict[str, dict[str, str]]) -> None:
    regions = RegionIndex.load()
    sample = ["CN", "AU", "LY", "SD", "BR", "NG", "JP", "RU", "US", "KE", "DE", "FR", "LI"]
    lon = np.array([float(points[c]["lon"]) for c in sample])
    lat = np.array([float(points[c]["lat"]) for c in sample])
    got = regions.join(lon, lat, max_km=0.0)
    assert [r.country if r else None for r in got] == sample
    assert all(points[c]["rule"] == "midpoint" for c in sample)
    # Canada's and India's two conventions lie more than 322 km apart: the Factbook's point
    assert points["CA"]["rule"] == points["IN"]["rule"] == "factbook"


def test_midpoint_is_safe_across_the_antimeridian() -> None:
    lat, lon = build.midpoint((-17.0, 179.0), (-17.0, -179.0))
    assert lat == pytest.approx(-17.0, abs=0.01) and abs(lon) == pytest.approx(180.0, abs=1e-6)
    assert build.great_circle_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.195, abs=0.01)


def test_hedged_rule_on_made_up_points() -> None:
    near = build.hedged((10.0, 20.0), (12.0, 20.0))
    assert near[1] == "midpoint" and near[0] == pytest.approx((11.0, 20.0), abs=1e-9)
    far = build.hedged((10.0, 20.0), (14.0, 20.0))  # 445 km apart
    assert far == ((10.0, 20.0), "factbook")
    assert build.hedged((10.0, 20.0), None) == ((10.0, 20.0), "factbook")


def test_a_country_named_in_text_is_placed_at_the_table_point(points: dict[str, dict[str, str]]) -> None:
    services = Services.load()
    text = "Flooding hit China and Libya, and fires burned across Australia."
    placed = {r.mention.name: r.place for r in geoparse_text(text, services) if r.place is not None}
    for name, iso in (("China", "CN"), ("Libya", "LY"), ("Australia", "AU")):
        place = placed[name]
        assert place.kind == "country" and place.country == iso
        assert (place.lat, place.lon) == pytest.approx((float(points[iso]["lat"]), float(points[iso]["lon"])), abs=1e-6)
