"""Session 40 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article


def _placed(gaz, text, title="Statement", published=dt.date(2025, 6, 10)):
    """(place, kind, type, first day) of the deduplicated incidents of a one-paragraph article."""
    items, _ = extract_article(Article(id="t", title=title, text=text, published=published), gaz)
    return sorted((i.place.name, i.place.kind, i.type, str(i.date_start)) for i in dedupe(items))


def _tolls(gaz, text, published=dt.date(2025, 6, 10)):
    items, _ = extract_article(Article(id="t", title="Statement", text=text, published=published), gaz)
    return sorted((i.place.name, i.killed) for i in dedupe(items))


def test_animals_are_no_casualties(gaz):
    # regional reports count livestock lost in a strike; the map's killed counts people
    assert _tolls(gaz, "Russian drones hit a farm in Pavlohrad on Monday. About 20 heads of cattle died.") == [
        ("Pavlohrad", None)]
    assert _tolls(gaz, "Russian shelling of Pavlohrad on Monday killed 40 sheep and injured two people.") == [
        ("Pavlohrad", None)]
    assert _tolls(gaz, "Two drones struck Pavlohrad on Monday, killing 40 sheep and three people.") == [
        ("Pavlohrad", 3)]
    # people stay counted, in one part or two
    assert _tolls(gaz, "Two drones struck Pavlohrad on Monday, killing three soldiers and two civilians.") == [
        ("Pavlohrad", 5)]


def test_a_local_unit_of_a_district_lies_in_that_district(gaz):
    # Ukrainian regional reports name a hromada by its district: "the X community of Y district" is in Y, never a
    # namesake town of another oblast (here a city of 500,000 people 250 km away)
    placed = _placed(gaz, "In the Mykolaiv community of Synelnykove district, a drone hit a farm on Monday.")
    assert [(name, kind) for name, kind, _, _ in placed] == [("Mykolaiv", "village")]
    items, _ = extract_article(Article(id="t", title="Statement", published=dt.date(2025, 6, 10),
                                       text="In the Mykolaiv community of Synelnykove district, a drone hit a farm "
                                            "on Monday."), gaz)
    assert {i.place.admin1_gn for i in items} == {"UA.04"}  # Dnipropetrovsk Oblast
    # without the unit word, a city and a district are two places
    assert len(_placed(gaz, "Drones hit Mykolaiv and Synelnykove district on Monday.")) == 2


def test_a_governor_or_regional_administration_names_a_region(gaz):
    # "X Governor Y" heads the region X ("the region" of the clause is X's oblast); a mayor heads the town
    assert _placed(gaz, "Drones hit a village in the region overnight, Kharkiv governor Oleh Syniehubov said.") \
        == [("Kharkiv Oblast", "admin1", "drone_strike", "2025-06-09")]
    assert _placed(gaz, "According to the Odesa Regional Military Administration, drones hit a port overnight.") \
        == [("Odesa Oblast", "admin1", "drone_strike", "2025-06-09")]
    assert _placed(gaz, "Three drones hit the city overnight, Kharkiv Mayor Ihor Terekhov said.") == [
        ("Kharkiv", "city", "drone_strike", "2025-06-09")]


def test_where_people_sought_refuge_is_no_scene(gaz):
    # the verb says people went there from elsewhere, whoever drove them
    assert _placed(gaz, "The RSF shelled Wad Madani on Wednesday, driving families to seek refuge in the nearby town "
                        "of Sennar.") == [("Wad Medani", "city", "shelling", "2025-06-04")]
    assert _placed(gaz, "The RSF shelled Wad Madani on Wednesday; thousands sought shelter in Sennar.") == [
        ("Wad Medani", "city", "shelling", "2025-06-04")]
    # a shelter that was struck is a scene
    assert _placed(gaz, "Drones struck a school in Sennar where families had taken shelter, killing 12 on "
                        "Wednesday.") == [("Sennar", "city", "drone_strike", "2025-06-04")]


def _actors(gaz, text, published=dt.date(2025, 6, 10)):
    items, _ = extract_article(Article(id="t", title="Statement", text=text, published=published), gaz)
    return sorted((i.place.name, i.actor) for i in dedupe(items))


def test_the_killed_are_no_attackers_whatever_adverb_the_passive_carries(gaz):
    assert _actors(gaz, "Hundreds of Palestinians have reportedly been killed in recent days by an Israeli ground "
                        "offensive in Jabalia.") == [("Jabālyā", "Israel")]


def test_casualties_after_strikes_of_no_named_weapon_are_strikes_in_one_sentence_paragraphs(gaz):
    # wire copy makes each sentence a paragraph: the strikes of the first still type the killed of a later one
    text = ("Israeli strikes hit Deir al-Balah on Friday, the civil defence agency said.\n"
            "Twelve people were killed in Khan Younis on Friday, medics said, as the war entered its third year.")
    assert {(name, kind) for name, _, kind, _ in _placed(gaz, text)} == {
        ("Dayr al Balaḩ", "air_strike"), ("Khān Yūnis", "air_strike")}
    # in the strikes' own paragraph as before
    text = ("Israeli strikes hit Deir al-Balah on Friday, the civil defence agency said. Twelve people were killed in "
            "Khan Younis on Friday, medics said, as the war entered its third year.")
    assert {(name, kind) for name, _, kind, _ in _placed(gaz, text)} == {
        ("Dayr al Balaḩ", "air_strike"), ("Khān Yūnis", "air_strike")}


def test_a_hyphenated_village_name_is_one_name(gaz):
    # "killed in Matadi-Beu" (a village of Beni territory): not the port of Matadi, 1,500 km away
    text = "ADF rebels killed five civilians in Matadi-Beu on Tuesday."
    items, unplaced = extract_article(Article(id="t", title="Statement", text=text, published=dt.date(2025, 6, 10)),
                                      gaz)
    assert items == [] and [u.place_text for u in unplaced] == ["Matadi-Beu"]
    # two places joined name what lies between them, and two towns joined stay towns
    assert _placed(gaz, "Russian shelling hit the Kharkiv-Belgorod border on Tuesday.") == [
        ("Kharkiv", "city", "shelling", "2025-06-10")]
    assert [p[0] for p in _placed(gaz, "Russian forces attacked Pokrovsk-Myrnohrad on Tuesday.")] == ["Pokrovsk"]


def test_a_maritime_notice_bearing_in_two_words_and_nm_after_the_number(gaz):
    # UKMTO's style: "95NM South East of Aden" is 176 km from the port, as "95 nautical miles southeast of Aden"
    items, _ = extract_article(Article(id="t", title="Statement", published=dt.date(2025, 6, 10),
                                       text="A vessel was hit by a missile 95NM South East of Aden on Monday, UKMTO "
                                            "said."), gaz)
    same, _ = extract_article(Article(id="t", title="Statement", published=dt.date(2025, 6, 10),
                                      text="A vessel was hit by a missile 95 nautical miles southeast of Aden on "
                                           "Monday, UKMTO said."), gaz)
    assert len(items) == len(same) == 1
    assert (items[0].place.lat, items[0].place.lon) == (same[0].place.lat, same[0].place.lon)
    assert items[0].place.lat < 12.0  # south of Aden (12.78 N), at sea


def test_people_on_foot_who_hit_fight_whatever_the_clause_tells_first(gaz):
    # the clause's first event word is the killing; the subject of the later strike word says who struck, and how
    assert _placed(gaz, "At least 14 people were killed when gunmen hit a village in Plateau State on Sunday.") == [
        ("Plateau", "admin1", "ground_fighting", "2025-06-08")]
    # aircraft still strike from the air
    assert _placed(gaz, "At least 14 people were killed when jets hit a village in Plateau State on Sunday.")[0][2] \
        != "ground_fighting"


def test_a_decision_to_fight_is_no_fighting(gaz):
    assert _placed(gaz, "The leadership approved a comprehensive military operation against militants in "
                        "Balochistan on Monday.") == []
    assert _placed(gaz, "The cabinet authorised air strikes on militant camps in Balochistan on Monday.") == []
    # the fighting the decision led to is told
    assert [p[0] for p in _placed(gaz, "Parliament approved the deployment on Monday, and troops attacked Ghazni "
                                       "on Tuesday.")] == ["Ghazni"]


def test_a_wire_datelines_date_is_the_filing_day_not_the_events(gaz):
    # with its dateline dropped from the dating, the lead is undated, and gives way to the body's dated report
    body = ("At least 18 civilians were killed in an attack by the RSF on a village in North Darfur State, an official "
            "said.\n\n\"On Saturday, the RSF committed a massacre in a village east of Um Kadada in North Darfur,\" "
            "the health director said.")
    for lead in ("", "Khartoum, Jan 20 (IANS) ", "KHARTOUM, Jan. 20 (Xinhua) — "):
        assert _placed(gaz, lead + body, published=dt.date(2025, 1, 20)) == [
            ("Umm Kaddadah", "city", "ground_fighting", "2025-01-18")]


def test_one_finer_report_of_an_event_takes_the_toll_and_attacker_its_summary_told(gaz):
    text = ("Russian drones killed six people in the Kharkiv region on Monday.\n\n"
            "The attack hit the town of Chuhuiv on Monday, officials said.")
    items, _ = extract_article(Article(id="t", title="Statement", text=text, published=dt.date(2025, 6, 10)), gaz)
    assert [(i.place.name, i.killed, i.actor) for i in dedupe(items)] == [("Chuhuyiv", 6, "Russia")]
    # two towns: the region's toll is no one town's
    text = ("Russian drones killed six people in the Kharkiv region on Monday.\n\n"
            "The attacks hit the towns of Chuhuiv and Izium on Monday, officials said.")
    items, _ = extract_article(Article(id="t", title="Statement", text=text, published=dt.date(2025, 6, 10)), gaz)
    assert sorted((i.place.name, i.killed) for i in dedupe(items)) == [("Chuhuyiv", None), ("Izyum", None)]


def test_a_wire_datelines_country_is_no_attacker(gaz):
    # AP's dateline names the country the story was filed from
    assert _actors(gaz, "KYIV, Ukraine (AP) — Drones attacked Odesa early Monday, leaving two people dead.") == [
        ("Odesa", None)]
    assert _actors(gaz, "KYIV, Ukraine (AP) — Russian drones attacked Odesa early Monday, leaving two people dead.") \
        == [("Odesa", "Russia")]


def test_people_in_a_town_who_meet_meet_there(gaz):
    assert _placed(gaz, "On Monday, the Ukrainian delegation in Istanbul met with representatives of Germany and "
                        "Italy.") == [("Istanbul", "city", "diplomatic", "2025-06-09")]
    # where a speaker is stationed is no scene of what they tell
    assert _placed(gaz, "Our ambassador in Kyiv said drones struck Odesa on Monday.") == [
        ("Odesa", "city", "drone_strike", "2025-06-09")]


def test_the_day_of_the_event_a_clause_follows_dates_neither_it_nor_what_comes_after(gaz):
    text = ("India launched missile strikes on Pakistan on Wednesday.\n"
            "The strikes come in the wake of a deadly attack last month on tourists in Pahalgam.\n"
            "One missile hit a mosque in Bahawalpur, killing a child.")
    assert ("Bahawalpur", "city", "missile_strike", "2025-05-07") in _placed(gaz, text, published=dt.date(2025, 5, 7))


def test_the_bodys_one_report_of_a_headlines_event_takes_its_toll(gaz):
    title = "Drone strike kills 26 civilians in Amhara region"
    body = "Health workers said the attack took place on Sunday in the town of Finote Selam, where a market was hit."
    items, _ = extract_article(Article(id="t", title=title, text=body, published=dt.date(2025, 6, 10)), gaz)
    assert [(i.place.name, i.killed) for i in dedupe(items)] == [("Finote Selam", 26)]
    # two reports of its family in the body: the headline's toll is neither's
    body += " Another drone hit the town of Bahir Dar on Monday."
    items, _ = extract_article(Article(id="t", title=title, text=body, published=dt.date(2025, 6, 10)), gaz)
    assert {i.killed for i in dedupe(items)} == {None}
