"""The online geocoder's answers on disk: one small SQLite file.

Rows are keyed on (provider, normalised query, country, exactly_one); the payload is
the service's answer as a JSON list of plain records (see :func:`check_record`).  A
damaged row reads as a miss; a file SQLite calls corrupt is moved aside with a warning
and a new one started; any other failure is a :class:`~mapper.errors.GeocoderError`
with a one-line message.  Opening is lazy: building a cache does no I/O.
"""
from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
import time
import warnings
from pathlib import Path

from mapper.errors import GeocoderError

_CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
Key = tuple[str, str, str, int]  # (provider, normalised query, country or "", exactly_one)


def check_record(record: dict) -> dict:
    """A cacheable answer record, its coordinates as finite floats in range.

    Raises
    ------
    ValueError, TypeError, KeyError
        If the record lacks a field, its coordinates are out of range or its name is no str.
    """
    lon, lat = float(record["lon"]), float(record["lat"])
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"coordinates out of range: lon {lon!r}, lat {lat!r}")
    if not isinstance(record["raw"], dict) or not isinstance(record["name"], str):
        raise TypeError("record needs a str name and a dict raw")
    return {**record, "lon": lon, "lat": lat, "country": str(record["country"])}


class AnswerCache:
    """The SQLite file of answers at ``path`` (opened on first use, thread-safe)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    def get(self, key: Key) -> list[dict] | None:
        """The records stored for ``key``, or None when there are none (or they are damaged)."""
        row = self._sql("SELECT payload FROM answers_v1 WHERE provider=? AND query=? AND country=?"
                        " AND exactly_one=?", key)
        if row is None:
            return None
        try:
            records = json.loads(row[0])
            return [check_record(r) for r in records]
        except (ValueError, TypeError, KeyError):
            return None  # a damaged row is a miss; the fresh answer replaces it

    def put(self, key: Key, records: list[dict]) -> None:
        """Store ``records`` (possibly none: "no result" is an answer) for ``key``."""
        payload = json.dumps(records, ensure_ascii=False, sort_keys=True)
        self._sql("INSERT OR REPLACE INTO answers_v1 VALUES (?, ?, ?, ?, ?, ?)",
                  (*key, payload, time.time()))

    def close(self) -> None:
        """Close the file (a later ``get`` or ``put`` reopens it)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _sql(self, statement: str, params: tuple) -> tuple | None:
        with self._lock:
            for recovered in (False, True):
                try:
                    db = self._open()
                    with db:  # commits, or rolls back on error
                        return db.execute(statement, params).fetchone()
                except sqlite3.DatabaseError as exc:
                    if recovered or getattr(exc, "sqlite_errorcode", None) not in _CORRUPT_CODES:
                        raise GeocoderError(f"cannot use the geocoder cache {self.path}: {exc}") from exc
                    self._set_aside(exc)
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise GeocoderError(f"cannot create the geocoder cache folder {self.path.parent}: "
                                    f"{exc}") from exc
            db = sqlite3.connect(self.path, check_same_thread=False)
            try:
                with db:
                    db.execute("CREATE TABLE IF NOT EXISTS answers_v1 (provider TEXT, query TEXT,"
                               " country TEXT, exactly_one INTEGER, payload TEXT, created REAL,"
                               " PRIMARY KEY (provider, query, country, exactly_one))")
            except sqlite3.DatabaseError:
                db.close()
                raise
            self._db = db
        return self._db

    def _set_aside(self, exc: sqlite3.DatabaseError) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        aside = self.path.with_name(self.path.name + ".corrupt")
        try:
            os.replace(self.path, aside)
        except OSError as err:
            raise GeocoderError(f"the geocoder cache {self.path} is corrupt ({exc}) and cannot be "
                                f"moved aside: {err}") from err
        warnings.warn(f"the geocoder cache {self.path} is corrupt ({exc}); moved it to {aside}"
                      " and started a new one", RuntimeWarning, stacklevel=2)
