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
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from mapper.model import Article

if TYPE_CHECKING:
    from mapper.pipeline import Services

# (pid, services): keyed by process id, so a forked child that did not inherit them on
# purpose loads its own copy instead of trusting a parent's half-initialised one
_SERVICES: "tuple[int, Services] | None" = None
_LOCK = threading.Lock()


def process_services(services: "Services | None" = None) -> "Services":
    """The gazetteer and regions of this process, loaded on first use and kept.

    The one per-process cache both engines use: the local engine's worker processes
    and the Dask engine's workers.  ``services`` installs already loaded ones (the
    parent's, inherited by forked workers).
    """
    global _SERVICES
    with _LOCK:
        if services is not None:
            _SERVICES = (os.getpid(), services)
        elif _SERVICES is None or _SERVICES[0] != os.getpid():
            from mapper.pipeline import Services

            _SERVICES = (os.getpid(), Services.load())
        return _SERVICES[1]


def _init(services: "Services | None") -> None:
    process_services(services)


def _adopt() -> None:
    """A forked worker's initializer: keep the services inherited from the parent."""
    global _SERVICES
    gc.enable()
    if _SERVICES is not None:
        _SERVICES = (os.getpid(), _SERVICES[1])


def extract_payloads(batch: list[Article]) -> list[bytes]:
    """Extract each article of a batch with this process's services, as store payloads."""
    from mapper.pipeline import extract_article
    from mapper.store import encode

    gaz = process_services().gazetteer
    return [encode(extract_article(a, gaz)) for a in batch]


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
            yield extract_payloads(batch)
        return
    if "fork" in mp.get_all_start_methods():
        process_services(services)  # inherited by the forked workers
        # frozen objects are never scanned by a worker's collector, so the pages it
        # shares with this process stay shared instead of being copied on first touch
        gc.freeze()
        try:
            pool = mp.get_context("fork").Pool(jobs, initializer=_adopt)
        finally:
            gc.unfreeze()
    else:  # pragma: no cover - spawn platforms load the services in each worker
        pool = mp.get_context("spawn").Pool(jobs, initializer=_init, initargs=(None,))
    # batches are drawn in this thread (the caller's generator may use SQLite), with a
    # small window in flight so memory stays bounded and workers never wait
    inflight: deque = deque()
    try:
        for batch in batches:
            inflight.append(pool.apply_async(extract_payloads, (batch,)))
            if len(inflight) >= 2 * jobs:
                yield inflight.popleft().get()
        while inflight:
            yield inflight.popleft().get()
    finally:
        pool.terminate()
        pool.join()
