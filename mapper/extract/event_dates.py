"""How the dates of an event's clause relate: a period too long to be one event's date, dates
too far apart to be one event's, and which of a clause's dates lies nearest an event word.
:func:`mapper.extract.events.link_clause` and :mod:`mapper.extract.article` read them.
"""
from __future__ import annotations

import bisect
import re

from mapper.extract.lexicon import Prefiltered
from mapper.model import DateSpan

__all__ = ["DIGIT_OR_MONTH", "SUMMARY_DAYS", "SUMMARY_MONTHS", "coordinated_days", "far_apart_dates", "has_digit_or_month",
           "nearest_date", "summary_period"]

#: dates of one clause further apart than this are two events' dates (a month is the coarsest
#: date annotation.md gives one event: "in September")
SUMMARY_DAYS = 31
#: a period reaching over more calendar months than this is a summary, not an event's date:
#: "fighting has been reported in Maungdaw since June" (a situation report of September) is a
#: period of hostilities told as one, annotated over its whole range; "struck twice in 2024" and
#: "since the start of the war" sum up a season or a year
SUMMARY_MONTHS = 3
#: events that ended this many days before publication are the article's background (annotation.md: recalled
#: background, not an incident of the article)
BACKGROUND_DAYS = 30


def summary_period(date: DateSpan) -> bool:
    """Whether a period is too long to be one event's date: it reaches over more than
    SUMMARY_MONTHS calendar months past the one it starts in (June 1 to September 5: 3)."""
    return (date.end.year - date.start.year) * 12 + date.end.month - date.start.month > SUMMARY_MONTHS


def far_apart_dates(text: str, found: list[tuple[int, int, DateSpan]]) -> list[tuple[int, DateSpan]]:
    """The clause's dates (``found``) with their positions when they lie too far apart to be
    one event's (more than SUMMARY_DAYS): each then dates the places after it; else []."""
    if len(found) < 2:
        return []
    if any(_RANGE_GAP.match(text[a[1]:b[0]]) for a, b in zip(found, found[1:])):
        return []  # "since 7 October and until 28 May": one period
    lo = min(f[2].start for f in found)
    hi = max(f[2].end for f in found)
    return [(f[0], f[2]) for f in found] if (hi - lo).days > SUMMARY_DAYS else []


def coordinated_days(text: str, found: list[tuple[int, int, DateSpan]], places: list[int]
                     ) -> list[tuple[int, DateSpan]]:
    """A clause made of coordinated parts that each tell their own day: "On 19 December Israel
    struck Sanaa, and on 26 December it struck Hodeidah", "struck Sanaa on 19 December and Hodeidah
    on 26 December", or parts joined by commas alone: "Drones struck Kyiv on 3 August, missiles hit
    Lviv on 4 August".  The clause's dates (``found``, all single days, at least two different ones,
    no range between them) each in a part of its own that names a place (``places``: their starts);
    returns (start of part, day) for the parts that hold a date, else [] (the clause's date stands)."""
    if len(found) < 2 or any(a[2].end >= b[2].start for a, b in zip(found, found[1:])):
        return []  # one date, or dates that overlap or run backwards ("in May ... on 5 May")
    if any(_RANGE_GAP.match(text[a[1]:b[0]]) for a, b in zip(found, found[1:])):
        return []  # "on 19 and 26 December", "from 3 to 5 May": one period or a list of days for all
    # the parts a conjunction or a semicolon makes; failing those, the parts commas make, where
    # a day fronted before its comma belongs to the part after it ("On 3 August, drones struck Kyiv")
    return _days_of_parts(text, found, places, _PART_BREAK, fronted=False) \
        or _days_of_parts(text, found, places, _COMMA_BREAK, fronted=True)


def _days_of_parts(text: str, found: list[tuple[int, int, DateSpan]], places: list[int], breaks: re.Pattern[str],
                   fronted: bool) -> list[tuple[int, DateSpan]]:
    """(start of part, day) for each part between ``breaks`` that holds one of ``found``'s dates
    and a place, when every date is alone in such a part; else [].  With ``fronted`` (parts made by
    commas), a part that is only a day gives it to the part after it ("On 3 August, drones struck
    Kyiv"), and the day of a part with no place is no place's ("..., the governor said on 4 August")."""
    cuts = list(breaks.finditer(text))
    bounds = [0, *(m.end() for m in cuts), len(text)]
    by_comma = [False, *(m.group().strip() == "," for m in cuts)]  # a part that a comma alone begins
    out: list[tuple[int, DateSpan]] = []
    held: tuple[int, DateSpan] | None = None  # a fronted day waiting for its part
    for lo, hi, comma in zip(bounds, bounds[1:], by_comma):
        inside = [(a, b, d) for a, b, d in found if lo <= a < hi]
        if held is not None:
            if inside:
                return []  # "on 3 August, on 4 August": whose day?
            (lo, day), held = held, None
            inside = [(lo, lo, day)]
        if len(inside) > 1:
            return []
        if inside:
            a, b, day = inside[0]
            if not any(lo <= p < hi for p in places):
                if not fronted:
                    return []  # "struck Sanaa and Hodeidah on 19 December and 26 December": which was when?
                if _BARE_DAY.match(text[lo:a] + text[b:hi]):
                    held = (lo, day)
                elif not comma or any(p >= hi for p in places):
                    return []  # "on Sunday and again on Monday"; a day of no place before the places: whose?
                continue
            out.append((lo, day))
    if fronted:
        return out if held is None else []
    return out if len(out) == len(found) else []


#: what is left of a part that is only a day: "On 3 August, ", "early on Sunday, "
_BARE_DAY = re.compile(r"^\W*(?:(?:early|late|later)\s+)?(?:on|in|at|by|during|overnight|overnight\s+on)?\W*$",
                       re.IGNORECASE)


def part_day(parts: list[tuple[int, DateSpan]], at: int) -> DateSpan | None:
    """The day of the coordinated part (:func:`coordinated_days`) a place at ``at`` lies in: its
    own part's, else the last part's before it that has one, else the first's after it."""
    if not parts:
        return None
    before = [d for lo, d in parts if lo <= at]
    return before[-1] if before else parts[0][1]


#: where a clause's coordinated parts meet: "..., and on 26 December", "... and Hodeidah on ...", ";"
_PART_BREAK = re.compile(r";|,?\s+(?:and|while|whereas|then|before|after\s+which)\s+", re.IGNORECASE)
#: the same, and a comma: "Drones struck Kyiv on 3 August, missiles hit Lviv on 4 August"
_COMMA_BREAK = re.compile(rf"{_PART_BREAK.pattern}|,\s+", re.IGNORECASE)


def nearest_date(dates: list[tuple[int, DateSpan]], at: int, triggers: list[int]) -> DateSpan | None:
    """The date told between the event word that governs position ``at`` (the last one
    before it, ``triggers``: their starts) and ``at``: "a similar attack last October in
    Kachin"; not "after the invasion began in February 2022, missiles hit Kyiv"."""
    i = bisect.bisect_left(triggers, at) - 1
    lo = triggers[i] if i >= 0 else -1
    between = [d for pos, d in dates if lo < pos < at]
    return between[-1] if between else None


_RANGE_GAP = re.compile(r"^\s*(?:[-\u2013\u2014]|to|until|till|through|and(?:\s+(?:until|till|to))?)\s*$", re.IGNORECASE)
_MONTH_WORDS = (r"January|February|March|April|May|June|July|August|September|October|November"
                r"|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.")
DIGIT_OR_MONTH = re.compile(r"\d|" + _MONTH_WORDS, re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_MONTH_WORD = Prefiltered(re.compile(_MONTH_WORDS, re.IGNORECASE))


def has_digit_or_month(text: str) -> bool:
    """Whether :data:`DIGIT_OR_MONTH` finds anything in ``text``, in two quick passes: re scans for a
    digit alone with its fast search for one class of characters (the names after ``\\d`` made it
    try every alternative at every character), and the names run only where one of them stands."""
    return bool(_DIGIT.search(text) or _MONTH_WORD.search(text))
