"""Per-city strike counts end to end: one incident per place, type family and day or night.

Each engine (the CLI, the Python pipeline, the Dask engine, an incremental re-run) must
count the same articles the same way: consecutive nights apart, reports of one night
once, a day with the night ending on it, a week's summary adding only its sources.
"""
from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

from distributed import LocalCluster

from mapper.distributed import run_dask
from mapper.ingest import read_articles
from mapper.pipeline import run


def _article(folder: Path, name: str, published: str, title: str, body: str) -> None:
    (folder / f"{name}.txt").write_text(f"Published: {published}\n\n{title}\n\n{body}\n", encoding="utf-8")


def write_corpus(folder: Path, *, late: bool = True) -> Path:
    """Three mornings of overnight attacks on Kyiv, a second report of one night, a day
    report, and (``late``) a summary of the week plus a range nothing precise falls in."""
    folder.mkdir(parents=True, exist_ok=True)
    for day in (18, 19, 20):  # Tuesday to Thursday: the nights ending on the 18th, 19th, 20th
        _article(folder, f"kyiv_{day}", f"2025-11-{day}", "Night attack on the capital",
                 "Russian drones struck Kyiv overnight, the city administration said. Two people were injured.")
    _article(folder, "kyiv_19_again", "2025-11-19", "Capital hit again",
             "Kyiv came under attack overnight as Russian drones struck the city, officials said.")
    _article(folder, "day_20", "2025-11-20", "Daytime attack",
             "On Thursday Russian drones hit Kyiv, the mayor said.")
    if late:
        _article(folder, "summary", "2025-11-22", "A week of attacks",
                 "Russian drones struck Kyiv this week, the mayor said.\n\n"
                 "Russian drones attacked Odesa between 3 and 9 November, the governor said.")
    return folder


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _counts(incidents) -> list[tuple[str, str, str, list[str]]]:
    return [(i.place.name, i.date_start.isoformat(), i.date_end.isoformat(), sorted(s.article_id for s in i.sources))
            for i in incidents]


EXPECTED = [
    ("Odesa", "2025-11-03", "2025-11-09", ["summary"]),  # a summary containing no precise report
    ("Kyiv", "2025-11-17", "2025-11-18", ["kyiv_18", "summary"]),
    ("Kyiv", "2025-11-18", "2025-11-19", ["kyiv_19", "kyiv_19_again", "summary"]),
    # the day joins the night ending on it, not the night before
    ("Kyiv", "2025-11-20", "2025-11-20", ["day_20", "kyiv_20", "summary"]),
]


def test_python_pipeline_counts_each_night_once(services, tmp_path: Path) -> None:
    result = run(read_articles([str(write_corpus(tmp_path / "in"))]), services)
    assert _counts(result.incidents) == EXPECTED


def test_cli_tables_count_strikes_per_day_or_night(invoke, tmp_path: Path) -> None:
    res = invoke("run", write_corpus(tmp_path / "in"), "-o", tmp_path / "out", "--tiles", "none", "-q")
    assert res.exit_code == 0, res.output
    cities = {r["place"]: r for r in _rows(tmp_path / "out" / "cities.csv")}
    assert (cities["Kyiv"]["strikes"], cities["Odesa"]["strikes"]) == ("3", "1")
    totals = {r["admin1_code"]: r["strikes"] for r in _rows(tmp_path / "out" / "regions.csv") if not r["slice_start"]}
    assert totals == {"UA-30": "3", "UA-51": "1"}
    features = json.loads((tmp_path / "out" / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    assert len(features) == 4


def test_dask_engine_counts_as_the_local_engine(services, tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "in")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster:
        dask = run_dask([str(src)], scheduler=cluster.scheduler_address)
    assert _counts(dask.incidents) == EXPECTED


def test_incremental_rerun_with_new_articles_counts_as_a_fresh_run(invoke, tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "in", late=False)
    out = tmp_path / "out"
    first = invoke("run", src, "-o", out, "--tiles", "none", "-q")
    assert first.exit_code == 0, first.output
    assert [r["strikes"] for r in _rows(out / "cities.csv")] == ["3"]
    write_corpus(src)  # adds the week's summary
    again = invoke("run", src, "-o", out, "--tiles", "none", "-q")
    fresh = invoke("run", src, "-o", tmp_path / "fresh", "--tiles", "none", "-q")
    assert again.exit_code == fresh.exit_code == 0
    for name in ("cities.csv", "regions.csv", "incidents.geojson"):
        assert (out / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes(), name
    assert {r["place"]: r["strikes"] for r in _rows(out / "cities.csv")} == {"Kyiv": "3", "Odesa": "1"}


def test_seed_summary_ranges_stay_one_incident_each(seed_run) -> None:
    features = json.loads((seed_run.out / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    strikes = sorted((f["properties"]["place"], f["properties"]["date_start"], f["properties"]["date_end"])
                     for f in features if f["properties"]["strike"])
    span = [s for s in strikes if s[0] in {"Kyiv", "Lviv", "Kharkiv", "Ternopil"}]
    assert span == [(p, "2025-11-14", "2025-11-19") for p in ("Kharkiv", "Kyiv", "Lviv", "Ternopil")]
    assert len(features) == 9


def test_region_geonames_ids_survive_the_store(invoke, tmp_path: Path) -> None:
    src = write_corpus(tmp_path / "in")
    for _ in range(2):  # the second run reads every article back from the store
        res = invoke("run", src, "-o", tmp_path / "out", "--tiles", "none", "-q")
        assert res.exit_code == 0, res.output
        features = json.loads((tmp_path / "out" / "incidents.geojson").read_text(encoding="utf-8"))["features"]
        ids = {f["properties"]["place"]: f["properties"]["admin1_geonameid"] for f in features}
        assert ids == {"Kyiv": 703447, "Odesa": 698738}  # GeoNames: Kyiv City, Odesa Oblast
