"""Incremental re-runs give exactly the outputs of a rebuild; the store's compact payloads."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from mapper.aggregate import Deduper, dedupe
from mapper.model import Article
from mapper.output.bundle import OUTPUT_NAMES, map_frame
from mapper.output.records import incident_frame
from mapper.pipeline import extract_article, join_regions, region_lookup, run
from mapper.store import STORE_NAME, Decoder, Store, encode

CITIES = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy"]


def _article(i: int, city: str | None = None) -> dict:
    """Article ``i``: a strike on one of six cities; articles 6 apart report the same one."""
    day = dt.date(2025, 11, 1) + dt.timedelta(days=i % 12)
    city = city or CITIES[i % len(CITIES)]
    text = (f"On {day.day} November 2025 Russian drones struck {city} and Poltava, killing {i % 4} people, "
            f"officials said. Shelling hit Kherson on {day.day} November 2025.")
    return {"id": f"a{i}", "title": f"Report {i}", "text": text, "published": day.isoformat(),
            "url": f"https://example.org/{i}"}


def _write(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUT_NAMES}


def _article_ids(folder: Path) -> set[str]:
    doc = json.loads((folder / "incidents.geojson").read_text(encoding="utf-8"))
    return {s["article_id"] for f in doc["features"] for s in f["properties"]["sources"]}


def test_rerun_with_new_changed_and_removed_articles_equals_rebuild(invoke, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _write(src / "a.jsonl", [_article(i) for i in range(30)])
    _write(src / "b.jsonl", [_article(i) for i in range(30, 42)])
    out = tmp_path / "out"
    first = invoke("run", src, "-o", out, "--tiles", "none", "-j", "1")
    assert first.exit_code == 0, first.output
    assert "a7" in _article_ids(out) and "a33" in _article_ids(out)
    # a7 now reports Odesa instead of Kharkiv; a33 is gone; c.jsonl brings four new articles
    _write(src / "a.jsonl", [_article(i, "Odesa" if i == 7 else None) for i in range(30)])
    _write(src / "b.jsonl", [_article(i) for i in range(30, 42) if i != 33])
    _write(src / "c.jsonl", [_article(i) for i in range(42, 46)])
    again = invoke("run", src, "-o", out, "--tiles", "none", "-j", "2")
    assert again.exit_code == 0, again.output
    assert again.stderr.startswith("mapper: 45 articles (40 from the store), ")
    fresh = tmp_path / "fresh"
    rebuilt = invoke("run", src, "-o", fresh, "--tiles", "none", "-j", "1", "--rebuild")
    assert rebuilt.exit_code == 0 and "from the store" not in rebuilt.stderr
    assert _outputs(out) == _outputs(fresh)
    ids = _article_ids(out)
    assert "a33" not in ids and {"a7", "a42", "a45"} <= ids
    doc = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    places = {f["properties"]["place"] for f in doc["features"]
              for s in f["properties"]["sources"] if s["article_id"] == "a7"}
    assert places == {"Odesa", "Poltava", "Kherson"}


def test_corrupt_store_is_a_one_line_error(invoke, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write(src, [_article(0)])
    out = tmp_path / "out"
    out.mkdir()
    (out / STORE_NAME).write_bytes(b"this is not a database" * 100)
    result = invoke("run", src, "-o", out, "--tiles", "none")
    assert result.exit_code == 1
    assert result.stderr == (f"mapper: error: {out / STORE_NAME}: cannot open the incremental store (file is not a "
                             "database); delete it or run with --rebuild\n")
    assert sorted(p.name for p in out.iterdir()) == [STORE_NAME]


def test_damaged_payload_is_extracted_again(services, tmp_path: Path) -> None:
    articles = [Article(**{**r, "published": dt.date.fromisoformat(r["published"])})
                for r in (_article(i) for i in range(8))]
    path = tmp_path / STORE_NAME
    with Store(path, salt="s") as store:
        first = run(articles, services, store=store, batch_size=3)
    with sqlite3.connect(path) as db:
        # truncated: the zlib stream's checksum fails, so these two are misses
        db.execute("UPDATE extractions SET payload = substr(payload, 1, length(payload) - 3) WHERE rowid IN (2, 5)")
    with Store(path, salt="s") as store:
        again = run(articles, services, store=store, batch_size=3, jobs=2)
        assert (again.articles, again.cached) == (8, 6)
        assert run(articles, services, store=store).cached == 8  # the two were stored again
    assert again.incidents == first.incidents and again.unplaced == first.unplaced


def test_unreadable_payload_is_a_one_line_error(invoke, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write(src, [_article(i) for i in range(3)])
    out = tmp_path / "out"
    assert invoke("run", src, "-o", out, "--tiles", "none").exit_code == 0
    with sqlite3.connect(out / STORE_NAME) as db:  # intact zlib, but not a payload
        db.execute("UPDATE extractions SET payload = ? WHERE rowid = 2", (zlib.compress(b"not a pickle"),))
    before = _outputs(out)
    result = invoke("run", src, "-o", out, "--tiles", "none")
    assert result.exit_code == 1
    assert result.stderr == (f"mapper: error: {out / STORE_NAME}: damaged store payload (invalid load key, 'n'.); "
                             "delete it or run with --rebuild\n")
    assert _outputs(out) == before
    assert invoke("run", src, "-o", out, "--tiles", "none", "--rebuild").exit_code == 0
    assert _outputs(out) == before


def test_payload_round_trip_shares_places_and_dates(services) -> None:
    articles = [Article(id=f"x{i}", title=f"T{i}", text=_article(i)["text"], published=dt.date(2025, 11, 20),
                        url=None) for i in (0, 12)]
    extractions = [extract_article(a, services.gazetteer) for a in articles]
    decoder = Decoder()
    decoded = [decoder.decode(encode(x)) for x in extractions]
    assert decoded == extractions
    (a, _), (b, _) = decoded
    assert [i.place.name for i in a] == [i.place.name for i in b] == ["Kyiv", "Poltava", "Kherson"]
    assert all(x.place is y.place and x.date_start is y.date_start for x, y in zip(a, b))
    assert len(decoder.places()) == 3


def test_deduper_with_regions_equals_dedupe_then_join(services) -> None:
    articles = [Article(id=f"a{i}", title="", text=_article(i)["text"], published=dt.date(2025, 11, 20))
                for i in range(14)]
    found = [inc for a in articles for inc in extract_article(a, services.gazetteer)[0]]
    merger = Deduper()
    merger.extend(found)
    merged = merger.result(region_lookup((i.place for i in found), services.regions))
    plain = dedupe(found)
    assert [dataclasses.replace(i, admin1=None, admin1_code=None) for i in merged] == plain
    points = services.regions.join(np.array([i.place.lon for i in plain]), np.array([i.place.lat for i in plain]))
    assert [(i.admin1, i.admin1_code) for i in merged] == [(r.name, r.code) for r in points]
    assert join_regions(plain, services.regions) == merged
    assert merger.candidates == len(found) == 42
    # 12 days x (a city, Poltava, Kherson); articles 12 and 13 repeat days 1 and 2 of articles 0 and 1
    assert len(merged) == 36
    assert [(i.place.name, i.date_start.day) for i in merged if len(i.sources) == 2] == [
        ("Kherson", 1), ("Kyiv", 1), ("Poltava", 1), ("Kharkiv", 2), ("Kherson", 2), ("Poltava", 2)]
    assert {(i.place.name, i.admin1_code) for i in merged} == {
        ("Dnipro", "UA-12"), ("Kharkiv", "UA-63"), ("Kherson", "UA-65"), ("Kyiv", "UA-30"), ("Lviv", "UA-46"),
        ("Odesa", "UA-51"), ("Poltava", "UA-53"), ("Sumy", "UA-59")}


def test_map_frame_equals_incident_frame(services) -> None:
    articles = [Article(id=f"a{i}", title=f"T{i}", text=_article(i)["text"], published=dt.date(2025, 11, 20),
                        url=f"https://example.org/{i}" if i % 2 else None) for i in range(9)]
    incidents = run(articles, services).incidents
    light, full = map_frame(incidents), incident_frame(incidents)
    assert list(light.dtypes.astype(str)) == list(full.dtypes.astype(str))
    pd.testing.assert_frame_equal(light.drop(columns="sources"), full.drop(columns="sources"))
    keys = ("article_id", "title", "url", "published", "text")
    views = [[{k: s.get(k) for k in keys} for s in srcs] for srcs in light["sources"]]
    assert views == [[{k: s.get(k) for k in keys} for s in srcs] for srcs in full["sources"]]
    assert light["sources"][0][0]["published"] == "2025-11-20"
