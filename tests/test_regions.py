"""Admin-1 join and look-ups: a hand-made 3-polygon fixture and the shipped data."""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
import shapely

from mapper.errors import GazetteerError
from mapper.geo.regions import Region, RegionIndex

DATA = Path(__file__).resolve().parents[1] / "data"

# ------------------------------------------------------------------ fixture index
A = Region("XA-01", "Alpha", "XA", "XA.01")
B = Region("XA-02", "Beta", "XA", "XA.02")
C = Region(None, "Gamma", "XC", None)  # an un-coded unit, like Natural Earth's "XX~" ones


@pytest.fixture(scope="module")
def tiny() -> RegionIndex:
    # At 60°N a degree of longitude is 55.66 km, of latitude 110.57 km.
    geoms = np.array([shapely.box(0, 60, 1, 61), shapely.box(1.2, 60, 2, 61),
                      shapely.box(10, 0, 11, 1)], dtype=object)
    points = np.array([[0.5, 60.5], [1.6, 60.5], [10.5, 0.5]])
    countries = [("XA", "Xanadu", (1.0, 60.5), shapely.box(0, 60, 2, 61)),
                 ("", "No Man's Land", (10.5, 0.5), shapely.box(10, 0, 11, 1))]
    return RegionIndex(geoms, [A, B, C], points, gn_also=[["XA.99"], [], []],
                       countries=countries)


def test_fixture_inside_points(tiny: RegionIndex) -> None:
    got = tiny.join(np.array([0.5, 1.6, 10.5, 1.0]), np.array([60.5, 60.2, 0.5, 60.5]))
    assert got == [A, B, C, A]  # (1.0, 60.5) lies on Alpha's edge: on-boundary counts


def test_fixture_nearest_fallback_uses_kilometres(tiny: RegionIndex) -> None:
    lon = np.array([1.05, 1.19, -0.15, 0.5, 10.5])
    lat = np.array([60.5, 60.5, 60.5, 61.1, 1.05])
    # 2.8 km from Alpha (8.3 km from Beta); 0.56 km from Beta; 8.3 km west of Alpha
    # (0.15 degrees: 16.7 km if degrees were taken at the equator's scale);
    # 11.06 km north of Alpha: beyond 10 km; 5.5 km north of the un-coded Gamma.
    assert tiny.join(lon, lat) == [A, B, A, None, C]
    assert tiny.join(lon, lat, max_km=12.0)[3] == A
    assert tiny.join(lon, lat, max_km=0) == [None, None, None, None, None]


def test_fixture_nan_and_bad_input(tiny: RegionIndex) -> None:
    assert tiny.join(np.array([np.nan, 0.5]), np.array([60.5, np.nan])) == [None, None]
    assert tiny.join(np.array([]), np.array([])) == []
    with pytest.raises(ValueError, match=r"equal length, got shapes \(2,\) and \(1,\)"):
        tiny.join(np.array([0.5, 0.6]), np.array([60.5]))
    with pytest.raises(ValueError, match="max_km must be >= 0, got -1"):
        tiny.join(np.array([0.5]), np.array([60.5]), max_km=-1)


def test_fixture_lookups(tiny: RegionIndex) -> None:
    assert tiny.by_code("XA-02") == B
    assert tiny.by_code("XA-03") is None
    assert tiny.by_gn_code("XA.01") == A
    assert tiny.by_gn_code("XA.99") == A  # a GeoNames code folded into Alpha
    assert tiny.point("XA-01") == (0.5, 60.5)
    assert tiny.point("nope") is None
    assert tiny.country_name("XA") == "Xanadu"
    assert tiny.country_point("XA") == (1.0, 60.5)
    assert tiny.country_name("ZZ") is None
    gdf = tiny.regions_gdf(["XA-02", "unknown"])
    assert list(gdf.columns) == ["code", "name", "country", "geometry"]
    assert gdf.code.tolist() == ["XA-02"] and gdf.crs.to_epsg() == 4326
    basemap = tiny.countries_gdf()
    assert basemap.iso2.tolist() == ["XA", None]
    assert basemap.name.tolist() == ["Xanadu", "No Man's Land"]


def test_constructor_checks_lengths() -> None:
    with pytest.raises(ValueError, match=r"geometries \(1\), regions \(2\) and points \(1\)"):
        RegionIndex(np.array([shapely.box(0, 0, 1, 1)]), [A, B], np.array([[0.5, 0.5]]))


# ------------------------------------------------------------------ bad files
def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match=r"boundary file not found: .*admin1\.npz"):
        RegionIndex.load(tmp_path)


def test_corrupt_file(tmp_path: Path) -> None:
    (tmp_path / "admin1.npz").write_bytes(b"this is not a zip file")
    (tmp_path / "countries.npz").write_bytes((DATA / "countries.npz").read_bytes())
    with pytest.raises(GazetteerError, match=r"corrupt boundary file .*admin1\.npz"):
        RegionIndex.load(tmp_path)


def test_file_missing_a_column(tmp_path: Path) -> None:
    with np.load(DATA / "admin1.npz") as npz:
        arrays = {k: npz[k] for k in npz.files if k != "meta_name"}
    np.savez(tmp_path / "admin1.npz", **arrays)
    with pytest.raises(GazetteerError, match=r"corrupt boundary file .*'meta_name'"):
        RegionIndex.load(tmp_path)


def test_env_var_overrides_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAPPER_DATA_DIR", str(tmp_path))
    with pytest.raises(GazetteerError, match=str(tmp_path)):
        RegionIndex.load()


# ------------------------------------------------------------------ shipped data
@pytest.fixture(scope="module")
def world() -> RegionIndex:
    return RegionIndex.load(DATA)


# (name, lon, lat, expected ISO 3166-2); coordinates from GeoNames cities500.
POINTS = [
    ("Kyiv", 30.52, 50.45, "UA-30"),
    ("Sevastopol", 33.52134, 44.60795, "UA-40"),
    ("Simferopol", 34.11079, 44.95719, "UA-43"),
    ("Kerch", 36.47542, 45.35675, "UA-43"),
    ("Pokrovsk", 37.17706, 48.28014, "UA-14"),
    ("Izmail", 28.84, 45.35, "UA-51"),
    ("Burlacha Balka (Odesa coast)", 30.66446, 46.33984, "UA-51"),
    ("Kherson (Dnipro bank)", 32.61458, 46.63695, "UA-65"),
    ("Belgorod", 36.58091, 50.60343, "RU-BEL"),
    ("Moscow", 37.61781, 55.75204, "RU-MOW"),
    ("Kolomna", 38.78399, 55.07108, "RU-MOS"),
    ("Sergiyev Posad", 38.13869, 56.31204, "RU-MOS"),
    ("Rzeszów", 21.99901, 50.04132, "PL-PK"),
    ("Przewodów", 23.930, 50.472, "PL-LU"),
    ("Tulcea", 28.80501, 45.1787, "RO-TL"),
    ("Minsk", 27.56653, 53.90019, "BY-HM"),
    ("Istanbul", 28.94966, 41.01384, "TR-34"),
    ("London", -0.12574, 51.50853, "GB-ENG"),
]


def test_point_checks(world: RegionIndex) -> None:
    lon = np.array([p[1] for p in POINTS])
    lat = np.array([p[2] for p in POINTS])
    got = [r.code if r else None for r in world.join(lon, lat)]
    assert got == [p[3] for p in POINTS]


def test_named_regions(world: RegionIndex) -> None:
    kyiv, simferopol, moscow = world.join(np.array([30.52, 34.11079, 37.61781]),
                                          np.array([50.45, 44.95719, 55.75204]))
    assert kyiv == Region("UA-30", "Kyiv City", "UA", "UA.12")
    assert simferopol == Region("UA-43", "Autonomous Republic of Crimea", "UA", "UA.11")
    assert moscow == Region("RU-MOW", "Moscow", "RU", "RU.48")
    assert world.by_code("UA-40").country == "UA"  # not Natural Earth's RU


def test_coast_points_use_the_fallback(world: RegionIndex) -> None:
    lon, lat = np.array([30.66446, 32.61458]), np.array([46.33984, 46.63695])
    assert world.join(lon, lat, max_km=0) == [None, None]
    assert [r.code for r in world.join(lon, lat)] == ["UA-51", "UA-65"]


def test_open_sea_is_none(world: RegionIndex) -> None:
    assert world.join(np.array([-30.0, 34.0]), np.array([30.0, 43.5])) == [None, None]


def test_gn_lookups(world: RegionIndex) -> None:
    assert world.by_gn_code("UA.12") == Region("UA-30", "Kyiv City", "UA", "UA.12")
    assert world.by_gn_code("UA.13").code == "UA-32"
    assert world.by_gn_code("RU.48").code == "RU-MOW"
    assert world.by_gn_code("RU.47").code == "RU-MOS"
    assert world.by_gn_code("GB.ENG").code == "GB-ENG"
    assert world.by_gn_code("FR.11").code == "FR-IDF"
    assert world.by_gn_code("XX.00") is None


def test_representative_points_lie_in_their_regions(world: RegionIndex) -> None:
    codes = ["UA-30", "UA-32", "UA-43", "RU-MOS", "GB-ENG", "FR-IDF"]
    pts = np.array([world.point(c) for c in codes])
    assert [r.code for r in world.join(pts[:, 0], pts[:, 1], max_km=0)] == codes


def test_a_large_region_is_placed_at_its_equal_area_centroid(world: RegionIndex) -> None:
    # a degree of longitude shrinks towards the poles: the shipped point of a region is the
    # centroid of its largest part on an equal-area map (Lambert azimuthal, centred on the
    # part), which for a large northern region lies tens of km from the centroid in degrees
    import pyproj

    for code, moved_km in (("RU-KYA", 100), ("CA-NT", 30), ("AU-QLD", 5)):
        geom = world.regions_gdf([code]).geometry.iloc[0]
        parts = shapely.get_parts(geom)
        part = parts[int(np.argmax(shapely.area(parts)))]
        c = shapely.centroid(part)
        to_map = pyproj.Transformer.from_crs("EPSG:4326", f"+proj=laea +lat_0={c.y} +lon_0={c.x}", always_xy=True)
        flat = shapely.centroid(shapely.transform(part, lambda xy: np.column_stack(to_map.transform(xy[:, 0], xy[:, 1]))))
        want = to_map.transform(flat.x, flat.y, direction="INVERSE")
        lon, lat = world.point(code)
        assert abs(lon - want[0]) < 0.01 and abs(lat - want[1]) < 0.01, code
        assert shapely.distance(shapely.Point(lon, lat), c) * 111 * np.cos(np.radians(lat)) > moved_km * 0.5, code
        assert part.contains(shapely.Point(lon, lat))


def test_countries(world: RegionIndex) -> None:
    assert world.country_name("UA") == "Ukraine"
    assert world.country_name("FR") == "France"  # ISO_A2 is -99 for France
    lon, lat = world.country_point("UA")
    assert world.join(np.array([lon]), np.array([lat]))[0].country == "UA"
    basemap = world.countries_gdf()
    ukraine = basemap[basemap.iso2 == "UA"].geometry.iloc[0]
    assert ukraine.contains(shapely.Point(34.11079, 44.95719))  # Crimea shown in Ukraine


def test_regions_gdf_for_choropleth(world: RegionIndex) -> None:
    gdf = world.regions_gdf(["UA-40", "UA-30", "XX-99"])
    assert gdf.code.tolist() == ["UA-30", "UA-40"]
    assert gdf.name.tolist() == ["Kyiv City", "Sevastopol"]
    assert len(world.regions_gdf()) == len(world)


def _admin1_rows() -> dict[str, dict[str, str]]:
    with (DATA / "admin1.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    coded = [r for r in rows if r["code"]]
    assert len({r["code"] for r in coded}) == len(coded)  # codes are unique
    return {r["code"]: r for r in coded}


def test_admin1_csv_merges_and_names() -> None:
    rows = _admin1_rows()
    assert sorted(c for c in rows if c.startswith("GB-")) == ["GB-ENG", "GB-NIR", "GB-SCT",
                                                              "GB-WLS"]
    assert len([c for c in rows if c.startswith("IT-")]) == 20
    assert len([c for c in rows if c.startswith("HU-")]) == 20
    assert rows["FR-IDF"]["gn_code"] == "FR.11"
    kharkiv = rows["UA-63"]["names"].split("|")
    for name in ("Kharkiv Oblast", "Kharkivska", "Харківська область"):
        assert name in kharkiv
    assert "Kyiv" in rows["UA-30"]["names"].split("|")
    assert "Kyiv" not in rows["UA-32"]["names"].split("|")
    assert rows["UA-32"]["name"] == "Kyiv Oblast"


def test_burkina_fasos_admin1_is_its_region_not_its_province(world: RegionIndex) -> None:
    # Djibo (Soum province) lies in the Sahel region, BF-12; Kaya (Sanmatenga) in Centre-Nord, BF-05
    found = world.join(np.array([-1.6306, -1.0844]), np.array([14.1022, 13.0917]))
    assert [(r.name, r.code) for r in found] == [("Sahel", "BF-12"), ("Centre-Nord", "BF-05")]


def test_a_region_is_named_without_the_type_word_its_local_name_lacks() -> None:
    # "Ouham-Pendé Prefecture" is the local name plus the type: the short name ISO 3166-2 and the
    # news use; an English name of its own keeps its type word, and oblasts keep "Oblast"
    index = RegionIndex.load()
    points = {(16.1, 6.7): "Ouham-Pendé", (93.8, 19.7): "Rakhine", (13.2, 11.9): "Borno",
              (16.6, 51.1): "Lower Silesian Voivodeship", (36.25, 49.99): "Kharkiv Oblast",
              # named like a town or a country: the type word tells the region apart
              (7.4, 10.5): "Kaduna State", (132.46, 34.4): "Hiroshima Prefecture", (6.0, 9.9): "Niger State",
              # a bare direction is no name: it takes its kind ("Southern District", "South Governorate"),
              # and Israel's districts named after their cities take their official English names
              (34.8, 31.0): "Southern District", (35.4, 33.3): "South Governorate", (-0.9, 9.5): "Northern Region",
              (34.78, 32.08): "Tel Aviv District"}
    got = index.join(np.array([p[0] for p in points]), np.array([p[1] for p in points]))
    assert [r.name for r in got] == list(points.values())
    # the long form stays a name the gazetteer knows
    rows = {r["code"]: r for r in csv.DictReader(open(DATA / "admin1.csv", newline="", encoding="utf-8"))}
    assert "Ouham-Pendé Prefecture" in rows["CF-OP"]["names"].split("|")
