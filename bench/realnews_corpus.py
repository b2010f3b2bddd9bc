#!/usr/bin/env python3
"""Assemble ``tests/data/realnews`` from annotators' folders and split it dev / test.

Each annotator folder holds ``articles/ID.txt`` and ``gold.jsonl`` (the format of
``../shared/eval/annotation.md`` plus ``publisher`` and ``conflict``).  This script
checks every line (fields, dates, types, article file present, URL not excluded by
``../shared/eval/excluded.py``), then splits by **publisher and month**: every article
of one (publisher, YYYY-MM) group goes to the same split, chosen by the sha256 of the
group's name, so no test article shares a publisher-month with a dev article and the
choice never looks at the text.  Writes ``articles/``, ``gold-dev.jsonl``,
``gold-test.jsonl`` and ``manifest.csv`` (id, split, publisher, published, url,
licence, conflict, negative).

A later annotator's folder can be added as a later blind split (``--check``, named by
``--name``: ``check``, ``blind``, ``blind2``, ...; ``bench/README.md`` says which session added each),
written blind like the others:
after the rules were tuned on dev, it tells whether they hold on text they were not written
from (the test split stays the one frozen report; ``bench/README.md`` says which splits
have since been read for error analysis).  ``--check`` writes ``gold-NAME.jsonl`` and the
NAME rows of ``manifest.csv`` and leaves the other splits untouched.

Usage::

    python bench/realnews_corpus.py FOLDER... [--eval-dir ../shared/eval]
    python bench/realnews_corpus.py --check [--name check|blind|blindN] FOLDER...
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from _evalkit import DEFAULT_EVAL_DIR, REPO, read_jsonl, write_jsonl

OUT = REPO / "tests" / "data" / "realnews"
#: the organisation that issued a text, from the annotator's publisher note (mirrors and
#: reposts count as their original publisher); first match wins
PUBLISHERS = (
    (r"OCHA", "UN OCHA"),
    (r"Foreign, Commonwealth|FCDO|UK Mission to the UN", "UK Foreign, Commonwealth & Development Office"),
    (r"White House", "The White House"),
    (r"New Zealand (?:Minister of )?Foreign", "New Zealand Minister of Foreign Affairs"),
    (r"beehive\.govt\.nz|New Zealand", "New Zealand Prime Minister's Office"),
    (r"Prime Minister of Australia|pm\.gov\.au", "Australian Prime Minister's Office"),
    (r"Foreign Affairs \(Ireland\)|dfa\.ie", "Irish Department of Foreign Affairs"),
    (r"Oireachtas|D[aá]il", "Houses of the Oireachtas (Ireland)"),
    (r"Homeland Security", "US Department of Homeland Security"),
    (r"Prime Minister's Office", "UK Prime Minister's Office"),
    (r"UK Parliament|Hansard", "UK Parliament"),
    (r"European Parliament", "European Parliament"),
    (r"Global Affairs Canada|Government of Canada", "Global Affairs Canada"),
    (r"EEAS|External Action Service|EU statement|High Representative", "European External Action Service"),
    (r"DG ECHO|ECHO Daily Flash", "European Commission (DG ECHO)"),
    (r"European Commission|European Council|Council of the (?:European Union|EU)", "European Commission and European Council"),
    (r"Voice of America", "Voice of America"),
    (r"Meduza", "Meduza"),
    (r"Department of Defense|DoD News", "US Department of Defense"),
    (r"Central Command|CENTCOM", "US Central Command"),
    (r"Africa Command|AFRICOM", "US Africa Command"),
    (r"Department of State|U\.?S\.? Embassy", "US Department of State"),
    (r"Treasury", "US Department of the Treasury"),
    (r"USAID|Agency for International Development", "USAID"),
    (r"Australian Minister for Foreign Affairs|foreignminister\.gov\.au", "Australian Minister for Foreign Affairs"),
    (r"minister\.defence\.gov\.au|Australian", "Australian Minister for Defence"),
    (r"Kremlin|President of Russia", "President of Russia (kremlin.ru)"),
    (r"Ministry of Defence", "UK Ministry of Defence"),
    (r"President of Ukraine|president\.gov\.ua", "President of Ukraine (president.gov.ua)"),
    (r"Wikipedia", "Wikipedia"),
    (r"Federal Register", "US Federal Register"),
    (r"Government Publishing Office|govinfo", "US Government Publishing Office"),
    (r"Congressional Record|U\.?S\.? Congress", "US Congress (Congressional Record)"),
)
TYPES = {"drone_strike", "missile_strike", "air_strike", "shelling", "ground_fighting", "sabotage", "explosion",
         "diplomatic", "other"}


def check(doc: dict, folder: Path) -> list[str]:
    """Problems of one gold line (empty when it is sound)."""
    bad = [f"missing {k}" for k in ("id", "title", "source", "publisher", "published", "licence", "incidents")
           if k not in doc]
    if bad:
        return bad
    if not (folder / "articles" / f"{doc['id']}.txt").exists():
        bad.append("article file missing")
    dt.date.fromisoformat(doc["published"])
    for g in doc["incidents"]:
        if g.get("type") not in TYPES:
            bad.append(f"type {g.get('type')!r}")
        start = dt.date.fromisoformat(g["date_start"])
        if dt.date.fromisoformat(g.get("date_end") or g["date_start"]) < start:
            bad.append("date_end before date_start")
    return bad


def publisher_of(note: str) -> str:
    """The canonical publisher of an annotator's publisher note."""
    for pattern, name in PUBLISHERS:
        if re.search(pattern, note, re.IGNORECASE):
            return name
    raise SystemExit(f"unknown publisher: {note!r} (add it to PUBLISHERS)")


def split_of(doc: dict) -> str:
    group = f"{doc['publisher'].strip().lower()}|{doc['published'][:7]}"
    return "test" if int(hashlib.sha256(group.encode()).hexdigest(), 16) % 2 else "dev"


def manifest_row(doc: dict, split: str) -> dict:
    return {"id": doc["id"], "split": split, "publisher": doc["publisher"], "publisher_note": doc["publisher_note"],
            "published": doc["published"], "url": doc["source"], "licence": doc["licence"],
            "conflict": doc.get("conflict", ""), "negative": bool(doc.get("negative"))}


def add_check(docs: list[tuple[dict, Path]], name: str = "check") -> None:
    """Write a later blind split (gold, articles, manifest rows), keeping the others as they are."""
    with open(OUT / "manifest.csv", newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["split"] != name]
    known = {r["id"] for r in rows}
    urls = {r["url"] for r in rows}
    items = []
    for doc, folder in sorted(docs, key=lambda x: x[0]["id"]):
        if doc["id"] in known:
            raise SystemExit(f"{doc['id']} is already in another split")
        if doc["source"] in urls:
            raise SystemExit(f"{doc['id']}: {doc['source']} is already in another split")
        shutil.copyfile(folder / "articles" / f"{doc['id']}.txt", OUT / "articles" / f"{doc['id']}.txt")
        items.append(doc)
        rows.append(manifest_row(doc, name))
    write_jsonl(OUT / f"gold-{name}.jsonl", items)
    with open(OUT / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{name}: {len(items)} articles, {sum(len(d['incidents']) for d in items)} incidents, "
          f"{len({d['publisher'] for d in items})} publishers, {sum(bool(d.get('negative')) for d in items)} negatives")


def _split_name(name: str) -> str:
    """A later blind split's name: ``check``, ``blind`` or ``blind`` and a number."""
    if not re.fullmatch(r"check|blind\d*", name):
        raise argparse.ArgumentTypeError(f"{name!r}: a later split is named check, blind or blindN")
    return name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL_DIR)
    ap.add_argument("--check", action="store_true", help="add the folders as a later blind split")
    ap.add_argument("--name", default="check", type=_split_name,
                    help="with --check: the split's name, check or blindN (bench/README.md says which session "
                         "added each)")
    a = ap.parse_args()
    docs: list[tuple[dict, Path]] = []
    for folder in a.folders:
        for doc in read_jsonl(folder / "gold.jsonl"):
            problems = check(doc, folder)
            if problems:
                print(f"skipped {doc.get('id')}: {'; '.join(problems)}", file=sys.stderr)
                continue
            doc["publisher_note"] = doc["publisher"]
            doc["publisher"] = publisher_of(doc["publisher"])
            docs.append((doc, folder))
    ids = [d["id"] for d, _ in docs]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate article ids")
    excluded = subprocess.run([sys.executable, str(a.eval_dir / "excluded.py")], input="\n".join(
        d["source"] for d, _ in docs), capture_output=True, text=True).stdout.split()
    if excluded:
        print(f"excluded by excluded.py, dropped: {excluded}", file=sys.stderr)
        docs = [(d, f) for d, f in docs if d["source"] not in excluded]
    if a.check:
        add_check(docs, a.name)
        return
    (OUT / "articles").mkdir(parents=True, exist_ok=True)
    splits: dict[str, list[dict]] = {"dev": [], "test": []}
    rows = []
    for doc, folder in sorted(docs, key=lambda x: x[0]["id"]):
        shutil.copyfile(folder / "articles" / f"{doc['id']}.txt", OUT / "articles" / f"{doc['id']}.txt")
        split = split_of(doc)
        splits[split].append(doc)
        rows.append(manifest_row(doc, split))
    for split, items in splits.items():
        write_jsonl(OUT / f"gold-{split}.jsonl", items)
    with open(OUT / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    for split, items in splits.items():
        print(f"{split}: {len(items)} articles, {sum(len(d['incidents']) for d in items)} incidents, "
              f"{len({d['publisher'] for d in items})} publishers, {sum(bool(d.get('negative')) for d in items)} "
              f"negatives, sha256 {hashlib.sha256((OUT / f'gold-{split}.jsonl').read_bytes()).hexdigest()}")


if __name__ == "__main__":
    main()
