#!/usr/bin/env python3
"""Incident benchmark: mapper's extraction on UCDP GED Ukraine, scored by ``score.py``.

Each line of ``ucdp_ged_ukraine.jsonl`` is one UCDP event with the news headlines that
reported it; the headlines are read as one article.  Its publication date is, by
default, the earliest date of the reports (``meta.source_date``, what a reader of the
news would know); ``--published event`` uses the line's ``date`` (the event date
itself, which makes undated headlines trivially right).  mapper's incidents
(``pipeline.run`` per article: extraction, dedup, admin-1 join) become score.py
prediction events ``{"date", "type", "lat", "lon", "admin1"}``.

Prints score.py's event figures, the date within the gold range [date, date_end] for
events found, admin-1 accuracy, location error, event recall, speed per article, and
the speed on a synthetic 3,000-character article.  ``--errors N`` explains the misses.

Usage::

    python bench/incidents.py [--eval-dir ../shared/eval] [--limit N] [--published source|event] [--errors N]
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _evalkit import (DEFAULT_EVAL_DIR, Stopwatch, fmt, gold_file, load_scorer, present, read_jsonl, run_score,
                      table, write_jsonl)

CORPUS = "ucdp_ged_ukraine"
TARGETS = {"date within gold range (events found)": 0.90, "admin-1 right (events found)": 0.95,
           "articles/s, 3,000-char article": 200.0}
_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_day(text: str) -> dt.date | None:
    """A date written ``YYYY-MM-DD`` or ``DD/MM/YYYY`` (UCDP uses both), else None."""
    text = text.strip()
    m = _DMY.match(text)
    try:
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def published(doc: dict[str, Any], how: str) -> dt.date | None:
    """The publication date mapper is given for a UCDP line."""
    event_day = parse_day(doc.get("date") or "")
    if how == "event":
        return event_day
    days = [d for d in map(parse_day, str((doc.get("meta") or {}).get("source_date", "")).split(";"))
            if d is not None and d.year >= 1990]  # a few source dates are garbled (year 1745)
    return min(days) if days else event_day


def article(doc: dict[str, Any], how: str) -> Any:  # noqa: ANN401
    """A UCDP line as a mapper Article."""
    from mapper.model import Article

    return Article(id=doc["id"], text=doc["text"], published=published(doc, how), source=CORPUS)


def event_record(inc: Any) -> dict[str, Any]:  # noqa: ANN401
    """A mapper Incident as a score.py prediction event (plus ``date_end``)."""
    return {"date": inc.date_start.isoformat(), "date_end": inc.date_end.isoformat(), "type": inc.type,
            "lat": inc.place.lat, "lon": inc.place.lon, "admin1": inc.admin1, "place": inc.place.name,
            "place_text": inc.place_text}


def predict(docs: list[dict[str, Any]], services: Any, how: str) -> tuple[list[dict], Stopwatch]:  # noqa: ANN401
    """Prediction lines (one per gold line) and the time per article of ``pipeline.run``."""
    from mapper.pipeline import run

    clock = Stopwatch()
    preds = []
    for doc in docs:
        art = article(doc, how)
        with clock:
            result = run([art], services)
        preds.append({"id": doc["id"], "toponyms": [], "events": [event_record(i) for i in result.incidents]})
    return preds, clock


def best_match(scorer: Any, ge: dict[str, Any], pev: list[dict[str, Any]]) -> dict[str, Any]:  # noqa: ANN401
    """The predicted event score.py pairs with a gold event (the closest one with coordinates)."""
    withxy = [p for p in pev if p.get("lat") is not None]
    if ge.get("lat") is None or not withxy:
        return pev[0]
    return min(withxy, key=lambda p: scorer.haversine(ge["lat"], ge["lon"], p["lat"], p["lon"]))


def date_in_range(docs: list[dict[str, Any]], preds: list[dict[str, Any]], scorer: Any) -> tuple[int, int, int]:  # noqa: ANN401
    """(events found, their dates within [date, date_end], all gold events)."""
    found = ok = total = 0
    for doc, pred in zip(docs, preds):
        for ge in doc.get("events") or []:
            total += 1
            if not pred["events"]:
                continue
            found += 1
            best = best_match(scorer, ge, pred["events"])
            lo, hi = parse_day(ge["date"]), parse_day(ge.get("date_end") or ge["date"])
            ok += int(lo is not None and hi is not None and lo <= parse_day(best["date"]) <= hi)
    return found, ok, total


_SENTENCES = (
    "Russian forces shelled the outskirts of Kharkiv on {day} November, killing two civilians and injuring five.",
    "A drone attack damaged an oil depot in Novorossiysk overnight, the regional governor said.",
    "Ukrainian officials said missiles struck energy infrastructure in Lviv and Ternopil early on Tuesday.",
    "Fierce fighting continued near Pokrovsk, where troops repelled several ground assaults.",
    "Talks between the delegations were held in Geneva on {day} November without a breakthrough.",
    "Air defence units intercepted 40 drones over the Sumy region, debris injured a woman in Sumy.",
    "Officials in Odesa reported an explosion at the port after a missile strike on {day} November 2025.",
    "The mayor of Zaporizhzhia said three people were killed when glide bombs hit residential buildings.",
)


def synthetic_article(chars: int = 3000) -> str:
    """A realistic-looking conflict article of about ``chars`` characters."""
    parts: list[str] = []
    n = 0
    while sum(len(p) + 1 for p in parts) < chars:
        parts.append(_SENTENCES[n % len(_SENTENCES)].format(day=10 + n % 15))
        n += 1
    return " ".join(parts)[:chars].rsplit(" ", 1)[0] + "."


def synthetic_speed(services: Any, seconds: float = 5.0) -> dict[str, float]:  # noqa: ANN401
    """Articles per second of extraction alone and of ``pipeline.run`` on the synthetic article."""
    from mapper.model import Article
    from mapper.pipeline import extract_article, run

    text = synthetic_article()
    art = Article(id="synthetic", text=text, title="Overnight strikes hit several cities",
                  published=dt.date(2025, 11, 20))
    out = {"chars": float(len(text)), "incidents": float(len(run([art], services).incidents))}
    for label, call in (("extract", lambda: extract_article(art, services.gazetteer)),
                        ("run", lambda: run([art], services))):
        clock = Stopwatch()
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            with clock:
                call()
        out[label] = clock.rate()
    return out


def figures(score: dict[str, Any], in_range: tuple[int, int, int], clock: Stopwatch) -> list[list[str]]:
    """Rows of the summary table: metric, value, target."""
    ev = score["events"]
    loc = ev["location"] or {}
    found, ok, total = in_range
    rows = [
        ["gold events", str(total), ""],
        ["event recall (>= 1 incident for the event)", fmt(ev["covered"]), ""],
        ["located recall (an incident within 161 km)", fmt(loc.get("acc161")), ""],
        ["date within gold range (events found)", fmt(ok / found if found else None),
         f">= {TARGETS['date within gold range (events found)']:.2f}"],
        ["date within gold range (all gold events)", fmt(ok / total if total else None), ""],
        ["date exact, score.py (all gold events)", fmt(ev["date_acc"]), ""],
        ["admin-1 right (events found)", fmt(ev["admin1_acc"]), f">= {TARGETS['admin-1 right (events found)']:.2f}"],
        ["location error median / mean km (missed = 20039)",
         f"{fmt(loc.get('median_km'), 1)} / {fmt(loc.get('mean_km'), 1)}", ""],
        ["location AUC", fmt(loc.get("auc")), ""],
        ["time per article (ms) / articles per s", f"{clock.ms_each():.2f} / {clock.rate():.0f}", ""],
    ]
    return rows


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR, help="folder of the gold corpora and score.py")
    ap.add_argument("--limit", type=int, default=None, help="first N lines of the corpus")
    ap.add_argument("--published", choices=("source", "event"), default="source",
                    help="publication date given to mapper: earliest report date (default) or the event date")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print the N most frequent errors")
    ap.add_argument("--keep", type=Path, default=None, help="also keep the prediction file in this folder")
    a = ap.parse_args(argv)
    if not list(present(a.eval_dir, [CORPUS])):
        print("nothing to measure: every corpus is absent", file=sys.stderr)
        return 0
    from mapper.pipeline import Services

    services = Services.load()
    docs = read_jsonl(a.eval_dir / f"{CORPUS}.jsonl", a.limit)
    scorer = load_scorer(a.eval_dir)
    with tempfile.TemporaryDirectory(prefix="mapper-bench-") as tmp_name:
        tmp = Path(a.keep) if a.keep else Path(tmp_name)
        tmp.mkdir(parents=True, exist_ok=True)
        preds, clock = predict(docs, services, a.published)
        path = tmp / f"{CORPUS}.incidents.pred.jsonl"
        write_jsonl(path, preds)
        score = run_score(a.eval_dir, gold_file(a.eval_dir, CORPUS, docs, a.limit, tmp), path)
    in_range = date_in_range(docs, preds, scorer)
    print(f"== {CORPUS}: {len(docs)} lines (one event each), publication date = {a.published}; "
          f"{sum(len(p['events']) for p in preds)} incidents predicted")
    print(table(figures(score, in_range, clock), ["metric", "value", "target (issue 4)"]))
    print("(score.py type_acc is not meaningful here: UCDP types are state-based / non-state / one-sided)")
    speed = synthetic_speed(services)
    print(f"\nsynthetic {speed['chars']:.0f}-char article ({speed['incidents']:.0f} incidents): "
          f"{speed['extract']:.0f} articles/s extraction only, {speed['run']:.0f} articles/s pipeline.run "
          f"(one core; target >= {TARGETS['articles/s, 3,000-char article']:.0f})")
    if a.errors:
        from _incerrors import report

        report(docs, preds, services, scorer, a.published, a.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
