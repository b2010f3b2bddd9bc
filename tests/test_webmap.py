"""Tests for the HTML map renderer (offline; the page's data checked via extract_data)."""
from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import re
from importlib import resources
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import Point, box

from mapper.errors import ConfigError, InputError
from mapper.output.webmap import ATTRIBUTION, FAR_TOLERANCE, extract_data, render_map
from mapper.slices import make_slices

XSS = "</script><img src=x onerror=alert(1)>${alert(2)}`"
D = dt.date
KYIV, KHARKIV, DONETSK = "703448", "706483", "709716"
DAYS = make_slices(D(2024, 3, 1), D(2024, 3, 3), "day")
TYPE = {"drone_strike": 0, "missile_strike": 1, "shelling": 3, "ground_fighting": 4}


def _src(article: str, text: str, title: str = "Report", url: str = "https://news.example/a") -> dict:
    return {"article_id": article, "title": title, "url": url, "published": "2024-03-04", "text": text}


def _incident(iid: str, typ: str, start: D, end: D, place: str, gid: int, code: str, lon: float, lat: float,
              sources: list[dict], precision: int = 1, actor: str | None = None) -> dict:
    return {"id": iid, "type": typ, "strike": typ in TYPE and typ != "ground_fighting",
            "date_start": start, "date_end": end, "time_precision": 1 if start == end else 2, "actor": actor,
            "place": place, "place_text": place, "geonameid": gid, "country": "UA", "admin1": None,
            "admin1_code": code, "geo_precision": precision, "killed": None, "injured": None,
            "lon": lon, "lat": lat, "sources": sources}


def _incidents() -> pd.DataFrame:
    kyiv = ("Kyiv", 703448, "UA-30", 30.5234, 50.4501)
    kharkiv = ("Kharkiv", 706483, "UA-63", 36.25, 49.98)
    donetsk = ("Donetsk Oblast " + XSS, 709716, "UA-14", 37.8, 48.0)
    rows = [
        _incident("a", "drone_strike", D(2024, 3, 1), D(2024, 3, 1), *kyiv, [_src("art1", "Drones hit Kyiv.")]),
        _incident("b", "missile_strike", D(2024, 3, 1), D(2024, 3, 3), *kyiv,
                  [_src("art1", "Missiles for three days."), _src("art2", "Missiles for three days.")]),
        _incident("c", "drone_strike", D(2024, 3, 2), D(2024, 3, 2), *kyiv,
                  [_src("art3", "Kyiv " + XSS, title="Title " + XSS)], actor="Actor " + XSS),
        _incident("d", "shelling", D(2024, 3, 2), D(2024, 3, 2), *kharkiv,
                  [_src("art4", "Shelling of Kharkiv.", url="javascript:alert(3)")]),
        _incident("e", "shelling", D(2024, 3, 3), D(2024, 3, 3), *donetsk,
                  [_src("art4", "Shelling in the region.", url="javascript:alert(3)")], precision=3),
        _incident("f", "ground_fighting", D(2024, 3, 3), D(2024, 3, 3), *kharkiv, [_src("art2", "Fighting.")]),
    ]
    return pd.DataFrame(rows)


def _regions() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"code": ["UA-30", "UA-63", "UA-14"], "name": ["Kyiv City", "Kharkiv", "Donetsk"],
                             "country": ["UA", "UA", "UA"]},
                            geometry=[box(30, 50, 31, 51), box(35, 49, 37, 50.5), box(37, 47, 39, 49)], crs=4326)


def _render(tmp_path: Path, df: pd.DataFrame | None = None, **kwargs) -> tuple[str, dict]:
    out = tmp_path / "map.html"
    kwargs.setdefault("slices", DAYS)
    kwargs.setdefault("slice_unit", "day")
    render_map(_incidents() if df is None else df, out, **kwargs)
    page = out.read_text(encoding="utf-8")
    return page, extract_data(page)


def _strikes_by_key(data: dict, view: dict) -> dict[str, int]:
    return {data["places"][f[0]][0]: f[1] for f in view["places"]}


def test_per_slice_features_are_exact(tmp_path: Path) -> None:
    _, data = _render(tmp_path, regions=_regions())
    keys = [p[0] for p in data["places"]]
    assert keys == [KYIV, KHARKIV, DONETSK]
    kyiv, kharkiv, donetsk = range(3)
    assert [v["places"] for v in data["views"]] == [
        [[kyiv, 2, TYPE["drone_strike"], 1, TYPE["missile_strike"], 1]],
        [[kyiv, 2, TYPE["drone_strike"], 1, TYPE["missile_strike"], 1], [kharkiv, 1, TYPE["shelling"], 1]],
        [[kyiv, 1, TYPE["missile_strike"], 1], [kharkiv, 0, TYPE["ground_fighting"], 1],
         [donetsk, 1, TYPE["shelling"], 1]],
    ]
    assert [_strikes_by_key(data, v) for v in data["views"]] == [
        {KYIV: 2}, {KYIV: 2, KHARKIV: 1}, {KYIV: 1, KHARKIV: 0, DONETSK: 1}]


def test_all_time_counts_multi_day_incident_once(tmp_path: Path) -> None:
    _, data = _render(tmp_path, regions=_regions())
    assert _strikes_by_key(data, data["all"]) == {KYIV: 3, KHARKIV: 1, DONETSK: 1}
    assert data["all"]["places"][1] == [1, 1, TYPE["shelling"], 1, TYPE["ground_fighting"], 1]
    assert data["all"]["regions"] == [[0, 3], [1, 1], [2, 1]]
    assert [v["regions"] for v in data["views"]] == [[[0, 2]], [[0, 2], [1, 1]], [[0, 1], [2, 1]]]


def test_incident_spanning_two_weeks_counts_once_in_each(tmp_path: Path) -> None:
    weeks = make_slices(D(2024, 3, 1), D(2024, 3, 12), "week")  # Mon 26 Feb .. Sun 17 Mar
    df = pd.DataFrame([_incident("w", "shelling", D(2024, 3, 9), D(2024, 3, 12), "Kyiv", 703448, "UA-30",
                                 30.5, 50.4, [_src("a", "Shelling.")])])
    _, data = _render(tmp_path, df, slices=weeks, slice_unit="week")
    assert data["slices"] == [["2024-02-26", "2024-03-03"], ["2024-03-04", "2024-03-10"],
                              ["2024-03-11", "2024-03-17"]]
    assert [v["places"] for v in data["views"]] == [[], [[0, 1, 3, 1]], [[0, 1, 3, 1]]]
    assert data["all"]["places"] == [[0, 1, 3, 1]]
    assert data["incidents"]["start"] == [12] and data["incidents"]["days"] == [3]


def test_places_and_incident_tables(tmp_path: Path) -> None:
    _, data = _render(tmp_path)
    assert data["places"][0] == [KYIV, "Kyiv", 50.4501, 30.5234, 1, "UA", "UA-30"]
    assert data["places"][2][4] == 3  # region-only: drawn hollow and dashed
    inc = data["incidents"]
    # Sorted by start day, then place key, then type.
    assert inc["place"] == [0, 0, 0, 1, 1, 2]
    assert inc["type"] == [0, 1, 0, 3, 4, 3]
    assert inc["start"] == [0, 0, 1, 1, 2, 2] and inc["days"] == [0, 2, 0, 0, 0, 0]
    assert inc["actor"] == [-1, -1, 0, -1, -1, -1]
    # One sentence quoted by two articles is stored once, sources are (article, text) pairs.
    assert data["texts"].count("Missiles for three days.") == 1
    assert inc["sources"][1] == [0, 1, 1, 1]
    assert data["summary"] == {"articles": 4, "incidents": 6, "strikes": 5,
                               "date_start": "2024-03-01", "date_end": "2024-03-03"}


def test_page_loads_nothing_from_the_network(tmp_path: Path) -> None:
    page, _ = _render(tmp_path, tiles="osm")
    assert re.findall(r"<script[^>]*\ssrc=", page) == []
    assert re.findall(r"<link[^>]*\shref=\"http", page) == []
    for cdn in ("jquery", "bootstrap", "awesome-markers", "cdn.jsdelivr", "sourceMappingURL"):
        assert cdn not in page
    assert 't.version="1.9.3"' in page  # Leaflet inlined from xstatic-leaflet
    assert "url(images/" not in page and "url(data:image/png;base64," in page
    # folium's shared class-level asset lists were not touched.
    assert ("jquery", "https://code.jquery.com/jquery-3.7.1.min.js") in folium.Map.default_js


def test_untrusted_text_never_appears_raw(tmp_path: Path) -> None:
    page, data = _render(tmp_path, title="mapper <test> & co")
    assert "</script><img" not in page
    assert "<img src=x" not in page
    assert XSS not in page
    assert page.count("</script>") == page.count("<script")
    assert "<title>mapper &lt;test&gt; &amp; co</title>" in page
    assert data["title"] == "mapper <test> & co"
    assert "Kyiv " + XSS in data["texts"]
    assert data["articles"][2][0] == "Title " + XSS
    assert data["actors"] == ["Actor " + XSS]
    assert data["places"][2][1] == "Donetsk Oblast " + XSS


def test_javascript_url_kept_in_data_but_only_http_linked(tmp_path: Path) -> None:
    page, data = _render(tmp_path)
    assert data["articles"][3] == ["Report", "javascript:alert(3)", "2024-03-04"]
    script = resources.files("mapper.output").joinpath("webmap.js").read_text(encoding="utf-8")
    assert "u.protocol === 'http:' || u.protocol === 'https:'" in script
    assert "a.rel = 'noopener noreferrer'" in script
    assert "innerHTML" not in script
    assert script in page


def test_attribution_and_tiles_option(tmp_path: Path) -> None:
    _, data = _render(tmp_path, tiles="none")
    assert data["attribution"] == ATTRIBUTION == "GeoNames (geonames.org) CC BY 4.0 | Natural Earth"
    assert data["tiles"] == "none"
    with pytest.raises(ConfigError, match="unknown tiles 'google': use osm or none"):
        _render(tmp_path, tiles="google")


def test_country_basemap_is_rounded_geojson(tmp_path: Path) -> None:
    countries = gpd.GeoDataFrame({"iso2": ["UA"], "name": ["Ukraine"]},
                                 geometry=[box(30.12345, 50.0, 31.0, 51.98765)], crs=4326)
    _, data = _render(tmp_path, countries=countries)
    assert data["countries"] == [["UA", "Ukraine"]]
    ring = data["country_shapes"][0]["coordinates"][0]
    assert sorted(map(tuple, ring[:4])) == [(30.123, 50.0), (30.123, 51.988), (31.0, 50.0), (31.0, 51.988)]


def test_empty_incidents_still_render(tmp_path: Path) -> None:
    page, data = _render(tmp_path, pd.DataFrame(), slices=[], summary={"articles": 3, "incidents": 0,
                         "strikes": 0, "date_start": "2024-03-01", "date_end": "2024-03-02", "unplaced": 2})
    assert data["places"] == [] and data["views"] == [] and data["all"] == {"places": [], "regions": []}
    assert data["incidents"]["place"] == []
    assert data["summary"]["unplaced"] == 2
    _, data = _render(tmp_path, _incidents().iloc[:0])
    assert [v["places"] for v in data["views"]] == [[], [], []]
    assert data["summary"]["incidents"] == 0


def test_write_is_atomic_and_deterministic(tmp_path: Path) -> None:
    first, _ = _render(tmp_path, regions=_regions())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]
    second, _ = _render(tmp_path, regions=_regions())
    assert first == second
    bad = _incidents().assign(type=["drone_strike"] * 5 + ["bombing"])
    with pytest.raises(InputError, match=r"unknown incident type\(s\) \['bombing'\]"):
        _render(tmp_path, bad)
    assert (tmp_path / "map.html").read_text(encoding="utf-8") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]


def test_bad_input_is_reported(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="incidents lack column\\(s\\) lat, sources"):
        _render(tmp_path, _incidents().drop(columns=["lat", "sources"]))
    reversed_dates = _incidents().assign(date_end=[D(2024, 2, 1)] * 6)
    with pytest.raises(InputError, match="incident 'a' ends before it starts"):
        _render(tmp_path, reversed_dates)
    with pytest.raises(ConfigError, match="slices are not consecutive"):
        _render(tmp_path, slices=[DAYS[0], DAYS[2]])
    with pytest.raises(InputError, match="no <script id=\"mapper-data\"> block"):
        extract_data("<html></html>")


BLOCK_RE = re.compile(r'<script type="application/gzip" id="mapper-data" data-encoding="base64">([^<]*)</script>')


def test_data_block_is_gzipped_base64_of_escaped_json(tmp_path: Path) -> None:
    page, data = _render(tmp_path, title="mapper <test> & co")
    blocks = BLOCK_RE.findall(page)
    assert len(blocks) == 1 and page.count('id="mapper-data"') == 1
    assert re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", blocks[0])  # nothing HTML could parse
    packed = base64.b64decode(blocks[0], validate=True)
    assert packed[:4] == b"\x1f\x8b\x08\x00" and packed[4:8] == b"\0\0\0\0"  # gzip, no timestamp
    raw = gzip.decompress(packed).decode("utf-8")
    # The JSON inside is escaped too, so a page that inlined it raw would still be safe.
    assert not set("<>&") & set(raw)
    assert "\\u003c/script\\u003e\\u003cimg src=x" in raw
    assert json.loads(raw) == data
    assert data["title"] == "mapper <test> & co"


def test_extract_data_rejects_a_damaged_block(tmp_path: Path) -> None:
    page, _ = _render(tmp_path)
    with pytest.raises(InputError, match="the mapper-data block is not base64-encoded gzip"):
        extract_data(BLOCK_RE.sub(lambda m: m.group(0).replace(m.group(1), "not base64!"), page))
    not_gzip = base64.b64encode(b"plain bytes").decode("ascii")
    with pytest.raises(InputError, match="the mapper-data block is not base64-encoded gzip"):
        extract_data(BLOCK_RE.sub(lambda m: m.group(0).replace(m.group(1), not_gzip), page))


def _ring(data: dict, i: int) -> list[list[float]]:
    return data["country_shapes"][i]["coordinates"][0]


def test_far_countries_are_simplified_near_ones_kept(tmp_path: Path) -> None:
    near = Point(31.123456, 49.654321).buffer(1.0, quad_segs=64)  # beside the incidents
    far = Point(-60.123456, -15.654321).buffer(5.0, quad_segs=64)  # South America
    countries = gpd.GeoDataFrame({"iso2": ["UA", "BR"], "name": ["Near", "Far"]}, geometry=[near, far], crs=4326)
    _, data = _render(tmp_path, countries=countries)
    assert len(_ring(data, 0)) == 257
    assert _ring(data, 0)[0] == [32.123, 49.654]
    coarse = shapely.simplify(far, FAR_TOLERANCE, preserve_topology=True)
    assert len(_ring(data, 1)) == len(coarse.exterior.coords) < 257
    assert all(xy == [round(xy[0], 2), round(xy[1], 2)] for xy in _ring(data, 1))
    assert _ring(data, 1)[0] == [-55.12, -15.65]
    # With no incidents nothing is "far": every outline keeps its detail.
    _, data = _render(tmp_path, _incidents().iloc[:0], countries=countries)
    assert [len(_ring(data, i)) for i in (0, 1)] == [257, 257]


def test_folium_skeleton_is_the_one_the_tests_cover() -> None:
    """The page's folium part, byte for byte (the data, inlined assets and webmap.js cut
    out).  When a new folium or branca renders anything else, this fails: check the page in
    a browser (tests/test_browser.py), then update tests/data/folium_skeleton.html and the
    folium bound in pyproject.toml together."""
    from mapper.output import webmap

    data = {"x": 1}
    page = webmap._page(data, "t")
    for part, marker in ((webmap._head_assets(), "<!-- head assets -->"),
                         (webmap._encode_data(data), "<!-- data -->"), (webmap._template("webmap.js"), "/* webmap.js */")):
        assert page.count(part) == 1
        page = page.replace(part, marker)
    expected = (Path(__file__).parent / "data" / "folium_skeleton.html").read_text(encoding="utf-8")
    assert page == expected, f"folium {folium.__version__} renders a different map skeleton"
    assert "map_mapper" in page and not re.search(r"[0-9a-f]{32}", page)  # no random id left
