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
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from mapper.model import DateSpan

__all__ = ["find_dates", "bullet_date", "span_precision", "month_number", "DAY_COUNTS", "MONTH_NAMES"]

_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
           "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
#: number words of day counts ("three days", "a few days")
DAY_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "few": 3, "several": 4, "couple of": 2}
#: How far after the reference a year-less date may fall before we take last year's.
_FUTURE_SLACK = dt.timedelta(days=61)
_DAY = dt.timedelta(days=1)
_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December")
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
_SEP = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through|and)\s+)"
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
    r"|second\s+half)\s+of)[\s-]+)?\Z", re.IGNORECASE)
# ISO dates, and years ("in 2022") when _YEAR_LEFT agrees.
_P_ISO_YEAR = re.compile(r"(?P<y>(?:19|20)\d\d)(?:-(?P<mo>[01]?\d)-(?P<d>[0-3]?\d))?(?!\d)")
_YEAR_LEFT = re.compile(r"\b(?:in|during|throughout|since|until|by)\s+(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
                        r"(?:(?P<season>summer|winter|spring|autumn|fall)(?:\s+of)?\s+)?\Z"
                        # a part of a year: "the first three months of 2024", "the end of 2023"
                        r"|\b(?:months?|weeks?|half|quarter|end|start|beginning|middle|course|rest)\s+of\s+\Z",
                        re.IGNORECASE)
#: the months a season covers (northern hemisphere; winter runs into the next year)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_P_NUMERIC = re.compile(r"(?P<a>\d(?:(?<=[0-3])\d)?)(?P<s>[./])(?P<b>[0-3]?\d)(?P=s)"
                        r"(?P<y>(?:19|20)\d\d)(?![\d.]\d)")
_P_RELATIVE = re.compile(
    r"\b(?:(?P<today>today|this\s+(?:morning|afternoon|evening))|(?P<tonight>tonight)"
    r"|(?P<yest>yesterday)|(?P<night>last\s+night|overnight)"
    r"|(?P<past>(?:in|over|during|within|for)\s+(?:the\s+)?(?:past|last|previous)\s+(?P<pn>\d{1,3}|twenty-four|a|one|two|three|seven"
    r"|few|several|couple\s+of)?"
    r"\s*(?P<pu>hours?|days?|weeks?|months?|years?)|(?:in|within)\s+(?:a|one)\s+day|within\s+24\s+hours)"
    # a situation report's own period: "during the reporting period", "since the last update"
    r"|(?P<period>(?:during|in|over|throughout)\s+the\s+reporting\s+period|since\s+the\s+(?:last|previous)\s+"
    r"(?:update|report|flash\s+update|situation\s+report)|(?:in|over|during)\s+recent\s+(?P<rw>days|weeks))"
    r"|(?P<ew>earlier\s+this\s+week)|(?P<tw>this\s+week)|(?P<lw>last\s+week)"
    r"|(?P<tm>(?:earlier\s+)?this\s+month)|(?P<lm>last\s+month)|(?P<we>(?:last|this|the\s+past|over\s+the)\s+weekend)"
    r"|(?P<xmas>Christmas(?P<xk>\s+(?:Eve|Day)|\s+(?:period|holidays?|break|season))?)|(?P<ny>New\s+Year['’]s\s+(?:Eve|Day))"
    # "two weeks ago", and "it is exactly two weeks since" (the event that follows)
    r"|(?P<ago>(?:(?P<lead>it\s+is|it['’]s|it\s+has\s+been)\s+(?:now\s+|exactly\s+|just\s+|almost\s+|nearly\s+)?)?"
    r"(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
    rf"\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<tail>ago(?:\s+today)?|since))"
    rf"|(?:(?P<mod>last|next)\s+)?(?P<wd>{_WD})(?:'s)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\b", re.IGNORECASE)
_DATE_AFTER = re.compile(rf",?\s+(?:the\s+)?(?:\d|{_MON})")
_LEFT_WINDOW = 40
_VERBS = frozenset({"may", "mar", "march"})  # lower-case month names that are also verbs
_RELATIVE_WORDS = ("day", "night", "week", "month", "year", "morning", "afternoon", "evening", "hour", "christmas",
                   "new year",
                   "reporting period", "last update", "previous update", "last report", "previous report")

_Found = tuple[int, int, DateSpan]
_Resolver = Callable[[re.Match[str], "dt.date | None"], "_Found | None"]


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


def _span(m: re.Match[str], start: dt.date, end: dt.date, precision: int | None = None,
          first: int | None = None) -> _Found:
    prec = span_precision(start, end) if precision is None else precision
    return (m.start() if first is None else first), m.end(), DateSpan(start, end, prec)


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


def _month_only(m: re.Match[str], ref: dt.date | None) -> _Found | None:
    if _glued(m):
        return None
    text, at = m.string, m.start()
    left = _MONTH_LEFT.search(text, max(0, at - _LEFT_WINDOW), at)
    qualifier, year, token = left["q"], m["y1"], m["m1"]
    if year is None and (left["p"] is None and qualifier is None
                         or token.capitalize() not in _FULL):
        return None  # bare or abbreviated: "May" the verb, "Jan" the name
    month = month_number(token)
    first_day = _date(int(year), month, 1) if year else _yearless(month, 1, ref)
    if first_day is None:
        return None
    low, high = _month_part(qualifier) if qualifier else (1, 31)
    last = calendar.monthrange(first_day.year, month)[1]
    start, end = first_day.replace(day=low), first_day.replace(day=min(high, last))
    return _span(m, start, end, 3, left.start("q") if qualifier else at)


def _month_part(qualifier: str) -> tuple[int, int]:
    """Day range of a month for "early", "mid", "the end of", ... (ends clipped later)."""
    q = qualifier.lower()
    if q.startswith(("early", "beginning", "the beginning", "start", "the start")):
        return 1, 10
    if q.startswith(("mid", "the middle")):
        return 11, 20
    if "first" in q:
        return 1, 15
    if "second" in q:
        return 16, 31
    return 21, 31  # late, (the) end of


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
    else:
        return None  # 05/11/2025: 5 November or May 11? do not guess
    found = _date(int(m["y"]), month, day)
    return None if found is None else _span(m, found, found)


def _relative(m: re.Match[str], ref: dt.date | None) -> _Found | None:
    if ref is None:
        return None
    if m["wd"] is not None:
        return _weekday(m, ref)
    monday = ref - dt.timedelta(days=ref.weekday())
    if m["today"] or m["tonight"]:
        return _span(m, ref, ref)
    if m["yest"]:
        return _span(m, ref - _DAY, ref - _DAY)
    if m["night"]:
        return _span(m, ref - _DAY, ref, 2)
    if m["past"]:
        return _past(m, ref)
    if m["period"]:  # a week before the report; "recent days" a few days, "recent weeks" three
        days = 21 if (m["rw"] or "").lower() == "weeks" else 3 if m["rw"] else 7
        return _span(m, ref - days * _DAY, ref, 2 if days <= 7 else 3)
    if m["ew"] or m["tw"]:
        return _span(m, monday, ref, 2)
    if m["lw"]:
        return _span(m, monday - 7 * _DAY, monday - _DAY, 2)
    if m["tm"]:
        return _span(m, ref.replace(day=1), ref, 3)
    if m["xmas"] or m["ny"]:
        return _holiday(m, ref)
    if m["we"]:  # the latest Saturday and Sunday before the reference day
        sunday = ref - dt.timedelta(days=(ref.weekday() + 1) % 7 or 7)
        return _span(m, sunday - _DAY, sunday, 2)
    if m["lm"]:
        last = ref.replace(day=1) - _DAY
        return _span(m, last.replace(day=1), last, 3)
    if m["tail"].lower() == "since" and m["lead"] is None:
        return None  # "for two weeks since the attack": a duration, no date
    n = m["n"].lower()
    count = int(n) if n.isdigit() else DAY_COUNTS[n]
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return _span(m, ref - count * _DAY, ref - count * _DAY)
    if unit == "week":  # "two weeks ago": that week, Monday to Sunday
        monday = ref - dt.timedelta(days=ref.weekday() + 7 * count)
        return _span(m, monday, monday + 6 * _DAY, 2)
    # "three years ago (today)": the same day that many months or years back
    months = count * (12 if unit == "year" else 1)
    y, mo = divmod(ref.year * 12 + ref.month - 1 - months, 12)
    first = _date(y, mo + 1, 1)
    if first is None:
        return None
    last = (first + 31 * _DAY).replace(day=1) - _DAY
    if not m.group().lower().endswith("today"):
        return _span(m, first, last, 3)  # "six months ago": that month
    return _span(m, first.replace(day=min(ref.day, last.day)), first.replace(day=min(ref.day, last.day)))


def _holiday(m: re.Match[str], ref: dt.date) -> _Found | None:
    """Christmas (Eve, Day, or the period to New Year) and New Year's Eve/Day: the latest
    ones on or before the reference day."""
    kind = (m["xk"] or "").strip().lower()
    if m["ny"]:
        if m["ny"].lower().endswith("eve"):
            day = dt.date(ref.year if ref >= dt.date(ref.year, 12, 31) else ref.year - 1, 12, 31)
        else:
            day = dt.date(ref.year, 1, 1)
        return _span(m, day, day)
    year = ref.year if ref >= dt.date(ref.year, 12, 24) else ref.year - 1
    if kind in ("eve", "day"):
        day = dt.date(year, 12, 24 if kind == "eve" else 25)
        return _span(m, day, day)
    if not kind:
        return None  # "Christmas" alone names the feast, not a date ("a Christmas truce")
    return _span(m, dt.date(year, 12, 24), min(ref, dt.date(year + 1, 1, 1)), 3)


def _past(m: re.Match[str], ref: dt.date) -> _Found | None:
    """ "in the past 24 hours", "over the last three days", "in a day", "over the past year": a
    report covers the period just before it, ending on the reference day (a year's is a
    summary, which the linker tells from an event's date)."""
    n = " ".join((m["pn"] or "").lower().split())
    count = 24 if n == "twenty-four" else int(n) if n.isdigit() else DAY_COUNTS.get(n, 1)
    unit = (m["pu"] or "day").lower()
    days = (7 * count if unit.startswith("week") else 30 * count if unit.startswith("month")
            else 365 * count if unit.startswith("year")
            else -(-count // 24) if unit.startswith("hour") and count >= 24 else count)
    if unit.startswith("hour") and count < 24:
        days = 0  # "in the past hour": the reference day itself
    if days < 0:
        return None
    return _span(m, ref - days * _DAY, ref, None if days == 0 else 2 if days <= 7 else 3)


def _weekday(m: re.Match[str], ref: dt.date) -> _Found | None:
    if _DATE_AFTER.match(m.string, m.end()):
        return None  # "Tuesday, 18 November": the date itself says which Tuesday
    wanted = _WEEKDAYS[m["wd"][:3].lower()]
    back = (ref.weekday() - wanted) % 7
    mod = (m["mod"] or "").lower()
    if mod == "last" and back == 0:
        back = 7
    if mod == "next":
        back = -((wanted - ref.weekday()) % 7 or 7)
    day = ref - back * _DAY
    if m.group().lower().endswith("night") and day < ref:
        return _span(m, day, day + _DAY, 2, m.start("wd"))  # "Sunday night": the night into Monday
    return _span(m, day, day, 1, m.start("wd"))


# (pattern, resolver, gate): "d" needs a digit, "r" a reference date and a
# relative word, "" always runs (its first letters are a fast scan).
# Overlaps are settled by length afterwards, not by this order.
_RULES: tuple[tuple[re.Pattern[str], _Resolver, str], ...] = (
    (_P_DAY_FIRST, _day_or_month_first, "d"),
    (_P_MONTH_FIRST, _day_or_month_first, "d"),
    (_P_MONTH, _month_only, ""),
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
    gates = "d" if _HAS_DIGIT.search(text) else ""
    if ref is not None:
        low = text.lower()
        if any(word in low for word in _RELATIVE_WORDS):
            gates += "r"
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
    return _longest_first(found)


_NIGHT_OF = re.compile(r"\bnight\s+of\s+(?:the\s+)?$", re.IGNORECASE)


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
