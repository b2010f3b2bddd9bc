"""The pipeline: articles in, deduplicated and region-joined incidents out.

``run`` composes the stages of DESIGN.md; the CLI and library users call it alike.
Services (gazetteer, region index) are built once by the caller and passed in.
"""
from __future__ import annotations

import bisect
import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mapper.aggregate import Deduper, family, place_key
from mapper.extract.dates import clause_date, span_precision
from mapper.extract.events import ArticleContext, link_clause
from mapper.extract.lexicon import CONFLICT_CONTEXT
from mapper.extract.segment import segment
from mapper.extract.toponyms import find_spans
from mapper.extract.triggers import article_weapon
from mapper.faults import checkpoint
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.regions import RegionIndex
from mapper.geo.resolve import resolve_spans
from mapper.model import (
    Article,
    Clause,
    DateSpan,
    Incident,
    Place,
    Resolved,
    RunResult,
    Source,
    Unplaced,
)
from mapper.parallel import extract_batches, gc_paused

if TYPE_CHECKING:
    from mapper.geo.online import Geocoder
    from mapper.store import Store

_TITLE_GAP = "\n\n"


@dataclass
class Services:
    """The loaded lookups a run needs."""

    gazetteer: Gazetteer
    regions: RegionIndex

    @classmethod
    def load(cls) -> Services:
        """Load the shipped gazetteer and regions (compiling the gazetteer cache if needed)."""
        return cls(Gazetteer.load(), RegionIndex.load())


def geoparse_article(article: Article, gaz: Gazetteer) -> list[Resolved]:
    """Every place mention of an article (title and body), resolved with article context.

    Offsets of body mentions index ``article.text``; title mentions carry
    ``part="title"`` and index ``article.title``.
    """
    full = article.title + _TITLE_GAP + article.text if article.title else article.text
    shift = len(article.title) + len(_TITLE_GAP) if article.title else 0
    out = []
    for r in resolve_spans(find_spans(full, gaz), gaz, full):
        m = r.mention
        if m.start < shift:
            mention = dataclasses.replace(m, part="title")
        else:
            mention = dataclasses.replace(m, start=m.start - shift, end=m.end - shift)
        out.append(dataclasses.replace(r, mention=mention))
    return out


def extract_article(article: Article, gaz: Gazetteer) -> tuple[list[Incident], list[Unplaced]]:
    """Incidents (not yet deduplicated or region-joined) and unplaced reports of one article."""
    clauses = segment(article)
    by_part = _by_part(geoparse_article(article, gaz))
    ctx = ArticleContext(article, gaz.demonyms, gaz.country_places(), article_weapon(clauses),
                         conflict=bool(CONFLICT_CONTEXT.search(article.text) or CONFLICT_CONTEXT.search(article.title)))
    incidents: list[Incident] = []
    unplaced: list[Unplaced] = []
    previous: DateSpan | None = None
    for clause in clauses:
        date, how = clause_date(clause.text, published=article.published, bullet=clause.bullet_date,
                                previous=previous)
        if how in ("explicit", "bullet") and clause.part == "body":
            previous = date
        inside = _mentions_in(clause, by_part)
        cands, missing = link_clause(clause, inside, date, ctx)
        source = Source(article.id, article.title, article.url, article.published, clause.text)
        for c in cands:
            incidents.append(Incident(
                type=c.type, date_start=c.date.start, date_end=c.date.end, time_precision=c.date.precision,
                place=c.place, place_text=c.place_text, geo_precision=c.geo_precision, sources=(source,),
                actor=c.actor, killed=c.killed, injured=c.injured))
        for name, reason, kind in missing:
            if date is not None:
                unplaced.append(Unplaced(kind or "other", date.start, date.end, name, reason, source))
    return _drop_country_summaries(_drop_title_echoes(incidents, clauses)), unplaced


def _drop_country_summaries(incidents: list[Incident]) -> list[Incident]:
    """A country-level incident is dropped when the same article reports the same type
    family inside that country on overlapping days: "Russia attacked Ukraine with 120
    missiles overnight" sums up the strikes on Kyiv, Lviv and Odesa the article then lists,
    and would count them twice on the map."""
    inside: dict[tuple[str, str], list[Incident]] = {}
    for i in incidents:
        if i.place.kind != "country" and i.place.country:
            inside.setdefault((family(i.type), i.place.country), []).append(i)
    if not inside:
        return incidents

    def summed_up(i: Incident) -> bool:
        return i.place.kind == "country" and any(
            o.date_start <= i.date_end and i.date_start <= o.date_end
            for o in inside.get((family(i.type), i.place.country), ()))

    return [i for i in incidents if not summed_up(i)]


def _drop_title_echoes(incidents: list[Incident], clauses: list[Clause]) -> list[Incident]:
    """A headline restates the body: its incident is dropped when the body reports the
    same type family at the same place (the body has the date; a headline has none)."""
    titles = {c.text for c in clauses if c.part == "title"}
    if not titles:
        return incidents
    body = [i for i in incidents if i.sources[0].text not in titles]
    keys = {(family(i.type), place_key(i.place)) for i in body}
    regions = {(family(i.type), i.place.admin1_gn) for i in body if i.place.admin1_gn}

    def echoed(i: Incident) -> bool:
        if (family(i.type), place_key(i.place)) in keys:
            return True
        # "air strike hits village in Sagaing" (the town) restating "... in Sagaing region"
        return bool(i.place.admin1_gn) and (family(i.type), i.place.admin1_gn) in regions and any(
            b.place.kind != "city" or i.place.kind != "city" for b in body
            if family(b.type) == family(i.type) and b.place.admin1_gn == i.place.admin1_gn)

    return [i for i in incidents if i.sources[0].text not in titles or not echoed(i)]


def _by_part(resolved: list[Resolved]) -> dict[str, tuple[list[int], list[Resolved]]]:
    """Mentions per part (title/body), sorted by start, with their starts for bisection."""
    out: dict[str, tuple[list[int], list[Resolved]]] = {}
    for part in ("title", "body"):
        items = sorted((r for r in resolved if r.mention.part == part), key=lambda r: r.mention.start)
        out[part] = ([r.mention.start for r in items], items)
    return out


def _mentions_in(clause: Clause, by_part: dict[str, tuple[list[int], list[Resolved]]]
                 ) -> list[tuple[int, int, Resolved]]:
    """Mentions inside a clause, with offsets relative to it (a binary search, not a scan)."""
    starts, items = by_part.get(clause.part, ([], []))
    lo, hi = bisect.bisect_left(starts, clause.start), bisect.bisect_left(starts, clause.end)
    return [(r.mention.start - clause.start, r.mention.end - clause.start, r) for r in items[lo:hi]
            if r.mention.end <= clause.end]


def join_regions(incidents: list[Incident], regions: RegionIndex) -> list[Incident]:
    """Attach admin-1 name and ISO 3166-2 code by point-in-polygon.

    Country-level places get no region; a region-level place keeps the region its
    point falls in only when the gazetteer ties it to one admin-1 unit.
    """
    found = region_lookup((i.place for i in incidents), regions)
    return [dataclasses.replace(inc, admin1=found[inc.place][0], admin1_code=found[inc.place][1])
            for inc in incidents]


def region_lookup(places: Iterable[Place], regions: RegionIndex) -> dict[Place, tuple[str | None, str | None]]:
    """The admin-1 (name, ISO 3166-2 code) of each distinct place, in one vectorised join.

    Country-level places get no region; a region-level place keeps the region its
    point falls in only when the gazetteer ties it to one admin-1 unit.
    """
    distinct = list(dict.fromkeys(places))
    if not distinct:
        return {}
    found = regions.join(np.array([p.lon for p in distinct]), np.array([p.lat for p in distinct]))
    out: dict[Place, tuple[str | None, str | None]] = {}
    for place, region in zip(distinct, found):
        kind = place.kind
        if kind == "country" or (kind == "region" and not place.admin1_gn) or region is None:
            out[place] = (None, None)
        else:
            out[place] = (region.name, region.code)
    return out


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
    result.unplaced.sort(key=lambda u: (u.date_start, u.source.article_id, u.place_text))
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
