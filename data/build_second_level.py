"""Derive ``data/second_level.csv``: counties, departments and provinces of the countries
where Natural Earth's admin-1 layer is really a second level (GB, FR, IT, ES, LV, HU, BF).

Run: ``pip install geopandas && python data/build_second_level.py`` (build time only).

``admin1.csv`` merges these units into true first-level regions (England, Hauts-de-France,
Lombardia); news still names the units themselves ("Cambridgeshire", "Dorset", "the Somme",
"Varese province"), so each keeps its name, its alternate names, a representative point
inside its polygon (4 decimals), its English name where it differs, and the GeoNames admin-1 code of the merged region it lies
in, found by mapper's own region index.  Indexed as regions (``geo_precision`` 3).
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared" / "data"
COUNTRIES = ("GB", "FR", "IT", "ES", "LV", "HU", "BF")


def main() -> int:
    import geopandas as gpd

    sys.path.insert(0, str(HERE.parent))
    from mapper.geo.regions import RegionIndex

    src = SHARED / "ne_10m_admin_1_states_provinces.geojson.gz"
    if not src.is_file():
        print(f"error: {src} not found", file=sys.stderr)
        return 1
    units = gpd.read_file("/vsigzip/" + str(src))
    units = units[units["iso_a2"].isin(COUNTRIES)].copy()
    units["geometry"] = units.geometry.make_valid()
    points = units.geometry.representative_point()
    regions = RegionIndex.load(HERE)
    found = regions.join(np.array(points.x), np.array(points.y))
    rows = []
    for (_, unit), pt, region in zip(units.iterrows(), points, found):
        # name_alt is left out: for Italy it holds the region's names ("Lombardy" for Varese)
        names = [unit["name_en"]] if unit.get("name_en") and unit["name_en"] != unit["name"] else []
        rows.append({"name": unit["name"], "names": "|".join(dict.fromkeys(names)), "country": unit["iso_a2"],
                     "admin1": region.gn_code if region is not None and region.gn_code else "",
                     "type": unit["type_en"] or "", "lon": f"{pt.x:.4f}", "lat": f"{pt.y:.4f}"})
    rows.sort(key=lambda r: (r["country"], r["name"]))
    with open(HERE / "second_level.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "names", "country", "admin1", "type", "lon", "lat"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"second_level.csv: {len(rows)} units", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
