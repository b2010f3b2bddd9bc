"""Session 33 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)
from test_session31 import scenes

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article


def test_parts_joined_by_commas_each_tell_their_own_day(gaz):
    # a digest's run of clauses joined by commas alone: each place takes the day of its own part
    got = scenes(gaz, "Drones hit Poltava on 3 May, missiles struck Lutsk on 5 May, and artillery shelled "
                      "Nikopol on 8 May.")
    assert {n: i.date_start.day for n, i in got.items()} == {"Poltava": 3, "Lutsk": 5, "Nikopol": 8}
    # a day fronted before its comma belongs to the part after it
    got = scenes(gaz, "On 6 May, Russian shelling killed two men in Kupiansk, on 9 May, a drone wounded a woman in "
                      "Izium.")
    assert {n: i.date_start.day for n, i in got.items()} == {"Kupyansk": 6, "Izyum": 9}
    # the day of a part that names no place is no scene's: the statement's day after the event's
    got = scenes(gaz, "Troops recaptured Robotyne on 2 May, the general staff said on 4 May.")
    assert [(n, i.date_start.day) for n, i in got.items()] == [("Robotyne", 2)]


def test_the_side_blamed_for_strikes_is_not_where_they_fell(gaz):
    # "strikes blamed on the US": the one blamed, as "attributed to" already was
    got = scenes(gaz, "Villages near Saada have seen daily strikes blamed on the US since 2 May.")
    assert "United States" not in got
    got = scenes(gaz, "The shelling of Horlivka on 9 May, blamed on Kyiv, killed three people.")
    assert list(got) == ["Horlivka"]


def test_mortar_bombs_dropped_are_shelling(gaz):
    # a mortar's bomb is fired from the ground; bombs dropped from the air stay air strikes
    got = scenes(gaz, "On 12 May rebels dropped mortar bombs on a market in Sake.")
    assert [i.type for i in got.values()] == ["shelling"]
    got = scenes(gaz, "On 12 May Russian jets dropped two guided bombs on Kostiantynivka.")
    assert [i.type for i in got.values()] == ["air_strike"]


def test_a_legislators_seat_is_no_scene(gaz):
    # the place a member represents sent them to the legislature; nothing happened there
    got = scenes(gaz, "Gunmen attacked villages in Gusau on 12 May, killing nine. A lawmaker representing "
                      "Maru/Tsafe condemned the attack.")
    assert list(got) == ["Gusau"]
    got = scenes(gaz, "The senator for Bauchi said bandits killed six herders near Gusau on 12 May.")
    assert list(got) == ["Gusau"]


def test_what_a_place_is_threatened_with_has_not_happened(gaz):
    # "threatens X with attacks": the cue runs to "with", however long the object
    got = scenes(gaz, "Russia threatens Ukraine's southern ports with missile strikes on Mykolaiv.")
    assert got == {}
    got = scenes(gaz, "Drones hit Kursk on 12 May, and Moscow threatened Ukraine's ports with missile strikes.")
    assert list(got) == ["Kursk"]


def test_a_capital_that_hits_a_count_of_targets_is_the_attacker(gaz):
    # "Kyiv has hit several Russian energy sites": the subject of the deed, whatever its object's determiner
    got = scenes(gaz, "Kyiv has hit several Russian refineries in drone strikes since 10 May.")
    assert "Kyiv" not in got
    got = scenes(gaz, "Moscow struck dozens of Ukrainian power plants on 12 May.")
    assert "Moscow" not in got


def _story(gaz, title, *paragraphs, published=dt.date(2025, 5, 14)):
    items, _ = extract_article(Article(id="t", title=title, text="\n\n".join(paragraphs), published=published), gaz)
    return sorted((i.place.name, i.type, str(i.date_start)) for i in dedupe(items))


def test_a_wire_leads_town_is_the_story_not_a_headline(gaz):
    # one undated sentence opening the body at a town is the story's news: a later paragraph's region of the same
    # family sums it up rather than replacing it
    got = _story(gaz, "Four killed in raid", "Israeli forces shot dead four Palestinians during a raid in the city of "
                 "Tubas in the occupied West Bank, officials said.", "Israeli raids in the West Bank have become "
                 "increasingly deadly, with gunmen and civilians killed.")
    assert [n for n, _, _ in got] == ["Ţūbās"]
    # the body's event at that town still retells the lead (one incident, the body's day)
    got = _story(gaz, "Drones hit Sumy", "Russian drones struck the city of Sumy, officials said.",
                 "The drones hit an apartment block in Sumy on Tuesday, killing two people.")
    assert got == [("Sumy", "drone_strike", "2025-05-13")]


def test_a_relative_clauses_background_day_does_not_date_the_main_clause(gaz):
    # "X, which did Y a year ago, struck Z": the relative clause's day is its own; the clause tells none
    got = scenes(gaz, "Hamas, which started the war with an attack on Israel in October 2023, fired rockets at "
                      "Ashkelon, the group said.")
    assert [(n, i.date_start) for n, i in got.items()] == [("Ashkelon", dt.date(2025, 5, 14))]
    # a day of the main clause still dates it
    got = scenes(gaz, "Hamas, which started the war in October 2023, fired rockets at Ashkelon on 12 May.")
    assert [i.date_start for i in got.values()] == [dt.date(2025, 5, 12)]
    # what such a relative clause places is the recalled event's
    got = scenes(gaz, "The army blamed the attack on the M23, which rose to prominence in 2012 when its fighters "
                      "seized Goma, the largest city of the east.")
    assert "Goma" not in got


def test_an_event_days_before_another_is_dated_in_the_days_before(gaz):
    # "days after" counts no days: the event pointed back to lies in the week before the clause's day
    got = scenes(gaz, "Drones hit Kharkiv on 11 May, just days after a missile strike on Sumy.")
    assert (got["Kharkiv"].date_start, got["Kharkiv"].date_end) == (dt.date(2025, 5, 11), dt.date(2025, 5, 11))
    assert (got["Sumy"].date_start, got["Sumy"].date_end) == (dt.date(2025, 5, 4), dt.date(2025, 5, 10))
    # "in the days after" is a period after the event, not a pointer back
    got = scenes(gaz, "In the days after the strike on Sumy, troops shelled Vovchansk on 11 May.")
    assert [i.date_start for i in got.values()] == [dt.date(2025, 5, 11)]


def test_a_holders_name_before_held_is_no_governor(gaz):
    # "the Al Shabaab-held Jamame district": the holder's capitalised name is part of the modifier
    got = scenes(gaz, "Airstrikes hit the Al Shabaab-held Jilib district on 11 May.")
    assert [n for n in got] == ["Jilib"]
    got = scenes(gaz, "Drones hit the Islamic State-held town of Hajin on 11 May.")
    assert len(got) == 1


def test_a_clock_time_zone_named_by_a_town_goes_on_past_pm(gaz):
    # "At about 2:40 p.m. Moscow time on 11 May, ...": no sentence ends after "p.m.", and the town names a time zone
    got = scenes(gaz, "At about 2:40 p.m. Moscow time on 11 May, drones were shot down over the Bryansk region.")
    assert list(got) == ["Bryansk Oblast"]


def test_a_places_attempt_is_its_authors(gaz):
    # "Kyiv's attempt to carry out an attack": the capital stands for its government, the author of the attempt
    got = scenes(gaz, "Air defences on 11 May stopped Kyiv's attempt to carry out a drone attack on Russian "
                      "facilities.")
    assert "Kyiv" not in got


def test_years_told_as_a_whole_are_a_summary_not_an_event(gaz):
    # "in recent years", "over the past decade": no event's date, whatever the clause's verb
    got = scenes(gaz, "Bandits have killed thousands of people across Katsina and Sokoto states in recent years.")
    assert got == {}
    got = scenes(gaz, "Attacks in Borno have killed hundreds in recent months.")
    assert got == {}
    # an event compared with those years is one event
    got = scenes(gaz, "Gunmen killed 37 people in Gusau, the first such attack in years.")
    assert list(got) == ["Gusau"]


def test_a_since_day_in_a_perfect_relative_clause_is_its_state_of_affairs(gaz):
    # "violence that has displaced 50,000 people since January": the period is the displacement's, not the attack's
    got = scenes(gaz, "The attack on a base in Tibu came amid violence that has displaced 50,000 people since "
                      "January.")
    assert [(n, i.date_start) for n, i in got.items()] == [("Tibú", dt.date(2025, 5, 14))]


def test_a_side_named_on_the_event_word_struck_whoever_speaks(gaz):
    # "US strikes", "Israeli air strikes": the side on the event word is the attacker, not the group that reports it
    got = scenes(gaz, "Houthi rebels said on 12 May that US strikes on Saada killed four people.")
    assert [(i.actor, i.type) for i in got.values()] == [("United States", "air_strike")]
    # the attacked side told in the passive keeps its place as the victim
    got = scenes(gaz, "On 12 May two Israeli soldiers were killed in clashes in Jenin.")
    assert [i.actor for i in got.values()] == [None]
    # nor does a side that speaks of the attacks ("The UK condemns attacks"): only a modifier of the event word
    got = scenes(gaz, "The UK condemns attacks on displaced civilians in Zamzam on 12 May.")
    assert [i.actor for i in got.values()] == [None]


def test_a_tallys_period_in_a_perfect_relative_clause_dates_nothing_after_it(gaz):
    # "a city where 10 people have been killed over the past week": the tally's period is not the day the next
    # sentences tell their events on
    got = scenes(gaz, "In Tubas, a city where 10 people have been killed over the past week, mourners joined the "
                      "funeral. A boy was also killed in Jenin during an exchange of fire with Israeli forces.")
    assert (got["Janīn"].date_start, got["Janīn"].date_end) == (dt.date(2025, 5, 14), dt.date(2025, 5, 14))


def test_a_name_whose_last_word_is_possessive_runs_through_its_possessives(gaz):
    # "the Donetsk People's Republic's town of Gorlovka": one name, not Donetsk the city
    got = scenes(gaz, "Ukrainian shelling killed one civilian in the Donetsk People's Republic's town of Gorlovka "
                      "on 12 May.")
    assert list(got) == ["Horlivka"]


def test_a_district_holds_the_towns_near_it_not_its_whole_province(gaz):
    # a second-level unit's attack is summed up by a town's only near its seat, not by any town of its province
    got = _story(gaz, "Insurgents claim attacks", "On 10 May insurgents attacked a village in the Ancuabe district.",
                 "On 10 May insurgents also attacked Chiure, 70 km away.")
    assert {n for n, _, _ in got} == {"Ancuabe District", "Chiúre"}


def test_an_event_there_is_at_the_place_the_clause_named(gaz):
    # "visited Hroza today, less than 24 hours after an attack there": "there" makes the visited place the scene
    got = scenes(gaz, "The coordinator visited Kupiansk today, less than 24 hours after an attack there killed "
                      "dozens of civilians.")
    assert list(got) == ["Kupyansk"]
    got = scenes(gaz, "The coordinator visited Kupiansk today and met displaced families.")
    assert got == {}


def test_armed_men_entering_a_place_attack_it(gaz):
    # "members of a non-state armed group (NSAG) entered Egbekaw": an incursion; people fleeing into a town do not
    got = scenes(gaz, "On 12 May, suspected members of a non-state armed group (NSAG) entered Mamfe and set "
                      "houses ablaze.")
    assert [(n, i.type) for n, i in got.items()] == [("Mamfe", "ground_fighting")]
    got = scenes(gaz, "On 12 May, displaced families entered Mamfe.")
    assert got == {}


def test_a_campaigns_toll_is_no_event(gaz):
    # "the toll in the ground offensive ... stands at 367": a running count over a campaign; one strike's toll is
    # still that strike
    got = scenes(gaz, "Israel's toll in the ground offensive against Hamas in Rafah stands at 367.")
    assert got == {}
    got = scenes(gaz, "The death toll from Monday's strike on Kharkiv has risen to 12.")
    assert list(got) == ["Kharkiv"]


def test_a_hand_grenade_is_an_explosion(gaz):
    # "a grenade attack", "hurled a grenade": a bomb set off on the ground; weapons seized are no event
    got = scenes(gaz, "On 12 May, 12 civilians were injured in a grenade attack near a market in Srinagar.")
    assert [i.type for i in got.values()] == ["explosion"]
    got = scenes(gaz, "On 12 May militants hurled a grenade at a police post in Anantnag.")
    assert [i.type for i in got.values()] == ["explosion"]
    got = scenes(gaz, "On 12 May troops seized grenades and rifles in Srinagar.")
    assert got == {}
