"""Admin-1 regions and country outlines: the point-in-region join and region look-ups.

The polygons ship in ``data/admin1.npz`` and ``data/countries.npz`` (built by
``data/build_regions.py``): integer, delta-coded coordinates in a ragged-array layout that
:func:`shapely.from_ragged_array` turns into geometries in a few tens of milliseconds.
``data/admin2.npz``, in the same layout, holds the second level where mapper has one
(Palestine's governorates inside the Gaza Strip and the West Bank).
"""
from __future__ import annotations

import math
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shapely

from mapper.errors import GazetteerError
from mapper.geo.gazetteer import data_dir as shipped_data_dir

if TYPE_CHECKING:  # geopandas is imported only when a GeoDataFrame is asked for
    import geopandas

KM_PER_DEG_LAT = 110.574
KM_PER_DEG_LON = 111.320  # at the equator; times cos(latitude)


@dataclass(frozen=True)
class Region:
    """An admin-1 region: ISO 3166-2 code (None for Natural Earth's un-coded units),
    English name, ISO 3166-1 alpha-2 country and GeoNames admin1 code.  A second-level
    unit (a governorate) also names the code of the admin-1 region it lies in
    (``parent``) and carries that region's GeoNames code."""

    code: str | None
    name: str
    country: str | None
    gn_code: str | None
    parent: str | None = None


class RegionIndex:
    """Admin-1 polygons with a spatial index, plus country names, points and outlines.

    Parameters
    ----------
    geometries : array of shapely (Multi)Polygons, one per region.
    regions : sequence of :class:`Region`, parallel to ``geometries``.
    points : (n, 2) array of representative ``(lon, lat)`` points inside each region.
    gn_also : optional sequence of extra GeoNames admin1 codes per region (folded-in units).
    countries : optional ``(iso2, name, (lon, lat), geometry)`` records.
    second_level : optional index of second-level units (their ``Region.parent`` set), for
        :meth:`join_second`.
    """

    def __init__(self, geometries: np.ndarray, regions: Sequence[Region], points: np.ndarray,
                 gn_also: Sequence[Iterable[str]] | None = None,
                 countries: Sequence[tuple[str, str, tuple[float, float], object]] = (),
                 second_level: RegionIndex | None = None) -> None:
        self._geoms = np.asarray(geometries, dtype=object)
        self._regions = tuple(regions)
        self._points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        if not len(self._geoms) == len(self._regions) == len(self._points):
            raise ValueError(f"geometries ({len(self._geoms)}), regions ({len(self._regions)}) "
                             f"and points ({len(self._points)}) differ in length")
        self._tree = shapely.STRtree(self._geoms)
        self._by_code = {r.code: i for i, r in enumerate(self._regions) if r.code}
        extra = gn_also if gn_also is not None else [()] * len(self._regions)
        self._by_gn: dict[str, int] = {}
        shared: set[str] = set()
        for i, (region, more) in enumerate(zip(self._regions, extra)):
            for gn in ([region.gn_code] if region.gn_code else []) + list(more):
                if self._by_gn.setdefault(gn, i) != i:
                    shared.add(gn)
        for gn in shared:  # one GeoNames unit split into several (the governorates of the second level)
            del self._by_gn[gn]
        self._second = second_level
        self._by_name = {(r.parent, r.name): r for r in self._regions}
        self._countries = {iso2: (name, (float(p[0]), float(p[1])), geom)
                           for iso2, name, p, geom in countries if iso2}
        self._basemap = tuple(countries)

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(cls, data_dir: Path | None = None) -> RegionIndex:
        """Read ``admin1.npz``, ``countries.npz`` and, where present, ``admin2.npz`` (the
        second level) from ``data_dir``.

        Parameters
        ----------
        data_dir : folder with the files; default :func:`mapper.geo.gazetteer.data_dir`.

        Raises
        ------
        GazetteerError
            A file is missing, truncated or not in the expected layout.
        """
        folder = Path(data_dir) if data_dir is not None else shipped_data_dir()
        a1 = _read_npz(folder / "admin1.npz", ("code", "name", "country", "gn_code", "gn_also"))
        a0 = _read_npz(folder / "countries.npz", ("iso2", "name"))
        cols = [a1[f"meta_{k}"].tolist() for k in ("code", "name", "country", "gn_code")]
        regions = [Region(code or None, name, country or None, gn or None)
                   for code, name, country, gn in zip(*cols)]
        gn_also = [[c for c in s.split("|") if c] for s in a1["meta_gn_also"].tolist()]
        countries = list(zip(a0["meta_iso2"].tolist(), a0["meta_name"].tolist(),
                             a0["meta_point"], a0["geometries"]))
        second = None
        if (folder / "admin2.npz").is_file():
            a2 = _read_npz(folder / "admin2.npz", ("code", "name", "country", "gn_code", "parent"))
            cols2 = [a2[f"meta_{k}"].tolist() for k in ("code", "name", "country", "gn_code", "parent")]
            units = [Region(code or None, name, country or None, gn or None, parent or None)
                     for code, name, country, gn, parent in zip(*cols2)]
            second = cls(a2["geometries"], units, a2["meta_point"])
        return cls(a1["geometries"], regions, a1["meta_point"], gn_also, countries, second)

    # ----------------------------------------------------------------- join
    def join(self, lon: np.ndarray, lat: np.ndarray, max_km: float = 10.0) -> list[Region | None]:
        """The region containing each point, vectorised.

        A point on no polygon (a port on a coastline simplified away, a river bank) takes
        the nearest region within ``max_km`` kilometres, measured in a local equirectangular
        projection around the point; otherwise None.  NaN coordinates give None.

        Parameters
        ----------
        lon, lat : 1-d arrays of WGS84 degrees, same length.
        max_km : the fallback radius in kilometres (0 disables the fallback).

        Returns
        -------
        list of Region or None, one per point.
        """
        lon = np.asarray(lon, dtype=np.float64)
        lat = np.asarray(lat, dtype=np.float64)
        if lon.ndim != 1 or lon.shape != lat.shape:
            raise ValueError(f"lon and lat must be 1-d of equal length, got shapes "
                             f"{lon.shape} and {lat.shape}")
        if not max_km >= 0:
            raise ValueError(f"max_km must be >= 0, got {max_km!r}")
        hit = np.full(len(lon), -1, dtype=np.int64)
        ok = np.isfinite(lon) & np.isfinite(lat)
        pts = shapely.points(np.where(ok, lon, 0.0), np.where(ok, lat, 0.0))
        src, dst = self._tree.query(pts[ok], predicate="intersects")
        _first_per_source(hit, np.flatnonzero(ok)[src], dst, np.zeros(len(dst)))
        missed = np.flatnonzero(ok & (hit < 0))
        if len(missed) and max_km > 0:
            self._nearest(hit, missed, lon[missed], lat[missed], max_km)
        return [self._regions[i] if i >= 0 else None for i in hit]

    def _nearest(self, hit: np.ndarray, idx: np.ndarray, lon: np.ndarray, lat: np.ndarray,
                 max_km: float) -> None:
        """Fill ``hit[idx]`` with the nearest region within ``max_km`` (local km distance)."""
        kx = KM_PER_DEG_LON * np.maximum(np.cos(np.radians(lat)), 0.01)
        radius = max_km / np.minimum(kx, KM_PER_DEG_LAT)  # degrees; covers the km circle
        src, dst = self._tree.query(shapely.points(lon, lat), predicate="dwithin",
                                    distance=radius)
        if not len(src):
            return
        x0, y0, r = lon[src], lat[src], radius[src]
        near = shapely.intersection(self._geoms[dst], shapely.box(x0 - r, y0 - r, x0 + r, y0 + r))
        coords, owner = shapely.get_coordinates(near, return_index=True)
        coords[:, 0] = (coords[:, 0] - x0[owner]) * kx[src][owner]
        coords[:, 1] = (coords[:, 1] - y0[owner]) * KM_PER_DEG_LAT
        local = shapely.set_coordinates(shapely.force_2d(near), coords)
        dist = shapely.distance(local, shapely.Point(0.0, 0.0))
        keep = np.isfinite(dist) & (dist <= max_km)
        _first_per_source(hit, idx[src[keep]], dst[keep], dist[keep])

    def join_second(self, lon: np.ndarray, lat: np.ndarray, max_km: float = 10.0) -> list[Region | None]:
        """The second-level unit containing each point (:meth:`join` on the second level);
        None everywhere mapper has no second level (all points, when none was loaded).

        Parameters
        ----------
        lon, lat : 1-d arrays of WGS84 degrees, same length.
        max_km : the fallback radius in kilometres, as in :meth:`join`.
        """
        if self._second is None:
            lon = np.asarray(lon)
            if lon.ndim != 1:
                raise ValueError(f"lon and lat must be 1-d of equal length, got shape {lon.shape}")
            return [None] * len(lon)
        return self._second.join(lon, lat, max_km)

    # ----------------------------------------------------------------- look-ups
    @property
    def second_level(self) -> RegionIndex | None:
        """The index of second-level units (Palestine's governorates), or None."""
        return self._second

    def unit_named(self, name: str, parent: str | None) -> Region | None:
        """The second-level unit called ``name`` (its English name, as in ``admin2.csv``)
        inside admin-1 region ``parent``, or None."""
        return None if self._second is None else self._second._by_name.get((parent, name))

    @property
    def regions(self) -> tuple[Region, ...]:
        """Every region, in file order."""
        return self._regions

    def __len__(self) -> int:
        return len(self._regions)

    def by_code(self, code: str) -> Region | None:
        """The region with ISO 3166-2 ``code`` (e.g. ``"UA-30"``), or None."""
        i = self._by_code.get(code)
        return None if i is None else self._regions[i]

    def by_gn_code(self, gn: str) -> Region | None:
        """The region a GeoNames admin1 code (e.g. ``"UA.12"``) belongs to, or None (also
        when the code covers several regions: join the point then)."""
        i = self._by_gn.get(gn)
        return None if i is None else self._regions[i]

    def point(self, code: str) -> tuple[float, float] | None:
        """A representative ``(lon, lat)`` inside region ``code``, or None if unknown."""
        i = self._by_code.get(code)
        return None if i is None else (float(self._points[i, 0]), float(self._points[i, 1]))

    def country_name(self, iso2: str) -> str | None:
        """The English name of country ``iso2``, or None if unknown."""
        rec = self._countries.get(iso2)
        return None if rec is None else rec[0]

    def country_point(self, iso2: str) -> tuple[float, float] | None:
        """A representative ``(lon, lat)`` inside country ``iso2``, or None if unknown."""
        rec = self._countries.get(iso2)
        return None if rec is None else rec[1]

    def regions_gdf(self, codes: Iterable[str] | None = None) -> geopandas.GeoDataFrame:
        """Regions as a GeoDataFrame (code, name, country, geometry; EPSG:4326).

        Parameters
        ----------
        codes : ISO 3166-2 codes to keep (unknown codes are ignored); None keeps all.
        """
        import geopandas

        if codes is None:
            rows = np.arange(len(self._regions))
        else:
            rows = np.array(sorted({self._by_code[c] for c in codes if c in self._by_code}),
                            dtype=np.int64)
        sel = [self._regions[i] for i in rows]
        import pandas as pd

        return geopandas.GeoDataFrame(
            {"code": pd.Series([r.code for r in sel], dtype=object),
             "name": [r.name for r in sel],
             "country": pd.Series([r.country for r in sel], dtype=object)},
            geometry=list(self._geoms[rows]), crs="EPSG:4326")

    def countries_gdf(self) -> geopandas.GeoDataFrame:
        """Country outlines for a basemap (iso2 — None for uncoded units —, name, geometry)."""
        import geopandas

        import pandas as pd

        # object dtype keeps None as None (a string column would turn it into NaN)
        iso2 = pd.Series([c[0] or None for c in self._basemap], dtype=object)
        return geopandas.GeoDataFrame(
            {"iso2": iso2, "name": [c[1] for c in self._basemap]},
            geometry=[c[3] for c in self._basemap], crs="EPSG:4326")


def _first_per_source(hit: np.ndarray, src: np.ndarray, dst: np.ndarray,
                      rank: np.ndarray) -> None:
    """``hit[s]`` = the ``dst`` of lowest ``rank`` (then lowest index) among pairs of ``s``."""
    if not len(src):
        return
    order = np.lexsort((dst, rank, src))
    src, dst = src[order], dst[order]
    first = np.unique(src, return_index=True)[1]
    hit[src[first]] = dst[first]


def _read_npz(path: Path, meta: tuple[str, ...]) -> dict[str, np.ndarray]:
    """Load one boundary file and decode its geometries (raises GazetteerError)."""
    if not path.is_file():
        raise GazetteerError(f"boundary file not found: {path} "
                             f"(rebuild it with: python data/build_regions.py)")
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        out = {f"meta_{k}": arrays[f"meta_{k}"].astype(str) for k in meta}
        out["meta_point"] = arrays["meta_point"].astype(np.float64).reshape(-1, 2)
        out["geometries"] = _decode(arrays)
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"corrupt boundary file {path}: {exc} "
                             f"(rebuild it with: python data/build_regions.py)") from exc
    n = len(out["geometries"])
    if any(len(v) != n for v in out.values()):
        raise GazetteerError(f"corrupt boundary file {path}: column lengths differ")
    return out


def _decode(arrays: dict[str, np.ndarray]) -> np.ndarray:
    """Rebuild MultiPolygons from delta-coded integer coordinates and ragged offsets."""
    grid = float(arrays["grid"][0])
    coords = np.cumsum(arrays["delta"].astype(np.int64), axis=0) * grid
    offsets = [arrays[f"offsets{i}"].astype(np.int64) for i in range(3)]
    for off, size in zip(offsets, (len(coords), len(offsets[0]) - 1, len(offsets[1]) - 1)):
        if len(off) == 0 or off[0] != 0 or off[-1] != size or np.any(np.diff(off) < 0):
            raise ValueError("inconsistent ragged-array offsets")
    if coords.ndim != 2 or coords.shape[1] != 2 or not math.isfinite(grid):
        raise ValueError("bad coordinate array")
    return shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, coords, tuple(offsets))
