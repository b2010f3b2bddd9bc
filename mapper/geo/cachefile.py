"""The compiled gazetteer's cache file: data only, versioned, built once under a lock.

The file is a NumPy ``.npz`` archive read with ``allow_pickle=False``: flat arrays of
numbers and UTF-8 text, no objects, so loading it cannot run code.  Each field of
:class:`~mapper.geo.gazetteer.Gazetteer` is stored by its shape (a list of floats, of
optional ints, of optional strings, of (entry, main) pair tuples; a dict of those; a
plain value), described in a ``meta`` entry with the format and the sources' digest.
A file that is foreign, damaged, of another format or of other sources reads as
absent, and the caller rebuilds it.

The first build takes several seconds; processes that start together (a Dask
worker per core, two terminals) wait on one lock file and the later ones load what the
first built.  After a build, caches of older formats are removed.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from mapper.errors import GazetteerError

#: the layout of the file (1: npz; before it the cache was a pickle, ``gazetteer-*.pickle``)
CACHE_FORMAT = 1
_MAGIC = "mapper-gazetteer"
_LOCK = "gazetteer.lock"
#: a cache of other sources (an older mapper's data) unused this long is removed
KEEP_UNUSED_DAYS = 30


def cache_name(index_version: str, digest: str) -> str:
    """The file name of the cache of an index version and sources digest."""
    return f"gazetteer-{index_version}-{digest}.v{CACHE_FORMAT}.npz"


# ---------------------------------------------------------------- writing

def write(obj: Any, path: Path) -> None:
    """Write the dataclass ``obj`` (a compiled Gazetteer) to ``path`` atomically."""
    arrays: dict[str, np.ndarray] = {}
    fields = {}
    for f in dataclasses.fields(obj):
        if f.name.startswith("_"):
            continue  # derived, per-process tables
        fields[f.name] = _put(f.name, getattr(obj, f.name), arrays)
    meta = {"magic": _MAGIC, "format": CACHE_FORMAT, "digest": getattr(obj, "digest", ""), "fields": fields}
    arrays["meta"] = _text([json.dumps(meta)])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, **arrays)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise GazetteerError(f"cannot write gazetteer cache {path}: {exc.strerror or exc}") from None


def _text(values: list[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array, each ended by a NUL."""
    if any("\0" in v for v in values):
        raise GazetteerError("gazetteer cache: a name contains a NUL character")
    return np.frombuffer("".join(v + "\0" for v in values).encode("utf-8", "surrogatepass"), dtype=np.uint8)


def _put(name: str, value: Any, arrays: dict[str, np.ndarray]) -> Any:
    """Store one field under ``name``; return its description for ``meta``."""
    if isinstance(value, dict):
        arrays[f"{name}.keys"] = _text(list(value))
        return {"dict": _put_list(f"{name}.values", list(value.values()), arrays)}
    if isinstance(value, (list, tuple)):  # a column is stored as a list, and read back as one
        return {"list": _put_list(name, list(value), arrays)}
    if value is None or isinstance(value, (str, int, float)):
        return {"value": value}
    raise GazetteerError(f"gazetteer cache: cannot store field {name} ({type(value).__name__})")


def _put_list(name: str, values: list, arrays: dict[str, np.ndarray]) -> str:
    kinds = {type(v) for v in values}
    if kinds <= {float}:
        arrays[name] = np.array(values, dtype=np.float64)
        return "float"
    if kinds <= {int, type(None)}:
        arrays[name] = np.array([-1 if v is None else v for v in values], dtype=np.int64)
        arrays[f"{name}.null"] = np.array([v is None for v in values], dtype=np.bool_)
        return "int"
    if kinds <= {str, type(None)}:
        table = list(dict.fromkeys(v for v in values if v is not None))
        code = {v: i for i, v in enumerate(table)}
        arrays[f"{name}.table"] = _text(table)
        arrays[name] = np.array([-1 if v is None else code[v] for v in values], dtype=np.int32)
        return "str"
    if kinds <= {tuple}:  # tuples of (entry, is_main_name) pairs
        arrays[f"{name}.sizes"] = np.array([len(t) for t in values], dtype=np.int32)
        flat = [p for t in values for p in t]
        if any(type(e) is not int or type(m) is not bool for e, m in flat):
            raise GazetteerError(f"gazetteer cache: cannot store field {name} (tuples other than (int, bool) pairs)")
        arrays[name] = np.array([e for e, _ in flat], dtype=np.int64)
        arrays[f"{name}.main"] = np.array([m for _, m in flat], dtype=np.bool_)
        return "pairs"
    raise GazetteerError(f"gazetteer cache: cannot store field {name} ({sorted(k.__name__ for k in kinds)})")


# ---------------------------------------------------------------- reading

def read(cls: type, path: Path, digest: str) -> Any:
    """The ``cls`` instance stored at ``path``, or None when the file is absent, foreign,
    damaged, of another format or of sources other than ``digest``."""
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}  # every entry's CRC is checked here
        meta = json.loads(_strings(arrays["meta"])[0])
        if meta.get("magic") != _MAGIC or meta.get("format") != CACHE_FORMAT or meta.get("digest") != digest:
            return None
        names = {f.name for f in dataclasses.fields(cls) if not f.name.startswith("_")}
        if set(meta["fields"]) != names:
            return None  # written by a mapper whose Gazetteer had other fields
        values = {name: _get(name, spec, arrays) for name, spec in meta["fields"].items()}
        obj = cls(**values)
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError, UnicodeError, EOFError,
            zipfile.BadZipFile):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # marks it in use (see remove_old)
    return obj


def _strings(array: np.ndarray) -> list[str]:
    if array.dtype != np.uint8 or array.ndim != 1:
        raise ValueError("not text")
    text = array.tobytes().decode("utf-8", "surrogatepass")
    if text and not text.endswith("\0"):
        raise ValueError("truncated text")
    return text.split("\0")[:-1]


def _get(name: str, spec: dict, arrays: dict[str, np.ndarray]) -> Any:
    if "value" in spec:
        return spec["value"]
    if "dict" in spec:
        keys = _strings(arrays[f"{name}.keys"])
        values = _get_list(f"{name}.values", spec["dict"], arrays)
        if len(keys) != len(values):
            raise ValueError(f"{name}: {len(keys)} keys, {len(values)} values")
        return dict(zip(keys, values))
    return _get_list(name, spec["list"], arrays)


def _get_list(name: str, kind: str, arrays: dict[str, np.ndarray]) -> list:
    data = arrays[name]
    if kind == "float":
        return data.astype(np.float64, copy=False).tolist()
    if kind == "int":
        values = data.astype(np.int64, copy=False).tolist()
        nulls = arrays[f"{name}.null"]
        if nulls.any():
            for i in np.flatnonzero(nulls).tolist():
                values[i] = None
        return values
    if kind == "str":
        table: list[str | None] = [*_strings(arrays[f"{name}.table"]), None]  # code -1: None
        return [table[i] for i in data.tolist()]
    if kind == "pairs":
        entries, mains = data.tolist(), arrays[f"{name}.main"].tolist()
        out, at = [], 0
        pairs = list(zip(entries, mains))
        for size in arrays[f"{name}.sizes"].tolist():
            out.append(tuple(pairs[at:at + size]))
            at += size
        if at != len(pairs):
            raise ValueError(f"{name}: sizes do not add up")
        return out
    raise ValueError(f"{name}: unknown kind {kind!r}")


# ---------------------------------------------------------------- the lock and old files

@contextlib.contextmanager
def build_lock(folder: Path) -> Iterator[None]:
    """Hold the cache folder's build lock (an exclusive ``flock`` on ``gazetteer.lock``);
    other processes wait here until the build is done."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the atomic rename alone keeps the file whole
        yield
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(folder / _LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise GazetteerError(f"cannot write gazetteer cache {folder}: {exc.strerror or exc}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def remove_old(folder: Path, keep: Path) -> list[str]:
    """Delete the cache files ``keep`` replaces; return their names.

    Caches of an older format (the pickles, other ``.v<n>.npz`` formats) go at once;
    caches of this format built from other sources go once unused for
    :data:`KEEP_UNUSED_DAYS` (another mapper installed beside this one may still use
    them); temp files of a killed build go after a day.
    """
    removed = []
    now = time.time()
    current = f".v{CACHE_FORMAT}.npz"
    for entry in os.scandir(folder):
        name = entry.name
        if name == keep.name or not (name.startswith("gazetteer-") or name.startswith(".gazetteer-")):
            continue
        try:
            age_days = (now - entry.stat().st_mtime) / 86400
        except OSError:
            continue
        older_format = name.endswith(".pickle") or (name.endswith(".npz") and not name.endswith(current))
        unused = name.endswith(current) and age_days > KEEP_UNUSED_DAYS
        stale_temp = name.startswith(".gazetteer-") and name.endswith(".tmp") and age_days > 1
        if older_format or unused or stale_temp:
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(name)
    return sorted(removed)
