"""Incident extraction rules on small hand-written articles (real gazetteer)."""
from __future__ import annotations

import datetime as dt

import pytest

from mapper.aggregate import dedupe
from mapper.extract.casualties import casualties
from mapper.model import Article
from mapper.pipeline import Services, extract_article

PUB = dt.date(2025, 11, 20)  # a Thursday


@pytest.fixture(scope="module")
def gaz():
    return Services.load().gazetteer


def incidents(gaz, text, published=PUB, title=""):
    found, _ = extract_article(Article(id="t", text=text, title=title, published=published), gaz)
    return [(i.type, i.place.name, i.date_start.isoformat(), i.date_end.isoformat(), i.geo_precision)
            for i in dedupe(found)]


def test_drone_attack_at_a_port(gaz):
    got = incidents(gaz, "On 17 November a Russian drone attack damaged a tanker at Izmail port.")
    assert got == [("drone_strike", "Izmayil", "2025-11-17", "2025-11-17", 1)]


def test_intercepted_missiles_debris_near_town_is_a_missile_strike(gaz):
    got = incidents(gaz, "Air defences intercepted missiles on Tuesday; debris damaged houses near Voronezh.")
    assert got == [("missile_strike", "Voronezh", "2025-11-18", "2025-11-18", 2)]


def test_interceptions_told_as_nouns_are_strikes_over_the_places(gaz):
    text = ("Ukraine's air force said it shot down 40 Russian drones overnight. The interceptions took place "
            "over the Poltava and Sumy regions.")
    assert sorted(incidents(gaz, text)) == [("drone_strike", "Poltava Oblast", "2025-11-19", "2025-11-20", 3),
                                            ("drone_strike", "Sumy Oblast", "2025-11-19", "2025-11-20", 3)]
    # communications intercepts are no interceptions over a place
    assert incidents(gaz, "Radio intercepts from Pokrovsk suggest the units are short of shells.") == []


def test_killings_told_by_how_are_violence(gaz):
    text = "Rebels attacked the town at dawn on Thursday. On Thursday, 70 villagers were hacked to death in Beni, North Kivu."
    assert incidents(gaz, text) == [("ground_fighting", "Beni", "2025-11-20", "2025-11-20", 1)]
    text = "Gunmen raided the village on Monday. Eleven people were burned alive in their homes in Beni, North Kivu, on Monday."
    assert incidents(gaz, text) == [("ground_fighting", "Beni", "2025-11-17", "2025-11-17", 1)]


def test_targeted_killings_are_violence(gaz):
    text = "Armed groups have clashed across the province. Assailants gunned down a mayor in Beni, North Kivu, on Monday."
    assert incidents(gaz, text) == [("ground_fighting", "Beni", "2025-11-17", "2025-11-17", 1)]
    text = "Militia fighters roam the area. A local chief was assassinated in Beni, North Kivu, on Tuesday."
    assert incidents(gaz, text) == [("ground_fighting", "Beni", "2025-11-18", "2025-11-18", 1)]
    # an old assassination named as background is no incident of the report
    assert incidents(gaz, "Troops patrolled Beni, where the assassination of a governor in 2019 is still remembered.") == []


def test_a_name_given_to_an_event_told_before_is_no_event(gaz):
    text = ("On Monday jets bombed a displacement camp in Rafah, killing 45 people. Sometimes referred to as the "
            "Rafah tent massacre or as the Tent Massacre, it was the deadliest incident of the Rafah offensive.")
    assert incidents(gaz, text) == [("air_strike", "Rafaḩ", "2025-11-17", "2025-11-17", 1)]
    # a name of something else before the event word leaves it asserted
    text = "Known as a stronghold of the militia, Rafah was struck by jets on Monday."
    assert [t for t, *_ in incidents(gaz, text)] == ["air_strike"]


def test_an_armed_group_is_no_town_of_its_name(gaz):
    # "al-Shabab" is the name of Shabab, a village in Iran, in GeoNames
    text = "On Saturday fierce firefights between the army and al-Shabab broke out in the villages near Beledweyne."
    assert all(place != "Shabāb" for _, place, *_ in incidents(gaz, text))
    got = incidents(gaz, "On Saturday Al-Shabab fighters attacked an army base in Beledweyne, killing five soldiers.")
    assert got == [("ground_fighting", "Beledweyne", "2025-11-15", "2025-11-15", 1)]


def test_a_place_inside_an_armed_group_name_is_no_scene(gaz):
    # movements named for a land or for the land they fight in: the name is the actor, not a place
    text = "On Tuesday a drone launched by the Islamic Resistance in Iraq struck a US base near Rukban, Jordan."
    got = extract_article(Article(id="t", text=text, title="", published=PUB), gaz)[0]
    assert [(i.type, i.place.country) for i in got] == [("drone_strike", "JO")]
    assert got[0].actor == "Islamic Resistance in Iraq"
    text = "The villages shelled on Tuesday were held by the Turkistan Islamic Party and other factions."
    assert incidents(gaz, text) == []
    text = "On Tuesday Balochistan Liberation Army fighters attacked a convoy near Turbat, killing four soldiers."
    assert [(t, p) for t, p, *_ in incidents(gaz, text)] == [("ground_fighting", "Turbat")]
    # "Islamic State" with a place after it that is no part of a name stays a scene
    text = "On Tuesday Islamic State fighters in Palmyra attacked an army checkpoint, killing six soldiers."
    assert [p for _, p, *_ in incidents(gaz, text)] == ["Tadmur"]  # Syria's town (GeoNames: Tadmur), not Palmyra, Pennsylvania


def test_an_air_force_s_strikes_do_not_take_another_attacker_s_weapon(gaz):
    text = ("On Sunday a drone launched by the Islamic Resistance in Iraq struck a US base near Rukban, Jordan.\n\n"
            "The United States carried out strikes on Friday on sites in Iraq and Syria.")
    got = sorted(incidents(gaz, text))
    assert [(t, p) for t, p, *_ in got] == [("air_strike", "Iraq"), ("air_strike", "Syria"), ("drone_strike", "Rukban")]
    # the same attacker's strikes keep the weapon it was told with
    text = ("On Sunday Israeli drones struck a car in Tyre.\n\n"
            "Israel carried out more strikes on Friday in Nabatieh.")
    assert {t for t, *_ in incidents(gaz, text)} == {"drone_strike"}


def test_fighting_in_a_town_region(gaz):
    got = incidents(gaz, "Fierce fighting continued in the Pokrovsk region on 12 November.")
    assert got == [("ground_fighting", "Pokrovsk", "2025-11-12", "2025-11-12", 2)]


def test_talks_in_a_city_are_diplomatic(gaz):
    got = incidents(gaz, "Officials held talks in Geneva on Sunday.")
    assert got == [("diplomatic", "Geneva", "2025-11-16", "2025-11-16", 1)]


@pytest.mark.parametrize("text", [
    "Officials warned of strikes on Kharkiv.",
    "Russia could strike Kharkiv again this winter.",
    "Moscow denied attacking Kharkiv.",
    "Russia plans to attack Kharkiv, officials said.",
    "Upcoming talks are scheduled for Geneva.",
    "Previous peace talks, such as those held in Istanbul, failed to halt the fighting.",
])
def test_hypothetical_denied_planned_or_past_events_are_not_incidents(gaz, text):
    assert incidents(gaz, text) == []


def test_each_target_in_a_list_is_one_incident(gaz):
    got = incidents(gaz, "On 18 November Russia launched missiles targeting Kyiv, Lviv and Kharkiv.")
    assert sorted(g[1] for g in got) == ["Kharkiv", "Kyiv", "Lviv"]
    assert {g[0] for g in got} == {"missile_strike"}


def test_territorial_demands_are_not_incidents(gaz):
    text = "On 20 November the plan demanded that Ukraine cede Donbas and Crimea after strikes."
    assert incidents(gaz, text) == []


def test_launch_site_is_not_the_target(gaz):
    got = incidents(gaz, "On 19 November drones launched from Kursk struck Sumy.")
    assert [g[1] for g in got] == ["Sumy"]


def test_country_subject_is_the_actor_not_the_place(gaz):
    found, _ = extract_article(Article(id="t", text="On 19 November Ukraine struck an airfield near Engels.",
                                       published=PUB), gaz)
    assert [(i.place.name, i.actor, i.geo_precision) for i in found] == [("Engels", "Ukraine", 2)]


def test_relative_dates_use_the_publication_date(gaz):
    assert incidents(gaz, "Russian drones hit Odesa overnight.")[0][2:4] == ("2025-11-19", "2025-11-20")
    assert incidents(gaz, "Russian drones hit Odesa yesterday.")[0][2:4] == ("2025-11-19", "2025-11-19")


def test_region_only_incident_is_precision_three(gaz):
    got = incidents(gaz, "On 18 November shelling hit villages in Kherson Oblast.")
    assert got == [("shelling", "Kherson Oblast", "2025-11-18", "2025-11-18", 3)]


def test_article_with_no_incidents(gaz):
    assert incidents(gaz, "The Kyiv opera opened its season with a new production of Carmen.") == []


def test_same_incident_from_two_clauses_is_one(gaz):
    text = ("On 18 November a drone strike hit Kharkiv. Officials said the drone attack on Kharkiv "
            "on 18 November damaged a school.")
    found, _ = extract_article(Article(id="t", text=text, published=PUB), gaz)
    merged = dedupe(found)
    assert len(found) == 2 and len(merged) == 1 and len(merged[0].sources) == 2


def test_a_stated_zero_holds_at_every_place_of_the_clause(gaz):
    # a toll above zero over several places is never split; "no casualties" is each place's
    text = ("On 18 November missile attacks were reported over Lvivska, Rivnenska and Volynska oblasts; "
            "no civilian casualties have been reported.")
    found = dedupe(extract_article(Article(id="t", text=text, published=PUB), gaz)[0])
    assert len(found) == 3 and {(i.killed, i.injured) for i in found} == {(0, 0)}
    text = "On 18 November missile attacks on Lviv, Rivne and Lutsk killed five people."
    found = dedupe(extract_article(Article(id="t", text=text, published=PUB), gaz)[0])
    assert len(found) == 3 and {i.killed for i in found} == {None}


def test_unknown_village_goes_to_unplaced(gaz):
    _, unplaced = extract_article(Article(id="t", text="On 18 November shelling hit houses in Zzyzxivka.",
                                          published=PUB), gaz)
    assert [(u.place_text, u.reason, u.type) for u in unplaced] == [("Zzyzxivka", "not in gazetteer", "shelling")]


@pytest.mark.parametrize("text,expected", [
    ("The strike killed at least 14 people and injured 30.", (14, 30)),
    ("Two children were killed and dozens wounded.", (2, 12)),
    ("Officials said 5 people died; local media reported 7 killed.", (5, None)),
    ("A missile hit a school, injuring hundreds.", (None, 100)),
    ("No casualties were reported.", (0, 0)),  # ACLED codes a stated zero as 0
    ("No one was killed, but debris caused no injuries.", (0, 0)),
    ("Nobody was hurt.", (0, 0)),
    # a zero told of some of the people, or of the reports
    ("No civilian casualties have been reported so far.", (0, 0)),
    ("There were no immediate reports of casualties.", (0, 0)),
    ("Another resident was killed.", (1, None)),
    # killings told by their manner
    ("Militiamen executed at least 40 civilians in three villages.", (40, None)),
    ("Eleven villagers were massacred on Sunday.", (11, None)),
    ("The raids were executed in cooperation with allied forces.", (None, None)),
    # a range counts by its lower end; deaths told as a noun
    ("The strike killed between 45 and 50 people.", (45, None)),
    ("The blast led to the deaths of at least 30 people.", (30, None)),
    # an age or a distance after a casualty word counts no one; a count word before a count is no count
    ("Soldiers killed a 16-year-old boy.", (1, None)),
    ("The killing of 14 y/o Daniel on Saturday shocked the town.", (None, None)),
    ("Another three people were killed about 50 kilometers south.", (3, None)),
    ("A dozen people were killed.", (12, None)),
    # a toll reported, with the words of its reporting between
    ("At least 21 people are reported to have died and 40 are said to have been injured.", (21, 40)),
    ("The three U.S. soldiers who were killed were named on Monday.", (3, None)),
    # a toll told in parts is their sum (the lowest-figure rule is for alternative reports)
    ("The fighting led to the deaths of three soldiers and six attackers.", (9, None)),
    ("Two soldiers and a civilian were killed.", (3, None)),
    ("The strike killed 5 people and injured 10.", (5, 10)),
    # "a mass killing" counts many, not one
    ("It was a mass killing of civilians.", (None, None)),
    # people told with their kin: the parts of one toll
    ("The shell killed a farmer and his two sons.", (3, None)),
    # a toll that rose, told with the event it is of
    ("The death toll from Sunday's attack on the market has risen to 31.", (31, None)),
    ("The death toll in the strike climbed to 18, the ministry said.", (18, None)),
])
def test_casualties(text, expected):
    assert casualties(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a headline's attribution after a colon or dash is the source, not the scene
    ("Two soldiers killed in shelling near Avdiivka on Monday: Kiev military",
     [("shelling", "Avdiyivka", "2025-11-17", "2025-11-17", 2)]),
    ("Three civilians killed in shelling of Horlivka on Monday - Donetsk officials",
     [("shelling", "Horlivka", "2025-11-17", "2025-11-17", 1)]),
    # a seat of government standing for its forces is the attacker, not the place
    ("Kiev forces shelled Horlivka on Monday, killing one.",
     [("shelling", "Horlivka", "2025-11-17", "2025-11-17", 1)]),
    ("A woman was killed in Kiev's shelling of Horlivka on Monday.",
     [("shelling", "Horlivka", "2025-11-17", "2025-11-17", 1)]),
    # ... but a strike in the city itself keeps it
    ("Missiles hit Kyiv's government quarter on Monday.",
     [("missile_strike", "Kyiv", "2025-11-17", "2025-11-17", 1)]),
])
def test_speakers_and_metonymic_capitals_are_not_incident_places(gaz, text, expected):
    assert incidents(gaz, text) == expected


def test_past_24_hours_is_the_day_before_publication_to_publication(gaz):
    got = incidents(gaz, "Two soldiers were killed in shelling near Avdiivka in the past 24 hours.")
    assert got == [("shelling", "Avdiyivka", "2025-11-19", "2025-11-20", 2)]


def test_residents_of_a_region_place_the_incident_in_the_region(gaz):
    got = incidents(gaz, "Over the past day, the Russians killed four residents of the Donetsk region.")
    assert got == [("ground_fighting", "Donetsk Oblast", "2025-11-19", "2025-11-20", 3)]


def test_a_country_after_of_is_still_not_a_scene(gaz):
    assert incidents(gaz, "The army of Russia said on Monday that four soldiers were killed.") == []


def actors(gaz, text):
    found, _ = extract_article(Article(id="t", text=text, title="", published=PUB), gaz)
    return sorted((i.place.name, i.actor, i.killed) for i in dedupe(found))


@pytest.mark.parametrize("text,expected", [
    # a demonym on the weapon names the attacker, whoever reports it
    ("Russia's Defence Ministry said air defence units destroyed 41 Ukrainian drones over Belgorod on Monday.",
     [("Belgorod", "Ukraine", None)]),
    # the group in subject position attacked; the one after the trigger is the target
    ("The Israeli military said it struck Hamas targets in Khan Younis on Monday, killing at least 12 people.",
     [("Khān Yūnis", "Israel", 12)]),
    ("An air strike by the Myanmar military killed nine people in Lashio on Monday.",
     [("Lashio", "Myanmar military", 9)]),
])
def test_actor_evidence_order(gaz, text, expected):
    assert actors(gaz, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Zelensky, speaking in Kyiv, said Russian drones hit Odesa overnight.",
     [("drone_strike", "Odesa", "2025-11-19", "2025-11-20", 1)]),
    ("Delegations met in Istanbul for talks on Friday, after earlier rounds in Riyadh and Jeddah.",
     [("diplomatic", "Istanbul", "2025-11-14", "2025-11-14", 1)]),
    ("Two people were killed when a missile hit Kharkiv's Kyivskyi district on Monday.",
     [("missile_strike", "Kharkiv", "2025-11-17", "2025-11-17", 1)]),
    # a district named as its town is that town's (its point, at district precision), not another city's district
    ("Two drones exploded over Crimea's Saky district on Monday.",
     [("drone_strike", "Saki", "2025-11-17", "2025-11-17", 2)]),
    ("Russian shelling killed two people in Kursk region's Sudzha district on Monday.",
     [("shelling", "Sudzha", "2025-11-17", "2025-11-17", 2)]),
    ("Russian troops attacked near Pokrovsk and Kostiantynivka on Monday.",
     [("ground_fighting", "Kostyantynivka", "2025-11-17", "2025-11-17", 2),
      ("ground_fighting", "Pokrovsk", "2025-11-17", "2025-11-17", 2)]),
])
def test_places_that_are_not_scenes_or_share_a_preposition(gaz, text, expected):
    assert sorted(incidents(gaz, text)) == expected


def test_events_long_before_publication_are_background(gaz):
    text = ("Russia has struck Ukraine's energy grid since 2022; in March 2024 a missile attack damaged a dam in "
            "Zaporizhzhia. On Monday drones hit Odesa.")
    assert incidents(gaz, text) == [("drone_strike", "Odesa", "2025-11-17", "2025-11-17", 1)]


def test_a_demonym_on_a_generic_attack_word_is_the_actor(gaz):
    got = actors(gaz, "At least 25 Palestinians were killed in Israeli strikes on Nuseirat on Saturday.")
    assert got == [("An Nuşayrāt", "Israel", 25)]


@pytest.mark.parametrize("text,expected", [
    # a trigger inside a quotation is the speaker's word, not a report
    ('"This is an act of sabotage," Tusk said, adding that the line runs via Dorohusk.', []),
    # "after the attack" points back to an event told elsewhere: no second incident
    ("Drones struck Dnipro on Monday. Emergency power outages were introduced in Dnipro after the attack on Monday.",
     [("drone_strike", "Dnipro", "2025-11-17", "2025-11-17", 1)]),
    # habitual summaries are not events
    ("The refinery in Tuapse has been hit several times since last year.", []),
    # the trigger governing Kyiv is hypothetical, the one governing Odesa is not
    ("Russia warned it could attack Kyiv, hours after drones hit Odesa on Monday.",
     [("drone_strike", "Odesa", "2025-11-17", "2025-11-17", 1)]),
    # launch sites past a possessive and a list
    ("Drones launched from Russia's Kursk and Oryol regions hit Sumy on Monday.",
     [("drone_strike", "Sumy", "2025-11-17", "2025-11-17", 1)]),
    # organisations and route ends named after towns
    ("Analysts at the Oxford Institute said drones hit Ryazan on Monday.",
     [("drone_strike", "Ryazan’", "2025-11-17", "2025-11-17", 1)]),
    ("An act of sabotage damaged the Warsaw-Lublin railway line near Pilawa on Saturday.",
     [("sabotage", "Pilawa", "2025-11-15", "2025-11-15", 2)]),
    ("Police said a warehouse in Vilnius was destroyed by arson on Friday.",
     [("sabotage", "Vilnius", "2025-11-14", "2025-11-14", 1)]),
])
def test_non_asserted_triggers_and_places_that_are_not_scenes(gaz, text, expected):
    assert sorted(incidents(gaz, text)) == expected


@pytest.mark.parametrize("text,expected", [
    # offers, preparations and past talks named by their year are not events
    ("Peskov said Russia was ready to resume talks with the United States in Istanbul.", []),
    ("He said Russia was preparing a new offensive near Sumy this spring.", []),
    ("Medinsky also headed Moscow's team at the 2022 talks in Istanbul.", []),
    ("The club has not played in Donetsk since 2014, when fighting broke out in the east.", []),
    # a place named before the talks is not their venue
    ("The Kremlin said Putin, who stayed in Moscow, had been briefed on the talks on Friday.", []),
    ("Delegations met in Istanbul on Friday.", [("diplomatic", "Istanbul", "2025-11-14", "2025-11-14", 1)]),
    # repelled assaults are battles, whatever weapon the article names elsewhere
    ("Ukraine's military said it had repelled 42 Russian attacks near Pokrovsk on Monday.",
     [("ground_fighting", "Pokrovsk", "2025-11-17", "2025-11-17", 2)]),
])
def test_offers_history_and_venues(gaz, text, expected):
    assert sorted(incidents(gaz, text)) == expected


def test_years_ago_today_is_history(gaz):
    text = "Three years ago today, on Feb. 24, 2022, missiles began falling on cities across Ukraine."
    assert incidents(gaz, text, published=dt.date(2025, 2, 24)) == []


@pytest.mark.parametrize("text,expected", [
    # a town named only to locate another
    ("Russian forces shelled the village of Kivsharivka near Kupiansk on Monday.",
     [("shelling", "Kivsharivka", "2025-11-17", "2025-11-17", 1)]),
    # weapons named like towns
    ("Russian air defence shot down two Neptune missiles over Crimea on Monday.",
     [("missile_strike", "Crimea", "2025-11-17", "2025-11-17", 3)]),
    # launch areas, statements and names
    ("Drones launched from the area of Primorsko-Akhtarsk hit Odesa on Monday.",
     [("drone_strike", "Odesa", "2025-11-17", "2025-11-17", 1)]),
    ("The ministry condemned the attack on Odesa on Monday in a statement issued in Kyiv.",
     [("ground_fighting", "Odesa", "2025-11-17", "2025-11-17", 1)]),
    ("The ministry, which uses the name Kharkov, said its forces struck Vovchansk on Monday.",
     [("missile_strike", "Vovchansk", "2025-11-17", "2025-11-17", 1)]),
    # causes told as background
    ("He said the offensive on Monday was a response to Ukrainian shelling of Belgorod.", []),
])
def test_reference_points_weapons_and_background(gaz, text, expected):
    assert sorted(incidents(gaz, text)) == expected


def test_demonym_before_a_described_weapon_is_the_actor(gaz):
    got = actors(gaz, "Air defences shot down 24 Ukrainian fixed-wing drones over Bryansk on Monday.")
    assert got == [("Bryansk", "Ukraine", None)]


@pytest.mark.parametrize("text,expected", [
    # each weapon types the places named after it
    ("A man was killed by artillery fire in Huliaipole, and a guided bomb attack on Orikhiv injured three on Monday.",
     [("air_strike", "Orikhiv", "2025-11-17", "2025-11-17", 1), ("shelling", "Hulyaypole", "2025-11-17", "2025-11-17", 1)]),
    # ... but one barrage of two weapons is one incident per place, typed by the heavier
    ("Russian drones and missiles hit Kyiv and Lviv on Monday.",
     [("missile_strike", "Kyiv", "2025-11-17", "2025-11-17", 1), ("missile_strike", "Lviv", "2025-11-17", "2025-11-17", 1)]),
    # generic attack words on a front line are battles
    ("Russian forces continued attacks in the Kupyansk direction on Monday.",
     [("ground_fighting", "Kupyansk", "2025-11-17", "2025-11-17", 1)]),
])
def test_types_per_place(gaz, text, expected):
    assert sorted(incidents(gaz, text)) == expected


@pytest.mark.parametrize("text,expected", [
    # a quoted report of an attack places it; a quoted word does not govern places outside the quote
    ('"The village of Novaya Tavolzhanka came under artillery fire on Monday," the governor wrote.',
     [("shelling", "Novaya Tavolzhanka", "2025-11-17", "2025-11-17", 1)]),
    ('Troops were fighting "fierce battles" near Lyptsi on Monday.',
     [("ground_fighting", "Lyptsi", "2025-11-17", "2025-11-17", 2)]),
    # displacement destinations, cities that locate others, capitals of regions
    ("RSF fighters attacked Singa on Monday, sending thousands fleeing towards Gedaref.",
     [("ground_fighting", "Singa", "2025-11-17", "2025-11-17", 1)]),
    ("In Omdurman, across the Nile from the capital Khartoum, a drone struck an army post on Monday.",
     [("drone_strike", "Omdurman", "2025-11-17", "2025-11-17", 1)]),
    ("Shelling killed 14 people in El Fasher, the capital of North Darfur state, on Monday.",
     [("shelling", "El Fasher", "2025-11-17", "2025-11-17", 1)]),
    # Russian ministry wording
    ("The ministry said its forces liberated Vuhledar and repelled counterattacks near Sudzha on Monday.",
     [("ground_fighting", "Sudzha", "2025-11-17", "2025-11-17", 2),
      ("ground_fighting", "Vuhledar", "2025-11-17", "2025-11-17", 1)]),
])
def test_quotes_displacement_and_front_line_wording(gaz, text, expected):
    assert sorted(incidents(gaz, text)) == expected


def test_generic_attack_words_take_the_paragraphs_last_weapon(gaz):
    text = ("Russian drones hit Odesa on Monday.\n\n"
            "In Dnipropetrovsk Oblast, Russian artillery shelled Nikopol on Monday. Marhanets was also hit.\n\n"
            "Kherson was also attacked on Monday.")
    assert sorted(incidents(gaz, text)) == [
        ("drone_strike", "Kherson", "2025-11-17", "2025-11-17", 1),
        ("drone_strike", "Odesa", "2025-11-17", "2025-11-17", 1),
        ("shelling", "Marhanets", "2025-11-17", "2025-11-17", 1),
        ("shelling", "Nikopol", "2025-11-17", "2025-11-17", 1)]


@pytest.mark.parametrize("text,expected", [
    # an air force's "strikes" told with no weapon are air strikes; a missile power's stay missiles
    ("Israeli strikes killed nine people in Tyre on Monday.", [("air_strike", "Tyre", "2025-11-17", "2025-11-17", 1)]),
    ("The US military said it struck Houthi sites near Saada on Monday.",
     [("air_strike", "Sa'dah", "2025-11-17", "2025-11-17", 2)]),
    ("Russian strikes hit Sumy on Monday.", [("missile_strike", "Sumy", "2025-11-17", "2025-11-17", 1)]),
    # a weapon the paragraph names wins over the prior
    ("Israeli drones hit Tyre on Monday. Israeli strikes also hit Sidon.",
     [("drone_strike", "Sidon", "2025-11-17", "2025-11-17", 1), ("drone_strike", "Tyre", "2025-11-17", "2025-11-17", 1)]),
])
def test_strikes_of_an_air_force_named_by_no_weapon(gaz, text, expected):
    assert sorted(incidents(gaz, text)) == expected


@pytest.mark.parametrize("text,expected", [
    ("Russian glide bombs killed 11 near Kharkiv on Monday as Moscow presses its offensive.",
     [("air_strike", "Kharkiv", "2025-11-17", "2025-11-17", 2)]),
    ("The Saratov plant was struck twice in 2025.", []),  # a year's summary
    ("Analysts say the strikes have reduced refining, though Moscow has repaired most damage.", []),
    ("Officials say drone attacks have disrupted fuel supplies in Sumy on Monday.", []),
    # any other perfect states what happened
    ("Russian strikes have reportedly impacted two hospitals in Sumy on Monday.",
     [("missile_strike", "Sumy", "2025-11-17", "2025-11-17", 1)]),
    ("Russian strikes have left five people dead in Sumy on Monday.",
     [("missile_strike", "Sumy", "2025-11-17", "2025-11-17", 1)]),
    ("Rebels captured Mogok on Monday after junta troops had withdrawn towards Mandalay.",
     [("ground_fighting", "Mogok", "2025-11-17", "2025-11-17", 1)]),
    ('The ministry said "Russia is targeting civilians in Zaporizhzhia".', []),
    ("Medvedev said Moscow would respond if Europe supplied Ukraine with missiles.", []),
])
def test_summaries_characterisations_and_conditions(gaz, text, expected):
    assert sorted(incidents(gaz, text)) == expected


def test_an_unstated_attacker_is_the_one_the_article_last_named(gaz):
    text = ("Russian drones hit Odesa on Monday. A missile attack on Kharkiv on Monday damaged a substation. "
            "An act of sabotage damaged a rail line near Lublin on Monday. Fighting raged near Pokrovsk on Monday. "
            "Drones struck a depot in Belgorod on Monday.")
    found, _ = extract_article(Article(id="t", text=text, title="", published=PUB), gaz)
    got = sorted((i.place.name, i.type, i.actor) for i in dedupe(found))
    # not onto sabotage or battles, and never an attacker on its own territory
    assert got == [("Belgorod", "drone_strike", None), ("Kharkiv", "missile_strike", "Russia"),
                   ("Lublin", "sabotage", None), ("Odesa", "drone_strike", "Russia"),
                   ("Pokrovsk", "ground_fighting", None)]


def test_each_part_of_a_joined_clause_keeps_its_own_toll(gaz):
    text = ("Another resident was killed by artillery fire in Huliaipole on Monday, and a guided bomb attack "
            "on the town of Orikhiv injured three men.")
    found, _ = extract_article(Article(id="t", text=text, title="", published=PUB), gaz)
    got = sorted((i.place.name, i.type, i.killed, i.injured) for i in dedupe(found))
    assert got == [("Hulyaypole", "shelling", 1, None), ("Orikhiv", "air_strike", None, 3)]


def test_regions_listed_after_a_locative_are_all_scenes(gaz):
    got = incidents(gaz, "Russian drones hit energy facilities in the Odesa and Mykolaiv regions on Monday.")
    assert sorted(got) == [("drone_strike", "Mykolaiv Oblast", "2025-11-17", "2025-11-17", 3),
                           ("drone_strike", "Odesa Oblast", "2025-11-17", "2025-11-17", 3)]


@pytest.mark.parametrize("text,expected", [
    ("A junta fighter jet dropped two bombs on Pan Set village in Sagaing region on Monday.",
     [("air_strike", "Pan Set", "2025-11-17", "2025-11-17", 1)]),
    ("Israeli tanks pushed into the western edge of Beit Hanoun on Monday.",
     [("ground_fighting", "Bayt Ḩānūn", "2025-11-17", "2025-11-17", 1)]),
    ("Russian forces had taken control of the village of Temyrivka on Monday.",
     [("ground_fighting", "Temyrivka", "2025-11-17", "2025-11-17", 1)]),
    ("A suicide bombing at a market in Mogadishu on Monday killed nine.",
     [("explosion", "Mogadishu", "2025-11-17", "2025-11-17", 1)]),
])
def test_more_trigger_wording(gaz, text, expected):
    assert sorted(incidents(gaz, text)) == expected


@pytest.mark.parametrize("text,expected", [
    # the region a big city of that old name is the seat of; the Donetsk People's Republic
    ("Russian troops struck facilities in the Kharkov and Dnepropetrovsk Regions on Monday.",
     [("missile_strike", "Dnipropetrovsk Oblast", "2025-11-17", "2025-11-17", 3),
      ("missile_strike", "Kharkiv Oblast", "2025-11-17", "2025-11-17", 3)]),
    ("Shelling hit Horlivka in the Donetsk People's Republic on Monday, as Russia calls the occupied area.",
     [("shelling", "Horlivka", "2025-11-17", "2025-11-17", 1)]),
    # "since last August" starts a state of affairs: it does not date the event
    ("Troops repelled counterattacks near Sudzha, where Ukrainian units have held a salient since last August.",
     [("ground_fighting", "Sudzha", "2025-11-20", "2025-11-20", 2)]),
])
def test_old_region_names_and_durations(gaz, text, expected):
    assert sorted(incidents(gaz, text)) == expected


def test_a_country_level_summary_gives_way_to_the_places_the_article_lists(gaz):
    text = ("Russian forces attacked Ukraine with 120 missiles on Monday, officials said. "
            "A missile struck an energy facility in Odesa on Monday. Missiles hit Lviv on Monday.")
    assert sorted(incidents(gaz, text)) == [("missile_strike", "Lviv", "2025-11-17", "2025-11-17", 1),
                                            ("missile_strike", "Odesa", "2025-11-17", "2025-11-17", 1)]
    # ... but stays when the article names no place inside the country
    assert incidents(gaz, "Russian forces attacked Ukraine with 120 missiles on Monday.") == [
        ("missile_strike", "Ukraine", "2025-11-17", "2025-11-17", 3)]


def test_a_toll_since_a_past_date_is_a_summary(gaz):
    text = "The UN says at least 12,600 civilians have been killed in Ukraine since February 2022."
    assert incidents(gaz, text) == []


def test_the_day_before_a_named_event_counts_from_that_event(gaz):
    # "the day before the meeting" is the meeting's eve, not the day before the date the text gave last
    text = ("The meeting of the foreign ministers was held on 18 November 2025 in Riyadh. It came less than a week "
            "after a phone call between the two presidents on 12 November. The day before the meeting, "
            "several European leaders met in Paris to discuss the war.")
    assert sorted(incidents(gaz, text)) == [("diplomatic", "Paris", "2025-11-17", "2025-11-17", 1),
                                            ("diplomatic", "Riyadh", "2025-11-18", "2025-11-18", 1)]


def test_a_routes_far_end_is_no_scene(gaz):
    # the event is on the route; its first end says where, the second may lie hundreds of km away
    got = incidents(gaz, "On Tuesday rebels took control of the road between Lashio and Mandalay.")
    assert [g[1] for g in got] == ["Lashio"]
    # two towns joined by "and" with no route between them are both scenes
    assert sorted(g[1] for g in incidents(gaz, "On Tuesday fighting raged in Kupiansk and Lyman.")) == ["Kupyansk", "Lyman"]


def test_coordinated_parts_of_a_clause_keep_their_own_days(gaz):
    # each part of the clause tells its own day: two strikes a week apart, not two week-long ones
    for text in ("On 12 November Israel struck Sanaa, and on 18 November it struck Hodeidah.",
                 "Israeli jets struck Sanaa on 12 November and Hodeidah on 18 November."):
        assert sorted(g[1:4] for g in incidents(gaz, text)) == [("Al Ḩudaydah", "2025-11-18", "2025-11-18"),
                                                             ("Sanaa", "2025-11-12", "2025-11-12")]
    # a place in a part of no date of its own takes the day of the part before it
    got = incidents(gaz, "On 12 November drones hit Kharkiv and Odesa, and on 18 November missiles struck Kyiv.")
    assert sorted(g[1:3] for g in got) == [("Kharkiv", "2025-11-12"), ("Kyiv", "2025-11-18"), ("Odesa", "2025-11-12")]
    # which town was hit when is not told: the clause's period stands for both
    got = incidents(gaz, "Israeli jets struck Sanaa and Hodeidah on 12 November and 18 November.")
    assert {g[2:4] for g in got} == {("2025-11-12", "2025-11-18")}


def test_armed_groups_of_many_wars_are_named_as_attackers(gaz):
    found, _ = extract_article(Article(id="t", title="", published=PUB, text=(
        "M23 rebels captured the town of Sake in North Kivu on Monday. JNIM fighters attacked an army post near Djibo on Tuesday. "
        "ISWAP fighters raided Monguno on Wednesday.")), gaz)
    assert sorted((i.place.name, i.actor) for i in found) == [
        ("Djibo", "JNIM"), ("Monguno", "ISWAP"), ("Sake", "M23")]


@pytest.mark.parametrize("text, killed", [
    ("A drone strike killed two people.", 2),       # the article before the attacker is no toll
    ("An IED killed three soldiers near Kidal.", 3),
    ("A suicide bomber killed 12 in Peshawar.", 12),
    ("A man was killed.", 1),                        # the article before the victim is one
    ("Three civilians killed in a strike on Kharkiv.", 3),
])
def test_the_count_before_an_active_casualty_verb_is_its_subject_not_the_dead(text, killed):
    assert casualties(text)[0] == killed


def test_a_demonym_names_its_state_as_the_attacker(gaz):
    found, _ = extract_article(Article(id="t", title="", published=PUB, text=(
        "Indian missiles hit Muzaffarabad on Wednesday. Ethiopian troops clashed with militants in Lalibela on Monday.")), gaz)
    assert sorted(i.actor for i in found) == ["Ethiopia", "India"]


def test_the_attacker_is_named_after_a_defending_verb(gaz):
    found, _ = extract_article(Article(id="t", title="", published=PUB, text=(
        "Sudan's army said it repelled an RSF attack on El Obeid on Saturday. "
        "Congolese troops fended off an assault by M23 rebels near Goma on Sunday.")), gaz)
    assert sorted((i.place.name, i.actor) for i in found) == [("El Obeid", "Rapid Support Forces"), ("Goma", "M23")]


@pytest.mark.parametrize("text,expected", [
    # the attacked side's demonym is no attacker when the attacker is told after "by"
    ("Chadian soldiers were attacked by a non-state armed group in Bol on Monday.", [("Bol", None, None)]),
    ("On Monday, a Malian army unit suffered a deadly attack by unidentified gunmen near Tessalit.",
     [("Tessalit", None, None)]),
    ("Nigerian troops were attacked by ISWAP fighters in Monguno on Monday.", [("Monguno", "ISWAP", None)]),
    # who reports or condemns an attack is not who made it
    ("Russian strikes on Kharkiv on Monday were condemned by rights groups.", [("Kharkiv", "Russia", None)]),
])
def test_the_attacker_is_the_one_after_by(gaz, text, expected):
    assert actors(gaz, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("On Monday, five Palestinians were killed by Israeli forces, one in Qalqilya and four in an overnight raid in "
     "Tulkarm.", [("Qalqīlyah", "Israel", 1), ("Ţūlkarm", "Israel", 4)]),
    ("On Monday, Israeli forces shot and killed a man in Qalqilya and two men near Tulkarm.",
     [("Qalqīlyah", "Israel", 1), ("Ţūlkarm", "Israel", 2)]),
    # one place the text singles out from a larger toll
    ("On Monday, Israeli forces killed 24 Palestinians across the West Bank, including 18 in an airstrike on "
     "Tulkarm.", [("Ţūlkarm", "Israel", 18)]),
    # a total over several places that the text does not split stays unsplit
    ("On Monday Russian drones struck Kharkiv and Sumy, killing two people.",
     [("Kharkiv", "Russia", None), ("Sumy", "Russia", None)]),
])
def test_a_toll_the_text_splits_over_its_places_is_split(gaz, text, expected):
    assert actors(gaz, text) == expected


def test_one_place_named_twice_keeps_the_clause_s_toll(gaz):
    text = "On Monday, at least 32 people were killed in a suicide bombing at Quetta railway station in Quetta."
    assert [k for _, _, k in actors(gaz, text)] == [32]


def test_states_supporting_the_attackers_are_not_the_attacker(gaz):
    text = ("On Monday, the militaries of the United States and the United Kingdom, with support from Australia, "
            "Canada and the Netherlands, conducted strikes against military targets in Hodeidah.")
    assert [a for _, a, _ in actors(gaz, text)] == ["United Kingdom"]
    assert [a for _, a, _ in actors(gaz, "On Monday M23 rebels, backed by Rwanda, attacked Sake.")] == ["M23"]


@pytest.mark.parametrize("text", [
    "The UK is alarmed by the attack in Jenin on Monday that killed two men.",
    "The United States was deeply saddened to learn of the attack in Bandiagara on Monday that killed 20 civilians.",
])
def test_a_country_that_reacts_to_an_attack_is_not_its_author(gaz, text):
    assert [a for _, a, _ in actors(gaz, text)] == [None]


@pytest.mark.parametrize("text,attacker", [
    # the means alone after "by": the attacked side's demonym is no attacker
    ("On Monday a Syrian military ceremony in Homs was targeted by a drone strike, killing 100 people.", None),
    ("On Monday Ukrainian positions near Bakhmut were hit by Russian drones.", "Russia"),
    ("On Monday Kharkiv was struck by missile attacks by the Russian Federation.", "Russia"),
    # a country's spokesman or officials speak of the attack
    ("On Monday a United Kingdom spokesman said a drone hit a school in Kharkiv.", None),
])
def test_the_attacker_is_not_the_side_attacked_or_the_side_speaking(gaz, text, attacker):
    assert [a for _, a, _ in actors(gaz, text)] == [attacker]


@pytest.mark.parametrize("text", [
    "On Monday, Russia launched its latest round of missiles, hitting residential buildings in Kyiv.",
    "In November, Russia launched a wave of missiles, hitting residential buildings in Kyiv.",
])
def test_a_day_or_month_before_a_country_lists_no_place_with_it(gaz, text):
    # "On Monday, Russia": Russia is not one of a list of places governed by "on"
    assert [a for _, a, _ in actors(gaz, text)] == ["Russia"]


def test_the_attacker_told_after_the_casualty_word_before_the_event_word(gaz):
    text = "On Monday, three people were killed after Russia launched another wave of missile strikes on Kyiv."
    assert [a for _, a, _ in actors(gaz, text)] == ["Russia"]
    # the agent of the killing still comes first when the text names one
    text = "On Monday, eleven Palestinians were killed by Israeli forces during an operation in Tulkarm."
    assert [a for _, a, _ in actors(gaz, text)] == ["Israel"]


def test_who_holds_or_runs_the_target_is_not_its_attacker(gaz):
    text = ("On Monday, US forces conducted an airstrike against a command facility operated by the Houthis in "
            "Hodeidah.")
    assert [a for _, a, _ in actors(gaz, text)] == ["United States"]
    # an agent told with "by" after the weapon is
    assert [a for _, a, _ in actors(gaz, "On Monday a drone launched by the Houthis struck Eilat.")] == ["Houthis"]
