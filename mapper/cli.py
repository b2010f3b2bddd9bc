"""mapper's command line: a thin click layer over :func:`mapper.run` (:mod:`mapper.api`).

Exit status: 0 success, 1 bad input or data (one line on stderr, no traceback, no
partial output), 2 bad options, 130 interrupted.
"""
from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import click

from mapper.errors import ConfigError, MapperError

SLICE_CHOICES = ("auto", "day", "week", "month")


class _Command(click.Command):
    """Maps mapper's errors to one-line messages and exit codes."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            raise click.UsageError(str(exc), ctx) from None
        except MapperError as exc:
            click.echo(f"mapper: error: {exc}", err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("mapper: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            ctx.exit(1)
        except OSError as exc:
            # Inputs already fail as InputError; what is left is mostly an unwritable -o.
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"mapper: error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(1)
        return None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mapper")
def main() -> None:
    """mapper: turn conflict news into a map of incidents.

    Reads articles (.txt, .html, .jsonl, .csv, optionally gzipped; a folder; or - for
    JSON lines on stdin), extracts incidents, geocodes them offline and writes a
    time-sliced map, GeoJSON and summary CSVs.
    """


def _inputs(f: Callable) -> Callable:
    f = click.option("--skip-bad", is_flag=True, help="Skip malformed JSON lines / CSV rows and report them.")(f)
    f = click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")(f)
    return click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(f)


def _report_skip(message: str) -> None:
    click.echo(f"mapper: skipped: {message}", err=True)


def _warn(message: str) -> None:
    click.echo(f"mapper: warning: {message}", err=True)


def _estimate(inputs: tuple[str, ...]) -> int | None:
    """About how many articles the inputs hold (for the ETA), or None if unknown.

    One per .txt/.html file, one per line of an uncompressed .jsonl, lines minus the
    header of a .csv (an estimate when fields span lines); gzip or stdin: unknown.
    """
    total = 0
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            name = f.name.lower()
            if name.endswith(".gz"):
                return None
            if name.endswith((".txt", ".html", ".htm")):
                total += 1
            elif name.endswith((".jsonl", ".ndjson", ".csv")):
                try:
                    with open(f, "rb") as fh:
                        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
                except OSError:
                    return None
                total += max(0, lines - (1 if name.endswith(".csv") else 0))
    return total or None


#: Seconds of work before the progress bar shows (a quick run stays quiet).
PROGRESS_DELAY = 1.0


@contextlib.contextmanager
def _progress(quiet: bool, total: int | None = None) -> Iterator[Callable[[object], None] | None]:
    """A tqdm progress bar on stderr (articles, rate; with a total, percent and ETA).

    Only on a terminal, never with --quiet, and only once the work has taken
    :data:`PROGRESS_DELAY` seconds.  ``total`` is an estimate: tqdm copes when the count
    passes it.
    """
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(total=total, unit=" articles", file=sys.stderr, delay=PROGRESS_DELAY, mininterval=0.2,
              dynamic_ncols=True, leave=False) as bar:
        yield lambda _: bar.update(1)


def _services(quiet: bool):  # noqa: ANN202 - Services import kept lazy for fast --help
    from mapper.parallel import gc_paused

    # the modules (and their compiled patterns) and the gazetteer are a million objects that live as long as
    # the run: the cyclic collector's passes over them while they load would free nothing (a quarter second)
    with gc_paused():
        from mapper.pipeline import Services

        return Services.load()


def _geocoder_option(f: Callable) -> Callable:
    return click.option(
        "--geocoder", type=click.Choice(["offline", "nominatim"]), default="offline", show_default=True,
        help="nominatim: ask OpenStreetMap's Nominatim (network, cached on disk, 1 request/s) for places "
             "the offline gazetteer lacks.")(f)


@main.command(cls=_Command)
@_inputs
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              default=Path("outputs"), show_default=True, help="Folder for map.html, GeoJSON and CSVs.")
@click.option("--slice", "slice_unit", type=click.Choice(SLICE_CHOICES), default="auto", show_default=True,
              help="Time slice of the map slider and regions.csv.")
@click.option("--tiles", type=click.Choice(["osm", "none"]), default="osm", show_default=True,
              help="OpenStreetMap tiles under the map (blank offline) or none.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction [default: the number of cores].")
@click.option("--rebuild", is_flag=True, help="Ignore the incremental store in -o and extract every article again.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a Dask cluster (needs mapper[dask]).")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="With --engine dask: the scheduler (tcp://host:8786) [default: a local cluster].")
@click.option("--partition-size", default=None,
              help="With --engine dask: the most input bytes one task reads [default: 64MB].")
@_geocoder_option
def run(inputs: tuple[str, ...], out_dir: Path, slice_unit: str, tiles: str, jobs: int | None, rebuild: bool,
        engine: str, scheduler: str | None, partition_size: str | None, geocoder: str, quiet: bool,
        skip_bad: bool) -> None:
    """Extract incidents from INPUT and write the map, GeoJSON and CSVs to -o.

    Each article's extraction is kept in an incremental store in -o
    (.mapper-store.sqlite): a re-run extracts only new or changed articles.  The dask
    engine reads files and globs of JSONL, CSV, Parquet, .txt and .html (not stdin),
    keeps no store (so it always extracts every article, as --rebuild asks), takes -j
    as the workers of its local cluster (not with --scheduler), and writes the same files.
    """
    from mapper.parallel import gc_paused

    with gc_paused():  # see _services
        from mapper.api import run as run_api
        from mapper.store import STORE_NAME
        from mapper.output.bundle import recover_outputs

    started = time.monotonic()
    recover_outputs(out_dir)  # a run killed while committing its outputs is completed first
    if engine == "dask":
        from mapper.distributed import require_dask

        require_dask()  # before the services load: a missing extra fails at once
    local = engine == "local"
    services = _services(quiet)
    with _progress(quiet, _estimate(inputs) if local else None) as tick:
        result = run_api(list(inputs), jobs=jobs, slice=slice_unit, geocoder=geocoder, engine=engine,
                         store=out_dir / STORE_NAME if local else None, rebuild=rebuild, skip_bad=skip_bad,
                         scheduler=scheduler, partition_size=partition_size, on_skip=_report_skip,
                         on_warning=_warn, progress=tick, services=services)
    summary = result.write(out_dir, tiles=tiles)
    if not quiet:
        raw = result.raw
        note = "" if raw.incidents else " (no incidents found: outputs are empty)"
        reused = f" ({raw.cached} from the store)" if raw.cached else ""
        click.echo(f"mapper: {raw.articles} articles{reused}, {len(raw.incidents)} incidents "
                   f"({summary['strikes']} strikes), {len(raw.unplaced)} unplaced, {summary['slices']} "
                   f"{summary['unit']} slices -> {out_dir}/ in {time.monotonic() - started:.1f}s{note}", err=True)


def _open_out(target: str) -> contextlib.AbstractContextManager[IO[str]]:
    if target == "-":
        return contextlib.nullcontext(sys.stdout)
    from mapper.output.atomic import atomic_write

    return atomic_write(Path(target))


@main.command(cls=_Command)
@_inputs
@click.option("-o", "--output", "target", default="-", show_default=True, help="File for the JSON lines, or -.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes for extraction.")
@_geocoder_option
def extract(inputs: tuple[str, ...], target: str, jobs: int, geocoder: str, quiet: bool, skip_bad: bool) -> None:
    """Write the incidents of INPUT as JSON lines (GeoJSON properties plus lon, lat)."""
    from mapper.api import run as run_api
    from mapper.output.records import extract_record

    services = _services(quiet)
    with _progress(quiet, _estimate(inputs)) as tick:
        raw = run_api(list(inputs), jobs=jobs, geocoder=geocoder, skip_bad=skip_bad, on_skip=_report_skip,
                      on_warning=_warn, progress=tick, services=services).raw
    with _open_out(target) as fh:
        for inc in raw.incidents:
            fh.write(json.dumps(extract_record(inc), ensure_ascii=False) + "\n")
    if not quiet:
        click.echo(f"mapper: {raw.articles} articles, {len(raw.incidents)} incidents", err=True)


@main.command(cls=_Command)
@click.argument("source", metavar="FILE|-")
@click.option("-o", "--output", "target", default="-", show_default=True, help="File for the JSON lines, or -.")
@click.option("--resolve-only", is_flag=True,
              help="Keep the toponym spans given in the input and only resolve them.")
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
@click.option("--skip-bad", is_flag=True, help="Skip malformed lines and report them.")
def geoparse(source: str, target: str, resolve_only: bool, quiet: bool, skip_bad: bool) -> None:
    """Find and resolve every place mention in JSON lines {"id", "text", ...}."""
    from mapper.geoparse import geoparse_lines

    services = _services(quiet)
    with _open_out(target) as fh:
        for record in geoparse_lines(source, services, resolve_only=resolve_only, skip_bad=skip_bad,
                                     on_skip=_report_skip):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":  # pragma: no cover
    main()
