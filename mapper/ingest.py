"""Read news articles from files, folders and stdin into :class:`~mapper.model.Article`.

Supported inputs (each may also be gzip-compressed, ``name.ext.gz``):

``.txt``
    Optional header lines ``Published: YYYY-MM-DD`` and ``URL: ...`` (any order, key
    case-insensitive), then the title (first non-empty line), then the body.
``.html`` / ``.htm``
    The article's main text (:func:`mapper.htmltext.main_text`: navigation, related
    links and comments left out), the title, date and URL from the page's metadata.
``.jsonl`` / ``.ndjson``
    One JSON object per line with ``id, title, text, published, url``; only ``text`` is
    required.
``.csv``
    A header row naming the same columns; only ``text`` is required.

All files must be UTF-8 (a BOM is stripped, ``\\r\\n`` becomes ``\\n``).  Errors are
:class:`~mapper.errors.InputError` with a one-line ``<path>:<line>: <what>`` message.

Limits, so hostile input cannot exhaust memory: a JSONL/CSV line longer than
:data:`MAX_RECORD_BYTES` is a bad record (never read whole); only the first
:data:`MAX_RECORD_BYTES` of a ``.txt``/``.html`` file are read; an article longer than
:data:`MAX_ARTICLE_CHARS` is truncated.  The last two come with a warning.
"""
from __future__ import annotations

import codecs
import contextlib
import csv
import dataclasses
import datetime as dt
import glob
import gzip
import json
import os
import re
import sys
import warnings
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import BinaryIO, TextIO

from mapper.errors import InputError
from mapper.extract.dateline import needs_publication, stated_publication
from mapper.htmltext import clean as _clean
from mapper.htmltext import main_text, parse_html
from mapper.model import Article

__all__ = ["MAX_ARTICLE_CHARS", "MAX_RECORD_BYTES", "SUPPORTED_SUFFIXES", "article_from_record", "read_articles"]

#: Longest article text kept; the rest is cut off with a warning.
MAX_ARTICLE_CHARS = 2_000_000
#: Longest JSONL/CSV line (a longer one is a bad record) and most bytes read of a txt/html file.
MAX_RECORD_BYTES = 50 * 1024 * 1024

_FORMATS = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
            ".ndjson": "jsonl", ".csv": "csv"}
#: File name endings read_articles accepts (each also with ``.gz`` appended).
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_FORMATS)
_SUPPORTED_TEXT = ".txt, .html, .htm, .jsonl, .ndjson or .csv, optionally .gz"

_HEAD = 8192  # bytes sniffed for emptiness / binary content
_CONTROL = bytes(sorted(set(range(32)) - {9, 10, 12, 13})) + b"\x7f"
_CONTROL_SHARE = 0.10  # more control bytes than this in the head means "binary"
_CSV_FIELD_LIMIT = 2**31 - 1  # fits a C long everywhere, unlike sys.maxsize on Windows
_TXT_HEADER = re.compile(r"(published|url)\s*:\s*(.*)", re.IGNORECASE)
_STDIN = "<stdin>"
_SURROGATE = re.compile("[\ud800-\udfff]")

_Reject = Callable[[str], None]
_Warn = Callable[[str], None]
_SKIP_CHUNK = 1 << 20  # bytes read at a time while skipping the rest of an over-long line
#: Numbered lines; a line that is not valid UTF-8 comes as an unraised InputError.
_Lines = Iterable[tuple[int, str | InputError]]


def read_articles(
    inputs: Sequence[str],
    *,
    skip_bad: bool = False,
    on_skip: Callable[[str], None] | None = None,
    stdin: TextIO | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Iterator[Article]:
    """Stream the articles in files, folders and stdin.

    Parameters
    ----------
    inputs : sequence of str
        File paths, folder paths (every supported, non-hidden file inside, recursively,
        in sorted path order), globs that match no file by name (``"news/*.jsonl"``,
        expanded in sorted order, ``**`` recursive) or ``"-"`` for JSON lines on stdin.
    skip_bad : bool
        Skip a bad record (one JSON line or CSV row) instead of raising.  Whole-file
        problems (missing, unreadable, empty, binary, bad CSV header) still raise.
    on_skip : callable, optional
        Called with the one-line message of every skipped record (only if `skip_bad`).
    stdin : text stream, optional
        Stream read for ``"-"``; defaults to the process's standard input.
    on_warning : callable, optional
        Called with the one-line ``<path>[:<line>]: <what>`` message when input is
        truncated (an article over :data:`MAX_ARTICLE_CHARS`, a txt/html file over
        :data:`MAX_RECORD_BYTES`), and once per file whose articles tell events but have no
        publication date; without it the message goes to :func:`warnings.warn`.

    Returns
    -------
    Iterator[Article]
        A lazy iterator: JSONL and CSV files are read line by line, never whole.  An article
        given no publication date takes the one its text states at its head, if any (a date
        line under the headline, a wire dateline: :mod:`mapper.extract.dateline`).
        Article ids are *not* deduplicated across inputs; that is up to the caller.

    Raises
    ------
    InputError
        Missing paths and folders without supported files raise at call time; problems
        inside files raise while iterating.  The message is ``<path>[:<line>]: <what>``.
    TypeError
        If `inputs` is a single string rather than a sequence of them.
    """
    if isinstance(inputs, (str, bytes)):
        raise TypeError(f"inputs must be a sequence of paths, not the single string {inputs!r}")
    sources = [src for item in inputs for src in _expand(os.fspath(item))]

    def reject(message: str) -> None:
        if not skip_bad:
            raise InputError(message)
        if on_skip is not None:
            on_skip(message)

    def warn(message: str) -> None:
        if on_warning is None:
            warnings.warn(message, stacklevel=2)
        else:
            on_warning(message)

    return _iterate(sources, reject, warn, stdin)


def _iterate(sources: list[str], reject: _Reject, warn: _Warn, stdin: TextIO | None) -> Iterator[Article]:
    for path in sources:
        found = _read_stdin(stdin, reject) if path == "-" else _read_file(path, reject, warn)
        undated = 0
        for article in found:
            article = _dated(_truncated(article, warn))
            undated += article.published is None and needs_publication(article.text)
            yield article
        if undated:
            which = "the article has" if undated == 1 else f"{undated} articles have"
            warn(f"{_STDIN if path == '-' else path}: {which} no publication date (give a 'Published: YYYY-MM-DD' line or a "
                 f"published field); events dated only relative to it ('on Friday', 'overnight') or "
                 f"not at all are left out")


def _dated(article: Article) -> Article:
    """The article with the publication date its text states, when the input gave none."""
    if article.published is not None:
        return article
    stated = stated_publication(article.text)
    return article if stated is None else dataclasses.replace(article, published=stated)


def _truncated(article: Article, warn: _Warn) -> Article:
    """The article cut to MAX_ARTICLE_CHARS (with a warning naming its source)."""
    limit = MAX_ARTICLE_CHARS
    if len(article.text) <= limit:
        return article
    warn(f"{article.source}: article text has {len(article.text)} characters; "
         f"truncated to the first {limit}")
    return dataclasses.replace(article, text=article.text[:limit])


def _split_name(path: str) -> tuple[str, bool, str] | None:
    """(format, gzipped, stem) of a file name, or None if the format is unsupported."""
    name = os.path.basename(path)
    gz = name.lower().endswith(".gz")
    stem, ext = os.path.splitext(name[:-3] if gz else name)
    fmt = _FORMATS.get(ext.lower())
    return None if fmt is None else (fmt, gz, stem)


def _expand(item: str) -> list[str]:
    if item == "-":
        return [item]
    if os.path.isdir(item):
        return _folder_files(item)
    if not os.path.exists(item):
        if glob.has_magic(item):  # a quoted glob ('news/*.jsonl'), as the dask engine takes
            return _glob_files(item)
        raise InputError(f"{item}: no such file or directory")
    if _split_name(item) is None:
        raise InputError(f"{item}: unsupported file type (expected {_SUPPORTED_TEXT})")
    return [item]


def _glob_files(pattern: str) -> list[str]:
    """The files a glob matches, sorted; folders among them are searched as folders."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        raise InputError(f"{pattern}: no files match")
    found = []
    for path in matches:
        if os.path.isdir(path):
            found.extend(_folder_files(path))
        elif _split_name(path) is not None:
            found.append(path)
    if not found:
        raise InputError(f"{pattern}: no supported files match (expected {_SUPPORTED_TEXT})")
    return found


def _folder_files(folder: str) -> list[str]:
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]  # also skips .git and friends
        for name in files:
            if name.startswith(".") or _split_name(name) is None:
                continue
            path = os.path.join(root, name)
            # Sort on path components so the order is the same on every OS.
            found.append((tuple(os.path.relpath(path, folder).split(os.sep)), path))
    if not found:
        raise InputError(f"{folder}: folder has no supported files ({_SUPPORTED_TEXT})")
    return [path for _, path in sorted(found)]


# ---------------------------------------------------------------- opening and decoding


@contextlib.contextmanager
def _open_checked(path: str, gz: bool) -> Iterator[BinaryIO | gzip.GzipFile]:
    """Open `path` (decompressing if `gz`) after checking it is non-empty text."""
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with raw:
        stream = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw
        try:
            head = stream.read(_HEAD)
            stream.seek(0)
        except (OSError, EOFError, zlib.error) as exc:
            what = "not a valid gzip file" if gz else f"cannot read ({exc})"
            raise InputError(f"{path}: {what}") from None
        _check_head(path, head)
        yield stream


def _check_head(path: str, head: bytes) -> None:
    if not head:
        raise InputError(f"{path}: file is empty")
    if len(head) < _HEAD and not head.replace(codecs.BOM_UTF8, b"").strip():
        raise InputError(f"{path}: file contains only whitespace")
    if b"\0" in head:
        raise InputError(f"{path}: binary file (NUL bytes in the first 8 KB)")
    control = len(head) - len(head.translate(None, _CONTROL))
    if control > _CONTROL_SHARE * len(head):
        raise InputError(f"{path}: binary file ({control} control bytes in the first 8 KB)")


def _utf8_error(path: str, line: int, data: bytes, exc: UnicodeDecodeError) -> str:
    column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
    return f"{path}:{line}: invalid UTF-8 (byte 0x{data[exc.start]:02x} at column {column})"


def _decode_all(data: bytes, path: str) -> str:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(_utf8_error(path, line, data, exc)) from None
    return _newlines(text)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _text_lines(raw_lines: Iterable[bytes | str | None], path: str) -> _Lines:
    """Number and decode lines, stripping a BOM from the first (None: an over-long line)."""
    for number, raw in enumerate(raw_lines, 1):
        if raw is None:
            yield number, _LongLine(f"{path}:{number}: line longer than {MAX_RECORD_BYTES} bytes")
            continue
        if isinstance(raw, bytes):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, InputError(_utf8_error(path, number, raw, exc))
                continue
        else:
            line = raw.removeprefix("\ufeff") if number == 1 else raw
        yield number, line


class _LongLine(InputError):
    """A line over MAX_RECORD_BYTES: a bad record that does not spoil the rest of a file."""


def _bounded_lines(stream: BinaryIO | gzip.GzipFile | TextIO) -> Iterator[bytes | str | None]:
    """The lines of a stream, each read with a size cap; None for a line over the cap.

    The rest of an over-long line is read in chunks and dropped, so memory stays
    bounded by MAX_RECORD_BYTES whatever the input.
    """
    limit = MAX_RECORD_BYTES
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line[-1:] in (b"\n", "\n"):
            yield line
            continue
        while (rest := stream.readline(_SKIP_CHUNK)) and rest[-1:] not in (b"\n", "\n"):
            pass
        yield None


def _read_capped(stream: BinaryIO | gzip.GzipFile, path: str, warn: _Warn) -> bytes:
    """At most MAX_RECORD_BYTES of a whole-file format, cut at a UTF-8 character boundary."""
    limit = MAX_RECORD_BYTES
    data = stream.read(limit + 1)
    if len(data) <= limit:
        return data
    warn(f"{path}: file is over {limit} bytes; only the first {limit} are read")
    data = data[:limit]
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            break
        if byte >= 0xC0:  # the lead byte of the last character: drop it if incomplete
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            if need > back:
                data = data[:-back]
            break
    return data


def _read_file(path: str, reject: _Reject, warn: _Warn) -> Iterator[Article]:
    fmt, gz, stem = _split_name(path)  # type: ignore[misc]  # checked by _expand
    with _open_checked(path, gz) as stream:
        try:
            if fmt == "txt":
                yield _txt_article(_decode_all(_read_capped(stream, path, warn), path), path, stem)
            elif fmt == "html":
                yield _html_article(_decode_all(_read_capped(stream, path, warn), path), path, stem)
            elif fmt == "jsonl":
                yield from _jsonl_articles(_text_lines(_bounded_lines(stream), path), path, stem, reject)
            else:
                yield from _csv_articles(_text_lines(_bounded_lines(stream), path), path, stem, reject)
        except (OSError, EOFError, zlib.error) as exc:
            what = "corrupt or truncated gzip data" if gz else f"cannot read ({exc})"
            raise InputError(f"{path}: {what}") from None


def _read_stdin(stdin: TextIO | None, reject: _Reject) -> Iterator[Article]:
    # Prefer the byte stream so invalid UTF-8 is reported like it is for files.
    stream = stdin if stdin is not None else sys.stdin
    stream = getattr(stream, "buffer", stream)
    seen = False

    def lines() -> _Lines:
        nonlocal seen
        for number, line in _text_lines(_bounded_lines(stream), _STDIN):
            seen = seen or isinstance(line, InputError) or bool(line.strip())
            yield number, line

    yield from _jsonl_articles(lines(), _STDIN, "stdin", reject)
    if not seen:
        raise InputError(f"{_STDIN}: input is empty")


# ---------------------------------------------------------------- field values


def _kind(value: object) -> str:
    """The JSON name of a value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    names = {dict: "object", list: "array", str: "string", int: "number", float: "number"}
    return names.get(type(value), type(value).__name__)


def _parse_date(value: object, where: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` or ISO datetime string as a date (the date as written, no tz shift)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f'{where}: "published" must be a string, got {_kind(value)}')
    if not value.strip():
        return None
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        raise InputError(f"{where}: bad published date {value!r} "
                         "(expected YYYY-MM-DD or an ISO datetime)") from None


def _optional_str(record: dict[str, object], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f'{where}: "{key}" must be a string, got {_kind(value)}')
    return value


def article_from_record(record: Mapping[str, object], *, where: str, default_id: str) -> Article:
    """An Article from a mapping with the JSONL fields ``id, title, text, published, url``.

    Checked as a JSON line is: ``text`` must be a non-empty string, ``published`` an
    ISO date; the article is cut to :data:`MAX_ARTICLE_CHARS` (with a warning).

    Parameters
    ----------
    record : mapping
        The fields; only ``text`` is required.
    where : str
        Names the record in error messages (``"articles[3]"``).
    default_id : str
        The id when the record has none.

    Raises
    ------
    InputError
        ``<where>: <what is wrong>``.
    """
    if not isinstance(record, Mapping):
        raise InputError(f"{where}: expected a mapping with a \"text\" field, got {type(record).__name__}")
    return _truncated(_build(dict(record), where, default_id), lambda m: warnings.warn(m, stacklevel=3))


def _build(record: dict[str, object], where: str, default_id: str) -> Article:
    """An Article from a JSON object or CSV row (all values checked)."""
    # JSON "\ud800" escapes decode to lone surrogates, which no output file can encode:
    # make each one U+FFFD (one code point for one, so offsets are unchanged).
    record = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in record.items()}
    if "text" not in record:
        raise InputError(f'{where}: missing "text" field')
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f'{where}: "text" must be a string, got {_kind(text)}')
    if not text.strip():
        raise InputError(f'{where}: "text" is empty')
    raw_id = record.get("id")
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        record = {**record, "id": str(raw_id)}  # numeric ids are common in exports
    art_id = _optional_str(record, "id", where) or default_id
    title = _optional_str(record, "title", where) or ""
    return Article(
        id=art_id,
        text=_newlines(text),
        title=" ".join(title.split()),
        published=_parse_date(record.get("published"), where),
        url=(_optional_str(record, "url", where) or "").strip() or None,
        source=where,
    )


# ---------------------------------------------------------------- formats


def _txt_article(text: str, path: str, stem: str) -> Article:
    lines = text.split("\n")
    published: dt.date | None = None
    url: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        match = _TXT_HEADER.fullmatch(line)
        if line and match is None:
            break
        if match is not None and match[1].lower() == "published":
            published = _parse_date(match[2], f"{path}:{index + 1}")
        elif match is not None:
            url = match[2].strip() or None
        index += 1
    if index == len(lines):
        raise InputError(f"{path}: no title line (only blank or header lines)")
    body = "\n".join(lines[index + 1:]).strip()
    return Article(id=stem, text=body, title=lines[index].strip(), published=published,
                   url=url, source=path)


def _jsonl_articles(lines: _Lines, path: str, stem: str, reject: _Reject) -> Iterator[Article]:
    for number, line in lines:
        if isinstance(line, InputError):
            reject(str(line))
            continue
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            article = _json_record(line, where, f"{stem}:{number}")
        except InputError as exc:
            reject(str(exc))
            continue
        yield article


def _json_record(line: str, where: str, default_id: str) -> Article:
    try:
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: malformed JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:  # "[[[[..." a few thousand deep
        raise InputError(f"{where}: malformed JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {_kind(record)}")
    return _build(record, where, default_id)


def _csv_articles(lines: _Lines, path: str, stem: str, reject: _Reject) -> Iterator[Article]:
    # A quoted field may run over many lines, each under the line cap: cap fields too.
    # The limit is process-wide in the csv module: restore the caller's when done.
    previous = csv.field_size_limit(min(MAX_RECORD_BYTES, _CSV_FIELD_LIMIT))
    try:
        yield from _csv_rows(lines, path, stem, reject)
    finally:
        csv.field_size_limit(previous)


def _csv_rows(lines: _Lines, path: str, stem: str, reject: _Reject) -> Iterator[Article]:

    def feed() -> Iterator[str]:
        for _, line in lines:
            if isinstance(line, _LongLine):
                reject(str(line))
                continue
            if isinstance(line, InputError):
                raise line  # a row may span lines, so one bad line spoils the file
            yield line

    reader = csv.reader(feed())
    header: list[str] | None = None
    while True:
        start = reader.line_num + 1  # rows may span lines; report where they begin
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reject(f"{path}:{start}: {exc}")
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if header is None:
            header = [name.strip().lower() for name in row]
            if "text" not in header:
                raise InputError(f'{path}:{start}: no "text" column in the header '
                                 f"(columns: {', '.join(row)})")
            continue
        if len(row) != len(header):
            reject(f"{path}:{start}: expected {len(header)} fields, found {len(row)}")
            continue
        record: dict[str, object] = {}
        for name, value in zip(header, row):
            record.setdefault(name, value)  # first of duplicate columns wins
        try:
            article = _build(record, f"{path}:{start}", f"{stem}:{start}")
        except InputError as exc:
            reject(str(exc))
            continue
        yield article


# ---------------------------------------------------------------- HTML


def _html_article(html: str, path: str, stem: str) -> Article:
    parser = parse_html(html)
    title = _clean("".join(parser.title or [])) or _clean("".join(parser.h1 or []))
    published = _parse_date(parser.meta.get("article:published_time"), path)
    if published is None and parser.time is not None:
        # <time> marks any date (comments, events), so a value we cannot read is ignored.
        with contextlib.suppress(InputError):
            published = _parse_date(parser.time, path)
    url = (parser.canonical or parser.meta.get("og:url") or "").strip() or None
    text = main_text(html) or _clean("".join(parser.parts))
    headline = _clean("".join(parser.h1 or []))
    first, _, rest = text.partition("\n")
    if headline and first == headline and rest:
        # the headline is the article's title: as a body line it would be read again as
        # a report of its own, dated by the publication day
        text = rest
    return Article(id=stem, text=text, title=" ".join(title.split()),
                   published=published, url=url, source=path)
