"""Place-name recognition: every candidate place mention with its exact span.

Recognition proposes; resolution (:mod:`mapper.geo.resolve`) decides.  This module
finds runs of capitalised words, has them matched greedily (longest first) against the
gazetteer's name keys (:mod:`mapper.extract.run_plans`), and records the evidence the
resolver needs: whether the run is fully made of known names (a run like "Marco Rubio"
that is not is a person or an organisation), whether the word opens a sentence, the word
before it (a title such as "President", a locative preposition such as "in"), a region
word after it ("Kharkiv Oblast", "the Pokrovsk region") and demonyms ("Ukrainian"),
which are evidence for a country but never a place mention themselves.
"""
from __future__ import annotations

import dataclasses
import re

from mapper.extract.run_plans import _CONN, _Entry, _run_plan
from mapper.extract.run_plans import ARTICLE as _ARTICLE
from mapper.extract.run_plans import (FACILITY_WORDS, FUNCTION_WORDS, INSTITUTIONS, MEDIA_WORDS,  # noqa: F401
                                      NOT_NAMES, REGION_WORDS)  # (re-exported)
from mapper.extract.toponyms_extra import UPPER as _UPPER
from mapper.extract.toponyms_extra import (HEAD_INITIALS, compass_heads, drop_personal_names, find_abbreviations,
                                           find_compass_units, find_facilities, find_numbered, qualified_unknowns,
                                           share_region_words)
from mapper.extract.toponyms_extra import span_at  # noqa: F401  (re-exported: given mentions)
from mapper.extract.toponyms_extra import merge as _merge
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.names import key
from mapper.geo.spans import LOCATIVES, TITLES, Span, quick_span  # noqa: F401  (re-exported)

_CAP = rf"(?:[A-Z]\.){{2,}}|[{_UPPER}][\w'’\-]*"
# the lookahead lets the engine skip to a capital quickly (twice as fast; the same matches)
_RUN = re.compile(rf"(?=[{_UPPER}])(?:{_CAP})(?: (?:{_CONN} )?(?:{_ARTICLE})?(?:{_CAP}))*")


def _prev_word(text: str, pos: int) -> tuple[str, bool]:
    """The word before ``pos`` (lowercased) and whether ``pos`` opens a sentence."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        i -= 1
    if i < 0 or text[i] in "\n.!?:;•–—-":
        opens = i < 0 or text[i] != "-" or (i > 0 and text[i - 1] in "\n ")
        return "", opens
    j = i
    while j >= 0 and (text[j].isalnum() or text[j] in "'’"):
        j -= 1
    return text[j + 1:i + 1].lower(), False


_HEADLINE_MAX = 200  # longest line that can be a headline
_LAST_LINE: tuple[str | None, int, int, bool] = (None, -1, -1, False)  # (text, start, end, is a headline)


def _is_headline(text: str, start: int, end: int) -> bool:
    """Whether the line around a run is in title case (headlines capitalise every word)."""
    # Search at most _HEADLINE_MAX chars each way: scanning a whole multi-megabyte line for
    # every span made recognition quadratic in the line length.
    lo = max(0, start - _HEADLINE_MAX - 1)
    ls = text.rfind("\n", lo, start) + 1
    le = text.find("\n", end, end + _HEADLINE_MAX + 1)
    if (ls == 0 and lo > 0) or (le < 0 and end + _HEADLINE_MAX + 1 < len(text)):
        return False  # no line break near: a paragraph, not a headline
    le = len(text) if le < 0 else le
    if le - ls > _HEADLINE_MAX:
        return False  # a paragraph, not a headline
    global _LAST_LINE
    last = _LAST_LINE  # spans come in text order: the line of the previous one is often this one
    if last[0] is text and last[1] == ls and last[2] == le:
        return last[3]
    words = text[ls:le].split()
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    found = len(words) >= 4 and caps >= 0.8 * len(words)
    _LAST_LINE = (text, ls, le, found)
    return found


def find_spans(text: str, gaz: Gazetteer) -> list[Span]:
    """Every candidate place mention (and demonym) in ``text``, in text order.

    Parameters
    ----------
    text : str
        Any text; offsets in the result index into it.
    gaz : Gazetteer
        The loaded gazetteer.
    """
    out: list[Span] = []
    facility_at = []  # run ends followed by a word that may be a facility head ("Engels airbase")
    numbered = []  # runs followed by a number ("Tower 22")
    plans = gaz.memo("run plans")
    for run in _RUN.finditer(text):
        end = run.end()
        if text[end:end + 1] == " ":
            nxt = text[end + 1:end + 2]
            if nxt.isdigit():
                numbered.append((run.start(), end))
            elif nxt in HEAD_INITIALS:
                facility_at.append(end)
        words = run.group()
        # most runs are one capitalised word that names nothing ("He", "The", "Monday"): an empty plan
        plan = plans.get(words)
        if plan is None:
            plan = _run_plan(text, run.start(), words, gaz, plans)
        if plan:
            out.extend(_occurrence(text, run.start(), plan, gaz))
    extra = find_abbreviations(text, gaz) + find_facilities(text, facility_at, gaz) + find_numbered(text, numbered, gaz) \
        + find_compass_units(text, gaz, out)
    if extra:
        out = _merge(out, extra)
    out = compass_heads(text, qualified_unknowns(text, _road_ends(text, out), gaz), gaz)
    return share_region_words(text, drop_personal_names(text, out, gaz))


#: a road named by its two ends: "the Kaya-Dori road", "the Alindao–Mingala axis"
ROAD_NOUNS = r"road|axis|highway|route"
ROAD_AFTER = re.compile(rf"\s+(?:main\s+)?(?:{ROAD_NOUNS})\b", re.IGNORECASE)


def _road_ends(text: str, spans: list[Span]) -> list[Span]:
    """The spans, with the two ends of a road named by them ("the Kaya-Dori road") each taken as a name of
    its own (the second is no longer "part of a longer name")."""
    out = spans
    for i in range(len(spans) - 1):
        a, b = spans[i], spans[i + 1]
        if not a.demonym and not b.demonym and text[a.end:b.start] in ("-", "–") and ROAD_AFTER.match(text, b.end):
            if out is spans:
                out = list(spans)
            out[i] = dataclasses.replace(a, covered=True, run_start=True)
            out[i + 1] = dataclasses.replace(b, covered=True, run_start=True, prev_word=a.prev_word)
    return out


def _occurrence(text: str, base: int, plan: tuple[_Entry, ...], gaz: Gazetteer) -> list[Span]:
    """The spans of a run's ``plan`` where the run starts at ``base`` in ``text``."""
    out = []
    for offset, stop, k, demonym, covered, run_start, region_word, region_end, part in plan:
        start = base + offset
        if part:
            end = base + stop
            if _one_hyphened_name(text, start, gaz):
                continue  # "killed in Matadi-Beu": a village's name, not the port of Matadi
            prev, opens = _prev_word(text, start) if part == 1 else ("", False)
            out.append(quick_span(text[start:end], start, end, k, demonym, False, part == 1, opens, prev,
                                  "", _is_headline(text, start, end)))
            continue
        if region_word:
            end = base + region_end
        else:
            end = base + stop
            after = _REGION_AFTER.match(text, end, end + 16)
            region_word = after.group(1) if after else _head_of_region(text, end)
        prev, opens = _prev_word(text, start)
        out.append(quick_span(text[start:end], start, end, k, demonym, covered or region_word in REGION_WORDS,
                              run_start, opens, prev, region_word, _is_headline(text, start, end)))
    return out


_WORD_START = re.compile(r"[\w'’-]*$")
_WORD_REST = re.compile(r"[\w'’-]*")
_NEXT_LOWER = re.compile(r"[ \t]+([a-z]+)\b")


def _one_hyphened_name(text: str, start: int, gaz: Gazetteer) -> bool:
    """Whether the hyphenated word a part at ``start`` belongs to is one place's name: put where a place goes ("in",
    "the village of"), followed by no noun it qualifies, and not all of its capitalised parts towns of
    :data:`JOINED_TOWN_POP` people or regions.  Two places joined name what lies between them or binds them ("the
    Kharkiv-Belgorod border", "the Mbau-Kamango road", "Russia-Ukraine talks"); two towns stay towns ("fighting in
    Pokrovsk-Myrnohrad"); "Matadi-Beu", whose "Beu" is a hamlet elsewhere, is one village."""
    begin = start - len(_WORD_START.search(text, max(0, start - 60), start).group())
    prev, _ = _prev_word(text, begin)
    if prev not in LOCATIVES or prev in ("between", "across"):
        return False
    word = _WORD_REST.match(text, begin)
    after = _NEXT_LOWER.match(text, word.end())
    if after is not None and after.group(1) not in FUNCTION_WORDS:
        return False
    parts = [p for p in word.group().split("-") if p[:1].isupper()]
    return not all(any(gaz.population[e] >= JOINED_TOWN_POP for e, _ in gaz.candidates(key(p))) for p in parts)


#: a town this populous is a place of its own in a hyphenated word ("fighting in Pokrovsk-Myrnohrad": two towns)
JOINED_TOWN_POP = 10_000


#: the head of an admin-1 region after its name: "Belgorod Governor Vyacheslav Gladkov", "the Odesa Regional
#: Military Administration" (a governor heads a region, an oblast, a state or a province, not a town)
_HEAD_OF_REGION = re.compile(r" (?:[Gg]overnor|[Rr]egional (?:[Mm]ilitary |[Ss]tate )?(?:[Aa]dministration|[Gg]overnor|[Cc]ouncil))\b")


def _head_of_region(text: str, end: int) -> str:
    """"region" when the name ending at ``end`` names the region a governor or regional administration heads."""
    return "region" if text[end:end + 1] == " " and _HEAD_OF_REGION.match(text, end) else ""


_REGION_AFTER = re.compile(r" (regions?|oblasts?|provinces?|states?|governorates?|county|counties|districts?|area"
                           r"|territory|territories|locality|localities|raions?|rayons?|townships?|municipality|municipalities"
                           r"|city)\b")
