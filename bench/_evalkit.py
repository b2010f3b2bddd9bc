"""Shared plumbing of mapper's benchmarks: gold corpora, the scorer, timing.

The gold corpora and ``score.py`` live outside the repository (``../shared/eval`` by
default) and are read at benchmark time only; nothing here copies them.  Scores
always come from ``score.py`` itself, run as a subprocess with ``--json``; the
error analyses import it for its span matching and distance so that they pair
mentions exactly as the scorer does.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EVAL_DIR = REPO.parent / "shared" / "eval"

if str(REPO) not in sys.path:
    # a fresh clone without `pip install -e .` still imports the package
    sys.path.insert(0, str(REPO))


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` documents (all when None) of a JSON-lines file."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
                if limit is not None and len(docs) >= limit:
                    break
    return docs


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """Write records as JSON lines (UTF-8)."""
    with open(path, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def gold_file(eval_dir: Path, name: str, docs: list[dict[str, Any]], limit: int | None, tmp: Path) -> Path:
    """The gold file to score against: the corpus itself, or its first ``limit`` docs in ``tmp``.

    score.py counts a gold document without prediction as "predicted nothing", so a
    limited run must be scored against a gold file cut to the same documents.
    """
    if limit is None:
        return eval_dir / f"{name}.jsonl"
    path = tmp / f"{name}.gold.jsonl"
    write_jsonl(path, docs)
    return path


def run_score(eval_dir: Path, gold: Path, pred: Path, *extra: str) -> dict[str, Any]:
    """score.py's JSON summary of ``pred`` against ``gold``."""
    cmd = [sys.executable, str(eval_dir / "score.py"), str(gold), str(pred), "--json", *extra]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"score.py failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout)


def load_scorer(eval_dir: Path) -> ModuleType:
    """score.py imported as a module (for ``match`` and ``haversine``)."""
    spec = importlib.util.spec_from_file_location("eval_score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot import {eval_dir / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Stopwatch:
    """Accumulates the wall time of the blocks it times."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.count = 0

    def __enter__(self) -> "Stopwatch":
        self._t = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds += time.perf_counter() - self._t
        self.count += 1

    def rate(self) -> float:
        """Timed blocks per second."""
        return self.count / self.seconds if self.seconds else 0.0

    def ms_each(self) -> float:
        """Milliseconds per timed block."""
        return 1000 * self.seconds / self.count if self.count else 0.0


def fmt(value: float | None, digits: int = 3) -> str:
    """A number for a table cell ("n/a" for None)."""
    if value is None:
        return "n/a"
    return f"{value:.{digits}f}"


def table(rows: list[list[str]], header: list[str]) -> str:
    """A Markdown table with padded columns."""
    cols = [header, *rows]
    widths = [max(len(r[i]) for r in cols) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])


def present(eval_dir: Path, names: Iterable[str]) -> Iterator[str]:
    """The corpora that exist in ``eval_dir``, with a message for each one skipped."""
    if not (eval_dir / "score.py").is_file():
        print(f"skipped: no score.py in {eval_dir} (use --eval-dir)", file=sys.stderr)
        return
    for name in names:
        if (eval_dir / f"{name}.jsonl").is_file():
            yield name
        else:
            print(f"skipped {name}: {eval_dir / (name + '.jsonl')} is absent", file=sys.stderr)
