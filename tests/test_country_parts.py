"""A part of a country named by a compass word ("eastern Syria", "North-East Syria", "Syria's
north-east"): the incident is drawn in that part (data/country_parts.csv and its build) and
reports the admin-1 region that holds most of it.  Sentences written here; the real data."""
from __future__ import annotations

import csv
import datetime as dt
import math
from pathlib import Path

import numpy as np
import pytest
import shapely

from test_geo_context import places

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article, join_regions

DATA = Path(__file__).resolve().parents[1] / "data"
PUB = dt.date(2024, 1, 29)


def incidents(services, text):
    found, _ = extract_article(Article(id="t", text=text, title="", published=PUB), services.gazetteer)
    return join_regions(dedupe(found), services.regions)


def _parts() -> dict[tuple[str, str], dict[str, str]]:
    with open(DATA / "country_parts.csv", encoding="utf-8", newline="") as fh:
        return {(r["iso2"], r["part"]): r for r in csv.DictReader(fh)}


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p1, p2, dl = math.radians(a[1]), math.radians(b[1]), math.radians(b[0] - a[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def test_a_strike_in_a_part_of_a_country_is_drawn_there_with_its_region(services):
    (inc,) = incidents(services, "A drone attack hit a base in northeastern Jordan on Sunday, killing three soldiers.")
    assert (inc.type, inc.place.name, inc.place.country, inc.place.kind) == (
        "drone_strike", "northeastern Jordan", "JO", "country")
    assert inc.admin1 == "Mafraq"  # the region that holds most of the part
    amman = services.gazetteer.country_places()["JO"]
    assert _km((inc.place.lon, inc.place.lat), (amman.lon, amman.lat)) > 100  # not at the country's point


def test_the_forms_of_a_compass_part(services):
    cases = {
        "U.S. aircraft struck targets in eastern Syria last night.": "eastern Syria",
        "U.S. aircraft struck targets in north-east Syria last night.": "northeastern Syria",
        "Russian drones hit Ukraine's east overnight.": "eastern Ukraine",
        "Russian missiles struck southern Ukraine overnight.": "southern Ukraine",
        "Israeli jets struck targets in the south of Lebanon overnight.": "southern Lebanon",
    }
    for text, name in cases.items():
        got = [(i.place.name, i.geo_precision if hasattr(i, "geo_precision") else i.place.geo_precision)
               for i in incidents(services, text)]
        assert got == [(name, 3)], (text, got)
    # a part that spreads over several regions reports none ("southern Ukraine": Odesa, Kherson, Crimea)
    (south,) = incidents(services, "Russian missiles struck southern Ukraine overnight.")
    assert south.admin1 is None and south.place.lat < 47.5
    # the name after the compass word is the place: "Ukraine's eastern Donetsk region"
    (inc,) = incidents(services, "Russian drones hit Ukraine's eastern Donetsk region overnight.")
    assert inc.place.name == "Donetsk Oblast"
    # a bare direction from a country points outside it: "15 km south of Lebanon" is no part of Lebanon
    assert all(i.place.name != "southern Lebanon"
               for i in incidents(services, "Israeli jets struck a village 15 km south of Lebanon overnight."))


def test_a_capitalised_compass_word_is_no_district_of_its_own(services):
    # "North-East" and "Northeastern" are districts of Botswana and Kenya in GeoNames; before a
    # country they are the compass word of its name
    got = places(services, "Airstrikes hit North-East Syria and Northeastern Nigeria on Sunday.")
    assert got.get("North-East") is None and got.get("Northeastern") is None
    assert got["Syria"][:3] == ("Syria", "country", "SY")  # geoparse keeps the toponym at its country
    assert got["Nigeria"][:3] == ("Nigeria", "country", "NG")
    names = {i.place.name for i in incidents(services, "Airstrikes hit North-East Syria on Sunday.")}
    assert names == {"northeastern Syria"}


def test_the_whole_country_gives_way_to_its_part_on_the_same_day(services):
    text = ("U.S. forces struck Syria overnight. The strikes hit two weapons depots in eastern Syria "
            "overnight, the Pentagon said.")
    assert [i.place.name for i in incidents(services, text)] == ["eastern Syria"]


def test_every_part_lies_in_its_country_and_in_its_direction(services):
    rows = _parts()
    outlines = {}
    frame = services.regions.countries_gdf()
    for iso, group in frame[frame.iso2.notna()].groupby("iso2"):
        outlines[iso] = shapely.union_all(group.geometry.values)
    countries = {iso for iso, _ in rows}
    assert len(countries) > 200 and all((iso, d) in rows for iso in countries
                                         for d in ("north", "south", "east", "west", "northeast", "northwest",
                                                   "southeast", "southwest"))
    regions = {r.gn_code: r for r in services.regions.regions if r.gn_code}
    for (iso, part), row in rows.items():
        point = shapely.Point(float(row["lon"]), float(row["lat"]))
        assert shapely.dwithin(outlines[iso], point, 0.05), (iso, part)  # on the country (coasts simplified)
        if row["admin1_gn"]:
            assert row["admin1_gn"].split(".")[0] == iso, (iso, part)
    lat = {k: float(r["lat"]) for k, r in rows.items()}
    lon = {k: float(r["lon"]) for k, r in rows.items()}
    # the north lies north of the south wherever the country spans more than a degree
    spread = [iso for iso in countries if lat[(iso, "north")] - lat[(iso, "south")] > 1.0]
    assert len(spread) > 100
    assert all(lat[(iso, "north")] > lat[(iso, "south")] for iso in countries)
    assert all(lon[(iso, "east")] > lon[(iso, "west")] for iso in countries if iso not in ("RU", "FJ", "KI", "US"))
    assert np.mean([bool(r["admin1_gn"]) for r in rows.values()]) > 0.2  # many parts have a dominant region


@pytest.mark.parametrize("iso,part,region", [("JO", "northeast", "Mafraq"), ("SY", "east", "Al-Hasakah"),
                                             ("ET", "east", "Somali")])
def test_the_build_gives_parts_their_dominant_region(services, iso, part, region):
    row = _parts()[(iso, part)]
    assert services.regions.by_gn_code(row["admin1_gn"]).name == region
