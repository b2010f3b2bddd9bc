"""Resolution: choose the gazetteer entry each mention means, using the whole article.

Scores are additive log-odds-like points:

* prior: ``log10(population)`` (countries and regions carry pseudo-populations), plus a
  bonus when the mention is the entry's main name rather than an alternate name (old
  names such as "Pokrovsk" for Engels lose to the current bearer of the name), and a
  bonus for the hand-kept alias table's choice (:mod:`mapper.geo.candidates`);
* context: the countries the article names or implies (country names, demonyms,
  unambiguous large places) and the admin-1 regions it names (:mod:`mapper.geo.context`);
* around each mention: "X, Y" patterns where Y is the candidate's region or country, a
  region word after the name ("Kharkiv region" prefers the oblast; "Walker County" the US
  counties), enumerations, neighbours' points, and US counties and towns of the article
  that lie together (Huntsville, Texas with Walker County, Texas) (:mod:`mapper.geo.pick`).

Resolution runs twice: the first pass gives each mention a best guess; the second
re-scores with the countries those guesses imply (excluding the mention itself).
A span is kept only with enough evidence (:mod:`mapper.geo.admit`): common English words
("Nice", "Police") and names inside person or organisation names need more than their prior.
A chosen reading needs support too: an obscure village, or a town matched only by an alternate
name (:mod:`mapper.geo.namesakes`), in a country nothing else in the article points to is left
unresolved.

Candidates and priors are computed once per process per key; a pass here is skipped when
its inputs (the entries chosen before it) are those of the pass before.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter

from mapper.geo import admit, beside, context, lists, namesakes, nearby, parts, postal, qualify
from mapper.geo.candidates import CITY, COUNTRY, candidates, is_district, name_strength, word_slot
from mapper.geo.candidates import together as _together
from mapper.geo.contained import COMPASS_ADJ, POSSESSIVE
from mapper.geo.elided import elided
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.pick import pick
from mapper.geo.qualify import QUALIFIER
from mapper.geo.spans import LOCATIVES, Span
from mapper.model import Mention, Resolved

__all__ = ["QUALIFIER", "resolve_spans"]

#: an enumeration whose every name is an admin-1 region's own name is a list of regions
LIST_REGIONS = True
#: a tiny namesake abroad named beside a city of another country lies by that city (beside.py)
BESIDE_CITY = True


def _groups(spans: list[Span], live: list[int]) -> dict[tuple[str, str], list[int]]:
    """Live mentions by name key (a region word makes its own group: "Kharkiv region", and
    "city" another: "Aleppo city")."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i in live:
        groups.setdefault((spans[i].key, word_slot(spans[i])), []).append(i)
    return groups


def _choose(spans: list[Span], gaz: Gazetteer, text: str,
            groups: dict[tuple[str, bool], list[int]]) -> dict[tuple[str, bool], tuple[int, float]]:
    """Each group's entry and score: a first guess from priors and demonyms, then two
    passes with the countries and "X, Y" patterns the previous guesses imply."""
    demonyms = Counter(s.demonym for s in spans if s.demonym)
    weighted = Counter({iso: n * context.DEMONYM_VOTE for iso, n in demonyms.items()})
    empty = context.Context(weighted, Counter(), sum(weighted.values()))
    together = _together(gaz, spans, groups)
    chosen = _first(gaz, spans, groups, empty, together)
    live = [i for members in groups.values() for i in members]
    links = nearby.links(spans, live, text)
    siblings = lists.enumerations(spans, set(live), text)
    regional = lists.regional(gaz, spans, siblings) if LIST_REGIONS and siblings else frozenset()
    if len(groups) == 1 and not links:
        # one name and no "X, Y": its own vote is discounted, so the context of the next
        # pass equals the demonyms alone, and so does its result
        return chosen
    # proximity only ranks candidates: a name with one reading needs no neighbours' points
    several = {g for g, members in groups.items() if len(candidates(gaz, spans[members[0]])[0]) > 1}
    previous: dict[tuple[str, bool], int] | None = None
    for _ in range(2):
        entries = {g: pick[0] for g, pick in chosen.items()}
        if entries == previous:
            break  # a pass depends only on the entries chosen: the same entries give the same result
        previous = entries
        best = {i: entries[g] for g, members in groups.items() for i in members}
        near = nearby.named_after(links, best, gaz, spans)
        if regional:
            near = lists.unlisted(near, regional)
        full = context.votes(gaz, list(entries.values()), demonyms)
        chosen = {g: pick(gaz, members, spans, context.without(full, gaz, entries[g]), near,
                           nearby.around(spans, members, best, gaz) if g in several else None, together,
                           siblings and lists.fellows(gaz, members, siblings, best, regional),
                           nearby.last_country(gaz, spans, members, best) if g in several else None)
                  for g, members in groups.items()}
    return chosen


def _first(gaz: Gazetteer, spans: list[Span], groups: dict[tuple[str, str], list[int]],
           empty: context.Context, together: dict[int, float]) -> dict[tuple[str, str], tuple[int, float]]:
    """The first guesses, from priors and demonyms alone.  Without counties and towns that lie
    together, a guess depends only on the name, its region word, how often it is named and the
    article's demonyms: it is computed once per process for each of these."""
    if together:
        return {g: pick(gaz, members, spans, empty, {}, together=together) for g, members in groups.items()}
    memo = gaz.memo("resolve.first")
    demonyms = tuple(empty.countries.items())
    out = {}
    for g, members in groups.items():
        slot = (g, len(members), demonyms)
        found = memo.get(slot)
        if found is None:
            found = memo[slot] = pick(gaz, members, spans, empty, {})
        out[g] = found
    return out


def _strangers(gaz: Gazetteer, chosen: dict[tuple[str, bool], tuple[int, float]],
               full: context.Context) -> list[tuple[str, bool]]:
    """Groups whose only reading is an obscure village in a country the rest of the
    article never points to ("the Karari district" of Omdurman read as a hamlet in India,
    in a story about Sudan): better unresolved than misplaced.  ``full``: the article's votes."""
    out = []
    for g, (entry, _) in chosen.items():
        if gaz.kind[entry] != CITY or gaz.population[entry] >= _OBSCURE_POP:
            continue
        country = gaz.country[entry]
        elsewhere = full.size - 1  # the votes of the other names and demonyms
        if full.countries.get(country, 0) - 1 <= 0 and elsewhere >= 2 and \
                name_strength(gaz, gaz.candidates(g[0]), g[0]) == 0:
            out.append(g)
    return out


_OBSCURE_POP = 20_000


def _full_votes(spans: list[Span], gaz: Gazetteer, chosen: dict[tuple[str, str], tuple[int, float]]) -> context.Context:
    """The article's votes: every group's chosen entry and the demonyms."""
    demonyms = Counter(s.demonym for s in spans if s.demonym)
    return context.votes(gaz, [pick[0] for pick in chosen.values()], demonyms)


def _far_districts(spans: list[Span], gaz: Gazetteer,
                   chosen: dict[tuple[str, str], tuple[int, float]]) -> list[tuple[str, str]]:
    """Groups read as a second-level unit that the story does not support: a bare name
    ("Masisi", "Walikale") in an article that points to no place of its country by a country,
    region, demonym or town of :data:`_OBSCURE_POP` people (a district is named in stories
    about its own country, and GeoNames' second level holds namesakes the world over: "Bantam,
    Litchfield" in Connecticut are not Australia's Litchfield), or a unit placed only at its
    admin-1 region's point whose region holds none of the story's places of that country while
    others do (GeoNames files Baghdad's Adhamiyah under Duhok), or, named bare, holds towns the
    story names (:mod:`mapper.geo.qualify` then places it among them, nearer than the region's
    point: Kulin among the Wheatbelt's towns, not at Western Australia's).  Such a group is read
    as a name the gazetteer lacks."""
    out = []
    pointed: set[str] | None = None
    for g, (entry, _) in chosen.items():
        if not is_district(gaz, entry):
            continue
        if pointed is None:
            pointed = {s.demonym for s in spans if s.demonym} | {
                gaz.country[e] for e, _ in chosen.values()
                if gaz.kind[e] not in (CITY, qualify.VILLAGE) and not is_district(gaz, e)
                or gaz.population[e] >= _OBSCURE_POP}
        country = gaz.country[entry]
        if not g[1] and country not in pointed:
            out.append(g)
            continue
        region = gaz.admin1_entry.get(gaz.admin1[entry] or "")
        if region is None or (gaz.lon[region], gaz.lat[region]) != (gaz.lon[entry], gaz.lat[entry]):
            continue  # placed at its seat: its admin-1 region is the seat's
        others = [(gaz.admin1[e], gaz.kind[e]) for h, (e, _) in chosen.items() if h != g and gaz.country[e] == country]
        if any(a for a, _ in others) and gaz.admin1[entry] not in {a for a, _ in others}:
            out.append(g)
        elif not g[1] and any(a == gaz.admin1[entry] and k in (CITY, qualify.VILLAGE) for a, k in others):
            out.append(g)  # "Kulin" beside towns of its region: placed among them, not at the region's point
    return out


#: a country's possessive before a region of it ("Nigeria's North-Central region", "Sudan's western Darfur region")
_OWNED = re.compile(POSSESSIVE.pattern + rf"(?:{COMPASS_ADJ}\s+)?", re.IGNORECASE)


def _owned_elsewhere(spans: list[Span], gaz: Gazetteer, text: str, groups: dict[tuple[str, str], list[int]],
                     chosen: dict[tuple[str, str], tuple[int, float]]) -> list[tuple[str, str]]:
    """Groups read as a region of another country than the one a possessive names right before a mention
    ("Nigeria's North-Central region" is no Sri Lankan province): the gazetteer lacks the region, which is better
    unresolved than misplaced.  Only a name with its region word: a possessive before a bare name may be an actor's
    ("Ukraine's Kursk incursion")."""
    country_at = {i: gaz.country[chosen[g][0]] for g, members in groups.items() for i in members
                  if gaz.kind[chosen[g][0]] == COUNTRY}
    if not country_at:
        return []
    return [g for g, members in groups.items() if gaz.kind[chosen[g][0]] != COUNTRY and any(
        spans[i].region_word and (i - 1) in country_at and country_at[i - 1] != gaz.country[chosen[g][0]]
        and _OWNED.fullmatch(text, spans[i - 1].end, spans[i].start) for i in members)]


def resolve_spans(spans: list[Span], gaz: Gazetteer, text: str = "", *,
                  trusted: frozenset[int] | bool = False, demonyms: bool = False,
                  qualifiers: bool = False, country_parts: bool = False) -> list[Resolved]:
    """Resolve candidate spans of one article to places.

    Parameters
    ----------
    spans : list of Span
        From :func:`mapper.extract.toponyms.find_spans` over the whole article.
    gaz : Gazetteer
    text : str
        The text the spans index into (for "X, Y" patterns).
    trusted : bool or set of int
        Spans known to be place mentions (given by the user), all of them or these
        indices: skip the checks that such a span is a place at all.
    demonyms : bool
        Also return the demonym spans ("Sri Lankan", "Abkhaz"), placed at the country or
        region they name with ``kind`` "demonym" (``mapper geoparse``; extraction treats
        them as actor cues, not scenes, and leaves this off).
    qualifiers : bool
        Give a region named only to say where the place before it lies ("Kurakhove,
        Donetsk", "Louisville, Ky.") its region place, with the reason :data:`QUALIFIER`
        (``mapper geoparse``: corpora annotate "Ky." as a place).  Off, such a span is
        unresolved with that reason: it is no scene of its own, and the regional capital
        of its name never becomes one.
    country_parts : bool
        Place a country named with a compass word ("eastern Syria", "Syria's north-east")
        at that part of it (:mod:`mapper.geo.parts`: extraction, where the mention is the
        scene of an event).  Off, it is the country (``mapper geoparse``: corpora place the
        toponym "Syria" at Syria).

    Returns
    -------
    list of Resolved
        One per span (per non-demonym span unless ``demonyms``), in order; ``place`` is
        None with a ``reason`` when the span is not taken as a place.
    """
    spans = elided(spans, text, gaz)  # "Central and South America": Central America
    spans, compass, compass_words = parts.compass_of(spans, text, gaz)  # "eastern Syria", "North-East Syria"
    reasons = admit.reasons(spans, gaz, text, trusted)
    for i in compass_words:
        reasons[i] = parts.COMPASS_WORD
    groups = _groups(spans, [i for i, r in reasons.items() if not r])
    chosen = _choose(spans, gaz, text, groups)
    far = _far_districts(spans, gaz, chosen)
    if far:
        for g in far:
            for i in groups.pop(g):
                reasons[i] = "not in gazetteer"  # as before the second level was indexed: qualify may place it
        chosen = _choose(spans, gaz, text, groups)  # the namesakes it drew into a list choose again
    forced: set[tuple[str, bool]] = set()
    counted: tuple[int, ...] = ()
    if trusted is False:
        for g in postal.unattested(spans, gaz, text, groups, chosen):
            for i in groups.pop(g):
                reasons[i] = "a post-office name without place evidence"
            del chosen[g]
        full = _full_votes(spans, gaz, chosen)
        strangers = _strangers(gaz, chosen, full)
        focus = qualify.focus(gaz, [pick[0] for g, pick in chosen.items() if g not in strangers])
        # towns read under another place's name (an alternate name) that nothing in the story
        # supports ("Komo" as Como in a story about Papua New Guinea): as strangers, though their
        # readings still count towards the focus, which needs a story of several names
        far_names = [g for g in namesakes.unsupported(spans, gaz, groups, chosen, full, text) if g not in strangers]
        for g in strangers + far_names:
            if focus is not None and any(spans[i].prev_word in LOCATIVES for i in groups[g]):
                forced.add(g)  # "struck Tupirama" in a story about one oblast: there, not in Brazil
                continue
            for i in groups.pop(g):
                reasons[i] = "no candidate in the countries the article is about"
        counted = tuple(chosen[g][0] for g in far_names if g not in forced)
        for g in beside.crossings_abroad(spans, gaz, text, groups, chosen) if BESIDE_CITY else ():
            for i in groups.pop(g):
                reasons[i] = "a border crossing named like a town abroad"
        for g in _owned_elsewhere(spans, gaz, text, groups, chosen):
            for i in groups.pop(g):
                reasons[i] = "a region its country names before it, read in another country"
    given = frozenset(range(len(spans))) if trusted is True else trusted or frozenset()
    places = qualify.places(spans, gaz, text, groups, chosen, reasons, forced, given, counted)
    if BESIDE_CITY:
        places.update(beside.placed(spans, gaz, text, groups, chosen, places))
    out = []
    for i, span in enumerate(spans):
        mention = Mention(span.name, span.start, span.end)
        if span.demonym:
            if demonyms:
                out.append(_demonym(gaz, span, mention))
            continue
        if reasons.get(i) == QUALIFIER:
            out.append(Resolved(mention, places[i] if qualifiers else None, QUALIFIER))
        elif i in places:
            place = places[i]
            if country_parts and i in compass and place.kind == "country":
                place = parts.part_place(gaz, place, compass[i])
            out.append(Resolved(mention, place))
        else:
            out.append(Resolved(mention, None, reasons[i]))
    return out


def _demonym(gaz: Gazetteer, span: Span, mention: Mention) -> Resolved:
    entry = gaz.demonym_entry.get(span.key)
    if entry is None:
        return Resolved(mention, None, "demonym of no known country")
    return Resolved(mention, dataclasses.replace(gaz.place(entry), kind="demonym", geo_precision=3))
