"""Readings that stray from the article's focus region (beyond :func:`qualify.far_namesake`).

War news about one region names its villages, and the gazetteer often knows a village only
by a namesake elsewhere: "the village of Malinovka" in a story about Russia's Belgorod region
is read as a Ukrainian Malynivka across the border (100 km away, too near for a far
namesake), and "Vyshneve" in a story about Donetsk Oblast as the Kyiv suburb of 40,000
people (too populous for one) although the gazetteer has a Vyshneve in Donetsk Oblast.
Two kinds of reading are moved, both only when no other name of the article supports the
reading's own region (a story naming Kyiv still means Kyiv's Vyshneve):

* a small place (under :data:`ACROSS_POP` people) in another country than the
  focus region's: to the focus region's namesake, else to the region itself at
  ``geo_precision`` 3 with the name kept (never across a border);
* a town under :data:`SWAP_POP` people more than :data:`qualify.FAR_KM` from the focus region,
  named at most :data:`SWAP_MENTIONS` times, with no other name of the article within
  :data:`NEAR_KM` of it: to its namesake inside the focus region, only when there is one (a
  town known by its own name is not made a region).
"""
from __future__ import annotations

import re
from collections import Counter

from mapper.geo import qualify  # qualify imports this module: its names are read at call time
from mapper.geo.contained import SENTENCE_END, SENTENCE_GAP, sentence_gap
from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.spans import Span
from mapper.model import Place

#: whether a small place abroad, in a story about one region, yields to that region
ACROSS_BORDER = True
#: a place under this many people abroad, in a story about one region, yields to that region
ACROSS_POP = 20_000
#: a town under this many people, far from the focus region, yields to a namesake inside it
SWAP_POP = 100_000
#: ... named at most this many times (a town the story keeps naming is what it is about: "Augusta"
#: five times in an obituary naming New York once is still Augusta, Georgia)
SWAP_MENTIONS = 2
#: another name of the article this close to a reading supports it (km)
NEAR_KM = 100.0

#: a far namesake falls to the admin-1 region its own sentence names (of the focus region's
#: country), before the focus region: "In Bryansk region, the village of X" in a Kursk story
SENTENCE_REGION = True

_TOWNS = (KINDS.index("city"), KINDS.index("village"))
_ADMIN1 = KINDS.index("admin1")
Group = tuple[str, str]


def into_focus(gaz: Gazetteer, spans: list[Span], text: str, groups: dict[Group, list[int]],
               chosen: dict[Group, tuple[int, float]], best: dict[int, int], region: int, settled: set[int],
               forced: set[Group], given: frozenset[int]) -> dict[int, Place]:
    """Places for the mentions of the groups whose reading lies outside the focus ``region``
    and should not: far namesakes (:func:`mapper.geo.qualify.far_namesake`), ``forced`` groups,
    given names read as a small town abroad (:func:`mapper.geo.qualify.stranger`) and the
    groups of :func:`strays`.  Each goes to its namesake inside the region its sentence names
    (:data:`SENTENCE_REGION`) or the focus region, else to that region at ``geo_precision`` 3
    with its name kept, at the story's local point there (:func:`mapper.geo.qualify.local_point`).
    ``settled``: mentions already placed otherwise (a qualifier, a qualified name)."""
    out: dict[int, Place] = {}
    names_in = Counter(gaz.country[e] for e in {chosen[g][0] for g in groups})
    straying = strays(gaz, {g: chosen[g] for g in groups}, region, {g: len(m) for g, m in groups.items()})
    points: dict[int, tuple[float, float] | None] = {}
    for g, members in groups.items():
        entry = chosen[g][0]
        if any(i in settled for i in members):
            continue
        far = g in forced or qualify.far_namesake(gaz, entry, region) or \
            (all(i in given for i in members) and qualify.stranger(gaz, entry, gaz.country[region], names_in))
        if not far and g not in straying:
            continue
        home = (SENTENCE_REGION and _sentence_region(gaz, spans, text, members[0], best, region)) or region
        inner = qualify.in_focus(gaz, [e for e, _ in gaz.candidates(g[0])], home)
        if inner is None and not far and not straying[g]:
            continue  # a town known by its own name: moved only to a namesake in the focus region
        if inner is None and home not in points:
            points[home] = qualify.local_point(gaz, list(best.values()), home)
        for i in members:
            out[i] = gaz.place(inner) if inner is not None else \
                qualify.fallback(gaz, spans[i].name, home, at=points[home])
    return out


def _sentence_region(gaz: Gazetteer, spans: list[Span], text: str, i: int, best: dict[int, int],
                     region: int) -> int | None:
    """The admin-1 region of the focus region's country that the sentence of mention ``i``
    names nearest to it, in its own clause first ("In Bryansk region, the village of X lost
    power, and in Kursk region ..." is Bryansk's), if any."""
    found, rank = None, (True, SENTENCE_GAP + 1)
    for j, entry in best.items():
        if j == i or gaz.kind[entry] != _ADMIN1 or not gaz.admin1[entry] or gaz.country[entry] != gaz.country[region]:
            continue
        between = sentence_gap(spans, text, i, j, SENTENCE_END)
        if between is None:
            continue
        a, b = sorted((spans[i], spans[j]), key=lambda sp: sp.start)
        here = (bool(_CLAUSE_END.search(text, a.end, b.start)), between)
        if here < rank:
            found, rank = entry, here
    return found


#: what ends a clause between two names: ", and", ", but", ", while", a semicolon or a colon
_CLAUSE_END = re.compile(r",\s+(?:and|but|while|whereas)\s|[;:]")


def strays(gaz: Gazetteer, chosen: dict[tuple[str, str], tuple[int, float]], region: int,
           mentions: dict[tuple[str, str], int]) -> dict[tuple[str, str], bool]:
    """The groups whose reading strays from the focus ``region``, each with whether it may fall
    back to the region's point (True) or moves only to a namesake inside it (False).

    Parameters
    ----------
    gaz : Gazetteer
    chosen : dict
        Group -> (entry, score), as :func:`mapper.geo.resolve._choose` gives them.
    region : int
        The focus region's entry (:func:`mapper.geo.qualify.focus`).
    mentions : dict
        Group -> how many times the article names it.

    Returns
    -------
    dict
        Group -> whether a fallback to the region is allowed.
    """
    entries = {g: e for g, (e, _) in chosen.items()}
    held: Counter = Counter(gaz.admin1[e] for e in set(entries.values()) if gaz.admin1[e])
    out: dict[tuple[str, str], bool] = {}
    for g, entry in entries.items():
        if gaz.kind[entry] not in _TOWNS or qualify.inside(gaz, entry, region):
            continue
        if held[gaz.admin1[entry]] > 1 and gaz.admin1[entry]:
            continue  # another name of the story lies in its region
        pop = gaz.population[entry]
        if ACROSS_BORDER and pop < ACROSS_POP and gaz.country[entry] != gaz.country[region]:
            out[g] = True
        elif pop < SWAP_POP and mentions[g] <= SWAP_MENTIONS and _far(gaz, entry, region) and \
                not _near_others(gaz, entry, entries.values()):
            out[g] = False
    return out


def _far(gaz: Gazetteer, entry: int, region: int) -> bool:
    return qualify.km(gaz.lat[entry], gaz.lon[entry], gaz.lat[region], gaz.lon[region]) > qualify.FAR_KM


def _near_others(gaz: Gazetteer, entry: int, entries: object) -> bool:
    """Whether another town the article names lies within :data:`NEAR_KM` of ``entry``."""
    lat, lon = gaz.lat[entry], gaz.lon[entry]
    return any(e != entry and gaz.kind[e] in _TOWNS and qualify.km(lat, lon, gaz.lat[e], gaz.lon[e]) < NEAR_KM
               for e in set(entries))
