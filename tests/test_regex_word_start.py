"""The ``\\b(?=\\w)`` openings of mapper's patterns change no match.

A pattern that opens with ``\\b`` is tried at every word boundary, word ends included,
where all its alternatives fail one by one; ``(?=\\w)`` after the ``\\b`` rejects a word's
end at once (about twice as fast on the long alternations of triggers and modality).
That is only the same pattern when every match must begin with a word character: this
test checks it from the parsed pattern, for every such pattern mapper compiles at import.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from re import _constants as C  # noqa: N812
from re import _parser

import mapper
from mapper.extract.lexicon import Caseless, Prefiltered

_OPENING = "\\b(?=\\w)"


def _first(items) -> tuple[set[str] | None, bool]:
    """The characters a match of ``items`` may begin with (None: any), and whether it may be empty."""
    out: set[str] = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.LITERAL:
            return out | {chr(av)}, False
        if op is C.IN:
            for o, a in av:
                if o is C.LITERAL:
                    out.add(chr(a))
                elif o is C.RANGE:
                    out.update(chr(c) for c in range(a[0], a[1] + 1))
                elif o is C.CATEGORY and a in (C.CATEGORY_WORD, C.CATEGORY_DIGIT):
                    out.add("a")  # any word character, or a digit: word characters all
                else:
                    return None, False
            return out, False
        if op is C.SUBPATTERN:
            found, empty = _first(av[3])
        elif op is C.BRANCH:
            found, empty = set(), False
            for alt in av[1]:
                f, e = _first(alt)
                if f is None:
                    return None, False
                found |= f
                empty |= e
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            found, empty = _first(av[2])
            empty = empty or av[0] == 0
        else:
            return None, False
        if found is None:
            return None, False
        out |= found
        if not empty:
            return out, False
    return out, True


def _word_start_only(pattern: str, flags: int) -> bool:
    found, empty = _first(_parser.parse(pattern, flags))
    return found is not None and not empty and all(re.match(r"\w", c) for c in found)


def test_group_names_initials():
    """GROUP_NAMES_NOT_PLACES opens with a lookahead on capitals and "a": every name begins with one."""
    from mapper.extract import lexicon as lx

    rx = lx.GROUP_NAMES_NOT_PLACES
    opening = "(?=[A-Za])(?:"
    assert rx.pattern.startswith(opening) and rx.pattern.endswith(")") and not rx.flags & re.IGNORECASE
    found, empty = _first(_parser.parse(rx.pattern[len(opening):-1], rx.flags))
    assert found is not None and not empty and all(re.fullmatch("[A-Za]", c) for c in found)


def test_group_initials():
    """ANY_GROUP's lookahead on the initials of the group names changes no match."""
    from mapper.extract import lexicon as lx

    for rx, name in lx.GROUP_ACTORS:
        assert not rx.flags & re.IGNORECASE and "(?i" not in rx.pattern, name  # initials as written
        found, empty = _first(_parser.parse(rx.pattern, rx.flags))
        assert found is not None and not empty and found <= set(lx.GROUP_INITIALS), name


def _patterns(value, depth: int = 0):
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, Caseless):
        yield value.caseless
        yield value.lower
    elif isinstance(value, Prefiltered):
        yield value.rx
    elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _patterns(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns(item, depth + 1)


def _opened() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for info in pkgutil.walk_packages(mapper.__path__, "mapper."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            out.extend((f"{info.name}.{name}", p) for p in _patterns(value)
                       if isinstance(p.pattern, str) and _OPENING in p.pattern)
    return out


def test_word_start_openings_change_no_match():
    opened = _opened()
    assert len(opened) > 50  # the triggers, modality and role patterns at least
    for where, p in opened:
        assert p.pattern.startswith(_OPENING) and p.pattern.count(_OPENING) == 1, where
        assert _word_start_only(p.pattern[len(_OPENING):], p.flags), where


def test_analysis_tells_apart():
    assert _word_start_only(r"(?:missiles?|drones?)\b", 0)
    assert not _word_start_only(r"(?:at least)?\s*\d+", 0)  # may begin with a space
    assert not _word_start_only(r"(?:known\s+as|(?<=\w)\s+or\s+as)", 0)
    assert not _word_start_only(r"(?:a|b)?", 0)  # may match nothing


def test_subclause_initials():
    """roles._SUBCLAUSE looks ahead, after its opening, on the first letters of its lead words: every one begins with
    one of them (IGNORECASE: in either case)."""
    from mapper.extract import roles

    rx = roles._SUBCLAUSE
    opening = r"(?:^|[,;]\s*|\s)" + f"(?=[{roles.SUBCLAUSE_INITIALS}])"
    assert rx.pattern.startswith(opening) and rx.flags & re.IGNORECASE
    found, empty = _first(_parser.parse(rx.pattern[len(opening):], rx.flags))
    assert found is not None and not empty and {c.lower() for c in found} <= set(roles.SUBCLAUSE_INITIALS)
