"""Speed and scale of mapper end to end (issue 6), beside flashgeotext's recognition.

    python bench/speed.py [-n 1000] [--full] [--seed 7] [--realnews 5] [--keep DIR]

Generates a deterministic corpus of N conflict-news articles (about 3,000 characters
each) from templates over real gazetteer names, writes it as JSONL, and measures in one
run: cold start (`mapper run` on one article), end-to-end throughput of `mapper run`
with --jobs 1 and --jobs 2 (articles/s, MB/s, peak RSS of the whole process tree), the
incremental re-run with 1% new articles, and `mapper extract --jobs 1` against
flashgeotext 0.5.5's recognition alone on the same text, one core each.  `--full` is
the 100,000-article case (about 300 MB of text).  The generated articles are easier than
news (fewer event sentences per article), so the run also measures `mapper run --jobs 1`
on the real-news corpus of `tests/data/realnews` (`--realnews K` copies of it under new
ids, 5 by default, about 7.8 MB; 0 skips it).

flashgeotext is installed only for this benchmark: `pip install flashgeotext==0.5.5`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

WEAPONS = ["drones", "Shahed drones", "missiles", "ballistic missiles", "glide bombs", "artillery",
           "rockets", "cruise missiles"]
VERBS = ["struck", "hit", "attacked", "targeted", "shelled", "pounded"]
ACTORS = ["Russian", "Ukrainian", "Israeli", "RSF", "Myanmar military"]
FILLER = [
    "Officials said air defences were active across the region for several hours.",
    "The governor urged residents to stay in shelters until the all-clear was given.",
    "Energy companies reported outages affecting thousands of households.",
    "Analysts said the attacks were part of a broader campaign against infrastructure.",
    "Emergency crews worked through the night to clear debris and search for survivors.",
    "The ministry did not comment on the claims, which could not be independently verified.",
    "Diplomats continued to discuss a ceasefire proposal, with little sign of progress.",
    "Local media published images showing damaged apartment blocks and burned cars.",
    "Schools in the area switched to remote learning for the rest of the week.",
    "Humanitarian groups warned that winter would make conditions worse for displaced families.",
]


def place_names(limit: int = 400) -> list[str]:
    """Real town names of the countries mapper's users follow, largest first."""
    from mapper.geo.gazetteer import KINDS, Gazetteer

    gaz = Gazetteer.load()
    city = KINDS.index("city")
    rows = [(gaz.population[i], gaz.names[i]) for i in range(len(gaz.names))
            if gaz.kind[i] == city and gaz.country[i] in {"UA", "RU", "PS", "SD", "MM", "IL", "LB", "SY"}
            and gaz.population[i] >= 15_000 and gaz.names[i].isascii()]
    rows.sort(reverse=True)
    return [name for _, name in rows[:limit]]


def article(rng: random.Random, i: int, names: list[str], base: dt.date) -> dict:
    published = base + dt.timedelta(days=rng.randrange(0, 365))
    parts = []
    for _ in range(rng.randint(2, 4)):
        day = published - dt.timedelta(days=rng.randint(0, 3))
        a, b = rng.sample(names, 2)
        killed = rng.randint(0, 12)
        parts.append(f"On {day.day} {day.strftime('%B %Y')}, {rng.choice(ACTORS)} {rng.choice(WEAPONS)} "
                     f"{rng.choice(VERBS)} {a} and {b}, killing {killed} people and injuring {killed * 2}, "
                     f"officials said.")
        parts.append(f"Overnight, explosions were heard near {rng.choice(names)}, the regional governor said.")
    while sum(len(p) for p in parts) < 2_900:
        parts.append(rng.choice(FILLER))
    rng.shuffle(parts)
    return {"id": f"s{i:06d}", "title": f"Strikes reported in {rng.choice(names)}", "text": " ".join(parts),
            "published": published.isoformat(), "url": f"https://example.org/news/{i}"}


def write_corpus(path: Path, n: int, seed: int, names: list[str], start: int = 0) -> int:
    rng = random.Random(seed * 1_000_003 + start)
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            line = json.dumps(article(rng, i, names, dt.date(2025, 1, 1)), ensure_ascii=False) + "\n"
            size += len(line.encode())
            fh.write(line)
    return size


class TreeRSS(threading.Thread):
    """Samples the summed RSS of a process and its descendants (Linux /proc).

    Also the summed PSS (``smaps_rollup``): RSS counts the pages forked workers share
    with their parent (the gazetteer) once per process, PSS splits them between them.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.peak_pss, self.done = pid, 0, 0, False

    def _tree(self) -> list[int]:
        kids: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                    kids.setdefault(ppid, []).append(int(entry))
                except (OSError, IndexError, ValueError):
                    continue
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(kids.get(p, []))
        return out

    @staticmethod
    def _field(path: str, name: str) -> int:
        try:
            with open(path) as fh:
                return next(int(line.split()[1]) for line in fh if line.startswith(name))
        except (OSError, StopIteration, ValueError):
            return 0

    def run(self) -> None:
        while not self.done:
            tree = self._tree()
            total = sum(self._field(f"/proc/{p}/status", "VmRSS:") for p in tree)
            pss = sum(self._field(f"/proc/{p}/smaps_rollup", "Pss:") for p in tree)
            self.peak = max(self.peak, total)
            self.peak_pss = max(self.peak_pss, pss)
            time.sleep(0.1)


def timed(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak tree RSS and peak tree PSS (MB) of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = TreeRSS(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    sampler.done = True
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {err.strip()}")
    return time.perf_counter() - start, sampler.peak // 1024, sampler.peak_pss // 1024


def write_realnews(path: Path, copies: int) -> tuple[float, float]:
    """The real-news corpus as JSONL, ``copies`` times under new ids (so no copy is read back from
    the store); returns MB of JSONL and MB of article text (title and body)."""
    import csv

    corpus = ROOT / "tests" / "data" / "realnews"
    with open(corpus / "manifest.csv", newline="", encoding="utf-8") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: r["id"])
    docs = []
    for row in rows:
        title, _, body = (corpus / "articles" / f"{row['id']}.txt").read_text(encoding="utf-8").partition("\n\n")
        docs.append({"id": row["id"], "title": title, "text": body, "published": row["published"], "url": row["url"]})
    size = text = 0
    with open(path, "w", encoding="utf-8") as out:
        for k in range(copies):
            for doc in docs:
                line = json.dumps({**doc, "id": f"{doc['id']}-{k}"}) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
                text += len(doc["title"]) + len(doc["text"])
    return size / 1e6, text / 1e6


def flashgeotext_rate(path: Path) -> float | None:
    """MB/s of flashgeotext's recognition on the corpus text (after its load), or None."""
    try:
        from flashgeotext.geotext import GeoText
    except ImportError:
        return None
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    geotext = GeoText()
    start = time.perf_counter()
    for text in texts:
        geotext.extract(input_text=text)
    return sum(len(t) for t in texts) / 1e6 / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--full", action="store_true", help="100,000 articles")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--realnews", type=int, default=5, metavar="K",
                    help="copies of the real-news corpus to time (default 5; 0: skip)")
    ap.add_argument("--keep", type=Path, help="keep the corpus and outputs here")
    args = ap.parse_args(argv)
    n = 100_000 if args.full else args.n
    work = args.keep or Path(tempfile.mkdtemp(prefix="mapper-speed-"))
    work.mkdir(parents=True, exist_ok=True)
    names = place_names()
    corpus = work / "in"
    corpus.mkdir(exist_ok=True)
    size = write_corpus(corpus / "part-0.jsonl", n, args.seed, names)
    mb = size / 1e6
    print(f"corpus: {n:,} articles, {mb:.1f} MB of JSONL in {corpus}")
    mapper = [sys.executable, "-m", "mapper"]
    one = work / "one.jsonl"
    write_corpus(one, 1, args.seed + 1, names)
    cold, _, _ = timed(mapper + ["run", str(one), "-o", str(work / "cold"), "--quiet", "--jobs", "1"])
    print(f"cold start, `mapper run` on one article: {cold:.2f} s wall (target < 2.5 s)")
    rows = {}
    for jobs in (1, 2):
        out = work / f"out-j{jobs}"
        secs, rss, pss = timed(mapper + ["run", str(corpus), "-o", str(out), "--quiet", "--jobs", str(jobs),
                                         "--tiles", "none", "--rebuild"])
        rows[jobs] = secs
        print(f"mapper run --jobs {jobs}: {secs:.1f} s, {n / secs:,.0f} articles/s, {mb / secs:.2f} MB/s, "
              f"peak RSS {rss:,} MB (process tree; PSS {pss:,} MB)")
    print(f"speed-up with 2 jobs: {rows[1] / rows[2]:.2f}x (target >= 1.7x)")
    extra = max(1, n // 100)
    write_corpus(corpus / "part-1.jsonl", extra, args.seed, names, start=n)
    secs, rss, pss = timed(mapper + ["run", str(corpus), "-o", str(work / "out-j2"), "--quiet", "--jobs", "2",
                                     "--tiles", "none"])
    print(f"re-run with {extra:,} new articles (1%): {secs:.1f} s = {100 * secs / rows[2]:.0f}% of the first "
          f"run (target < 10%), peak RSS {rss:,} MB (PSS {pss:,} MB)")
    secs, _, _ = timed(mapper + ["extract", str(corpus / "part-0.jsonl"), "-o", str(work / "x.jsonl"), "--quiet",
                              "--jobs", "1"])
    text_mb = sum(len(json.loads(line)["text"]) for line in open(corpus / "part-0.jsonl", encoding="utf-8")) / 1e6
    ours = text_mb / secs
    print(f"mapper extract --jobs 1: {ours:.2f} MB/s of article text (whole process, load included)")
    if args.realnews > 0:
        real = work / "realnews.jsonl"
        jsonl_mb, text_mb = write_realnews(real, args.realnews)
        secs, rss, _ = timed(mapper + ["run", str(real), "-o", str(work / "out-real"), "--quiet", "--jobs", "1",
                                       "--tiles", "none", "--rebuild"])
        print(f"mapper run --jobs 1 on the real-news corpus x{args.realnews} ({jsonl_mb:.1f} MB of JSONL): "
              f"{secs:.1f} s, {jsonl_mb / secs:.2f} MB/s of JSONL, {text_mb / secs:.2f} MB/s of article text, "
              f"peak RSS {rss:,} MB")
    theirs = flashgeotext_rate(corpus / "part-0.jsonl")
    if theirs is None:
        print("flashgeotext not installed (pip install flashgeotext==0.5.5): no comparison")
    else:
        print(f"flashgeotext 0.5.5 recognition alone: {theirs:.2f} MB/s (after its load); "
              f"ratio mapper/flashgeotext = {ours / theirs:.2f} (target >= 1.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
