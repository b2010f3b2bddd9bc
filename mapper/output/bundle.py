"""Write every output of a run: map.html, incidents.geojson and the CSVs."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from mapper.geo.admin1ids import admin1_geonameid
from mapper.model import ACLED_TYPES, Incident, RunResult, Source
from mapper.output.atomic import recover, staged
from mapper.output.geojson import write_geojson
from mapper.output.records import PROPERTY_NAMES
from mapper.output.tables import write_tables
from mapper.output.webmap import render_map
from mapper.parallel import gc_paused
from mapper.slices import choose_unit, make_slices


OUTPUT_NAMES = ("map.html", "incidents.geojson", "cities.csv", "regions.csv", "unplaced.csv")


def write_outputs(result: RunResult, services, out_dir: Path, *, slice_unit: str = "auto",  # noqa: ANN001
                  tiles: str = "osm") -> dict:
    """Write the outputs of ``result`` into ``out_dir``; return a summary dict.

    Each file is replaced atomically; an empty run writes valid empty files.
    """
    incidents = result.incidents
    if incidents:
        first = min(i.date_start for i in incidents)
        last = max(i.date_end for i in incidents)
        unit = choose_unit(first, last) if slice_unit == "auto" else slice_unit
        slices = make_slices(first, last, unit)
    else:
        first = last = None
        unit = "day" if slice_unit == "auto" else slice_unit
        slices = []
    strikes = sum(1 for i in incidents if i.strike)
    summary = {"articles": result.articles, "incidents": len(incidents), "strikes": strikes,
               "date_start": first.isoformat() if first else "", "date_end": last.isoformat() if last else "",
               "unplaced": len(result.unplaced)}
    codes = sorted({i.admin1_code for i in incidents if i.admin1_code})
    out_dir.mkdir(parents=True, exist_ok=True)
    recover_outputs(out_dir)
    # every file goes to its temp file first; all are renamed together at the end through
    # the folder's commit journal, so a failure or a kill leaves the previous set whole or
    # (once the next run starts) the new one
    # no cyclic GC while hundreds of thousands of incidents are alive: each full
    # collection would walk them all and find nothing to free
    with staged(out_dir), gc_paused():
        render_map(map_frame(incidents), out_dir / "map.html", slices=slices, slice_unit=unit,
                   regions=services.regions.regions_gdf(codes), countries=services.regions.countries_gdf(),
                   summary=summary, tiles=tiles)
        write_geojson(incidents, out_dir / "incidents.geojson")
        write_tables(incidents, result.unplaced, slices, out_dir)
    return {**summary, "slices": len(slices), "unit": unit}


def recover_outputs(out_dir: Path) -> None:
    """Make the outputs in ``out_dir`` a whole set again after a killed run (see
    :func:`mapper.output.atomic.recover`); ``mapper run`` calls it first thing."""
    if out_dir.is_dir():
        recover(out_dir, OUTPUT_NAMES)


class _SourceView:
    """A source read like the dict of :func:`mapper.output.records.properties` (``src["article_id"]``,
    ``src.get("published")`` as an ISO date), without building that dict per incident."""

    __slots__ = ("_source",)

    def __init__(self, source: Source) -> None:
        self._source = source

    def get(self, key: str, default: Any = None) -> Any:
        if key == "published":
            published = self._source.published
            return published.isoformat() if published else None
        return getattr(self._source, key, default)

    def __getitem__(self, key: str) -> Any:
        if key not in Source.__slots__:
            raise KeyError(key)
        return self.get(key)


def map_frame(incidents: list[Incident]) -> pd.DataFrame:
    """The frame :func:`mapper.output.records.incident_frame` gives, built column by column.

    The same columns and values, but no per-incident record dicts: sources are light
    read-only views, so a corpus of 100,000 articles does not hold a second copy of every
    source as dicts while the map is rendered.
    """
    acled = [ACLED_TYPES[i.type] for i in incidents]
    columns = {
        "id": [i.id for i in incidents], "type": [i.type for i in incidents],
        "event_type": [a[0] for a in acled], "sub_event_type": [a[1] for a in acled],
        "strike": [i.strike for i in incidents], "date_start": [i.date_start for i in incidents],
        "date_end": [i.date_end for i in incidents], "time_precision": [i.time_precision for i in incidents],
        "actor": [i.actor for i in incidents], "place": [i.place.name for i in incidents],
        "place_text": [i.place_text for i in incidents], "geonameid": [i.place.geonameid for i in incidents],
        "country": [i.place.country or None for i in incidents], "admin1": [i.admin1 for i in incidents],
        "admin1_code": [i.admin1_code for i in incidents],
        "admin1_geonameid": [admin1_geonameid(i.place) for i in incidents],
        "admin2": [i.admin2 for i in incidents], "admin2_code": [i.admin2_code for i in incidents],
        "geo_precision": [i.geo_precision for i in incidents],
        "killed": [i.killed for i in incidents], "injured": [i.injured for i in incidents],
        "sources": [tuple(map(_SourceView, i.sources)) for i in incidents],
        "lon": [round(i.place.lon, 6) for i in incidents], "lat": [round(i.place.lat, 6) for i in incidents],
    }
    assert tuple(columns)[:len(PROPERTY_NAMES)] == PROPERTY_NAMES
    return pd.DataFrame(columns, columns=list(columns))
