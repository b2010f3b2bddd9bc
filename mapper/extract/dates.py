"""Find and resolve date expressions in news text.

Every expression becomes a :class:`~mapper.model.DateSpan` with ACLED's time
precision: 1 a single day, 2 a range of days within a week (or a "week"
phrase), 3 a longer range, a month or vaguer.

Conventions worth knowing:

* A year-less date takes the reference (publication) date's year, or the
  previous year when that would put it more than ~2 months after the
  reference ("3 December" in a January article is last December), or the
  next year when that is still within those ~2 months ("2 January" in a late
  December article).
* Relative expressions ("yesterday", "on Tuesday", "last week") and year-less
  dates need a reference date; without one they are skipped.
* "this month" is the 1st of the month to the reference, "last month" the
  whole previous month (precision 3).
* "overnight" / "last night" is ``ref - 1 .. ref`` with precision 2: the
  night straddles two days and news rarely says which one the strike hit.
* A bare weekday ("on Tuesday") is the most recent such day on or before the
  reference; "last Tuesday" is strictly before it, "next Tuesday" after it.
* "May" and "March" (and every other month) standing alone count only when
  capitalised and introduced by a preposition or qualifier ("in May",
  "late March"), so the modal verb and the verb "march" are never dates.
* "in 2022" / "during 2023" give the whole year (precision 3), so clauses
  about past years are not mistaken for current events.
* Numeric dates: ISO ``2025-11-12``; ``12.11.2025`` (day first); with slashes
  only when unambiguous (``25/11/2025`` or ``11/25/2025``), else skipped.
* Impossible dates ("31 November") are skipped, never raised.
* Spans cover the date words only, not a leading "in", "on", "from" or
  "last": "on Tuesday" -> "Tuesday"; "in late November" -> "late November".

This module reads absolute dates (day and month, month alone, ISO, numeric, years),
runs the search and reads timeline bullets; relative expressions are resolved in
:mod:`mapper.extract.relative_dates`, and both share :mod:`mapper.extract.date_parts`.
"""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable

from mapper.extract.date_parts import (
    _DAY,
    _FULL,
    _MON,
    _MON_ANY,
    _WD,
    DAY_COUNTS,
    MONTH_NAMES,
    _date,
    _Found,
    _span,
    month_number,
    span_precision,
)
from mapper.extract.lexicon import word_before
from mapper.extract.relative_dates import _P_RELATIVE, _RELATIVE_WORDS, _relative
from mapper.model import DateSpan

__all__ = ["find_dates", "bullet_date", "span_precision", "month_number", "DAY_COUNTS", "MONTH_NAMES"]

#: How far after the reference a year-less date may fall before we take last year's.
_FUTURE_SLACK = dt.timedelta(days=61)

#: what joins the two ends of a range; a slash joins the two days of a night ("the night of 5/6 May")
_SEP = r"(?:\s*[-–—/]\s*|\s+(?:to|until|till|through|and)\s+)"
_WD_PREFIX = rf"(?:(?i:{_WD}),?\s+(?:the\s+)?)?"
# The first digit comes first (so ``re`` can skip to digits); a second one only after 0-3.
_DAYNUM = r"\d(?:(?<=[0-3])\d)?(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d(?!\d)"

# Day first: "12 November 2025", "14-19 November", "30 November - 2 December 2025".
_P_DAY_FIRST = re.compile(
    rf"(?P<d1>{_DAYNUM})(?:{_SEP}(?P<d1b>{_DAYNUM}))?\s+(?:of\s+)?(?P<m1>{_MON_ANY})"
    rf"(?:,?\s+(?P<y1>{_YEAR}))?(?:{_SEP}{_WD_PREFIX}(?P<d2>{_DAYNUM})\s+(?:of\s+)?"
    rf"(?P<m2>{_MON_ANY})(?:,?\s+(?P<y2>{_YEAR}))?)?")
# Month first: "November 12, 2025", "Nov. 12", "November 14 to 19", "November 30 - December 2".
_P_MONTH_FIRST = re.compile(
    rf"(?P<m1>{_MON})\s+(?:the\s+)?(?P<d1>{_DAYNUM})(?:{_SEP}(?P<d1b>{_DAYNUM}))?"
    rf"(?:,?\s+(?P<y1>{_YEAR}))?(?:{_SEP}{_WD_PREFIX}(?P<m2>{_MON})\s+(?P<d2>{_DAYNUM})"
    rf"(?:,?\s+(?P<y2>{_YEAR}))?)?")
# A month alone: "November 2025", "in November", "late November"; the words
# before it are read by _MONTH_LEFT.
_P_MONTH = re.compile(rf"(?P<m1>{_MON})(?:,?\s+(?P<y1>{_YEAR}))?")
_MONTH_LEFT = re.compile(
    r"(?:\b(?P<p>in|since|during|throughout|until|till|by|from|through|last|this|next)\s+)?"
    r"(?:\b(?P<q>early|mid|late|(?:the\s+)?(?:end|beginning|start|middle|first\s+half"
    r"|second\s+half"
    # days and weeks counted from either end: "the first two days of December", "the last week of October"
    r"|(?:first|last|final|second|third)\s+(?:(?:two|three|four|five|six|seven|ten|few|couple\s+of|\d{1,2})\s+)?"
    r"(?:days?|weeks?))\s+of)[\s-]+)?\Z", re.IGNORECASE)
# Two months: "in January and February", "between June and August 2024", "January-March 2025"
# (full names only: "May" and "March" are also words).
_P_MONTHS = re.compile(rf"(?P<m1>{_MON})(?:,?\s+(?P<y1>{_YEAR}))?(?:\s*[-–—]\s*|\s+(?:to|until|till|through|and)\s+)"
                       rf"(?P<m2>{_MON})(?:,?\s+(?P<y2>{_YEAR}))?")
_MONTHS_LEFT = re.compile(r"\b(?=\w)(?:in|between|from|during|throughout|since|over)\s+(?:the\s+)?\Z", re.IGNORECASE)
# ISO dates, and years ("in 2022") when _YEAR_LEFT agrees.
_P_ISO_YEAR = re.compile(r"(?P<y>(?:19|20)\d\d)(?:-(?P<mo>[01]?\d)-(?P<d>[0-3]?\d))?(?!\d)")
_YEAR_LEFT = re.compile(r"\b(?=\w)(?:in|during|throughout|since|until|by)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
                        r"(?:(?P<season>summer|winter|spring|autumn|fall)(?:\s+of)?\s+)?\Z"
                        # a part of a year: "the first three months of 2024", "the end of 2023"
                        r"|\b(?:months?|weeks?|half|quarter|end|start|beginning|middle|course|rest)\s+of\s+\Z",
                        re.IGNORECASE)
#: the months a season covers (northern hemisphere; winter runs into the next year)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_P_NUMERIC = re.compile(r"(?P<a>\d(?:(?<=[0-3])\d)?)(?P<s>[./])(?P<b>[0-3]?\d)(?P=s)"
                        r"(?P<y>(?:19|20)\d\d)(?![\d.]\d)")
_LEFT_WINDOW = 40
_VERBS = frozenset({"may", "mar", "march"})  # lower-case month names that are also verbs

_Resolver = Callable[[re.Match[str], "dt.date | None"], "_Found | None"]


def _yearless(month: int, day: int, ref: dt.date | None) -> dt.date | None:
    """The latest of next, this or last year's date not over ~2 months past ``ref``."""
    if ref is None:
        return None
    for year in (ref.year + 1, ref.year, ref.year - 1):
        found = _date(year, month, day)
        if found is not None and found <= ref + _FUTURE_SLACK:
            return found
    return None


def _range(y1: str | None, m1: int, d1: int, y2: str | None, m2: int, d2: int,
           ref: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """Resolve a range whose year may be given at either end, or not at all."""
    wraps = (m1, d1) > (m2, d2)  # "30 December - 2 January" crosses a new year
    if y2 is not None:
        end = _date(int(y2), m2, d2)
    elif y1 is not None:
        end = _date(int(y1) + wraps, m2, d2)
    else:
        end = _yearless(m2, d2, ref)
    if end is None:
        return None
    start = _date(int(y1) if y1 is not None else end.year - wraps, m1, d1)
    if start is None or start > end:
        return None
    return start, end




def _glued(m: re.Match[str], extra: str = "") -> bool:
    """Whether the match starts inside a word or number (so is not a date)."""
    at = m.start()
    if at == 0:
        return False
    before = m.string[at - 1]
    return before.isalnum() or before in extra


def _day_or_month_first(m: re.Match[str], ref: dt.date | None) -> _Found | None:
    if _glued(m, ".,:/" if m.re is _P_DAY_FIRST else ""):
        return None  # "1.12 November", "x12 Nov": the digits belong to something else
    if m["m1"] in _VERBS and m["y1"] is None and m["y2"] is None:
        return None  # "those 5 may face charges"; "12 may 2025" is still a date
    if _NAME_AFTER.match(m.string, m.end()):
        return None  # "the March 23 Movement", "the 6 October Bridge": a name, not a date
    return _resolve_range(m, ref)


# a date opening the name of a movement, a place or an accord ("March 23 Movement", "6th of
# October Bridge", "February 17 Revolution"): the name's head noun, past up to two words
_NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\s+){0,2}(?:Movement|Alliance|Coalition|Group|Brigades?|Battalion|Front"
                         r"|Party|Revolution|Uprising|Street|Avenue|Road|Square|Bridge|Stadium|Agreement|Accords?"
                         r"|Declaration|Memorial|Youth|Martyrs)\b")


def _resolve_range(m: re.Match[str], ref: dt.date | None) -> _Found | None:
    m1, d1 = month_number(m["m1"]), int(m["d1"].rstrip("stndrh"))
    if m["m2"] is not None:  # "30 November - 2 December": the tail ends the range
        m2, d2, y2 = month_number(m["m2"]), int(m["d2"].rstrip("stndrh")), m["y2"]
    else:
        m2, d2, y2 = m1, int((m["d1b"] or m["d1"]).rstrip("stndrh")), m["y1"]
    got = _range(m["y1"], m1, d1, y2, m2, d2, ref)
    return None if got is None else _span(m, *got)


#: a month's year told after it by the year before the reference: "in May last year"
_LAST_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?last\s+year\b", re.IGNORECASE)


def _month_only(m: re.Match[str], ref: dt.date | None) -> _Found | None:
    if _glued(m):
        return None
    text, at = m.string, m.start()
    lo = max(0, at - _LEFT_WINDOW)
    # (most months follow none of the words _MONTH_LEFT reads: the pattern, tried at every position of its window,
    # runs only after one of them)
    word, _ = word_before(text, lo, at, "-")
    left = _MONTH_LEFT.search(text, lo, at) if word is None or word in _MONTH_LEFT_ENDS else None
    qualifier, year, token = left["q"] if left else None, m["y1"], m["m1"]
    if year is None and ((left is None or left["p"] is None) and qualifier is None
                         or token.capitalize() not in _FULL):
        return None  # bare or abbreviated: "May" the verb, "Jan" the name
    month = month_number(token)
    if year is None and ref is not None and _LAST_YEAR_AFTER.match(text, m.end()):
        year = str(ref.year - 1)  # "in May last year", "in March of last year"
    first_day = _date(int(year), month, 1) if year else _yearless(month, 1, ref)
    if first_day is None:
        return None
    low, high = _month_part(qualifier) if qualifier else (1, 31)
    last = calendar.monthrange(first_day.year, month)[1]
    if low < 0:  # counted back from the month's end
        low, high = max(1, last + low + 1), last + high + 1
    start, end = first_day.replace(day=min(low, last)), first_day.replace(day=min(high, last))
    return _span(m, start, end, 2 if (end - start).days < 7 else 3, left.start("q") if qualifier else at)


#: the words a match of _MONTH_LEFT ends with (before its spaces or hyphen: :func:`mapper.extract.lexicon.word_before`): its prepositions ("in", "last") and the
#: last word of its qualifiers ("late", "mid", "the end of", "the first two weeks of")
_MONTH_LEFT_ENDS = frozenset("in since during throughout until till by from through last this next early mid late of"
                             .split())


def _months(m: re.Match[str], ref: dt.date | None) -> _Found | None:
    """A period from the first day of one month to the last of another."""
    if _glued(m) or not (m["y2"] or _MONTHS_LEFT.search(m.string, max(0, m.start() - 20), m.start())) \
            or m["m1"].capitalize() not in _FULL or m["m2"].capitalize() not in _FULL:
        return None
    first, last = month_number(m["m1"]), month_number(m["m2"])
    if first == last:
        return None
    if 0 < first - last <= 6 and not m["y1"]:
        first, last = last, first  # "twice in April and March": both months, in calendar order
    end_first = _date(int(m["y2"]), last, 1) if m["y2"] else _yearless(last, 1, ref)
    if end_first is None:
        return None
    start = _date(int(m["y1"]) if m["y1"] else end_first.year - (first > last), first, 1)
    if start is None or start > end_first:
        return None
    end = end_first.replace(day=calendar.monthrange(end_first.year, last)[1])
    return _span(m, start, end, 3)


def _month_part(qualifier: str) -> tuple[int, int]:
    """Day range of a month for "early", "mid", "the end of", ... (ends clipped later); days
    counted back from the month's end ("the last week of") as negative numbers (-7, -1)."""
    q = qualifier.lower()
    counted = _COUNTED_PART.search(q)
    if counted is not None:
        n = counted["n"] or ("2" if counted["unit"].endswith("s") else "1")
        size = (int(n) if n.isdigit() else _SMALL_COUNTS.get(n.split()[0], 3)) * (7 if counted["unit"].startswith("week") else 1)
        if counted["end"] in ("last", "final"):
            return -size, -1
        nth = {"first": 0, "second": 1, "third": 2}[counted["end"]] if counted["n"] is None else 0
        return nth * size + 1, (nth + 1) * size
    if q.startswith(("early", "beginning", "the beginning", "start", "the start")):
        return 1, 10
    if q.startswith(("mid", "the middle")):
        return 11, 20
    if "first" in q:
        return 1, 15
    if "second" in q:
        return 16, 31
    return 21, 31  # late, (the) end of


_COUNTED_PART = re.compile(r"(?P<end>first|last|final|second|third)\s+(?:(?P<n>two|three|four|five|six|seven|ten|few"
                           r"|couple\s+of|\d{1,2})\s+)?(?P<unit>days?|weeks?)")
_SMALL_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "few": 3, "couple": 2}


def _iso_or_year(m: re.Match[str], ref: dt.date | None) -> _Found | None:
    if _glued(m, "-/."):
        return None
    if m["mo"] is not None:
        day = _date(int(m["y"]), int(m["mo"]), int(m["d"]))
        return None if day is None else _span(m, day, day)
    text, at = m.string, m.start()
    left = _YEAR_LEFT.search(text, max(0, at - _LEFT_WINDOW), at)
    if text[m.end():m.end() + 1] in ("-", "–", "/") or not left:
        return None  # "2022-2023", "2024/25", or a year not introduced by "in"
    year = int(m["y"])
    if left["season"]:  # "in summer 2023", "during the winter of 2022"
        first, last = _SEASONS[left["season"].lower()]
        end_year = year + 1 if last < first else year
        end = dt.date(end_year, last % 12 + 1, 1) - dt.timedelta(days=1)
        return _span(m, dt.date(year, first, 1), end, 3)
    return _span(m, dt.date(year, 1, 1), dt.date(year, 12, 31), 3)


def _numeric(m: re.Match[str], ref: dt.date | None) -> _Found | None:
    if _glued(m, "./"):
        return None
    a, b = int(m["a"]), int(m["b"])
    if m["s"] == ".":
        day, month = a, b  # dotted dates are European, day first
    elif a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    elif a == b:
        day = month = a  # 05/05/2025: either way the same day
    else:
        return None  # 05/11/2025: 5 November or May 11? do not guess
    found = _date(int(m["y"]), month, day)
    return None if found is None else _span(m, found, found)



# (pattern, resolver, gate): "d" needs a digit, "r" a reference date and a
# relative word, "" always runs (its first letters are a fast scan).
# Overlaps are settled by length afterwards, not by this order.
_RULES: tuple[tuple[re.Pattern[str], _Resolver, str], ...] = (
    (_P_DAY_FIRST, _day_or_month_first, "d"),
    (_P_MONTH_FIRST, _day_or_month_first, "d"),
    (_P_MONTH, _month_only, ""),
    (_P_MONTHS, _months, ""),
    (_P_ISO_YEAR, _iso_or_year, "d"),
    (_P_NUMERIC, _numeric, "d"),
    (_P_RELATIVE, _relative, "r"),
)


def find_dates(text: str, ref: dt.date | None = None) -> list[tuple[int, int, DateSpan]]:
    """Find every date expression in ``text`` and resolve it.

    Parameters
    ----------
    text : str
        Any text: a clause, a line or a whole article.
    ref : datetime.date or None
        The reference date (usually the publication date) for year-less and
        relative expressions; those are skipped when it is None.

    Returns
    -------
    list of (int, int, DateSpan)
        ``(start, end, span)`` in text order, with ``text[start:end]`` the
        expression.  Overlapping readings are settled in favour of the longer
        one ("14-19 November 2025" beats "19 November 2025").
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}: {text!r:.60}")
    return list(_find_dates(text, ref))  # a fresh list: callers may change it


# the linker asks again for the dates of the clause clause_date just read (a pure function of
# the text and the reference day: the answers are tuples of frozen records)
@functools.lru_cache(maxsize=256)
def _find_dates(text: str, ref: dt.date | None) -> tuple[_Found, ...]:
    gates = "d" if _HAS_DIGIT.search(text) else ""
    if ref is not None:
        low = text.lower()
        for word in _RELATIVE_WORDS:  # (a loop: faster than any() over a generator, as in lexicon.Prefiltered)
            if word in low:
                gates += "r"
                break
    found: list[_Found] = []
    for pattern, resolve, needs in _RULES:
        if needs in gates:
            for m in pattern.finditer(text):
                try:
                    got = resolve(m, ref)
                except OverflowError:  # "yesterday" with ref 0001-01-01: no such date
                    continue
                if got is not None:
                    found.append(_night_of(text, got))
    return tuple(_named_night(text, _longest_first(found)))


#: between "overnight" and the date of the night it means: "overnight 12/13 June", "Overnight on 12-13 June"
_TO_NAMED_NIGHT = re.compile(r"\s*,?\s*(?:(?:on|of|into|from)\s+)?(?:the\s+)?(?:night\s+of\s+)?\Z", re.IGNORECASE)


def _named_night(text: str, found: list[_Found]) -> list[_Found]:
    """The dates without an "overnight" that a date right after it names: "overnight 12/13 June" is the
    night of 12 to 13 June, not the night before the reference day."""
    return [f for i, f in enumerate(found)
            if not (i + 1 < len(found) and text[f[0]:f[1]].lower() == "overnight"
                    and _TO_NAMED_NIGHT.match(text, f[1], found[i + 1][0]))]


_NIGHT_OF = re.compile(r"\b(?=\w)night\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _night_of(text: str, found: _Found) -> _Found:
    """"the night of 10 October" runs from that evening into the next day."""
    start, end, span = found
    if span.start == span.end and _NIGHT_OF.search(text, max(0, start - 20), start):
        return start, end, DateSpan(span.start, span.end + _DAY, 2)
    return found


_HAS_DIGIT = re.compile(r"\d")

def _longest_first(found: list[_Found]) -> list[_Found]:
    if len(found) < 2:
        return found
    # Mark the characters kept spans cover: checking a span costs its own length, where
    # comparing it with every kept span was quadratic (minutes for a long line of dates).
    covered = bytearray(max(f[1] for f in found))
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if 1 not in covered[item[0]:item[1]]:
            covered[item[0]:item[1]] = b"\x01" * (item[1] - item[0])
            kept.append(item)
    kept.sort(key=lambda f: f[0])
    return kept


# A timeline bullet: optional marker, optional bold, the date, then ":" or a dash.
_BULLET_MARK = re.compile(r"\s*(?:(?:[-*•–—]|\d{1,3}[.)])\s+)?(?:\*\*|__)?")
_BULLET_END = re.compile(r"(?:\*\*|__)?\s*(?::|[-–—](?=\s)|\s[-–—](?=\s))")
_BULLET_SCAN = 90  # a leading date expression is never longer than this


def bullet_date(line: str, ref: dt.date | None) -> DateSpan | None:
    """The date a timeline bullet opens with, or None.

    Parameters
    ----------
    line : str
        One line, with or without its bullet marker (``- ``, ``* ``, ``• ``,
        ``– ``, ``1. ``): "- 14-19 November 2025: Russia ...".
    ref : datetime.date or None
        Reference date for year-less dates.

    Returns
    -------
    DateSpan or None
        The opening date when it is directly followed by ``:`` or a dash.
    """
    at = _BULLET_MARK.match(line).end()
    head = line[:at + _BULLET_SCAN]
    for start, end, span in find_dates(head, ref):
        if start != at:
            return None
        return span if _BULLET_END.match(line, end) else None
    return None
