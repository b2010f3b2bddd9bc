"""Hypothesis strategies for hostile and "newsy" input, shared by the property tests.

Not a test module (pytest collects only ``test_*.py``); imported as ``strategies``
because pytest puts ``tests/`` on ``sys.path`` (rootdir-relative imports, as conftest).
"""
from __future__ import annotations

import codecs
import datetime as dt

from hypothesis import strategies as st

from mapper.model import INCIDENT_TYPES, Incident, Place, Source

PLACES = ("Kyiv", "Odesa", "Pokrovsk", "Gaza", "Kharkiv", "Lviv", "Ternopil", "Kherson", "Dnipro",
          "Zaporizhzhia", "Sumy", "Izmail", "Rafah", "Khan Younis", "Beirut", "Belgorod", "Kursk",
          "Donetsk Oblast", "the Pokrovsk region", "Geneva", "Georgia", "Jordan", "Paris", "Springfield",
          "Київ", "غزة", "Odesa's", "Russia-Ukraine", "US-backed")
DATES = ("12 November 2025", "on Tuesday", "yesterday", "overnight", "last week", "14-19 November 2025",
         "Nov. 3", "2025-11-12", "12.11.2025", "11/25/2025", "in late March", "31 November 2025",
         "in 2022", "November 30 - December 2", "this month", "3 days ago", "29 February 2023")
TRIGGERS = ("drones struck", "a missile attack hit", "shelling of", "airstrikes on", "clashes near",
            "an explosion in", "sabotage at", "talks in", "attacked", "fighting in", "drone and missile barrages targeting")
ACTORS = ("Russian forces", "Ukraine", "Israeli troops", "Hamas", "militants", "The army", "")
TAILS = ("killing 3 people", "injuring two", "with 12 dead and 40 wounded", "officials said", "", "—")
#: strings that have broken parsers and renderers elsewhere
NASTY = ("\x00", "\ufeff", "\r\n", "\r", "\u2028", "\u202e", "\u200f", "\u0301", "\t", "\x0b", "\x1b[31m",
         "</script><img src=x onerror=alert(1)>", "${alert(2)}", "{{ 7*7 }}", "{% raw %}", "<!--", "]]>",
         "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\"", "'", "\\", "\ud800", "\udfff", "😀", "ﷺ",
         "A" * 300, " " * 200, "." * 50, "Mr. Dr. St. U.S.", "- ", "* ", "1. ", "Related: ", "By John Smith")
SEPARATORS = (" ", "\n", "\r\n", "\n\n", "\t", "", "\u2028", "\u00a0", "\n- ", "\n* ", "\n1. ")

#: any code point, lone surrogates and control characters included
any_char = st.characters(codec=None, exclude_categories=())
#: any code point that UTF-8 can encode (no lone surrogates)
utf8_char = st.characters(exclude_categories=("Cs",))


def _sentence(parts: tuple[str, str, str, list[str], str]) -> str:
    date, actor, trigger, places, tail = parts
    where = ", ".join(places[:-1]) + (" and " if len(places) > 1 else "") + places[-1]
    return f"{date}, {actor} {trigger} {where}{', ' + tail if tail else ''}."


newsy_sentence = st.tuples(st.sampled_from(DATES), st.sampled_from(ACTORS), st.sampled_from(TRIGGERS),
                           st.lists(st.sampled_from(PLACES), min_size=1, max_size=5),
                           st.sampled_from(TAILS)).map(_sentence)
bullet = st.tuples(st.sampled_from(("- ", "* ", "• ", "1. ", "")), st.sampled_from(DATES),
                   st.sampled_from((": ", " – ", " - ", " ")), newsy_sentence).map("".join)


def hostile_text(chars: st.SearchStrategy[str] = any_char, max_size: int = 40) -> st.SearchStrategy[str]:
    """Text mixing newsy sentences, bullets, nasty snippets, separators and random characters."""
    piece = st.one_of(newsy_sentence, bullet, st.sampled_from(NASTY), st.sampled_from(SEPARATORS),
                      st.sampled_from(PLACES), st.text(chars, max_size=30))
    if chars is utf8_char:
        piece = piece.filter(lambda s: not any("\ud800" <= c <= "\udfff" for c in s))
    return st.lists(piece, max_size=max_size).map("".join)


def html_doc(max_depth: int = 30) -> st.SearchStrategy[str]:
    """HTML fragments, deeply nested and often broken (unclosed, mismatched, odd sections)."""
    tags = st.sampled_from(("div", "p", "span", "script", "style", "title", "h1", "svg", "li", "table",
                            "td", "iframe", "template", "noscript", "b", "a", "time", "meta", "br"))
    leaf = st.one_of(hostile_text(utf8_char, max_size=6),
                     st.sampled_from(("<![CDATA[x]]>", "<![if !IE]>", "<!-- c -->", "<!--", "<?php ?>",
                                      "&amp;", "&#0;", "&#xD800;", "&#x110000;", "&nbsp", "<", ">", "</",
                                      "<meta property='article:published_time' content='2025-11-31'>",
                                      "<time datetime='yesterday'>", "<link rel=canonical href='javascript:x'>",
                                      "<title/>", "<svg/>", "<a href=\"x", "<div class='")))

    def wrap(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.tuples(tags, st.lists(children, max_size=4), st.booleans()).map(
            lambda t: f"<{t[0]}>{''.join(t[1])}" + (f"</{t[0]}>" if t[2] else ""))

    nested = st.recursive(leaf, wrap, max_leaves=40)
    deep = st.tuples(tags, st.integers(1, 3000), st.booleans()).map(
        lambda t: f"<{t[0]}>" * t[1] + "Kyiv was struck." + (f"</{t[0]}>" * t[1] if t[2] else ""))
    return st.one_of(nested, deep)


def encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """UTF-8 bytes of text, sometimes with a BOM, CRLF line ends or invalid bytes spliced in."""
    bad = st.sampled_from((b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80", b"\xc0\xaf", b"\x00"))

    def build(t: tuple[str, bool, bool, list[tuple[int, bytes]]]) -> bytes:
        body, bom, crlf, splices = t
        data = (body.replace("\n", "\r\n") if crlf else body).encode("utf-8")
        for at, junk in splices:
            at %= len(data) + 1
            data = data[:at] + junk + data[at:]
        return (codecs.BOM_UTF8 if bom else b"") + data

    return st.tuples(text, st.booleans(), st.booleans(),
                     st.lists(st.tuples(st.integers(0, 10**6), bad), max_size=2)).map(build)


# ---------------------------------------------------------------- incidents for the exporters

safe_text = hostile_text(utf8_char, max_size=8)
_day = st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31))


@st.composite
def incidents(draw: st.DrawFn, max_size: int = 12) -> list[Incident]:
    """Incidents with hostile strings everywhere a string goes, unique ids."""
    out = []
    for n in range(draw(st.integers(0, max_size))):
        start = draw(_day)
        place = Place(name=draw(safe_text), lon=draw(st.floats(-180, 180)), lat=draw(st.floats(-90, 90)),
                      country=draw(st.sampled_from(("UA", "RU", "PS", "", "=1"))), admin1_gn=None,
                      kind=draw(st.sampled_from(("city", "admin1", "country"))),
                      geonameid=draw(st.none() | st.integers(1, 12_000_000)))
        sources = tuple(Source(article_id=draw(safe_text), title=draw(safe_text), url=draw(st.none() | safe_text),
                               published=draw(st.none() | _day), text=draw(safe_text))
                        for _ in range(draw(st.integers(1, 3))))
        code = draw(st.sampled_from((None, "UA-30", "UA-51", "RU-BEL", "+x")))
        out.append(Incident(
            type=draw(st.sampled_from(INCIDENT_TYPES)), date_start=start,
            date_end=start + dt.timedelta(days=draw(st.integers(0, 40))), time_precision=draw(st.integers(1, 3)),
            place=place, place_text=draw(safe_text), geo_precision=draw(st.integers(1, 3)), sources=sources,
            actor=draw(st.none() | safe_text), killed=draw(st.none() | st.integers(0, 10**6)),
            injured=draw(st.none() | st.integers(0, 10**6)), admin1=None if code is None else draw(safe_text),
            admin1_code=code, id=f"{n:016x}"))
    return out
