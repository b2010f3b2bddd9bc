"""mapper as a library: one call from articles to results, as pandas and geopandas frames.

::

    import mapper

    result = mapper.run(["seeds/"])
    result.incidents            # GeoDataFrame, EPSG:4326, one row per incident
    result.write("outputs")     # the five files of ``mapper run -o outputs``

The command line is a thin layer over :func:`run` and :meth:`Result.write`.
"""
from __future__ import annotations

import functools
import itertools
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import geopandas as gpd
import pandas as pd

from mapper.errors import ConfigError, InputError
from mapper.model import Article, RunResult
from mapper.output.geojson import feature
from mapper.output.records import OPTIONAL_PROPERTIES, PROPERTY_NAMES, unplaced_record
from mapper.output.tables import UNPLACED_COLUMNS, city_table, region_table
from mapper.slices import UNITS, choose_unit, make_slices

if TYPE_CHECKING:
    from mapper.geo.online import Geocoder
    from mapper.pipeline import Services

__all__ = ["ENGINES", "SLICES", "Result", "read_incidents", "run"]

#: The ``slice`` values :func:`run` takes.
SLICES = ("auto", *UNITS)
#: The ``engine`` values :func:`run` takes.
ENGINES = ("local", "dask")
_GEOCODERS = ("offline", "nominatim")

PathLike = Union[str, "os.PathLike[str]"]
ArticleLike = Union[Article, Mapping[str, Any]]

# the incident frame's column types (the rest are inferred: text, or the sources lists)
_DATES = ("date_start", "date_end")
_OPTIONAL_INTS = ("geonameid", "admin1_geonameid", "killed", "injured")  # those of PROPERTY_NAMES
_INTS = ("time_precision", "geo_precision")


def run(inputs: PathLike | Iterable[PathLike] | Iterable[ArticleLike], *, jobs: int | None = None,
        slice: str = "auto", geocoder: str | Geocoder = "offline", engine: str = "local",  # noqa: A002
        store: PathLike | None = None, rebuild: bool = False, skip_bad: bool = False,
        scheduler: str | None = None, partition_size: str | None = None,
        on_skip: Callable[[str], None] | None = None, on_warning: Callable[[str], None] | None = None,
        progress: Callable[[Any], None] | None = None, services: Services | None = None) -> Result:
    """Extract, geocode and deduplicate the incidents of articles.

    Parameters
    ----------
    inputs : path, or iterable of paths, or iterable of Article or dict
        Files, folders (searched recursively) and globs (``"news/*.jsonl"``) of .txt,
        .html, .jsonl and .csv articles (optionally gzipped; the dask engine also reads
        Parquet), ``"-"`` for JSON lines on stdin; or the articles themselves, as
        :class:`mapper.Article` or dicts with the JSONL fields ``id, title, text,
        published, url`` (only ``text`` required).
    jobs : int, optional
        Worker processes (default: the cores).  With ``engine="dask"``, the workers of
        the local cluster (not allowed with ``scheduler``).
    slice : {"auto", "day", "week", "month"}
        The time slice of :attr:`Result.regions` and of the map's slider.
    geocoder : {"offline", "nominatim"} or Geocoder
        ``"nominatim"`` asks OpenStreetMap's Nominatim (network, cached on disk) for the
        places the offline gazetteer lacks; any object with mapper's ``geocode`` method
        may stand in for it.
    engine : {"local", "dask"}
        ``"dask"`` runs on a Dask cluster (needs ``mapper[dask]``; paths only, no store).
    store : path, optional
        The incremental store (a SQLite file, or a folder to keep
        ``.mapper-store.sqlite`` in): articles extracted by an earlier run are read from
        it.  ``mapper run`` passes the one in ``-o``.
    rebuild : bool
        Empty the store first, so every article is extracted again.
    skip_bad : bool
        Skip malformed records (reported to ``on_skip``) instead of raising.
    scheduler, partition_size : str, optional
        Only with ``engine="dask"``: the scheduler address (default: a local cluster) and
        the most input bytes one task reads (default ``"64MB"``).
    on_skip, on_warning : callable, optional
        Called with the one-line message of each skipped record / truncated input.
    progress : callable, optional
        Called once per article (local engine).
    services : Services, optional
        Loaded gazetteer and regions to reuse across calls (default: loaded here).

    Returns
    -------
    Result

    Raises
    ------
    InputError
        Unreadable input, naming the file and line (or ``articles[i]``).
    ConfigError
        A bad option, quoting it; an option the chosen engine cannot honour.
    """
    _check_options(jobs=jobs, slice=slice, geocoder=geocoder, engine=engine)
    if engine == "local" and (scheduler is not None or partition_size is not None):
        what = "scheduler" if scheduler is not None else "partition_size"
        raise ConfigError(f"{what} is an option of the dask engine")
    paths, articles = _split_inputs(inputs, skip_bad, on_skip)
    if engine == "dask":
        raw, services = _run_dask(paths, articles, store=store, jobs=jobs, skip_bad=skip_bad, on_skip=on_skip,
                                  on_warning=on_warning,
                                  scheduler=scheduler, partition_size=partition_size or "64MB",
                                  geocoder=_geocoder(geocoder), services=services)
    else:
        from mapper.ingest import read_articles
        from mapper.pipeline import Services

        services = services or Services.load()
        if articles is None:
            articles = read_articles(paths, skip_bad=skip_bad, on_skip=on_skip, on_warning=on_warning)
        raw = _run_local(articles, services, jobs=jobs, store=store, rebuild=rebuild, progress=progress,
                         geocoder=_geocoder(geocoder))
    return Result(raw, services, slice)


def _check_options(*, jobs: int | None, slice: str, geocoder: Any, engine: str) -> None:  # noqa: A002
    if slice not in SLICES:
        raise ConfigError(f"bad slice {slice!r}; choose one of {', '.join(SLICES)}")
    if engine not in ENGINES:
        raise ConfigError(f"bad engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if isinstance(geocoder, str) and geocoder not in _GEOCODERS:
        raise ConfigError(f"bad geocoder {geocoder!r}; choose one of {', '.join(_GEOCODERS)}")
    if not isinstance(geocoder, str) and not callable(getattr(geocoder, "geocode", None)):
        raise ConfigError(f"bad geocoder {geocoder!r}: a name or an object with a geocode method")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ConfigError(f"bad jobs {jobs!r}; expected a whole number of at least 1")
    if engine == "dask":
        from mapper.distributed import require_dask

        require_dask()


def _geocoder(geocoder: str | Geocoder) -> Geocoder | None:
    if not isinstance(geocoder, str):
        return geocoder
    if geocoder == "offline":
        return None  # make_geocoder's answer, without importing geopy (a tenth of a second) for the default
    from mapper.geo.online import make_geocoder

    return make_geocoder(geocoder)


def _split_inputs(inputs: Any, skip_bad: bool,
                  on_skip: Callable[[str], None] | None) -> tuple[list[str], Iterator[Article] | None]:
    """(paths, None) for paths; ([], articles) for articles (checked lazily, as they stream)."""
    if isinstance(inputs, (str, os.PathLike)):
        return [os.fspath(inputs)], None
    if isinstance(inputs, (bytes, Mapping, Article)):
        raise ConfigError(f"inputs must be a path or an iterable of paths or articles, "
                          f"not a single {type(inputs).__name__}")
    items = iter(inputs)
    first = next(items, None)
    if first is None:
        raise InputError("no inputs given")
    items = itertools.chain([first], items)
    if isinstance(first, (str, os.PathLike)):
        paths = []
        for i, item in enumerate(items):
            if not isinstance(item, (str, os.PathLike)):
                raise ConfigError(f"inputs[{i}]: expected a path like inputs[0], got {type(item).__name__}")
            paths.append(os.fspath(item))
        return paths, None
    return [], _articles(items, skip_bad, on_skip)


def _articles(items: Iterable[Any], skip_bad: bool, on_skip: Callable[[str], None] | None) -> Iterator[Article]:
    from mapper.ingest import article_from_record

    for i, item in enumerate(items):
        if isinstance(item, Article):
            yield item
            continue
        try:
            yield article_from_record(item, where=f"articles[{i}]", default_id=f"article-{i}")
        except InputError as exc:
            if not skip_bad:
                raise
            if on_skip is not None:
                on_skip(str(exc))


def _run_local(articles: Iterable[Article], services: Services, *, jobs: int | None, store: PathLike | None,
               rebuild: bool, progress: Callable[[Any], None] | None, geocoder: Geocoder | None) -> RunResult:
    from mapper.parallel import default_jobs
    from mapper.pipeline import run as run_pipeline

    jobs = jobs or default_jobs()
    if store is None:
        return run_pipeline(articles, services, progress, jobs=jobs, geocoder=geocoder)
    from mapper.store import STORE_NAME, Store

    path = Path(store)
    if path.is_dir():
        path = path / STORE_NAME
    with Store(path, salt=services.gazetteer.digest) as opened:
        if rebuild:
            opened.clear()
        return run_pipeline(articles, services, progress, jobs=jobs, store=opened, geocoder=geocoder)


def _run_dask(paths: list[str], articles: Iterator[Article] | None, *, store: PathLike | None,
              services: Services | None, **options: Any) -> tuple[RunResult, Services]:
    if articles is not None:
        raise ConfigError("the dask engine reads files: give paths or globs, not articles")
    if store is not None:
        raise ConfigError("the dask engine does not use the incremental store; leave store unset")
    from mapper.distributed import run_dask
    from mapper.pipeline import Services

    services = services or Services.load()
    return run_dask(paths, services=services, **options), services


class Result:
    """What :func:`run` found: frames to analyse, and :meth:`write` for the output files.

    Attributes
    ----------
    incidents : geopandas.GeoDataFrame
        One row per incident, EPSG:4326 points; the columns are the GeoJSON properties
        (``date_start``/``date_end`` as datetimes, ``sources`` a list of dicts per row).
    cities, regions, unplaced : pandas.DataFrame
        The rows and columns of ``cities.csv``, ``regions.csv`` and ``unplaced.csv``.
    articles, cached : int
        Articles read; of those, extractions read from the store.
    slice_unit : str
        The time slice of ``regions`` and of the map ("day", "week" or "month").
    raw : RunResult
        The records behind the frames (frozen dataclasses).
    """

    def __init__(self, raw: RunResult, services: Services, slice: str = "auto") -> None:  # noqa: A002
        self.raw = raw
        self.articles = raw.articles
        self.cached = raw.cached
        self._services = services
        self._slice = slice
        incidents = raw.incidents
        if incidents:
            first, last = min(i.date_start for i in incidents), max(i.date_end for i in incidents)
            self.slice_unit = choose_unit(first, last) if slice == "auto" else slice
            self._slices = make_slices(first, last, self.slice_unit)
        else:
            self.slice_unit, self._slices = ("day" if slice == "auto" else slice), []

    def __repr__(self) -> str:
        return (f"<mapper.Result: {self.articles} articles, {len(self.raw.incidents)} incidents, "
                f"{len(self.raw.unplaced)} unplaced>")

    @functools.cached_property
    def incidents(self) -> gpd.GeoDataFrame:
        return incident_frame([feature(i) for i in self.raw.incidents])

    @functools.cached_property
    def cities(self) -> pd.DataFrame:
        return city_table(self.raw.incidents)

    @functools.cached_property
    def regions(self) -> pd.DataFrame:
        return region_table(self.raw.incidents, self._slices)

    @functools.cached_property
    def unplaced(self) -> pd.DataFrame:
        return pd.DataFrame([unplaced_record(u) for u in self.raw.unplaced], columns=UNPLACED_COLUMNS)

    def write(self, directory: PathLike, *, tiles: str = "osm") -> dict[str, Any]:
        """Write map.html, incidents.geojson, cities.csv, regions.csv and unplaced.csv.

        The same files, byte for byte, as ``mapper run ... -o directory``; each is
        replaced atomically.

        Parameters
        ----------
        directory : path
            The folder (created if missing).
        tiles : {"osm", "none"}
            OpenStreetMap tiles under the map (blank offline), or none.

        Returns
        -------
        dict
            A summary: articles, incidents, strikes, unplaced, date range, slices, unit.
        """
        if tiles not in ("osm", "none"):
            raise ConfigError(f"bad tiles {tiles!r}; choose one of osm, none")
        from mapper.output.bundle import write_outputs

        return write_outputs(self.raw, self._services, Path(directory), slice_unit=self._slice, tiles=tiles)


def incident_frame(features: list[dict[str, Any]]) -> gpd.GeoDataFrame:
    """The incident GeoDataFrame of GeoJSON Point features (mapper's properties)."""
    columns = {name: [f["properties"].get(name) for f in features] for name in PROPERTY_NAMES}
    frame = pd.DataFrame(columns, columns=list(PROPERTY_NAMES))
    for name in _DATES:
        frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d").astype("datetime64[ns]")
    for name in _OPTIONAL_INTS:
        if name in frame:
            frame[name] = frame[name].astype("Int64")
    for name in _INTS:
        frame[name] = frame[name].astype("int64")
    frame["strike"] = frame["strike"].astype(bool)
    xy = [f["geometry"]["coordinates"] for f in features]
    geometry = gpd.points_from_xy([p[0] for p in xy], [p[1] for p in xy], crs="EPSG:4326")
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def read_incidents(path: PathLike) -> gpd.GeoDataFrame:
    """Load an ``incidents.geojson`` written by mapper into :attr:`Result.incidents`' frame.

    Parameters
    ----------
    path : path
        The file.

    Raises
    ------
    InputError
        The file cannot be read or is not mapper's incident GeoJSON.
    """
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a GeoJSON file ({exc})") from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise InputError(f"{path}: not a GeoJSON FeatureCollection")
    for n, f in enumerate(features):
        props = f.get("properties") if isinstance(f, dict) else None
        geometry = f.get("geometry") if isinstance(f, dict) else None
        required = (k for k in PROPERTY_NAMES if k not in OPTIONAL_PROPERTIES)  # older files lack admin2
        if not isinstance(props, dict) or any(k not in props for k in required):
            raise InputError(f"{path}: feature {n} lacks mapper's incident properties")
        if not isinstance(geometry, dict) or geometry.get("type") != "Point":
            raise InputError(f"{path}: feature {n} is not a Point")
    return incident_frame(features)
