"""Session 29 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_geo_context import places
from test_scope import gaz  # noqa: F401  (the fixture)

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article


def test_a_hyphenated_compass_word_before_the_holder_keeps_the_place_inside_it(services):
    # "Chora district of the south-western Urozgan province": the holder is Urozgan whatever the compass
    # word's spelling, so Chora is the Afghan district, not the Greek island town Chios is also called
    for compass in ("south-western", "south western", "southwestern", "southern"):
        got = places(services, f"Taliban fighters attacked a checkpoint in Chora district of the {compass} "
                               "Urozgan province, officials said.")
        assert got["Chora"][2] == "AF" and got["Chora"][4] == 3, compass


def scenes(gaz, text, title="Update", published=dt.date(2025, 5, 14)):
    items, _ = extract_article(Article(id="t", text=text, title=title, published=published), gaz)
    return {i.place.name: i for i in dedupe(items)}


def test_a_town_that_came_under_fire_of_any_degree_was_attacked(gaz):
    # "came under fire" told with words of degree or kind between "under" and "fire"
    for told in ("increasingly regular", "near-constant", "renewed heavy", "Russian"):
        got = scenes(gaz, f"On 12 May, the town of Orikhiv came under {told} fire, regional officials said.")
        assert "Orikhiv" in got and got["Orikhiv"].date_start == dt.date(2025, 5, 12), told
    # criticism is no attack, whatever word it is told with
    for told in ("political", "public", "media"):
        got = scenes(gaz, f"On 12 May, the governor of Zaporizhzhia came under {told} fire for the evacuation plan.")
        assert not got, told


def test_goods_used_in_attacks_make_no_attack_where_their_makers_are(gaz):
    # a sanctions release: the entities' countries are no scenes of the attacks their goods were used in
    got = scenes(gaz, "Today, the Treasury sanctioned 12 entities in China and the United Arab Emirates for supplying "
                      "components used in Russia's drone attacks on Ukraine.")
    assert "China" not in got and "United Arab Emirates" not in got
    got = scenes(gaz, "The EU listed firms in Kazakhstan selling electronics that were used for missile strikes.")
    assert "Kazakhstan" not in got
    # a force that uses its weapons in attacks still attacks
    got = scenes(gaz, "On 11 May, Russia used Shahed drones in attacks on Odesa, the regional governor said.")
    assert got["Odesa"].type == "drone_strike" and got["Odesa"].date_start == dt.date(2025, 5, 11)


def test_events_two_leaders_discussed_are_topics_unless_dated(gaz):
    # a readout: what was discussed is the topic of a talk, not an event reported
    got = scenes(gaz, "The two presidents discussed the situation in the Middle East, including Israeli strikes in "
                      "Gaza and Lebanon, and exchanged views on the shelling of Zaporizhzhia.",
                 title="Telephone conversation with the President of Turkey")
    assert not got
    # a strike the leaders discussed that the clause dates is told
    got = scenes(gaz, "The leaders discussed the Russian missile strike on Dnipro early this morning.",
                 title="PM call with President Zelenskyy")
    assert got["Dnipro"].type == "missile_strike" and got["Dnipro"].date_start == dt.date(2025, 5, 14)


def _days(inc):
    return inc.date_start.isoformat(), inc.date_end.isoformat()


def test_coordinated_parts_told_by_day_names_each_keep_their_own_day(gaz):
    pub = dt.date(2025, 2, 26)  # a Wednesday
    got = scenes(gaz, "Russian shelling killed two people in Kherson on Sunday, and on Monday drones struck Odesa.",
                 published=pub)
    # one day each (not both days for both towns)
    assert _days(got["Kherson"]) == ("2025-02-23", "2025-02-23") and got["Kherson"].type == "shelling"
    assert _days(got["Odesa"]) == ("2025-02-24", "2025-02-24") and got["Odesa"].type == "drone_strike"
    items, _ = extract_article(Article(id="t", text="Russian shelling killed two people in Kherson on Sunday, and on "
                                       "Monday drones struck Odesa.", title="Update", published=pub), gaz)
    assert len(dedupe(items)) == 2
    # a part told by a range ("over the weekend") and one by a day
    got = scenes(gaz, "Over the weekend, gunmen attacked a village near Djibo, and on Monday an airstrike hit Dori.",
                 published=pub)
    assert _days(got["Djibo"]) == ("2025-02-22", "2025-02-23") and _days(got["Dori"]) == ("2025-02-24", "2025-02-24")
    # each part is typed as a clause of its own: the gunmen's attack is not the airstrike
    assert got["Djibo"].type == "ground_fighting" and got["Dori"].type == "air_strike"
    # one period told by its two ends stays one
    got = scenes(gaz, "Between Sunday and Tuesday, drones struck Odesa and Izmail.", published=pub)
    assert _days(got["Odesa"]) == ("2025-02-23", "2025-02-25") == _days(got["Izmayil"])


def test_a_force_that_speaks_after_the_event_is_not_its_attacker(gaz):
    text = ("Iran fired about 180 ballistic missiles at Israel on Tuesday evening. Some struck near the Nevatim air "
            "base, the Israeli military said.")
    got = scenes(gaz, text, published=dt.date(2024, 10, 2))
    inc = got["Nevatim Air Base"]
    assert (inc.actor, inc.type) == ("Iran", "missile_strike")
    # a force that says it did the deed is its author
    got = scenes(gaz, "On Tuesday, the Israeli military said it struck Hezbollah targets in Tyre.",
                 published=dt.date(2024, 10, 2))
    assert got["Tyre"].actor == "Israel"


def test_an_attack_on_a_ship_told_by_its_distance_off_a_port_is_one_stand_off_strike(gaz):
    got = scenes(gaz, "Yemen's Houthi rebels attacked a Liberian-flagged oil tanker in the Red Sea on Tuesday, about 64 "
                      "nautical miles west of Hodeidah, a maritime security agency said.",
                 published=dt.date(2024, 10, 2))
    # one incident, at the point the distance gives (the sea it lies in sums it up), from afar: no fight on the ground
    assert len(got) == 1
    (name, inc), = got.items()
    assert "nautical miles west of" in name and inc.type == "missile_strike" and inc.place.geo_precision == 2


def test_a_headline_s_attacks_are_the_body_s_attacks_inside_its_place_of_any_type(gaz):
    text = ("The UK condemns the attack by Israeli settlers on the village of Jit near Qalqilya on 15 August, in which a "
            "Palestinian man was killed and homes and vehicles were set on fire.")
    got = scenes(gaz, text, title="UK statement on attacks in the West Bank", published=dt.date(2024, 8, 28))
    assert list(got) == ["Jīt"] and got["Jīt"].type == "other"
    # a headline over a body that tells nothing there still tells its own incident
    got = scenes(gaz, "The UK condemns the violence.", title="Deadly attacks in the West Bank on 27 August",
                 published=dt.date(2024, 8, 28))
    assert "West Bank" in got


def test_the_date_of_an_event_the_clause_answers_is_not_the_answer_s_date(gaz):
    pub = dt.date(2024, 2, 5)
    # the date as the pointed-back event's modifier ("in response to the January 28 drone attack")
    got = scenes(gaz, "U.S. forces struck seven facilities in Iraq and Syria on Friday, February 2, in response to the "
                      "January 28 drone attack that killed three U.S. soldiers.", published=pub)
    assert _days(got["Iraq"]) == ("2024-02-02", "2024-02-02") == _days(got["Syria"])
    # the pointed-back events listed on ("attacks on U.S. forces, to include the attack in X on January 28th")
    text = ("In response to continuing attacks against U.S. forces, to include the attack in northeastern Jordan on "
            "January 28th, which killed three U.S. servicemembers, U.S. forces conducted strikes February 2nd on seven "
            "facilities in Iraq and Syria.")
    got = scenes(gaz, text, published=pub)
    assert _days(got["Iraq"]) == ("2024-02-02", "2024-02-02")
    assert _days(got["northeastern Jordan"]) == ("2024-01-28", "2024-01-28")


def test_officials_who_say_drones_struck_are_not_the_drones_side(gaz):
    got = scenes(gaz, "On Tuesday, Ukrainian officials said drones hit an apartment block in Odesa.",
                 published=dt.date(2024, 10, 2))
    assert got["Odesa"].actor is None
    # the side named on the weapon itself is its side
    got = scenes(gaz, "On Tuesday, Ukrainian long-range drones hit an oil refinery in Ryazan, officials said.",
                 published=dt.date(2024, 10, 2))
    assert got["Ryazan’"].actor == "Ukraine"


def test_a_placeless_strike_is_placed_by_the_sentence_that_names_its_targets(gaz):
    text = ("Today, Russia once again struck our energy infrastructure. Sixty-seven missiles and almost two hundred "
            "drones. The main targets were gas production facilities in Kharkiv and Poltava regions and energy in "
            "Odesa and Ternopil regions.")
    got = scenes(gaz, text, title="Address by the President", published=dt.date(2025, 3, 8))
    assert {n for n, i in got.items() if i.type == "missile_strike" and i.date_start == dt.date(2025, 3, 8)} == {
        "Kharkiv Oblast", "Poltava Oblast", "Odesa Oblast", "Ternopil Oblast"}
    # a sentence of what the targets were, with no place, does not replace the event its paragraph placed
    text = ("U.S. forces conducted air strikes on 2 February on facilities in Iraq and Syria. The facilities struck "
            "included rockets and missiles. In Iraq, the targets were located in the vicinity of Al-Qaim.")
    got = scenes(gaz, text, published=dt.date(2024, 2, 5))
    assert got["Al Qā’im"].type == "air_strike"


def test_a_vehicle_driven_into_people_is_no_battle(gaz):
    pub = dt.date(2025, 1, 10)
    for told in ("a man drove a truck into a crowd celebrating the New Year, killing 14 people",
                 "a car rammed into pedestrians at a bus stop, killing two people"):
        got = scenes(gaz, f"In the attack in Magdeburg on 1 January, {told}.", published=pub)
        assert got["Magdeburg"].type == "other", told
    # gunmen who attack fight
    got = scenes(gaz, "On 1 January, gunmen attacked a police post in Magdeburg, killing two officers.", published=pub)
    assert got["Magdeburg"].type == "ground_fighting"
