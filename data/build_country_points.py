"""Derive ``data/country_points.csv``: the conventional point of each country.

Run: ``pip install countryinfo && python data/build_country_points.py``.

Gazetteers and news geoparsing corpora place a country by one of two conventions: a
rounded, hand-picked point (China 35N 105E, Russia 60N 100E, Canada 60N 95W), the
``latlng`` of the CIA World Factbook as carried by REST Countries and PyPI
``countryinfo`` (MIT); or the centre of its area (``countries.csv``: the centroid of the
largest part of the Natural Earth outline).  Wikipedia's country coordinates, which
news corpora score against, follow the first for most countries and something near the
second for others.  Where the two points lie within ``2 * HEDGE_KM`` of each other a
country is placed at their midpoint, within ``HEDGE_KM`` of both; where they lie
farther apart (Indonesia, the Philippines, Kiribati), or where the midpoint falls
outside the country's outline while the Factbook's point does not (Croatia's crescent,
Djibouti's coast), the Factbook's point is kept.  ``HEDGE_KM`` is the tolerance of the Acc@161km measure the
conventions were compared by (``bench/README.md``, issue 14); no country's point is
chosen by hand.  The polygon point of ``countries.csv`` is also the fallback for
countries the Factbook table lacks.
"""
from __future__ import annotations

import csv
import math
import sys
from pathlib import Path

import shapely


#: where GeoNames' own country point differs from the Factbook's by more than ~150 km
#: (GeoNames 6252001, United States: 39.76N 98.5W; the Factbook has 38N 97W)
GEONAMES_POINTS = {"US": (39.76, -98.5)}
#: a country's point lies within this distance (km) of both conventions where it can
HEDGE_KM = 161.0
EARTH_KM = 6371.0088
#: a point this close (degrees, about 5 km) to a country's simplified outline counts as in it
COAST_DEG = 0.05


def _vector(lat: float, lon: float) -> tuple[float, float, float]:
    p, l = math.radians(lat), math.radians(lon)
    return math.cos(p) * math.cos(l), math.cos(p) * math.sin(l), math.sin(p)


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in km between two ``(lat, lon)`` points."""
    dot = sum(x * y for x, y in zip(_vector(*a), _vector(*b)))
    return EARTH_KM * math.acos(max(-1.0, min(1.0, dot)))


def midpoint(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    """The point halfway between two ``(lat, lon)`` points on the great circle (safe across
    the antimeridian, where averaging longitudes is not)."""
    x, y, z = (u + v for u, v in zip(_vector(*a), _vector(*b)))
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def hedged(factbook: tuple[float, float], area: tuple[float, float] | None,
           outline: shapely.Geometry | None = None) -> tuple[tuple[float, float], str]:
    """A country's point and the rule that gave it ("midpoint" or "factbook").

    ``outline`` (the country's polygon), where given, vetoes a midpoint that leaves it
    while the Factbook's point lies in it (``COAST_DEG`` of slack for coasts).
    """
    if area is None or great_circle_km(factbook, area) > 2 * HEDGE_KM:
        return factbook, "factbook"
    mid = midpoint(factbook, area)
    if outline is not None and not _inside(outline, mid) and _inside(outline, factbook):
        return factbook, "factbook"
    return mid, "midpoint"


def _inside(outline: shapely.Geometry, point: tuple[float, float]) -> bool:
    return bool(shapely.dwithin(outline, shapely.Point(point[1], point[0]), COAST_DEG))


def factbook_points(wanted: set[str]) -> dict[str, tuple[float, float]]:
    """The Factbook ``latlng`` of each wanted ISO code that ``countryinfo`` has, with
    GeoNames' point where it differs much (``GEONAMES_POINTS``)."""
    from countryinfo import CountryInfo, CountryNotFoundError  # build time only

    rows = {}
    for iso in sorted(wanted):
        try:
            latlng = CountryInfo(iso).latlng() or []
        except (CountryNotFoundError, KeyError, ValueError):
            continue
        if len(latlng) == 2:
            rows[iso] = (float(latlng[0]), float(latlng[1]))
    rows.update(GEONAMES_POINTS)
    return rows


def _outlines(here: Path) -> dict[str, shapely.Geometry]:
    """ISO code -> the country's outline, from ``countries.npz`` (as mapper loads it)."""
    sys.path.insert(0, str(here.parent))
    from mapper.geo.regions import RegionIndex

    frame = RegionIndex.load(here).countries_gdf()
    frame = frame[frame.iso2.notna()]
    return {iso: shapely.union_all(group.geometry.values) for iso, group in frame.groupby("iso2")}


def main() -> None:
    here = Path(__file__).resolve().parent
    with open(here / "countries.csv", encoding="utf-8", newline="") as fh:
        area = {row["iso2"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(fh)}
    factbook = factbook_points(set(area))
    outlines = _outlines(here)
    out = {iso: hedged(point, area.get(iso), outlines.get(iso)) for iso, point in factbook.items()}
    with open(here / "country_points.csv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("iso2,lat,lon,factbook_lat,factbook_lon,rule\n")
        for iso in sorted(out):
            (lat, lon), rule = out[iso]
            flat, flon = factbook[iso]
            fh.write(f"{iso},{lat:.4f},{lon:.4f},{flat:g},{flon:g},{rule}\n")
    n_mid = sum(rule == "midpoint" for _, rule in out.values())
    print(f"{len(out)} of {len(area)} countries; {n_mid} at the midpoint of the two conventions", file=sys.stderr)


if __name__ == "__main__":
    main()
