"""The pipeline: articles in, deduplicated and region-joined incidents out.

``run`` composes the stages of DESIGN.md; the CLI and library users call it alike.
Services (gazetteer, region index) are built once by the caller and passed in.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from mapper.aggregate import dedupe
from mapper.extract.dates import clause_date
from mapper.extract.events import ArticleContext, article_weapon, link_clause
from mapper.extract.segment import segment
from mapper.extract.toponyms import find_spans
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.regions import RegionIndex
from mapper.geo.resolve import resolve_spans
from mapper.model import Article, Clause, DateSpan, Incident, Place, Resolved, RunResult, Source, Unplaced

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
    resolved = geoparse_article(article, gaz)
    ctx = ArticleContext(article, gaz.demonyms, _country_places(gaz), article_weapon(clauses))
    incidents: list[Incident] = []
    unplaced: list[Unplaced] = []
    previous: DateSpan | None = None
    for clause in clauses:
        date, how = clause_date(clause.text, published=article.published, bullet=clause.bullet_date,
                                previous=previous)
        if how in ("explicit", "bullet") and clause.part == "body":
            previous = date
        inside = _mentions_in(clause, resolved)
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
    return incidents, unplaced


_COUNTRY_PLACES: dict[int, dict[str, Place]] = {}


def _country_places(gaz: Gazetteer) -> dict[str, Place]:
    """Country places by ISO code, built once per gazetteer."""
    places = _COUNTRY_PLACES.get(id(gaz))
    if places is None:
        places = {iso: gaz.place(entry) for iso, entry in gaz.country_entry.items()}
        _COUNTRY_PLACES.clear()  # one gazetteer per process in practice; keep no stale ids
        _COUNTRY_PLACES[id(gaz)] = places
    return places


def _mentions_in(clause: Clause, resolved: list[Resolved]) -> list[tuple[int, int, Resolved]]:
    return [(r.mention.start - clause.start, r.mention.end - clause.start, r) for r in resolved
            if r.mention.part == clause.part and clause.start <= r.mention.start and r.mention.end <= clause.end]


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


def run(articles: Iterable[Article], services: Services,
        progress: Callable[[Article], None] | None = None) -> RunResult:
    """Extract, deduplicate and region-join the incidents of many articles.

    Parameters
    ----------
    articles : iterable of Article
    services : Services
    progress : callable, optional
        Called after each article (drives a progress bar).
    """
    result = RunResult()
    found: list[Incident] = []
    for article in articles:
        incidents, unplaced = extract_article(article, services.gazetteer)
        found.extend(incidents)
        result.unplaced.extend(unplaced)
        result.articles += 1
        if progress is not None:
            progress(article)
    result.incidents = join_regions(dedupe(found), services.regions)
    result.unplaced.sort(key=lambda u: (u.date_start, u.source.article_id, u.place_text))
    return result
