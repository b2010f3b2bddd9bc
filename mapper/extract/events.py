"""Incident extraction: what happened, where, when, by whom, how many.

One clause (sentence or bullet sentence) at a time, in article order:

1. find the clause's triggers and which are asserted (:mod:`mapper.extract.triggers`):
   not hypothetical, denied, planned, habitual or historic, not pointing back to an
   event told elsewhere; a quoted trigger governs only places in its quotation;
2. type the clause: the first weapon-specific trigger wins; generic attack words take
   the weapon the paragraph or article named; several weapons type each place by the
   ones named before it;
3. link places: a resolved place is a scene unless it is a launch site, an origin, a
   speaker or a capital standing for its side, a venue of speech or of other days, a
   destination of flight, a name mention, an organisation or a route named after it,
   a town named only to locate another, a container of a finer place, or an object of
   political claims; a country or region counts only after a locative;
4. date it (:func:`mapper.extract.dates.clause_date`; background and summary periods
   are not incidents), find the actor (the weapon's demonym, the subject, "by X", the
   attacker the article last named) and the casualties (:mod:`mapper.extract.casualties`).

The result is one :class:`Candidate` per (clause, place); deduplication across
clauses and articles happens later (:mod:`mapper.aggregate`).
"""
from __future__ import annotations

import bisect
import itertools
import math
import re
from dataclasses import dataclass, field

from mapper.extract import lexicon as lx
from mapper.extract.casualties import tolls
from mapper.extract.triggers import (
    GENERIC_KINDS,
    WEAPON_KINDS,
    Triggers,
    in_quotes,
    place_kind,
    quote_spans,
    scan,
    type_of,
)
from mapper.model import Article, Clause, DateSpan, Place, Resolved

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
                        r"|districts|communities)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
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
_ORIGIN = re.compile(r"\bfrom\s+(?:(?:over|above|inside|within|off)\s+)?(?:the\s+)?(?:(?:area|region|direction|territory|side|coast)\s+of\s+(?:the\s+)?)?(?:(?:[A-Z][\w’'-]+['’]s|occupied|Russian-occupied|neighbou?ring|nearby)\s+)*"
                     r"(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:,\s*|\s+and\s+|\s+or\s+))*$")
# an organisation named after a place is not the place
# (up to three capitalised words may come between: "the Warsaw Human Dimension Conference")
_ORG_AFTER = re.compile(r"(?:[\s-]+(?:[A-Z][\w'’-]+\s+){0,3}?(?:Conference|Summit|Dialogue|Security Forum)"
                        r"|[\s-]+(?:Institute|University|Institut|Foundation|Council|Club|Academy|Center|Centre|School"
                        r"|Agreements?|Accords?|Format|Declaration|Protocol|Process|Convention|Group|Forum|Final Act"
                        r"|Charter|Memorandum|Treaty|Communiqu[eé]|Principles|Document|Consensus|Plan|Initiative))\b")
# a document or body named "of" a place: "the Charter of Paris", "the Treaty of Lisbon"
_ORG_BEFORE = re.compile(r"\b(?:Charter|Treaty|Declaration|Memorandum|Congress|Peace|Statute|Convention|Protocol|Accords?"
                         r"|Agreement)\s+of\s+$")
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
# a place as the subject of conducting attacks is the attacker (a capital standing for its
# side): "as Moscow presses its offensive", "Kyiv launched a wave of drones", "Tehran fires missiles"
_CONDUCTS = re.compile(r"\s+(?:presse[sd]|push(?:es|ed)|steps?\s+up|stepped\s+up|ramps?\s+up|ramped\s+up"
                       r"|intensifie[sd]|escalate[sd]|launch(?:es|ed)?|fire[sd]?|carrie[sd]\s+out|carries\s+out"
                       r"|conduct(?:s|ed)?|continue[sd]?|resume[sd]?|sen[dt]s?|use[sd]?|unleash(?:es|ed)?)"
                       r"\s+(?:its\s+|the\s+|a\s+|an\s+|new\s+|more\s+)?(?:\w+\s+){0,3}?"
                       r"(?:offensive|attacks?|strikes?|assaults?|campaign|bombardment|shelling|barrages?|waves?"
                       r"|drones?|missiles?|rockets?)\b", re.IGNORECASE)
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


_DOMESTIC = frozenset({"sabotage", "explosion", "other"})
_CARRY_KINDS = frozenset({"missile_strike", "drone_strike", "air_strike", "shelling", "other"})
#: events that ended this many days before publication are the article's background
BACKGROUND_DAYS = 30
#: a date range longer than this is a summary period, not an event's date
SUMMARY_DAYS = 62
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[a-z][\w-]*\s+){0,2}\Z")  # "Ukrainian fixed-wing drones"


def _prev_word(text: str, pos: int) -> str:
    m = _PREV_WORD.search(text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


_MODIFIERS = frozenset("""the east eastern west western south southern north northern central northeast
northeastern northwest northwestern southeast southeastern southwest southwestern rebel rebel-held separatist
separatist-held occupied russian-occupied russian-held ukrainian-controlled government-held war-torn e. w. n. s.
frontline front-line besieged parts part of regions oblasts provinces governorates region oblast province""".split())
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
    return _governor(text, start)[0]


def _governor(text: str, start: int) -> tuple[str, int]:
    """:func:`_governing_word` and where it starts (-1 when there is none)."""
    lo = max(0, start - 120)
    listed = _COORDINATED.search(text, lo, start)
    pos = listed.start() if listed else start
    for _ in range(5):
        m = _PREV_WORD.search(text[max(0, pos - 30):pos])
        if not m:
            return "", -1
        word = m.group(1).lower()
        pos = max(0, pos - 30) + m.start(1)
        if word not in _MODIFIERS:
            return word, pos
    return "", -1


def _other_role(text: str, start: int, end: int, trig: Triggers) -> bool:
    """Whether the place plays a role other than the event's scene, by what governs it.

    A place governed by "to", "for", "with", "by" or "against" is a recipient, a
    beneficiary, a partner or an agent ("drones supplied to Kyiv", "shells for Kyiv",
    "blamed Kyiv for the attack") unless an event word heads the phrase ("the battle for
    Bakhmut", "strikes against Kharkiv"); "on" after a word of policy is its target, not
    a scene ("sanctions on Tehran"); the direct object of a verb that is no event word is
    that verb's object ("asked Berlin for", "visited Kharkiv"); a place that is the
    subject of a verb that is no event word is an agent ("Washington approved ...").
    """
    word, pos = _governor(text, start)
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1).split()[-1] in lx.AGENT_VERBS and not trig.overlaps(after.start(1), after.end(1)) \
            and not {word, _prev_word(text, start)} & _PREPOSITIONS:
        return True  # the subject of its own verb
    if pos < 0:
        return False
    if word in _ROLE_PREPOSITIONS or word == "on":
        head = _PREV_WORD.search(text, max(0, pos - 30), pos)
        if head is None:
            return False
        kind = trig.kind_at(head.start(1), head.end(1))
        if kind is not None and (word in ("on", "against") or word == "for" and kind == "ground_fighting"):
            return False  # "strikes on Kyiv", "attacks against Kharkiv", "the battle for Bakhmut"
        return word != "on" or head.group(1).lower() in lx.POLICY_NOUNS
    if trig.overlaps(pos, pos + len(word)) or word in _LOCATIVE:
        return False
    return word in lx.OBJECT_VERBS


_ROLE_PREPOSITIONS = frozenset({"to", "for", "with", "by", "against"})
_PREPOSITIONS = _LOCATIVE | _ROLE_PREPOSITIONS | {"from", "of", "towards", "via", "through", "about"}
_NEXT_WORD = re.compile(r"\s+((?:has\s+|have\s+)?[a-z]{2,})\b")


def _excluded(clause: Clause, start: int, end: int, place: Place, kind: str) -> bool:
    """Whether a place in a clause is not where the clause's event happened."""
    text = clause.text
    # the left-context patterns end at the place: search a bounded window, not the whole clause
    left = text[max(0, start - 120):start]
    prev = _prev_word(text, start)
    if prev in lx.ORIGIN_WORDS or _ORIGIN.search(left):
        return True
    if (_ORG_AFTER.match(text, end) or _ORG_BEFORE.search(left) or _ROUTE.match(text, end)
            or _ROUTE_END.search(left)):
        return True  # "the Oxford Institute", "the Warsaw-Lublin railway line"
    if _SPEAKER.match(text, end) or _ATTACKER.match(text, end):
        return True  # "Kiev says rebels shelled ...": the speaker, not the scene
    if _ATTRIBUTION_LEFT.search(left) and _ATTRIBUTION.match(text, end):
        return True
    if _FORCES.match(text, end) and _governing_word(text, start) not in _LOCATIVE:
        return True
    if _CONDUCTS.match(text, end):
        return True  # "as Moscow presses its offensive": the attacker
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
    if place.kind == "facility":
        return 1  # an airbase, a plant, a bridge: the named site itself
    if place.kind != "city":
        return 3
    text = clause.text
    left = _COORDINATED.sub("", text[max(0, start - 90):start])  # "near Pokrovsk and Kostiantynivka"
    if _NEAR.search(left[-30:]):
        return 2
    if re.match(r"\s+(?:region|area|district|oblast|outskirts|suburbs)\b", text[end:end + 15], re.IGNORECASE):
        return 2
    return 1


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
    accused = _ACCUSED.search(text, max(0, trigger_at - 80), trigger_at)
    if accused:
        # "X accused the army of air strikes": the accused is the attacker (as X claims), never X
        named = [name for at, name in groups if accused.start(1) <= at < accused.end(1)]
        return named[0] if named else _demonym_actor(accused.group(1), demonyms)
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


_ACCUSED = re.compile(r"\b(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing))\s+(.{1,40}?)\s+(?:of|for)\s+(?:[\w-]+\s+){0,2}\Z")


def _demonym_actor(phrase: str, demonyms: dict[str, str]) -> str | None:
    """The actor a phrase names by a demonym or country name ("the Russian army"), if any."""
    for word in re.findall(r"[A-Z][a-z]+", phrase):
        iso = demonyms.get(word.lower())
        if iso:
            return lx.COUNTRY_ACTORS.get(iso, word)
        if word in lx.ACTOR_COUNTRY:
            return word
    return None


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
    country_place: dict[str, Place]
    weapon: str | None
    conflict: bool = True  # the article is about armed conflict (casualty words are incidents)
    # the weapon the paragraph named last ("Marhanets was also hit" after "shelled Nikopol"),
    # written by link_clause as it walks the article's clauses in order
    recent: dict = field(default_factory=dict)

    def weapon_for(self, clause: Clause) -> str | None:
        """The weapon generic attack words in ``clause`` stand for: the last one named
        in the same paragraph, else the article's first."""
        last = self.recent.get(clause.part)
        if last is None:
            return self.weapon
        weapon, end = last
        # the title is one line; in the body a line break between the clauses ends the paragraph
        same_paragraph = clause.part == "title" or "\n" not in self.article.text[end:clause.start]
        return weapon if same_paragraph else self.weapon

    def remember(self, clause: Clause, found: list[tuple[str, int, int]]) -> None:
        weapons = [t for t in found if t[0] in WEAPON_KINDS and t[0] not in GENERIC_KINDS]
        if weapons:
            self.recent[clause.part] = (type_of(weapons, None), clause.end)


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
    scanned = scan(text)
    found = [(k, s, e) for k, s, e, ok, _ in scanned if ok]
    weapon = ctx.weapon_for(clause)
    ctx.remember(clause, found)
    kind = type_of(found, weapon, ctx.conflict)
    if kind is None:
        return [], []
    if date is None:
        return [], [("", "no date in the clause or article", kind)]
    published = ctx.article.published
    if published is not None and (published - date.end).days > BACKGROUND_DAYS:
        return [], []  # "in March 2024 an attack damaged the dam": background, not news
    if (date.end - date.start).days > SUMMARY_DAYS:
        return [], []  # "struck twice in 2024": a summary over a season or a year, not an event
    if all(k == "violence" for k, _, _ in found) and lx.CUMULATIVE.search(text):
        return [], []  # "deaths have climbed to 2,500": a running total, not an event
    every = Triggers(scanned)
    places = [(s, e, r) for s, e, r in places if not every.overlaps(s, e)]  # "Neptune missiles"
    if not any(k not in GENERIC_KINDS for k, _, _ in found) \
            and _GROUND.search(text):
        kind = "ground_fighting"  # "attacked near Selydove", "attacks in the Kupyansk direction"
    # a quoted trigger governs the places of its quotation, an unquoted one the others
    state = {False: every, True: Triggers([])} if not any(t[4] for t in scanned) else \
        {q: Triggers([t for t in scanned if t[4] == q]) for q in (False, True)}
    state_kind = {q: kind if len(t.asserted) == len(found) else (type_of(t.asserted, weapon, ctx.conflict) or kind)
                  for q, t in state.items()}
    kinds: dict[int, str] = {}
    governed: dict[int, bool] = {}
    prev_end = 0
    quotes = quote_spans(text)
    for s, e, r in sorted(places, key=lambda p: p[0]):
        q = in_quotes(quotes, s)
        kinds[s] = place_kind(s, e, state[q], state_kind[q], prev_end)
        governed[s] = bool(state[q].asserted) and state[q].governing(s, e)
        prev_end = e
    kept = [(s, e, r) for s, e, r in places if r.place and governed[s]
            and not _excluded(clause, s, e, r.place, kinds[s])
            and (kinds[s] == "diplomatic" or not _other_role(text, s, e, every))
            and (kinds[s] != "diplomatic" or _venue(every, text, s, e))]
    kept = _drop_containers(_drop_reference_points(kept, text))
    if not kept and kind in _DOMESTIC:
        # "Polish prosecutors charged two men over the arson": national police and
        # prosecutors investigate what happened in their own country
        fallback = _authorities_country(text, ctx)
        if fallback is not None:
            kept = [fallback]
            kinds[fallback[0]] = kind
    if not kept:
        return [], _unknown_places(text, [(s, e) for s, e, _ in places], kind, ctx)
    trig = min((s for _, s, _ in found), default=0)
    weapons = tuple(s for k, s, _ in found if k in WEAPON_KINDS)
    who = None if kind == "diplomatic" else actor(text, trig, ctx.demonyms,
                                                   [(s, r.place) for s, _, r in places if r.place], weapons)
    carried = None
    if who is not None and kind in _CARRY_KINDS:
        ctx.recent["actor"] = who
    elif who is None and kind in _CARRY_KINDS:
        # "Odesa was also hit": a one-sided attack by the attacker the article last named
        # (not a battle, which has two sides, nor talks or sabotage)
        carried = ctx.recent.get("actor")
    figures = tolls(text, kept, kinds)
    seen: set[tuple[str, float, float]] = set()
    out = []
    for s, e, r in kept:
        place = r.place
        assert place is not None
        if (place.name, place.lon, place.lat) in seen:
            continue
        seen.add((place.name, place.lon, place.lat))
        k = kinds[s]
        killed, injured = figures.get(s, (None, None))
        if who is None and carried is not None and lx.ACTOR_COUNTRY.get(carried) != place.country:
            by = carried  # never an attacker on its own territory
        else:
            by = who
        out.append(Candidate(k, date, place, text[s:e], _geo_precision(clause, s, e, place),
                             None if k == "diplomatic" else by,
                             killed, injured, clause))
    known = [(s, e) for s, e, _ in places]
    return out, _unknown_places(text, known, kind, ctx) if not out else []


def _venue(trig: Triggers, text: str, start: int, end: int) -> bool:
    """Whether a place is where talks happen: just after the talks ("talks with the US in
    Istanbul") or naming them ("the Geneva talks"); not a place named before them ("Putin,
    who stayed in Moscow, was briefed on the talks")."""
    if _VENUE_NOUN.match(text, end):
        return True
    i = bisect.bisect_right(trig.talk_ends, start) - 1
    return i >= 0 and start - trig.talk_ends[i] <= _VENUE_REACH


_VENUE_REACH = 60


def _drop_reference_points(kept: list[tuple[int, int, Resolved]], text: str) -> list[tuple[int, int, Resolved]]:
    """Drop a town named only to locate the one before it: "the village of Kivsharivka
    near Kupiansk", "Cherkaska Lozova on the outskirts of Kharkiv"."""
    out: list[tuple[int, int, Resolved]] = []
    for s, e, r in kept:
        if out and r.place is not None and _REFERENCE.match(text[out[-1][1]:s]):
            continue
        out.append((s, e, r))
    return out


FACILITY_TOWN_KM = 20.0


def near(a: Place, b: Place, km: float) -> bool:
    """Whether two points lie within ``km`` (flat-earth: only short distances are asked)."""
    dx = (a.lon - b.lon) * 111.32 * math.cos(math.radians((a.lat + b.lat) / 2))
    return math.hypot(dx, (a.lat - b.lat) * 110.57) <= km


def _drop_containers(kept: list[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    """Drop a country or region when a town of the same clause lies in it ("at Izmail
    port in Ukraine" is Izmail), and a facility when the clause names the town it lies
    in (per-city counts count the town), in one pass over the places."""
    countries = {r.place.country for _, _, r in kept if r.place and r.place.kind == "city"}
    regions = {r.place.admin1_gn for _, _, r in kept if r.place and r.place.kind == "city" and r.place.admin1_gn}
    towns = [r.place for _, _, r in kept if r.place and r.place.kind == "city"]
    out = []
    for s, e, r in kept:
        p = r.place
        if p is not None and p.kind == "country" and p.country in countries:
            continue
        if p is not None and p.kind == "facility" and any(near(p, t, FACILITY_TOWN_KM) for t in towns):
            continue  # "a house near the Nasser Medical Complex" in Khan Younis: the town counts the strike
        if p is not None and p.kind in ("admin1", "region") and p.admin1_gn and p.admin1_gn in regions:
            continue
        out.append((s, e, r))
    return out


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
