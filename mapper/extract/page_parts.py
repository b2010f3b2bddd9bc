"""The parts of a page around its sentences: where the body's first sentence starts, a heading
that restates the title, a standfirst, a photo's caption.

:func:`mapper.extract.article.extract_article` reads a dateline only in the lead, gives a
heading or standfirst that restates the headline no incident of its own where the body tells
it, and dates no later clause by a caption's day.
"""
from __future__ import annotations

import re

from mapper.model import Article, Clause

__all__ = ["WORD", "is_captioned", "is_heading", "is_section_heading", "is_standfirst", "lead_start",
           "own_line"]


def lead_start(clauses: list[Clause]) -> int:
    """Where the body's first sentence starts: the first body clause that ends as a sentence does
    (bylines, credits and headings before it do not)."""
    return next((c.start for c in clauses if c.part == "body" and _SENTENCE_END.search(c.text[-2:] + " ")
                 and not _PHOTO_DATED.search(c.text)), 0)


#: a wire photo's caption, which ends in the day it was taken ("A man looks through a damaged house
#: ... in Poonch district, Wednesday, May 7, 2025.", "... (AP Photo/Channi Anand)")
_PHOTO_DATED = re.compile(r"(?:,\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+[A-Z][a-z]+\.?\s+\d{1,2},"
                          r"\s+\d{4}\.|\((?:AP|AFP|Reuters)\s+Photo\b[^)]*\)\.?)\s*$")


def is_heading(text: str, clause: Clause, title: str) -> bool:
    """Whether a body clause is a heading that restates the title: a short line of its own
    with no sentence's end, before any sentence, most of whose words are the title's
    ("Majdal Shams attack" under a wiki page's title), which announces like the headline.
    The short lines of a live blog are posts of their own."""
    if _SENTENCE_END.search(text, 0, clause.start):
        return False
    words = set(WORD.findall(clause.text.lower()))
    if not words or len(words & set(WORD.findall(title.lower()))) * 2 < len(words):
        return False
    line = own_line(text, clause)
    return line is not None and len(line.split()) <= _HEADING_WORDS and line[-1] not in ".!?:;,\"”'’)"


def is_section_heading(text: str, clause: Clause) -> bool:
    """Whether a body clause is a section's heading in capitals, a line of its own ("CAMEROON", "TEACHER ABDUCTED
    AND SEVERELY INJURED IN SOUTH-WEST REGION"), as situation reports and snapshots head their items."""
    line = own_line(text, clause)
    letters = [c for c in line or "" if c.isalpha()]
    return line is not None and len(letters) >= _SECTION_LETTERS \
        and sum(c.isupper() for c in letters) >= _SECTION_CAPITALS * len(letters)


_SECTION_LETTERS = 8
_SECTION_CAPITALS = 0.9  # the share of its letters a section heading writes in capitals


def own_line(text: str, clause: Clause) -> str | None:
    """The line a body clause stands on when it is the whole line (stripped), else None."""
    start = text.rfind("\n", 0, clause.start) + 1
    end = text.find("\n", clause.end)
    end = end if end >= 0 else len(text)
    if clause.part == "body" and (_BLANK.match(text, start, clause.start).end() < clause.start
                                  or _BLANK.match(text, clause.end, end).end() < end):
        # a body clause (``text[clause.start:clause.end]``, stripped) with words beside it on its line is not the
        # whole line: most clauses share a paragraph, which is then not copied for each of them
        return None
    line = text[start:end].strip()
    return line if line and line == clause.text.strip() else None


_BLANK = re.compile(r"\s*")


_HEADING_WORDS = 12
WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?:\s|$)")


def is_standfirst(text: str, clause: Clause) -> bool:
    """Whether a body clause lies in the first paragraph of the body when that paragraph is
    one short sentence (a standfirst summing up what follows, like the headline)."""
    end = text.find("\n", text.find(text.lstrip()[:1]) if text.strip() else 0)
    raw = text[:end if end >= 0 else len(text)]
    first = raw.strip()
    return clause.end <= len(raw) and len(first.split()) <= _STANDFIRST_WORDS and not _NEXT_SENTENCE.search(first) \
        and first[-1:] in ".!?"  # a sentence ("12:40 Drones hit Poltava" opens a live blog post)


#: a sentence's end followed by another's start (not an abbreviated month's dot: "KHARTOUM, Jan. 20 (Xinhua) —")
_NEXT_SENTENCE = re.compile(r"\.\s+(?![a-z\d(])")


_STANDFIRST_WORDS = 40


def is_captioned(article: Article, clause: Clause) -> bool:
    """Whether a clause is part of a photo's caption: its line ends in a credit ("... displacing
    two families. Photo: OCHA")."""
    text = article.title if clause.part == "title" else article.text
    reach = min(len(text), clause.end + _CAPTION_REACH)  # a caption is short: its credit follows closely
    end = text.find("\n", clause.start, reach)
    stop = reach if end < 0 else end
    # every credit holds one of these characters' strings: most lines are ruled out without the pattern (looked for
    # in place: the line is copied only for the pattern)
    for key in _CAPTION_KEYS:
        if text.find(key, clause.start, stop) >= 0:
            return bool(_CAPTION.search(text[clause.start:stop]))
    return False


_CAPTION_REACH = 400
_CAPTION_KEYS = ("Photo", "Credit", "\u00a9", "/")


_CAPTION = re.compile(r"\bPhoto(?:graph)?(?:\s+by|\s+credit)?\s*:|\bPhoto\s+by\b|\bCredit\s*:|©"
                      # an agency's credit closing a caption: "... when it briefly captured Goma /AFP"
                      r"|\s/\s?(?:AFP|AP|Reuters|EPA|Getty(?:\s+Images)?|Anadolu|Xinhua|File)\b")
