"""US counties in the gazetteer: data/us_counties.csv, their entries, and their resolution."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mapper.extract.toponyms import Span
from mapper.geo.gazetteer import KINDS
from mapper.geo.resolve import resolve_spans
from mapper.geoparse import geoparse_text
from mapper.pipeline import Services

CSV = Path(__file__).resolve().parents[1] / "data" / "us_counties.csv"


@pytest.fixture(scope="module")
def services() -> Services:
    return Services.load()


def resolved(services: Services, text: str, given: list[dict] | None = None) -> dict[str, tuple]:
    """Mention -> (place name, admin-1, kind, geo_precision, lon, lat) of the resolved mentions."""
    out = {}
    for r in geoparse_text(text, services, given):
        p = r.place
        if p is not None:
            out[r.mention.name] = (p.name, p.admin1_gn, p.kind, p.geo_precision, p.lon, p.lat)
    return out


def test_csv_rows_are_counties_parishes_and_boroughs_of_the_states():
    with open(CSV, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = list(reader)
    assert header == ["name", "state", "lon", "lat"]
    assert len(rows) == 3088
    assert rows == sorted(rows, key=lambda r: (r[1], r[0]))
    states = {r[1] for r in rows}
    assert len(states) == 50 and "DC" not in states and "PR" not in states  # DC has no county; no territories
    assert {r[0].rsplit(" ", 1)[1] for r in rows} == {"County", "Parish", "Borough"}
    walker = [r for r in rows if r[0] == "Walker County"]
    assert walker == [["Walker County", "AL", "-87.2658", "33.8256"], ["Walker County", "GA", "-85.3094", "34.8916"],
                      ["Walker County", "TX", "-95.5508", "30.7235"]]
    assert ["Rapides Parish", "LA", "-92.5108", "31.2587"] in rows


def test_county_is_a_region_entry_under_its_full_name_only(services):
    gaz = services.gazetteer
    entries = [e for e, _ in services.gazetteer.candidates("walker county")]
    assert sorted((gaz.names[e], gaz.admin1[e], KINDS[gaz.kind[e]], gaz.country[e]) for e in entries) == [
        ("Walker County", "US.AL", "region", "US"), ("Walker County", "US.GA", "region", "US"),
        ("Walker County", "US.TX", "region", "US")]
    assert not set(entries) & {e for e, _ in gaz.candidates("walker")}


def test_state_after_the_county_chooses_it(services):
    got = resolved(services, "Deputies in Walker County, Texas, arrested a man on Friday.")
    assert got["Walker County"] == ("Walker County", "US.TX", "region", 3, -95.5508, 30.7235)


def test_state_named_elsewhere_in_the_article_chooses_the_county(services):
    text = "Texas officials closed the park.\n\nThe Walker County sheriff said the road reopened on Monday."
    assert resolved(services, text)["Walker County"][:2] == ("Walker County", "US.TX")
    text = "Georgia officials closed the park.\n\nThe Walker County sheriff said the road reopened on Monday."
    assert resolved(services, text)["Walker County"][:2] == ("Walker County", "US.GA")


def test_county_among_kentucky_towns(services):
    got = resolved(services, "Deputies from London and Corbin joined the search in Laurel County.")
    assert got == {
        "London": ("London", "US.KY", "city", 1, -84.08326, 37.12898),
        "Corbin": ("Corbin", "US.KY", "city", 1, -84.09688, 36.9487),
        "Laurel County": ("Laurel County", "US.KY", "region", 3, -84.1144, 37.136),
    }


def test_town_and_its_county_choose_each_other(services):
    # Huntsville, Alabama is larger; Huntsville, Texas is the seat of Walker County, Texas
    got = resolved(services, "Huntsville police and the Walker County sheriff said the man fled.")
    assert got["Huntsville"][:3] == ("Huntsville", "US.TX", "city")
    assert got["Walker County"][:2] == ("Walker County", "US.TX")


def test_bare_name_is_still_the_town(services):
    got = resolved(services, "He moved to Walker last year.")
    assert got == {"Walker": ("Walker", "US.MI", "city", 1, -85.76809, 43.00141)}


def test_parish_is_recognised_and_resolved(services):
    got = resolved(services, "A fire was reported in Rapides Parish near Alexandria, Louisiana.")
    assert got["Rapides Parish"] == ("Rapides Parish", "US.LA", "region", 3, -92.5108, 31.2587)
    assert got["Alexandria"][:2] == ("Alexandria", "US.LA")


def test_name_with_county_region_word_finds_the_counties(services):
    # a span matched as "Walker" with "County" after it (not as the key "walker county")
    text = "Texas officials said Walker County was dry."
    spans = [Span(name="Texas", start=0, end=5, key="texas"),
             Span(name="Walker County", start=21, end=34, key="walker", region_word="county", prev_word="said")]
    got = resolve_spans(spans, services.gazetteer, text)
    assert [(r.place.name, r.place.admin1_gn, r.place.kind) for r in got] == [
        ("Texas", "US.TX", "admin1"), ("Walker County", "US.TX", "region")]


def test_names_listed_before_counties_are_counties():
    from mapper.geoparse import geoparse_text
    from mapper.pipeline import Services

    got = [(r.mention.name, r.place.name, r.place.admin1_gn)
           for r in geoparse_text("Officials in Fulton and DeKalb counties said the storm hit Atlanta.", Services.load())]
    assert got == [("Fulton", "Fulton County", "US.GA"), ("DeKalb", "DeKalb County", "US.GA"),
                   ("Atlanta", "Atlanta", "US.GA")]
