"""Deduplication and counts.

Two candidates are one incident when they share a type family (the strike family, or
the type itself otherwise), a place, and overlapping dates.  Battles and talks are
multi-day processes, so for them touching ranges (one day apart) merge as well:
"talks in Geneva, 20-21 November" and "Geneva talks continue, 22-23 November" are one
meeting.  A merged incident takes the date range of its most precise sources, the
lowest stated casualty figures (ACLED's conservative rule), the most named actor and
type, and lists every source once.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from mapper.extract.dates import span_precision
from mapper.model import INCIDENT_TYPES, STRIKE_TYPES, Incident, Place, Source, Unplaced

_CONTINUING = frozenset({"diplomatic", "ground_fighting"})


def family(kind: str) -> str:
    """The dedup family of an incident type."""
    return "strike" if kind in STRIKE_TYPES else kind


def place_key(place: Place) -> str:
    """A stable key for a place: its GeoNames id, else its name and point."""
    if place.geonameid is not None:
        return f"gn:{place.geonameid}"
    return f"{place.kind}:{place.name}:{place.lon:.4f}:{place.lat:.4f}"


def incident_id(kind: str, place: Place, start: dt.date, end: dt.date) -> str:
    """A stable id from the incident's family, place and dates."""
    raw = f"{family(kind)}|{place_key(place)}|{start.isoformat()}|{end.isoformat()}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def dedupe(incidents: Iterable[Incident]) -> list[Incident]:
    """Merge reports of the same incident; return them sorted by date, place and type.

    Parameters
    ----------
    incidents : iterable of Incident
        One per (clause, place), from any number of articles.
    """
    merger = Deduper()
    merger.extend(incidents)
    return merger.result()


Regions = Mapping[Place, tuple[str | None, str | None]]


class Deduper:
    """:func:`dedupe` fed as candidates arrive, so they are grouped once, on arrival.

    Add candidates in input order (``add``/``extend``), then call ``result`` once.
    """

    def __init__(self) -> None:
        self._groups: dict[tuple[str, str], list[Incident]] = {}
        self.candidates = 0

    def extend(self, incidents: Iterable[Incident]) -> None:
        """Add candidates (in input order)."""
        groups = self._groups
        for inc in incidents:
            key = (family(inc.type), place_key(inc.place))
            items = groups.get(key)
            if items is None:
                groups[key] = [inc]
            else:
                items.append(inc)
            self.candidates += 1

    def result(self, regions: Regions | None = None) -> list[Incident]:
        """The merged incidents, sorted as :func:`dedupe` sorts them.

        Each group's candidates are released as soon as it is merged.  With ``regions``
        (the admin-1 name and code of every place), merged incidents carry their place's
        region, as :func:`mapper.pipeline.join_regions` would attach it.
        """
        merged: list[Incident] = []
        for key in list(self._groups):  # first-seen order, as dedupe always had
            fam, items = key[0], self._groups.pop(key)
            slack = 1 if fam in _CONTINUING else 0
            merged.extend(_merge(cluster, regions) for cluster in _clusters(items, slack))
        merged.sort(key=incident_order)
        return merged


def incident_order(inc: Incident) -> tuple:
    """The sort key of the final incident list (every engine sorts by it)."""
    return (inc.date_start, inc.date_end, inc.place.name, inc.type, inc.id)


def unplaced_order(u: Unplaced) -> tuple:
    """The sort key of the unplaced reports (a stable sort of them in input order)."""
    return (u.date_start, u.source.article_id, u.place_text)


def merge_group(fam: str, items: list[Incident]) -> list[Incident]:
    """Merge the candidates of one (type family, place) group, cluster by cluster.

    The building block of :func:`dedupe`, public so a distributed engine can run it per
    group after a shuffle.  Ties are broken by the order of ``items``: pass them in
    input order to get what :func:`dedupe` gives.

    Parameters
    ----------
    fam : str
        The group's :func:`family`.
    items : list of Incident
        Every candidate with that family and :func:`place_key`, in input order.

    Returns
    -------
    list of Incident
        One merged incident per cluster of overlapping dates, in cluster order.
    """
    slack = 1 if fam in _CONTINUING else 0
    return [_merge(cluster) for cluster in _clusters(items, slack)]


def _clusters(items: list[Incident], slack: int) -> list[list[Incident]]:
    """Group incidents whose date ranges overlap (or touch, within ``slack`` days).

    Vague reports (time precision 3, e.g. "November 2025") join the cluster of a
    precise one they cover instead of chaining unrelated precise reports together.
    """
    precise = sorted((i for i in items if i.time_precision < 3), key=lambda i: (i.date_start, i.date_end))
    vague = [i for i in items if i.time_precision >= 3]
    clusters: list[list[Incident]] = []
    end = dt.date.min
    for inc in precise:
        if clusters and (inc.date_start - end).days <= slack:
            clusters[-1].append(inc)
            end = max(end, inc.date_end)
        else:
            clusters.append([inc])
            end = inc.date_end
    for inc in sorted(vague, key=lambda i: (i.date_start, i.date_end)):
        home = next((c for c in clusters if any(p.date_start <= inc.date_end and inc.date_start <= p.date_end
                                                  for p in c)), None)
        if home is None:
            home = next((c for c in clusters if all(p.time_precision >= 3 for p in c)
                         and any(p.date_start <= inc.date_end and inc.date_start <= p.date_end for p in c)), None)
        if home is None:
            clusters.append([inc])
        else:
            home.append(inc)
    return clusters


def _source_order(s: Source) -> tuple:
    return (s.published or dt.date.min, s.article_id, s.text)


def _merge(cluster: list[Incident], regions: Regions | None = None) -> Incident:
    if len(cluster) == 1:
        return _merge_one(cluster[0], regions)
    best = min(i.time_precision for i in cluster)
    sharp = [i for i in cluster if i.time_precision == best]
    start = min(i.date_start for i in sharp)
    end = max(i.date_end for i in sharp)
    precision = max(best, span_precision(start, end))
    kind = _most_common([i.type for i in cluster], INCIDENT_TYPES.index)
    actors = [i.actor for i in cluster if i.actor]
    actor = _most_common(actors, str) if actors else None
    first = min(cluster, key=lambda i: (i.geo_precision, i.date_start, i.sources[0].article_id))
    sources = sorted({s for i in cluster for s in i.sources}, key=_source_order)
    admin1, code = regions[first.place] if regions is not None else (first.admin1, first.admin1_code)
    return Incident(
        type=kind, date_start=start, date_end=end, time_precision=precision, place=first.place,
        place_text=first.place_text, geo_precision=min(i.geo_precision for i in cluster),
        sources=tuple(sources), actor=actor, killed=_lowest(i.killed for i in cluster),
        injured=_lowest(i.injured for i in cluster), admin1=admin1, admin1_code=code,
        id=incident_id(kind, first.place, start, end),
    )


def _most_common(values: list, tie: Callable) -> Any:
    """The most frequent value, ties broken by the smallest ``tie(value)``."""
    first = values[0]
    if all(v == first for v in values):  # the usual case: no counting
        return first
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], tie(v)))


def _merge_one(inc: Incident, regions: Regions | None) -> Incident:
    """``_merge`` of a single candidate (most clusters), without the counting."""
    start, end = inc.date_start, inc.date_end
    sources = inc.sources if len(inc.sources) == 1 else tuple(sorted(set(inc.sources), key=_source_order))
    admin1, code = regions[inc.place] if regions is not None else (inc.admin1, inc.admin1_code)
    return Incident(
        type=inc.type, date_start=start, date_end=end,
        time_precision=max(inc.time_precision, span_precision(start, end)), place=inc.place,
        place_text=inc.place_text, geo_precision=inc.geo_precision, sources=sources, actor=inc.actor or None,
        killed=inc.killed, injured=inc.injured, admin1=admin1, admin1_code=code,
        id=incident_id(inc.type, inc.place, start, end),
    )


def _lowest(values: Iterable[int | None]) -> int | None:
    stated = [v for v in values if v is not None]
    return min(stated) if stated else None
