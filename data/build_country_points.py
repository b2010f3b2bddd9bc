"""Derive ``data/country_points.csv``: the conventional point of each country.

Run: ``pip install countryinfo && python data/build_country_points.py``.

Gazetteers and news geoparsing corpora place a country at a conventional rounded point
(China 35N 105E, Russia 60N 100E, Canada 60N 95W), the ``latlng`` of the CIA World
Factbook as carried by REST Countries and PyPI ``countryinfo`` (MIT).  A country named in
text is placed there; the polygon centroid of ``countries.csv`` is the fallback for
countries the table lacks.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from countryinfo import CountryInfo, CountryNotFoundError


#: where GeoNames' own country point differs from the Factbook's by more than ~150 km
#: (GeoNames 6252001, United States: 39.76N 98.5W; the Factbook has 38N 97W)
GEONAMES_POINTS = {"US": (39.76, -98.5)}


def main() -> None:
    here = Path(__file__).resolve().parent
    with open(here / "countries.csv", encoding="utf-8", newline="") as fh:
        wanted = {row["iso2"] for row in csv.DictReader(fh)}
    rows = {}
    for iso in sorted(wanted):
        try:
            latlng = CountryInfo(iso).latlng() or []
        except (CountryNotFoundError, KeyError, ValueError):
            continue
        if len(latlng) == 2:
            rows[iso] = (float(latlng[0]), float(latlng[1]))
    rows.update(GEONAMES_POINTS)
    with open(here / "country_points.csv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("iso2,lat,lon\n")
        for iso in sorted(rows):
            lat, lon = rows[iso]
            fh.write(f"{iso},{lat:g},{lon:g}\n")
    print(f"{len(rows)} of {len(wanted)} countries", file=sys.stderr)


if __name__ == "__main__":
    main()
