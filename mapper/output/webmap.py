"""The interactive incident map: one self-contained, offline-capable HTML file.

How the page is built
---------------------
folium supplies only the skeleton: a ``Figure`` with one ``folium.Map`` (the
``<div>``, the ``L.map(...)`` call and its options).  Everything else is ours:

* folium's CDN assets (Leaflet, jQuery, Bootstrap, awesome-markers) are
  switched off by a ``folium.Map`` subclass declaring empty ``default_js`` /
  ``default_css`` class lists (the way folium's plugins declare their assets);
  folium's own lists are never touched.  Leaflet's JS and CSS are inlined from
  ``xstatic-leaflet`` (its CSS images as ``data:`` URIs), so the page needs no
  network at all.
* folium names the map after a random id; the rendered page has that name
  (``get_name()``) replaced by the fixed ``map_mapper``, so the same data give
  the same bytes.  Only public folium API is used; the folium versions the tests
  cover are pinned in pyproject.toml, and tests/test_webmap.py fails loudly if a
  new folium renders a different skeleton.
* Data, CSS and the map script are added as raw elements that bypass Jinja.
  branca compiles the output of every ``MacroElement`` as a Jinja template, so
  article text containing ``{{`` or ``{%`` would otherwise be *executed* as a
  template (and compiling megabytes of JSON is slow).
* The data are one JSON document, gzipped and base64-encoded in ``<script
  type="application/gzip" id="mapper-data" data-encoding="base64">`` (a fifth
  of the JSON's size: 50,000 incidents give 3 MB, not 11).  The base64
  alphabet has no ``<``, ``>`` or ``&``, so ``</script>`` in an article cannot
  end the block; ``<``, ``>`` and ``&`` are escaped in the JSON as well.
  ``webmap.js`` decodes it with the browser's ``DecompressionStream`` and
  ``JSON.parse`` (a browser without it shows a message, not a blank map) and
  builds every popup and tooltip with ``textContent``.

Data layout (``extract_data`` returns it)
-----------------------------------------
Everything is aggregated before rendering: ``views[i]["places"]`` holds one
feature per place in slice ``i`` (``all`` the same for all time), each a flat
list ``[place_index, strikes, type_index, count, type_index, count, ...]``;
``views[i]["regions"]`` holds ``[region_index, strikes]``.  Incidents are stored
column-wise (``incidents["place"][i]`` ...): ``start`` is a day offset from
``base_date``, ``days`` the length minus one, ``place``/``type``/``actor``
index their tables (actor -1: none), ``sources`` a flat list of
``article_index, text_index`` pairs.  Each distinct sentence and article is
stored once.  Incident and article ids are left out: the page never shows
them, they cost a tenth of the file, and the GeoJSON/CSV outputs carry them.
An incident spanning several slices counts once in each of them.  Country
outlines farther than ``FAR_DEGREES`` from the places are simplified further
(``FAR_TOLERANCE``) and rounded to 2 decimals: at the zoom where they are in
view the difference is below a pixel.
"""
from __future__ import annotations

import base64
import datetime as dt
import binascii
import functools
import gzip
import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pandas as pd
import shapely
from branca.element import Element

from mapper.errors import ConfigError, InputError, MapperError
from mapper.model import INCIDENT_TYPES, STRIKE_TYPES
from mapper.output.atomic import atomic_write

#: Display label and colour of each incident type (strike types first).
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "drone_strike": ("Drone strike", "#d62728"),
    "missile_strike": ("Missile strike", "#ff7f0e"),
    "air_strike": ("Air strike", "#9467bd"),
    "shelling": ("Shelling", "#8c564b"),
    "ground_fighting": ("Ground fighting", "#1f77b4"),
    "sabotage": ("Sabotage", "#17becf"),
    "explosion": ("Explosion", "#bcbd22"),
    "diplomatic": ("Diplomatic", "#2ca02c"),
    "other": ("Other", "#7f7f7f"),
}
ATTRIBUTION = "GeoNames (geonames.org) CC BY 4.0 | Natural Earth"
TILES = ("osm", "none")
_REQUIRED = ("id", "type", "date_start", "date_end", "place", "lon", "lat", "sources")
#: Country outlines farther than this (degrees) from every place are drawn coarser.
FAR_DEGREES = 20.0
FAR_TOLERANCE = 0.1
_DATA_OPEN = '<script type="application/gzip" id="mapper-data" data-encoding="base64">'
_DATA_RE = re.compile(re.escape(_DATA_OPEN) + "(.*?)</script>", re.S)


def render_map(
    incidents: pd.DataFrame,
    path: Path,
    *,
    slices: list[tuple[dt.date, dt.date]],
    slice_unit: str,
    regions: Any = None,
    countries: Any = None,
    summary: dict | None = None,
    tiles: str = "osm",
    title: str = "mapper: incidents",
) -> None:
    """Write the interactive map of ``incidents`` to ``path`` (atomically).

    Parameters
    ----------
    incidents : pandas.DataFrame
        One row per incident with at least ``id, type, date_start, date_end,
        place, lon, lat, sources``; optional ``time_precision, actor,
        geonameid, country, admin1_code, geo_precision, killed, injured``.
        May be empty: the page then says there are no incidents.
    path : pathlib.Path
        The HTML file to write.
    slices : list of (datetime.date, datetime.date)
        Consecutive slider steps, from :func:`mapper.slices.make_slices`.
    slice_unit : {"day", "week", "month"}
        The unit ``slices`` were made with (shown on the slider).
    regions : geopandas.GeoDataFrame, optional
        Admin-1 polygons (``code, name, country, geometry``) for the
        choropleth of strikes per region; matched on ``admin1_code``.
    countries : geopandas.GeoDataFrame, optional
        Country polygons (``iso2, name, geometry``): the vector basemap.
    summary : dict, optional
        ``articles, incidents, strikes, date_start, date_end, unplaced`` for
        the title panel; derived from ``incidents`` when omitted.
    tiles : {"osm", "none"}
        ``"osm"`` adds an OpenStreetMap tile layer (blank when offline).
    title : str
        Page and panel title.

    Raises
    ------
    ConfigError
        For a bad ``tiles``, ``slice_unit`` or non-consecutive ``slices``.
    InputError
        For missing columns, unknown incident types or reversed date ranges.
    """
    if tiles not in TILES:
        raise ConfigError(f"unknown tiles {tiles!r}: use osm or none")
    if slice_unit not in ("day", "week", "month"):
        raise ConfigError(f"unknown slice unit {slice_unit!r}: use day, week or month")
    _check_slices(slices)
    frame = _normalise(incidents)
    data = _build_data(frame, slices, slice_unit, regions, countries)
    data.update(title=title, tiles=tiles, summary=summary or _default_summary(frame))
    page = _page(data, title)
    with atomic_write(Path(path), "w") as fh:
        fh.write(page)


def extract_data(html_text: str) -> dict:
    """Parse the JSON data embedded in a page written by :func:`render_map`.

    The block is gzipped JSON in base64, decoded here exactly as ``webmap.js``
    decodes it in the browser.

    Raises
    ------
    InputError
        If the page has no ``mapper-data`` block, or it is not base64 gzip.
    """
    match = _DATA_RE.search(html_text)
    if match is None:
        raise InputError("no <script id=\"mapper-data\"> block in the page")
    try:
        raw = gzip.decompress(base64.b64decode(match.group(1), validate=True))
    except (binascii.Error, OSError, EOFError) as exc:
        raise InputError(f"the mapper-data block is not base64-encoded gzip: {exc}") from exc
    return json.loads(raw.decode("utf-8"))


def _encode_data(data: dict) -> str:
    """The page's data block: escaped JSON, gzipped (no timestamp: deterministic), base64."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # three replaces: ten times faster than str.translate on a page's worth of JSON
    escaped = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    packed = gzip.compress(escaped.encode("utf-8"), compresslevel=6, mtime=0)
    return _DATA_OPEN + base64.b64encode(packed).decode("ascii") + "</script>"


def _check_slices(slices: list[tuple[dt.date, dt.date]]) -> None:
    for i, (start, end) in enumerate(slices):
        if end < start:
            raise ConfigError(f"slice {i} ends before it starts: {start} > {end}")
        if i and start != slices[i - 1][1] + dt.timedelta(days=1):
            raise ConfigError(f"slices are not consecutive: {slices[i - 1]} then {(start, end)}")


def _normalise(incidents: pd.DataFrame) -> pd.DataFrame:
    """Check the columns, fill optional ones, and add place keys and type indices."""
    missing = [c for c in _REQUIRED if c not in incidents.columns]
    if missing and len(incidents):
        raise InputError(f"incidents lack column(s) {', '.join(missing)}")
    df = incidents.reset_index(drop=True).copy()
    defaults = {"time_precision": 1, "actor": None, "geonameid": None, "country": None,
                "admin1_code": None, "geo_precision": 1, "killed": None, "injured": None}
    for col in (*_REQUIRED, *defaults):
        if col not in df.columns:
            df[col] = pd.Series([defaults.get(col)] * len(df), dtype=object)
    unknown = sorted(set(df["type"]) - set(INCIDENT_TYPES))
    if unknown:
        raise InputError(f"unknown incident type(s) {unknown}: use one of {', '.join(INCIDENT_TYPES)}")
    df["type_idx"] = df["type"].map({t: i for i, t in enumerate(INCIDENT_TYPES)}).astype("int64")
    df["start_ts"] = pd.to_datetime(pd.Series(df["date_start"], dtype=object)).dt.normalize()
    df["end_ts"] = pd.to_datetime(pd.Series(df["date_end"], dtype=object)).dt.normalize()
    bad = df["end_ts"] < df["start_ts"]
    if bad.any():
        row = df[bad].iloc[0]
        raise InputError(f"incident {row['id']!r} ends before it starts: {row['date_start']} > {row['date_end']}")
    df["place_key"] = _place_keys(df)
    return df.sort_values(["start_ts", "place_key", "type_idx", "id"], kind="stable").reset_index(drop=True)


def _place_keys(df: pd.DataFrame) -> pd.Series:
    """Gazetteer places key on their geonameid, others on name and rounded point."""
    gid = pd.to_numeric(pd.Series(df["geonameid"], dtype=object), errors="coerce").astype("Int64")
    # astype(str): an empty column keeps its numeric dtype through map(), and str + int fails.
    lat = pd.to_numeric(df["lat"]).map("{:.4f}".format).astype(str)
    lon = pd.to_numeric(df["lon"]).map("{:.4f}".format).astype(str)
    keys = df["place"].astype(str) + "@" + lat + "," + lon
    has = gid.notna()
    keys[has] = gid[has].astype(str)
    return keys.astype(object)


def _opt_int(value: Any) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _opt_str(value: Any) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _build_data(df: pd.DataFrame, slices: list[tuple[dt.date, dt.date]], slice_unit: str,
                regions: Any, countries: Any) -> dict:
    """Aggregate the incidents into the compact JSON document the page reads."""
    base = slices[0][0] if slices else (df["start_ts"].min().date() if len(df) else dt.date(1970, 1, 1))
    base_ts = pd.Timestamp(base)
    df["d0"] = (df["start_ts"] - base_ts).dt.days.astype("int64")
    df["d1"] = (df["end_ts"] - base_ts).dt.days.astype("int64")
    places, place_idx = _places(df)
    df["place_idx"] = df["place_key"].map(place_idx).astype("int64")
    region_rows, region_shapes = _shape_table(regions, ("code", "name", "country"), 4)
    code_idx = {row[0]: i for i, row in enumerate(region_rows)}
    df["region_idx"] = df["admin1_code"].map(lambda c: code_idx.get(c, -1)).astype("int64")
    incident_rows, tables = _incident_table(df)
    views, all_time = _views(df, slices, base_ts)
    near = _near_box(places)
    country_rows, country_shapes = _shape_table(countries, ("iso2", "name"), 3, near)
    return {
        "version": 1,
        "base_date": base.isoformat(),
        "slice_unit": slice_unit,
        "types": [{"key": t, "label": TYPE_STYLE[t][0], "color": TYPE_STYLE[t][1],
                   "strike": t in STRIKE_TYPES} for t in INCIDENT_TYPES],
        "slices": [[s.isoformat(), e.isoformat()] for s, e in slices],
        "places": places,
        **tables,
        "incidents": incident_rows,
        "views": views,
        "all": all_time,
        "regions": region_rows,
        "region_shapes": region_shapes,
        "countries": country_rows,
        "country_shapes": country_shapes,
        "attribution": ATTRIBUTION,
    }


def _places(df: pd.DataFrame) -> tuple[list[list], dict[str, int]]:
    """One row per place key: [key, name, lat, lon, geo_precision, country, admin1_code]."""
    if not len(df):
        return [], {}
    grouped = df.groupby("place_key", sort=True)
    first = grouped.first()
    precision = grouped["geo_precision"].min()
    rows = [
        [key, str(r.place), round(float(r.lat), 5), round(float(r.lon), 5), int(precision[key]),
         _opt_str(r.country), _opt_str(r.admin1_code)]
        for key, r in zip(first.index, first.itertuples(index=False))
    ]
    return rows, {row[0]: i for i, row in enumerate(rows)}


def _incident_table(df: pd.DataFrame) -> tuple[dict[str, list], dict[str, list]]:
    """Incident columns plus the deduplicated actor, article and sentence tables."""
    actors: dict[str, int] = {}
    article_idx: dict[str, int] = {}
    articles: list[list] = []
    texts: dict[str, int] = {}
    source_col = []
    for srcs in df["sources"]:
        pairs: dict[tuple[int, int], None] = {}
        for src in srcs if isinstance(srcs, (list, tuple)) else ():
            aid = str(src["article_id"])
            if aid not in article_idx:
                article_idx[aid] = len(articles)
                articles.append([_opt_str(src.get("title")) or "", _opt_str(src.get("url")),
                                 _opt_str(src.get("published"))])
            pairs[(article_idx[aid], texts.setdefault(str(src.get("text") or ""), len(texts)))] = None
        source_col.append([i for pair in sorted(pairs) for i in pair])
    actor_col = [-1 if a is None else actors.setdefault(a, len(actors)) for a in map(_opt_str, df["actor"])]
    columns = {
        "place": df["place_idx"].tolist(),
        "type": df["type_idx"].tolist(),
        "start": df["d0"].tolist(),
        "days": (df["d1"] - df["d0"]).tolist(),
        "time_precision": [_opt_int(v) or 1 for v in df["time_precision"]],
        "actor": actor_col,
        "killed": [_opt_int(v) for v in df["killed"]],
        "injured": [_opt_int(v) for v in df["injured"]],
        "sources": source_col,
    }
    return columns, {"actors": list(actors), "articles": articles, "texts": list(texts)}


def _views(df: pd.DataFrame, slices: list[tuple[dt.date, dt.date]],
           base_ts: pd.Timestamp) -> tuple[list[dict], dict]:
    """Per-slice and all-time features; an incident counts once in each slice it overlaps."""
    starts = np.array([(pd.Timestamp(s) - base_ts).days for s, _ in slices], dtype="int64")
    ends = np.array([(pd.Timestamp(e) - base_ts).days for _, e in slices], dtype="int64")
    d0, d1 = df["d0"].to_numpy("int64"), df["d1"].to_numpy("int64")
    # Slices are consecutive, so the overlapped ones form the range first..last.
    first = np.searchsorted(ends, d0, side="left")
    last = np.searchsorted(starts, d1, side="right") - 1
    n = np.clip(last - first + 1, 0, None)
    rows = np.repeat(np.arange(len(df)), n)
    offsets = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
    exploded = pd.DataFrame({
        "slice": np.repeat(first, n) + offsets,
        "place": df["place_idx"].to_numpy("int64")[rows],
        "type": df["type_idx"].to_numpy("int64")[rows],
        "region": df["region_idx"].to_numpy("int64")[rows],
    })
    once = pd.DataFrame({"slice": np.zeros(len(df), dtype="int64"), "place": df["place_idx"],
                         "type": df["type_idx"], "region": df["region_idx"]})
    views = [{"places": [], "regions": []} for _ in slices]
    for i, view in _group_views(exploded):
        views[i] = view
    all_time = next((view for _, view in _group_views(once)), {"places": [], "regions": []})
    return views, all_time


def _group_views(frame: pd.DataFrame) -> list[tuple[int, dict]]:
    """Encode ``slice, place, type, region`` rows as one feature per place per slice."""
    strike_idx = [i for i, t in enumerate(INCIDENT_TYPES) if t in STRIKE_TYPES]
    counts = frame.groupby(["slice", "place", "type"], sort=True).size()
    out: dict[int, dict] = {}
    feature: list[int] = []
    for (sl, place, typ), count in counts.items():
        view = out.setdefault(int(sl), {"places": [], "regions": []})
        if not view["places"] or view["places"][-1][0] != place:
            feature = [int(place), 0]
            view["places"].append(feature)
        feature += [int(typ), int(count)]
        if typ in strike_idx:
            feature[1] += int(count)
    strikes = frame[frame["type"].isin(strike_idx) & (frame["region"] >= 0)]
    for (sl, region), count in strikes.groupby(["slice", "region"], sort=True).size().items():
        out.setdefault(int(sl), {"places": [], "regions": []})["regions"].append([int(region), int(count)])
    return sorted(out.items())


def _near_box(places: list[list]) -> Any:
    """The places' bounding box grown by ``FAR_DEGREES``; None when there are no places."""
    if not places:
        return None
    lat = [p[2] for p in places]
    lon = [p[3] for p in places]
    return shapely.box(min(lon) - FAR_DEGREES, min(lat) - FAR_DEGREES, max(lon) + FAR_DEGREES, max(lat) + FAR_DEGREES)


def _shape_table(gdf: Any, columns: tuple[str, ...], decimals: int,
                 near: Any = None) -> tuple[list[list], list]:
    """Attribute rows and GeoJSON geometries (WGS84, rounded) of a GeoDataFrame.

    With a ``near`` box, shapes not touching it are simplified at
    ``FAR_TOLERANCE`` degrees and rounded to 2 decimals.
    """
    if gdf is None or not len(gdf):
        return [], []
    missing = [c for c in (*columns, "geometry") if c not in gdf.columns]
    if missing:
        raise InputError(f"boundary table lacks column(s) {', '.join(missing)}")
    if gdf.crs is not None and gdf.crs.to_epsg() != 4326:
        gdf = gdf.to_crs(4326)
    geoms = np.asarray(gdf.geometry.values)
    far = np.zeros(len(geoms), dtype=bool) if near is None else ~shapely.intersects(geoms, near)
    far &= ~shapely.is_missing(geoms)
    geoms = shapely.transform(geoms, lambda xy: np.round(xy, decimals))
    if far.any():
        coarse = shapely.simplify(np.asarray(gdf.geometry.values)[far], FAR_TOLERANCE, preserve_topology=True)
        geoms[far] = shapely.transform(coarse, lambda xy: np.round(xy, 2))
    shapes = [None if g is None else json.loads(g) for g in shapely.to_geojson(geoms)]
    rows = [[_opt_str(v) for v in rec] for rec in gdf[list(columns)].itertuples(index=False)]
    return rows, shapes


def _default_summary(df: pd.DataFrame) -> dict:
    """Counts for the title panel when the caller gave none."""
    article_ids = {str(s["article_id"]) for srcs in df["sources"] if isinstance(srcs, (list, tuple)) for s in srcs}
    return {
        "articles": len(article_ids),
        "incidents": len(df),
        "strikes": int(df["type"].isin(STRIKE_TYPES).sum()),
        "date_start": df["start_ts"].min().date().isoformat() if len(df) else None,
        "date_end": df["end_ts"].max().date().isoformat() if len(df) else None,
    }


class _Raw(Element):
    """Text emitted verbatim: never compiled as a Jinja template (see module doc)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self, **kwargs: Any) -> str:
        return self._text


class _MapperAssets(Element):
    """Child of the map, so its script lands after folium's ``L.map(...)`` call."""

    def __init__(self, head: str, body: str, script: str) -> None:
        super().__init__()
        self._parts = (head, body, script)

    def render(self, **kwargs: Any) -> str:
        figure = self.get_root()
        head, body, script = self._parts
        figure.header.add_child(_Raw(head), name="mapper_head")
        figure.html.add_child(_Raw(body), name="mapper_data")
        figure.script.add_child(_Raw(script), name="mapper_script")
        return ""


class _OfflineMap(folium.Map):
    """A folium map that links no CDN asset: the page inlines what it needs."""

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []


#: The map's name in the page (its ``<div>`` id and JavaScript variable).
MAP_NAME = "map_mapper"


def _page(data: dict, title: str) -> str:
    """The full HTML page: folium's skeleton plus inlined Leaflet, CSS, data and script."""
    fmap = _OfflineMap(location=None, tiles=None, prefer_canvas=True, zoom_start=2, control_scale=True)
    figure = fmap.get_root()
    figure.title = html.escape(title)
    body = _encode_data(data)
    script = _template("webmap.js") + f"\nmapperInit({fmap.get_name()});\n"
    fmap.add_child(_MapperAssets(_head_assets(), body, script))
    # the random name is 32 hex digits after "map_": it cannot occur anywhere else (the
    # data block is base64, which has no "_"), so replacing it touches only the map
    random_name = fmap.get_name()
    if not re.fullmatch(r"map_[0-9a-f]{32}", random_name):
        raise MapperError(f"unexpected folium map name {random_name!r}: this folium is not supported")
    return figure.render().replace(random_name, MAP_NAME)


@functools.lru_cache(maxsize=None)
def _template(name: str) -> str:
    text = resources.files("mapper.output").joinpath(name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise MapperError(f"{name} must not contain a closing script/style tag")
    return text


@functools.lru_cache(maxsize=1)
def _head_assets() -> str:
    """Leaflet's CSS (images as data: URIs) and JS from xstatic-leaflet, plus our CSS."""
    from xstatic.pkg import leaflet

    root = Path(leaflet.BASE_DIR)
    css = (root / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        png = (root / "images" / match.group(1)).read_bytes()
        return "url(data:image/png;base64," + base64.b64encode(png).decode("ascii") + ")"

    css = re.sub(r"url\(images/([\w.-]+\.png)\)", inline, css)
    # Drop the source-map comment: browsers would try to fetch the .map file.
    js = re.sub(r"//# sourceMappingURL=\S+\s*$", "", (root / "leaflet.js").read_text(encoding="utf-8"))
    for name, text in (("leaflet.css", css), ("leaflet.js", js)):
        if "</script" in text.lower() or "</style" in text.lower():
            raise MapperError(f"xstatic-leaflet's {name} contains a closing tag; cannot inline it")
    return (f"<style>{css}</style>\n<style>{_template('webmap.css')}</style>\n"
            f"<script>{js}</script>")
