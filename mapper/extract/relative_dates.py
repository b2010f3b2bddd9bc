"""Dates told relative to the reference (publication) day: "yesterday", "overnight",
"last week", "last year", "in the past 24 hours", "two weeks ago", "on Tuesday", "Christmas Eve", "Good Friday".

:data:`_P_RELATIVE` finds them and :func:`_relative` resolves a match against the
reference day; :func:`mapper.extract.dates.find_dates` runs them only when a reference
date is known and the text holds one of :data:`_RELATIVE_WORDS`.
"""
from __future__ import annotations

import datetime as dt
import re

from mapper.extract.date_parts import _DAY, _MON, _WD, _WEEKDAYS, DAY_COUNTS, _date, _Found, _span
from mapper.extract.lexicon import with_gate

_P_RELATIVE = re.compile(with_gate(
    r"\b(?=\w)(?:(?P<today>today|this\s+(?:morning|afternoon|evening))|(?P<tonight>tonight)"
    r"|(?P<yest>yesterday)|(?P<night>last\s+night|overnight)"
    r"|(?P<past>(?:in|over|during|within|for)\s+(?:the\s+)?(?:past|last|previous)\s+"
    r"(?P<pn>\d{1,3}|twenty-four|a|one|two|three|seven"
    r"|few|several|couple\s+of)?"
    r"\s*(?P<pu>hours?|days?|weeks?|months?|years?)|(?:in|within)\s+(?:a|one)\s+day|within\s+24\s+hours)"
    # a situation report's own period: "during the reporting period", "since the last update"
    r"|(?P<period>(?:during|in|over|throughout)\s+(?:the|this)\s+reporting\s+(?:period|week)|since\s+the\s+(?:last|previous)\s+"
    r"(?:update|report|flash\s+update|situation\s+report)|(?:in|over|during)\s+recent\s+(?P<rw>days|weeks))"
    r"|(?P<ew>earlier\s+this\s+week)|(?P<tw>this\s+week)|(?P<lw>last\s+week)"
    r"|(?P<tm>(?:earlier\s+)?this\s+month)|(?P<lm>last\s+month)|(?P<ly>last\s+year)"
    r"|(?P<we>(?:last|this(?:\s+past)?|the\s+past|over\s+the|at\s+the|on\s+the|during\s+the)\s+weekend)"
    r"|(?P<xmas>Christmas(?P<xk>\s+(?:Eve|Day|morning|afternoon|evening|night)|\s+(?:period|holidays?|break|season))?)|(?P<ny>New\s+Year['’]s\s+(?:Eve|Day))"
    # the Easter feasts, Western or Orthodox ("on Good Friday" is not the last Friday); a weekday
    # that names another event ("Bloody Sunday", "Black Friday") is no date
    r"|(?P<easter>(?P<orth>Orthodox\s+)?(?P<ek>Good\s+Friday|Holy\s+Saturday|Palm\s+Sunday"
    r"|Easter(?:\s+(?:Sunday|Monday|Day|weekend))?))|(?P<named>(?-i:Bloody|Black)\s+(?-i:[A-Z])[a-z]+day)"
    # "two weeks ago", and "it is exactly two weeks since" (the event that follows)
    r"|(?P<ago>(?:(?P<lead>it\s+is|it['’]s|it\s+has\s+been)\s+(?:now\s+|exactly\s+|just\s+|almost\s+|nearly\s+)?)?"
    r"(?P<n>\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
    rf"\s+(?P<unit>days?|weeks?|months?|years?)\s+(?P<tail>ago(?:\s+today)?|since))"
    rf"|(?:(?P<mod>last|next)\s+)?(?P<wd>{_WD})(?:'s)?"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\b"), re.IGNORECASE)  # (the gate: lexicon.with_gate)
#: a date after a weekday says which one ("Tuesday, 18 November"); a count does not ("On Thursday, 70 people")
_DATE_AFTER = re.compile(rf",?\s+(?:the\s+)?(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MON})|(?:{_MON}))")
_RELATIVE_WORDS = ("day", "night", "week", "month", "year", "morning", "afternoon", "evening", "hour", "christmas",
                   "new year", "easter",
                   "reporting period", "last update", "previous update", "last report", "previous report")


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
    if m["easter"]:
        return _easter_feast(m, ref)
    if m["named"]:
        return None
    if m["we"]:  # the latest Saturday and Sunday before the reference day
        sunday = ref - dt.timedelta(days=(ref.weekday() + 1) % 7 or 7)
        return _span(m, sunday - _DAY, sunday, 2)
    if m["lm"]:
        last = ref.replace(day=1) - _DAY
        return _span(m, last.replace(day=1), last, 3)
    if m["ly"]:  # the calendar year before the reference day's
        return _span(m, dt.date(ref.year - 1, 1, 1), dt.date(ref.year - 1, 12, 31), 3)
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
    if kind in ("eve", "day", "morning", "afternoon", "evening", "night"):  # "on Christmas morning": the 25th
        day = dt.date(year, 12, 24 if kind == "eve" else 25)
        return _span(m, day, day)
    if not kind:
        return None  # "Christmas" alone names the feast, not a date ("a Christmas truce")
    return _span(m, dt.date(year, 12, 24), min(ref, dt.date(year + 1, 1, 1)), 3)


#: days from Easter Sunday of each feast ("easter weekend": Good Friday to Easter Monday)
_FROM_EASTER = {"good friday": (-2, -2), "holy saturday": (-1, -1), "palm sunday": (-7, -7), "easter": (0, 0),
                "easter sunday": (0, 0), "easter day": (0, 0), "easter monday": (1, 1), "easter weekend": (-2, 1)}


def _easter_feast(m: re.Match[str], ref: dt.date) -> _Found | None:
    """Good Friday, Easter and the feasts around it (Western, or Orthodox when so called): the
    latest on or before the reference day."""
    start, end = _FROM_EASTER[" ".join(m["ek"].lower().split())]
    for year in (ref.year, ref.year - 1):
        sunday = easter_sunday(year, orthodox=bool(m["orth"]))
        if sunday + start * _DAY <= ref:
            return _span(m, sunday + start * _DAY, min(ref, sunday + end * _DAY), 1 if start == end else 2)
    return None


def easter_sunday(year: int, orthodox: bool = False) -> dt.date:
    """Easter Sunday of ``year`` in the Gregorian calendar: the Western date (Gregorian computus),
    or the Orthodox one (Julian computus, 13 days ahead from 1900 to 2099)."""
    if orthodox:
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return dt.date(year, month, day + 1) + 13 * _DAY
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    mm = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * mm + 114, 31)
    return dt.date(year, month, day + 1)


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


#: a title before a name ("Mr Sunday Bako", "Pastor Monday Okon")
_TITLE_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Dr|Pastor|Rev|Revd|Chief|Alhaji|Alhaja|Hon|Prof|Comrade|Sgt|Cpl"
                           r"|Pte|Lt|Capt|Col|Insp|Inspector|Sergeant|Corporal|Private|Brother|Sister)\.? $")
#: a capitalised word right before a weekday, that is no word of time or function ("Musa Sunday Bako": a given
#: name; not "On Sunday Russian drones ...", "Last Sunday")
_NAME_BEFORE = re.compile(r"(?<![\w'’.-])(?!(?:On|Last|Next|This|Since|By|Until|Till|Early|Late|Before|After|From|Every"
                          r"|Each|Of|And|Or|But|Through|Between|Over|During|In|At|For|Around|About"
                          r"|Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)(?:day)?\b)[A-Z][a-z]+ $")
#: a capitalised word right after a weekday that ends a short run of names ("Sunday Bako, 19"; not "Sunday Morning",
#: "Sunday March 9", "Plateau Sunday Attack Kills ...", a headline's title case)
#: (nor a demonym: "in Kharkiv Sunday Ukrainian officials said")
_NAME_AFTER = re.compile(r" (?!(?:Morning|Night|Evening|Afternoon|Midnight|Noon|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
                         r"|Oct|Nov|Dec)[a-z]*\b)(?![A-Z][a-z]*(?:ian|ean|ese|ish|an|i)\b)[A-Z][a-z]+\b(?! [A-Z])")


def _in_personal_name(text: str, start: int, end: int) -> bool:
    """Whether the weekday at ``start``..``end`` is part of a person's name ("the victims, Musa Sunday Bako and
    Azie Daniel", "Mr Sunday Okon"): a given name in much of West Africa, and no date."""
    if not text[start].isupper() or not _NAME_AFTER.match(text, end):
        return False
    before = text[max(0, start - 30):start]
    if _TITLE_BEFORE.search(before):
        return True  # "Mr Sunday Okon"
    given = _NAME_BEFORE.search(before)  # "Musa Sunday Bako", "Mr Musa Sunday Bako"; not "Plateau Sunday Attack"
    return given is not None and (_TITLE_BEFORE.search(before, 0, given.start()) is not None
                                  or _CAPITAL_END.search(before, 0, given.start()) is None)


#: a capitalised word ending where a name's run would begin
_CAPITAL_END = re.compile(r"[A-Z][\w'’.-]* $")


def _weekday(m: re.Match[str], ref: dt.date) -> _Found | None:
    if _DATE_AFTER.match(m.string, m.end()):
        return None  # "Tuesday, 18 November": the date itself says which Tuesday
    if not m["mod"] and m.end() == m.end("wd") and _in_personal_name(m.string, m.start("wd"), m.end("wd")):
        return None  # "Musa Sunday Bako was killed": a name
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
