"""Summary CSVs: per city, per region and time slice, and the unplaced reports.

Every text cell that a spreadsheet would read as a formula (a leading ``=``, ``+``,
``-``, ``@``, tab or carriage return) is prefixed with an apostrophe.  Numbers are
written as numbers.  Line breaks inside a cell are written as ``\n`` (and the cell quoted).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from mapper.model import INCIDENT_TYPES, Incident, Unplaced
from mapper.output.atomic import atomic_write
from mapper.output.records import unplaced_record
from mapper.slices import overlapping

CITY_COLUMNS = ["place", "geonameid", "country", "admin1", "admin1_code", "admin2", "admin2_code", "lon", "lat",
                "strikes", "incidents",
                "first_date", "last_date", *INCIDENT_TYPES]
REGION_COLUMNS = ["admin1_code", "admin1", "country", "slice_start", "slice_end", "strikes", "incidents",
                  *INCIDENT_TYPES]
UNPLACED_COLUMNS = ["type", "date_start", "date_end", "place_text", "reason", "actor", "article_id", "title",
                    "url", "text"]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Make a text cell safe from spreadsheet formula injection."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _is_text(col: pd.Series) -> bool:
    return pd.api.types.is_object_dtype(col) or pd.api.types.is_string_dtype(col)


def _cell(value: object) -> object:
    value = neutralise(value)
    if isinstance(value, str) and "\r" in value:
        # The csv writer quotes only fields holding its "\n" line end, so a bare "\r" went
        # out unquoted and every reader split the row there: write CR and CRLF as "\n".
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _write(frame: pd.DataFrame, path: Path) -> None:
    # pandas 3 gives text columns the ``str`` dtype, not ``object``: check both kinds.
    frame = frame.apply(lambda col: col.map(_cell) if _is_text(col) else col)
    with atomic_write(path) as fh:
        frame.to_csv(fh, index=False, lineterminator="\n")


def _counts(rows: list[Incident]) -> dict[str, int]:
    out = {"strikes": sum(1 for i in rows if i.strike), "incidents": len(rows)}
    out.update({t: sum(1 for i in rows if i.type == t) for t in INCIDENT_TYPES})
    return out


def city_table(incidents: list[Incident]) -> pd.DataFrame:
    """One row per place, most struck first."""
    by_place: dict[tuple, list[Incident]] = {}
    for inc in incidents:
        p = inc.place
        by_place.setdefault((p.name, p.geonameid, p.country, inc.admin1, inc.admin1_code, inc.admin2,
                             inc.admin2_code, p.lon, p.lat), []).append(inc)
    rows = []
    for (name, gid, country, admin1, code, admin2, code2, lon, lat), items in by_place.items():
        rows.append({"place": name, "geonameid": gid, "country": country or None, "admin1": admin1,
                     "admin1_code": code, "admin2": admin2, "admin2_code": code2, "lon": round(lon, 6),
                     "lat": round(lat, 6),
                     **_counts(items), "first_date": min(i.date_start for i in items).isoformat(),
                     "last_date": max(i.date_end for i in items).isoformat()})
    frame = pd.DataFrame(rows, columns=CITY_COLUMNS)
    frame["geonameid"] = frame["geonameid"].astype("Int64")
    return frame.sort_values(["strikes", "incidents", "place", "lon", "lat"],
                             ascending=[False, False, True, True, True], kind="stable").reset_index(drop=True)


def region_table(incidents: list[Incident], slices: list[tuple[dt.date, dt.date]]) -> pd.DataFrame:
    """One row per admin-1 region and slice it has incidents in, then its total row.

    A multi-day incident counts once in every slice it overlaps.  Incidents placed
    only at country level have no admin-1 region and are not in this table.
    """
    by_region: dict[tuple[str, str, str], list[Incident]] = {}
    for inc in incidents:
        if inc.admin1_code or inc.admin1:
            key = (inc.admin1_code or "", inc.admin1 or "", inc.place.country)
            by_region.setdefault(key, []).append(inc)
    rows = []
    for (code, name, country), items in sorted(by_region.items()):
        per_slice: dict[int, list[Incident]] = {}
        for inc in items:
            for k in overlapping(slices, inc.date_start, inc.date_end):
                per_slice.setdefault(k, []).append(inc)
        for k in sorted(per_slice):
            start, end = slices[k]
            rows.append({"admin1_code": code, "admin1": name, "country": country, "slice_start": start.isoformat(),
                         "slice_end": end.isoformat(), **_counts(per_slice[k])})
        rows.append({"admin1_code": code, "admin1": name, "country": country, "slice_start": "",
                     "slice_end": "", **_counts(items)})
    return pd.DataFrame(rows, columns=REGION_COLUMNS)


def write_tables(incidents: list[Incident], unplaced: list[Unplaced], slices: list[tuple[dt.date, dt.date]],
                 out_dir: Path) -> None:
    """Write ``cities.csv``, ``regions.csv`` and ``unplaced.csv`` into ``out_dir`` atomically."""
    _write(city_table(incidents), out_dir / "cities.csv")
    _write(region_table(incidents, slices), out_dir / "regions.csv")
    _write(pd.DataFrame([unplaced_record(u) for u in unplaced], columns=UNPLACED_COLUMNS), out_dir / "unplaced.csv")
