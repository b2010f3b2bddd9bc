"""Session 31 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article, geoparse_article


def scenes(gaz, text, title="Update", published=dt.date(2025, 5, 14)):
    items, _ = extract_article(Article(id="t", text=text, title=title, published=published), gaz)
    return {i.place.name: i for i in dedupe(items)}


def placed(gaz, text):
    return {r.mention.name: r.reason for r in geoparse_article(Article(id="t", title="Debate", text=text), gaz)}


def test_titles_and_constituencies_in_parliamentary_records_are_no_places(gaz):
    # a peer's territorial designation, a bishop's see and a member's constituency name no place of the story
    got = placed(gaz, "Baroness Smith of Leeds (Lab)\nMy Lords, what has been done since the shelling of Kharkiv? "
                      "The Lord Bishop of Norwich raised it too. Ann Tullis (Sheffield) (Lab) asked the same.")
    assert got["Leeds"] == "a title's territorial designation"
    assert got["Norwich"] == "a title's territorial designation"
    assert got["Sheffield"] == "a member's constituency"
    assert got["Kharkiv"] == ""
    # the same towns told as places stay places
    got = placed(gaz, "Flooding hit Leeds and Norwich (UK) on Monday; Lord Smith visited Leeds.")
    assert got["Leeds"] == "" and got["Norwich"] == ""
    # a village the gazetteer lacks is not drawn at the peer's town: the title gives the story no focus there
    got = scenes(gaz, "Lord Grey of Manchester (CB)\nMy Lords, what happened in Bwelenge village on Sunday, when "
                      "gunmen killed 30 people?", title="Democratic Republic of the Congo: attacks")
    assert all(i.place.country != "GB" for i in got.values())


def test_karabakh_alone_is_the_region(gaz):
    # since 2023 news names the region without "Nagorno"
    got = scenes(gaz, "Azerbaijan launched a military offensive in Karabakh on Tuesday, killing 27 people.",
                 published=dt.date(2023, 9, 21))
    assert list(got) == ["Nagorno-Karabakh"] and got["Nagorno-Karabakh"].date_start == dt.date(2023, 9, 19)


def test_a_region_told_by_in_after_a_town_only_says_where_the_town_lies(gaz):
    # "X in Y": Y names the region (a governorate, a named region) that holds X, no scene of its own
    got = scenes(gaz, "On 12 May, Israeli forces killed three Palestinians in Tammun in Tubas.")
    assert list(got) == ["Ţammūn"] and got["Ţammūn"].killed == 3
    got = scenes(gaz, "Clashes in Kutum village in Darfur killed 8 people on 11 May.")
    assert list(got) == ["Kutum"] and got["Kutum"].killed == 8
    # two towns stay two places
    got = scenes(gaz, "On 12 May, Russian drones struck Odesa and missiles hit Kharkiv in the morning.")
    assert set(got) == {"Odesa", "Kharkiv"}


def test_another_days_bomb_types_no_attack(gaz):
    # a roadside bomb told in one paragraph is one device on one day: an "attack" on another day is no bombing
    got = scenes(gaz, "On 11 May, armed groups carried out a large-scale attack on the town of Djibo, targeting "
                      "military positions.\n\nOn 9 May, an improvised explosive device exploded under a bus near "
                      "Kaya, killing four passengers.", published=dt.date(2025, 5, 12))
    assert got["Djibo"].type == "ground_fighting" and got["Kaya"].type == "explosion"
    # the same day's attack may be that bomb's
    got = scenes(gaz, "On 9 May, an attack on a market in Djibo killed four people.\n\nOn 9 May, an improvised "
                      "explosive device exploded in the market, police said.", published=dt.date(2025, 5, 12))
    assert got["Djibo"].type == "explosion"
    # a campaign's strikes are told by their weapon whatever the day
    got = scenes(gaz, "On 11 May, Israeli airstrikes hit Nabatieh.\n\nOn 13 May, Israel attacked a warehouse in "
                      "Tyre, killing six people.", published=dt.date(2025, 5, 14))
    assert got["Tyre"].type == "air_strike"


def test_killings_told_by_a_means_on_foot_are_no_strike_from_afar(gaz):
    # an article whose first weapon is a drone: the attacks it tells by shooting, hacking and looting are fought on foot
    got = scenes(gaz, "Drones hit Kadugli on 10 May. On 12 May, attacks on villages near Kutum killed 40 people, with "
                      "gunmen shooting at civilians and looting homes.")
    assert got["Kadugli"].type == "drone_strike" and got["Kutum"].type == "ground_fighting"
    got = scenes(gaz, "Drones hit Kadugli on 10 May. On 12 May, 15 villagers were hacked to death in an attack near "
                      "Kutum.")
    assert got["Kutum"].type == "ground_fighting"
    # a bomb set off with the shooting: the shooting does not make it a battle
    got = scenes(gaz, "Drones hit Kadugli on 10 May. On 12 May, an attacker opened fire and detonated an explosive "
                      "device inside a church in Kutum.")
    assert got["Kutum"].type != "ground_fighting"


def test_killings_told_by_how_give_their_toll(gaz):
    from mapper.extract.casualties import casualties
    assert casualties("On 3 June, 12 villagers were hacked to death near Beni.")[0] == 12
    assert casualties("Gunmen shot dead nine farmers in Zamfara on Monday.")[0] == 9
    assert casualties("Militants beheaded four men in Cabo Delgado.")[0] == 4
    assert casualties("Seven people were burned alive in their homes.")[0] == 7
    assert casualties("Assailants gunned down two teachers.")[0] == 2
    # alive and well is no toll
    assert casualties("Three hostages were found alive on Monday.") == (None, None)


def test_a_strike_that_sets_a_fire_is_no_arson(gaz):
    got = scenes(gaz, "Ukrainian drones hit Bryansk on Tuesday. On Wednesday, a Ukrainian strike set an oil depot on "
                      "fire near Rostov.")
    assert got["Rostov-on-Don"].type == "drone_strike"
    # people who set fire on the ground commit arson
    got = scenes(gaz, "On Wednesday, settlers set fire to three cars in Huwwara.")
    assert got["Ḩuwwārah"].type == "sabotage"


def test_hits_told_as_a_noun_are_strikes(gaz):
    # a presidential address: "there were hits in the X, Y and Z regions"
    got = scenes(gaz, "Today Russia launched missiles and drones at our energy system. Unfortunately, there were hits "
                      "in the Volyn and Rivne regions.")
    assert set(got) == {"Volyn Oblast", "Rivne Oblast"}
    assert all(i.date_start == dt.date(2025, 5, 14) for i in got.values())
    # a verb's third person is one too
    got = scenes(gaz, "On Tuesday a Russian glide bomb hits a school in Zaporizhzhia, officials say.")
    assert got["Zaporizhzhya"].type == "air_strike"


def test_a_titles_weaponless_attack_is_the_bodys_event_at_that_place(gaz):
    got = scenes(gaz, "The United States condemns Russia's strike on a market in Kramatorsk on 12 May, which killed "
                      "nine civilians.", title="Statement on the attack on Kramatorsk market")
    assert list(got) == ["Kramatorsk"] and got["Kramatorsk"].type == "missile_strike"
    # a title that names its own kind of event keeps it ("raid" is fought on the ground)
    got = scenes(gaz, "Israeli jets struck sites near Masyaf on 12 May.", title="Israeli commando raid on Masyaf")
    assert len(got) == 1  # (scenes keys by place: check the types on the incidents themselves)
    items, _ = extract_article(Article(id="t", text="Israeli jets struck sites near Masyaf on 12 May.",
                                       title="Israeli commando raid on Masyaf", published=dt.date(2025, 5, 14)), gaz)
    assert {i.type for i in dedupe(items)} == {"air_strike", "ground_fighting"}


def test_the_side_that_answers_is_the_attacker_of_its_part(gaz):
    items, _ = extract_article(Article(id="t", title="Update", published=dt.date(2025, 5, 14),
                                       text="On Monday, Hamas fired rockets at Sderot, and Israel retaliated with a "
                                            "wave of airstrikes in Rafah."), gaz)
    by = {i.place.name: i.actor for i in dedupe(items)}
    assert by == {"Sderot": "Hamas", "Rafaḩ": "Israel"}
    # with no answer the first side stays the attacker of every place
    items, _ = extract_article(Article(id="t", title="Update", published=dt.date(2025, 5, 14),
                                       text="On Monday, Hamas fired rockets at Sderot and Ashkelon."), gaz)
    assert {i.actor for i in dedupe(items)} == {"Hamas"}


def test_an_event_named_by_its_year_is_defined_not_hypothetical(gaz):
    # an encyclopedia's lead: the year names the event, the definition after the copula tells it
    got = scenes(gaz, "The 2025 Mellit attack was an attack by the Rapid Support Forces on the town of Mellit in North "
                      "Darfur on 10 May 2025.", title="2025 Mellit attack")
    assert got["Mellit"].date_start == dt.date(2025, 5, 10) and got["Mellit"].actor == "Rapid Support Forces"
    # the year still marks its own noun phrase as history: "the 2022 Istanbul talks" are no meeting today
    got = scenes(gaz, "Negotiators recalled the 2022 Istanbul talks on Monday.")
    assert "Istanbul" not in got


def test_a_region_in_brackets_after_a_settlement_word_only_qualifies(gaz):
    # OCHA gives the governorate in brackets, after "town" or "village" too
    got = scenes(gaz, "On 12 May, settlers set fire to two homes in Duma village (Nablus) and three in Qusra (Nablus).")
    assert set(got) == {"Dūmā", "Quşrah"}
    got = scenes(gaz, "On 12 May, Israeli forces killed two Palestinians in Tammun town (Tubas).")
    assert list(got) == ["Ţammūn"]


def test_a_compass_word_before_a_town_qualifies_nothing(gaz):
    # "in North-Western Sydney": the compass word modifies Sydney; it is no region holding the town before it
    got = {r.mention.name: r.place for r in geoparse_article(Article(
        id="t", title="Horse flu", text="Infections were confirmed at Cattai and Wilberforce in North-Western Sydney."),
        gaz) if r.place is not None}
    assert got["Wilberforce"].country == "AU"
