"""Fill the admin-1 column of ``data/facilities.csv`` and derive ``data/airbases.csv``.

Run: ``pip install airportsdata geopandas && python data/build_facilities.py``
(build time only: neither package is needed to run mapper).

* ``facilities.csv`` is curated by hand (name, type, aliases, point, country, source);
  this script sets each row's ``admin1`` (GeoNames admin-1 code) from the Natural Earth
  admin-1 polygon the point falls in (``../shared/data``), and warns when a point lies in
  another country than the row says: a typo in the coordinates, or a border crossing or
  camp on the line itself (those keep an empty admin-1); it fails only on a point more
  than 20 km outside every polygon of its country's neighbourhood (nowhere at all).
* ``airbases.csv``: the military airfields of PyPI ``airportsdata`` (MIT): rows whose
  name says "Air Base", "Airbase", "Air Force Base", "Air Station" or "Airfield", with
  the ICAO code, point and country, admin-1 from the same polygons.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "data"
_MILITARY = re.compile(r"\b(?:Air Base|Airbase|Air Force Base|Air Station|Airfield|Air Field|Naval Air)\b", re.I)
FIELDS = ["name", "type", "aliases", "lon", "lat", "country", "admin1", "source"]


def _admin1_lookup():  # noqa: ANN202
    import geopandas as gpd
    import numpy as np
    from shapely.geometry import Point

    regions = gpd.read_file("/vsigzip/" + str(SHARED / "ne_10m_admin_1_states_provinces.geojson.gz"))
    regions = regions[["iso_3166_2", "gn_a1_code", "geometry"]]
    index = regions.sindex

    # Natural Earth's units are counties or departments in some countries (GB, FR, BE...), with
    # GeoNames codes of a lower level: there the region is mapper's own admin-1 unit of the point
    with open(HERE / "admin1.csv", encoding="utf-8", newline="") as fh:
        known = {r["gn_code"] for r in csv.DictReader(fh) if r["gn_code"]}
    sys.path.insert(0, str(HERE.parent))
    from mapper.geo.regions import RegionIndex

    own = RegionIndex.load(HERE)

    def lookup(lon: float, lat: float) -> tuple[str, str]:
        pt = Point(lon, lat)
        hits = index.query(pt, predicate="intersects")
        if not len(hits):  # a port, bridge or terminal just off the coast: the nearest region within ~15 km
            hits = index.nearest(pt, max_distance=0.15, return_all=False)[1]
        for i in hits:
            row = regions.iloc[i]
            code = str(row["gn_a1_code"] or "")
            if code and code not in known:
                region = own.join(np.array([lon]), np.array([lat]))[0]
                code = region.gn_code or "" if region is not None else ""
            return str(row["iso_3166_2"])[:2], code
        return "", ""

    return lookup


def _facilities(lookup) -> int:  # noqa: ANN001
    path = HERE / "facilities.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    warned, missing = [], []
    for row in rows:
        country, admin1 = lookup(float(row["lon"]), float(row["lat"]))
        if not country:
            missing.append(row["name"])
        elif country != row["country"]:
            warned.append(f"{row['name']}: point in {country}, row says {row['country']}")
        row["admin1"] = admin1 if country == row["country"] else ""
    if warned:
        print("facilities.csv, check these points: " + "; ".join(warned), file=sys.stderr)
    if missing:
        print("facilities.csv: points in no admin-1 region (at sea?): " + "; ".join(missing), file=sys.stderr)
    _write(path, rows, FIELDS)
    return 0


def _airbases(lookup) -> None:  # noqa: ANN001
    import airportsdata

    rows = []
    for icao, rec in sorted(airportsdata.load().items()):
        if not _MILITARY.search(rec["name"]) or not rec["country"]:
            continue
        _, admin1 = lookup(float(rec["lon"]), float(rec["lat"]))
        rows.append({"name": rec["name"], "icao": icao, "lon": f"{rec['lon']:.4f}", "lat": f"{rec['lat']:.4f}",
                     "country": rec["country"], "admin1": admin1})
    _write(HERE / "airbases.csv", rows, ["name", "icao", "lon", "lat", "country", "admin1"])
    print(f"airbases.csv: {len(rows)} military airfields from airportsdata", file=sys.stderr)


def _write(path: Path, rows: list[dict], fields: list[str]) -> None:
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def main() -> int:
    lookup = _admin1_lookup()
    status = _facilities(lookup)
    _airbases(lookup)
    return status


if __name__ == "__main__":
    sys.exit(main())
