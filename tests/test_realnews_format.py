"""The real-news corpus is whole, licensed per article, and its test split is frozen."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "realnews"
TYPES = {"drone_strike", "missile_strike", "air_strike", "shelling", "ground_fighting", "sabotage", "explosion",
         "diplomatic", "other"}


def _gold(split: str) -> list[dict]:
    return [json.loads(line) for line in (CORPUS / f"gold-{split}.jsonl").read_text(encoding="utf-8").splitlines()]


def test_test_split_matches_the_sha256_published_in_bench_readme() -> None:
    readme = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    published = re.search(r"gold-test\.jsonl` sha256 `([0-9a-f]{64})`", readme)
    assert published, "bench/README.md must give the frozen test split's sha256"
    assert hashlib.sha256((CORPUS / "gold-test.jsonl").read_bytes()).hexdigest() == published.group(1)


def test_every_article_has_its_text_gold_and_manifest_row() -> None:
    rows = {r["id"]: r for r in csv.DictReader(open(CORPUS / "manifest.csv", newline="", encoding="utf-8"))}
    splits = {r["split"] for r in rows.values()}
    # every split of the manifest has its gold file, and every gold file is a split of the manifest
    assert splits == {p.name[len("gold-"):-len(".jsonl")] for p in CORPUS.glob("gold-*.jsonl")}
    assert {"dev", "test"} <= splits
    docs = {split: _gold(split) for split in sorted(splits)}
    ids = [d["id"] for split in docs.values() for d in split]
    assert sorted(ids) == sorted(rows) and len(set(ids)) == len(ids)
    assert sorted(p.stem for p in (CORPUS / "articles").glob("*.txt")) == sorted(ids)
    for split, items in docs.items():
        for doc in items:
            row = rows[doc["id"]]
            assert row["split"] == split and row["url"] == doc["source"] and row["licence"]
            title, blank, body = (CORPUS / "articles" / f"{doc['id']}.txt").read_text(encoding="utf-8").partition("\n\n")
            assert title.strip() and blank and body.strip()
            for g in doc["incidents"]:
                assert g["type"] in TYPES and set(g.get("alt_types") or []) <= TYPES
                assert dt.date.fromisoformat(g["date_start"]) <= dt.date.fromisoformat(g["date_end"])


def test_no_publisher_month_is_in_both_splits() -> None:
    groups = {split: {(d["publisher"], d["published"][:7]) for d in _gold(split)} for split in ("dev", "test")}
    assert not groups["dev"] & groups["test"]
    publishers = {d["publisher"] for split in ("dev", "test") for d in _gold(split)}
    assert len(publishers) >= 12


def test_the_second_annotation_covers_read_articles_only() -> None:
    # the agreement sample (bench/agreement.py) is drawn from splits already read, never the test split
    second = [json.loads(line) for line in open(CORPUS / "agreement" / "gold2.jsonl", encoding="utf-8")]
    test_ids = {d["id"] for d in _gold("test")}
    read_ids = {d["id"] for split in ("dev", "check", *(f"blind{n}" if n > 1 else "blind" for n in range(1, 17)))
                for d in _gold(split)}
    ids = [d["id"] for d in second]
    assert len(ids) == len(set(ids)) == 80
    assert set(ids) <= read_ids and not set(ids) & test_ids
    types = {"drone_strike", "missile_strike", "air_strike", "shelling", "ground_fighting", "sabotage", "explosion",
             "diplomatic", "other"}
    for doc in second:
        assert doc["negative"] == (not doc["incidents"])
        for inc in doc["incidents"]:
            assert inc["type"] in types and inc["date_start"] <= (inc["date_end"] or inc["date_start"]) <= doc["published"]
