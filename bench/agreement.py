#!/usr/bin/env python3
"""How far two annotators of the real-news corpus agree, beside how far mapper agrees with one.

    python bench/agreement.py [--second tests/data/realnews/agreement/gold2.jsonl] [--keep DIR]

A second helper, who saw neither the first annotation nor mapper, annotated a sample of
articles of the read splits again from the text alone with ``../shared/eval/annotation.md``
(``tests/data/realnews/agreement/``).  The bench scores the second annotation as if it were a
prediction against the first (and the first against the second) with ``incidents.py``, then
runs mapper on the same articles (one ``mapper run``, as ``bench/realnews.py`` does) and scores
it against each annotation.  Human agreement bounds what a target on this corpus can ask:
mapper cannot agree with an annotator more closely than a second careful annotator does,
except by chance.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from _evalkit import DEFAULT_EVAL_DIR, REPO, read_jsonl, write_jsonl

CORPUS = REPO / "tests" / "data" / "realnews"
BACKGROUND_DAYS = 30
KEYS = ("place", "place+date", "place+date+type", "strike place+date")


def first_annotation(ids: set[str]) -> list[dict]:
    """The corpus' gold lines of ``ids``, from whichever split holds them."""
    docs = []
    for path in sorted(CORPUS.glob("gold-*.jsonl")):
        if path.name == "gold-test.jsonl":
            continue  # the frozen test split is only run to report: never sampled here
        docs += [d for d in read_jsonl(path) if d["id"] in ids]
    return docs


def as_prediction(docs: list[dict]) -> dict:
    """An annotation written as mapper's incidents.geojson, so ``incidents.py`` can score it.
    Lines the annotator marked as recalled background (ended more than 30 days before
    publication) are left out, as the scorer leaves them out of the gold."""
    features = []
    for doc in docs:
        published = dt.date.fromisoformat(doc["published"])
        for g in doc["incidents"]:
            end = dt.date.fromisoformat(g.get("date_end") or g["date_start"])
            if (published - end).days > BACKGROUND_DAYS:
                continue
            point = None if g.get("lat") is None else {"type": "Point", "coordinates": [g["lon"], g["lat"]]}
            features.append({"type": "Feature", "geometry": point, "properties": {
                "type": g["type"], "date_start": g["date_start"], "date_end": g.get("date_end") or g["date_start"],
                "admin1": g.get("admin1"), "country": g.get("country"), "place": g.get("place"),
                "geo_precision": None, "actor": g.get("actor"), "killed": g.get("casualties_killed"),
                "sources": [{"article_id": doc["id"]}]}})
    return {"type": "FeatureCollection", "features": features}


def run_mapper(docs: list[dict], workdir: Path) -> Path:
    """One ``mapper run`` over the sampled articles; returns its incidents.geojson."""
    rows = []
    for doc in docs:
        title, _, body = (CORPUS / "articles" / f"{doc['id']}.txt").read_text(encoding="utf-8").partition("\n\n")
        rows.append({"id": doc["id"], "title": title.strip(), "text": body, "published": doc["published"],
                     "url": doc.get("source", "")})
    src = workdir / "in.jsonl"
    write_jsonl(src, rows)
    out = workdir / "run"
    subprocess.run([sys.executable, "-m", "mapper", "run", str(src), "-o", str(out), "--quiet", "--rebuild"],
                   check=True, cwd=REPO)
    return out / "incidents.geojson"


def line(label: str, res: dict) -> str:
    cells = []
    for key in KEYS:
        cells.append(f"{res[key]['F1']:.3f} ({res[key]['P']:.3f}/{res[key]['R']:.3f})")
    cells += [f"{res[k]:.3f}" if res[k] is not None else "-" for k in ("admin1_agreement", "actor_agreement", "killed_exact")]
    return f"| {label} | " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--second", type=Path, default=CORPUS / "agreement" / "gold2.jsonl")
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--keep", type=Path, default=None, help="keep mapper's outputs in this folder")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(a.eval_dir))
    import incidents  # ../shared/eval/incidents.py

    second = read_jsonl(a.second)
    first = first_annotation({d["id"] for d in second})
    missing = {d["id"] for d in second} - {d["id"] for d in first}
    if missing:
        print(f"error: {len(missing)} articles of {a.second} are in no read split: {sorted(missing)[:3]}",
              file=sys.stderr)
        return 2
    by_id = {d["id"]: d for d in first}
    first = [by_id[d["id"]] for d in second]
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="mapper-agree-"))
    work.mkdir(parents=True, exist_ok=True)
    for name, docs in (("first", first), ("second", second)):
        (work / f"{name}.geojson").write_text(json.dumps(as_prediction(docs)), encoding="utf-8")
    mapper_out = run_mapper(first, work)
    pred_first = incidents.load_pred(work / "first.geojson")
    pred_second = incidents.load_pred(work / "second.geojson")
    pred_mapper = incidents.load_pred(mapper_out)
    print(f"{len(first)} articles; incident lines: first annotation {sum(len(d['incidents']) for d in first)}, "
          f"second {sum(len(d['incidents']) for d in second)} (background lines included)")
    print("F1 (precision/recall), 25 km, date ranges overlapping with one day of slack:\n")
    print("| scored against | " + " | ".join(KEYS) + " | admin-1 | actor | killed |")
    print("|---" * (len(KEYS) + 4) + "|")
    print(line("second annotator vs first", incidents.score(first, pred_second, 25.0)))
    print(line("first annotator vs second", incidents.score(second, pred_first, 25.0)))
    print(line("mapper vs first", incidents.score(first, pred_mapper, 25.0)))
    print(line("mapper vs second", incidents.score(second, pred_mapper, 25.0)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
