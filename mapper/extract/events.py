"""Incident extraction: what happened, where, when, by whom, how many.

One clause (sentence or bullet sentence) at a time:

1. find trigger words (:data:`mapper.extract.lexicon.TRIGGERS`) that are not
   hypothetical, denied, planned or historic (modality words around the trigger);
2. type the clause: the first weapon-specific trigger wins; a clause with only
   generic attack words ("strikes on", "attacked") is typed from weapons named in
   the same article's other clauses, else ``other``;
3. link places: every resolved place in the clause that is not a personal title's
   name, a launch site ("from Kursk"), a place in quotes, an object of a political
   claim ("cede Donbas"), a dateline, or a country merely acting as the subject
   ("Russia executes ..."): a country or region counts only after a locative
   preposition, and only when no finer place in the same clause lies in it.
   Diplomatic events take only places after "in"/"at" (the venue);
4. date it (:func:`mapper.extract.dates.clause_date`), find the actor and casualties.

The result is one :class:`Candidate` per (clause, place); deduplication across
clauses and articles happens later (:mod:`mapper.aggregate`).
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from mapper.extract import lexicon as lx
from mapper.model import Article, Clause, DateSpan, Place, Resolved

_NUM = r"(?:\d[\d,]*|" + "|".join(sorted(lx.NUMBER_WORDS, key=len, reverse=True)) + r")"
_QUAL = r"(?:at least|more than|over|nearly|almost|around|about|some|up to|as many as)?\s*"
_KILLED = lx.Caseless(
    rf"\b{_QUAL}(?P<n>{_NUM})\s+(?:(?!and\b|or\b|killed\b|injured\b|wounded\b|dead\b)[\w-]+\s+){{0,3}}?(?:were\s+|was\s+|have been\s+|had been\s+)?"
    rf"(?:killed|dead|died|deaths|fatalities|killing)\b"
    rf"|\b(?:killing|killed|kills|kill)\s+{_QUAL}(?P<n2>{_NUM})\b|\bdeath toll (?:rose |climbed )?(?:to|of|at)\s+{_QUAL}(?P<n3>{_NUM})")
_INJURED = lx.Caseless(
    rf"\b{_QUAL}(?P<n>{_NUM})\s+(?:(?!and\b|or\b|killed\b|injured\b|wounded\b|dead\b)[\w-]+\s+){{0,3}}?(?:were\s+|was\s+|have been\s+)?(?:injured|wounded|hurt|injuries)\b"
    rf"|\b(?:injuring|wounding|injured|wounded|injures|wounds)\s+{_QUAL}(?P<n2>{_NUM})\b")
_LOCATIVE = frozenset({"in", "at", "near", "on", "inside", "across", "around", "outside", "over", "into",
                       "targeting", "hit", "struck", "shelled", "attacked", "bombed", "of", "toward", "towards"})
_VENUE = frozenset({"in", "at"})
_VENUE_NOUN = re.compile(r"\s+(?:peace\s+)?(?:talks|summit|meeting|negotiations|conference)\b", re.IGNORECASE)
_NEAR = re.compile(r"\b(?:near|outside|outskirts of|close to|on the edge of|around|suburbs? of|district of)\s+(?:the\s+)?$",
                   re.IGNORECASE)
_COORDINATED = re.compile(r"(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+))+$")
_PREV_WORD = re.compile(r"([\w’']+)\W*$")
_WATER = re.compile(r"\b(?:Sea|Strait|Gulf|Bay|Ocean|Lake|River)\b")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,\s")
# "Kiev forces", "Kiev's troops", "Moscow's aggression": a seat of government standing for its side.
_FORCES = re.compile(r"(?:['’]s?)?\s+(?:armed\s+forces|forces|troops|military|army|regime|militants|aggression"
                     r"|servicemen|soldiers|command|side)\b", re.IGNORECASE)
# "Kiev's shelling of east Ukraine": the possessor is the attacker, the object the scene.
_ATTACKER = re.compile(r"['’]s?\s+(?:[a-z-]+\s+)?(?:shelling|attacks?|strikes?|bombing|offensive|assault|raids?)"
                       r"\s+(?:of|on|against)\b", re.IGNORECASE)
# A headline's attribution after a colon or dash: "Three soldiers killed in east: Kiev military".
_ATTRIBUTION = re.compile(r"(?:\s+(?:military|officials?|government|army|says|said|sources?|reports?|governor|mayor))*"
                          r"[\s.!?\"”']*$", re.IGNORECASE)
_OF_REGION = re.compile(r"\b(?:residents|civilians|people|villages|settlements|towns|cities|areas|parts|outskirts"
                        r"|districts|communities|governor|head)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# Where someone spoke or visited is not where the event happened: "Zelensky, speaking in Kyiv, said ..."
_SPEECH_VENUE = re.compile(r"\b(?:speaking|spoke|said|told\s+(?:reporters|journalists|parliament)|addressing\s+\w+"
                           r"|remarks|(?:press|news)\s+conference|briefing|interview|(?:visit|trip)\s+to|statement(?:\s+issued)?"
                           r"|(?:the\s+)?(?:name|spelling)(?:\s+of)?|calls?|called|known\s+as|renamed"
                           r"|visiting)\s+(?:\w+\s+)?(?:(?:in|at)\s+)?(?:the\s+)?$", re.IGNORECASE)
# Venues of other days: "after earlier rounds in Riyadh and Jeddah".
_OTHER_DAYS = re.compile(r"\b(?:earlier|previous|prior|past|former)\s+(?:\w+\s+){0,2}?(?:rounds?|talks|meetings?|summits?"
                         r"|negotiations|visits?)\s+(?:\w+\s+){0,2}?(?:in|at)\s+(?:(?:the\s+)?\w+(?:,|\s+and)\s+)*(?:the\s+)?$",
                         re.IGNORECASE)
# "Kharkiv's Kyivskyi district": a district of the town before it, not a place of its own.
_DISTRICT_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|quarter|raion|microdistrict)\b", re.IGNORECASE)
# "launched from Russia's Kursk and Oryol regions": origins past possessives, modifiers and lists
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:area|region|direction|territory|side|coast)\s+of\s+(?:the\s+)?)?(?:(?:[A-Z][\w’'-]+['’]s|occupied|Russian-occupied|neighbou?ring|nearby)\s+)*"
                     r"(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:,\s*|\s+and\s+|\s+or\s+))*$")
# an organisation named after a place is not the place
_ORG_AFTER = re.compile(r"[\s-]+(?:Institute|University|Institut|Foundation|Council|Club|Academy|Center|Centre|School"
                        r"|Agreement|Accords?|Format|Declaration|Protocol|Process|Convention|Group|Forum)\b")
# the ends of a route: "the Warsaw-Lublin railway line", "the Kyiv-Odesa highway"
_ROUTE_NOUN = (r"(?:railway|rail|railroad|line|road|highway|motorway|pipeline|route|train|corridor|border crossing"
               r"|direction|axis)")
_ROUTE = re.compile(rf"[-–][A-Z][\w’'-]*\s+{_ROUTE_NOUN}\b")
_ROUTE_END = re.compile(r"\b[A-Z][\w’']*[-–]$")
# between a town and the town that locates it
_REFERENCE = re.compile(r"^\s*,?\s*(?:(?:about|some|around)\s+)?(?:(?:\d+|a few)\s*(?:km|kilometres|kilometers|miles)\s+)?"
                        r"(?:(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+)?"
                        r"(?:of|from)|near|outside|on\s+the\s+outskirts\s+of|close\s+to|not\s+far\s+from"
                        r"|across(?:\s+the)?(?:\s+[A-Z][\w-]+)?\s+from|across"
                        r"|(?:the\s+)?(?:regional\s+|provincial\s+|state\s+)?capital\s+of)\s+"
                        r"(?:the\s+)?(?:(?:city|town|village|settlement|capital)\s+(?:of\s+)?)?$", re.IGNORECASE)
# where people fled to is not where the event happened
_DISPLACED = re.compile(r"\b(?:fle(?:e|es|eing|d)|displaced|evacuat\w+|escap\w+|relocat\w+|withdr[ae]wn?|withdrawing"
                        r"|retreat\w*|pull(?:ed|ing)\s+back)\s+(?:\w+\s+){0,2}"
                        r"(?:to|towards?|into|for)\s+(?:the\s+)?$", re.IGNORECASE)
# generic attack words that describe ground combat
_GROUND = re.compile(r"\b(?:attack(?:ed|s|ing)?|advanc\w+|push(?:ed|ing)?)\s+(?:near|toward|towards|on\s+the\s+outskirts)\b"
                     r"|\bdirection\b|\bground\s+(?:attacks?|operations?)\b|\boffensive\s+operations\b", re.IGNORECASE)
# a place as the subject of pressing an attack is its side: "as Moscow presses (its) offensive"
_PRESSES = re.compile(r"\s+(?:presse[sd]|push(?:es|ed)|steps?\s+up|stepped\s+up|ramps?\s+up|ramped\s+up|intensifie[sd]"
                      r"|escalate[sd])\s+(?:its\s+|the\s+|a\s+)?(?:\w+\s+)?(?:offensive|attacks?|strikes?|assaults?"
                      r"|campaign|bombardment|shelling)\b", re.IGNORECASE)
_ATTRIBUTION_LEFT = re.compile(r"(?::|\s[-–—])\s*$")
_AGENT = re.compile(r"\b(?:by|attributed to|blamed on|claimed by)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")


@dataclass(frozen=True)
class Candidate:
    """An incident at one place, stated in one clause (before deduplication)."""

    type: str
    date: DateSpan
    place: Place
    place_text: str
    geo_precision: int
    actor: str | None
    killed: int | None
    injured: int | None
    clause: Clause


def _scan(text: str) -> list[tuple[str, int, int, bool, bool]]:
    """Every trigger match (type, start, end, asserted, quoted).

    A trigger is not asserted when it is hypothetical, denied, planned or habitual
    (modality words before or after it) or points back to an event told elsewhere
    ("after the attack").  A quoted trigger only governs places in the same quotation.
    """
    low = text.lower()
    trigger, src = lx.ANY_TRIGGER.pick(text, low)
    before_rx, _ = lx.MODALITY_BEFORE.pick(text, low)
    after_rx, _ = lx.MODALITY_AFTER.pick(text, low)
    quotes = _quote_spans(text)
    out = []
    for m in trigger.finditer(src):
        before = src[max(0, m.start() - _MODALITY_WINDOW):m.start()]
        asserted = not (before_rx.search(before) or after_rx.match(src[m.end():m.end() + 30])
                        or _ANAPHORA.search(before))
        out.append((m.lastgroup or "strike", m.start(), m.end(), asserted, _in_quotes(quotes, m.start())))
    return out


def _triggers(text: str) -> list[tuple[str, int, int]]:
    """Trigger matches (type, start, end) that are asserted, not hypothetical."""
    return [(k, s, e) for k, s, e, ok, _ in _scan(text) if ok]


# how far before a trigger its modality words are looked for (same sentence only)
_MODALITY_WINDOW = 100
# "after the attack", "following these strikes": an event told elsewhere in the article
_ANAPHORA = re.compile(r"\b(?:after|following|since|before|despite|amid)\s+(?:the|this|that|these|those|such|last|"
                       r"recent|previous|similar)\s+(?:[\w-]+\s+){0,2}$"
                       # "Russia is targeting civilians": a characterisation, not a report
                       r"|\b(?:is|are)\s+(?:still\s+|now\s+|deliberately\s+|systematically\s+)?$", re.IGNORECASE)


_GENERIC_KINDS = frozenset({"strike", "violence"})
_CARRY_KINDS = frozenset({"missile_strike", "drone_strike", "air_strike", "shelling", "other"})
#: events that ended this many days before publication are the article's background
BACKGROUND_DAYS = 30
#: a date range longer than this is a summary period, not an event's date
SUMMARY_DAYS = 62
_WEAPON_KINDS = frozenset({"missile_strike", "drone_strike", "air_strike", "shelling", "strike"})
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[a-z][\w-]*\s+){0,2}\Z")  # "Ukrainian fixed-wing drones"


def clause_type(text: str, article_weapon: str | None) -> str | None:
    """The incident type a clause states, or None if it states no incident."""
    return _type_of(_triggers(text), article_weapon)


def _type_of(found: list[tuple[str, int, int]], article_weapon: str | None, conflict: bool = True) -> str | None:
    """The type of a clause's triggers: the first specific one; generic attack words take
    the article's weapon; casualty words alone count only in an article about conflict."""
    if not found:
        return None
    kinds = {k for k, _, _ in found}
    for kind, _ in lx.TRIGGERS:
        if kind in kinds and kind not in _GENERIC_KINDS:
            if kind in ("sabotage", "explosion", "diplomatic") and kinds & {"missile_strike", "drone_strike",
                                                                            "air_strike", "shelling"}:
                continue  # "explosions" after a drone strike describe the strike
            return kind
    if kinds == {"violence"} and not conflict:
        return None
    return article_weapon or "other"


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """The quotations of a clause as (start, end), in order.  Scare quotes around a few
    words ('had "liberated" the village') are not quotations; an unclosed quote runs to
    the end of the clause."""
    spans = []
    opened: int | None = None
    for m in _QUOTE_MARK.finditer(text):
        mark = m.group()
        if opened is None:
            if mark != "”":
                opened = m.start()
        elif mark != "“":
            spans.append((opened, m.end()))
            opened = None
    if opened is not None:
        spans.append((opened, len(text)))
    return [(a, b) for a, b in spans if len(text[a:b].split()) > _SCARE_WORDS]


def _in_quotes(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, _FAR)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


_FAR = 1 << 62
_QUOTE_MARK = re.compile(r'["“”]')
_SCARE_WORDS = 3


_MODIFIERS = frozenset("""the east eastern west western south southern north northern central northeast
northeastern northwest northwestern southeast southeastern southwest southwestern rebel rebel-held separatist
separatist-held occupied russian-occupied russian-held ukrainian-controlled government-held war-torn e. w. n. s.
frontline front-line besieged parts part of""".split())
_SPEAKER = re.compile(r"['’]?s?\s+(?:(?:[a-z]+\s+)?(?:officials?|ministry|authorities|police|spokes(?:man|woman)"
                      r"|media|governor|mayor|administration)\b|says?|said|claims?|claimed|accuses?|accused|denies|denied|reports?|reported"
                      r"|warns?|warned|vows?|vowed|announces?|announced|urges?|urged|calls?|called|insists?"
                      r"|blames?|blamed|threatens?|threatened|demands?|demanded|rejects?|rejected|dismiss(?:es|ed)"
                      r"|condemns?|condemned|responded|replied|welcomes?|welcomed|(?:has|have)\s+\w+ly\s+\w+ed)\b",
                      re.IGNORECASE)


def _governing_word(text: str, start: int) -> str:
    """The word that governs a place, past modifiers and the names listed before it: "in"
    for "in eastern Ukraine", "in rebel-held parts of Donetsk", "over the Belgorod, Kursk
    and Bryansk regions"."""
    lo = max(0, start - 120)
    listed = _COORDINATED.search(text, lo, start)
    pos = listed.start() if listed else start
    for _ in range(5):
        m = _PREV_WORD.search(text[max(0, pos - 30):pos])
        if not m:
            return ""
        word = m.group(1).lower()
        if word not in _MODIFIERS:
            return word
        pos = max(0, pos - 30) + m.start(1)
    return ""


def _excluded(clause: Clause, start: int, end: int, place: Place, kind: str) -> bool:
    """Whether a place in a clause is not where the clause's event happened."""
    text = clause.text
    # the left-context patterns end at the place: search a bounded window, not the whole clause
    left = text[max(0, start - 120):start]
    prev = _prev_word(text, start)
    if prev in lx.ORIGIN_WORDS or _ORIGIN.search(left):
        return True
    if _ORG_AFTER.match(text, end) or _ROUTE.match(text, end) or _ROUTE_END.search(left):
        return True  # "the Oxford Institute", "the Warsaw-Lublin railway line"
    if _SPEAKER.match(text, end) or _ATTACKER.match(text, end):
        return True  # "Kiev says rebels shelled ...": the speaker, not the scene
    if _ATTRIBUTION_LEFT.search(left) and _ATTRIBUTION.match(text, end):
        return True
    if _FORCES.match(text, end) and _governing_word(text, start) not in _LOCATIVE:
        return True
    if _PRESSES.match(text, end):
        return True  # "as Moscow presses offensive": the attacker
    if _SPEECH_VENUE.search(left) or _OTHER_DAYS.search(left) or _DISPLACED.search(left):
        return True
    if _DISTRICT_AFTER.match(text, end) and re.search(r"\w['’]s\s+$", left):
        return True
    if start == 0 and _DATELINE.match(text):
        return True
    if place.kind == "region" and not place.country and not _WATER.search(place.name):
        return True  # "Eastern Europe", "the Middle East": too vague to place an incident
    if lx.CLAIMS.search(text[max(0, start - 80):start]):
        return True
    if place.kind in ("country", "admin1", "region") and re.match(r"['’]s?\b", text[end:end + 2]):
        return True  # "Ukraine's capabilities": a possessor, not a place where something happened
    if kind == "diplomatic" and _VENUE_NOUN.match(text[end:end + 20]):
        return False  # "Geneva talks", "the Alaska summit"
    if place.kind in ("country", "admin1", "region") or kind == "diplomatic":
        allowed = _VENUE if kind == "diplomatic" else _LOCATIVE
        if _governing_word(text, start) not in allowed:
            # "killed four residents of the Donetsk region": a region's people stand for the region
            return not (place.kind != "country" and kind != "diplomatic" and _OF_REGION.search(left))
    return False


def _geo_precision(clause: Clause, start: int, end: int, place: Place) -> int:
    if place.kind != "city":
        return 3
    text = clause.text
    left = _COORDINATED.sub("", text[max(0, start - 90):start])  # "near Pokrovsk and Kostiantynivka"
    if _NEAR.search(left[-30:]):
        return 2
    if re.match(r"\s+(?:region|area|district|oblast|outskirts|suburbs)\b", text[end:end + 15], re.IGNORECASE):
        return 2
    return 1


def _number(token: str) -> int | None:
    token = token.lower().replace(",", "")
    if token.isdigit():
        return int(token)
    return lx.NUMBER_WORDS.get(token)


_CASUALTY_WORDS = ("kill", "dead", "die", "death", "fatalit", "injur", "wound", "hurt", "casualt", "victim")
# "nobody was hurt", "there were no casualties": zero, stated (ACLED codes 0, not unknown)
_NONE_HURT = re.compile(r"\b(?:no\s*(?:one|body)|nobody|none)\s+(?:was|were|had\s+been|has\s+been)\s+(?:(?:reported\s+)?"
                        r"(?P<what>killed|hurt|injured|wounded|harmed))"
                        r"|\bno\s+(?:(?:immediate|reported)\s+)?(?P<what2>casualties|victims|injuries|deaths|fatalities)\b"
                        r"|\bwithout\s+(?P<what3>casualties|injuries|victims)\b"
                        r"|\bcaus(?:ed|ing)\s+no\s+(?P<what4>casualties|injuries|deaths)\b", re.IGNORECASE)
_ZERO_KILLED = frozenset({"killed", "deaths", "fatalities", "casualties", "victims", "hurt", "harmed"})
_ZERO_INJURED = frozenset({"hurt", "injured", "wounded", "harmed", "casualties", "victims", "injuries"})


def casualties(text: str) -> tuple[int | None, int | None]:
    """Killed and injured stated in a clause (the most conservative figure of each)."""
    low = text.lower()
    if not any(w in low for w in _CASUALTY_WORDS):
        return None, None  # most clauses state no casualty: skip the two long patterns

    zero = [(m.start(), m.end(), next(g for g in m.groups() if g).lower()) for m in _NONE_HURT.finditer(text)]

    def smallest(pattern: lx.Caseless) -> int | None:
        vals = []
        rx, src = pattern.pick(text, low)
        for m in rx.finditer(src):
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b, _ in zero):
                continue  # "no one was killed" is not "one was killed"
            tok = next((g for g in m.groups() if g), None)
            n = _number(tok) if tok else None
            if n is not None:
                vals.append(n)
        return min(vals) if vals else None
    killed, injured = smallest(_KILLED), smallest(_INJURED)
    for _, _, what in zero:
        if killed is None and what in _ZERO_KILLED:
            killed = 0
        if injured is None and what in _ZERO_INJURED:
            injured = 0
    return killed, injured


def actor(text: str, trigger_at: int, demonyms: dict[str, str], countries: list[tuple[int, Place]],
          weapons: tuple[int, ...] = ()) -> str | None:
    """Who attacked, from the strongest evidence a clause gives.

    In order: a demonym on the weapon itself ("41 Ukrainian drones"); a named group
    before the trigger (the subject: "the Israeli military said it struck Hamas
    targets"), the nearest one winning; "by X"; a demonym or a country before the
    trigger; a named group after it ("clashes with the RSF").
    """
    for at in weapons:
        m = _WORD_BEFORE.search(text, max(0, at - 60), at)  # a bounded window: linear on long clauses
        iso = demonyms.get(m.group(1).lower()) if m else None
        if iso:
            return lx.COUNTRY_ACTORS.get(iso, m.group(1))
    low = text.lower()
    groups = [(m.start(), lx.GROUP_NAMES[int(m.lastgroup[1:])]) for m in lx.ANY_GROUP.finditer(text)] \
        if any(w in low for w in lx.GROUP_HINTS) else []
    before = [g for g in groups if g[0] < trigger_at]
    if before:
        return before[-1][1]
    m = _AGENT.search(text, trigger_at)
    if m:
        named = [name for at, name in groups if m.start(1) <= at < m.end(1) + 3]
        if named:
            return named[0]  # "by the Myanmar military"
        word = m.group(1).split()[0]
        iso = demonyms.get(word.lower())
        if iso:
            return lx.COUNTRY_ACTORS.get(iso, word)
        if word in lx.COUNTRY_ACTORS.values():
            return word
    window = text[:trigger_at]
    best = None
    for m in re.finditer(r"([A-Z][a-z]+)\s*(\w*)", window):
        iso = demonyms.get(m.group(1).lower())
        if iso and m.group(2).lower() not in lx.REPORTERS:
            best = (m.start(), lx.COUNTRY_ACTORS.get(iso, m.group()))
    for pos, place in countries:
        if place.kind == "country" and pos < trigger_at and (best is None or pos > best[0]):
            if _prev_word(text, pos) not in _LOCATIVE:
                best = (pos, lx.COUNTRY_ACTORS.get(place.country, place.name))
    if best:
        return best[1]
    return groups[0][1] if groups else None


_UNKNOWN_PLACE = re.compile(
    r"\b(?:in|near|at|outside|of)\s+(?:the\s+)?(?:(?:village|town|city|settlement|port|district)\s+of\s+)?"
    r"(?P<name>[A-Z][\w’'-]{2,}(?:[ -][A-Z][\w’'-]+)?)")
_AUTHORITIES = re.compile(r"\b([A-Z][a-z]+) (?:authorities|police|prosecutors|investigators|security services?"
                          r"|officials said|border guards?)\b")


@dataclass(frozen=True)
class ArticleContext:
    """What the linker needs besides the clause: the article and lookups."""

    article: Article
    demonyms: dict[str, str]
    country_place: "dict[str, Place]"
    weapon: str | None
    conflict: bool = True  # the article is about armed conflict (casualty words are incidents)
    # the weapon the paragraph named last ("Marhanets was also hit" after "shelled Nikopol"),
    # written by link_clause as it walks the article's clauses in order
    recent: dict = field(default_factory=dict)

    def weapon_for(self, clause: Clause) -> str | None:
        """The weapon generic attack words in ``clause`` stand for: the last one named
        in the same paragraph, else the article's first."""
        last = self.recent.get(clause.part)
        if last is not None and "\n" not in self.article.text[last[1]:clause.start] or (
                last is not None and clause.part == "title"):
            return last[0]
        return self.weapon

    def remember(self, clause: Clause, found: list[tuple[str, int, int]]) -> None:
        weapons = [t for t in found if t[0] in _WEAPON_KINDS and t[0] != "strike"]
        if weapons:
            self.recent[clause.part] = (_type_of(weapons, None), clause.end)


def article_weapon(clauses: list[Clause]) -> str | None:
    """The first specific strike weapon an article names (types its generic "strikes")."""
    for clause in clauses:
        for kind, rx in lx.TRIGGER_RES[:4]:
            if rx.search(clause.text):
                return kind
    return None


def link_clause(clause: Clause, places: list[tuple[int, int, Resolved]], date: DateSpan | None,
                ctx: ArticleContext) -> tuple[list[Candidate], list[tuple[str, str, str | None]]]:
    """Incidents a clause states, and the ones it states at places mapper cannot place.

    Parameters
    ----------
    clause : Clause
    places : list of (start, end, Resolved)
        Resolved mentions inside the clause, offsets relative to the clause text.
    date : DateSpan or None
        The clause's governing date.
    ctx : ArticleContext

    Returns
    -------
    (candidates, unplaced)
        ``unplaced`` holds ``(place_text, reason, type)`` for names mapper could not place.
    """
    text = clause.text
    scanned = _scan(text)
    found = [(k, s, e) for k, s, e, ok, _ in scanned if ok]
    weapon = ctx.weapon_for(clause)
    ctx.remember(clause, found)
    kind = _type_of(found, weapon, ctx.conflict)
    if kind is None:
        return [], []
    if date is None:
        return [], [("", "no date in the clause or article", kind)]
    published = ctx.article.published
    if published is not None and (published - date.end).days > BACKGROUND_DAYS:
        return [], []  # "in March 2024 an attack damaged the dam": background, not news
    if (date.end - date.start).days > SUMMARY_DAYS:
        return [], []  # "struck twice in 2024": a summary over a season or a year, not an event
    every = _Triggers(scanned)
    places = [(s, e, r) for s, e, r in places if not every.overlaps(s, e)]  # "Neptune missiles"
    if kind == (weapon or "other") and not any(k not in _GENERIC_KINDS for k, _, _ in found) \
            and _GROUND.search(text):
        kind = "ground_fighting"  # "attacked near Selydove", "attacks in the Kupyansk direction"
    # a quoted trigger governs the places of its quotation, an unquoted one the others
    state = {False: every, True: _Triggers([])} if not any(t[4] for t in scanned) else \
        {q: _Triggers([t for t in scanned if t[4] == q]) for q in (False, True)}
    state_kind = {q: kind if len(t.asserted) == len(found) else (_type_of(t.asserted, weapon, ctx.conflict) or kind)
                  for q, t in state.items()}
    kinds: dict[int, str] = {}
    governed: dict[int, bool] = {}
    prev_end = 0
    quotes = _quote_spans(text)
    for s, e, r in sorted(places, key=lambda p: p[0]):
        q = _in_quotes(quotes, s)
        kinds[s] = _place_kind(s, e, state[q], state_kind[q], prev_end)
        governed[s] = bool(state[q].asserted) and state[q].governing(s, e)
        prev_end = e
    kept = [(s, e, r) for s, e, r in places if r.place and governed[s]
            and not _excluded(clause, s, e, r.place, kinds[s])
            and (kinds[s] != "diplomatic" or _venue(every, text, s, e))]
    kept = _drop_containers(_drop_reference_points(kept, text))
    if not kept:
        fallback = _authorities_country(text, ctx)
        if fallback is not None:
            kept = [fallback]
            kinds[fallback[0]] = kind
    if not kept:
        return [], _unknown_places(text, [(s, e) for s, e, _ in places], kind, ctx)
    trig = min((s for _, s, _ in found), default=0)
    weapons = tuple(s for k, s, _ in found if k in _WEAPON_KINDS)
    who = None if kind == "diplomatic" else actor(text, trig, ctx.demonyms,
                                                   [(s, r.place) for s, _, r in places if r.place], weapons)
    carried = None
    if who is not None and kind in _CARRY_KINDS:
        ctx.recent["actor"] = who
    elif who is None and kind in _CARRY_KINDS:
        # "Odesa was also hit": a one-sided attack by the attacker the article last named
        # (not a battle, which has two sides, nor talks or sabotage)
        carried = ctx.recent.get("actor")
    tolls = _tolls(text, kept, kinds)
    seen: set[tuple[str, float, float]] = set()
    out = []
    for s, e, r in kept:
        place = r.place
        assert place is not None
        if (place.name, place.lon, place.lat) in seen:
            continue
        seen.add((place.name, place.lon, place.lat))
        k = kinds[s]
        killed, injured = tolls.get(s, (None, None))
        if who is None and carried is not None and lx.ACTOR_COUNTRY.get(carried) != place.country:
            by = carried  # never an attacker on its own territory
        else:
            by = who
        out.append(Candidate(k, date, place, text[s:e], _geo_precision(clause, s, e, place),
                             None if k == "diplomatic" else by,
                             killed, injured, clause))
    known = [(s, e) for s, e, _ in places]
    return out, _unknown_places(text, known, kind, ctx) if not out else []


def _tolls(text: str, kept: list[tuple[int, int, Resolved]], kinds: dict[int, str]
           ) -> dict[int, tuple[int | None, int | None]]:
    """Killed and injured at each kept place.

    Casualties belong to the event's one place; a total over several places is never
    split.  When the clause joins parts ("killed by artillery fire in Huliaipole, and a
    guided bomb attack on Orikhiv injured three") each part's figures go to the one
    place in it.
    """
    cuts = [0, *(m.end() for m in _SUBCLAUSE.finditer(text)), len(text)]
    parts: dict[int, list[int]] = {}
    for s, _, _ in kept:
        parts.setdefault(bisect.bisect_right(cuts, s) - 1, []).append(s)
    if len(parts) > 1:
        return {own[0]: casualties(text[cuts[i]:cuts[i + 1]]) for i, own in parts.items() if len(own) == 1
                and kinds[own[0]] != "diplomatic"}
    per_kind = Counter(kinds[s] for s, _, _ in kept)
    figures = casualties(text)
    return {s: figures for s, _, _ in kept if per_kind[kinds[s]] == 1 and kinds[s] != "diplomatic"}


_SUBCLAUSE = re.compile(r",\s+(?:and|while|as|but|whereas)\s+|;\s+|\s+while\s+", re.IGNORECASE)


def _venue(trig: "_Triggers", text: str, start: int, end: int) -> bool:
    """Whether a place is where talks happen: just after the talks ("talks with the US in
    Istanbul") or naming them ("the Geneva talks"); not a place named before them ("Putin,
    who stayed in Moscow, was briefed on the talks")."""
    if _VENUE_NOUN.match(text, end):
        return True
    i = bisect.bisect_right(trig.talk_ends, start) - 1
    return i >= 0 and start - trig.talk_ends[i] <= _VENUE_REACH


_VENUE_REACH = 60


class _Triggers:
    """A clause's trigger matches (type, start, end, asserted, quoted) in text order, with
    the lookups the linker makes per place done by bisection (linear on long clauses)."""

    def __init__(self, scanned: list[tuple[str, int, int, bool, bool]]) -> None:
        self.all = scanned
        self.starts = [t[1] for t in scanned]
        self.ends = [t[2] for t in scanned]  # matches never overlap: ends rise with starts
        self.asserted = [(k, s, e) for k, s, e, ok, _ in scanned if ok]
        self.asserted_starts = [t[1] for t in self.asserted]
        self.weapons = [t for t in self.asserted if t[0] in _WEAPON_KINDS and t[0] != "strike"]
        self.weapon_starts = [t[1] for t in self.weapons]
        self.weapon_kinds = {t[0] for t in self.weapons}
        talks = [t for t in self.asserted if t[0] == "diplomatic"]
        self.talk_ends = [t[2] for t in talks]
        self.talks = len(talks)
        self.violence_kind = _type_of([t for t in self.asserted if t[0] != "diplomatic"], None)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a trigger overlaps ``[start, end)``."""
        i = bisect.bisect_right(self.ends, start)
        return i < len(self.all) and self.starts[i] < end

    def governing(self, start: int, end: int) -> bool:
        """Whether the trigger governing a place is asserted: "warned that Russia could
        attack Kyiv, after drones hit Odesa" keeps Odesa, not Kyiv.  The governing trigger
        is the nearest one before the place, else the nearest after it."""
        i = bisect.bisect_right(self.ends, start) - 1
        if i >= 0:
            return self.all[i][3]
        j = bisect.bisect_left(self.starts, end)
        return self.all[j][3] if j < len(self.all) else True


def _drop_reference_points(kept: list[tuple[int, int, Resolved]], text: str) -> list[tuple[int, int, Resolved]]:
    """Drop a town named only to locate the one before it: "the village of Kivsharivka
    near Kupiansk", "Cherkaska Lozova on the outskirts of Kharkiv"."""
    out: list[tuple[int, int, Resolved]] = []
    for s, e, r in kept:
        if out and r.place is not None and _REFERENCE.match(text[out[-1][1]:s]):
            continue
        out.append((s, e, r))
    return out


def _drop_containers(kept: list[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    """Drop a country or region when a town of the same clause lies in it ("at Izmail
    port in Ukraine" is Izmail), in one pass over the places."""
    countries = {r.place.country for _, _, r in kept if r.place and r.place.kind == "city"}
    regions = {r.place.admin1_gn for _, _, r in kept if r.place and r.place.kind == "city" and r.place.admin1_gn}
    out = []
    for s, e, r in kept:
        p = r.place
        if p is not None and p.kind == "country" and p.country in countries:
            continue
        if p is not None and p.kind in ("admin1", "region") and p.admin1_gn and p.admin1_gn in regions:
            continue
        out.append((s, e, r))
    return out


def _place_kind(pos: int, end: int, trig: _Triggers, kind: str, prev_end: int = 0) -> str:
    """The type of the event at a place: the clause's, unless the clause mixes violence
    and talks and the trigger nearest the place is the other one ("air strikes on Rafah
    killed 20 as talks in Cairo stalled"), or names several weapons, each before its own
    places ("killed by artillery fire in Huliaipole, and a guided bomb attack on Orikhiv")."""
    found = trig.asserted
    if not trig.talks or trig.talks == len(found):
        if kind == "diplomatic" or len(trig.weapon_kinds) < 2:
            return kind
        lo = bisect.bisect_left(trig.weapon_starts, prev_end)
        hi = bisect.bisect_left(trig.weapon_starts, pos)
        own = trig.weapons[lo:hi] or trig.weapons[max(0, hi - 1):hi]  # named since the previous place
        return (_type_of(own, None) or kind) if own else kind
    cut = bisect.bisect_left(trig.asserted_starts, pos)
    before = found[:cut]
    after = found[bisect.bisect_right(trig.asserted_starts, pos):]
    # a place is the argument of the event named before it ("strikes on X", "talks in X");
    # "X talks" (a trigger right after the place) is the exception
    if after and after[0][1] - end <= 2 and after[0][0] == "diplomatic":
        nearest = after[0]
    else:
        nearest = before[-1] if before else after[0]
    if (nearest[0] == "diplomatic") == (kind == "diplomatic"):
        return kind
    if nearest[0] == "diplomatic":
        return "diplomatic"
    return trig.violence_kind or kind


def _authorities_country(text: str, ctx: ArticleContext) -> tuple[int, int, Resolved] | None:
    """"Polish authorities uncover sabotage": the event is in that country (precision 3)."""
    from mapper.model import Mention

    m = _AUTHORITIES.search(text)
    if not m:
        return None
    iso = ctx.demonyms.get(m.group(1).lower())
    place = ctx.country_place.get(iso or "")
    if place is None:
        return None
    return m.start(1), m.end(1), Resolved(Mention(m.group(1), m.start(1), m.end(1)), place)


def _unknown_places(text: str, known: list[tuple[int, int]], kind: str,
                    ctx: ArticleContext) -> list[tuple[str, str, str | None]]:
    out = []
    for m in _UNKNOWN_PLACE.finditer(text):
        s, e = m.span("name")
        if any(ks < e and s < ke for ks, ke in known):
            continue
        name = m.group("name")
        first = name.split()[0].lower()
        if name.lower() in ctx.demonyms or first in ctx.demonyms or first in lx.NOT_PLACES:
            continue
        out.append((name, "not in gazetteer", kind))
    return out
