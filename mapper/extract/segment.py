"""Split an article into clauses: the title, sentences and timeline bullets.

Every body clause keeps its span: ``article.text[c.start:c.end] == c.text``
(surrounding whitespace and bullet markers are left outside the span).

What is dropped, so later stages never see it:

* boilerplate lines (:func:`is_boilerplate`): "Related:"/"Read more" links,
  photo credits, bylines, cookie and newsletter notices, copyright lines, and
  product ads ("Glow Sticks – Stay visible ...");
* ad-shaped lines ("Title Case Name – pitch" with no news verb) in the run of
  lines that ends the article, even without shop words;
* section headings: short Title Case lines with no final punctuation
  ("Background & Context"), which carry no incidents.

A line is always at least its own unit; inside a line, sentences end at
``.``/``!``/``?`` (and closing quotes) followed by whitespace and an
upper-case letter, digit or opening quote, except after abbreviations,
titles and initials.  A line that opens with a date followed by ``:`` or a
dash (a timeline bullet, with or without a marker) gives that date to every
sentence of the line as ``bullet_date``.
"""
from __future__ import annotations

import re

from mapper.extract.dates import bullet_date
from mapper.model import Article, Clause

__all__ = ["segment", "is_boilerplate"]

_LINE = re.compile(r"[^\r\n]+")
_BULLET_MARK = re.compile(r"(?:[-*•–—]|\d{1,3}[.)])\s+")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s")
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ"
# a sentence may end in reference marks ("Northern Arrows.[a][5] Since then"); every match
# opens with its first mark, outside the alternatives, so ``re`` skips to the marks instead of
# trying each alternative at every character (the lookbehinds see that mark as the full stop)
_BOUNDARY = re.compile(rf"[.!?](?:[.!?]*[\"'”’»)\]]*(?:\[[^\]\s]{{1,20}}\])*(?=\s+[\"'“‘«(\[]?[{_UPPER}0-9])"
                       # or a full stop the page lost the space after ("the township of Minbya.Ten adults ...")
                       r"|(?<=[a-z]{3}\.)(?=[A-Z][a-z]+\b)|(?<=\b[12]\d{3}\.)(?=[A-Z][a-z]+\b))")
# The word before a full stop that does not end a sentence (case matters:
# "No. 5" is an abbreviation, "the answer was no." is not).
_ABBREVIATION = re.compile(
    r"(?:^|[\s(\"'“‘-])(?:U\.S|U\.K|U\.N|E\.U|Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Maj|Capt|Sgt"
    r"|Adm|Sen|Rep|Gov|Pres|St|Mt|No|Nos|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov"
    r"|Dec|e\.g|i\.e|vs|approx|Inc|Ltd|Co|Corp|Jr|Sr|[A-Z])$")
_CLOCK = re.compile(r"\b[ap]\.m$", re.IGNORECASE)
_ZONE_AFTER = re.compile(r"\s*(?:\(|(?:[A-Z][\w'’-]+\s+){1,2}time\b|local\s+time\b|(?:GMT|UTC|CET|EET|MSK)\b)")
# After "U.S." these words start a new sentence rather than a noun phrase.
_COUNTRY_ABBREVIATION = re.compile(r"(?:U\.S|U\.K|U\.N|E\.U)$")
_SENTENCE_STARTERS = frozenset(
    "The It He She They We This That These Those But However Meanwhile In On At After "
    "Earlier Later Its Their".split())
_ABBREVIATION_WINDOW = 8
# A timeline line without a marker starts with a digit, a month or a weekday.
_DATE_LEAD = re.compile(
    r"(?:\*\*|__)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu"
    r"|fri|sat|sun)[a-z]*\b)", re.IGNORECASE)

_PREFIXES = re.compile(
    r"(?:related\s*(?::|(?:articles?|stories|coverage|news|reading|content|posts?)\b)"
    r"|(?:read more|read also|see also|also read|more on this|advertisement|sponsored|subscribe"
    r"|sign up|follow us|share this|getty images|ap photo|afp photo|all rights reserved"
    r"|(?:additional\s+)?reporting by|(?:writing|editing) by|our standards)\b"
    r"|(?:photo|image|credit)s?\s*:|\(photo|reuters/|©|copyright\s*(?:©|\(c\)|\d{4})"
    # wiki maintenance notices: "This article documents a current event", "A request that this
    # article title be changed to ... is under discussion"
    r"|this\s+(?:article|section)\s+(?:documents|may|needs|has\s+multiple|is\s+about|relies)"
    r"|a\s+request\s+that\s+this\s+article|please\s+do\s+not\s+move\s+this)",
    re.IGNORECASE)
_COOKIE = re.compile(
    r"\b(?=\w)cookies?\b.*\b(?:consent|accept)|\b(?:consent|accept)\w*\b.*\bcookies?\b", re.IGNORECASE)
_NEWSLETTER = re.compile(r"\b(?=\w)newsletters?\b.*\b(?:sign up|subscribe)|\b(?:sign up|subscribe)"
                         r"\b.*\bnewsletters?\b", re.IGNORECASE)
_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"By\s+{_NAME}(?:\s+(?:{_NAME}|de|van|von|al|bin|la|le|del|da)){{1,3}}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+(?:{_NAME}|de|van|von|al)){{0,3}})*\s*"
    r"(?:[|,/–—-]\s*[A-Z][\w .&'-]{0,40})?")
_BYLINE_MAX_LEN = 120
_NOT_A_NAME = re.compile(r"By\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar"
                         r"|apr|may|jun|jul|aug|sep|oct|nov|dec|the|early|late|mid|then|now)",
                         re.IGNORECASE)
# "Product Name – pitch": 1-5 Title Case words, a spaced dash, the pitch.
_AD_SHAPE = re.compile(r"[A-Z][\w'&+.-]*(?:\s+[A-Z][\w'&+.-]*){0,4}\s+[-–—]\s+(?P<pitch>\S.*)")
_AD_MAX_LEN = 200
_NEWS_VERB = re.compile(
    r"\b(?=\w)(?:said|says|say|told|tells|report(?:s|ed)?|announc\w+|claim\w*|confirm\w*|according"
    r"|kill\w*|wound\w*|injur\w*|attack\w*|struck|strikes?|hit|hits|launch\w*|fir(?:ed|es)"
    r"|shell\w*|destroy\w*|damag\w*|shot|down(?:ed|s)|intercept\w*|captur\w*|seiz\w*"
    r"|advanc\w*|clash\w*|explo(?:ded|des|sions?)|stated|warn\w*|den(?:y|ies|ied)|accus\w*"
    r"|met|meets)\b",
    re.IGNORECASE)
_HEADING_WORDS = frozenset("and & of the in on for to a an with at by vs from or".split())
_HEADING_MAX_WORDS = 6
_HEADING_END = ".!?:;,\"'”’)…"


def is_boilerplate(line: str) -> bool:
    """Whether a line is page furniture rather than reporting.

    Parameters
    ----------
    line : str
        One line of article text (leading bullet markers are ignored).

    Returns
    -------
    bool
        True for "Related:"/"Read more"-style links, photo credits, bylines,
        cookie/newsletter notices, copyright lines and product ads: short
        "Name – pitch" lines with no verb of reporting or of violence, which no
        news sentence is.
    """
    text = line.strip()
    mark = _BULLET_MARK.match(text)
    if mark is not None:
        text = text[mark.end():]
    if not text:
        return False
    if _PREFIXES.match(text):
        return True
    low = text.lower()
    # Substring tests first: the regexes are slow on long paragraphs.
    if ("cookie" in low and _COOKIE.search(text)
            or "newsletter" in low and _NEWSLETTER.search(text)):
        return True
    if (len(text) < _BYLINE_MAX_LEN and text.startswith("By ") and _BYLINE.fullmatch(text)
            and not _NOT_A_NAME.match(text)):
        return True
    return _ad_pitch(text) is not None


def _ad_pitch(text: str) -> str | None:
    """The pitch of an ad-shaped line ("Name – pitch") without news verbs, else None."""
    if len(text) > _AD_MAX_LEN:
        return None
    m = _AD_SHAPE.fullmatch(text)
    if m is None or _NEWS_VERB.search(text):
        return None
    return m["pitch"]


def _is_heading(text: str) -> bool:
    if _MARKDOWN_HEADING.match(text):
        return True
    if text[-1] in _HEADING_END or not text[0].isupper():
        return False
    words = text.split()
    if len(words) > _HEADING_MAX_WORDS:
        return False
    return all(not w[0].isalpha() or w[0].isupper() or w.lower() in _HEADING_WORDS
               for w in words)


def segment(article: Article) -> list[Clause]:
    """Split an article into clauses.

    Parameters
    ----------
    article : Article
        The article; ``article.published`` resolves year-less bullet dates.

    Returns
    -------
    list of Clause
        The title first (``part="title"``, offsets into ``article.title``) if
        it is not blank, then body clauses in text order, each with
        ``article.text[start:end] == text`` and, inside a dated timeline
        bullet, ``bullet_date`` set.
    """
    if not isinstance(article, Article):
        raise TypeError(f"segment() needs an Article, not {type(article).__name__}")
    clauses: list[Clause] = []
    title = article.title
    lead = len(title) - len(title.lstrip())
    trail = len(title.rstrip())
    if trail > lead:
        clauses.append(Clause(article.id, lead, trail, title[lead:trail], part="title"))
    for start, end in _kept_lines(article.text):
        clauses.extend(_line_clauses(article, start, end))
    return clauses


def _kept_lines(text: str) -> list[tuple[int, int]]:
    """Stripped ``(start, end)`` spans of the lines that are neither furniture nor headings."""
    lines: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        raw = m.group()
        body = raw.strip()
        if not body:
            continue
        start = m.start() + len(raw) - len(raw.lstrip())
        lines.append((start, start + len(body)))
    # Ad-shaped lines in the closing run (after the last real paragraph) are ads.
    cut = len(lines)
    while cut and (is_boilerplate(text[lines[cut - 1][0]:lines[cut - 1][1]])
                   or _ad_pitch(text[lines[cut - 1][0]:lines[cut - 1][1]]) is not None):
        cut -= 1
    kept = []
    for start, end in lines[:cut]:
        line = text[start:end]
        if _BULLET_MARK.match(line) is None and _is_heading(line):
            continue
        if not is_boilerplate(line):
            kept.append((start, end))
    return _rejoined(text, kept)


#: a line of at most this many words that ends in a comma is a salutation or a sign-off ("Mr Prime Minister,",
#: "Sincerely,"), not a sentence wrapped at the line's end
_SALUTATION_WORDS = 4


def _rejoined(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines, with a sentence broken across a line break joined again: a line that ends in a comma, or in a
    lower-case word before a line that goes on in lower case, runs on into the next line when no blank line lies
    between ("simultaneous attacks on Mara-Grand,\nOurkoum, and Tiao villages": a hard-wrapped text, a PDF's
    copy); a bullet's next bullet is its own, and so is a letter's or a speech's salutation ("Dear Ukrainians,")."""
    out: list[tuple[int, int]] = []
    for start, end in lines:
        if out:
            a, b = out[-1]
            gap = text[b:start]
            if gap.count("\n") == 1 and not gap.strip() and _BULLET_MARK.match(text, start) is None \
                    and len(text[a:b].split()) > _SALUTATION_WORDS \
                    and (text[b - 1] == "," or text[b - 1].islower() and text[start].islower()):
                out[-1] = (a, end)
                continue
        out.append((start, end))
    return out


def _line_clauses(article: Article, start: int, end: int) -> list[Clause]:
    text = article.text
    line = text[start:end]
    mark = _BULLET_MARK.match(line)
    when = None
    if mark is not None or _DATE_LEAD.match(line):
        when = bullet_date(line, article.published)
    if mark is not None:
        start += mark.end()
    out = []
    for s, e in _sentences(text, start, end):
        out.append(Clause(article.id, s, e, text[s:e], bullet_date=when))
    return out


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stripped sentence spans inside ``text[start:end]`` (one line)."""
    cuts = [start]
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, start, m.start(), m.end()):
            continue
        cuts.append(m.end())
    cuts.append(end)
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        body = piece.strip()
        if body:
            s = a + len(piece) - len(piece.lstrip())
            spans.append((s, s + len(body)))
    return spans


def _is_abbreviation(text: str, line_start: int, dot: int, after: int) -> bool:
    if text[dot] != "." or after - dot != 1:
        return False  # "!", "?", "..." and "." + closing quote always end a sentence
    before = text[max(line_start, dot - _ABBREVIATION_WINDOW):dot]
    if _CLOCK.search(before) and _ZONE_AFTER.match(text, after):
        # "at approximately 11:45 p.m. (Sanaa time), U.S. forces ...", "At about 2:40 p.m. Moscow time on
        # September 24, ...": the time zone goes on
        return True
    if not _ABBREVIATION.search(before):
        return False
    if _COUNTRY_ABBREVIATION.search(before):
        nxt = text[after:after + 20].split(maxsplit=1)
        return not (nxt and nxt[0] in _SENTENCE_STARTERS)
    return True
