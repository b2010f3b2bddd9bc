"""Classes of real-news failure (issue 13), each on sentences written for this file.

Month names that are words, modality scoped to the event's own predicate, seasons and
years as background, allegations.  None of these sentences comes from a corpus.
"""
from __future__ import annotations

import datetime as dt

import pytest

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.geo.names import key
from mapper.geo.qualify import km
from mapper.pipeline import Services, extract_article

PUB = dt.date(2025, 5, 21)  # a Wednesday


@pytest.fixture(scope="module")
def gaz():
    return Services.load().gazetteer


def places_named(gaz, name):
    """Every gazetteer place a name can mean."""
    return [gaz.place(e) for e, _ in gaz.candidates(key(name))]


def same_scenes(gaz, text, scenes):
    """Whether the incidents of ``text`` lie at exactly the places named ``scenes``
    (compared by normalised name: "Kupyansk", "Ḩajjah")."""
    return {key(name) for _, name, _, _ in found(gaz, text)} == {key(s) for s in scenes}


def found(gaz, text, published=PUB, title=""):
    items, _ = extract_article(Article(id="t", text=text, title=title, published=published), gaz)
    return [(i.type, i.place.name, i.date_start.isoformat(), i.actor) for i in dedupe(items)]


def typed_scenes(gaz, text):
    """The (type, place name) of every incident of ``text``."""
    return {(t, p) for t, p, _, _ in found(gaz, text)}


def scene_cases(*cases):
    """A test that each (text, expected) case gives exactly the expected (type, place name) scenes; the module
    binds it to a name of its own (``test_... = scene_cases(...)``), the name pytest reports."""
    @pytest.mark.parametrize("text, expected", cases)
    def test(gaz, text, expected):
        assert typed_scenes(gaz, text) == expected
    return test


@pytest.mark.parametrize("text", [
    "On May 5 Russian drones struck Mykolaiv.",
    "On 5 May Russian drones struck Mykolaiv.",
    "Russian drones struck Mykolaiv on May 5, the governor said.",
    "In early May Russian drones struck Mykolaiv.",
])
def test_may_as_a_month_is_a_date_not_a_modal_verb(gaz, text):
    got = found(gaz, text)
    assert [(t, p) for t, p, _, _ in got] == [("drone_strike", "Mykolayiv")]
    assert got[0][2].startswith("2025-05-0")


def test_may_as_a_modal_verb_still_makes_an_event_hypothetical(gaz):
    assert found(gaz, "Officials said Russian drones may strike Mykolaiv again.") == []


@pytest.mark.parametrize("text, place", [
    ("The former governor said Russian missiles struck Poltava on Monday.", "Poltava"),
    ("There was no warning before Russian missiles struck Poltava on Monday.", "Poltava"),
    ("Residents who will not leave said Russian missiles struck Poltava on Monday.", "Poltava"),
    ("Russia has not ended its campaign, and on Monday Russian missiles struck Poltava.", "Poltava"),
    ("After the previous night had been calm, Russian missiles struck Poltava on Monday.", "Poltava"),
    # a definite event noun is presupposed: the auxiliary of the verb it is the object of does not reach it
    ("Viewers will remember the missile strike on Poltava on Monday.", "Poltava"),
    ("The city could not forget Russia's missile strike on Poltava on Monday.", "Poltava"),
    # a defence against an attack told is no hypothetical one
    ("Air defences shielded Poltava from the Russian missile strike on Monday.", "Poltava"),
    # a question that asks why or how presupposes the attack
    ("Why did Russian missiles strike Poltava on Monday?", "Poltava"),
    # rockets told in the passive, toward their target
    ("On Monday three rockets were fired at Poltava.", "Poltava"),
    # "every night" tells attacks that happened (only a rate, "per night", is a habit)
    ("On Monday Russian missiles struck Poltava again, as they had every night.", "Poltava"),
])
def test_words_outside_the_events_predicate_do_not_cancel_it(gaz, text, place):
    got = found(gaz, text)
    assert [(t, p, d) for t, p, d, _ in got] == [("missile_strike", place, "2025-05-19")]


@pytest.mark.parametrize("text", [
    "Russian missiles did not strike Poltava on Monday, the air force said.",
    "There were no missile strikes on Poltava on Monday.",
    "Moscow threatened to launch missile strikes on Poltava next week.",
    "The governor denied reports that Russian missiles had struck Poltava on Monday.",
    "Previous missile strikes on Poltava caused little damage.",
    "If Russian missiles strike Poltava, the plant will close.",
    # ... unless a verb of carrying out governs it
    "Russia will launch the missile strikes on Poltava next week.",
    "Russia may repeat the missile strike on Poltava on Monday.",
    # forecasts, and trends told without an event
    "The storm is forecast to hit Poltava on Monday.",
    "Troops patrol the town, and families in Poltava face hardship amid rising crime and violence.",
    "The minister deplored the escalation of violence in Poltava, where troops are based.",
    "On Monday troops patrolled, and camps in Poltava faced rising crime and violence.",
    # "reported" as an adjective is no verb of saying that ends the reach of "in response to"
    "On Monday the raid was said to be in response to reported rocket fire into Poltava.",
    # "without" denies what follows
    "On Monday the convoy reached Poltava without fighting.",
    # a place in the phrase that dates a war; a toll counted since a war began
    "Officials called it the heaviest shelling since the outbreak of the war in Sudan.",
    "On Monday, medics said it was the worst attack since the first weeks of Russia's war against Ukraine.",
    # a threatened attack, with or without "to"
    "On Monday the army threatened air strikes on Poltava.",
    "On Monday the militia threatened Poltava with shelling.",
    # land described by who took it is no taking
    "On Monday aid convoys reached the retaken areas of Poltava oblast.",
    # what a place is to be kept from is no attack on it
    "On Monday the council urged the army to protect Poltava from attack.",
    # a yes/no question asks, it tells nothing
    "Did Russian missiles strike Poltava on Monday?",
    "Are the talks in Poltava on Monday now dead?",
    # a rate tells a habit, not one attack
    "Waves of 500 drones per night keep the people of Poltava awake, the mayor said on Monday.",
    "Officials say shelling per day has doubled around Poltava since the spring of 2023.",
])
def test_negation_modality_and_denial_scope_over_their_own_predicate(gaz, text):
    assert found(gaz, text) == []


def test_troops_who_take_land_fight_there(gaz):
    # "the retaken areas of ..." describes land (test above); a taking told with its subject is a battle
    got = found(gaz, "On Monday Ukrainian forces recaptured villages near Poltava.")
    assert [(t, p) for t, p, _, _ in got] == [("ground_fighting", "Poltava")]


@pytest.mark.parametrize("text", [
    "Russian artillery shelled Kherson in the summer of 2024.",
    "Kherson was shelled during winter 2023, the report recalled.",
])
def test_seasons_of_past_years_are_background(gaz, text):
    assert found(gaz, text) == []


def test_an_allegation_names_the_accused_not_the_accuser(gaz):
    got = found(gaz, "On Sunday Hamas accused Israeli forces of air strikes on Khan Yunis.")
    assert [(t, p, a) for t, p, _, a in got] == [("air_strike", "Khān Yūnis", "Israel")]


@pytest.mark.parametrize("text, attacker", [
    ("Officials in Kursk, in western Russia, reported strikes overnight.", None),
    ("Russia struck Kharkiv overnight.", "Russia"),
])
def test_a_country_named_as_where_things_are_is_not_the_attacker(gaz, text, attacker):
    # "in western Russia" locates; a modifier between the preposition and the country changes nothing
    assert [a for _, _, _, a in found(gaz, text)] == [attacker]


@pytest.mark.parametrize("text, scenes", [
    ("RAMALLAH: Israeli troops raided Jenin on Monday.", {"Janīn"}),
    ("KYIV — Russian drones struck Odesa on Monday.", {"Odesa"}),
    ("GAZA CITY (AP) — Israeli strikes hit Rafah on Monday.", {"Rafaḩ"}),
    ("ODESA was hit by drones on Monday.", {"Odesa"}),
    ("Ouagadougou: Gunmen killed 15 civilians in Djibo on Monday.", {"Djibo"}),
    ("Mogadishu (Caasimada Online) – Al-Shabab militants attacked a military camp in Jowhar on Friday.", {"Jawhar"}),
    ("Kharkiv - Russian drones struck Odesa on Monday.", {"Odesa"}),
])
def test_a_dateline_in_any_wire_style_is_no_scene(gaz, text, scenes):
    assert same_scenes(gaz, text, scenes)


CASED = ("Russian drones struck Kharkiv overnight, the governor said. On Tuesday Ukrainian forces shelled "
         "Horlivka, killing two people.")


@pytest.mark.parametrize("text", [CASED.lower(), CASED.upper()])
def test_text_in_one_case_gives_what_the_cased_text_gives(gaz, text):
    assert found(gaz, text) == found(gaz, CASED)
    assert sorted(a for _, _, _, a in found(gaz, text)) == ["Russia", "Ukraine"]


def test_recased_text_is_quoted_as_written(gaz):
    items, _ = extract_article(Article(id="t", text=CASED.upper(), title="", published=PUB), gaz)
    assert {s.text for i in items for s in i.sources} <= {c.strip() + "." for c in CASED.upper().split(".") if c}


def test_recasing_leaves_common_words_and_cased_text_alone(gaz):
    from mapper.extract.truecase import case_of, recase

    assert case_of(CASED) is None
    assert recase("they met in reading on a nice day in may.", gaz) == "They met in reading on a nice day in May."
    assert recase("the rapid support forces shelled el fasher.", gaz) == "The Rapid Support Forces shelled El Fasher."


@pytest.mark.parametrize("text", [
    "Berlin said on Monday it had delivered more drones to Odesa.",
    "The council imposed sanctions on Minsk over the drone attacks on Monday.",
    "Washington approved a package of artillery shells for Zaporizhzhia on Monday.",
    "On Monday Moscow blamed Kherson officials for the shelling.",
    "Officials urged Warsaw on Monday to send more missiles.",
    # the object of a verb of supply, the subject of a request
    "On Monday the EU listed two firms supplying Minsk with drones.",
    "Warsaw has asked its allies for more air defences after the shelling on Monday.",
])
def test_a_place_in_another_role_than_the_scene_is_no_incident(gaz, text):
    assert found(gaz, text) == []


@pytest.mark.parametrize("text, place", [
    ("The battle for Vuhledar went on on Monday.", "Vuhledar"),
    ("Russian forces launched 40 drones on Sumy on Monday.", "Sumy"),
    ("Hezbollah fired rockets at Nahariya on Monday.", "Nahariyya"),
])
def test_event_words_keep_their_scene_after_a_preposition(gaz, text, place):
    assert [p for _, p, _, _ in found(gaz, text)] == [place]


@pytest.mark.parametrize("text, place", [
    ("Drones hit the border region, Belgorod Oblast, overnight.", "Belgorod Oblast"),
    ("Fighting raged in the country's largest province, Helmand.", "Helmand"),
    ("Armenian forces shelled the region's capital, Stepanakert.", "Stepanakert"),
])
def test_a_region_in_apposition_is_governed_by_what_governs_its_noun_phrase(gaz, text, place):
    # a region needs a word of place before it ("in", "struck"); in apposition that word is
    # the one before the noun phrase, not the noun ("region,", "capital,")
    assert [p for _, p, _, _ in found(gaz, text)] == [place]


def test_the_territories_of_a_country_named_are_its_units_not_a_claim(gaz):
    # the DRC's territories are administrative units: "territories of" names them, where "demanded the
    # territories of" is a claim on land
    assert {p for _, p, _, _ in found(gaz, "Violent clashes resumed on Monday in the territories of Rutshuru and "
                                            "Walikale.")} == {"Rutshuru"}
    assert found(gaz, "On Monday Russia demanded the territories of Donetsk and Luhansk.") == []
    # units listed after "the territories of" are each a scene, as "the Kherson and Mykolaiv regions" are
    got = {p for _, p, _, _ in found(gaz, "In South Kivu, the security situation remained tense on Monday in the "
                                          "territories of Kalehe, Shabunda and Mwenga following clashes.")}
    assert {"Kalehe", "Mwenga"} <= got and "South Kivu" not in got


@pytest.mark.parametrize("text, scenes", [
    ("On Monday there was heavy fighting in many areas of the front – Zaporizhzhia region, Kharkiv region.",
     ["Zaporizhzhia Oblast", "Kharkiv Oblast"]),
    ("On Tuesday, Russian drones hit power lines in three regions: Sumy, Poltava and Chernihiv regions.",
     ["Sumy Oblast", "Poltava Oblast", "Chernihiv Oblast"]),
])
def test_regions_a_colon_or_dash_lists_after_their_noun_are_governed_as_it_is(gaz, text, scenes):
    # "in many areas of the front - A, B": the list names the areas, so "in" governs it
    assert same_scenes(gaz, text, scenes)


@pytest.mark.parametrize("text, place", [
    ("A Ukrainian drone strike killed two people in Russia's frontier Belgorod region on Monday.", "Belgorod Oblast"),
    ("Government forces shelled the restive Idlib province on Monday.", "Idlib"),
])
def test_an_adjective_between_determiner_and_region_does_not_hide_the_place_word(gaz, text, place):
    assert [p for _, p, _, _ in found(gaz, text)] == [place]


def test_a_head_noun_before_of_is_no_adjective(gaz):
    # "the capture of Sake": "capture" heads its own phrase; the place word is "of", not "by"
    text = "The EU condemned the fall of Minova on 21 January followed by the capture of Sake on 23 January."
    assert {p for _, p, _, _ in found(gaz, text, published=dt.date(2025, 1, 24))} == {"Minova", "Sake"}


@pytest.mark.parametrize("text, scenes", [
    ("An air strike hit a market near Yemen's flashpoint Red Sea port of Hodeida on Monday.", ["Al Ḩudaydah"]),
    ("Militants fired rockets out of Gaza on Monday and one hit a school in Ashkelon.", ["Ashkelon"]),
    ("Ukrainian troops pushed Russian forces out of Kupiansk in fighting on Monday.", ["Kupyansk"]),
])
def test_where_a_town_lies_and_where_strikes_come_out_of_are_no_scenes(gaz, text, scenes):
    assert same_scenes(gaz, text, scenes)


@pytest.mark.parametrize("text, scenes", [
    ("Sumy Oblast was shelled on Monday.", ["Sumy Oblast"]),
    ("Kharkiv, Sumy and Odesa oblasts also came under attack on Monday, officials said.",
     ["Kharkiv Oblast", "Sumy Oblast", "Odesa Oblast"]),
])
def test_a_region_that_suffered_the_event_is_its_scene(gaz, text, scenes):
    # the subject of "was shelled" / "came under attack" has no place word before it
    assert same_scenes(gaz, text, scenes)


def test_a_region_under_criticism_is_no_scene(gaz):
    assert found(gaz, "Ukraine came under fire from critics on Monday.") == []


@pytest.mark.parametrize("text, scenes", [
    ("On Sunday rebels shelled Sartana, about 20 kilometres (12 miles) from Ukraine's port city of Mariupol.",
     ["Sartana"]),
    ("On Sunday rebels shelled government positions at Debaltseve, a key junction between Donetsk and Luhansk.",
     ["Debaltseve"]),
])
def test_towns_that_say_where_the_scene_lies_are_no_scenes(gaz, text, scenes):
    assert same_scenes(gaz, text, scenes)


def test_a_country_owning_a_place_is_not_the_attacker(gaz):
    got = found(gaz, "On Sunday shelling hit Sartana, 20 km from Ukraine's port city of Mariupol.")
    assert [(p, a) for _, p, _, a in got] == [("Sartana", None)]


def test_a_region_in_apposition_to_an_origin_is_still_no_scene(gaz):
    assert found(gaz, "Russia launched the drones from its border region, Kursk Oblast, overnight.") == []


def test_the_bodys_scene_wins_over_the_headline(gaz):
    title = "Drones attack Odesa region"
    body = "Russian drones struck Izmail overnight, damaging port facilities, the governor said."
    assert [p for _, p, _, _ in found(gaz, body, title=title)] == ["Izmayil"]
    # with no strike in the body, the headline's own incident stands (at the publication date)
    got = found(gaz, "The governor said the port would reopen next week.", title="Russian drones hit Izmail")
    assert [(t, p, d) for t, p, d, _ in got] == [("drone_strike", "Izmayil", "2025-05-21")]


def test_a_capital_conducting_the_attack_is_the_attacker_not_the_scene(gaz):
    got = found(gaz, "On Monday Kyiv launched a wave of drones at Belgorod.")
    assert [p for _, p, _, _ in got] == ["Belgorod"]


def test_national_authorities_place_only_domestic_incidents_in_their_country(gaz):
    got = found(gaz, "On Monday Lithuanian prosecutors said arson destroyed a warehouse.")
    assert [(t, p) for t, p, _, _ in got] == [("sabotage", "Lithuania")]
    assert found(gaz, "On Monday Lithuanian officials said Russian drones attacked overnight.") == []


@pytest.mark.parametrize("text", [
    "On Monday the governor of the Poltava region said the strikes must stop.",
    "Russian missiles struck Poltava on Monday, in breach of the Budapest Memorandum and the Treaty of Lisbon.",
])
def test_titles_and_documents_named_after_places_are_not_scenes(gaz, text):
    assert {p for _, p, _, _ in found(gaz, text)} <= {"Poltava"}
    assert not any(p.endswith("Oblast") or p in ("Budapest", "Lisbon") for _, p, _, _ in found(gaz, text))


@pytest.mark.parametrize("text, killed", [
    ("Russian drones struck Kyiv on 13 November 2025, killing two people.", 2),
    ("On 13 November 2025 drones killed two people in Kyiv.", 2),
    ("In 2024 the attack killed 5.", 5),
    ("The strike killed 1,200 people.", 1200),
])
def test_days_and_years_are_never_tolls(text, killed):
    from mapper.extract.casualties import casualties

    assert casualties(text) == (killed, None)


def test_a_toll_in_the_next_sentence_belongs_to_the_incident_just_told(gaz):
    items, _ = extract_article(Article(id="t", published=PUB, title="", text=(
        "Russian drones struck Sumy on Monday. Two people were killed and five injured, the governor said.\n\n"
        "Russian drones struck Poltava on Monday.\n\nThree people were killed across the country.")), gaz)
    assert sorted((i.place.name, i.killed, i.injured) for i in items) == [("Poltava", None, None), ("Sumy", 2, 5)]


test_a_strike_of_no_named_weapon_or_attacker_takes_its_theatres_means = scene_cases(
    # "strikes" of no weapon and no attacker named: from the air where air forces strike
    ("A strike hit an apartment complex in Beirut on Monday.", {("air_strike", "Beirut")}),
    ("A strike hit a house in Khan Yunis on Monday.", {("air_strike", "Khān Yūnis")}),
    # elsewhere the default stays a missile strike
    ("A strike hit an apartment block in Kharkiv on Monday.", {("missile_strike", "Kharkiv")}),
)


def test_a_sentence_naming_no_place_after_one_incident_tells_another_family_there(gaz):
    # shelling after a battle is another event at the battle's place
    text = "Fighting resumed in Nyala on Monday. We are alarmed by reports of shelling by both sides."
    assert typed_scenes(gaz, text) == {("ground_fighting", "Nyala"), ("shelling", "Nyala")}
    # an "assault" after strikes is the strike told again, not a battle
    text = ("On Monday Russian drones hit apartment blocks in Kharkiv. Rescue workers were among the seven killed as "
            "the site was targeted in a repeat assault.")
    assert typed_scenes(gaz, text) == {("drone_strike", "Kharkiv")}
    # a complex attack: the storming after a bombing is a battle at the bombing's place
    text = ("A car bomb exploded outside a hotel in Baidoa on Monday. Gunmen then stormed the building and fought "
            "soldiers for six hours.")
    assert typed_scenes(gaz, text) == {("explosion", "Baidoa"), ("ground_fighting", "Baidoa")}
    # a blast after a strike is the strike's own
    text = "On Monday Russian missiles hit a depot in Kharkiv. A truck bomb exploded there hours later."
    assert typed_scenes(gaz, text) == {("missile_strike", "Kharkiv")}
    # and a bombing a group claims after a blast is the blast
    text = ("On Monday a roadside bomb wounded two children in Baidoa. The Islamic State claimed several attacks "
            "including the bombing of a mosque.")
    assert typed_scenes(gaz, text) == {("explosion", "Baidoa")}


test_a_vehicle_borne_bomb_is_an_explosion = scene_cases(
    ("On Monday militants rammed a truck packed with explosives into the gate of a base in Baidoa.",
     {("explosion", "Baidoa")}),
    ("An explosive-laden vehicle hit a checkpoint in Baidoa on Monday.", {("explosion", "Baidoa")}),
)


def test_the_following_day_counts_from_the_date_just_told(gaz):
    got = found(gaz, "On 5 May Russian shelling hit Nikopol. The following day Russian drones struck Marhanets.")
    assert sorted((p, d) for _, p, d, _ in got) == [("Marhanets", "2025-05-06"), ("Nikopol", "2025-05-05")]


def test_last_weekend_is_the_saturday_and_sunday_before(gaz):
    got = found(gaz, "Last weekend Russian drones struck Marhanets.")
    assert [(p, d) for _, p, d, _ in got] == [("Marhanets", "2025-05-17")]


def test_battles_and_meetings_at_country_level_are_not_incidents(gaz):
    assert found(gaz, "On Monday leaders attending a summit on peace in Switzerland signed a communique.") == []
    assert found(gaz, "Fighting in Ukraine went on on Monday.") == []


@pytest.mark.parametrize("text", [
    "On Monday the minister spoke at the Lviv Donor Recovery Conference about the strikes.",
    "By Friday the death toll in Kherson had risen to 40 from 31.",
])
def test_event_names_and_running_totals_are_not_incidents(gaz, text):
    assert found(gaz, text) == []


def test_christmas_names_a_period_only_with_its_word(gaz):
    from mapper.extract.clause_dates import clause_date

    pub = dt.date(2024, 1, 25)
    period, how = clause_date("Over the Christmas period drones hit Kyiv.", published=pub, bullet=None, previous=None)
    assert (period.start, period.end, how) == (dt.date(2023, 12, 24), dt.date(2024, 1, 1), "explicit")
    assert clause_date("A Christmas truce was proposed.", published=pub, bullet=None, previous=None)[1] == "published"


def test_a_facility_in_a_town_the_article_names_counts_as_the_town(gaz):
    got = found(gaz, "On Monday Russian missiles struck Kyiv. The Okhmatdyt children's hospital was hit.")
    assert [(t, p) for t, p, _, _ in got] == [("missile_strike", "Kyiv")]
    alone = found(gaz, "On Monday Russian missiles hit the Okhmatdyt children's hospital.")
    assert [p for _, p, _, _ in alone] == ["Okhmatdyt Children's Hospital"]


def test_launch_areas_over_water_are_origins(gaz):
    got = found(gaz, "On Monday bombers fired cruise missiles at Dnipro from over the Caspian Sea.")
    assert [p for _, p, _, _ in got] == ["Dnipro"]


def test_a_named_regions_incident_gives_way_to_the_towns_named_in_it(gaz):
    text = ("On Monday Israeli forces carried out air strikes across the West Bank. "
            "An air strike hit a house in Jenin on Monday.")
    assert [p for _, p, _, _ in found(gaz, text)] == ["Janīn"]


def test_names_listed_after_the_regions_of_are_regions(gaz):
    got = found(gaz, "On Monday shelling hit the regions of Kherson and Donetsk.")
    assert sorted(p for _, p, _, _ in got) == ["Donetsk Oblast", "Kherson Oblast"]


@pytest.mark.parametrize("text, place", [
    ("On Monday Israeli jets bombed the Lebanese capital.", "Beirut"),
    ("Drones were shot down over Sudan's capital on Monday, the army said.", "Khartoum"),
])
def test_a_capital_named_by_its_country_is_the_capital(gaz, text, place):
    assert [p for _, p, _, _ in found(gaz, text)] == [place]


@pytest.mark.parametrize("published, eve", [(dt.date(2024, 1, 5), dt.date(2023, 12, 31)),
                                            (dt.date(2023, 12, 31), dt.date(2023, 12, 31))])
def test_new_years_eve_is_the_latest_one(published, eve):
    from mapper.extract.clause_dates import clause_date

    span, _ = clause_date("On New Year's Eve drones hit Kyiv.", published=published, bullet=None, previous=None)
    assert (span.start, span.end) == (eve, eve)


@pytest.mark.parametrize("text, kind, place", [
    ("Air defences were active over Uman on Monday night, the mayor said.", "missile_strike", "Uman"),
    ("On Monday Russian glide bombs targeted Kupiansk.", "air_strike", "Kupyansk"),
    ("Hostilities were reported around Kramatorsk on Monday.", "ground_fighting", "Kramatorsk"),
    ("On Monday government forces entered Wad Madani.", "ground_fighting", "Wad Medani"),
    ("On Monday a school was damaged by bombing in Rafah.", "air_strike", "Rafaḩ"),
])
def test_event_words_of_remote_and_ground_attacks(gaz, text, kind, place):
    assert [(t, p) for t, p, _, _ in found(gaz, text)] == [(kind, place)]


@pytest.mark.parametrize("text", [
    "Vladimir Hrytsenko, the commander, said drones struck Mykolaiv overnight. Hrytsenko gave no toll.",
    "Lawmaker Jordan Whitfield's office said missiles hit Mykolaiv on Tuesday. Whitfield called it a war crime.",
])
def test_a_place_name_opening_a_persons_name_is_no_scene(gaz, text):
    # the person is named in full once and by the surname after: the given name is no town
    assert [p for _, p, _, _ in found(gaz, text)] == ["Mykolayiv"]


def test_a_place_name_before_an_institutions_words_stays_a_place(gaz):
    # "Regional" and "Military" also appear in lower case: an institution, not a surname
    text = ("The Kherson Regional Military Administration said shelling hit Kherson on Tuesday. "
            "The Regional Military Administration gave no toll; regional officials said two were hurt.")
    assert [p for _, p, _, _ in found(gaz, text)] == ["Kherson"]


@pytest.mark.parametrize("text,name", [
    ("Maj. Gen. Pat Ryder told reporters that strikes hit targets near Hodeidah on Monday.", "Pat"),
    ("An airstrike struck Ras Baalbek's outskirts on Monday.", "Ras"),
])
def test_three_letter_alternate_names_are_not_indexed(gaz, text, name):
    # "Pat" (Patna) and "Ras" (Rasht) are GeoNames alternate names that English text
    # matches far more often than it means the city
    assert all(p not in ("Patna", "Rasht") for _, p, _, _ in found(gaz, text))


def test_coordinated_weapons_type_every_place_of_the_list(gaz):
    # a combined missile and drone attack is a missile strike (annotation.md), for each
    # town of the list, not only the first
    text = ("During the holidays Russia fired scores of missile and drone strikes at towns in Ukraine "
            "such as Sumy, Poltava and Uzhhorod.")
    got = found(gaz, text, published=dt.date(2024, 12, 30))
    assert sorted((t, p) for t, p, _, _ in got) == [("missile_strike", "Poltava"), ("missile_strike", "Sumy"),
                                                    ("missile_strike", "Uzhhorod")]


def test_separate_weapons_keep_their_own_places(gaz):
    got = found(gaz, "A drone hit Sumy and artillery shelled Kherson and Nikopol on Monday.")
    assert sorted((t, p) for t, p, _, _ in got) == [("drone_strike", "Sumy"), ("shelling", "Kherson"),
                                                    ("shelling", "Nikopol")]


def test_an_undated_country_level_strike_gives_way_to_dated_towns(gaz):
    # the standfirst characterises the war; the body tells the strikes
    text = ("Britain says Russia keeps up its missile strikes across Ukraine.\n\n"
            "On Monday missiles struck Poltava, killing three people.")
    assert [p for _, p, _, _ in found(gaz, text)] == ["Poltava"]


def test_a_dated_country_level_strike_without_towns_stays(gaz):
    text = "On Monday Russia launched 40 missiles at Ukraine, the air force said."
    assert [(t, p) for t, p, _, _ in found(gaz, text)] == [("missile_strike", "Ukraine")]


def test_names_listed_before_a_plural_region_word_are_regions(gaz):
    text = "Clashes continued on Monday in the Homs, Hama and Idlib governorates."
    got = found(gaz, text)
    assert sorted(p for _, p, _, _ in got) == ["Hama", "Homs", "Idlib"]
    places = {i.place.name: i.place.kind for i in extract_article(
        Article(id="t", text=text, title="", published=PUB), gaz)[0]}
    assert set(places.values()) == {"admin1"}


def test_regions_each_with_its_region_word_are_a_list(gaz):
    got = found(gaz, "Clashes continued on Monday in Homs governorate and Hama governorate.")
    assert sorted(p for _, p, _, _ in got) == ["Hama", "Homs"]


def test_a_name_followed_by_city_is_the_town_and_no_region_qualifier(gaz):
    text = "On Monday clashes were reported in Manbij, Homs city and Hama."
    items, _ = extract_article(Article(id="t", text=text, title="", published=PUB), gaz)
    # GeoNames spells the town of Hama "Ḩamāh"; the bare name is the town, not its governorate
    assert sorted((i.place.name, i.place.kind) for i in items) == [("Homs", "city"), ("Manbij", "city"),
                                                                   ("Ḩamāh", "city")]


@pytest.mark.parametrize("text,kind", [
    ("Clashes have continued in Toretsk on Monday.", "ground_fighting"),
    ("Army operations in Gao on Monday left three people dead.", "ground_fighting"),
    ("Security forces' operations near Maiduguri led to the killing of two men on Monday.", "ground_fighting"),
])
def test_ongoing_hostilities_and_armed_operations_are_events(gaz, text, kind):
    assert [t for t, _, _, _ in found(gaz, text)] == [kind]


def test_humanitarian_operations_are_no_event(gaz):
    assert found(gaz, "Humanitarian operations in Hama remain on hold on Monday.") == []


def test_a_date_after_publication_does_not_date_the_next_clause(gaz):
    text = "The next update will be issued on 30 May.\n\nDrones struck Sumy overnight."
    got = found(gaz, text)
    assert [(p, d) for _, p, d, _ in got] == [("Sumy", "2025-05-20")]


@pytest.mark.parametrize("text,scene", [
    # a named war is no scene of one event
    ("During the Syria war, drones struck Mykolaiv on Monday.", "Mykolayiv"),
    # an organisation named "of" a place
    ("The Armed Forces of Moldova said drones struck Mykolaiv on Monday.", "Mykolayiv"),
    # presence, flight and comparison
    ("Militias operating inside Iraq fired drones at Mykolaiv on Monday.", "Mykolayiv"),
    ("People fleeing Kherson said drones struck Mykolaiv on Monday.", "Mykolayiv"),
    ("On Monday the drones struck Mykolaiv, 300 km farther than Odesa.", "Mykolayiv"),
    # a person placed by a role
    ("Hrytsenko, a senior commander in Odesa, said drones struck Mykolaiv on Monday.", "Mykolayiv"),
    ("A drone strike on Monday killed a senior commander in Mykolaiv; our envoy in Odesa was unhurt.",
     "Mykolayiv"),
])
def test_places_in_other_roles_are_no_scene(gaz, text, scene):
    assert [p for _, p, _, _ in found(gaz, text)] == [scene]


def test_local_officials_report_their_own_region(gaz):
    got = found(gaz, "Officials in the Poltava region reported drone attacks on Monday.")
    assert [p for _, p, _, _ in got] == ["Poltava Oblast"]


def test_an_infobox_line_naming_the_wider_war_is_no_scene(gaz):
    text = "Part of the war in Sudan\n\nOn 3 May 2025 drones struck Port Sudan."
    got = found(gaz, text, published=dt.date(2025, 5, 5))
    assert [p for _, p, _, _ in got] == ["Port Sudan"]


def test_a_governorate_in_brackets_qualifies_the_village(gaz):
    text = "On Tuesday soldiers shot and killed a man in Sa’ir (Hebron) and another in Qabatiya (Jenin)."
    items, _ = extract_article(Article(id="t", text=text, title="", published=PUB), gaz)
    # two incidents, at the villages; the governorates (and their capitals) give none
    assert len(items) == 2 and {i.place.kind for i in items} == {"city"}
    assert not {i.place_text for i in items} & {"Hebron", "Jenin"}


def test_forces_that_have_entered_a_town_fight_there(gaz):
    got = found(gaz, "Ukrainian forces have entered the town of Kupiansk on Saturday.")
    assert [(t, p) for t, p, _, _ in got] == [("ground_fighting", "Kupyansk")]


def test_a_back_reference_that_gives_place_and_day_tells_the_event(gaz):
    got = found(gaz, "Officials met on Monday following the bombing in Quetta on 12 May, which killed nine people.")
    assert ("Quetta", "2025-05-12") in [(p, d) for _, p, d, _ in got]


def test_a_bare_back_reference_stays_unasserted(gaz):
    got = found(gaz, "After the attack on Kharkiv, officials met in Lviv on Monday.")
    assert "Kharkiv" not in [p for _, p, _, _ in got]


def test_a_region_after_its_countrys_possessive_is_governed_by_the_locative(gaz):
    got = found(gaz, "On Monday drones damaged homes in Ukraine’s Poltava region, the governor said.")
    assert [(t, p) for t, p, _, _ in got] == [("drone_strike", "Poltava Oblast")]


def test_the_wider_region_around_a_city_is_a_place_of_its_own(gaz):
    got = found(gaz, "On Sunday drones hit Poltava as well as villages in the wider Poltava region.")
    assert sorted(p for _, p, _, _ in got) == ["Poltava", "Poltava Oblast"]


def test_an_alert_names_no_weapon_for_the_articles_generic_strikes(gaz):
    # "air raid alerts" is no air strike: the generic "strikes" stay missile strikes
    text = "Air raid alerts sounded across the country on Sunday.\n\nStrikes hit Poltava on Sunday."
    assert [(t, p) for t, p, _, _ in found(gaz, text)] == [("missile_strike", "Poltava")]


def test_a_distance_and_bearing_from_a_town_place_the_event_off_the_town(gaz):
    text = "On Monday a drone hit a freighter about 80 kilometres northwest of Mosul, the army said."
    items, _ = extract_article(Article(id="t", text=text, title="", published=PUB), gaz)
    (inc,) = dedupe(items)
    town = next(p for p in places_named(gaz, "Mosul") if p.kind == "city")
    assert inc.place.name == "80 kilometres northwest of Mosul" and inc.geo_precision == 2
    # about 80 km away, to the north-west
    assert inc.place.lat > town.lat and inc.place.lon < town.lon
    assert 72 < km(town.lat, town.lon, inc.place.lat, inc.place.lon) < 88


def test_a_sea_sums_up_the_point_told_inside_it(gaz):
    text = ("On Monday a missile hit a tanker in the Black Sea.\n\n"
            "The attack happened about 60 kilometres south of Odesa, the navy said.")
    assert [p for _, p, _, _ in found(gaz, text)] == ["60 kilometres south of Odesa"]




def test_a_region_level_incident_is_drawn_at_the_regions_seat(gaz):
    # annotation.md and ACLED: an event known only by its region sits at the regional capital
    items, _ = extract_article(Article(id="t", text="On Monday drones struck the Poltava region.", title="",
                                       published=PUB), gaz)
    (inc,) = items
    town = next(p for p in places_named(gaz, "Poltava") if p.kind == "city")
    assert inc.place.name == "Poltava Oblast" and inc.geo_precision == 3
    assert (inc.place.lon, inc.place.lat) == (town.lon, town.lat)


def test_damage_reported_at_a_place_is_an_incident_in_a_conflict_article(gaz):
    text = "Shelling continued across the front.\n\nOn Monday homes were damaged in Nikopol."
    assert [p for _, p, _, _ in found(gaz, text)] == ["Nikopol"]


def test_a_photo_captions_date_does_not_date_the_text_after_it(gaz):
    text = ("Families in a shelter in Sumy. 2 May 2025 Photo: OCHA\n\n"
            "Drones struck Sumy, the governor said.")
    assert [(p, d) for _, p, d, _ in found(gaz, text)] == [("Sumy", "2025-05-21")]


def test_an_undated_photo_caption_is_no_incident(gaz):
    # a picture of some day: its caption tells no date of the event it shows
    text = ("Israeli settlers torched tents in Al Mughayyir village, displacing two families. Photo: OCHA\n\n"
            "On Monday Israeli forces raided Jenin.")
    assert {p for _, p, _, _ in found(gaz, text)} == {"Janīn"}
    dated = ("Settlers torched tents in Al Mughayyir village on 19 May. Photo: OCHA\n\n"
             "On Monday Israeli forces raided Jenin.")
    assert {p for _, p, _, _ in found(gaz, dated)} == {"Janīn", "Al Mughayyir"}


@pytest.mark.parametrize("text,scenes", [
    # a subordinate clause with a predicate of its own states no event at its place
    ("On Monday US forces struck missile launchers near Hodeida, as the militants continue to menace "
     "shipping in the Black Sea.", ["Al Ḩudaydah"]),
    ("Drones struck Sumy on Monday while aid convoys waited in Kharkiv.", ["Sumy"]),
    # "as well as" lists places of the same event
    ("Drones struck Sumy on Monday as well as in the wider Poltava region.", ["Poltava Oblast", "Sumy"]),
    # a subordinate clause with its own event word keeps its place
    ("Drones struck Sumy on Monday, as shelling hit Nikopol.", ["Nikopol", "Sumy"]),
])
def test_places_of_an_idle_subordinate_clause_are_no_scene(gaz, text, scenes):
    assert sorted(p for _, p, _, _ in found(gaz, text)) == scenes


def test_an_arabic_article_joined_by_a_hyphen_continues_the_name(gaz):
    got = found(gaz, "On Monday airstrikes hit Deir al-Balah and Ain al-Arab.")
    # the whole names, not "Deir" or the French department "Ain"
    assert sorted(p for _, p, _, _ in got) == ["Dayr al Balaḩ", "‘Ayn al ‘Arab"]


@pytest.mark.parametrize("text,name,code", [
    # a border town the simplified outlines put across the border (Goma in Rwanda's Western Province)
    ("On Monday fighting broke out in Goma.", "Goma", "CD-NK"),
    # a territory the outlines draw by control: the Golan is Syria's by recognised borders
    ("On Monday a rocket hit Buq'ata.", "Buq‘ātā", "SY-QU"),
    # an admin-1 unit whose seat lies in a neighbour's outline is itself, not the neighbour
    ("On Monday a drone was shot down over the Leningrad region.", "Leningrad Oblast", "RU-LEN"),
    ("On Monday drones were shot down over the Moscow region.", "Moscow Oblast", "RU-MOS"),
])
def test_a_town_joins_its_own_countrys_admin1_region(text, name, code):
    from mapper.pipeline import run as run_pipeline
    services = Services.load()
    result = run_pipeline([Article(id="t", text=text, title="", published=PUB)], services)
    got = [(i.place.name, i.admin1_code) for i in result.incidents]
    assert got == [(name, code)]


@pytest.mark.parametrize("text, scene", [
    ("On Tuesday jets struck militia positions in rebel-controlled areas of Myanmar.", "Myanmar"),
    ("Artillery hit the Russian-occupied city of Nova Kakhovka on Tuesday.", "Nova Kakhovka"),
])
def test_an_area_held_by_a_side_is_governed_by_the_word_before_it(gaz, text, scene):
    assert [key(name) for _, name, _, _ in found(gaz, text)] == [key(scene)]


def test_a_coast_and_a_town_due_west_of_another_only_locate_the_scene(gaz):
    text = "On Tuesday aircraft struck a radar at Mokha, due west of Taiz on the Red Sea coast."
    assert [name for _, name, _, _ in found(gaz, text)] == [gaz.place(gaz.candidates(key("Mokha"))[0][0]).name]


def test_a_period_of_a_few_months_is_an_event_a_year_is_a_summary(gaz):
    # hostilities told over the weeks since a date: one incident over that period
    assert found(gaz, "Militants have fired rockets at Sderot since April 1.") == [
        ("missile_strike", "Sderot", "2025-04-01", None)]
    assert [(n, d) for _, n, d, _ in found(gaz, "Since March, fighting has been reported in Kidal and Tessalit.")] == [
        ("Kidal", "2025-03-01"), ("Tessalit", "2025-03-01")]
    # a year, or a period opened more than three months before, sums up a season of attacks
    assert found(gaz, "Militants fired rockets at Sderot twice in 2024.") == []
    assert found(gaz, "Since January, fighting has been reported in Kidal.") == []
    # a month is an event's date
    assert [name for _, name, _, _ in found(gaz, "In April, militants fired rockets at Sderot.")] == ["Sderot"]


@pytest.mark.parametrize("text, scene", [
    ("The UN condemned the capture of Bunia by the militia on Tuesday.", "Bunia"),
    ("Rebels overran Kidal on Tuesday.", "Kidal"),
])
def test_a_town_taken_is_ground_fighting(gaz, text, scene):
    assert [(k, key(name)) for k, name, _, _ in found(gaz, text)] == [("ground_fighting", key(scene))]


@pytest.mark.parametrize("text", [
    "Russia continues to endanger lives through its illegal seizure of the Zaporizhzhia Nuclear Power Plant.",
    "On Tuesday the minister again condemned the unlawful capture of Kidal by the junta.",
])
def test_a_taking_called_illegal_is_a_standing_state_not_an_event(gaz, text):
    # a statement condemning a standing occupation by its legal name tells no taking on the day it speaks
    assert found(gaz, text) == []


def test_places_of_a_temporal_phrase_without_an_event_word_are_no_scene(gaz):
    text = "The strike on Kramatorsk came on Tuesday, shortly after the end of the mutiny in Russia."
    assert same_scenes(gaz, text, {"Kramatorsk"})
    # a temporal clause that states its own event keeps its place
    text = "On Tuesday, a day after drones hit Odesa, missiles struck Kyiv."
    assert same_scenes(gaz, text, {"Odesa", "Kyiv"})


def test_an_undated_heading_announces_like_a_headline(gaz):
    # the heading restating the title gives way to the body's own date for the event
    text = ("Sderot rocket attack\n"
            "On 18 May 2025 a rocket fired from Gaza hit a school in Sderot, injuring three.\n")
    assert [(p, d) for _, p, d, _ in found(gaz, text, title="2025 Sderot rocket attack")] == [("Sderot", "2025-05-18")]
    # a heading alone still tells its event
    assert [(p, d) for _, p, d, _ in found(gaz, "Sderot rocket attack\nNo details were given.\n")] \
        == [("Sderot", "2025-05-21")]


def test_an_aerial_assault_against_a_country_is_a_strike_there(gaz):
    text = "On 18 May Russia launched its largest aerial assault against Ukraine so far."
    assert [(k, p) for k, p, _, _ in found(gaz, text)] == [("missile_strike", "Ukraine")]
    # a country after "against" with no event noun heading it is a target of policy, not a scene
    text = "On 18 May the EU voted new measures against Russia after drones struck Sumy."
    assert [(k, p) for k, p, _, _ in found(gaz, text)] == [("drone_strike", "Sumy")]


def test_the_date_of_an_event_pointed_back_to_does_not_date_the_clause(gaz):
    text = "On 18 May drones struck Sumy in response to the raid on Belgorod on 2 May."
    assert [(p, d) for _, p, d, _ in found(gaz, text)] == [("Sumy", "2025-05-18")]
    # a place inside the phrase pointing back takes that event's date
    text = "Drones struck Sumy on 18 May, a week after the bombing in Quetta on 11 May."
    assert {(p, d) for _, p, d, _ in found(gaz, text)} == {("Sumy", "2025-05-18"), ("Quetta", "2025-05-11")}
    # two dates of the clause's own events are not pointed back to: each dates its own part
    text = "Drones struck Sumy on 12 May and Kharkiv on 18 May."
    assert {(p, d) for _, p, d, _ in found(gaz, text)} == {("Sumy", "2025-05-12"), ("Kharkiv", "2025-05-18")}


@pytest.mark.parametrize("text", [
    "The two defence ministers held a series of meetings this week in Chisinau.",
    "The Polish foreign minister met his counterpart in Chisinau this week.",
])
def test_meetings_and_meeting_a_counterpart_are_diplomatic(gaz, text):
    assert [(k, p) for k, p, _, _ in found(gaz, text)] == [("diplomatic", "Chisinau")]


def test_a_pattern_of_attacks_over_a_period_is_no_event(gaz):
    # "continued", "systematic" before the event word, and no day of its own
    assert found(gaz, "Earlier this month Russia kept up its continued long-range missile strikes on Odesa.") == []
    # the same words with a day, a night or a week are an event
    text = "On 18 May Russia's continued missile strikes hit Odesa again."
    assert [(p, d) for _, p, d, _ in found(gaz, text)] == [("Odesa", "2025-05-18")]
    assert [(p, d) for _, p, d, _ in found(gaz, "Overnight, continued shelling hit Nikopol.")] == [("Nikopol", "2025-05-20")]
    assert [p for _, p, _, _ in found(gaz, "Over the past week, repeated Russian strikes hit Kharkiv.")] == ["Kharkiv"]


def test_a_strike_told_with_a_foreign_attacker_and_no_place_is_in_the_articles_country(gaz):
    text = ("The minister spoke to officials in Chernihiv and Sumy about Ukraine's winter.\n"
            "They discussed the Russian drone strike in the early hours of this morning.")
    got = found(gaz, text)
    assert ("drone_strike", "Ukraine", "2025-05-21") in [(k, p, d) for k, p, d, _ in got]
    # no attacker named: no place can be inferred
    text = ("The minister spoke to officials in Chernihiv and Sumy about Ukraine's winter.\n"
            "They discussed the drone strike in the early hours of this morning.")
    assert found(gaz, text) == []


def test_a_back_reference_to_an_event_told_elsewhere_adds_no_incident(gaz):
    text = ("On 18 May jets struck the port of Sumy.\n"
            "On 19 May officials inspected the damage following the bombing of Sumy.")
    assert [(p, d) for _, p, d, _ in found(gaz, text)] == [("Sumy", "2025-05-18")]
    # told nowhere else, the back-reference is the report of the event
    text = "On 19 May officials inspected the damage following the bombing of Sumy."
    assert [(p, d) for _, p, d, _ in found(gaz, text)] == [("Sumy", "2025-05-19")]
    # a reaction that tells the toll and the day reports the event
    text = "Kyiv condemned the attack on Sumy, which killed three people on Friday."
    assert [(p, d) for _, p, d, _ in found(gaz, text)] == [("Sumy", "2025-05-16")]


def test_a_town_an_offset_or_a_district_locates_is_no_scene_of_its_own(gaz):
    # "- around 50 km west of Kyiv -" only says where the town lies
    text = "On 18 May an air strike hit a bakery in Makariv - around 50 km west of Kyiv - officials said."
    assert same_scenes(gaz, text, {"Makariv"})
    # "the Podilskyi district of Kyiv": the district is the scene, the city says where it lies
    got = found(gaz, "On 18 May shelling hit the Podilskyi district of Kyiv.")
    assert len(got) == 1 and key(got[0][1]) != key("Kyiv")


def test_an_event_told_n_days_before_the_clauses_day_takes_that_day(gaz):
    text = "On 18 May drones struck Sumy, three days after an airstrike on Kharkiv."
    assert {(p, d) for _, p, d, _ in found(gaz, text)} == {("Sumy", "2025-05-18"), ("Kharkiv", "2025-05-15")}
    # "before": the other event is later (here still before publication, on 21 May)
    text = "On 18 May drones struck Sumy, two days before talks in Istanbul."
    assert {(p, d) for _, p, d, _ in found(gaz, text)} == {("Sumy", "2025-05-18"), ("Istanbul", "2025-05-20")}


def test_a_hospital_named_as_a_source_is_no_scene(gaz):
    text = "According to staff at Al-Shifa Hospital, 20 people were killed in strikes on Jabalia on 18 May."
    assert same_scenes(gaz, text, {"Jabalya"})



def test_a_place_named_as_part_of_a_persons_name_with_an_initial_or_suffix_is_no_scene(gaz):
    text = "On 18 May Secretary Lloyd J. Austin III said jets struck radars in Hodeidah."
    assert all(key(p) != key("Austin") for _, p, _, _ in found(gaz, text))


def test_gang_violence_is_armed_conflict(gaz):
    text = "On 18 May gangs attacked police stations; violence broke out in Delmas and Leogane."
    assert {k for k, _, _, _ in found(gaz, text)} == {"ground_fighting"}
    assert len(found(gaz, text)) == 2


def test_the_aftermath_of_an_attack_told_elsewhere_is_no_scene(gaz):
    # the strike is told at Kyiv: Donetsk oblast is where outages followed it
    text = ("On 18 May missiles struck Kyiv.\n"
            "Power cuts were introduced in Donetsk oblast after the attack.")
    assert same_scenes(gaz, text, {"Kyiv"})
    # told nowhere else, the place of the aftermath is the scene
    assert same_scenes(gaz, "On 18 May rescuers worked in Kherson following the Russian missile strike.", {"Kherson"})


def test_dates_too_far_apart_for_one_event_each_date_the_places_after_them(gaz):
    # a date before the event word that governs a place is not that place's
    text = "On Friday, two years after the invasion began in February 2022, missiles hit Sumy."
    assert [(p, d) for _, p, d, _ in found(gaz, text, published=dt.date(2024, 5, 26))] == [("Sumy", "2024-05-24")]
    # the October attack at Hpakant is background (months before publication)
    text = "Tuesday's air strike in Kanbalu mirrors a similar attack last October in Hpakant."
    got = found(gaz, text, published=dt.date(2023, 4, 12))
    assert [key(p) for _, p, _, _ in got] == [key("Kanbalu")]
    # one period told by two dates is not split
    text = "Since 7 October and until 28 May, monitors documented 480 attacks on clinics in Gaza."
    assert found(gaz, text, published=dt.date(2024, 6, 12)) == []


def test_a_disputed_or_breakaway_region_is_governed_by_the_word_before_its_modifiers(gaz):
    text = "On 18 May fighting took place in the disputed region of Nagorno-Karabakh."
    assert same_scenes(gaz, text, {"Nagorno-Karabakh"})


def test_a_running_total_that_has_now_been_reached_is_no_event(gaz):
    text = "On 18 May officials said 40 people have now been killed by militia strikes in Kidal since the war began."
    assert found(gaz, text) == []
    text = "On 18 May officials said 4 people were killed by militia strikes in Kidal."
    assert same_scenes(gaz, text, {"Kidal"})
    # one event's toll, updated
    assert same_scenes(gaz, "At least 12 people have now been killed in Monday's missile strike on Sumy.", {"Sumy"})


def test_an_event_pointed_back_to_is_dated_by_its_own_phrase(gaz):
    # "since the October 7 attack": a date of more than 30 days before publication, background
    text = "Aid entered Gaza for the first time since the October 7 attack."
    assert found(gaz, text, published=dt.date(2023, 12, 17)) == []
    # a recent one is an echo of that day
    text = "The EU condemned the 15 December shelling of Kherson."
    assert [(p, d) for _, p, d, _ in found(gaz, text, published=dt.date(2023, 12, 17))] == [("Kherson", "2023-12-15")]


def test_a_pattern_dated_only_by_the_sentence_before_is_no_event(gaz):
    text = ("On 27 March Russia struck Kharkiv with glide bombs. The city of Odesa is also facing the onslaught of "
            "increased aerial attacks.")
    assert {p for _, p, _, _ in found(gaz, text, published=dt.date(2024, 4, 18))} == {"Kharkiv"}
    # a pattern word with the clause's own date is that day's event
    text = "On 27 March Russia struck Kharkiv. On 28 March Odesa came under increased aerial attacks."
    assert {p for _, p, _, _ in found(gaz, text, published=dt.date(2024, 4, 18))} == {"Kharkiv", "Odesa"}


def test_the_first_days_of_the_war_told_without_a_date_are_history(gaz):
    text = ("On Monday a Russian missile wounded 10 in Balakliia. Russia occupied Balakliia at the beginning of its "
            "full-scale invasion, but Ukraine recaptured it months later.")
    # (the Kharkiv region's town of 26,000, GeoNames' "Balakliya", not Poltava's village of 500 named "Balakliia")
    assert typed_scenes(gaz, text) == {("missile_strike", "Balakliya")}


def test_a_count_up_to_a_day_is_no_event(gaz):
    text = ("Hostilities continued. By 6 November, over 40,000 housing units across the Gaza Strip had been destroyed, "
            "the ministry said.")
    assert found(gaz, text, published=dt.date(2023, 11, 17)) == []


def test_a_running_total_since_a_start_is_no_event(gaz):
    text = "Over 43,700 people have since been killed in Gaza by air strikes, health authorities said on 18 May."
    assert found(gaz, text) == []


@pytest.mark.parametrize("text, scenes", [
    ("Gaza's civil defence agency said an Israeli air strike hit a home in Khan Yunis on Monday.", {"Khān Yūnis"}),
    ("Gaza medics said an Israeli strike killed five people in Rafah on Monday.", {"Rafaḩ"}),
])
def test_rescuers_and_medics_named_after_a_place_speak_from_it(gaz, text, scenes):
    assert same_scenes(gaz, text, scenes)


def test_violence_by_forces_on_the_ground_is_ground_fighting_whatever_the_articles_weapon(gaz):
    text = ("On 17 May airstrikes hit Jenin.\n\n"
            "On 18 May two men were killed by Israeli forces in Tammun.")
    got = {(d, k) for k, _, d, _ in found(gaz, text)}
    assert got == {("2025-05-17", "air_strike"), ("2025-05-18", "ground_fighting")}


def test_governorates_named_the_un_way_and_affected_by_incidents_are_scenes(gaz):
    text = ("On 18 May hostilities were reported with incidents affecting Rural Damascus, As-Sweida and "
            "Dar'a governorates.")
    got = {p for _, p, _, _ in found(gaz, text)}
    assert got == {"Rif Dimashq", "As-Suwayda", "Daraa"}


def test_targets_after_a_determiner_is_a_noun(gaz):
    text = "On 18 May the targets included commanders from Kherson; drones struck Nikopol."
    assert same_scenes(gaz, text, {"Nikopol"})


def test_an_undated_one_sentence_standfirst_announces_like_the_headline(gaz):
    text = ("Ambassador says the shelling of Kherson must stop.\n"
            "On 12 May artillery shelled Kherson, killing two.\n")
    assert [(p, d) for _, p, d, _ in found(gaz, text)] == [("Kherson", "2025-05-12")]


def test_what_is_reported_from_a_place_is_no_origin(gaz):
    text = "Members will have seen the scenes from Sumy on Monday, when Russian missiles hit a school."
    assert same_scenes(gaz, text, {"Sumy"})
    assert same_scenes(gaz, "On Monday drones launched from Kursk hit Sumy.", {"Sumy"})


def test_a_town_seized_is_ground_fighting_and_seized_goods_are_not(gaz):
    assert [(k, key(p)) for k, p, _, _ in found(gaz, "On 18 May rebels seized the town of Kidal.")] \
        == [("ground_fighting", key("Kidal"))]
    assert found(gaz, "On 18 May police seized weapons in Kidal.") == []


@pytest.mark.parametrize("text, kind", [
    ("On 18 May Russian bombs hit playgrounds in Kharkiv.", "air_strike"),
    ("On 18 May an aerial bomb struck Kharkiv.", "air_strike"),
    ("On 18 May car bombs hit a market in Mogadishu.", "explosion"),
    # "a bombing in Kabul": a bomb set off at a place (a count noun before "in", "at", "near"); the
    # bombing of a place, or bombing it, is from the air
    ("On 18 May seven people were killed in a bombing in Kabul.", "explosion"),
    ("Two bombings at a market in Kabul killed seven people on 18 May.", "explosion"),
    ("On 18 May warplanes continued the bombing of Idlib.", "air_strike"),
])
def test_bombs_falling_on_a_place_are_air_strikes_and_car_bombs_explosions(gaz, text, kind):
    assert {k for k, _, _, _ in found(gaz, text)} == {kind}


def test_a_live_blogs_short_posts_are_not_headings(gaz):
    text = ("12:40 Drones hit Poltava\n"
            "No casualties were reported.\n\n"
            "12:10 Russian drones struck Sumy on Tuesday, injuring two people, the governor said.\n")
    assert {key(p) for _, p, _, _ in found(gaz, text, title="Live: the war in Ukraine")} == {key("Sumy"), key("Poltava")}


def test_n_days_after_dates_only_the_phrase_it_opens(gaz):
    text = "Two days after the strike on Sumy, drones hit Kharkiv on Tuesday."
    assert ("Kharkiv", "2025-05-20") in {(p, d) for _, p, d, _ in found(gaz, text)}


@pytest.mark.parametrize("text", [
    "On Friday an airstrike hit a school in Sagaing Region's Zeebyu township.",
    "On Friday an airstrike hit a school in Zeebyu township, Sagaing Region.",
])
def test_a_village_the_gazetteer_lacks_falls_back_to_the_region_that_locates_it(gaz, text):
    assert [(k, p) for k, p, _, _ in found(gaz, text)] == [("air_strike", "Sagaing")]


@pytest.mark.parametrize("text, scene", [
    ("On Monday gunmen launched a series of attacks in the Province of Balochistan in Pakistan.", "Balochistan"),
    ("Clashes erupted on Monday in the State of Zamfara, killing 12.", "Zamfara"),
])
def test_a_region_named_by_its_unit_word_first_is_the_region(gaz, text, scene):
    # "the Province of Balochistan": the unit word is no village the region holds
    assert [key(p) for _, p, _, _ in found(gaz, text)] == [key(scene)]


@pytest.mark.parametrize("text, scene", [
    ("On Saturday Israeli jets struck the Bekaa Valley.", "Bekaa Valley"),
    ("On Saturday an Israeli strike hit a tent camp in al-Mawasi, killing 20.", "al-Mawasi"),
    ("On Saturday troops clashed along the Philadelphi Corridor.", "Philadelphi Corridor"),
])
def test_named_conflict_areas_are_places_and_an_arabic_article_before_one_is_skipped(gaz, text, scene):
    assert [p for _, p, _, _ in found(gaz, text)] == [scene]


def test_a_week_after_a_part_of_a_year_and_a_launch_site_in_a_region(gaz):
    text = "On Tuesday, a week after drones hit Sumy, missiles struck Kharkiv."
    assert {(p, d) for _, p, d, _ in found(gaz, text)} == {("Sumy", "2025-05-13"), ("Kharkiv", "2025-05-20")}
    # "the first three months of 2025": a period of a year, a summary
    assert found(gaz, "In the first three months of 2025, drones struck Odesa 40 times.") == []
    text = "On Tuesday rockets that struck Belgorod were said to have come from a launcher in Kharkiv Oblast."
    assert same_scenes(gaz, text, {"Belgorod"})


@pytest.mark.parametrize("text, scene", [
    ("On Friday Russian forces advanced near Toretsk, the ISW said.", "Toretsk"),
    ("On Friday Russian troops attempted to storm Chasiv Yar.", "Chasiv Yar"),
    ("On Friday Ukrainian forces counterattacked near Vovchansk.", "Vovchansk"),
    ("On Friday Russian forces made gains near Kupyansk.", "Kupyansk"),
])
def test_advances_and_assaults_told_with_their_verb_are_ground_fighting(gaz, text, scene):
    assert [(k, p) for k, p, _, _ in found(gaz, text)] == [("ground_fighting", scene)]
    assert found(gaz, "On Friday prices advanced in Toretsk.") == []


# sentences of each class of scene decision: the places that are the scenes of their events
_SCENE_CASES = [
    # an event verb after "to" is an aim or a capacity, not an event
    ("Coalition jets bombed depots near Hajjah on Tuesday as part of a bid to weaken the militia's ability "
     "to attack tankers in the Gulf of Oman.", {"Hajjah"}),
    ("Moscow massed troops near Sumy on Tuesday in order to strike Kharkiv.", set()),
    # ... unless the verb before "to" says it went ahead, or "to" is a preposition
    ("Russian forces went on to attack Kupyansk on Tuesday.", {"Kupyansk"}),
    ("Residents of Nikopol were subjected to shelling on Tuesday.", {"Nikopol"}),
    ("On Tuesday Russia was able to strike Chernihiv despite the air defences.", {"Chernihiv"}),
    # the event word after the place sits in a relative clause of a later noun
    ("Power cuts went on outside Sittwe with limited services in villages of the north where fighting "
     "went on on Tuesday.", set()),
    # the place right before the relative word is its antecedent
    ("Aid convoys reached Kherson, where shelling killed two on Tuesday.", {"Kherson"}),
    # a parenthetical relative clause closes before the event word
    ("The villages of Bilenke and Zatoka - all of which lie in the coastal strip - were shelled on Tuesday.",
     {"Bilenke", "Zatoka"}),
    # a place name opening a person's or a paper's name is no scene, even when the surname
    # never stands alone
    ("Missiles struck Zhytomyr on Tuesday, days after Vladimir Oleksandrov resigned.", {"Zhytomyr"}),
    ("Drones hit Sumy on Tuesday, the Kyiv Independent reported.", {"Sumy"}),
    # offices and bodies of a place keep it a place
    ("Kherson Governor Oleksandr Prokudin said artillery shelled Kherson Oblast on Tuesday.", {"Kherson Oblast"}),
    ("Shelling hit the Luhansk People's Republic on Tuesday.", {"Luhansk People's Republic"}),
    # a title-case headline is no name
    ("Russian Drones Hit Kyiv Overnight As Talks Stall", {"Kyiv"}),
    # a site named after its town is in the town
    ("On Sunday evening missiles struck the Sumy Tractor Plant in the east of the city, officials said.", {"Sumy"}),
    # "targets" is a verb before its object, a noun before a preposition
    ("On Monday the ministers discussed civilian targets in Chernihiv and Sumy.", set()),
    ("On Monday Russia targets Chernihiv with drones.", {"Chernihiv"}),
    ("On Monday jets used guided bombs to strike targets near Sumy.", {"Sumy"}),
    # effects that state an event, pauses in hostilities, the forces of a country
    ("On 18 May the strike has resulted in casualties in Sumy.", {"Sumy"}),
    ("On 18 May the UN welcomed the pause in hostilities in Gaza.", set()),
    ("On 18 May a three-day truce was broken by Israeli strikes on Rafah.", {"Rafaḩ"}),
    ("On 18 May the militaries of Canada and Denmark struck radars in Hodeida.", {"Al Ḩudaydah"}),
    # sites, streets and administrations named after a town
    ("On Friday strikes hit the Sumy Metro station.", {"Sumy"}),  # a site of the town, head noun after
    ("On Friday shelling hit Kherson Street in Horlivka.", {"Horlivka"}),  # a street named after a town
    ("On Friday the Sumy Regional Military Administration said drones hit Shostka.", {"Shostka"}),  # a speaker
    # an indefinite article before the modifiers of an area, like "the"
    ("On Friday jets struck depots in a rebel-held part of Syria.", {"Syria"}),
    ("On Friday shelling hit farms in an area of Kherson Oblast.", {"Kherson Oblast"}),
    # deaths alone are an incident only where the article is about armed conflict: terrorism,
    # hostages and named armed groups say it is
    ("Terrorists hold the hostages. On Friday ten people were killed at a school in Khan Yunis.", {"Khān Yūnis"}),
    ("The RSF is besieging the city. On Friday ten people were killed in Nyala.", {"Nyala"}),
    ("On Friday ten people were killed in a bus crash in Lviv.", set()),
    # a place glued to a lower-case word by a hyphen modifies a noun
    ("On Friday Russian drones hit UK-made trucks near Kherson.", {"Kherson"}),
    ("On Friday shelling hit Kyiv-based volunteers in Kherson.", {"Kherson"}),
    # a country's name before a noun of its people, forces or things names their owner
    ("On Friday three U.S. soldiers were killed in the Iran proxy drone attack on a base in Jordan.", {"Jordan"}),
    ("On Friday the Houthis fired missiles at U.S. and British warships off Hodeidah.", {"Al Hudaydah"}),
    # ... as before any noun of a thing the text places elsewhere
    ("On Friday militias launched drone attacks against U.S. facilities in Iraq and Syria.", {"Iraq", "Syria"}),
    ("On Friday jets hit Ukraine army depots near Pokrovsk.", {"Pokrovsk"}),
    # drones by their long names
    ("On Friday forces destroyed two uncrewed aerial vehicles over Yemen.", {"Yemen"}),
    ("On Friday unmanned surface vessels struck a ship near Novorossiysk.", {"Novorossiysk"}),
    # who holds a place, in a capitalised compound before its name, is no word of the name
    ("On Friday Russian shelling hit Kherson and Russian-held Nova Kakhovka.", {"Kherson", "Nova Kakhovka"}),
    ("On Friday fighting erupted in M23-held Goma.", {"Goma"}),
    ("RSF-controlled Nyala was hit by drones on Friday.", {"Nyala"}),
    # ... and "annexed" before the name describes it, claims nothing
    ("On Friday a Ukrainian missile struck Russian-annexed Sevastopol.", {"Sevastopol"}),
    ("On Friday drones struck an oil depot in annexed Crimea.", {"Crimea"}),
    ("On Friday Moscow demanded that Kyiv withdraw from annexed Zaporizhzhia as shelling hit Kherson.", {"Kherson"}),
    ("On Friday, as shelling hit Kherson, Moscow demanded that Kyiv withdraw from Zaporizhzhia.", {"Kherson"}),
    # rockets told with where they came from before what they did
    ("On Friday two rockets fired from Lebanon landed near Kiryat Shmona.", {"Qiryat Shmona"}),
    # a region-level unit after the noun of its kind, a coast, a many-word possessor: still the scene
    ("On Friday M23 rebels seized the town of Walikale after days of fighting.", {"Walikale"}),
    ("On Friday a Ukrainian sea drone damaged a landing ship off the coast of Crimea.", {"Crimea"}),
    ("On Friday rebels overran a military base in Rakhine State's Maungdaw township.", {"Maungdaw District"}),
    ("On Friday two soldiers were killed in a gunfight in Jammu and Kashmir's Kupwara district.", {"Kupwara"}),
    # a place in a subordinate clause whose own event is talks is no scene of the main clause's attack
    ("On Friday drones hit Kyiv, hours after the envoy arrived in Moscow for talks with Putin.", {"Kyiv"}),
    # ... while a capitalised compound of another kind still opens a longer name
    ("On Friday Iranian-made Shahed drones struck Odesa.", {"Odesa"}),
]


@pytest.mark.parametrize("text, scenes", _SCENE_CASES)
def test_the_scenes_of_each_class_of_sentence(gaz, text, scenes):
    assert same_scenes(gaz, text, scenes)


@pytest.mark.parametrize("text, kind", [
    # a state named as the author of an attack across a border, no weapon, no fighting: a strike
    ("On Tuesday a Russian attack on Chernihiv damaged a school.", "missile_strike"),
    ("Russia's overnight attacks across Ukraine on Tuesday cut power to thousands.", "missile_strike"),
    ("On Tuesday Israel attacked Tyre, the ministry said.", "missile_strike"),
    ("We deplore Russia's repeated and brutal attacks on Sumy on Tuesday.", "missile_strike"),
    # its ground forces, its civilians, a group, a state that only condemns, its own territory: as before
    ("On Tuesday Russian troops attacked Vovchansk.", "ground_fighting"),
    ("On Tuesday Israeli settlers attacked Huwara.", "other"),  # no strike: violence by civilians
    ("On Tuesday the United States condemned the Al-Shabaab attack on a hotel in Mogadishu.", "ground_fighting"),
    ("On Tuesday a Sudanese attack on Nyala killed five.", "ground_fighting"),
])
def test_a_states_attack_across_a_border_without_a_weapon_is_a_strike(gaz, text, kind):
    assert {t for t, _, _, _ in found(gaz, text)} == {kind}


def test_a_demonym_after_the_event_word_names_the_target_not_the_attacker(gaz):
    # the article's country stands for a strike without a place only when a foreign attacker
    # is named before the event word
    lead = "Kharkiv and Kyiv were quiet this week. "
    assert found(gaz, lead + "On Monday Russian missiles struck at dawn.") != []
    assert found(gaz, lead + "On Monday the coalition struck Iranian-supplied weapons depots.") == []


test_bombs_on_the_ground_and_the_city_of = scene_cases(
    # bombs set off on the ground are explosions, not air strikes
    ("On Tuesday a car bombing in Mogadishu killed ten.", {("explosion", "Mogadishu")}),
    ("On Tuesday a roadside bomb hit a bus near Kandahar.", {("explosion", "Kandahār")}),
    # an article whose first weapon is a bomb on the ground: its generic attacks are explosions
    ("Car bombings shook the capital. On Tuesday a second attack hit a market in Mogadishu.",
     {("explosion", "Mogadishu")}),
    # "the city of X" is the town, as "X city" is
    ("On Tuesday jets bombed the city of Gaza.", {("air_strike", "Gaza")}),
)


@pytest.mark.parametrize("text, scenes", [
    # a verbless list of places, then the sentence that tells what happened there
    ("We thank the rescuers. Sumy and Chernihiv regions. Poltava region. Drone and missile strikes all "
     "night, the air force said on Tuesday.", {"Sumy Oblast", "Chernihiv Oblast", "Poltava Oblast"}),
    # the list must be verbless and in the same paragraph; a sentence with no event word links nothing
    ("We thank the rescuers. Sumy and Chernihiv regions. Aid convoys arrived on Tuesday.", set()),
    ("Sumy and Chernihiv regions.\\n\\nDrone strikes hit on Tuesday, officials said.", set()),
])
def test_a_verbless_list_of_places_takes_the_event_told_next(gaz, text, scenes):
    assert {p for _, p, _, _ in found(gaz, text)} == scenes


test_a_placeless_sentence_tells_another_kind_of_event_at_the_scene_just_told = scene_cases(
    # a sentence naming no place tells another kind of event at the scene just told
    ("Heavy fighting broke out in Kadugli on Tuesday. Residents reported artillery shelling of "
     "the market, which killed four.", {("ground_fighting", "Kadugli"), ("shelling", "Kadugli")}),
    ("Heavy fighting broke out in Kadugli on Tuesday. Residents reported air strikes by army jets.",
     {("ground_fighting", "Kadugli"), ("air_strike", "Kadugli")}),
    # not across a paragraph, not a sentence that points elsewhere, back, to a pattern or a threat
    ("Heavy fighting broke out in Kadugli on Tuesday.\n\nResidents reported air strikes by army jets.",
     {("ground_fighting", "Kadugli")}),
    ("Heavy fighting broke out in Kadugli on Tuesday. In another town, air strikes killed four.",
     {("ground_fighting", "Kadugli")}),
    ("Heavy fighting broke out in Kadugli on Tuesday. The attack killed four.",
     {("ground_fighting", "Kadugli")}),
    ("Heavy fighting broke out in Kadugli on Tuesday. It is part of a growing pattern of air strikes.",
     {("ground_fighting", "Kadugli")}),
    ("Heavy fighting broke out in Kadugli on Tuesday. The army threatened air strikes.",
     {("ground_fighting", "Kadugli")}),
)


test_mass_killings_and_where_people_fled = scene_cases(
    # mass killings of civilians are violence of the war, a court's execution is not
    ("Jihadists took the district last week. On Monday gunmen massacred villagers in Djibo.",
     {("ground_fighting", "Djibo")}),
    ("Jihadists took the district last week. On Monday militiamen executed at least 60 civilians in Djibo.",
     {("ground_fighting", "Djibo")}),
    ("Jihadists took the district last week. On Monday a court executed two men in Djibo.", set()),
    # told in the passive, with the victims as subject; men a court executes stay out
    ("Jihadists took the district last week. On Monday over 60 villagers were executed in Djibo.",
     {("ground_fighting", "Djibo")}),
    ("Jihadists took the district last week. On Monday two men were executed in Djibo for treason.", set()),
    # the places people fled to, listed after "such as", are no scenes
    ("Jihadists took the district last week. On Monday drones struck Djibo, with thousands fleeing to "
     "nearby towns such as Kaya, Dori and Arbinda.", {("drone_strike", "Djibo")}),
    # ... nor where they arrived or sought refuge; a town troops reached is no refuge
    ("Jihadists took the district last week. On Monday people fleeing fighting in Djibo reached Kaya.",
     {("ground_fighting", "Djibo")}),
    ("Jihadists took the district last week. On Monday 5,000 people displaced by fighting in Djibo sought "
     "refuge in the town of Kaya.", {("ground_fighting", "Djibo")}),
    ("Jihadists took the district last week. On Monday soldiers reached Djibo and clashed with jihadists.",
     {("ground_fighting", "Djibo")}),
)


test_a_facility_in_its_region_is_the_scene = scene_cases(
    # a facility or camp named in its region or country is the scene: the container is not another one
    ("On Friday drones hit the Novoshakhtinsk refinery in Rostov region.", {("drone_strike", "Novoshakhtinsk Refinery")}),
    ("On Friday drones hit the Engels airbase in Russia.", {("drone_strike", "Engels Airbase")}),
    # a quarter named with the city that holds it is the quarter; a list of towns stays a list
    ("On Friday gunmen opened fire in Jaffa, Tel Aviv, Israel, killing seven.", {("ground_fighting", "Jaffa")}),
    ("On Friday drones struck Irpin, Kyiv and Bucha.", {("drone_strike", "Irpin"), ("drone_strike", "Kyiv"),
                                                      ("drone_strike", "Bucha")}),
)


test_seats_of_government_as_venues_and_as_speakers = scene_cases(
    # a seat of government is a meeting's venue as a building, the government when it speaks
    ("On Monday the two presidents held talks in the Kremlin.", {("diplomatic", "Moscow Kremlin")}),
    ("On Monday the prime minister met the Polish president at Chequers.", {("diplomatic", "Chequers")}),
    ("The Kremlin said on Monday that drones had attacked Kursk.", {("drone_strike", "Kursk")}),
    ("The White House condemned Monday's strike on Sumy.", {("missile_strike", "Sumy")}),
    # a name in apposition between the meeting and its venue
    ("On Monday the UN relief chief met the de facto Foreign Minister in Afghanistan, Amir Khan Muttaqi, in Kabul.",
     {("diplomatic", "Kabul")}),
)


test_meetings_arson_and_towns_retaken_told_other_ways = scene_cases(
    # a leader met another at a venue: a meeting there; meeting resistance is no meeting
    ("On Friday the Kenyan president met Ramaphosa in Pretoria.", {("diplomatic", "Pretoria")}),
    ("On Friday the Kenyan foreign minister met the South African Minister of Defence in Pretoria.",
     {("diplomatic", "Pretoria")}),
    ("On Friday the advancing troops met fierce resistance in Kaya.", set()),
    # a host receiving named guests at a venue; a country hosting refugees receives no guests
    ("On Friday the Kenyan president hosted President Ramaphosa at State House in Nairobi.",
     {("diplomatic", "Nairobi")}),
    ("The Chancellor hosted Macron and Tusk in Berlin on Friday.", {("diplomatic", "Berlin")}),
    ("On Friday Chad hosted 20,000 Sudanese refugees in Adre.", set()),
    # a meeting whose own predicate is future has not happened; one that ended and will resume has
    ("Talks between the two sides are set to resume in Nairobi on Friday.", set()),
    ("A summit is due to open in Nairobi on Friday.", set()),
    ("On Friday the minister said talks would be held in Nairobi.", set()),
    # a venue told before the signatories, after a phrase of time or setting
    ("On Friday in Nairobi, the Kenyan and Somali presidents signed a security agreement.",
     {("diplomatic", "Nairobi")}),
    ("Away from the front, in Nairobi, the Kenyan and Somali presidents signed a security pact on Friday.",
     {("diplomatic", "Nairobi")}),
    # what talks going on will do is no sign they have not begun
    ("Talks in Nairobi today are expected to focus on the ceasefire.", {("diplomatic", "Nairobi")}),
    ("Talks in Nairobi on Friday ended without a deal and will resume next week.", {("diplomatic", "Nairobi")}),
    # arson told as torching or setting on fire; a town retaken
    ("Settlers torched cars in Huwara on Friday.", {("sabotage", "Huwara")}),
    ("Settlers set several homes on fire in Huwara on Friday.", {("sabotage", "Huwara")}),
    ("On Friday government troops retook Kaya.", {("ground_fighting", "Kaya")}),
)


test_the_people_aid_serves_are_not_reports_of_events = scene_cases(
    # the people an aid response serves, described by what they suffer: no event is reported
    ("Jihadists took the district last week. On Monday the WFP delivered food to families affected by the "
     "attacks in Djibo.", set()),
    ("Jihadists took the district last week. On Monday partners provided shelter to 3,000 people fleeing the "
     "fighting, through a reception centre in Kaya.", set()),
    ("Jihadists took the district last week. On Monday NGOs extended support to women facing violence in Dori.", set()),
    # an event the same sentence reports stays
    ("Jihadists took the district last week. On Monday drones struck Djibo, and aid reached families affected "
     "by the strikes.", {("drone_strike", "Djibo")}),
    ("Jihadists took the district last week. On Monday thousands of people were fleeing fighting in Djibo.",
     {("ground_fighting", "Djibo")}),
)


test_settlements_of_a_possessed_region = scene_cases(
    # settlements of a region, past a possessor: the region is the scene
    ("On Monday artillery shelling hit several villages of Russia's Belgorod region.",
     {("shelling", "Belgorod Oblast")}),
    ("On Monday artillery shelling hit towns of Ukraine's Sumy region.", {("shelling", "Sumy Oblast")}),
)


test_attacks_on_works_that_strikes_from_afar_hit = scene_cases(
    # attacks named by no weapon that hit works strikes from afar hit: a strike, not a battle
    ("On Monday attacks on energy infrastructure in Zaporizhzhia cut power to 50,000 homes.",
     {("missile_strike", "Zaporizhzhya")}),
    ("The minister condemned the appalling attacks on residential buildings in Dnipro on Monday.",
     {("missile_strike", "Dnipro")}),
    # people on the ground attacking the same works: the fighting stays
    ("On Monday gunmen attacked residential areas of Kaya.", {("ground_fighting", "Kaya")}),
    # the weapon the clause names wins
    ("On Monday shelling of residential areas in Kherson killed two.", {("shelling", "Kherson")}),
)


test_a_destination_in_apposition_to_the_capital = scene_cases(
    # where the displaced went, in apposition to "the capital": a destination, not a scene
    ("On Monday thousands fled the fighting in Sake to the provincial capital, Goma.", {("ground_fighting", "Sake")}),
    ("On Monday shelling hit the regional capital, Kharkiv.", {("shelling", "Kharkiv")}),
)


test_kinds_purposes_unit_names_and_topics_are_no_scenes = scene_cases(
    # "combat" naming a kind of unit, vehicle or duty reports no fighting
    ("On Monday combat logistics units were deployed to Rzeszow.", set()),
    ("On Monday combat aircraft flew over Klaipeda.", set()),
    ("On Monday heavy combat raged in Toretsk.", {("ground_fighting", "Toretsk")}),
    # examples of a kind and what a thing is for report no event; a named example does
    ("The depot supplied militia operations such as raids on villages around Bunia.", set()),
    ("The plant made drones of the type used to attack ships near Hodeidah.", set()),
    ("Incidents such as the drone strike on Sumy on Monday show the danger.", {("drone_strike", "Sumy")}),
    # a cause summed over time: the displaced "from past and present fighting"
    ("Clashes erupted on Monday. As of Tuesday, 9,000 more people have been displaced, bringing the total "
     "number of IDPs from past and present fighting across Kayin State to 90,000.", set()),
    # a subject matter of talks is not their venue
    ("On Monday the Security Council met to discuss the situation in Darfur.", set()),
    ("On Monday talks in Jeddah turned to the crisis in Darfur.", {("diplomatic", "Jeddah")}),
)


@pytest.mark.parametrize("text, expected", [
    # a city hit on each listed day: one strike per day (annotation.md: "a city hit on three nights is three")
    ("On 13 and 14 May Russian missiles hit Zhytomyr.", [("missile_strike", "Zhytomyr", "2025-05-13"),
                                                          ("missile_strike", "Zhytomyr", "2025-05-14")]),
    ("On May 13, 15 and 17 drones struck Sumy.", [("drone_strike", "Sumy", "2025-05-13"),
                                                 ("drone_strike", "Sumy", "2025-05-15"),
                                                 ("drone_strike", "Sumy", "2025-05-17")]),
    # a range is one span; a battle over two days is one battle
    ("Between 13 and 14 May Russian missiles hit Zhytomyr.", [("missile_strike", "Zhytomyr", "2025-05-13")]),
    ("Between the afternoons of 13 and 16 May, Russian missiles hit Zhytomyr.",
     [("missile_strike", "Zhytomyr", "2025-05-13")]),
    ("On 13 and 14 May fighting raged in Toretsk.", [("ground_fighting", "Toretsk", "2025-05-13")]),
])
def test_strikes_on_listed_days_are_one_per_day(gaz, text, expected):
    assert sorted((t, p, d) for t, p, d, _ in found(gaz, text)) == expected


@pytest.mark.parametrize("text, expected", [
    # coming under fire is an attack on the place, typed by the weapon the text names
    ("A supply column came under heavy fire near Kidal on Saturday.", {("ground_fighting", "Kidal")}),
    ("Ukrainian positions near Toretsk came under artillery fire on Monday.", {("shelling", "Toretsk")}),
    ("Russian artillery shelled Nikopol on Monday. Later an aid convoy came under fire in Marhanets.",
     {("shelling", "Nikopol"), ("shelling", "Marhanets")}),
    # criticism is no attack
    ("The governor came under fire for his remarks in Odesa on Monday.", set()),
])
def test_coming_under_fire_is_an_attack(gaz, text, expected):
    assert {(t, n) for t, n, _, _ in found(gaz, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # a day counted in hours from the event just told
    ("Drones struck Kharkiv on the night of 12 May. Only 24 hours later, Kharkiv was struck again.",
     {("Kharkiv", "2025-05-12"), ("Kharkiv", "2025-05-14")}),
    ("Missiles hit Dnipro on 12 May. The following night, missiles hit Dnipro again.",
     {("Dnipro", "2025-05-12"), ("Dnipro", "2025-05-13")}),
])
def test_days_counted_from_the_event_just_told(gaz, text, expected):
    assert {(n, d) for _, n, d, _ in found(gaz, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # the sounds and crossfire of fighting, and shooting at people, are violence at the place
    ("Army and rebel units clashed in Sudan on 18 May. In Nyala, heavy gunshots were heard on the night of 19 May.",
     {("ground_fighting", "Nyala")}),
    ("The armed conflict goes on. On 19 May an aid truck was caught in crossfire near Kadugli.",
     {("ground_fighting", "Kadugli")}),
    ("The armed conflict goes on. On 19 May gunmen entered Djibo, indiscriminately shooting at people.",
     {("ground_fighting", "Djibo")}),
    # strikes of no named weapon type the paragraph's later casualties
    ("The war goes on. On Friday night, Russia struck apartment blocks in Kyiv. Across Ukraine, nine civilians"
     " were killed on Saturday night, including four in Chernihiv.",
     {("missile_strike", "Kyiv"), ("missile_strike", "Chernihiv")}),
])
def test_gunshots_crossfire_and_strikes_of_no_weapon(gaz, text, expected):
    assert {(t, n) for t, n, _, _ in found(gaz, text)} == expected


def test_intensified_attacks_over_a_vague_period_are_a_trend(gaz):
    assert found(gaz, "In recent weeks, Russia has intensified attacks on the energy grid in Ukraine.") == []


@pytest.mark.parametrize("text, expected", [
    # an official's report that names no scene lies in the official's jurisdiction
    ("Serhiy Lysak, the governor of the Dnipropetrovsk region, said on Monday that Russian missiles killed three.",
     {"Dnipropetrovsk Oblast"}),
    # a governor's jurisdiction is the region (session 40: it was the city of the region's name)
    ("Kharkiv Governor Oleh Syniehubov said Russian shelling killed two people on Monday.", {"Kharkiv Oblast"}),
    ("The mayor of Kharkiv said Russian missiles hit the city on Monday.", {"Kharkiv"}),
    # the region word between the place and the title ("Zaporizhzhia region governor Ivan Fedorov")
    ("Zaporizhzhia region governor Ivan Fedorov said a drone attack on Monday damaged three houses.",
     {"Zaporizhzhia Oblast"}),
    # a report that names its scene: the title's place is whose words they are, no scene
    ("Vyacheslav Gladkov, the governor of Belgorod, said Ukrainian drones struck Shebekino on Monday.",
     {"Shebekino"}),
    # no event, no incident
    ("Kharkiv Governor Oleh Syniehubov said on Monday the situation was under control.", set()),
])
def test_an_officials_title_names_the_jurisdiction_of_an_unplaced_report(gaz, text, expected):
    assert {n for _, n, _, _ in found(gaz, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # fighting that spread to a place is fighting there
    ("On Monday fighting spread to Kidal.", {"Kidal"}),
    ("Clashes continued in Gao on Monday and have extended to Kidal.", {"Gao", "Kidal"}),
    # a place after "to" that no spreading verb heads is a destination
    ("On Monday the army sent reinforcements to Kidal after clashes.", set()),
])
def test_violence_that_spread_to_a_place_is_there(gaz, text, expected):
    assert {n for _, n, _, _ in found(gaz, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # a running total's period dates the rest of its paragraph (more of the same summary) ...
    ("Since October 2023, 3,103 people were killed across Lebanon. Most deaths were in Nabatieh.", set()),
    # ... not the next paragraph, which tells this report's events
    ("Since October 2023, 3,103 people were killed across Lebanon.\n\n"
     "Israeli airstrikes continue in Nabatieh and Bekaa governorates.", {"Nabatieh", "Beqaa"}),
    # a year of attacks sums them up
    ("Militants have attacked Kidal eleven times over the past year.", set()),
])
def test_a_summary_period_dates_only_its_own_paragraph(gaz, text, expected):
    assert {n for _, n, _, _ in found(gaz, text)} == expected


test_a_deal_struck_is_no_strike_and_its_signing_is_diplomatic = scene_cases(
    # "struck" and "strike" in senses of no attack
    ("Negotiators struck a deal in Doha on Monday.", set()),
    ("Dock workers' strikes paralysed Odesa on Monday.", set()),
    ("On Monday the court struck down the ban in Kyiv.", set()),
    ("Russian missiles struck Odesa on Monday.", {("missile_strike", "Odesa")}),
    # an accord signed at a venue is a diplomatic event there, not a back-reference to one
    ("It has been two days since a peace agreement was struck and signed in Pretoria.", {("diplomatic", "Pretoria")}),
    ("The deal signed in Pretoria must be respected.", set()),
    # a natural disaster strikes no one's target; a visit to aid teams is no talks
    ("On Monday supplies reached Myanmar, a week after the earthquake struck Mandalay.", set()),
    ("On Monday the UN relief chief met with humanitarian teams in Yangon.", set()),
    ("On Monday the minister met with his Ukrainian counterpart in Kyiv.", {("diplomatic", "Kyiv")}),
    # fighting as a struggle against disease or fire
    ("On Monday doctors in Khartoum fought to contain a cholera outbreak.", set()),
    ("On Monday firefighters in Odesa fought to put out the blaze.", set()),
    ("On Monday troops fought to retake Bakhmut.", {("ground_fighting", "Bakhmut")}),
    # an offensive told as a push
    ("On Monday Iraqi forces launched a new push toward the old city of Mosul.", {("ground_fighting", "Mosul")}),
    # forces pushed back are fought
    ("On Monday Ukraine was operating around Bakhmut, pushing the Russians back to the edge of the town.",
     {("ground_fighting", "Bakhmut")}),
    ("On Monday the minister pushed back against criticism in Kyiv.", set()),
    # one shell, and a place named by a part of it ("in the skies of", "on the outskirts of")
    ("On Monday a shell landed in Nikopol.", {("shelling", "Nikopol")}),
    # direct fire by people on the ground, whatever weapon the article names elsewhere
    ("Israeli air strikes hit Jenin on Monday. Israeli forces shot and killed a man at a checkpoint in Bethlehem "
     "on Monday.", {("air_strike", "Janīn"), ("ground_fighting", "Bethlehem")}),
    # a district named after its seat, holding the town before it
    ("On Monday a Russian air strike hit Borova in the Izium district.", {("air_strike", "Borova")}),
    # where a convoy set out from is no scene of the fighting it met
    ("On Monday the mission, which departed Deir al Balah at dawn, was stopped by fighting in Jabalya.",
     {("ground_fighting", "Jabālyā")}),
    # a neighbourhood beside the town just named is part of it
    ("On Monday the army struck several areas of Rafah, including Salam neighbourhood.", {("air_strike", "Rafaḩ")}),
    # districts of the city just named are inside it
    ("Russian drones hit Kharkiv on Monday. Four drones struck the Shevchenkivskyi and Slobidskyi districts of "
     "the city.", {("drone_strike", "Kharkiv")}),
    ("On Monday a house in Nikopol was destroyed by a shell.", {("shelling", "Nikopol")}),
    ("On Monday Russia said 29 drones were shot down over Belgorod Oblast and one in the skies of Voronezh Oblast.",
     {("drone_strike", "Belgorod Oblast"), ("drone_strike", "Voronezh Oblast")}),
    # a trend of violence told after the word (in an article about war, where violence alone can be an event)
    ("Israeli air strikes hit Khan Yunis on Monday. Civilians in Gaza are experiencing a humanitarian crisis and "
     "violence is rising in the West Bank.", {("air_strike", "Khān Yūnis")}),
)


def test_a_participle_after_while_tells_the_victims_doing_at_the_scene(gaz):
    # no subject of its own: the same event, at its place
    assert typed_scenes(gaz, "On Monday soldiers killed a farmer while harvesting his fields near Kidal.") == {
        ("ground_fighting", "Kidal")}
    # a clause with a subject of its own is another event's
    assert typed_scenes(gaz, "On Monday Russian artillery shelled Kherson while the governor was visiting Mykolaiv.") == {
        ("shelling", "Kherson")}


@pytest.mark.parametrize("text, expected", [
    # an oblast's strikes and a town's in it on the same night are one attack, told at the town
    ("On Monday night Russian drones attacked the Odesa region. In Odesa, a drone hit a residential building"
     " on Monday night.", {"Odesa"}),
    # not when the town's strike is told over a wider period: two events
    ("On Monday Russian drones attacked the Odesa region. Last week a missile damaged a museum in Odesa.",
     {"Odesa", "Odesa Oblast"}),
    # a town's "over the past day" (the evening before and the day) covers the oblast's day
    ("Russian drones attacked Zaporizhzhia Oblast on Wednesday. Over the past day, drones killed a man in Orikhiv.",
     {"Orikhiv"}),
])
def test_an_oblasts_strike_gives_way_to_a_towns_on_its_own_days(gaz, text, expected):
    assert {n for _, n, _, _ in found(gaz, text)} == expected


def test_a_named_part_of_a_district_is_in_the_district(gaz):
    # "the X Chiefdom of Y": the event is in Y, the unit that holds the part the gazetteer lacks,
    # under the part's own name (issue 13: the name is kept at the holder's point)
    def scenes(text):
        items, _ = extract_article(Article(id="t", text=text, title="", published=PUB), gaz)
        return [(i.place.name, i.place.lon, i.place.lat, i.geo_precision) for i in dedupe(items)]
    (part,) = scenes("The massacre took place on Monday in the Bwito Chiefdom of Rutshuru Territory.")
    (unit,) = scenes("The massacre took place on Monday in Rutshuru Territory.")
    assert part == ("Bwito Chiefdom", unit[1], unit[2], 3)


test_violence_by_settlers_is_other_than_fighting = scene_cases(
    # civilians of one side attacking another's village: neither a battle nor a strike
    ("On Monday, settlers attacked the village of Huwara, injuring five Palestinians.", {("other", "Huwara")}),
    ("A Palestinian was shot and killed by Israeli settlers in Huwara on Monday.", {("other", "Huwara")}),
    ("On Sunday, Israeli settlers went on a rampage in Huwara.", {("other", "Huwara")}),
    # settlers as the victims of gunmen, or beside the forces of a state: fighting
    ("On Monday, a gunman shot and killed two Israeli settlers in their car in Huwara.",
     {("ground_fighting", "Huwara")}),
    ("Israeli forces and settlers attacked Huwara on Monday.", {("ground_fighting", "Huwara")}),
    # property wrecked by hand is sabotage
    ("On Monday, settlers vandalised olive trees in Qaryut.", {("sabotage", "Qaryūt")}),
)


def test_a_clause_ranking_the_event_just_told_adds_none(gaz):
    # "It was the worst attack ... in decades": the event of the sentence before, not one in the wider region
    got = typed_scenes(gaz, "On Sunday, Russian missiles struck Kyiv. It was the deadliest attack on Lviv since 2022.")
    assert got == {("missile_strike", "Kyiv")}
    # a ranked event told with its own date is the event itself
    got = typed_scenes(gaz, "The deadliest attack on Lviv since 2022 killed seven people on Sunday.")
    assert {n for _, n in got} == {"Lviv"}


def test_a_place_owning_the_next_only_says_where_it_lies(gaz):
    # "Belgorod's Shebekino": the strike is in Shebekino, not also in Belgorod city
    got = typed_scenes(gaz, "On Monday a shell hit an administrative building in Belgorod's Shebekino.")
    assert got == {("shelling", "Shebekino")}


test_speakers_references_and_gunfire = scene_cases(
    # a capital that denounces speaks for its government
    ("Israeli strikes hit Sweida on Monday. Damascus denounced the Israeli attacks, reporting the deaths of "
     "security personnel.", {("air_strike", "As-Suwayda")}),
    # "located less than 200 km from": the town only says where the region lies
    ("One drone hit an oil refinery in the Ryazan region, located less than 200 kilometers southeast of Moscow, "
     "on Tuesday.", {("drone_strike", "Ryazan Oblast")}),
    # shots fired into a place are fighting on the ground, even by a state across a border
    ("On Thursday, three civilians were seriously injured after Cambodia fired shots into a residential area in "
     "Thailand's Surin province.", {("ground_fighting", "Surin")}),
)


def test_a_relative_clause_describing_a_town_neither_dates_nor_places_the_event(gaz):
    # ", which has hosted ... since the occupation of Donetsk in 2014": the town's history, not the strike's
    text = ("Russian artillery shelled Avdiivka on Saturday. In addition, the Russian missile struck an industrial "
            "site in the city of Kramatorsk, which has hosted the regional government of Donetsk Oblast since the "
            "Russian occupation of Donetsk in 2014.")
    got = {(n, s) for _, n, s, _ in found(gaz, text)}
    assert ("Kramatorsk", "2025-05-17") in got  # the Saturday before publication
    assert not any(n in ("Donetsk", "Donetsk Oblast") for n, _ in got)
    # a relative clause that tells an event of its own keeps its places
    assert typed_scenes(gaz, "Russian drones hit Kharkiv on Saturday, where five people were killed in Chuhuiv.") \
        == {("drone_strike", "Kharkiv"), ("drone_strike", "Chuhuyiv")}


def test_attacks_against_a_region_named_with_its_part(gaz):
    assert typed_scenes(gaz, "One person was killed over the past 24 hours in Russian attacks against eastern "
                             "Donetsk Oblast, the governor said.") == {("missile_strike", "Donetsk Oblast")}


test_war_starts_reference_areas_and_insurgents_striking = scene_cases(
    # the side that began the war, named after "since", is no scene
    ("On Tuesday, Ukraine launched its largest wave of drone strikes on the Kursk region since Moscow launched its "
     "full-scale invasion.", {("drone_strike", "Kursk Oblast")}),
    # "the Bani Suhaila area east of Khan Yunis": the town only says where the area lies
    ("On Monday Israeli air strikes hit houses in the Bani Suhaila area east of Khan Yunis.",
     {("air_strike", "Banī Suhaylā")}),
    # people on the ground who "strike" with no weapon named fight there
    ("Insurgents struck again on Monday, entering Macomia.", {("ground_fighting", "Macomia")}),
)


test_hits_fronts_and_ranked_events = scene_cases(
    # a place hit by something fired at it: a strike (in an air theatre, an air strike), not a battle
    ("On Monday the Kamal Adwan Hospital in Beit Lahia was hit twice.", {("air_strike", "Bayt Lāhyā")}),
    # "the battle front" is a place of fighting named as a distance, no event
    ("Kramatorsk was 24 kilometers from the battle front on Monday.", set()),
    # an event ranked against those of a period is the event told before
    ("Russian rockets hit an apartment building in Chasiv Yar on Saturday. The Chasiv Yar attack was the latest "
     "strike in recent weeks to hit Kramatorsk.", {("missile_strike", "Chasiv Yar")}),
)


test_wire_classes_of_old_agency_stories = scene_cases(
    # a dateline with the day ("Sanaa, Jan 14 ...")
    ("Sanaa, May 19 Dozens of fighters were killed in clashes in Marib on Monday.", {("ground_fighting", "Ma'rib")}),
    # a soldier's home town in apposition
    ("On Monday three soldiers were killed in a gun battle in Miranshah: Sepoy Ali, a resident of Sargodha, and two "
     "others.", {("ground_fighting", "Miran Shah")}),
    # where a speaker addressed the press
    ("Speaking to local media in the capital Mogadishu, the army chief said militants attacked a base in Jowhar on "
     "Monday.", {("ground_fighting", "Jawhar")}),
    # a comparison of places, no strike
    ("On Monday aid reached Borno, one of the states hit hardest during the uprising.", set()),
    # "an industrial hub 10 kilometres (six miles) north of the rebels' de-facto capital Donetsk": the capital locates
    ("Two servicemen were killed by mortar fire near Avdiivka, an industrial hub 10 kilometres (six miles) north of "
     "the rebels' de-facto capital Donetsk, on Monday.", {("shelling", "Avdiyivka")}),
    # where displaced people went, told as a noun: "triggering mass migrations into X"
    ("On Monday the RSF attacked Singa, triggering mass migrations into Gedaref.", {("ground_fighting", "Singa")}),
    # "Kuje prison, near the Nigerian capital of Abuja": the capital locates the town the site is named after
    ("On Tuesday gunmen attacked Kuje prison, near the Nigerian capital of Abuja.", {("ground_fighting", "Kuje")}),
    # "west of the Russian-held city of Donetsk": a described town locates the village
    ("Shelling killed a man on Monday in Kurakhove, west of the Russian-held city of Donetsk.",
     {("shelling", "Kurakhove")}),
    ("Drones struck a school on Monday near the front-line town of Pokrovsk.", {("drone_strike", "Pokrovsk")}),
    # a gun attack is fighting on the ground
    # (the article's weapon, a suicide bombing, does not type it)
    ("A suicide attack killed four in Baghdad on Monday. On Sunday the group claimed a deadly gun attack in Tarmiya.",
     {("explosion", "Baghdad"), ("ground_fighting", "Aţ Ţārmīyah")}),
    # where someone who fled arrived is no scene
    ("On Sunday, a relative who fled the attack in Monguno arrived at his home in southern Borno’s commercial hub "
     "of Biu.", {("ground_fighting", "Monguno")}),
    # the circumstances of the clause's own event keep its places
    ("Junta troops were attacked with small arms on Monday as they entered a village in the Magway region.",
     {("ground_fighting", "Magway")}),
)


def test_an_unknown_village_at_a_distance_from_a_town_with_a_converted_unit_is_placed_by_the_offset(gaz):
    got = found(gaz, "On Monday rebels attacked Tacueyo, about 43 miles (73 kilometers) south of Cali.")
    assert [n for _, n, _, _ in got] == ["43 miles south of Cali"]


def test_an_undated_line_announces_the_event_the_body_dates(gaz):
    # the body's day wins, and when that day is background the announcement is not news either
    text = ("United Nations condemns recent suicide bomb attacks in Gwoza, Borno State.\n"
            "The coordinator condemned the suicide bomb attacks on civilians in the Gwoza Local Government Area "
            "on Saturday, 29 March 2025.")
    assert found(gaz, text) == []
    text = ("Russian forces shelled Kherson, officials said.\n"
            "On Monday, artillery hit a market in Kherson.")
    assert [(t, n, d) for t, n, d, _ in found(gaz, text)] == [("shelling", "Kherson", "2025-05-19")]
    # a photo's caption shows another day: the undated report stands
    text = ("Aftermath of the Russian attacks on Kharkiv on 12 March 2025. Photo: State Emergency Service\n"
            "The mayor reported explosions in Kharkiv, with one person killed in Russian attacks.")
    assert [n for _, n, _, _ in found(gaz, text)] == ["Kharkiv"]


def test_a_local_government_area_is_a_region_word(gaz):
    assert {n for _, n in typed_scenes(gaz, "Bombers struck the Gwoza Local Government Area on Saturday.")} == {"Gwoza"}


def test_a_dateline_after_a_byline_and_a_town_in_a_governorates_countryside(gaz):
    text = "Images News Network\n\nSrinagar: Four militants were killed in encounters in Shopian on Tuesday."
    assert {n for _, n, _, _ in found(gaz, text)} == {"Shopian"}
    got = found(gaz, "On Sunday gunmen killed two people in the city of Jassim in the Daraa countryside.")
    assert [n for _, n, _, _ in got] == ["Jāsim"]


@pytest.mark.parametrize("text, expected", [
    # the purpose of strikes is no scene of them
    ("US forces struck radar sites in Yemen on Monday in an effort to protect shipping in the Red Sea.", {"Yemen"}),
    ("The Houthis said on Monday they struck a ship near Hodeidah in solidarity with Palestinians in Gaza.",
     {"Al Ḩudaydah"}),
])
def test_a_purpose_is_no_scene(gaz, text, expected):
    assert {n for _, n in typed_scenes(gaz, text)} == expected


def test_what_an_event_noun_was_done_to_and_its_region_in_apposition(gaz):
    # "the capture of Masisi, in North Kivu": the territory captured, the province only locates it
    assert {n for _, n in typed_scenes(gaz, "On Monday the UK condemned the capture of Masisi, in North Kivu, by "
                                            "the armed group M23.")} == {"Masisi Territory"}
    assert typed_scenes(gaz, "Russian shelling of the Kherson region killed two on Monday.") == {
        ("shelling", "Kherson Oblast")}


@pytest.mark.parametrize("text, expected", [
    # where a shelling "was reported from" is where it happened, every place of the list
    ("Russian shelling on Tuesday was reported from Nikopol, Marhanets and Kherson.", {"Nikopol", "Marhanets", "Kherson"}),
    # a group named after its home ("Fano fighters") is no place
    ("Fano fighters and Ethiopian troops clashed near Debre Tabor on Tuesday.", {"Debre Tabor"}),
    # a caption closed by an agency's credit shows another day
    ("M23 fighters captured the village of Ntamugenga in Rutshuru on Sunday.\n"
     "Smoke rises over Goma after shelling /AFP", {"Rutshuru"}),
])
def test_reported_from_groups_named_by_home_and_agency_credits(gaz, text, expected):
    assert {n for _, n, _, _ in found(gaz, text)} == expected


@pytest.mark.parametrize("text, expected", [
    # a place whose relative clause tells the event is its scene, whatever governs it
    ("The area is close to the Tahoua region, where last week armed gunmen raided a camp.", {"Tahoua"}),
    ("Aid was sent to Kharkiv, where drones hit a school on Sunday.", {"Kharkiv"}),
    # "targeted the eastern region of Bekaa": the region the strike was aimed at
    ("On Thursday, Israeli forces targeted the eastern region of Bekaa, killing two people.", {"Bekaa Valley"}),
])
def test_relative_where_and_the_region_of(gaz, text, expected):
    assert {n for _, n, _, _ in found(gaz, text)} == expected


def test_lines_listed_after_an_event_sentence_ending_in_a_colon_tell_where(gaz):
    text = ("During the past night, air defense forces intercepted and destroyed 14 Ukrainian UAVs:\n"
            "7 – over the territory of Smolensk region,\n"
            "6 – over the territory of Bryansk region,\n"
            "1 – over the territory of Kaluga region.\n\n"
            "The ministry also said Kursk was calm.")
    assert {(t, n) for t, n, _, _ in found(gaz, text)} == {
        ("drone_strike", "Smolensk Oblast"), ("drone_strike", "Bryansk Oblast"), ("drone_strike", "Kaluga Oblast")}


@pytest.mark.parametrize("text, expected", [
    # weapons gathered, not fired
    ("Armenian forces shelled Kalbajar on Monday. At the same time, Armenia has concentrated offensive weapons, "
     "heavy artillery and manpower along the borders of Azerbaijan.", {"Kalbajar"}),
    # where a target lies is no scene of the attack on it
    ("On Sunday M23 fighters captured the village of Ntamugenga in Rutshuru, a strategic target that lies close to "
     "the highway leading north out of the provincial capital Goma.", {"Rutshuru"}),
])
def test_gathered_weapons_and_where_a_target_lies(gaz, text, expected):
    assert {n for _, n, _, _ in found(gaz, text)} == expected


def test_a_dateline_after_a_wire_photos_caption(gaz):
    text = ("A man looks through a damaged house after shelling overnight in Poonch district, Wednesday, May 21, 2025.\n\n"
            "Srinagar: At least 15 civilians were killed in shelling in Uri on Tuesday night.")
    assert "Srinagar" not in {n for _, n, _, _ in found(gaz, text)}


def test_a_country_that_condemns_is_not_the_attacker(gaz):
    got = found(gaz, "On Monday the United States strongly condemned the attack on Goma.")
    assert [(n, a) for _, n, _, a in got] == [("Goma", None)]
    assert [a for _, _, _, a in found(gaz, "Russia struck Kharkiv on Monday.")] == ["Russia"]


@pytest.mark.parametrize("text", [
    "Russian drones struck Kharkiv on 19 May, in addition to Sumy and Poltava regions.",
    "Russian drones struck Kharkiv on 19 May as well as the Sumy and Poltava regions.",
])
def test_places_added_to_a_list_share_its_role(gaz, text):
    # "in addition to", "as well as": the places added are governed as the place before them
    assert same_scenes(gaz, text, ["Kharkiv", "Sumy Oblast", "Poltava Oblast"])


def test_a_sentence_saying_where_the_targets_lay_places_the_event_told(gaz):
    text = ("On Monday, coalition airstrikes hit militant camps in Somalia. In the south, the "
            "targets were located in the vicinity of Kismayo and Jilib. In the centre, they were near Beledweyne.")
    got = found(gaz, text)
    assert {(t, key(p), d) for t, p, d, _ in got} == {("air_strike", key(p), "2025-05-19")
                                                       for p in ("Kismayo", "Jilib", "Beledweyne")}


def test_a_sentence_of_where_something_lies_after_no_event_places_nothing(gaz):
    assert found(gaz, "Aid convoys reached Somalia on Monday. The warehouses were located in Kismayo.") == []


def test_lives_claimed_at_a_place_are_deaths_there_not_residence(gaz):
    assert typed_scenes(gaz, "On Monday a suicide attack claimed 12 lives in Baidoa.") == {("explosion", "Baidoa")}
    # the verb still places a person, not an event
    assert typed_scenes(gaz, "On Monday gunmen shot a man who lives in Baidoa.") == set()


def test_a_headline_line_takes_the_day_of_the_line_under_it(gaz):
    # a snapshot's undated heading, then the dated report of its event with no place of its own
    text = ("Suicide attack claims 12 lives in Baidoa, Bay region\n"
            "On 14 May, officials reported that 12 people were killed when an attacker detonated an explosive vest.")
    assert [(t, d) for t, _, d, _ in found(gaz, text)] == [("explosion", "2025-05-14")]
    # a sentence (not a heading) keeps its own reading: the next one may tell another day of the war
    text = ("Militants attacked Baidoa, the capital of Bay region.\n"
            "On 14 May, officials reported that 12 people were killed when an attacker detonated an explosive vest.")
    assert [(t, d) for t, _, d, _ in found(gaz, text)] == [("ground_fighting", "2025-05-21")]


test_verbs_of_closing_in_on_a_town_are_fighting = scene_cases(
    ("On Monday the rebels encircled the town of Laukkai in Shan State.", {("ground_fighting", "Laukkai")}),
    ("On Monday the rebels began attacking Laukkai in Shan State.", {("ground_fighting", "Laukkai")}),
    # a purpose is no event, nor is a state of siege
    ("On Monday the ministers condemned the transfer of arms for use in attacking Ukraine.", set()),
    ("On Monday aid reached the encircled town of Laukkai in Shan State.", set()),
)


def test_the_deaths_of_civilians_make_a_story_about_armed_violence(gaz):
    # violence told only through its victims counts in a story of war; civilians are people of a war
    text = ("The United States was saddened to learn of the violence in the Gao region of Mali on Saturday, "
            "resulting in the deaths of more than 100 civilians.")
    assert typed_scenes(gaz, text) == {("ground_fighting", "Gao")}
    # without them, violence and deaths may be crime or an accident
    assert typed_scenes(gaz, "Violence at a concert in Gao on Saturday left two people dead.") == set()


test_communal_violence_named_as_such_is_a_story_of_war = scene_cases(
    # violence between communities or camps named as such is a war of no named army
    ("On Sunday the communal conflict in Kassala state left at least 40 people dead.", {("ground_fighting", "Kassala")}),
    ("On Sunday tribal clashes near Wau left 12 people dead.", {("ground_fighting", "Wau")}),
    # a conflict of no violence is no war
    ("On Sunday a conflict of interest in Wau left the council dead in the water.", set()),
)


def test_violence_in_the_name_of_a_day_or_office_is_no_event(gaz):
    text = ("On Monday soldiers and civilians attended an event in Juba to mark the International Day for the "
            "Elimination of Violence against Women.")
    assert typed_scenes(gaz, text) == set()


def test_where_a_group_has_a_presence_is_no_scene(gaz):
    text = "Hezbollah has little presence in northern Lebanon, but on Monday Israel said it targeted a Hezbollah commander."
    assert typed_scenes(gaz, text) == set()


test_a_weapon_named_like_a_town_is_no_place = scene_cases(
    # a weapon named like a town is no scene
    ("On Monday gunmen attacked a synagogue in Derbent with rifles and Molotov cocktails.",
     {("ground_fighting", "Derbent")}),
    ("On Monday Ukraine fired Tomahawk missiles at Belgorod.", {("missile_strike", "Belgorod")}),
    # the strike named by its town and weapon stays the town's
    ("The Odesa missile strike on Monday killed five people.", {("missile_strike", "Odesa")}),
)


@pytest.mark.parametrize("text", [
    "On Monday two submarine telecommunication cables, the East-West Interlink and C-Lion1, were disrupted in the Baltic Sea.",
    "On Monday a tanker cut more cables in the Baltic Sea.",
])
def test_undersea_lines_broken_are_sabotage(gaz, text):
    assert {t for t, _ in typed_scenes(gaz, text)} == {"sabotage"}


def test_power_cables_damaged_by_attacks_are_the_strike(gaz):
    assert typed_scenes(gaz, "On Monday Russian attacks damaged power cables in Kharkiv.") == {("missile_strike", "Kharkiv")}


def test_deaths_in_an_air_theatre_are_not_the_rockets_of_the_other_side(gaz):
    # the article's missiles are rockets fired into Israel; the deaths in Gaza are from the air
    text = "On Monday militants fired rockets into Israel. On Tuesday, 40 Palestinians were killed in Khan Younis."
    got = typed_scenes(gaz, text)
    assert ("air_strike", "Khān Yūnis") in got and ("missile_strike", "Khān Yūnis") not in got
    # elsewhere the missiles the article names stay the means
    text = "On Monday Russia fired missiles at Kharkiv. On Tuesday, 4 people were killed in Sumy."
    assert typed_scenes(gaz, text) == {("missile_strike", "Kharkiv"), ("missile_strike", "Sumy")}


def test_a_demonym_of_the_killed_is_no_attacker(gaz):
    got = found(gaz, "On Tuesday, 40 Palestinian civilians were killed in Khan Younis, the health ministry said.")
    assert [(p, a) for _, p, _, a in got] == [("Khān Yūnis", None)]


def test_a_strike_at_no_place_falls_back_on_the_region_the_article_is_about(gaz):
    text = ("On Monday Israeli jets struck Khan Younis in the Gaza Strip. On Tuesday tanks shelled Rafah in the Gaza "
            "Strip. On Wednesday Israeli forces bombed the camp, killing 20 people.")
    got = found(gaz, text)
    assert ("air_strike", "Gaza Strip", "2025-05-21") in {(t, p, d) for t, p, d, _ in got}


@pytest.mark.parametrize("aftermath", [
    "On Monday the city council in Odesa declared a day of mourning in memory of those killed in the missile strike.",
    "On Monday funerals were held in Odesa for the victims of the missile strike.",
])
def test_mourning_the_dead_of_a_told_strike_is_no_second_strike(gaz, aftermath):
    # the day of the mourning is not the day of the strike: the strike stays one, on its own day
    text = "On Saturday a Russian missile struck Odesa, killing four people. " + aftermath
    got = found(gaz, text)
    assert [(t, p, d) for t, p, d, _ in got] == [("missile_strike", "Odesa", "2025-05-17")]


def test_a_strike_at_a_memorial_ceremony_is_still_a_strike(gaz):
    text = "On Saturday, during a memorial ceremony in Kerman, two bombs exploded, killing 95 people."
    assert typed_scenes(gaz, text) == {("explosion", "Kerman")}


def test_a_strike_during_a_funeral_is_a_strike(gaz):
    text = "On Saturday hundreds attended the funeral in Odesa as Russian drones struck the port."
    assert typed_scenes(gaz, text) == {("drone_strike", "Odesa")}


def test_an_event_of_no_place_in_a_story_about_one_place_happened_there(gaz):
    # the title names one town and the body names it again: a dated event of no place is there
    text = "Russian drones struck the port of Odesa on 19 May.\n\nOn 20 May, another attack killed two people."
    got = {(t, p, d) for t, p, d, _ in found(gaz, text, title="Drone attacks on Odesa")}
    assert ("drone_strike", "Odesa", "2025-05-20") in got
    # a title of no place (or of two) decides nothing
    assert {d for _, _, d, _ in found(gaz, text, title="Drone attacks on ports")} == {"2025-05-19"}
    assert {d for _, _, d, _ in found(gaz, text, title="Drone attacks on Odesa and Kherson")} == {"2025-05-19"}


def test_a_claim_of_responsibility_is_no_second_attack(gaz):
    text = ("On 19 May two bombs exploded in Kerman, killing 95 people.\n\n"
            "On 20 May, the Islamic State claimed responsibility for the attack.")
    assert {(t, p, d) for t, p, d, _ in found(gaz, text, title="Kerman bombings")} == {("explosion", "Kerman", "2025-05-19")}


test_hosts_of_displaced_people_are_no_scenes = scene_cases(
    # the towns that host people displaced from elsewhere are no scenes
    ("Kassala and Gedaref states were already hosting about 86,000 displaced people before the clashes on Monday.", set()),
    ("On Monday about 20,000 people displaced by the fighting were sheltering in Kassala.", set()),
    # where the fighting was stays the scene
    ("On Monday fighting in Sinja displaced 20,000 people, who are sheltering in Kassala.", {("ground_fighting", "Singa")}),
)


def test_time_told_relative_to_an_attack_tells_no_attack(gaz):
    text = ("On 19 May gunmen attacked the prison in Kuje, freeing 800 inmates.\n\n"
            "In the weeks leading up to the attack, on 2 May, guards in Kuje raised the alarm.")
    assert {(t, p, d) for t, p, d, _ in found(gaz, text)} == {("ground_fighting", "Kuje", "2025-05-19")}


test_an_advance_told_as_a_noun_is_fighting = scene_cases(
    ("On Monday, Russian advances near Pokrovsk continued.", {("ground_fighting", "Pokrovsk")}),
    ("On Monday the Russian advance on Pokrovsk slowed.", {("ground_fighting", "Pokrovsk")}),
    ("On Monday the minister noted advances by the armed forces in Khartoum.", {("ground_fighting", "Khartoum")}),
    # the word in other senses
    ("On Monday residents were told in advance on Pokrovsk radio to leave.", set()),
    ("On Monday the minister praised advances in medicine in Kharkiv.", set()),
)


def test_a_sides_tactics_are_no_event(gaz):
    text = ("On Monday the UK condemned the military's brutal tactics, including the targeting of civilians "
            "through airstrikes in Sagaing.")
    assert typed_scenes(gaz, text) == set()
    assert typed_scenes(gaz, "On Monday the military's airstrikes hit villages in Sagaing.") == {("air_strike", "Sagaing")}


test_a_wars_own_name_is_no_operation_on_a_day = scene_cases(
    # "the special military operation": the Kremlin's name for the whole war, not an operation told
    ("On Monday Putin said the special military operation to protect the people of Donbas would go on.", set()),
    ("On Monday the president voiced support for Russia's special military operation in Donbas.", set()),
    ("On Monday the army began a military operation in Donbas.", {("ground_fighting", "Donbas")}),
)


test_reports_called_false_are_denials = scene_cases(
    # what a speaker calls fabricated, false or staged is denied (annotation.md: denied events are no incidents)
    ("On Monday the ministry said reports of shelling in Kharkiv and other cities were crudely fabricated.", set()),
    ("Claims that drones struck Belgorod on Monday are false, the governor said.", set()),
    # reports confirmed are reports
    ("On Monday the governor said reports of shelling in Kharkiv were accurate.", {("shelling", "Kharkiv")}),
)


test_an_area_named_by_the_fighting_in_it_is_no_event = scene_cases(
    # "areas of active hostilities": a kind of area, where a state of war holds; no fighting told on a day
    ("On Monday thousands fled Omdurman, Bahri and other areas of active hostilities.", set()),
    ("On Monday aid convoys reached Sennar, Singa and other zones of heavy fighting.", set()),
    # the fighting told in the areas of a town is an event
    ("On Monday heavy fighting in areas of Omdurman killed 12 civilians.", {("ground_fighting", "Omdurman")}),
)


test_an_officials_relative_is_not_placed_by_the_title = scene_cases(
    # an official's relative: the title's place says who the official is, not where the dead were
    ("On Monday a missile struck Sevastopol. Among the dead was the daughter of the deputy mayor of Magadan.",
     {("missile_strike", "Sevastopol")}),
    ("On Monday a missile struck Sevastopol. Among the dead was the son of Magadan's governor.",
     {("missile_strike", "Sevastopol")}),
    # an official who speaks still places a strike told with no place of its own in his region
    ("On Monday the governor of the Belgorod region said Ukrainian drones killed three people.",
     {("drone_strike", "Belgorod Oblast")}),
)


def test_an_attack_on_a_factory_is_an_attack(gaz):
    # "factory" and "production" right after a weapon name what is made ("drone production"), but
    # after "struck a" they name the site that was hit
    assert typed_scenes(gaz, "On Saturday Russian drones struck a factory in Odesa.") == {("drone_strike", "Odesa")}
    assert typed_scenes(gaz, "On Saturday Russian missiles hit the production hall of a plant in Dnipro.") == \
        {("missile_strike", "Dnipro")}


@pytest.mark.parametrize("text, scene", [
    ("On Saturday Israeli jets bombed a missile depot near Homs.", ("air_strike", "Homs")),
    ("On Saturday Ukrainian aircraft struck a drone factory in Yelabuga.", ("air_strike", "Yelabuga")),
    ("On Saturday Ukrainian drones hit a missile plant in Votkinsk.", ("drone_strike", "Votkinsk")),
])
def test_a_weapon_a_site_makes_or_stores_is_no_weapon_of_the_attack(gaz, text, scene):
    assert typed_scenes(gaz, text) == {scene}


def test_there_is_the_place_of_the_event_told_before(gaz):
    text = ("On Saturday Russian drones struck warehouses in Kherson. Other buildings there were struck on the "
            "night of 10 May.")
    assert {(t, p, d) for t, p, d, _ in found(gaz, text)} == {
        ("drone_strike", "Kherson", "2025-05-17"), ("drone_strike", "Kherson", "2025-05-10")}
    # "there were" opens a clause: it points to no place
    text = "On Saturday Russian drones struck warehouses in Kherson. There were drone attacks on 10 May."
    assert {(t, p, d) for t, p, d, _ in found(gaz, text)} == {("drone_strike", "Kherson", "2025-05-17")}


def test_an_event_across_the_country_is_in_the_story_s_country(gaz):
    text = ("Israeli strikes hit Tyre and Baalbek on 15 May. Across the country, at least 71 people were killed in "
            "airstrikes on 16 May alone.")
    assert ("air_strike", "Lebanon", "2025-05-16") in {(t, p, d) for t, p, d, _ in found(gaz, text)}
    # no event word, no incident; and a story of no country of its own has no country to put it in
    assert {d for _, _, d, _ in found(gaz, "Israeli strikes hit Tyre on 15 May. Protests were held across the "
                                           "country on 16 May.")} == {"2025-05-15"}
    assert found(gaz, "At least 71 people were killed in airstrikes across the country on 16 May.") == []


def test_a_count_of_times_over_weeks_is_a_tally(gaz):
    assert found(gaz, "Houthi militants have attacked vessels in the Red Sea 28 times since 19 April.") == []
    assert found(gaz, "In April, Kharkiv was targeted eighteen times.") == []
    # on one day, "three times" tells that day's attack
    assert typed_scenes(gaz, "On Saturday Russian drones struck Odesa three times.") == {("drone_strike", "Odesa")}


def test_the_town_told_before_named_again_by_its_kind(gaz):
    text = ("Russian forces shelled the town of Bilopillia on Friday. The town was also hit by a guided bomb on "
            "Tuesday, killing one.")
    assert {(t, p, d) for t, p, d, _ in found(gaz, text)} == {
        ("shelling", "Bilopillia", "2025-05-16"), ("air_strike", "Bilopillia", "2025-05-20")}
    text = "Drones attacked Odesa on Friday. On Tuesday, a missile strike on the port killed four people."
    assert {(t, p, d) for t, p, d, _ in found(gaz, text)} == {
        ("drone_strike", "Odesa", "2025-05-16"), ("missile_strike", "Odesa", "2025-05-20")}
    # "the town of X" names a town of its own; a new paragraph points back to no town
    text = "Drones attacked Odesa on Friday. On Tuesday, a missile strike on the town of Izmail killed four."
    assert {p for _, p, _, _ in found(gaz, text)} == {"Odesa", "Izmayil"}
    text = "Drones attacked Odesa on Friday.\n\nOn Tuesday, a missile strike on the port killed four people."
    assert {(t, p) for t, p, _, _ in found(gaz, text)} == {("drone_strike", "Odesa")}


def test_talks_with_a_time_to_come_after_them_are_ahead(gaz):
    text = "Shelling hit Nikopol on Friday, ahead of talks in Riyadh next week."
    assert {(t, p) for t, p, _, _ in found(gaz, text)} == {("shelling", "Nikopol")}
    assert found(gaz, "The Kremlin wants talks in the Saudi city of Jeddah in the coming days.") == []
    # the time belongs to another predicate once the meeting has its own day
    text = "The delegations met in Jeddah on Tuesday and will meet again next week."
    assert {(t, p, d) for t, p, d, _ in found(gaz, text)} == {("diplomatic", "Jeddah", "2025-05-20")}


def test_an_accord_s_venue_and_parties_are_no_scene_of_the_fighting(gaz):
    # the venue of an accord told as a participle phrase: where it was made, with its own day when the phrase
    # gives one; the clause's fighting keeps its own place and day
    assert {(t, p) for t, p, _, _ in found(gaz, "Clashes went on in Kherson despite the truce signed in Jeddah "
                                                "last week.")} == {("ground_fighting", "Kherson")}
    text = "The ceasefire mediated in Geneva on 12 May broke down when shelling hit Nikopol on Monday."
    assert {(t, p, d) for t, p, d, _ in found(gaz, text)} == {
        ("diplomatic", "Geneva", "2025-05-12"), ("shelling", "Nikopol", "2025-05-19")}
    assert {(t, p, d) for t, p, d, _ in found(gaz, "The agreement reached at Nairobi on Friday requires the rebels "
                                                   "to leave Goma.")} == {("diplomatic", "Nairobi", "2025-05-16")}
    # the parties named between the verb and the venue are no scenes either
    text = ("Under the roadmap agreed between Kinshasa and Kigali on 2 May in Doha, M23 fighters clashed with the "
            "army near Goma on Monday.")
    assert {(t, p, d) for t, p, d, _ in found(gaz, text)} == {("ground_fighting", "Goma", "2025-05-19")}
    # with no day of its own the phrase points back to an accord: no meeting
    assert found(gaz, "The accord signed in Luanda remains the basis for any settlement.") == []


def test_a_place_right_after_said_is_the_scene_only_when_the_event_is_told_of_it(gaz):
    assert typed_scenes(gaz, "Regional officials said Mykolaiv was struck by missiles on Monday.") == {
        ("missile_strike", "Mykolayiv")}
    assert typed_scenes(gaz, "The governor said the Sumy region came under shelling on Monday.") == {
        ("shelling", "Sumy Oblast")}
    # a capital standing for its government, or the subject of an event verb, is an agent
    assert typed_scenes(gaz, "The ministry said Warsaw had condemned the drone strike on Lviv on Monday.") == {
        ("drone_strike", "Lviv")}
    assert typed_scenes(gaz, "Officials in Moscow said Kyiv attacked Bryansk with drones on Monday.") == {
        ("drone_strike", "Bryansk")}
    assert typed_scenes(gaz, "A spokesman said Tokyo was alarmed by the missile strike on Dnipro on Monday.") == {
        ("missile_strike", "Dnipro")}


test_a_place_or_site_that_names_a_bombing_is_where_a_bomb_went_off = scene_cases(
    ("The Kandahar shrine bombing killed 12 people on Tuesday.", {("explosion", "Kandahār")}),
    ("The Mogadishu hotel bombing on Sunday left 9 dead.", {("explosion", "Mogadishu")}),
    ("The Lahore bombing on Monday killed five.", {("explosion", "Lahore")}),
    # a state's bombing of a place, and bombing from the air, are air strikes
    ("Russian bombing of Kherson continued on Monday.", {("air_strike", "Kherson")}),
    ("Aerial bombing on Monday destroyed homes in Kherson.", {("air_strike", "Kherson")}),
)


test_armed_men_entering_or_taking_a_town_is_a_battle_there = scene_cases(
    ("Rebel fighters entered Bunia on Sunday.", {("ground_fighting", "Bunia")}),
    ("Russian troops have taken the town of Kurakhove, the ministry said on Monday.",
     {("ground_fighting", "Kurakhove")}),
    # no armed men, or entering talks, or taking of no town
    ("Aid trucks entered Rafah on Sunday.", set()),
    ("The rebels entered into negotiations with the army in Addis Ababa on Sunday.", {("diplomatic", "Addis Ababa")}),
    ("She took the city council to court on Monday after shelling hit Nikopol.", {("shelling", "Nikopol")}),
)


def test_in_a_story_of_a_bomb_set_off_bombed_tells_a_bomb(gaz):
    body = "A shrine in Kandahar was bombed during prayers on Friday, killing 12. Two days earlier a school in Kabul was bombed."
    assert {(t, p, d) for t, p, d, _ in found(gaz, body, title="Suicide bomber kills 12 at Kandahar shrine")} == {
        ("explosion", "Kandahār", "2025-05-16"), ("explosion", "Kabul", "2025-05-14")}
    # a title of air strikes leaves "was bombed" to the air force
    assert {(t, p) for t, p, _, _ in found(gaz, "A school in Gaza City was bombed on Friday, killing 14.",
                                           title="Israeli strikes kill 14 in Gaza")} == {("air_strike", "Gaza")}


def test_days_earlier_count_back_from_the_day_just_told(gaz):
    text = "Missiles hit Zaporizhzhia on Thursday. A day earlier, drones struck Kherson."
    assert {(p, d) for _, p, d, _ in found(gaz, text)} == {("Zaporizhzhya", "2025-05-15"), ("Kherson", "2025-05-14")}
    # "before" with no event after it counts back the same way
    text = "Missiles hit Zaporizhzhia on Thursday. Three days before, shelling hit Nikopol."
    assert {(p, d) for _, p, d, _ in found(gaz, text)} == {("Zaporizhzhya", "2025-05-15"), ("Nikopol", "2025-05-12")}


test_people_shot_at_is_violence_where_they_were = scene_cases(
    ("Militiamen shot three villagers near Bunia on Sunday.", {("ground_fighting", "Bunia")}),
    ("Police shot at demonstrators in Mandalay on Sunday.", {("ground_fighting", "Mandalay")}),
    # shooting of no people
    ("The crew shot footage of the ruins in Kherson on Sunday.", set()),
)


def test_a_reaction_to_an_event_told_before_is_no_new_event(gaz):
    # in a story about one place (its title names it), an event of no place of its own would be told there
    text = "Gunmen attacked a market in Gao on Sunday. The attack was claimed by the Islamic State on Monday."
    assert {(t, p, d) for t, p, d, _ in found(gaz, text, title="Gunmen kill 12 at Gao market")} == {
        ("ground_fighting", "Gao", "2025-05-18")}
    text = "Missiles hit Dnipro on Sunday. The strike drew international condemnation on Tuesday."
    assert {(t, p, d) for t, p, d, _ in found(gaz, text, title="Missile strike on Dnipro kills four")} == {
        ("missile_strike", "Dnipro", "2025-05-18")}
    # a definite event told with its own predicate of happening is the event
    text = "The attack on Kherson was carried out on Monday by Russian drones."
    assert {(t, p, d) for t, p, d, _ in found(gaz, text)} == {("drone_strike", "Kherson", "2025-05-19")}


def test_a_state_that_says_it_struck_is_the_attacker(gaz):
    assert {(p, a) for _, p, _, a in found(gaz, "Iran said it struck a base near Erbil on Sunday.")} == {("Erbil", "Iran")}
    text = "Ukraine's General Staff said its forces hit an oil depot in Bryansk on Sunday."
    assert {(p, a) for _, p, _, a in found(gaz, text)} == {("Bryansk", "Ukraine")}
    # a state that says what it thinks of an attack is not its attacker
    text = "France said it condemned the attack on Kherson on Sunday."
    assert {(p, a) for _, p, _, a in found(gaz, text)} == {("Kherson", None)}


def test_strikes_on_days_of_the_week_listed_are_one_a_day(gaz):
    text = "Russian missiles hit Kramatorsk on Sunday and again on Monday."
    assert {(t, p, d) for t, p, d, _ in found(gaz, text)} == {
        ("missile_strike", "Kramatorsk", "2025-05-18"), ("missile_strike", "Kramatorsk", "2025-05-19")}
    # a battle over the days listed is one battle
    text = "Fighting raged around Toretsk on Sunday and Monday."
    assert [(t, d) for t, _, d, _ in found(gaz, text)] == [("ground_fighting", "2025-05-18")]


def test_at_the_weekend_is_the_weekend_before_publication(gaz):
    # published on a Wednesday: the weekend just past
    assert {(p, d) for _, p, d, _ in found(gaz, "At the weekend, drones struck Chernihiv.")} == {("Chernihiv", "2025-05-17")}


test_who_acts_or_where_someone_was_is_no_scene = scene_cases(
    # a capital doing the deed to another place stands for its government
    ("Moscow struck Chernihiv with missiles on Sunday.", {("missile_strike", "Chernihiv")}),
    # where a speaker was, and where an envoy is posted
    ("The president, who was in Brussels on Sunday, said missiles had hit Chernihiv.", {("missile_strike", "Chernihiv")}),
    ("Iran's envoy in Paris was summoned after drones struck Zhytomyr on Sunday.", {("drone_strike", "Zhytomyr")}),
    # a headline's passive keeps its place
    ("Chernihiv shelled overnight, one killed.", {("shelling", "Chernihiv")}),
)


def test_a_place_inside_the_subject_phrase_is_no_attacker(gaz):
    # "an airstrike in X hit the school": X is where the airstrike was, not who struck
    text = "On Sunday an airstrike in the Maghazi refugee camp hit a school run by the UN."
    assert {p for _, p, _, _ in found(gaz, text)} == {"Maghazi Refugee Camp"}


test_a_word_that_makes_an_event_hypothetical_reaches_across_a_list = scene_cases(
    # the commas of a list of nouns are no clause boundary for "an end to", "a halt to", "without"
    ("The envoy urged an end to the looting, shelling and abductions in Nyala.", set()),
    ("Ministers called for a halt to arson, airstrikes and evictions in Khan Younis.", set()),
    # a comma that ends a clause still ends the reach
    ("Troops did not withdraw, shelling resumed and drones hit Mykolaiv on Sunday.", {("drone_strike", "Mykolayiv")}),
    ("Drones hit Mykolaiv, Kherson and Odesa on Sunday.",
     {("drone_strike", "Mykolayiv"), ("drone_strike", "Kherson"), ("drone_strike", "Odesa")}),
)
