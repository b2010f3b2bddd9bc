"""A tiny namesake abroad, named in one sentence with a city of another country.

"Israeli strikes hit the Basta neighbourhood of Beirut": the gazetteer's only Basta is a
Romanian village of 680 people, and a short story that names Beirut once gives Lebanon too
few votes to make the village look out of place (:func:`mapper.geo.resolve._strangers` asks
for two).  A neighbourhood, suburb or camp of a city is rarely in the gazetteer, while a
village of the same name somewhere else often is.  So a town under :data:`TINY_POP` people,
whose country nothing else in the article points to (no other name, no demonym), named in
the same sentence as a city of another country (:data:`CITY_POP` people or more) more than
:data:`FAR_KM` away, is taken to
lie in or by that city: it is placed at the city's point with ``geo_precision`` 2 (a district
or the outskirts of a town), its own name kept, as :mod:`mapper.geo.contained` places a
district the gazetteer lacks.
"""
from __future__ import annotations

import re
from collections import Counter

from mapper.geo.candidates import CITY
from mapper.geo.contained import inside, sentence_gap
from mapper.geo.context import neighbours
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.qualify import km
from mapper.geo.spans import Span
from mapper.model import Place

#: a town under this many people is a tiny namesake
TINY_POP = 1_000
#: a city of another country at least this far away makes the namesake a stranger there
FAR_KM = 400.0
#: ... a city of this many people at least (two hamlets named together say nothing of each other)
CITY_POP = 5_000
#: characters either side of a mention that may belong to its sentence
REACH = 200
#: what ends a sentence between two mentions
_END = re.compile(r"[.!?]\s+[A-Z\"'‘“(]|\n")


def placed(spans: list[Span], gaz: Gazetteer, text: str, groups: dict[tuple[str, str], list[int]],
           chosen: dict[tuple[str, str], tuple[int, float]], places: dict[int, Place]) -> dict[int, Place]:
    """New places for the mentions of tiny far namesakes beside a city of another country.

    Parameters
    ----------
    spans : list of Span
    gaz : Gazetteer
    text : str
        The text the spans index into (for sentence ends).
    groups, chosen : dict
        The groups of same-name mentions taken as places, and their entries (``chosen`` may
        hold more groups: those dropped).
    places : dict
        Span index -> place, as resolved so far.

    Returns
    -------
    dict
        Span index -> the place at its sentence's city, for the mentions moved.
    """
    tiny = [g for g in groups if gaz.kind[chosen[g][0]] == CITY and gaz.population[chosen[g][0]] < TINY_POP]
    if not tiny:
        return {}
    votes = _country_votes(spans, gaz, groups, chosen)
    out: dict[int, Place] = {}
    for g in tiny:
        entry, members = chosen[g][0], groups[g]
        if votes[gaz.country[entry]] > 1:
            continue
        for i in members:
            place = places.get(i)
            if place is None or place.geo_precision != 1 or (place.lat, place.lon) != (gaz.lat[entry], gaz.lon[entry]):
                continue  # placed otherwise already (a region qualifier, the story's focus)
            city = _city_beside(spans, text, i, places, gaz.country[entry], gaz.lat[entry], gaz.lon[entry])
            if city is not None:
                out[i] = inside(spans[i].name, city)
    return out


def _city_beside(spans: list[Span], text: str, i: int, places: dict[int, Place], country: str,
                 lat: float, lon: float) -> Place | None:
    """The nearest city of another country, far away, named in mention ``i``'s sentence."""
    best, gap = None, REACH + 1
    for j in range(len(spans)):
        city = places.get(j)
        if j == i or city is None or city.kind != "city" or city.geo_precision != 1 or city.country == country \
                or city.population < CITY_POP:
            continue
        between = sentence_gap(spans, text, i, j, _END)
        if between is not None and between < gap and km(lat, lon, city.lat, city.lon) > FAR_KM:
            best, gap = city, between
    return best


def _country_votes(spans: list[Span], gaz: Gazetteer, groups: dict[tuple[str, str], list[int]],
                   chosen: dict[tuple[str, str], tuple[int, float]]) -> Counter:
    """How often the article points to each country: its demonyms and the country of each place group."""
    votes = Counter(s.demonym for s in spans if s.demonym)
    votes.update(gaz.country[chosen[g][0]] for g in groups)
    return votes


#: words after a name that make it a border crossing's ("the Arida border crossing")
_CROSSING = re.compile(r"\s+(?:border\s+)?(?:crossing|crossing point|checkpoint|border post)s?\b", re.IGNORECASE)


def crossings_abroad(spans: list[Span], gaz: Gazetteer, text: str, groups: dict[tuple[str, str], list[int]],
                     chosen: dict[tuple[str, str], tuple[int, float]]) -> list[tuple[str, str]]:
    """Groups named as a border crossing ("the Arida border crossing between Lebanon and Syria")
    whose reading is a town in a country the article does not point to, nor any country bordering
    one it does: a crossing lies on the border of the story's countries, not in Japan.  Such a
    name is better unresolved (the crossing table, ``facilities.csv``, holds the known ones)."""
    named = [g for g, members in groups.items() if any(_CROSSING.match(text, spans[i].end) for i in members)]
    if not named:
        return []  # most texts name no crossing
    votes = _country_votes(spans, gaz, groups, chosen)
    borders = neighbours()
    out = []
    for g in named:
        entry = chosen[g][0]
        country = gaz.country[entry]
        if gaz.kind[entry] != CITY or votes[country] > 1:
            continue
        others = {c for c, n in votes.items() if c and c != country and n > 0}
        if others and not any(country in borders.get(c, ()) for c in others):
            out.append(g)
    return out
