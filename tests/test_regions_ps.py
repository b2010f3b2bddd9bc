"""Palestinian governorates (ISO 3166-2:PS), approximated by Voronoi cells of their seats."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from click.testing import CliRunner

from mapper import cli
from mapper.geo.regions import RegionIndex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "data"))  # the build helper is a script folder, not a package
from split_governorates import GOVERNORATES  # noqa: E402

GAZA = ("PS-DEB", "PS-GZA", "PS-KYS", "PS-NGZ", "PS-RFH")
WEST_BANK = ("PS-BTH", "PS-HBN", "PS-JEM", "PS-JEN", "PS-JRH", "PS-NBS", "PS-QQA", "PS-RBH",
             "PS-SLT", "PS-TBS", "PS-TKM")

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


@pytest.fixture(scope="module")
def regions() -> RegionIndex:
    return RegionIndex.load(ROOT / "data")


@pytest.mark.parametrize("name,lon,lat,code", POINTS, ids=[p[0] for p in POINTS])
def test_point_joins_its_governorate(regions: RegionIndex, name: str, lon: float, lat: float,
                                     code: str) -> None:
    (found,) = regions.join(np.array([lon]), np.array([lat]))
    assert found is not None and found.code == code
    assert found.country == "PS"


def test_every_governorate_once_and_no_parent_left(regions: RegionIndex) -> None:
    codes = sorted(r.code for r in regions.regions if r.country == "PS")
    assert codes == sorted(GAZA + WEST_BANK)
    assert regions.by_code("PS-GZZ") is None and regions.by_code("PS-WBK") is None


def test_governorates_keep_the_parent_geonames_code(regions: RegionIndex) -> None:
    gn = {r.code: r.gn_code for r in regions.regions if r.country == "PS"}
    assert {gn[c] for c in GAZA} == {"PS.GZ"} and {gn[c] for c in WEST_BANK} == {"PS.WE"}


def test_names(regions: RegionIndex) -> None:
    assert regions.by_code("PS-KYS").name == "Khan Yunis Governorate"
    assert regions.by_code("PS-RBH").name == "Ramallah and al-Bireh Governorate"
    with open(ROOT / "data" / "admin1.csv", encoding="utf-8", newline="") as fh:
        rows = {r["code"]: r for r in csv.DictReader(fh) if r["country"] == "PS"}
    assert rows["PS-KYS"]["names"].split("|") == [
        "Khan Yunis Governorate", "Khan Yunis", "Khan Younis", "Khan Younes", "Khan Yunus",
        "Khan Younis Governorate", "Khan Younes Governorate", "Khan Yunus Governorate"]
    assert "North Gaza" in rows["PS-NGZ"]["names"].split("|")
    assert {r["type_en"] for r in rows.values()} == {"Governorate"}


def test_representative_point_is_inside_its_own_cell(regions: RegionIndex) -> None:
    for code in GAZA + WEST_BANK:
        lon, lat = regions.point(code)
        (found,) = regions.join(np.array([lon]), np.array([lat]), max_km=0)
        assert found is not None and found.code == code


def test_cells_tile_the_strip_without_overlap(regions: RegionIndex) -> None:
    gdf = regions.regions_gdf(GAZA)
    geoms = gdf.geometry.to_numpy()
    assert shapely.coverage_is_valid(geoms)
    # the five cells together are Natural Earth's Gaza outline: 341 km2 at 0.01 deg (real: 365)
    area_km2 = shapely.area(shapely.union_all(geoms)) * 110.574 * 111.320 * np.cos(np.radians(31.42))
    assert 340 < area_km2 < 342


def test_governorate_table_order_and_parents() -> None:
    assert [g.code for g in GOVERNORATES] == [
        "PS-NGZ", "PS-GZA", "PS-DEB", "PS-KYS", "PS-RFH", "PS-JEN", "PS-TBS", "PS-TKM", "PS-NBS",
        "PS-QQA", "PS-SLT", "PS-RBH", "PS-JRH", "PS-JEM", "PS-BTH", "PS-HBN"]
    assert all(g.parent == ("PS-GZZ" if g.code in GAZA else "PS-WBK") for g in GOVERNORATES)


def test_run_joins_a_khan_younis_strike_to_ps_kys(tmp_path: Path) -> None:
    article = tmp_path / "khan_younis.txt"
    article.write_text(
        "Israeli strike on Khan Younis\n\nKHAN YOUNIS, Gaza Strip, March 3, 2024 - An Israeli air "
        "strike hit a house in Khan Younis on Sunday, killing 11 people, health officials said.\n",
        encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli.main, ["run", str(article), "-o", str(out), "--tiles", "none",
                                           "-j", "1", "--quiet"], prog_name="mapper")
    assert result.exit_code == 0, result.output
    with open(out / "regions.csv", encoding="utf-8", newline="") as fh:
        rows = [(r["admin1_code"], r["admin1"], r["slice_start"], r["strikes"])
                for r in csv.DictReader(fh)]
    assert rows == [("PS-KYS", "Khan Yunis Governorate", "2024-03-03", "1"),
                    ("PS-KYS", "Khan Yunis Governorate", "", "1")]
