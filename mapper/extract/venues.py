"""Where talks take place: the venue of a meeting the clause tells.

A place is the venue when it follows the meeting word closely ("talks with the US in Istanbul",
past a name in apposition: "met the Foreign Minister, Amir Khan Muttaqi, in Kabul"), names the
meeting ("the Geneva talks"), or opens the clause before its subject ("In Riyadh, and then Cairo,
I met ..."); not when it is what the talks are about ("a meeting on the situation in Gaza") nor a
place named before them ("Putin, who stayed in Moscow, was briefed on the talks").
:func:`mapper.extract.events.link_clause` asks this of every place of a diplomatic clause.
"""
from __future__ import annotations

import bisect
import re

from mapper.extract.roles import MEETS_AFTER, VENUE_NOUN, went_to_meet
from mapper.extract.triggers import Triggers

__all__ = ["venue"]


def venue(trig: Triggers, text: str, start: int, end: int) -> bool:
    """Whether a place is where talks happen: just after the talks ("talks with the US in
    Istanbul") or naming them ("the Geneva talks"); not a place named before them ("Putin,
    who stayed in Moscow, was briefed on the talks")."""
    if VENUE_NOUN.match(text, end):
        return True
    fronted = _FRONTED_VENUE.match(text)
    if fronted is not None and start < fronted.end("where") and any(a >= fronted.end() for a in trig.talk_ends):
        return True  # "In Riyadh, and then Cairo, I met individually with ...": where the subject met
    if _TOPIC.search(text, max(0, start - 40), start):
        return False  # "a Security Council meeting on the situation in Gaza": what the talks are about
    if went_to_meet(text, start, end):
        return True  # "ministers gathered in Brussels for a meeting", "visited Kyiv, where she met": where they were
    if _IN_BEFORE.search(text, max(0, start - 6), start) and MEETS_AFTER.match(text, end):
        return True  # "the Ukrainian delegation in Istanbul met with ...": where the people who meet are
    i = bisect.bisect_right(trig.talk_ends, start) - 1
    # a name in apposition does not put the venue further away ("met the Foreign Minister,
    # Amir Khan Muttaqi, in Kabul")
    return i >= 0 and len(_APPOSITION.sub("", text[trig.talk_ends[i]:start])) <= _VENUE_REACH


_VENUE_REACH = 60
_IN_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")
#: a clause opening with where its subject was ("In Riyadh, and then Cairo, I met ...", "While in Addis, the envoy
#: held talks ..."): the places of that phrase, before the subject
_FRONTED_VENUE = re.compile(r"\W*(?:(?:later|then|there|earlier|also|and)\s*,?\s+"
                            # after a phrase of time or setting: "On Wednesday in Kyiv, ...", "Off the
                            # battlefield, in Kyiv, ..."
                            r"|(?:on|off|away\s+from|later|earlier)\s+[^,.;:!?]{1,30}?,?\s+"
                            # or a day told by a word: "Today in Kinshasa, Fletcher held talks with ..."
                            r"|(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening|week)|last\s+(?:night|week))"
                            r",?\s+)?(?:in|at|while\s+in)\s+"
                            r"(?P<where>[^.;:!?]{1,60}?),\s+(?-i:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|the\s+[A-Za-z]+|[A-Z][a-z]+)\s", re.IGNORECASE)
_APPOSITION = re.compile(r",\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}\s*,")
#: a place after a subject matter is the topic of talks, not their venue
_TOPIC = re.compile(r"\b(?=\w)(?:situation|crisis|conflict|war|violence|escalation|developments|question|issue|hostilities"
                    r"|fighting|security)\s+(?:in|on|of)\s+(?:the\s+)?$", re.IGNORECASE)
