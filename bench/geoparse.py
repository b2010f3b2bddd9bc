#!/usr/bin/env python3
"""Geoparsing benchmark: mapper on the gold corpora, scored by ``score.py``.

For each corpus (LGL, GeoVirus, WikToR, UCDP Ukraine) mapper runs twice: end to end
(mapper finds and resolves the toponyms) and on the gold spans (``--resolve-only``:
only resolution is measured).  Predictions go to a temporary folder and are scored
by the corpus folder's ``score.py``.  Prints recognition P/R/F1, Acc@161km, median
and mean error, AUC, speed, the cold start of ``mapper geoparse`` on one document,
and a summary table with the targets of issue 3.  ``--errors N`` adds the N most
frequent false positives, false negatives and wrong resolutions per corpus.

Usage::

    python bench/geoparse.py [--eval-dir ../shared/eval] [--limit N] [--corpus NAME ...] [--errors N]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _evalkit import (DEFAULT_EVAL_DIR, Stopwatch, fmt, gold_file, present, read_jsonl, run_score, table,
                      write_jsonl)

CORPORA = ("lgl", "geovirus", "wiktor", "ucdp_ged_ukraine")
#: issue 3's targets: (corpus, mode, metric) -> minimum
TARGETS = {
    ("lgl", "gold", "acc161"): 0.88, ("lgl", "e2e", "f1"): 0.75,
    ("geovirus", "gold", "acc161"): 0.90, ("wiktor", "gold", "acc161"): 0.75,
    ("ucdp_ged_ukraine", "e2e", "recall"): 0.95, ("ucdp_ged_ukraine", "gold", "acc161"): 0.95,
}
MB_PER_S_TARGET = 1.0
COLD_TARGET_S = 1.5


def predict(docs: list[dict[str, Any]], services: Any, gold_spans: bool) -> tuple[list[dict], Stopwatch]:  # noqa: ANN401
    """Prediction lines for score.py and the time mapper took (per document)."""
    from mapper.geoparse import geoparse_text, toponym_record

    clock = Stopwatch()
    preds = []
    for doc in docs:
        given = doc.get("toponyms", []) if gold_spans else None
        with clock:
            resolved = geoparse_text(doc["text"], services, given)
            records = [toponym_record(r, services) for r in resolved]
        preds.append({"id": doc["id"], "toponyms": records})
    return preds, clock


def bench_corpus(name: str, eval_dir: Path, limit: int | None, services: Any, tmp: Path) -> dict[str, Any]:  # noqa: ANN401
    """Both modes on one corpus: scores, timings and the predictions (for error analysis)."""
    docs = read_jsonl(eval_dir / f"{name}.jsonl", limit)
    gold = gold_file(eval_dir, name, docs, limit, tmp)
    out: dict[str, Any] = {"docs": docs, "chars": sum(len(d["text"]) for d in docs),
                           "bytes": sum(len(d["text"].encode("utf-8")) for d in docs)}
    for mode in ("e2e", "gold"):
        preds, clock = predict(docs, services, gold_spans=mode == "gold")
        path = tmp / f"{name}.{mode}.pred.jsonl"
        write_jsonl(path, preds)
        out[mode] = {"score": run_score(eval_dir, gold, path), "clock": clock, "preds": preds}
    return out


def cold_start(doc: dict[str, Any], tmp: Path, runs: int = 3) -> list[float]:
    """Wall seconds of ``python -m mapper geoparse`` on one document, ``runs`` times."""
    path = tmp / "one.jsonl"
    write_jsonl(path, [doc])
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "mapper", "geoparse", str(path), "-q"],
                              capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - t)
        if done.returncode != 0:
            raise RuntimeError(f"mapper geoparse failed: {done.stderr.strip()[-300:]}")
    return times


def _geo(score: dict[str, Any]) -> dict[str, Any]:
    return score.get("geocoding_matched") or {}


def print_corpus(name: str, res: dict[str, Any]) -> None:
    """The per-corpus block of figures."""
    e2e, gold = res["e2e"]["score"], res["gold"]["score"]
    n = len(res["docs"])
    print(f"\n== {name}: {n} docs, {res['chars']:,} chars (exhaustive: {e2e['exhaustive_docs']})")
    for match in ("overlap", "exact"):
        r = e2e["recognition"][match]
        if e2e["exhaustive_docs"]:
            print(f"  recognition ({match:7s}) P={fmt(r['precision'])} R={fmt(r['recall'])} F1={fmt(r['f1'])} "
                  f"(tp={r['tp']} pred={r['pred']} gold={r['gold']})")
        else:
            print(f"  recognition ({match:7s}) P=n/a (gold not exhaustive) R={fmt(r['recall_all_docs'])}")
    for label, score in (("end to end, matched", e2e), ("gold spans         ", gold)):
        g = _geo(score)
        print(f"  geocoding {label}: n={g.get('n', 0)} Acc@161km={fmt(g.get('acc161'))} "
              f"median={fmt(g.get('median_km'), 1)}km mean={fmt(g.get('mean_km'), 1)}km AUC={fmt(g.get('auc'))}"
              + (f"  ({score['matched_without_coords']} unresolved)" if score["matched_without_coords"] else ""))
    g = e2e.get("geocoding_end_to_end") or {}
    print(f"  geocoding end to end, every gold toponym: Acc@161km={fmt(g.get('acc161'))} AUC={fmt(g.get('auc'))}")
    for mode, label in (("e2e", "end to end"), ("gold", "gold spans")):
        clock = res[mode]["clock"]
        mbs = res["bytes"] / clock.seconds / 1e6 if clock.seconds else 0.0
        print(f"  speed {label}: {clock.rate():.0f} docs/s, {clock.ms_each():.2f} ms/doc, {mbs:.2f} MB/s")


def _target(name: str, mode: str, metric: str, value: float | None) -> str:
    goal = TARGETS.get((name, mode, metric))
    if goal is None:
        return ""
    mark = "ok" if value is not None and value >= goal else "SHORT"
    return f">= {goal:.2f} {mark}"


def summary(results: dict[str, dict[str, Any]]) -> str:
    """The compact table: one row per corpus, targets beside the figures."""
    rows = []
    for name, res in results.items():
        e2e, gold = res["e2e"]["score"], res["gold"]["score"]
        rec = e2e["recognition"]["overlap"]
        exh = bool(e2e["exhaustive_docs"])
        recall = rec["recall"] if exh else rec["recall_all_docs"]
        ge, gg = _geo(e2e), _geo(gold)
        mbs = res["bytes"] / res["e2e"]["clock"].seconds / 1e6
        rows.append([name, str(len(res["docs"])),
                     fmt(rec["precision"]) if exh else "n/a", fmt(recall) + _mark(name, "e2e", "recall", recall),
                     (fmt(rec["f1"]) if exh else "n/a") + _mark(name, "e2e", "f1", rec["f1"] if exh else None),
                     fmt(ge.get("acc161")),
                     fmt(gg.get("acc161")) + _mark(name, "gold", "acc161", gg.get("acc161")),
                     f"{fmt(gg.get('median_km'), 0)}/{fmt(gg.get('mean_km'), 0)}", fmt(gg.get("auc")),
                     f"{res['e2e']['clock'].ms_each():.2f}", f"{mbs:.2f}"])
    header = ["corpus", "docs", "P", "R", "F1", "Acc@161 e2e", "Acc@161 gold", "med/mean km gold",
              "AUC gold", "ms/doc e2e", "MB/s e2e"]
    notes = ["targets (issue 3): " + "; ".join(f"{c} {m} {k} >= {v}" for (c, m, k), v in TARGETS.items()),
             f"speed target >= {MB_PER_S_TARGET} MB/s per core; cold `mapper geoparse` < {COLD_TARGET_S} s"]
    return table(rows, header) + "\n" + "\n".join(notes)


def _mark(name: str, mode: str, metric: str, value: float | None) -> str:
    t = _target(name, mode, metric, value)
    return f" ({t})" if t else ""


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR, help="folder of the gold corpora and score.py")
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    ap.add_argument("--corpus", nargs="+", choices=CORPORA, default=list(CORPORA))
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the N most frequent errors per corpus")
    ap.add_argument("--keep", type=Path, default=None, help="also keep the prediction files in this folder")
    a = ap.parse_args(argv)
    names = list(present(a.eval_dir, a.corpus))
    if not names:
        print("nothing to measure: every corpus is absent", file=sys.stderr)
        return 0
    from mapper.pipeline import Services

    t = time.perf_counter()
    services = Services.load()
    print(f"Services.load(): {time.perf_counter() - t:.2f} s (in-process, warm cache)")
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="mapper-bench-") as tmp_name:
        tmp = Path(a.keep) if a.keep else Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        for name in names:
            results[name] = bench_corpus(name, a.eval_dir, a.limit, services, tmp)
            print_corpus(name, results[name])
            if a.errors:
                from _geoerrors import report

                report(name, results[name], services, a.eval_dir, a.errors)
        cold = cold_start(results[names[0]]["docs"][0], tmp)
    print(f"\ncold `python -m mapper geoparse` on one {names[0]} document: "
          f"{', '.join(f'{c:.2f}' for c in cold)} s (median {statistics.median(cold):.2f} s, "
          f"target < {COLD_TARGET_S} s)")
    print("\n" + summary(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
