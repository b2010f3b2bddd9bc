"""The Dask engine gives the local engine's results, byte for byte, however it partitions."""
from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from mapper.distributed import MISSING_EXTRA, run_dask
from mapper.errors import InputError
from mapper.ingest import read_articles
from mapper.output.bundle import write_outputs
from mapper.pipeline import run

CITIES = ["Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Sumy", "Zaporizhzhia", "Kherson"]
WEAPONS = ["drones", "missiles", "artillery shells", "glide bombs"]
OUTLETS = ["Reuters", "the BBC", "Ukrainska Pravda"]
EVENTS = 13  # 40 articles over 13 incidents: each incident is reported 3 or 4 times


def corpus(n: int = 40) -> list[dict]:
    """JSONL records; article i reports incident i % EVENTS (every 5th has no id)."""
    out = []
    for i in range(n):
        e = i % EVENTS
        day = dt.date(2025, 11, 1) + dt.timedelta(days=e)
        city, weapon = CITIES[e % len(CITIES)], WEAPONS[e % len(WEAPONS)]
        text = (f"On {day.day} November 2025 Russian {weapon} struck {city}, {OUTLETS[i % 3]} reported. "
                f"{e % 4} people were killed. ")
        if e % 3 == 0:
            text += f"Talks on grain exports continued in Istanbul on {day.day} November 2025. "
        if i % 4 == 1:  # a weapon name read as a place mapper cannot find: an unplaced report
            text += "Air defence units shot down most of the Shahed drones over the region."
        rec = {"title": f"{city} attacked ({OUTLETS[i % 3]})", "text": text,
               "published": (day + dt.timedelta(days=i % 2)).isoformat()}
        if i % 5:
            rec["id"] = f"a{i:02d}"
        out.append(rec)
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A local cluster of 2 single-threaded worker processes, shared by the module."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def test_outputs_are_byte_identical_to_the_local_engine(services, scheduler, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus())
    local = run(read_articles([str(src)]), services)
    dask = run_dask([str(src)], scheduler=scheduler, partition_size="3kB")
    assert dask.articles == local.articles == 40
    assert len(local.incidents) == 18  # 13 strikes + 5 talks in Istanbul, every report merged
    assert len(local.unplaced) == 10  # the "Shahed" sentence of articles 1, 5, 9, ...
    assert dask.incidents == local.incidents and dask.unplaced == local.unplaced
    assert_same_files(local, dask, services, tmp_path)


def assert_same_files(local, dask, services, tmp_path) -> None:
    """The five output files of both engines' results are byte-identical."""
    files = {}
    for name, result in (("local", local), ("dask", dask)):
        write_outputs(result, services, tmp_path / name, tiles="none")
        files[name] = {p.name: p.read_bytes() for p in sorted((tmp_path / name).iterdir())}
    assert sorted(files["local"]) == ["cities.csv", "incidents.geojson", "map.html", "regions.csv", "unplaced.csv"]
    for name, data in files["local"].items():
        assert files["dask"][name] == data, name


def test_reports_of_one_incident_in_different_partitions_merge(services, scheduler, tmp_path):
    records = corpus()
    # article i goes to file i % 4: the 3-4 reports of an incident land in different files
    for k in range(4):
        write_jsonl(tmp_path / f"part-{k}.jsonl", records[k::4])
    result = run_dask([str(tmp_path / "part-*.jsonl")], scheduler=scheduler, partition_size="1kB")
    kyiv = [i for i in result.incidents if i.place.name == "Kyiv" and i.strike]
    assert [(i.date_start, i.type) for i in kyiv] == [(dt.date(2025, 11, 1), "drone_strike"),
                                                      (dt.date(2025, 11, 9), "drone_strike")]
    # incident 0 is reported by articles 0, 13, 26 and 39 (article 0 has no id: part-0.jsonl line 1)
    assert [s.article_id for s in kyiv[0].sources] == ["a26", "part-0:1", "a13", "a39"]
    assert kyiv[0].admin1_code == "UA-30"
    files = sorted(str(p) for p in tmp_path.glob("part-*.jsonl"))
    assert result.incidents == run(read_articles(files), services).incidents


PALESTINE = [
    "On 3 March 2024 an Israeli air strike hit a house in Khan Younis, killing 11 people, health officials said.",
    "On 3 March 2024 Israeli forces raided Jenin in the occupied West Bank, killing two men, officials said.",
    "On 4 March 2024 Israeli drones struck Rafah, medics said.",
    "On 5 March 2024 Israeli artillery shelled Khan Younis Governorate, medics said.",
    "On 4 March 2024 Russian drones struck Kharkiv, the governor said.",
]


def test_palestine_territories_and_governorates_as_the_local_engine(services, scheduler, tmp_path):
    records = [{"id": f"p{i}", "title": "Strikes", "text": text, "published": "2024-03-06"}
               for i, text in enumerate(PALESTINE * 2)]
    for k in range(2):
        write_jsonl(tmp_path / f"ps-{k}.jsonl", records[k::2])
    files = sorted(str(p) for p in tmp_path.glob("ps-*.jsonl"))
    dask = run_dask(files, scheduler=scheduler, partition_size="1kB")
    local = run(read_articles(files), services)
    assert dask.incidents == local.incidents
    got = {(i.place.name, i.admin1, i.admin1_code, i.admin2, i.admin2_code) for i in local.incidents}
    assert {("Khān Yūnis", "Gaza Strip", "PS-GZZ", "Khan Yunis Governorate", "PS-KYS"),
            ("Janīn", "West Bank", "PS-WBK", "Jenin Governorate", "PS-JEN"),
            ("Rafaḩ", "Gaza Strip", "PS-GZZ", "Rafah Governorate", "PS-RFH"),
            ("Kharkiv", "Kharkiv Oblast", "UA-63", None, None)} <= got
    # a governorate named in text: its territory, and the governorate itself as admin2
    named = [i for i in local.incidents if i.place.name == "Khan Yunis Governorate"]
    assert [(i.admin1_code, i.admin2_code) for i in named] == [("PS-GZZ", "PS-KYS")]
    assert_same_files(local, dask, services, tmp_path / "out")
    assert b'"admin2_code": "PS-KYS"' in (tmp_path / "out" / "local" / "incidents.geojson").read_bytes()


def test_bad_lines_are_numbered_across_blocks(services, scheduler, tmp_path):
    lines = [json.dumps(r) for r in corpus(30)]
    lines[17] = '{"text": broken'
    lines[24] = json.dumps({"id": "x", "text": ""})
    src = tmp_path / "bad.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as local_error:
        run(read_articles([str(src)]), services)
    with pytest.raises(InputError) as dask_error:
        run_dask([str(src)], scheduler=scheduler, partition_size="1kB")
    assert str(dask_error.value) == str(local_error.value) == (
        f"{src}:18: malformed JSON (Expecting value at column 10)")
    skipped: list[str] = []
    dask = run_dask([str(src)], scheduler=scheduler, partition_size="1kB", skip_bad=True, on_skip=skipped.append)
    assert skipped == [f"{src}:18: malformed JSON (Expecting value at column 10)", f'{src}:25: "text" is empty']
    local = run(read_articles([str(src)], skip_bad=True), services)
    assert dask.articles == local.articles == 28 and dask.incidents == local.incidents


def test_gzip_csv_and_parquet_inputs(services, scheduler, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [{"id": f"a{i}", **r} for i, r in enumerate(corpus(24))]
    with gzip.open(tmp_path / "one.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in records[:12])
    with open(tmp_path / "two.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "title", "text", "published"])
        writer.writeheader()
        writer.writerows(records[12:])
    local = run(read_articles([str(tmp_path)]), services)
    mixed = run_dask([str(tmp_path)], scheduler=scheduler)
    assert mixed.articles == 24 and mixed.incidents == local.incidents
    table = pa.table({k: [r[k] for r in records] for k in ("id", "title", "text")}
                     | {"published": [dt.date.fromisoformat(r["published"]) for r in records]})
    pq.write_table(table, tmp_path / "all.parquet", row_group_size=5)
    parquet = run_dask([str(tmp_path / "all.parquet")], scheduler=scheduler, partition_size="1kB")
    assert parquet.articles == 24 and parquet.incidents == local.incidents


def test_cli_engine_dask_writes_the_local_files(invoke, scheduler, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus())
    local = invoke("run", src, "-o", tmp_path / "local", "--tiles", "none")
    dask = invoke("run", src, "-o", tmp_path / "dask", "--tiles", "none", "--engine", "dask",
                  "--scheduler", scheduler, "--partition-size", "2kB")
    assert local.exit_code == 0 and dask.exit_code == 0, dask.output
    assert dask.stderr.startswith("mapper: 40 articles, 18 incidents (13 strikes), 10 unplaced, 13 day slices")
    for path in sorted((tmp_path / "local").glob("[!.]*")):
        assert (tmp_path / "dask" / path.name).read_bytes() == path.read_bytes(), path.name


def test_cli_without_the_dask_extra(invoke, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "dask_geopandas", None)  # makes the import fail
    result = invoke("run", write_jsonl(tmp_path / "in.jsonl", corpus(2)), "-o", tmp_path / "o", "--engine", "dask")
    assert result.exit_code == 1
    assert result.stderr == f"mapper: error: {MISSING_EXTRA}\n"
    assert MISSING_EXTRA == "--engine dask needs the dask extra: pip install 'mapper[dask]'"


def test_bad_partition_size_and_stdin(invoke, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus(2))
    bad = invoke("run", src, "--engine", "dask", "--partition-size", "lots")
    assert bad.exit_code == 2 and "bad partition size 'lots' (expected e.g. 64MB or 512kB)" in bad.stderr
    stdin = invoke("run", "-", "-o", tmp_path / "o", "--engine", "dask", stdin="{}\n")
    assert stdin.exit_code == 1
    assert stdin.stderr == "mapper: error: -: stdin cannot be read by the dask engine; give files or globs\n"


def test_articles_without_ids_keep_their_line_numbers(services, scheduler, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus())
    result = run_dask([str(src)], scheduler=scheduler, partition_size="1kB")
    ids = sorted({s.article_id for i in result.incidents for s in i.sources if ":" in s.article_id})
    assert ids == sorted(f"in:{n}" for n in range(1, 41, 5))


def test_without_a_scheduler_a_local_cluster_is_started_and_closed(monkeypatch):
    import mapper.parallel
    from mapper.distributed import engine

    monkeypatch.setattr(mapper.parallel, "default_jobs", lambda: 1)  # one worker: quick to start
    with engine._client(None) as client:
        workers = client.scheduler_info()["workers"].values()
        assert [w["nthreads"] for w in workers] == [1]
        assert client.submit(lambda: __import__("os").getpid()).result() != __import__("os").getpid()
    assert client.status == "closed"


def test_jobs_sets_the_local_cluster_workers():
    from mapper.distributed import engine

    with engine._client(None, 2) as client:
        assert [w["nthreads"] for w in client.scheduler_info()["workers"].values()] == [1, 1]


class _Geocoder:
    """Places every name at one point in Kyiv oblast, and counts the questions."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def geocode(self, query, *, country=None, exactly_one=True):  # noqa: ANN001, ANN202, ARG002
        from mapper.geo.online import OnlineLocation

        self.asked.append(query)
        return OnlineLocation(query, 30.9, 50.3, "UA", {"addresstype": "village"})


def test_online_geocoder_is_honoured_like_the_local_engine(services, scheduler, tmp_path):
    import mapper

    src = write_jsonl(tmp_path / "in.jsonl", corpus())
    local_geo, dask_geo = _Geocoder(), _Geocoder()
    local = mapper.run(src, services=services, jobs=1, geocoder=local_geo)
    dask = mapper.run(src, services=services, engine="dask", scheduler=scheduler, partition_size="2kB",
                      geocoder=dask_geo)
    assert local_geo.asked == dask_geo.asked == ["Shahed"]  # asked once per name
    assert len(local.raw.unplaced) == 0 and len(local.raw.incidents) == 18 + 10  # one per day
    assert dask.raw.incidents == local.raw.incidents and dask.raw.unplaced == local.raw.unplaced
    assert set(local.incidents[local.incidents["place"] == "Shahed"]["admin1_code"]) == {"UA-32"}
    local.write(tmp_path / "local", tiles="none")
    dask.write(tmp_path / "dask", tiles="none")
    for path in sorted((tmp_path / "local").iterdir()):
        assert (tmp_path / "dask" / path.name).read_bytes() == path.read_bytes(), path.name


def test_cli_jobs_with_a_scheduler_is_refused(invoke, scheduler, tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", corpus(2))
    result = invoke("run", src, "-o", tmp_path / "o", "--engine", "dask", "--scheduler", scheduler, "-j", "2")
    assert result.exit_code == 2
    assert "Error: -j/jobs sets the workers of a local cluster; with a scheduler" in result.stderr
    assert not (tmp_path / "o").exists()


def test_reports_route_warnings_and_skips_to_the_callers_functions():
    from mapper.distributed.engine import _reports

    report = {"articles": 2, "rejects": ["in.jsonl:3: malformed JSON"], "warnings": ["in.jsonl:1: truncated"],
              "fatal": None, "unplaced": []}
    skipped, warned = [], []
    result = _reports([report], True, skipped.append, warned.append)
    assert (result.articles, skipped, warned) == (2, ["in.jsonl:3: malformed JSON"], ["in.jsonl:1: truncated"])
    with pytest.raises(InputError, match="^in.jsonl:3: malformed JSON$"):
        _reports([report], False, None, None)
    with pytest.warns(UserWarning, match="in.jsonl:1: truncated"):
        _reports([{**report, "rejects": []}], False, None, None)
