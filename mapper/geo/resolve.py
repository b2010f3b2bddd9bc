"""Resolution: choose the gazetteer entry each mention means, using the whole article.

Scores are additive log-odds-like points:

* prior: ``log10(population)`` (countries and regions carry pseudo-populations), plus a
  bonus when the mention is the entry's main name rather than an alternate name (old
  names such as "Pokrovsk" for Engels lose to the current bearer of the name), and a
  bonus for the hand-kept alias table's choice;
* context: the countries the article names or implies (country names, demonyms,
  unambiguous large places), the admin-1 regions it names, "X, Y" patterns where Y is
  the candidate's region or country, a region word after the name ("Kharkiv
  region" prefers the oblast; "Walker County" the US counties), and US counties and
  towns of the article that lie together (Huntsville, Texas with Walker County, Texas).

Resolution runs twice: the first pass gives each mention a best guess; the second
re-scores with the countries those guesses imply (excluding the mention itself).
A span is kept only with enough evidence: common English words ("Nice", "Police")
and names inside person or organisation names need more than their prior.

Candidates and priors live in :mod:`mapper.geo.candidates` (computed once per process
per key); a pass here is skipped when its inputs (the entries chosen before it) are
those of the pass before.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass

from mapper.geo.spans import LOCATIVES, TITLES, Span
from mapper.geo import lists, nearby, postal, qualify
from mapper.geo.elided import elided
from mapper.geo.candidates import (
    ADMIN1,
    CITY,
    COUNTRY,
    REGION,
    Cand,
    candidates,
    name_strength,
    word_slot,
    world_namesakes,
)
from mapper.geo.candidates import (
    together as _together,
)
from mapper.geo.gazetteer import Gazetteer, data_dir
from mapper.geo.names import key
from mapper.geo.qualify import QUALIFIER
from mapper.model import Mention, Resolved

_SPEECH = re.compile(r"\s+(?:said|says|told|added|explained|wrote|noted|argued|stated|testified|replied|asked"
                     r"|recalled|insisted|declined|scored|pitched|threw|ran|finished)\b")
COMMON_ZIPF = 4.3  # at or above: an everyday English word ("nice", "police", "mobile")

# Resolution weights (points of the additive score), fitted on the tune halves of the
# development corpora only (bench/tune_geo.py; bench/README.md, issue 14).
#: times the share of the article's country votes a candidate's country holds, and a
#: flat bonus for any share at all
COUNTRY_SHARE, COUNTRY_ANY = 7.5, 0.5
#: a town in an admin-1 region the article names
ADMIN1_NAMED = 3.0
#: an admin-1 region holding a town (or naming a region) the article names
REGION_HOLDS = 3.0
#: a town or county in an admin-1 region named in the same sentence
SENTENCE_REGION = 1.0
#: a town's vote for its admin-1 region, for other towns (ADMIN1_NAMED), against the region's own
#: name's 1: "New York City" says less of which Boston is meant than "New York State" would
TOWN_REGION_VOTE = 0.25
#: "X, Y": Y is the candidate's country / admin-1 region
NEAR_COUNTRY, NEAR_ADMIN1 = 3.0, 3.0
#: a bare name over the same-name region its city lies in, per mention
SHADOWED = 1.5
#: ... unless its sentence names this many other admin-1 regions of the country (0: never)
REGION_PEERS = 2
#: the share of a country's votes that also goes to the countries bordering it (land borders
#: and narrow straits, data/country_neighbours.csv): "Israeli forces raided Jenin" is the West
#: Bank's Jenin, not the Polish village
NEIGHBOUR_SHARE = 0.25
#: a demonym's vote for its country, against a place name's 1
DEMONYM_VOTE = 0.5
#: the vote of a town under SMALL_POP people (context: countries and admin-1 regions named)
SMALL_VOTE, SMALL_POP = 0.5, 1_000
#: a name in an enumeration: times the share of its fellow names of the candidate's kind /
#: of its country ("Alberta, Manitoba, Ontario and New Brunswick": the provinces)
LIST_KIND, LIST_COUNTRY = 4.5, 1.5
#: per mention, a place in the country named last before it (nearby.last_country)
LAST_COUNTRY = 2.0
ALIAS_TOWN = True
SEA_OVER_PROVINCE = True
LIST_REGIONS = True
#: the names of an enumeration are distinct places (a reading a fellow name took is dropped)
LIST_DISTINCT = True


@dataclass(frozen=True)
class _Context:
    """Countries and admin-1 regions an article names, minus one mention's own share.

    ``size`` is the number of country votes before the discount; ``own_country`` and
    ``own_admin1`` are the votes of the mention being scored, which count one less
    (a name is no evidence for itself).
    """

    countries: Counter
    admin1: Counter
    size: float
    own_country: str = ""
    own_admin1: str = ""
    own_weight: float = 1.0
    #: the admin-1 votes a town candidate sees: its towns' votes count TOWN_REGION_VOTE each
    towns_see: Counter | None = None
    own_town: bool = False


@functools.lru_cache(maxsize=1)
def _neighbours() -> dict[str, tuple[str, ...]]:
    """Each country's neighbours (``data/country_neighbours.csv``; empty when absent)."""
    path = data_dir() / "country_neighbours.csv"
    if not path.is_file():
        return {}
    with open(path, newline="", encoding="utf-8") as fh:
        return {row["iso2"]: tuple(c for c in row["neighbours"].split("|") if c) for row in csv.DictReader(fh)}


def _base_scores(cands: tuple[Cand, ...], ctx: _Context) -> list[tuple[int, float, str, str]]:
    """Prior plus article context for each candidate: (entry, score, country, admin1 or "")."""
    # at least one vote's worth: a lone demonym (a quarter vote) is weak evidence, not a whole article's
    own = ctx.own_weight
    total = max(ctx.size - own if ctx.own_country else ctx.size, 1.0)
    countries, named, own_country, own_admin1 = ctx.countries, ctx.admin1, ctx.own_country, ctx.own_admin1
    seen = ctx.towns_see if ctx.towns_see is not None else named
    own_seen = own * TOWN_REGION_VOTE if ctx.own_town else own
    out = []
    borders = _neighbours()
    spill: dict[str, float] = {}  # per country: its neighbours' votes (computed once per call)
    for entry, prior, country, admin1, admin1_key, city in cands:
        votes = countries.get(country, 0)
        if country and country == own_country:
            votes -= own
        if country and NEIGHBOUR_SHARE:
            if country not in spill:
                near = borders.get(country, ())
                spill[country] = sum(countries.get(n, 0) for n in near) - (own if own_country in near else 0.0)
            votes += NEIGHBOUR_SHARE * spill[country]
        if votes:
            share = votes / total
            score = prior + (COUNTRY_SHARE * share + (COUNTRY_ANY if share > 0 else 0.0))
        else:
            score = prior  # priors are positive: adding a share of 0.0 changes nothing
        if city:
            in_named = seen[admin1] - (own_seen if admin1 == own_admin1 else 0.0) if admin1 in seen else 0.0
        else:
            in_named = named[admin1] - (own if admin1 == own_admin1 else 0.0) if admin1 in named else 0.0
        if in_named > 1e-9:
            # a town in a region the article names, or a region whose towns it names
            # ("Ontario" beside "Toronto" is the province, not Ontario, California);
            # a small town's vote (often a surname misread) counts for less
            score += (ADMIN1_NAMED if city else REGION_HOLDS) * min(in_named, 1.0)
        out.append((entry, score, country, admin1_key))
    return out


def _admissible(gaz: Gazetteer, span: Span, strength: int) -> str:
    """Why a span is not a place mention ("" when it may be one)."""
    if span.prev_word in TITLES:
        return "follows a personal title"
    if span.name.isupper() and "." not in span.name and len(span.name) <= 5 and strength < 2:
        return "acronym"  # NATO, EU, UN: organisations, not the towns that share the letters
    if len(span.name) <= 4 and _MIXED_ACRONYM.fullmatch(span.name):
        return "acronym"  # MoD, DoD
    if not span.covered and not (strength and (span.run_start or span.headline)):
        return "part of a longer name"
    zipf = gaz.common.get(span.key, 0.0)
    if zipf >= COMMON_ZIPF and strength < 2 and not span.region_word:
        if span.sentence_initial or span.prev_word not in LOCATIVES:
            return "common word without place evidence"
    if span.sentence_initial and zipf >= COMMON_ZIPF + 1.0 and not span.region_word and not span.name.isupper():
        return "capitalised common word opening a sentence"
    return ""


_MIXED_ACRONYM = re.compile(r"[A-Z][a-z][A-Z][a-z]?")
def _context(gaz: Gazetteer, entries: list[int], demonyms: Counter) -> _Context:
    """Countries and admin-1 regions the article names: demonyms (:data:`DEMONYM_VOTE`
    each: in war news the attacker's demonym names no scene), and each distinct resolved
    name once (a name repeated ten times is one piece of evidence)."""
    countries: Counter = Counter({iso: n * DEMONYM_VOTE for iso, n in demonyms.items()})
    admin1: Counter = Counter()
    seen: Counter = Counter()
    for entry in entries:
        weight = _weight(gaz, entry)
        if gaz.country[entry]:
            countries[gaz.country[entry]] += weight
        if gaz.kind[entry] in (ADMIN1, CITY) and gaz.admin1[entry]:
            admin1[gaz.admin1[entry]] += weight
            seen[gaz.admin1[entry]] += weight * (TOWN_REGION_VOTE if gaz.kind[entry] == CITY else 1.0)
    return _Context(countries, admin1, sum(countries.values()), towns_see=seen)


def _weight(gaz: Gazetteer, entry: int) -> float:
    """A resolved name's vote: one, or :data:`SMALL_VOTE` for a town under :data:`SMALL_POP`
    (a surname read as a hamlet, "Jones" or "McCoy", should not outvote a city)."""
    kind = gaz.kind[entry]
    if kind in (CITY, qualify.VILLAGE) and gaz.population[entry] < SMALL_POP:
        return SMALL_VOTE
    return 1.0


def _without(ctx: _Context, gaz: Gazetteer, entry: int) -> _Context:
    """The context minus one mention's own contribution (a name is no evidence for itself)."""
    own_admin1 = gaz.admin1[entry] if gaz.kind[entry] in (ADMIN1, CITY) else None
    return _Context(ctx.countries, ctx.admin1, ctx.size, gaz.country[entry] or "", own_admin1 or "",
                    _weight(gaz, entry), ctx.towns_see, gaz.kind[entry] == CITY)


def _pick(gaz: Gazetteer, group: list[int], spans: list[Span], ctx: _Context,
          near: dict[int, set[str]], around: tuple[list[tuple[float, float]], frozenset[str]] | None = None,
          together: dict[int, float] | None = None, peers: lists.Fellows | None = None,
          lead: dict[str, int] | None = None) -> tuple[int, float]:
    """The best entry for a group of same-name mentions (one sense per discourse):
    the sum of each mention's score, so "Aurora, Illinois" once decides every "Aurora"."""
    cands, shadowed = candidates(gaz, spans[group[0]])
    base = _base_scores(cands, ctx)
    if peers and len(cands) > 1:
        kinds, countries, n = peers.kinds, peers.countries, peers.n
        base = [(entry, score + (LIST_KIND * kinds[lists.kind_class(gaz, entry)]
                                 + LIST_COUNTRY * countries[country]) / n, country, admin1)
                for entry, score, country, admin1 in base]
        if LIST_DISTINCT and peers.taken and any(entry not in peers.taken for entry, *_ in base):
            # an enumeration names each place once: "New York" after "New York City" in one list
            base = [b for b in base if b[0] not in peers.taken]
    points, regions = around or ((), ())
    if points and len(cands) > 1:
        base = [(entry, score + nearby.proximity(gaz, entry, points), country, admin1)
                for entry, score, country, admin1 in base]
    if together and len(cands) > 1:
        base = [(entry, score + together.get(entry, 0.0), country, admin1) for entry, score, country, admin1 in base]
    if regions and SENTENCE_REGION and len(cands) > 1:
        base = [(entry, score + (SENTENCE_REGION if admin1 in regions else 0.0), country, admin1)
                for entry, score, country, admin1 in base]
    totals: dict[int, float] = {}
    if any(near.get(i) for i in group):
        for i in group:
            evidence = near.get(i)
            for entry, score, country, admin1 in base:
                if evidence:
                    if country in evidence:
                        score += NEAR_COUNTRY
                    if admin1 in evidence:
                        score += NEAR_ADMIN1  # "Odessa, Texas": the strongest evidence there is
                totals[entry] = totals.get(entry, 0.0) + score
    else:  # the usual case: every mention scores the same; sum in the same order all the same
        for entry, score, _, _ in base:
            total = 0.0
            for _ in group:
                total += score
            totals[entry] = total
    if lead and LAST_COUNTRY and len(totals) > 1:
        # "cases in the South American country of Chile ... the Institute of Public Health in
        # Santiago": a name lies in the country the story was talking about just before it
        for e in totals:
            totals[e] += LAST_COUNTRY * lead.get(gaz.country[e], 0)
    stated = set().union(*(near.get(i, ()) for i in group))  # "X, Y": what Y says of X's country and region
    _drop_namesakes(gaz, totals, spans[group[0]], stated, regions, ctx)
    if shadowed and not spans[group[0]].region_word:
        _shadow(gaz, totals, shadowed, spans[group[0]].key, regions, len(group))
    top = max(totals.values())
    best = min(e for e, total in totals.items() if total == top)  # ties: the lowest entry
    return best, totals[best] / len(group)


def _drop_namesakes(gaz: Gazetteer, totals: dict[int, float], span: Span, stated: set[str],
                    regions: frozenset[str], ctx: _Context) -> None:
    """Drop from ``totals`` the readings a name has only as a namesake of a better-known place:
    hamlets named after a world region or sea, a province named after a sea, towns named after
    a country.  ``stated``: what "X, Y" says of X; ``regions``: the admin-1 regions of its sentence."""
    hamlets = world_namesakes(gaz, span)
    if hamlets and len(hamlets) < len(totals):
        # only its state qualifies the hamlet ("Middle East, Md."; not "the Middle East, US officials said")
        for e in hamlets:
            if gaz.admin1[e] not in stated:
                del totals[e]
    if SEA_OVER_PROVINCE and not span.region_word and \
            any(gaz.kind[e] == REGION and not gaz.country[e] for e in totals):
        # a bare "Red Sea" is the sea, not Egypt's or Sudan's province named after it, which the
        # story's Egyptian votes would favour (a sea has no country to share them): the province
        # needs its region word ("Red Sea State") or its country after it ("Red Sea, Sudan")
        for e in [e for e in totals if gaz.kind[e] == ADMIN1 and gaz.country[e] not in stated]:
            del totals[e]
    if any(gaz.kind[e] == COUNTRY for e in totals):
        # a country's name is the country, not a town named after it, unless the article names
        # the town's region ("Jordan, Minnesota"; "Lebanon police said" in a story naming Ohio):
        # "U.S. troops in Jordan" is the kingdom, though the article's one country is the US
        for e in [e for e in totals if gaz.kind[e] == CITY]:
            if ALIAS_TOWN and not _own_name(gaz, e, span.key):
                del totals[e]  # "Egypt" is an old name of Uhrichsville, Ohio: never the town
            elif gaz.admin1[e] not in stated and gaz.admin1[e] not in regions and \
                    not _about(ctx, gaz.country[e], gaz.admin1[e]):
                del totals[e]


def _shadow(gaz: Gazetteer, totals: dict[int, float], shadowed: tuple[int, ...], name_key: str,
            regions: frozenset[str], mentions: int) -> None:
    """A bare "Geneva" or "Sumy" is the city, not the same-name region it lies in, even when the
    city's own main name is another spelling ("Hama" is GeoNames' "Ḩamāh"): lower the regions."""
    for e in shadowed:
        if e not in totals:
            continue  # a reading a fellow name of its enumeration took
        if REGION_PEERS and len({r for r in regions if r != gaz.admin1[e]
                                 and r.startswith(f"{gaz.country[e]}.")}) >= REGION_PEERS:
            continue  # "eight in Alberta, one in New Brunswick, and one in Quebec": the province
        seat = max((t for c, t in totals.items() if gaz.kind[c] == CITY and gaz.admin1[c] == gaz.admin1[e]
                    and gaz.country[c] == gaz.country[e] and _spelled_as(gaz, c, name_key)),
                   default=None)
        totals[e] -= SHADOWED * mentions
        if seat is not None:
            totals[e] = min(totals[e], seat - SHADOWED * mentions)


def _about(ctx: _Context, country: str, admin1: str | None) -> bool:
    """Whether the article names a town's admin-1 region and is mostly about its country.

    A story about Ohio that says "Lebanon police" means Lebanon, Ohio; a story of many countries
    that names Alabama among US states and then Egypt among countries means the country.
    """
    if ctx.admin1.get(admin1, 0) <= 0:
        return False
    own = ctx.own_weight if ctx.own_country == country else 0.0
    total = max(ctx.size - (ctx.own_weight if ctx.own_country else 0.0), 1.0)
    return (ctx.countries.get(country, 0) - own) >= COUNTRY_MAJORITY * total


#: the share of an article's country votes that makes it a story about that country
COUNTRY_MAJORITY = 0.5


def _own_name(gaz: Gazetteer, entry: int, k: str) -> bool:
    """:func:`_spelled_as`, memoised per process (it normalises the entry's name)."""
    memo = gaz.memo("own_name")
    found = memo.get((entry, k))
    if found is None:
        found = memo[(entry, k)] = _spelled_as(gaz, entry, k)
    return found


def _spelled_as(gaz: Gazetteer, entry: int, k: str) -> bool:
    """Whether a name key is the entry's own main name up to diacritics and a final letter
    ("hama" for "Ḩamāh"), not another name it carries ("oklahoma" for Oklahoma City)."""
    own = key(gaz.names[entry])
    return own.startswith(k) and len(own) - len(k) <= 1


def _groups(spans: list[Span], live: list[int]) -> dict[tuple[str, str], list[int]]:
    """Live mentions by name key (a region word makes its own group: "Kharkiv region", and
    "city" another: "Aleppo city")."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i in live:
        groups.setdefault((spans[i].key, word_slot(spans[i])), []).append(i)
    return groups


def _reasons(spans: list[Span], gaz: Gazetteer, text: str, trusted: frozenset[int] | bool) -> dict[int, str]:
    """Why each non-demonym span is not a place ("" when it may be one)."""
    reasons: dict[int, str] = {}
    people: set[str] = set()  # keys seen inside person / organisation names in this text
    for i, span in enumerate(spans):
        if span.demonym:
            continue
        cands = gaz.candidates(span.key)
        if not cands and span.region_word:  # "Gwinnett" in "DeKalb and Gwinnett counties"
            cands = tuple((c[0], True) for c in candidates(gaz, span)[0])
        if not cands:
            reasons[i] = "not in gazetteer"
            continue
        known = trusted is True or (not isinstance(trusted, bool) and i in trusted)
        if known:
            reasons[i] = ""
            continue
        strength = name_strength(gaz, cands, span.key)
        reason = _admissible(gaz, span, strength)
        if not reason and strength < 2:
            if span.key in people and span.prev_word not in LOCATIVES:
                reason = "name of a person or organisation named earlier"
            elif _SPEECH.match(text, span.end):
                reason = "a speaker, not a place"
        if not reason and span.prev_word == "the" and not span.region_word and \
                all(not main and gaz.kind[e] != CITY for e, main in cands):
            reason = "a river or feature sharing a region's other name"  # "on the Danube", "across the Nile"
        if reason in ("part of a longer name", "follows a personal title"):
            people.add(span.key)
        reasons[i] = reason
    return reasons


def _choose(spans: list[Span], gaz: Gazetteer, text: str,
            groups: dict[tuple[str, bool], list[int]]) -> dict[tuple[str, bool], tuple[int, float]]:
    """Each group's entry and score: a first guess from priors and demonyms, then two
    passes with the countries and "X, Y" patterns the previous guesses imply."""
    demonyms = Counter(s.demonym for s in spans if s.demonym)
    weighted = Counter({iso: n * DEMONYM_VOTE for iso, n in demonyms.items()})
    empty = _Context(weighted, Counter(), sum(weighted.values()))
    together = _together(gaz, spans, groups)
    chosen = {g: _pick(gaz, members, spans, empty, {}, together=together) for g, members in groups.items()}
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
        full = _context(gaz, list(entries.values()), demonyms)
        chosen = {g: _pick(gaz, members, spans, _without(full, gaz, entries[g]), near,
                           nearby.around(spans, members, best, gaz) if g in several else None, together,
                           siblings and lists.fellows(gaz, members, siblings, best, regional),
                           nearby.last_country(gaz, spans, members, best) if g in several else None)
                  for g, members in groups.items()}
    return chosen


def _strangers(spans: list[Span], gaz: Gazetteer, groups: dict[tuple[str, bool], list[int]],
               chosen: dict[tuple[str, bool], tuple[int, float]]) -> list[tuple[str, bool]]:
    """Groups whose only reading is an obscure village in a country the rest of the
    article never points to ("the Karari district" of Omdurman read as a hamlet in India,
    in a story about Sudan): better unresolved than misplaced."""
    demonyms = Counter(s.demonym for s in spans if s.demonym)
    entries = [pick[0] for pick in chosen.values()]
    full = _context(gaz, entries, demonyms)
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


def resolve_spans(spans: list[Span], gaz: Gazetteer, text: str = "", *,
                  trusted: frozenset[int] | bool = False, demonyms: bool = False,
                  qualifiers: bool = False) -> list[Resolved]:
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

    Returns
    -------
    list of Resolved
        One per span (per non-demonym span unless ``demonyms``), in order; ``place`` is
        None with a ``reason`` when the span is not taken as a place.
    """
    spans = elided(spans, text, gaz)  # "Central and South America": Central America
    reasons = _reasons(spans, gaz, text, trusted)
    groups = _groups(spans, [i for i, r in reasons.items() if not r])
    chosen = _choose(spans, gaz, text, groups)
    forced: set[tuple[str, bool]] = set()
    if trusted is False:
        for g in postal.unattested(spans, gaz, text, groups, chosen):
            for i in groups.pop(g):
                reasons[i] = "a post-office name without place evidence"
            del chosen[g]
        strangers = _strangers(spans, gaz, groups, chosen)
        focus = qualify.focus(gaz, [pick[0] for g, pick in chosen.items() if g not in strangers])
        for g in strangers:
            if focus is not None and any(spans[i].prev_word in LOCATIVES for i in groups[g]):
                forced.add(g)  # "struck Tupirama" in a story about one oblast: there, not in Brazil
                continue
            for i in groups.pop(g):
                reasons[i] = "no candidate in the countries the article is about"
    given = frozenset(range(len(spans))) if trusted is True else trusted or frozenset()
    places = qualify.places(spans, gaz, text, groups, chosen, reasons, forced, given)
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
            out.append(Resolved(mention, places[i]))
        else:
            out.append(Resolved(mention, None, reasons[i]))
    return out


def _demonym(gaz: Gazetteer, span: Span, mention: Mention) -> Resolved:
    entry = gaz.demonym_entry.get(span.key)
    if entry is None:
        return Resolved(mention, None, "demonym of no known country")
    return Resolved(mention, dataclasses.replace(gaz.place(entry), kind="demonym", geo_precision=3))
