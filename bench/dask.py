#!/usr/bin/env python3
"""Dask engine benchmark: throughput with 1 and 2 workers, overhead against the local engine.

Generates a synthetic corpus (``--articles``, default 2,000, of about 450 characters:
dated strikes on real cities, each incident reported by several articles, some talks),
writes it as one JSONL file, then times on this machine:

* the local engine, ``pipeline.run`` with ``jobs=1`` and ``jobs=2`` (reading included);
* ``run_dask`` on a LocalCluster of 1 and of 2 single-threaded worker processes
  (cluster start-up timed apart; the first run on a fresh cluster, which loads the
  gazetteer on each worker, apart from the best of ``--repeat`` warm runs).

Every Dask result is checked equal to the local engine's.  Needs ``mapper[dask]``.

Usage::

    python bench/dask.py [--articles 2000] [--repeat 2] [--partition-size 64MB]
"""
from __future__ import annotations

import sys
from pathlib import Path

# this file is named dask.py: keep its folder off the path so `import dask` finds the package
_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import os  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

CITIES = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Zaporizhzhia", "Kherson", "Mykolaiv",
          "Poltava", "Chernihiv", "Kramatorsk", "Sloviansk", "Pokrovsk", "Kryvyi Rih", "Vinnytsia"]
WEAPONS = ["drones", "missiles", "artillery shells", "glide bombs", "Shahed drones", "ballistic missiles"]
OUTLETS = ["Reuters", "the BBC", "Ukrainska Pravda", "AP", "Suspilne"]


def corpus(n: int) -> list[dict]:
    """``n`` JSONL records; article i reports incident i % (n // 3), so each is reported ~3 times."""
    events = max(1, n // 3)
    out = []
    for i in range(n):
        e = i % events
        day = dt.date(2025, 1, 1) + dt.timedelta(days=e % 300)
        city, weapon = CITIES[e % len(CITIES)], WEAPONS[e % len(WEAPONS)]
        text = (f"On {day.day} {day:%B} {day.year} Russian {weapon} struck {city}, {OUTLETS[i % 5]} reported. "
                f"Regional officials said {e % 7} people were killed and {e % 11} injured. "
                "Emergency services worked through the night to put out fires in residential buildings. "
                f"Air defence units said they had shot down most of the {weapon} over the region. "
                "The governor urged residents to stay in shelters while the alert continued. ")
        if e % 4 == 0:
            text += f"Talks on grain exports continued in Istanbul on {day.day} {day:%B} {day.year}."
        out.append({"id": f"a{i:05d}", "title": f"{city} attacked overnight", "text": text,
                    "published": (day + dt.timedelta(days=i % 2)).isoformat()})
    return out


def _local(path: str, services, jobs: int):  # noqa: ANN001, ANN202
    from mapper.ingest import read_articles
    from mapper.pipeline import run

    start = time.perf_counter()
    result = run(read_articles([path]), services, jobs=jobs)
    return result, time.perf_counter() - start


def _dask(path: str, workers: int, repeat: int, partition_size: str, expected) -> dict:  # noqa: ANN001
    from distributed import LocalCluster

    from mapper.distributed import run_dask

    start = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster:
        startup = time.perf_counter() - start
        times = []
        for _ in range(1 + repeat):
            t0 = time.perf_counter()
            result = run_dask([path], scheduler=cluster.scheduler_address, partition_size=partition_size)
            times.append(time.perf_counter() - t0)
            if result.incidents != expected.incidents or result.unplaced != expected.unplaced:
                raise SystemExit(f"dask with {workers} workers differs from the local engine")
    return {"startup": startup, "first": times[0], "warm": min(times[1:]) if repeat else times[0]}


def main() -> None:
    """Parse arguments, run the timings and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=2, help="warm runs per cluster (best is kept)")
    ap.add_argument("--partition-size", default="64MB")
    args = ap.parse_args()
    from mapper.pipeline import Services

    services = Services.load()
    records = corpus(args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "corpus.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in records)
        mb = os.path.getsize(path) / 1e6
        print(f"corpus: {args.articles:,} articles, {mb:.2f} MB, cores: {os.cpu_count()}")
        local1, t1 = _local(path, services, 1)
        _, t2 = _local(path, services, 2)
        print(f"{len(local1.incidents):,} incidents, {len(local1.unplaced):,} unplaced")
        rows = [("local, jobs=1", t1, None), ("local, jobs=2", t2, None)]
        for workers in (1, 2):
            d = _dask(path, workers, args.repeat, args.partition_size, local1)
            rows.append((f"dask, {workers} worker{'s' if workers > 1 else ''} (warm)", d["warm"], d))
    print(f"\n{'engine':<28}{'seconds':>9}{'articles/s':>12}{'MB/s':>8}{'vs local jobs=1':>17}")
    for name, secs, _ in rows:
        print(f"{name:<28}{secs:>9.2f}{args.articles / secs:>12,.0f}{mb / secs:>8.2f}{secs / t1:>16.2f}x")
    for name, _, d in rows:
        if d:
            print(f"{name[:-7]}: cluster start {d['startup']:.1f}s, first run on it {d['first']:.2f}s "
                  f"(loads the gazetteer on each worker)")


if __name__ == "__main__":
    main()
