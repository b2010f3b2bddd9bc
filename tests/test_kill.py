"""SIGKILL during ``mapper run`` never loses or corrupts the outputs of the previous run.

A run over corpus B is killed at several moments while the output folder holds the
outputs of a run over corpus A.  After each kill every output file must be byte-identical
to A's or to B's (and parse), and nothing but temp files (``.<name>.*.tmp``) and the
incremental store may be left beside them.  The store's own consistency is tested with
the store.
"""
from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT
from mapper.output.webmap import extract_data

OUTPUTS = ("map.html", "incidents.geojson", "cities.csv", "regions.csv", "unplaced.csv")
_TEMP = re.compile(r"\.(?:" + "|".join(re.escape(n) for n in OUTPUTS) + r")\.[^/]+\.tmp")
_STORE = ".mapper-store"
_PLACES = ("Kyiv", "Odesa", "Pokrovsk", "Kharkiv", "Lviv", "Dnipro", "Sumy", "Kherson", "Zaporizhzhia", "Gaza",
           "Rafah", "Khan Younis", "Beirut", "Belgorod", "Kursk", "Izmail", "Ternopil", "Mykolaiv", "Poltava")
_TRIGGERS = ("Russian drones struck", "A missile attack hit", "Artillery shelled", "Israeli airstrikes hit",
             "Fighting continued near")


def _corpus(path: Path, articles: int, seed: int) -> Path:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(articles):
            sentences = [f"On {rnd.randint(1, 28)} {rnd.choice(('October', 'November'))} 2025, "
                         f"{rnd.choice(_TRIGGERS)} {rnd.choice(_PLACES)} and {rnd.choice(_PLACES)}, "
                         f"killing {rnd.randint(1, 9)} people." for _ in range(12)]
            fh.write(json.dumps({"id": f"{seed}-{i}", "title": f"Report {i} <script>", "text": " ".join(sentences),
                                 "published": "2025-11-30"}) + "\n")
    return path


def _start(corpus: Path, out: Path) -> subprocess.Popen:
    # A new session, so the kill reaches the extraction workers too (a power cut, not a ^C).
    return subprocess.Popen([sys.executable, "-m", "mapper", "run", str(corpus), "-o", str(out), "--tiles", "none",
                             "-q", "-j", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def _finish(corpus: Path, out: Path) -> tuple[dict[str, bytes], float]:
    started = time.perf_counter()
    proc = _start(corpus, out)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err.decode()
    return {name: (out / name).read_bytes() for name in OUTPUTS}, time.perf_counter() - started


def _kill(proc: subprocess.Popen) -> bool:
    """SIGKILL the run and its workers; False if it had already ended."""
    running = proc.poll() is None
    if running:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    return running


def _has_temp(out: Path, name: str) -> bool:
    return any(e.name.startswith(f".{name}.") and e.name.endswith(".tmp") for e in os.scandir(out))


def _wait_for(proc: subprocess.Popen, event: Callable[[], bool]) -> float | None:
    """Seconds until ``event()`` holds (polled every 0.5 ms), or None if the run ended first."""
    started = time.perf_counter()
    while proc.poll() is None:
        if event():
            return time.perf_counter() - started
        time.sleep(0.0005)
    return None


def _check_parses(out: Path) -> None:
    doc = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and doc["features"]
    for name in ("cities.csv", "regions.csv", "unplaced.csv"):
        pd.read_csv(out / name)
    assert extract_data((out / "map.html").read_text(encoding="utf-8"))["incidents"]["type"]


def _check_folder(out: Path, old: dict[str, bytes], new: dict[str, bytes]) -> list[str]:
    """Assert each output is A's or B's and parses; return the leftover temp files."""
    for name in OUTPUTS:
        data = (out / name).read_bytes()
        assert data in (old[name], new[name]), f"{name} is neither the old nor the new output"
    _check_parses(out)
    others = sorted(p.name for p in out.iterdir() if p.name not in OUTPUTS and not p.name.startswith(_STORE))
    assert all(_TEMP.fullmatch(n) for n in others), others
    return others


Runs = tuple[Path, Path, dict[str, bytes], dict[str, bytes], float]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """Corpus B, a folder with A's outputs (and store), A's and B's output bytes, B's time to map.html."""
    root = tmp_path_factory.mktemp("kill")
    corpus_a = _corpus(root / "a.jsonl", 40, seed=1)
    corpus_b = _corpus(root / "b.jsonl", 200, seed=2)
    before = root / "before"
    old, _ = _finish(corpus_a, before)
    reference = root / "reference"
    shutil.copytree(before, reference)
    proc = _start(corpus_b, reference)
    to_map = _wait_for(proc, lambda: _has_temp(reference, "map.html"))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and to_map is not None, err.decode()
    new = {name: (reference / name).read_bytes() for name in OUTPUTS}
    assert all(old[n] != new[n] for n in OUTPUTS if n != "unplaced.csv")
    return corpus_b, before, old, new, to_map


@pytest.mark.parametrize("seconds", [0.3, 0.8, 1.5])
def test_kill_early(runs: Runs, tmp_path: Path, seconds: float) -> None:
    """Kills while Python starts, the gazetteer loads and extraction begins."""
    corpus, before, old, new, to_map = runs
    out = tmp_path / "out"
    shutil.copytree(before, out)
    proc = _start(corpus, out)
    time.sleep(seconds)
    assert _kill(proc), "the run ended before the kill"
    assert _check_folder(out, old, new) == []
    if seconds < 0.5 * to_map:  # surely before the first write: nothing changed
        assert all((out / n).read_bytes() == old[n] for n in OUTPUTS)


def test_kill_late_in_extraction(runs: Runs, tmp_path: Path) -> None:
    """A kill at 90% of the time B took to start writing: late in extraction, or early in the writes."""
    corpus, before, old, new, to_map = runs
    out = tmp_path / "out"
    shutil.copytree(before, out)
    proc = _start(corpus, out)
    time.sleep(0.9 * to_map)
    _kill(proc)  # on a much faster re-run it may already be done: the checks hold either way
    leftovers = _check_folder(out, old, new)
    assert all(_TEMP.fullmatch(n) for n in leftovers)


def test_kill_when_the_renames_begin(runs: Runs, tmp_path: Path) -> None:
    """Killed as soon as map.html is replaced: every output is A's or B's. All outputs are
    written to temp files first and renamed together, so the window for a mixed set is the
    few microseconds of the renames."""
    corpus, before, old, new, _ = runs
    out = tmp_path / "out"
    shutil.copytree(before, out)
    inode = (out / "map.html").stat().st_ino
    proc = _start(corpus, out)
    assert _wait_for(proc, lambda: (out / "map.html").stat().st_ino != inode) is not None
    _kill(proc)
    _check_folder(out, old, new)
    assert (out / "map.html").read_bytes() == new["map.html"]


@pytest.mark.parametrize("name", ["map.html", "incidents.geojson", "cities.csv"])
def test_kill_while_writing(runs: Runs, tmp_path: Path, name: str) -> None:
    corpus, before, old, new, _ = runs
    for attempt in range(3):  # the temp file lives for milliseconds; poll until a kill lands in it
        out = tmp_path / f"out{attempt}"
        shutil.copytree(before, out)
        proc = _start(corpus, out)
        if _wait_for(proc, lambda: _has_temp(out, name)) is not None and _kill(proc):
            break
    else:
        pytest.fail(f"{name}'s temp file never seen in 3 runs")
    leftovers = _check_folder(out, old, new)
    # killed mid-write: nothing is renamed before every output is written, so the whole
    # previous set stands; the temp files are the only leftovers (the next run removes them)
    assert all((out / n).read_bytes() == old[n] for n in OUTPUTS)
    assert leftovers and all(_TEMP.fullmatch(n) for n in leftovers)
    assert any(n.startswith(f".{name}.") for n in leftovers)


def test_store_stays_consistent_after_a_kill(runs: Runs, tmp_path: Path) -> None:
    """Killed while extractions are being stored: the SQLite store passes its integrity check,
    and the next run (reading what the killed one stored) gives exactly B's outputs."""
    import sqlite3

    corpus, before, old, new, to_map = runs
    out = tmp_path / "out"
    shutil.copytree(before, out)
    proc = _start(corpus, out)
    time.sleep(max(0.2, to_map * 0.6))  # well inside extraction, after some batches were stored
    _kill(proc)
    with sqlite3.connect(out / ".mapper-store.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finished, _ = _finish(corpus, out)
    assert finished == new
