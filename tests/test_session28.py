"""Session 28 (issue 13): classes of real-news failure, each on sentences written for this file (none comes
from a corpus), with the real gazetteer: villages the gazetteer lacks, placed in the region the story is about."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)

from mapper.aggregate import dedupe
from mapper.geo.names import key
from mapper.model import Article
from mapper.pipeline import extract_article

PUB = dt.date(2025, 5, 12)
DEC = dt.date(2022, 12, 9)
JUL = dt.date(2025, 7, 14)  # a weekly snapshot telling 10 July
#: a story about one province (North Kivu named, with three of its towns): its focus region
KIVU = ("Humanitarian situation in North Kivu deteriorates\n\n"
        "Insecurity continues in North Kivu province. Aid groups in Beni, Butembo and Oicha report new displacement. ")


def scenes(gaz, text, title="North Kivu: Flash Update No. 3", published=PUB):
    items, _ = extract_article(Article(id="t", text=text, title=title, published=published), gaz)
    return {i.place.name: i for i in dedupe(items)}


def test_the_invented_villages_are_not_in_the_gazetteer(gaz):
    # the tests below are about names the gazetteer lacks
    for name in ("Kabwendo", "Mulambiro", "Kisalumbi", "Grazing"):
        assert not gaz.candidates(key(name)), name


def test_a_village_the_gazetteer_lacks_is_placed_in_the_story_s_region(gaz):
    got = scenes(gaz, KIVU + "On 9 May, armed men killed six farmers in the village of Kabwendo.")
    inc = got["Kabwendo"]
    assert (inc.type, inc.date_start.isoformat(), inc.killed) == ("ground_fighting", "2025-05-09", 6)
    # at the focus region's point, with the precision of a region and the village's own name
    assert inc.place.geo_precision == 3 and inc.place.admin1_gn == "CD.11"
    assert inc.place.kind == "village" and inc.place.geonameid is None
    # "near", "outside" and a bare "in" are locative frames too; each village is its own incident
    got = scenes(gaz, KIVU + "An IED injured two civilians near Mulambiro on 8 May. Clashes were reported outside "
                             "Kisalumbi on 10 May.")
    assert {n: (i.type, i.date_start.isoformat()) for n, i in got.items()
            if n in ("Mulambiro", "Kisalumbi")} == {"Mulambiro": ("explosion", "2025-05-08"),
                                                    "Kisalumbi": ("ground_fighting", "2025-05-10")}


def test_without_a_region_of_focus_the_village_stays_unplaced(gaz):
    # one town named once: no region the story is about, so no point to fall back on (never a namesake elsewhere)
    got = scenes(gaz, "Aid groups in Beni report new displacement. On 9 May, armed men killed six farmers in the "
                      "village of Kabwendo.", title="DR Congo: Flash Update")
    assert "Kabwendo" not in got


def test_only_village_names_are_taken(gaz):
    # a unit named by its unit word is no village ("the Kabwendo groupement"); nor a word the article also writes in
    # lower case, nor a name in no locative frame
    got = scenes(gaz, KIVU + "On 9 May, armed men killed six farmers in the Kabwendo groupement. Fighting was reported "
                             "in Grazing on 10 May, where grazing land lies. Kisalumbi said armed men killed two people.")
    assert not {"Kabwendo", "Grazing", "Kisalumbi"} & set(got)


def test_a_known_scene_leaves_no_room_for_a_fallback(gaz):
    # the clause's event is at a place the gazetteer knows: the unknown name beside it adds nothing
    got = scenes(gaz, KIVU + "On 9 May, armed men attacked Butembo, killing six farmers from Kabwendo.")
    assert "Butembo" in got and "Kabwendo" not in got


def test_a_village_held_by_a_unit_told_after_a_comma_or_by_its_part(gaz):
    # "X commune, northern Y region", "the village of X, in eastern Y province": the unit holds the village (no focus
    # needed: the text says where it lies)
    assert not gaz.candidates(key("Tangbelga"))
    text = "On 10 July, armed men attacked a military position in Tangbelga commune, northern Centre-Nord region."
    got = scenes(gaz, text, title="West and Central Africa: Weekly Snapshot", published=JUL)
    assert set(got) == {"Tangbelga"} and got["Tangbelga"].place.geo_precision == 3
    assert got["Tangbelga"].place.admin1_gn == "BF.05"
    text = "On 10 July, gunmen killed five people in the village of Kabwendo, in eastern Ituri province."
    got = scenes(gaz, text, title="West and Central Africa: Weekly Snapshot", published=JUL)
    assert set(got) == {"Kabwendo"} and got["Kabwendo"].killed == 5


def test_an_accord_reached_at_a_venue_on_a_day_of_two_digits_or_in_the_passive(gaz):
    # "on November 23rd", "on 23 November": the accord's own day (a day of two digits had ended the day's match)
    got = scenes(gaz, "Both sides must respect the truce reached in Jeddah on November 23rd.", title="Sudan: statement",
                 published=DEC)
    assert {n: (i.type, i.date_start.isoformat()) for n, i in got.items()} == {"Jeddah": ("diplomatic", "2022-11-23")}
    got = scenes(gaz, "The ceasefire was brokered in Jeddah on 20 November.", title="Sudan: statement",
                 published=DEC)
    assert {n: (i.type, i.date_start.isoformat()) for n, i in got.items()} == {"Jeddah": ("diplomatic", "2022-11-20")}
    # a back-reference with no day of its own stays no meeting
    assert not scenes(gaz, "The truce reached in Jeddah must hold.", title="Sudan: statement", published=DEC)


def test_an_event_and_the_fear_of_more_of_it_is_the_event(gaz):
    # "attacks and fear of attacks" (a humanitarian report's cause of displacement): the attacks happened, at the
    # places the sentence lists; the coordinated fear does not cancel them
    text = ("Since 1 March, attacks and fear of attacks by armed groups in Cabo Delgado have displaced some 9,000 "
            "people across Macomia and Montepuez.")
    got = scenes(gaz, text, title="Mozambique: Cabo Delgado situation report")
    assert {n: (i.type, i.date_start.isoformat()) for n, i in got.items()} == {
        "Macomia": ("ground_fighting", "2025-03-01"), "Montepuez": ("ground_fighting", "2025-03-01")}
    # the fear alone, or a threat named after the attack word, is still no event
    for text in ("Since 1 March, fear of attacks by armed groups has displaced some 9,000 people in Macomia.",
                 "Drone attack threats closed schools in Macomia on 3 May."):
        assert not scenes(gaz, text, title="Mozambique: Cabo Delgado situation report"), text


def test_people_still_displaced_by_past_fighting_tell_no_event(gaz):
    # a humanitarian figure of people still away from home names the fighting that drove them out: no event there
    title = "Myanmar: Humanitarian Update No. 12"
    text = "More than 20,000 people remain displaced in Paletwa township due to the recent clashes between the two sides."
    assert not scenes(gaz, text, title=title)
    text = "Some 5,000 people are still displaced from Rathedaung by the heavy fighting of last year."
    assert not scenes(gaz, text, title=title)
    # a displacement the fighting has just caused tells the fighting
    text = "On 3 May, heavy fighting displaced some 5,000 people in Paletwa township."
    assert set(scenes(gaz, text, title=title)) == {"Paletwa"}


def test_a_junta_another_state_s_possessive_or_demonym_names_is_not_myanmar_s(gaz):
    # the Sahel's juntas ("Mali's junta", "the Burkinabe junta", "Niger's military junta") are not Myanmar's army
    for text in ("Mali's junta said its jets bombed rebel positions near Tessalit on Monday.",
                 "The Burkinabe junta said its drones struck jihadists near Djibo on Monday.",
                 "Niger's military junta said its forces attacked militants near Tillaberi on Monday."):
        got = scenes(gaz, text, title="Sahel: news", published=dt.date(2025, 8, 6))
        assert got and all(i.actor != "Myanmar military" for i in got.values()), text
    # a bare "junta" is still Myanmar's military (and the Burmese one Myanmar's)
    got = scenes(gaz, "The junta's jets bombed a village near Kanbalu on Monday.", title="Myanmar: news",
                 published=dt.date(2025, 8, 6))
    assert [i.actor for i in got.values()] == ["Myanmar military"]
    got = scenes(gaz, "The Burmese junta bombed a village near Kanbalu on Monday.", title="Myanmar: news",
                 published=dt.date(2025, 8, 6))
    assert [i.actor for i in got.values()] in (["Myanmar military"], ["Myanmar"])


def test_a_blast_told_as_what_struck_is_an_explosion(gaz):
    # "two explosions struck a rally": the verb is the blast's, not a strike from afar
    got = scenes(gaz, "Two explosions struck a rally held by rebel leaders in Bukavu on Thursday, killing five people.",
                 title="DR Congo: news", published=dt.date(2025, 2, 28))
    assert {n: (i.type, i.killed) for n, i in got.items()} == {"Bukavu": ("explosion", 5)}
    got = scenes(gaz, "A bomb blast hit a crowded market in Peshawar on Friday.", title="Pakistan: news",
                 published=dt.date(2025, 2, 28))
    assert {n: i.type for n, i in got.items()} == {"Peshawar": "explosion"}
    # explosions heard as drones struck: the drones' strike
    got = scenes(gaz, "Explosions were heard in Kyiv on Friday after Russian drones struck the city.", title="Ukraine: news",
                 published=dt.date(2025, 2, 28))
    assert {n: i.type for n, i in got.items()} == {"Kyiv": "drone_strike"}


def test_a_place_that_helps_arms_or_backs_stands_for_its_government(gaz):
    # the subject of a verb of support is an agent, not a scene, with an auxiliary or an adverb between
    title, pub = "Sahel: news", dt.date(2024, 8, 20)
    got = scenes(gaz, "A minister suggested Kyiv had helped rebels who killed dozens of soldiers near Tessalit in July.",
                 title=title, published=pub)
    assert set(got) == {"Tessalit"}
    got = scenes(gaz, "Washington has long backed the forces that attacked Raqqa on Monday.", title="Syria: news",
                 published=pub)
    assert "Washington" not in got and len(got) == 1
    # a place that undergoes the event is its scene
    got = scenes(gaz, "Kyiv was hit by Russian drones on Monday.", title="Ukraine: news", published=pub)
    assert set(got) == {"Kyiv"}


def test_a_town_s_district_named_beside_the_town_is_counted_by_the_town(gaz):
    # city districts share names from town to town (the gazetteer's Kyivskyi district is Donetsk's): beside the town
    # the clause names, the district is that town's, and the town counts the strike
    got = scenes(gaz, "In Kharkiv, guided aerial bombs struck a residential area in the Kyivskyi district on Monday, "
                      "wounding seven people.", title="Ukraine: news", published=dt.date(2024, 5, 2))
    assert {n: i.type for n, i in got.items()} == {"Kharkiv": "air_strike"}
    # the district alone is still a place
    got = scenes(gaz, "Shelling hit the Kyivskyi district of Donetsk on Monday.", title="Ukraine: news",
                 published=dt.date(2024, 5, 2))
    assert len(got) == 1 and next(iter(got.values())).place.admin1_gn == "UA.05"


def test_a_crowd_that_attacks_is_no_battle(gaz):
    # protesters, rioters and mobs are civilians: what they do is "other", as settlers' attacks are
    title, pub = "DR Congo: news", dt.date(2025, 1, 29)
    got = scenes(gaz, "Protesters attacked several embassies in Kinshasa on Tuesday.", title=title, published=pub)
    assert {n: i.type for n, i in got.items()} == {"Kinshasa": "other"}
    got = scenes(gaz, "A mob stormed a market in Bunia on Tuesday, killing two traders.", title=title,
                 published=pub)
    assert {n: i.type for n, i in got.items()} == {"Bunia": "other"}
    # armed men who attack fight
    got = scenes(gaz, "Gunmen attacked a police station in Bunia on Tuesday, killing two officers.", title=title,
                 published=pub)
    assert {n: i.type for n, i in got.items()} == {"Bunia": "ground_fighting"}


def test_a_group_named_as_what_was_attacked_is_not_the_attacker(gaz):
    title, pub = "Sudan: news", dt.date(2023, 4, 4)
    got = scenes(gaz, "The army carried out air strikes on RSF bases in Omdurman on Monday.", title=title, published=pub)
    assert {n: (i.type, i.actor) for n, i in got.items()} == {"Omdurman": ("air_strike", None)}
    # a group named after the event word in no role of target is still its author ("clashes with the RSF")
    got = scenes(gaz, "Heavy clashes with the RSF were reported in Omdurman on Monday.", title=title, published=pub)
    assert {n: i.actor for n, i in got.items()} == {"Omdurman": "Rapid Support Forces"}


def test_ground_gained_told_by_the_compass_from_a_town(gaz):
    # a military briefing's advances and ground taken back, told by the compass from a town
    title, pub = "Senior Defense Official Holds a Background Briefing", dt.date(2022, 4, 28)
    got = scenes(gaz, "Russian forces made some advances east of Izyum on Thursday.", title=title, published=pub)
    assert {n: i.type for n, i in got.items()} == {"Izyum": "ground_fighting"}
    got = scenes(gaz, "We continue to see the Ukrainians begin to claw back territory north and northeast of Kharkiv.",
                 title=title, published=pub)
    assert {n: i.type for n, i in got.items()} == {"Kharkiv": "ground_fighting"}
    # "advances of" with no compass word is no advance on the ground
    assert not scenes(gaz, "The advances of medicine in Kharkiv were praised on Thursday.", title=title, published=pub)


def test_a_state_whose_organ_speaks_is_not_the_attacker(gaz):
    # "Russia's defence ministry confirmed attacks in ...": the state reports the attacks on its own ground
    got = scenes(gaz, "Russia's defence ministry confirmed drone attacks on airfields in Murmansk and Irkutsk on Sunday.",
                 title="News", published=dt.date(2025, 6, 2))
    assert set(got) == {"Murmansk", "Irkutsk"} and all(i.actor != "Russia" for i in got.values())
    # the organ that says its own forces struck names the attacker; the army that attacks is its state's
    got = scenes(gaz, "Ukraine's General Staff said its forces hit a refinery in Saratov on Sunday.", title="News",
                 published=dt.date(2025, 6, 2))
    assert [i.actor for i in got.values()] == ["Ukraine"]
    got = scenes(gaz, "Russia's army attacked Pokrovsk on Sunday.", title="News", published=dt.date(2025, 6, 2))
    assert [i.actor for i in got.values()] == ["Russia"]
