"""One sense per discourse: the best reading of a group of same-name mentions.

Each mention scores every candidate with the article's context (:mod:`mapper.geo.context`),
plus what lies around it: its enumeration's fellow names, its neighbours' points, the
admin-1 regions of its sentence, "X, Y" patterns and the country named just before it.
The group's scores are summed, so "Aurora, Illinois" once decides every "Aurora"; then
readings a name has only as a namesake of a better-known place are dropped.
"""
from __future__ import annotations

from mapper.geo import lists, nearby
from mapper.geo.candidates import ADMIN1, CITY, COUNTRY, REGION, candidates, word_slot, world_namesakes
from mapper.geo.context import TOWN_REGION_VOTE, Context, about, base_scores, mostly
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.names import key
from mapper.geo.spans import Span

#: a town or county in an admin-1 region named in the same sentence
SENTENCE_REGION = 1.0
#: "X, Y": Y is the candidate's country / admin-1 region
NEAR_COUNTRY, NEAR_ADMIN1 = 3.0, 3.0
#: a bare name over the same-name region its city lies in, per mention
SHADOWED = 1.5
#: ... unless its sentence names this many other admin-1 regions of the country (0: never)
REGION_PEERS = 2
#: a name in an enumeration: times the share of its fellow names of the candidate's kind /
#: of its country ("Alberta, Manitoba, Ontario and New Brunswick": the provinces)
LIST_KIND, LIST_COUNTRY = 4.5, 1.5
#: per mention, a place in the country named last before it (nearby.last_country)
LAST_COUNTRY = 2.0
ALIAS_TOWN = True
SEA_OVER_PROVINCE = True
#: a town of this many people or more is a world city: its namesakes elsewhere need their region named
WORLD_CITY_POP = 1_000_000
#: ... and a namesake is small beside it under a tenth of its people (London, Ontario beside London;
#: not Tripoli, Lebanon beside Tripoli, Libya)
WORLD_CITY_RATIO = 10
#: the names of an enumeration are distinct places (a reading a fellow name took is dropped)
LIST_DISTINCT = True


def pick(gaz: Gazetteer, group: list[int], spans: list[Span], ctx: Context,
         near: dict[int, set[str]], around: tuple[list[tuple[float, float]], frozenset[str]] | None = None,
         together: dict[int, float] | None = None, peers: lists.Fellows | None = None,
         lead: dict[str, int] | None = None) -> tuple[int, float]:
    """The best entry for a group of same-name mentions and its score per mention.

    Parameters
    ----------
    gaz : Gazetteer
    group : list of int
        Indices into ``spans`` of the mentions sharing one name (and region word).
    spans : list of Span
    ctx : Context
        The article's votes, without the group's own.
    near : dict
        Per mention, the countries and admin-1 regions an "X, Y" pattern states of it.
    around : tuple, optional
        The points of the names around the group and the admin-1 regions of its sentences.
    together : dict, optional
        Per entry, the bonus for lying with the article's counties and towns.
    peers : lists.Fellows, optional
        The kinds and countries of the group's fellow names in an enumeration.
    lead : dict, optional
        Per country, the mentions that follow a naming of it (:func:`nearby.last_country`).

    Returns
    -------
    tuple of (int, float)
        The entry (ties: the lowest) and its summed score divided by the group's size.
    """
    cands, shadowed = candidates(gaz, spans[group[0]])
    base = base_scores(cands, ctx)
    if len(cands) == 1:
        # one reading: nothing ranks it against another, and no namesake rule can drop it
        entry = base[0][0]
        return entry, _sum(group, base, near)[entry] / len(group)
    if peers:
        kinds, countries, n = peers.kinds, peers.countries, peers.n
        base = [(entry, score + (LIST_KIND * kinds[lists.kind_class(gaz, entry)]
                                 + LIST_COUNTRY * countries[country]) / n, country, admin1)
                for entry, score, country, admin1 in base]
        if LIST_DISTINCT and peers.taken and any(entry not in peers.taken for entry, *_ in base):
            # an enumeration names each place once: "New York" after "New York City" in one list
            base = [b for b in base if b[0] not in peers.taken]
    points, regions = around or ((), ())
    if points or together or (regions and SENTENCE_REGION):
        base = _surroundings(gaz, base, points, together, regions if SENTENCE_REGION else ())
    totals = _sum(group, base, near)
    if lead and LAST_COUNTRY and len(totals) > 1:
        # "cases in the South American country of Chile ... the Institute of Public Health in
        # Santiago": a name lies in the country the story was talking about just before it
        for e in totals:
            totals[e] += LAST_COUNTRY * lead.get(gaz.country[e], 0)
    # "X, Y": what Y says of X's country and region
    stated = set().union(*(near.get(i, ()) for i in group)) if near else set()
    drop_namesakes(gaz, totals, spans[group[0]], stated, regions, ctx)
    if shadowed and not spans[group[0]].region_word:
        _shadow(gaz, totals, shadowed, spans[group[0]].key, regions, len(group))
    top = max(totals.values())
    best = min(e for e, total in totals.items() if total == top)  # ties: the lowest entry
    return best, totals[best] / len(group)


def _surroundings(gaz: Gazetteer, base: list[tuple[int, float, str, str]], points: list[tuple[float, float]],
                  together: dict[int, float] | None, regions: frozenset[str] | tuple
                  ) -> list[tuple[int, float, str, str]]:
    """``base`` with the bonuses of what lies around the group, added in one pass in this order:
    proximity to the towns named beside it, lying with the article's counties and towns, and
    an admin-1 region of its sentences."""
    out = []
    for entry, score, country, admin1 in base:
        if points:
            score = score + nearby.proximity(gaz, entry, points)
        if together:
            score = score + together.get(entry, 0.0)
        if regions:
            score = score + (SENTENCE_REGION if admin1 in regions else 0.0)
        out.append((entry, score, country, admin1))
    return out


def _sum(group: list[int], base: list[tuple[int, float, str, str]],
         near: dict[int, set[str]]) -> dict[int, float]:
    """Each entry's score summed over the group's mentions, with what "X, Y" states of each."""
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
    elif len(group) == 1:
        for entry, score, _, _ in base:
            totals[entry] = 0.0 + score  # as the sum below adds it to 0.0
    else:  # the usual case: every mention scores the same; sum in the same order all the same
        for entry, score, _, _ in base:
            total = 0.0
            for _ in group:
                total += score
            totals[entry] = total
    return totals


def drop_namesakes(gaz: Gazetteer, totals: dict[int, float], span: Span, stated: set[str],
                   regions: frozenset[str], ctx: Context) -> None:
    """Drop from ``totals`` the readings a name has only as a namesake of a better-known place:
    hamlets named after a world region or sea, a province named after a sea, towns named after
    a country.  ``stated``: what "X, Y" says of X; ``regions``: the admin-1 regions of its sentence."""
    hamlets = world_namesakes(gaz, span)
    if hamlets and len(hamlets) < len(totals):
        # only its state qualifies the hamlet ("Middle East, Md."; not "the Middle East, US officials said")
        for e in hamlets:
            if gaz.admin1[e] not in stated:
                del totals[e]
    sea, country = _kinds(gaz, span)  # whether any reading at all is one (``totals`` holds fewer)
    if sea and SEA_OVER_PROVINCE and not span.region_word and \
            any(gaz.kind[e] == REGION and not gaz.country[e] for e in totals):
        # a bare "Red Sea" is the sea, not Egypt's or Sudan's province named after it, which the
        # story's Egyptian votes would favour (a sea has no country to share them): the province
        # needs its region word ("Red Sea State") or its country after it ("Red Sea, Sudan")
        for e in [e for e in totals if gaz.kind[e] == ADMIN1 and gaz.country[e] not in stated]:
            del totals[e]
    if country and any(gaz.kind[e] == COUNTRY for e in totals):
        # a country's name is the country, not a town named after it, unless the article names
        # the town's region ("Jordan, Minnesota"; "Lebanon police said" in a story naming Ohio):
        # "U.S. troops in Jordan" is the kingdom, though the article's one country is the US
        for e in [e for e in totals if gaz.kind[e] == CITY]:
            if ALIAS_TOWN and not _own_name(gaz, e, span.key):
                del totals[e]  # "Egypt" is an old name of Uhrichsville, Ohio: never the town
            elif gaz.admin1[e] not in stated and gaz.admin1[e] not in regions and \
                    not about(ctx, gaz.country[e], gaz.admin1[e]):
                del totals[e]

    world = {gaz.country[e]: gaz.population[e] for e in totals
             if gaz.kind[e] == CITY and gaz.population[e] >= WORLD_CITY_POP and _own_name(gaz, e, span.key)}
    if world:
        # a world city's name is that city, not a small town named after it in another country,
        # unless the article names the town's region, or is mostly about the town's country and names
        # a place inside it (local news): "European leaders met in Paris" in a story about a US-Russia
        # meeting is not Paris, Texas; "Paris, Tenn." and Paris beside Murray and Puryear keep it
        biggest = max(world.values())
        for e in [e for e in totals if gaz.kind[e] == CITY and gaz.population[e] * WORLD_CITY_RATIO < biggest
                  and gaz.country[e] not in world]:
            if gaz.admin1[e] not in stated and gaz.admin1[e] not in regions and \
                    not (mostly(ctx, gaz.country[e]) and _names_inside(ctx, gaz.country[e])):
                del totals[e]


def _names_inside(ctx: Context, country: str) -> bool:
    """Whether the article names a town or region inside a country (not only the country, as
    "US officials" and "the United States" name an actor in a story of abroad)."""
    town = ctx.towns_see is not None
    seen = ctx.towns_see if town else ctx.admin1
    own = ctx.own_weight * TOWN_REGION_VOTE if town and ctx.own_town else ctx.own_weight
    prefix = country + "."
    return any(v - (own if k == ctx.own_admin1 else 0.0) > 1e-9 for k, v in seen.items() if k.startswith(prefix))


def _kinds(gaz: Gazetteer, span: Span) -> tuple[bool, bool]:
    """Whether a name's readings include a region of no country (a sea, a world region) and a
    country, memoised per name and region word as its candidates are."""
    memo = gaz.memo("pick.kinds")
    slot = (span.key, word_slot(span))
    found = memo.get(slot)
    if found is None:
        kinds = {(gaz.kind[e], bool(gaz.country[e])) for e, *_ in candidates(gaz, span)[0]}
        found = memo[slot] = ((REGION, False) in kinds, (COUNTRY, True) in kinds or (COUNTRY, False) in kinds)
    return found


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
                    and gaz.country[c] == gaz.country[e] and spelled_as(gaz, c, name_key)),
                   default=None)
        totals[e] -= SHADOWED * mentions
        if seat is not None:
            totals[e] = min(totals[e], seat - SHADOWED * mentions)


def _own_name(gaz: Gazetteer, entry: int, k: str) -> bool:
    """:func:`spelled_as`, memoised per process (it normalises the entry's name)."""
    memo = gaz.memo("own_name")
    found = memo.get((entry, k))
    if found is None:
        found = memo[(entry, k)] = spelled_as(gaz, entry, k)
    return found


def spelled_as(gaz: Gazetteer, entry: int, k: str) -> bool:
    """Whether a name key is the entry's own main name up to diacritics and a final letter
    ("hama" for "Ḩamāh"), not another name it carries ("oklahoma" for Oklahoma City)."""
    own = key(gaz.names[entry])
    return own.startswith(k) and len(own) - len(k) <= 1
