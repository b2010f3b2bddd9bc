"""Who attacks decides how, when a clause's event words name no weapon.

Armed groups and ground troops fight on the ground ("Insurgents struck again the next day",
"gunmen from ISWAP launched a pre-dawn attack" in a story whose jets struck back); a state
named as the author of an attack word itself strikes from afar ("a Russian attack on
Kharkiv").  :func:`mapper.extract.events.link_clause` asks these questions.
"""
from __future__ import annotations

import re

from mapper.extract import lexicon as lx

#: the type of a state's attack across a border when the text names no weapon (the default of "strike")
STAND_OFF = "missile_strike"

#: armed groups without artillery or aircraft as the subject just before the event word ("Insurgents
#: struck again"); a state's troops "struck facilities" with whatever it fires
_ON_FOOT_SUBJECT = re.compile(rf"\b(?=\w)(?:{lx.ARMED_GROUP_WORDS}|assailants|attackers"
                              # "unidentified armed men attacked a bus", "armed elements ambushed"
                              r"|armed\s+(?:men|individuals|elements|persons|assailants))\s+(?:have\s+|had\s+|also\s+|then\s+)?\Z",
                              re.IGNORECASE)
# "the militants' camp was attacked": the group named before the event word is what was hit
_PASSIVE = re.compile(r"\b(?=\w)(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\Z", re.IGNORECASE)


def on_foot_subject(text: str, first: int, kind: str) -> bool:
    """Whether the people named before a clause's first event word (at ``first``) attack on the
    ground: armed groups just before it ("Insurgents struck"), or, where the clause's generic
    words would take an air strike (``kind``) the article names elsewhere, any armed group or
    ground troop before them that is not the object of a passive ("the militants' camp was
    attacked").  No armed group or ground troop attacks from the air."""
    if _ON_FOOT_SUBJECT.search(text, 0, first):
        return True
    return kind == "air_strike" and bool(lx.ON_FOOT.search(text, 0, first)) and not _PASSIVE.search(text, 0, first)


def attacking_state(text: str, found: list[tuple[str, int, int]], demonyms: dict[str, str]) -> str | None:
    """The country (ISO2) of a state named as the author of an attack word itself ("a Russian
    attack", "Russia's overnight attacks", "Israeli attacks"), or None.  Across a border, an
    attack of a state that the text calls neither fighting nor by its weapon is a strike from
    afar (missiles, drones, aircraft, artillery), not a battle; a state's people ("Israeli
    settlers who perpetrate such attacks") or its ground forces ("Russian troops attacked")
    are not its strikes, nor is a state that only condemns ("the US condemns the attack")."""
    for kind, start, _ in found:
        if kind != "attack":
            continue
        m = _AUTHOR.search(text, max(0, start - _AUTHOR_REACH), start)
        if m and not (set(m.group(2).lower().split()) & _GROUND_FORCES):
            word = m.group(1)
            iso = lx.ACTOR_COUNTRY.get(word) if word in _STATES else demonyms.get(word.lower())
            if iso:
                return iso
    return None


# up to three lower-case words between the author and the attack word: "Russia's continued and
# heinous attacks"
_AUTHOR = re.compile(r"\b(?=\w)([A-Z][a-z]+)(?:['’]s)?\s+((?:[a-z][\w-]*\s+){0,3})\Z")
_AUTHOR_REACH = 60
_GROUND_FORCES = frozenset({"forces", "troops", "soldiers", "army", "units", "militants", "fighters", "settlers",
                            "gunmen", "militia", "militias", "rebels", "infantry", "police"})
_STATES = frozenset(lx.COUNTRY_ACTORS.values())
