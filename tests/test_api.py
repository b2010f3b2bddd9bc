"""The Python API: mapper.run -> Result, Result.write, read_incidents."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal

import mapper
from mapper.errors import ConfigError, InputError
from mapper.output.bundle import OUTPUT_NAMES

from conftest import SEED, SEEDS, SeedRun

SEED_RECORD = {"id": "kyiv-1", "title": "Drones hit Kyiv", "published": "2025-11-14",
               "text": "Russian drones struck Kyiv on 13 November 2025, killing two people. "
                       "Shelling hit Kharkiv the same day."}


@pytest.fixture(scope="module")
def seed_result(services) -> mapper.Result:
    return mapper.run([SEEDS], services=services, jobs=1)


def test_write_gives_the_cli_files_byte_for_byte(seed_result, seed_run: SeedRun, tmp_path: Path) -> None:
    summary = seed_result.write(tmp_path, tiles="none")
    assert summary["incidents"] == 9
    for name in OUTPUT_NAMES:
        assert (tmp_path / name).read_bytes() == (seed_run.out / name).read_bytes(), name
    assert not (tmp_path / ".mapper-store.sqlite").exists()  # no store unless asked for


def test_incidents_frame_matches_the_geojson(seed_result, seed_run: SeedRun) -> None:
    gdf = seed_result.incidents
    assert isinstance(gdf, gpd.GeoDataFrame) and gdf.crs.to_epsg() == 4326
    features = json.loads((seed_run.out / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    assert gdf["id"].tolist() == [f["id"] for f in features]
    assert [(p.x, p.y) for p in gdf.geometry] == [tuple(f["geometry"]["coordinates"]) for f in features]
    assert gdf["sources"].tolist() == [f["properties"]["sources"] for f in features]
    kyiv = gdf[gdf["place"] == "Kyiv"].iloc[0]
    assert kyiv["admin1_code"] == "UA-30" and kyiv["type"] == "missile_strike"
    assert kyiv["date_start"] == pd.Timestamp("2025-11-14") and kyiv["date_end"] == pd.Timestamp("2025-11-19")
    assert str(gdf["killed"].dtype) == "Int64" and gdf["strike"].dtype == bool


def test_tables_are_the_csv_rows(seed_result, seed_run: SeedRun) -> None:
    cities = pd.read_csv(seed_run.out / "cities.csv", keep_default_na=False)
    assert seed_result.cities["place"].tolist() == cities["place"].tolist()
    assert seed_result.cities["strikes"].tolist() == cities["strikes"].tolist()
    regions = pd.read_csv(seed_run.out / "regions.csv", keep_default_na=False)
    assert list(seed_result.regions.columns) == list(regions.columns)
    assert seed_result.regions["admin1_code"].tolist() == regions["admin1_code"].tolist()
    assert seed_result.unplaced.empty and list(seed_result.unplaced.columns) == list(
        pd.read_csv(seed_run.out / "unplaced.csv").columns)
    assert seed_result.slice_unit == "day" and seed_result.articles == 1


def test_read_incidents_gives_the_same_frame(seed_result, seed_run: SeedRun) -> None:
    back = mapper.read_incidents(seed_run.out / "incidents.geojson")
    assert_geodataframe_equal(back, seed_result.incidents)
    assert isinstance(back["sources"].iloc[0], list) and isinstance(back["sources"].iloc[0][0], dict)


def test_read_incidents_of_an_empty_run(services, tmp_path: Path) -> None:
    result = mapper.run([{"text": "Nothing happened anywhere today."}], services=services, jobs=1)
    result.write(tmp_path, tiles="none")
    back = mapper.read_incidents(tmp_path / "incidents.geojson")
    assert len(back) == 0 and list(back.columns) == list(result.incidents.columns)
    assert_geodataframe_equal(back, result.incidents)


def test_read_incidents_rejects_other_files(tmp_path: Path) -> None:
    bad = tmp_path / "x.geojson"
    bad.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", '
                   '"geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {"name": "x"}}]}')
    with pytest.raises(InputError, match=r"x.geojson: feature 0 lacks mapper's incident properties"):
        mapper.read_incidents(bad)
    bad.write_text("{")
    with pytest.raises(InputError, match=r"x.geojson: not a GeoJSON file"):
        mapper.read_incidents(bad)
    with pytest.raises(InputError, match=r"nope.geojson: cannot read"):
        mapper.read_incidents(tmp_path / "nope.geojson")


def test_articles_as_dicts_and_records_equal_the_file(services, tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(SEED_RECORD) + "\n", encoding="utf-8")
    from_file = mapper.run(path, services=services, jobs=1)
    from_dicts = mapper.run(iter([SEED_RECORD]), services=services, jobs=1)
    article = mapper.Article(id="kyiv-1", title=SEED_RECORD["title"], text=SEED_RECORD["text"],
                             published=dt.date(2025, 11, 14))
    from_records = mapper.run([article], services=services, jobs=1)
    assert_geodataframe_equal(from_dicts.incidents, from_file.incidents)
    assert_geodataframe_equal(from_records.incidents, from_file.incidents)
    assert sorted(from_file.incidents["place"]) == ["Kharkiv", "Kyiv"]


def test_a_bad_dict_names_its_position(services) -> None:
    with pytest.raises(InputError, match=r'^articles\[1\]: "text" is empty$'):
        mapper.run([SEED_RECORD, {"text": " "}], services=services, jobs=1)
    skipped: list[str] = []
    result = mapper.run([{"text": 3}, SEED_RECORD, "Kyiv"], services=services, jobs=1, skip_bad=True,
                        on_skip=skipped.append)
    assert skipped == ['articles[0]: "text" must be a string, got number',
                       'articles[2]: expected a mapping with a "text" field, got str']
    assert result.articles == 1 and len(result.incidents) == 2


def test_globs_are_expanded(services, tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text(json.dumps({**SEED_RECORD, "id": name}) + "\n", encoding="utf-8")
    result = mapper.run(str(tmp_path / "*.jsonl"), services=services, jobs=1)
    assert result.articles == 2
    assert {s["article_id"] for row in result.incidents["sources"] for s in row} == {"a.jsonl", "b.jsonl"}
    with pytest.raises(InputError, match=r"\*.csv: no files match$"):
        mapper.run(str(tmp_path / "*.csv"), services=services)


def test_store_is_used_and_rebuilt(services, tmp_path: Path) -> None:
    first = mapper.run([SEED], services=services, jobs=1, store=tmp_path)
    again = mapper.run([SEED], services=services, jobs=1, store=tmp_path)
    rebuilt = mapper.run([SEED], services=services, jobs=1, store=tmp_path, rebuild=True)
    assert (first.cached, again.cached, rebuilt.cached) == (0, 1, 0)
    assert (tmp_path / ".mapper-store.sqlite").exists()
    assert_geodataframe_equal(again.incidents, first.incidents)


@pytest.mark.parametrize(("options", "message"), [
    ({"slice": "year"}, "bad slice 'year'; choose one of auto, day, week, month"),
    ({"engine": "spark"}, "bad engine 'spark'; choose one of local, dask"),
    ({"geocoder": "google"}, "bad geocoder 'google'; choose one of offline, nominatim"),
    ({"jobs": 0}, "bad jobs 0; expected a whole number of at least 1"),
    ({"scheduler": "tcp://127.0.0.1:8786"}, "scheduler is an option of the dask engine"),
    ({"partition_size": "1MB"}, "partition_size is an option of the dask engine"),
    ({"engine": "dask", "store": "outputs"},
     "the dask engine does not use the incremental store; leave store unset"),
    ({"engine": "dask", "jobs": 2, "scheduler": "tcp://127.0.0.1:1"},
     "-j/jobs sets the workers of a local cluster; with a scheduler the cluster's own workers are used "
     "(start more dask workers instead)"),
])
def test_bad_options_are_config_errors(services, options: dict, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        mapper.run([SEED], services=services, **options)
    assert str(err.value) == message


def test_dask_refuses_articles(services) -> None:
    with pytest.raises(ConfigError, match="^the dask engine reads files: give paths or globs, not articles$"):
        mapper.run([SEED_RECORD], services=services, engine="dask")


def test_write_checks_tiles(seed_result, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="bad tiles 'google'"):
        seed_result.write(tmp_path, tiles="google")
    assert not any(tmp_path.iterdir())


def test_readme_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Every ```python block of the README, pasted as it is, in a folder holding seeds/."""
    import re
    import shutil

    from conftest import ROOT

    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 2
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})  # noqa: S102 - the README's own code
    shown = capsys.readouterr().out
    assert "<mapper.Result: 1 articles, 9 incidents, 0 unplaced>" in shown
    assert "0  Kyiv  drone_strike 2025-11-13       2\n" in shown  # "overnight", published on the 14th
    assert sorted(p.name for p in (tmp_path / "outputs").iterdir()) == sorted(OUTPUT_NAMES)
