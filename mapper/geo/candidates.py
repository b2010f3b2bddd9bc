"""Candidates of a place mention: the gazetteer entries its name can mean, with priors.

A prior is ``1.5 * log10(population)`` (countries and regions carry pseudo-populations),
plus a bonus for the entry's main name over an alternate one (old names such as
"Pokrovsk" for Engels lose to the current bearer; a spelling of the main name in another
transliteration, "Jenin" for "Janīn", is the main name), for the hand-kept alias table's
choice, and for a region word after the name: "Kharkiv region" is the oblast, "Moscow
region" Moscow Oblast rather than the federal city, "Dnepropetrovsk Region" the oblast
its big namesake city heads, "Walker County" the US counties.  A key's candidates with
their priors, and how well known a key is as a place name, depend on nothing else: both
are computed once per process (:meth:`Gazetteer.memo`).
"""
from __future__ import annotations

import csv
import functools
import math
import re

from mapper.geo.spans import Span
from mapper.geo.gazetteer import KINDS, Gazetteer, data_dir
from mapper.geo.names import key as key_of, region_named

CITY, ADMIN1, COUNTRY, REGION, _VILLAGE = (KINDS.index(k) for k in ("city", "admin1", "country", "region", "village"))
STRONG_POPULATION = 100_000
#: pseudo-population of a named region, sea or continent (mapper.geo.build): such names are well known
_NAMED_REGION_POP = 1_000_000
#: prior weights (fitted on the tune halves, see mapper.geo.resolve): per decade of population,
#: for the entry's main name, for the alias table's choice
POP_WEIGHT, MAIN_BONUS, ALIAS_BONUS = 1.25, 2.5, 4.5
#: a town's loss when a region word follows its name and a region of that name exists elsewhere
REGION_WORD_CITY = 4.0
#: towns under this many people that share the name of a region of no country (a world
#: region, a sea, the EU) are that name's reading only when the text qualifies them
HAMLET_POP = 10_000


#: a candidate of a name key with its prior: (entry, prior, country, admin1, admin1 or "", is a city or county)
Cand = tuple[int, float, str, "str | None", str, bool]


_REGION_SUFFIXES = ("oblast", "region", "province", "state", "governorate", "krai")
_REGION_SPAN_WORDS = frozenset({"oblast", "region", "province", "state", "governorate", "krai", "kray", "oblasts",
                                "regions", "provinces", "states", "governorates"})
_SEAT_POP = 100_000
#: the last word of a US county's name (data/us_counties.csv; kind "region")
COUNTY_WORDS = frozenset({"county", "parish", "borough"})
COUNTY_SPAN_WORDS = frozenset({"county", "counties"})  # "Walker County", "DeKalb and Gwinnett counties"
#: region words that name a second-level unit ("Masisi territory", "Tyre District", "Sinja locality")
#: ... in the plural, shared by the names of a list ("Rutshuru and Masisi territories")
_SHARED_DISTRICT_WORDS = frozenset({"districts", "territories", "localities", "raions", "rayons", "townships",
                                    "municipalities"})
DISTRICT_WORDS = frozenset({"district", "territory", "locality", "raion", "rayon", "township", "municipality"}) \
    | _SHARED_DISTRICT_WORDS
#: a second-level unit's gain when such a word follows its name: it outweighs a town of 100,000
#: people (the town's prior, 1.25 x 5 + its main-name bonus), not an admin-1 region's region word
DISTRICT_BONUS = 8.0
_REGION_NAME_WORDS = frozenset({"oblast", "region", "province", "state", "governorate", "krai", "kray", "division",
                                "prefecture", "county"})


def priors(gaz: Gazetteer, pairs: list[tuple[int, bool]], span: Span) -> list[float]:
    """The prior of each ``(entry, is_main_name)`` pair of a span's name (what the span
    contributes, its alias and region word, is read once for all of them)."""
    word = span.region_word
    alias = None if word else gaz.aliases.get(span.key)  # the alias table names towns: "Kharkiv region" is not the town
    # a bare "Sumy" is the city; the oblast needs "region" or "oblast"
    bare_admin1 = not word and not region_named(span.key)
    population, kinds, log10 = gaz.population, gaz.kind, math.log10
    out = []
    for entry, main in pairs:
        score = POP_WEIGHT * log10(population[entry] + 10)
        if main:
            score += MAIN_BONUS
        if alias == entry:
            score += ALIAS_BONUS
        if word:
            score = _region_word_prior(gaz, entry, word, score)
        elif bare_admin1 and kinds[entry] == ADMIN1 and not main:
            score -= 2.0
        out.append(score)
    return out


def _region_word_prior(gaz: Gazetteer, entry: int, word: str, score: float) -> float:
    """``score`` with what a region word after the name says of ``entry``."""
    kind = gaz.kind[entry]
    if word == "city":
        if kind == CITY:
            score += 4.0  # "Aleppo city" is the town, not the governorate of that name
    elif word in COUNTY_SPAN_WORDS and is_county(gaz, entry):
        score += 4.0  # "Walker County" is the county, as "Kharkiv region" is the oblast
    elif kind == ADMIN1:
        score += 4.0
        if not _REGION_NAME_WORDS.isdisjoint(gaz.names[entry].lower().split()):
            score += 1.0  # "Moscow Oblast" over the federal city "Moscow"
        if gaz.admin1[entry] in unit_types().get(_TYPED_UNIT_WORDS.get(word, ""), ()):
            score += 1.0  # "Punjab province" is Pakistan's province, "Punjab state" India's state
    elif kind == COUNTRY:
        score -= 3.0
    elif kind == REGION and word in DISTRICT_WORDS and is_district(gaz, entry):
        score += DISTRICT_BONUS
    elif kind == CITY and word in _REGION_SPAN_WORDS:
        score -= REGION_WORD_CITY  # "the Donetsk region" is Ukraine's oblast, not a Russian town of that name
    return score


def world_namesakes(gaz: Gazetteer, span: Span) -> frozenset[int]:
    """The hamlets among a name's candidates when the name is also that of a region of no
    country: "the Middle East" in a story naming Washington is not Middle East, Maryland,
    which the article's country votes would favour (a world region has no country to share
    them); "Middle East, Md." still is (see :func:`mapper.geo.pick.pick`).  Memoised
    per key and region word, as the candidates are."""
    memo = gaz.memo("resolve.hamlets")
    slot = (span.key, word_slot(span))
    found = memo.get(slot)
    if found is None:
        found = memo[slot] = _world_namesakes(gaz, candidates(gaz, span)[0])
    return found


def _world_namesakes(gaz: Gazetteer, cands: tuple[Cand, ...]) -> frozenset[int]:
    if not any(gaz.kind[e] == REGION and not gaz.country[e] for e, *_ in cands):
        return frozenset()
    return frozenset(e for e, *_ in cands if gaz.kind[e] == CITY and gaz.population[e] < HAMLET_POP)


#: region words that say which kind of first-level unit a name is, and the kind (``admin1.csv``'s ``type_en``)
_TYPED_UNIT_WORDS = {"state": "State", "states": "State", "province": "Province", "provinces": "Province",
                     "governorate": "Governorate", "governorates": "Governorate"}


@functools.lru_cache(maxsize=1)
def unit_types() -> dict[str, frozenset[str]]:
    """Per kind of first-level unit ("State", "Province", "Governorate"), the GeoNames admin-1 codes of the regions
    of that kind (``data/admin1.csv``'s ``type_en``, from Natural Earth; "Administrative State" is a state); empty
    when the file is absent."""
    path = data_dir() / "admin1.csv"
    if not path.is_file():
        return {}
    out: dict[str, set[str]] = {}
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            kind = "State" if row["type_en"] == "Administrative State" else row["type_en"]
            if kind in _TYPED_UNIT_WORDS.values() and row["gn_code"]:
                out.setdefault(kind, set()).add(row["gn_code"])
    return {k: frozenset(v) for k, v in out.items()}


def word_slot(span: Span) -> str:
    """What the word after a name says of it: "" nothing, "city" the town, "county" a county,
    "region" a region (oblast, region, krai; "region:State", "region:Province", "region:Governorate"
    for the words that say which kind of unit: "Punjab province" and "Punjab state" are two
    regions), "other" another region word.  Candidates and priors are memoised per slot, so
    words that change them must not share one: "Washington County" once made every later
    "Washington state" of the process a county."""
    word = span.region_word
    if not word:
        return ""
    if word == "city":
        return "city"
    if word in COUNTY_SPAN_WORDS:
        return "county"
    if word in _TYPED_UNIT_WORDS:
        return "region:" + _TYPED_UNIT_WORDS[word]  # its own slot: the kind of unit changes the priors
    return "region" if word in _REGION_SPAN_WORDS else "other"


def is_district(gaz: Gazetteer, entry: int) -> bool:
    """A second-level unit of ``admin2_units.csv`` (a region of one country with no population)."""
    return gaz.kind[entry] == REGION and gaz.population[entry] == 0 and bool(gaz.country[entry])


def is_named_region(gaz: Gazetteer, entry: int) -> bool:
    """A region of ``named_regions.csv`` ("Donbas", "the Bekaa Valley"; its pseudo-population)."""
    return gaz.kind[entry] == REGION and gaz.population[entry] >= _NAMED_REGION_POP


def is_county(gaz: Gazetteer, entry: int) -> bool:
    return gaz.kind[entry] == REGION and gaz.names[entry].rsplit(" ", 1)[-1].lower() in COUNTY_WORDS


def candidates(gaz: Gazetteer, span: Span) -> tuple[tuple[Cand, ...], tuple[int, ...]]:
    """The candidates of a span's key with their priors, and the admin-1 entries among
    them that contain a candidate city of the same name (a bare "Sumy" is the city).

    A prior depends on the span only through its key and whether a region word ("city"
    or another) follows, so both are computed once per process for each such pair.
    """
    memo = gaz.memo("resolve.candidates")
    slot = (span.key, word_slot(span))
    found = memo.get(slot)
    if found is None:
        found = memo[slot] = _priced(gaz, _pairs(gaz, span), span)
    return found


def _pairs(gaz: Gazetteer, span: Span) -> list[tuple[int, bool]]:
    """The ``(entry, is_main_name)`` pairs a span's name and region word can mean."""
    pairs = list(gaz.candidates(span.key))
    if " " in span.key and pairs and all(gaz.kind[e] == REGION for e, _ in pairs):
        # a town the gazetteer writes as one word, named in two ("Laas Caanood" for Laascaanood): only units of the
        # two-word name (its district) are no reason to miss the town
        joined = span.key.replace(" ", "")
        if len(joined) >= JOINED_MIN:
            pairs += [(e, True) for e, _ in gaz.candidates(joined) if gaz.kind[e] == CITY]
    if any(not main for _, main in pairs):
        # a town's name in another transliteration of its main name ("Jenin" for GeoNames' "Janīn",
        # "Tulkarem" for "Ţūlkarm") is its main name, not an old or other name (Pokrovsk for Engels)
        bare = _consonants(span.key)
        if len(bare) >= _SKELETON_MIN:  # not "Tole" for Spain's "Taulé": two letters say too little
            pairs = [(e, main or (gaz.kind[e] == CITY and _consonants(key_of(gaz.names[e])) == bare))
                     for e, main in pairs]
    if span.region_word in _REGION_SPAN_WORDS:
        # "Moscow region" is Moscow Oblast, whose names all carry the region word
        seen = {e for e, _ in pairs}
        for word in _REGION_SUFFIXES:
            for entry, _ in gaz.candidates(f"{span.key} {word}"):
                if entry not in seen and gaz.kind[entry] == ADMIN1:
                    pairs.append((entry, True))
                    seen.add(entry)
        # "Dnepropetrovsk region": the region a big city of that (old) name is the seat of
        for entry, main in list(pairs):
            region = gaz.admin1_entry.get(gaz.admin1[entry] or "")
            named = main or gaz.aliases.get(span.key) == entry  # not Engels, once called Pokrovsk
            if named and gaz.kind[entry] == CITY and gaz.population[entry] >= _SEAT_POP \
                    and region is not None and region not in seen:
                pairs.append((region, False))
                seen.add(region)
    elif span.region_word in COUNTY_SPAN_WORDS:
        # "Walker" + "County" when the recogniser matched only "Walker": the counties of that name
        seen = {e for e, _ in pairs}
        pairs.extend((e, True) for e, _ in gaz.candidates(f"{span.key} county")
                     if e not in seen and is_county(gaz, e))
    return pairs


def _consonants(name_key: str) -> str:
    """A name key without its vowels and separators: transliterations of one name agree on it."""
    return _VOWELS.sub("", name_key)


#: the shortest name written as one word that a name in several words is read as ("Dogu Beyazit" as Dogubeyazit)
JOINED_MIN = 6
_VOWELS = re.compile(r"[aeiouy\s'-]+")
_SKELETON_MIN = 3


def _priced(gaz: Gazetteer, pairs: list[tuple[int, bool]], span: Span) -> tuple[tuple[Cand, ...], tuple[int, ...]]:
    """The candidates of ``pairs`` with their priors, and the admin-1 entries among them that
    contain a candidate city (see :func:`candidates`); one pass over the pairs."""
    kinds, countries, admin1s = gaz.kind, gaz.country, gaz.admin1
    cands = []
    towns_in, cities_in = set(), set()  # the countries of its towns and regions; the admin-1 codes of its cities
    for (entry, _), score in zip(pairs, priors(gaz, pairs, span)):
        kind, country, code = kinds[entry], countries[entry], admin1s[entry]
        # a county, like a town, takes the bonus of its state named in the article (Walker County AL/GA/TX)
        cands.append((entry, score, country, code, code or "", kind == CITY or is_county(gaz, entry)))
        if kind == CITY or kind == _VILLAGE or kind == ADMIN1:
            towns_in.add(country)
            if kind == CITY:
                cities_in.add(code)
    if not span.region_word or span.region_word in _SHARED_DISTRICT_WORDS:
        # a bare name is the town (or admin-1 region) before the district of its country; so is a name that shares a
        # list's plural unit word ("Maungdaw, Buthidaung and Mrauk-U townships": the towns; "Rutshuru and Masisi
        # territories": Rutshuru, and the territory of Masisi, which has no town of its name)
        cands = [c for c in cands if c[2] not in towns_in or not is_district(gaz, c[0])]
    # (a district is no city nor admin-1 region: the filter leaves both sets as they are)
    shadowed = tuple(c[0] for c in cands if kinds[c[0]] == ADMIN1 and c[3] in cities_in)
    return tuple(cands), shadowed


def name_strength(gaz: Gazetteer, cands: tuple[tuple[int, bool], ...], key: str) -> int:
    """How well known a name is as a place (memoised per key: it depends on nothing else).

    2: a country, an alias-table name, a named region or sea, or the main name of a city of
    a million; 1: a region's name (a county, department or province too) or the main name
    of a large town; 0: anything else.
    """
    memo = gaz.memo("resolve.strength")
    level = memo.get(key)
    if level is None:
        level = memo[key] = _strength_of(gaz, cands, key)
    return level


def _strength_of(gaz: Gazetteer, cands: tuple[tuple[int, bool], ...], key: str) -> int:
    if key in gaz.aliases:
        return 2
    level = 0
    for entry, main in cands:
        kind, pop = gaz.kind[entry], gaz.population[entry]
        if kind == REGION and not pop and gaz.country[entry]:
            continue  # a district (admin2_units.csv) makes no name better known: GeoNames has thousands
        if kind == COUNTRY or (kind == REGION and pop >= _NAMED_REGION_POP) or \
                (kind == CITY and main and pop >= 1_000_000):
            return 2  # counties, departments and provinces (small pseudo-populations) are not that well known
        if kind == REGION:
            level = 1
        if kind == ADMIN1 and main and gaz.common.get(key, 0.0) < 5.0:
            return 2  # "Minnesota", "Kharkiv Oblast"; not "Western", "Central"
        if (kind == ADMIN1 and (main or region_named(key))) or (kind == CITY and main and pop >= STRONG_POPULATION) \
                or (kind == CITY and pop >= 1_000_000):
            level = 1
    return level


def flat_km(lat: float, lon: float, lat2: float, lon2: float) -> float:
    """Distance in km on a flat earth scaled at ``lat``: enough for "within tens of km"."""
    return math.hypot(lat2 - lat, (lon2 - lon) * math.cos(math.radians(lat))) * 111.2


def together(gaz: Gazetteer, spans: list[Span], groups: dict[tuple[str, bool], list[int]]) -> dict[int, float]:
    """A bonus for the county and town candidates of an article that lie together: local
    news names a town and its county ("Huntsville" and "Walker County": Huntsville, Texas,
    in Walker County, Texas, though Huntsville, Alabama is larger).  Empty for an
    article that names no county, which then resolves as before.

    The bonus stays whatever the partner's own name resolves to: made conditional on
    it, pairs such as Paris, Tennessee and Henry County flip back and forth between
    passes, and LGL and WikToR scored lower.
    """
    firsts = [spans[members[0]] for members in groups.values()]
    counties = [(span.key, e) for span in firsts
                if span.key.rsplit(" ", 1)[-1] in COUNTY_WORDS or span.region_word in COUNTY_SPAN_WORDS
                for e, *_ in candidates(gaz, span)[0] if is_county(gaz, e)]
    out: dict[int, float] = {}
    if not counties:
        return out
    # towns by whole degree of latitude: a county looks at the bands within a degree of it only
    # (an article naming a common county and a common town paired thousands of candidates)
    bands: dict[int, list[tuple[str, int]]] = {}
    for span in firsts:
        for band, town in _town_bands(gaz, span):
            bands.setdefault(band, []).append((span.key, town))
    for name, county in counties:
        lat, lon = gaz.lat[county], gaz.lon[county]
        band = math.floor(lat)
        for near in range(band - 2, band + 3):  # a margin of a band beyond the degree: rounding never matters
            for other, town in bands.get(near, ()):
                if other != name and abs(gaz.lat[town] - lat) < 1.0 and \
                        flat_km(lat, lon, gaz.lat[town], gaz.lon[town]) < TOGETHER_KM:
                    out[county] = out[town] = TOGETHER_BONUS
    return out


def _town_bands(gaz: Gazetteer, span: Span) -> tuple[tuple[int, int], ...]:
    """The town candidates of a span's name that may lie with a county, each with its whole
    degree of latitude (memoised as its candidates are)."""
    memo = gaz.memo("together.towns")
    slot = (span.key, word_slot(span))
    found = memo.get(slot)
    if found is None:
        # a hamlet's name is often a surname ("Hartmann" beside "Franklin County"): partners have people
        found = memo[slot] = tuple((math.floor(gaz.lat[e]), e) for e, *_ in candidates(gaz, span)[0]
                                   if gaz.kind[e] == CITY and gaz.population[e] >= TOGETHER_MIN_POP)
    return found


TOGETHER_KM, TOGETHER_BONUS = 40.0, 6.0
#: the least population of a town that lies together with a county
TOGETHER_MIN_POP = 0
