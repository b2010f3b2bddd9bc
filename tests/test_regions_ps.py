"""Palestine: the Gaza Strip and the West Bank are its admin-1 regions (annotation.md, GeoNames,
Natural Earth); the 16 ISO 3166-2:PS governorates, approximated by Voronoi cells of their
seats, are its second level (``admin2``)."""
from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from click.testing import CliRunner

from mapper import cli, read_incidents
from mapper.geo.regions import RegionIndex
from mapper.model import Article, Place
from mapper.output.webmap import extract_data
from mapper.pipeline import Services, admin2_choice, extract_article, region_lookup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "data"))  # the build helper is a script folder, not a package
from split_governorates import GOVERNORATES  # noqa: E402

GAZA = ("PS-DEB", "PS-GZA", "PS-KYS", "PS-NGZ", "PS-RFH")
WEST_BANK = ("PS-BTH", "PS-HBN", "PS-JEM", "PS-JEN", "PS-JRH", "PS-NBS", "PS-QQA", "PS-RBH",
             "PS-SLT", "PS-TBS", "PS-TKM")
TERRITORY = {"PS-GZZ": ("Gaza Strip", 281132), "PS-WBK": ("West Bank", 285153)}

# (lon, lat) of the GeoNames cities500 points of real towns, with their governorate
POINTS = [
    ("Jabalia", 34.48347, 31.52720, "PS-NGZ"),
    ("Beit Hanoun", 34.53579, 31.53530, "PS-NGZ"),
    ("Gaza City", 34.46672, 31.50161, "PS-GZA"),
    ("Nuseirat", 34.39250, 31.44861, "PS-DEB"),
    ("Bureij", 34.40306, 31.43944, "PS-DEB"),
    ("Deir al-Balah", 34.34933, 31.41834, "PS-DEB"),
    ("Khan Younis", 34.30627, 31.34018, "PS-KYS"),
    ("Bani Suheila", 34.32337, 31.34337, "PS-KYS"),
    ("Rafah", 34.24357, 31.29722, "PS-RFH"),
    ("Jenin", 35.30086, 32.45943, "PS-JEN"),
    ("Qabatiya", 35.28087, 32.41035, "PS-JEN"),
    ("Tubas", 35.36989, 32.32091, "PS-TBS"),
    ("Tulkarm", 35.02690, 32.31156, "PS-TKM"),
    ("Nablus", 35.25444, 32.22111, "PS-NBS"),
    ("Balata", 35.28561, 32.21207, "PS-NBS"),
    ("Qalqilya", 34.97063, 32.18966, "PS-QQA"),
    ("Salfit", 35.18079, 32.08371, "PS-SLT"),
    ("Ramallah", 35.20422, 31.89964, "PS-RBH"),
    ("Al-Bireh", 35.21645, 31.91001, "PS-RBH"),
    ("Jericho", 35.45000, 31.86667, "PS-JRH"),
    ("Abu Dis", 35.26166, 31.76215, "PS-JEM"),
    ("Bethlehem", 35.20376, 31.70487, "PS-BTH"),
    ("Beit Sahour", 35.22631, 31.70095, "PS-BTH"),
    ("Hebron", 35.09380, 31.52935, "PS-HBN"),
    ("Yatta", 35.09443, 31.44590, "PS-HBN"),
]


def _csv(name: str) -> dict[str, dict[str, str]]:
    with open(ROOT / "data" / name, encoding="utf-8", newline="") as fh:
        return {r["code"]: r for r in csv.DictReader(fh) if r["country"] == "PS"}


@pytest.fixture(scope="module")
def regions() -> RegionIndex:
    return RegionIndex.load(ROOT / "data")


@pytest.mark.parametrize("name,lon,lat,code", POINTS, ids=[p[0] for p in POINTS])
def test_point_joins_its_territory_and_governorate(regions: RegionIndex, name: str, lon: float, lat: float,
                                                   code: str) -> None:
    (found,) = regions.join(np.array([lon]), np.array([lat]))
    parent = "PS-GZZ" if code in GAZA else "PS-WBK"
    assert found is not None and (found.code, found.name, found.country) == (parent, TERRITORY[parent][0], "PS")
    (unit,) = regions.join_second(np.array([lon]), np.array([lat]))
    assert unit is not None and (unit.code, unit.parent, unit.country) == (code, parent, "PS")


def test_admin1_is_the_two_territories(regions: RegionIndex) -> None:
    assert sorted(r.code for r in regions.regions if r.country == "PS") == ["PS-GZZ", "PS-WBK"]
    assert regions.by_gn_code("PS.GZ").code == "PS-GZZ" and regions.by_gn_code("PS.WE").code == "PS-WBK"
    rows = _csv("admin1.csv")
    assert [(c, rows[c]["name"], rows[c]["gn_code"]) for c in sorted(rows)] == [
        ("PS-GZZ", "Gaza Strip", "PS.GZ"), ("PS-WBK", "West Bank", "PS.WE")]
    # a bare "Gaza" is the city (and Gaza Governorate's alternate), not the territory
    assert "Gaza" not in rows["PS-GZZ"]["names"].split("|")
    with open(ROOT / "data" / "admin1_ids.csv", encoding="utf-8", newline="") as fh:
        ids = {r["gn_code"]: int(r["geonameid"]) for r in csv.DictReader(fh)}
    assert (ids["PS.GZ"], ids["PS.WE"]) == (281132, 285153)


def test_every_governorate_once_in_the_second_level(regions: RegionIndex) -> None:
    units = regions.second_level.regions
    assert sorted(u.code for u in units) == sorted(GAZA + WEST_BANK)
    assert {u.parent for u in units if u.code in GAZA} == {"PS-GZZ"}
    assert {u.parent for u in units if u.code in WEST_BANK} == {"PS-WBK"}
    # each keeps its territory's GeoNames code (GeoNames has none for governorates)
    assert {u.gn_code for u in units if u.code in GAZA} == {"PS.GZ"}
    assert {u.gn_code for u in units if u.code in WEST_BANK} == {"PS.WE"}
    assert regions.by_code("PS-KYS") is None  # not an admin-1 region


def test_names(regions: RegionIndex) -> None:
    assert regions.unit_named("Khan Yunis Governorate", "PS-GZZ").code == "PS-KYS"
    assert regions.unit_named("Khan Yunis Governorate", "PS-WBK") is None
    assert regions.unit_named("Ramallah and al-Bireh Governorate", "PS-WBK").code == "PS-RBH"
    rows = _csv("admin2.csv")
    assert rows["PS-KYS"]["names"].split("|") == [
        "Khan Yunis Governorate", "Khan Yunis", "Khan Younis", "Khan Younes", "Khan Yunus",
        "Khan Younis Governorate", "Khan Younes Governorate", "Khan Yunus Governorate"]
    assert "North Gaza" in rows["PS-NGZ"]["names"].split("|")
    assert {r["type_en"] for r in rows.values()} == {"Governorate"}
    assert {r["parent"] for r in rows.values()} == {"PS-GZZ", "PS-WBK"}


def test_representative_point_is_inside_its_own_cell(regions: RegionIndex) -> None:
    second = regions.second_level
    for code in GAZA + WEST_BANK:
        lon, lat = second.point(code)
        (found,) = regions.join_second(np.array([lon]), np.array([lat]), max_km=0)
        assert found is not None and found.code == code


def test_cells_tile_each_territory_without_overlap(regions: RegionIndex) -> None:
    for parent, codes in (("PS-GZZ", GAZA), ("PS-WBK", WEST_BANK)):
        geoms = regions.second_level.regions_gdf(codes).geometry.to_numpy()
        assert shapely.coverage_is_valid(geoms)
        territory = regions.regions_gdf([parent]).geometry.iloc[0]
        union = shapely.union_all(geoms)
        # the cells together are Natural Earth's outline (up to snapping to the 1e-5 degree grid)
        assert shapely.area(shapely.symmetric_difference(union, territory)) < 1e-4 * shapely.area(territory)
    area_km2 = (shapely.area(regions.regions_gdf(["PS-GZZ"]).geometry.iloc[0]) * 110.574 * 111.320
                * np.cos(np.radians(31.42)))
    assert 340 < area_km2 < 342  # Natural Earth's Gaza at 0.01 deg (real: 365 km2)


def test_governorate_table_order_and_parents() -> None:
    assert [g.code for g in GOVERNORATES] == [
        "PS-NGZ", "PS-GZA", "PS-DEB", "PS-KYS", "PS-RFH", "PS-JEN", "PS-TBS", "PS-TKM", "PS-NBS",
        "PS-QQA", "PS-SLT", "PS-RBH", "PS-JRH", "PS-JEM", "PS-BTH", "PS-HBN"]
    assert all(g.parent == ("PS-GZZ" if g.code in GAZA else "PS-WBK") for g in GOVERNORATES)


def _place(name: str, kind: str, lon: float, lat: float, gn: str | None) -> Place:
    return Place(name=name, lon=lon, lat=lat, country="PS", admin1_gn=gn, kind=kind,
                 geo_precision=1 if kind == "city" else 3)


def test_region_lookup_of_towns_governorates_and_territories(regions: RegionIndex) -> None:
    places = [
        _place("Khan Yunis", "city", 34.30627, 31.34018, "PS.GZ"),
        _place("Jenin", "city", 35.30086, 32.45943, "PS.WE"),
        # a governorate named in text, drawn at its territory's seat (Gaza City): the unit by name
        _place("Khan Yunis Governorate", "admin1", 34.46672, 31.50161, "PS.GZ"),
        _place("Gaza Strip", "admin1", 34.46672, 31.50161, "PS.GZ"),
        _place("West Bank", "region", 35.25, 31.95, "PS.WE"),
        Place(name="Kyiv", lon=30.5234, lat=50.4501, country="UA", admin1_gn="UA.12", kind="city"),
    ]
    found = region_lookup(places, regions)
    assert [found[p] for p in places] == [
        ("Gaza Strip", "PS-GZZ", "Khan Yunis Governorate", "PS-KYS"),
        ("West Bank", "PS-WBK", "Jenin Governorate", "PS-JEN"),
        ("Gaza Strip", "PS-GZZ", "Khan Yunis Governorate", "PS-KYS"),
        ("Gaza Strip", "PS-GZZ", None, None),
        ("West Bank", "PS-WBK", None, None),
        ("Kyiv City", "UA-30", None, None),
    ]


def test_admin2_needs_the_unit_inside_the_admin1(regions: RegionIndex) -> None:
    kys = regions.unit_named("Khan Yunis Governorate", "PS-GZZ")
    assert admin2_choice("city", "Khan Yunis", "PS-GZZ", kys, regions) == ("Khan Yunis Governorate", "PS-KYS")
    assert admin2_choice("city", "Khan Yunis", "IL-D", kys, regions) == (None, None)
    assert admin2_choice("city", "Khan Yunis", None, kys, regions) == (None, None)
    assert admin2_choice("country", "Palestine", "PS-GZZ", kys, regions) == (None, None)
    # no second level loaded: none anywhere
    bare = RegionIndex(regions.regions_gdf(["PS-GZZ"]).geometry.to_numpy(), [regions.by_code("PS-GZZ")],
                       np.array([[34.35, 31.39]]))
    assert bare.join_second(np.array([34.3]), np.array([31.34])) == [None]
    assert bare.second_level is None and bare.unit_named("Khan Yunis Governorate", "PS-GZZ") is None


def test_a_governorate_named_in_text_resolves_in_its_territory(tmp_path: Path) -> None:
    doc = tmp_path / "in.jsonl"
    doc.write_text(json.dumps({"id": "a", "text": "Strikes hit Khan Younis Governorate and the North Gaza "
                                                  "Governorate, and troops raided Jenin governorate. Raids "
                                                  "went on across the West Bank."}) + "\n",
                   encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["geoparse", str(doc), "--quiet"], prog_name="mapper")
    assert result.exit_code == 0, result.output
    got = [(t["name"], t["admin1_code"], t["admin1_geonameid"], round(t["lon"], 2), round(t["lat"], 2))
           for t in json.loads(result.output)["toponyms"]]
    assert got == [("Khan Younis Governorate", "PS-GZZ", 281132, 34.31, 31.34),
                   ("North Gaza Governorate", "PS-GZZ", 281132, 34.5, 31.54),
                   ("Jenin", "PS-WBK", 285153, 35.26, 32.45),
                   # the territory itself: the named region (the admin-1 region keeps the name as an alternate)
                   ("West Bank", "PS-WBK", 285153, 35.25, 31.95)]


KHAN_YOUNIS = ("Israeli strike on Khan Younis\n\nKHAN YOUNIS, Gaza Strip, March 3, 2024 - An Israeli air "
               "strike hit a house in Khan Younis on Sunday, killing 11 people, health officials said. "
               "On Sunday, Israeli forces also raided Jenin, killing two men, the health ministry said.\n")


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The outputs of ``mapper run`` on one article: a strike in Khan Younis, a raid in Jenin."""
    tmp = tmp_path_factory.mktemp("ps-run")
    article = tmp / "khan_younis.txt"
    article.write_text(KHAN_YOUNIS, encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["run", str(article), "-o", str(tmp / "out"), "--tiles", "none",
                                           "-j", "1", "--quiet"], prog_name="mapper")
    assert result.exit_code == 0, result.output
    return tmp / "out"


def test_run_reports_the_territory_and_the_governorate(ran: Path) -> None:
    with open(ran / "regions.csv", encoding="utf-8", newline="") as fh:
        rows = [(r["admin1_code"], r["admin1"], r["slice_start"], r["incidents"]) for r in csv.DictReader(fh)]
    assert rows == [("PS-GZZ", "Gaza Strip", "2024-03-03", "1"), ("PS-GZZ", "Gaza Strip", "", "1"),
                    ("PS-WBK", "West Bank", "2024-03-03", "1"), ("PS-WBK", "West Bank", "", "1")]
    with open(ran / "cities.csv", encoding="utf-8", newline="") as fh:
        cities = {r["place"]: (r["admin1"], r["admin1_code"], r["admin2"], r["admin2_code"])
                  for r in csv.DictReader(fh)}
    assert cities == {"Khān Yūnis": ("Gaza Strip", "PS-GZZ", "Khan Yunis Governorate", "PS-KYS"),
                      "Janīn": ("West Bank", "PS-WBK", "Jenin Governorate", "PS-JEN")}
    features = json.loads((ran / "incidents.geojson").read_text(encoding="utf-8"))["features"]
    props = {f["properties"]["place"]: f["properties"] for f in features}
    assert {k: (p["admin1"], p["admin1_code"], p["admin1_geonameid"], p["admin2"], p["admin2_code"])
            for k, p in props.items()} == {
        "Khān Yūnis": ("Gaza Strip", "PS-GZZ", 281132, "Khan Yunis Governorate", "PS-KYS"),
        "Janīn": ("West Bank", "PS-WBK", 285153, "Jenin Governorate", "PS-JEN")}


def test_the_map_choropleth_draws_the_territories(ran: Path) -> None:
    data = extract_data((ran / "map.html").read_text(encoding="utf-8"))
    assert [row[:3] for row in data["regions"]] == [["PS-GZZ", "Gaza Strip", "PS"], ["PS-WBK", "West Bank", "PS"]]
    assert len(data["region_shapes"]) == 2 and all(data["region_shapes"])  # the territories' polygons
    # the choropleth counts strikes: the air strike in Khan Younis, in the Gaza Strip (row 0)
    assert data["all"]["regions"] == [[0, 1]]


def test_a_file_written_before_admin2_still_reads(ran: Path, tmp_path: Path) -> None:
    data = json.loads((ran / "incidents.geojson").read_text(encoding="utf-8"))
    for f in data["features"]:
        del f["properties"]["admin2"], f["properties"]["admin2_code"]
    old = tmp_path / "old.geojson"
    old.write_text(json.dumps(data), encoding="utf-8")
    frame = read_incidents(old)
    assert len(frame) == 2 and frame["admin2"].isna().all() and set(frame["admin1"]) == {"Gaza Strip", "West Bank"}
    assert set(read_incidents(ran / "incidents.geojson")["admin2_code"]) == {"PS-KYS", "PS-JEN"}


def test_an_incident_known_by_its_governorate_is_drawn_at_that_governorate():
    gaz = Services.load().gazetteer
    items, _ = extract_article(Article(id="t", text="On 18 May air strikes hit Khan Younis Governorate.",
                                       title="", published=dt.date(2025, 5, 21)), gaz)
    assert len(items) == 1
    place = items[0].place
    # the governorate's seat (Khan Yunis), not Gaza City 25 km north
    assert abs(place.lat - 31.34) < 0.05 and abs(place.lon - 34.31) < 0.05

