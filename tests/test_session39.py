"""Session 39 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer.  The village names are invented, so that the gazetteer lacks them."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article


def _placed(gaz, text, title="Statement", published=dt.date(2025, 6, 10)):
    """(place, geo_precision, type, first day) of the deduplicated incidents of a one-paragraph article."""
    items, _ = extract_article(Article(id="t", title=title, text=text, published=published), gaz)
    return sorted((i.place.name, i.geo_precision, i.type, str(i.date_start)) for i in dedupe(items))


def test_villages_a_settlement_noun_names_beside_a_known_scene_are_incidents_in_the_region(gaz):
    # issue 13, "far namesakes": a village the gazetteer lacks lies in the region the story is about, with its
    # name kept; a settlement noun says the names are villages even when the clause also names a known town
    assert _placed(gaz, "Russian forces shelled Kupiansk and the villages of Brelivka and Ostrokolie in Kharkiv "
                        "Oblast on Monday, the governor said.") == [
        ("Brelivka", 3, "shelling", "2025-06-09"), ("Kupyansk", 1, "shelling", "2025-06-09"),
        ("Ostrokolie", 3, "shelling", "2025-06-09")]
    assert _placed(gaz, "Militants attacked Beni and the Muntabo village in North Kivu on Monday, killing 12 "
                        "civilians.") == [("Beni", 1, "ground_fighting", "2025-06-09"),
                                          ("Muntabo", 3, "ground_fighting", "2025-06-09")]
    # without the noun, a name beside a known scene may be anything: it is left out
    assert _placed(gaz, "Russian forces shelled Kupiansk and Brelivka in Kharkiv Oblast on Monday, the governor "
                        "said.") == [("Kupyansk", 1, "shelling", "2025-06-09")]
    # a village the text places in or near a town it names is that town's incident (near: precision 2)
    assert _placed(gaz, "Russian troops stormed the village of Brelivka near Kupiansk in Kharkiv Oblast on "
                        "Monday.") == [("Kupyansk", 2, "ground_fighting", "2025-06-09")]


def test_the_preposition_of_a_phrasal_event_word_is_no_role(gaz):
    # "to" governs a recipient ("drones supplied to Kyiv"), but not when it is the event word's own ("laid siege to")
    assert _placed(gaz, "Militants laid siege to Djibo on 17 February.", published=dt.date(2022, 3, 10)) \
        == [("Djibo", 1, "ground_fighting", "2022-02-17")]
    assert _placed(gaz, "Russia supplied drones to Minsk on 17 February.", published=dt.date(2022, 3, 10)) == []


def test_where_a_speaker_was_when_meeting_is_the_venue(gaz):
    # ministerial statements: "I was in X, where I met ..." (being there, and the meeting in the place's own clause)
    assert _placed(gaz, "On Tuesday I was in Kyiv, where I met President Zelensky.", published=dt.date(2025, 11, 4)) \
        == [("Kyiv", 1, "diplomatic", "2025-11-04")]
    assert _placed(gaz, "Last week the Foreign Secretary was in Ankara, where she held talks with her Turkish "
                        "counterpart.", published=dt.date(2025, 11, 4)) == [("Ankara", 1, "diplomatic", "2025-10-27")]
    # being somewhere for talks is no meeting held there
    assert _placed(gaz, "A convoy was in Mayadin for talks on Tuesday.", published=dt.date(2025, 11, 4)) == []
    # the days of the stay between the place and the meeting ("November 3-4", "on Monday") keep the place its venue
    assert _placed(gaz, "Deputy Secretary Landau traveled to Kinshasa November 3-4, where he met President "
                        "Tshisekedi.", published=dt.date(2025, 11, 4)) == [("Kinshasa", 1, "diplomatic", "2025-11-03")]
    assert _placed(gaz, "The envoy travelled to Doha on Monday, where she held talks with the Qatari prime minister.",
                   published=dt.date(2025, 11, 4)) == [("Doha", 1, "diplomatic", "2025-11-03")]


def test_a_toll_over_several_days_belongs_to_no_one_day(gaz):
    # annotation.md: a total that cannot be split between incidents is none of theirs (the map would count it twice)
    items, _ = extract_article(Article(id="t", title="Statement", published=dt.date(2025, 11, 4),
                                       text="Russian strikes on Kyiv on 1 and 2 November killed 10 people."), gaz)
    assert sorted((str(i.date_start), i.killed) for i in dedupe(items)) == [("2025-11-01", None), ("2025-11-02", None)]
    # one day keeps its toll
    items, _ = extract_article(Article(id="t", title="Statement", published=dt.date(2025, 11, 4),
                                       text="Russian strikes on Kyiv on 2 November killed 10 people."), gaz)
    assert [(str(i.date_start), i.killed) for i in dedupe(items)] == [("2025-11-02", 10)]


def test_a_vehicle_travelling_between_two_towns_is_attacked_on_the_route_from_the_first(gaz):
    # "travelling from X to Y" was one incident at X; "travelling between X and Y" is the same route, not two scenes
    assert _placed(gaz, "An attack by gunmen on a bus travelling between Gao and Ansongo on 5 May killed six "
                        "passengers.", published=dt.date(2025, 5, 7)) == [("Gao", 1, "ground_fighting", "2025-05-05")]


def test_a_bearing_from_a_town_with_no_distance_is_near_it(gaz):
    # "north of Goma" says the event was around Goma, not in it: precision 2, as "near Goma" ("170 km north of" moves
    # the point itself)
    assert _placed(gaz, "M23 rebels and Wazalendo militias clashed on Monday in villages north of Goma, residents "
                        "said.", published=dt.date(2025, 5, 6)) == [("Goma", 2, "ground_fighting", "2025-05-05")]
    assert _placed(gaz, "M23 rebels and Wazalendo militias clashed on Monday in Goma, residents said.",
                   published=dt.date(2025, 5, 6)) == [("Goma", 1, "ground_fighting", "2025-05-05")]


def test_what_statements_ask_for_defend_against_or_remember_is_no_event(gaz):
    # an appeal: "refrain from attacks" tells none (as "calls for an end to the shelling" already did)
    assert _placed(gaz, "We call on all parties to refrain from attacks on civilians in Gaza and the West Bank.") == []
    # what a place is to be defended against is a threat, not a strike there ...
    assert _placed(gaz, "Ukraine's forces must be able to defend Kharkiv and Odesa against Russian missiles.") == []
    # ... but a defence against one attack told is that attack
    assert _placed(gaz, "Air defences defended Kyiv against the missile attack on Monday.") \
        == [("Kyiv", 1, "missile_strike", "2025-06-09")]
    # an anniversary recalls its event (annotation.md: recalled background)
    assert _placed(gaz, "The anniversary of the Bucha massacre reminds us of Russia's crimes.") == []


def test_where_a_weapon_was_made_is_no_scene(gaz):
    # annotation.md: origins of weapons are not incident places
    assert _placed(gaz, "Drones made in Iran struck Kyiv on Monday, killing two.") \
        == [("Kyiv", 1, "drone_strike", "2025-06-09")]


def test_a_place_before_a_relative_clause_of_people_is_no_scene_of_its_event(gaz):
    # "who" has people for antecedent, never the place before it ("where" may: "in Kherson, where shelling killed two")
    assert _placed(gaz, "Last month, I met families in Rzeszow who had fled the bombing of Kharkiv.",
                   published=dt.date(2025, 4, 15)) == [("Kharkiv", 1, "air_strike", "2025-03-01")]
    # an event word before the place still governs it
    assert _placed(gaz, "Russian shelling killed three people in Kherson who were waiting at a bus stop on Monday.",
                   published=dt.date(2025, 4, 15)) == [("Kherson", 1, "shelling", "2025-04-14")]


def test_a_part_of_a_town_named_like_a_place_abroad_is_the_towns(gaz):
    # "Mogadishu's Lido": the possessive says the place lies in Mogadishu; Italy's Lido is a namesake
    assert _placed(gaz, "Al-Shabaab fighters stormed a hotel in Mogadishu's Lido beach on the evening of 12 April.",
                   published=dt.date(2025, 4, 15)) == [("Mogadishu", 1, "ground_fighting", "2025-04-12")]
    # an owned town of the owner's country is the scene, its owner only locates it
    assert _placed(gaz, "Ukrainian drones hit Belgorod's Shebekino on Monday.", published=dt.date(2025, 4, 15)) \
        == [("Shebekino", 1, "drone_strike", "2025-04-14")]


def test_a_years_toll_is_a_statistic(gaz):
    # "killed N this year" counts the year's dead, no event's; one event ranked against the year keeps its toll
    assert _placed(gaz, "Security forces have killed more than 90 people in Tulkarm this year, the ministry said.",
                   published=dt.date(2025, 6, 17)) == []
    assert _placed(gaz, "The attack in Kramatorsk on Monday killed 12 people, the deadliest this year.",
                   published=dt.date(2025, 6, 17)) == [("Kramatorsk", 1, "ground_fighting", "2025-06-16")]


def test_a_ship_attacked_off_a_coastal_town_is_struck_from_afar_near_it(gaz):
    # at sea off the town: no fight on the ground there, and around the town (precision 2), not in it
    assert _placed(gaz, "Houthi rebels attacked the bulk carrier Magic Seas off Hodeidah on Sunday, setting it on fire.",
                   published=dt.date(2025, 7, 8)) == [("Al Ḩudaydah", 2, "missile_strike", "2025-07-06")]
