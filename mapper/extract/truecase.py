"""Read text written all in lower case or all in capitals as if it were cased.

Recognition finds place names by their capitals, and the actor by a capitalised
demonym; social posts and transcripts are often written all in lower case, and wires
and alerts all in capitals.  Such a part (title or body) is rewritten, character for
character (every offset stays valid), with the capitals English would give it: place
names the gazetteer knows and that are not also common English words ("Kharkiv",
"Kryvyi Rih"; not "nice" or "reading"), demonyms, the named groups of the lexicon
("Hamas", "RSF"), weekdays and months ("may" and "march" only where they are dates),
and the first word of each sentence.  Text with ordinary casing is left alone.
"""
from __future__ import annotations

import dataclasses
import re
import string

from mapper.extract import lexicon as lx
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.names import key
from mapper.model import Article

#: a part is "lower" when fewer than this share of its letters are capitals ...
LOWER_SHARE = 0.01
#: ... and "upper" when more than this share are
UPPER_SHARE = 0.6

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)([^\W\d_])")
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february april june july
august september october november december""".split())
_DATE_VERBS = frozenset({"may", "march"})
_SAMPLE = 4000
_UPPER = string.ascii_uppercase.encode()
_LOWER = string.ascii_lowercase.encode()
_SHORTEST = 4  # shorter place keys ("us", "bar", "ain") are too often words


def _literals() -> dict[str, str]:
    """Group names written as literals in the lexicon's patterns, by lower case."""
    out = {}
    for rx, _ in lx.GROUP_ACTORS:
        for alt in re.split(r"\|", rx.pattern.replace("(?:", "").replace(")", "")):
            words = alt.replace(r"\b", "").strip()
            if words and re.fullmatch(r"[A-Za-z][\w -]*", words):
                out[words.lower()] = words
    return out


_GROUPS = _literals()
_GROUP_RX = re.compile(r"\b(?=\w)(?:" + "|".join(sorted(map(re.escape, _GROUPS), key=len, reverse=True)) + r")\b")


def case_of(text: str) -> str | None:
    """``"lower"`` or ``"upper"`` when a text is written all in one case, else None
    (judged on the Latin letters of its first ``_SAMPLE`` characters: the cost stays
    bounded on long texts)."""
    # the Latin letters counted as the bytes deleting them removes: this runs on every article, and
    # UTF-8 writes every other character (a lone surrogate too) in bytes >= 0x80, never these
    sample = text[:_SAMPLE].encode("utf-8", "surrogatepass")
    upper = len(sample) - len(sample.translate(None, _UPPER))
    letters = upper + len(sample) - len(sample.translate(None, _LOWER))
    if letters < 20:
        return None
    share = upper / letters
    return "lower" if share < LOWER_SHARE else "upper" if share > UPPER_SHARE else None


def recase(text: str, gaz: Gazetteer) -> str:
    """``text`` with the capitals English would give it (same length, same offsets).

    Parameters
    ----------
    text : str
        Text written all in lower case or all in capitals.
    gaz : Gazetteer
        Knows the place names and demonyms to capitalise.
    """
    chars = [c if len(c.lower()) != 1 else c.lower() for c in text]
    low = "".join(chars)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(low)]
    i = 0
    while i < len(words):
        n = _name_at(words, i, gaz, low)
        for s, e, _ in words[i:i + max(n, 1)] if n else ():
            chars[s] = chars[s].upper()
        i += max(n, 1)
    for m in _GROUP_RX.finditer(low):
        chars[m.start():m.end()] = list(_GROUPS[m.group()])
    for m in _SENTENCE_START.finditer(low):
        chars[m.start(1)] = chars[m.start(1)].upper()
    return "".join(chars)


def _name_at(words: list[tuple[int, int, str]], i: int, gaz: Gazetteer, low: str) -> int:
    """How many words from ``i`` on form a name to capitalise (0: none)."""
    word = words[i][2]
    if word in _CALENDAR:
        return 1
    if word in _DATE_VERBS:
        return 1 if lx.month_word_is_date(low, words[i][0], words[i][1]) else 0
    for n in range(min(gaz.max_tokens, len(words) - i), 0, -1):
        if n > 1 and any(low[words[j][1]:words[j + 1][0]] not in (" ", "-") for j in range(i, i + n - 1)):
            continue
        k = key(" ".join(w for _, _, w in words[i:i + n]))
        if n == 1 and (k in gaz.demonyms or k.rstrip("s") in gaz.demonyms):
            return 1
        if k in gaz.index and len(k) >= _SHORTEST and k not in gaz.common:
            return n
    return 0


def recased(article: Article, gaz: Gazetteer) -> Article:
    """The article with each part written all in one case recased; itself otherwise."""
    changes = {}
    for part in ("title", "text"):
        value = getattr(article, part)
        if value and case_of(value):
            changes[part] = recase(value, gaz)
    return dataclasses.replace(article, **changes) if changes else article
