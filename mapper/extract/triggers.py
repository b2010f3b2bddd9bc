"""Trigger words of a clause: which are asserted, which are quoted, what type they give.

A trigger (:data:`mapper.extract.lexicon.TRIGGERS`) is asserted unless modality words
make it hypothetical, denied, planned, habitual or historic, or it points back to an
event told elsewhere ("after the attack").  The first weapon-specific trigger types a
clause; generic attack words take the weapon the article or paragraph named; casualty
words alone count only in an article about armed conflict.  :class:`Triggers` answers
the linker's per-place questions (the governing trigger, the weapons named since the
previous place) by bisection, so a long clause stays linear.
"""
from __future__ import annotations

import bisect
import functools
import re

from mapper.extract import lexicon as lx
from mapper.model import Clause

__all__ = ["GENERIC_KINDS", "WEAPON_KINDS", "Triggers", "article_weapon", "clause_type", "in_quotes", "place_kind",
           "quote_spans", "scan", "triggers", "type_of"]


#: before a device: found or made safe, it did not go off ("sappers defused an IED", "police found a landmine",
#: "a controlled detonation of an explosive device by security forces")
_MADE_SAFE = re.compile(r"\b(?:defus|disarm|dismantl|deactivat|neutrali[sz]|discover|found\b|find|seiz|recover|detect|locat"
                        r"|remov|clear|controlled\s+(?:detonation|explosion)s?\s+of)\w*\s+(?:and\s+\w+\s+)?"
                        r"(?:(?:an?|the|two|three|four|five|several|\d+)\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def scan(text: str, echo: bool = False) -> list[tuple[str, int, int, bool, bool]]:
    """Every trigger match (type, start, end, asserted, quoted).

    Memoised per (text, echo): the linker, the article's weapon and the follow-up check scan
    the same clauses (a fresh list each call, so callers may keep or change it).

    A trigger is not asserted when a modality word scopes over it (hypothetical, denied,
    planned, habitual or historic: :data:`mapper.extract.lexicon.MODALITY`), when a word
    right after it does ("talks scheduled for"), or when it points back to an event told
    elsewhere ("after the attack"; with ``echo`` such a
    back-reference counts as asserted: the article may tell the event nowhere else).  A
    quoted trigger only governs places in the same quotation.
    """
    return list(_scan(text, echo))


@functools.lru_cache(maxsize=4096)
def _scan(text: str, echo: bool) -> tuple[tuple[str, int, int, bool, bool], ...]:
    low = text.lower()
    trigger, src = lx.ANY_TRIGGER.pick(text, low)
    found = list(trigger.finditer(src))
    if not found:
        return ()  # most clauses: no modality to look for
    if _YES_NO.match(text) and text.rstrip(" \"'’”)").endswith("?") and not _CONDEMNING.search(text):
        # a yes/no question asks whether, it tells nothing: "Are ceasefire negotiations in Gaza now dead?"
        return tuple((m.lastgroup or "strike", m.start(), m.end(), False, False) for m in found)
    after_rx, _ = lx.MODALITY_AFTER.pick(text, low)
    cues = _cues(text, low)
    served = _AID_WORD.search(low) is not None  # most clauses name no aid: skip _BENEFICIARIES per trigger
    # the boundaries stop a modality word's reach: a clause with no modality word (most) needs none
    bounds = _boundaries(text, low, src) if cues else {}
    quotes = quote_spans(text)
    # "reports of shelling in Kyiv are crudely fabricated": the events a speaker calls false are denied
    denied = [d.span("told") for d in _DISCREDITED.finditer(text)] if _DISCREDITING.search(low) else []
    still_away = "displaced" in low  # most clauses tell no displacement: skip _DISPLACED_STILL per trigger
    out = []
    for m in found:
        if m.lastgroup == "strike" and _no_attack(src, m.start(), m.end()) \
                or m.lastgroup == "strike" and _BLAST_SUBJECT.search(src, max(0, m.start() - 40), m.start()) \
                or m.lastgroup == "attack" and _POLICY_TARGETS.search(src, max(0, m.start() - 40), m.start()) \
                or m.lastgroup == "ground_fighting" and _STRUGGLE.match(src, m.end()) \
                or m.lastgroup == "diplomatic" and _NOT_TALKS.match(src, m.end()) \
                or m.lastgroup == "violence" and _NAMED_CAUSE.search(text, max(0, m.start() - 40), m.end()) \
                or m.lastgroup == "violence" and _FLIGHT_CAUSE.search(src, max(0, m.start() - 160), m.start()) \
                or still_away and _DISPLACED_STILL.search(src, max(0, m.start() - 160), m.start()) \
                or m.lastgroup in _WEAPON_NOUNS and _MAKING.match(src, m.end()) \
                or m.lastgroup == "ground_fighting" and _not_taken(text, src, m) \
                or m.lastgroup == "explosion" and _MADE_SAFE.search(src, max(0, m.start() - 60), m.start()):
            continue  # "an agreement was struck", "the earthquake struck", "doctors fought to contain cholera",
            # "met with humanitarian teams", "the International Day for the Elimination of Violence against Women"
        before = src[max(0, m.start() - _MODALITY_WINDOW):m.start()]
        asserted = not (_modal(cues, bounds, src, m.start()) or after_rx.match(src[m.end():m.end() + 30])
                        or _HELD.fullmatch(src, m.start(), m.end()) and _STATE_OF_LAND.match(src, m.end())
                        and _ATTRIBUTE_BEFORE.search(before) is not None
                        or (m.lastgroup == "diplomatic" and _talks_ahead(src, m.end()))
                        or _DEFINITE_SUBJECT.match(src, 0, m.start()) and _REACTED.match(src, m.end())
                        or ((not echo and (_ANAPHORA.search(before) or _MOURNED.search(before))
                             or _BACK_SUBJECT.match(src, 0, m.start())
                             and not (_HIT_PREDICATE.match(src, m.end()) or _HIT_PREDICATE.match(src, max(0, m.start() - 1))))
                            and not _TOLD_HERE.match(text, m.end()))
                        or _CHARACTERISATION.search(before) or _WEAPON_TRADE.search(before)
                        or _NAMED_AS.search(before) or _ANNIVERSARY.search(before)
                        or (served and _BENEFICIARIES.search(before))
                        or _infinitive(low, m.start(), m.end())
                        or any(a <= m.start() < b for a, b in denied))
        if not asserted and out and out[-1][0] == (m.lastgroup or "strike") and out[-1][3] \
                and _FEAR_OF_MORE.fullmatch(src, out[-1][2], m.start()):
            asserted = True  # "attacks and fear of attacks by armed groups displaced 24,000 in X": the attacks' places
        out.append((m.lastgroup or "strike", m.start(), m.end(), asserted, in_quotes(quotes, m.start())))
    return tuple(out)


#: a blast told as what struck ("two explosions struck a rally in Bukavu", "a bomb blast hit a market"): the verb is
#: the blast's, no strike of its own (the blast word types the event)
_BLAST_SUBJECT = re.compile(r"\b(?:explosions?|blasts?|bombs?|IEDs?|explosive\s+devices?)\s+(?:\w+\s+){0,2}$",
                            re.IGNORECASE)


#: the words that give a displacement's cause: "due to", "because of", "owing to", "as a result of"
_CAUSE_OF = r"due\s+to|because\s+of|owing\s+to|as\s+a\s+result\s+of"
#: the cause of a displacement that lasts: "16,000 people remain displaced in X due to the recent fighting" counts people
#: still away from home (a humanitarian figure), it tells no event (any event word: the fighting is told elsewhere)
_DISPLACED_STILL = re.compile(r"\b(?:remain(?:s|ed|ing)?|(?:are|is|were|was)\s+still|still)\s+(?:internally\s+)?displaced\b"
                              rf"[^.;:]*?\b(?:{_CAUSE_OF}|by|from)"
                              r"\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


#: an event and the fear of more of it, coordinated: "attacks and fear of attacks", "shelling and the threat of
#: further shelling" (the second word's places are the first's, which happened)
_FEAR_OF_MORE = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?(?:fears?|threats?|risks?)\s+of\s+"
                           r"(?:further\s+|more\s+|new\s+|renewed\s+|possible\s+)?", re.IGNORECASE)


#: violence told as why people fled, in a clause of displacement: "4,800 people were forced to flee their villages in
#: Menchum division due to violence" (the flight is the clause's news; the violence is no event it places)
_FLIGHT_CAUSE = re.compile(r"\b(?:fled|flee(?:ing)?|displac\w+|forced\s+to\s+(?:flee|leave))\b[^.;:]*?"
                           rf"\b(?:{_CAUSE_OF}|fleeing)"
                           r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _not_taken(text: str, src: str, m: re.Match[str]) -> bool:
    """Whether a verb of taking ("seized", "took", "regained", "fell to") takes no town: what follows it is no word of
    a town ("took the village of"), no place's name nor "over" a town (a name capitalised, in the text's own case;
    neither after "it took": time it takes) nor, after "fell to", an armed force."""
    verb = m.group().lower()
    if verb not in _TAKING:
        return False
    if verb.endswith(" to"):
        return not _FELL_TO_WHOM.match(text, m.end())
    took = verb.startswith("t")
    units = _TOWN_SEIZED if verb.startswith("seiz") else _TOWN_TAKEN if took else None
    if units is not None and units.match(src, m.end()):
        return False
    named = _TAKEN_OBJECT.match(text, m.end()) or took and src.startswith(" over", m.end()) \
        and _TOWN_TAKEN.match(src, m.end() + len(" over"))
    return not named or took and _IT_TAKES.search(src, max(0, m.start() - 9), m.start())


_TAKING = frozenset({"seized", "seizes", "seizing", "regained", "regains", "regaining", "took", "taken", "takes",
                     "taking", "fell to", "fall to", "falls to", "fallen to"})
#: a place's name after the verb: "seized Rutshuru", "took over Paletwa" (not a people or its goods: "seized Russian
#: assets", "seized Chinese drones"; not what is someone's: "took Zelensky's call")
_TAKEN_OBJECT = re.compile(r" (?:over )?(?:the )?[A-Z][\w’'-]+\b(?<!ian)(?<!ese)(?<!ish)(?!['’]s\b)")
#: "fell to M23 rebels", "fell to the RSF", "fell to Russian forces" (not "prices fell to a low")
_FELL_TO_WHOM = re.compile(r" (?:the )?(?:[\w-]+ ){0,2}?(?:rebels|forces|troops|fighters|militants|insurgents|jihadists"
                           r"|militia(?:men|s)?|army|soldiers|gunmen)\b| (?:the )?[A-Z][A-Z0-9]+\b")
#: a town named by its kind after "took" and "seized": "took the village of Novoselivka", "seized the key town"
_TOWN_TAKEN = re.compile(r" (?:the )?(?:key |strategic )?(?:town|city|village|settlement|district|airport"
                         r"|capital|hill)\b")
_TOWN_SEIZED = re.compile(r" (?:the )?(?:key |strategic )?(?:town|city|village|settlement|district|base|airport|capital"
                          r"|control|areas?|positions?|hill)\b")
#: time it takes: "it took Ukraine two days to restore power" (before the verb, lower-cased)
_IT_TAKES = re.compile(r"it (?:has |had |will )?$")


#: a comma inside a list of nouns: at most three words, none a verb of the past or a pronoun, then "and"/"or" ("the
#: killings, shelling and displacement"; not "Troops did not advance, shelling resumed and ...")
_LIST_COMMA = re.compile(r",\s+(?:(?!(?:he|she|it|they|we|i)\b)[\w-]+(?<!ed)\s+){0,2}?[\w-]+(?<!ed),?\s+(?:and|or)\s",
                         re.IGNORECASE)


#: land described by who took it, not a taking: "aid delivered in retaken areas of Kharkiv oblast", "the recaptured
#: villages" (a participle before a noun of land, after a preposition or a determiner: "forces recaptured villages
#: near Kupiansk" stays a battle)
_HELD = re.compile(r"(?:re)?captured|retaken|liberated|de-occupied|deoccupied", re.IGNORECASE)
_STATE_OF_LAND = re.compile(r"\s+(?:[a-z-]+\s+)?(?:areas|territories|territory|villages|towns|settlements|cities|regions|parts"
                            r"|communities|districts|lands?|localities|oblasts|provinces)\b", re.IGNORECASE)
_ATTRIBUTE_BEFORE = re.compile(r"\b(?:in|into|of|to|from|across|for|throughout|the|these|those|its|their|newly|recently"
                               r"|previously|formerly|other|all)\s+$", re.IGNORECASE)


#: a sentence that opens with an auxiliary asks whether ("Did the strikes hit Sanaa?", "Are talks in
#: Doha over?"), when it ends in a question mark
_YES_NO = re.compile(r"\W*(?:are|is|was|were|will|would|could|can|should|shall|did|do|does|has|have|had|must|may"
                     r"|might|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|won['’]t|didn['’]t|doesn['’]t|hasn['’]t"
                     r"|haven['’]t)\s", re.IGNORECASE)


#: a question that asks to condemn or to report on an event presupposes it ("Will the Minister join me in condemning
#: the Russian missile attack on Kharkiv yesterday?", "Does she agree that the strikes on Kyiv yesterday were a war
#: crime?"; what it asks is the speaker's stance, not whether the event happened)
_CONDEMNING = re.compile(r"\b(?:condemn(?:s|ed|ing)?|join\s+me\s+in|pay\s+tribute|send\s+(?:our|his|her|their)\s+condolences"
                         r"|update\s+the\s+House\s+on|make\s+a\s+statement\s+on|agree\s+(?:with\s+me\s+)?that)\b",
                         re.IGNORECASE)


# a weapon named as what a site makes or holds is no attack with it: "struck a drone factory", "the missile
# plant was hit"; the site's attack is told by the clause's other words
_WEAPON_NOUNS = frozenset({"drone_strike", "missile_strike"})
_MAKING = re.compile(r"(?:\s+(?:assembly|production|manufacturing|component|parts|fuel|engine))?"
                     r"\s+(?:factory|factories|plants?|production|manufacturing|workshops?|assembly|manufacturers?"
                     r"|makers?|programm?e?s?|components|parts|depots?|warehouses?|storage|stockpiles?|arsenals?"
                     r"|industry|industries|enterprises?)\b", re.IGNORECASE)


# violence as a capitalised word of a name after another capitalised word: a day, an office or a
# campaign against it ("Day for the Elimination of Violence against Women", "Office on Violence Against
# Women"), not violence that happened
_NAMED_CAUSE = re.compile(r"[A-Z][\w-]*(?:\s+(?:for|on|of|against|to|the|and)){1,3}\s+(?:the\s+)?Violence\Z")


# "strike" and "struck" in senses of no attack: a deal struck, a strike by workers, a law struck down
_NOT_ATTACK_BEFORE = re.compile(r"\b(?=\w)(?:(?:earthquake|quake|tremor|storm|cyclone|typhoon|hurricane|flood|tsunami|disaster"
                                r"|lightning|epidemic|pandemic|outbreak|famine|drought)s?(?:\s+(?:that|which|has|had))?"
                                r"|(?:deal|agreement|accord|bargain|compromise|truce|pact|balance)s?"
                                r"(?:\s+(?:was|were|is|are|(?:has|had|have)\s+been|being))?"
                                r"|hunger|general|labou?r|workers['’]?|teachers['’]?|doctors['’]?|rail|dock"
                                r"|transport)\s+$", re.IGNORECASE)
#: a meeting with the people an envoy visits is no talks ("met with humanitarian teams in Yangon",
#: "met survivors", "met families of the victims")
_NOT_TALKS = re.compile(r"\s+(?:with\s+)?(?:the\s+|some\s+|local\s+)*(?:(?:humanitarian|aid|relief|medical|rescue|health"
                        r"|front-line|frontline)\s+(?:teams?|workers|staff|partners|responders|organi[sz]ations)"
                        r"|(?:(?:UN|United\s+Nations|humanitarian|aid|relief|partner)\s+)?agencies|(?:other\s+)?partners|donors|NGOs"
                        r"|survivors|families|residents|victims|displaced|refugees|children|volunteers|responders"
                        r"|patients|communities|people\s+affected)\b", re.IGNORECASE)
#: fighting as a struggle against a disease, a fire or hardship ("fought to contain a cholera outbreak")
_STRUGGLE = re.compile(r"\s+to\s+(?:contain|control|save|treat|rescue|extinguish|put\s+out|survive|feed|cope|stem"
                       r"|curb|tackle|restore\s+power|keep\s+\w+\s+(?:alive|warm|fed))\b", re.IGNORECASE)
_NOT_ATTACK_AFTER = re.compile(r"\s+(?:(?:a|an|the|this|that)\s+(?:[\w-]+\s+)?(?:deal|agreement|accord|bargain"
                               r"|compromise|balance|chord|tone|note|pose|match)"
                               r"|down\s+(?:the|a|an|this|that|his|her|their)\s+"
                               r"(?:law|ban|rule|ruling|order|measure|decree|bill|provision)|off\s+the\s+register)\b",
                               re.IGNORECASE)


#: measures that "target" people or firms: "sanctions targeting four senior commanders", "new measures targeted
#: at ..." (a policy's aim, no attack)
_POLICY_TARGETS = re.compile(r"\b(?=\w)(?:sanctions?|measures|restrictions|designations?|asset\s+freezes?|travel\s+bans?"
                             r"|export\s+controls|tariffs|legislation|campaigns?|package)\s+(?:(?:that|which)\s+)?"
                             r"(?:(?:are|were|is|was|specifically|directly)\s+)?\Z", re.IGNORECASE)


def _no_attack(src: str, start: int, end: int) -> bool:
    """Whether a "strike" word at ``start``..``end`` is used in a sense of no attack."""
    return bool(_NOT_ATTACK_BEFORE.search(src, max(0, start - 40), start) or _NOT_ATTACK_AFTER.match(src, end))


# "talks between the two sides will resume in Geneva", "the summit is due to open in Doha", "talks
# would be held in Geneva" (a plan reported): a
# meeting whose own predicate says it will take place has not taken place ("talks in Doha today
# are expected to focus on ..." says what talks going on will do: they stay)
_FUTURE = re.compile(r"\b(?=\w)(?:will|would|could|might|may|shall|(?:is|are)\s+(?:now\s+)?(?:due|set|expected|scheduled|slated|planned|likely|going)"
                     r"\s+to|(?:is|are)\s+to)\s+(?:be\s+held|take\s+place|resume|re-?open|open|begin|start|convene|reconvene"
                     r"|get\s+under\s*way)\b"
                     # any predicate of the meeting in the future: "the Geneva meeting will mark the beginning of
                     # negotiations", "the summit will bring together 40 leaders"
                     # (not past a day told between them: "the talks on Sunday will be followed by ...")
                     r"|\b(?P<any>(?:will|shall)\s+(?!have\b)[a-z]+)", re.IGNORECASE)
# a verb of the past between the meeting and "will" is its own predicate ("talks ended and will resume")
_PAST_VERB = re.compile(r"\b(?=\w)(?:\w+ed|was|were|took|met|began|begun|held|broke|went|saw|had|did|made)\b", re.IGNORECASE)


def _talks_ahead(src: str, end: int) -> bool:
    """Whether the first predicate after a meeting noun is future, or a time to come follows it
    and its venue ("talks in Riyadh next week"), within its sentence part."""
    later = _LATER.search(src, end, end + 60)
    if later is not None and _VENUE_GAP.fullmatch(src, end, later.start()):
        return True
    m = _FUTURE.search(src, end, end + 80)
    if m is None:
        return False
    gap = src[end:m.start()]
    return not any(c in gap for c in ".;:") and not _PAST_VERB.search(gap) \
        and not (m["any"] and _DAY_IN_GAP.search(gap))


#: a day told between a meeting noun and its predicate ("on Sunday", "last week", "on 9 June", "yesterday")
_DAY_IN_GAP = re.compile(r"\b(?=\w)(?:on|last|yesterday|today|earlier|this)\b|\d", re.IGNORECASE)


#: what may stand between a meeting noun and its time: its venue ("in Riyadh", "in the Saudi city of Jeddah")
_VENUE_GAP = re.compile(r"\s+(?:(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,5})?")
#: a time to come: "next week", "tomorrow", "later this month", "in the coming days"
_LATER = re.compile(r"\b(?=\w)(?:(?:next|coming)\s+(?:week|weekend|month|year|monday|tuesday|wednesday|thursday|friday"
                    r"|saturday|sunday)|tomorrow|later\s+(?:this|in\s+the)\s+(?:week|month|year)"
                    r"|in\s+the\s+(?:coming|next)\s+(?:days|weeks|months))\b", re.IGNORECASE)


def _cues(text: str, low: str) -> list[tuple[int, int, str]]:
    """The clause's modality words (start, end, reach class); "May 5" is a month."""
    rx, src = lx.MODALITY.pick(text, low)
    out = []
    for m in rx.finditer(src):
        if m.lastgroup == "aux" and src[m.start():m.end()] == "may" and lx.month_word_is_date(text, m.start(), m.end()):
            continue
        out.append((m.start(), m.end(), m.lastgroup or "aux"))
    return out


def _boundaries(text: str, low: str, src: str) -> dict[str, list[int]]:
    """Where the clause's boundaries of each kind (:data:`mapper.extract.lexicon.CLAUSE_BOUNDARY`) start, and
    under "q" the punctuation among them that is no comma of a list: what ends a modality word's reach
    (:func:`_modal`).  ``low``: the text lower-cased; ``src``: the one of the two the patterns run on."""
    bounds: dict[str, list[int]] = {"p": [], "t": [], "w": [], "q": []}
    for m in lx.CLAUSE_BOUNDARY.pick(text, low)[0].finditer(src):
        bounds[m.lastgroup or "p"].append(m.start())
        if (m.lastgroup or "p") == "p" and not (src[m.start()] == "," and _LIST_COMMA.match(src, m.start())):
            bounds["q"].append(m.start())
    return bounds


def _modal(cues: list[tuple[int, int, str]], bounds: dict[str, list[int]], src: str, at: int) -> bool:
    """Whether a modality word before ``at`` reaches it: no clause boundary of the kinds
    that end its reach between them, and within its reach in words where it has one
    (see ``lexicon.MODALITY``); a governing word reaches through "that" into its complement."""
    lo = at - _MODALITY_WINDOW
    i = bisect.bisect_left(cues, (at, 0, "")) - 1
    while i >= 0 and cues[i][0] >= lo:
        start, end, reach = cues[i]
        i -= 1
        if any(_between(bounds[kind], end, at) for kind in lx.MODALITY_STOPS[reach]):
            continue
        if reach == "aux" and _presupposed(src, end, at):
            continue
        if reach == "np" and _OTHER_HEAD.match(src, end, at):
            continue  # "no justification for the attack on the hospital": "no" denies the justification, and the
            # attack, a definite noun phrase, is presupposed
        if reach == "gov" and (head := _OTHER_HEAD.match(src, end, at)) and _LOOKS_BACK.match(head.group("head")):
            continue  # "called for an investigation into the strike on a school": what is investigated happened
        limit = lx.MODALITY_REACH.get(reach)
        if limit is None or len(src[end:at].split()) <= limit or (reach == "gov" and _between(bounds["t"], end, at)):
            return True
    return False


def _presupposed(src: str, modal_end: int, at: int) -> bool:
    """Whether the event word at ``at`` heads a definite noun phrase ("the horrific attack",
    "Russia's strikes", "last week's bombing") that no verb of carrying out governs: a
    definite description presupposes the event, so an auxiliary of the verb it is the object
    of does not make it hypothetical ("members will remember the attack in X"), while "will
    launch the offensive" and "could strike the city" stay unasserted."""
    np = _DEFINITE_NP.search(src, max(modal_end, at - 60), at)
    return np is not None and not _CARRY_OUT.search(src, modal_end, np.start())


#: a determiner that makes a noun phrase definite ("the", "its", "Russia's"): what it introduces is presupposed
_DEFINITE = r"(?:the|this|that|these|those|its|their|his|her|our|\w+['’]s)"
#: after a noun-phrase modality word, the head noun it modifies and a definite phrase after a preposition, up to the
#: event word: "no justification for the", "no excuse for Russia's"
_OTHER_HEAD = re.compile(r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)??(?P<head>[\w-]+)\s+(?:for|of|into|about|over|behind)\s+"
                         rf"{_DEFINITE}\s+(?:[\w-]+\s+){{0,2}}\Z",
                         re.IGNORECASE)
#: nouns of finding out about or answering for what happened: an event they govern took place
_LOOKS_BACK = re.compile(r"(?:investigation|inquiry|enquiry|probe|accountability|justice|explanation|review)s?\Z",
                         re.IGNORECASE)
_DEFINITE_NP = re.compile(rf"\b(?=\w){_DEFINITE}\s+(?:[\w-]+\s+){{0,3}}$",
                          re.IGNORECASE)
_CARRY_OUT = re.compile(r"\b(?=\w)(?:launch|carr(?:y|ies|ied)\s+out|conduct|mount|stage|begin|began|begun|start|resume|repeat"
                        r"|order|authori[sz]e|approve|unleash|step\s+up|escalate|intensif"
                        # what is done with a meeting: "may hold the next round of talks", "could host the summit"
                        r"|hold|host|convene|attend)", re.IGNORECASE)


def _between(positions: list[int], lo: int, hi: int) -> bool:
    j = bisect.bisect_left(positions, lo)
    return j < len(positions) and positions[j] < hi


def triggers(text: str) -> list[tuple[str, int, int]]:
    """Trigger matches (type, start, end) that are asserted, not hypothetical."""
    return [(k, s, e) for k, s, e, ok, _ in scan(text) if ok]


# how far before a trigger its modality words are looked for (same sentence only)
_MODALITY_WINDOW = 100
# "after the attack", "following these strikes", "claimed responsibility for the bombing", "in the months leading
# up to the attack", "in the wake of the strikes": an event told
# elsewhere in the article
_ANAPHORA = lx.Prefiltered(re.compile(r"\b(?=\w)(?:after|following|since|before|despite|amid|responsibility\s+for|leading\s+up\s+to|ahead\s+of|prior\s+to|run-up\s+to|wake\s+of|aftermath\s+of)\s+(?:the|this|that|these|those|such|last|"
                                      r"recent|previous|similar)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE))
# the dead of an event told elsewhere, mourned, buried or remembered: "declared a day of mourning in memory of
# those killed in the missile strike", "funerals were held for the victims of Sunday's attack" (the day is the
# mourning's, the place may be where the mourners are)
_MOURNED = lx.Prefiltered(re.compile(r"\b(?:in\s+(?:memory|honou?r|remembrance)\s+of|mourn(?:ing|ed|s)?|funerals?|laid\s+to\s+rest"
                                     r"|commemorat(?:e|es|ed|ing|ion)|memorial\s+(?:service|ceremony|to|for)|tributes?\s+to)"
                                     # words of the mourning's own phrase ("funerals were held in Odesa for the victims of the"),
                                     # not past a link to another clause ("attended the funeral as drones struck")
                                     r"\s+(?:(?!(?:as|when|while|after|before|but|and|then|until|where)\b)[\w'’-]+\s+){0,9}$",
                                     re.IGNORECASE))
# "These attacks continue in a context where ...", "Such strikes have ...": a clause whose subject points back
# to events told before tells none of its own, even where the article names the place nowhere else (its
# places are the setting of what is said of them, not their scenes)
_BACK_SUBJECT = re.compile(r"\W*(?:all\s+)?(?:these|those|such)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# An event told before, the subject of a reaction to it: "The attack was claimed by JNIM the following day",
# "Monday's strike drew international condemnation" (the day is the reaction's; the event is the one told)
_DEFINITE_SUBJECT = re.compile(r"\W*(?:the|this|that|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_REACTED = re.compile(r"\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:claimed|condemned|denounced"
                      r"|blamed\s+on|attributed\s+to)|(?:drew|draws|sparked|sparks|prompted|prompts|triggered)\s+(?:\w+\s+)?"
                      r"(?:condemnation|outrage|criticism|protests?))\b", re.IGNORECASE)
# ... unless its predicate says where they hit: "Last night, Russia launched the largest wave of missile and
# drone attacks. These missiles were aimed at population centres across Ukraine: Kyiv, Lviv, Dnipro" tells
# the targets of the event just told
_HIT_PREDICATE = re.compile(r"\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:(?:aimed|directed|launched|fired)\s+"
                            r"(?:at|against|on|toward|towards|into)|hit|struck|targeted|landed|fell)\b", re.IGNORECASE)


#: reports or claims of events that the clause calls false: "reports of shelling in Kiev and other big cities are
#: crudely fabricated propaganda", "claims that drones struck Belgorod were staged" (``told``: the events)
_FALSE_WORDS = (r"fabricat\w*|false|fake|untrue|lies|a\s+lie|staged|baseless|groundless|unfounded|a\s+provocation"
                r"|propaganda|disinformation|fiction|a\s+hoax|not\s+true")
_DISCREDITING = lx.Prefiltered(re.compile(rf"\b(?:{_FALSE_WORDS})\b"))  # run on lower-cased text: most clauses have none
_DISCREDITED = re.compile(rf"\b(?=\w)(?:reports?|claims?|allegations?|accusations?|stories|rumou?rs)\s+(?:of|that|about)\s+"
                          rf"(?P<told>[^.;:]{{1,160}}?)\s+(?:are|were|is|was)\s+(?:\w+ly\s+)?(?:{_FALSE_WORDS})\b",
                          re.IGNORECASE)


# "the ability to attack shipping", "an effort to strike", "in order to hit": an event verb
# after "to" governed by a word of capacity, aim or intent states no event ("used bombs to
# strike targets" does: the purpose of something done)
_EVENT_VERBS = frozenset("""attack strike shell bomb hit target raid storm shoot kill destroy launch capture seize
assault ambush invade bombard fire""".split())
_INFINITIVE = re.compile(r"(?:^|\W)(\w+)\s+to\s+$")
_AIM_TO = frozenset("""ability abilities capability capabilities capacity effort efforts bid order plan plans planned
planning plot plotted plotting intention intent intends intend intended aim aims aimed goal means readiness ready
unable designed threat threats threatened threatening right authority permission decision decided decide
want wants wanted seek seeks sought seeking willing prepared preparing vowed vows pledged attempt attempts""".split())


def _infinitive(low: str, start: int, end: int) -> bool:
    """Whether the trigger at ``low[start:end]`` is an event verb's infinitive after a word
    of capacity, aim or intent: "the ability to attack", "an effort to strike"."""
    words = low[start:end].split()
    if not words or words[0] not in _EVENT_VERBS:
        return False
    m = _INFINITIVE.search(low, max(0, start - 40), start)
    return m is not None and m.group(1) in _AIM_TO


# "support to people affected by attacks", "aid for families fleeing the fighting", "assistance to
# those facing violence": the people a humanitarian response serves, described by what they
# suffer; the event is why they need aid, not a report (the response's places are not scenes)
_AID_NOUNS = r"\b(?:aid|assistance|support|relief|help|services|supplies|shelter|protection|care|cash|food|items)\b"
_AID_WORD = lx.Prefiltered(re.compile(_AID_NOUNS))  # run on lower-cased text
_AID = _AID_NOUNS + r"(?:\s+[\w,'’-]+){0,8}?"
_SERVED = (r"(?:the\s+|some\s+|over\s+|more\s+than\s+|[\d,]+\s+)*(?:[\w-]+\s+){0,2}?(?:people|persons|civilians|families"
           r"|those|households|children|women|residents|survivors|IDPs|communities|populations?)\s+")
_BENEFICIARIES = re.compile(
    rf"{_AID}\s+(?:to|for|reach(?:ed|ing)?|reach)\s+{_SERVED}(?:who\s+(?:were|are|have\s+been|had\s+been)\s+)?"
    r"(?:affected|impacted|displaced|hit|traumati[sz]ed|injured|wounded)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
    rf"|{_AID}\s+(?:to|for)\s+{_SERVED}(?:who\s+(?:were|are|have\s+been)\s+)?(?:fleeing|escaping|facing|enduring|affected\s+by)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE)


# "following the attack in Pahalgam on 22 April": a back-reference that itself gives the
# place and the day tells the event (often its only mention in the text)
# "Russia is targeting civilians": a characterisation, not a report
_CHARACTERISATION = re.compile(r"\b(?=\w)(?:(?:is|are)\s+(?:still\s+|now\s+|deliberately\s+|systematically\s+)?$"
                               # a side's ways of war, not an event: "condemn the military's increasingly brutal
                               # tactics, including the targeting of civilians through airstrikes"
                               r"|(?:tactics|methods|practices|means\s+of\s+warfare),?\s+(?:including|such\s+as|like)\s+"
                               r"(?:[\w'’-]+\s+){0,6}$"
                               # a kind of area, where a state of war holds: "Khartoum, Darfur and other areas of
                               # active hostilities", "zones of heavy fighting"
                               r"|\b(?:areas?|zones?|parts|places|pockets|theatres?|theaters?)\s+of\s+(?:active\s+|ongoing\s+"
                               r"|intense\s+|heavy\s+|armed\s+|continued\s+)?$)", re.IGNORECASE)
#: an event whose anniversary is marked: "the anniversary of the Bucha massacre", "the first anniversary of the
#: strike on Mariupol's theatre" (recalled background, whose place the article may name nowhere else)
_ANNIVERSARY = re.compile(r"\banniversary\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
#: a name given to an event told before: "Sometimes referred to as the Rafah tent massacre", "known as
#: the Kishishe massacre", "the so-called Bloody Sunday shelling"
_NAMED_AS = re.compile(r"\b(?:referred\s+to\s+as|known\s+as|dubbed|nicknamed|so-called|(?:is|was|been)\s+called"
                       r"|(?<=\w)\s+or\s+as)"  # "... the Rafah tent massacre or as the Tent Massacre"
                       r"\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}$", re.IGNORECASE)
#: weapons as goods: "the main producer of drones used in Ukraine", "deliveries of Shahed drones to Russia",
#: "the supply of missiles": made, sold or shipped, not fired
_WEAPON_TRADE = lx.Prefiltered(re.compile(r"\b(?=\w)(?:(?:producers?|manufacturers?|makers?|suppliers?|exporters?|production|manufacture"
                                          r"|manufacturing|supply|supplies|deliveries|delivery|shipments?|stockpiles?|sales?|purchases?"
                                          r"|transfers?|procurement)\s+of|(?:components?|parts)\s+for"
                                          r"|to\s+(?:manufacture|produce|make|build|assemble|sell|supply|export|ship|deliver|buy"
                                          r"|purchase)"
                                          # weapons as contraband: "customs officers seized Iranian drones", "smuggled missiles"
                                          r"|seiz(?:ed|es|ing)|confiscat(?:ed|es|ing)|smuggl(?:ed|es|ing)"
                                          # and as trade: "companies in Tehran that supply drones to Russia", "sold missiles"
                                          # (the verb only: "a supply column came under fire", "an export terminal" are nouns)
                                          r"|(?<=that\s)supply|(?<=which\s)supply|(?<=who\s)supply|supplie[sd]|supplying|sells|selling|sold"
                                          r"|exported|exporting"
                                          # goods whose use the attacks are: "components used in Russia's drone attacks"
                                          r"|(?:components?|parts|engines?|electronics|equipment|technolog(?:y|ies)|materials?|goods|chips)"
                                          r"\s+(?:(?:that|which)\s+(?:are|were|have\s+been|had\s+been)\s+)?used\s+(?:in|for))"
                                          r"\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE))
_TOLD_HERE = re.compile(r"\s+(?:in|on|at|near)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*,?\s+"
                        r"(?:on|in)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}\b)")


GENERIC_KINDS = frozenset({"strike", "attack", "blast", "violence"})
#: words of people harmed (casualties, abductions): an event only in an article about armed conflict
PEOPLE_HARMED = frozenset({"violence", "other"})
#: what a generic word stands for when the article names no weapon
GENERIC_DEFAULT = {"strike": "missile_strike", "blast": "explosion", "attack": "ground_fighting", "violence": "ground_fighting"}


WEAPON_KINDS = frozenset({"missile_strike", "drone_strike", "air_strike", "shelling", "strike", "attack"})
_MEANS = frozenset({"missile_strike", "drone_strike", "air_strike", "shelling", "ground_fighting"})


def clause_type(text: str, article_weapon: str | None) -> str | None:
    """The incident type a clause states, or None if it states no incident."""
    return type_of(triggers(text), article_weapon)


def type_of(found: list[tuple[str, int, int]], article_weapon: str | None, conflict: bool = True) -> str | None:
    """The type of a clause's triggers: the first specific one; generic attack words take
    the article's weapon; casualty words alone count only in an article about conflict."""
    if not found:
        return None
    kinds = {k for k, _, _ in found}
    for kind, _ in lx.TRIGGERS:
        if kind in kinds and kind not in GENERIC_KINDS:
            if kind in ("sabotage", "explosion", "diplomatic") and kinds & {"missile_strike", "drone_strike",
                                                                            "air_strike", "shelling"}:
                continue  # "explosions" after a drone strike describe the strike
            if kind == "sabotage" and "strike" in kinds:
                continue  # "a strike set an oil depot on fire": the fire is the strike's, not arson
            if kind == "other" and (kinds & {"strike", "attack", "blast"} or not conflict and kinds <= PEOPLE_HARMED):
                continue  # "gunmen attacked the village and abducted 20": the attack's type
            return kind
    if kinds <= PEOPLE_HARMED and not conflict:
        return None
    if article_weapon:
        return article_weapon
    return next(GENERIC_DEFAULT[k] for k in ("strike", "blast", "attack", "violence") if k in kinds)


def quote_spans(text: str) -> list[tuple[int, int]]:
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


def in_quotes(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect.bisect_right(spans, (pos, _FAR)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1]


_FAR = 1 << 62


_QUOTE_MARK = re.compile(r'["“”]')


_SCARE_WORDS = 3


_ARTICLE_WEAPONS = frozenset({"missile_strike", "drone_strike", "air_strike", "shelling", "explosion"})


def article_weapon(clauses: list[Clause]) -> tuple[str | None, Clause | None]:
    """The first specific weapon an article names (types its generic "strikes" and "attacks"):
    a strike weapon, or a bomb set off on the ground ("car bombings", "IEDs"); and the clause naming it."""
    named_res = [(k, rx) for k, rx in lx.TRIGGER_RES if k in _ARTICLE_WEAPONS]
    for clause in clauses:
        # the scan first: the linker scans every clause anyway (memoised), so it costs nothing
        # here, while the weapon patterns would run on every clause before the first weapon
        named = [k for k, _, _ in triggers(clause.text) if k in _ARTICLE_WEAPONS]  # asserted only: not "air raid alerts"
        if named and any(rx.search(clause.text) for _, rx in named_res):
            return min(named, key=[k for k, _ in lx.TRIGGER_RES].index), clause
    return None, None


#: "there" right after an event word, pointing back to a place named before it ("after an attack there")
_THERE_AFTER = re.compile(r"\s+there\b")


class Triggers:
    """A clause's trigger matches (type, start, end, asserted, quoted) in text order, with
    the lookups the linker makes per place done by bisection (linear on long clauses)."""

    def __init__(self, scanned: list[tuple[str, int, int, bool, bool]]) -> None:
        self.all = scanned
        self.starts = [t[1] for t in scanned]
        self.ends = [t[2] for t in scanned]  # matches never overlap: ends rise with starts
        self.asserted = [(k, s, e) for k, s, e, ok, _ in scanned if ok]
        self.asserted_starts = [t[1] for t in self.asserted]
        # the means of each event, in text order: weapons, and fighting on the ground
        self.weapons = [t for t in self.asserted if t[0] in _MEANS]
        self.weapon_starts = [t[1] for t in self.weapons]
        self.weapon_kinds = {t[0] for t in self.weapons}
        talks = [t for t in self.asserted if t[0] == "diplomatic"]
        self.talk_ends = [t[2] for t in talks]
        self.talks = len(talks)
        self.violence_kind = type_of([t for t in self.asserted if t[0] != "diplomatic"], None)
        self._there: list[int] | None = None

    def last_there(self, text: str) -> int:
        """Where the last asserted event word followed by "there" ("an attack there") starts in ``text`` (the
        clause these triggers were found in), or -1: found once per clause."""
        if self._there is None:
            self._there = [s for _, s, e in self.asserted if _THERE_AFTER.match(text, e)]
        return self._there[-1] if self._there else -1

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a trigger overlaps ``[start, end)``."""
        i = bisect.bisect_right(self.ends, start)
        return i < len(self.all) and self.starts[i] < end

    def kind_at(self, start: int, end: int) -> str | None:
        """The type of the trigger overlapping ``[start, end)``, if any."""
        i = bisect.bisect_right(self.ends, start)
        return self.all[i][0] if i < len(self.all) and self.starts[i] < end else None

    def governing(self, start: int, end: int) -> bool:
        """Whether the trigger governing a place is asserted: "warned that Russia could
        attack Kyiv, after drones hit Odesa" keeps Odesa, not Kyiv.  The governing trigger
        is the nearest one before the place, else the nearest after it."""
        i = bisect.bisect_right(self.ends, start) - 1
        if i >= 0:
            return self.all[i][3]
        j = bisect.bisect_left(self.starts, end)
        return self.all[j][3] if j < len(self.all) else True


_COORDINATED = 6  # at most this many characters between coordinated weapon words (" and ", ", ")


def place_kind(pos: int, end: int, trig: Triggers, kind: str, prev_end: int = 0) -> str:
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
        if lo == hi:  # none named since the previous place: the last weapon before it, with
            # the weapons coordinated with it ("missile and drone strikes ... including X, Y")
            lo = hi - 1
            while lo > 0 and trig.weapons[lo][1] - trig.weapons[lo - 1][2] <= _COORDINATED:
                lo -= 1
        own = trig.weapons[max(lo, 0):hi]
        return (type_of(own, None) or kind) if own else kind
    # the triggers just before and just after the place, by index: slicing them out would
    # make a clause with many places and triggers quadratic
    cut = bisect.bisect_left(trig.asserted_starts, pos)
    nxt = bisect.bisect_right(trig.asserted_starts, pos)
    after = found[nxt] if nxt < len(found) else None
    # a place is the argument of the event named before it ("strikes on X", "talks in X");
    # "X talks" (a trigger right after the place) is the exception
    if after is not None and after[1] - end <= 2 and after[0] == "diplomatic":
        nearest = after
    else:
        nearest = found[cut - 1] if cut else after
        assert nearest is not None  # the clause has asserted triggers and none overlaps a place
    if (nearest[0] == "diplomatic") == (kind == "diplomatic"):
        return kind
    if nearest[0] == "diplomatic":
        return "diplomatic"
    return trig.violence_kind or kind
