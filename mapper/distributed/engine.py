"""The pipeline as a Dask graph: read and extract per part, shuffle, dedupe, join.

::

    parts ──read + extract (workers)──> candidate rows (dask DataFrame, one per part)
          ──shuffle on (family, place key)──> every report of a place in one partition
          ──dedupe per group (mapper.aggregate.merge_group)──> merged rows
          ──dask_geopandas.sjoin(points, admin-1 polygons)──> + region, nearest-region
            fallback (RegionIndex.join) for the points no polygon contains
          ──compute──> RunResult on the client, in the local engine's order

Identity with :func:`mapper.pipeline.run`: each candidate row carries its input position
(part, article, candidate); a group's candidates are sorted by it before merging, so ties
break as in the local engine, and the merged incidents are put back in the local
engine's order (groups by first appearance, clusters in order) before its final sort.
"""
from __future__ import annotations

import contextlib
import logging
import math
import operator
import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import dask
import dask.dataframe as dd
import dask_geopandas
import numpy as np
import pandas as pd
from distributed import Client, LocalCluster, WorkerPlugin

from mapper.aggregate import incident_order, merge_group, unplaced_order
from mapper.distributed import rows
from mapper.distributed.sources import (Part, count_lines, expand_inputs, line_starts, plan_parts,
                                        read_part)
from mapper.errors import ConfigError, InputError, MapperError
from mapper.geo.regions import RegionIndex
from mapper.model import Incident, RunResult, Unplaced
from mapper.parallel import process_services
from mapper.pipeline import admin1_choice, admin2_choice, geocode_unplaced

if TYPE_CHECKING:
    from mapper.geo.online import Geocoder
    from mapper.pipeline import Services

#: Smallest part the automatic sizing makes (a smaller --partition-size still wins).
MIN_AUTO_PART = 64 * 1024
#: Parts per worker the automatic sizing aims at, so no worker idles on a small corpus.
PARTS_PER_WORKER = 4

def worker_services() -> "Services":
    """This worker's gazetteer and regions: :func:`mapper.parallel.process_services`."""
    return process_services()


class LoadServices(WorkerPlugin):
    """Loads the services once when a worker starts (or when registered), not per task."""

    name = "mapper-services"

    def setup(self, worker: Any) -> None:  # noqa: ARG002 - the WorkerPlugin interface
        worker_services()


def run_dask(inputs: Sequence[str], *, scheduler: str | None = None, partition_size: str = "64MB",
             skip_bad: bool = False, on_skip: Callable[[str], None] | None = None, jobs: int | None = None,
             geocoder: "Geocoder | None" = None, services: "Services | None" = None,
             on_warning: Callable[[str], None] | None = None) -> RunResult:
    """Run the pipeline on a Dask cluster; the result equals :func:`mapper.pipeline.run`'s.

    Parameters
    ----------
    inputs : sequence of str
        Files, folders and globs of JSONL, CSV (optionally gzipped), .txt/.html and
        Parquet articles.  Every worker must see the same paths (a shared file system).
    scheduler : str, optional
        A scheduler address (``tcp://host:8786``).  None starts a local cluster of
        ``jobs`` single-threaded worker processes, closed at the end.
    partition_size : str
        The largest part of a JSONL file, Parquet file or run of .txt/.html files one task
        reads (``"64MB"``).  A small corpus is cut finer so every worker has work.
    skip_bad : bool
        Skip malformed records (reported through ``on_skip``) instead of raising.
    on_skip : callable, optional
        Called on the client with each skipped record's message, in input order.
    on_warning : callable, optional
        Called on the client with each truncation warning (else :func:`warnings.warn`).
    jobs : int, optional
        Worker processes of the local cluster (default: the cores).  A cluster given by
        ``scheduler`` has the workers it has: ``jobs`` is then a ConfigError.
    geocoder : Geocoder, optional
        The optional online geocoder, asked on the client (as the local engine does)
        for the places the gazetteer lacks; what it places is deduplicated with the rest.
    services : Services, optional
        The client's loaded services (only its regions are used here); loaded if None.

    Returns
    -------
    RunResult
        Incidents, unplaced reports and the article count, in the local engine's order.

    Raises
    ------
    InputError
        Missing or unsupported inputs (before any work), or the first bad record or file
        in input order (after the run) unless ``skip_bad``.
    ConfigError
        ``partition_size`` is not a size, or ``jobs`` is given with ``scheduler``.
    MapperError
        The scheduler cannot be reached.
    """
    if jobs is not None and scheduler is not None:
        raise ConfigError("-j/jobs sets the workers of a local cluster; with a scheduler the cluster's "
                          "own workers are used (start more dask workers instead)")
    cap = parse_size(partition_size)
    files = expand_inputs(inputs)
    regions = services.regions if services is not None else RegionIndex.load()
    with _client(scheduler, jobs) as client:
        client.register_plugin(LoadServices())
        workers = max(1, len(client.scheduler_info()["workers"]))
        parts = plan_parts(files, part_bytes(files, cap, workers))
        # extraction is kept on the workers; only the small reports come back first, so
        # bad input stops the run before the shuffle
        extracted = client.compute(_extraction(parts))
        result = _reports(client.gather([client.submit(operator.getitem, f, 1) for f in extracted]),
                          skip_bad, on_skip, on_warning)
        # the futures are held here until the end: the graph alone does not keep them alive
        frames = [client.submit(operator.getitem, f, 0) for f in extracted]
        del extracted  # the tuples may go once the frames are taken out of them
        if geocoder is not None:
            # as in the local engine: geocoded in input order, merged after every article
            placed, result.unplaced = geocode_unplaced(result.unplaced, geocoder)
            frames.append(client.scatter(rows.frame(rows.CANDIDATE_COLUMNS, [
                rows.candidate_row(inc, (len(parts), k, 0)) for k, inc in enumerate(placed)])))
        result.unplaced.sort(key=unplaced_order)  # stable: the local engine's order, ties included
        cands = dd.from_delayed(frames, meta=rows.frame(rows.CANDIDATE_COLUMNS, []), verify_meta=False)
        gdf = regions.regions_gdf()[["geometry"]]
        # scattered rather than embedded: a graph holding 10 MB of polygons is slow to ship
        polygons = client.scatter(gdf, broadcast=True, hash=False)
        frame = _join(_dedupe(cands), dd.from_delayed([polygons], meta=gdf.iloc[:0], verify_meta=False)
                      ).compute(scheduler=client)
    result.incidents = _incidents(frame)
    return result


def parse_size(text: str) -> int:
    """Bytes in a size like ``"64MB"`` or ``"512kB"`` (ConfigError if it is not one)."""
    from dask.utils import parse_bytes

    try:
        size = parse_bytes(text)
    except (ValueError, TypeError):
        raise ConfigError(f"bad partition size {text!r} (expected e.g. 64MB or 512kB)") from None
    if size < 1:
        raise ConfigError(f"bad partition size {text!r} (must be at least 1 byte)")
    return size


def part_bytes(files: Sequence[str], cap: int, workers: int) -> int:
    """The part size: ``cap``, or less so that each worker gets about PARTS_PER_WORKER parts."""
    total = sum(os.path.getsize(f) for f in files)
    return min(cap, max(MIN_AUTO_PART, math.ceil(total / (PARTS_PER_WORKER * workers))))


@contextlib.contextmanager
def _client(scheduler: str | None, jobs: int | None = None) -> Iterator[Client]:
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise MapperError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    from mapper.parallel import default_jobs

    # one single-threaded process per core: extraction is pure Python and holds the GIL;
    # ":0": the HTTP endpoints on a free port, so a second run on the machine never clashes
    with LocalCluster(n_workers=jobs or default_jobs(), threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
            Client(cluster, set_as_default=False) as client:
        yield client


# ------------------------------------------------------------------ the graph

def _extraction(parts: list[Part]) -> list[Any]:
    """One lazy ``(candidate rows, report)`` per part."""
    # a file cut in blocks: its parts are consecutive, so block 0's index names the file
    blocks: dict[int, list[Part]] = {}
    for p in parts:
        if p.kind == "lines" and p.blocks > 1:
            blocks.setdefault(p.index - p.block, []).append(p)
    # line numbers need the line counts of the blocks before: a cheap counting pass
    # (the blocks are read again by the extraction, so no worker holds them meanwhile)
    starts = {key: dask.delayed(line_starts)(*[dask.delayed(count_lines)(q) for q in file_parts[:-1]])
              for key, file_parts in blocks.items()}
    return [dask.delayed(_extract_part)(p, starts.get(p.index - p.block) if p.kind == "lines" else None)
            for p in parts]


def _dedupe(cands: dd.DataFrame) -> dd.DataFrame:
    """Every report of a (family, place) in one partition, then merged per group."""
    return cands.shuffle(on=["fam", "pkey"]).map_partitions(
        _dedupe_partition, meta=rows.frame(rows.MERGED_COLUMNS, []))


def _extract_part(part: Part, starts: list[int] | None) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Read and extract one part on a worker: candidate rows plus a report."""
    from mapper.pipeline import extract_article

    got = read_part(part, starts[part.block] if starts else 1)
    gaz = worker_services().gazetteer
    found: list[tuple] = []
    unplaced: list[Unplaced] = []
    for rec, article in enumerate(got.articles):
        incidents, missing = extract_article(article, gaz)
        found.extend(rows.candidate_row(inc, (part.index, rec, k)) for k, inc in enumerate(incidents))
        unplaced.extend(missing)
    report = {"articles": len(got.articles), "rejects": got.rejects, "warnings": got.warnings,
              "fatal": got.fatal, "unplaced": unplaced}
    return rows.frame(rows.CANDIDATE_COLUMNS, found), report


def _dedupe_partition(df: pd.DataFrame, partition_info: dict | None = None) -> pd.DataFrame:
    """Merge every (family, place) group of a shuffled partition, groups in input order."""
    number = partition_info["number"] if partition_info else 0
    groups: dict[tuple[str, str], list[tuple[tuple[int, int, int], Incident]]] = {}
    for order, fam, pkey, inc in sorted(rows.candidates(df), key=lambda c: c[0]):
        groups.setdefault((fam, pkey), []).append((order, inc))
    out = []
    for (fam, _), items in groups.items():
        for k, inc in enumerate(merge_group(fam, [inc for _, inc in items])):
            out.append(rows.merged_row(inc, items[0][0], k, (number << 32) + len(out)))
    return rows.frame(rows.MERGED_COLUMNS, out)


def _join(merged: dd.DataFrame, polygons: dd.DataFrame) -> dd.DataFrame:
    """Admin-1 regions: dask-geopandas' sjoin for contained points, then the fallback."""
    points = dask_geopandas.from_dask_dataframe(
        merged[["rowkey"]], geometry=dask_geopandas.points_from_xy(merged, "lon", "lat")).set_crs("EPSG:4326")
    hits = dask_geopandas.sjoin(points, polygons, how="inner", predicate="intersects")
    hits = hits[["rowkey", "index_right"]]
    if hits.npartitions != merged.npartitions:  # the partition-wise pairing below needs it
        raise RuntimeError(f"sjoin gave {hits.npartitions} partitions for {merged.npartitions}")
    return merged.map_partitions(_finish_join, hits, meta=rows.frame(rows.JOINED_COLUMNS, []),
                                 align_dataframes=False)


def _finish_join(part: pd.DataFrame, hits: pd.DataFrame) -> pd.DataFrame:
    """Attach regions as :func:`mapper.pipeline.join_regions` does.

    A point inside polygons takes the lowest-numbered one (what RegionIndex.join picks);
    a point inside none goes through RegionIndex.join itself, for its nearest-region
    fallback.  Country-level places, and regions the gazetteer ties to no admin-1 unit,
    get no region.  The second level (a few small polygons) is joined here, by
    RegionIndex.join_second, under the local engine's rule (:func:`admin2_choice`).
    """
    index = worker_services().regions
    keys = part["rowkey"].to_numpy(dtype=np.int64)
    first = hits.groupby("rowkey")["index_right"].min()
    if not set(first.index).issubset(keys):
        raise RuntimeError("sjoin partitions do not line up with the incident partitions")
    hit = pd.Series(first, dtype="Int64").reindex(keys).to_numpy(dtype=np.int64, na_value=-1)
    found: list[Any] = [index.regions[i] if i >= 0 else None for i in hit]
    missed = np.flatnonzero(hit < 0)
    if len(missed):
        lon = part["lon"].to_numpy(dtype=np.float64)[missed]
        lat = part["lat"].to_numpy(dtype=np.float64)[missed]
        for i, region in zip(missed, index.join(lon, lat)):
            found[i] = region
    kinds = part["kind"].tolist()
    chosen = [admin1_choice(kind, rows.none(gn), region, index)
              for kind, gn, region in zip(kinds, part["admin1_gn"].tolist(), found)]
    units = index.join_second(part["lon"].to_numpy(dtype=np.float64), part["lat"].to_numpy(dtype=np.float64))
    second = [admin2_choice(kind, name, code, unit, index)
              for kind, name, (_, code), unit in zip(kinds, part["place_name"].tolist(), chosen, units)]
    out = part.copy()
    out["admin1"] = pd.array([name for name, _ in chosen], dtype="string")
    out["admin1_code"] = pd.array([code for _, code in chosen], dtype="string")
    out["admin2"] = pd.array([name for name, _ in second], dtype="string")
    out["admin2_code"] = pd.array([code for _, code in second], dtype="string")
    return out


def _reports(reports: list[dict[str, Any]], skip_bad: bool, on_skip: Callable[[str], None] | None,
             on_warning: Callable[[str], None] | None) -> RunResult:
    """Article count and unplaced reports (in input order); bad input raised or reported in input order."""
    result = RunResult()
    for report in reports:
        for message in report["rejects"]:
            if not skip_bad:
                raise InputError(message)
            if on_skip is not None:
                on_skip(message)
        for message in report["warnings"]:
            if on_warning is not None:
                on_warning(message)
            else:
                warnings.warn(message, stacklevel=3)
        if report["fatal"] is not None:
            raise InputError(report["fatal"])
        result.articles += report["articles"]
        result.unplaced.extend(report["unplaced"])
    return result


def _incidents(frame: pd.DataFrame) -> list[Incident]:
    """Merged incidents in the local engine's order: its pre-sort order, then its sort."""
    merged = [inc for _, inc in sorted(rows.merged(frame), key=lambda m: m[0])]
    merged.sort(key=incident_order)
    return merged
