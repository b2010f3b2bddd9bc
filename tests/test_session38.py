"""Session 38 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article


def _typed(gaz, text, title="Statement", published=dt.date(2025, 6, 10)):
    """(place, type, first day) of the deduplicated incidents of a one-paragraph article."""
    items, _ = extract_article(Article(id="t", title=title, text=text, published=published), gaz)
    return sorted((i.place.name, i.type, str(i.date_start)) for i in dedupe(items))


def test_where_people_went_or_gathered_for_a_meeting_is_its_venue(gaz):
    # the venue told before the meeting word, by a verb of being or arriving there
    assert _typed(gaz, "On Tuesday, defence ministers gathered in Brussels for a meeting on air defence.") \
        == [("Brussels", "diplomatic", "2025-06-10")]
    assert _typed(gaz, "Last week the foreign secretary travelled to Cairo, where he held talks with the "
                       "Egyptian government.") == [("Cairo", "diplomatic", "2025-06-02")]
    assert _typed(gaz, "The envoy arrived in Kinshasa on Sunday for talks with the country's leaders.") \
        == [("Kinshasa", "diplomatic", "2025-06-08")]
    # a trip that was for no meeting names no venue
    assert _typed(gaz, "On Tuesday the minister travelled to Cairo after the talks.") == []
    assert _typed(gaz, "On Tuesday the ministers visited Kyiv to show support.") == []


def test_a_meeting_with_a_guest_named_by_office_is_talks(gaz):
    # "met President X", with the venue told before it
    assert _typed(gaz, "On Monday she visited Chisinau, where she met President Sandu.") \
        == [("Chisinau", "diplomatic", "2025-06-09")]
    assert _typed(gaz, "The envoy visited Doha on Sunday and met Prime Minister Al Thani.") \
        == [("Doha", "diplomatic", "2025-06-08")]
    # meeting someone named by no office is no talks ("met Ukrainian families")
    assert _typed(gaz, "On Monday she visited Chisinau, where she met families of refugees.") == []


def test_where_someone_was_while_meeting_is_the_venue(gaz):
    # "while in X" tells where the meeting was; for any other event it is only where the speaker was
    assert _typed(gaz, "While in Nairobi, the minister also met with the Kenyan foreign minister.") \
        == [("Nairobi", "diplomatic", "2025-06-10")]
    assert _typed(gaz, "While in Nairobi on Monday, the minister said drones had struck Port Sudan.") \
        == [("Port Sudan", "drone_strike", "2025-06-09")]


def test_addis_alone_is_addis_ababa(gaz):
    # the usual short form of Ethiopia's capital, not the town of that name in Louisiana
    assert _typed(gaz, "On Monday the envoy held talks in Addis with the Ethiopian government.") \
        == [("Addis Ababa", "diplomatic", "2025-06-09")]


def test_debris_of_a_downed_weapon_coming_down_on_a_place_is_a_strike_there(gaz):
    # annotation.md: interceptions over a place are strikes there; what is left of the drone or missile falls on it
    assert _typed(gaz, "Air defences shot down 30 drones overnight. Debris fell on a house in Vinnytsia, "
                       "the regional governor said.") == [("Vinnytsya", "drone_strike", "2025-06-09")]
    assert _typed(gaz, "On Sunday, fragments landed on a school yard in Bila Tserkva during an air alert.") \
        == [("Bila Tserkva", "missile_strike", "2025-06-08")]
    # debris cleared or buried under is what a strike left, no strike of its own
    assert _typed(gaz, "On Monday, workers cleared debris from the streets of Vinnytsia.") == []


def test_a_place_a_passive_participle_describes_does_not_speak(gaz):
    # "X reported by Y": what Y reported about X, not X reporting
    assert _typed(gaz, "The UK condemns the drone attack on the Kursk Nuclear Power Plant reported by the IAEA "
                       "on 8 June.") == [("Kursk Nuclear Power Plant", "drone_strike", "2025-06-08")]
    # "Kyiv reported ..." is still a capital speaking
    assert _typed(gaz, "On 8 June, Kyiv reported that drones had struck Kharkiv.") \
        == [("Kharkiv", "drone_strike", "2025-06-08")]


def _paragraphs(gaz, *paragraphs, published=dt.date(2025, 6, 9)):
    items, _ = extract_article(Article(id="t", title="Weekly update", text="\n\n".join(paragraphs),
                                       published=published), gaz)
    return sorted((i.place.name, i.type, str(i.date_start), i.killed) for i in dedupe(items))


def test_a_bomb_told_on_a_day_counted_from_another_types_no_attack_of_that_other_day(gaz):
    # the IED's day is counted from the day told before it ("two days later": 5 June), so the attack of 3 June
    # is not typed by it
    assert _paragraphs(gaz, "Security incidents continued.",
                       "On 3 June, NSAGs attacked a military post in Djibo, killing 20 soldiers. Two days later, an "
                       "IED struck a convoy near Arbinda, killing three civilians.") \
        == [("Aribinda", "explosion", "2025-06-05", 3), ("Djibo", "ground_fighting", "2025-06-03", 20)]


def test_a_place_labelling_a_paragraph_is_no_scene_beside_the_places_its_sentence_names(gaz):
    assert _paragraphs(gaz, "Hostilities continued across the country.",
                       "Khartoum: Clashes were reported in Omdurman on 7 June.") \
        == [("Omdurman", "ground_fighting", "2025-06-07", None)]
    assert _paragraphs(gaz, "Hostilities continued across the east.",
                       "Kherson: On 7 June, shelling hit Bilozerka, killing two.") \
        == [("Bilozerka", "shelling", "2025-06-07", 2)]
    # a label is the scene when the sentence names no place of its own
    assert _paragraphs(gaz, "Hostilities continued across the east.",
                       "Kherson: On 7 June, shelling hit a market in the city, killing two.") \
        == [("Kherson", "shelling", "2025-06-07", 2)]


def test_the_kind_of_unit_after_a_name_chooses_between_namesake_first_level_regions(gaz):
    # Punjab is a province of Pakistan and a state of India; Plateau a state of Nigeria and a department of Benin
    def region(text):
        items, _ = extract_article(Article(id="t", title="Report", text=text, published=dt.date(2025, 6, 9)), gaz)
        return [(i.place.name, i.place.country) for i in dedupe(items)]
    assert region("On Saturday, drones struck a village in Punjab province, killing two.") == [("Punjab", "PK")]
    assert region("On Saturday, drones struck a village in Punjab state, killing two.") == [("Punjab", "IN")]
    assert region("On Saturday, gunmen attacked a village in Plateau state, killing 20.") == [("Plateau", "NG")]
    # both orders in one process: the word is part of what is remembered per name
    assert region("On Saturday, drones struck a village in Punjab province, killing two.") == [("Punjab", "PK")]


def test_a_raid_on_the_ground_after_strikes_at_the_same_town_is_an_event_of_its_own(gaz):
    # strikes, then troops going in: two families at one place (annotation.md: one incident per family, place, day)
    assert _paragraphs(gaz, "Operations continued in the northern West Bank.",
                       "On 5 June, Israeli aircraft struck Tammun. Later, soldiers stormed the town and clashes with "
                       "armed Palestinians were reported.") \
        == [("Ţammūn", "air_strike", "2025-06-05", None), ("Ţammūn", "ground_fighting", "2025-06-05", None)]
    # a strike told again by an assault word is the strike, no battle
    assert _paragraphs(gaz, "Attacks continued.",
                       "On 5 June, drones struck Kupiansk. The town was targeted again in a repeat assault.") \
        == [("Kupyansk", "drone_strike", "2025-06-05", None)]


def test_a_summit_named_by_its_club_is_a_meeting_at_its_venue(gaz):
    assert _typed(gaz, "At the G20 in Johannesburg last week, I listened to the Russian foreign minister.") \
        == [("Johannesburg", "diplomatic", "2025-06-02")]
    # the club's members are no meeting
    assert _typed(gaz, "On Monday, the G7 countries in Brussels announced new sanctions.") == []


def test_a_region_labelling_a_line_before_a_dash_is_the_scene_of_what_follows(gaz):
    # an address's telegraphic lines: "Region — weapon."
    assert _paragraphs(gaz, "The situation at the front remains difficult.",
                       "Kharkiv region — shelling again. Sumy region — drones.") \
        == [("Kharkiv Oblast", "shelling", "2025-06-09", None), ("Sumy Oblast", "drone_strike", "2025-06-09", None)]
    # a town before a dash opening the story is its dateline
    assert _paragraphs(gaz, "ODESA — Russian drones struck Izmail overnight.") \
        == [("Izmayil", "drone_strike", "2025-06-08", None)]


def test_a_bombing_by_a_group_with_no_aircraft_is_a_bomb_set_off(gaz):
    assert _typed(gaz, "Al-Shabaab claimed the bombing of a hotel in Mogadishu on 8 June.") \
        == [("Mogadishu", "explosion", "2025-06-08")]
    # a state's forces bomb from the air
    assert _typed(gaz, "On 8 June, Israeli warplanes bombed a school in Gaza City.") \
        == [("Gaza", "air_strike", "2025-06-08")]


def test_a_group_whose_sites_were_hit_is_no_attacker(gaz):
    def actors(text):
        items, _ = extract_article(Article(id="t", title="Report", text=text, published=dt.date(2025, 6, 10)), gaz)
        return [i.actor for i in dedupe(items)]
    assert actors("On 8 June, the army bombed ISIS hideouts near Raqqa.") == [None]
    # where the fire came from is the attacker's ("fire from M23 positions")
    assert actors("On 8 June, shells fired from M23 positions hit a camp near Goma.") == ["M23"]


def test_a_bomb_attack_is_from_the_air_when_a_state_made_it_else_a_bomb_set_off(gaz):
    assert _typed(gaz, "On Sunday, a Russian bomb attack on a hypermarket in Kharkiv killed 19 people.") \
        == [("Kharkiv", "air_strike", "2025-06-08")]
    assert _typed(gaz, "On Sunday, a bomb attack on a market in Quetta killed 19 people.") \
        == [("Quetta", "explosion", "2025-06-08")]
    assert _typed(gaz, "On Sunday, a Russian bomb strike on Zaporizhzhia killed two people.") \
        == [("Zaporizhzhya", "air_strike", "2025-06-08")]


def test_cluster_munitions_are_a_strike_typed_by_the_weapon_that_carried_them(gaz):
    assert _typed(gaz, "On Sunday, a cluster munition attack on Kostiantynivka killed 17 people.") \
        == [("Kostyantynivka", "missile_strike", "2025-06-08")]
    assert _paragraphs(gaz, "Russian artillery shelled the region again.",
                       "On 8 June, a cluster munition attack on Bilozerka killed two people.") \
        == [("Bilozerka", "shelling", "2025-06-08", 2)]


def test_no_before_another_noun_does_not_deny_a_definite_event_after_it(gaz):
    assert _typed(gaz, "There can be no excuse for Russia's strike on Sumy on Sunday.") \
        == [("Sumy", "missile_strike", "2025-06-08")]
    # an indefinite event after it is denied, and so is the event right after "no"
    assert _typed(gaz, "There is no evidence of an attack on Kherson on Sunday.") == []
    assert _typed(gaz, "There were no strikes on Kyiv on Sunday.") == []


def test_what_an_investigation_is_called_into_happened(gaz):
    assert _typed(gaz, "The UK has called for an investigation into the strike on a school in Khan Younis on 5 June.") \
        == [("Khān Yūnis", "air_strike", "2025-06-05")]
    # what an end is called to is no event of a day
    assert _typed(gaz, "We call for an end to the shelling of Kharkiv.") == []
