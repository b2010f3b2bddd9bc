#!/usr/bin/env python3
"""Build ``data/country_neighbours.csv``: for each country, the countries whose outlines lie
within ``--km`` of its own (land borders, and narrow straits: Israel - the Palestinian
territories - Lebanon - Syria - Jordan; Yemen - Eritrea - Djibouti).

Derived from ``data/countries.npz`` (Natural Earth admin-0, public domain): the resolver
lets an article's countries vote, at a discount, for towns in their neighbours ("Israeli
forces raided Jenin": Jenin in the West Bank, not the Polish village).  Deterministic:
sorted rows and codes.

Usage: python data/build_neighbours.py [--km 25] [--out data/country_neighbours.csv]
"""
from __future__ import annotations

import argparse
import csv
import math
from pathlib import Path

import shapely

HERE = Path(__file__).resolve().parent


def neighbours(km: float) -> dict[str, list[str]]:
    import sys
    sys.path.insert(0, str(HERE.parent))
    from mapper.geo.regions import _read_npz

    a0 = _read_npz(HERE / "countries.npz", ("iso2", "name"))
    codes = a0["meta_iso2"].tolist()
    geoms = list(a0["geometries"])
    out: dict[str, list[str]] = {c: [] for c in codes if c}
    tree = shapely.STRtree(geoms)
    for i, (code, geom) in enumerate(zip(codes, geoms)):
        if not code or geom is None or geom.is_empty:
            continue
        # degrees of longitude shrink with latitude: buffer by the larger (longitude) measure
        lat = abs(shapely.centroid(geom).y)
        deg = km / (111.2 * max(math.cos(math.radians(min(lat, 80.0))), 0.2))
        near = tree.query(geom.buffer(deg), predicate="intersects")
        for j in near:
            other = codes[j]
            if other and other != code and other not in out[code]:
                out[code].append(other)
    return {c: sorted(v) for c, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--km", type=float, default=25.0)
    ap.add_argument("--out", type=Path, default=HERE / "country_neighbours.csv")
    a = ap.parse_args()
    rows = neighbours(a.km)
    with open(a.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["iso2", "neighbours"])
        for code in sorted(rows):
            w.writerow([code, "|".join(rows[code])])
    print(f"{a.out}: {len(rows)} countries, {sum(len(v) for v in rows.values()) // 2} neighbouring pairs")


if __name__ == "__main__":
    main()
