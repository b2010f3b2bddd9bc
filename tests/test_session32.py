"""Session 32 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)
from test_session31 import scenes


def test_districts_side_by_side_are_a_list_not_a_district_and_its_holder(gaz):
    # "A, B and C districts": no district holds its neighbour, each is a scene of its own
    got = scenes(gaz, "In Cabo Delgado, insurgents attacked villages in the districts of Meluco, Muidumbe and "
                      "Ancuabe on 10 May.")
    assert {"Meluco", "Muidumbe", "Ancuabe District"} <= set(got)
    assert all(i.date_start == dt.date(2025, 5, 10) for i in got.values())
    # a town and its province still make one place ("Village, Region")
    got = scenes(gaz, "Shelling hit Tyre District, South Governorate on 10 May.")
    assert len(got) == 1


def test_a_bomb_that_hits_is_dropped_from_the_air(gaz):
    # one bomb told as hitting, striking or falling is an air strike, as bombs are; a car bomb stays an explosion
    got = scenes(gaz, "A Russian bomb struck a supermarket in Zaporizhzhia on 11 May, wounding six people.")
    assert [(n, i.type) for n, i in got.items()] == [("Zaporizhzhya", "air_strike")]
    got = scenes(gaz, "On 11 May a bomb fell on a school in Sloviansk.")
    assert [i.type for i in got.values()] == ["air_strike"]
    got = scenes(gaz, "On 11 May a car bomb hit an army convoy in Kismayo.")
    assert [i.type for i in got.values()] == ["explosion"]


def test_an_arabic_article_written_apart_joins_the_name(gaz):
    # "Dar es Salaam", "Deir ez Zor": the article as a word of its own, not the end of the name before it
    got = scenes(gaz, "Regional leaders met in Dar es Salaam on 10 May to call for a ceasefire.")
    assert [(n, i.place.country, i.type) for n, i in got.items()] == [("Dar es Salaam", "TZ", "diplomatic")]
    got = scenes(gaz, "On 10 May, drones struck an oil field near Deir ez Zor.")
    assert [i.place.country for i in got.values()] == ["SY"]


def test_a_dateline_of_two_towns_is_where_the_story_was_filed(gaz):
    # wires file a story from two capitals at once: neither is a scene, and the dateline's day is not the event's
    got = scenes(gaz, "KYIV/MOSCOW, May 14 (Reuters) - Russian drones struck the port of Izmail overnight, "
                      "officials said on Wednesday.")
    assert [(i.place.country, i.date_start, i.date_end) for i in got.values()] == \
        [("UA", dt.date(2025, 5, 13), dt.date(2025, 5, 14))]
    got = scenes(gaz, "ADDIS ABABA/NAIROBI, May 14 - Drone strikes hit Port Sudan on Wednesday.")
    assert list(got) == ["Port Sudan"]


def test_a_dateline_of_two_towns_gives_the_publication_day():
    from mapper.extract.dateline import stated_publication
    assert stated_publication("TEL AVIV/GAZA, June 3, 2024 (AP) - Israeli strikes hit Rafah, health officials "
                              "said on Monday, as talks on a ceasefire resumed in Cairo and Doha.") == dt.date(2024, 6, 3)


def test_a_day_that_modifies_the_event_pointed_back_to_dates_that_event(gaz):
    # "after Sunday's attack in X", "following the May 9 strike on X": the day is X's, not the clause's own event's
    got = scenes(gaz, "Russian drones struck Kharkiv on 13 May, following the May 9 missile strike on Sumy.")
    assert (got["Kharkiv"].date_start, got["Sumy"].date_start) == (dt.date(2025, 5, 13), dt.date(2025, 5, 9))
    got = scenes(gaz, "Israeli jets struck Sanaa on 13 May, after Sunday's missile attack on Haifa.")
    assert (got["Sanaa"].date_start, got["Haifa"].date_start) == (dt.date(2025, 5, 13), dt.date(2025, 5, 11))


def test_the_event_pointed_back_to_keeps_its_own_weapon(gaz):
    # the clause's weapon is its own event's: the phrase pointed back to names the weapon of its place
    got = scenes(gaz, "Russian missiles struck Odesa on 13 May, following the May 10 drone attack on Izmail.")
    assert sorted((i.type, i.date_start.day) for i in got.values()) == [("drone_strike", 10), ("missile_strike", 13)]


def test_an_event_dated_after_publication_is_yet_to_happen(gaz):
    # a meeting or strike the article dates after its own day is planned, whatever the verb's tense
    got = scenes(gaz, "Drones struck Odesa on 12 May, three days before a new round of talks in Istanbul on 15 May.")
    assert list(got) == ["Odesa"]
    got = scenes(gaz, "Ministers met in Brussels on 13 May; the next meeting, in Vilnius on 20 May, follows a summit.")
    assert list(got) == ["Brussels"]


def test_an_oblasts_strike_is_summed_up_by_a_site_struck_in_it(gaz):
    # the oblast's strike told after the base's is that strike, not another
    got = scenes(gaz, "On 12 May drones hit the Engels air base. The defence ministry confirmed an attack on an "
                      "airfield in Saratov Oblast, saying a fire broke out.")
    assert [i.place.kind for i in got.values()] == ["facility"]
    # a battle over a region is more than a siege of one site in it
    got = scenes(gaz, "On 12 May troops stormed the Kamal Adwan Hospital. Fighting raged across North Gaza on 12 May.")
    assert len(got) == 2


def test_a_region_labelling_its_paragraph_is_the_scene_not_a_dateline(gaz):
    # daily digests open each oblast's paragraph with its name and a colon
    got = scenes(gaz, "Kherson Oblast: On 12 May, Russian shelling killed two people.")
    assert [(n, i.type, i.killed) for n, i in got.items()] == [("Kherson Oblast", "shelling", 2)]
    # a town before a colon is still where the story was filed
    got = scenes(gaz, "Ouagadougou: Gunmen killed 12 soldiers near Djibo on 12 May.")
    assert list(got) == ["Djibo"]


def test_fire_aimed_at_a_place_is_an_attack_there(gaz):
    # "fired at", "fired upon" as "fired on"; a tank's fire is shelling (annotation.md)
    text = "Israeli airstrikes hit Tyre on 12 May. On 13 May, Israeli tanks fired on a UNIFIL position in Naqoura."
    got = scenes(gaz, text)
    assert sorted((i.place.name, i.type) for i in got.values()) == [("En Nâqoûra", "shelling"), ("Tyre", "air_strike")]
    got = scenes(gaz, "Gunmen attacked Gao on 10 May. On 13 May, soldiers fired at a bus near Sikasso, killing three.")
    assert got["Sikasso"].killed == 3 and got["Sikasso"].type == "ground_fighting"


def test_what_places_are_protected_from_is_no_event_however_long_the_object(gaz):
    got = scenes(gaz, "The outages were needed to protect power lines and generation facilities from another Russian "
                      "missile attack on Kyiv.")
    assert not got
    # a defence against one attack told is that attack
    got = scenes(gaz, "Air defences protected Kyiv from the missile attack on 12 May.")
    assert list(got) == ["Kyiv"]


def test_french_et_joins_a_name(gaz):
    got = scenes(gaz, "From 10 to 12 May, armed groups carried out attacks in the Mayo-Sava and Logone et Chari "
                      "divisions, Far North region.")
    assert {"Mayo-Sava", "Logone-et-Chari"} <= set(got)


def test_a_venue_fronted_after_a_day_word_is_where_the_talks_were(gaz):
    got = scenes(gaz, "Yesterday in Nairobi, the envoy held talks with both delegations.")
    assert [(n, i.type, i.date_start) for n, i in got.items()] == [("Nairobi", "diplomatic", dt.date(2025, 5, 13))]
    got = scenes(gaz, "This morning in Baku, the ministers held talks on the border.")
    assert [i.type for i in got.values()] == ["diplomatic"]


def test_a_month_of_last_year():
    from mapper.extract.dates import find_dates
    got = find_dates("the town fell in March last year", dt.date(2025, 2, 10))
    assert got[0][2].start == dt.date(2024, 3, 1) and got[0][2].end == dt.date(2024, 3, 31)


def test_the_event_a_superlative_is_compared_with_is_that_days(gaz):
    # "the biggest gain since it captured X in May last year": X's capture is last year's, no event of the day
    got = scenes(gaz, "On 13 May Russian forces stormed Chasiv Yar, their biggest assault since they captured Bakhmut "
                      "in May last year.")
    assert list(got) == ["Chasiv Yar"]
    got = scenes(gaz, "Drones struck Odesa on 13 May, the heaviest attack on the city since the strike on Izmail "
                      "on 2 February.")
    assert list(got) == ["Odesa"]


def test_a_meeting_that_was_struck_is_no_talks(gaz):
    from mapper.aggregate import dedupe
    from mapper.model import Article
    from mapper.pipeline import extract_article
    text = ("Two missiles struck Sumy on 13 May, killing 34. Russia's Defence Ministry said it had targeted a meeting "
            "of Ukrainian commanders in Sumy.")
    items, _ = extract_article(Article(id="t", text=text, title="Update", published=dt.date(2025, 5, 14)), gaz)
    assert [(i.place.name, i.type) for i in dedupe(items)] == [("Sumy", "missile_strike")]


def test_a_ukrainian_adjective_name_in_sky_is_the_skyi_place(gaz):
    # "Khmelnytsky", "Kropyvnytsky": the "-skyi" of the gazetteer written "-sky", as wires and older copy do
    got = scenes(gaz, "On 13 May Russian drones struck Khmelnytsky and a depot near Kropyvnytsky.")
    assert sorted(got) == ["Khmelnytskyi", "Kropyvnytskyi"]
    got = scenes(gaz, "On 13 May drones hit the Khmelnytsky region.")
    assert [i.place.kind for i in got.values()] == ["admin1"]
