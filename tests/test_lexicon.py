"""The lower-cased fast path of caseless patterns gives the caseless matches."""
from __future__ import annotations

import re

import pytest

from mapper.extract import lexicon as lx


@pytest.mark.parametrize("text", [
    "Russian DRONES struck Kyiv; Shahed debris fell on a HIMARS depot.",
    "İstanbul talks: a missile hit the port",  # "İ" lowers to two characters: the caseless pattern is used
    "no trigger at all here",
])
def test_caseless_fast_path_matches_the_caseless_pattern(text):
    rx, src = lx.ANY_TRIGGER.pick(text, text.lower())
    fast = [(m.lastgroup, m.start(), m.end()) for m in rx.finditer(src)]
    slow = [(m.lastgroup, m.start(), m.end()) for m in lx.ANY_TRIGGER.caseless.finditer(text)]
    assert fast == slow


def test_caseless_keeps_escapes_and_group_names():
    pat = lx.Caseless(r"(?P<Big>\S+)\s+MISSILES?\b")
    assert pat.lower.pattern == r"(?P<Big>\S+)\s+missiles?\b"
    rx, src = pat.pick("Two MISSILES", "two missiles")
    assert rx.match(src).group("Big") == "two"


def test_length_changing_text_uses_the_caseless_pattern():
    text = "İ missiles"
    rx, src = lx.ANY_TRIGGER.pick(text, text.lower())
    assert (rx, src) == (lx.ANY_TRIGGER.caseless, text)


@pytest.mark.parametrize("text", ["RSF", "Rapid Support Forces", "SAF", "Sudanese army", "Hamas", "Hezbollah",
                                  "Houthis", "IDF", "Israel Defense Forces", "Israeli jets", "Myanmar's junta",
                                  "Tatmadaw", "junta", "Wagner", "Islamic State", "ISIL", "al-Shabaab",
                                  "Arakan Army", "M23", "JNIM", "ISWAP", "Boko Haram", "TPLF", "PKK", "TTP",
                                  "Pakistani Taliban", "HTS", "Hayat Tahrir al-Sham", "BLA", "al-Qaeda"])
def test_every_group_actor_carries_a_hint_word(text):
    # events.actor runs the group pattern only when the cheap test (a hint word or an acronym) passes
    assert lx.ANY_GROUP.search(text)
    assert lx.may_name_group(text, text.lower())


def test_prefix_gate_reads_the_beginnings():
    gate = lx.prefix_gate(r"(?:missiles?|drones?|(?<!the )hits?|air(?:\s+)?raids?|(?:heavy )?shelling)\b", 3)
    assert gate == r"(?=(?:air|dro|h(?:ea|it)|mis|she))"
    assert lx.prefix_gate(r"(?:attacks?|\w+ed)") == ""  # a match may begin with any word character
    assert lx.prefix_gate(r"(?:a|b)?c") == "(?=[abc])"


@pytest.mark.parametrize("text", [
    "Russian DRONES struck Kyiv; Shahed debris fell on a HIMARS depot.",
    "Talks in Doha; gunmen abducted 15 students, and air defences were activated over Lviv.",
    "no trigger at all here",
])
def test_gated_triggers_match_as_the_ungated(text):
    ungated = re.compile(lx.ANY_TRIGGER.caseless.pattern.replace(lx.prefix_gate(lx.ANY_TRIGGER.lower.pattern[8:]), ""),
                         re.IGNORECASE)
    assert ungated.pattern != lx.ANY_TRIGGER.caseless.pattern
    for rx in (lx.ANY_TRIGGER.caseless, lx.ANY_TRIGGER.lower):
        src = text if rx is lx.ANY_TRIGGER.caseless else text.lower()
        assert [m.span() + (m.lastgroup,) for m in rx.finditer(src)] == \
            [m.span() + (m.lastgroup,) for m in ungated.finditer(src)]


def test_prefiltered_reads_the_needed_words():
    rx = lx.Prefiltered(re.compile(r"\b(?=\w)(?:killed|kill(?:s|ing)|deaths?\s+of)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE))
    assert rx.needles == ("death", "kill")  # "killed" holds "kill"
    assert lx.Prefiltered(re.compile(r"(?:a|b)+c")).needles == ("c",)
    assert lx.Prefiltered(re.compile(r"\w+\s+(?:of)?")).needles is None  # nothing every match holds: always run


@pytest.mark.parametrize("text", [
    "three people were KILLED in ", "the deaths of two ", "no such words", "",
    "ſtrange killed in ", "\u212aILLED in ",  # "ſ" and the Kelvin sign match "s" and "k" under IGNORECASE
])
def test_prefiltered_answers_as_the_pattern(text):
    raw = re.compile(r"\b(?=\w)(?:killed|kill(?:s|ing)|deaths?\s+of)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
    rx = lx.Prefiltered(raw)
    for pos, endpos in ((0, len(text)), (2, len(text)), (0, max(0, len(text) - 3))):
        for method in ("search", "match", "fullmatch"):
            a, b = getattr(rx, method)(text, pos, endpos), getattr(raw, method)(text, pos, endpos)
            assert (a and a.span()) == (b and b.span())
        assert [m.span() for m in rx.finditer(text, pos, endpos)] == [m.span() for m in raw.finditer(text, pos, endpos)]


def test_prefix_gate_reads_digits():
    gate = lx.prefix_gate(r"(?:\d{1,2}|an?)\s+days", 3)
    assert gate == r"(?=(?:a|\d))"
    assert re.match(gate, "\u0663 days") and not re.match(gate, "some days")  # any digit \d matches: Arabic-Indic too


def test_without_the_private_regex_parser_patterns_run_ungated(monkeypatch):
    # re._parser is CPython's own: a Python without it (or with another tree) gets no gate and no prefilter, the same
    # matches
    import re as _re

    from mapper.extract import lexicon
    monkeypatch.setattr(lexicon, "_parser", None)
    assert lexicon.prefix_gate(r"drones?|missiles?") == ""
    pre = lexicon.Prefiltered(_re.compile(r"shell(?:ed|ing)", _re.IGNORECASE))
    assert pre.needles is None
    assert pre.search("Russian forces SHELLED Kherson").group() == "SHELLED"
