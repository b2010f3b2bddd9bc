"""The gazetteer's extra tables: facilities, airbases, abbreviations, demonyms, spelling variants.

Each function adds its rows to the index under construction (``b``, a
:class:`mapper.geo.build._Builder`) or returns a plain ``dict`` of ``str`` to ``int``/``str``
for the compiled :class:`~mapper.geo.gazetteer.Gazetteer`.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from mapper.errors import GazetteerError
from mapper.geo.gazetteer import KINDS
from mapper.geo.names import key
from mapper.geo.variants import ARABIC, SLAVIC, article_forms, spellings, variants

#: pseudo-population of a facility: its names are specific ("Izmail port", "Kerch bridge"), and
#: where GeoNames gives a town the same name as an alternate one, the facility is meant
_FACILITY_POP = 1_000_000
_MILITARY_SUFFIX = re.compile(r"\s*(?:-\d+\s+)?(?:Air Base|Airbase|Air Force Base|Air Station|Airfield|Air Field)"
                              r"(?:\s.*)?$", re.IGNORECASE)
#: the words a camp's name ends in, without which news also names it ("Zamzam camp": Zamzam)
_CAMP_HEAD = re.compile(r"\s+(?:(?:refugee|displacement|displaced|IDP|idp)\s+)?(?:camps?|settlement)$", re.IGNORECASE)
#: the words news writes after an airbase's name ("Engels airbase", "Saki air base")
_AIRBASE_HEADS = ("air base", "airbase", "airfield", "air field", "military airfield", "air force base")


def rows(path: Path) -> list[dict[str, str]]:
    """The rows of a shipped CSV (tab-separated for ``.tsv``)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t" if path.suffix == ".tsv" else ","))


def add_facilities(b: Any, data: Path) -> int:  # noqa: ANN401
    """The curated facilities (``facilities.csv``), then the airbases of ``airbases.csv``
    that the curated table does not already hold; returns the number added."""
    seen: set[str] = set()
    added = 0
    for row in rows(data / "facilities.csv"):
        entry = b.add(row["name"], float(row["lon"]), float(row["lat"]), row["country"], row["admin1"] or None,
                      "facility", None, _FACILITY_POP)
        names = (row["name"], *filter(None, row["aliases"].split("|")))
        for name in names:
            b.name(entry, name, main=True)
            seen.add(key(name))
        if row["type"] == "airbase":
            # "Al Asad Air Base" beside the alias "Al Asad Airbase": news writes an air base with any head
            for name in dict.fromkeys(n for name in names for n in _airbase_names(name)):
                if key(name) not in b.index:
                    b.name(entry, name, main=True)
                    seen.add(key(name))
        if row["country"] in ARABIC:
            for name in article_forms(names):
                # "Al-Shati refugee camp" beside "Al-Shati camp" and "Shati refugee camp": a name of
                # the facility as its aliases are ("the X camp" is no river's other name, admit.py)
                b.name(entry, name, main=True)
        if row["type"] == "camp":
            # a camp is known by its bare name ("the RSF stormed Zamzam", "clashes in Ain al-Hilweh")
            # where nothing else in the gazetteer bears that name: "Jenin" stays the city
            bare = [n for n in dict.fromkeys(_CAMP_HEAD.sub("", name) for name in names)
                    if len(key(n)) >= 4 and key(n) not in b.index]
            for name in bare + (article_forms(tuple(bare)) if row["country"] in ARABIC else []):
                if key(name) not in b.index:
                    b.name(entry, name, main=True)
        added += 1
    for row in rows(data / "airbases.csv"):
        names = [row["name"], *_airbase_names(row["name"])]
        if any(key(n) in seen for n in names):
            continue
        entry = b.add(row["name"], float(row["lon"]), float(row["lat"]), row["country"], row["admin1"] or None,
                      "facility", None, _FACILITY_POP)
        for name in names:
            b.name(entry, name, main=True)
            seen.add(key(name))
        added += 1
    return added


def _airbase_names(name: str) -> list[str]:
    """An air base's name with each head news writes it with ("Engels air base", "Engels airbase",
    "Engels airfield"); none when the name without its head is too short to name it."""
    base = _MILITARY_SUFFIX.sub("", name).strip()
    return [f"{base} {head}" for head in _AIRBASE_HEADS] if len(base) >= 3 else []


def add_second_level(b: Any, data: Path, population: int) -> None:  # noqa: ANN401
    """Counties, departments and provinces of ``second_level.csv`` as regions (``geo_precision``
    3), with the pseudo-population of a US county: a town of the same name keeps its claim."""
    for row in rows(data / "second_level.csv"):
        entry = b.add(row["name"], float(row["lon"]), float(row["lat"]), row["country"], row["admin1"] or None,
                      "region", None, population)
        for name in (row["name"], *filter(None, row["names"].split("|"))):
            b.name(entry, name, main=True)


def abbreviations(b: Any, data: Path, admin1_entry: dict[str, int], by_gid: dict[int, int]) -> dict[str, int]:  # noqa: ANN401
    """Abbreviations ("Ky.", "W. Va.", "B.C.", "NSW", "L.A.") -> entry.

    Forms with a dot are matched only as written (dots and all) by recognition, since
    their key without the dot is a word ("Mo", "La", "Pa"); forms without one ("NSW")
    are ordinary names of their region.
    """
    out: dict[str, int] = {}
    for row in rows(data / "abbreviations.csv"):
        target = row["target"]
        entry = by_gid.get(int(target)) if target.isdigit() else admin1_entry.get(target)
        if entry is None:
            raise GazetteerError(f"abbreviations.csv: {row['abbreviation']}: unknown target {target}")
        if "." in row["abbreviation"]:
            out[abbreviation_key(row["abbreviation"])] = entry
        else:
            b.name(entry, row["abbreviation"], main=True)
    return out


def abbreviation_key(text: str) -> str:
    """The key of an abbreviation as written: case-folded, dots kept, spaces dropped ("w.va.")."""
    return text.replace(" ", "").casefold()


def demonyms(data: Path, country_entry: dict[str, int], admin1_entry: dict[str, int],
             region_entry: dict[str, int], names: dict) -> tuple[dict[str, str], dict[str, int]]:
    """Demonyms and their plurals: key -> ISO country, and key -> the entry they stand for
    (a region's where the table names one: "Ontarian" Ontario, "Abkhaz" Abkhazia).  A plural
    made by rule never takes a key that names a place ("Lao" + s is Laos, the country):
    ``names`` is the name index being built."""
    iso: dict[str, str] = {}
    entry_of: dict[str, int] = {}
    for row in rows(data / "demonyms.csv"):
        region = row.get("region") or ""
        entry = admin1_entry.get(region) if "." in region else region_entry.get(key(region)) if region else None
        if entry is None:
            entry = country_entry.get(row["country"])
        forms = [row["demonym"], *(p for p in plurals(row["demonym"]) if key(p) not in names)]
        for form in forms:
            iso.setdefault(key(form), row["country"])
            if entry is not None:
                entry_of.setdefault(key(form), entry)
    return iso, entry_of


def plurals(demonym: str) -> list[str]:
    """The plural of a demonym by English rule ("Syrian" -> "Syrians"; "Swiss", "Lebanese",
    "Irish", "Dutch" have none as a noun of that form)."""
    lower = demonym.lower()
    if lower.endswith(("ese", "sh", "ch", "ss", "s", "z", "x")):
        return []
    return [demonym + "s"]


def add_variants(b: Any, words: frozenset[str] = frozenset()) -> int:  # noqa: ANN401
    """Spelling variants (:mod:`mapper.geo.variants`) of the cities' main names, then the
    transliterations (:func:`mapper.geo.variants.spellings`) of every Latin name of the towns of
    Arabic-speaking countries, as alternate names, except those that are English ``words``
    ("Hadd" written "Had"); returns how many keys were added."""
    city = KINDS.index("city")
    names, kinds, countries = b.cols["names"], b.cols["kind"], b.cols["country"]
    added = 0
    arabic = set()
    for entry in range(len(names)):
        if kinds[entry] != city:
            continue
        if countries[entry] in ARABIC:
            arabic.add(entry)
        for variant in variants(names[entry], countries[entry]):
            added += _alternate(b, key(variant), entry)
    for k, slot in list(b.index.items()):
        towns = [e for e in slot if e in arabic]
        if towns and k.isascii():
            for variant in spellings(k):
                if variant in words:
                    continue
                for entry in towns:
                    added += _alternate(b, variant, entry)
    return added


def _alternate(b: Any, k: str, entry: int) -> int:  # noqa: ANN401
    """Index ``k`` as an alternate name of ``entry``; 1 if it is new, else 0."""
    if not k or entry in b.index.get(k, ()):
        return 0
    b.index[k][entry] = False
    return 1


#: the word of a unit that closes an admin-1 region's GeoNames name ("West Kordofan State", "Alborz Province",
#: "Mymensingh Division"): news names most such regions without it
_UNIT_WORD = re.compile(r"\s+(?:State|Province|Region|Division|Governorate|Municipality|Department|Prefecture"
                        r"|District)$")


def add_admin1_gaps(b: Any, data: Path, population: int) -> dict[str, tuple[int, int]]:  # noqa: ANN401
    """The GeoNames admin-1 regions without a polygon of their own (``admin1_gaps.csv``: Ituri,
    Panjshir, Baalbek-Hermel), as admin-1 entries at the median point of their towns; returns
    GeoNames code -> (entry, GeoNames id)."""
    out = {}
    for row in rows(data / "admin1_gaps.csv"):
        entry = b.add(row["name"], float(row["lon"]), float(row["lat"]), row["country"], row["gn_code"], "admin1",
                      int(row["geonameid"]), population)
        for name in filter(None, (row["name"], row["ascii_name"])):
            b.name(entry, name, main=True)
            b.name(entry, _UNIT_WORD.sub("", name))  # "West Kordofan State" is "West Kordofan" in news
        out[row["gn_code"]] = (entry, int(row["geonameid"]))
    return out


def add_us_places(b: Any, data: Path) -> int:  # noqa: ANN401
    """US towns and communities of ``us_places.csv`` (ZIP-code place names that cities500
    lacks in that state): kind "city", population 0, so that a town of the name with
    people counted, or any place the article's context points to, keeps the stronger claim
    (:mod:`mapper.geo.postal` says what evidence running text must give).  Returns the
    number added."""
    added = 0
    for row in rows(data / "us_places.csv"):
        entry = b.add(row["name"], float(row["lon"]), float(row["lat"]), "US", f"US.{row['state']}", "city", None, 0)
        b.name(entry, row["name"], main=True)
        added += 1
    return added


def add_towns(b: Any, data: Path) -> int:  # noqa: ANN401
    """Towns of war zones that cities500 lacks: Myanmar's of ``mm_towns.csv`` (MIMU place codes)
    and the curated ``towns.csv`` (one row per town, its point from the named source).  Kind
    "city", population 0 (not known): a namesake with people counted, or any place the article's
    countries point to, keeps the stronger claim, and in a story about another country such a
    town is an obscure village (``resolve._strangers``).  Spelling variants by rule, as for
    cities500's towns.  Returns the number added."""
    added = 0
    for row in rows(data / "mm_towns.csv"):
        added += _town(b, row["name"], row["names"], float(row["lon"]), float(row["lat"]), "MM", row["admin1"])
    for row in rows(data / "towns.csv"):
        added += _town(b, row["name"], row["aliases"], float(row["lon"]), float(row["lat"]), row["country"],
                       row["admin1"])
    return added


def _town(b: Any, name: str, others: str, lon: float, lat: float, country: str, admin1: str) -> int:  # noqa: ANN401
    entry = b.add(name, lon, lat, country, admin1 or None, "city", None, 0)
    for each in (name, *filter(None, others.split("|"))):
        b.name(entry, each, main=True)
        for variant in variants(each, country):
            b.name(entry, variant)  # an alternate name: a main name it already has stays main
    return 1


#: the population of a second-level unit (``admin2_units.csv``): none counted, so a town of the
#: name, or any region, keeps the stronger claim; the resolver knows such units by it (kind "region")
ADMIN2_POP = 0


def add_admin2_units(b: Any, data: Path, admin1_entry: dict[str, int]) -> int:  # noqa: ANN401
    """GeoNames' second-level units (``admin2_units.csv``: "Masisi Territory", "Caza de Tyr") as
    regions (``geo_precision`` 3) under their core name ("Masisi", "Tyr") and every name
    of their seat town ("Tyre", "Bint Jbeil").  A unit the table places at no seat takes the
    point of a town of its core name in its admin-1 region that the later tables hold
    (Maungdaw, of ``mm_towns.csv``), else its admin-1 region's point.  Returns the number added."""
    lons, lats, kinds, admin1s = b.cols["lon"], b.cols["lat"], b.cols["kind"], b.cols["admin1"]
    city = KINDS.index("city")
    at_point: dict[tuple[float, float], int] = {}
    for entry in range(len(kinds)):
        if kinds[entry] == city:
            at_point.setdefault((round(lons[entry], 3), round(lats[entry], 3)), entry)
    seat_of: dict[int, int] = {}  # town entry -> the unit it is the seat of
    added = 0
    for row in rows(data / "admin2_units.csv"):
        core = row["core"] or row["name"]
        if row["lon"]:
            seat = at_point.get((round(float(row["lon"]), 3), round(float(row["lat"]), 3)))
        else:
            seat = next((e for e in b.index.get(key(core), ()) if kinds[e] == city and admin1s[e] == row["admin1"]),
                        None)
        region = admin1_entry.get(row["admin1"])
        if row["lon"]:
            lon, lat = float(row["lon"]), float(row["lat"])
        elif seat is not None or region is not None:
            lon, lat = (lons[seat], lats[seat]) if seat is not None else (lons[region], lats[region])
        else:
            continue
        entry = b.add(row["name"], lon, lat, row["country"], row["admin1"], "region", int(row["geonameid"]),
                      ADMIN2_POP)
        b.name(entry, core, main=True)  # not "Mayo County", "Caza de Tyr": the core and a region word
        if row["country"] in SLAVIC:
            for form in _adjectives(core):  # "Kupianskyi Raion" for the Kupianska Miskrada
                b.name(entry, form)
        if seat is not None:
            seat_of.setdefault(seat, entry)
        added += 1
    for slot in b.index.values():  # "Tyre District", "Bint Jbeil district": the seat's names name its unit
        for town in [e for e in slot if e in seat_of]:
            slot.setdefault(seat_of[town], slot[town])
    return added


_ADJECTIVE = re.compile(r"^(.{3,}?)s['’]?k(?:yi|yy|iy|ij|yj|ii|i|y|a|e|aya|oye|oe)$")


def _adjectives(core: str) -> list[str]:
    """The forms of a raion's adjective (Ukrainian and Russian, masculine and feminine, as the
    systems romanise them): "Kupianska" -> "Kupianskyi", "Kupianskyy", "Kupianskiy"..."""
    found = _ADJECTIVE.match(core)
    if not found:
        return []
    stem = found.group(1)
    return [f"{stem}sk{end}" for end in ("yi", "yy", "iy", "ij", "a", "aya", "oye", "oe")]
