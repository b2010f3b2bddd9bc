"""Casualties a clause states: killed and injured, separately, conservatively.

Numbers and number words ("at least 14", "two children", "dozens" = 12, "hundreds" =
100, per ACLED), the lowest figure when several are given (a toll told in parts, "three
soldiers and six attackers", is their sum), a stated zero ("nobody was
hurt") as 0, and never a total split across places unless the text splits it ("five were
killed, one in Aqqaba and four in Nablus").
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from mapper.extract import lexicon as lx
from mapper.model import Resolved

__all__ = ["casualties", "tolls"]


_NUM = r"(?:\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?![\d,]\d)|" + "|".join(sorted(lx.NUMBER_WORDS, key=len, reverse=True)) + r")"


_QUAL = r"(?:at least|more than|over|nearly|almost|around|about|some|up to|as many as|between)?\s*"


#: killings told by how ("were hacked to death", "gunmen shot dead 15 villagers", "beheaded 11")
_KILLED_HOW = rf"{lx.KILLED_BY_HAND}|burn(?:ed|t)\s+to\s+death"


_KILLED = lx.Caseless(
    # (not "a mass killing": many dead, no count)
    rf"\b{_QUAL}(?P<n>{_NUM})\s+(?:(?!and\b|or\b|killed\b|injured\b|wounded\b|dead\b|mass\b)[\w.-]+\s+){{0,3}}?(?:were\s+|was\s+|have been\s+|had been\s+"
    # "21 people are reported to have died", "five are feared to have been killed"
    rf"|(?:are|were|is|was|have been|has been|had been)\s+(?:reported|said|believed|feared|thought|confirmed|known)\s+to\s+"
    rf"(?:have\s+)?(?:been\s+)?)?"
    rf"(?:killed|dead|died|deaths|fatalities|killing|executed|massacred|murdered|slaughtered|{_KILLED_HOW})\b"
    rf"|\b(?:killing|killed|kills|kill|executed|executing|massacred|murdered|slaughtered|{_KILLED_HOW})\s+{_QUAL}"
    rf"(?P<n2>{_NUM})\b|\bdeath toll (?:(?:from|in|of)\s+[^,;:.]{{1,60}}?\s+)?(?:(?:has\s+|had\s+)?(?:rose|risen|climbed|increased|reached|stood|stands)\s+)?(?:to|of|at)?\s*{_QUAL}(?P<n3>{_NUM})\b"
    # "leading to the deaths of at least 50 people", "the killing of 12 civilians"
    rf"|\b(?:deaths?|killings?) of\s+{_QUAL}(?P<n4>{_NUM})\b")


_INJURED = lx.Caseless(
    rf"\b{_QUAL}(?P<n>{_NUM})\s+(?:(?!and\b|or\b|killed\b|injured\b|wounded\b|dead\b)[\w.-]+\s+){{0,3}}?(?:were\s+|was\s+|have been\s+"
    rf"|(?:are|were|is|was|have been|has been|had been)\s+(?:reported|said|believed|feared|thought|confirmed|known)\s+to\s+"
    rf"(?:have\s+)?(?:been\s+)?)?(?:injured|wounded|hurt|injuries)\b"
    rf"|\b(?:injuring|wounding|injured|wounded|injures|wounds)\s+{_QUAL}(?P<n2>{_NUM})\b")


def _number(token: str) -> int | None:
    token = token.lower().replace(",", "")
    if token.isdigit():
        return int(token)
    return lx.NUMBER_WORDS.get(token)


_BEFORE_YEAR = re.compile(r"(?:\b(?:in|of|since|by|until)|[A-Za-z]{3,}\.?|\d),?\s+(?=\d{4}\b)", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_CASUALTY_WORDS = ("kill", "dead", "die", "death", "fatalit", "injur", "wound", "hurt", "casualt", "victim", "execut",
                   "massacr", "murder", "slaughter", "gunned", "behead", "alive")
# "nobody was hurt", "there were no casualties": zero, stated (ACLED codes 0, not unknown)
_NONE_HURT = re.compile(r"\b(?=\w)(?:no\s*(?:one|body)|nobody|none)\s+(?:was|were|had\s+been|has\s+been)\s+(?:(?:reported\s+)?"
                        r"(?P<what>killed|hurt|injured|wounded|harmed))"
                        # "no civilian casualties", "no immediate reports of casualties"
                        r"|\bno\s+(?:(?:immediate|reported|civilian|known|further|other|serious)\s+){0,2}"
                        r"(?:reports?\s+of\s+(?:(?:any|civilian)\s+)?)?"
                        r"(?P<what2>casualties|victims|injuries|deaths|fatalities)\b"
                        r"|\bwithout\s+(?P<what3>casualties|injuries|victims)\b"
                        r"|\bcaus(?:ed|ing)\s+no\s+(?P<what4>casualties|injuries|deaths)\b", re.IGNORECASE)


_ZERO_KILLED = frozenset({"killed", "deaths", "fatalities", "casualties", "victims", "hurt", "harmed"})


_ZERO_INJURED = frozenset({"hurt", "injured", "wounded", "harmed", "casualties", "victims", "injuries"})


#: a toll told in two parts joined by "and", each a count and its people
# (no number among its words, and no month for its people: "killed 15 civilians between 10 and 14 November" is 15)
_PART = (r"(?P<NAME>" + _NUM + r")\s+(?:(?!and\b|or\b|were\b|was\b|killed\b|injured\b|wounded\b|\d)[\w.-]+\s+){0,2}?"
         r"(?!and\b|or\b|were\b|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)[\w.-]+")
_KILLED_PARTS = lx.Prefiltered(re.compile(
                   r"\b(?:(?:deaths?|killings?)\s+of|kill(?:ed|ing|s)?)\s+" + _QUAL + _PART.replace("NAME", "a")
                   # "killed a woman and her three children"
                   + r"\s+and\s+(?:(?:the|her|his|their)\s+)?"
                   + _PART.replace("NAME", "b")
                   + r"|\b" + _QUAL + _PART.replace("NAME", "a2") + r"\s+and\s+(?:the\s+)?" + _PART.replace("NAME", "b2")
                   + r"\s+(?:were|have\s+been|had\s+been)\s+killed\b",
                   re.IGNORECASE))


#: what a number right after a casualty word may count instead of people: an age or a distance
_NOT_PEOPLE = re.compile(r"\s*-?\s*(?:y/o\b|yo\b|years?[- ]old\b|-year\b|kilomet|km\b|kms\b|miles?\b|met(?:er|re)s?\b)",
                         re.IGNORECASE)


#: what a count may number instead of people: animals ("20 heads of cattle died", "killed 40 sheep")
_ANIMALS = re.compile(r"\s+(?:heads?\s+of\s+)?(?:[a-z-]+\s+)?(?:cattle|cows?|oxen|sheep|goats?|livestock|animals|camels?"
                      r"|horses?|donkeys?|pigs?|poultry|chickens?|dogs?|cats?)\b", re.IGNORECASE)


#: a count right after a count word ("another three", "a dozen")
_NEXT_COUNT = re.compile(rf"\s+{_NUM}\b(?!{_NOT_PEOPLE.pattern})", re.IGNORECASE)


#: a count right after a casualty verb: its object ("killed two people"), so the verb is active
_OBJECT_COUNT = re.compile(rf"\s+{_QUAL}{_NUM}\b(?!{_NOT_PEOPLE.pattern})", re.IGNORECASE)


def _people(text: str, m: re.Match, part: str) -> int | None:
    """The count of one part of a toll told in two parts (0 for a part that counts animals: "killing 40 sheep and
    three people" is three)."""
    at = part if m[part] else part + "2"
    n = _number(m[at])
    return 0 if n is not None and _ANIMALS.match(text, m.end(at)) else n


def casualties(text: str) -> tuple[int | None, int | None]:
    """Killed and injured stated in a clause (the most conservative figure of each)."""
    low = text.lower()
    if not any(w in low for w in _CASUALTY_WORDS):
        return None, None  # most clauses state no casualty: skip the two long patterns

    zero = [(m.start(), m.end(), next(g for g in m.groups() if g).lower()) for m in _NONE_HURT.finditer(text)]
    # the zeros do not overlap and come in order: the one a match may overlap is found by
    # bisection (a scan of them all per match is quadratic in a long clause)
    zero_starts = [a for a, _, _ in zero]

    def in_zero(start: int, end: int) -> bool:
        i = bisect.bisect_right(zero_starts, start) - 1  # the last zero starting at or before the match
        j = i + 1  # the first zero starting after it
        return (i >= 0 and start < zero[i][1]) or (j < len(zero) and zero_starts[j] < end)

    # "the deaths of three soldiers and six attackers", "two soldiers and a civilian were killed": one toll of nine,
    # of three (the lowest-figure rule is for alternative reports, not for the parts of one)
    summed = [(m.start(), m.end(), a + b) for m in _KILLED_PARTS.finditer(text)
              if (a := _people(text, m, "a")) is not None and (b := _people(text, m, "b")) is not None]

    def smallest(pattern: lx.Caseless, parts: list[tuple[int, int, int]]) -> int | None:
        vals = [n for _, _, n in parts]
        rx, src = pattern.pick(text, low)
        pos = 0
        while (m := rx.search(src, pos)) is not None:
            at = next(k for k, g in enumerate(m.groups(), 1) if g)
            pos = m.end()
            if in_zero(m.start(), m.end()):
                continue  # "no one was killed" is not "one was killed"
            if any(a <= m.start(at) < b for a, b, _ in parts):
                continue  # a part of a toll told in parts
            if at == 1 and _OBJECT_COUNT.match(src, m.end()):
                # "A drone strike killed two people", "An IED killed three soldiers": the number before an
                # active verb counts its subject (one strike), not the dead; the count after it follows
                pos = m.end(at)
                continue
            if _NEXT_COUNT.match(src, m.end(at)):
                pos = m.end(at)  # "another three people", "a dozen": the count is the next word
                continue
            n = _number(m.group(at))
            if n is not None and (1900 <= n <= 2100 and _BEFORE_YEAR.search(text, max(0, m.start(at) - 16), m.end(at))
                                  or _MONTH_AFTER.match(text, m.end(at)) or _NOT_PEOPLE.match(text, m.end(at))
                                  or _ANIMALS.match(text, m.end(at))):
                # "on 13 November 2025, killing two": a day and a year, not tolls; nor an age or a distance
                # ("the killing of 14 y/o Binyamin", "were killed about 50 kilometers south in Kurakhivka"), nor animals
                pos = m.end(at)
                continue
            if n is not None:
                vals.append(n)
        return min(vals) if vals else None
    killed, injured = smallest(_KILLED, summed), smallest(_INJURED, [])
    for _, _, what in zero:
        if killed is None and what in _ZERO_KILLED:
            killed = 0
        if injured is None and what in _ZERO_INJURED:
            injured = 0
    return killed, injured


def tolls(text: str, kept: list[tuple[int, int, Resolved]], kinds: dict[int, str]
           ) -> dict[int, tuple[int | None, int | None]]:
    """Killed and injured at each kept place.

    Casualties belong to the event's one place; a total over several places is never
    split, but a stated zero holds at each of them.  When the clause joins parts ("killed
    by artillery fire in Huliaipole, and a guided bomb attack on Orikhiv injured three")
    each part's figures go to the one place in it.
    """
    shares = _shares(text, kept)
    # "five Palestinians were killed, one in Aqqaba village and four in Nablus city": the text splits the toll; so
    # it does for the one place it singles out ("24 Palestinians were killed, including 18 in an airstrike on Tulkarm")
    if len(shares) > 1 or any(singled for _, singled in shares.values()):
        killed, injured = casualties(text)
        if (killed is None) != (injured is None):
            return {s: (n, None) if injured is None else (None, n) for s, (n, _) in shares.items()
                    if kinds[s] != "diplomatic"}
    cuts = [0, *(m.end() for m in _SUBCLAUSE.finditer(text)), len(text)]
    parts: dict[int, list[int]] = {}
    for s, _, _ in kept:
        parts.setdefault(bisect.bisect_right(cuts, s) - 1, []).append(s)
    if len(parts) > 1:
        return {own[0]: casualties(text[cuts[i]:cuts[i + 1]]) for i, own in parts.items() if len(own) == 1
                and kinds[own[0]] != "diplomatic"}
    # one place named twice ("at Quetta railway station in Quetta") is one place
    first = {}
    for s, _, r in kept:
        first.setdefault(_where(r), s)
    per_kind = Counter(kinds[s] for s in first.values())
    figures = casualties(text)
    # a stated zero holds at every place ("missile attacks were reported over Lvivska, Rivnenska and Volynska
    # oblasts, no civilian casualties have been reported"): only a total above zero cannot be split
    zero = figures[0] == 0 and figures[1] in (0, None)
    return {s: figures for s, _, _ in kept if (zero or per_kind[kinds[s]] == 1) and kinds[s] != "diplomatic"}


def _where(r: Resolved) -> tuple:
    return r.place.spot if r.place is not None else (r.mention.start,)


def _shares(text: str, kept: list[tuple[int, int, Resolved]]) -> dict[int, tuple[int, bool]]:
    """The count the text gives each place of a list right before it ("one in Aqqaba village", "four in an
    undercover operation in Nablus city", "a man in Sa'ir"), with no other place or number between, and
    whether "including" singles it out of a larger toll."""
    out = {}
    prev = 0
    for s, e, _ in sorted(kept, key=lambda k: k[0]):
        # (a share ends in its preposition, past "the": the pattern, tried at every position before the place, runs
        # only after one)
        word, at = lx.word_before(text, prev, s)
        if word == "the":
            word, _ = lx.word_before(text, prev, at)
        m = _SHARE.search(text, prev, s) if word is None or word in _SHARE_ENDS else None
        if m is not None and (n := _number(m["n"])) is not None:  # "a man in Sa'ir": "a" is one
            out[s] = (n, _INCLUDING.search(text, max(0, m.start("n") - 25), m.start("n")) is not None)
        prev = e
    return out


#: "including" right before a share's count ("including 18 in an airstrike on Tulkarm", "including at least 3 in")
_INCLUDING = re.compile(r"\bincluding\s+(?:at\s+least\s+)?\Z", re.IGNORECASE)


#: a count and up to seven words (no number, no clause break) ending in a preposition of place, right before a place
_SHARE = re.compile(rf"(?:^|[\s,(])(?P<n>{_NUM})\s+(?:(?!\d)[\w'’-]+\s+){{0,7}}?(?:in|at|near|on)\s+(?:the\s+)?\Z",
                    re.IGNORECASE)


#: the prepositions a match of _SHARE ends with (before "the")
_SHARE_ENDS = frozenset(("in", "at", "near", "on"))


_SUBCLAUSE = re.compile(r",\s+(?:and|while|as|but|whereas)\s+|;\s+|\s+while\s+", re.IGNORECASE)
