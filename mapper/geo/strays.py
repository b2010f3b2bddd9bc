"""Readings that stray from the article's focus region, beyond what :func:`qualify.far_namesake` catches.

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
  named at most :data:`SWAP_MENTIONS` times, with no other name of the article within :data:`NEAR_KM` of it: to its namesake inside the
  focus region, only when there is one (a town known by its own name is not made a region).
"""
from __future__ import annotations

from collections import Counter

from mapper.geo import qualify  # qualify imports this module: its names are read at call time
from mapper.geo.gazetteer import KINDS, Gazetteer

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

_TOWNS = (KINDS.index("city"), KINDS.index("village"))


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
