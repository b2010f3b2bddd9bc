"""Region qualifiers and the article's focus region.

"Village, Region" (ACLED's style and many wires': "shelled Kurakhove, Donetsk"; OCHA writes
"Sa'ir (Hebron)"): the
second name only says which region the first lies in.  It is the region, not the city
that shares its name (no extra place at the regional capital), and when the gazetteer
lacks the village, the village is placed at that region's point with ``geo_precision`` 3,
its name kept.

The focus region of an article is the admin-1 region most of its resolved places lie in
(at least :data:`FOCUS_SHARE` of them, and at least :data:`FOCUS_MIN` names): a small place
whose only readings lie far outside it (a namesake abroad or hundreds of km away) is
placed in the focus region at ``geo_precision`` 3 instead, its name kept.
"""
from __future__ import annotations

import dataclasses
import math
import re
import statistics
from collections import Counter

from mapper.geo import contained, heads, strays
from mapper.geo.spans import Span
from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.model import Place

CITY, ADMIN1, COUNTRY, REGION, VILLAGE = (KINDS.index(k) for k in ("city", "admin1", "country", "region", "village"))
#: a region kind entry (county, named region) contains a town this close to its point
REGION_REACH_KM = 100.0
FOCUS_SHARE = 0.5
FOCUS_MIN = 3
#: the focus vote of a town under SMALL_POP people
FOCUS_SMALL_VOTE, SMALL_POP = 0.5, 10_000
#: whether a far namesake may lie in the focus region's own country (False: abroad only)
WITHIN_COUNTRY = True
#: a place this far from the focus region's point, outside it, is a far namesake
FAR_KM = 400.0
#: places this populous are known by their own name: never replaced by the focus region
FOCUS_KEEPS_POP = 5_000


#: a given name's reading abroad under this many people yields to the story's one country
ABROAD_POP = 50_000


#: a place the text puts inside the next one ("the X area of Y") is there, not at a namesake outside it
HELD_ELSEWHERE = True
#: a name before a facility head ("the al-Shati camp") is not a reading the head contradicts (heads.py)
FACILITY_HEADS = True
#: a given name the gazetteer lacks, in a story of several countries, lies by the place its sentence names
SENTENCE_HOLDER = True

#: why another mention of a name the text places was left unresolved that its placing answers: a reading abroad
#: nothing in the story supports, a name the gazetteer lacks
_NAMESAKE_REASONS = frozenset({"no candidate in the countries the article is about", "not in gazetteer"})

#: the reason a resolved region carries when it only qualifies the place before it
QUALIFIER = "region qualifying the place before it"


def places(spans: list[Span], gaz: Gazetteer, text: str, groups: dict[tuple[str, bool], list[int]],
           chosen: dict[tuple[str, bool], tuple[int, float]], reasons: dict[int, str],
           forced: set[tuple[str, bool]] = frozenset(), given: frozenset[int] = frozenset(),
           counted: tuple[int, ...] = ()) -> dict[int, Place]:
    """Each resolved span's place: its group's choice, then "Village, Region" pairs and
    far namesakes of the article's focus region; ``forced``: groups whose reading lies in a
    country the article never points to, placed in the focus region whatever the distance;
    ``given``: spans said to be places, which the gazetteer may lack and their text place
    (:mod:`mapper.geo.contained`); ``counted``: the readings of names left unresolved as far
    namesakes, which still count towards the focus as they did before they were dropped
    (:mod:`mapper.geo.namesakes`).  ``reasons`` is updated (resolved: "", a qualifier:
    :data:`QUALIFIER`)."""
    out: dict[int, Place] = {}
    best: dict[int, int] = {}
    for g, members in groups.items():
        place = gaz.place(chosen[g][0], score=chosen[g][1])  # one record per group: all members share it
        for i in members:
            out[i] = place
            best[i] = chosen[g][0]
    unknown = {i for i, r in reasons.items() if r == "not in gazetteer"}
    pairs = qualified(gaz, spans, text, best, unknown)
    for i, (place, qualifier) in pairs.items():
        out[i] = place
        reasons[i] = QUALIFIER if qualifier else ""
    # "Harrisburg, Pa.": a place its own text qualifies is where the qualifier says
    stated = {i - 1 for i, (_, qualifier) in pairs.items() if qualifier}
    region = focus(gaz, [*best.values(), *counted])
    if region is not None:
        for i, place in strays.into_focus(gaz, spans, text, groups, chosen, best, region,
                                          {i for i in range(len(spans)) if reasons.get(i) or i in stated},
                                          forced, given).items():
            out[i] = place
    elif given:
        for i, place in _strangers_abroad(gaz, spans, groups, chosen, best, given, reasons, stated).items():
            out[i] = place
    if HELD_ELSEWHERE:
        # "the Rice Lake area of Fulton County": not the Rice Lake of another state; and so at every later mention
        # of the name that took the same reading ("jets bombed Nyaung Kone village in the Sagaing region ... a
        # resident of Nyaung Kone said": not the Nyaung Gon of Yangon region), which refers back to the place
        # introduced (an earlier one keeps its own: "Berlin is a borough in New Jersey ... named after Berlin in
        # Germany")
        held = contained.held_elsewhere(spans, text, out, lambda span, iso: _town_in(gaz, span, iso))
        before = {i: out[i] for i in held}
        for i, place in held.items():
            out[i] = place
            for j in range(i + 1, len(spans)):
                if j in held or spans[j].key != spans[i].key:
                    continue
                if out.get(j) == before[i] or j not in out and reasons.get(j) in _NAMESAKE_REASONS:
                    out[j] = place
                    reasons[j] = ""
    if FACILITY_HEADS:
        for i, place in heads.headed(spans, text, gaz, {i: p for i, p in out.items() if not reasons.get(i)}).items():
            out[i] = place
    lacking = {i for i in unknown & given if i not in out}
    for find in (contained.holders, contained.spelled_alike):
        if lacking:
            for i, place in find(spans, text, lacking, out).items():
                out[i] = place
                reasons[i] = ""
                lacking.discard(i)
    if lacking:
        # a place the gazetteer lacks, in a story about one region (or one country), lies among
        # the story's other places ("Coffman Park" in a Dublin, Ohio story): there, at
        # region-level precision
        entries = list(best.values())
        if region is None:
            country = focus_country(gaz, entries)
            region = gaz.country_entry.get(country) if country else _main_country(gaz, entries)
        if region is not None:
            at = local_point(gaz, entries, region)
            for i in lacking:
                out[i] = fallback(gaz, spans[i].name, region, at=at)
                reasons[i] = ""
        elif SENTENCE_HOLDER:
            # a story of several countries: the place its own sentence names beside it
            for i, place in contained.beside(spans, text, lacking, out).items():
                out[i] = place
                reasons[i] = ""
    return out


def _main_country(gaz: Gazetteer, entries: list[int]) -> int | None:
    """The entry of the country that holds more than half of the story's resolved mentions,
    if one does (``entries``: one per mention): a story naming England alone places the West
    Midlands in England, one naming New Zealand twice and Britain once places a New Zealand
    island there (at the finer places it names there, else at the country's point, as
    :func:`focus_country`'s stories, which need more places, do)."""
    named = Counter(gaz.country[e] for e in entries if gaz.country[e])
    if not named:
        return None
    iso, n = named.most_common(1)[0]
    return gaz.country_entry.get(iso) if n > sum(named.values()) / 2 else None


def _strangers_abroad(gaz: Gazetteer, spans: list[Span], groups: dict[tuple[str, bool], list[int]],
                      chosen: dict[tuple[str, bool], tuple[int, float]], best: dict[int, int],
                      given: frozenset[int], reasons: dict[int, str], stated: set[int]) -> dict[int, Place]:
    """Given names read as a small town abroad, in a story about one country that names no other
    place in the town's country (a village named in a story about Kenya that the gazetteer knows
    only as a Peruvian hamlet):
    placed among the story's places in its country, at region-level precision, their names kept.
    (In running text such a name is left unresolved, :func:`mapper.geo.resolve._strangers`.)"""
    entries = list(best.values())
    country = focus_country(gaz, entries)
    home = gaz.country_entry.get(country) if country else None
    if home is None:
        return {}
    names_in = Counter(gaz.country[e] for e in {chosen[g][0] for g in groups})
    out: dict[int, Place] = {}
    at: tuple[float, float] | None = None
    located = False
    for g, members in groups.items():
        entry = chosen[g][0]
        if not stranger(gaz, entry, country, names_in) or \
                any(i not in given or reasons.get(i) or i in stated for i in members):
            continue
        if not located:
            at, located = local_point(gaz, entries, home), True
        for i in members:
            out[i] = fallback(gaz, spans[i].name, home, at=at)
    return out


def stranger(gaz: Gazetteer, entry: int, country: str, names_in: Counter) -> bool:
    """Whether a reading is a small town abroad (under :data:`ABROAD_POP` people) in a country
    the story names no other place of, ``country`` being the story's own."""
    return gaz.kind[entry] in (CITY, VILLAGE) and gaz.population[entry] < ABROAD_POP and \
        gaz.country[entry] != country and names_in[gaz.country[entry]] <= 1


def local_point(gaz: Gazetteer, entries: list[int], region: int) -> tuple[float, float] | None:
    """Where the article's places inside a region lie (the median of their points), else None:
    local news names the places of one area, and a place of it the gazetteer lacks or places
    elsewhere lies among them, not at the region's centre.  Its towns when it names two or
    more; else, in an admin-1 region or a country, every finer place it names there (a town,
    a county; in a country, its admin-1 regions too): a story about New Orleans and its
    parishes places a lake it names by the city, not in Kansas at the centre of the US."""
    towns = sorted({e for e in entries if gaz.kind[e] == CITY and inside(gaz, e, region)})
    if len(towns) < 2 and gaz.kind[region] in (ADMIN1, COUNTRY):
        finer = (CITY, VILLAGE, REGION, ADMIN1) if gaz.kind[region] == COUNTRY else (CITY, VILLAGE, REGION)
        towns = sorted({e for e in entries if gaz.kind[e] in finer and inside(gaz, e, region)})
        if not towns:
            return None
    elif len(towns) < 2:
        return None
    return statistics.median(gaz.lon[e] for e in towns), statistics.median(gaz.lat[e] for e in towns)


def km(lat: float, lon: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _district(gaz: Gazetteer, entry: int) -> bool:
    """A second-level unit (``admin2_units.csv``: a region of one country with no population)."""
    return gaz.kind[entry] == REGION and not gaz.population[entry] and bool(gaz.country[entry])


def region_of(gaz: Gazetteer, span: Span, entry: int | None) -> int | None:
    """The region a qualifier span names: its own entry when it is a region, else the
    admin-1 region of the same name its chosen city heads ("Donetsk" -> Donetsk Oblast)."""
    cands = [e for e, _ in gaz.candidates(span.key)]
    if entry is not None and gaz.kind[entry] in (ADMIN1, REGION):
        return entry
    for e in cands:
        if gaz.kind[e] == ADMIN1 and (entry is None or gaz.admin1[e] == gaz.admin1[entry]):
            return e
    if entry is None:
        # not a district of admin2_units.csv: "Bantam, Litchfield" in Connecticut is no Australian unit
        regions = [e for e in cands if gaz.kind[e] == REGION and not _district(gaz, e)]
        return regions[0] if regions else None
    return None


def inside(gaz: Gazetteer, entry: int, region: int) -> bool:
    """Whether a place lies in a region (same admin-1, same country, or near a county's point)."""
    if gaz.kind[region] == COUNTRY:
        return gaz.country[entry] == gaz.country[region]
    if gaz.kind[region] == ADMIN1:
        return gaz.admin1[entry] == gaz.admin1[region] and gaz.country[entry] == gaz.country[region]
    return km(gaz.lat[entry], gaz.lon[entry], gaz.lat[region], gaz.lon[region]) < REGION_REACH_KM


def fallback(gaz: Gazetteer, name: str, region: int, score: float = 0.0,
             at: tuple[float, float] | None = None) -> Place:
    """A named place known only to lie in ``region``: at ``at`` (lon, lat; see
    :func:`local_point`) or the region's point, ``geo_precision`` 3."""
    lon, lat = at if at is not None else (gaz.lon[region], gaz.lat[region])
    return Place(name=name, lon=lon, lat=lat, country=gaz.country[region],
                 admin1_gn=gaz.admin1[region], kind="village", geonameid=None, population=0,
                 geo_precision=3, score=round(score, 3),
                 admin1_geonameid=gaz.admin1_ids.get(gaz.admin1[region] or ""))


def region_place(gaz: Gazetteer, region: int, score: float) -> Place:
    """A region's own place record (``geo_precision`` 3)."""
    return gaz.place(region, score=score)


def focus(gaz: Gazetteer, entries: list[int]) -> int | None:
    """The admin-1 entry most of the article's distinct places lie in, or None when none
    dominates.  A town under :data:`SMALL_POP` people votes :data:`FOCUS_SMALL_VOTE` (street and
    person names read as hamlets should not make a focus that moves a real town)."""
    votes: Counter = Counter()
    for entry in set(entries):  # a name repeated ten times is one piece of evidence
        kind = gaz.kind[entry]
        if kind in (CITY, ADMIN1, VILLAGE) and gaz.admin1[entry]:
            small = kind != ADMIN1 and gaz.population[entry] < SMALL_POP
            votes[gaz.admin1[entry]] += FOCUS_SMALL_VOTE if small else 1.0
    total = sum(votes.values())
    if total < FOCUS_MIN - 1e-9:
        return None
    code, n = votes.most_common(1)[0]
    if n < FOCUS_SHARE * total:
        return None
    return gaz.admin1_entry.get(code)


def focus_country(gaz: Gazetteer, entries: list[int]) -> str | None:
    """The country most of the article's distinct places lie in (as :func:`focus` counts
    them, countries and regions of it included), or None when none dominates."""
    votes: Counter = Counter()
    for entry in set(entries):
        if gaz.country[entry]:
            small = gaz.kind[entry] in (CITY, VILLAGE) and gaz.population[entry] < SMALL_POP
            votes[gaz.country[entry]] += FOCUS_SMALL_VOTE if small else 1.0
    total = sum(votes.values())
    if total < FOCUS_MIN - 1e-9:
        return None
    iso, n = votes.most_common(1)[0]
    return iso if n >= FOCUS_SHARE * total else None


def far_namesake(gaz: Gazetteer, entry: int, region: int) -> bool:
    """Whether a chosen small place is a far namesake: outside the focus region and more
    than :data:`FAR_KM` from it (abroad only when :data:`WITHIN_COUNTRY` is False)."""
    if gaz.kind[entry] not in (CITY, VILLAGE) or gaz.population[entry] >= FOCUS_KEEPS_POP:
        return False
    if gaz.country[entry] == gaz.country[region] and not WITHIN_COUNTRY:
        return False
    if inside(gaz, entry, region):
        return False
    return km(gaz.lat[entry], gaz.lon[entry], gaz.lat[region], gaz.lon[region]) > FAR_KM


def in_focus(gaz: Gazetteer, cands: list[int], region: int) -> int | None:
    """The most populous candidate inside the focus region, if any."""
    inner = [e for e in cands if gaz.kind[e] in (CITY, VILLAGE) and inside(gaz, e, region)]
    return max(inner, key=lambda e: (gaz.population[e], -e)) if inner else None


def with_name(place: Place, name: str) -> Place:
    """A place record that keeps the name as written."""
    return dataclasses.replace(place, name=name)


_LIST_GAPS = (", ", " and ", " or ", ", and ", ", or ")
#: whether "X in Y" may be a "village, region" pair (Y a region holding X)
QUALIFY_IN = True
#: the settlement word a "village, region" pair may put between its names ("Tammun town in Tubas", "Duma village
#: (Nablus)")
_SETTLEMENT_WORD = r"(?:\s+(?:town|village|city|camp|refugee\s+camp|area|locality|neighbou?rhood))?"
#: ... or "of" after a local unit's word ("the Mykolaiv community of Synelnykove district": a hromada of the raion)
_UNIT_GAP = re.compile(r"\s+(?:community|hromada|municipality|commune)\s+(?:in|of)\s+(?:the\s+)?")
_IN_GAP = re.compile(_SETTLEMENT_WORD + r"\s+in\s+|" + _UNIT_GAP.pattern)
_PAREN_GAP = re.compile(_SETTLEMENT_WORD + r"\s+\(")


def _town_in(gaz: Gazetteer, span: Span, country: str) -> Place | None:
    """The most populous town of a span's name in a country (:func:`in_focus` with the country
    as the region), if the gazetteer has one."""
    region = gaz.country_entry.get(country)
    town = in_focus(gaz, [e for e, _ in gaz.candidates(span.key)], region) if region is not None else None
    return gaz.place(town) if town is not None else None


def _in_list(text: str, spans: list[Span], i: int, j: int) -> bool:
    """Whether "A, B" sits in a list of places ("Kyiv, Lviv and Odesa"), not a "village, region" pair."""
    if i > 0 and text[spans[i - 1].end:spans[i].start] in _LIST_GAPS:
        return True
    return j + 1 < len(spans) and text[spans[j].end:spans[j + 1].start] in _LIST_GAPS


def qualified(gaz: Gazetteer, spans: list[Span], text: str, best: dict[int, int],
              unknown: set[int]) -> dict[int, tuple[Place, bool]]:
    """Places for "Village, Region" pairs: the region for the qualifier (not the city of its
    name), and for the village a candidate inside the region, else the region's point at
    ``geo_precision`` 3 with the village's name.  ``best``: span -> chosen entry;
    ``unknown``: spans whose name the gazetteer lacks.  Returns span -> (place, whether
    the span is the qualifier)."""
    out: dict[int, tuple[Place, bool]] = {}
    for i in range(len(spans) - 1):
        j = i + 1
        gap = text[spans[i].end:spans[j].start]
        # "Sa'ir (Hebron)": OCHA's way of giving the governorate, as unambiguous as a comma
        paren = _PAREN_GAP.fullmatch(gap) is not None and text[spans[j].end:spans[j].end + 1] == ")"
        # "Tammun town in Tubas", "Kutum in Darfur": the region a town lies in, told by "in"
        told_in = QUALIFY_IN and _IN_GAP.fullmatch(gap) is not None \
            and text[spans[j].end:spans[j].end + 2] not in ("'s", "’s") \
            and not (j + 1 < len(spans) and spans[j + 1].start == spans[j].end + 1)
        # (not "in Sagaing Region's Kani Township", nor "in North-Western Sydney": Y modifies the name after it)
        if (gap != ", " and not paren and not told_in) or spans[i].demonym or spans[j].demonym \
                or spans[j].region_word == "city":  # "Menbij, Aleppo city and Homs": a list of towns
            continue
        if i not in best and i not in unknown:
            continue
        region = region_of(gaz, spans[j], best.get(j))
        if region is None:
            continue
        named_city = best.get(j) is not None and gaz.kind[best[j]] == CITY
        if _district(gaz, region) and i in best and _district(gaz, best[i]):
            continue  # "Ancuabe, Meluco and Muidumbe": districts side by side are a list; none holds another
        if named_city and not paren and _in_list(text, spans, i, j):
            continue  # "Kyiv, Kharkiv and Odesa": a list of cities; "Louisville, Ky., and ..." is a pair
        entry = best.get(i)
        if entry is None:
            out[i] = (fallback(gaz, spans[i].name, region), False)
        elif gaz.kind[entry] not in (CITY, VILLAGE) and not _district(gaz, entry):
            continue  # "Texas, United States", "Crimea, Ukraine": both are regions; "Tyre District,
            # South Governorate" is a district and the region it lies in
        elif not inside(gaz, entry, region):
            unit = _UNIT_GAP.fullmatch(gap) is not None  # "the Mykolaiv community of Synelnykove district"
            if not unit and gaz.population[entry] >= FOCUS_KEEPS_POP:
                continue  # a known town of its own name: "Kyiv, Kharkiv" is two places
            inner = in_focus(gaz, [e for e, _ in gaz.candidates(spans[i].key)], region)
            out[i] = (gaz.place(inner) if inner is not None else fallback(gaz, spans[i].name, region), False)
        out[j] = (gaz.place(region), True)
    return out
