"""Extraction over worker processes, in batches, in input order.

Workers get the loaded services once: inherited by ``fork`` where the platform has it
(no reload, shared copy-on-write), else loaded by each worker's initializer.  Batches
come back in the order they were sent, so results do not depend on ``--jobs``.  Each
article comes back as its store payload (:func:`mapper.store.encode`): compact to send,
ready to store, and decoded by the parent into shared records.
"""
from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from mapper.model import Article

if TYPE_CHECKING:
    from mapper.pipeline import Services

_SERVICES: "Services | None" = None


def _init(services: "Services | None") -> None:
    global _SERVICES
    if services is not None:
        _SERVICES = services
    elif _SERVICES is None:
        from mapper.pipeline import Services

        _SERVICES = Services.load()


def _work(batch: list[Article]) -> list[bytes]:
    from mapper.pipeline import extract_article
    from mapper.store import encode

    assert _SERVICES is not None
    return [encode(extract_article(a, _SERVICES.gazetteer)) for a in batch]


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (restored on exit).

    A run builds millions of acyclic records; each full collection would walk all of
    them again (a third of a re-run's time) and free nothing.  Reference counting still
    frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def extract_batches(batches: Iterable[list[Article]], services: "Services",
                    jobs: int) -> Iterator[list[bytes]]:
    """Extract each batch (in order), in ``jobs`` worker processes when ``jobs > 1``.

    Yields, per batch, each article's encoded extraction (:func:`mapper.store.encode`).
    """
    if jobs <= 1:
        _init(services)
        for batch in batches:
            yield _work(batch)
        return
    if "fork" in mp.get_all_start_methods():
        global _SERVICES
        _SERVICES = services  # inherited by the forked workers
        # frozen objects are never scanned by a worker's collector, so the pages it
        # shares with this process stay shared instead of being copied on first touch
        gc.freeze()
        try:
            pool = mp.get_context("fork").Pool(jobs, initializer=gc.enable)
        finally:
            gc.unfreeze()
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
