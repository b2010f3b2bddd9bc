"""Lists of places: the names of one enumeration are places of one kind.

"Illnesses occurred in British Columbia, Alberta, Manitoba, Ontario and New Brunswick":
the last two are provinces of Canada like the first three, not Ontario, California or
New Brunswick, New Jersey.  "Arizona, Oregon, Utah, Washington and Wisconsin": the state
of Washington, not the capital.  A writer enumerates things of one kind and, mostly, of
one country; this module finds the enumerations and says, for each name in one, what
kinds and countries its fellow names were resolved to.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from mapper.geo.candidates import ADMIN1, candidates, word_slot
from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.names import key
from mapper.geo.spans import Span

_JOINS = frozenset({", ", " and ", " or ", ", and ", ", or ", " & ",
                    # "China, Japan, and the United Kingdom": an article after the word
                    " and the ", " or the ", ", and the ", ", or the "})
#: commas alone join an address ("Toronto, Ontario, Canada"), not an enumeration
_COMMA = ", "
#: kinds compared as one: a town is a town whether GeoNames has its point or only its region
_CLASS = {k: ("town" if k in ("city", "village") else k) for k in KINDS}


def enumerations(spans: list[Span], live: set[int], text: str) -> dict[int, tuple[int, ...]]:
    """For each live non-demonym span in an enumeration, the other spans of it.

    An enumeration is a run of consecutive spans joined only by ", ", " and ", " or " and
    their combinations (an article may follow the word: ", and the"), with at least one "and"/"or" join: names joined by commas alone
    are an address ("Toronto, Ontario, Canada", "Paris, Texas"), whose names differ in kind.
    """
    out: dict[int, tuple[int, ...]] = {}
    run: list[int] = []
    joined_by_word = False

    def close() -> None:
        if len(run) >= 2 and joined_by_word:
            for i in run:
                out[i] = tuple(j for j in run if j != i)

    for i, span in enumerate(spans):
        ok = i in live and not span.demonym
        gap = text[spans[i - 1].end:span.start] if i else ""
        if ok and run and run[-1] == i - 1 and gap in _JOINS:
            run.append(i)
            joined_by_word = joined_by_word or gap != _COMMA
            continue
        close()
        run, joined_by_word = ([i] if ok else []), False
    close()
    return out


@dataclass(frozen=True)
class Fellows:
    """What the fellow names of a group's mentions in enumerations were resolved to."""

    #: counts of their kind classes and of their countries, and how many they are
    kinds: Counter
    countries: Counter
    n: int
    #: the entries they were resolved to in lists of :data:`DISTINCT_MIN` names or more: a
    #: writer does not name one place twice in a list ("New York City, Long Island, New York
    #: and New Jersey": the third is the state); two names may be one place ("Riverton or
    #: Aparima", "the city of Union and Union County" is a town and its county)
    taken: frozenset[int]


#: the names of an enumeration this long are distinct places
DISTINCT_MIN = 3


def fellows(gaz: Gazetteer, members: list[int], siblings: dict[int, tuple[int, ...]],
            best: dict[int, int], regional: frozenset[int] = frozenset()) -> Fellows | None:
    """What the fellow names of a group's mentions were resolved to (None when no mention
    is in a list).  Fellows of the same name are left out (a name is no evidence for itself).
    In a list of region names (``regional``, :func:`regional`) every fellow counts as a region,
    whatever its reading of the pass before: readings change from pass to pass, the names do not."""
    kinds: Counter = Counter()
    countries: Counter = Counter()
    taken = set()
    n = 0
    for i in members:
        for j in siblings.get(i, ()):
            entry = best.get(j)
            if entry is None or j in members:
                continue
            kinds["admin1" if i in regional else _CLASS[KINDS[gaz.kind[entry]]]] += 1
            if gaz.country[entry]:
                countries[gaz.country[entry]] += 1
            if len(siblings[i]) >= DISTINCT_MIN - 1:
                taken.add(entry)
            n += 1
    return Fellows(kinds, countries, n, frozenset(taken)) if n else None


def kind_class(gaz: Gazetteer, entry: int) -> str:
    """The class of an entry's kind that enumerations share ("town" for city and village)."""
    return _CLASS[KINDS[gaz.kind[entry]]]



def regional(gaz: Gazetteer, spans: list[Span], siblings: dict[int, tuple[int, ...]]) -> frozenset[int]:
    """The spans of enumerations whose every name is the own name of an admin-1 region that is
    not named after a town of it: "cases in Washington, Pennsylvania and California" lists
    states (not Washington, the town of Pennsylvania, then California, the town near it);
    "Kyiv, Kharkiv and Odesa" lists cities (their oblasts are named after them)."""
    out = set()
    for i, fellows in siblings.items():
        if i not in out and all(region_name(gaz, spans[j]) for j in (i, *fellows)):
            out.update((i, *fellows))
    return frozenset(out)


def region_name(gaz: Gazetteer, span: Span) -> bool:
    """Whether a span's name is the own name of an admin-1 region not named after a town of it."""
    memo = gaz.memo("region_name")  # per name and region word, as the candidates are
    slot = (span.key, word_slot(span))
    found = memo.get(slot)
    if found is None:
        cands, shadowed = candidates(gaz, span)
        found = memo[slot] = any(gaz.kind[e] == ADMIN1 and e not in shadowed and key(gaz.names[e]) == span.key
                                 for e, *_ in cands)
    return found


def unlisted(near: dict[int, set[str]], regional: frozenset[int]) -> dict[int, set[str]]:
    """``near`` ("X, Y": what Y says of where X lies) without the pairs inside a list of
    regions: in "Washington, Pennsylvania and California" the second name qualifies nothing."""
    return {i: says for i, says in near.items() if i not in regional}
