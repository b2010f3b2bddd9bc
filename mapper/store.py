"""The incremental store: each article's extraction, keyed by a hash of its content.

A re-run over the same inputs plus new articles extracts only the new or changed
ones and reads the rest from here.  The key covers the article's id, title, text,
publication date and URL, the mapper version and the gazetteer sources, so a new
mapper or edited gazetteer tables invalidate old entries.  SQLite's write-ahead log
keeps the file consistent if a run is killed; each batch is one transaction.

Payloads are compact: plain tuples (places and sources listed once per article, dates
as ordinals), pickled and zlib-compressed, and encoded by the worker that extracted
the article.  :class:`Decoder` turns them back into records, sharing one object per
distinct place, date and short string across the whole run, so a corpus's hundreds of
thousands of candidates do not each carry their own copies.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path

from mapper import __version__
from mapper.errors import MapperError
from mapper.model import Article, Incident, Place, Source, Unplaced

STORE_NAME = ".mapper-store.sqlite"
_FORMAT = "3"  # the payload layout (3: tuples, places and sources once per article)
_SCHEMA = "CREATE TABLE IF NOT EXISTS extractions (key TEXT PRIMARY KEY, payload BLOB NOT NULL)"

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
    return zlib.compress(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL), 3)


def _intact(blob: object) -> bool:
    try:
        zlib.decompress(blob)  # type: ignore[arg-type]
    except (zlib.error, TypeError):
        return False
    return True


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

    def _place(self, row: tuple) -> Place:
        place = self._places.get(row)
        if place is None:
            name, lon, lat, country, gn, kind, gid, pop, precision, score = row
            place = self._places[row] = Place(self._str(name), lon, lat, self._str(country), self._str(gn),
                                              self._str(kind), gid, pop, precision, score)
        return place

    def decode(self, blob: bytes) -> Extraction:
        """The extraction of one payload written by :func:`encode`.

        Raises
        ------
        ValueError
            If the payload is damaged (not zlib, not a pickle, or the wrong layout).
        """
        try:
            place_rows, source_rows, rows, left = pickle.loads(zlib.decompress(blob))
            places = [self._place(r) for r in place_rows]
            sources = [Source(a, t, u, None if d is None else self._date(d), x) for a, t, u, d, x in source_rows]
            incidents = []
            for kind, d0, d1, tp, p, text, gp, srcs, actor, killed, injured in rows:
                incidents.append(Incident(self._str(kind), self._date(d0), self._date(d1), tp, places[p],
                                          self._str(text), gp, tuple(sources[s] for s in srcs), self._str(actor),
                                          killed, injured))
            unplaced = [Unplaced(self._str(kind), self._date(d0), self._date(d1), text, reason, sources[s],
                                 self._str(actor)) for kind, d0, d1, text, reason, s, actor in left]
        except (zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError,
                IndexError) as exc:
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
        What else the extraction depends on (gazetteer digest); combined with the version.
    """

    def __init__(self, path: Path, salt: str = "") -> None:
        self.path = Path(path)
        self.salt = f"{__version__}|{_FORMAT}|{salt}"
        self._db: sqlite3.Connection | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path)
                # WAL: a commit appends to the log instead of rewriting pages behind a
                # journal; with synchronous=NORMAL it is still atomic after a kill
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=NORMAL")
                self._db.execute(_SCHEMA)
                self._db.commit()
            except sqlite3.DatabaseError as exc:
                self.close()
                raise StoreError(f"{self.path}: cannot open the incremental store ({exc}); "
                                 "delete it or run with --rebuild") from None
        return self._db

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
        """Forget every stored extraction (``--rebuild``)."""
        with self._conn() as db:
            db.execute("DELETE FROM extractions")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
