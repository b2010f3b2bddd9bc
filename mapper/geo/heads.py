"""A name followed by a facility head: "the al-Shati refugee camp", "the Awda hospital".

A camp, hospital or checkpoint is named after a place, a person or a word, and the name
alone often has a reading that is no part of the story: "al-Shati" is Ash Shati, a region
of Libya, in a story about Gaza City.  The head noun says what the name is, and the text
around it says where:

* the name with its head (and without its Arabic article) may be a facility the gazetteer
  knows ("Shati camp" is an alias of the Beach refugee camp): that facility;
* otherwise a reading that is a region (a camp is never a province), or a town
  in another country than the place its sentence names beside it and not by it, yields to that
  place: the facility is there, at ``geo_precision`` 2 in a town (3 in a region), its name
  kept (:func:`mapper.geo.contained.inside`).
"""
from __future__ import annotations

import re

from mapper.geo.candidates import flat_km
from mapper.geo.contained import SENTENCE_END, SENTENCE_GAP, TOWN_KM, inside, sentence_gap
from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.names import key
from mapper.geo.spans import Span
from mapper.model import Place

#: a facility head after a name, with up to two modifiers ("refugee camp", "field hospital")
_HEAD = re.compile(r"(?:[ -](?:refugee|displacement|displaced|border|military|army|police|field|medical|children's|"
                   r"children’s|central|main|general|regional|district|detention|transit|idp))*"
                   r"[ -](?:camp|hospital|clinic|medical complex|checkpoint|crossing|prison)s?\b", re.IGNORECASE)
#: an Arabic article the recogniser leaves before the name ("the al-Shati camp": the span is "Shati")
_ARTICLE_BEFORE = re.compile(r"\b(?=\w)(?:al|el|an|ar|as|ash|ad|at|az)[- ]$", re.IGNORECASE)
_FACILITY = KINDS.index("facility")
_REGIONS = frozenset(("admin1", "region"))


def headed(spans: list[Span], text: str, gaz: Gazetteer, places: dict[int, Place]) -> dict[int, Place]:
    """Places for the spans of ``places`` (span -> its place) followed by a facility head whose
    reading the head contradicts (see the module's docstring)."""
    out: dict[int, Place] = {}
    for i, place in places.items():
        span = spans[i]
        if place is None or place.kind in ("facility", "demonym", "country"):
            # "Russia's attack on Ukraine children's hospital": a facility named by its country lies in it
            continue
        head = _HEAD.match(text, span.end)
        if head is None:
            continue
        known = _facility(gaz, span, text, head.end())
        if known is not None:
            out[i] = gaz.place(known)
            continue
        holder = _holder(spans, text, i, places)
        if holder is not None and (_outside(place, holder) if place.kind in _REGIONS else _abroad(place, holder)):
            out[i] = inside(span.name, holder)
    return out


def _outside(region: Place, holder: Place) -> bool:
    """Whether a region reading does not hold the holder: another country, or, beside a town,
    another admin-1 region ("the Benghazi hospital" in a story naming Libya is Benghazi's)."""
    if not holder.country or region.country != holder.country:
        return bool(holder.country)
    return holder.kind in ("city", "village", "facility") and region.admin1_gn != holder.admin1_gn


def _abroad(place: Place, holder: Place) -> bool:
    """Whether a town reading lies in another country than the holder, and not by it: "the
    Qalandiya checkpoint near Jerusalem" is by the village of the name, across the line."""
    return bool(holder.country) and place.country != holder.country and \
        flat_km(place.lat, place.lon, holder.lat, holder.lon) > TOWN_KM


def _facility(gaz: Gazetteer, span: Span, text: str, end: int) -> int | None:
    """The gazetteer's facility named by the span with its head, with or without the article
    written before it."""
    start = span.start
    article = _ARTICLE_BEFORE.search(text, max(0, start - 4), start)
    names = [text[start:end]] + ([text[article.start():end]] if article else [])
    for name in names:
        for entry, _ in gaz.candidates(key(name)):
            if gaz.kind[entry] == _FACILITY:
                return entry
    return None


def _holder(spans: list[Span], text: str, i: int, places: dict[int, Place]) -> Place | None:
    """The nearest place the sentence of span ``i`` names after it ("the X camp in Gaza City"),
    else before it, that is no facility-headed name itself."""
    best, rank = None, (2, SENTENCE_GAP + 1)
    for j, place in places.items():
        if j == i or place is None or place.kind == "demonym" or _HEAD.match(text, spans[j].end):
            continue
        between = sentence_gap(spans, text, i, j, SENTENCE_END)
        if between is not None and between <= SENTENCE_GAP and (j < i, between) < rank:
            best, rank = place, (j < i, between)
    return best
