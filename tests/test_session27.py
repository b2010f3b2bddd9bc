"""Session 27 (issue 13): classes of real-news failure, each on sentences written for this file (none comes
from a corpus), with the real gazetteer: lists and their governing word, admin-1 names without their unit word,
towns taken, who attacks in an interception, abductions, operations against armed men, weapons as goods, "last
year", a relative clause's day of background, spellings (ʿayn, Shabelle) and section headings in capitals."""
from __future__ import annotations

import datetime as dt

import pytest

from test_geo_context import places
from test_scope import found, gaz, scene_cases  # noqa: F401  (gaz: the fixture)

from mapper.extract.governing import governing_word

test_each_listed_region_may_open_with_the = scene_cases(
    # "the X region and the Y region": the second is listed, governed as the first
    ("Drones struck the Bryansk region and the Oryol region on Sunday.",
     {("drone_strike", "Bryansk Oblast"), ("drone_strike", "Oryol Oblast")}),
    ("Shelling hit the Sumy region, the Chernihiv region and the Poltava region on Monday.",
     {("shelling", "Sumy Oblast"), ("shelling", "Chernihiv Oblast"), ("shelling", "Poltava Oblast")}),
    # a border region in the list (the first stays its town, as "border region" is no region word yet)
    ("Air defences downed drones over the Kursk border region and the Lipetsk region overnight.",
     {("drone_strike", "Kursk"), ("drone_strike", "Lipetsk Oblast")}),
)


def test_a_determiner_in_a_list_leaves_the_governing_word(gaz):
    text = "Missiles hit the Dnipropetrovsk region and the Zaporizhzhia region."
    assert governing_word(text, text.index("Zaporizhzhia")) == "hit"
    # a place that opens its own clause after "and the" is not listed
    text = "Russia struck Kyiv and the mayor of Odesa said power was out."
    assert governing_word(text, text.index("Odesa")) != "struck"


def test_a_compass_word_after_as_well_as_keeps_the_list(gaz):
    text = "On Sunday drones hit Sumy as well as northern Chernihiv oblast."
    assert {p for _, p, _, _ in found(gaz, text)} == {"Sumy", "Chernihiv Oblast"}


def test_a_region_named_without_its_unit_word(services):
    # GeoNames names these regions "West Kordofan State", "Mymensingh Division", "Ariana Governorate": news
    # writes "West Kordofan", "Mymensingh division" (the unit word lower-case), "Ariana"
    got = places(services, "Clashes were reported near Babanusa in West Kordofan on Tuesday.")
    assert got["West Kordofan"][1:4] == ("admin1", "SD", "SD.62")
    assert got["Babanusa"][2:4] == ("SD", "SD.62")
    got = places(services, "Floods hit Mymensingh division and Sylhet on Friday.")
    assert got["Mymensingh"][2:4] == ("BD", "BD.H")
    # the full name still resolves
    got = places(services, "Aid reached West Kordofan State on Friday.")
    assert got["West Kordofan State"][1:4] == ("admin1", "SD", "SD.62")


test_a_town_taken_is_told_by_its_name_after_the_verb = scene_cases(
    ("Rebels seized Rutshuru on Sunday, residents said.", {("ground_fighting", "Rutshuru")}),
    ("The army said on Sunday it had regained Kadugli.", {("ground_fighting", "Kadugli")}),
    ("The Arakan Army took over Maungdaw on Sunday.", {("ground_fighting", "Maungdaw")}),
    ("Insurgents have taken Kyaukme, residents said on Sunday.", {("ground_fighting", "Kyaukme")}),
    # a town that fell to an armed force
    ("Dilling fell to the RSF on Sunday.", {("ground_fighting", "Dilling")}),
    ("On Sunday the town of Toretsk fell to Russian forces.", {("ground_fighting", "Toretsk")}),
    # goods and peoples seized, what is someone's, time it takes, and what else falls, take no town
    ("Customs officers seized Iranian drones at the port of Odesa on Sunday.", set()),
    ("Trump took Zelensky's call in Washington on Sunday.", set()),
    ("It took Ukraine two days to restore power in Kharkiv after the storm on Sunday.", set()),
    ("Wheat prices fell to a record low in Chicago on Sunday.", set()),
)


@pytest.mark.parametrize("text, place, attacker", [
    # who intercepts defends: the attacker is the weapons' side ...
    ("Russian air defences downed 30 Ukrainian drones over the Kursk region on Sunday.", "Kursk Oblast", "Ukraine"),
    # ... whoever launched them, or where they were fired from
    ("The Israeli army intercepted a drone launched by Hezbollah over Haifa on Sunday.", "Haifa", "Hezbollah"),
    ("Israel's military said on Sunday it intercepted a missile fired from Yemen towards Eilat.", "Eilat", "Yemen"),
    # ... and no one when the text names none of these (not the defender)
    ("Ukraine's air force said it shot down 45 drones over the Odesa region overnight.", "Odesa Oblast", None),
    # a maker is no user: "Iranian-made"
    ("Ukrainian air defences destroyed 30 Iranian-made drones over Poltava overnight.", "Poltava", None),
    # weapons hit on the ground are no interception: the one who hit them attacked
    ("On Sunday US forces destroyed a Houthi missile launcher near Hodeidah.", "Al Ḩudaydah", "United States"),
])
def test_an_interception_is_no_attack_by_the_interceptor(gaz, text, place, attacker):
    assert [(p, a) for _, p, _, a in found(gaz, text)] == [(place, attacker)]


def test_an_inner_ayn_is_also_a_break_between_words(services):
    # GeoNames writes "Turmus‘ayyā"; English news "Turmus Ayya" (and "Turmusayya")
    for text, name in (("Settlers set fire to cars in Turmus Ayya on Tuesday night.", "Turmus Ayya"),
                       ("Settlers set fire to cars in Turmusayya on Tuesday night.", "Turmusayya")):
        got = places(services, text)
        assert got[name][0] == "Turmus‘ayyā" and got[name][2] == "PS"


test_people_abducted_by_armed_men_are_an_incident_of_their_own_type = scene_cases(
    ("Gunmen abducted 12 farmers near Katsina on Sunday, police said.", {("other", "Katsina")}),
    ("A priest was kidnapped by suspected jihadists near Djibo on Sunday.", {("other", "Djibo")}),
    # told with an attack, the attack's type
    ("Insurgents attacked a village near Maiduguri on Sunday and abducted 20 women.", {("ground_fighting", "Maiduguri")}),
    # a country's abductions are a state of affairs, as its fighting is
    ("Armed gangs carried out kidnappings and killings across Haiti on Sunday.", set()),
)


def test_an_abduction_in_a_story_of_no_conflict_is_no_incident(gaz):
    assert found(gaz, "A businessman was kidnapped for ransom in Lagos on Sunday, police said.") == []


test_an_operation_against_armed_men_is_fighting = scene_cases(
    ("Pakistan's army launched an operation against militants in North Waziristan on Sunday.",
     {("ground_fighting", "North Wazīristān District")}),
    ("Police began an operation against armed gangs in Port-au-Prince on Sunday.", {("ground_fighting", "Port-au-Prince")}),
    ("The government launched an operation against corruption in Lagos on Sunday.", set()),
)


test_weapons_traded_are_no_strike = scene_cases(
    ("On Sunday the US sanctioned two firms in Minsk that supply drones to Russia.", set()),
    ("Investigators said a broker in Dubai sold missiles to the Houthis on Sunday.", set()),
    # a strike delivered is still a strike
    ("Russia delivered massive missile strikes on Lutsk on Sunday.", {("missile_strike", "Lutsk")}),
    # "supply" and "export" as nouns trade nothing
    ("A supply convoy came under drone fire near Lyman on Sunday.", {("drone_strike", "Lyman")}),
)


def test_last_year_is_the_calendar_year_before(gaz):
    # an event of last year is background (more than 30 days before publication, annotation.md)
    assert found(gaz, "The missile strike on Sumy last year killed 12 people.") == []
    assert found(gaz, "Last year, Russian drones hit Sumy, killing 12.") == []
    # a comparison with last year leaves the event's own day
    got = found(gaz, "Drones struck Sumy on Monday, the worst attack since last year.")
    assert [(p, d) for _, p, d, _ in got] == [("Sumy", "2025-05-19")]


def test_a_relative_clauses_day_of_background_leaves_the_clause_its_own_day(gaz):
    # the seizure of 2023 is the relative clause's; the clause's event is the retaking, told "on Sunday"
    text = ("The army said on Sunday it had retaken Kadugli from the rebels, who seized the town in March 2023.")
    assert [(t, p, d) for t, p, d, _ in found(gaz, text)] == [("ground_fighting", "Kadugli", "2025-05-18")]
    # a relative clause telling the event's own recent day still dates it
    text = "The UK said on Tuesday that the strike on Sumy, which killed 20 people on 12 May, was appalling."
    assert [(p, d) for _, p, d, _ in found(gaz, text)] == [("Sumy", "2025-05-12")]


def test_somalias_shabelle_regions_by_their_english_spelling(services):
    # Natural Earth and GeoNames spell them "Shebelle", "Shabele"; OCHA and the news "Shabelle"
    got = places(services, "Fighting spread from Middle Shabelle to Lower Shabelle on Sunday.")
    assert got["Middle Shabelle"][1:4] == ("admin1", "SO", "SO.13")
    assert got["Lower Shabelle"][1:4] == ("admin1", "SO", "SO.14")


def test_a_section_heading_in_capitals_announces_the_item_below_it(gaz):
    # a snapshot's items each under a heading in capitals: the heading takes no day from the item before it, and
    # gives way to the item that tells its event
    text = ("NIGERIA\n\nFLOODS DISPLACE 3,000 IN BORNO\n\nFlooding displaced 3,000 people in Maiduguri in late May, and "
            "gunmen killed four farmers near Konduga on 28 May.\n\nCAMEROON\n\nAID WORKER ABDUCTED AND SEVERELY BEATEN "
            "IN SOUTH-WEST REGION\n\nOn 5 June, a non-state armed group abducted a teacher in Mamfe, Manyu division, "
            "South-West region.")
    got = found(gaz, text, dt.date(2025, 6, 9), "West and Central Africa: Weekly Snapshot (2 - 8 June 2025)")
    assert ("other", "Mamfe", "2025-06-05", None) in got
    assert not any(p == "Southwest Province" for _, p, _, _ in got)


def test_violence_told_as_why_people_fled_is_no_event_there(gaz):
    text = ("Non-state armed groups attacked an army post in Bamenda on 20 May, killing two soldiers. Between 21 and 28 "
            "May, more than 4,800 people were forced to flee their homes in Wum and Ndop due to violence.")
    got = found(gaz, text, dt.date(2025, 6, 4), "Cameroon: North-West and South-West Situation Report")
    assert [(t, p, d) for t, p, d, _ in got] == [("ground_fighting", "Bamenda", "2025-05-20")]
    # the fighting told as the cause of a killing is still the event
    text = "Two soldiers were killed due to fighting in Bamenda on 20 May."
    assert [p for _, p, _, _ in found(gaz, text, dt.date(2025, 6, 4), "Cameroon: situation report")] == ["Bamenda"]
