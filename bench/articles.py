#!/usr/bin/env python3
"""Incident benchmark on the hand-labelled development set (``tests/data/devset``).

mapper runs in process, article by article (``mapper.pipeline.run`` with the
``Services`` that ``mapper run`` builds, one article at a time so that incidents are
never merged across articles), and its incidents are scored against ``gold.json``.

Matching rule
-------------
A predicted incident matches a gold one of the same article when

* **place**: the two points are at most 25 km apart (haversine); when the gold
  incident is known only to its region (``geo_precision`` 3), the predicted admin-1
  code must equal the gold one instead (codes that ISO 3166-2 itself renamed, such as
  Poland's ``PL-MZ`` -> ``PL-14``, count as equal);
* **date**: the ranges overlap or nearly so (``pred.start <= gold.end + 1 day`` and
  ``gold.start <= pred.end + 1 day``) and the start dates are at most 1 day apart;
* **type** (only for the typed scores): the types are equal.

Pairs are formed one-to-one, greedily, best first: candidate pairs are sorted by
distance (km), then by the difference of the start dates, then by position.  The
(place, date) scores and the (place, date, type) scores use separate matchings.

Printed, overall (micro-averaged) and per article: predicted and gold counts, P/R/F1
on (place, date) and on (place, date, type); over the (place, date) pairs, admin-1
accuracy, actor accuracy (gold actor not null; actors are compared after mapping
names such as "Russian forces" to "Russia"; gold gives no actor for battles and
talks) and killed accuracy (gold killed not
null, exact); and the number of predicted incidents at a place the article only
mentions (``mentioned_only``, compared by name with the predicted place name or the text
it was read from, whether the incident matched a gold one or not).

Usage::

    python bench/articles.py [--dir tests/data/devset] [--errors] [--pred FILE] [--save-pred FILE]

``--dir`` scores another folder of articles (.txt, .html, .jsonl, .csv) with its own
``gold.json``; ``--pred`` scores saved predictions (JSON lines with an ``article``
field) instead of running mapper; ``--save-pred`` writes mapper's predictions.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO / "tests" / "data" / "devset"
MAX_KM = 25.0
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".ndjson", ".csv", ".gz")

#: ISO 3166-2 codes that were replaced by newer ones (old -> current).  Poland's
#: voivodeships went from letters to numbers in 2018; Natural Earth keeps the letters.
ADMIN1_RENAMED: dict[str, str] = {
    "PL-DS": "PL-02", "PL-KP": "PL-04", "PL-LU": "PL-06", "PL-LB": "PL-08", "PL-LD": "PL-10",
    "PL-MA": "PL-12", "PL-MZ": "PL-14", "PL-OP": "PL-16", "PL-PK": "PL-18", "PL-PD": "PL-20",
    "PL-PM": "PL-22", "PL-SL": "PL-24", "PL-SK": "PL-26", "PL-WN": "PL-28", "PL-WP": "PL-30",
    "PL-ZP": "PL-32",
}
# Word stems that name one side; the first stem found in an actor string wins.
_ACTOR_STEMS: tuple[tuple[str, str], ...] = (
    ("rapid support", "RSF"), ("rsf", "RSF"), ("sudanese armed", "SAF"), ("sudanese army", "SAF"),
    ("saf", "SAF"), ("junta", "Myanmar military"), ("tatmadaw", "Myanmar military"),
    ("myanmar", "Myanmar military"), ("ta'ang", "TNLA"), ("tnla", "TNLA"), ("arakan", "Arakan Army"),
    ("hamas", "Hamas"), ("qassam", "Hamas"), ("israel", "Israel"), ("idf", "Israel"),
    ("ukrain", "Ukraine"), ("kyiv", "Ukraine"), ("kiev", "Ukraine"),
    ("russia", "Russia"), ("kremlin", "Russia"), ("moscow", "Russia"),
)


@dataclass(frozen=True)
class Record:
    """One incident, gold or predicted, reduced to what is scored."""

    article: str
    type: str
    place: str
    lat: float
    lon: float
    geo_precision: int
    admin1_code: str | None
    date_start: dt.date
    date_end: dt.date
    actor: str | None = None
    killed: int | None = None
    injured: int | None = None
    place_text: str = ""


@dataclass
class Tally:
    """Counts behind the printed figures (one article or all of them)."""

    pred: int = 0
    gold: int = 0
    tp: int = 0
    tp_typed: int = 0
    admin1: list[bool] = field(default_factory=list)
    actor: list[bool] = field(default_factory=list)
    killed: list[bool] = field(default_factory=list)
    mentioned: int = 0

    def add(self, other: "Tally") -> None:
        """Add another tally's counts to this one."""
        for name in ("pred", "gold", "tp", "tp_typed", "mentioned"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.admin1 += other.admin1
        self.actor += other.actor
        self.killed += other.killed


# ----------------------------------------------------------------------------- reading

def _day(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def record_from_dict(article: str, d: dict[str, Any]) -> Record:
    """A gold or saved predicted incident (``gold.json`` field names) as a Record."""
    start = _day(d["date_start"])
    return Record(article=article, type=d["type"], place=d.get("place") or "", lat=float(d["lat"]),
                  lon=float(d["lon"]), geo_precision=int(d.get("geo_precision") or 1),
                  admin1_code=d.get("admin1_code"), date_start=start,
                  date_end=_day(d.get("date_end") or start), actor=d.get("actor"),
                  killed=d.get("killed"), injured=d.get("injured"), place_text=d.get("place_text") or "")


def load_gold(folder: Path) -> tuple[dict[str, list[Record]], dict[str, list[str]]]:
    """The gold incidents and the mentioned-only place names of each article of ``folder``."""
    data = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    articles = data.get("articles", data)
    gold = {aid: [record_from_dict(aid, d) for d in entry["incidents"]] for aid, entry in articles.items()}
    mentioned = {aid: list(entry.get("mentioned_only", [])) for aid, entry in articles.items()}
    return gold, mentioned


def article_files(folder: Path) -> list[str]:
    """The article files of ``folder`` (sorted; ``gold.json`` and other files left out)."""
    return sorted(str(p) for p in folder.rglob("*") if p.is_file() and p.name.lower().endswith(ARTICLE_SUFFIXES))


def run_mapper(folder: Path) -> dict[str, list[Record]]:
    """mapper's incidents for every article of ``folder``, article by article, in process."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))  # a checkout without `pip install -e .`
    from mapper.ingest import read_articles
    from mapper.pipeline import Services, run

    services = Services.load()
    preds: dict[str, list[Record]] = {}
    for article in read_articles(article_files(folder)):
        result = run([article], services, jobs=1)
        preds[article.id] = [_from_incident(article.id, inc) for inc in result.incidents]
    return preds


def _from_incident(article: str, inc: Any) -> Record:
    return Record(article=article, type=inc.type, place=inc.place.name, lat=inc.place.lat, lon=inc.place.lon,
                  geo_precision=inc.geo_precision, admin1_code=inc.admin1_code, date_start=inc.date_start,
                  date_end=inc.date_end, actor=inc.actor, killed=inc.killed, injured=inc.injured,
                  place_text=inc.place_text)


def record_to_dict(rec: Record) -> dict[str, Any]:
    """A Record as a JSON-ready dict (dates as ISO strings)."""
    d = {k: getattr(rec, k) for k in Record.__dataclass_fields__}
    d["date_start"], d["date_end"] = rec.date_start.isoformat(), rec.date_end.isoformat()
    return d


def load_pred(path: Path) -> dict[str, list[Record]]:
    """Saved predictions: JSON lines with an ``article`` field and gold.json's incident fields."""
    preds: dict[str, list[Record]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            preds.setdefault(d["article"], []).append(record_from_dict(d["article"], d))
    return preds


# ---------------------------------------------------------------------------- matching

def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def same_admin1(a: str | None, b: str | None) -> bool:
    """Whether two ISO 3166-2 codes name the same region (renamed codes count as equal)."""
    if not a or not b:
        return False
    return ADMIN1_RENAMED.get(a.upper(), a.upper()) == ADMIN1_RENAMED.get(b.upper(), b.upper())


def place_matches(pred: Record, gold: Record) -> bool:
    """The place half of the matching rule (see the module docstring)."""
    if gold.geo_precision == 3:
        return same_admin1(pred.admin1_code, gold.admin1_code)
    return haversine_km(pred.lat, pred.lon, gold.lat, gold.lon) <= MAX_KM


def dates_match(pred: Record, gold: Record) -> bool:
    """The date half of the matching rule (see the module docstring)."""
    one = dt.timedelta(days=1)
    overlap = pred.date_start <= gold.date_end + one and gold.date_start <= pred.date_end + one
    return overlap and abs((pred.date_start - gold.date_start).days) <= 1


def match(preds: list[Record], golds: list[Record], typed: bool = False) -> list[tuple[int, int]]:
    """One-to-one greedy best-first pairs ``(pred index, gold index)`` of matching incidents."""
    candidates = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if (typed and p.type != g.type) or not place_matches(p, g) or not dates_match(p, g):
                continue
            km = haversine_km(p.lat, p.lon, g.lat, g.lon)
            candidates.append((km, abs((p.date_start - g.date_start).days), i, j))
    pairs, used_p, used_g = [], set(), set()
    for _, _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return sorted(pairs)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 (None where undefined: nothing predicted / no gold)."""
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    if not n_pred and not n_gold:
        return None, None, None
    f = 2 * tp / (n_pred + n_gold)
    return p, r, f


# ---------------------------------------------------------------------------- scoring

def fold(name: str) -> str:
    """A place name folded for comparison (no accents, case, apostrophes or hyphens)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(text.replace("'", "").replace("’", "").replace("-", " ").split())


def canonical_actor(actor: str | None) -> str | None:
    """The side an actor string names ("Russian forces" -> "Russia"), else the folded string."""
    if actor is None:
        return None
    low = actor.lower()
    for stem, side in _ACTOR_STEMS:
        if re.search(rf"\b{re.escape(stem)}", low):
            return side
    return low.strip()


def at_mentioned(pred: Record, mentioned: Iterable[str]) -> bool:
    """Whether a predicted incident sits at a place the article only mentions (by name)."""
    names = {fold(m) for m in mentioned}
    return bool(names & {fold(pred.place), fold(pred.place_text)} - {""})


def score_article(preds: list[Record], golds: list[Record], mentioned: list[str]) -> Tally:
    """The tally of one article."""
    pairs = match(preds, golds)
    t = Tally(pred=len(preds), gold=len(golds), tp=len(pairs), tp_typed=len(match(preds, golds, typed=True)))
    for i, j in pairs:
        p, g = preds[i], golds[j]
        t.admin1.append(same_admin1(p.admin1_code, g.admin1_code))
        if g.actor is not None:
            t.actor.append(canonical_actor(p.actor) == canonical_actor(g.actor))
        if g.killed is not None:
            t.killed.append(p.killed == g.killed)
    t.mentioned = sum(at_mentioned(p, mentioned) for p in preds)
    return t


def _ratio(flags: list[bool]) -> str:
    return f"{sum(flags) / len(flags):.3f} ({sum(flags)}/{len(flags)})" if flags else "n/a"


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def report(tallies: dict[str, Tally]) -> str:
    """The per-article table and the overall figures."""
    head = f"{'article':34} {'pred':>4} {'gold':>4} {'P':>6} {'R':>6} {'F1':>6} | {'P typ':>6} {'R typ':>6} " \
           f"{'F1 typ':>6} | {'adm1':>5} {'actor':>5} {'kill':>5} {'ment':>4}"
    lines = [head, "-" * len(head)]
    total = Tally()
    for aid, t in tallies.items():
        total.add(t)
        p, r, f = prf(t.tp, t.pred, t.gold)
        pt, rt, ft = prf(t.tp_typed, t.pred, t.gold)
        frac = lambda xs: f"{sum(xs)}/{len(xs)}" if xs else "-"  # noqa: E731
        lines.append(f"{aid[:34]:34} {t.pred:>4} {t.gold:>4} {_f(p):>6} {_f(r):>6} {_f(f):>6} | {_f(pt):>6} "
                     f"{_f(rt):>6} {_f(ft):>6} | {frac(t.admin1):>5} {frac(t.actor):>5} {frac(t.killed):>5} "
                     f"{t.mentioned:>4}")
    p, r, f = prf(total.tp, total.pred, total.gold)
    pt, rt, ft = prf(total.tp_typed, total.pred, total.gold)
    lines += ["", f"overall: {len(tallies)} articles, {total.pred} predicted, {total.gold} gold incidents",
              f"  (place, date):       P {_f(p)}  R {_f(r)}  F1 {_f(f)}   (target F1 >= 0.85)",
              f"  (place, date, type): P {_f(pt)}  R {_f(rt)}  F1 {_f(ft)}   (target F1 >= 0.80)",
              f"  admin-1 right, matched:   {_ratio(total.admin1)}   (target >= 0.95)",
              f"  actor right, matched:     {_ratio(total.actor)}",
              f"  killed right, matched:    {_ratio(total.killed)}",
              f"  predicted at a mentioned-only place: {total.mentioned}   (target 0)"]
    return "\n".join(lines)


def describe(rec: Record) -> str:
    """One line with the scored fields of an incident."""
    dates = rec.date_start.isoformat() + ("" if rec.date_end == rec.date_start else f"..{rec.date_end}")
    text = f" text={rec.place_text!r}" if rec.place_text and rec.place_text != rec.place else ""
    return (f"{rec.type:15} {rec.place!r}{text} ({rec.lat:.3f},{rec.lon:.3f}) gp={rec.geo_precision} "
            f"{rec.admin1_code} {dates} actor={rec.actor} killed={rec.killed} injured={rec.injured}")


def errors(aid: str, preds: list[Record], golds: list[Record], mentioned: list[str]) -> list[str]:
    """False positives, false negatives and wrong fields of matched pairs of one article."""
    pairs = match(preds, golds)
    typed = set(match(preds, golds, typed=True))
    mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
    out = []
    for i, p in enumerate(preds):
        if i not in mp:
            tag = " [mentioned-only place]" if at_mentioned(p, mentioned) else ""
            out.append(f"{aid}  FP  {describe(p)}{tag}")
    out += [f"{aid}  FN  {describe(g)}" for j, g in enumerate(golds) if j not in mg]
    for i, j in pairs:
        p, g = preds[i], golds[j]
        wrong = [name for name, bad in (
            ("type", (i, j) not in typed and p.type != g.type),
            ("admin1", not same_admin1(p.admin1_code, g.admin1_code)),
            ("actor", g.actor is not None and canonical_actor(p.actor) != canonical_actor(g.actor)),
            ("killed", g.killed is not None and p.killed != g.killed)) if bad]
        if wrong:
            out.append(f"{aid}  WRONG {','.join(wrong)}\n      pred {describe(p)}\n      gold {describe(g)}")
    return out


def main(argv: list[str] | None = None) -> int:
    """Run mapper on the development set (or read ``--pred``), score and print."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder with articles and gold.json")
    ap.add_argument("--errors", action="store_true", help="print every false positive / negative")
    ap.add_argument("--pred", type=Path, help="score these saved predictions instead of running mapper")
    ap.add_argument("--save-pred", type=Path, help="write mapper's predictions here (JSON lines)")
    args = ap.parse_args(argv)
    gold, mentioned = load_gold(args.dir)
    preds = load_pred(args.pred) if args.pred else run_mapper(args.dir)
    if args.save_pred:
        with open(args.save_pred, "w", encoding="utf-8") as fh:
            for recs in preds.values():
                fh.writelines(json.dumps(record_to_dict(r), ensure_ascii=False) + "\n" for r in recs)
    missing = sorted(set(gold) - set(preds)) if args.pred is None else []
    if missing:
        print(f"warning: no article read for gold ids {missing}", file=sys.stderr)
    tallies = {aid: score_article(preds.get(aid, []), gold[aid], mentioned[aid]) for aid in sorted(gold)}
    print(report(tallies))
    if args.errors:
        print("\nerrors:")
        for aid in sorted(gold):
            for line in errors(aid, preds.get(aid, []), gold[aid], mentioned[aid]):
                print(line)
    extra = sorted(set(preds) - set(gold))
    if extra:
        print(f"\nnote: {len(extra)} article(s) without gold were not scored: {extra}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
