"""Session 34 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)
from test_session31 import scenes

from mapper.aggregate import dedupe
from mapper.extract.roles import excluded
from mapper.geo.names import key
from mapper.model import Article, Clause
from mapper.pipeline import extract_article


def _story(gaz, title, *paragraphs, published=dt.date(2025, 5, 14)):
    items, _ = extract_article(Article(id="t", title=title, text="\n\n".join(paragraphs), published=published), gaz)
    return sorted((i.place.name, i.place.admin1_gn, i.place.geo_precision, i.type) for i in dedupe(items))


def test_a_village_the_gazetteer_lacks_lies_in_the_region_of_the_storys_towns(gaz):
    # a story whose towns all lie in one admin-1 region that it never names: the village it lacks is placed
    # in that region (geo_precision 3, its own name kept), not dropped
    got = _story(gaz, "Gunmen kill 14 in northern Burkina Faso",
                 "Gunmen killed 14 people in the village of Kounbalga on Sunday, officials in Ouahigouya said. "
                 "Residents fled to Ouahigouya and Titao.")
    assert got == [("Kounbalga", "BF.10", 3, "ground_fighting")]
    # a story that names no other place has no region to put it in
    assert _story(gaz, "Gunmen kill 14", "Gunmen killed 14 people in the village of Kounbalga on Sunday.") == []


def test_a_name_qualifying_the_noun_after_it_is_no_village(gaz):
    # "in the Catholic church of X", "in Mideast waters": an adjective-like name before a noun names no village
    got = _story(gaz, "Gunmen kill 14 in northern Burkina Faso",
                 "Gunmen killed 14 people on Sunday in the Catholic church, officials in Ouahigouya said. "
                 "Residents fled to Ouahigouya and Titao.")
    assert got == []
    got = _story(gaz, "Gunmen kill 14 in northern Burkina Faso",
                 "Gunmen killed 14 people in Kounbalga village on Sunday, officials in Ouahigouya said. "
                 "Residents fled to Ouahigouya and Titao.")
    assert [n for n, *_ in got] == ["Kounbalga"]


def test_a_city_located_from_the_capital_leaves_the_capital_no_scene(gaz):
    # "X city, west of the capital Y": Y only says where X lies (as "X, west of Y" already did)
    got = scenes(gaz, "Two soldiers were killed on Monday in a bomb blast in Baidoa city, west of the capital "
                      "Mogadishu.")
    assert list(got) == ["Baidoa"]


def test_people_from_a_city_of_origin_place_nothing_there(gaz):
    # "traders from the northern city of Gao": where people come from, past "the ... city of"
    got = scenes(gaz, "Gunmen stormed a hotel in Mopti, where traders from the northern city of Gao were staying, "
                      "on Monday.")
    assert list(got) == ["Mopti"]


def test_the_one_told_and_where_an_outlet_was_told_are_no_scenes(gaz):
    # "told Xinhua": the one told (an agency named like a Chinese town); "told Reuters in Kyiv", "confirmed the
    # attacks to The Punch in Jos": where the source spoke, not where the event happened
    text = "The gunmen stormed the village early Monday, a resident told Xinhua by phone."
    start = text.index("Xinhua")
    xinhua = gaz.place(gaz.candidates(key("Xinhua"))[0][0])
    assert excluded(Clause("t", 0, len(text), text), start, start + 6, xinhua, "ground_fighting")
    got = scenes(gaz, "Drones struck Kharkiv overnight, a witness told Reuters in Kyiv.")
    assert list(got) == ["Kharkiv"]
    got = scenes(gaz, "A farmer who survived confirmed the attacks on Bokkos to The Nation in Jos on Tuesday.")
    assert list(got) == ["Bokkos"]
    # "confirmed to be at X" tells no one: the name after "to" must be written as a name
    got = scenes(gaz, "Drones were launched from Sanaa on Monday, and a second control station was confirmed to be "
                      "at Hodeidah.")
    assert list(got) == ["Al Ḩudaydah"]
    # the reporters told are no outlet's town: the scene before them stays
    got = scenes(gaz, "Shelling killed two in Kherson, the governor told reporters on Monday.")
    assert list(got) == ["Kherson"]


def test_a_village_named_before_its_settlement_word_is_the_scene(gaz):
    # "attacked the Kounbalga village": a village the gazetteer lacks, in the region of the story's towns
    got = _story(gaz, "Gunmen kill 14 in northern Burkina Faso",
                 "Gunmen attacked the Kounbalga village early Monday, officials in Ouahigouya said. "
                 "Residents fled to Ouahigouya and Titao.")
    assert got == [("Kounbalga", "BF.10", 3, "ground_fighting")]


def test_a_name_read_as_a_town_abroad_makes_no_region_for_a_village(gaz):
    # a news agency named like a Chinese town and quoted twice is one place, abroad: the story's villages the
    # gazetteer lacks do not go to its province
    got = _story(gaz, "Gunmen kill villagers in Cameroon",
                 "Gunmen attacked the Kounbalga village early Monday, a resident told Xinhua by phone.",
                 "\"We buried 12 people,\" an army officer in Cameroon told Xinhua.")
    assert [a for _, a, _, _ in got if a and a.startswith("CN")] == []



def test_contracted_negations_cancel_the_event(gaz):
    # "didn't", "don’t" (either apostrophe) negate the verb group as "did not" does
    assert scenes(gaz, "Russia didn’t strike Kyiv on Monday, officials said.") == {}
    assert scenes(gaz, "We don't commit acts of sabotage in Poland, the minister said.") == {}
    got = scenes(gaz, "Russia didn't strike Kyiv on Monday, but drones hit Lviv.")
    assert list(got) == ["Lviv"]


def test_each_listed_village_the_gazetteer_lacks_is_a_scene(gaz):
    # "killed in A, B and C", "attacked the villages of A, B and C": every name of the list, not its first only
    for text in ("Gunmen killed 14 people in Kounbalga, Zorbatenga and Tangassogo on Sunday, officials in "
                 "Ouahigouya said.", "Gunmen attacked the villages of Kounbalga, Zorbatenga and Tangassogo on "
                 "Sunday, officials in Ouahigouya said."):
        got = _story(gaz, "Gunmen kill 14 in northern Burkina Faso", text, "Residents fled to Ouahigouya and Titao.")
        assert [n for n, *_ in got] == ["Kounbalga", "Tangassogo", "Zorbatenga"]


def test_cuts_to_cables_told_as_a_noun_are_sabotage(gaz):
    # "caused by cuts to two undersea cables near X": the cut as a noun, as "cut two cables" already was
    got = scenes(gaz, "The blackout on 8 October was caused by cuts to two undersea cables near Klaipeda.",
                 published=dt.date(2022, 10, 13))
    assert [(n, i.type) for n, i in got.items()] == [("Klaipėda", "sabotage")]
    # a budget's cuts are no sabotage
    assert scenes(gaz, "Budget cuts to cable maintenance in Klaipeda were announced on 8 October.",
                  published=dt.date(2022, 10, 13)) == {}


def test_a_relative_clause_closed_by_its_comma_leaves_the_places_after_it_to_the_main_clause(gaz):
    # "cuts to two cables, which were meant to back each other up, near X": X is the cuts', not the relative clause's
    got = scenes(gaz, "The outage was caused by cuts to two power cables, which were meant to back each other up, "
                      "near Klaipeda on 8 October.", published=dt.date(2022, 10, 13))
    assert [(n, i.type) for n, i in got.items()] == [("Klaipėda", "sabotage")]


def test_a_since_inside_a_closed_relative_clause_leaves_the_main_clauses_day(gaz):
    # "X, which has hosted the government since 2014, on 8 October": the relative clause's "since" ends at its comma
    got = scenes(gaz, "Drones hit Kramatorsk, which has hosted the regional government since 2014, on 8 October.",
                 published=dt.date(2022, 10, 13))
    assert [(n, str(i.date_start)) for n, i in got.items()] == [("Kramatorsk", "2022-10-08")]


def test_villages_the_gazetteer_lacks_that_a_list_of_scenes_goes_on_with(gaz):
    # "the villages of Titao, Kounbalga and Zorbatenga": the known town and the villages after it, in the region
    got = _story(gaz, "Gunmen kill 14 in northern Burkina Faso",
                 "Gunmen killed 14 people in the villages of Titao, Kounbalga and Zorbatenga on Sunday, officials in "
                 "Ouahigouya said.", "Residents fled to Ouahigouya.")
    assert [(n, a) for n, a, _, _ in got] == [("Kounbalga", "BF.10"), ("Titao", "BF.10"), ("Zorbatenga", "BF.10")]
    # a run of names the text does not call settlements adds none ("in Titao, Kounbalga": a town and its region?)
    got = _story(gaz, "Gunmen kill 14 in northern Burkina Faso",
                 "Gunmen killed 14 people in Titao, Kounbalga and Zorbatenga on Sunday, officials in Ouahigouya said.",
                 "Residents fled to Ouahigouya.")
    assert [n for n, *_ in got] == ["Titao"]


def test_habits_told_with_usually_or_often_are_no_events(gaz):
    # "usually", "often", "routinely" tell a habit, as "regularly" and "frequently" already did
    assert scenes(gaz, "Gunmen often raid villages near Gusau.") == {}
    assert scenes(gaz, "The militants usually carry out sporadic attacks in Mogadishu.") == {}
    assert list(scenes(gaz, "Gunmen raided villages near Gusau on Monday.")) == ["Gusau"]


def test_people_killed_in_a_count_of_attacks_with_no_day_are_a_statistic(gaz):
    # "192 killed in 219 terror incidents in X" with no day of its own: a tally of many events, not one
    assert scenes(gaz, "At least 150 people were killed in 170 militant attacks in Balochistan.",
                  published=dt.date(2023, 6, 5)) == {}
    # a day's count is that day's ("on Sunday"), and a small count of attacks tells them
    got = scenes(gaz, "Twelve people were killed in 15 Russian attacks on Kherson region on Sunday.",
                 published=dt.date(2023, 6, 5))
    assert list(got) == ["Kherson Oblast"]
    assert list(scenes(gaz, "Three people were killed in two attacks in Kharkiv.")) == ["Kharkiv"]


def test_a_site_that_also_caught_fire_is_the_attacks_second_site(gaz):
    # "X also caught fire" after an attack told: the attack reached X too, typed by the weapon just named
    got = scenes(gaz, "Drones hit an oil depot in Sochi overnight. A warehouse in Tuapse also caught fire.")
    assert {n: i.type for n, i in got.items()} == {"Sochi": "drone_strike", "Tuapse": "drone_strike"}
    # a fire of no attack is no incident
    assert scenes(gaz, "A warehouse in Tuapse caught fire overnight.") == {}


def test_a_meeting_whose_own_predicate_is_future_has_not_taken_place(gaz):
    # "the Geneva meeting will mark the beginning of negotiations": any future predicate, not only "will be held"
    assert scenes(gaz, "The Vienna meeting will mark the beginning of negotiations on a treaty.") == {}
    # a meeting told in the past that "will resume" took place
    got = scenes(gaz, "The talks in Vienna on Sunday ended without a deal and will resume next month.")
    assert list(got) == ["Vienna"]


def test_the_toll_of_a_kind_of_violence_is_no_event(gaz):
    # "the death toll due to terrorism in X": a statistic of a phenomenon, not one event's toll
    assert scenes(gaz, "The death toll due to terrorism in Punjab and Sindh was 14 and 6 respectively.") == {}
    got = scenes(gaz, "The death toll from the strike on Kharkiv on Monday rose to 12.")
    assert list(got) == ["Kharkiv"]


def test_the_infinitive_of_shelling_and_bombing_tells_the_event(gaz):
    # "continued to shell X on Monday", "began to bomb the town of X": the verb's bare form after "to"
    got = scenes(gaz, "Russian forces continued to shell Kupiansk on Monday.")
    assert [(n, i.type) for n, i in got.items()] == [("Kupyansk", "shelling")]
    got = scenes(gaz, "Jets began to bomb the town of Saraqib on Monday.")
    assert [(n, i.type) for n, i in got.items()] == [("Saraqib", "air_strike")]
    # a plan is no event, an ongoing pattern with no day is none, and the nouns after "to" are no verbs
    assert scenes(gaz, "Russia plans to shell Kupiansk on Monday.") == {}
    assert scenes(gaz, "Russian forces continue to shell Kupiansk.") == {}
    assert scenes(gaz, "Residents ran to bomb shelters in Kupiansk on Monday.") == {}


def test_a_region_named_to_describe_a_country_is_no_scene(gaz):
    # "the impoverished Caribbean nation's capital", "the Baltic state": the name describes a country the sentence
    # does not name (the Caribbean Sea, a town called Baltic), while "state" after an admin-1 unit is the unit
    assert scenes(gaz, "Gangs attacked neighborhoods in the impoverished Caribbean nation's capital on Monday.") == {}
    assert scenes(gaz, "Drones were spotted over military bases in the Baltic state on Monday.") == {}
    assert list(scenes(gaz, "Gunmen killed 12 villagers in the Borno state on Monday.")) == ["Borno"]
    # the country named after the noun is the scene: "in the Gulf state of Qatar" governs Qatar by its "in"
    got = scenes(gaz, "Iranian missiles hit a US base in the Gulf state of Qatar on Monday.")
    assert [(n, i.type) for n, i in got.items()] == [("Qatar", "missile_strike")]
