"""Deaths and damage that a natural hazard, an accident, disease or hunger causes: no incident.

Humanitarian snapshots and statements tell earthquakes, floods, landslides and cholera beside
the war, in the war's own words: "a 7.0 magnitude earthquake struck near Port Olry", "a
landslide killed two people", "people died of starvation".  A fire is not among them: "a fire
broke out in Dnipro" after a missile strike is the strike's (measured: a wire story lost its
strike on Dnipro when fires counted as hazards).  Those words name no weapon and no armed actor; the
hazard is the cause.  A clause whose event words are all generic ("struck", "hit",
"killed", "damaged") and that names a hazard as their cause (before them, or after "by",
"of", "from", "due to") states no incident, unless it names an armed force or group
("soldiers were killed in Sorata" during the rains stays an attack); a named weapon is never
generic ("a drone strike set off a fire" stays a drone strike).
"""
from __future__ import annotations

import re

from mapper.extract import lexicon as lx
from mapper.extract.triggers import GENERIC_KINDS

_HAZARD = (r"(?:earth)?quakes?|aftershocks?|tremors?|landslides?|mudslides?|floods?|flooding|(?:heavy|torrential)\s+rains?"
           r"|rainfall|downpours?|storms?|cyclones?|typhoons?|hurricanes?|tsunamis?|volcanic\s+eruptions?|droughts?"
           r"|heat\s*waves?|wildfires?|bush\s*fires?|forest\s+fires?|avalanches?|lightning|cholera|dengue|measles|mpox"
           r"|malaria|epidemics?|starvation|malnutrition|famine|hunger|accidents?|shipwrecks?|capsized|drown(?:ed|ing)"
           # a crash told as a noun: "killed in a helicopter crash" (not "crashed": a drone crashes into its target)
           r"|crash(?:es)?"
           # a named storm ("Typhoon Yagi", "Cyclone Freddy"); not a Storm Shadow missile
           r"|(?-i:(?:Typhoon|Cyclone|Hurricane|Tropical\s+Storm|Storm)\s+(?!Shadow)[A-Z][a-z]+)")
# lower case, so that the aircraft and missiles named after weather are not weather ("RAF Typhoons",
# "F-35 Lightning", "Storm Shadow"), but any case as a clause's first word ("Floods killed ...")
_WORDS = lx.Prefiltered(re.compile(rf"\b(?=\w)(?:{_HAZARD})\b"))
_OPENING = re.compile(rf"(?:{_HAZARD})\b", re.IGNORECASE)
#: the words that make what follows them the cause of what came before
_CAUSE_WORDS = r"by|of|from|due\s+to|caused\s+by|as\s+a\s+result\s+of"
# the hazard told after the event words as their cause or their time ("killed by a landslide", "died of cholera",
# "died ... following widespread floods")
_CAUSE_AFTER = lx.Prefiltered(re.compile(rf",?\s+(?:{_CAUSE_WORDS}|in|after|during|following)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?"
                                         rf"(?:{_HAZARD})\b"))
# the hazard told as what did it ("killed in a helicopter crash", "died of cholera", "killed by a landslide"), not
# as the time it happened in ("killed in Sorata during heavy rains"): the deaths are the hazard's, whoever died
_CAUSED_BY = re.compile(rf",?\s+(?:{_CAUSE_WORDS}|in\s+an?)\s+(?:[\w-]+\s+){{0,2}}?(?:{_HAZARD})\b")


def natural_cause(text: str, found: list[tuple[str, int, int]]) -> bool:
    """Whether a clause's asserted event words ``found`` (kind, start, end) tell what a
    natural hazard, an accident, disease or hunger did, not an attack."""
    if not found or any(k not in GENERIC_KINDS for k, _, _ in found):
        return False
    first = min(s for _, s, _ in found)
    # told before the event words (the subject, or the opening: "A landslide in Sorata ... killed"), or
    # anywhere after the first; looked for before the armed forces (both tests are pure: the same
    # answer), since most clauses name no hazard and the two patterns of forces cost more
    if any(_CAUSED_BY.match(text, e) for _, _, e in found):  # right after an event word: what did it
        return True
    hazard = bool(_WORDS.search(text, 0, first) or _OPENING.match(text)) \
        or _CAUSE_AFTER.search(text, min(e for _, _, e in found)) is not None
    return hazard and not (lx.ARMED_FORCES.search(text) or lx.ON_FOOT.search(text))


#: a clause that opens by pointing back to what the sentence before it named: "It has struck Sittwe
#: especially hard" after "Cyclone Mocha has been one of the strongest ever to hit Myanmar"
_BACK = re.compile(r"\W*(?:it|they|this|the\s+(?:storm|cyclone|typhoon|hurricane|quake|earthquake|floods?|flooding"
                   r"|landslide|rains?|tremor|tsunami))\b", re.IGNORECASE)


def hazard_pronoun(text: str, found: list[tuple[str, int, int]]) -> bool:
    """Whether a clause whose event words ``found`` are all generic opens with a word that points back
    ("It", "The storm"): after a clause that told a hazard, what it struck is the hazard's."""
    return bool(found) and all(k in GENERIC_KINDS for k, _, _ in found) and _BACK.match(text) is not None
