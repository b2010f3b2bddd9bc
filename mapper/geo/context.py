"""What an article says of where its places lie: the countries and admin-1 regions it names.

Each resolved name votes once for its country and admin-1 region (a demonym a fraction of a
vote); a candidate scores its prior plus its country's share of the votes and a bonus when
the article names its region.  A name is no evidence for itself: :func:`without` takes one
mention's own votes out before its candidates are scored.
"""
from __future__ import annotations

import csv
import functools
from collections import Counter
from dataclasses import dataclass, field

from mapper.geo import qualify
from mapper.geo.candidates import ADMIN1, CITY, Cand, is_district, is_named_region
from mapper.geo.gazetteer import Gazetteer, data_dir

# Resolution weights (points of the additive score), fitted on the tune halves of the
# development corpora only (bench/tune_geo.py; bench/README.md, issue 14).
#: times the share of the article's country votes a candidate's country holds, and a
#: flat bonus for any share at all
COUNTRY_SHARE, COUNTRY_ANY = 7.5, 0.5
#: a town in an admin-1 region the article names
ADMIN1_NAMED = 3.0
#: an admin-1 region holding a town (or naming a region) the article names
REGION_HOLDS = 3.0
#: a town's vote for its admin-1 region, for other towns (ADMIN1_NAMED), against the region's own
#: name's 1: "New York City" says less of which Boston is meant than "New York State" would
TOWN_REGION_VOTE = 0.25
#: the share of a country's votes that also goes to the countries bordering it (land borders
#: and narrow straits, data/country_neighbours.csv): "Israeli forces raided Jenin" is the West
#: Bank's Jenin, not the Polish village
NEIGHBOUR_SHARE = 0.25
#: a demonym's vote for its country, against a place name's 1
DEMONYM_VOTE = 0.5
#: the vote of a town under SMALL_POP people (context: countries and admin-1 regions named)
SMALL_VOTE, SMALL_POP = 0.5, 1_000
#: the share of an article's country votes that makes it a story about that country
COUNTRY_MAJORITY = 0.5


@dataclass(frozen=True)
class Context:
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
    #: per country, the votes of its neighbours (filled as candidates ask; shared by the copies
    #: :func:`without` makes, which hold the same votes)
    spill: dict[str, float] = field(default_factory=dict, compare=False)


@functools.lru_cache(maxsize=1)
def neighbours() -> dict[str, tuple[str, ...]]:
    """Each country's neighbours (``data/country_neighbours.csv``; empty when absent)."""
    path = data_dir() / "country_neighbours.csv"
    if not path.is_file():
        return {}
    with open(path, newline="", encoding="utf-8") as fh:
        return {row["iso2"]: tuple(c for c in row["neighbours"].split("|") if c) for row in csv.DictReader(fh)}


_UNSEEN = object()


def base_scores(cands: tuple[Cand, ...], ctx: Context) -> list[tuple[int, float, str, str]]:
    """Prior plus article context for each candidate: (entry, score, country, admin1 or "")."""
    # at least one vote's worth: a lone demonym (a quarter vote) is weak evidence, not a whole article's
    own = ctx.own_weight
    total = max(ctx.size - own if ctx.own_country else ctx.size, 1.0)
    named, own_admin1 = ctx.admin1, ctx.own_admin1
    seen = ctx.towns_see if ctx.towns_see is not None else named
    if not ctx.countries and not named and not seen:
        # no votes at all (a first guess without demonyms): every score is the prior
        return [(entry, prior, country, admin1_key) for entry, prior, country, _, admin1_key, _ in cands]
    own_seen = own * TOWN_REGION_VOTE if ctx.own_town else own
    out = []
    # per country: what its votes add to a candidate's prior, the same for every candidate of
    # that country (None: no votes, the prior alone)
    adds: dict[str, float | None] = {}
    for entry, prior, country, admin1, admin1_key, city in cands:
        add = adds.get(country, _UNSEEN)
        if add is _UNSEEN:
            add = adds[country] = _country_term(ctx, country, total)
        # priors are positive: adding a share of 0.0 would change nothing
        score = prior if add is None else prior + add
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


def _country_term(ctx: Context, country: str, total: float) -> float | None:
    """What the votes for ``country`` (and a share of its neighbours') add to the prior of its
    candidates, with ``total`` votes in all; None when it has none."""
    countries, own, own_country = ctx.countries, ctx.own_weight, ctx.own_country
    votes = countries.get(country, 0)
    if country and country == own_country:
        votes -= own
    if country and NEIGHBOUR_SHARE:
        near = neighbours().get(country, ())
        full = ctx.spill.get(country)  # its neighbours' votes, whichever mention asks
        if full is None:
            full = ctx.spill[country] = sum(countries.get(n, 0) for n in near)
        votes += NEIGHBOUR_SHARE * (full - (own if own_country in near else 0.0))  # less the mention's own
    if not votes:
        return None
    share = votes / total
    return COUNTRY_SHARE * share + (COUNTRY_ANY if share > 0 else 0.0)


def votes(gaz: Gazetteer, entries: list[int], demonyms: Counter) -> Context:
    """Countries and admin-1 regions the article names: demonyms (:data:`DEMONYM_VOTE`
    each: in war news the attacker's demonym names no scene), and each distinct resolved
    name once (a name repeated ten times is one piece of evidence)."""
    countries: Counter = Counter({iso: n * DEMONYM_VOTE for iso, n in demonyms.items()})
    admin1: Counter = Counter()
    seen: Counter = Counter()
    kinds, country_of, admin1_of = gaz.kind, gaz.country, gaz.admin1
    # dict.get, not Counter's += (its __missing__ is Python): the same sums in the same order
    for entry in entries:
        vote = weight(gaz, entry)
        country = country_of[entry]
        if country:
            countries[country] = countries.get(country, 0) + vote
        kind = kinds[entry]
        code = admin1_of[entry]
        if (kind == CITY or kind == ADMIN1 or is_district(gaz, entry) or is_named_region(gaz, entry)) and code:
            # a district ("Shamli district", "Goondiwindi Region") or a named region inside one admin-1
            # region ("the Donetsk People's Republic", "the Bekaa Valley") points to it as a town does
            admin1[code] = admin1.get(code, 0) + vote
            seen[code] = seen.get(code, 0) + vote * (TOWN_REGION_VOTE if kind != ADMIN1 else 1.0)
    return _quick_context(countries, admin1, sum(countries.values()), "", "", 1.0, seen, False, {})


def weight(gaz: Gazetteer, entry: int) -> float:
    """A resolved name's vote: one, or :data:`SMALL_VOTE` for a town under :data:`SMALL_POP`
    (a surname read as a hamlet, "Jones" or "McCoy", should not outvote a city)."""
    kind = gaz.kind[entry]
    if kind in (CITY, qualify.VILLAGE) and gaz.population[entry] < SMALL_POP:
        return SMALL_VOTE
    return 1.0


def without(ctx: Context, gaz: Gazetteer, entry: int) -> Context:
    """The context minus one mention's own contribution (a name is no evidence for itself)."""
    own_admin1 = gaz.admin1[entry] if gaz.kind[entry] in (ADMIN1, CITY) else None
    return _quick_context(ctx.countries, ctx.admin1, ctx.size, gaz.country[entry] or "", own_admin1 or "",
                          weight(gaz, entry), ctx.towns_see, gaz.kind[entry] == CITY, ctx.spill)


def _quick_context(countries: Counter, admin1: Counter, size: float, own_country: str, own_admin1: str,
                   own_weight: float, towns_see: Counter | None, own_town: bool, spill: dict[str, float]) -> Context:
    """The :class:`Context` of these field values (every one, in field order), made without the
    frozen dataclass's ``__init__`` (one per mention and pass: its nine ``object.__setattr__``
    calls cost twice the rest of :func:`without`).  The record is the same."""
    ctx = object.__new__(Context)
    ctx.__dict__.update(countries=countries, admin1=admin1, size=size, own_country=own_country,
                        own_admin1=own_admin1, own_weight=own_weight, towns_see=towns_see, own_town=own_town,
                        spill=spill)
    return ctx


def about(ctx: Context, country: str, admin1: str | None) -> bool:
    """Whether the article names a town's admin-1 region and is mostly about its country.

    A story about Ohio that says "Lebanon police" means Lebanon, Ohio; a story of many countries
    that names Alabama among US states and then Egypt among countries means the country.
    """
    return ctx.admin1.get(admin1, 0) > 0 and mostly(ctx, country)


def mostly(ctx: Context, country: str) -> bool:
    """Whether the article is mostly about a country (its votes, less a country's own name's
    weight in its own article, hold :data:`COUNTRY_MAJORITY` of the others)."""
    own = ctx.own_weight if ctx.own_country == country else 0.0
    total = max(ctx.size - (ctx.own_weight if ctx.own_country else 0.0), 1.0)
    return (ctx.countries.get(country, 0) - own) >= COUNTRY_MAJORITY * total


def support(ctx: Context, country: str, own: float = 0.0) -> float:
    """The votes the article gives ``country`` and, at :data:`NEIGHBOUR_SHARE`, the countries
    bordering it, less ``own`` (the vote of the mention asking, which lies in ``country``)."""
    if not country:
        return 0.0
    near = sum(ctx.countries.get(n, 0) for n in neighbours().get(country, ()))
    return ctx.countries.get(country, 0) - own + NEIGHBOUR_SHARE * near
