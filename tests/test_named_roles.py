"""Places that name something other than a scene (issue 13): a speaker's institution, a
diplomatic process named after the city where it began; and a country named by its airspace
("Polish airspace"), which is the scene of the drones that entered it.  Sentences written here.
"""
from __future__ import annotations

import datetime as dt

import pytest

from mapper.aggregate import dedupe
from mapper.geo.names import key
from mapper.model import Article
from mapper.pipeline import extract_article

PUB = dt.date(2024, 6, 6)  # a Thursday


def scenes(services, text):
    items, _ = extract_article(Article(id="t", text=text, title="", published=PUB), services.gazetteer)
    return {key(i.place.name) for i in dedupe(items)}


@pytest.mark.parametrize("text, scene, not_scene", [
    ("On Tuesday, RSF fighters raided villages near El Fasher, said Jane Doe, executive director of the Peace "
     "Foundation at Tufts University.", "El Fasher", "Tufts University"),
    ("Shelling killed two people in Kherson on Tuesday, said Olena Petrenko, a senior fellow at the Kyiv School of "
     "Economics in Kyiv.", "Kherson", "Kyiv"),
    # where travellers come back from is no scene of what befell them
    ("On Sunday, gunmen opened fire on a bus of pilgrims returning from a shrine in Mashhad, killing six in Herat.",
     "Herat", "Mashhad"),
    ("On Monday, a drone struck a minibus in Nikopol carrying workers on their way back from Dnipro.", "Nikopol", "Dnipro"),
    # "displaced some 2,000 families to sites near Goma": the sites they reached lie near Goma
    ("Since 2 June, fighting around Sake has displaced some 2,000 families to sites near Goma.", "Sake", "Goma"),
    # a news outlet that shares a village's name, after its noun, alone or in a list
    ("Drones struck an oil depot in Novorossiysk overnight, the Telegram channels Fontanka and Hromadske reported on "
     "Wednesday.", "Novorossiysk", "Fontanka"),
    ("Shelling killed two people in Nikopol on Monday, the newspaper Pravda reported.", "Nikopol", "Pravda"),
    # a clause of its own people gathering, joined by ", and", is not the event's
    ("Drones struck Nikopol overnight, and European leaders gathered in Berlin to discuss more aid.", "Nikopol",
     "Berlin"),
    # where the dead were buried is not where they died
    ("Soldiers killed by shelling in Nikopol on Monday were buried in Dnipro.", "Nikopol", "Dnipro"),
])
def test_a_place_in_another_role_is_no_scene(services, text, scene, not_scene):
    # a speaker's institution, where travellers come from, where the displaced went
    got = scenes(services, text)
    assert key(scene) in got and key(not_scene) not in got


@pytest.mark.parametrize("text", [
    "On Tuesday, the presidents met on the sidelines of the Astana troika summit.",
    "On Tuesday, the ministers met in the Astana format.",
])
def test_a_process_named_after_a_city_is_not_its_venue(services, text):
    assert key("Astana") not in scenes(services, text)


@pytest.mark.parametrize("text, venues", [
    # what a meeting is about is no venue; where it is held still is
    ("On Thursday the president held a meeting on the situation in the Sumy, Kharkiv and Chernihiv regions.", set()),
    ("On Thursday delegations held talks on the war in Sudan in Jeddah.", {"Jeddah"}),
])
def test_the_topic_of_a_meeting_is_no_venue(services, text, venues):
    assert scenes(services, text) == {key(v) for v in venues}


def test_a_venue_stays_a_venue(services):
    assert key("Istanbul") in scenes(services, "Russian and Ukrainian delegations held talks in Istanbul on Tuesday.")


@pytest.mark.parametrize("text, venues", [
    # a clause that opens with where its subject met, one place or a list ("and then")
    ("In Doha, and then Amman, the envoy met separately with the foreign ministers on Tuesday.", ["Doha", "Amman"]),
    ("In Nairobi, I met individually with the leaders of both delegations on Monday.", ["Nairobi"]),
])
def test_a_venue_that_opens_the_clause(services, text, venues):
    assert scenes(services, text) == {key(v) for v in venues}


def test_a_place_that_opens_the_clause_before_no_meeting_is_no_venue(services):
    assert key("Doha") not in scenes(services, "In Doha, officials said the talks would resume next week.")


@pytest.mark.parametrize("text", [
    "On 9-10 September, at least 19 Russian drones entered Polish airspace.",
    "On Wednesday, Russian drones violated Poland's airspace and were shot down.",
    "On Wednesday, a Russian drone was shot down in Romanian and NATO airspace.",
])
def test_a_countrys_airspace_is_the_country(services, text):
    items, _ = extract_article(Article(id="t", text=text, title="", published=dt.date(2025, 9, 12)),
                               services.gazetteer)
    got = {(i.type, i.place.kind, i.place.country) for i in dedupe(items)}
    assert ("drone_strike", "country", "PL" if "Pol" in text else "RO") in got


def test_closing_ones_own_airspace_is_no_event(services):
    assert scenes(services, "On Wednesday, Poland closed its airspace near the border.") == set()


@pytest.mark.parametrize("text, scene, not_scene", [
    ("On Tuesday, blasts in Gwoza killed 18; 19 seriously injured victims were taken to Borno State capital, "
     "Maiduguri.", "Gwoza", "Maiduguri"),
    ("On Tuesday, a drone hit a bus in Kherson and the wounded were treated at a hospital in Mykolaiv.", "Kherson",
     "Mykolaiv"),
])
def test_where_casualties_were_taken_is_no_scene(services, text, scene, not_scene):
    got = scenes(services, text)
    assert key(scene) in got and key(not_scene) not in got


def test_a_town_where_the_wounded_were_taken_to_hospital_is_still_the_scene(services):
    assert key("Kherson") in scenes(services, "On Tuesday, shelling killed two in Kherson, where the wounded were "
                                               "taken to hospital.")


def test_a_hospital_where_the_dead_were_taken_is_no_scene(services):
    got = scenes(services, "On Monday, an Israeli strike killed nine people in Khan Younis. Records at Nasser Hospital, "
                           "where the dead and wounded were taken, show that three children were among those killed.")
    assert got == {key("Khān Yūnis")}


@pytest.mark.parametrize("text, scene, not_scene", [
    # the accused, and a place whose actions are meant, stand for their state
    ("On Friday, Yerevan accused Baku of shelling Armenian positions near Sotk.", "Sotk", "Baku"),
    ("On Friday, Azerbaijani forces shelled positions near Sotk, and Armenia warned that Baku's actions "
     "could derail the talks.", "Sotk", "Baku"),
])
def test_the_accused_state_is_no_scene(services, text, scene, not_scene):
    got = scenes(services, text)
    assert key(scene) in got and key(not_scene) not in got


def test_a_weekday_before_a_region_is_no_village(services):
    # "On Friday, Yerevan ...": Yerevan is also a region; Friday is not a village in it
    assert key("Friday") not in scenes(services, "On Friday, Yerevan accused Baku of shelling positions near Sotk.")


@pytest.mark.parametrize("text, place", [
    # the target's own course locates the attack
    ("On Friday, five missiles landed near the vessel as it traveled off the coast of the port city of Hodeida.",
     "Al Hudaydah"),
    ("On Friday, a tanker was hit by a drone as it sailed past Odesa.", "Odesa"),
])
def test_where_the_target_was_going_locates_the_attack(services, text, place):
    assert key(place) in scenes(services, text)



@pytest.mark.parametrize("text", [
    # weapons made, sold or shipped are no attack at the places named with them
    "On Monday, ministers sanctioned Alabuga, the main producer of drones used in Ukraine.",
    "On Monday, deliveries of Shahed drones to Russia through Makhachkala were discussed.",
    # "sanctions targeting four commanders": a policy's aim
    "On Monday, the UK announced sanctions targeting two commanders in Nyala.",
    # an agency convening its partners holds no talks
    "On Wednesday, OCHA convened UN agencies and other humanitarian partners in Jenin.",
])
def test_words_of_attack_and_talks_in_other_senses_are_no_incident(services, text):
    assert scenes(services, text) == set()




def test_ministers_convening_for_talks_hold_talks(services):
    assert key("Doha") in scenes(services, "On Wednesday, the ministers convened in Doha for talks.")


def test_the_country_a_refuge_lies_in_is_no_scene(services):
    assert key("Ethiopia") not in scenes(services, "An assessment reported dozens of civilians killed by airstrikes on "
                                                   "4 June and 35,000 people who fled to Gambella region in Ethiopia.")
