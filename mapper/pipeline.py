"""The pipeline: articles in, deduplicated and region-joined incidents out.

``run`` composes the stages of DESIGN.md; the CLI and library users call it alike.
Services (gazetteer, region index) are built once by the caller and passed in.
"""
from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from mapper.aggregate import dedupe, family, place_key
from mapper.extract.dates import clause_date, span_precision
from mapper.extract.events import ArticleContext, article_weapon, link_clause
from mapper.extract.lexicon import CONFLICT_CONTEXT
from mapper.extract.segment import segment
from mapper.extract.toponyms import find_spans
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.regions import RegionIndex
from mapper.geo.resolve import resolve_spans
from mapper.model import Article, Clause, DateSpan, Incident, Place, Resolved, RunResult, Source, Unplaced
from mapper.parallel import extract_batches

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
    def load(cls) -> "Services":
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
    return _drop_title_echoes(incidents, clauses), unplaced


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
    if not incidents:
        return []
    lon = np.array([i.place.lon for i in incidents])
    lat = np.array([i.place.lat for i in incidents])
    found = regions.join(lon, lat)
    out = []
    for inc, region in zip(incidents, found):
        kind = inc.place.kind
        if kind == "country" or (kind == "region" and not inc.place.admin1_gn) or region is None:
            out.append(dataclasses.replace(inc, admin1=None, admin1_code=None))
        else:
            out.append(dataclasses.replace(inc, admin1=region.name, admin1_code=region.code))
    return out


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(articles: Iterable[Article], services: Services,
        progress: Callable[[Article | None], None] | None = None, *, jobs: int = 1,
        store: "Store | None" = None, batch_size: int = 64, geocoder: "Geocoder | None" = None) -> RunResult:
    """Extract, deduplicate and region-join the incidents of many articles.

    Articles stream through in batches: memory holds one batch of texts at a time
    (plus the extracted incidents).  With a ``store``, articles extracted by an
    earlier run (same content, same mapper) are read from it instead.

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
    found: list[Incident] = []
    pending: list[list[str]] = []  # store keys of each batch sent for extraction

    def todo() -> Iterator[list[Article]]:
        for batch in _batches(articles, batch_size):
            missing, keys = _from_store(store, batch, found, result, progress)
            pending.append(keys)
            yield missing

    for batch_out in extract_batches(todo(), services, jobs):
        keys = pending.pop(0)
        for incidents, unplaced in batch_out:
            found.extend(incidents)
            result.unplaced.extend(unplaced)
        if store is not None:
            store.put_many(zip(keys, batch_out))
        result.articles += len(batch_out)
        if progress is not None:
            for _ in batch_out:
                progress(None)
    if geocoder is not None:
        placed, result.unplaced = geocode_unplaced(result.unplaced, geocoder)
        found.extend(placed)
    merged = dedupe(found)
    found.clear()  # the candidates are no longer needed: free them before the outputs
    result.incidents = join_regions(merged, services.regions)
    result.unplaced.sort(key=lambda u: (u.date_start, u.source.article_id, u.place_text))
    return result


def geocode_unplaced(unplaced: list[Unplaced], geocoder: "Geocoder") -> tuple[list[Incident], list[Unplaced]]:
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


def _from_store(store: "Store | None", batch: list[Article], found: list[Incident], result: RunResult,
                progress: Callable[[Article | None], None] | None) -> tuple[list[Article], list[str]]:
    """Take what the store has for a batch; return the articles still to extract and
    their store keys."""
    if store is None:
        return batch, []
    keys = [store.key(a) for a in batch]
    hits = store.get_many(keys)
    missing, missing_keys = [], []
    for article, k in zip(batch, keys):
        if k in hits:
            incidents, unplaced = hits[k]
            found.extend(incidents)
            result.unplaced.extend(unplaced)
            result.articles += 1
            result.cached += 1
            if progress is not None:
                progress(article)
        else:
            missing.append(article)
            missing_keys.append(k)
    return missing, missing_keys
