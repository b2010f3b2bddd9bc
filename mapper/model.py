"""Records that flow between mapper's stages.

Every record is a frozen dataclass.  Coordinates are ``(lon, lat)`` in WGS84.
Offsets are Python code-point offsets into ``Article.text`` (or into
``Article.title`` for clauses whose ``part`` is ``"title"``).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Our incident types, in display order.
INCIDENT_TYPES: tuple[str, ...] = (
    "drone_strike",
    "missile_strike",
    "air_strike",
    "shelling",
    "ground_fighting",
    "sabotage",
    "explosion",
    "diplomatic",
    "other",
)
#: The "strike" family: what the map counts per city.
STRIKE_TYPES: frozenset[str] = frozenset({"drone_strike", "missile_strike", "air_strike", "shelling"})

#: Our type -> (ACLED event_type, ACLED sub_event_type).
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "drone_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "missile_strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "air_strike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "ground_fighting": ("Battles", "Armed clash"),
    "sabotage": ("Strategic developments", "Other"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "diplomatic": ("Strategic developments", "Agreement"),
    "other": ("Strategic developments", "Other"),
}


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from the input."""

    id: str
    text: str
    title: str = ""
    published: dt.date | None = None
    url: str | None = None
    source: str = ""  # file name (and line) it came from, for messages


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date or range of dates with ACLED's time precision (1 day, 2 week, 3 vaguer)."""

    start: dt.date
    end: dt.date
    precision: int = 1

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"date range ends before it starts: {self.start} > {self.end}")


@dataclass(frozen=True, slots=True)
class Clause:
    """A sentence or timeline bullet, with its span in the article."""

    article_id: str
    start: int
    end: int
    text: str
    part: str = "body"  # "body" or "title"
    bullet_date: DateSpan | None = None  # the date a timeline bullet opens with


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name as written, with its span (article offsets)."""

    name: str
    start: int
    end: int
    part: str = "body"


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place."""

    name: str
    lon: float
    lat: float
    country: str  # ISO 3166-1 alpha-2
    admin1_gn: str | None  # GeoNames admin1 code, e.g. "UA.12"
    kind: str  # "city", "admin1", "country", "region", "village", "facility" ("demonym" in geoparse output)
    geonameid: int | None = None
    population: int = 0
    geo_precision: int = 1
    score: float = 1.0
    # the GeoNames id of its admin-1 region (the region's own for an admin1): derived from
    # admin1_gn, so it takes no part in equality (a record read back from the store lacks it)
    admin1_geonameid: int | None = field(default=None, compare=False)

    @property
    def spot(self) -> tuple[str, float, float]:
        """The place itself, whatever the score or precision it was resolved with: two
        mentions of one town compare equal here though their records may differ."""
        return (self.name, self.lon, self.lat)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with its resolution (``place`` None when unresolved, with ``reason``)."""

    mention: Mention
    place: Place | None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """Where an incident was reported."""

    article_id: str
    title: str
    url: str | None
    published: dt.date | None
    text: str


@dataclass(frozen=True, slots=True)
class Incident:
    """One incident at one place, with its sources."""

    type: str
    date_start: dt.date
    date_end: dt.date
    time_precision: int
    place: Place
    place_text: str
    geo_precision: int
    sources: tuple[Source, ...]
    actor: str | None = None
    killed: int | None = None
    injured: int | None = None
    admin1: str | None = None  # English region name
    admin1_code: str | None = None  # ISO 3166-2
    admin2: str | None = None  # English name of the second-level unit, where mapper has one
    admin2_code: str | None = None  # its ISO 3166-2 code (Palestine's governorates: "PS-KYS")
    id: str = ""

    @property
    def strike(self) -> bool:
        return self.type in STRIKE_TYPES


@dataclass(frozen=True, slots=True)
class Unplaced:
    """An incident the text states but mapper could not put on the map."""

    type: str
    date_start: dt.date
    date_end: dt.date
    place_text: str
    reason: str
    source: Source
    actor: str | None = None


@dataclass
class RunResult:
    """What a pipeline run returns."""

    incidents: list[Incident] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    articles: int = 0
    cached: int = 0  # articles whose extraction came from the incremental store
    skipped: list[str] = field(default_factory=list)
