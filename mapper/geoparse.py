"""``mapper geoparse``: place mentions of JSON-line documents, resolved."""
from __future__ import annotations

import bisect
import dataclasses
import itertools
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from mapper.errors import InputError
from mapper.extract.toponyms import Span, find_spans, span_at
from mapper.geo.partial import county_after, joined_reading, known_reading, region_after
from mapper.geo.resolve import resolve_spans
from mapper.geo.slavic import skeleton_reading
from mapper.model import Resolved


def _lines(source: str) -> Iterator[tuple[str, int, str]]:
    if source == "-":
        for no, line in enumerate(sys.stdin, 1):
            yield "<stdin>", no, line
        return
    path = Path(source)
    try:
        with open(path, "rb") as fh:
            head = fh.read(8192)
            if not head.strip():
                raise InputError(f"{path}: file is empty")
            if b"\x00" in head:
                raise InputError(f"{path}: binary file (NUL bytes in the first 8 KB)")
            fh.seek(0)
            for no, raw in enumerate(fh, 1):
                try:
                    yield str(path), no, raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(f"{path}:{no}: invalid UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _document(where: str, line: str) -> dict[str, Any]:
    try:
        doc = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        raise InputError(f'{where}: expected an object with a "text" string')
    return doc


def toponym_record(r: Resolved, services) -> dict[str, Any]:  # noqa: ANN001
    """The output record of one mention (coordinates null when unresolved)."""
    p = r.place
    rec: dict[str, Any] = {"start": r.mention.start, "end": r.mention.end, "name": r.mention.name}
    if p is None:
        rec.update(lat=None, lon=None, geonameid=None, country=None, admin1_code=None, admin1_geonameid=None,
                   feature=None, reason=r.reason)
        return rec
    region = services.regions.by_gn_code(p.admin1_gn) if p.admin1_gn else None
    if region is None and p.admin1_gn and p.kind != "country":
        region = services.regions.join(np.array([p.lon]), np.array([p.lat]))[0]  # a code split into several
    rec.update(lat=round(p.lat, 6), lon=round(p.lon, 6), geonameid=p.geonameid, country=p.country or None,
               admin1_code=region.code if region else None, admin1_geonameid=p.admin1_geonameid,
               feature=p.kind, geo_precision=p.geo_precision,
               score=p.score)
    return rec


def _outside(found: list[Span], given: list[Span]) -> list[Span]:
    """The spans of ``found`` that overlap none of ``given`` (bisection, not a scan per pair)."""
    ordered = sorted((g.start, g.end) for g in given)
    starts = [start for start, _ in ordered]
    reach = list(itertools.accumulate((end for _, end in ordered), max))  # furthest end so far
    out = []
    for s in found:
        k = bisect.bisect_left(starts, s.end)  # given spans starting before s ends
        if k == 0 or reach[k - 1] <= s.start:
            out.append(s)
    return out


def geoparse_text(text: str, services, given: list[dict] | None = None) -> list[Resolved]:  # noqa: ANN001
    """Resolve the place mentions of a text: found by mapper, or the ``given`` spans.

    Demonyms ("Sri Lankan", "Abkhaz") are reported too, placed at their country or
    region with the feature "demonym" (corpora such as LGL annotate them as places).
    """
    gaz = services.gazetteer
    if given is None:
        return [r for r in resolve_spans(find_spans(text, gaz), gaz, text, demonyms=True,
                                               qualifiers=True) if r.place is not None]
    spans, partial = [], {}
    for t in given:
        start, end = int(t["start"]), int(t["end"])
        if not 0 <= start < end <= len(text):
            raise InputError(f"toponym offsets {start}:{end} are outside the text")
        span = span_at(text, start, end, gaz)
        if not span.region_word:
            # "Butler, Clark or Warren counties"; "a Washington state farm"
            word = county_after(text, end) or region_after(text, end)
            if word:
                span = dataclasses.replace(span, region_word=word)
        if span.key not in gaz.index and not span.demonym and span.key not in gaz.abbreviations:
            # "Dogu Beyazit": the gazetteer's Dogubeyazit; "Starognativka": its Starohnativka
            joined = joined_reading(span.key, gaz) or skeleton_reading(span.key, gaz)
            shorter = None if joined else known_reading(span.name, gaz)  # "Kanawha River", "South Los Angeles"
            if joined is not None:
                span = dataclasses.replace(span, key=joined)
            elif shorter is not None:
                whole, span = span, dataclasses.replace(span, key=shorter)
                partial[id(span)] = whole
        spans.append(span)
    # mapper's own mentions elsewhere in the text are context ("Springfield, Illinois")
    extra = _outside(find_spans(text, gaz), spans)
    merged = sorted([(s, True) for s in spans] + [(s, False) for s in extra], key=lambda p: p[0].start)
    order = [s for s, _ in merged]
    trusted = frozenset(i for i, (_, mine) in enumerate(merged) if mine)
    results = resolve_spans(order, gaz, text, trusted=trusted, demonyms=True, qualifiers=True)
    by_span = {id(s): r for s, r in zip(order, results)}
    # a name read through part of it ("West Midlands" as "Midlands") is placed only in a country
    # the rest of the article points to: not at Zimbabwe's Midlands in a story about England
    named = {r.place.country for s, r in zip(order, results) if id(s) not in partial
             and r.place is not None and r.place.country}
    abroad = {id(s) for s in spans if id(s) in partial and not _abroad_ok(by_span[id(s)], named)}
    if abroad:
        # ... there it is a name the gazetteer lacks, placed as such among the story's places
        # (the West Midlands of a story about England lies in England)
        whole = [partial[id(s)] if id(s) in abroad else s for s in order]
        again = resolve_spans(whole, gaz, text, trusted=trusted, demonyms=True, qualifiers=True)
        by_span.update({id(s): r for s, r in zip(order, again) if id(s) in abroad})
    return [(_near_namesake(by_span[id(s)]) if id(s) not in abroad else by_span[id(s)] if
             by_span[id(s)].place is not None else Resolved(by_span[id(s)].mention, None, PARTIAL_ABROAD))
            if id(s) in partial else by_span[id(s)] for s in spans]


#: the reason a given name read through part of it is left unresolved
PARTIAL_ABROAD = "read through part of its name, in a country the article never names"


def _abroad_ok(r: Resolved, named: set[str]) -> bool:
    return r.place is None or not named or not r.place.country or r.place.country in named


def _near_namesake(r: Resolved) -> Resolved:
    """A place read through part of its name is "near" the namesake it was placed at."""
    if r.place is None or r.place.geo_precision >= 2:
        return r
    return dataclasses.replace(r, place=dataclasses.replace(r.place, geo_precision=2))


def geoparse_lines(source: str, services, *, resolve_only: bool = False, skip_bad: bool = False,  # noqa: ANN001
                   on_skip: Callable[[str], None] | None = None) -> Iterator[dict[str, Any]]:
    """Yield ``{"id", "toponyms": [...]}`` for each JSON line of ``source`` (a path or ``-``)."""
    for path, no, line in _lines(source):
        if not line.strip():
            continue
        where = f"{path}:{no}"
        try:
            doc = _document(where, line)
            given = doc.get("toponyms") if resolve_only else None
            if resolve_only and not isinstance(given, list):
                raise InputError(f'{where}: --resolve-only needs a "toponyms" list')
            try:
                resolved = geoparse_text(doc["text"], services, given)
            except (InputError, KeyError, TypeError, ValueError) as exc:
                raise InputError(f"{where}: bad toponyms ({exc})") from None
        except InputError as exc:
            if not skip_bad:
                raise
            if on_skip:
                on_skip(str(exc))
            continue
        yield {"id": doc.get("id", f"{Path(path).stem}:{no}"),
               "toponyms": [toponym_record(r, services) for r in resolved]}
