"""The type of an attack the clause names no weapon for (issue 13): sentences written here.

A generic "attack" takes the weapon its paragraph or article names; but no armed group and no
ground troop attacks from the air, so an air strike told elsewhere in a story does not type
their attack.
"""
from __future__ import annotations

import datetime as dt

import pytest

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article

PUB = dt.date(2025, 1, 6)  # a Monday


def types(services, text):
    items, _ = extract_article(Article(id="t", text=text, title="", published=PUB), services.gazetteer)
    return {i.place.name: i.type for i in dedupe(items)}


JETS = "Jets struck militant hideouts near Damboa on Saturday. "


@pytest.mark.parametrize("text, expected", [
    # the group named before the event word made the attack: on the ground
    (JETS + "On Sunday, gunmen from an armed group launched a pre-dawn attack on the army camp in Gubio.",
     "ground_fighting"),
    (JETS + "On Sunday, insurgents attacked the town of Gubio.", "ground_fighting"),
    # the group is what was hit, not who attacked
    (JETS + "On Sunday, the militants' camp in Gubio was attacked.", "air_strike"),
    # the aircraft are the subject
    (JETS + "On Sunday, jets attacked the militants' camp in Gubio.", "air_strike"),
])
def test_an_armed_group_attacks_on_the_ground_whatever_aircraft_the_story_names(services, text, expected):
    assert types(services, text)["Gubio"] == expected


@pytest.mark.parametrize("text, place, expected", [
    # the attack word that governs the place has a state for author, though the clause also tells of fighting
    ("A new wave of Russian attacks across Ukraine on Sunday, compounded by hostilities along the front line, "
     "caused more civilian deaths.", "Ukraine", "missile_strike"),
    ("On Sunday, Russian attacks on Kharkiv and fighting near Kupiansk killed five people.", "Kharkiv",
     "missile_strike"),
    # the state's ground forces attack on the ground
    ("On Sunday, Russian troops attacked Kupiansk and fighting continued near Lyman.", "Kupyansk", "ground_fighting"),
])
def test_a_states_attack_governs_its_own_place_beside_fighting(services, text, place, expected):
    assert types(services, text)[place] == expected


@pytest.mark.parametrize("text, expected", [
    # a region a state's forces "targeted" is the scene, like one they "struck"
    ("US forces also targeted Yemen's Amran and Saada governorates on Sunday evening.", {"'Amran", "Sa'dah"}),
    # jets that "targeted" a place struck it from the air
    ("US jets targeted Sanaa on Sunday evening.", {"Sanaa"}),
    # the other verbs of attack govern a region as well
    ("On Sunday, Russian drones pounded the Sumy region.", {"Sumy Oblast"}),
])
def test_what_was_targeted_is_the_scene(services, text, expected):
    assert set(types(services, text)) == expected


def test_jets_that_targeted_a_place_struck_it_from_the_air(services):
    assert types(services, "US jets targeted Sanaa on Sunday evening.") == {"Sanaa": "air_strike"}


@pytest.mark.parametrize("text", ["Rockets rained down on Kiryat Shmona on Sunday.",
                                  "On Sunday, rockets exploded in Kiryat Shmona."])
def test_rockets_that_rained_down_or_exploded_are_strikes(services, text):
    assert list(types(services, text).values()) == ["missile_strike"]


def test_an_attack_at_sea_is_no_fight_on_the_ground(services):
    # no weapon named: at sea the attack is on a ship, from afar
    got = types(services, "On Sunday, Houthi rebels attacked a cargo ship in the Red Sea.")
    assert got == {"Red Sea": "missile_strike"}


@pytest.mark.parametrize("text, place, expected", [
    # a quadcopter is a drone
    ("On Sunday, a quadcopter dropped a grenade on a school yard in Khan Younis.", "Khān Yūnis", "drone_strike"),
    # fire opened "at" people is fire on the ground, as "on" is
    ("On Sunday night in Nablus, a man opened fire at a patrol.", "Nablus", "ground_fighting"),
    # hyphenated air strikes (British spelling) and a shooting told as a noun
    ("On Sunday, air-strikes hit the port of Hodeidah.", "Al Ḩudaydah", "air_strike"),
    ("Gunmen attacked a village near Jenin on Saturday. On Sunday, a shooting took place at a checkpoint in Nablus.",
     "Nablus", "ground_fighting"),
    # ambushes, in the plural as in the singular
    ("On Sunday, two road ambushes were reported on the axis around Bambari.", "Bambari", "ground_fighting"),
])
def test_weapons_and_fire_named_other_ways(services, text, place, expected):
    assert types(services, text).get(place) == expected


@pytest.mark.parametrize("text, place, expected", [
    # an order's "direction" is no front
    ("At the President's direction, US forces conducted precision strikes on two depots near Al Qaim on Sunday.",
     "Al Qā’im", "air_strike"),
    # a front's direction is
    ("On Sunday, Russian forces launched 30 attacks in the Pokrovsk direction.", "Pokrovsk", "ground_fighting"),
])
def test_a_direction_is_a_front_only_as_a_places_direction(services, text, place, expected):
    assert types(services, text).get(place) == expected
