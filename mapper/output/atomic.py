"""Atomic file writes: a temp file in the same folder, then ``os.replace``.

One file is replaced atomically by a rename.  A set of files (a run's five outputs) is
not: a kill between two renames would leave some new files beside old ones.
:func:`staged` therefore commits a set through a roll-forward journal: once every temp
file is complete, the list of renames is written (itself atomically) to
``.mapper-commit.json`` in the folder, the renames follow, and the journal goes.
:func:`recover`, run when the next run starts, finishes the renames of a journal it
finds and removes the temp files of a run killed before its journal: the folder holds
either the whole previous set or the whole new one.
"""
from __future__ import annotations

import contextlib
import contextvars
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from mapper.errors import MapperError
from mapper.faults import checkpoint

JOURNAL = ".mapper-commit.json"
_JOURNAL_KIND = "mapper-commit"
_JOURNAL_VERSION = 1


class OutputError(MapperError, OSError):
    """An output folder cannot be made whole (a damaged commit journal)."""


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
            checkpoint(f"write:{path.name}")
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
def staged(folder: Path) -> Iterator[None]:
    """Commit every :func:`atomic_write` into ``folder`` inside the block together, at its end.

    Each file is written to its temp file as usual, but renamed only once all of them
    are complete, through the folder's commit journal (see the module notes): a run
    killed at any point leaves the previous set or, after :func:`recover`, the new one.
    On an exception no file is replaced.
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
    checkpoint("written")
    if any(Path(path).parent != folder for _, path in pending):
        raise ValueError(f"staged({folder}): every file must be written into that folder")
    renames = [(Path(tmp).name, path.name) for tmp, path in pending]
    with atomic_write(folder / JOURNAL) as fh:
        json.dump({"kind": _JOURNAL_KIND, "version": _JOURNAL_VERSION, "renames": renames}, fh)
    _sync_folder(folder)
    _roll_forward(folder, renames)
    os.unlink(folder / JOURNAL)


def _roll_forward(folder: Path, renames: list[tuple[str, str]]) -> None:
    """Rename each temp file that is still there (the others were renamed before a kill)."""
    checkpoint("renamed:0")
    for done, (tmp, name) in enumerate(renames, 1):
        with contextlib.suppress(FileNotFoundError):
            os.replace(folder / tmp, folder / name)
        checkpoint(f"renamed:{done}")
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the folder's renames durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - file systems without directory fsync
        pass
    finally:
        os.close(fd)


def recover(folder: Path, names: tuple[str, ...]) -> None:
    """Make ``folder``'s outputs whole after a killed run, before anything else touches them.

    A commit journal left by a run killed during its renames is rolled forward (the
    new set is completed); temp files of a run killed before its journal are removed
    (the previous set stands).

    Raises
    ------
    OutputError
        If the journal is not one mapper wrote (damaged, or naming other files).
    """
    journal = folder / JOURNAL
    if journal.is_file():
        _roll_forward(folder, _read_journal(journal, names))
        os.unlink(journal)
    remove_stale(folder, (*names, JOURNAL))
    checkpoint("recovered")


def _read_journal(journal: Path, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """The renames of a journal, checked: only temp files of these output names, in the folder."""
    try:
        doc = json.loads(journal.read_text(encoding="utf-8"))
        if doc.get("kind") != _JOURNAL_KIND or doc.get("version") != _JOURNAL_VERSION:
            raise ValueError("not a mapper commit journal of this version")
        renames = [(str(tmp), str(name)) for tmp, name in doc["renames"]]
        for tmp, name in renames:
            if name not in names or not tmp.startswith(f".{name}.") or not tmp.endswith(".tmp") \
                    or os.sep in tmp or "/" in tmp or "\0" in tmp:
                raise ValueError(f"names a file that is not a temp output: {tmp!r} -> {name!r}")
    except (OSError, UnicodeError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise OutputError(f"{journal}: damaged commit journal ({exc}); delete it to keep the outputs "
                          "as they are") from None
    return renames


def remove_stale(folder: Path, names: tuple[str, ...]) -> None:
    """Delete temp files a killed run left for these output names (``.name.*.tmp``)."""
    if not folder.is_dir():
        return
    for entry in os.scandir(folder):
        if entry.name.endswith(".tmp") and any(entry.name.startswith(f".{n}.") for n in names):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
