"""Atomic file writes: a temp file in the same folder, then ``os.replace``."""
from __future__ import annotations

import contextlib
import contextvars
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", **kwargs: object) -> Iterator[IO]:
    """Open a temp file beside ``path``; on success rename it over ``path``.

    On any exception the temp file is removed and ``path`` is left as it was.
    Text mode defaults to UTF-8 with ``\\n`` newlines so outputs are byte-identical
    across platforms.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    if "b" not in mode:
        kwargs.setdefault("encoding", "utf-8")
        kwargs.setdefault("newline", "\n")
    try:
        with os.fdopen(fd, mode, **kwargs) as fh:  # type: ignore[call-overload]
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
        pending = _STAGE.get()
        if pending is None:
            os.replace(tmp, path)
        else:
            pending.append((tmp, path))  # renamed with the others when the stage commits
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_STAGE: contextvars.ContextVar[list[tuple[str, Path]] | None] = contextvars.ContextVar("_STAGE", default=None)


@contextlib.contextmanager
def staged() -> Iterator[None]:
    """Commit every :func:`atomic_write` inside the block together, at its end.

    Each file is written to its temp file as usual, but renamed only once all of them
    are complete: a run killed while writing leaves the previous set of outputs whole
    (not a new map beside an old GeoJSON).  On an exception no file is replaced.
    """
    pending: list[tuple[str, Path]] = []
    token = _STAGE.set(pending)
    try:
        yield
    except BaseException:
        for tmp, _ in pending:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    finally:
        _STAGE.reset(token)
    for tmp, path in pending:
        os.replace(tmp, path)


def remove_stale(folder: Path, names: tuple[str, ...]) -> None:
    """Delete temp files a killed run left for these output names (``.name.*.tmp``)."""
    if not folder.is_dir():
        return
    for entry in os.scandir(folder):
        if entry.name.endswith(".tmp") and any(entry.name.startswith(f".{n}.") for n in names):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
