"""Deaths and damage a natural hazard, an accident, disease or hunger causes are no incident
(issue 13).  Regional humanitarian snapshots tell them beside the war in the war's words
("struck", "killed", "damaged").  Sentences written here.
"""
from __future__ import annotations

import datetime as dt

import pytest

from mapper.aggregate import dedupe
from mapper.geo.names import key
from mapper.model import Article
from mapper.pipeline import extract_article

PUB = dt.date(2024, 10, 11)  # a Friday
# an article about armed conflict, so that casualty words alone can be incidents
WAR = "Armed groups attacked two villages near Mopti on Thursday, killing 12 people. "


def scenes(services, text):
    items, _ = extract_article(Article(id="t", text=WAR + text, title="", published=PUB), services.gazetteer)
    return {(i.type, i.place.name) for i in dedupe(items)} - {("ground_fighting", "Mopti")}


@pytest.mark.parametrize("text", [
    "On 9 October, a landslide in Sorata, La Paz, killed two people and damaged a road.",
    "A 7.0 magnitude earthquake struck near Luganville on 9 October.",
    "Floods killed 12 people in Maiduguri on Tuesday.",
    "On Tuesday, two children died of cholera in Maiduguri.",
    "Typhoon Yagi hit Haiphong on Wednesday, killing four people.",
    # the hazard told as the cause further on in the clause
    "In Hunan Province, ten people died on Tuesday while three are still missing following widespread floods.",
    # an accident told as the cause: the soldiers of a crash died in no attack
    "On Wednesday, four soldiers were killed in a helicopter crash near Maiduguri.",
    "Two marines died in a training accident at Camp Pendleton on Tuesday.",
    # the hazard told, then pointed back to: what "it" struck is the storm's
    "Cyclone Freddy was one of the strongest storms ever to hit Malawi. It struck Blantyre especially hard on "
    "Tuesday.",
])
def test_a_hazard_that_struck_or_killed_is_no_incident(services, text):
    assert scenes(services, text) == set()


@pytest.mark.parametrize("text, expected", [
    # aircraft and missiles named after weather are weapons
    ("On Wednesday, RAF Typhoons attacked targets at Hodeidah.", "Al Hudaydah"),
    ("On Wednesday, a Storm Shadow hit the headquarters in Sevastopol.", "Sevastopol"),
    # an armed force named in the clause: an attack, whatever the weather
    ("On Wednesday, soldiers were killed in Sorata during heavy rains.", "Sorata"),
    # a crash an attack caused is the attack's
    ("On Wednesday, a helicopter was shot down near Maiduguri and crashed, killing four soldiers.", "Maiduguri"),
    ("On Wednesday, four soldiers were killed near Maiduguri when militants attacked their convoy after a crash.",
     "Maiduguri"),
    # "it" after an attack is the attack's; an attack after a hazard is its own
    ("Floods hit Malawi on Monday. On Tuesday a drone hit Maiduguri. It struck a school.", "Maiduguri"),
    ("Floods hit Malawi on Monday. Militants attacked Maiduguri on Tuesday, killing 12.", "Maiduguri"),
    # a named weapon is never a hazard's
    ("On Wednesday, a drone strike in Maiduguri set off a fire that broke out in the market.", "Maiduguri"),
    # a fire is an attack's more often than not
    ("On Wednesday, a fire broke out in Dnipro, and a dormitory and a school were damaged.", "Dnipro"),
])
def test_weapons_and_armed_forces_are_not_weather(services, text, expected):
    assert key(expected) in {key(name) for _, name in scenes(services, text)}
