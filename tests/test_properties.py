"""Property tests: hostile, broken and huge input never crashes a parser; offsets stay valid.

Every parser gets arbitrary Unicode (control characters, RTL marks, NUL, BOMs, CRLF,
lone surrogates in memory, invalid UTF-8 in files, deeply nested HTML) mixed with
"newsy" text of real place names, date phrases and trigger words.  Runs are
derandomized (same examples every run) and budgeted to finish in well under a minute.
"""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import os
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapper import ingest
from mapper.errors import InputError
from mapper.extract.clause_dates import clause_date
from mapper.extract.dates import bullet_date, find_dates
from mapper.extract.segment import segment
from mapper.extract.toponyms import find_spans
from mapper.geo.resolve import resolve_spans
from mapper.model import INCIDENT_TYPES, Article, DateSpan, Incident, Place, Source, Unplaced
from mapper.output.geojson import feature_collection
from mapper.output.records import incident_frame
from mapper.output.tables import city_table, region_table, write_tables
from mapper.output.webmap import extract_data, render_map
from mapper.pipeline import Services, extract_article
from mapper.slices import choose_unit, make_slices
from strategies import any_char, bullet, encoded, hostile_text, html_doc, incidents, newsy_sentence, utf8_char

#: one document (file, clause or article) must be done in this many seconds
PER_DOC_SECONDS = 2.0
WALL_SECONDS = 10.0
#: MAPPER_HYPOTHESIS_SCALE=50 multiplies every example budget (a long fuzz run, see tests/fuzz/README.md)
_SCALE = float(os.environ.get("MAPPER_HYPOTHESIS_SCALE", "1"))
_SETTINGS = dict(deadline=None, derandomize=True, database=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
_refs = st.none() | st.dates() | st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))


def _n(examples: int) -> int:
    return max(1, round(examples * _SCALE))


def _timed(fn, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202 - any callable
    # CPU time is the bound: wall time on a shared CI box also counts other jobs.  The
    # wall-clock bound is only there to catch a hang that does not burn CPU.
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(*args, **kwargs)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert cpu < PER_DOC_SECONDS, f"{fn.__name__} took {cpu:.2f}s of CPU"
    assert wall < WALL_SECONDS, f"{fn.__name__} took {wall:.2f}s"
    return out


# ---------------------------------------------------------------- ingest


def _ingest(name: str, data: bytes) -> list[Article] | None:
    """Articles read from a file holding ``data``, or None if it raised InputError."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(gzip.compress(data, mtime=0) if name.endswith(".gz") else data)
        try:
            articles = _timed(lambda: list(ingest.read_articles([str(path)], skip_bad=True)))
        except InputError as exc:
            assert str(exc).startswith(str(path)), str(exc)  # every message names the file
            return None
    for a in articles:
        assert isinstance(a.text, str) and "\r" not in a.text
        assert "\r" not in a.title and not any("\ud800" <= c <= "\udfff" for c in a.text + a.title)
        assert len(a.text) <= ingest.MAX_ARTICLE_CHARS
    return articles


@settings(max_examples=_n(120), **_SETTINGS)
@given(data=st.one_of(encoded(hostile_text(utf8_char)), st.binary(max_size=300)), gz=st.booleans())
def test_txt_files(data: bytes, gz: bool) -> None:
    articles = _ingest("doc.txt.gz" if gz else "doc.txt", data)
    assert articles is None or [a.id for a in articles] == ["doc"]


@settings(max_examples=_n(80), **_SETTINGS)
@given(data=encoded(html_doc()), gz=st.booleans())
def test_html_files(data: bytes, gz: bool) -> None:
    articles = _ingest("page.html.gz" if gz else "page.html", data)
    assert articles is None or [a.id for a in articles] == ["page"]
    for a in articles or ():  # visible text comes out as trimmed, single-spaced, non-empty lines
        assert all(line and line == " ".join(line.split()) for line in a.text.split("\n")) or a.text == ""


@pytest.mark.parametrize("html", ["<a" * 100_000, "</" * 100_000, "<?" * 100_000, "<!" * 100_000,
                                  "<p>" + "<a b" * 50_000 + ">" + "<b" * 50_000,
                                  "<div>" * 40_000 + "Kyiv" + "</div>" * 40_000])
def test_pathological_html_in_linear_time(html: str) -> None:
    """Inputs that make html.parser rescan the rest of the page for every "<" (26 s for
    160 KB of "<a" before ingest escaped the "<"s that cannot start a complete tag)."""
    articles = _ingest("slow.html", html.encode())  # within PER_DOC_SECONDS of CPU
    if html.startswith("<a<a"):
        assert [a.text for a in articles or []] == [html]


_json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(any_char, max_size=20),
                           lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=5), kids,
                                                                                      max_size=3), max_leaves=8)
_record = st.fixed_dictionaries(
    {"text": st.one_of(hostile_text(any_char, max_size=10), _json_value)},
    optional={"id": _json_value, "title": st.one_of(hostile_text(any_char, max_size=3), _json_value),
              "published": st.one_of(st.dates().map(str), st.sampled_from(("2025-11-31", "0001-01-01T00:00",
                                                                           "yesterday", "")), _json_value),
              "url": _json_value})


def _jsonl_line(record: object, ascii_only: bool) -> bytes:
    # ensure_ascii=False with a lone surrogate gives CESU-8 bytes: invalid UTF-8, as wanted
    return json.dumps(record, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


@settings(max_examples=_n(120), **_SETTINGS)
@given(lines=st.lists(st.one_of(st.tuples(_record, st.booleans()).map(lambda t: _jsonl_line(*t)),
                                encoded(hostile_text(utf8_char, max_size=4)),
                                st.sampled_from((b"[" * 5000, b"{}", b"null", b'{"text": "a"', b"\xef\xbb\xbf{}"))),
                      max_size=8),
       eol=st.sampled_from((b"\n", b"\r\n", b"\r")), gz=st.booleans())
def test_jsonl_files(lines: list[bytes], eol: bytes, gz: bool) -> None:
    articles = _ingest("feed.jsonl.gz" if gz else "feed.jsonl", eol.join(lines))
    assert articles is None or len(articles) <= len(lines)


def _csv_bytes(rows: list[list[str]], header: list[str]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


_columns = st.lists(st.sampled_from(("id", "title", "text", "published", "url", "TEXT ", "x", "")), max_size=6)


@settings(max_examples=_n(100), **_SETTINGS)
@given(header=_columns, rows=st.lists(st.lists(hostile_text(utf8_char, max_size=4), max_size=6), max_size=6),
       junk=encoded(hostile_text(utf8_char, max_size=3)), gz=st.booleans())
def test_csv_files(header: list[str], rows: list[list[str]], junk: bytes, gz: bool) -> None:
    articles = _ingest("table.csv.gz" if gz else "table.csv", _csv_bytes(rows, header) + junk)
    assert articles is None or len(articles) <= len(rows) + junk.count(b"\n") + 1


@settings(max_examples=_n(40), **_SETTINGS)
@given(data=st.binary(min_size=1, max_size=200), cut=st.integers(1, 60))
def test_corrupt_gzip(data: bytes, cut: int) -> None:
    """Random bytes or a truncated stream named .gz: InputError, never zlib/EOF errors."""
    truncated = gzip.compress(b"Title\n" + data, mtime=0)[:-cut]
    for blob in (data, truncated):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "x.txt.gz"
            path.write_bytes(blob)
            try:
                list(ingest.read_articles([str(path)]))
            except InputError:
                pass


# ---------------------------------------------------------------- dates and segmentation


def _check_span(span: DateSpan) -> None:
    assert span.start <= span.end and span.precision in (1, 2, 3)


@settings(max_examples=_n(250), **_SETTINGS)
@given(text=hostile_text(), ref=_refs)
def test_find_dates(text: str, ref: dt.date | None) -> None:
    found = _timed(find_dates, text, ref)
    last_end = 0
    for start, end, span in found:
        assert last_end <= start < end <= len(text)  # in text order, not overlapping
        _check_span(span)
        last_end = end


@pytest.mark.parametrize("text,ref,expected", [
    ("Drones hit Kyiv yesterday.", dt.date.min, []), ("3 days ago", dt.date(1, 1, 2), []),
    ("last week", dt.date.min, []), ("next Tuesday", dt.date.max, []), ("overnight", dt.date.min, []),
    ("on Monday", dt.date.min, [(3, 9, DateSpan(dt.date.min, dt.date.min, 1))]),  # 0001-01-01 was a Monday
])
def test_dates_at_the_ends_of_the_calendar(text: str, ref: dt.date, expected: list) -> None:
    """A JSONL ``"published": "0001-01-01"`` made "yesterday" raise OverflowError."""
    assert find_dates(text, ref) == expected


def test_lone_surrogate_escape_in_jsonl_becomes_replacement_character(tmp_path: Path) -> None:
    """``"\\ud800"`` decoded to a lone surrogate, and writing map.html then raised UnicodeEncodeError."""
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s\\udfff", "title": "T\\ud800", "text": "Kyiv \\ud800 hit"}\n', encoding="ascii")
    [article] = ingest.read_articles([str(path)])
    assert (article.id, article.title, article.text) == ("s\ufffd", "T\ufffd", "Kyiv \ufffd hit")


@settings(max_examples=_n(150), **_SETTINGS)
@given(line=st.one_of(bullet, hostile_text(max_size=6)), ref=_refs, prev=st.none() | st.dates())
def test_bullet_and_clause_date(line: str, ref: dt.date | None, prev: dt.date | None) -> None:
    got = bullet_date(line, ref)
    assert got is None or isinstance(got, DateSpan)
    previous = None if prev is None else DateSpan(prev, prev)
    span, how = clause_date(line, published=ref, bullet=got, previous=previous)
    assert how in ("explicit", "bullet", "previous", "published", "")
    assert (span is None) == (how == "")
    if ref is not None or got is not None or previous is not None:
        assert span is not None
    if span is not None:
        _check_span(span)


@settings(max_examples=_n(200), **_SETTINGS)
@given(text=hostile_text(), title=hostile_text(max_size=4), ref=_refs)
def test_segment_offsets(text: str, title: str, ref: dt.date | None) -> None:
    article = Article("a", text, title=title, published=ref)
    clauses = _timed(segment, article)
    last_end = 0
    for c in clauses:
        source = article.title if c.part == "title" else article.text
        assert 0 <= c.start < c.end <= len(source)
        assert source[c.start:c.end] == c.text and c.text.strip() == c.text
        if c.part == "body":
            assert c.start >= last_end
            last_end = c.end
    assert [c.part for c in clauses].count("title") == (1 if title.strip() else 0)


# ---------------------------------------------------------------- recognition, resolution, extraction


@settings(max_examples=_n(200), **_SETTINGS)
@given(text=hostile_text())
def test_find_spans_offsets(services: Services, text: str) -> None:
    spans = _timed(find_spans, text, services.gazetteer)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.name


@settings(max_examples=_n(120), **_SETTINGS)
@given(text=hostile_text())
def test_resolve_spans(services: Services, text: str) -> None:
    gaz = services.gazetteer
    spans = find_spans(text, gaz)
    resolved = _timed(resolve_spans, spans, gaz, text)
    assert [(r.mention.start, r.mention.end) for r in resolved] == [(s.start, s.end) for s in spans if not s.demonym]
    for r in resolved:
        assert text[r.mention.start:r.mention.end] == r.mention.name
        if r.place is None:
            assert r.reason
        else:
            assert -180 <= r.place.lon <= 180 and -90 <= r.place.lat <= 90


def _check_incident(inc: Incident, article: Article) -> None:
    assert inc.type in INCIDENT_TYPES and inc.date_start <= inc.date_end
    assert inc.time_precision in (1, 2, 3) and inc.geo_precision in (1, 2, 3)
    assert -180 <= inc.place.lon <= 180 and -90 <= inc.place.lat <= 90
    for src in inc.sources:
        assert src.article_id == article.id
        assert src.text in article.text or src.text in article.title


@settings(max_examples=_n(120), **_SETTINGS)
@given(text=hostile_text(), title=hostile_text(max_size=4), ref=_refs)
def test_extract_article(services: Services, text: str, title: str, ref: dt.date | None) -> None:
    article = Article("doc", text, title=title, published=ref, url="https://example.org/</script>")
    found, unplaced = _timed(extract_article, article, services.gazetteer)
    for inc in found:
        _check_incident(inc, article)
    for u in unplaced:
        assert u.date_start <= u.date_end and u.source.article_id == "doc"


@settings(max_examples=_n(6), **_SETTINGS)
@given(sentences=st.lists(st.one_of(newsy_sentence, bullet, hostile_text(max_size=5)), min_size=20, max_size=40),
       glue=st.sampled_from(("\n", " ", "\r\n", "\n\n")))
def test_extract_100kb_article_in_time(services: Services, sentences: list[str], glue: str) -> None:
    chunk = glue.join(sentences) + glue
    text = (chunk * (100_000 // len(chunk) + 1))[:100_000]
    article = Article("big", text, title="Big", published=dt.date(2025, 11, 20))
    found, _ = _timed(extract_article, article, services.gazetteer)
    for inc in found:
        _check_incident(inc, article)


# ---------------------------------------------------------------- exporters


@settings(max_examples=_n(60), **_SETTINGS)
@given(incs=incidents())
def test_feature_collection_round_trips(incs: list[Incident]) -> None:
    fc = feature_collection(incs)
    again = json.loads(json.dumps(fc, ensure_ascii=False))
    assert again == fc and "crs" not in fc
    assert [f["id"] for f in fc["features"]] == [i.id for i in incs]
    for feature, inc in zip(fc["features"], incs):
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (round(inc.place.lon, 6), round(inc.place.lat, 6))
        assert [s["text"] for s in feature["properties"]["sources"]] == [s.text for s in inc.sources]
        assert feature["properties"]["actor"] == inc.actor and feature["properties"]["place"] == inc.place.name


def _slices(incs: list[Incident]) -> tuple[list[tuple[dt.date, dt.date]], str]:
    if not incs:
        return [], "day"
    first, last = min(i.date_start for i in incs), max(i.date_end for i in incs)
    unit = choose_unit(first, last)
    return make_slices(first, last, unit), unit


@settings(max_examples=_n(50), **_SETTINGS)
@given(incs=incidents())
def test_tables(incs: list[Incident]) -> None:
    cities = city_table(incs)
    assert int(cities["incidents"].sum()) == len(incs)
    slices, _ = _slices(incs)
    regions = region_table(incs, slices)
    totals = regions[regions["slice_start"] == ""]
    assert int(totals["incidents"].sum()) == sum(1 for i in incs if i.admin1_code or i.admin1)
    with tempfile.TemporaryDirectory() as folder:
        write_tables(incs, [], slices, Path(folder))
        back = pd.read_csv(Path(folder) / "cities.csv", dtype=str, keep_default_na=False)
        assert len(pd.read_csv(Path(folder) / "regions.csv")) == len(regions)
    assert len(back) == len(cities)
    for col in ("place", "country", "admin1", "admin1_code"):
        assert not back[col].str.match(r"[=+\-@\t\r]").any(), col


def test_carriage_return_in_a_cell_keeps_the_csv_row_whole(tmp_path: Path) -> None:
    """A bare "\r" in a text cell went out unquoted and split the row in every reader."""
    place = Place("Kyiv\rOdesa", 30.5, 50.4, "UA", None, "city", geonameid=1)
    src = Source("a\r1", "T", "https://x/\r=1", None, "Drones hit Kyiv.")
    inc = Incident("drone_strike", dt.date(2025, 11, 1), dt.date(2025, 11, 1), 1, place, "Kyiv", 1, (src,),
                   admin1="\r", admin1_code="UA-30", id="0")
    write_tables([inc], [Unplaced("shelling", inc.date_start, inc.date_end, "X\r\nY", "r", src)],
                 make_slices(inc.date_start, inc.date_end, "day"), tmp_path)
    cities = pd.read_csv(tmp_path / "cities.csv", dtype=str, keep_default_na=False)
    assert cities[["place", "admin1"]].values.tolist() == [["Kyiv\nOdesa", "'\n"]]
    unplaced = pd.read_csv(tmp_path / "unplaced.csv", dtype=str, keep_default_na=False)
    assert unplaced[["place_text", "article_id", "url"]].values.tolist() == [["X\nY", "a\n1", "https://x/\n=1"]]
    assert len(pd.read_csv(tmp_path / "regions.csv")) == 2


@settings(max_examples=_n(25), **_SETTINGS)
@given(incs=incidents(max_size=8))
def test_webmap_round_trips_hostile_strings(incs: list[Incident]) -> None:
    slices, unit = _slices(incs)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "map.html"
        render_map(incident_frame(incs), path, slices=slices, slice_unit=unit, tiles="none")
        page = path.read_text(encoding="utf-8")
    # article text cannot open or close a script element
    assert page.lower().count("</script") == page.lower().count("<script")
    data = extract_data(page)
    assert set(data["texts"]) == {s.text for i in incs for s in i.sources}
    assert set(data["actors"]) == {i.actor for i in incs if i.actor is not None}
    assert {row[1] for row in data["places"]} <= {i.place.name for i in incs}
    assert {a[0] for a in data["articles"]} <= {s.title for i in incs for s in i.sources}
    assert len(data["incidents"]["type"]) == len(incs)
