"""Far namesakes read under another place's name: readings the article gives no support.

GeoNames files many towns under alternate names in other languages and scripts, so a
name the gazetteer lacks often matches one town the world over by an alternate name
only: "Komo" (a district of Papua New Guinea) is an alternate name of Como in Italy, and
"Hela" (a PNG province too new for the admin-1 tables) one of Hel in Poland.  Such a match
is the name's lone reading, or outranks the rest on population, and no rule that ranks
readings against each other can drop it.  What it lacks is support: the rest of the
article names no place in its country nor in a country bordering it, while the towns and
regions it does name all lie far away, or the name carries a region word ("Hela Province")
that a town does not answer at all.  :func:`mapper.geo.resolve.resolve_spans` treats such a group as it treats an
obscure village in a country the story never points to: after a locative ("in Komo") in a
story with a focus region it is placed there, else it is left unresolved, to the fallbacks of
names the gazetteer lacks.

A small town read by its own main name is held to the same terms when the story names
at least three finer places elsewhere (:data:`MAIN_NAME_VOTES`): "Mile 3 Nkwen" in a
Cameroonian report is no Mīlē in Ethiopia, while a statement on several wars that names one
town in each keeps them all.  A town of its own main name and 100,000 people or more ("Pokrovsk region", an Arabic
main name up to its diacritics), of words of it ("Ramstein" for Ramstein-Miesenbach) or of the
hand-kept alias table, and a name well known as a place
(:func:`mapper.geo.candidates.name_strength`: "Kiev", "Bombay") are never such namesakes; a large town (its alternate names are often exonyms: "Hodeidah")
is one only when the article's other finer places all lie far from it and the name is listed
with one of them ("between Boni and Torodi" in Niger is no Bonn).
"""
from __future__ import annotations

import re
from collections import Counter

from mapper.geo import context
from mapper.geo.candidates import (CITY, COUNTRY, REGION, STRONG_POPULATION, is_county, is_district, name_strength,
                                   word_slot)
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.names import key
from mapper.geo.pick import spelled_as
from mapper.geo.qualify import km
from mapper.geo.spans import Span

#: read unsupported alternate-name towns as names the gazetteer lacks (False: keep them)
FAR_ALTERNATE = True
#: read unsupported alternate-name towns of :data:`~mapper.geo.candidates.STRONG_POPULATION` people
#: or more as names the gazetteer lacks when the article's finer places all lie far away and the
#: name is listed with one of them (False: only smaller towns)
LARGE_TOWNS = True
#: read towns of under :data:`~mapper.geo.candidates.STRONG_POPULATION` people matched by their main
#: name as names the gazetteer lacks on the same terms ("Mile 3 Nkwen" in Cameroon is no Mīlē in
#: Ethiopia; "Maia and Rina had been murdered" in Israel names no town in Portugal)
SMALL_MAIN_NAMES = True
#: the votes of finer places elsewhere a town of its main name needs against it: three, so that a
#: statement on several wars naming one town in each keeps them all
MAIN_NAME_VOTES = 3.0
#: the votes of the article's finer places (towns, regions, districts: not countries, whose
#: names in war news are often the attackers') that must all lie this far from a bare name's
#: namesake before it is dropped: "Deir al-Balah and Ain al-Arab" may be struck the same day
FINER_VOTES, FAR_KM = 1.0, 2_000.0


def unsupported(spans: list[Span], gaz: Gazetteer, groups: dict[tuple[str, str], list[int]],
                chosen: dict[tuple[str, str], tuple[int, float]], full: context.Context,
                text: str = "") -> list[tuple[str, str]]:
    """The groups whose chosen reading is a town matched only by an alternate name, of a
    name little known as a place, in a country that neither the rest of the article nor its
    neighbours' places support, while the article's other finer places all lie :data:`FAR_KM`
    away (and, for a town of 100,000 people or more, :data:`~mapper.geo.candidates.STRONG_POPULATION`,
    the name is listed with one of them), or a region word follows the name of a smaller town
    ("Hela Province" is no town).

    Parameters
    ----------
    spans : list of Span
    gaz : Gazetteer
    groups : dict
        The mentions of each group (name key, region-word slot).
    chosen : dict
        Each group's entry and score.
    full : Context
        The votes of every chosen entry and the article's demonyms (:func:`mapper.geo.context.votes`).
    text : str
        The text the spans index into (to tell a name listed with another: "Boni and Torodi").

    Returns
    -------
    list of tuple
        The keys of the groups to read as names the gazetteer lacks, in ``chosen``'s order.
    """
    if not FAR_ALTERNATE:
        return []
    # a town's own votes are those of every group that reads it ("Hela Province" and "Hela")
    readings = Counter(entry for entry, _ in chosen.values())
    # suspects, and those of them read by their own main name: a town of its main name is on firmer
    # ground (a story of one war elsewhere, not a statement on several wars naming one town in each:
    # "attacks near Djibo ... raided Monguno"), so it needs more places elsewhere against it
    suspects: list[tuple[str, str]] = []
    main: set[tuple[str, str]] = set()
    for g, (entry, _) in chosen.items():
        if gaz.kind[entry] != CITY or not (gaz.population[entry] < STRONG_POPULATION or LARGE_TOWNS):
            continue
        alternate = _alternate_only(gaz, entry, g[0])
        if not (alternate or SMALL_MAIN_NAMES and gaz.population[entry] < STRONG_POPULATION):
            continue
        if context.support(full, gaz.country[entry], readings[entry] * context.weight(gaz, entry)) <= 0 \
                and name_strength(gaz, gaz.candidates(g[0]), g[0]) == 0:
            suspects.append(g)
            if not alternate:
                main.add(g)
    # a suspect is no place to be near: "Komo" (Como) and "Hela" (Hel) lie 1,000 km apart
    rest = {entry for g, (entry, _) in chosen.items() if g not in suspects}

    def far(g: tuple[str, str]) -> bool:
        entry = chosen[g][0]
        if g in main:
            return _far_from_the_rest(gaz, entry, rest, MAIN_NAME_VOTES)
        if gaz.population[entry] < STRONG_POPULATION:
            return word_slot(spans[groups[g][0]]).startswith("region") or _far_from_the_rest(gaz, entry, rest)
        return LARGE_TOWNS and _far_from_the_rest(gaz, entry, rest) \
            and _listed_with_far(spans, gaz, groups, chosen, g, text)

    return [g for g in suspects if far(g)]


def _listed_with_far(spans: list[Span], gaz: Gazetteer, groups: dict[tuple[str, str], list[int]],
                     chosen: dict[tuple[str, str], tuple[int, float]], group: tuple[str, str], text: str) -> bool:
    """Whether a mention of ``group`` is listed with ("Boni and Torodi", "between Boni and Torodi")
    a name whose reading lies :data:`FAR_KM` from the group's: places listed together lie together."""
    entry = chosen[group][0]
    group_of = {i: g for g, members in groups.items() for i in members}
    for i in groups[group]:
        for a, b in ((i - 1, i), (i, i + 1)):
            other = group_of.get(b if a == i else a)
            if other is None or other == group or other not in chosen or not 0 <= a < b < len(spans):
                continue
            far = chosen[other][0]
            if _LISTED.fullmatch(text, spans[a].end, spans[b].start) \
                    and km(gaz.lat[entry], gaz.lon[entry], gaz.lat[far], gaz.lon[far]) > FAR_KM:
                return True
    return False


_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*)")


def _far_from_the_rest(gaz: Gazetteer, entry: int, rest: set[int], needed: float = FINER_VOTES) -> bool:
    """Whether the article names finer places elsewhere (``needed`` votes of them), all of them
    more than :data:`FAR_KM` from ``entry`` (``rest``: the readings of its names)."""
    votes = 0.0
    for other in rest - {entry}:
        if gaz.kind[other] in (COUNTRY, REGION) and not is_district(gaz, other) and not is_county(gaz, other):
            continue  # a country, a sea, a world region: no point to measure from
        if km(gaz.lat[entry], gaz.lon[entry], gaz.lat[other], gaz.lon[other]) <= FAR_KM:
            return False
        votes += context.weight(gaz, other)
    return votes >= needed


def _alternate_only(gaz: Gazetteer, entry: int, k: str) -> bool:
    """Whether a name key matches a town only as one of its alternate names: not its main name
    up to diacritics and a final letter, nor the alias table's choice, nor the words of its
    main name it is known by ("Ramstein" for Ramstein-Miesenbach)."""
    if gaz.aliases.get(k) == entry or spelled_as(gaz, entry, k) or f" {k} " in f" {key(gaz.names[entry])} ":
        return False
    return not any(main for e, main in gaz.candidates(k) if e == entry)
