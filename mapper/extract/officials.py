"""Places named in an official's title: whose words follow, and where their event lies.

"Serhiy Lysak, the governor of the Dnipropetrovsk region, said ...", "Kharkiv Mayor Ihor
Terekhov said ...", "Belgorod's governor reported ...": the place in the title says who speaks.
Where the words name a scene of their own ("... drones struck Shebekino"), the event is there
and the title's place is no scene; where they name none ("... said Russian forces killed three
people"), the event lies in the official's jurisdiction, the place of the title (a governor's
region is placed at the place the title names; annotation.md places region-level incidents at
the regional capital).
"""
from __future__ import annotations

import re

from mapper.model import Resolved

__all__ = ["kin_titles", "title_places"]

#: "the governor of (the) X", "the regional governor of X", "the head of the X"
_BEFORE = re.compile(r"\b(?=\w)(?:governor|mayor|head|chief)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
#: "X Governor Oleh ...", "X's governor", "Kharkiv region governor", "the X regional military administration"
_AFTER = re.compile(r"(?:['’]s)?\s+(?:(?:regional|region(?:['’]s)?|city|oblast|provincial|province|district|military|state)\s+)*"
                    r"(?:governor|mayor|administration)\b", re.IGNORECASE)


def title_places(text: str, places: list[tuple[int, int, Resolved]]) -> set[int]:
    """The starts of the ``places`` (offsets into ``text``) that an official's title names."""
    return {s for s, e, r in places
            if r.place is not None and r.place.kind in ("city", "admin1", "region")
            and (_BEFORE.search(text, max(0, s - 40), s) or _AFTER.match(text, e))}


#: a relative of an official: "the daughter of the deputy mayor of Magadan" (the place says who the
#: official is, not who speaks, nor where the relative was)
_KIN_OF = re.compile(r"\b(?=\w)(?:daughters?|sons?|wife|wives|husbands?|widows?|mothers?|fathers?|brothers?|sisters?|children"
                     r"|child|relatives?|nephews?|nieces?|grand(?:son|daughter|child)(?:ren|s)?|family|cousins?)\s+of\s+"
                     r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def kin_titles(text: str, titled: set[int]) -> set[int]:
    """The starts in ``titled`` whose official is named as someone's relative."""
    kin = set()
    for start in titled:
        title = _BEFORE.search(text, max(0, start - 40), start)  # "the deputy mayor of X": before the title
        end = title.start() if title else start  # "X's mayor": before the place
        if _KIN_OF.search(text, max(0, end - 80), end):
            kin.add(start)
    return kin
