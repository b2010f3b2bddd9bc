"""Cheap tests run before patterns, and patterns written for speed, change no result."""
from __future__ import annotations

import random
import re

from mapper.extract import clause_dates as cd
from mapper.extract import segment

# sentence boundaries as written before the first mark was taken out of the alternatives
_BOUNDARY_AS_WAS = re.compile(rf"[.!?]+[\"'”’»)\]]*(?:\[[^\]\s]{{1,20}}\])*(?=\s+[\"'“‘«(\[]?[{segment._UPPER}0-9])"
                              r"|(?<=[a-z]{3})\.(?=[A-Z][a-z]+\b)|(?<=\b[12]\d{3})\.(?=[A-Z][a-z]+\b)")


def test_sentence_boundaries_as_before():
    rng = random.Random(7)
    pieces = list(".!?aAbZx1209 \"'”’»)][«(“‘\nÀА") + ["abc", "Abc", "2024", "Mr", "U.S", "[5]", "Ten"]
    for _ in range(30_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert [m.span() for m in segment._BOUNDARY.finditer(text, lo, hi)] == \
            [m.span() for m in _BOUNDARY_AS_WAS.finditer(text, lo, hi)], (text, lo, hi)


def _variants(rng: random.Random, phrase: str) -> str:
    """A phrase in random case, some letters swapped for what IGNORECASE reads as them."""
    odd = {"i": "ı", "s": "ſ", "k": "\u212a"}
    return "".join(odd[c] if c in odd and rng.random() < 0.3 else c.upper() if rng.random() < 0.5 else c
                   for c in phrase)


def test_word_tests_before_date_patterns():
    rng = random.Random(3)
    phrases = ["the following day", "the next night", "the next morning", "the next evening", "two days later",
               "one day later", "24 hours later", "forty-eight hours later", "the day before", "the day after",
               "the previous day", "the same day", "that day", "recent", "recently", "latest",
               "the day before the meeting", "two days after the attack", "the next day after the talks"]
    checks = [(cd._ANAPHORIC_DAY, lambda low: cd._holds(low, cd._ANAPHORIC_WORDS)),
              (cd._RECENT, lambda low: cd._holds(low, cd._RECENT_WORDS)),
              (cd.ANCHORED_DAY, lambda low: "day" in low)]
    for _ in range(5_000):
        text = " ".join(_variants(rng, rng.choice(phrases)) for _ in range(rng.randint(1, 3)))
        for pattern, holds in checks:
            if pattern.search(text):
                assert holds(text.lower()), (pattern.pattern[:30], text)
    assert cd.anchored("The day before the meeting, leaders met")["event"] == "the meeting"


def test_word_before_a_month_as_the_pattern_reads_it():
    """dates._month_only runs _MONTH_LEFT only after one of _MONTH_LEFT_ENDS (or a word not in ASCII): the pattern
    finds a qualifier or preposition nowhere else, whatever the case, the window's start and the letters
    IGNORECASE folds."""
    from mapper.extract import dates

    rng = random.Random(11)
    words = ["in", "since", "during", "throughout", "until", "till", "by", "from", "through", "last", "this", "next",
             "early", "mid", "late", "the end of", "the beginning of", "the start of", "the middle of",
             "the first half of", "second half of", "the first two weeks of", "the last 10 days of", "final week of",
             "within", "fin", "bylaw", "of", "x", "1", "_", "ſince", "\u212aate", "Late-", "sinc", "mid-"]
    seps = [" ", "  ", "-", " - ", "\n", "", ",", ".", "\u00a0"]
    for _ in range(30_000):
        text = "".join(_variants(rng, rng.choice(words)) + rng.choice(seps) for _ in range(rng.randint(1, 4)))
        at = len(text)
        lo = max(0, at - rng.choice([dates._LEFT_WINDOW, 3, 7, 12]))
        found = dates._MONTH_LEFT.search(text, lo, at)
        word, _ = dates.word_before(text, lo, at, "-")
        if found.group():
            assert word is None or word in dates._MONTH_LEFT_ENDS, (text, lo, word)


def test_own_line_as_before():
    """page_parts.own_line rules out a body clause with words beside it on its line without copying the line: the
    same answers as the copy and compare alone, for every clause segment cuts."""
    from mapper.extract import page_parts
    from mapper.model import Article

    def as_was(text, clause):
        start = text.rfind("\n", 0, clause.start) + 1
        end = text.find("\n", clause.end)
        line = text[start:end if end >= 0 else len(text)].strip()
        return line if line and line == clause.text.strip() else None

    rng = random.Random(5)
    pieces = ["Drones hit Kyiv.", "SHELLING IN KHERSON", " ", "\n", "\n\n", "  ", "- ", "Two died, officials said",
              "\t", "\u00a0", "and the town", ":", "Photo: OCHA", "(AP)"]
    for _ in range(3_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for clause in segment.segment(Article(id="a", title="", text=text)):
            assert page_parts.own_line(text, clause) == as_was(text, clause), (text, clause)


def test_word_before_a_share_as_the_pattern_reads_it():
    """casualties._shares runs _SHARE only after one of _SHARE_ENDS (past "the"), or a word not in ASCII."""
    from mapper.extract import casualties as ca
    from mapper.extract.lexicon import word_before

    rng = random.Random(13)
    words = ["in", "at", "near", "on", "the", "one", "two", "3", "10", "killed", "people", "x", "in-", "o'in",
             "within", "an", "upon", "1,200", "(4", ",5", "thE"]
    seps = [" ", "  ", "", "-", "\n", ",", "\u00a0"]
    for _ in range(30_000):
        text = "".join(_variants(rng, rng.choice(words)) + rng.choice(seps) for _ in range(rng.randint(1, 7)))
        at = len(text)
        lo = rng.randint(0, at)
        word, start = word_before(text, lo, at)
        if word == "the":
            word, _ = word_before(text, lo, start)
        if ca._SHARE.search(text, lo, at):
            assert word is None or word in ca._SHARE_ENDS, (text, lo, word)


def test_list_before_a_place_as_the_pattern_reads_it():
    """governing.governor runs COORDINATED only where governing.may_list says a list may end."""
    from mapper.extract import governing as gv

    rng = random.Random(17)
    words = ["Kyiv", "Kursk region", "and", "or", "then", "the", "The", "AND", "Homs governorate", "Monday", "in",
             "x", "theKyiv", "andthen", "Éire", "Łódź"]
    seps = [" ", ", ", ",", "", "\n", "  ", " ,", "-"]
    for _ in range(30_000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 6)))
        at = len(text) - rng.choice([0, 0, 0, 1])
        lo = rng.randint(0, at)
        if gv.COORDINATED.search(text, lo, at):
            assert gv.may_list(text, lo, at), (text, lo, at)
