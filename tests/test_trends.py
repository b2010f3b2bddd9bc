"""A trend is no event (issue 13): what a clause says is increasing, or the context an incident
"comes amid", told with no day of its own, is a state of affairs, even when the events it is
made of follow ("with reports of combat and attacks in ...").  Sentences written here.
"""
from __future__ import annotations

import datetime as dt

import pytest

from mapper.aggregate import dedupe
from mapper.geo.names import key
from mapper.model import Article
from mapper.pipeline import extract_article

PUB = dt.date(2024, 10, 11)  # a Friday


def scenes(services, text):
    items, _ = extract_article(Article(id="t", text=text, title="", published=PUB), services.gazetteer)
    return {key(i.place.name) for i in dedupe(items)}


@pytest.mark.parametrize("text", [
    "Armed actions by a non-state armed group in Norte de Santander are increasing, with reports of combat "
    "and attacks in municipalities such as Teorama and Hacarí.",
    "Attacks by gangs have been rising in Artibonite, with killings reported in Saint-Marc and Gonaïves.",
    # the context an incident "comes amid" (the check for trends and patterns, with no day of its own)
    "This incident comes amid a sharp decline in rebel-held areas over recent weeks, as the army has gained ground "
    "in Khartoum and White Nile states.",
    "The attack came at a time when fighting had spread to Kassala and Gedaref in recent weeks.",
    # events whose predicate calls them a pattern
    "Over the past month, the shelling of army positions near Lachin and Kalbajar was intensive and systematic.",
    "Russian shelling of Kherson is constant.",
    # a resurgence is a trend; a place called the epicentre of violence is characterised, not a scene
    "Families in Gonaïves face hunger as resurging gang violence keeps markets closed.",
    # events counted over a period longer than a week: a tally
    "Since July, 21 clashes have been recorded in Teorama, nine of them in September.",
])
def test_what_a_trend_is_made_of_is_no_event(services, text):
    assert scenes(services, text) == set()


def test_a_dated_event_after_a_trend_stays(services):
    got = scenes(services, "Violence is rising in Cauca, where clashes killed three soldiers in Suárez on 9 October.")
    assert key("Suárez") in got


def test_a_dated_event_the_incident_came_with_stays(services):
    assert key("Odesa") in scenes(services, "The attack came as Russian drones struck Odesa on 9 October.")


def test_a_dated_event_at_a_place_shelled_daily_stays(services):
    assert key("Kherson") in scenes(services, "On 9 October, Russian shelling hit Kherson, which is shelled daily.")



@pytest.mark.parametrize("text", [
    "Armed men killed 12 civilians in the east last week. These attacks continue in a context where Baraka is facing "
    "a cholera outbreak declared on 1 October.",
    "Such strikes continue in Baraka, which declared a cholera outbreak on 1 October.",
])
def test_events_a_subject_points_back_to_are_told_before(services, text):
    # "These attacks ...": the clause's subject points back to events told before; the place it names
    # (and a date of something else) is their setting, not a new scene
    assert scenes(services, text) == set()


def test_a_subject_that_points_back_and_says_where_they_hit_names_the_targets(services):
    text = ("On 9 October, Russia launched its largest wave of missile attacks in months. These missiles were aimed at "
            "cities across Ukraine: Poltava, Sumy and Chernihiv.")
    assert scenes(services, text) == {key("Poltava"), key("Sumy"), key("Chernihiv")}
    text = "Drones attacked the region on 9 October. These drones struck Nizhyn and Pryluky, the governor said."
    assert {key("Nizhyn"), key("Pryluky")} <= scenes(services, text)


def test_a_subject_that_is_no_back_reference_stays(services):
    assert key("Kherson") in scenes(services, "This included overnight shelling on the city of Kherson on 9 October.")


def test_events_counted_over_a_weekend_are_told_one_by_one(services):
    assert key("Kherson") in scenes(services, "Over the weekend, 71 attacks were recorded in Kherson.")


def test_a_place_called_the_epicentre_of_violence_is_no_scene(services):
    got = scenes(services, "Gangs attacked Mirebalais on 3 October. In Gonaïves, which remains the epicentre of "
                           "violence, half of the displaced have moved twice.")
    assert got == {key("Mirebalais")}
