"""US post-office places (data/us_places.csv): the class of small US towns cities500 lacks."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mapper.geo.gazetteer import KINDS
from mapper.geo.postal import is_postal
from test_us_counties import resolved as placed

CSV = Path(__file__).resolve().parents[1] / "data" / "us_places.csv"


def test_csv_rows_are_sorted_us_places_of_the_states():
    with open(CSV, encoding="utf-8", newline="") as fh:
        header, *rows = csv.reader(fh)
    assert header == ["name", "state", "lon", "lat"]
    assert 20_000 < len(rows) < 23_000
    assert rows == sorted(rows, key=lambda r: (r[1], r[0]))
    assert len({(r[0], r[1]) for r in rows}) == len(rows)
    assert all(-180 < float(r[2]) < -60 and 17 < float(r[3]) < 72 for r in rows if r[1] != "AK")
    assert ["Harwinton", "CT", "-73.0728", "41.7701"] in rows
    assert ["Tennessee Colony", "TX", "-95.8389", "31.8354"] in rows


def test_only_places_cities500_lacks_in_that_state(services):
    gaz = services.gazetteer
    # Hartford, Connecticut is in cities500: no second Hartford, CT from the ZIP codes
    hartford = [e for e, _ in gaz.candidates("hartford") if gaz.admin1[e] == "US.CT"]
    assert [is_postal(gaz, e) for e in hartford] == [False]
    entries = [e for e, _ in gaz.candidates("tennessee colony")]
    assert [(gaz.names[e], gaz.admin1[e], KINDS[gaz.kind[e]], gaz.population[e], gaz.geonameid[e])
            for e in entries] == [("Tennessee Colony", "US.TX", "city", 0, None)]


@pytest.mark.parametrize("text", [
    "Volunteers in Harwinton cleaned the park on Saturday.",  # a locative before it
    "Harwinton, Conn., cleaned the park on Saturday.",  # its state after it
])
def test_with_place_evidence_a_town_resolves_to_its_own_point(services, text):
    assert placed(services, text)["Harwinton"] == ("Harwinton", "US.CT", "city", 1, -73.0728, 41.7701)


def test_without_place_evidence_a_post_office_name_is_no_place(services):
    # surnames and words that only a post office bears, or a post office of the story's country
    assert placed(services, "Harwinton officials said the road would reopen.") == {}
    got = placed(services, "The council met in Hartford. Rhodes said the vote was close.")
    assert set(got) == {"Hartford"}


def test_a_given_span_needs_no_evidence(services):
    got = placed(services, "Harwinton officials said the road would reopen.", [{"start": 0, "end": 9}])
    assert got == {"Harwinton": ("Harwinton", "US.CT", "city", 1, -73.0728, 41.7701)}
