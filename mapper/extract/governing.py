"""Which word governs a place: the preposition or verb a place name depends on, past the
modifiers, possessors, determiners, appositions and lists in between.

"in" for "in eastern Ukraine", "in rebel-held parts of Donetsk", "over the Belgorod, Kursk and
Bryansk regions", "in Russia's frontier Belgorod region", "hit the border region, Belgorod Oblast".
:mod:`mapper.extract.roles` reads a place's role from it; :mod:`mapper.extract.actors` tells a
country that locates from one that attacks.
"""
from __future__ import annotations

import re

from mapper.extract.date_parts import DAY_AND_MONTH_NAMES
from mapper.extract.lexicon import Prefiltered, word_before

__all__ = ["COORDINATED", "HELD_BY_PARTS", "LOCATIVE", "PREPOSITIONS", "PREV_WORD", "ROLE_PREPOSITIONS",
           "governing_word", "governor", "prev_word"]

LOCATIVE = frozenset({"in", "at", "near", "on", "inside", "across", "around", "outside", "over", "into",
                       "targeting", "targeted", "hit", "struck", "shelled", "attacked", "bombed", "of", "toward", "towards",
                       # the other verbs of attack, and their -ing forms ("drones pounded the Sumy region")
                       "pounded", "bombarded", "raided", "stormed", "hammered", "striking", "attacking", "shelling",
                       "bombing", "pounding", "bombarding",
                       # and of taking ground ("M23 seized the town of Walikale")
                       "captured", "seized", "overran", "recaptured", "retook", "liberated",
                       "throughout", "within", "affecting", "affected", "impacting", "hitting", "along", "off"})
# names listed before a place, each maybe with its region word ("Homs governorate and"); never a day or a month
# ("On Monday, Russia launched missiles": Russia is no place of a list governed by "on")
_NO_DAY = rf"(?!(?:{'|'.join(DAY_AND_MONTH_NAMES)})\b)"
# (every list opens with a capital: the lookahead on it spares re the day names at every other character)
COORDINATED = re.compile(rf"(?=[A-Z])(?:{_NO_DAY}[A-Z][\w’'-]+(?:\s+{_NO_DAY}[A-Z][\w’'-]+)?"
                         # "the Kursk border region and"
                         r"(?:(?:\s+border)?\s+(?:oblast|region|province|governorate|state"
                         r"|district|county|city|raion|krai|township|town|village|commune|locality|municipality"
                         r"|hromada|territory|chiefdom|department|division|prefecture))?"
                         # "the Kursk region and the Tula region": a determiner may open each listed name
                         r"\s*(?:,\s*(?:and\s+(?:then\s+)?|or\s+)?|\s(?:and|or)\s+(?:then\s+)?)(?:the\s+)?)+$")
#: the words a match of :data:`COORDINATED` ends with (past an article "the"), besides a comma
_LIST_LINKS = frozenset(("and", "or", "then"))


def may_list(text: str, lo: int, at: int) -> bool:
    """Whether ``text[lo:at]`` may end in a list of names (:data:`COORDINATED`): it ends in a comma, "and", "or" or
    "then", maybe with "the" after it (most places follow none: the pattern, tried at every capital of its window,
    runs only after one)."""
    word, start = word_before(text, lo, at)
    if word == "the":
        word, start = word_before(text, lo, start)
    if word is None or word in _LIST_LINKS:
        return True
    i = start  # the comma stands right before the whitespace before the word, when the word is ""
    while i > lo and text[i - 1].isspace():
        i -= 1
    return word == "" and i > lo and text[i - 1] == ","


PREV_WORD = re.compile(r"([\w’']+)\W*$")
#: :data:`PREV_WORD` for a string that ends where the word is looked for: the match starts where a word starts
#: (a start inside a word would find the same word from one character before it), so re no longer runs to each
#: word's end and back from every letter of it (a third faster).  Not for a window inside a longer string
#: (``search(text, lo, hi)``): the look-behind sees the text before ``lo``.
_LAST_WORD = re.compile(r"(?<![\w’'])([\w’']+)\W*$")


_POSSESSOR = re.compile(r"['’]s$")


def prev_word(text: str, pos: int) -> str:
    m = _LAST_WORD.search(text[max(0, pos - 30):pos])
    return m.group(1).lower() if m else ""


_MODIFIERS = frozenset("""the a an east eastern west western south southern north northern central northeast
northeastern northwest northwestern southeast southeastern southwest southwestern north-east north-eastern
north-west north-western south-east south-eastern south-west south-western rebel rebel-held separatist
separatist-held occupied russian-occupied russian-held ukrainian-controlled government-held war-torn e. w. n. s.
frontline front-line besieged parts part of regions oblasts provinces governorates region oblast province
wider greater broader surrounding entire whole neighbouring neighboring nearby same rural urban areas area
territory territories zones zone disputed contested breakaway self-declared annexed
towns villages settlements communities cities districts localities hamlets
town village settlement community city locality hamlet
several many some various numerous
our my your its their his her
skies sky airspace outskirts suburbs vicinity centre center heart coast coasts shore shores waters""".split())
#: "Houthi-controlled", "army-held", "Israeli-occupied", "Russian-annexed": the last part of a compound
#: that says who holds an area, a modifier like "rebel-held" (recognition reads a capitalised one as
#: no word of the name after it: "Russian-occupied Enerhodar")
HELD_BY_PARTS = frozenset("""held controlled occupied run administered annexed besieged encircled captured seized
governed ruled blockaded""".split())
_HELD_BY = re.compile(r"-(?:" + "|".join(sorted(HELD_BY_PARTS)) + r")$")


def governing_word(text: str, start: int) -> str:
    """The word that governs a place, past modifiers, possessors and the names listed before
    it: "in" for "in eastern Ukraine", "in rebel-held parts of Donetsk", "over the Belgorod,
    Kursk and Bryansk regions", "in Ukraine's Dnipropetrovsk region"."""
    return governor(text, start)[0]


_ARABIC_ARTICLE = re.compile(r"\b(?=\w)(?:al|el|ad|ar|as|an|at|az|ash|ed|en|er|es)[-\u2010]$", re.IGNORECASE)


def governor(text: str, start: int) -> tuple[str, int]:
    """:func:`governing_word` and where it starts (-1 when there is none)."""
    article = _ARABIC_ARTICLE.search(text, max(0, start - 5), start)  # "in al-Mawasi": past "al-"
    if article:
        start = article.start()
    lo = max(0, start - 120)
    listed = COORDINATED.search(text, lo, start) if may_list(text, lo, start) else None
    pos = listed.start() if listed else start
    if listed and (first := _OPENING_WORD.match(text, pos)) and first.group(1).lower() in PREPOSITIONS:
        return first.group(1).lower(), pos  # "In Riyadh, and then Cairo, I met": the list took the opening word in
    added = _ADDED.search(text, max(0, pos - 80), pos)
    if added is not None:
        # "attacks in Beirut suburbs, in addition to Nabatieh and Bekaa governorates", "shelled Kherson as
        # well as Mykolaiv": the phrase adds to the list of the place before it, governed as that place is
        return governor(text, added.start(1))
    possessor = False  # the word after is a possessor: capitalised words before it are its name
    holder = False  # the word after is an "X-held" compound: capitalised words before it are the holder's name
    for step in range(5):
        apposed = _APPOSED.search(text, max(0, pos - 80), pos) or _LIST_HEAD.search(text, max(0, pos - 80), pos)
        if apposed:  # "shelled the region's capital, Stepanakert": the word governing its noun phrase
            pos = apposed.start()
        m = _LAST_WORD.search(text[max(0, pos - 30):pos])
        if not m:
            return "", -1
        word = m.group(1).lower()
        pos = max(0, pos - 30) + m.start(1)
        if pos > 0 and text[pos - 1] == "-":  # the whole compound: "Houthi-controlled"
            head = text.rfind(" ", max(0, pos - 40), pos) + 1
            word, pos = text[head:pos + len(word)].lower(), head
        capital = m.group(1)[:1].isupper()
        if holder and capital:
            continue  # "hit the Al Shabaab-held Jamame district", "the Islamic State-held town": the holder's name
        holder = bool(_HELD_BY.search(word)) and text[pos:pos + 1].isupper()
        if possessor and not _POSSESSOR.search(word) and (
                capital or word in _NAME_CONNECTORS and _CAPITAL_BEFORE.search(text, max(0, pos - 30), pos)):
            continue  # "in Rakhine State's Maungdaw township", "in Jammu and Kashmir's Kupwara district": the
            # possessor's whole name
        possessor = bool(_POSSESSOR.search(word)) and (capital or word[:-2] in _REGION_NOUNS)
        if word not in _MODIFIERS and not _HELD_BY.search(word) and not possessor:
            if step or word in PREPOSITIONS or word in _CONJUNCTIONS or not m.group(1).islower() \
                    or not _DETERMINED.search(text, max(0, pos - 40), pos):
                return word, pos  # "in Ukraine's Dnipropetrovsk region": past the possessor
            # "in Russia's frontier Belgorod region", "shelled the restive Idlib province": a word
            # right before the name, after a determiner, modifies it (a noun phrase: Det Adj Name)
    return "", -1


_OPENING_WORD = re.compile(r"([A-Z][a-z]+)\s")
#: a phrase of addition after a place (maybe with words of its own: "Beirut suburbs on 24 November"), ending where
#: the added place begins (the place before is no word that opens a sentence and no day: "On Sunday drones hit
#: Sumy as well as ...")
_ADDED = Prefiltered(re.compile(rf"\b(?=\w)(?!(?:On|In|At|The|By|For|Since|After)\b){_NO_DAY}([A-Z][\w’'-]+)"
                                r"(?:\s+[^\s,.;:()]+){0,4},?\s+(?:in\s+addition\s+to|as\s+well\s+as|along\s+with"
                                r"|alongside|together\s+with|besides)\s+(?:the\s+)?"
                                # "... as well as central Kirovohradska oblast"
                                r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+"
                                r"|central\s+)?$"))
_CONJUNCTIONS = frozenset({"and", "or", "but", "nor", "as", "than", "while", "when", "where", "if"})
#: what opens a noun phrase: an article, a possessive pronoun or a possessor ("Russia's")
_DETERMINED = re.compile(r"(?:\b(?:the|its|their|his|her)|\b[\w-]+['’]s)\s+(?:[a-z][\w-]*\s+)?$")


#: a noun phrase a place stands in apposition to ("the border region, Belgorod Oblast", "Azerbaijan's
#: second-largest city, Ganja"): the place is governed by what governs the phrase
_APPOSED = Prefiltered(re.compile(r"(?:\b(?:the|its|their|his|her)|\b[\w-]+['’]s)\s+(?:[\w-]+\s+){0,3}"
                                  r"(?:capital|city|town|village|region|province|oblast|state|governorate|district|port"
                                  r"|enclave|territory|stronghold|hub|centre|center),\s*$"))


#: places that a colon or dash lists after the noun they name ("heavy fighting in many areas of the front -
#: Donbas, Kharkiv region", "strikes in three regions: Sumy, Kharkiv and Odesa"): governed as that noun is
_LIST_HEAD = Prefiltered(re.compile(r"\b(?=\w)(?:(?:many|several|some|other|various|multiple|numerous|all|both|two|three|four|five|six"
                                    r"|seven|eight|nine|ten|\d+)\s+)?(?:[a-z][\w-]*\s+)?(?:areas|regions|oblasts|provinces|governorates"
                                    r"|districts|towns|cities|villages|places|locations|localities|settlements|communities|parts"
                                    r"|directions|sectors|fronts)(?:\s+of\s+(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?"
                                    r"\s*(?::|\s[-\u2013\u2014])\s*$"))


#: lower-case words inside a possessor's name ("Jammu and Kashmir's", "Bosnia and Herzegovina's")
_NAME_CONNECTORS = frozenset({"and", "of"})
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w’'-]*\s+$")
#: the head noun of a region's name before a possessive ("in Borno state's Monguno town")
_REGION_NOUNS = frozenset("state region province oblast governorate district county territory".split())


#: prepositions of a role other than the scene: a recipient, beneficiary, partner or agent
ROLE_PREPOSITIONS = frozenset({"to", "for", "with", "by", "against"})
PREPOSITIONS = LOCATIVE | ROLE_PREPOSITIONS | {"from", "of", "towards", "via", "through", "about"}
