#!/usr/bin/env python3
"""Incidents on real news: the corpus of ``tests/data/realnews`` scored per split.

Each split (``dev``, ``test``) runs as ONE ``mapper run`` over all its articles, as a
user would run it (a JSONL file with ``id, title, text, published, url``; incidents of
different articles merge as they do for a user).  The resulting ``incidents.geojson``
is scored by ``../shared/eval/incidents.py`` (an incident is scored for every article
it cites), and the bench prints its P/R/F1 on place, place+date, place+date+type and
the strike family, admin-1 / actor / killed agreement and the share of predicted
incidents at a place the gold lists as only mentioned.

Strikes per city are computed here from the gold, with mapper's unit of account (one
strike per place and day or night; a gold range longer than two days is a summary
that adds nothing where it contains a precise strike at that place), and compared
with ``cities.csv``: per city within 25 km, the absolute difference of the counts.

The test split is frozen (its sha256 is in ``bench/README.md``); it is run to report,
at most once per session: ``--split test``.  ``--errors`` lists, per article of the
chosen split, the gold incidents missed and the predictions matched to nothing; ``--misses``
counts the unmatched gold incidents by what lies near them (no text: fit for a report-only half).

Usage::

    python bench/realnews.py [--split dev|test|both|check|blind|blind2|...]
                             [--split NAME-a|NAME-b] [--errors] [--misses] [--keep DIR] [--eval-dir ../shared/eval]
    python bench/realnews.py --gold MY/gold.jsonl [--split all|all-a|all-b] ...   # a set of one's own
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from _evalkit import DEFAULT_EVAL_DIR, REPO, read_jsonl, write_jsonl

from mapper.geo.qualify import km  # noqa: E402  (_evalkit puts the checkout on sys.path)

CORPUS = REPO / "tests" / "data" / "realnews"
STRIKES = {"drone_strike", "missile_strike", "air_strike", "shelling"}


def split_names(corpus: Path = CORPUS) -> list[str]:
    """The splits the corpus holds (one ``gold-NAME.jsonl`` each): dev, test, then the later
    blind splits in the order they were added (check, blind, blind2, ...)."""
    names = [p.name[len("gold-"):-len(".jsonl")] for p in corpus.glob("gold-*.jsonl")]
    first = ("dev", "test", "check")
    return sorted(names, key=lambda n: (first.index(n) if n in first else len(first),
                                        re.sub(r"\d+", lambda m: m.group().zfill(4), n)))


def split_choices(corpus: Path = CORPUS) -> list[str]:
    """What ``--split`` accepts: every split, both halves of each later blind split, ``both``
    (dev and test), and ``all`` / ``all-a`` / ``all-b`` for a gold file of one's own."""
    out = []
    for name in split_names(corpus):
        out += [name] if name in ("dev", "test") else [name, f"{name}-a", f"{name}-b"]
    return [*out, "both", *POOLS, "all", "all-a", "all-b"]


#: the pools: ``read`` (dev, check and every later split's -a half: read for error analysis) and ``unseen`` (every
#: later split's -b half: counts only); the test split is in neither
POOLS = ("read", "unseen")


def articles_of(split: str, gold: Path | None = None) -> tuple[list[dict], Path]:
    """The gold documents of a split and the path of its gold file (a half of the blind
    split, ``blind-a`` / ``blind-b``: the documents of that half; the path is the whole file's).
    With ``gold`` (a file of one's own), ``split`` is ``all``, ``all-a`` or ``all-b``."""
    if split in POOLS:
        docs = []
        for name in split_names():
            if name == "test" or name in ("dev", "check") and split == "unseen":
                continue
            docs += [d for d in read_jsonl(CORPUS / f"gold-{name}.jsonl")
                     if name in ("dev", "check") or half_of(d["id"]) == ("a" if split == "read" else "b")]
        return docs, CORPUS / "manifest.csv"
    name, _, half = split.partition("-")
    path = gold if gold is not None else CORPUS / f"gold-{name}.jsonl"
    docs = read_jsonl(path)
    return ([d for d in docs if half_of(d["id"]) == half] if half else docs), path


def half_of(doc_id: str) -> str:
    """The half of the blind split a document is in: the low bit of SHA-256 of its id (fixed;
    ``a`` is for error analysis, ``b`` only reports)."""
    return "ab"[hashlib.sha256(f"mapper-blind-1:{doc_id}".encode()).digest()[-1] & 1]


def as_input(docs: list[dict], corpus: Path = CORPUS) -> list[dict]:
    """The articles as a user's JSONL input (title and body from ``corpus/articles/ID.txt``)."""
    out = []
    for doc in docs:
        raw = (corpus / "articles" / f"{doc['id']}.txt").read_text(encoding="utf-8")
        title, _, body = raw.partition("\n\n")
        out.append({"id": doc["id"], "title": title.strip(), "text": body.strip(), "published": doc["published"],
                    "url": doc["source"]})
    return out


def run_mapper(docs: list[dict], out: Path, corpus: Path = CORPUS) -> float:
    """``mapper run`` over the split; returns the wall time in seconds."""
    src = out / "input.jsonl"
    write_jsonl(src, as_input(docs, corpus))
    start = dt.datetime.now()
    proc = subprocess.run([sys.executable, "-m", "mapper", "run", str(src), "-o", str(out / "run"), "--tiles", "none",
                           "--quiet", "-j", "1", "--rebuild"], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"mapper run failed: {proc.stderr.strip()}")
    return (dt.datetime.now() - start).total_seconds()


def score(eval_dir: Path, gold: Path, pred: Path) -> dict:
    proc = subprocess.run([sys.executable, str(eval_dir / "incidents.py"), str(gold), str(pred), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return km(a[0], a[1], b[0], b[1])


def gold_city_strikes(docs: list[dict]) -> list[tuple[str, tuple[float, float], int]]:
    """Strikes per gold place (points within 25 km are one city), counted per day or night."""
    cities: list[tuple[str, tuple[float, float], list[tuple[dt.date, dt.date]]]] = []
    for doc in docs:
        pub = dt.date.fromisoformat(doc["published"])
        for g in doc["incidents"]:
            if g["type"] not in STRIKES or g.get("lat") is None:
                continue
            start = dt.date.fromisoformat(g["date_start"])
            end = dt.date.fromisoformat(g.get("date_end") or g["date_start"])
            if (pub - end).days > 30:
                continue  # background, as the scorer has it
            pt = (g["lat"], g["lon"])
            home = next((c for c in cities if _km(c[1], pt) <= 25), None)
            if home is None:
                cities.append((g.get("place_std") or g["place"], pt, [(start, end)]))
            else:
                home[2].append((start, end))
    return [(name, pt, _count(ranges)) for name, pt, ranges in cities]


def _count(ranges: list[tuple[dt.date, dt.date]]) -> int:
    """Days and nights (slot: the end day) count once each; longer ranges count only
    when they contain no slot, and once per group of nested ranges."""
    slots = {e for s, e in ranges if (e - s).days <= 1}
    summaries = sorted({(s, e) for s, e in ranges if (e - s).days > 1}, key=lambda r: (r[1] - r[0]).days)
    alone: list[tuple[dt.date, dt.date]] = []
    for s, e in summaries:
        if any(s <= d - dt.timedelta(days=1) and d <= e or s <= d <= e for d in slots):
            continue
        if not any(s <= a and b <= e for a, b in alone):
            alone.append((s, e))
    return len(slots) + len(alone)


def city_errors(docs: list[dict], cities_csv: Path) -> dict:
    """Compare the gold's strikes per city with mapper's ``cities.csv``."""
    with open(cities_csv, newline="", encoding="utf-8") as fh:
        pred = [(r["place"], (float(r["lat"]), float(r["lon"])), int(r["strikes"])) for r in csv.DictReader(fh)
                if int(r["strikes"]) > 0]
    gold = [c for c in gold_city_strikes(docs) if c[2] > 0]
    used: set[int] = set()
    diffs = []
    for name, pt, n in gold:
        j = next((j for j, p in enumerate(pred) if j not in used and _km(p[1], pt) <= 25), None)
        if j is not None:
            used.add(j)
        diffs.append(abs(n - (pred[j][2] if j is not None else 0)))
    diffs += [p[2] for j, p in enumerate(pred) if j not in used]
    return {"cities": len(diffs), "exact": sum(d == 0 for d in diffs), "abs_error": sum(diffs),
            "gold_strikes": sum(c[2] for c in gold), "pred_strikes": sum(p[2] for p in pred)}


def report(split: str, docs: list[dict], res: dict, cities: dict, seconds: float, chars: int) -> None:
    print(f"\n== {split}: {len(docs)} articles, {sum(len(d['incidents']) for d in docs)} gold incidents, "
          f"{chars / 1e6:.3f} MB, mapper run {seconds:.1f} s")
    for key in ("place", "place+date", "place+date+type", "strike place", "strike place+date"):
        v = res[key]
        print(f"  {key:20s} P {v['P']:.3f}  R {v['R']:.3f}  F1 {v['F1']:.3f}   (matched {v['matched']}, "
              f"gold {v['gold']}, pred {v['pred']})")
    n_pred = res["place"]["pred"]
    fp = len(res["fp_on_mentioned_places"])
    print(f"  admin-1 {res['admin1_agreement']}  actor {res['actor_agreement']}  killed {res['killed_exact']}")
    print(f"  predicted at a mentioned-only place: {fp} of {n_pred} ({fp / max(n_pred, 1):.1%})")
    print(f"  strikes per city: {cities['exact']}/{cities['cities']} cities exact, total |error| "
          f"{cities['abs_error']} (gold {cities['gold_strikes']} strikes, mapper {cities['pred_strikes']})")


def errors(docs: list[dict], geojson: Path) -> None:
    feats = json.loads(geojson.read_text(encoding="utf-8"))["features"]
    by_doc: dict[str, list[dict]] = {}
    for f in feats:
        for aid in dict.fromkeys(s["article_id"] for s in f["properties"]["sources"]):
            by_doc.setdefault(aid, []).append(f["properties"])
    for doc in docs:
        pred = by_doc.get(doc["id"], [])
        print(f"\n-- {doc['id']} ({doc['published']})  mentioned: {doc.get('mentioned_not_incident')}")
        for g in doc["incidents"]:
            print(f"   gold {g['type']:15s} {g.get('place_std') or g['place']:25s} {g['date_start']}..{g['date_end']}"
                  f" actor={g.get('actor')} killed={g.get('casualties_killed')}")
        for p in pred:
            print(f"   pred {p['type']:15s} {p['place']:25s} {p['date_start']}..{p['date_end']} actor={p['actor']}"
                  f" killed={p['killed']} gp={p['geo_precision']}")


def misses(eval_dir: Path, docs: list[dict], geojson: Path) -> dict[str, int]:
    """Why each scored gold incident is unmatched at place+date, by what lies near it, with the scorer's own
    pairing (``incidents.py``: closest first, one to one): counts only, so a report-only half can be read."""
    spec = importlib.util.spec_from_file_location("eval_incidents", eval_dir / "incidents.py")
    sc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sc)
    pred = sc.load_pred(str(geojson))
    fam = lambda t: "strike" if t in STRIKES else t  # noqa: E731
    out: dict[str, int] = {}
    for doc in docs:
        preds, pub = pred.get(doc["id"], []), sc.d(doc["published"])
        golds = []
        for g in doc["incidents"]:
            end = sc.d(g.get("date_end") or g["date_start"])
            if end < pub - dt.timedelta(days=sc.BACKGROUND_DAYS):
                continue
            golds.append({"pt": (g["lat"], g["lon"]) if g.get("lat") is not None else None, "country": g.get("country"),
                          "type": g["type"], "ds": sc.d(g["date_start"]), "de": end, "admin1": g.get("admin1"),
                          "by_region": g.get("precision") == "region" or g.get("coord_quality") == "approx"})
        pairs = []
        for i, g in enumerate(golds):
            for j, p in enumerate(preds):
                if g["pt"] and p["pt"]:
                    dist = sc.km(g["pt"], p["pt"])
                    if dist <= 25:
                        pairs.append((dist, i, j))
                    elif g["by_region"] and sc.same_admin1(g["admin1"], p["admin1"]):
                        pairs.append((26, i, j))
                elif g["pt"] is None and p["country"] and p["country"] == g["country"]:
                    pairs.append((25, i, j))
        used, match = set(), {}
        for _, i, j in sorted(pairs):
            if i not in match and j not in used:
                match[i] = j
                used.add(j)
        for i, g in enumerate(golds):
            if i in match and sc.overlap(g, preds[match[i]]):
                why = "matched"
            elif g["pt"] is None:
                why = "country-level gold, no prediction of its country and days"
            elif i in match:
                why = "paired with a prediction of other days"
            else:
                near = [p for p in preds if p["pt"] and sc.km(g["pt"], p["pt"]) <= 25 and sc.overlap(g, p)]
                if not any(p["pt"] and sc.km(g["pt"], p["pt"]) <= 25 for p in preds):
                    why = "no prediction within 25 km"
                elif not near:
                    why = "predictions within 25 km on other days only"
                elif not any(fam(p["type"]) == fam(g["type"]) for p in near):
                    why = "only another type family within 25 km"
                else:
                    why = "its prediction paired with another gold incident"
            out[why] = out.get(why, 0) + 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=split_choices(), metavar="SPLIT", default=None,
                    help="dev, test, both (dev and test), a later blind split (check, blind, blind2, ...) or one of "
                         "its halves (NAME-a, NAME-b); read (dev, check and every -a half) or unseen (every -b half) "
                         "as one run each; all, all-a or all-b with --gold. Default: dev, or all with --gold")
    ap.add_argument("--gold", type=Path, default=None,
                    help="score a gold file of one's own (its articles in the file's folder, articles/ID.txt) "
                         "instead of the corpus of tests/data/realnews: --split all, all-a or all-b")
    ap.add_argument("--errors", action="store_true", help="list gold and predictions per article")
    ap.add_argument("--keep", type=Path, default=None, help="keep the mapper outputs in this folder")
    ap.add_argument("--misses", action="store_true",
                    help="count the unmatched gold incidents by what lies near them (counts only)")
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    a = ap.parse_args()
    if not (a.eval_dir / "incidents.py").exists():
        raise SystemExit(f"incidents.py not found in {a.eval_dir}")
    a.split = a.split or ("dev" if a.gold is None else "all")
    if (a.gold is None) == a.split.startswith("all"):
        raise SystemExit("--split all, all-a and all-b go with --gold FILE, and --gold only with them")
    if a.gold is not None and not a.gold.is_file():
        raise SystemExit(f"gold file not found: {a.gold}")
    corpus = a.gold.parent if a.gold is not None else CORPUS
    for split in ("dev", "test") if a.split == "both" else (a.split,):
        docs, gold = articles_of(split, a.gold)
        digest = hashlib.sha256(gold.read_bytes()).hexdigest()
        with tempfile.TemporaryDirectory() as tmp:
            out = a.keep / split if a.keep else Path(tmp)
            out.mkdir(parents=True, exist_ok=True)
            seconds = run_mapper(docs, out, corpus)
            if "-" in split or split in POOLS:  # a half or a pool: score its own documents only
                gold = out / f"gold-{split}.jsonl"
                gold.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
            res = score(a.eval_dir, gold, out / "run" / "incidents.geojson")
            cities = city_errors(docs, out / "run" / "cities.csv")
            chars = sum(len(r["title"]) + len(r["text"]) for r in as_input(docs, corpus))
            print(f"{gold.name if a.gold is None else a.gold} sha256 {digest}")
            report(split, docs, res, cities, seconds, chars)
            if a.errors:
                errors(docs, out / "run" / "incidents.geojson")
            if a.misses:
                for why, n in sorted(misses(a.eval_dir, docs, out / "run" / "incidents.geojson").items(),
                                     key=lambda kv: -kv[1]):
                    print(f"  {n:5d}  {why}")


if __name__ == "__main__":
    main()
