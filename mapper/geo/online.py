"""The optional online geocoder: geopy's Nominatim behind mapper's geocoder interface.

Off by default: nothing here touches the network unless a caller builds an
:class:`OnlineGeocoder` (``make_geocoder("nominatim")``) and asks it to geocode.
Constructing one does no I/O at all; the geopy client and the on-disk cache are
created on first use.

Answers are kept in a small SQLite file keyed on (provider, normalised query,
country, exactly_one).  A definitive "no result" from the service is an answer and
is cached; an error never is.  Requests go through geopy's ``RateLimiter`` (one per
second by default, Nominatim's usage policy).  Timeouts, HTTP 429 (honouring
Retry-After), 5xx and malformed answers are retried with exponential backoff; after
the last attempt the geocoder raises :class:`~mapper.errors.GeocoderError` with a
one-line message, or, given a ``fallback`` geocoder, warns and returns its answer.
"""
from __future__ import annotations

import json
import os
import time
import unicodedata
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from geopy import exc as gexc
from geopy.extra.rate_limiter import RateLimiter

from mapper import __version__
from mapper.errors import ConfigError, GeocoderError
from mapper.geo.answer_cache import AnswerCache, check_record
from mapper.geo.gazetteer import cache_dir
from mapper.model import Place

CACHE_FILE = "online-geocoder.sqlite"
USER_AGENT = f"mapper/{__version__} (conflict-news mapper; python-geopy)"
KINDS = ("offline", "nominatim")

# Errors the same request will hit again: fail at once.  (GeocoderRateLimited is a
# GeocoderQuotaExceeded, but it says "come back later", so it is retried.)
_PERMANENT = (gexc.GeocoderQueryError, gexc.GeocoderAuthenticationFailure,
              gexc.GeocoderInsufficientPrivileges, gexc.GeocoderQuotaExceeded)

# Nominatim ``addresstype``/``type`` values that name an area rather than a settlement.
_COUNTRY_TYPES = frozenset({"country"})
_ADMIN1_TYPES = frozenset({"state", "province", "region"})
_AREA_TYPES = frozenset({"county", "state_district", "district", "continent", "sea", "ocean",
                         "bay", "strait", "peninsula", "archipelago"})


class Geocoder(Protocol):
    """What every mapper geocoder back end offers."""

    def geocode(self, query: str, *, country: str | None = None, exactly_one: bool = True) -> Any:
        """Geocode one place name."""


@dataclass(frozen=True)
class OnlineLocation:
    """One answer of the online geocoder, keeping the service's raw record.

    ``name`` is the place's own name (Nominatim's ``name``, else the first part of
    ``display_name``), ``country`` an upper-case ISO 3166-1 alpha-2 code or ``""``.
    """

    name: str
    lon: float
    lat: float
    country: str
    raw: Mapping[str, Any] = field(hash=False, repr=False)

    @property
    def address(self) -> str:
        """The service's full display name (geopy's ``Location.address``)."""
        return str(self.raw.get("display_name") or self.name)

    @property
    def latitude(self) -> float:
        """geopy's name for ``lat``."""
        return self.lat

    @property
    def longitude(self) -> float:
        """geopy's name for ``lon``."""
        return self.lon

    def to_place(self) -> Place:
        """This answer as a :class:`~mapper.model.Place` (no GeoNames id, no admin-1 code)."""
        kind = _kind(self.raw)
        return Place(name=self.name, lon=self.lon, lat=self.lat, country=self.country,
                     admin1_gn=None, kind=kind, geonameid=None,
                     geo_precision=1 if kind == "city" else 3)


def _kind(raw: Mapping[str, Any]) -> str:
    # addresstype is Nominatim's own summary of what the place is; without it, fall back
    # to type, then to the boundary's place_rank (4 country, 8 state, 12 county, 16+ towns).
    label = raw.get("addresstype") or raw.get("type")
    if label in _COUNTRY_TYPES:
        return "country"
    if label in _ADMIN1_TYPES:
        return "admin1"
    if label in _AREA_TYPES:
        return "region"
    rank = raw.get("place_rank")
    if not raw.get("addresstype") and raw.get("class") == "boundary" and isinstance(rank, int) and rank < 16:
        return "country" if rank <= 4 else "admin1" if rank <= 8 else "region"
    return "city"


class OnlineGeocoder:
    """geopy's Nominatim (or any geopy geocoder) with a persistent cache, rate limit and retries.

    Parameters
    ----------
    geocoder : geopy geocoder, optional
        An object with geopy Nominatim's ``geocode(query, *, exactly_one, timeout,
        country_codes, addressdetails)``.  Default: ``geopy.geocoders.Nominatim``,
        built on first use.
    cache_path : path, optional
        The SQLite cache file; default ``cache_dir() / "online-geocoder.sqlite"``.
    provider : str, optional
        Cache namespace; default ``"nominatim"`` or the injected geocoder's class name.
    fallback : Geocoder, optional
        Asked instead (with a warning) when the service fails; its answers are not cached.
    min_delay : float
        Seconds between requests (geopy ``RateLimiter``); Nominatim's policy is 1.
    attempts : int
        Requests per query before giving up.
    backoff : float
        First retry delay in seconds; it doubles on each retry, capped at ``max_wait``.
    max_wait : float
        The longest wait accepted; a Retry-After beyond it fails at once.
    timeout : float
        Seconds per request.
    user_agent : str
        Sent to Nominatim, whose policy requires one naming the application.
    sleep, clock : callables
        ``time.sleep`` and ``time.monotonic`` unless injected (tests never wait).
    """

    def __init__(self, geocoder: Any = None, *, cache_path: str | os.PathLike[str] | None = None,
                 provider: str | None = None, fallback: Geocoder | None = None,
                 min_delay: float = 1.0, attempts: int = 3, backoff: float = 1.0,
                 max_wait: float = 60.0, timeout: float = 10.0, user_agent: str = USER_AGENT,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if attempts < 1:
            raise ConfigError(f"attempts must be at least 1, got {attempts!r}")
        if min(min_delay, backoff, max_wait, timeout) < 0:
            raise ConfigError("min_delay, backoff, max_wait and timeout must not be negative, got "
                              f"{min_delay!r}, {backoff!r}, {max_wait!r}, {timeout!r}")
        self.cache_path = Path(cache_path) if cache_path is not None else cache_dir() / CACHE_FILE
        self.provider = provider or (type(geocoder).__name__.lower() if geocoder is not None else "nominatim")
        self.fallback = fallback
        self.min_delay, self.attempts, self.backoff = min_delay, attempts, backoff
        self.max_wait, self.timeout, self.user_agent = max_wait, timeout, user_agent
        self._sleep, self._clock = sleep, clock
        self._service = geocoder
        self._limiter: RateLimiter | None = None
        self._answers = AnswerCache(self.cache_path)

    # -- public ---------------------------------------------------------------------------

    @property
    def service(self) -> Any:
        """The wrapped geopy geocoder (building the default Nominatim client makes no request)."""
        if self._service is None:
            from geopy.geocoders import Nominatim  # looked up here so tests can swap it

            self._service = Nominatim(user_agent=self.user_agent, timeout=self.timeout)
        return self._service

    def geocode(self, query: str, *, country: str | None = None,
                exactly_one: bool = True) -> OnlineLocation | list[OnlineLocation] | None:
        """Geocode one place name, from the cache when it has the answer.

        Parameters
        ----------
        query : str
            The place name (or free-form address).
        country : str, optional
            ISO 3166-1 alpha-2 code restricting the search.
        exactly_one : bool
            Return the best answer (or None) rather than a list (possibly empty).

        Returns
        -------
        OnlineLocation or None, or list of OnlineLocation
            Or, when the service failed and a ``fallback`` is set, the fallback's answer.

        Raises
        ------
        ConfigError
            If ``query`` is blank or ``country`` is not a two-letter code.
        GeocoderError
            If the service or the cache failed and there is no ``fallback``.
        """
        text, norm, country = _check(query, country)
        try:
            records = self._lookup(text, norm, country, exactly_one)
        except GeocoderError as exc:
            if self.fallback is None:
                raise
            warnings.warn(f"{exc}; using the offline answer", RuntimeWarning, stacklevel=2)
            return self.fallback.geocode(query, country=country, exactly_one=exactly_one)
        found = [_location(r) for r in records]
        if exactly_one:
            return found[0] if found else None
        return found

    def close(self) -> None:
        """Close the cache file (a later ``geocode`` reopens it)."""
        self._answers.close()

    def __enter__(self) -> "OnlineGeocoder":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the request ----------------------------------------------------------------------

    def _lookup(self, text: str, norm: str, country: str | None, exactly_one: bool) -> list[dict]:
        key = (self.provider, norm, country or "", int(exactly_one))
        cached = self._answers.get(key)
        if cached is not None:
            return cached
        records = self._fetch(text, country, exactly_one)
        self._answers.put(key, records)
        return records

    def _fetch(self, text: str, country: str | None, exactly_one: bool) -> list[dict]:
        delay = self.backoff
        for attempt in range(1, self.attempts + 1):
            try:
                return _records(self._call(text, country, exactly_one), country)
            except gexc.GeopyError as exc:
                if not _retryable(exc) or attempt == self.attempts:
                    raise GeocoderError(self._failed(text, attempt, exc)) from exc
                self._sleep(self._wait(text, attempt, exc, delay))
                delay *= 2
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _wait(self, text: str, attempt: int, exc: gexc.GeopyError, delay: float) -> float:
        retry_after = getattr(exc, "retry_after", None)
        if retry_after is None:
            return min(delay, self.max_wait)
        if retry_after > self.max_wait:
            raise GeocoderError(f"{self._failed(text, attempt, exc)}; the service asks to wait "
                                f"{retry_after:g} s, more than max_wait {self.max_wait:g} s") from exc
        return max(min(delay, self.max_wait), float(retry_after))

    def _call(self, text: str, country: str | None, exactly_one: bool) -> Any:
        if self._limiter is None:
            self._limiter = _Limiter(self.service.geocode, min_delay_seconds=self.min_delay,
                                     sleep=self._sleep, clock=self._clock)
        kwargs: dict[str, Any] = {"exactly_one": exactly_one, "timeout": self.timeout,
                                  "addressdetails": True}
        if country:
            kwargs["country_codes"] = country.lower()
        try:
            return self._limiter(text, **kwargs)
        except gexc.GeopyError:
            raise
        except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
            # geopy's parsers assume the JSON has the documented shape; anything else
            # from inside the call is the service's malformed answer.
            raise gexc.GeocoderParseError(f"malformed answer: {type(exc).__name__}: {exc}") from exc

    def _failed(self, text: str, attempt: int, exc: BaseException) -> str:
        detail = " ".join(str(exc).split())[:200] or "no detail"
        tries = "attempt" if attempt == 1 else "attempts"
        return (f"online geocoder {self.provider} failed on {text!r} after {attempt} {tries}: "
                f"{type(exc).__name__}: {detail}")


class _Limiter(RateLimiter):
    """geopy's RateLimiter with injectable sleep and clock, and no retries of its own."""

    def __init__(self, func: Callable[..., Any], *, min_delay_seconds: float,
                 sleep: Callable[[float], None], clock: Callable[[], float]) -> None:
        # Retries live in OnlineGeocoder so that Retry-After and the backoff are honoured.
        super().__init__(func, min_delay_seconds=min_delay_seconds, max_retries=0,
                         error_wait_seconds=min_delay_seconds, swallow_exceptions=False)
        self._sleep_fn, self._clock_fn = sleep, clock

    def _sleep(self, seconds: float) -> None:
        self._sleep_fn(seconds)

    def _clock(self) -> float:
        return self._clock_fn()


def _retryable(exc: Exception) -> bool:
    # Timeouts, 5xx, unreachable hosts, malformed answers and 429 may pass; the rest won't.
    if isinstance(exc, gexc.GeocoderRateLimited):
        return True
    return isinstance(exc, gexc.GeocoderServiceError) and not isinstance(exc, _PERMANENT)


def _check(query: object, country: object) -> tuple[str, str, str | None]:
    if not isinstance(query, str) or not query.strip():
        raise ConfigError(f"geocode needs a non-blank place name, got {query!r}")
    if country is not None and not (isinstance(country, str) and len(country) == 2
                                    and country.isascii() and country.isalpha()):
        raise ConfigError(f"country must be an ISO 3166-1 alpha-2 code such as 'UA', got {country!r}")
    text = " ".join(unicodedata.normalize("NFC", query).split())
    return text, text.casefold(), country.upper() if country else None


def _records(answer: Any, country: str | None) -> list[dict]:
    """geopy's answer (None, a Location or a list of them) as plain cacheable records."""
    found = [] if answer is None else answer if isinstance(answer, list) else [answer]
    try:
        return [_record(loc, country) for loc in found]
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise gexc.GeocoderParseError(f"malformed answer: {exc}") from exc


def _record(loc: Any, country: str | None) -> dict:
    raw = loc.raw
    if not isinstance(raw, Mapping):
        raise TypeError(f"raw record is {type(raw).__name__}, not a JSON object")
    address = raw.get("address")
    code = address.get("country_code") if isinstance(address, Mapping) else None
    label = raw.get("name") or str(loc.address or "").split(",")[0].strip()
    record = {"name": str(label), "lon": loc.longitude, "lat": loc.latitude,
              "country": str(code).upper() if code else (country or ""), "raw": dict(raw)}
    json.dumps(record)  # the cache must be able to store it
    return check_record(record)


def _location(record: dict) -> OnlineLocation:
    return OnlineLocation(record["name"], record["lon"], record["lat"], record["country"], record["raw"])


def make_geocoder(kind: str, **options: Any) -> OnlineGeocoder | None:
    """The geocoder a ``--geocoder`` option names.

    Parameters
    ----------
    kind : {"offline", "nominatim"}
        ``"offline"`` (the default everywhere) means no online geocoder: returns None.
    **options
        Passed to :class:`OnlineGeocoder`.

    Raises
    ------
    ConfigError
        If ``kind`` is not one of :data:`KINDS`.
    """
    if kind == "offline":
        return None
    if kind == "nominatim":
        return OnlineGeocoder(**options)
    raise ConfigError(f"unknown geocoder {kind!r}; choose one of {', '.join(KINDS)}")
