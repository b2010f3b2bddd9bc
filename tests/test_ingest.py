"""Tests for mapper.ingest: every input format, the error messages and skip_bad."""
from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest

from mapper import ingest
from mapper.errors import InputError
from mapper.ingest import read_articles
from mapper.model import Article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b9adb4e5be20f009.txt"


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def _read(*paths: Path | str, **kwargs: object) -> list[Article]:
    return list(read_articles([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def _error(*paths: Path | str, **kwargs: object) -> str:
    with pytest.raises(InputError) as info:
        _read(*paths, **kwargs)
    return str(info.value)


# ---------------------------------------------------------------- .txt


def test_seed_file() -> None:
    [article] = _read(SEED)
    assert article.id == "000_b9adb4e5be20f009"
    assert article.title == ("Geneva Talks Advance US-Backed Peace Plan Amid "
                             "Russia-Ukraine Conflict")
    assert article.text.startswith("In late November 2025, senior officials from the US")
    assert article.published is None and article.url is None
    assert article.source == str(SEED)


def test_txt_title_and_body(tmp_path: Path) -> None:
    path = _write(tmp_path / "a1.txt", "\n  Strike on Kyiv  \nFirst line.\n\nSecond line.\n\n")
    assert _read(path) == [Article(id="a1", title="Strike on Kyiv",
                                   text="First line.\n\nSecond line.", source=str(path))]


def test_txt_header_lines_any_order_and_case(tmp_path: Path) -> None:
    path = _write(tmp_path / "b.txt", "url: https://example.org/x\n\nPUBLISHED: 2025-11-20\n"
                                      "Title here\nBody.\n")
    [article] = _read(path)
    assert (article.title, article.text) == ("Title here", "Body.")
    assert article.published == dt.date(2025, 11, 20)
    assert article.url == "https://example.org/x"


def test_txt_published_iso_datetime(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.txt", "Published: 2025-11-20T08:00:00Z\nT\nB")
    assert _read(path)[0].published == dt.date(2025, 11, 20)


def test_txt_bad_published(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.txt", "URL: u\nPublished: 20 Nov\nT\nB")
    assert _error(path) == (f"{path}:2: bad published date '20 Nov' "
                            "(expected YYYY-MM-DD or an ISO datetime)")


def test_txt_only_headers(tmp_path: Path) -> None:
    path = _write(tmp_path / "e.txt", "Published: 2025-11-20\nURL: x\n")
    assert _error(path) == f"{path}: no title line (only blank or header lines)"


def test_txt_bom_and_crlf(tmp_path: Path) -> None:
    path = _write(tmp_path / "w.txt",
                  b"\xef\xbb\xbfPublished: 2025-01-02\r\nTitle\r\nOne.\r\nTwo.\r\n")
    [article] = _read(path)
    assert (article.title, article.text, article.published) == ("Title", "One.\nTwo.",
                                                                dt.date(2025, 1, 2))


def test_txt_gz(tmp_path: Path) -> None:
    path = _write(tmp_path / "z.txt.gz", gzip.compress("Título\nCuerpo ünïcode.".encode()))
    [article] = _read(path)
    assert (article.id, article.title, article.text) == ("z", "Título", "Cuerpo ünïcode.")


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html><head><title> Drones hit  Odesa &amp; Izmail </title>
<meta property="article:published_time" content="2025-11-20T08:00:00Z">
<meta property="og:url" content="https://og.example/a">
<link rel="canonical" href="https://example.org/a">
<style>p { color: red }</style><script>var hidden = "SCRIPT TEXT";</script></head>
<body><header>Site header</header><nav><ul><li>Home</li><li>World</li></ul></nav>
<article><h1>Drones hit Odesa</h1><p>Russian drones struck   Odesa&nbsp;overnight,
officials said.</p><p>Ports in Izmail were &lsquo;damaged&rsquo; &#8211; again.<br>New line</p>
<aside>Related: other story</aside><form>Subscribe</form><svg><title>icon</title></svg>
<noscript>Enable JS</noscript><template>tmpl</template><iframe>frame</iframe></article>
<footer>Footer text</footer></body></html>"""


def test_html_text_and_metadata(tmp_path: Path) -> None:
    path = _write(tmp_path / "page.html", PAGE)
    [article] = _read(path)
    assert article.id == "page"
    assert article.title == "Drones hit Odesa & Izmail"
    # the <h1> is the headline, not a body line; a line break inside a paragraph is a space
    assert article.text == ("Russian drones struck Odesa overnight, officials said.\n"
                            "Ports in Izmail were \u2018damaged\u2019 \u2013 again.\nNew line")
    assert article.published == dt.date(2025, 11, 20)
    assert article.url == "https://example.org/a"


def test_html_fallbacks_h1_time_og_url(tmp_path: Path) -> None:
    html = ('<meta property="og:url" content="https://og.example/b"><body><h1>The <b>Head</b>'
            '</h1><time datetime="not a date">x</time><p>Body <i>text</i></p></body>')
    path = _write(tmp_path / "b.htm", html)
    [article] = _read(path)
    assert (article.title, article.text) == ("The Head", "Body text")
    assert article.published is None  # an unreadable <time> is ignored
    assert article.url == "https://og.example/b"
    _write(path, '<time datetime="2024-02-29">Feb 29</time><p>b</p>')
    assert _read(path)[0].published == dt.date(2024, 2, 29)


def test_html_bad_meta_published(tmp_path: Path) -> None:
    path = _write(tmp_path / "m.html",
                  '<meta property="article:published_time" content="soon"><p>x')
    assert _error(path) == (f"{path}: bad published date 'soon' "
                            "(expected YYYY-MM-DD or an ISO datetime)")


def test_html_deeply_nested_and_odd_markup(tmp_path: Path) -> None:
    depth = 50_000
    html = "<div>" * depth + "deep" + "</div>" * depth + "<nav>" * depth + "gone"
    path = _write(tmp_path / "deep.html", html + "<![weird[ x ]]><p>after")
    [article] = _read(path)
    assert article.text == "deep"  # the unclosed <nav>s hide everything after them
    _write(path, "<![weird[ x ]]><p>after</p><svg/><title/><p>still shown</p>")
    assert _read(path)[0].text == "after\nstill shown"
    _write(path, "<title>Unclosed<p>body text</p>" + "<aside>" * depth + "</nav>" * depth)
    assert (_read(path)[0].title, _read(path)[0].text) == ("Unclosed", "body text")


def test_html_gz(tmp_path: Path) -> None:
    path = _write(tmp_path / "p.html.gz", gzip.compress(b"<title>T</title><p>a &gt; b</p>"))
    [article] = _read(path)
    assert (article.id, article.title, article.text) == ("p", "T", "a > b")


# ---------------------------------------------------------------- JSON lines

RECORD = {"id": "r1", "title": "Title", "text": "Body\r\ntext", "published": "2025-11-20",
          "url": "https://example.org/r1"}


def test_jsonl_fields_and_defaults(tmp_path: Path) -> None:
    lines = [json.dumps(RECORD), "", "   ", json.dumps({"text": "only text", "id": 7}),
             json.dumps({"text": "x", "title": None, "published": "2025-11-21T23:30:00+03:00"})]
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    first, second, third = _read(path)
    assert first == Article(id="r1", title="Title", text="Body\ntext",
                            published=dt.date(2025, 11, 20), url="https://example.org/r1",
                            source=f"{path}:1")
    assert (second.id, second.title, second.text, second.published) == ("7", "", "only text", None)
    assert (third.id, third.published, third.source) == ("feed:5", dt.date(2025, 11, 21),
                                                         f"{path}:5")


def test_ndjson_and_gz_bom_crlf(tmp_path: Path) -> None:
    body = b"\xef\xbb\xbf" + json.dumps({"text": "a"}).encode() + b"\r\n" + \
        json.dumps({"text": "b"}).encode() + b"\r\n"
    plain = _write(tmp_path / "n.ndjson", body)
    packed = _write(tmp_path / "g.jsonl.gz", gzip.compress(body))
    assert [(a.id, a.text) for a in _read(plain, packed)] == [
        ("n:1", "a"), ("n:2", "b"), ("g:1", "a"), ("g:2", "b")]


@pytest.mark.parametrize(("line", "message"), [
    ('{"text": "a",}', "malformed JSON (Expecting property name enclosed in double quotes "
                       "at column 14)"),
    ("[1, 2]", "expected a JSON object, got array"),
    ('"text"', "expected a JSON object, got string"),
    ('{"title": "t"}', 'missing "text" field'),
    ('{"text": "  "}', '"text" is empty'),
    ('{"text": 5}', '"text" must be a string, got number'),
    ('{"text": "a", "title": ["x"]}', '"title" must be a string, got array'),
    ('{"text": "a", "id": {}}', '"id" must be a string, got object'),
    ('{"text": "a", "published": "2025-13-01"}',
     "bad published date '2025-13-01' (expected YYYY-MM-DD or an ISO datetime)"),
    ('{"text": "a", "published": 2025}', '"published" must be a string, got number'),
    ("[" * 100_000, "malformed JSON (nested too deeply)"),
])
def test_jsonl_bad_record(tmp_path: Path, line: str, message: str) -> None:
    path = _write(tmp_path / "bad.jsonl", '{"text": "fine"}\n' + line + "\n")
    assert _error(path) == f"{path}:2: {message}"


def test_jsonl_invalid_utf8(tmp_path: Path) -> None:
    path = _write(tmp_path / "u.jsonl", b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    assert _error(path) == f"{path}:2: invalid UTF-8 (byte 0xe9 at column 14)"


def test_jsonl_streams_lazily(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.jsonl", '{"text": "first"}\nnot json\n')
    articles = read_articles([str(path)])
    assert next(articles).text == "first"  # yielded before the bad line is read
    with pytest.raises(InputError, match=r"s\.jsonl:2: malformed JSON"):
        next(articles)


def test_skip_bad_reports_and_continues(tmp_path: Path) -> None:
    path = _write(tmp_path / "mix.jsonl",
                  b'{"text": "a"}\n{oops\n{"text": "\xff"}\n[]\n{"text": "b"}\n')
    skipped: list[str] = []
    articles = _read(path, skip_bad=True, on_skip=skipped.append)
    assert [a.text for a in articles] == ["a", "b"]
    assert skipped == [
        f"{path}:2: malformed JSON (Expecting property name enclosed in double quotes "
        "at column 2)",
        f"{path}:3: invalid UTF-8 (byte 0xff at column 11)",
        f"{path}:4: expected a JSON object, got array",
    ]
    assert [a.text for a in _read(path, skip_bad=True)] == ["a", "b"]  # on_skip optional


def test_skip_bad_still_raises_file_errors(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.jsonl", b"")
    assert _error(empty, skip_bad=True) == f"{empty}: file is empty"
    gone = tmp_path / "gone.jsonl"
    assert _error(gone, skip_bad=True) == f"{gone}: no such file or directory"


# ---------------------------------------------------------------- stdin


def test_stdin_text_stream() -> None:
    stream = io.StringIO("\ufeff" + json.dumps(RECORD) + "\n\n" + json.dumps({"text": "t"}) + "\n")
    first, second = list(read_articles(["-"], stdin=stream))
    assert (first.id, first.text, first.source) == ("r1", "Body\ntext", "<stdin>:1")
    assert (second.id, second.source) == ("stdin:3", "<stdin>:3")


def test_stdin_errors() -> None:
    assert _error("-", stdin=io.StringIO("\n \n")) == "<stdin>: input is empty"
    assert (_error("-", stdin=io.StringIO('{"text": 1}'))
            == '<stdin>:1: "text" must be a string, got number')


def test_stdin_text_wrapper_reads_its_bytes() -> None:
    # A real stdin is a TextIOWrapper; its bytes are decoded per line to locate bad UTF-8.
    data = b'{"text": "ok"}\r\n{"text": "\xc3"}\n'
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    assert _error("-", stdin=stream) == "<stdin>:2: invalid UTF-8 (byte 0xc3 at column 11)"


# ---------------------------------------------------------------- CSV


def test_csv_fields_defaults_and_multiline(tmp_path: Path) -> None:
    text = ('\ufeffID,Title,text,published,url,extra\r\n'
            'c1,T1,"Line one\r\nline two",2025-11-20,https://e.org/1,x\r\n'
            '\r\n'
            ',,plain,,,\r\n')
    path = _write(tmp_path / "table.csv", text)
    first, second = _read(path)
    assert first == Article(id="c1", title="T1", text="Line one\nline two",
                            published=dt.date(2025, 11, 20), url="https://e.org/1",
                            source=f"{path}:2")
    assert second == Article(id="table:5", text="plain", source=f"{path}:5")


def test_csv_text_only_gz_and_big_field(tmp_path: Path) -> None:
    big = "word " * 60_000  # 300 KB, over the csv module's default 128 KB field limit
    path = _write(tmp_path / "t.csv.gz", gzip.compress(f"text\n{big}\nsmall\n".encode()))
    assert [(a.id, len(a.text)) for a in _read(path)] == [("t:2", 300_000), ("t:3", 5)]


def test_csv_errors(tmp_path: Path) -> None:
    no_text = _write(tmp_path / "h.csv", "id,body\n1,x\n")
    assert _error(no_text) == f'{no_text}:1: no "text" column in the header (columns: id, body)'
    rows = _write(tmp_path / "r.csv", 'id,text\n1,"multi\nline"\n2,a,b\n3,c\n')
    assert _error(rows) == f"{rows}:4: expected 2 fields, found 3"
    empty_text = _write(tmp_path / "e.csv", "id,text\n1,\n")
    assert _error(empty_text) == f'{empty_text}:2: "text" is empty'
    bad_bytes = _write(tmp_path / "b.csv", b"text\nok\n\xa0bad\n")
    # One bad line can break a multi-line row, so in a CSV it is a whole-file error.
    assert (_error(bad_bytes, skip_bad=True)
            == f"{bad_bytes}:3: invalid UTF-8 (byte 0xa0 at column 1)")


def test_csv_skip_bad(tmp_path: Path) -> None:
    path = _write(tmp_path / "s.csv", "id,text\n1,a\n2\n3,c\n4,\n")
    skipped: list[str] = []
    assert [a.id for a in _read(path, skip_bad=True, on_skip=skipped.append)] == ["1", "3"]
    assert skipped == [f"{path}:3: expected 2 fields, found 1", f'{path}:5: "text" is empty']


# ---------------------------------------------------------------- whole-file errors


def test_file_errors(tmp_path: Path) -> None:
    assert _error(tmp_path / "nope.txt") == f"{tmp_path}/nope.txt: no such file or directory"
    pdf = _write(tmp_path / "a.pdf", "x")
    assert _error(pdf) == (f"{pdf}: unsupported file type (expected .txt, .html, .htm, "
                           ".jsonl, .ndjson or .csv, optionally .gz)")
    empty = _write(tmp_path / "e.txt", b"")
    assert _error(empty) == f"{empty}: file is empty"
    blank = _write(tmp_path / "bl.csv", b"\xef\xbb\xbf \r\n\n")
    assert _error(blank) == f"{blank}: file contains only whitespace"
    nul = _write(tmp_path / "n.txt", b"Title\nbody\x00more")
    assert _error(nul) == f"{nul}: binary file (NUL bytes in the first 8 KB)"
    noisy = _write(tmp_path / "c.jsonl", b"\x01\x02\x03 text text " * 10)
    assert _error(noisy) == f"{noisy}: binary file (30 control bytes in the first 8 KB)"


def test_txt_invalid_utf8_names_line_and_column(tmp_path: Path) -> None:
    path = _write(tmp_path / "l1.txt", b"Title\nok\nab\xfe\n")
    assert _error(path) == f"{path}:3: invalid UTF-8 (byte 0xfe at column 3)"


def test_gzip_errors(tmp_path: Path) -> None:
    fake = _write(tmp_path / "f.txt.gz", b"plain text, not gzip")
    assert _error(fake) == f"{fake}: not a valid gzip file"
    data = gzip.compress(("\n".join(json.dumps({"text": str(i)}) for i in range(5000))).encode())
    cut = _write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2])
    assert _error(cut) == f"{cut}: corrupt or truncated gzip data"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "locked.txt", "T\nB")

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ingest, "open", refuse, raising=False)
    assert _error(path) == f"{path}: cannot read (Permission denied)"


# ---------------------------------------------------------------- folders and arguments


def test_folder_order_and_filtering(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", "B\nb")
    _write(tmp_path / "a" / "z.txt", "AZ\naz")
    _write(tmp_path / "a.txt", "A\na")
    _write(tmp_path / "c" / "d.jsonl", '{"text": "d"}')
    _write(tmp_path / "notes.md", "ignored")
    _write(tmp_path / ".hidden.txt", "ignored")
    _write(tmp_path / ".git" / "x.txt", "ignored")
    assert [a.source for a in _read(tmp_path)] == [
        f"{tmp_path}/a/z.txt", f"{tmp_path}/a.txt", f"{tmp_path}/b.txt", f"{tmp_path}/c/d.jsonl:1"]


def test_folder_without_supported_files(tmp_path: Path) -> None:
    _write(tmp_path / "x.md", "no")
    assert _error(tmp_path) == (f"{tmp_path}: folder has no supported files "
                                "(.txt, .html, .htm, .jsonl, .ndjson or .csv, optionally .gz)")


def test_missing_path_raises_at_call_time(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="missing.txt: no such file"):
        read_articles([str(SEED), str(tmp_path / "missing.txt")])


def test_single_string_is_rejected() -> None:
    with pytest.raises(TypeError, match="not the single string 'a.txt'"):
        read_articles("a.txt")  # a str is a Sequence[str], so only a runtime check helps


def test_ids_are_not_deduplicated(tmp_path: Path) -> None:
    _write(tmp_path / "one" / "same.txt", "T1\nx")
    _write(tmp_path / "two" / "same.txt", "T2\ny")
    assert [(a.id, a.title) for a in _read(tmp_path)] == [("same", "T1"), ("same", "T2")]
