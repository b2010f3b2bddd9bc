"""Which date governs a clause, and which dates belong to other events it names.

:func:`clause_date` picks the clause's date among the expressions
:func:`mapper.extract.dates.find_dates` finds: the dates of saying and of the dateline give
way to the event's, "since X" runs to the publication date ("since X and until Y" is X..Y),
a date inside a phrase pointing back to another event ("in response to the bombings on 3
January") dates that event (:func:`pointed_back_dates`), and with none a bullet's, the
previous clause's (counted on by "the following day") or the publication date.
:func:`days_apart` dates an event told "N days after" the clause's day.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from mapper.extract import lexicon as lx
from mapper.extract.date_parts import DAY_AND_MONTH_NAMES
from mapper.extract.dateline import FILED_END, FILED_TOWN
from mapper.extract.dates import DAY_COUNTS, MONTH_NAMES, find_dates, month_number, span_precision
from mapper.extract.event_dates import BACKGROUND_DAYS
from mapper.model import DateSpan

__all__ = ["clause_date", "days_apart", "listed_days", "pointed_back_dates", "recalled_relatives", "stated_period"]

_DAY = dt.timedelta(days=1)
_DATELINE_AT = re.compile(r"^\s*[A-Z][A-Z .'’/-]+(?:\([^)]*\))?,\s*$")  # "KYIV, " before a dateline's date
_SINCE = re.compile(r"\b(?=\w)(?:since|until|till|ahead\s+of)\s+(?:the\s+)?(?:(?:start|beginning|end)\s+of\s+)?"
                    r"(?:(?:last|this|early|mid-?|late)\s+)?$", re.IGNORECASE)
# the date of an event the clause points back to: "in response to the Kerman bombings on 3
# January", "after the attack on Kyiv on 5 May" (the clause's own event has its own date)
# and the day of an accord told as a participle phrase: "the ceasefire brokered in Doha on March 3 collapsed as
# airstrikes hit Khan Younis on Wednesday" (Doha's day, not Khan Younis's)
_ACCORD_PHRASE = rf"(?:{lx.ACCORD_NOUNS})\s+(?:{lx.ACCORD_VERBS}){lx.ACCORD_GAP}\s+$"
_OTHER_EVENT = lx.Prefiltered(re.compile(r"\b(?=\w)(?:(?:after|following|before|in\s+response\s+to|in\s+retaliation\s+for|than)\s+"
                                         r"(?:(?:the|a|an|this|that|these|those|its|their|last\s+\w+['’]s)\s+)?"
                                         # (the events pointed back to may be listed on: "attacks on U.S. forces, to include the
                                         # attack in northeastern Jordan on January 28th")
                                         r"(?:[^,;:()]|,\s+(?:to\s+include|including|notably|in\s+particular|such\s+as)\b){0,100}?"
                                         r"\b(?:on|of)\s+$"
                                         # the date as the event's modifier: "in response to the January 28 drone attack"
                                         r"|(?:after|following|in\s+response\s+to|in\s+retaliation\s+for)\s+(?:the|this|that)\s+$"
                                         rf"|{_ACCORD_PHRASE})", re.IGNORECASE))
#: an event the clause's own follows, named before its day: "in the wake of a deadly attack last month", "comes after the
#: bombing last week"
_IN_THE_WAKE = re.compile(r"\b(?=\w)(?:in\s+the\s+wake\s+of|comes?\s+(?:days\s+|weeks\s+)?after|came\s+(?:days\s+|weeks\s+)?after)"
                          r"\s+(?:(?:a|an|the|this|that|last\s+\w+['’]s)\s+)?(?:[\w-]+\s+){0,3}?"
                          r"(?:attacks?|strikes?|bombings?|massacres?|assaults?|raids?|killings?|shootings?|offensive)\s+$",
                          re.IGNORECASE)
#: how far before a date the phrase pointing back to its event may start
_POINTED_REACH = 130
#: the second form of :data:`_OTHER_EVENT`: the date as the modifier of the event pointed back to
_MODIFIER = re.compile(r"(?:after|following|in\s+response\s+to|in\s+retaliation\s+for)\s+(?:the|this|that)\s+", re.IGNORECASE)
#: a day named as the owner of the event pointed back to: "after Sunday's attack on tourists in Pahalgam",
#: "following last week's strike": the day is that event's, the places of its phrase are there
_POINTER_BEFORE = re.compile(r"\b(?=\w)(?:after|following|in\s+response\s+to|in\s+retaliation\s+for)\s+$", re.IGNORECASE)
_OWNED_DAY = re.compile(r"['’]s?\s")
_PHRASE_STOP = re.compile(r"[,;:()]|\.(?:\s|$)")
_UNTIL = re.compile(r"(?:until|till)\b", re.IGNORECASE)
# a "since" after a first or a superlative ("for the first time since October", "the deadliest
# incident since OCHA began recording in 2005"): its dates are points of comparison, not the event's
#: the words that compare an event with others ("the first since", "the deadliest attack in recent months")
_SUPERLATIVES = (r"first|second|third|only|deadliest|worst|largest|biggest|heaviest|highest|lowest|greatest|fiercest"
                 r"|bloodiest|most\s+\w+")
_COMPARED_SINCE = lx.Prefiltered(re.compile(rf"\b(?=\w)(?:{_SUPERLATIVES})\b[^,;.()]{{0,60}}?\bsince\b", re.IGNORECASE))
_PHRASE_BREAK = re.compile(r"[,;()]")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:where|which|who|whose|when)\b")
#: the period a tally runs over ("over the past week", "in the last two months"), and the perfect that tells one
_TALLY_SPAN = re.compile(r"\b(?=\w)(?:past|last|previous)\s+(?:\w+\s+)?(?:days|weeks?|months?|years?)\b", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?=\w)(?:has|have|had)\s+(?:been\s+)?\w+", re.IGNORECASE)
_COUNTED = re.compile(r"\d|\b(?:killed|wounded|injured|died|dead|displaced|detained|arrested)\b", re.IGNORECASE)
#: a relative clause in the perfect, restrictive or not: "violence that has displaced 50,000 people since January",
#: "a city where 10 people have been killed over the past week"
_PERFECT_RELATIVE = lx.Prefiltered(re.compile(r"\b(?=\w)(?:that|which|who|where)\s+(?:[\w,-]+\s+){0,3}?(?:has|have|had)\b",
                                              re.IGNORECASE))
#: a relative clause set off by commas on both sides ("Hamas, which triggered the war a year ago, targeted ...")
_CLOSED_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b[^,;:]*,")
_SINCE_WORD = re.compile(r"\b(?=\w)since\b", re.IGNORECASE)
_SAID_ON = re.compile(r"\b(?=\w)(?:said|says|told(?:\s+\w+){0,2}|reported|announced|added|stated|wrote|claimed|confirmed"
                      r"|posted(?:\s+\w+){0,3})\s+(?:late\s+|early\s+)?(?:on\s+)?$", re.IGNORECASE)


def _ended_before(m: re.Match[str] | None, at: int) -> re.Match[str] | None:
    """``m`` if it ends at or before ``at`` (the clause's first such match then lies before a date at ``at``)."""
    return m if m is not None and m.end() <= at else None


#: how far before a date the words that tie it to a relative clause are looked for
_REACH = 300


def _closed_relatives(text: str) -> list[tuple[int, int]]:
    """The spans of the comma-closed relative clauses of ``text`` (:data:`_CLOSED_RELATIVE`)."""
    return [m.span() for m in _CLOSED_RELATIVE.finditer(text)]


def _in_closed_relative(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether position ``at`` lies inside one of the comma-closed relative clauses ``spans``."""
    return any(a < at < b for a, b in spans)


def _event_outside_relatives(text: str) -> bool:
    """Whether an event word stands outside the clause's comma-closed relative clauses ("Hamas, which started
    the war in 2023, fired rockets": "fired")."""
    spans = _closed_relatives(text)
    pattern, subject = lx.ANY_TRIGGER.pick(text, text.lower())
    return any(not any(a <= m.start() < b for a, b in spans) for m in pattern.finditer(subject))


def recalled_relatives(text: str, published: dt.date | None) -> list[tuple[int, int]]:
    """The spans of the comma-closed relative clauses of ``text`` that tell a day of background, and only such
    days ("the M23, which rose to prominence 10 years ago when its fighters seized Goma, ..."): what they place is
    that recalled event's, not the clause's."""
    out = []
    if published is None or ", " not in text:
        return out
    for m in _CLOSED_RELATIVE.finditer(text):
        found = find_dates(m.group(), published)
        if found and all((published - f[2].end).days > BACKGROUND_DAYS for f in found):
            out.append(m.span())
    return out


def _closed_between(closed: list[tuple[int, int]], at: int, date_at: int) -> bool:
    """Whether a comma-closed relative clause (``closed``: in text order, none inside another) holds ``at`` and
    closes before ``date_at``."""
    i = bisect.bisect_right(closed, (at, 1 << 62)) - 1
    return i >= 0 and at < closed[i][1] <= date_at


def _compared_since(text: str) -> list[int]:
    """Where each "since" after a first or a superlative ends (:data:`_COMPARED_SINCE`)."""
    return [m.end() for m in _COMPARED_SINCE.finditer(text)]


def _compared_at(text: str, compared: list[int], start: int) -> int | None:
    """The end of the comparison's "since" that governs the date at ``start`` in its own phrase, if one does."""
    return next((c for c in compared if c <= start and not _PHRASE_BREAK.search(text, c, start)), None)


def _phrase_end(text: str, at: int) -> int:
    """Where the phrase going on at ``at`` ends (a comma, a bracket, a sentence's end)."""
    stop = _PHRASE_STOP.search(text, at)
    return stop.start() if stop else len(text)


def _owned_pointer(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` owns the event a pointer word before it points to ("after
    Sunday's attack")."""
    owned = text.endswith(("'s", "’s"), start, end) or _OWNED_DAY.match(text, end) is not None
    return owned and _POINTER_BEFORE.search(text, max(0, start - 30), start) is not None


def pointed_back_dates(text: str, found: list[tuple[int, int, DateSpan]]) -> list[tuple[int, int, DateSpan]]:
    """The dates of events a clause points back to, each with where its phrase starts and
    where the date starts: "following the bombing in Quetta on 12 May" dates Quetta, not
    the clause's own event (:func:`clause_date` leaves such dates out).  ``found``: the
    clause's dates (:func:`mapper.extract.dates.find_dates`)."""
    out = []
    compared = _compared_since(text)
    for start, end, span in found:
        since = _compared_at(text, compared, start)
        if since is not None:
            # "its biggest gain since it captured Bakhmut in May last year": the event compared with is that day's
            out.append((since, _phrase_end(text, end), span))
            continue
        m = _OTHER_EVENT.search(text, max(0, start - _POINTED_REACH), start)
        if _owned_pointer(text, start, end) or m is not None and _MODIFIER.fullmatch(m.group()):
            # the date modifies the event's noun ("after Sunday's attack on tourists in Pahalgam", "in response to
            # the January 28 drone attack in Jordan"): the places up to the end of its phrase are that event's
            out.append((m.start() if m is not None else start, _phrase_end(text, end), span))
        elif m is not None:
            out.append((m.start(), start, span))
    return out


_DAYS_APART = lx.Prefiltered(re.compile(r"\b(?=\w)(?:(\d{1,2}|a|an|" + "|".join(k for k in DAY_COUNTS if len(k) > 2)
                                        + r")\s+(days?|weeks?)"
                                        # days not counted: "The strikes come days after an attack on Mogadishu", "just days before"
                                        r"|(?<!the )(?<!those )(?<!these )(?<!of )(?:(?:just|only|mere|a\s+few)\s+)?(days))"
                                        r"\s+(after|before)\b", re.IGNORECASE))
#: how far "days after" reaches back (or "days before" forward): a few days, at most a week
_FEW_DAYS = (dt.timedelta(days=1), dt.timedelta(days=7))


# where the phrase after "N days after" ends ("..., including X" goes on)
_PHRASE_END = re.compile(r"[;:()]|,(?!\s*(?:including|notably|such\s+as|particularly|especially|in\s+particular)\b)"
                         r"|\s[-\u2013\u2014]\s")


def days_apart(text: str, at: int, date: DateSpan) -> DateSpan | None:
    """The day of an event told at ``at`` after "N days after" / "N days before" in a clause
    dated ``date`` (one day): "the offensive began three days after an airstrike on Beirut"
    puts the airstrike three days before the clause's day; None when no such phrase leads
    to ``at`` or the clause's date is not one day."""
    if date.start != date.end:
        return None
    last = None
    for m in _DAYS_APART.finditer(text, 0, at):
        last = m
    if last is None or _PHRASE_END.search(text, last.end(), at):
        return None  # "Two days after the strike on Sumy, drones hit Kharkiv": Kharkiv is the clause's
    after = last.group(4).lower() == "after"
    if last.group(1) is None:  # "days after": a few days before the clause's day, not one of them
        near, far = _FEW_DAYS
        if after:
            return DateSpan(date.start - far, date.start - near, 2)
        return DateSpan(date.start + near, date.start + far, 2)
    n = last.group(1).lower()
    count = int(n) if n.isdigit() else DAY_COUNTS[n]
    delta = dt.timedelta(days=count * (7 if last.group(2).lower().startswith("week") else 1))
    day = date.start - delta if after else date.start + delta
    return DateSpan(day, day, 1)


def later_day(text: str, at: int, date: DateSpan, published: dt.date | None) -> DateSpan | None:
    """The day of an event told at ``at`` after "a day later", "the next day" (and kin) in a clause that tells its own
    day before that phrase: "On Sunday drones hit Sumy; a day later a missile struck Poltava" puts Poltava's strike
    on Monday.  None when no such phrase leads to ``at``, when the clause names no day before it or another day after
    it, or when the clause's date is not one day."""
    if date.start != date.end or not _holds(text[:at].lower(), _ANAPHORIC_WORDS):
        return None
    last = None
    for m in _ANAPHORIC_DAY.finditer(text, 0, at):
        last = m
    if last is None or last["same"] or last["before"]:
        return None  # ("the day after the strike on Sumy" names the day of what follows it: days_apart's)
    found = find_dates(text, published)
    told = [d for s, e, d in found if e <= last.start()]
    if not told or any(last.end() <= s < at for s, _, _ in found):
        return None
    day = told[-1].end + _anaphoric_offset(last) * _DAY
    return DateSpan(day, day, 1)


def clause_date(clause_text: str, *, published: dt.date | None, bullet: DateSpan | None,
                previous: DateSpan | None, period: DateSpan | None = None) -> tuple[DateSpan | None, str]:
    """The date governing a clause, and how it was found.

    Parameters
    ----------
    clause_text : str
        The clause (sentence or bullet sentence).
    published : datetime.date or None
        The article's publication date: reference for relative dates and the
        last resort.
    bullet : DateSpan or None
        The date of the timeline bullet the clause belongs to.
    previous : DateSpan or None
        The nearest earlier governing date in the same article.
    period : DateSpan or None
        The period the report says it covers (:func:`stated_period`): what "during the
        reporting period" means in it.

    Returns
    -------
    (DateSpan or None, str)
        With the source one of ``"explicit"`` (dates in the clause: the span
        covering them all when they lie within 31 days, else the first),
        ``"bullet"``, ``"previous"``, ``"anaphoric"`` (a day counted from the previous
        date: "the following day"), ``"published"`` (the publication day with
        precision 2, ACLED's reported-date convention), or ``(None, "")``.
    """
    if previous is not None and _PART_OF_PREVIOUS.match(clause_text) and _DAY_PART.search(clause_text) \
            and not _NAMED_DAY.search(clause_text):
        # "Last weekend, Russian forces launched 71 attacks. This included overnight shelling on Kherson":
        # the night is one of the period just told, not the night before publication
        return previous, "previous"
    found = find_dates(clause_text, published)
    if found and found[0][0] < 60 and FILED_TOWN.match(clause_text[:found[0][0]]) \
            and FILED_END.match(clause_text, found[0][1]):
        # "Khartoum, Jan 20 (IANS) At least 18 civilians were killed ...", "MOSCOW, June 23. /TASS/. Air defenses
        # destroyed ...": the day a wire story was filed, not its event's (the event is undated, as the lead of a
        # story with no dateline)
        found = found[1:]
    if period is not None:
        found = [(a, b, period if _REPORTING.match(clause_text, a) else span) for a, b, span in found]
    # "during the reporting period (5-11 May)", "over this reporting week, 5-11 May,": the dates that follow the phrase
    # say what it means in the clause
    found = [f for k, f in enumerate(found) if not (_REPORTING.match(clause_text, f[0]) and k + 1 < len(found)
                                                     and _APPOSED.fullmatch(clause_text, f[1], found[k + 1][0]))]
    if found:
        # "struck Odesa overnight, the governor said on Wednesday": the dates of the saying
        # and of the dateline are not the event's when the clause has another
        # "since February 2022" opens a period that runs to the publication date ("12,600
        # killed since February 2022": a summary); in a trailing relative clause ("where
        # units have held a salient since last August") it describes a state of affairs
        # and does not date the event told
        kept = []
        compared = _compared_since(clause_text)
        # the clause's first relative clauses, found once (a clause may hold thousands of dates)
        first_relative = _RELATIVE_CLAUSE.search(clause_text)
        first_perfect = _PERFECT_RELATIVE.search(clause_text)
        # "Kramatorsk, which has hosted the regional government since 2014, on 8 October": a "since" inside a
        # relative clause closed by its comma leaves the days after that comma to the main clause
        closed_spans = _closed_relatives(clause_text) if first_relative is not None else []
        for f in found:
            if _compared_at(clause_text, compared, f[0]) is not None:
                continue  # "targeted for the first time since October": a point of comparison
            since = _SINCE.search(clause_text, max(0, f[0] - 30), f[0])
            relative = _ended_before(first_relative, f[0]) or _ended_before(first_perfect, f[0])
            if relative and ((since_word := _SINCE_WORD.search(clause_text, max(relative.end(), f[0] - _REACH), f[0]))
                             and not _closed_between(closed_spans, since_word.start(), f[0])
                             or _TALLY_SPAN.search(clause_text, max(relative.end(), f[0] - 12), f[1])
                             and _PERFECT.search(clause_text, max(relative.start(), f[0] - _REACH), f[0])
                             and _COUNTED.search(clause_text, max(relative.start(), f[0] - _REACH), f[0])):
                # "Kramatorsk, which has hosted the regional government since the occupation of Donetsk in 2014";
                # "a surge of violence in the Catatumbo region that has displaced 50,000 people since January";
                # "In Tubas, a city where 10 people have been killed over the past week, ...": a tally's period
                continue
            if not since:
                kept.append(f)
            elif _UNTIL.match(since.group()):
                # "since 7 October and until 28 May": the period the "since" date opened ends
                # here; "until 3 April" alone is a deadline, no event's date
                if kept and kept[-1][2].end == published and kept[-1][2].start <= f[2].end:
                    start = kept[-1][2].start
                    kept[-1] = (kept[-1][0], f[1], DateSpan(start, f[2].end, span_precision(start, f[2].end)))
            elif not _ended_before(first_relative, f[0]) and published is not None \
                    and (start := _past(f[2].start, published)) <= published:
                kept.append((f[0], f[1], DateSpan(start, published, span_precision(start, published))))
        # "The violence did not end on 7 October": a day the clause says something did not happen on; "The strikes come
        # in the wake of a deadly attack last month": the day of the event the clause's own follows, which dates
        # neither that event nor the clauses after it
        found = [f for f in kept if not _NEGATED_DAY.search(clause_text, max(0, f[0] - 40), f[0])
                 and not _IN_THE_WAKE.search(clause_text, max(0, f[0] - 80), f[0])]
        told = [f for f in found if not (_SAID_ON.search(clause_text, max(0, f[0] - 60), f[0])
                                         or _SAID_AFTER.match(clause_text, f[1])
                                         or f[0] < 60 and _DATELINE_AT.match(clause_text[:f[0]])
                                         or _OTHER_EVENT.search(clause_text, max(0, f[0] - _POINTED_REACH), f[0])
                                         or _owned_pointer(clause_text, f[0], f[1]))]
        if published is not None and len(found) > 1:
            # "the army said on Saturday it had recaptured Wad Madani from the RSF, who seized the city in December
            # 2023": a relative clause's day of background is its own event's, not the clause's
            recalled = [f for f in found if (published - f[2].end).days > BACKGROUND_DAYS
                        and _ended_before(first_relative, f[0])]
            if recalled and len(recalled) < len(found):
                found = [f for f in found if f not in recalled]
                told = [f for f in told if f not in recalled]
        closed = _closed_relatives(clause_text) if published is not None and found and all(
            (published - f[2].end).days > BACKGROUND_DAYS for f in found) else []
        if closed and all(_in_closed_relative(closed, f[0]) for f in found) and _event_outside_relatives(clause_text):
            # "Hamas, which triggered the war with an attack a year ago today, targeted Tel Aviv": the only days told
            # are the background of a relative clause set between subject and verb; the clause tells none of its own
            found = told = []
        if found:
            return _cover([f[2] for f in (told or found)]), "explicit"
    low = clause_text.lower()  # for the cheap word tests before the patterns (see _holds)
    if published is not None and _holds(low, _YEARS_WORDS) and (years := _YEARS.search(clause_text)) is not None \
            and not _SUPERLATIVE.search(clause_text, max(0, years.start() - 60), years.start()):
        # "bandits have killed thousands across Zamfara, Katsina and Sokoto states in recent years": a summary of
        # years or months, told with no date (a period of more than SUMMARY_MONTHS: no event's)
        return DateSpan(published - _YEARS_REACH, published, 3), "recent"
    if bullet is not None:
        return bullet, "bullet"
    if published is not None and _holds(low, _RECENT_WORDS) and _RECENT.search(clause_text) \
            and (previous is None or previous.end < published - _RECENT_REACH):
        # "Recent clashes in Nyala have displaced 50,000": the days before publication, not an older day
        # the article told before ("the conflict that erupted on 15 April")
        return DateSpan(published - _RECENT_REACH, published, 2), "recent"
    if previous is not None:
        shift = _ANAPHORIC_DAY.search(clause_text) if _holds(low, _ANAPHORIC_WORDS) else None
        if shift is not None:  # "the following day", "two days later": counted from the date just told
            days = _anaphoric_offset(shift)
            return DateSpan(previous.end + days * _DAY, previous.end + days * _DAY, 1), "anaphoric"
        return previous, "previous"
    if published is not None:
        return DateSpan(published, published, 2), "published"
    return None, ""


#: a date that opens the saying of what follows: "Two days ago, the World Health Organization (WHO) said that ..."
_SAID_AFTER = re.compile(r",?\s+(?:the\s+)?(?:[\w()'’.-]+\s+){1,8}?(?:said|says|reported|announced|stated|warned|noted)"
                         r"\s+(?:that\b|,)", re.IGNORECASE)
#: a day governed by a negated verb ("did not end on 7 October", "has not stopped since Monday")
_NEGATED_DAY = re.compile(r"\b(?=\w)(?:not|n['’]t|never)\s+(?:\w+\s+){1,2}?(?:on|in|since|by)\s+(?:the\s+)?$", re.IGNORECASE)
#: events the clause calls recent ("Recent clashes", "recently", "the latest fighting"), and how far back that reaches
_RECENT = re.compile(r"\b(?=\w)(?:recent|recently|latest)\b", re.IGNORECASE)
_RECENT_WORDS = ("recent", "late")  # every match of _RECENT holds one
#: years or months told as a whole with no date: "in recent years", "over the past decade", "in the last few months"
_YEARS = re.compile(r"\b(?=\w)(?:(?:in|over|during|throughout|for)\s+(?:the\s+)?(?:recent|past|last|previous)\s+"
                    r"(?:(?:few|several|two|three|four|five|six|\d{1,2})\s+)?(?:years|months|decades?)"
                    r"|in\s+recent\s+(?:years|months)|over\s+the\s+years|for\s+years)\b", re.IGNORECASE)
_YEARS_WORDS = ("year", "month", "decade")  # every match of _YEARS holds one
#: what is compared with those years: "the deadliest attack in recent months" is one event
_SUPERLATIVE = re.compile(rf"\b(?=\w)(?:{_SUPERLATIVES})\s+(?:[\w-]+\s+){{0,4}}$", re.IGNORECASE)
_YEARS_REACH = dt.timedelta(days=365)
_RECENT_REACH = dt.timedelta(days=7)
#: the report's own period named in a clause ("during the reporting period", "over this reporting week")
_REPORTING = re.compile(r"(?:during|in|over|throughout)\s+(?:the|this)\s+reporting\s+(?:period|week)\b", re.IGNORECASE)
#: what sets a date beside the phrase it explains: a parenthesis, a comma, a colon or a dash
_APPOSED = re.compile(r"\s*(?:[(,:]|\s[-\u2013\u2014])\s*(?:from\s+|of\s+)?")
#: a report saying which period it covers ("It covers the period from 22-25 November 2024", "The data collected
#: covers the period from 4-10 January 2022", "Reporting period: 1 - 7 October")
_COVERS = lx.Prefiltered(re.compile(r"\b(?=\w)(?:covers?|covering|covered)\s+(?:the\s+)?(?:period|week|days)\b|\breporting\s+period\s*(?::|is\b|from\b)",
                                    re.IGNORECASE))
#: how far into a report its statement of the period it covers is looked for
_COVERS_WITHIN = 1500


def stated_period(title: str, text: str, published: dt.date | None) -> DateSpan | None:
    """The period a report says it covers: the dates of the sentence near its start that says so
    ("It covers the period from 22-25 November 2024"), else a span of days in its title ("Weekly
    Regional Humanitarian Snapshot (7 - 13 June 2022)"); None when it states none or the span
    is no period of days before publication."""
    m = _COVERS.search(text, 0, _COVERS_WITHIN)
    if m is None:
        where = title
    else:
        stop = text.find(".", m.end())
        where = text[m.start():stop if stop >= 0 else len(text)]
    for _, _, span in find_dates(where, published):
        if span.start < span.end and span.precision <= 2 and (published is None or span.end <= published) \
                and (span.end - span.start).days <= 31:
            return span
    return None


#: a clause that lists part of what the sentence before told ("This included ...", "Among them ...")
_PART_OF_PREVIOUS = re.compile(r"\s*(?:(?:this|these|that|those)\s+(?:also\s+)?(?:included|includes|include|comprised)"
                               r"|among\s+(?:them|these|those|the\s+\w+))\b", re.IGNORECASE)
#: a month or weekday of the clause's own (then its date is its own)
_NAMED_DAY = re.compile(r"\b(?=\w)(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
                        r"|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
                        r"|Sunday)\b")
#: a time of day or night that the clause would otherwise count from publication
_DAY_PART = re.compile(r"\b(?=\w)(?:overnight|last\s+night|(?:this|that|in\s+the)\s+(?:morning|afternoon|evening)|today"
                       r"|tonight|yesterday)\b", re.IGNORECASE)


def _past(day: dt.date, published: dt.date) -> dt.date:
    """A period's start before publication: a year-less "since 7 October" read in August is
    last October (the reader of dates allows a day up to two months ahead: "due on 11 May")."""
    if day <= published:
        return day
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


_ANAPHORIC_DAY = re.compile(
    r"\b(?=\w)(?:the\s+(?P<next>following|next)\s+(?:day|night|morning|evening)"
    r"|(?P<later>a|one|two|three|four|five|\d)\s+days?\s+later"
    # "two days earlier", "a day before": days before the event just told (not "two days before the meeting":
    # counted from that meeting, ANCHORED_DAY)
    r"|(?P<earlier>a|one|two|three|four|five|\d)\s+days?\s+(?:earlier|before(?!\s+(?:the|this|that|a|an|his|her|its|their)\b))"
    # "only 24 hours later": whole days after the event just told
    r"|(?P<hours>24|48|72|twenty-four|forty-eight|seventy-two)\s+hours\s+later"
    r"|the\s+day\s+(?P<before>before|after)|the\s+(?P<prev>previous)\s+day|(?P<same>the\s+same\s+day|that\s+day))\b",
    re.IGNORECASE)


_ANAPHORIC_WORDS = ("day", "ght", "morn", "even", "hour")  # every match of _ANAPHORIC_DAY holds one


def _holds(low: str, words: tuple[str, ...]) -> bool:
    """Whether a lower-cased text holds one of ``words``: a test a pattern's every match must pass,
    run first because substring tests cost far less than the pattern.  Sound for IGNORECASE
    patterns as long as the words hold no "i" or "s": IGNORECASE also reads "ı" (dotless i) as
    "i" and "ſ" (long s) as "s", which lower() leaves as they are; it reads any other ASCII
    letter only in characters that lower() turns into that letter."""
    return any(w in low for w in words)


def anchored(text: str) -> re.Match[str] | None:
    """:data:`ANCHORED_DAY`'s first match in ``text``, or None."""
    return ANCHORED_DAY.search(text) if "day" in text.lower() else None  # every match holds "day" (see _holds)


#: a day counted from a named event, not from the date just told: "The day before the meeting, European
#: leaders met in Paris" (the meeting's eve, whatever date the sentence before gave)
ANCHORED_DAY = re.compile(r"\b(?=\w)(?:the\s+day\s+(?:before|after)|the\s+(?:following|next|previous)\s+day\s+after"
                          r"|(?:a|one|two|three|four|five|\d)\s+days?\s+(?:before|after))"
                          r"\s+(?P<event>(?:the|this|that)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)", re.IGNORECASE)


def anchored_day(m: re.Match[str], anchor: DateSpan) -> DateSpan:
    """The day an :data:`ANCHORED_DAY` match names, counted from the day of the event it names
    (``anchor``: the start of a multi-day event for "before", its end for "after")."""
    phrase = m.group().lower()
    n = re.match(r"(\w+)\s+days?", phrase)
    count = 1 if n is None or n.group(1) == "the" else int(n.group(1)) if n.group(1).isdigit() \
        else DAY_COUNTS.get(n.group(1), 1)
    day = anchor.start - count * _DAY if " before " in phrase else anchor.end + count * _DAY
    return DateSpan(day, day, 1)


_HOURS = {"24": 1, "48": 2, "72": 3, "twenty-four": 1, "forty-eight": 2, "seventy-two": 3}


def _anaphoric_offset(m: re.Match[str]) -> int:
    """Days from the date just told to the one "the following day" (and kin) names."""
    if m["next"]:
        return 1
    if m["hours"]:
        return _HOURS[m["hours"].lower()]
    if m["later"] or m["earlier"]:
        n = (m["later"] or m["earlier"]).lower()
        count = int(n) if n.isdigit() else DAY_COUNTS.get(n, 1)
        return count if m["later"] else -count
    if m["before"] == "before" or m["prev"]:
        return -1
    return 1 if m["before"] == "after" else 0


def _cover(spans: list[DateSpan]) -> DateSpan:
    if len(spans) == 1:
        return spans[0]
    # "on Sunday, as an offensive launched earlier this month went on": the narrower date
    # is the event's; a span containing another one is background
    broad = _containing({(s.start, s.end) for s in spans})
    spans = [s for s in spans if (s.start, s.end) not in broad]
    if len(spans) == 1:
        return spans[0]
    start = min(s.start for s in spans)
    end = max(s.end for s in spans)
    if (end - start).days > 31:
        return spans[0]
    return DateSpan(start, end, max(span_precision(start, end), *(s.precision for s in spans)))


def _containing(ranges: set[tuple[dt.date, dt.date]]) -> set[tuple[dt.date, dt.date]]:
    """The ranges that strictly contain another one, in one sorted pass."""
    out = set()
    low: dt.date | None = None  # the earliest end among ranges starting at or after this one
    for start, end in sorted(ranges, key=lambda r: (r[0], -r[1].toordinal()), reverse=True):
        if low is not None and low <= end:
            out.add((start, end))
        low = end if low is None else min(low, end)
    return out


# two or more days of one month joined by "and" ("on 29 and 30 May", "on May 3, 5 and 7"): each
# day its own; a range ("29-30 May", "between 29 and 30 May", "the night of 29 to 30 May") is one
# (a range after "between" is told apart in listed_days, by _BETWEEN)
_DAY_LIST = re.compile(rf"\b(?=\w)(?:on\s+)?(?:(?P<d>\d{{1,2}}(?:,\s*\d{{1,2}})*,?\s+and\s+\d{{1,2}})\s+"
                       rf"(?P<m>{MONTH_NAMES})"
                       rf"|(?P<m2>{MONTH_NAMES})\s+(?P<d2>\d{{1,2}}(?:,\s*\d{{1,2}})*,?\s+and\s+\d{{1,2}}))")


_BETWEEN = re.compile(r"\b(?=\w)between\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
#: days of the week listed one by one ("on Wednesday and again on Thursday", "on Monday, Tuesday and Friday")
_WEEKDAYS = tuple(d.lower() for d in DAY_AND_MONTH_NAMES[:7])  # Monday first, as date.weekday()
_WEEKDAY_LIST = re.compile(r"\b(?=\w)(?:on\s+)?(?P<w>(?:{w})(?:\s*,\s*(?:{w}))*,?\s+and\s+(?:again\s+)?(?:on\s+)?(?:{w}))\b"
                           .format(w="|".join(_WEEKDAYS)), re.IGNORECASE)


def listed_days(text: str, date: DateSpan, published: dt.date | None = None) -> list[DateSpan]:
    """The days of ``date`` when the clause lists them one by one ("on 29 and 30 May": two
    days, two nights of strikes; "on 9 June and again on 10 June", "on Sunday and again on Tuesday night"
    with ``published``); else ``[date]``.  Only a list that starts on the span's first
    day and ends on its last (or of which the span took the first day only) splits it."""
    for m in _DAY_LIST.finditer(text):
        if _BETWEEN.search(text, max(0, m.start() - 40), m.start()):
            continue  # "between the afternoons of 26 and 29 August": one period
        days = [int(x) for x in re.findall(r"\d{1,2}", m.group("d") or m.group("d2"))]
        month = month_number(m.group("m") or m.group("m2"))
        if date.start.month != month or date.end.month != month \
                or date.start.day != days[0] or date.end.day not in (days[0], days[-1]) or len(set(days)) != len(days):
            continue
        return [DateSpan(date.start.replace(day=d), date.start.replace(day=d), 1) for d in days]
    for m in _WEEKDAY_LIST.finditer(text) if date.start < date.end else ():  # a day is never split into two
        if _BETWEEN.search(text, max(0, m.start() - 40), m.start()):
            continue  # "between Sunday and Tuesday": one period
        named = [_WEEKDAYS.index(w.lower()) for w in re.findall("|".join(_WEEKDAYS), m.group("w"), re.IGNORECASE)]
        span = [date.start + dt.timedelta(days=k) for k in range((date.end - date.start).days + 1)]
        days = [next((d for d in span if d.weekday() == w), None) for w in named]
        if len(set(named)) == len(named) and None not in days and days[0] == date.start and days[-1] == date.end:
            return [DateSpan(d, d, 1) for d in days]
    if date.start < date.end and published is not None:
        # dates written out in full, each a day or a night, joined by "and (again) on": each its own
        told = [(a, b, d) for a, b, d in find_dates(text, published) if (d.end - d.start).days <= 1]
        for i in range(len(told)):
            run = [told[i]]
            while len(run) < len(told) - i and _DAY_JOIN.match(text[run[-1][1]:told[i + len(run)][0]]):
                run.append(told[i + len(run)])
            spans = [d for _, _, d in run]
            if len(run) > 1 and spans[0].start == date.start and spans[-1].end == date.end \
                    and all(x.end < y.start for x, y in zip(spans, spans[1:])) \
                    and not _BETWEEN.search(text, max(0, run[0][0] - 40), run[0][0]):
                return spans
    return [date]


#: what joins two dates told one by one: "on 9 June and again on 10 June", "on Sunday, and then on Tuesday night"
_DAY_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and\s+|as\s+well\s+as\s+)(?:(?:again|then|later|once\s+more)\s+)?(?:on\s+)?$",
                       re.IGNORECASE)
