"""The publication date an article's own text states at its head.

An article saved or pasted as plain text usually keeps the date line its page printed under
the headline ("20-09-2025 | 07:05", "Published 14 November 2025, 07:05 GMT", "By Jane Doe,
November 14, 2025") or a wire dateline opening its first paragraph ("KYIV, Nov 14, 2025
(Reuters) - ").  Without a publication date every event told relative to it ("on Friday",
"overnight", "yesterday") has no date, so :mod:`mapper.ingest` asks here when the input gave
none.  Only a complete date (with its year) counts: a year-less "Kabul, Feb 26 -" is no date.
"""
from __future__ import annotations

import datetime as dt
import re

from mapper.extract import lexicon as lx
from mapper.extract.dates import find_dates

__all__ = ["needs_publication", "stated_publication"]

_HEAD_LINES = 4  # a date line sits within the first lines of the body
_DATE_LINE_CHARS = 80  # longer lines are paragraphs, not date lines
# what a date line may hold besides its date: a clock time, a time zone, a weekday, the
# publisher's labels ("Published", "Updated", "By ..."), separators
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\b(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|PST|PDT|MSK)\b",
                    re.IGNORECASE)
_LABEL = re.compile(r"^\W*(?:(?:first\s+)?published|posted|updated|last\s+updated|dated?)\b", re.IGNORECASE)
# a byline ending in its date ("By Jane Doe and John Roe, 12 August 2022"); "By 14 November
# 2022 the army had ..." opens a sentence
_BYLINE = re.compile(r"\W*(?i:by)\s+[A-Z]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LABEL_WORDS = 4  # a line of more words besides its date is a sentence, not a date line
# a date in figures with dashes, which running text never writes so ("20-09-2025"): read as the slashed form
# mapper.extract.dates reads ("20/09/2025": day or month first where only one reading is a date)
_DASHED = re.compile(r"\b(\d{1,2})-(\d{1,2})-((?:19|20)\d{2})\b")
# a wire dateline: the town in capitals or title case, a comma, the date, an optional agency,
# then a dash or a colon
_DATELINE = re.compile(r"[A-Z][\w.'’ /-]{1,40},\s+")  # (two towns: "NEW DELHI/ISLAMABAD, ")
_DATELINE_END = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?[-–—:]")
# the same shapes as the clauses that open with a dateline see them (event dating, attackers):
#: the town before a dateline's date, in capitals or not, the whole text before the date: "KHARTOUM, ", "Khartoum, "
FILED_TOWN = re.compile(r"^\s*[A-Z][\w.'’-]+(?:[ /][A-Z][\w.'’-]+){0,3},\s*$")
#: what ends a dateline after its date: the agency ("(IANS)", "(Xinhua) —", "/TASS/.") or a dash
FILED_END = re.compile(r"\.?\s*(?:\([A-Z][\w .-]{1,30}\)\s*[-–—:]?|/[A-Z]+/\.?|[-–—]\s)")
#: a dateline that names the country too, up to its dash: "PORT-AU-PRINCE, Haiti (AP) — ", "KYIV, Ukraine (AP) - "
FILED_FROM = re.compile(r"\s*[A-Z][A-Z .'’/-]*[A-Z],\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*(?:\([^()]{1,40}\)\s*)?"
                        r"[-—–]{1,2}\s")


def stated_publication(text: str) -> dt.date | None:
    """The publication date the first lines of ``text`` state, or None.

    Parameters
    ----------
    text : str
        The article's body (its title line excluded: a headline's date is the event's).

    Returns
    -------
    datetime.date or None
        The one complete date of a short line among the first few ("20-09-2025 | 07:05",
        "Updated November 14, 2025 at 7:05 a.m. EST"), or of a dateline opening the first
        paragraph ("KYIV, Nov 14, 2025 (Reuters) - "); None when there is none, or when a
        date in figures could be read day-first and month-first ("09/10/2025").
    """
    for line in text.lstrip().split("\n", _HEAD_LINES)[:_HEAD_LINES]:
        line = line.strip()
        if not line:
            continue
        if len(line) > _DATE_LINE_CHARS:
            return _dateline(line)
        day = _date_line(line)
        if day is not None:
            return day
    return None


def needs_publication(text: str) -> bool:
    """Whether ``text`` tells an event it can date only from its publication day.

    True when it holds an event word and some date only relative to that day ("on Friday",
    "overnight", "14-19 November"), or no date at all (an undated event is the day's).  An
    article that dates everything in full ("On 14 November 2025 ...") or tells no event does
    not need one.
    """
    trigger, src = lx.ANY_TRIGGER.pick(text, text.lower())
    if trigger.search(src) is None:
        return False
    complete = find_dates(text)
    return not complete or len(find_dates(text, _ANY_DAY)) > len(complete)


_ANY_DAY = dt.date(2000, 1, 1)  # a reference that lets the relative and year-less dates be found


def _date_line(line: str) -> dt.date | None:
    found = [(start, end, span.start) for start, end, span in find_dates(_DASHED.sub(r"\1/\2/\3", line))
             if span.start == span.end]
    if len({day for _, _, day in found}) != 1:
        return None
    start, end, day = found[0]
    rest = _CLOCK.sub(" ", line[:start] + " " + line[end:])
    if _LABEL.match(rest) or len(_WORD.findall(rest)) <= _LABEL_WORDS \
            or _BYLINE.match(line) and not _WORD.search(_CLOCK.sub(" ", line[end:])):
        return day
    return None


def _dateline(paragraph: str) -> dt.date | None:
    head = _DATELINE.match(paragraph)
    if head is None:
        return None
    for start, end, span in find_dates(paragraph[:head.end() + 40]):
        if start == head.end() and span.start == span.end and _DATELINE_END.match(paragraph, end):
            return span.start
        break
    return None
