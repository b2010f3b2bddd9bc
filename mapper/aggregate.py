"""Deduplication and counts: one incident per place, type family and day (ACLED's unit).

Candidates of one type family (the strike family, or the type itself otherwise) at one
place are grouped by their date ranges, never transitively:

- a *day* (one-day range) and a *night* (two-day range ``[D-1, D]``) are one slot, the
  day ``D``; every slot is one incident, so consecutive nights stay apart;
- a *summary* (a longer range: "this week", "14-19 November") that contains incidents of
  the group adds its sources to each of them and counts nothing itself; one that
  contains none is an incident of its own (summaries merge when one contains another);
- meetings are the exception: talks that run over consecutive days at one venue
  ("talks in Geneva, 20-21 November", "Geneva talks continue, 22-23 November") are one.

A merged incident takes the date range of its most precise reports, the lowest stated
casualty figures (ACLED's conservative rule), the most named actor and type, and lists
every source once.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from mapper.extract.dates import span_precision
from mapper.model import INCIDENT_TYPES, STRIKE_TYPES, Incident, Place, Source, Unplaced

_CONTINUING = frozenset({"diplomatic"})


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


Regions = Mapping[Place, tuple[str | None, str | None, str | None, str | None]]


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
            merged.extend(_merge(cluster, regions) for cluster in _clusters(items, fam))
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
    return [_merge(cluster) for cluster in _clusters(items, fam)]


class _Cluster:
    """The reports of one incident: ``core`` decides its dates, type, actor and tolls;
    ``extra`` are summaries that cover it and only add their sources."""

    __slots__ = ("core", "extra", "start", "end")

    def __init__(self, inc: Incident) -> None:
        self.core = [inc]
        self.extra: list[Incident] = []
        self.start, self.end = inc.date_start, inc.date_end

    def take(self, inc: Incident) -> None:
        self.core.append(inc)
        self.start, self.end = min(self.start, inc.date_start), max(self.end, inc.date_end)


def _clusters(items: list[Incident], fam: str) -> list[_Cluster]:
    """The incidents of one (family, place) group, as clusters of reports."""
    if fam in _CONTINUING:
        return _meeting_clusters(items)
    return _counted_clusters(items)


def _counted_clusters(items: list[Incident]) -> list[_Cluster]:
    """One incident per day or night (ACLED's unit), summaries on top, never chained.

    A night is a two-day range ``[D-1, D]``; a day report of ``D`` is the same incident
    as the night ending on ``D`` (an overnight attack is reported on the morning after),
    so both fall in the slot ``D``; the night starting on ``D`` is another slot.  Longer
    ranges are summaries, taken narrowest first: one that contains incidents already
    formed adds its sources to each of them (no count of its own, their dates, type,
    actor and tolls unchanged); one that contains none is an incident of its own.
    """
    slots: dict[dt.date, _Cluster] = {}
    summaries: list[Incident] = []
    for inc in items:
        if (inc.date_end - inc.date_start).days > 1:
            summaries.append(inc)
        elif (home := slots.get(inc.date_end)) is None:
            slots[inc.date_end] = _Cluster(inc)
        else:
            home.take(inc)
    clusters = [slots[d] for d in sorted(slots)]
    summaries.sort(key=lambda i: ((i.date_end - i.date_start).days, i.date_start))
    for inc in summaries:
        inside = [c for c in clusters if inc.date_start <= c.start and c.end <= inc.date_end]
        for c in inside:
            c.extra.append(inc)
        if not inside:
            clusters.append(_Cluster(inc))
    return clusters


def _meeting_clusters(items: list[Incident]) -> list[_Cluster]:
    """Meetings (and other continuing processes) run over consecutive days at one venue.

    Reports whose ranges overlap or touch (one day apart) chain into one cluster.  Vague
    reports (time precision 3, e.g. "November 2025") join the cluster of a precise one
    they overlap instead of chaining unrelated precise reports together.
    """
    precise = sorted((i for i in items if i.time_precision < 3), key=lambda i: (i.date_start, i.date_end))
    vague = [i for i in items if i.time_precision >= 3]
    clusters: list[_Cluster] = []
    for inc in precise:
        if clusters and (inc.date_start - clusters[-1].end).days <= 1:
            clusters[-1].take(inc)
        else:
            clusters.append(_Cluster(inc))
    for inc in sorted(vague, key=lambda i: (i.date_start, i.date_end)):
        home = next((c for c in clusters if any(p.date_start <= inc.date_end and inc.date_start <= p.date_end
                                                  for p in c.core)), None)
        if home is None:
            home = next((c for c in clusters if all(p.time_precision >= 3 for p in c.core)
                         and any(p.date_start <= inc.date_end and inc.date_start <= p.date_end for p in c.core)),
                        None)
        if home is None:
            clusters.append(_Cluster(inc))
        else:
            home.take(inc)
    return clusters


def _source_order(s: Source) -> tuple:
    return (s.published or dt.date.min, s.article_id, s.text)


def _merge(cluster: _Cluster, regions: Regions | None = None) -> Incident:
    core = cluster.core
    if len(core) == 1 and not cluster.extra:
        return _merge_one(core[0], regions)
    best = min(i.time_precision for i in core)
    sharp = [i for i in core if i.time_precision == best]
    start = min(i.date_start for i in sharp)
    end = max(i.date_end for i in sharp)
    precision = max(best, span_precision(start, end))
    kind = _most_common([i.type for i in core], INCIDENT_TYPES.index)
    actors = [i.actor for i in core if i.actor]
    actor = _most_common(actors, str) if actors else None
    first = min(core, key=lambda i: (i.geo_precision, i.date_start, i.sources[0].article_id))
    sources = sorted({s for i in (*core, *cluster.extra) for s in i.sources}, key=_source_order)
    admin1, code, admin2, code2 = regions[first.place] if regions is not None else _regions_of(first)
    return Incident(
        type=kind, date_start=start, date_end=end, time_precision=precision, place=first.place,
        place_text=first.place_text, geo_precision=min(i.geo_precision for i in core),
        sources=tuple(sources), actor=actor, killed=_lowest(i.killed for i in core),
        injured=_lowest(i.injured for i in core), admin1=admin1, admin1_code=code, admin2=admin2,
        admin2_code=code2,
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
    admin1, code, admin2, code2 = regions[inc.place] if regions is not None else _regions_of(inc)
    return Incident(
        type=inc.type, date_start=start, date_end=end,
        time_precision=max(inc.time_precision, span_precision(start, end)), place=inc.place,
        place_text=inc.place_text, geo_precision=inc.geo_precision, sources=sources, actor=inc.actor or None,
        killed=inc.killed, injured=inc.injured, admin1=admin1, admin1_code=code, admin2=admin2,
        admin2_code=code2,
        id=incident_id(inc.type, inc.place, start, end),
    )


def _regions_of(inc: Incident) -> tuple[str | None, str | None, str | None, str | None]:
    return (inc.admin1, inc.admin1_code, inc.admin2, inc.admin2_code)


def _lowest(values: Iterable[int | None]) -> int | None:
    stated = [v for v in values if v is not None]
    return min(stated) if stated else None
