"""Extraction over worker processes, in batches, in input order.

Workers get the loaded services once: inherited by ``fork`` where the platform has it
(no reload, shared copy-on-write), else loaded by each worker's initializer.  Batches
come back in the order they were sent, so results do not depend on ``--jobs``.
"""
from __future__ import annotations

import multiprocessing as mp
from collections import deque
import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from mapper.model import Article

if TYPE_CHECKING:
    from mapper.pipeline import Services
    from mapper.store import Extraction

_SERVICES: "Services | None" = None


def _init(services: "Services | None") -> None:
    global _SERVICES
    if services is not None:
        _SERVICES = services
    elif _SERVICES is None:
        from mapper.pipeline import Services

        _SERVICES = Services.load()


def _work(batch: list[Article]) -> list["Extraction"]:
    from mapper.pipeline import extract_article

    assert _SERVICES is not None
    return [extract_article(a, _SERVICES.gazetteer) for a in batch]


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def extract_batches(batches: Iterable[list[Article]], services: "Services",
                    jobs: int) -> Iterator[list["Extraction"]]:
    """Extract each batch (in order), in ``jobs`` worker processes when ``jobs > 1``."""
    if jobs <= 1:
        _init(services)
        for batch in batches:
            yield _work(batch)
        return
    if "fork" in mp.get_all_start_methods():
        global _SERVICES
        _SERVICES = services  # inherited by the forked workers
        ctx = mp.get_context("fork")
        pool = ctx.Pool(jobs)
    else:  # pragma: no cover - spawn platforms load the services in each worker
        pool = mp.get_context("spawn").Pool(jobs, initializer=_init, initargs=(None,))
    # batches are drawn in this thread (the caller's generator may use SQLite), with a
    # small window in flight so memory stays bounded and workers never wait
    inflight: deque = deque()
    try:
        for batch in batches:
            inflight.append(pool.apply_async(_work, (batch,)))
            if len(inflight) >= 2 * jobs:
                yield inflight.popleft().get()
        while inflight:
            yield inflight.popleft().get()
    finally:
        pool.terminate()
        pool.join()
