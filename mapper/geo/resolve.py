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
from collections import Counter
from dataclasses import dataclass

from mapper.extract.toponyms import LOCATIVES, TITLES, Span
from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.names import region_named
from mapper.model import Mention, Place, Resolved

_CITY, _ADMIN1, _COUNTRY, _REGION = (KINDS.index(k) for k in ("city", "admin1", "country", "region"))
STRONG_POPULATION = 100_000
COMMON_ZIPF = 4.3  # at or above: an everyday English word ("nice", "police", "mobile")


@dataclass(frozen=True)
class _Context:
    countries: Counter
    admin1: frozenset[str]


def _prior(gaz: Gazetteer, entry: int, main: bool, span: Span) -> float:
    score = 1.5 * math.log10(gaz.population[entry] + 10)
    if main:
        score += 1.5
    if gaz.aliases.get(span.key) == entry:
        score += 3.0
    kind = gaz.kind[entry]
    if span.region_word:
        if kind == _ADMIN1:
            score += 4.0
        elif kind == _COUNTRY:
            score -= 3.0
    elif kind == _ADMIN1 and not region_named(span.key):
        score -= 2.0  # a bare "Sumy" is the city; the oblast needs "region" or "oblast"
    return score


def _score(gaz: Gazetteer, entry: int, main: bool, span: Span, ctx: _Context, near: set[str]) -> float:
    score = _prior(gaz, entry, main, span)
    total = sum(ctx.countries.values()) or 1
    share = ctx.countries.get(gaz.country[entry], 0) / total
    score += 3.0 * share + (1.0 if share > 0 else 0.0)
    if gaz.admin1[entry] and gaz.admin1[entry] in ctx.admin1 and gaz.kind[entry] == _CITY:
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
        if (kind == _ADMIN1 and (main or region_named(key))) or (kind == _CITY and main and pop >= STRONG_POPULATION) \
                or (kind == _CITY and pop >= 1_000_000):
            level = 1
    return level


def _admissible(gaz: Gazetteer, span: Span, strength: int) -> str:
    """Why a span is not a place mention ("" when it may be one)."""
    if span.prev_word in TITLES:
        return "follows a personal title"
    if span.name.isupper() and len(span.name) <= 5 and strength < 2:
        return "acronym"  # NATO, EU, UN: organisations, not the towns that share the letters
    if not span.covered and not span.headline and not (strength and span.run_start):
        return "part of a longer name"
    zipf = gaz.common.get(span.key, 0.0)
    if zipf >= COMMON_ZIPF and strength < 2 and not span.region_word:
        if span.sentence_initial or span.prev_word not in LOCATIVES:
            return "common word without place evidence"
    if span.sentence_initial and zipf >= COMMON_ZIPF + 1.0 and not span.region_word:
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
            if gaz.kind[entry] == _ADMIN1:
                return {gaz.admin1[entry] or "", gaz.country[entry]}
    return set()


def _context(gaz: Gazetteer, spans: list[Span], best: dict[int, int]) -> _Context:
    """Countries (demonyms and resolved mentions) and admin-1 regions the article names."""
    countries: Counter = Counter(s.demonym for s in spans if s.demonym)
    admin1 = set()
    for entry in best.values():
        if gaz.country[entry]:
            countries[gaz.country[entry]] += 1
        if gaz.kind[entry] == _ADMIN1 and gaz.admin1[entry]:
            admin1.add(gaz.admin1[entry])
    return _Context(countries, frozenset(admin1))


def _without(ctx: _Context, gaz: Gazetteer, entry: int | None) -> _Context:
    """The context minus one mention's own contribution (a name is no evidence for itself)."""
    if entry is None or not gaz.country[entry]:
        return ctx
    countries = ctx.countries.copy()
    countries[gaz.country[entry]] -= 1
    return _Context(countries, ctx.admin1)


def _pick(gaz: Gazetteer, span: Span, ctx: _Context, near: set[str]) -> tuple[int, float]:
    best, best_score = -1, -math.inf
    for entry, main in gaz.candidates(span.key):
        s = _score(gaz, entry, main, span, ctx, near)
        if s > best_score or (s == best_score and entry < best):
            best, best_score = entry, s
    return best, best_score


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
    for i, span in enumerate(spans):
        if span.demonym:
            continue
        cands = gaz.candidates(span.key)
        if not cands:
            reasons[i] = "not in gazetteer"
        else:
            known = trusted is True or (not isinstance(trusted, bool) and i in trusted)
            reasons[i] = "" if known else _admissible(gaz, span, _strength(gaz, cands, span.key))
    live = [i for i, r in reasons.items() if not r]
    empty = _Context(Counter(s.demonym for s in spans if s.demonym), frozenset())
    best = {i: _pick(gaz, spans[i], empty, set())[0] for i in live}
    scores: dict[int, float] = {}
    for _ in range(2):
        full = _context(gaz, spans, best)
        new = {}
        for i in live:
            ctx = _without(full, gaz, best.get(i))
            new[i], scores[i] = _pick(gaz, spans[i], ctx, _near(spans, i, best, gaz, text))
        best = new
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
