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
from collections.abc import Iterable

from mapper.extract.dates import span_precision
from mapper.model import INCIDENT_TYPES, STRIKE_TYPES, Incident, Place

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
    groups: dict[tuple[str, str], list[Incident]] = {}
    for inc in incidents:
        groups.setdefault((family(inc.type), place_key(inc.place)), []).append(inc)
    merged = []
    for (fam, _), items in groups.items():
        merged.extend(merge_group(fam, items))
    merged.sort(key=lambda i: (i.date_start, i.date_end, i.place.name, i.type, i.id))
    return merged


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


def _merge(cluster: list[Incident]) -> Incident:
    best = min(i.time_precision for i in cluster)
    sharp = [i for i in cluster if i.time_precision == best]
    start = min(i.date_start for i in sharp)
    end = max(i.date_end for i in sharp)
    precision = max(best, span_precision(start, end))
    types = Counter(i.type for i in cluster)
    kind = min(types, key=lambda t: (-types[t], INCIDENT_TYPES.index(t)))
    actors = Counter(i.actor for i in cluster if i.actor)
    actor = min(actors, key=lambda a: (-actors[a], a)) if actors else None
    first = min(cluster, key=lambda i: (i.geo_precision, i.date_start, i.sources[0].article_id))
    sources = sorted({s for i in cluster for s in i.sources},
                     key=lambda s: (s.published or dt.date.min, s.article_id, s.text))
    return Incident(
        type=kind, date_start=start, date_end=end, time_precision=precision, place=first.place,
        place_text=first.place_text, geo_precision=min(i.geo_precision for i in cluster),
        sources=tuple(sources), actor=actor, killed=_lowest(i.killed for i in cluster),
        injured=_lowest(i.injured for i in cluster), admin1=first.admin1, admin1_code=first.admin1_code,
        id=incident_id(kind, first.place, start, end),
    )


def _lowest(values: Iterable[int | None]) -> int | None:
    stated = [v for v in values if v is not None]
    return min(stated) if stated else None
