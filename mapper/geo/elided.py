"""Names that share their last words with the next name: "Central and South America".

A writer who names two places that differ only in a compass word says the shared part once:
"Central and South America", "North and South Korea", "East and West Africa", "North,
Central and South America".  The first name is then a bare compass word ("Central"), which
read alone is a region of its own somewhere (Central Province, Papua New Guinea; the North
Region of Cameroon).  It means the compass word with the rest of the name after it.
"""
from __future__ import annotations

import dataclasses
import re

from mapper.geo.gazetteer import Gazetteer
from mapper.geo.names import key
from mapper.geo.spans import Span

#: a compass word that may stand for "<word> <the rest of the next name>"
_WORD = re.compile(r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western"
                   r"|North[- ]?(?:east|west)(?:ern)?|South[- ]?(?:east|west)(?:ern)?)")
#: every bare compass word :data:`_WORD` matches (a set look-up per span for the usual case)
_BARE = frozenset(
    [f"{a}{sep}{b}{end}" for a in ("North", "South") for sep in ("", "-", " ") for b in ("east", "west")
     for end in ("", "ern")] + ["North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern",
                                "Western"])
#: the first words such a name may start with (a set look-up before any pattern)
_FIRST = frozenset(w + e for w in ("North", "South") for e in ("", "east", "west", "eastern", "western", "-east",
                                                                 "-west", "-eastern", "-western")) | frozenset(
    {"East", "West", "Central", "Northern", "Southern", "Eastern", "Western"})
#: the same word at the start of the next name, and the rest of it
_HEAD = re.compile(_WORD.pattern + r" (?P<rest>\S.*)")
#: what joins the names: "Central and South America", "North, Central and South America"
_JOINS = frozenset({" and ", " or ", " & ", ", ", ", and ", ", or "})


def elided(spans: list[Span], text: str, gaz: Gazetteer) -> list[Span]:
    """The spans, with a bare compass word followed by a name that starts with another one
    read as that word and the rest of the next name, where the gazetteer knows the result
    ("Central" in "Central and South America" is Central America)."""
    if not any(span.name in _BARE for span in spans):
        return spans  # the usual case: no bare compass word, nothing to read
    out = list(spans)
    rest = ""  # the shared part carried from the name after (right to left)
    for i in range(len(out) - 1, -1, -1):
        span = out[i]
        nxt = out[i + 1] if i + 1 < len(out) else None
        joined = nxt is not None and text[span.end:nxt.start] in _JOINS
        first = span.name.split(" ", 1)[0]
        if span.demonym or first not in _FIRST or not _WORD.fullmatch(span.name):
            head = _HEAD.fullmatch(span.name) if first in _FIRST and not span.demonym else None
            rest = head.group("rest") if head else ""
            continue
        if not (joined and rest):
            rest = ""
            continue
        whole = key(f"{span.name} {rest}")
        if gaz.candidates(whole):
            out[i] = dataclasses.replace(span, key=whole)
        else:
            rest = ""
    return out
