"""The optional online geocoder, with fake geocoders and a fake HTTP transport (never the network)."""
from __future__ import annotations

import json
import socket
import sqlite3
import warnings
from collections.abc import Callable, Iterator
from contextlib import closing
from email.message import Message
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import geopy.geocoders
import pytest
from geopy import exc as gexc
from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.location import Location

from mapper.errors import ConfigError, GeocoderError
from mapper.geo.online import USER_AGENT, OnlineGeocoder, OnlineLocation, make_geocoder
from mapper.model import Place

KYIV_RAW = {"place_id": 1, "lat": "50.4500336", "lon": "30.5241361", "name": "Kyiv",
            "display_name": "Kyiv, Ukraine", "class": "boundary", "type": "administrative",
            "addresstype": "city", "place_rank": 16,
            "address": {"city": "Kyiv", "country": "Ukraine", "country_code": "ua"}}
KYIV = OnlineLocation("Kyiv", 30.5241361, 50.4500336, "UA", KYIV_RAW)
CALL = {"exactly_one": True, "timeout": 10.0, "addressdetails": True}


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Refuse every DNS lookup and socket connection; the list records the attempts."""
    attempts: list[tuple] = []

    def refuse(*args: Any, **kwargs: Any) -> None:
        attempts.append(args)
        raise OSError("network disabled in tests")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def location(raw: dict) -> Location:
    return Location(raw["display_name"], (float(raw["lat"]), float(raw["lon"])), raw)


class FakeNominatim:
    """Answers (or raises) from a script, one item per call, and records the calls."""

    def __init__(self, *script: Any) -> None:
        self.script = list(script)
        self.calls: list[tuple[str, dict]] = []

    def geocode(self, query: str, **kwargs: Any) -> Any:
        self.calls.append((query, kwargs))
        if not self.script:
            raise AssertionError(f"unexpected call for {query!r}")  # never caught by the geocoder
        item = self.script.pop(0)
        if isinstance(item, BaseException):
            raise item
        return item


class FakeOffline:
    """A stand-in for the offline geocoder used as the fallback."""

    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def geocode(self, query: str, *, country: str | None = None, exactly_one: bool = True) -> Place:
        self.calls.append((query, country, exactly_one))
        return Place("Kharkiv", 36.25, 50.0, "UA", "UA.07", "city", geonameid=706483)


class Sleeps(list):
    """An injected sleep that records instead of waiting, and a clock it advances."""

    now = 1000.0

    def __call__(self, seconds: float) -> None:
        self.append(round(seconds, 6))
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def make(tmp_path: Path, sleeps: Sleeps) -> Iterator[Callable[..., OnlineGeocoder]]:
    """``make(service, **options)``: a geocoder with a temporary cache, no rate limit, fake sleep."""
    made: list[OnlineGeocoder] = []

    def _make(service: Any, **options: Any) -> OnlineGeocoder:
        options.setdefault("cache_path", tmp_path / "cache" / "online.sqlite")
        options.setdefault("min_delay", 0.0)
        made.append(OnlineGeocoder(service, sleep=sleeps, clock=sleeps.clock, **options))
        return made[-1]

    yield _make
    for geo in made:
        geo.close()


def rows(path: Path) -> int:
    with closing(sqlite3.connect(path)) as db:
        return db.execute("SELECT count(*) FROM answers_v1").fetchone()[0]


# -- cache -----------------------------------------------------------------------------------


def test_cache_hit_avoids_a_second_call(make) -> None:
    fake = FakeNominatim(location(KYIV_RAW))
    geo = make(fake)
    assert geo.geocode("Kyiv") == KYIV
    assert geo.geocode("  KYIV ") == KYIV  # the same query once normalised
    assert fake.calls == [("Kyiv", CALL)]


def test_cache_persists_across_instances_including_no_result(make, tmp_path: Path) -> None:
    first = make(FakeNominatim(location(KYIV_RAW), None))
    assert first.geocode("Kyiv") == KYIV
    assert first.geocode("Atlantis") is None
    first.close()
    second = make(FakeNominatim())  # any call would fail the test
    assert second.geocode("kyiv") == KYIV
    assert second.geocode("Atlantis") is None
    assert rows(tmp_path / "cache" / "online.sqlite") == 2


def test_country_and_exactly_one_are_part_of_the_key(make) -> None:
    fake = FakeNominatim(location(KYIV_RAW), [location(KYIV_RAW)], None)
    geo = make(fake)
    assert geo.geocode("Kyiv", country="ua") == KYIV
    assert geo.geocode("Kyiv", country="UA", exactly_one=False) == [KYIV]
    assert geo.geocode("Kyiv", exactly_one=False) == []
    assert fake.calls == [("Kyiv", {**CALL, "country_codes": "ua"}),
                          ("Kyiv", {**CALL, "exactly_one": False, "country_codes": "ua"}),
                          ("Kyiv", {**CALL, "exactly_one": False})]


def test_failures_are_not_cached(make, tmp_path: Path) -> None:
    fake = FakeNominatim(gexc.GeocoderTimedOut("Service timed out"), location(KYIV_RAW))
    geo = make(fake, attempts=1)
    with pytest.raises(GeocoderError):
        geo.geocode("Kyiv")
    assert rows(tmp_path / "cache" / "online.sqlite") == 0
    assert geo.geocode("Kyiv") == KYIV
    assert len(fake.calls) == 2


def test_damaged_row_is_a_miss_and_is_replaced(make, tmp_path: Path) -> None:
    path = tmp_path / "cache" / "online.sqlite"
    make(FakeNominatim(location(KYIV_RAW))).geocode("Kyiv")
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE answers_v1 SET payload = '[{\"name\": \"Kyiv\"'")
    fake = FakeNominatim(location(KYIV_RAW))
    assert make(fake).geocode("Kyiv") == KYIV
    assert len(fake.calls) == 1
    assert make(FakeNominatim()).geocode("Kyiv") == KYIV


def test_corrupted_cache_file_is_moved_aside(make, tmp_path: Path) -> None:
    path = tmp_path / "cache" / "online.sqlite"
    path.parent.mkdir()
    junk = b"this is not an SQLite file\n" * 200
    path.write_bytes(junk)
    geo = make(FakeNominatim(location(KYIV_RAW)))
    with pytest.warns(RuntimeWarning, match=r"online\.sqlite is corrupt .*moved it to .*online\.sqlite\.corrupt"):
        assert geo.geocode("Kyiv") == KYIV
    assert (tmp_path / "cache" / "online.sqlite.corrupt").read_bytes() == junk
    assert rows(path) == 1
    assert make(FakeNominatim()).geocode("Kyiv") == KYIV


# -- retries, rate limits, errors ------------------------------------------------------------


@pytest.mark.parametrize(("retry_after", "waited"), [(7, [7.0]), (0, [1.0])])
def test_429_waits_for_retry_after(make, sleeps: Sleeps, retry_after: int, waited: list[float]) -> None:
    fake = FakeNominatim(gexc.GeocoderRateLimited("Too Many Requests", retry_after=retry_after),
                         location(KYIV_RAW))
    assert make(fake).geocode("Kyiv") == KYIV
    assert sleeps == waited
    assert len(fake.calls) == 2


def test_429_asking_too_long_a_wait_fails_at_once(make, sleeps: Sleeps) -> None:
    fake = FakeNominatim(gexc.GeocoderRateLimited("Too Many Requests", retry_after=3600))
    with pytest.raises(GeocoderError) as err:
        make(fake).geocode("Kyiv")
    assert str(err.value) == ("online geocoder fakenominatim failed on 'Kyiv' after 1 attempt: "
                              "GeocoderRateLimited: Too Many Requests; the service asks to wait 3600 s,"
                              " more than max_wait 60 s")
    assert sleeps == []


def test_timeouts_are_retried_with_backoff_then_a_clear_error(make, sleeps: Sleeps) -> None:
    fake = FakeNominatim(*[gexc.GeocoderTimedOut("Service timed out")] * 3)
    with pytest.raises(GeocoderError) as err:
        make(fake).geocode("Kyiv")
    assert str(err.value) == ("online geocoder fakenominatim failed on 'Kyiv' after 3 attempts: "
                              "GeocoderTimedOut: Service timed out")
    assert isinstance(err.value, RuntimeError)
    assert isinstance(err.value.__cause__, gexc.GeocoderTimedOut)
    assert sleeps == [1.0, 2.0]
    assert len(fake.calls) == 3


def test_backoff_is_capped_by_max_wait(make, sleeps: Sleeps) -> None:
    fake = FakeNominatim(*[gexc.GeocoderUnavailable("down")] * 4, location(KYIV_RAW))
    assert make(fake, attempts=5, backoff=2.0, max_wait=5.0).geocode("Kyiv") == KYIV
    assert sleeps == [2.0, 4.0, 5.0, 5.0]


def test_5xx_is_retried_then_falls_back_to_offline(make, sleeps: Sleeps, tmp_path: Path) -> None:
    fake = FakeNominatim(*[gexc.GeocoderServiceError("Non-successful status code 500")] * 3,
                         location(KYIV_RAW))
    offline = FakeOffline()
    geo = make(fake, fallback=offline)
    with pytest.warns(RuntimeWarning) as caught:
        answer = geo.geocode("Kharkiv", country="ua")
    assert answer == Place("Kharkiv", 36.25, 50.0, "UA", "UA.07", "city", geonameid=706483)
    assert offline.calls == [("Kharkiv", "UA", True)]
    assert [str(w.message) for w in caught] == [
        "online geocoder fakenominatim failed on 'Kharkiv' after 3 attempts: GeocoderServiceError: "
        "Non-successful status code 500; using the offline answer"]
    assert sleeps == [1.0, 2.0]
    assert rows(tmp_path / "cache" / "online.sqlite") == 0  # the fallback's answer is not the service's
    assert geo.geocode("Kharkiv", country="ua") == KYIV  # the next call asks the service again


def test_5xx_then_success(make, sleeps: Sleeps) -> None:
    fake = FakeNominatim(gexc.GeocoderUnavailable("Service not available"), location(KYIV_RAW))
    assert make(fake).geocode("Kyiv") == KYIV
    assert sleeps == [1.0]


@pytest.mark.parametrize("bad", [
    gexc.GeocoderParseError("Could not deserialize using deserializer"),
    KeyError("lat"),  # geopy parsing JSON of the wrong shape
    SimpleNamespace(address="Kyiv", latitude=float("nan"), longitude=30.5, raw={}),
    SimpleNamespace(address="Kyiv", latitude=50.4, longitude=30.5, raw="<html>"),
    "<html>not a location</html>",
])
def test_malformed_answer_is_retried(make, sleeps: Sleeps, bad: Any) -> None:
    fake = FakeNominatim(bad, location(KYIV_RAW))
    assert make(fake).geocode("Kyiv") == KYIV
    assert sleeps == [1.0]


def test_malformed_answers_end_in_a_parse_error(make) -> None:
    fake = FakeNominatim(*[SimpleNamespace(address="X", latitude=95.0, longitude=1.0, raw={})] * 2)
    with pytest.raises(GeocoderError) as err:
        make(fake, attempts=2).geocode("X")
    assert str(err.value) == ("online geocoder fakenominatim failed on 'X' after 2 attempts: "
                              "GeocoderParseError: malformed answer: coordinates out of range: lon 1.0, lat 95.0")


def test_raw_record_must_be_a_json_object(make) -> None:
    with pytest.raises(GeocoderError) as err:
        make(FakeNominatim(SimpleNamespace(address="K", latitude=1.0, longitude=1.0, raw=[1])), attempts=1).geocode("K")
    assert str(err.value) == ("online geocoder fakenominatim failed on 'K' after 1 attempt: "
                              "GeocoderParseError: malformed answer: raw record is list, not a JSON object")


def test_permanent_errors_fail_at_once(make, sleeps: Sleeps) -> None:
    fake = FakeNominatim(gexc.GeocoderInsufficientPrivileges("Non-successful status code 403"))
    with pytest.raises(GeocoderError, match=r"after 1 attempt: GeocoderInsufficientPrivileges: "):
        make(fake).geocode("Kyiv")
    assert sleeps == []
    assert len(fake.calls) == 1


def test_rate_limiter_spaces_requests(make, sleeps: Sleeps) -> None:
    fake = FakeNominatim(location(KYIV_RAW), None)
    geo = make(fake, min_delay=1.0)
    geo.geocode("Kyiv")
    geo.geocode("Atlantis")
    geo.geocode("Kyiv")  # cached: no request, no wait
    assert sleeps == [1.0]


@pytest.mark.parametrize(("query", "country", "message"), [
    ("  ", None, "geocode needs a non-blank place name, got '  '"),
    (None, None, "geocode needs a non-blank place name, got None"),
    ("Kyiv", "UKR", "country must be an ISO 3166-1 alpha-2 code such as 'UA', got 'UKR'"),
])
def test_bad_arguments_are_refused_before_any_call(make, query: Any, country: Any, message: str) -> None:
    fake = FakeNominatim()
    with pytest.raises(ConfigError) as err:
        make(fake).geocode(query, country=country)
    assert str(err.value) == message


# -- results --------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "kind", "precision"), [
    ({"addresstype": "city", "class": "boundary", "type": "administrative", "place_rank": 16}, "city", 1),
    ({"addresstype": "village", "class": "place", "type": "village"}, "city", 1),
    ({"addresstype": "state", "class": "boundary", "type": "administrative"}, "admin1", 3),
    ({"addresstype": "country", "class": "boundary", "type": "administrative"}, "country", 3),
    ({"addresstype": "district", "class": "boundary", "type": "administrative"}, "region", 3),
    ({"class": "boundary", "type": "administrative", "place_rank": 8}, "admin1", 3),
    ({"class": "place", "type": "town", "place_rank": 18}, "city", 1),
])
def test_to_place_judges_precision_from_the_raw_record(raw: dict, kind: str, precision: int) -> None:
    found = OnlineLocation("Somewhere", 30.5, 50.4, "UA", raw)
    assert found.to_place() == Place("Somewhere", 30.5, 50.4, "UA", None, kind,
                                     geonameid=None, geo_precision=precision)


def test_location_like_accessors() -> None:
    assert (KYIV.address, KYIV.latitude, KYIV.longitude) == ("Kyiv, Ukraine", 50.4500336, 30.5241361)
    assert hash(KYIV) == hash(OnlineLocation("Kyiv", 30.5241361, 50.4500336, "UA", {}))


# -- no I/O, no network unless asked ---------------------------------------------------------


def test_construction_does_no_io(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path / "cache"))

    def no_client(**kwargs: Any) -> None:
        raise AssertionError("Nominatim built at construction")

    monkeypatch.setattr(geopy.geocoders, "Nominatim", no_client)
    geo = OnlineGeocoder()
    assert geo.cache_path == tmp_path / "cache" / "online-geocoder.sqlite"
    assert not (tmp_path / "cache").exists()
    injected = OnlineGeocoder(FakeNominatim(), cache_path=tmp_path / "a" / "b.sqlite")
    assert injected.provider == "fakenominatim"
    assert list(tmp_path.iterdir()) == []


def test_default_nominatim_client_is_built_without_network(tmp_path: Path, no_network: list) -> None:
    geo = OnlineGeocoder(cache_path=tmp_path / "c.sqlite")
    service = geo.service
    assert isinstance(service, geopy.geocoders.Nominatim)
    assert service.headers["User-Agent"] == USER_AGENT
    assert (service.timeout, geo.provider) == (10.0, "nominatim")
    assert no_network == []
    assert list(tmp_path.iterdir()) == []


def test_the_network_guard_catches_a_real_request(tmp_path: Path, no_network: list) -> None:
    # Proves the autouse guard works: an unfaked geocode does try the network and is refused.
    geo = OnlineGeocoder(cache_path=tmp_path / "c.sqlite", min_delay=0.0, attempts=1)
    with pytest.raises(GeocoderError, match=r"^online geocoder nominatim failed on 'Kyiv' after 1 attempt: Geocoder"):
        geo.geocode("Kyiv")
    assert len(no_network) >= 1
    assert rows(tmp_path / "c.sqlite") == 0


def test_make_geocoder(tmp_path: Path) -> None:
    assert make_geocoder("offline") is None
    geo = make_geocoder("nominatim", cache_path=tmp_path / "g.sqlite", attempts=5)
    assert isinstance(geo, OnlineGeocoder)
    assert (geo.attempts, geo.cache_path, geo.provider) == (5, tmp_path / "g.sqlite", "nominatim")
    with pytest.raises(ConfigError) as err:
        make_geocoder("google")
    assert str(err.value) == "unknown geocoder 'google'; choose one of offline, nominatim"
    assert list(tmp_path.iterdir()) == []


# -- real geopy Nominatim over a fake HTTP transport ------------------------------------------


class FakeTransport(BaseSyncAdapter):
    """A geopy adapter that replays (status, headers, body) responses and records URLs."""

    def __init__(self, *responses: tuple[int, dict, str]) -> None:
        super().__init__(proxies=None, ssl_context=None)
        self.responses = list(responses)
        self.requests: list[tuple[str, dict]] = []

    def get_text(self, url: str, *, timeout: float, headers: dict) -> str:
        self.requests.append((url, headers))
        status, reply_headers, body = self.responses.pop(0)
        if status != 200:
            raise AdapterHTTPError(f"Non-successful status code {status}", status_code=status,
                                   headers=reply_headers, text=body)
        return body

    def get_json(self, url: str, *, timeout: float, headers: dict) -> Any:
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except ValueError as exc:
            raise gexc.GeocoderParseError(f"Could not deserialize using deserializer:\n{text}") from exc


def http_headers(fields: dict[str, str]) -> Message:
    # Like urllib's HTTPMessage and requests' headers: names are case-insensitive.
    message = Message()
    for name, value in fields.items():
        message[name] = value
    return message


def nominatim(transport: FakeTransport) -> geopy.geocoders.Nominatim:
    return geopy.geocoders.Nominatim(user_agent=USER_AGENT, adapter_factory=lambda **kw: transport)


def test_nominatim_answer_over_http(make) -> None:
    transport = FakeTransport((200, {}, json.dumps([KYIV_RAW])))
    geo = make(nominatim(transport))
    assert geo.geocode("Kyiv", country="UA") == KYIV
    (url, headers), = transport.requests
    assert url == ("https://nominatim.openstreetmap.org/search?q=Kyiv&format=json&limit=1"
                   "&countrycodes=ua&addressdetails=1")
    assert headers["User-Agent"] == USER_AGENT
    assert geo.geocode("Kyiv", country="UA").to_place() == Place(
        "Kyiv", 30.5241361, 50.4500336, "UA", None, "city", geo_precision=1)


def test_nominatim_429_retry_after_header_then_500_then_answer(make, sleeps: Sleeps) -> None:
    transport = FakeTransport((429, http_headers({"Retry-After": "5"}), "slow down"), (500, {}, "oops"),
                              (200, {}, "[]"))
    assert make(nominatim(transport)).geocode("Nowhere") is None
    assert sleeps == [5.0, 2.0]
    assert len(transport.requests) == 3


def test_nominatim_malformed_json_then_clear_error(make, sleeps: Sleeps) -> None:
    transport = FakeTransport(*[(200, {}, "<html>502 Bad Gateway</html>")] * 3)
    geo = make(nominatim(transport))
    with pytest.raises(GeocoderError) as err:
        geo.geocode("Kyiv")
    assert str(err.value) == (
        "online geocoder nominatim failed on 'Kyiv' after 3 attempts: GeocoderParseError: "
        "Could not deserialize using deserializer: <html>502 Bad Gateway</html>")
    assert sleeps == [1.0, 2.0]


def test_nominatim_error_shaped_json_is_a_clear_error(make) -> None:
    transport = FakeTransport((200, {}, json.dumps({"error": "Nothing to search for"})))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(GeocoderError, match=r"after 1 attempt: GeocoderQueryError: Nothing to search for$"):
            make(nominatim(transport)).geocode("?")


@pytest.mark.parametrize(("options", "message"), [
    ({"attempts": 0}, "attempts must be at least 1, got 0"),
    ({"backoff": -1.0}, "min_delay, backoff, max_wait and timeout must not be negative, got 1.0, -1.0, 60.0, 10.0"),
])
def test_bad_options_are_refused(tmp_path: Path, options: dict, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        OnlineGeocoder(FakeNominatim(), cache_path=tmp_path / "c.sqlite", **options)
    assert str(err.value) == message


def test_unusable_cache_is_a_clear_error_and_no_request(make, tmp_path: Path) -> None:
    fake = FakeNominatim(location(KYIV_RAW))
    with pytest.raises(GeocoderError) as err:
        make(fake, cache_path=tmp_path).geocode("Kyiv")  # a folder, not a file
    assert str(err.value) == f"cannot use the geocoder cache {tmp_path}: unable to open database file"
    assert fake.calls == []


def test_pipeline_places_unknown_names_with_the_online_geocoder(services):
    """The optional geocoder places what the gazetteer lacks; names it cannot find stay unplaced."""
    import datetime as dt

    from mapper.geo.online import OnlineLocation
    from mapper.model import Article
    from mapper.pipeline import run

    class Fake:
        def __init__(self):
            self.asked = []

        def geocode(self, query, *, country=None, exactly_one=True):
            self.asked.append(query)
            if query == "Zzyzxivka":
                return OnlineLocation("Zzyzxivka", 37.5, 48.1, "UA", {"addresstype": "village"})
            return None

    fake = Fake()
    text = ("On 18 November shelling hit houses in Zzyzxivka. On 18 November shelling hit houses in "
            "Zzyzxivka again. On 19 November shelling hit homes in Qwxvillezz.")
    result = run([Article(id="t", text=text, published=dt.date(2025, 11, 20))], services, geocoder=fake)
    assert fake.asked == ["Zzyzxivka", "Qwxvillezz"]  # each name once
    assert [(i.place.name, i.type, i.geo_precision, i.admin1_code, len(i.sources)) for i in result.incidents] == [
        ("Zzyzxivka", "shelling", 1, "UA-14", 2)]
    assert [(u.place_text, u.reason) for u in result.unplaced] == [("Qwxvillezz", "not in gazetteer nor found online")]
