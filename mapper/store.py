"""The incremental store: each article's extraction, keyed by a hash of its content.

A re-run over the same inputs plus new articles extracts only the new or changed
ones and reads the rest from here.  The key covers the article's id, title, text,
publication date and URL, and everything that decides its extraction: the payload
format, a digest of the installed mapper's files (code and shipped data, see
:func:`extraction_digest`) and the gazetteer sources, so an upgraded mapper or edited
tables re-extract on their own.  SQLite's write-ahead log keeps the file consistent if a
run is killed; each batch is one transaction.

The file is data only: payloads are JSON (plain lists: places and sources listed once
per article, dates as ordinals), zlib-compressed, and encoded by the worker that
extracted the article; nothing in the file is ever run.  The SQLite header carries
mapper's application id and the format (``user_version``): a store of another format is
discarded and rebuilt silently, a foreign database is a one-line error.
:class:`Decoder` turns payloads back into records, sharing one object per distinct
place, date and short string across the whole run, so a corpus's hundreds of thousands
of candidates do not each carry their own copies.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from mapper import __version__
from mapper.errors import MapperError
from mapper.model import ACLED_TYPES, Article, Incident, Place, Source, Unplaced

STORE_NAME = ".mapper-store.sqlite"
#: the payload layout and table schema (4: JSON payloads; 3 and older were pickles)
FORMAT = 4
#: SQLite's header field for the program that owns the file ("mapr")
APPLICATION_ID = 0x6D617072
_SCHEMA = "CREATE TABLE IF NOT EXISTS extractions (key TEXT PRIMARY KEY, payload BLOB NOT NULL)"
#: the tables of a store of format 3 or older (no application id): another version, not foreign
_OLD_TABLES = {"extractions"}

Extraction = tuple[list[Incident], list[Unplaced]]


class StoreError(MapperError, RuntimeError):
    """The store file cannot be opened or read."""


def article_key(article: Article, salt: str) -> str:
    """A hash of everything extraction depends on."""
    h = hashlib.sha256(salt.encode())
    for part in (article.id, article.title, article.text, str(article.published), article.url or ""):
        h.update(b"\x1f")
        h.update(part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def extraction_digest() -> str:
    """A hash of the installed mapper package's files and of its shipped data folder.

    Every file of the package (code, word lists, templates; not ``__pycache__``) and of
    the data folder (:func:`mapper.geo.gazetteer.data_dir`) counts, by path and content:
    what decides an article's extraction cannot change without changing this hash.
    Computed once per process (about 20 ms).
    """
    from mapper.geo.gazetteer import data_dir

    package = resources.files("mapper")
    where = (str(package), str(data_dir()))
    digest = _DIGESTS.get(where)
    if digest is None:
        h = hashlib.sha256()
        for tree, root in ((package, "mapper"), (Path(where[1]), "data")):
            for rel, blob in _files(tree, root):
                h.update(f"{rel}\x00{len(blob)}\x00".encode("utf-8", "surrogateescape"))
                h.update(blob)
        digest = _DIGESTS[where] = h.hexdigest()[:16]
    return digest


_DIGESTS: dict[tuple[str, str], str] = {}


def _files(tree: Traversable, rel: str) -> list[tuple[str, bytes]]:
    """(relative path, content) of every file under ``tree``, sorted; caches and hidden files left out."""
    if not tree.is_dir():
        return []
    out: list[tuple[str, bytes]] = []
    for entry in sorted(tree.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(".") or entry.name == "__pycache__" or entry.name.endswith((".pyc", ".pyo")):
            continue
        if entry.is_dir():
            out.extend(_files(entry, f"{rel}/{entry.name}"))
        else:
            out.append((f"{rel}/{entry.name}", entry.read_bytes()))
    return out


def _ordinal(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


def encode(extraction: Extraction) -> bytes:
    """The compact, compressed payload of one article's extraction.

    Parameters
    ----------
    extraction : (list of Incident, list of Unplaced)
        What :func:`mapper.pipeline.extract_article` returns.
    """
    incidents, unplaced = extraction
    places: dict[Place, int] = {}
    sources: dict[Source, int] = {}
    rows = []
    for i in incidents:
        p = places.setdefault(i.place, len(places))
        srcs = tuple(sources.setdefault(s, len(sources)) for s in i.sources)
        rows.append((i.type, i.date_start.toordinal(), i.date_end.toordinal(), i.time_precision, p, i.place_text,
                     i.geo_precision, srcs, i.actor, i.killed, i.injured))
    left = [(u.type, u.date_start.toordinal(), u.date_end.toordinal(), u.place_text, u.reason,
             sources.setdefault(u.source, len(sources)), u.actor) for u in unplaced]
    payload = ([(p.name, p.lon, p.lat, p.country, p.admin1_gn, p.kind, p.geonameid, p.population, p.geo_precision,
                 p.score) for p in places],
               [(s.article_id, s.title, s.url, _ordinal(s.published), s.text) for s in sources],
               rows, left)
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 3)


def _intact(blob: object) -> bool:
    try:
        zlib.decompress(blob)  # type: ignore[arg-type]
    except (zlib.error, TypeError):
        return False
    return True


_NUM = (int, float)
_OPT_STR = (str, type(None))
_OPT_INT = (int, type(None))
# the type of each field of a payload's rows: a crafted payload of the right JSON shape but
# the wrong types is damaged here, not a traceback in the outputs later
_PLACE_ROW = (str, _NUM, _NUM, str, _OPT_STR, str, _OPT_INT, int, int, _NUM)
_SOURCE_ROW = (str, str, _OPT_STR, _OPT_INT, str)
_INCIDENT_ROW = (str, int, int, int, int, str, int, list, _OPT_STR, _OPT_INT, _OPT_INT)
_UNPLACED_ROW = (str, int, int, str, str, int, _OPT_STR)


def _rows(rows: object, spec: tuple) -> list:
    if type(rows) is not list or not all(type(r) is list and len(r) == len(spec) and all(map(isinstance, r, spec))
                                         for r in rows):
        raise ValueError("wrong layout")
    return rows


class Decoder:
    """Decodes payloads into records, sharing equal places, dates and short strings."""

    def __init__(self) -> None:
        self._places: dict[tuple, Place] = {}
        self._dates: dict[int, dt.date] = {}
        self._strings: dict[str, str] = {}

    def _date(self, ordinal: int) -> dt.date:
        day = self._dates.get(ordinal)
        if day is None:
            day = self._dates[ordinal] = dt.date.fromordinal(ordinal)
        return day

    def _str(self, value: str | None) -> str | None:
        return None if value is None else self._strings.setdefault(value, value)

    def _place(self, row: list) -> Place:
        key = tuple(row)
        place = self._places.get(key)
        if place is None:
            name, lon, lat, country, gn, kind, gid, pop, precision, score = row
            place = self._places[key] = Place(self._str(name), lon, lat, self._str(country), self._str(gn),
                                              self._str(kind), gid, pop, precision, score)
        return place

    def _type(self, kind: str) -> str:
        if kind not in ACLED_TYPES:
            raise ValueError(f"unknown incident type {kind!r}")
        return self._strings.setdefault(kind, kind)

    def decode(self, blob: bytes) -> Extraction:
        """The extraction of one payload written by :func:`encode`.

        Only data is read (JSON): a crafted payload cannot run code.

        Raises
        ------
        ValueError
            If the payload is damaged (not zlib, not JSON, or the wrong layout or types).
        """
        try:
            text = zlib.decompress(blob).decode("utf-8", "surrogatepass")
            place_rows, source_rows, rows, left = json.loads(text)
            places = [self._place(r) for r in _rows(place_rows, _PLACE_ROW)]
            sources = [Source(a, t, u, None if d is None else self._date(d), x)
                       for a, t, u, d, x in _rows(source_rows, _SOURCE_ROW)]
            incidents = []
            for kind, d0, d1, tp, p, text, gp, srcs, actor, killed, injured in _rows(rows, _INCIDENT_ROW):
                incidents.append(Incident(self._type(kind), self._date(d0), self._date(d1), tp, places[p],
                                          self._str(text), gp, tuple(sources[s] for s in srcs), self._str(actor),
                                          killed, injured))
            unplaced = [Unplaced(self._type(kind), self._date(d0), self._date(d1), text, reason, sources[s],
                                 self._str(actor)) for kind, d0, d1, text, reason, s, actor in _rows(left, _UNPLACED_ROW)]
        except (zlib.error, UnicodeError, AttributeError, TypeError, ValueError, IndexError, OverflowError,
                RecursionError) as exc:
            raise ValueError(f"damaged store payload ({exc})") from None
        return incidents, unplaced

    def places(self) -> list[Place]:
        """Every distinct place decoded so far."""
        return list(self._places.values())


class Store:
    """Extractions by article key in one SQLite file (``STORE_NAME`` in the output folder).

    Parameters
    ----------
    path : Path
        The SQLite file (created on first use).
    salt : str
        What else the extraction depends on (the gazetteer digest); combined with the
        version, the payload format and :func:`extraction_digest`.
    """

    def __init__(self, path: Path, salt: str = "") -> None:
        self.path = Path(path)
        self.salt = f"{__version__}|{FORMAT}|{extraction_digest()}|{salt}"
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path)
                kind = _identify(db)
                if kind == "other version":  # never read: its rows were written by other code
                    db.close()
                    self._remove_files()
                    db, kind = sqlite3.connect(self.path), "new"
                self._db = db
                if kind == "foreign":
                    raise sqlite3.DatabaseError("a SQLite database of another program")
                # WAL: a commit appends to the log instead of rewriting pages behind a
                # journal; with synchronous=NORMAL it is still atomic after a kill
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                if kind == "new":
                    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    db.execute(f"PRAGMA user_version = {FORMAT}")
                    db.execute(_SCHEMA)
                    db.commit()
            except sqlite3.DatabaseError as exc:
                self.close()
                raise StoreError(f"{self.path}: cannot open the incremental store ({exc}); "
                                 "delete it or run with --rebuild") from None
        return self._db

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)

    def key(self, article: Article) -> str:
        return article_key(article, self.salt)

    def get_blobs(self, keys: list[str], checked: bool = False) -> dict[str, bytes]:
        """The stored payloads (see :func:`encode`) of those keys that are present.

        With ``checked``, a payload whose zlib stream is damaged (its checksum covers
        the whole payload) is left out: a miss, so the article is extracted again.
        """
        out: dict[str, bytes] = {}
        db = self._conn()
        for lo in range(0, len(keys), 500):
            chunk = keys[lo:lo + 500]
            marks = ",".join("?" * len(chunk))
            out.update(db.execute(f"SELECT key, payload FROM extractions WHERE key IN ({marks})", chunk))
        if checked:
            for key in [k for k, blob in out.items() if not _intact(blob)]:
                del out[key]
        return out

    def get_many(self, keys: list[str], decoder: Decoder | None = None) -> dict[str, Extraction]:
        """The stored extractions of those keys that are present and readable.

        A damaged row is left out (a miss: the article is extracted again).
        """
        decoder = decoder or Decoder()
        out: dict[str, Extraction] = {}
        for key, blob in self.get_blobs(keys).items():
            try:
                out[key] = decoder.decode(blob)
            except ValueError:
                continue
        return out

    def put_blobs(self, items: Iterable[tuple[str, bytes]]) -> None:
        """Store encoded payloads (one transaction)."""
        db = self._conn()
        with db:
            db.executemany("INSERT OR REPLACE INTO extractions (key, payload) VALUES (?, ?)", items)

    def put_many(self, items: Iterable[tuple[str, Extraction]]) -> None:
        """Store extractions (one transaction)."""
        self.put_blobs([(k, encode(v)) for k, v in items])

    def clear(self) -> None:
        """Forget every stored extraction (``--rebuild``): the file is deleted unread,
        so this also gets past a damaged or foreign file."""
        self.close()
        try:
            self._remove_files()
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot delete the incremental store ({exc.strerror})") from None

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _identify(db: sqlite3.Connection) -> str:
    """What an opened SQLite file is, read from its header and table names only:
    ``"current"``, ``"new"`` (empty), ``"other version"`` (a store of another format,
    including the pickled stores before format 4) or ``"foreign"``."""
    app = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app == APPLICATION_ID:
        return "current" if version == FORMAT and tables == {"extractions"} else "other version"
    if app == 0 and version == 0:
        if not tables:
            return "new"
        if tables == _OLD_TABLES:
            return "other version"
    return "foreign"
