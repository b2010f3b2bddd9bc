"""The shared vocabulary of date finding: month and weekday names, day counts, and the
small helpers every resolver uses to build a date or a found span.

:mod:`mapper.extract.dates` (absolute dates and the search) and
:mod:`mapper.extract.relative_dates` (dates told relative to the reference day) both
build on it; it imports neither, so they import it without a cycle.
"""
from __future__ import annotations

import datetime as dt
import re

from mapper.model import DateSpan


_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
           "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
#: number words of day counts ("three days", "a few days")
DAY_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "few": 3, "several": 4, "couple of": 2}
_DAY = dt.timedelta(days=1)
_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December")
#: weekday and month names in full, Title case, for patterns elsewhere that must never take a day or a
#: month for a name ("On Monday, Russia launched")
DAY_AND_MONTH_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday") + _FULL
_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")


def _month_names(lower: bool) -> str:
    """One flat alternation of month names in Title and UPPER (and lower) case.

    Flat, case-sensitive alternatives of literals let ``re`` skip ahead to
    candidate first letters instead of trying every position, which is what
    keeps date finding fast.  Full names come first so "March" is not read as
    "Mar" + "ch".
    """
    alts = []
    for names, tail in ((_FULL, "(?![{}])"), (_ABBR, r"(?:\.|(?![{}]))")):
        for name in names:
            alts += [name + tail.format("a-z"), name.upper() + tail.format("A-Z")]
            if lower:
                alts.append(name.lower() + tail.format("a-z"))
    return "|".join(alts)


_MON = _month_names(lower=False)
#: month names as written ("May", "Sept.", "MAY"), for patterns elsewhere that name a month
MONTH_NAMES = _MON
_MON_ANY = _month_names(lower=True)  # lower case only right after a day number
_WD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

_Found = tuple[int, int, DateSpan]


def span_precision(start: dt.date, end: dt.date) -> int:
    """ACLED precision of a range: 1 one day, 2 within a week, 3 longer.

    Parameters
    ----------
    start, end : datetime.date
        The range, ``start <= end``.

    Returns
    -------
    int
        1 when ``start == end``, 2 when the range spans at most 7 days, else 3.
    """
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 6 else 3


def month_number(token: str) -> int:
    """The number of a month written in full or abbreviated ("May" 5, "Sept." 9)."""
    return _MONTHS[token[:3].lower()]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31 November, 29 February in a common year, month 13
        return None



def _span(m: re.Match[str], start: dt.date, end: dt.date, precision: int | None = None,
          first: int | None = None) -> _Found:
    prec = span_precision(start, end) if precision is None else precision
    return (m.start() if first is None else first), m.end(), DateSpan(start, end, prec)
