"""Flat rows for incidents, so candidates can travel through a Dask shuffle.

A candidate (an :class:`~mapper.model.Incident` with exactly one source) becomes one row
of scalar columns: its place and its source are spread over ``place_*`` and ``src_*``
columns, dates are day ordinals, and three ``o_*`` columns give its position in the
input (part, record in the part, candidate in the article), so the shuffle can be undone
exactly.  A merged incident becomes one row whose sources are a JSON array.

Every value survives the trip: optional strings and integers are read back as None
whatever missing-value marker pandas or Arrow used on the way (None, NaN or NA).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from mapper.aggregate import family, place_key
from mapper.model import Incident, Place, Source

# column -> kind; "o" kinds are optional (None allowed)
_PLACE = [("place_name", "str"), ("lon", "float"), ("lat", "float"), ("country", "str"),
          ("admin1_gn", "ostr"), ("kind", "str"), ("geonameid", "oint"), ("population", "int"),
          ("place_geo_precision", "int"), ("score", "float")]
_COMMON = [("type", "str"), ("date_start", "int"), ("date_end", "int"), ("time_precision", "int"),
           *_PLACE, ("place_text", "str"), ("geo_precision", "int"), ("actor", "ostr"),
           ("killed", "oint"), ("injured", "oint")]
_ORDER = [("o_part", "int"), ("o_rec", "int"), ("o_cand", "int")]
_SOURCE = [("src_article_id", "str"), ("src_title", "str"), ("src_url", "ostr"),
           ("src_published", "oint"), ("src_text", "str")]
#: Candidate rows: group key, input position, the incident and its one source.
CANDIDATE_COLUMNS = [("fam", "str"), ("pkey", "str"), *_ORDER, *_COMMON, *_SOURCE]
#: Merged rows: the group's first input position, cluster number, row key, the incident.
MERGED_COLUMNS = [("g_part", "int"), ("g_rec", "int"), ("g_cand", "int"), ("cluster", "int"),
                  ("rowkey", "int"), ("id", "str"), *_COMMON, ("sources", "str")]
#: Merged rows after the admin-1 join.
JOINED_COLUMNS = [*MERGED_COLUMNS, ("admin1", "ostr"), ("admin1_code", "ostr"), ("admin2", "ostr"),
                  ("admin2_code", "ostr")]

_DTYPES = {"str": "string", "ostr": "string", "int": "int64", "oint": "Int64", "float": "float64"}


def none(value: Any) -> Any:
    """None for any missing-value marker, else the value."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value


def frame(columns: Sequence[tuple[str, str]], rows: Iterable[Sequence[Any]]) -> pd.DataFrame:
    """A DataFrame of ``rows`` (tuples in ``columns`` order) with the schema's dtypes.

    Parameters
    ----------
    columns : sequence of (name, kind)
        :data:`CANDIDATE_COLUMNS`, :data:`MERGED_COLUMNS` or :data:`JOINED_COLUMNS`.
    rows : iterable of tuples
        Values in column order (None for a missing optional value).
    """
    data = list(zip(*rows)) or [()] * len(columns)
    return pd.DataFrame({name: pd.array(list(values), dtype=_DTYPES[kind])
                         for (name, kind), values in zip(columns, data)})


def _common(inc: Incident) -> tuple:
    p = inc.place
    return (inc.type, inc.date_start.toordinal(), inc.date_end.toordinal(), inc.time_precision,
            p.name, p.lon, p.lat, p.country, p.admin1_gn, p.kind, p.geonameid, p.population,
            p.geo_precision, p.score, inc.place_text, inc.geo_precision, inc.actor, inc.killed, inc.injured)


def candidate_row(inc: Incident, order: tuple[int, int, int]) -> tuple:
    """The flat row of a candidate (one source) at input position ``order``."""
    if len(inc.sources) != 1:
        raise ValueError(f"a candidate has one source, got {len(inc.sources)}")
    s = inc.sources[0]
    published = s.published.toordinal() if s.published else None
    return (family(inc.type), place_key(inc.place), *order, *_common(inc),
            s.article_id, s.title, s.url, published, s.text)


def merged_row(inc: Incident, first: tuple[int, int, int], cluster: int, rowkey: int) -> tuple:
    """The flat row of a merged incident; ``first`` is its group's first input position."""
    sources = [[s.article_id, s.title, s.url, s.published.toordinal() if s.published else None, s.text]
               for s in inc.sources]
    return (*first, cluster, rowkey, inc.id, *_common(inc), json.dumps(sources, ensure_ascii=False))


def _date(ordinal: Any) -> dt.date | None:
    value = none(ordinal)
    return None if value is None else dt.date.fromordinal(int(value))


def _opt_int(value: Any) -> int | None:
    value = none(value)
    return None if value is None else int(value)


def _incident(r: dict[str, Any], sources: tuple[Source, ...], **extra: Any) -> Incident:
    place = Place(
        name=str(r["place_name"]), lon=float(r["lon"]), lat=float(r["lat"]), country=str(r["country"]),
        admin1_gn=none(r["admin1_gn"]), kind=str(r["kind"]), geonameid=_opt_int(r["geonameid"]),
        population=int(r["population"]), geo_precision=int(r["place_geo_precision"]), score=float(r["score"]))
    return Incident(
        type=str(r["type"]), date_start=dt.date.fromordinal(int(r["date_start"])),
        date_end=dt.date.fromordinal(int(r["date_end"])), time_precision=int(r["time_precision"]),
        place=place, place_text=str(r["place_text"]), geo_precision=int(r["geo_precision"]), sources=sources,
        actor=none(r["actor"]), killed=_opt_int(r["killed"]), injured=_opt_int(r["injured"]), **extra)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    # tolist() gives Python scalars (not numpy ones), so the records compare equal
    # to the ones the local engine builds
    columns = {c: df[c].tolist() for c in df.columns}
    return [dict(zip(columns, values)) for values in zip(*columns.values())]


def candidates(df: pd.DataFrame) -> list[tuple[tuple[int, int, int], str, str, Incident]]:
    """``(order, family, place key, incident)`` of every candidate row, in row order."""
    out = []
    for r in _records(df):
        source = Source(str(r["src_article_id"]), str(r["src_title"]), none(r["src_url"]),
                        _date(r["src_published"]), str(r["src_text"]))
        out.append(((int(r["o_part"]), int(r["o_rec"]), int(r["o_cand"])), str(r["fam"]), str(r["pkey"]),
                    _incident(r, (source,))))
    return out


def merged(df: pd.DataFrame) -> list[tuple[tuple[int, int, int, int], Incident]]:
    """``(group position + cluster, incident)`` of every joined merged row, in row order."""
    out = []
    for r in _records(df):
        sources = tuple(Source(a, t, u, None if p is None else dt.date.fromordinal(p), x)
                        for a, t, u, p, x in json.loads(r["sources"]))
        inc = _incident(r, sources, admin1=none(r["admin1"]), admin1_code=none(r["admin1_code"]),
                        admin2=none(r["admin2"]), admin2_code=none(r["admin2_code"]), id=str(r["id"]))
        out.append(((int(r["g_part"]), int(r["g_rec"]), int(r["g_cand"]), int(r["cluster"])), inc))
    return out
