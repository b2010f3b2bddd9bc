"""A part of a country named by a compass word: "eastern Syria", "North-East Syria",
"the east of Ukraine", "Syria's north-east".

News places many events by such a part and nothing finer.  Drawn at the country's point,
"a drone attack on a base in northeastern Jordan" lands by Amman, 250 km from Mafraq.  A
country mention with a compass word is placed at the point of that part of the country
(``data/country_parts.csv``, built by ``data/build_country_parts.py``: where the
settlements of the farthest quarter of the country lie) and reports the admin-1 region
that holds most of the part, where one does.  It stays a country-level place
(``kind`` "country", ``geo_precision`` 3): what happens "in eastern Ukraine" is as coarse
as what happens in Ukraine, only drawn where it happened.

A capitalised compass word before the country ("North-East Syria", "Northeastern
Nigeria") is recognised as a name of its own, some district called North-East or
Northeastern elsewhere; here it is read as the compass word of the country after it.
"""
from __future__ import annotations

import dataclasses
import re

from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.spans import Span
from mapper.model import Place

#: the reason a capitalised compass word read as the part of the country after it is no place
COMPASS_WORD = "a compass word of the country after it"

#: the eight compass words, unanchored ("north", "north-east", "northeast", "east"...): add "(?:ern)?"
#: for the adjective
COMPASS = r"(?:north|south)(?:[- ]?(?:east|west))?|east|west"
#: "eastern Syria", "north-east Syria", "Northeastern Nigeria" (a word of its own, not the end
#: of another: "Far-East" or "Southeast Asia" are no compass words before a country)
_BEFORE = re.compile(rf"(?<![\w-])(?P<c>{COMPASS})(?:ern)?[ -]$", re.IGNORECASE)
#: "in the east of Ukraine" (not "south of Lebanon": a bare direction from a country points outside it)
_THE_OF = re.compile(rf"\b(?=\w)the\s+(?P<c>{COMPASS})\s+of\s+$", re.IGNORECASE)
#: "Syria's north-east", "Ukraine's eastern front"; not "Ukraine's eastern Donetsk region",
#: where the name after says where
_POSSESSED = re.compile(rf"['’]s?\s+(?P<c>(?i:{COMPASS}))(?:ern)?\b(?![ -]+(?:[a-z]+ )?[A-Z])")
_WORD = re.compile(rf"(?:{COMPASS})(?:ern)?", re.IGNORECASE)
_ADJECTIVE = {"north": "northern", "south": "southern", "east": "eastern", "west": "western",
              "northeast": "northeastern", "northwest": "northwestern", "southeast": "southeastern",
              "southwest": "southwestern"}
_PART_NAME = re.compile(r"(?:north|south|north(?:east|west)|south(?:east|west)|east|west)ern ")


def _direction(word: str) -> str:
    return word.lower().replace("-", "").replace(" ", "")


def _is_country(gaz: Gazetteer, span: Span) -> bool:
    """Whether a name has a country among its readings: a question of the name alone, asked of
    every span of every article, so answered once per name (the gazetteer's memo)."""
    memo = gaz.memo("parts.country")
    found = memo.get(span.key)
    if found is None:
        found = memo[span.key] = any(KINDS[gaz.kind[e]] == "country" for e, _ in gaz.candidates(span.key))
    return found


def compass_of(spans: list[Span], text: str, gaz: Gazetteer) -> tuple[list[Span], dict[int, str], set[int]]:
    """The spans, the compass part each country span names, and the compass-word spans read
    as part of the country after them.

    Returns
    -------
    (spans, directions, words)
        ``spans`` with a country span after a compass-word span taken as a whole name (it is
        no longer "part of a longer name"); ``directions``: span index -> "north",
        "northeast", ...; ``words``: indices of the compass-word spans.
    """
    directions: dict[int, str] = {}
    words: set[int] = set()
    out = spans
    for i, span in enumerate(spans):
        if span.demonym or not _is_country(gaz, span):
            continue
        before = spans[i - 1] if i else None
        word = _WORD.fullmatch(before.name) if before is not None and not before.demonym else None
        if word is not None and text[before.end:span.start] in (" ", "-"):
            if out is spans:
                out = list(spans)
            out[i] = dataclasses.replace(span, covered=True, run_start=True, prev_word=before.prev_word)
            directions[i] = _direction(word.group(0).lower().removesuffix("ern"))
            words.add(i - 1)
            continue
        left = text[max(0, span.start - 24):span.start]
        found = _BEFORE.search(left) or _THE_OF.search(left) or _POSSESSED.match(text, span.end)
        if found:
            directions[i] = _direction(found.group("c"))
    return out, directions, words


def part_place(gaz: Gazetteer, country: Place, direction: str) -> Place:
    """The place of a compass part of a country (the country itself where no part is known)."""
    code = f"{country.country}:{direction}"
    if code not in gaz.part_lon:
        return country
    lon, lat, admin1 = gaz.part_lon[code], gaz.part_lat[code], gaz.part_admin1[code]
    return dataclasses.replace(country, name=f"{_ADJECTIVE[direction]} {country.name}", lon=lon, lat=lat,
                               admin1_gn=admin1, geonameid=None,
                               admin1_geonameid=gaz.admin1_ids.get(admin1) if admin1 else None)


def is_part(place: Place) -> bool:
    """Whether a place is a compass part of a country (:func:`part_place`)."""
    return place.kind == "country" and bool(_PART_NAME.match(place.name))
