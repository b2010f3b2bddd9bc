"""US post-office places (``data/us_places.csv``): the evidence their names need.

The ZIP-code place names fill the gaps of cities500 in the US (towns and communities
under 500 people), but many of them are also surnames and words ("Moose", "House",
"Rhodes") that the recogniser would otherwise take for places in any US story.  A name read
as such a place (whatever else the name may mean: "Rhodes" in a US story is a surname
more often than Rhodes, Iowa) is therefore taken as a place in running text only with
place evidence: a locative word before it ("in Harwinton"), or its own state
right after it ("Tennessee Colony, Texas", "Eli, Neb.").  Names given as places (gold
spans, ``mapper geoparse --resolve-only``) need none.
"""
from __future__ import annotations

from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.spans import LOCATIVES, Span

CITY = KINDS.index("city")


def is_postal(gaz: Gazetteer, entry: int) -> bool:
    """Whether an entry is a US post-office place (no GeoNames id, no population)."""
    return gaz.kind[entry] == CITY and gaz.geonameid[entry] is None and gaz.country[entry] == "US"


def unattested(spans: list[Span], gaz: Gazetteer, text: str, groups: dict[tuple[str, bool], list[int]],
               chosen: dict[tuple[str, bool], tuple[int, float]]) -> list[tuple[str, bool]]:
    """Groups resolved to a post-office place, none of whose mentions has place evidence."""
    out = []
    for g, (entry, _) in chosen.items():
        if not is_postal(gaz, entry):
            continue
        if not any(_attested(spans, i, gaz, text, entry) for i in groups[g]):
            out.append(g)
    return out


def _attested(spans: list[Span], i: int, gaz: Gazetteer, text: str, entry: int) -> bool:
    span = spans[i]
    if span.prev_word in LOCATIVES:
        return True
    state = gaz.admin1_entry.get(gaz.admin1[entry] or "")
    if i + 1 >= len(spans) or state is None or text[span.end:span.end + 2] != ", ":
        return False
    after = spans[i + 1]
    return after.start == span.end + 2 and any(e == state for e, _ in gaz.candidates(after.key))
