#!/usr/bin/env python3
"""Speed of place-name recognition plus resolution alone, beside flashgeotext (issues 3 and 6).

    python bench/recognition_speed.py [--eval-dir ../shared/eval] [--corpus lgl geovirus]
                                      [--repeat 5] [--extra FILE.jsonl ...] [--profile]

Times ``find_spans`` + ``resolve_spans`` (what ``mapper geoparse`` does per document,
without JSON and output records) over the texts of the gold corpora, one core, in
process, after the gazetteer is loaded; the best of ``--repeat`` passes is reported
(the machine is shared, so the minimum is the least noisy figure).  Those passes run
with recognition's and resolution's memos warm (runs, words and names recur from text to
text); the ``cold`` column is one pass after every memo is emptied, what a fresh process
sees on its first corpus.  flashgeotext
0.5.5's ``GeoText.extract`` (recognition only, no disambiguation) runs on the same
texts the same way when it is installed (``pip install flashgeotext==0.5.5``).
``--extra`` adds JSON-lines files of ``{"text"}`` (e.g. a ``bench/speed.py --keep``
corpus); ``--profile`` prints a pyinstrument profile of one mapper pass.
Absent corpora are skipped with a message.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _evalkit import DEFAULT_EVAL_DIR, read_jsonl

TARGET_MB_S = 1.0


def _texts(eval_dir: Path, corpora: list[str], extra: list[Path]) -> list[tuple[str, list[str]]]:
    """(label, texts) per corpus found; absent ones are reported and skipped."""
    out = []
    for name in corpora:
        path = eval_dir / f"{name}.jsonl"
        if not path.exists():
            print(f"{name}: {path} is absent, skipped")
            continue
        out.append((name, [d["text"] for d in read_jsonl(path)]))
    for path in extra:
        if not path.exists():
            print(f"{path}: absent, skipped")
            continue
        out.append((path.name, [d["text"] for d in read_jsonl(path)]))
    return out


def best_rate(run: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """MB/s (characters / 1e6 per second) of the fastest of ``repeat`` passes over ``texts``."""
    size = sum(len(t) for t in texts) / 1e6
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            run(text)
        best = min(best, time.perf_counter() - start)
    return size / best


def _mapper_runner() -> tuple[Callable[[str], object], Callable[[], None]]:
    """mapper's recognition + resolution of one text, and a function that empties its memos."""
    from mapper.extract import run_plans
    from mapper.extract.toponyms import find_spans
    from mapper.geo.gazetteer import Gazetteer
    from mapper.geo.resolve import resolve_spans

    gaz = Gazetteer.load()

    def run(text: str) -> object:
        return resolve_spans(find_spans(text, gaz), gaz, text)

    def forget() -> None:
        gaz.forget()  # the memos of runs and names, per gazetteer
        run_plans._WORDS.clear()  # the word memo of recognition (module level, no public handle)

    return run, forget


def cold_rate(run: Callable[[str], object], forget: Callable[[], None], texts: list[str]) -> float:
    """MB/s of one pass over ``texts`` after every memo is emptied: what a process sees first."""
    forget()
    start = time.perf_counter()
    for text in texts:
        run(text)
    return sum(len(t) for t in texts) / 1e6 / (time.perf_counter() - start)


def _flashgeotext_runner() -> Callable[[str], object] | None:
    try:
        from flashgeotext.geotext import GeoText
    except ImportError:
        return None
    geotext = GeoText()
    return lambda text: geotext.extract(input_text=text)


def _profile(run: Callable[[str], object], texts: list[str]) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument not installed: no profile")
        return
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for text in texts:
        run(text)
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False, show_all=False))


def main(argv: list[str] | None = None) -> int:
    """Print MB/s of mapper and flashgeotext per corpus and overall, and their ratio."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--corpus", nargs="+", default=["lgl", "geovirus"])
    ap.add_argument("--extra", nargs="*", type=Path, default=[], help="more JSON-lines files of {text}")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", action="store_true", help="pyinstrument profile of one mapper pass")
    args = ap.parse_args(argv)
    corpora = _texts(args.eval_dir, args.corpus, args.extra)
    if not corpora:
        print("no corpus found: nothing to measure")
        return 0
    ours, forget = _mapper_runner()
    theirs = _flashgeotext_runner()
    if theirs is None:
        print("flashgeotext not installed (pip install flashgeotext==0.5.5): mapper alone")
    for text in corpora[0][1][:20]:  # warm caches and imports before timing
        ours(text)
    everything = [t for _, texts in corpora for t in texts]
    rows = corpora + ([("all", everything)] if len(corpora) > 1 else [])
    print(f"{'corpus':<16} {'docs':>6} {'MB':>6} {'mapper MB/s':>12} {'cold':>6} {'flashgeotext MB/s':>18} "
          f"{'ratio':>6}")
    for label, texts in rows:
        mb = sum(len(t) for t in texts) / 1e6
        cold = cold_rate(ours, forget, texts)
        mine = best_rate(ours, texts, args.repeat)
        line = f"{label:<16} {len(texts):>6} {mb:>6.2f} {mine:>12.2f} {cold:>6.2f}"
        if theirs is not None:
            peer = best_rate(theirs, texts, args.repeat)
            line += f" {peer:>18.2f} {mine / peer:>6.2f}"
        print(line)
    print(f"target: mapper >= {TARGET_MB_S:.1f} MB/s on one core (recognition + resolution); mapper MB/s is"
          " the best of --repeat passes (memos warm), cold one pass with every memo emptied first")
    if args.profile:
        _profile(ours, everything)
    return 0


if __name__ == "__main__":
    sys.exit(main())
