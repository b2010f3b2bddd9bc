"""Which of an article's incidents give way to others, so the map counts each event once.

A summary gives way to what it sums up (a country's or an oblast's strikes to the towns'
the article lists), a back-reference to the event told in full, and a headline that restates
the body to the body's incident.  :func:`mapper.extract.article.extract_article` applies them.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

from mapper.aggregate import family, place_key
from mapper.extract.locators import DISTRICT_POP, FACILITY_TOWN_KM, UNIT_KM, near
from mapper.extract.triggers import GENERIC_KINDS, scan
from mapper.geo.parts import is_part
from mapper.model import STRIKE_TYPES, Incident, Place

__all__ = ["Told", "drop_echoes", "drop_summaries", "drop_title_echoes"]

#: incidents that always happen at a named place: at country level they are summaries ("kidnappings in Haiti")
_PLACED_KINDS = frozenset({"ground_fighting", "diplomatic", "other"})


_NAMED_REGION_KM = 200.0
_SEA_KM = 500.0  # seas and straits are known by one point: what lies this near is told inside them


def drop_summaries(incidents: list[Incident], undated: set[int] = frozenset()) -> list[Incident]:
    """Summaries give way to what they sum up, so the map does not count an event twice.

    A country-level battle or meeting is dropped outright (they happen at named places;
    "fighting in Ukraine" is a state of affairs; so is "fighting in southeast Myanmar has
    continued": measured on the real-news splits, battles in a compass part of a country
    were all such, and stay dropped).  Otherwise a coarse incident is dropped
    when the article reports the same type family, on overlapping days, at a finer place
    inside it (:func:`_inside`): "Russia attacked Ukraine with 120 missiles overnight" sums up
    the strikes on the towns the article then lists; "operations across the West Bank" the
    raids on its towns; "the Okhmatdyt hospital was hit" is the strike on Kyiv.  A
    country-level incident whose text gives no date (``undated``: ids of such incidents)
    characterises the war ("as Russia unleashes yet more strikes across Ukraine"): it gives
    way to a finer one of its family inside the country on any day.
    """
    by_family: dict[str, list[Incident]] = {}
    for i in incidents:
        by_family.setdefault(family(i.type), []).append(i)

    def summing(i: Incident) -> list[Incident] | bool:
        """What sums ``i`` up: the finer incidents of its family it gives way to, or True when it gives way for
        another reason (a battle of a whole country, a sea's point)."""
        if i.place.kind == "country" and i.type in _PLACED_KINDS:
            return True
        inside = _inside(i.place, i.type)
        anyday = i.place.kind == "country" and id(i) in undated
        # an oblast's strikes give way only to a town's told in another sentence on their own days
        # ("drones hit the Odesa region on 3 November" is not summed up by "Odesa's museum was damaged
        # last week", nor "Poltava as well as villages in the wider Poltava region" by Poltava)
        within = i.place.kind == "admin1" and i.type != "ground_fighting"
        if _at_sea(i.place) and any(family(o.type) == family(i.type) and o.date_start == i.date_start
                                   and o.place.kind == "village" and o.place.geo_precision == 2
                                   and o.sources[0].text == i.sources[0].text for o in incidents if o is not i):
            return True  # "attacked a tanker in the Red Sea, about 64 nautical miles west of Hodeidah": the point
        if inside is None:
            return []
        return [o for o in by_family[family(i.type)] if o is not i
                and (anyday or (i.date_start - _NIGHT <= o.date_start and o.date_end <= i.date_end
                                and o.sources[0].text != i.sources[0].text if within
                                else o.date_start <= i.date_end and i.date_start <= o.date_end)) and inside(o.place)]

    kept: dict[int, Incident] = {id(i): i for i in incidents}
    for i in incidents:
        finer = summing(i)
        if not finer:
            continue
        del kept[id(i)]
        if TOLD_ONCE_MORE and finer is not True and len(finer) == 1 and id(finer[0]) in kept:
            # "ELN guerrillas killed six soldiers in an attack on a base in northern Colombia. The attack took
            # place in Aguachica": one finer report is the same event, placed; what the coarse one told of it (the
            # toll, the attacker) is its own where it tells nothing of that
            kept[id(finer[0])] = _told_once_more(kept[id(finer[0])], i)
    return [kept[id(i)] for i in incidents if id(i) in kept]


#: whether an incident that gives way to one finer report of its event lends it the toll and attacker it told
TOLD_ONCE_MORE = True


def _told_once_more(fine: Incident, coarse: Incident, what: tuple[str, ...] = ("killed", "injured", "actor")) -> Incident:
    """``fine`` with the toll and attacker (``what``) ``coarse`` told of the same event, where ``fine`` tells none."""
    changes = {k: getattr(coarse, k) for k in what
               if getattr(fine, k) is None and getattr(coarse, k) is not None}
    return dataclasses.replace(fine, **changes) if changes else fine


#: a town's "over the past day" or overnight report starts the evening before the oblast's day
_NIGHT = dt.timedelta(days=1)


def _at_sea(place: Place) -> bool:
    """A sea or a strait (a region of no country)."""
    return place.kind == "region" and not place.country


#: what an admin-1 region's strike sums up: its towns, and its sites ("fires broke out at bases in Murmansk
#: oblast" after "drones hit the Olenya air base"); a battle over a region, only its towns (a siege of a hospital
#: is one fight in it)
_FINER, _TOWNS = frozenset({"city", "facility"}), frozenset({"city"})




def _second_level(place: Place) -> bool:
    """Whether a region is a second-level unit (a district, county, raion, territory), by the population the
    gazetteer gives it (:data:`mapper.extract.locators.DISTRICT_POP`)."""
    return place.kind == "region" and place.admin1_gn is not None and place.population <= DISTRICT_POP


def _inside(coarse: Place, kind: str) -> Callable[[Place], bool] | None:
    """What counts as a finer place inside a coarse one (None: the place sums nothing up).

    A country contains every town and region of it, and its compass parts ("eastern
    Syria"); a region's battle, or any incident of a named region, the towns of that admin-1 unit (a named region over several units: the
    towns of its country within ``_NAMED_REGION_KM``); a sea or strait the points within
    ``_SEA_KM``; a facility the towns within ``FACILITY_TOWN_KM``.  Interceptions over an
    oblast are incidents of their own.
    """
    if coarse.kind == "country":
        # a country holds its compass parts ("Syria" and "eastern Syria"), a part only what is finer
        whole = not is_part(coarse)
        return lambda p: p.country == coarse.country and (p.kind != "country" or whole and is_part(p))
    if _at_sea(coarse):
        # a sea or a strait: the points told inside it ("170 km southeast of Aden" in the Gulf of Aden)
        return lambda p: p.kind in ("city", "village") and near(p, coarse, _SEA_KM)
    if coarse.kind in ("admin1", "region"):
        if coarse.admin1_gn:
            finer = _FINER if kind in STRIKE_TYPES else _TOWNS
            if _second_level(coarse):
                # a district holds the towns near its seat, not every town of its province ("an attack in the Ancuabe
                # district" is not summed up by "another attack in Chiure", 70 km off in the same province)
                return lambda p: p.kind in finer and p.admin1_gn == coarse.admin1_gn and near(p, coarse, UNIT_KM)
            return lambda p: p.kind in finer and p.admin1_gn == coarse.admin1_gn
        return lambda p: p.kind == "city" and p.country == coarse.country and near(p, coarse, _NAMED_REGION_KM)
    if coarse.kind == "facility":
        return lambda p: p.kind == "city" and near(p, coarse, FACILITY_TOWN_KM)
    return None


class Told(NamedTuple):
    """How an incident was told: with no date of its own (``undated``), by the title or a heading of the body
    (``headline``), by the body's one-sentence first paragraph (``standfirst``, a headline too), by an undated
    line of the body written as a headline (``heading_line``: "Hostilities displace people in Gaza city")."""
    undated: bool
    headline: bool
    standfirst: bool
    heading_line: bool = False


def drop_echoes(incidents: list[tuple[Incident, Told]], echoes: list[str]) -> list[tuple[Incident, Told]]:
    """A back-reference stands for its event only where the article tells it nowhere else:
    at a place its phrase names ("condemned the bombing of Hodeidah"), when nothing else is
    told at that place; at a place named before it ("aid reached Odesa following the
    missile strike"), when the article tells no incident of that family at all (else the
    place is where the aftermath is: "outages in Donetsk oblast after the attack" on Kyiv).
    A headline tells nothing elsewhere: it announces what the body tells ("Rocket attack on Ashdod" over "Hamas
    claimed responsibility for the rocket attack on Ashdod on Monday": Monday's, the body's).
    ``echoes[k]``: Candidate.echo of incident ``k``."""
    told = [i for (i, t), e in zip(incidents, echoes) if not e and not t.headline]
    spots = {_spot(i.place) for i in told}
    families = {family(i.type) for i in told}
    return [item for item, e in zip(incidents, echoes)
            if not e or (_spot(item[0].place) not in spots if e == "own" else family(item[0].type) not in families)]


def _spot(place: Place) -> tuple[str, float, float]:
    return (place.name, round(place.lon, 3), round(place.lat, 3))


def _weaponless_title(incident: Incident) -> bool:
    """Whether ``incident`` is told by the article's title in generic event words only ("attack", "violence")."""
    source = incident.sources[0]
    if source.text != source.title:
        return False
    found = [(k, s, e) for k, s, e, ok, _ in scan(source.text) if ok]
    return bool(found) and all(k in GENERIC_KINDS for k, _, _ in found)


def drop_title_echoes(incidents: list[tuple[Incident, Told]]) -> list[tuple[Incident, Told]]:
    """A headline (or an undated heading of the body) announces what the body tells: its
    incidents stand only for a type family the rest of the body reports nothing of, at a place
    that holds none of the body's incidents (of any type).  Where
    the body places the attack elsewhere, or dates it, the body's scene and date win ("Drone
    attack on Kyiv region" over a body that names the town hit).  A standfirst that places its event at a
    town or a district is a wire story's lead: it gives way only to the body's event of its family at, near
    or inside that place."""
    body = [i for i, t in incidents if not t.headline]
    told = {family(i.type) for i in body}

    def placed_below(i: Incident) -> bool:
        # "UK statement on attacks in the West Bank" over a body that tells the settlers' attack on Jit: the
        # headline's attacks are the body's, of whatever type the body tells them
        inside = _inside(i.place, i.type)
        if inside is not None and any(inside(o.place) for o in body):
            return True
        # "Statement on the attack on Kostiantynivka market" over the body's missile strike there: a title's
        # attack of no weapon of its own is the body's event at the same place ("2024 Masyaf raid" names its own)
        return _weaponless_title(i) and any(place_key(o.place) == place_key(i.place) for o in body)

    def retold_near(i: Incident) -> bool:
        # a wire story's one-sentence lead placed at a town is the story's news, not a headline over it: the body's
        # event of its family at or near that town retells it ("... an undercover raid in the city of Jenin" then
        # "Israeli raids in the West Bank have become increasingly deadly": the West Bank's is not Jenin's raid)
        return placed_below(i) or any(family(o.type) == family(i.type) and near(o.place, i.place, FACILITY_TOWN_KM)
                                      for o in body)

    # an undated line of the body written as a headline heads the paragraphs under it: where they place an event,
    # of whatever type, the line's incident is theirs ("Hostilities displace people in Gaza city" over "air
    # strikes and shelling continued ... particularly in Gaza city")
    scenes = {place_key(i.place) for i, t in incidents if not t.headline and not t.heading_line}
    incidents = [(i, t) for i, t in incidents if not (t.heading_line and place_key(i.place) in scenes)]
    kept = [(i, t) for i, t in incidents
            if not t.headline
            or (not retold_near(i) if t.standfirst and (i.place.kind in _TOWN_KINDS or _second_level(i.place))
                else family(i.type) not in told and not placed_below(i))]
    if TOLD_ONCE_MORE:
        # "At least 26 civilians were killed in a drone strike in a town in the Amhara region." then "The attack
        # Sunday took place in the central town of Finote Selam": the body's one report of the headline's family is
        # the event the headline told, and takes its toll where it tells none (not its attacker: a title names a
        # side more often than the attacker, read actor agreement 0.640 -> 0.636 when it did)
        kept_ids = {id(k) for k, _ in kept}
        dropped = [i for i, t in incidents if t.headline and id(i) not in kept_ids]
        for i in dropped:
            same = [n for n, (k, t) in enumerate(kept) if not t.headline and family(k.type) == family(i.type)]
            if len(same) == 1:
                k, t = kept[same[0]]
                kept[same[0]] = (_told_once_more(k, i, ("killed", "injured")), t)  # a title's attacker: often a side
    return kept


#: places a lead sentence can be the story's own scene at
_TOWN_KINDS = frozenset({"city", "village", "facility"})
