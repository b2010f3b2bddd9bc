"""Size limits in ingest, and a 10 MB single line through ingest, dates, segmentation and recognition."""
from __future__ import annotations

import gzip
import io
import json
import tracemalloc
from pathlib import Path

import pytest

from mapper import ingest
from mapper.errors import InputError
from mapper.extract.dates import find_dates
from mapper.extract.segment import segment
from mapper.extract.toponyms import find_spans
from mapper.model import Article
from mapper.pipeline import Services, extract_article


def _read(path: Path, **kwargs: object) -> tuple[list[Article], list[str], list[str]]:
    skipped: list[str] = []
    warned: list[str] = []
    articles = list(ingest.read_articles([str(path)], on_skip=skipped.append, on_warning=warned.append,
                                         **kwargs))  # type: ignore[arg-type]
    return articles, skipped, warned


def test_long_jsonl_article_is_truncated_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_ARTICLE_CHARS", 10)
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "x", "text": "Kyiv was hit by drones."}\n{"id": "y", "text": "Short one"}\n')
    articles, skipped, warned = _read(path)
    assert [(a.id, a.text) for a in articles] == [("x", "Kyiv was h"), ("y", "Short one")]
    assert warned == [f"{path}:1: article text has 23 characters; truncated to the first 10"]
    assert skipped == []


def test_long_txt_article_warns_through_warnings_without_a_callback(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_ARTICLE_CHARS", 4)
    path = tmp_path / "b.txt"
    path.write_text("Title\nOdesa harbour\n")
    with pytest.warns(UserWarning) as record:
        [article] = ingest.read_articles([str(path)])
    assert article.text == "Odes"
    assert [str(w.message) for w in record] == [f"{path}: article text has 13 characters; truncated to the first 4"]


def test_big_txt_file_is_read_only_up_to_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 9)
    path = tmp_path / "c.txt"
    path.write_text("T\n" + "ї" * 20, encoding="utf-8")  # 2 bytes per "ї": byte 9 splits one
    [article], _, warned = _read(path)
    assert (article.title, article.text) == ("T", "їїї")
    assert warned == [f"{path}: file is over 9 bytes; only the first 9 are read"]


@pytest.mark.reliability("a gzip bomb (30 KB that inflates to 30 MB)")
def test_gzip_bomb_html_is_read_only_up_to_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 1000)
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>Kyiv " + b"a" * 30_000_000, mtime=0))  # 30 KB -> 30 MB
    warm = tmp_path / "warm.html"
    warm.write_text("<p>Kyiv</p>", encoding="utf-8")
    _read(warm)  # the HTML extractor's modules load on first use: measure the bomb, not the imports
    tracemalloc.start()
    try:
        [article], _, warned = _read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert article.text == "Kyiv " + "a" * (1000 - 8)
    assert warned == [f"{path}: file is over 1000 bytes; only the first 1000 are read"]
    assert peak < 2_000_000


def _long_line_file(path: Path) -> Path:
    path.write_text('{"id": "a", "text": "Kyiv"}\n{"id": "b", "text": "' + "x" * 100 + '"}\n'
                    '{"id": "c", "text": "Odesa"}\n{"id": "d", "text": "' + "y" * 80 + '"}')
    return path


def test_jsonl_line_over_the_limit_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 40)
    path = _long_line_file(tmp_path / "d.jsonl")
    with pytest.raises(InputError) as info:
        _read(path)
    assert str(info.value) == f"{path}:2: line longer than 40 bytes"


def test_jsonl_line_over_the_limit_is_skipped_with_skip_bad(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 40)
    monkeypatch.setattr(ingest, "_SKIP_CHUNK", 7)  # the rest of a long line is read in several chunks
    path = _long_line_file(tmp_path / "e.jsonl.gz")
    path.write_bytes(gzip.compress(path.read_bytes(), mtime=0))
    articles, skipped, _ = _read(path, skip_bad=True)
    assert [(a.id, a.text, a.source) for a in articles] == [("a", "Kyiv", f"{path}:1"), ("c", "Odesa", f"{path}:3")]
    assert skipped == [f"{path}:2: line longer than 40 bytes", f"{path}:4: line longer than 40 bytes"]


def test_stdin_line_over_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 40)
    stream = io.BytesIO(b'{"text": "' + b"z" * 60 + b'"}\n{"text": "Kyiv"}\n')
    skipped: list[str] = []
    articles = list(ingest.read_articles(["-"], stdin=stream, skip_bad=True, on_skip=skipped.append))
    assert [a.text for a in articles] == ["Kyiv"]
    assert skipped == ["<stdin>:1: line longer than 40 bytes"]


def test_csv_line_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 40)
    path = tmp_path / "f.csv"
    path.write_text("id,text\na,Kyiv\nb," + "x" * 50 + "\nc,Odesa\n")
    articles, skipped, _ = _read(path, skip_bad=True)
    assert [(a.id, a.text) for a in articles] == [("a", "Kyiv"), ("c", "Odesa")]
    assert skipped == [f"{path}:3: line longer than 40 bytes"]
    with pytest.raises(InputError) as info:
        _read(path)
    assert str(info.value) == f"{path}:3: line longer than 40 bytes"


def test_csv_quoted_field_over_many_lines_hits_the_field_limit(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 40)
    path = tmp_path / "g.csv"
    path.write_text('id,text\na,"Kyiv\n' + "x\n" * 30 + '"\n')  # every line is short, the field is not
    with pytest.raises(InputError) as info:
        _read(path)
    assert str(info.value) == f"{path}:2: field larger than field limit (40)"


@pytest.mark.reliability("an 8 MB JSON line over the record limit")
def test_long_line_is_never_held_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest, "MAX_RECORD_BYTES", 1000)
    path = tmp_path / "h.jsonl"
    path.write_bytes(b'{"text": "' + b"q" * 8_000_000 + b'"}\n{"text": "Kyiv"}\n')
    tracemalloc.start()
    try:
        articles, skipped, _ = _read(path, skip_bad=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [a.text for a in articles] == ["Kyiv"] and skipped == [f"{path}:1: line longer than 1000 bytes"]
    assert peak < 4_000_000  # a skip chunk (1 MiB) or two, not the 8 MB line


# ---------------------------------------------------------------- a 10 MB single line, real limits

_UNIT = "on 12 November 2025 russian drones struck Kyiv and the outskirts of odesa, officials said; "
_TEN_MB = 10_000_000


@pytest.mark.reliability("a 10 MB one-line article")
def test_ten_megabyte_single_line(tmp_path: Path, services: Services) -> None:
    """Every stage copes with a 10 MB line: one clause with a place in every unit (20,000 of
    them after ingest's truncation) goes through extraction whole.  How long each stage
    takes is printed by ``bench/long_article.py``, not asserted here."""
    line = (_UNIT * (_TEN_MB // len(_UNIT))).ljust(_TEN_MB)
    path = tmp_path / "huge.jsonl"
    path.write_text(json.dumps({"id": "huge", "text": line, "published": "2025-11-20"}) + "\n")
    articles, _, warned = _read(path)
    assert [len(a.text) for a in articles] == [ingest.MAX_ARTICLE_CHARS]
    assert warned == [f"{path}:1: article text has {_TEN_MB} characters; truncated to the first 2000000"]

    article = Article("huge", line)
    assert [(c.start, c.end) for c in segment(article)] == [(0, len(line.rstrip()))]
    assert [s.name for s in find_spans(line, services.gazetteer)] == ["Kyiv"] * line.count("Kyiv")
    assert len(find_dates(line, None)) == line.count("12 November 2025")

    [truncated] = articles
    assert [(c.start, c.end) for c in segment(truncated)] == [(0, len(truncated.text.rstrip()))]
    assert truncated.text.count("Kyiv") > 20_000
    found, unplaced = extract_article(truncated, services.gazetteer)
    assert unplaced == []
    assert [(i.place.name, i.type, str(i.date_start)) for i in found] == [("Kyiv", "drone_strike", "2025-11-12")]
