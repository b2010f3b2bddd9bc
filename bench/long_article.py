#!/usr/bin/env python3
"""Time for a 10 MB one-line article, stage by stage (issue 16).

    python bench/long_article.py [--repeat 1]

Writes a 10 MB single-line JSONL article (one clause: a drone strike on Kyiv and the
outskirts of Odesa in every 94-character unit), reads it through ingest, which keeps
the first ``MAX_ARTICLE_CHARS`` (2,000,000) characters with a warning, and times each
stage on the truncated article: segmentation, place recognition, dates, geoparsing
(recognition + resolution) and ``extract_article`` (all of it, linking included).  Then
``link_clause`` alone on one clause of N and 2N units of three harder shapes (talks
beside strikes, names mapper cannot place, "no one was killed" beside a toll): the
ratio of the two times is about 2 when linking is linear in the places of a clause.
``tests/test_limits.py`` runs the same case for correctness, without timing it.  The
figures are wall-clock seconds on whatever else the machine is doing: best of
``--repeat``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mapper import ingest  # noqa: E402
from mapper.extract import events  # noqa: E402
from mapper.extract.dates import find_dates  # noqa: E402
from mapper.extract.segment import segment  # noqa: E402
from mapper.extract.toponyms import find_spans  # noqa: E402
from mapper.model import Article  # noqa: E402
from mapper.pipeline import Services, extract_article, geoparse_article  # noqa: E402

UNIT = "on 12 November 2025 russian drones struck Kyiv and the outskirts of odesa, officials said; "
TEN_MB = 10_000_000
HARD = {
    "talks beside strikes": "on 12 November 2025 talks in Geneva stalled as drones struck Kyiv and Odesa; ",
    "unplaceable names": "on 12 November 2025 drones launched from Kursk struck in Zogtown; ",
    "zeros beside tolls": "on 12 November 2025 drones struck Kyiv, no one was killed, 3 killed, ",
}


def _best(fn: Callable[[], object], repeat: int) -> tuple[object, float]:
    best, out = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - started)
    return out, best


def _link_seconds(services: Services, text: str) -> float:
    """Seconds in link_clause while extracting a one-clause article."""
    spent = [0.0]
    original = events.link_clause

    def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - a pass-through
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    import mapper.pipeline as pipeline

    pipeline.link_clause = timed
    try:
        extract_article(Article("x", text, published=dt.date(2025, 11, 20)), services.gazetteer)
    finally:
        pipeline.link_clause = original
    return spent[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="passes per figure (the best is printed)")
    ap.add_argument("--units", type=int, default=10_000, help="N, units per clause for the link_clause shapes")
    args = ap.parse_args()
    services = Services.load()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "huge.jsonl"
        line = (UNIT * (TEN_MB // len(UNIT))).ljust(TEN_MB)
        path.write_text(json.dumps({"id": "huge", "text": line, "published": "2025-11-20"}) + "\n")
        (articles, took) = _best(lambda: list(ingest.read_articles([str(path)], on_warning=lambda m: None)),
                                 args.repeat)
    [article] = articles  # type: ignore[misc]
    text = article.text
    print(f"10 MB one-line article; ingest keeps {len(text):,} characters, {text.count('Kyiv'):,} place mentions")
    print(f"  {'ingest (read + truncate)':28} {took:7.2f} s")
    stages: list[tuple[str, Callable[[], object]]] = [
        ("segment", lambda: segment(article)),
        ("find_spans", lambda: find_spans(text, services.gazetteer)),
        ("find_dates", lambda: find_dates(text, article.published)),
        ("geoparse (spans + resolve)", lambda: geoparse_article(article, services.gazetteer)),
        ("extract_article (all)", lambda: extract_article(article, services.gazetteer)),
    ]
    for name, fn in stages:
        _, took = _best(fn, args.repeat)
        print(f"  {name:28} {took:7.2f} s")
    n = args.units
    print(f"link_clause on one clause of N={n:,} and 2N units (seconds; ratio ~2 = linear)")
    for name, unit in HARD.items():
        one = min(_link_seconds(services, unit * n) for _ in range(args.repeat))
        two = min(_link_seconds(services, unit * 2 * n) for _ in range(args.repeat))
        print(f"  {name:28} {one:7.2f} {two:7.2f}  x{two / one:.1f}")


if __name__ == "__main__":
    main()
