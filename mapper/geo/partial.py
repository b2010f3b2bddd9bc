"""A given place name the gazetteer lacks, read through the part of it the gazetteer has.

Only for spans a user (or a gold corpus) says are places (``mapper geoparse
--resolve-only``): running text never reaches here, so a name is never made a place by
these rules, only placed.  Three classes of name:

* a compass part before a known place: "South Los Angeles", "North Annville Township",
  "East Cambridgeshire", "Western Kasai", "Upper Nile" when GeoNames lacks it: the place
  the rest names (its point is within the part the compass word picks out, for all but
  the largest places);
* a natural feature or a park named after the place it lies by: "Kanawha River",
  "Lake Harriet" beside Harriet, "Santa Clara Valley", "Swat Valley", "Plum Island",
  "Boston Harbor": the place of the same name, which the feature takes its name from
  or gives its name to;
* "Saint" written out where the gazetteer has "St." ("Saint Bernard Parish").

And a given name that a list ends in "counties" names a county: "in Butler, Clark or
Warren counties" (:func:`county_after`).

The place keeps its gazetteer record; the caller lowers its ``geo_precision`` (the point
is the namesake's, not the feature's).
"""
from __future__ import annotations

import re

from mapper.geo.candidates import JOINED_MIN, name_strength
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.names import key

#: an everyday English word at or above this Zipf frequency is no reading ("Red", "Long")
COMMON_ZIPF = 4.3

_COMPASS = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|inner|outer"
    r"|north[- ]?(?:east|west)|south[- ]?(?:east|west)|north[- ]?(?:eastern|western)|south[- ]?(?:eastern|western))\s+(?=\S)",
    re.IGNORECASE)
#: feature words after the name: "Kanawha River", "Santa Clara Valley", "Waiheke Island"
#: (not "Park", "Square", "Street": those are named after people as often as after places)
_AFTER = frozenset({"river", "lake", "valley", "island", "islands", "harbor", "harbour", "bay", "falls", "creek",
                    "mountains", "mountain", "hills", "sound", "beach", "springs", "township", "twp", "borough",
                    "village", "town", "city", "municipality", "peninsula", "basin", "plateau", "canyon",
                    "reservoir", "dam"})
#: feature words before it: "Lake Harriet", "River Lune", "Mount Pleasant"
_BEFORE = frozenset({"lake", "river", "mount", "mt.", "mt", "isle", "port", "fort", "ft.", "cape", "loch", "lough"})
_SAINT = re.compile(r"^(?:saint|st\.?)\s+", re.IGNORECASE)
_SAINT_FORMS = ("St. ", "St ", "Saint ")


def readings(name: str) -> list[str]:
    """Shorter names a given place name may be read through, most specific first.

    >>> readings("North Annville Township")
    ['North Annville', 'Annville Township', 'Annville']
    >>> readings("Lake Harriet")
    ['Harriet']
    """
    out: list[str] = []
    todo = [name.strip()]
    while todo:
        current = todo.pop(0)
        for shorter in _one_step(current):
            if shorter not in out and shorter != name:
                out.append(shorter)
                todo.append(shorter)
    return out


def _one_step(name: str) -> list[str]:
    out = []
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _AFTER:
        out.append(" ".join(words[:-1]))
    if len(words) > 1 and words[0].lower() in _BEFORE:
        out.append(" ".join(words[1:]))
    compass = _COMPASS.match(name)
    if compass and len(name) - compass.end() >= 3:
        out.append(name[compass.end():])
    saint = _SAINT.match(name)
    if saint:
        out += [form + name[saint.end():] for form in _SAINT_FORMS if not name.startswith(form)]
    return out


_COUNTY_AFTER = re.compile(r"(?:(?:\s*,\s*|\s+(?:and|or|&)\s+|,\s+(?:and|or)\s+)"
                           r"[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)*)*\s+(?i:count(?:y|ies))\b")


#: a region word written after a name ("a Washington state farm", "the Punjab province");
#: recognition also reads "district", "area" and "city" there, which given names do without
#: ("the Alexandria area" is no governorate)
_REGION_AFTER = re.compile(r" (regions?|oblasts?|provinces?|states?|governorates?)\b")


def region_after(text: str, end: int) -> str:
    """The lower-case region word right after the name ending at ``end`` ("state" in
    "Washington state"), or "": a given span sees it as a span found in the text does."""
    found = _REGION_AFTER.match(text, end, end + 16)
    return found.group(1) if found else ""


def county_after(text: str, end: int) -> str:
    """"county" when the name ending at ``end`` is followed by "County", or is one of a list
    that ends in "counties" ("Hitchcock and Hayes counties"); else ""."""
    return "county" if _COUNTY_AFTER.match(text, end) else ""


def joined_reading(name_key: str, gaz: Gazetteer) -> str | None:
    """The key of a name written in words that the gazetteer writes as one word ("Dogu
    Beyazit" for Doğubeyazıt, Dogubeyazit), or None: the same place, not a part of it."""
    joined = name_key.replace(" ", "")
    if joined != name_key and len(joined) >= JOINED_MIN and joined in gaz.index:
        return joined
    return None


def known_reading(name: str, gaz: Gazetteer) -> str | None:
    """The name key of the first reading of ``name`` the gazetteer holds that is not an
    everyday English word ("Red River" is not read as "Red"; "Boston Harbor" is read as
    Boston, a large town's name); None when there is none."""
    for reading in readings(name):
        k = key(reading)
        cands = gaz.candidates(k)
        if cands and (gaz.common.get(k, 0.0) < COMMON_ZIPF or name_strength(gaz, cands, k) >= 1):
            return k
    return None
