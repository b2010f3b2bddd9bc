"""Incremental re-runs give exactly the outputs of a rebuild; the store's compact, data-only payloads;
hostile, foreign and old store files."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT
from hostile import pickle_bomb
from mapper.aggregate import Deduper, dedupe
from mapper.ingest import read_articles
from mapper.model import Article
from mapper.output.bundle import OUTPUT_NAMES, map_frame
from mapper.output.records import incident_frame
from mapper.pipeline import extract_article, join_regions, region_lookup, run
from mapper.store import APPLICATION_ID, FORMAT, STORE_NAME, Decoder, Store, article_key, encode

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


@pytest.mark.reliability("a file that is not a database in the store's place")
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


@pytest.mark.reliability("store payloads truncated on disk")
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


@pytest.mark.reliability("a store payload of intact zlib that is not JSON")
def test_unreadable_payload_is_a_one_line_error(invoke, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    _write(src, [_article(i) for i in range(3)])
    out = tmp_path / "out"
    assert invoke("run", src, "-o", out, "--tiles", "none").exit_code == 0
    with sqlite3.connect(out / STORE_NAME) as db:  # intact zlib, but not a payload
        db.execute("UPDATE extractions SET payload = ? WHERE rowid = 2", (zlib.compress(b"not a payload"),))
    before = _outputs(out)
    result = invoke("run", src, "-o", out, "--tiles", "none")
    assert result.exit_code == 1
    assert result.stderr == (f"mapper: error: {out / STORE_NAME}: damaged store payload (Expecting value: line 1 "
                             "column 1 (char 0)); "
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


# ------------------------------------------------------------ hostile and foreign store files

def _bomb(marker: Path) -> bytes:
    """A zlib-compressed pickle that runs code when loaded."""
    return zlib.compress(pickle_bomb(marker))


def _one_article(tmp_path: Path) -> tuple[Path, Article]:
    src = tmp_path / "in.jsonl"
    _write(src, [_article(0)])
    [article] = read_articles([str(src)])
    return src, article


@pytest.mark.reliability("a store payload that runs code when unpickled")
def test_crafted_pickle_payload_runs_nothing(invoke, services, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    src, article = _one_article(tmp_path)
    out = tmp_path / "out"
    with Store(out / STORE_NAME, salt=services.gazetteer.digest) as store:  # the key `mapper run` looks up
        store.put_blobs([(store.key(article), _bomb(marker))])
    result = invoke("run", src, "-o", out, "--tiles", "none")
    assert not marker.exists()
    assert result.exit_code == 1
    assert result.stderr == (f"mapper: error: {out / STORE_NAME}: damaged store payload ('utf-8' codec can't decode "
                             "byte 0x80 in position 0: invalid start byte); delete it or run with --rebuild\n")
    assert sorted(p.name for p in out.iterdir()) == [STORE_NAME]  # no output written


def _old_store(path: Path, key: str, blob: bytes) -> None:
    """A store as mapper wrote it before format 4: no application id, pickled payloads."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE extractions (key TEXT PRIMARY KEY, payload BLOB NOT NULL)")
        db.execute("INSERT INTO extractions VALUES (?, ?)", (key, blob))
    db.close()


@pytest.mark.reliability("a store of an older format holding a pickle that runs code")
def test_old_pickled_store_is_rebuilt_unread(invoke, services, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    src, article = _one_article(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    # the key mapper 0.1.0 (format 3) computed: that version would have unpickled this row
    _old_store(out / STORE_NAME, article_key(article, f"0.1.0|3|{services.gazetteer.digest}"), _bomb(marker))
    result = invoke("run", src, "-o", out, "--tiles", "none")
    assert result.exit_code == 0, result.output
    assert not marker.exists() and "from the store" not in result.stderr
    fresh = tmp_path / "fresh"
    assert invoke("run", src, "-o", fresh, "--tiles", "none").exit_code == 0
    assert _outputs(out) == _outputs(fresh)
    with sqlite3.connect(out / STORE_NAME) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert db.execute("PRAGMA user_version").fetchone() == (FORMAT,)
        [(payload,)] = db.execute("SELECT payload FROM extractions")
    assert json.loads(zlib.decompress(payload))[0][0][0] == "Kyiv"  # JSON, not a pickle


@pytest.mark.reliability("a store of a newer format")
def test_store_of_another_format_is_rebuilt(invoke, tmp_path: Path) -> None:
    src, _ = _one_article(tmp_path)
    out = tmp_path / "out"
    assert invoke("run", src, "-o", out, "--tiles", "none").exit_code == 0
    with sqlite3.connect(out / STORE_NAME) as db:
        db.execute(f"PRAGMA user_version = {FORMAT + 1}")
    again = invoke("run", src, "-o", out, "--tiles", "none")
    assert again.exit_code == 0 and "from the store" not in again.stderr
    third = invoke("run", src, "-o", out, "--tiles", "none")
    assert third.exit_code == 0 and "(1 from the store)" in third.stderr


@pytest.mark.reliability("another program's SQLite file in the store's place")
def test_foreign_database_is_a_one_line_error_and_rebuild_replaces_it(invoke, tmp_path: Path) -> None:
    src, _ = _one_article(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    with sqlite3.connect(out / STORE_NAME) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('keep me')")
    db.close()
    foreign = (out / STORE_NAME).read_bytes()
    result = invoke("run", src, "-o", out, "--tiles", "none")
    assert result.exit_code == 1
    assert result.stderr == (f"mapper: error: {out / STORE_NAME}: cannot open the incremental store (a SQLite "
                             "database of another program); delete it or run with --rebuild\n")
    assert sorted(p.name for p in out.iterdir()) == [STORE_NAME] and (out / STORE_NAME).read_bytes() == foreign
    rebuilt = invoke("run", src, "-o", out, "--tiles", "none", "--rebuild")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert json.loads((out / "incidents.geojson").read_text())["features"]


@pytest.mark.reliability("a JSON payload of the right shape with wrong types")
def test_payload_with_wrong_types_is_damaged(services) -> None:
    article = Article(id="x", title="T", text=_article(0)["text"], published=dt.date(2025, 11, 20))
    places, sources, rows, left = json.loads(zlib.decompress(encode(extract_article(article, services.gazetteer))))
    assert Decoder().decode(encode(extract_article(article, services.gazetteer)))[0]
    bad_type = [[["drone_strike<script>", *r[1:]] for r in rows]]
    bad_name = [[[7, *p[1:]] for p in places]]
    short = [[r[:-1] for r in rows]]
    for crafted in ([bad_name[0], sources, rows, left], [places, sources, bad_type[0], left],
                    [places, sources, short[0], left], {"places": places}):
        with pytest.raises(ValueError, match="^damaged store payload"):
            Decoder().decode(zlib.compress(json.dumps(crafted).encode()))


# ------------------------------------------------------------ an upgrade re-extracts on its own

def _installed_copy(root: Path) -> Path:
    """A copy of the mapper package's code (as an upgrade would install it); the data stays shipped."""
    site = root / "site"
    shutil.copytree(ROOT / "mapper", site / "mapper", ignore=shutil.ignore_patterns("__pycache__"))
    return site


def _run_with(site: Path, src: Path, out: Path) -> tuple[str, list[tuple[str, str]]]:
    env = {**os.environ, "PYTHONPATH": str(site), "MAPPER_DATA_DIR": str(ROOT / "data")}
    proc = subprocess.run([sys.executable, "-c", "import mapper, sys; print(mapper.__file__, file=sys.stderr); "
                           "from mapper.cli import main; main()", "run", str(src), "-o", str(out), "--tiles", "none",
                           "-j", "1"], env=env, cwd=site, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    where, summary = proc.stderr.splitlines()[:2]
    assert where == str(site / "mapper" / "__init__.py")  # the copy ran, not the checkout
    doc = json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))
    return summary, sorted((f["properties"]["place"], f["properties"]["type"]) for f in doc["features"])


@pytest.mark.reliability("an upgrade that changes a rule file")
def test_changed_rule_file_re_extracts_without_rebuild(tmp_path: Path) -> None:
    site = _installed_copy(tmp_path)
    src = tmp_path / "in.jsonl"
    _write(src, [{"id": "z", "title": "", "published": "2025-11-04",
                  "text": "On 3 November 2025 zorblats hit Kharkiv, officials said."}])
    out = tmp_path / "out"
    summary, found = _run_with(site, src, out)
    assert summary.startswith("mapper: 1 articles, ") and found == [("Kharkiv", "missile_strike")]
    summary, found = _run_with(site, src, out)
    assert summary.startswith("mapper: 1 articles (1 from the store), ")  # nothing changed: read back
    # the upgrade: the word list learns a drone name; the version string stays the same
    lexicon = site / "mapper" / "extract" / "lexicon.py"
    text = lexicon.read_text(encoding="utf-8")
    assert text.count('("drone_strike", r"') == 1
    lexicon.write_text(text.replace('("drone_strike", r"', '("drone_strike", r"zorblats?|'), encoding="utf-8")
    summary, found = _run_with(site, src, out)
    assert summary.startswith("mapper: 1 articles, ") and found == [("Kharkiv", "drone_strike")]
