"""Resolution: choose the gazetteer entry each mention means, using the whole article.

Scores are additive log-odds-like points:

* prior: ``log10(population)`` (countries and regions carry pseudo-populations), plus a
  bonus when the mention is the entry's main name rather than an alternate name (old
  names such as "Pokrovsk" for Engels lose to the current bearer of the name), and a
  bonus for the hand-kept alias table's choice;
* context: the countries the article names or implies (country names, demonyms,
  unambiguous large places), the admin-1 regions it names, "X, Y" patterns where Y is
  the candidate's region or country, and a region word after the name ("Kharkiv
  region" prefers the oblast).

Resolution runs twice: the first pass gives each mention a best guess; the second
re-scores with the countries those guesses imply (excluding the mention itself).
A span is kept only with enough evidence: common English words ("Nice", "Police")
and names inside person or organisation names need more than their prior.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from mapper.extract.toponyms import LOCATIVES, TITLES, Span
from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.names import region_named
from mapper.model import Mention, Resolved

_CITY, _ADMIN1, _COUNTRY, _REGION = (KINDS.index(k) for k in ("city", "admin1", "country", "region"))
STRONG_POPULATION = 100_000
_SPEECH = re.compile(r"\s+(?:said|says|told|added|explained|wrote|noted|argued|stated|testified|replied|asked"
                     r"|recalled|insisted|declined|scored|pitched|threw|ran|finished)\b")
COMMON_ZIPF = 4.3  # at or above: an everyday English word ("nice", "police", "mobile")


@dataclass(frozen=True)
class _Context:
    countries: Counter
    admin1: Counter


def _prior(gaz: Gazetteer, entry: int, main: bool, span: Span) -> float:
    score = 1.5 * math.log10(gaz.population[entry] + 10)
    if main:
        score += 1.5
    if gaz.aliases.get(span.key) == entry and not span.region_word:
        score += 3.0  # the alias table names towns: "Kharkiv region" is not the town
    kind = gaz.kind[entry]
    if span.region_word:
        if kind == _ADMIN1:
            score += 4.0
        elif kind == _COUNTRY:
            score -= 3.0
    elif kind == _ADMIN1 and not main and not region_named(span.key):
        score -= 2.0  # a bare "Sumy" is the city; the oblast needs "region" or "oblast"
    return score


def _score(gaz: Gazetteer, entry: int, main: bool, span: Span, ctx: _Context, near: set[str]) -> float:
    score = _prior(gaz, entry, main, span)
    total = sum(ctx.countries.values()) or 1
    share = ctx.countries.get(gaz.country[entry], 0) / total
    score += 3.0 * share + (0.5 if share > 0 else 0.0)
    if gaz.admin1[entry] and ctx.admin1.get(gaz.admin1[entry], 0) > 0 and gaz.kind[entry] == _CITY:
        score += 2.0
    if gaz.country[entry] in near:
        score += 3.0
    if (gaz.admin1[entry] or "") in near:
        score += 6.0  # "Odessa, Texas": the strongest evidence there is
    return score


def _strength(gaz: Gazetteer, cands: tuple[tuple[int, bool], ...], key: str) -> int:
    """How well known a name is as a place.

    2: a country, an alias-table name, a named region, or the main name of a city of a
    million; 1: a region's name or the main name of a large town; 0: anything else.
    """
    if key in gaz.aliases:
        return 2
    level = 0
    for entry, main in cands:
        kind, pop = gaz.kind[entry], gaz.population[entry]
        if kind in (_COUNTRY, _REGION) or (kind == _CITY and main and pop >= 1_000_000):
            return 2
        if kind == _ADMIN1 and main and gaz.common.get(key, 0.0) < 5.0:
            return 2  # "Minnesota", "Kharkiv Oblast"; not "Western", "Central"
        if (kind == _ADMIN1 and (main or region_named(key))) or (kind == _CITY and main and pop >= STRONG_POPULATION) \
                or (kind == _CITY and pop >= 1_000_000):
            level = 1
    return level


def _admissible(gaz: Gazetteer, span: Span, strength: int) -> str:
    """Why a span is not a place mention ("" when it may be one)."""
    if span.prev_word in TITLES:
        return "follows a personal title"
    if span.name.isupper() and "." not in span.name and len(span.name) <= 5 and strength < 2:
        return "acronym"  # NATO, EU, UN: organisations, not the towns that share the letters
    if not span.covered and not (strength and (span.run_start or span.headline)):
        return "part of a longer name"
    zipf = gaz.common.get(span.key, 0.0)
    if zipf >= COMMON_ZIPF and strength < 2 and not span.region_word:
        if span.sentence_initial or span.prev_word not in LOCATIVES:
            return "common word without place evidence"
    if span.sentence_initial and zipf >= COMMON_ZIPF + 1.0 and not span.region_word and not span.name.isupper():
        return "capitalised common word opening a sentence"
    return ""


def _near(spans: list[Span], i: int, best: dict[int, int], gaz: Gazetteer, text: str) -> set[str]:
    """Countries / admin-1 codes named right after a mention: "Paris, Texas"."""
    span = spans[i]
    if i + 1 < len(spans) and i + 1 in best:
        gap = text[span.end:spans[i + 1].start]
        if gap in {", ", " (", " in ", ","}:
            entry = best[i + 1]
            if gaz.kind[entry] == _COUNTRY:
                return {gaz.country[entry]}
            if gaz.kind[entry] in (_ADMIN1, _CITY):  # "Lima, New York": the city's state counts too
                return {gaz.admin1[entry] or "", gaz.country[entry]}
    return set()


def _context(gaz: Gazetteer, entries: list[int], spans: list[Span]) -> _Context:
    """Countries and admin-1 regions the article names: demonyms, and each distinct
    resolved name once (a name repeated ten times is one piece of evidence)."""
    countries: Counter = Counter(s.demonym for s in spans if s.demonym)
    admin1: Counter = Counter()
    for entry in entries:
        if gaz.country[entry]:
            countries[gaz.country[entry]] += 1
        if gaz.kind[entry] in (_ADMIN1, _CITY) and gaz.admin1[entry]:
            admin1[gaz.admin1[entry]] += 1
    return _Context(countries, admin1)


def _without(ctx: _Context, gaz: Gazetteer, entry: int | None) -> _Context:
    """The context minus one mention's own contribution (a name is no evidence for itself)."""
    if entry is None:
        return ctx
    countries, admin1 = ctx.countries, ctx.admin1
    if gaz.country[entry]:
        countries = countries.copy()
        countries[gaz.country[entry]] -= 1
    if gaz.admin1[entry] and gaz.kind[entry] in (_ADMIN1, _CITY):
        admin1 = admin1.copy()
        admin1[gaz.admin1[entry]] -= 1
    return _Context(countries, admin1)


def _pick(gaz: Gazetteer, group: list[int], spans: list[Span], ctx: _Context,
          near: dict[int, set[str]]) -> tuple[int, float]:
    """The best entry for a group of same-name mentions (one sense per discourse):
    the sum of each mention's score, so "Aurora, Illinois" once decides every "Aurora"."""
    totals: dict[int, float] = {}
    for i in group:
        span = spans[i]
        for entry, main in gaz.candidates(span.key):
            totals[entry] = totals.get(entry, 0.0) + _score(gaz, entry, main, span, ctx, near.get(i, set()))
    if not spans[group[0]].region_word:
        # a bare "Geneva" or "Sumy" is the city, not the same-name region it lies in
        cities_in = {gaz.admin1[e] for e in totals if gaz.kind[e] == _CITY}
        for e in totals:
            if gaz.kind[e] == _ADMIN1 and gaz.admin1[e] in cities_in:
                totals[e] -= 3.0 * len(group)
    best = min(totals, key=lambda e: (-totals[e], e))
    return best, totals[best] / len(group)


def _groups(spans: list[Span], live: list[int]) -> dict[tuple[str, bool], list[int]]:
    """Live mentions by name key (a region word makes its own group: "Kharkiv region")."""
    groups: dict[tuple[str, bool], list[int]] = {}
    for i in live:
        groups.setdefault((spans[i].key, bool(spans[i].region_word)), []).append(i)
    return groups


def resolve_spans(spans: list[Span], gaz: Gazetteer, text: str = "", *,
                  trusted: frozenset[int] | bool = False) -> list[Resolved]:
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

    Returns
    -------
    list of Resolved
        One per non-demonym span, in order; ``place`` is None with a ``reason`` when
        the span is not taken as a place.
    """
    reasons: dict[int, str] = {}
    people: set[str] = set()  # keys seen inside person / organisation names in this text
    for i, span in enumerate(spans):
        if span.demonym:
            continue
        cands = gaz.candidates(span.key)
        if not cands:
            reasons[i] = "not in gazetteer"
            continue
        known = trusted is True or (not isinstance(trusted, bool) and i in trusted)
        if known:
            reasons[i] = ""
            continue
        strength = _strength(gaz, cands, span.key)
        reason = _admissible(gaz, span, strength)
        if not reason and strength < 2:
            if span.key in people and span.prev_word not in LOCATIVES:
                reason = "name of a person or organisation named earlier"
            elif _SPEECH.match(text, span.end):
                reason = "a speaker, not a place"
        if reason in ("part of a longer name", "follows a personal title"):
            people.add(span.key)
        reasons[i] = reason
    live = [i for i, r in reasons.items() if not r]
    groups = _groups(spans, live)
    empty = _Context(Counter(s.demonym for s in spans if s.demonym), Counter())
    chosen = {g: _pick(gaz, members, spans, empty, {}) for g, members in groups.items()}
    for _ in range(2):
        best = {i: chosen[g][0] for g, members in groups.items() for i in members}
        near = {i: _near(spans, i, best, gaz, text) for i in live}
        full = _context(gaz, [chosen[g][0] for g in groups], spans)
        chosen = {g: _pick(gaz, members, spans, _without(full, gaz, chosen[g][0]), near)
                  for g, members in groups.items()}
    best = {i: chosen[g][0] for g, members in groups.items() for i in members}
    scores = {i: chosen[g][1] for g, members in groups.items() for i in members}
    out = []
    for i, span in enumerate(spans):
        if span.demonym:
            continue
        mention = Mention(span.name, span.start, span.end)
        if i in best:
            out.append(Resolved(mention, gaz.place(best[i], score=scores[i])))
        else:
            out.append(Resolved(mention, None, reasons[i]))
    return out
