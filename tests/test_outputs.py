"""The files of ``mapper run`` validate against issue 2's schemas and agree with each other."""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from conftest import ROOT, SEEDS, Invoke, SeedRun
from mapper.output.tables import neutralise
from mapper.output.webmap import extract_data

TYPES = ["drone_strike", "missile_strike", "air_strike", "shelling", "ground_fighting", "sabotage", "explosion",
         "diplomatic", "other"]
STRIKES = {"drone_strike", "missile_strike", "air_strike", "shelling"}
ACLED = {  # our type -> ACLED (event_type, sub_event_type), per DESIGN.md
    "drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "missile_strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "ground_fighting": ("Battles", "Armed clash"),
    "diplomatic": ("Strategic developments", "Agreement"),
}
PROPERTIES = ["id", "type", "event_type", "sub_event_type", "strike", "date_start", "date_end", "time_precision",
              "actor", "place", "place_text", "geonameid", "country", "admin1", "admin1_code", "admin1_geonameid",
              "admin2", "admin2_code", "geo_precision", "killed", "injured", "sources"]
CITY_COLUMNS = ["place", "geonameid", "country", "admin1", "admin1_code", "admin2", "admin2_code", "lon", "lat",
                "strikes", "incidents",
                "first_date", "last_date", *TYPES]
REGION_COLUMNS = ["admin1_code", "admin1", "country", "slice_start", "slice_end", "strikes", "incidents", *TYPES]
UNPLACED_COLUMNS = ["type", "date_start", "date_end", "place_text", "reason", "actor", "article_id", "title", "url",
                    "text"]
OUTPUTS = ["cities.csv", "incidents.geojson", "map.html", "regions.csv", "unplaced.csv"]
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
ISO_3166_2 = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")


def _features(out: Path) -> list[dict]:
    return json.loads((out / "incidents.geojson").read_text(encoding="utf-8"))["features"]


def _props(out: Path) -> list[dict]:
    return [f["properties"] for f in _features(out)]


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False)


def _date(text: str) -> dt.date:
    assert ISO_DATE.fullmatch(text), text
    return dt.date.fromisoformat(text)


def _type_counts(rows: list[dict]) -> dict[str, int]:
    return {"strikes": sum(p["strike"] for p in rows), "incidents": len(rows),
            **{t: sum(p["type"] == t for p in rows) for t in TYPES}}


# ------------------------------------------------------------------------------ GeoJSON


def test_geojson_reads_with_geopandas(seed_run: SeedRun) -> None:
    gdf = gpd.read_file(seed_run.out / "incidents.geojson")
    assert gdf.crs.to_epsg() == 4326
    assert len(gdf) == len(_features(seed_run.out)) > 0
    assert set(gdf.geom_type) == {"Point"}
    assert list(gdf.columns) == [*PROPERTIES, "geometry"]
    assert gdf["strike"].dtype == bool
    kyiv = gdf[gdf["place"] == "Kyiv"].geometry.iloc[0]  # lon, lat order (not Leaflet's lat, lon)
    assert (round(kyiv.x, 2), round(kyiv.y, 2)) == (30.52, 50.45)


def test_geojson_is_rfc7946(seed_run: SeedRun) -> None:
    doc = json.loads((seed_run.out / "incidents.geojson").read_text(encoding="utf-8"))
    assert sorted(doc) == ["features", "type"]  # no "crs" member, nothing else
    assert doc["type"] == "FeatureCollection"
    ids = [f["id"] for f in doc["features"]]
    assert len(set(ids)) == len(ids)
    for feature in doc["features"]:
        assert sorted(feature) == ["geometry", "id", "properties", "type"]
        assert feature["type"] == "Feature" and feature["id"] == feature["properties"]["id"]
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        for value in (lon, lat):
            assert isinstance(value, float) and "e" not in repr(value)
            assert len(repr(value).partition(".")[2]) <= 6


def _check_types(p: dict) -> None:
    assert list(p) == PROPERTIES
    assert isinstance(p["id"], str) and p["id"]
    assert p["type"] in TYPES
    if p["type"] in ACLED:
        assert (p["event_type"], p["sub_event_type"]) == ACLED[p["type"]]
    else:
        assert isinstance(p["event_type"], str) and isinstance(p["sub_event_type"], str)
    assert p["strike"] is (p["type"] in STRIKES)
    start, end = _date(p["date_start"]), _date(p["date_end"])
    assert start <= end
    assert p["time_precision"] in (1, 2, 3)
    assert (p["time_precision"] == 1) == (start == end)  # 1 = one day
    assert p["actor"] is None or (isinstance(p["actor"], str) and p["actor"])
    assert isinstance(p["place"], str) and p["place"] and isinstance(p["place_text"], str) and p["place_text"]
    assert p["geonameid"] is None or (type(p["geonameid"]) is int and p["geonameid"] > 0)
    assert re.fullmatch(r"[A-Z]{2}", p["country"])
    assert p["admin1"] is None or isinstance(p["admin1"], str)
    assert p["admin1_code"] is None or (ISO_3166_2.fullmatch(p["admin1_code"])
                                        and p["admin1_code"].startswith(p["country"] + "-"))
    assert (p["admin1"] is None) == (p["admin1_code"] is None)
    assert p["admin1_geonameid"] is None or (type(p["admin1_geonameid"]) is int and p["admin1_geonameid"] > 0)
    assert p["geo_precision"] in (1, 2, 3)
    for key in ("killed", "injured"):
        assert p[key] is None or (type(p[key]) is int and p[key] >= 0)
    assert p["sources"]
    for src in p["sources"]:
        assert list(src) == ["article_id", "title", "url", "published", "text"]
        assert isinstance(src["article_id"], str) and isinstance(src["text"], str) and src["text"]
        assert src["published"] is None or ISO_DATE.fullmatch(src["published"])


def test_geojson_properties_follow_the_schema(seed_run: SeedRun) -> None:
    props = _props(seed_run.out)
    for p in props:
        _check_types(p)
    # The seed has strikes, fighting, sabotage at country level and talks: every branch is exercised.
    assert {"missile_strike", "drone_strike", "ground_fighting", "sabotage", "diplomatic"} <= {p["type"] for p in props}
    assert any(p["admin1_code"] is None for p in props) and any(p["actor"] is None for p in props)


# ------------------------------------------------------------------------------ CSVs


def test_cities_csv_columns_and_totals(seed_run: SeedRun) -> None:
    cities = _csv(seed_run.out / "cities.csv")
    assert list(cities.columns) == CITY_COLUMNS
    features = _features(seed_run.out)
    by_place: dict[str, list[dict]] = {}
    coords: dict[str, list[float]] = {}
    for f in features:
        by_place.setdefault(f["properties"]["place"], []).append(f["properties"])
        coords[f["properties"]["place"]] = f["geometry"]["coordinates"]
    assert sorted(cities["place"]) == sorted(by_place)
    for row in cities.to_dict("records"):
        rows = by_place[row["place"]]
        first = rows[0]
        assert {k: row[k] for k in ("geonameid", "country", "admin1", "admin1_code")} == {
            "geonameid": first["geonameid"], "country": first["country"], "admin1": first["admin1"] or "",
            "admin1_code": first["admin1_code"] or ""}
        assert [row["lon"], row["lat"]] == coords[row["place"]]
        assert {k: row[k] for k in ("strikes", "incidents", *TYPES)} == _type_counts(rows)
        assert row["first_date"] == min(p["date_start"] for p in rows)
        assert row["last_date"] == max(p["date_end"] for p in rows)
    order = [(-r["strikes"], -r["incidents"], r["place"]) for r in cities.to_dict("records")]
    assert order == sorted(order)  # most struck first


def _slice_rows(regions: pd.DataFrame) -> list[dict]:
    return [r for r in regions.to_dict("records") if r["slice_start"] != ""]


def test_regions_csv_columns_totals_and_slices(seed_run: SeedRun) -> None:
    regions = _csv(seed_run.out / "regions.csv")
    assert list(regions.columns) == REGION_COLUMNS
    props = _props(seed_run.out)
    by_code: dict[str, list[dict]] = {}
    for p in props:
        if p["admin1_code"]:
            by_code.setdefault(p["admin1_code"], []).append(p)
    totals = regions[regions["slice_start"] == ""]
    assert list(totals["admin1_code"]) == sorted(by_code)  # exactly one total row per region
    assert (totals["slice_end"] == "").all()
    for row in totals.to_dict("records"):
        rows = by_code[row["admin1_code"]]
        assert (row["admin1"], row["country"]) == (rows[0]["admin1"], rows[0]["country"])
        assert {k: row[k] for k in ("strikes", "incidents", *TYPES)} == _type_counts(rows)
    for row in _slice_rows(regions):
        start, end = _date(row["slice_start"]), _date(row["slice_end"])
        inside = [p for p in by_code[row["admin1_code"]]
                  if _date(p["date_start"]) <= end and start <= _date(p["date_end"])]
        assert {k: row[k] for k in ("strikes", "incidents", *TYPES)} == _type_counts(inside)
    keys = [(r["admin1_code"], r["slice_start"] == "", r["slice_start"]) for r in regions.to_dict("records")]
    assert keys == sorted(keys)  # by region, slices in order, total last


def test_auto_slices_are_days_for_the_seed(seed_run: SeedRun) -> None:
    props = _props(seed_run.out)
    first = min(_date(p["date_start"]) for p in props)
    last = max(_date(p["date_end"]) for p in props)
    days = (last - first).days + 1
    assert days <= 14  # so "auto" must pick days
    slices = {(r["slice_start"], r["slice_end"]) for r in _slice_rows(_csv(seed_run.out / "regions.csv"))}
    assert all(s == e for s, e in slices)
    data = extract_data((seed_run.out / "map.html").read_text(encoding="utf-8"))
    assert data["slice_unit"] == "day"
    assert data["slices"] == [[(first + dt.timedelta(k)).isoformat()] * 2 for k in range(days)]
    strikes = sum(p["strike"] for p in props)
    assert re.fullmatch(rf"mapper: 1 articles, {len(props)} incidents \({strikes} strikes\), 0 unplaced, "
                        rf"{days} day slices -> {re.escape(str(seed_run.out))}/ in \d+\.\ds\n", seed_run.stderr)


def test_slice_week_option(invoke: Invoke, seed_run: SeedRun, tmp_path: Path) -> None:
    result = invoke("run", SEEDS, "-o", tmp_path, "--tiles", "none", "--slice", "week", "--quiet")
    assert (result.exit_code, result.stderr) == (0, "")
    regions = _csv(tmp_path / "regions.csv")
    weeks = sorted({(r["slice_start"], r["slice_end"]) for r in _slice_rows(regions)})
    assert weeks == [("2025-11-10", "2025-11-16"), ("2025-11-17", "2025-11-23")]  # ISO weeks, Monday first
    data = extract_data((tmp_path / "map.html").read_text(encoding="utf-8"))
    assert (data["slice_unit"], data["slices"]) == ("week", [list(w) for w in weeks])
    # Only the slicing differs from the default run.
    for name in ("incidents.geojson", "cities.csv"):
        assert (tmp_path / name).read_bytes() == (seed_run.out / name).read_bytes()
    same = _csv(seed_run.out / "regions.csv")
    assert regions[regions["slice_start"] == ""].reset_index(drop=True).equals(
        same[same["slice_start"] == ""].reset_index(drop=True))


def test_unplaced_csv_header_for_the_seed(seed_run: SeedRun) -> None:
    assert (seed_run.out / "unplaced.csv").read_text(encoding="utf-8") == ",".join(UNPLACED_COLUMNS) + "\n"


# ------------------------------------------------------------------------------ map.html


def test_map_holds_every_incident(seed_run: SeedRun) -> None:
    props = _props(seed_run.out)
    data = extract_data((seed_run.out / "map.html").read_text(encoding="utf-8"))
    table = data["incidents"]
    base = dt.date.fromisoformat(data["base_date"])
    assert len(table["place"]) == len(props) == data["summary"]["incidents"]
    in_map = Counter(
        (data["places"][place][1], data["types"][typ]["key"], (base + dt.timedelta(start)).isoformat(),
         (base + dt.timedelta(start + days)).isoformat())
        for place, typ, start, days in zip(table["place"], table["type"], table["start"], table["days"]))
    assert in_map == Counter((p["place"], p["type"], p["date_start"], p["date_end"]) for p in props)
    # The all-time view: strikes per place as in cities.csv.
    strikes = {data["places"][f[0]][1]: f[1] for f in data["all"]["places"]}
    cities = _csv(seed_run.out / "cities.csv")
    assert strikes == dict(zip(cities["place"], cities["strikes"]))
    # Every source sentence is in the page's data.
    assert {s["text"] for p in props for s in p["sources"]} <= set(data["texts"])


# ------------------------------------------------------------------------------ determinism


STORE = ".mapper-store.sqlite"  # the incremental store lives beside the outputs


def test_two_runs_are_byte_identical(seed_run: SeedRun, tmp_path: Path) -> None:
    # A separate process with another hash seed: set and dict orders must not leak into the files.
    proc = subprocess.run([sys.executable, "-m", "mapper", "run", str(SEEDS), "-o", str(tmp_path), "--tiles", "none",
                           "--quiet"], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
                          env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert (proc.returncode, proc.stderr) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == [STORE, *OUTPUTS]
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (seed_run.out / name).read_bytes(), name


# ------------------------------------------------------------------------------ empty runs


def test_no_incidents_gives_valid_empty_outputs(invoke: Invoke, tmp_path: Path) -> None:
    article = tmp_path / "bread.txt"
    article.write_text("How to bake sourdough bread\nMix flour and water. Leave the dough overnight, then bake "
                       "it at 250 degrees for forty minutes.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("run", article, "-o", out, "--tiles", "none")
    assert result.exit_code == 0
    assert result.stderr.startswith("mapper: 1 articles, 0 incidents (0 strikes), 0 unplaced, 0 day slices")
    assert result.stderr.endswith(" (no incidents found: outputs are empty)\n")
    assert sorted(p.name for p in out.iterdir()) == [STORE, *OUTPUTS]
    assert json.loads((out / "incidents.geojson").read_text(encoding="utf-8")) == {
        "type": "FeatureCollection", "features": []}
    assert len(gpd.read_file(out / "incidents.geojson")) == 0
    for name, columns in (("cities.csv", CITY_COLUMNS), ("regions.csv", REGION_COLUMNS),
                          ("unplaced.csv", UNPLACED_COLUMNS)):
        frame = _csv(out / name)
        assert (list(frame.columns), len(frame)) == (columns, 0)
    data = extract_data((out / "map.html").read_text(encoding="utf-8"))
    assert (data["places"], data["incidents"]["place"], data["slices"]) == ([], [], [])
    assert data["summary"]["incidents"] == 0


# ------------------------------------------------------------------------------ formula injection


@pytest.mark.parametrize("value,expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1+2", "'+1+2"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Kyiv", "Kyiv"), ("a=b", "a=b"), ("", ""), (-2, -2), (1.5, 1.5), (None, None),
])
def test_neutralise(value: object, expected: object) -> None:
    assert neutralise(value) == expected


def test_unplaced_csv_neutralises_formulas(invoke: Invoke, tmp_path: Path) -> None:
    title = '=HYPERLINK("http://evil.example/","click")'
    text = "A drone strike in Xyzzyvillekh killed two people on Monday."
    article = tmp_path / "evil.txt"
    article.write_text(f"Published: 2025-11-18\nURL: @evil\n{title}\n{text}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("run", article, "-o", out, "--tiles", "none")
    assert result.exit_code == 0
    assert result.stderr.startswith("mapper: 1 articles, 0 incidents (0 strikes), 1 unplaced, ")
    with open(out / "unplaced.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows == [{"type": "drone_strike", "date_start": "2025-11-17", "date_end": "2025-11-17",
                     "place_text": "Xyzzyvillekh", "reason": "not in gazetteer", "actor": "", "article_id": "evil",
                     "title": "'" + title, "url": "'@evil", "text": text}]
