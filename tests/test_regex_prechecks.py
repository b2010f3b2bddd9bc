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
