"""Give the villages of ``data/ua_settlements.csv`` their own point where GeoNames' postal
table of Ukraine has a trustworthy one.

Run: ``pip install geopandas && python data/build_ua_points.py [geonames_postal_UA.txt.gz]``
(default: the copy in ``../shared/data``; build time only).

The register (KATOTTG) has Ukrainian names and oblasts but no coordinates; GeoNames'
postal codes (CC BY 4.0) have Ukrainian place names, the GeoNames admin-1 code and a point
with an accuracy flag.  A register village gets a point when, in its oblast:

* its Ukrainian name is unique in the register (two villages of one name in one oblast
  cannot be told apart: the postal raions are the pre-2020 ones);
* the postal table has that name with accuracy 4 (the place's own point; 1 and 3 are
  estimates, often the raion centre), and all such points lie within 0.1 degree of each
  other (several post offices of one village);
* the point lies inside that oblast's polygon (mapper's own region index): a check of
  each row, since the postal table has rows whose point is in another oblast.

Rows that fail keep empty ``lon``/``lat`` and stay placed at their oblast's point.
"""
from __future__ import annotations

import csv
import gzip
import sys
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SPREAD_DEG = 0.1


def _postal(path: Path) -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(Ukrainian name, GeoNames admin-1 code) -> the accuracy-4 points of that name."""
    out: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 12 and parts[11] == "4" and parts[4]:
                out[(parts[2], f"UA.{parts[4]}")].append((float(parts[10]), float(parts[9])))
    return out


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    from mapper.geo.regions import RegionIndex

    src = Path(argv[0]) if argv else HERE.parents[1] / "shared" / "data" / "geonames_postal_UA.txt.gz"
    if not src.is_file():
        print(f"error: {src} not found", file=sys.stderr)
        return 1
    with open(HERE / "admin1.csv", encoding="utf-8", newline="") as fh:
        gn_of = {r["code"]: r["gn_code"] for r in csv.DictReader(fh) if r["code"].startswith("UA-")}
    path = HERE / "ua_settlements.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    postal = _postal(src)
    repeated = Counter((r["name_uk"], r["oblast_code"]) for r in rows)
    picked: dict[int, tuple[float, float]] = {}
    for i, row in enumerate(rows):
        points = postal.get((row["name_uk"], gn_of.get(row["oblast_code"], "")))
        if not points or repeated[(row["name_uk"], row["oblast_code"])] > 1:
            continue
        lon0, lat0 = points[0]
        if all(abs(lon - lon0) + abs(lat - lat0) <= SPREAD_DEG for lon, lat in points):
            picked[i] = (round(float(np.median([p[0] for p in points])), 4),
                         round(float(np.median([p[1] for p in points])), 4))
    regions = RegionIndex.load(HERE)
    order = sorted(picked)
    found = regions.join(np.array([picked[i][0] for i in order]), np.array([picked[i][1] for i in order]))
    kept = 0
    for i, region in zip(order, found):
        inside = region is not None and region.code == rows[i]["oblast_code"]
        rows[i]["lon"], rows[i]["lat"] = (f"{picked[i][0]:.4f}", f"{picked[i][1]:.4f}") if inside else ("", "")
        kept += inside
    fields = ["name", "variants", "name_uk", "category", "oblast_code", "raion", "lon", "lat"]
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows({**{"lon": "", "lat": ""}, **r} for r in rows)
    tmp.replace(path)
    print(f"ua_settlements.csv: {kept} of {len(rows)} villages have their own point "
          f"({len(picked) - kept} postal points outside their oblast dropped)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
