"""A given place name the gazetteer lacks, placed by the place its own text says holds it.

News introduces a small place by the larger one it lies in: "the Mukuru kwa Njenga
district of Nairobi", "Kitaakita, located in the Akita Prefecture", "the Wedza district,
Mashonaland East province", "Mabvuku, a suburb east of Harare", "Abu Shok refugee camp
in Al-Fashir".  When the gazetteer lacks the small place, the larger one is the best
point there is: the name is kept, at the holder's point, with ``geo_precision`` 2 when
the holder is a town (a district or the outskirts of a town) and 3 when it is a region or
a country (only the region is known).  "Village, Region" with a bare comma is
:func:`mapper.geo.qualify.qualified`'s; this module takes the wordier forms.

Only for spans a user (or a gold corpus) says are places (``mapper geoparse
--resolve-only``): running text never makes a place of an unknown name here.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Callable

from mapper.geo.lists import enumerations
from mapper.geo.candidates import flat_km
from mapper.geo.spans import Span
from mapper.model import Place

#: what may stand between the place and its holder: a comma, a few lower-case words
#: ("district", "refugee camp", "a suburb located east"), then a word of containment
_WORD = r"(?!(?:and|or|but|than|from|to|via|with|by)\b)[a-z][a-z'-]*"
_GAP = re.compile(
    rf",\s|,?\s(?:{_WORD}\s){{0,5}}?(?:{_WORD},\s|(?:in|of|near|outside|within|inside)\s(?:the\s)?)")
#: the longest gap, in characters
MAX_GAP = 60


def holders(spans: list[Span], text: str, unknown: set[int], places: dict[int, Place]) -> dict[int, Place]:
    """Places for the ``unknown`` spans (given names the gazetteer lacks) whose text names
    the place holding them right after them, from ``places`` (span -> resolved place)
    or from a holder itself placed this way ("Cellardyke in Fife, Scotland")."""
    out: dict[int, Place] = {}
    listed: dict[int, tuple[int, ...]] | None = None
    for i in sorted(unknown, reverse=True):  # right to left: a holder may itself be held
        j = i + 1
        if j >= len(spans) or spans[i].demonym or spans[j].demonym:
            continue
        gap = text[spans[i].end:spans[j].start]
        if len(gap) > MAX_GAP or not _GAP.fullmatch(gap):
            continue
        holder = places.get(j) or out.get(j)
        if holder is None:
            continue
        holder = places[_possessed(spans, text, places, j)] if j in places else holder
        if gap == ", ":
            if listed is None:
                listed = enumerations(spans, set(range(len(spans))), text)
            if j in listed.get(i, ()):
                continue  # "Bondo, Nyando, Kisii and Wajir": a list of places, not "Greenlane, Auckland"
        out[i] = inside(spans[i].name, holder)
    return out


#: a possessive between a holder and the place it holds ("Sagaing Region's Myinmu Township"), past the holder's
#: unit word
POSSESSIVE = re.compile(r"(?:\s+(?:region|oblast|province|state|governorate|district|county|township|division))?['’]s?\s+",
                        re.IGNORECASE)


def _possessed(spans: list[Span], text: str, places: dict[int, Place], j: int) -> int:
    """The finest holder from span ``j`` on: the place a holder's possessive names right after it
    ("in Kharkiv region's Kupiansk district" holds a village in Kupiansk district), else ``j``."""
    while (m := POSSESSIVE.match(text, spans[j].end)) and j + 1 < len(spans) and spans[j + 1].start == m.end() \
            and places.get(j + 1) is not None:
        j += 1
    return j


#: a compass adjective before a holder's name ("of the southern Urozgan province", "in north-eastern Borno
#: state"); also :mod:`mapper.extract.locators`' villages held by a unit
COMPASS_ADJ = r"(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?|central)"
_COMPASS = rf"(?:{COMPASS_ADJ}\s)?"
#: "X <noun> of Y": the words that say a named place lies inside the next one (not across a conjunction: "in Sumy
#: and the village of Pishchane" names two places)
_HELD = re.compile(rf"\s(?:{_WORD}\s){{0,2}}?(?:area|district|neighbourhood|neighborhood|suburb|quarter|"
                   r"section|outskirts|township|camp|village|town|settlement|locality|commune)s?\s(?:of|in|outside)\s"
                   r"(?:the\s)?" + _COMPASS)
#: "Nasir County of Upper Nile State", "Kupiansk district in Kharkiv region": what joins a unit told with its unit word to
#: the region holding it
_UNIT_OF = re.compile(r"\s(?:of|in)\s(?:the\s)?" + _COMPASS)
#: "X in the Y district": the words that put a place inside the region named next
_IN_REGION = re.compile(r"\sin\s(?:the\s)?" + _COMPASS)


def held_elsewhere(spans: list[Span], text: str, places: dict[int, Place],
                   in_country: Callable[[Span, str], Place | None] | None = None) -> dict[int, Place]:
    """Places for spans the text puts inside the next place ("the Rice Lake area of Fulton
    County", "the Basta neighbourhood of Beirut") whose reading lies outside it: the text knows
    better than a namesake elsewhere.  Placed at the holder as :func:`inside` does, or for a
    town held by a country at that country's town of its name (``in_country``, when given)."""
    out: dict[int, Place] = {}
    for i, place in places.items():
        j = i + 1
        if place is None or places.get(j) is None or j >= len(spans):
            continue
        gap = text[spans[i].end:spans[j].start]
        j = _possessed(spans, text, places, j)
        holder = places[j]
        # a town, or a region of another country ("Chora district of the southern Urozgan province" is
        # no Greek island); "in the Y district" only for a region holder in another country, "in central
        # Mali" for a town read in another country ("Boni in central Mali" is no Bonn)
        if place.geo_precision != 1 and place.country == holder.country:
            continue
        held = _HELD.fullmatch(gap) or (place.country != holder.country and _IN_REGION.fullmatch(gap) and (
            holder.kind in ("admin1", "region") and spans[j].region_word
            or holder.kind == "country" and place.kind in ("city", "village"))) or (
            # "Nasir County of Upper Nile State": a unit named with its own unit word, of the region after it
            spans[i].region_word and place.country != holder.country and holder.kind in ("admin1", "region", "country")
            and _UNIT_OF.fullmatch(gap))
        if len(gap) > MAX_GAP or not held or not _outside(place, holder):
            continue
        own = in_country(spans[i], holder.country) if in_country is not None and holder.kind == "country" else None
        out[i] = own if own is not None else inside(spans[i].name, holder)
    return out


def _outside(place: Place, holder: Place) -> bool:
    """Whether a place lies outside its holder: another country, another admin-1 region, or
    more than :data:`TOWN_KM` from a town."""
    if place.country != holder.country or holder.kind == "country":
        return place.country != holder.country
    if holder.kind in ("city", "village", "facility"):
        return flat_km(holder.lat, holder.lon, place.lat, place.lon) > TOWN_KM
    return bool(holder.admin1_gn) and place.admin1_gn != holder.admin1_gn


#: a district of a town lies within this many km of its point
TOWN_KM = 50.0


def beside(spans: list[Span], text: str, unknown: set[int], places: dict[int, Place]) -> dict[int, Place]:
    """Places for the ``unknown`` spans by the nearest place named in their own sentence, when
    their text says no more ("crowds in St. Peter's Square", in a sentence about the Vatican):
    at that town's point (``geo_precision`` 2), or its region's or country's (3).  Names of a
    list are peers, no one's holder ("Geese died in X; Paris, Berlin and Madrid banned imports"
    says nothing of where X is), and a semicolon ends the sentence here."""
    out: dict[int, Place] = {}
    listed = enumerations(spans, set(range(len(spans))), text)
    for i in unknown:
        if i in listed:
            continue
        best, gap = None, SENTENCE_GAP + 1
        for j, place in places.items():
            if j in unknown or j in listed or place is None or place.kind == "demonym":
                continue
            between = sentence_gap(spans, text, i, j, SENTENCE_END)
            if between is not None and 0 <= between < gap:
                best, gap = place, between
        if best is not None:
            out[i] = inside(spans[i].name, best)
    return out


#: the most characters between a name and the place its sentence names beside it
SENTENCE_GAP = 150
#: what ends a sentence (or a clause: "Geese died in X; Paris and Berlin banned imports") between two names
SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\"'‘“(]|[;\n]")


def sentence_gap(spans: list[Span], text: str, i: int, j: int, end: re.Pattern[str]) -> int | None:
    """Characters between mentions ``i`` and ``j``, or None when ``end`` (a sentence's end)
    lies between them."""
    a, b = sorted((spans[i], spans[j]), key=lambda s: s.start)
    return None if end.search(text, a.end, b.start + 1) else b.start - a.end


def inside(name: str, holder: Place) -> Place:
    """A place the gazetteer lacks, at its holder's point: ``geo_precision`` 2 in a town, 3 in a
    region or country, its own name kept."""
    town = holder.kind in ("city", "village", "facility") and holder.geo_precision < 3
    return Place(name=name, lon=holder.lon, lat=holder.lat, country=holder.country,
                 admin1_gn=holder.admin1_gn if holder.kind != "country" else None, kind="village",
                 geonameid=None, population=0, geo_precision=2 if town else 3, score=0.0,
                 admin1_geonameid=holder.admin1_geonameid if holder.kind != "country" else None)


#: an Arabic article opening a name key ("al adhamiya", "el-fasher")
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ed|en|er|es|ez)[ -]")
#: shortest spelling skeleton worth matching (short names collide)
_ALIKE_MIN = 5


def _spelling(name_key: str) -> str:
    """What two spellings of one transliterated name share: no article, no spaces or hyphens,
    no doubled letters, no final "h" after a vowel ("Adhamiyah" / "Adhamiya", "Fallujah" /
    "Falluja", "al-Qaim" / "Qaim")."""
    bare = re.sub(r"[ -]", "", _ARTICLE.sub("", name_key))
    return re.sub(r"([aeiou])h$", r"\1", re.sub(r"(.)\1+", r"\1", bare))


def spelled_alike(spans: list[Span], text: str, unknown: set[int], places: dict[int, Place]) -> dict[int, Place]:
    """Places for the ``unknown`` spans whose name another mention of the article spells alike
    and that one is placed (``places``: span -> place): "Adhamiya" beside "the Adhamiyah district
    of Baghdad" is the same district, at the same point, its own name kept (``text``: unused,
    the signature of :func:`holders`)."""
    placed: dict[str, Place] = {}
    for j in sorted(places):
        placed.setdefault(_spelling(spans[j].key), places[j])
    out = {}
    for i in unknown:
        found = placed.get(_spelling(spans[i].key))
        if found is not None and len(_spelling(spans[i].key)) >= _ALIKE_MIN:
            out[i] = dataclasses.replace(found, name=spans[i].name)
    return out
