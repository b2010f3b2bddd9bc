"""Worker processes, batching and the incremental store give the same answers."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from mapper.ingest import read_articles
from mapper.model import Article
from mapper.pipeline import run
from mapper.store import STORE_NAME, Store, StoreError

CITIES = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Zaporizhzhia", "Kherson"]
WEAPONS = ["drones", "missiles", "artillery shells", "glide bombs"]


def corpus(n: int) -> list[Article]:
    """``n`` small dated conflict articles over real cities (deterministic)."""
    out = []
    for i in range(n):
        day = dt.date(2025, 11, 1) + dt.timedelta(days=i % 20)
        city, weapon = CITIES[i % len(CITIES)], WEAPONS[i % len(WEAPONS)]
        text = (f"On {day.day} November 2025 Russian {weapon} struck {city}, officials said. "
                f"{i % 5} people were killed. Talks on grain exports continued in Istanbul on {day.day} November 2025.")
        out.append(Article(id=f"a{i}", title=f"Report {i}", text=text, published=day))
    return out


def summary(result):
    return [(i.id, i.type, i.place.name, i.date_start, len(i.sources)) for i in result.incidents]


def test_two_workers_give_the_same_incidents_as_one(services):
    articles = corpus(120)
    one = run(articles, services, jobs=1, batch_size=16)
    two = run(articles, services, jobs=2, batch_size=16)
    assert one.articles == two.articles == 120
    assert summary(one) == summary(two)
    assert len(one.incidents) > 20


def test_store_serves_unchanged_articles_and_extracts_new_ones(services, tmp_path):
    articles = corpus(60)
    with Store(tmp_path / STORE_NAME, salt="x") as store:
        first = run(articles, services, store=store, batch_size=8)
        assert first.cached == 0
    changed = articles[:59] + [Article(id="a59", title="Report 59", text="Shelling hit Kherson on 3 November 2025.",
                                       published=dt.date(2025, 11, 3))]
    with Store(tmp_path / STORE_NAME, salt="x") as store:
        again = run(changed + corpus(61)[60:], services, store=store, batch_size=8, jobs=2)
    assert again.articles == 61 and again.cached == 59
    fresh = run(changed + corpus(61)[60:], services)
    assert summary(again) == summary(fresh)


def test_store_salt_invalidates_old_entries(services, tmp_path):
    articles = corpus(10)
    with Store(tmp_path / STORE_NAME, salt="gazetteer-1") as store:
        run(articles, services, store=store)
    with Store(tmp_path / STORE_NAME, salt="gazetteer-2") as store:
        assert run(articles, services, store=store).cached == 0


def test_store_clear_and_corrupt_file(services, tmp_path):
    path = tmp_path / STORE_NAME
    with Store(path) as store:
        run(corpus(5), services, store=store)
        store.clear()
        assert run(corpus(5), services, store=store).cached == 0
    bad = tmp_path / "bad" / STORE_NAME
    bad.parent.mkdir()
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the incremental store"):
        Store(bad).get_many(["k"])


def test_damaged_row_is_a_miss(services, tmp_path):
    path = tmp_path / STORE_NAME
    with Store(path) as store:
        run(corpus(3), services, store=store)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE extractions SET payload = x'00'")
    with Store(path) as store:
        result = run(corpus(3), services, store=store)
    assert result.cached == 0 and result.articles == 3


def test_cli_rerun_uses_the_store_and_rebuild_ignores_it(invoke, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": a.id, "title": a.title, "text": a.text,
                                       "published": a.published.isoformat()}) + "\n" for a in corpus(30)))
    out = tmp_path / "out"
    first = invoke("run", src, "-o", out, "--tiles", "none", "-j", "1")
    assert first.exit_code == 0 and "30 articles," in first.stderr
    geo = (out / "incidents.geojson").read_bytes()
    again = invoke("run", src, "-o", out, "--tiles", "none", "-j", "2")
    assert again.exit_code == 0 and "30 articles (30 from the store)" in again.stderr
    assert (out / "incidents.geojson").read_bytes() == geo
    rebuilt = invoke("run", src, "-o", out, "--tiles", "none", "--rebuild")
    assert rebuilt.exit_code == 0 and "from the store" not in rebuilt.stderr
    assert (out / "incidents.geojson").read_bytes() == geo


def test_gzip_jsonl_streams(tmp_path, services):
    import gzip

    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        for a in corpus(25):
            fh.write(json.dumps({"id": a.id, "text": a.text, "published": a.published.isoformat()}) + "\n")
    result = run(read_articles([str(src)]), services, batch_size=4)
    assert result.articles == 25 and summary(result) == summary(run(corpus(25), services))
