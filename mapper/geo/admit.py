"""Whether a proposed span is a place mention at all, before any reading is chosen.

A span is dropped when it follows a personal title, is an organisation's acronym, is part of
a longer name, is an everyday English word with no place evidence, names a speaker ("Jordan
said"), or was seen inside a person's or organisation's name earlier in the text.  Given
(trusted) spans skip these checks: the user says they are places.
"""
from __future__ import annotations

import re

from mapper.geo.candidates import CITY, candidates, name_strength
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.spans import LOCATIVES, TITLES, Span

_SPEECH = re.compile(r"\s+(?:said|says|told|added|explained|wrote|noted|argued|stated|testified|replied|asked"
                     r"|recalled|insisted|declined|scored|pitched|threw|ran|finished)\b")
COMMON_ZIPF = 4.3  # at or above: an everyday English word ("nice", "police", "mobile")
_MIXED_ACRONYM = re.compile(r"[A-Z][a-z][A-Z][a-z]?")
#: the head of an office's or a body's name right before "of" and the span ("Inspector General of ", "Ministry of ")
_NAME_BEFORE_OF = re.compile(r"\b(?:General|Inspector|Superintendent|Commissioner|Minister|Ministry|Secretary|Department"
                             r"|Director|Chief|Head|Office|Bureau|Board|Council|Chamber|Court|Bank|University|College"
                             r"|School|Institute|Academy|Museum|Church|Association|Federation|Order|Corps|Division)\s+of\s+$")


_SURNAME_AFTER = re.compile(r" ([A-Z][\w'’-]+)")
#: a rank of the peerage or the church, its holder's names and "of" right before a span: the place is the title's
#: territorial designation or see ("Lord Alton of Liverpool", "Baroness Chapman of Darlington", "the Lord Bishop of
#: Leeds", "the Archbishop of Sudan"), not a place the text tells of
_PEERAGE_OF = re.compile(r"\b(?=\w)(?:Lord|Lady|Baroness|Baron|Viscount|Viscountess|Earl|Countess|Marquess|Marchioness"
                         r"|Duke|Duchess|Bishop|Archbishop)(?:\s+[A-Z][\w'’-]+){0,3}\s+of\s+(?:the\s+)?$")
#: a party's short name in brackets after a bracketed span: a member's constituency in parliamentary records
#: ("Jim Shannon (Strangford) (DUP)", "Mr Andrew Mitchell (Sutton Coldfield) (Con)")
_PARTY_AFTER = re.compile(r"\)\s*\((?:Con|Lab|Lab/Co-op|Co-op|LD|Lib Dem|SNP|DUP|UUP|SDLP|PC|Green|Ind|Reform|Alba"
                          r"|Alliance|TUV|CB|Non-Afl|Bishops?)\)")


def admissible(gaz: Gazetteer, span: Span, strength: int, text: str) -> str:
    """Why a span of ``text`` is not a place mention ("" when it may be one)."""
    if span.prev_word in TITLES:
        return "follows a personal title"
    if span.prev_word in ("of", "the") and _PEERAGE_OF.search(text[max(0, span.start - 60):span.start]):
        return "a title's territorial designation"
    if span.start and text[span.start - 1] == "(" and _PARTY_AFTER.match(text, span.end):
        return "a member's constituency"
    if span.name.isupper() and "." not in span.name and len(span.name) <= 5 and strength < 2:
        return "acronym"  # NATO, EU, UN: organisations, not the towns that share the letters
    if len(span.name) <= 4 and _MIXED_ACRONYM.fullmatch(span.name):
        return "acronym"  # MoD, DoD
    if not span.covered and not (strength and (span.run_start or span.headline)):
        return "part of a longer name"
    zipf = gaz.common.get(span.key, 0.0)
    if zipf >= COMMON_ZIPF and strength < 2 and not span.region_word:
        if span.sentence_initial or span.prev_word not in LOCATIVES:
            return "common word without place evidence"
    if span.sentence_initial and zipf >= COMMON_ZIPF + 1.0 and not span.region_word and not span.name.isupper():
        return "capitalised common word opening a sentence"
    return ""


def reasons(spans: list[Span], gaz: Gazetteer, text: str, trusted: frozenset[int] | bool) -> dict[int, str]:
    """Why each non-demonym span is not a place ("" when it may be one).

    Parameters
    ----------
    spans : list of Span
    gaz : Gazetteer
    text : str
        The text the spans index into (a speech verb after a name).
    trusted : bool or set of int
        Spans known to be places (all of them, or these indices): only the gazetteer is asked.

    Returns
    -------
    dict
        Span index -> reason, "" for a span that may be a place.
    """
    out: dict[int, str] = {}
    people: set[str] = set()  # keys seen inside person / organisation names in this text
    # a full name the text gives a title anywhere ("Hezbollah leader Hassan Nasrallah") is a person's wherever it
    # stands, a headline before the body included ("on the death of Hassan Nasrallah")
    titled = {(span.key, m.group(1)) for span in spans if span.prev_word in TITLES
              and (m := _SURNAME_AFTER.match(text, span.end))}
    for i, span in enumerate(spans):
        if span.demonym:
            continue
        cands = gaz.candidates(span.key)
        if not cands and span.region_word:  # "Gwinnett" in "DeKalb and Gwinnett counties"
            cands = tuple((c[0], True) for c in candidates(gaz, span)[0])
        if not cands:
            out[i] = "not in gazetteer"
            continue
        known = trusted is True or (not isinstance(trusted, bool) and i in trusted)
        if known:
            out[i] = ""
            continue
        strength = name_strength(gaz, cands, span.key)
        reason = admissible(gaz, span, strength, text)
        if not reason and titled and (m := _SURNAME_AFTER.match(text, span.end)) and (span.key, m.group(1)) in titled:
            reason = "follows a personal title"
        if not reason and strength < 2:
            if span.key in people and span.prev_word not in LOCATIVES:
                reason = "name of a person or organisation named earlier"
            elif _SPEECH.match(text, span.end):
                reason = "a speaker, not a place"
            elif span.prev_word == "of" and gaz.common.get(span.key, 0.0) >= COMMON_ZIPF \
                    and _NAME_BEFORE_OF.search(text, max(0, span.start - 40), span.start):
                # "Inspector General of Police", "Secretary of State": an office's or a body's name runs
                # on through "of" to an everyday word ("the city of Mobile": a lower-case noun before "of")
                reason = "an everyday word in the name of an office or body"
        if not reason and span.prev_word == "the" and not span.region_word and \
                all(not main and gaz.kind[e] != CITY for e, main in cands):
            reason = "a river or feature sharing a region's other name"  # "on the Danube", "across the Nile"
        if reason in ("part of a longer name", "follows a personal title"):
            people.add(span.key)
        out[i] = reason
    return out
