"""The pipeline: articles in, deduplicated and region-joined incidents out.

``run`` composes the stages of DESIGN.md; the CLI and library users call it alike.
Services (gazetteer, region index) are built once by the caller and passed in.
"""
from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mapper.aggregate import Deduper, unplaced_order
from mapper.extract.article import extract_article, geoparse_article  # noqa: F401  (re-exported)
from mapper.extract.dates import span_precision
from mapper.faults import checkpoint
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.regions import Region, RegionIndex
from mapper.model import (
    Article,
    Incident,
    Place,
    RunResult,
    Unplaced,
)
from mapper.parallel import extract_batches, gc_paused

if TYPE_CHECKING:
    from mapper.geo.online import Geocoder
    from mapper.store import Store

@dataclass
class Services:
    """The loaded lookups a run needs."""

    gazetteer: Gazetteer
    regions: RegionIndex

    @classmethod
    def load(cls) -> Services:
        """Load the shipped gazetteer and regions (compiling the gazetteer cache if needed)."""
        with gc_paused():  # millions of acyclic names, entries and pairs: collections would scan them again and again
            return cls(Gazetteer.load(), RegionIndex.load())


#: what the region join gives a place: admin-1 name and ISO 3166-2 code, then the
#: second-level unit's name and code (None where mapper has no second level)
RegionFields = tuple["str | None", "str | None", "str | None", "str | None"]


def join_regions(incidents: list[Incident], regions: RegionIndex) -> list[Incident]:
    """Attach admin-1 name and ISO 3166-2 code by point-in-polygon, and the second-level
    unit where mapper has one (Palestine's governorates).

    Country-level places get no region (a compass part of a country the region that holds
    most of it); a region-level place keeps the region its point falls in only when the
    gazetteer ties it to one admin-1 unit.
    """
    found = region_lookup((i.place for i in incidents), regions)
    fields = ("admin1", "admin1_code", "admin2", "admin2_code")
    return [dataclasses.replace(inc, **dict(zip(fields, found[inc.place]))) for inc in incidents]


def region_lookup(places: Iterable[Place], regions: RegionIndex) -> dict[Place, RegionFields]:
    """The admin-1 (name, ISO 3166-2 code) and second-level (name, code) of each distinct
    place, in one vectorised join per level (:func:`admin1_choice`, :func:`admin2_choice`).
    """
    distinct = list(dict.fromkeys(places))
    if not distinct:
        return {}
    lon, lat = np.array([p.lon for p in distinct]), np.array([p.lat for p in distinct])
    found = regions.join(lon, lat)
    units = regions.join_second(lon, lat)
    out = {}
    for place, region, unit in zip(distinct, found, units):
        name, code = admin1_choice(place.kind, place.admin1_gn, region, regions)
        out[place] = (name, code, *admin2_choice(place.kind, place.name, code, unit, regions))
    return out


def admin1_choice(kind: str, admin1_gn: str | None, region: Region | None,
                  regions: RegionIndex | None = None) -> tuple[str | None, str | None]:
    """The admin-1 (name, ISO 3166-2 code) of a place whose point falls in ``region``.

    The one rule every engine applies: country-level places get no region, but for a
    compass part of a country that one region holds most of (its ``admin1_gn``); a
    region-level place keeps the region its point falls in only when the gazetteer ties
    it to one admin-1 unit (``admin1_gn``); a point that falls in another country's
    region (a border town on simplified outlines, Goma in Rwanda; a territory the
    outlines draw by control, the Golan in Israel) takes its own GeoNames admin-1 region,
    by internationally recognised borders as annotation.md asks; so does an admin-1 unit
    whose point lies in a neighbour's outline (Leningrad Oblast, seated in St Petersburg).
    """
    if kind == "country" and admin1_gn and regions is not None:
        # a part of a country held mostly by one region ("northeastern Jordan": Mafraq), :mod:`mapper.geo.parts`
        own = regions.by_gn_code(admin1_gn)
        return (own.name, own.code) if own is not None else (None, None)
    if kind == "country" or (kind == "region" and not admin1_gn) or region is None:
        return (None, None)
    own = regions.by_gn_code(admin1_gn) if regions is not None and admin1_gn else None
    if own is not None and (kind == "admin1" or own.country and region.country and own.country != region.country):
        region = own  # an admin-1 unit is itself (Leningrad Oblast's seat lies in St Petersburg's outline)
    return (region.name, region.code)


def admin2_choice(kind: str, name: str, admin1_code: str | None, unit: Region | None,
                  regions: RegionIndex | None = None) -> tuple[str | None, str | None]:
    """The second-level (name, ISO 3166-2 code) of a place whose point falls in ``unit``
    and whose admin-1 region is ``admin1_code`` (:func:`admin1_choice`).

    The one rule every engine applies: a place finer than a second-level unit (a town, a
    village, a facility) takes the unit its point falls in, when that unit lies in the
    place's admin-1 region; a place that is itself a unit (kind "admin1" in the
    gazetteer: "Khan Younis Governorate") takes that unit, by name (an incident known
    only by its region is drawn at the admin-1 seat, which may lie in another unit);
    countries, admin-1 regions and named regions (the Gaza Strip, seas) take none.
    """
    if admin1_code is None:
        return (None, None)
    if kind == "admin1":
        unit = regions.unit_named(name, admin1_code) if regions is not None else None
    elif kind in ("country", "region"):
        unit = None
    if unit is None or unit.parent != admin1_code:
        return (None, None)
    return (unit.name, unit.code)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        checkpoint("read")
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(articles: Iterable[Article], services: Services,
        progress: Callable[[Article | None], None] | None = None, *, jobs: int = 1,
        store: Store | None = None, batch_size: int = 64, geocoder: Geocoder | None = None) -> RunResult:
    """Extract, deduplicate and region-join the incidents of many articles.

    Articles stream through in batches: memory holds one batch of texts at a time, plus
    each article's compressed extraction; those are decoded into shared records (one
    object per distinct place, date and short string) and grouped for dedup once the
    extraction is done.  With a ``store``, articles extracted by an earlier run (same
    content, same mapper) are read from it instead.

    Parameters
    ----------
    articles : iterable of Article
    services : Services
    progress : callable, optional
        Called after each article (drives a progress bar).
    jobs : int
        Worker processes for extraction (1: in this process).
    store : Store, optional
        The incremental store.
    batch_size : int
        Articles per batch (per task sent to a worker, per store transaction).
    geocoder : Geocoder, optional
        The optional online geocoder, asked for places the gazetteer lacks.
    """
    result = RunResult()
    # per batch in flight: each article's stored payload (None: being extracted) and the
    # store keys of those being extracted
    pending: deque[tuple[list[bytes | None], list[str]]] = deque()
    # with worker processes, payloads are decoded only once the workers are gone: while
    # they run, this process holds compressed payloads, not records
    found = _Candidates(store, defer=jobs > 1)

    def todo() -> Iterator[list[Article]]:
        for batch in _batches(articles, batch_size):
            slots, missing, keys = _from_store(store, batch)
            pending.append((slots, keys))
            yield missing

    with gc_paused():  # millions of acyclic records: the cyclic GC would rescan them all
        for blobs in extract_batches(todo(), services, jobs):
            slots, keys = pending.popleft()
            fresh = iter(blobs)
            for blob in slots:  # in input order: merge ties are broken by it
                found.add(blob if blob is not None else next(fresh))
            if store is not None and keys:
                store.put_blobs(zip(keys, blobs))
            checkpoint("extract")
            result.articles += len(slots)
            result.cached += len(slots) - len(blobs)
            if progress is not None:
                for _ in slots:
                    progress(None)
        result.incidents, result.unplaced = found.merged(services.regions, geocoder)
    result.unplaced.sort(key=unplaced_order)
    return result


class _Candidates:
    """Every article's candidates, decoded (shared records) and grouped for dedup."""

    def __init__(self, store: Store | None, defer: bool) -> None:
        from mapper.store import Decoder

        self._store = store
        self._held: deque[bytes] | None = deque() if defer else None
        self._decoder = Decoder()
        self._merger = Deduper()
        self._unplaced: list[Unplaced] = []

    def add(self, payload: bytes) -> None:
        """Add one article's payload (in input order)."""
        if self._held is not None:
            self._held.append(payload)
        else:
            self._decode(payload)

    def _decode(self, payload: bytes) -> None:
        from mapper.store import StoreError

        try:
            incidents, unplaced = self._decoder.decode(payload)
        except ValueError as exc:
            where = self._store.path if self._store is not None else "extraction"
            raise StoreError(f"{where}: {exc}; delete it or run with --rebuild") from None
        self._merger.extend(incidents)
        self._unplaced.extend(unplaced)

    def merged(self, regions: RegionIndex, geocoder: Geocoder | None) -> tuple[list[Incident], list[Unplaced]]:
        """The merged, region-joined incidents and the unplaced reports (those the
        optional online geocoder places become incidents)."""
        while self._held:
            self._decode(self._held.popleft())
        places = self._decoder.places()
        unplaced = self._unplaced
        if geocoder is not None:
            placed, unplaced = geocode_unplaced(unplaced, geocoder)
            self._merger.extend(placed)
            places.extend(i.place for i in placed)
        return self._merger.result(region_lookup(places, regions)), unplaced


def geocode_unplaced(unplaced: list[Unplaced], geocoder: Geocoder) -> tuple[list[Incident], list[Unplaced]]:
    """Place what the gazetteer lacks with the optional online geocoder.

    Only names the gazetteer does not know are asked, each once (the geocoder caches
    answers on disk); a name the service does not find stays unplaced with that reason.
    """
    answers: dict[str, Place | None] = {}
    placed, left = [], []
    for u in unplaced:
        if u.reason != "not in gazetteer" or not u.place_text:
            left.append(u)
            continue
        if u.place_text not in answers:
            found = geocoder.geocode(u.place_text)
            answers[u.place_text] = found.to_place() if found is not None else None
        place = answers[u.place_text]
        if place is None:
            left.append(dataclasses.replace(u, reason="not in gazetteer nor found online"))
            continue
        placed.append(Incident(
            type=u.type, date_start=u.date_start, date_end=u.date_end,
            time_precision=span_precision(u.date_start, u.date_end), place=place, place_text=u.place_text,
            geo_precision=place.geo_precision, sources=(u.source,), actor=u.actor))
    return placed, left


def _from_store(store: Store | None, batch: list[Article]) -> tuple[list[bytes | None], list[Article], list[str]]:
    """What the store has for a batch: per article its payload (None when missing or
    damaged), then the articles still to extract and their store keys."""
    if store is None:
        return [None] * len(batch), batch, []
    keys = [store.key(a) for a in batch]
    hits = store.get_blobs(keys, checked=True)
    slots = [hits.get(k) for k in keys]
    missing = [a for a, got in zip(batch, slots) if got is None]
    return slots, missing, [k for k, got in zip(keys, slots) if got is None]
