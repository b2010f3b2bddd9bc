"""Write every output of a run: map.html, incidents.geojson and the CSVs."""
from __future__ import annotations

from pathlib import Path

from mapper.model import RunResult
from mapper.output.atomic import remove_stale, staged
from mapper.output.geojson import write_geojson
from mapper.output.records import incident_frame
from mapper.output.tables import write_tables
from mapper.output.webmap import render_map
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
    remove_stale(out_dir, OUTPUT_NAMES)
    # every file goes to its temp file first; all are renamed together at the end, so a
    # failure or a kill leaves the previous set of outputs whole
    with staged():
        render_map(incident_frame(incidents), out_dir / "map.html", slices=slices, slice_unit=unit,
                   regions=services.regions.regions_gdf(codes), countries=services.regions.countries_gdf(),
                   summary=summary, tiles=tiles)
        write_geojson(incidents, out_dir / "incidents.geojson")
        write_tables(incidents, result.unplaced, slices, out_dir)
    return {**summary, "slices": len(slices), "unit": unit}
