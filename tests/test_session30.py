"""Session 30 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article


def scenes(gaz, text, title="Update", published=dt.date(2025, 5, 14)):
    items, _ = extract_article(Article(id="t", text=text, title=title, published=published), gaz)
    return {i.place.name: i for i in dedupe(items)}


def test_a_site_struck_by_the_noun_that_placed_it_is_struck_there(gaz):
    # a briefing places a site, then strikes it by the same noun: the strike is at the site's place
    got = scenes(gaz, "Analysts had located a compound 20 km north of Gao that the group used to store explosives. "
                      "Mirage jets struck the compound with guided bombs on 12 May.")
    assert list(got) == ["20 km north of Gao"]
    assert got["20 km north of Gao"].type == "air_strike" and got["20 km north of Gao"].date_start == dt.date(2025, 5, 12)
    got = scenes(gaz, "Surveillance found two warehouses near Kramatorsk holding ammunition. On Tuesday, Russian "
                      "missiles hit both warehouses, officials said.")
    assert list(got) == ["Kramatorsk"] and got["Kramatorsk"].date_start == dt.date(2025, 5, 13)
    # another noun names another thing; another paragraph is another story
    got = scenes(gaz, "Surveillance found two warehouses near Kramatorsk holding ammunition. On Tuesday, Russian "
                      "missiles hit the airfield, officials said.")
    assert "Kramatorsk" not in got
    got = scenes(gaz, "Surveillance found two warehouses near Kramatorsk holding ammunition.\n\nOn Tuesday, Russian "
                      "missiles hit the warehouses, officials said.")
    assert "Kramatorsk" not in got


def test_a_road_named_by_its_two_ends_is_one_place_between_them(gaz):
    # sitreps place ambushes and roadside bombs on the road between two towns, named by its ends
    for road in ("Kaya-Dori road", "Kaya–Dori highway", "Kaya-Dori main axis"):
        got = scenes(gaz, f"On 7 May, an IED hit a bus on the {road}, killing six passengers.")
        assert list(got) == ["Kaya–Dori road"], road
        kaya, dori = (scenes(gaz, f"On 7 May, an IED hit a bus in {n}.")[n].place for n in ("Kaya", "Dori"))
        at = got["Kaya–Dori road"]
        assert at.type == "explosion" and at.place.geo_precision == 2 and at.place.country == "BF"
        assert min(kaya.lat, dori.lat) < at.place.lat < max(kaya.lat, dori.lat)
    got = scenes(gaz, "On 9 May, armed men ambushed a convoy on the Beni-Butembo road, injuring two drivers.")
    assert list(got) == ["Beni–Butembo road"] and got["Beni–Butembo road"].type == "ground_fighting"
    # a road too long to say where on it, and a railway line, place nothing at their ends
    got = scenes(gaz, "On 9 May, saboteurs blew up a bridge on the Kyiv-Odesa highway.")
    assert not {"Kyiv", "Odesa", "Kyiv–Odesa road"} & set(got)
    got = scenes(gaz, "On 9 May, saboteurs damaged the Warsaw-Lublin railway line.")
    assert not {"Warsaw", "Lublin"} & set(got)


def test_christmas_morning_and_night_are_the_25th(gaz):
    for part in ("morning", "night", "evening"):
        got = scenes(gaz, f"On Christmas {part}, Russia launched a massive missile attack on Kharkiv.",
                     published=dt.date(2024, 12, 27))
        assert got["Kharkiv"].date_start == got["Kharkiv"].date_end == dt.date(2024, 12, 25), part


def test_a_known_air_base_is_found_whatever_head_the_text_writes_it_with(gaz):
    # the curated table lists "Al Asad Airbase" among the base's names; news also writes "Air Base", "airfield"
    for head in ("Air Base", "air base", "airfield"):
        got = scenes(gaz, f"On 12 May, a rocket attack on Al Asad {head} injured several personnel.")
        assert list(got) == ["Ain al-Asad Air Base"], head


def test_sites_placed_one_by_one_place_the_strikes_just_told(gaz):
    got = scenes(gaz, "Early this morning, U.S. forces conducted strikes on two facilities in eastern Syria used by "
                      "militias. One facility was near Abu Kamal; the other was located near Mayadin.")
    assert {"Ālbū Kamāl", "Al Mayādīn"} <= set(got)
    assert all(got[n].type == "air_strike" and got[n].date_start == dt.date(2025, 5, 14) for n in ("Ālbū Kamāl", "Al Mayādīn"))
    # a sentence of its own event is no such list
    got = scenes(gaz, "Early this morning, U.S. forces conducted strikes on two facilities in eastern Syria. One "
                      "facility was near Abu Kamal.\n\nAnother convoy was in Mayadin for talks.")
    assert "Al Mayādīn" not in got


def test_the_side_told_as_attacked_is_not_the_attacker(gaz):
    # a side that "came under attack" or "was ambushed" is who was attacked
    for told in ("Russian soldiers came under attack near Bakhmut", "Russian troops came under heavy fire near Bakhmut",
                 "Russian soldiers were ambushed near Bakhmut"):
        got = scenes(gaz, f"On 12 May, {told}.")
        assert got["Bakhmut"].actor is None, told
    got = scenes(gaz, "On 12 May, Russian soldiers were ambushed near Bakhmut by Ukrainian special forces.")
    assert got["Bakhmut"].actor == "Ukraine"
    got = scenes(gaz, "On 12 May, Russian troops came under heavy fire from Ukrainian forces near Bakhmut.")
    assert got["Bakhmut"].actor == "Ukraine"
    got = scenes(gaz, "On 12 May, Russian soldiers attacked Ukrainian positions near Bakhmut.")
    assert got["Bakhmut"].actor == "Russia"


def test_a_vehicle_driven_into_people_is_an_attack_by_civilian_means(gaz):
    for told in ("a car was driven into a crowd of demonstrators", "a man drove a van into shoppers",
                 "a truck ploughed into pedestrians"):
        got = scenes(gaz, f"In Munich, {told} yesterday, injuring at least 28 people.")
        assert list(got) == ["Munich"] and got["Munich"].type == "other", told
        assert got["Munich"].date_start == dt.date(2025, 5, 13)
    # a car driven into a ditch or a wall hurts no one on purpose
    got = scenes(gaz, "In Munich, a drunk driver drove his car into a ditch yesterday.")
    assert not got


def test_armed_men_who_attack_fight_on_the_ground(gaz):
    # a sitrep's "armed men attacked" is no bombing, whatever explosive device the report names next
    got = scenes(gaz, "On 11 May, unidentified armed men attacked a bus near Bandiagara, killing at least 12 "
                      "passengers. On the same day, an IED exploded under a truck near Mopti.")
    assert got["Bandiagara"].type == "ground_fighting" and got["Mopti"].type == "explosion"


def test_a_road_told_by_its_ends_in_words_is_the_same_road(gaz):
    for told in ("the road from Bambari to Bria", "the road between Bambari and Bria", "the Bambari-Bria axis"):
        got = scenes(gaz, f"On 7 May, armed men attacked a truck on {told}.")
        assert list(got) == ["Bambari–Bria road"], told
        assert got["Bambari–Bria road"].type == "ground_fighting"
    # an end the gazetteer does not know leaves the one it knows
    got = scenes(gaz, "On 7 May, an IED exploded under a truck on the road between Mopti and Sevare.")
    assert list(got) == ["Mopti"]


def test_a_bombing_at_a_place_is_a_bomb_set_off_whatever_weapon_the_article_names(gaz):
    got = scenes(gaz, "On 12 May, Russian drones struck Odesa. On 13 May, a bombing in Mariupol killed two officials.")
    assert got["Odesa"].type == "drone_strike" and got["Mariupol"].type == "explosion"
    # "bombings" named by their place, told with their day
    got = scenes(gaz, "The Kerman bombings on 3 May killed 95 people.")
    assert got["Kerman"].type == "explosion" and got["Kerman"].date_start == dt.date(2025, 5, 3)
    # a state's bombing of a place is from the air
    got = scenes(gaz, "On 12 May, Russian jets continued the bombing of Kharkiv.")
    assert got["Kharkiv"].type == "air_strike"


def test_officials_killed_at_a_place_are_not_its_speakers(gaz):
    got = scenes(gaz, "On 13 May, a bombing in Kabul killed two officials.")
    assert got["Kabul"].type == "explosion" and got["Kabul"].killed == 2
    # the town's own officials still only speak: "drones struck Odesa, Kyiv officials said"
    got = scenes(gaz, "On 13 May, drones struck Odesa, Kyiv officials said.")
    assert list(got) == ["Odesa"]


def test_a_village_told_near_a_town_is_not_a_far_namesake(gaz):
    # the gazetteer's Lyubimovka is a namesake hundreds of km away: the text says it is by Sevastopol
    got = scenes(gaz, "On 12 May, missile fragments fell on the beach at Lyubimovka on the northern outskirts of "
                      "Sevastopol. Later the beaches in the Lyubimovka area were closed after more strikes.")
    sev = scenes(gaz, "On 12 May, missiles struck Sevastopol.")["Sevastopol"].place
    at = got["Lyubimovka"].place
    assert abs(at.lat - sev.lat) < 0.01 and abs(at.lon - sev.lon) < 0.01 and at.geo_precision == 2
    # a bearing with no distance may reach far: the town keeps its own point
    got = scenes(gaz, "On 12 May, at As Salif, due west of Sanaa on the Red Sea coast, aircraft struck a radar station.")
    salif = got["Aş Şalīf"].place
    sanaa = scenes(gaz, "On 12 May, aircraft struck Sanaa.")["Sanaa"].place
    assert sanaa.lon - salif.lon > 1  # As Salif lies on the coast, 150 km west of Sanaa


def test_a_toll_told_over_a_period_is_not_summed_with_the_period_s_day(gaz):
    got = scenes(gaz, "Attacks in Djugu killed 15 civilians between 10 and 14 May.")
    assert got["Djugu"].killed == 15
    # a toll told in two parts is their sum
    got = scenes(gaz, "On 12 May, attacks in Djugu killed three soldiers and six civilians.")
    assert got["Djugu"].killed == 9


def test_fighting_that_spread_to_a_region_is_there(gaz):
    got = scenes(gaz, "On 30 April, the fighting spread to Sweida governorate.")
    assert list(got) == ["As-Suwayda"] and got["As-Suwayda"].type == "ground_fighting"
    # a region named after other words of "to" stays no scene
    got = scenes(gaz, "On 30 April, the fighting in Jaramana forced families to flee to Sweida governorate.")
    assert "As-Suwayda" not in got


def test_a_place_the_speaker_calls_our_is_governed_past_the_pronoun(gaz):
    # an address: "strikes on our Donetsk region" is "strikes on Donetsk region"
    got = scenes(gaz, "Also today, there were strikes on our Donetsk region, Kharkiv region, the Sumy border area.")
    assert {"Donetsk Oblast", "Kharkiv Oblast", "Sumy"} <= set(got)


def test_the_front_a_meeting_was_about_is_its_topic(gaz):
    got = scenes(gaz, "I held a meeting with the Commander-in-Chief on the situation at the front: Bakhmut, Avdiivka, "
                      "Marinka.")
    assert not got
    got = scenes(gaz, "I held a meeting with the Commander-in-Chief in Kyiv on the situation at the front.")
    assert list(got) == ["Kyiv"] and got["Kyiv"].type == "diplomatic"


def test_a_capital_whose_attack_on_another_is_told_is_the_attacker(gaz):
    got = scenes(gaz, "On 13 May, Iran launched drones and missiles at Israel, in Tehran's first direct military "
                      "attack on Israel.")
    assert "Tehran" not in got and "Israel" in got
    # a town's own worst attack is the attack on it
    got = scenes(gaz, "On 13 May, missiles struck Kharkiv in the city's worst attack this year.")
    assert "Kharkiv" in got


def test_a_full_name_given_a_title_is_a_person_wherever_it_stands(gaz):
    # "Hassan" is also a town in India; here it is a man, titled in the body and named bare in the headline
    got = scenes(gaz, "On 13 May, an Israeli strike in Beirut killed Hezbollah leader Hassan Nasrallah.",
                 title="Statement on the death of Hassan Nasrallah")
    assert list(got) == ["Beirut"]
    # the town stays a town where no title makes its name a person's
    got = scenes(gaz, "On 12 May, a bombing in Hassan killed two people.")
    assert list(got) == ["Hassan"]


def test_a_clock_s_time_zone_is_no_scene(gaz):
    got = scenes(gaz, "On May 12, at approximately 11:45 p.m. (Sanaa time), U.S. forces conducted strikes against "
                      "Houthi targets in Yemen.")
    assert "Sanaa" not in got and got["Yemen"].date_start == dt.date(2025, 5, 12)
    got = scenes(gaz, "On May 12, at 04:00 Kyiv time, Russian missiles struck Lviv.")
    assert list(got) == ["Lviv"]
