"""Hostile files for the reliability tests: a pickle that runs code when loaded."""
from __future__ import annotations

import pickle
from pathlib import Path


class Bomb:
    """Unpickling it runs code: it writes ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple:
        return exec, (f"open({str(self.path)!r}, 'w').write('ran')",)


def pickle_bomb(marker: Path) -> bytes:
    """A pickle that writes ``marker`` when loaded, checked to be live (then ``marker`` is removed)."""
    blob = pickle.dumps(Bomb(marker))
    pickle.loads(blob)  # noqa: S301 - the test of the test: pickle would run it
    assert marker.read_text() == "ran"
    marker.unlink()
    return blob
