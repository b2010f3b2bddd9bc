"""Evidence from a mention's neighbours: "X, Y" pairs ("Paris, Texas") and the towns named
in the same sentence ("shells hit Malokaterynivka and Kamianske": the Kamianske next to
Malokaterynivka)."""
from __future__ import annotations

import math

from mapper.geo.candidates import ADMIN1, CITY, COUNTRY, is_district
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.spans import LOCATIVES, Span

#: characters either side of a mention that count as its sentence, and mentions either side looked at
SENTENCE_REACH = 150
NEIGHBOURS = 6
#: a town this close to a town named beside it takes the bonus (weights fitted on the tune
#: halves, bench/tune_geo.py; CLOSE_BONUS and CLOSE_KM are held: bench/README.md)
CLOSE_KM, CLOSE_BONUS = 30.0, 6.0
NEAR_KM, NEAR_BONUS = 120.0, 3.0

#: characters before a mention within which the country named last counts (about four sentences)
LAST_REACH = 600

#: what joins "X, Y" when Y says where X lies
GAPS = frozenset({", ", " (", " in ", ","})


def links(spans: list[Span], live: list[int], text: str) -> dict[int, int]:
    """Live mentions followed by another mention across ", " / " (" / " in " ("Paris, Texas")."""
    out = {}
    for i in live:
        if i + 1 < len(spans) and text[spans[i].end:spans[i + 1].start] in GAPS:
            out[i] = i + 1
    return out


def named_after(links: dict[int, int], best: dict[int, int], gaz: Gazetteer, spans: list[Span]
                ) -> dict[int, set[str]]:
    """Countries / admin-1 codes named right after each mention: "Paris, Texas".  A country
    says nothing of where a name that is itself a country's lies ("China, Japan": a list)."""
    near = {}
    for i, nxt in links.items():
        entry = best.get(nxt)
        if entry is None:
            continue
        if gaz.kind[entry] == COUNTRY:
            if not country_name(gaz, spans[i].key):  # "China, Japan and the UK": a list, not "Paris, France"
                near[i] = {gaz.country[entry]}
        elif gaz.kind[entry] in (ADMIN1, CITY):  # "Lima, New York": the city's state counts too
            near[i] = {gaz.admin1[entry] or "", gaz.country[entry]}
    return near


def country_name(gaz: Gazetteer, name_key: str) -> bool:
    """Whether a name key is the name of a country (any of its readings)."""
    return any(gaz.kind[e] == COUNTRY for e, _ in gaz.candidates(name_key))


def around(spans: list[Span], members: list[int], best: dict[int, int], gaz: Gazetteer
           ) -> tuple[list[tuple[float, float]], frozenset[str]]:
    """What is named in the same sentences as a group's mentions: where the towns lie
    ("shells hit Malokaterynivka and Kamianske": the Kamianske next to Malokaterynivka),
    and which admin-1 regions ("in Michigan on the coast of Lake Erie ... in Monroe
    County": Monroe County, Michigan, though the story names Iowa too)."""
    key = spans[members[0]].key
    points = {}  # each point once (a dict keeps their order): proximity looks for the nearest
    regions = set()
    kinds, admin1 = gaz.kind, gaz.admin1
    for i in members:
        at = spans[i].start
        for j in range(max(0, i - NEIGHBOURS), min(len(spans), i + NEIGHBOURS + 1)):
            other = spans[j]
            entry = best.get(j)
            if entry is None or other.key == key or abs(other.start - at) > SENTENCE_REACH:
                continue
            kind = kinds[entry]
            if kind == CITY or is_district(gaz, entry):  # a district lies at its seat ("Goondiwindi Region")
                points[gaz.lat[entry], gaz.lon[entry]] = None
            elif kind == ADMIN1 and admin1[entry]:
                regions.add(admin1[entry])
    return list(points), frozenset(regions)


def proximity(gaz: Gazetteer, entry: int, around: list[tuple[float, float]]) -> float:
    """A bonus for a town (or a district placed at its seat) lying close to the towns named beside it."""
    if gaz.kind[entry] != CITY and not is_district(gaz, entry):
        return 0.0
    lat, lon = gaz.lat[entry], gaz.lon[entry]
    scale = math.cos(math.radians(lat))  # flat_km's, computed once per candidate
    best = math.inf
    for a, b in around:
        # a town NEAR_KM or more of latitude away is never near (flat_km is at least the
        # latitude difference); a candidate is not near itself: "Mexico" beside "Mexico City" is no
        # evidence that "Mexico" means the city (one of its candidates, as an alternate name)
        if abs(a - lat) * 111.2 >= NEAR_KM or (a == lat and b == lon):
            continue
        d = math.hypot(a - lat, (b - lon) * scale) * 111.2  # flat_km(lat, lon, a, b)
        if d < best:
            best = d
            if best < CLOSE_KM:
                return CLOSE_BONUS
    return NEAR_BONUS if best < NEAR_KM else 0.0


def last_country(gaz: Gazetteer, spans: list[Span], members: list[int], best: dict[int, int]) -> dict[str, int]:
    """For a group's mentions, the country each was preceded by: the nearest country named as a
    place ("in Chile", "the country of Chile") or demonym ("the Egyptian government") within
    :data:`LAST_REACH` characters before it.  A country name as a modifier ("the U.S.
    decision", "a United States laboratory in Cairo") is no scene: only one after a locative
    word counts.  Returns country -> number of mentions."""
    out: dict[str, int] = {}
    for i in members:
        for j in range(i - 1, -1, -1):
            if spans[i].start - spans[j].end > LAST_REACH:
                break
            if spans[j].demonym:
                iso = spans[j].demonym
            else:
                entry = best.get(j)
                if entry is None or gaz.kind[entry] != COUNTRY or spans[j].prev_word not in LOCATIVES:
                    continue
                iso = gaz.country[entry]
            out[iso] = out.get(iso, 0) + 1
            break
    return out
