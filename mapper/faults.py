"""Test-only fault injection: a run that kills itself at a named point.

The kill tests (``tests/test_kill.py``) set ``MAPPER_TEST_KILL_AT=<point>`` or
``<point>@<n>`` (the n-th time the run reaches it) and the run sends itself SIGKILL
there, as a power cut would stop it: no handler, no cleanup.  Points: ``read`` (an
article was read), ``extract`` (a batch was extracted and stored), ``write:<file>``
(an output's temp file is written, not yet closed), ``written`` (every temp file is
complete), ``renamed:<k>`` (the commit journal is on disk and ``k`` outputs were
renamed) and ``recovered`` (the next start made the folder whole).  Without the
variable :func:`checkpoint` is one comparison.
"""
from __future__ import annotations

import os
import signal

ENV = "MAPPER_TEST_KILL_AT"


def _target() -> tuple[str, int] | None:
    spec = os.environ.get(ENV)
    if not spec:
        return None
    point, _, nth = spec.partition("@")
    return point, int(nth) if nth.isdigit() else 1


_TARGET = _target()
_SEEN: dict[str, int] = {}


def checkpoint(point: str) -> None:
    """Kill this process (and its workers) here if the test asked for ``point``."""
    if _TARGET is None or point != _TARGET[0]:
        return
    _SEEN[point] = _SEEN.get(point, 0) + 1
    if _SEEN[point] == _TARGET[1]:
        # the whole process group when this process leads it (the test starts the run
        # in a session of its own), so extraction workers die with it
        if os.getpgid(0) == os.getpid():
            os.killpg(0, signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)
