"""Places for a clause that states an incident at no place mapper can use.

:func:`mapper.extract.events.link_clause` falls back on these: the article's own
country for a strike told with a foreign attacker and no place (:func:`_home_country`),
the country whose authorities investigate a sabotage or blast (:func:`_authorities_country`), the
article's country for an event told "across the country" (:func:`_countrywide`),
the villages the gazetteer lacks, in the region the article is about (:func:`unknown_in_focus`),
and, when nothing is placed, the names that look like places but are not in the gazetteer
(:func:`_unknown_places`), which the caller reports as unplaced.
"""
from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

from mapper.extract import lexicon as lx
from mapper.extract.locators import UNIT_NOUNS
from mapper.extract.run_plans import FUNCTION_WORDS
from mapper.geo.contained import inside
from mapper.model import Mention, Place, Resolved

if TYPE_CHECKING:  # for annotations only: events imports this module at run time
    from mapper.extract.events import ArticleContext


_UNKNOWN_PLACE = re.compile(
    r"\b(?=\w)(?:in|near|at|outside|of)\s+(?:the\s+)?(?:(?:village|town|city|settlement|port|district)\s+of\s+)?"
    r"(?P<name>[A-Z][\w’'-]{2,}(?:[ -][A-Z][\w’'-]+)?)")
_AUTHORITIES = re.compile(r"\b(?=\w)([A-Z][a-z]+) (?:authorities|police|prosecutors|investigators|security services?"
                          r"|officials said|border guards?)\b")


def _home_country(text: str, ctx: ArticleContext, trigger_at: int) -> tuple[int, int, Resolved] | None:
    """The article's country (or the region it is about: ``ctx.focus``) as the place of a strike
    whose clause names the attacker by a demonym of another country ("Russian missile strike")
    and no place; None otherwise.
    The attacker is named before the event word (``trigger_at``): a demonym after it names
    the target ("targeted Houthi weapons storage facilities"), not who struck."""
    for m in _CAPITAL_WORD.finditer(text, 0, trigger_at):
        iso = ctx.demonyms.get(m.group().lower())
        if iso and iso != ctx.home:
            # the region the article is about, where it names one ("the camp" in a story of the Gaza
            # Strip), else the country
            place = ctx.focus if ctx.focus is not None and ctx.focus.country == ctx.home \
                else ctx.country_place.get(ctx.home or "")
            return None if place is None else _as_clause_place(place, place.name, len(text), len(text))
    return None


#: the whole of a country the story is in, named by no name ("across the country", "nationwide")
_COUNTRYWIDE = re.compile(r"\b(?=\w)(?:(?:across|throughout|all\s+over|around)\s+the\s+(?:whole\s+|entire\s+)?country"
                          r"|(?:nation|country)[- ]?wide)\b", re.IGNORECASE)


def _countrywide(text: str, ctx: ArticleContext) -> tuple[int, int, Resolved] | None:
    """The article's country as the place of an event told "across the country" and at no named place
    (the country is the one most of the article's places lie in: ``ctx.home``); None otherwise."""
    m = _COUNTRYWIDE.search(text)
    place = ctx.country_place.get(ctx.home or "") if m else None
    return None if place is None else _as_clause_place(place, place.name, m.start(), m.end())


def _as_clause_place(place: Place, name: str, start: int, end: int) -> tuple[int, int, Resolved]:
    """A place the clause does not name (a country, the story's own place) as its place, named ``name`` at
    ``start``..``end`` of the clause."""
    return start, end, Resolved(Mention(name, start, end), place)


_CAPITAL_WORD = re.compile(r"\b(?=\w)[A-Z][a-z]+\b")


def _authorities_country(text: str, ctx: ArticleContext) -> tuple[int, int, Resolved] | None:
    """"Polish authorities uncover sabotage": the event is in that country (precision 3)."""
    m = _AUTHORITIES.search(text)
    if not m:
        return None
    iso = ctx.demonyms.get(m.group(1).lower())
    place = ctx.country_place.get(iso or "")
    if place is None:
        return None
    return _as_clause_place(place, m.group(1), m.start(1), m.end(1))


#: the name a frame below introduces: one or two capitalised words, an Arabic article between them ("Ras al-Ain"),
#: that no further capitalised word or possessive goes on with
_FRAMED_NAME = (r"(?P<name>[A-Z][a-z][\w’'-]+(?:[ -](?:(?:al|el|ad|ar|as|an|at|az|ash|ed|en|er|es)-)?[A-Z][a-z][\w’'-]+)?)"
                r"(?![\w’'-]|\s+(?:[A-Z]|(?:al|el)-)|['’]s\b)")
#: a capitalised name in a locative frame: "in Mausa", "near the village of Ras al-Ain", "village of Egbekaw"
_FOCUS_UNKNOWN = re.compile(
    rf"\b(?=\w)(?:(?:in|near|outside)\s+(?:the\s+)?(?:(?:{lx.SETTLEMENT_NOUN})\s+of\s+)?"
    rf"|(?:{lx.SETTLEMENT_NOUN_S})\s+of\s+"
    # "attacked the Ngaleka village": a name its settlement word follows
    rf"|\bthe\s+(?=[A-Z][a-z][\w’'-]+(?:[ -][A-Z][a-z][\w’'-]+)?\s+(?:{lx.SETTLEMENT_NOUN})\b))"
    + _FRAMED_NAME)

#: the same frames where a settlement noun says the name is a settlement's: "the villages of Muhindo, Rusekera",
#: "in the village of Mausa", "in Ngouba village", "the Ngaleka village"
_SETTLED_UNKNOWN = re.compile(
    rf"\b(?=\w)(?:(?:{lx.SETTLEMENT_NOUN_S})\s+of\s+"
    rf"|(?:in|near|outside|of|on|at|the)\s+(?=[A-Z][a-z][\w’'-]+(?:[ -][A-Z][a-z][\w’'-]+)?\s+(?:{lx.SETTLEMENT_NOUN_S})\b))"
    + _FRAMED_NAME)

#: a unit named by its own name ("the Seno province", "the Kivu provinces", "the Jomba groupement"): no village
_UNIT_AFTER = re.compile(rf"\s+(?:{UNIT_NOUNS}|groupement|chiefdom|department|prefecture|oblast)s?\b", re.IGNORECASE)
#: the lower-case word right after a name
_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
#: lower-case words after a village's name that leave it a village: a settlement noun, a time, a verb ("in Garin
#: Dogo village", "near Wabila overnight", "the village of X was"; verbs in -ed are tested apart)
_VILLAGE_AFTER = frozenset({*lx.SETTLEMENT_NOUNS, "villages", "community", "area", "camp",
                            "overnight", "yesterday", "today", "earlier", "late", "early",
                            "was", "were", "is", "are", "has", "have", "had", "left", "saw"})


def unknown_in_focus(text: str, known: list[tuple[int, int]], ctx: ArticleContext,
                     settled: bool = False, holders: frozenset[int] = frozenset()) -> list[tuple[int, int, Resolved]]:
    """The names a clause puts an event at that the gazetteer lacks ("killed in the village of Mausa",
    "an IED injured a man in Quiterajo", "killed in Anzourou, Wabila and Hondobon"), each at the article's
    focus region (``ctx.focus``: the admin-1 unit the article names and most of its places lie in), else at
    the region most of its places lie in though it names no region (``ctx.area``: "Dori", "Djibo" and
    "Arbinda" in a story that never writes "Sahel"), with ``geo_precision`` 3 and its own name kept (issue 13:
    a village missing from the gazetteer falls back to the region the story is about, never to a namesake
    elsewhere); none when it has neither.  Only a name in a locative frame ("in", "near", "outside", "the
    village of"), or listed after one, that passes :func:`_village_name` is taken; ``known``: the clause's
    place mentions, which no name may overlap.  ``settled``: only a frame whose settlement noun says the name is a
    settlement's ("the villages of Muhindo, Rusekera and Bugina", "in Ngouba village"), as the caller asks beside
    the clause's known scenes; a list of them that a town of ``holders`` (the starts of those scenes) places
    ("the village of Ntamugenga in Rutshuru") is that town's, which stands for it."""
    region = ctx.focus or ctx.area
    if region is None:
        return []
    out = []
    for m in (_SETTLED_UNKNOWN if settled else _FOCUS_UNKNOWN).finditer(text):
        s, e = m.span("name")
        listed = []
        while True:
            if _village_name(text, s, e, known, ctx):
                listed.append(_in_region(text, s, e, region))
            nxt = _LISTED_NAME.match(text, e)
            if nxt is None:
                break
            s, e = nxt.span("name")
        if holders and (at := _HELD_IN.match(text, e)) is not None and at.end() in holders:
            continue
        out.extend(listed)
    return out


#: what leads from a village's name to the town it lies in: "Ntamugenga in Rutshuru", "Ngouba, Diffa"
_HELD_IN = re.compile(r"\s*(?:,\s*|\s+(?:in|near|outside)\s+(?:the\s+)?)")


def listed_unknowns(text: str, kept: list[tuple[int, int, Resolved]], known: list[tuple[int, int]],
                    ctx: ArticleContext) -> list[tuple[int, int, Resolved]]:
    """The names the gazetteer lacks that a list of settlements of a clause's scenes goes on with ("in the areas of
    Maidan, Lajbok and Shadas": Lajbok and Shadas), each at the story's region (``ctx.focus``, else ``ctx.area``) with
    ``geo_precision`` 3 and its own name kept, when the listed scene lies in that region; ``known``: the clause's
    place mentions."""
    region = ctx.focus or ctx.area
    out = []
    for s, e, r in kept:
        if r.place is None or r.place.admin1_gn != region.admin1_gn or r.place.kind not in ("city", "village"):
            continue
        if not _LIST_OF_SETTLEMENTS.search(text, max(0, s - 150), s):
            continue  # a list the text calls one of settlements, not any run of names ("El Plateado, Cauca")
        while (nxt := _LISTED_NAME.match(text, e)) is not None:
            s, e = nxt.span("name")
            if any(ks < e and s < ke for ks, ke in known):
                continue  # a known place of the list: its own mention is in ``kept`` or was judged there
            if _village_name(text, s, e, known, ctx):
                out.append(_in_region(text, s, e, region))
    return out


def _in_region(text: str, s: int, e: int, region: Place) -> tuple[int, int, Resolved]:
    """The name at ``s``..``e`` of a clause as a village the gazetteer lacks, at ``region``'s point."""
    return s, e, Resolved(Mention(text[s:e], s, e), inside(text[s:e], region))


#: a list of settlements up to one of its names: "the villages of Bilenke, Lebedivka, ", "the neighbourhoods of "
_LIST_OF_SETTLEMENTS = re.compile(
    rf"\b(?=\w)(?:{lx.SETTLEMENT_NOUN_S}|communities|areas?|neighbou?rhoods?)"
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)*(?:,\s*(?:and\s+)?|\s+and\s+))*$")


#: the next name of a list after a village's ("in Anzourou, Wabila and Hondobon")
_LISTED_NAME = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?P<name>[A-Z][a-z][\w’'-]+(?:[ -][A-Z][a-z][\w’'-]+)?)"
                          r"(?![\w’'-]|\s+(?:[A-Z]|(?:al|el)-)|['’]s\b)")


def _village_name(text: str, s: int, e: int, known: list[tuple[int, int]], ctx: ArticleContext) -> bool:
    """Whether the name at ``s``..``e`` of a clause may be a village the gazetteer lacks: it overlaps no known
    place, the article never writes it in lower case, it is no demonym or calendar word, heads no unit word ("the
    Seno province": a unit, which the caller's region mentions handle) and is followed by no noun it qualifies
    ("the Catholic church")."""
    if any(ks < e and s < ke for ks, ke in known):
        return False
    name = text[s:e]
    first = name.split()[0].lower()
    if name.lower() in ctx.demonyms or first in ctx.demonyms or first in lx.NOT_PLACES:
        return False
    if _UNIT_AFTER.match(text, e):
        return False  # "in the Seno province": a unit, not a village
    if (after := _NOUN_AFTER.match(text, e)) is not None and after[1] not in FUNCTION_WORDS \
            and after[1] not in _VILLAGE_AFTER and not after[1].endswith("ed"):
        return False  # "in the Catholic church", "in Mideast waters": the name qualifies the noun after it
    return not _lower_in(name.lower(), ctx.article.text, ctx.recent)  # a word the article also writes in lower case


def _lower_in(low: str, body: str, recent: dict) -> bool:
    """Whether ``body`` writes ``low`` (a lower-cased name) as it is, as whole words: a name of one word
    is looked up in the set of the body's words (made once per article, kept in ``recent``), a longer
    one searched for."""
    if not low.isalnum():
        return re.search(r"\b" + re.escape(low) + r"\b", body) is not None
    words = recent.get("body_words")
    if words is None:
        words = recent["body_words"] = frozenset(re.findall(r"\w+", body))
    return low in words


def _unknown_places(text: str, known: list[tuple[int, int]], kind: str,
                    ctx: ArticleContext) -> list[tuple[str, str, str | None]]:
    # whether a name overlaps a known place, by bisection: a scan of ``known`` per name
    # would be quadratic in a long clause
    known = sorted(known)
    starts = [ks for ks, _ in known]
    reach = list(itertools.accumulate((ke for _, ke in known), max))
    out = []
    for m in _UNKNOWN_PLACE.finditer(text):
        s, e = m.span("name")
        i = bisect.bisect_left(starts, e)  # known[:i] start before the name ends
        if i and reach[i - 1] > s:
            continue
        name = m.group("name")
        first = name.split()[0].lower()
        if name.lower() in ctx.demonyms or first in ctx.demonyms or first in lx.NOT_PLACES:
            continue
        out.append((name, "not in gazetteer", kind))
    return out
