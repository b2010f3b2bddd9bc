"""Input planning and reading for the Dask engine: files cut into parts, read on workers.

The plan is made on the client from file names and sizes only; the reading happens in
the worker tasks.  A part is one of:

``lines``
    A byte range of an uncompressed JSONL file, cut at line ends (the blocks of
    :func:`fsspec.utils.read_block`, the same cut dask's text readers make).
``parquet``
    Consecutive row groups of a Parquet file.
``files``
    Whole files read with :func:`mapper.ingest.read_articles`: a CSV (a quoted field may
    span lines, so a byte cut could split an article) or a gzip file (not splittable),
    or a run of consecutive .txt/.html files up to the partition size.

Records are parsed with mapper.ingest's own record functions, so ids, validation,
messages and truncation are those of the local engine; line (and row) numbers are
counted from the start of the file even when a file is cut into several parts.
"""
from __future__ import annotations

import codecs
import glob
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from mapper.errors import InputError
from mapper.ingest import (MAX_RECORD_BYTES, _build, _expand, _jsonl_articles, _LongLine, _open_checked,
                           _split_name, _truncated, _utf8_error, read_articles)
from mapper.model import Article

PARQUET_SUFFIXES = (".parquet", ".pq")
_COLUMNS = ("id", "title", "text", "published", "url")


@dataclass(frozen=True)
class Part:
    """One reading task: ``index`` orders parts as the local engine reads them."""

    index: int
    kind: str  # "lines", "parquet" or "files"
    paths: tuple[str, ...]
    offset: int = 0  # lines: first byte
    length: int = 0  # lines: bytes
    block: int = 0  # lines: block number within its file
    blocks: int = 1  # lines: blocks in the file
    row_groups: tuple[int, ...] = ()  # parquet
    first_row: int = 1  # parquet: number of the part's first row in its file


@dataclass
class PartInput:
    """The articles of a part, with what reading it reported (in input order)."""

    articles: list[Article] = field(default_factory=list)
    rejects: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    fatal: str | None = None


# ------------------------------------------------------------------ planning (client)

def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """The files named by ``inputs``: paths, folders (sorted, like mapper.ingest) and globs.

    Raises
    ------
    InputError
        stdin, a missing path, a glob matching nothing or an unsupported file type.
    """
    if isinstance(inputs, (str, bytes)):
        raise TypeError(f"inputs must be a sequence of paths, not the single string {inputs!r}")
    files: list[str] = []
    for item in map(os.fspath, inputs):
        if item == "-":
            raise InputError("-: stdin cannot be read by the dask engine; give files or globs")
        if glob.has_magic(item) and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise InputError(f"{item}: no file matches")
        else:
            matches = [item]
        for match in matches:
            files.extend(_expand_one(match))
    return files


def _expand_one(path: str) -> list[str]:
    if os.path.isfile(path) and path.lower().endswith(PARQUET_SUFFIXES):
        return [path]
    if not os.path.isdir(path):
        return _expand(path)
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, names in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or not (name.lower().endswith(PARQUET_SUFFIXES) or _split_name(name)):
                continue
            full = os.path.join(root, name)
            # the sort key of mapper.ingest, so files come in the local engine's order
            found.append((tuple(os.path.relpath(full, path).split(os.sep)), full))
    if not found:
        return _expand(path)  # raises mapper.ingest's "folder has no supported files"
    return [full for _, full in sorted(found)]


def plan_parts(files: Sequence[str], blocksize: int) -> list[Part]:
    """Cut ``files`` (in order) into parts of about ``blocksize`` bytes.

    Raises
    ------
    InputError
        A file cannot be read or a Parquet file has no valid footer.
    """
    parts: list[Part] = []
    group: list[str] = []
    group_bytes = 0

    def flush() -> None:
        nonlocal group, group_bytes
        if group:
            parts.append(Part(len(parts), "files", tuple(group)))
        group, group_bytes = [], 0

    for path in files:
        size = _size(path)
        if path.lower().endswith(PARQUET_SUFFIXES):
            flush()
            parts.extend(_parquet_parts(path, blocksize, len(parts)))
            continue
        fmt, gz, _ = _split_name(path)  # type: ignore[misc]  # checked by expand_inputs
        if fmt in ("txt", "html"):
            if group and group_bytes + size > blocksize:
                flush()
            group.append(path)
            group_bytes += size
            continue
        flush()
        if fmt == "jsonl" and not gz:
            n, base = max(1, -(-size // blocksize)), len(parts)
            parts.extend(Part(base + i, "lines", (path,), offset=i * blocksize, length=blocksize,
                              block=i, blocks=n) for i in range(n))
        else:
            parts.append(Part(len(parts), "files", (path,)))
    flush()
    return parts


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _parquet_parts(path: str, blocksize: int, first_index: int) -> list[Part]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise InputError(f"{path}: not a readable Parquet file ({exc})") from None
    parts: list[Part] = []
    groups: list[int] = []
    size, row, first = 0, 1, 1
    for i in range(meta.num_row_groups):
        rg = meta.row_group(i)
        groups.append(i)
        size += rg.total_byte_size
        row += rg.num_rows
        if size >= blocksize or i == meta.num_row_groups - 1:
            parts.append(Part(first_index + len(parts), "parquet", (path,), row_groups=tuple(groups),
                              first_row=first))
            groups, size, first = [], 0, row
    if not parts:
        raise InputError(f"{path}: Parquet file has no rows")
    return parts


# ------------------------------------------------------------------ reading (workers)

def count_lines(part: Part) -> int:
    """The number of lines in a ``lines`` part (what its line numbers advance by)."""
    return len(_block_lines(part))


def line_starts(*counts: int) -> list[int]:
    """The first line number of each block, from the line counts of all but the last."""
    starts = [1]
    for c in counts:
        starts.append(starts[-1] + c)
    return starts


def read_part(part: Part, first_line: int = 1) -> PartInput:
    """Read one part.  Bad records are collected, never raised: the client decides.

    Parameters
    ----------
    part : Part
    first_line : int
        The line number, in its file, of the first line of a ``lines`` part.
    """
    out = PartInput()
    try:
        if part.kind == "lines":
            found = _lines_articles(part, first_line, out.rejects.append)
        elif part.kind == "parquet":
            found = _parquet_articles(part, out.rejects.append)
        else:
            found = read_articles(list(part.paths), skip_bad=True, on_skip=out.rejects.append,
                                  on_warning=out.warnings.append)
        for article in found:
            out.articles.append(_truncated(article, out.warnings.append))
    except InputError as exc:
        out.fatal = str(exc)
    return out


def _block_lines(part: Part) -> list[bytes]:
    from fsspec.utils import read_block

    path = part.paths[0]
    try:
        with open(path, "rb") as fh:
            block = read_block(fh, part.offset, part.length, delimiter=b"\n")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    lines = block.split(b"\n")
    if lines[-1] == b"":
        lines.pop()  # the block ends with a line end (or is empty)
    return lines


def _lines_articles(part: Part, first_line: int, reject: Callable[[str], None]) -> Iterator[Article]:
    path = part.paths[0]
    if part.block == 0:
        with _open_checked(path, False):  # the whole-file checks: empty, binary
            pass
    _, _, stem = _split_name(path)  # type: ignore[misc]
    yield from _jsonl_articles(_numbered(_block_lines(part), path, first_line), path, stem, reject)


def _numbered(lines: list[bytes], path: str, first: int) -> Iterator[tuple[int, str | InputError]]:
    """Decode numbered lines as mapper.ingest does (BOM on line 1, length cap, UTF-8)."""
    for number, raw in enumerate(lines, first):
        if len(raw) > MAX_RECORD_BYTES:
            yield number, _LongLine(f"{path}:{number}: line longer than {MAX_RECORD_BYTES} bytes")
            continue
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield number, InputError(_utf8_error(path, number, raw, exc))


def _parquet_articles(part: Part, reject: Callable[[str], None]) -> Iterator[Article]:
    import pyarrow.parquet as pq

    path = part.paths[0]
    stem = os.path.splitext(os.path.basename(path))[0]
    try:
        pf = pq.ParquetFile(path)
        chosen: dict[str, str] = {}
        for name in pf.schema_arrow.names:
            chosen.setdefault(name.strip().lower(), name)  # first of duplicate columns wins
        if "text" not in chosen:
            raise InputError(f'{path}: no "text" column (columns: {", ".join(pf.schema_arrow.names)})')
        wanted = {k: v for k, v in chosen.items() if k in _COLUMNS}
        table = pf.read_row_groups(list(part.row_groups), columns=list(wanted.values()))
    except (OSError, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(f"{path}: cannot read Parquet data ({exc})") from None
    for i, values in enumerate(zip(*(table.column(c).to_pylist() for c in wanted.values()))):
        number = part.first_row + i
        record = {key: _plain(v) for key, v in zip(wanted, values)}
        try:
            yield _build(record, f"{path}:{number}", f"{stem}:{number}")
        except InputError as exc:
            reject(str(exc))


def _plain(value: object) -> object:
    """Parquet dates and timestamps as the ISO strings ingest parses."""
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) and not isinstance(value, str) else value
