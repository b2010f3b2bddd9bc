"""A place the gazetteer lacks, told with the unit that holds it (issue 13).

Field reports name villages no gazetteer has and say where they lie: "the village of X
(Bam province)", "X in Sennar locality", "X village (Jenin)".  The event is placed at the
unit with the village's name kept, never dropped and never sent to a namesake.  The village
names below are made up (no gazetteer has them); the sentences are written here.
"""
from __future__ import annotations

import datetime as dt

import pytest

from mapper.aggregate import dedupe
from mapper.geo.names import key
from mapper.model import Article
from mapper.pipeline import extract_article

PUB = dt.date(2025, 5, 21)  # a Wednesday


def incidents(services, text):
    items, unplaced = extract_article(Article(id="t", text=text, title="", published=PUB), services.gazetteer)
    return {i.place.name: i for i in dedupe(items)}, {u.place_text for u in unplaced}


@pytest.mark.parametrize("name", ["Tamboukiri", "Jebel Warrada", "Kafr Zubaydun"])
def test_the_made_up_villages_are_in_no_gazetteer(services, name):
    assert not services.gazetteer.candidates(key(name))


@pytest.mark.parametrize("text, name, country, admin1, precision", [
    # a province in brackets after "the village of"
    ("On Monday, gunmen attacked the village of Tamboukiri (Bam province), killing four people.",
     "Tamboukiri", "BF", "BF.05", 3),
    # "in X in Y locality": the locality (a district) holds it
    ("Clashes that started in Jebel Warrada in Sennar locality on Sunday displaced 300 families.",
     "Jebel Warrada", "SD", "SD.58", 3),
    # a town in brackets names the governorate a field report files the village under
    ("On Tuesday, Israeli forces killed a man in Kafr Zubaydun (Jenin).", "Kafr Zubaydun", "PS", None, 3),
])
def test_a_village_the_gazetteer_lacks_is_placed_in_the_unit_the_text_names(services, text, name, country, admin1,
                                                                           precision):
    got, unplaced = incidents(services, text)
    assert name in got and name not in unplaced
    place = got[name].place
    assert place.country == country and got[name].geo_precision == precision
    assert admin1 is None or place.admin1_gn == admin1
    # the unit is where the village lies, not a second scene
    assert len(got) == 1


def test_a_town_that_only_locates_holds_nothing(services):
    # "X near Goma": a reference town says how far, not which unit holds the village
    got, _ = incidents(services, "On Monday, fighting broke out in Tamboukiri near Goma.")
    assert "Tamboukiri" not in got


def test_a_known_place_keeps_its_own_point(services):
    got, _ = incidents(services, "On Sunday, shelling hit the village of Kupiansk (Kharkiv region).")
    (place,) = [i.place for i in got.values()]
    assert place.kind == "city" and place.admin1_gn == "UA.07"


@pytest.mark.parametrize("text, name", [
    # Niger's, Burkina Faso's, Haiti's, Colombia's departments are units, not offices ("the Police Department")
    ("On Monday, armed groups set two schools ablaze in the Torodi Department.", "Torodi"),
    ("On Monday, gangs attacked Cabaret in the Ouest Department.", "Cabaret"),
    # a region named after its own unit word and "of" is the scene
    ("On Monday, clashes were reported in the department of Norte de Santander.", "Norte de Santander"),
    ("On Monday, the army shelled villages in the state of Rakhine.", "Rakhine"),
])
def test_a_unit_word_keeps_a_name_a_place(services, text, name):
    got, _ = incidents(services, text)
    assert name in got


@pytest.mark.parametrize("text, regions", [
    # a compass word that shares the rest of the next name: "North and South Kivu" is North Kivu and South Kivu
    ("On Monday, fighting was reported in North and South Kivu.", {"North Kivu", "South Kivu"}),
    ("On Monday, clashes were reported in North, South and West Darfur.",
     {"North Darfur", "South Darfur", "West Darfur"}),
])
def test_a_compass_word_shares_the_next_name(services, text, regions):
    got, _ = incidents(services, text)
    assert regions <= set(got)
