"""The incremental store: each article's extraction, keyed by a hash of its content.

A re-run over the same inputs plus new articles extracts only the new or changed
ones and reads the rest from here.  The key covers the article's id, title, text,
publication date and URL, the mapper version and the gazetteer sources, so a new
mapper or edited gazetteer tables invalidate old entries.  SQLite's journal keeps the
file consistent if a run is killed; each batch is one transaction.
"""
from __future__ import annotations

import hashlib
import pickle
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path

from mapper import __version__
from mapper.errors import MapperError
from mapper.model import Article, Incident, Unplaced

STORE_NAME = ".mapper-store.sqlite"
_FORMAT = "2"  # the pickled records' layout (2: slotted dataclasses)
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
                self._db.execute(_SCHEMA)
                self._db.commit()
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: cannot open the incremental store ({exc}); "
                                 "delete it or run with --rebuild") from None
        return self._db

    def key(self, article: Article) -> str:
        return article_key(article, self.salt)

    def get_many(self, keys: list[str]) -> dict[str, Extraction]:
        """The stored extractions of those keys that are present."""
        out: dict[str, Extraction] = {}
        db = self._conn()
        for lo in range(0, len(keys), 500):
            chunk = keys[lo:lo + 500]
            marks = ",".join("?" * len(chunk))
            for key, blob in db.execute(f"SELECT key, payload FROM extractions WHERE key IN ({marks})", chunk):
                try:
                    out[key] = pickle.loads(zlib.decompress(blob))
                except (zlib.error, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
                    continue  # a damaged row is a miss: the article is extracted again
        return out

    def put_many(self, items: Iterable[tuple[str, Extraction]]) -> None:
        """Store extractions (one transaction)."""
        db = self._conn()
        rows = [(k, zlib.compress(pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL), 3)) for k, v in items]
        with db:
            db.executemany("INSERT OR REPLACE INTO extractions (key, payload) VALUES (?, ?)", rows)

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
