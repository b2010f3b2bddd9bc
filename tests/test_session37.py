"""Session 37 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article


def _items(gaz, title, paragraphs, published):
    """The deduplicated incidents of an article made of ``paragraphs``."""
    items, _ = extract_article(Article(id="t", title=title, text="\n\n".join(paragraphs), published=published), gaz)
    return dedupe(items)


def _typed(gaz, title, *paragraphs, published=dt.date(2025, 5, 14)):
    return sorted((i.place.name, i.type, str(i.date_start)) for i in _items(gaz, title, paragraphs, published))


def test_a_heading_in_the_body_is_the_event_its_paragraph_places_at_the_same_place(gaz):
    # a digest's item heading, in sentence case, over the paragraph that tells the strikes there: one incident,
    # the paragraph's (not a second one of "fighting" on the day of publication)
    assert _typed(gaz, "Daily digest: Sudan, Ukraine",
                  "Sudan",
                  "Hostilities force thousands from their homes in El Fasher",
                  "Artillery shells struck markets and shelters in El Fasher on Monday, killing "
                  "eleven people, aid workers said.") == [("El Fasher", "shelling", "2025-05-12")]
    # a heading whose place the paragraphs under it do not place stays an incident of its own
    assert _typed(gaz, "Daily digest: Sudan, Ukraine",
                  "Sudan",
                  "Fighting forces thousands from their homes in Kadugli",
                  "Artillery shells struck markets and shelters in El Fasher on Monday, killing "
                  "eleven people, aid workers said.") \
        == [("El Fasher", "shelling", "2025-05-12"), ("Kadugli", "ground_fighting", "2025-05-14")]


def _places(gaz, title, *paragraphs, published=dt.date(2025, 5, 14)):
    return sorted(i.place.name for i in _items(gaz, title, paragraphs, published))


def test_a_place_after_with_that_an_absolute_phrase_says_was_hit_is_the_scene(gaz):
    # "with X among the cities hit": X is where the strike landed, not a partner of "with"
    assert _places(gaz, "Overnight attack",
                   "Russia launched 310 drones and 12 missiles at Ukraine overnight, the air force said, with the "
                   "western city of Rivne among those hit.") == ["Rivne"]
    assert _places(gaz, "Overnight attack",
                   "Russian drones struck Ukraine overnight, with Poltava and Sumy the hardest hit.") \
        == ["Poltava", "Sumy"]
    # "with" of a partner stays a partner
    assert _places(gaz, "Talks",
                   "Ukraine held talks with Poland on Tuesday after Russian drones struck Rivne overnight.") == ["Rivne"]


def _days(gaz, title, *paragraphs, published=dt.date(2025, 5, 14)):
    return sorted((i.place.name, str(i.date_start), str(i.date_end)) for i in _items(gaz, title, paragraphs, published))


def test_days_written_out_one_by_one_are_one_strike_each(gaz):
    # "on D1 and again on D2" with each date in full: a city hit on two days is two strikes (not one of two days)
    assert _days(gaz, "Glide bombs on Sumy",
                 "Russian aircraft struck Sumy with glide bombs on 7 May and again on 9 May, the regional "
                 "administration said.") \
        == [("Sumy", "2025-05-07", "2025-05-07"), ("Sumy", "2025-05-09", "2025-05-09")]
    # a weekday and a night (published Wednesday 14 May: Sunday the 11th, Tuesday night the 13th to 14th)
    assert _days(gaz, "Drones on Poltava",
                 "Russian drones hit Poltava on Sunday and again on Tuesday night, the mayor said.") \
        == [("Poltava", "2025-05-11", "2025-05-11"), ("Poltava", "2025-05-13", "2025-05-14")]
    # a period between two dates stays one period
    assert _days(gaz, "Shelling of Kherson",
                 "Russian forces shelled Kherson between 7 May and 9 May, the governor said.") \
        == [("Kherson", "2025-05-07", "2025-05-09")]


def test_a_name_that_was_killed_is_a_person_not_the_scene(gaz):
    # people named like places ("Maia", a Portuguese town; "Lucy", a French village) are who was harmed
    assert _places(gaz, "Shooting near Hebron",
                   "On Friday, Lucy and Maia were shot dead at a checkpoint near Hebron, the army said.") == ["Hebron"]
    assert _places(gaz, "Statement",
                   "The minister called her counterpart on Saturday, shortly after Maia had been murdered in a "
                   "shooting attack in the Jordan Valley.") == []
    # the people of a place were killed there: the place stays the scene
    assert _places(gaz, "Missile strike",
                   "A missile struck the village of Hroza on Thursday. One in five of the people of Hroza were "
                   "killed that day.", published=dt.date(2023, 10, 7)) == ["Hroza"]


def test_a_list_of_regions_after_the_colon_of_an_event_is_where_it_happened(gaz):
    # "strikes continued this night: Odesa region, Kharkiv region": the regions are the strikes' scenes
    assert _places(gaz, "Evening address",
                   "Russian strikes on our energy infrastructure continued last night: Poltava region, Sumy region.") \
        == ["Poltava Oblast", "Sumy Oblast"]
    # a colon that labels a speaker or a document opens no such list
    assert _places(gaz, "Interview",
                   "MINISTER: Last night the United States and the United Kingdom carried out missile strikes on "
                   "Houthi targets in Yemen.") == ["Yemen"]


def test_an_explosive_device_goes_off_unless_it_was_found_or_made_safe(gaz):
    # "an explosive device" (not only an improvised one) is a blast on the ground, not a missile
    assert _typed(gaz, "Attack in the Centre-Nord",
                  "On 12 May, four civilians were killed when their minibus hit an explosive device near Kaya.") \
        == [("Kaya", "explosion", "2025-05-12")]
    # a device found, defused or destroyed in a controlled detonation did not go off
    assert _typed(gaz, "Kherson",
                  "Sappers defused an explosive device found near a kindergarten in Kherson on Monday.") == []
    assert _typed(gaz, "Kherson", "Police found a landmine near a school in Kherson on Monday.") == []


def test_wounds_from_live_ammunition_are_a_shooting_whatever_weapon_the_article_names(gaz):
    # a story of air strikes: a death by live fire elsewhere is no air strike
    assert _typed(gaz, "West Bank and Gaza",
                  "Israeli air strikes hit Khan Younis on Monday, killing 12 people.",
                  "On Tuesday, a Palestinian died of wounds sustained by live ammunition during an operation in "
                  "Qalqiliya.") \
        == [("Khān Yūnis", "air_strike", "2025-05-12"), ("Qalqīlyah", "ground_fighting", "2025-05-13")]


def test_people_killed_by_forces_on_the_ground_with_no_weapon_named_is_ground_fighting(gaz):
    # an article of air strikes: "security forces have killed" with no weapon named is no air strike
    assert _typed(gaz, "West Bank",
                  "Israeli air strikes hit Khan Younis on Monday, killing 12 people.",
                  "On Tuesday, Israeli security forces killed two Palestinians in Qalqiliya.") \
        == [("Khān Yūnis", "air_strike", "2025-05-12"), ("Qalqīlyah", "ground_fighting", "2025-05-13")]
    # a homestead destroyed by forces on the ground
    assert _typed(gaz, "West Bank",
                  "Israeli air strikes hit Khan Younis on Monday, killing 12 people.",
                  "On Tuesday, a greenhouse was destroyed by Israeli forces in Qalqiliya.")[1][1] != "air_strike"


def test_a_gathering_the_attack_struck_is_its_scene(gaz):
    # "after a rally in X" with no verb of its own: the attack was there, when the rally ended
    assert _places(gaz, "Election violence",
                   "Armed groups have stepped up attacks across the country. On 9 May, assailants gunned down a "
                   "mayoral candidate after a rally in Guayaquil.") == ["Guayaquil"]
    # another moment's gathering ("a day after a rally in Kyiv") and talks stay no scene
    assert _places(gaz, "Drone strike",
                   "The drone strike on Sumy on Tuesday came a day after a rally in Kyiv.") == ["Sumy"]


def test_a_title_over_a_body_that_dates_its_event_to_past_days_gives_nothing(gaz):
    # an encyclopaedia page read a year later: the body spells out the battle's days, long before publication, so
    # the title's battle is background, not an event of the publication day
    assert _days(gaz, "Battle of Kassab (2024)",
                 "The Battle of Kassab was fought between the army and rebels in the town of Kassab from 2 to 9 "
                 "May 2024.", published=dt.date(2025, 5, 20)) == []
    # read while it was news, the battle is the body's, on its days
    assert _days(gaz, "Battle of Kassab (2025)",
                 "The Battle of Kassab was fought between the army and rebels in the town of Kassab from 2 to 9 "
                 "May 2025.", published=dt.date(2025, 5, 20)) == [("Kassab", "2025-05-02", "2025-05-09")]


def test_names_that_share_a_plural_unit_word_are_each_a_scene(gaz):
    # "in Rutshuru and Masisi territories": Masisi has no town of its name in the gazetteer, so it is the territory;
    # it is Rutshuru's sibling, 100 km off, not the district that holds it
    assert _places(gaz, "DRC: armed group attacks in North Kivu",
                   "On 3 May, armed groups attacked villages in Rutshuru and Masisi territories, killing 12 "
                   "civilians.") == ["Masisi Territory", "Rutshuru"]
    # towns named after their unit stay the towns ("Bannu and Lakki Marwat districts")
    assert _places(gaz, "Pakistan",
                   "On 3 May, militants attacked police posts in Bannu and Lakki Marwat districts, killing five "
                   "officers.") == ["Bannu", "Lakki"]


def test_a_sentence_broken_across_a_line_break_is_read_whole(gaz):
    # a hard-wrapped text (a PDF's copy): the line ends in a comma, the sentence goes on below
    assert _places(gaz, "Weekly snapshot",
                   "On 5 May, simultaneous attacks on Djibo,\nArbinda and Kaya forced 5,000 people to flee to "
                   "Ouagadougou.") == ["Aribinda", "Djibo", "Kaya"]
    # a line that ends a sentence, or a heading over a paragraph, stays a line of its own
    assert _places(gaz, "Weekly snapshot",
                   "On 5 May, armed groups attacked Djibo.\nAid agencies were sending food to Kaya.") == ["Djibo"]


def test_a_compass_word_before_a_unit_word_is_the_unit_of_that_name(gaz):
    # "the South governorate" of Lebanon (the compass word alone names nothing)
    assert _places(gaz, "Lebanon: Flash Update",
                   "On 12 May, Israeli airstrikes hit the South governorate, killing 11 people.") == ["South Governorate"]
    # first in a list that ends in the plural unit word
    assert _places(gaz, "Lebanon: Flash Update",
                   "On 12 May, Israeli airstrikes hit the South, Nabatieh and Mount Lebanon governorates.") \
        == ["Mount Lebanon", "Nabatieh", "South Governorate"]
    # a unit of that name only in a country the story names: "the East region" of a story about Ukraine is no
    # Cameroonian province
    assert _places(gaz, "Ukraine",
                   "On 12 May, Russian forces attacked the East region, Ukraine's army said.") == []


def test_a_town_the_gazetteer_writes_as_one_word_is_found_under_its_two_word_name(gaz):
    # GeoNames writes the town Laascaanood; "Laas Caanood" names only its district, placed at its region's point
    assert _items(gaz, "Somalia", ["On 12 May, clashes broke out in Laas Caanood, residents said."],
                  dt.date(2025, 5, 14))[0].place.name == "Laascaanood"


def test_a_question_that_asks_to_condemn_an_event_presupposes_it(gaz):
    # a parliamentary question asks for the minister's stance, not whether the attack happened
    assert _places(gaz, "Ukraine (House of Commons)",
                   "Will the Minister join me in condemning the Russian missile attack on Poltava yesterday, which "
                   "killed six people?") == ["Poltava"]
    assert _places(gaz, "Ukraine (House of Commons)",
                   "Does the Minister agree that the drone strikes on Sumy on Monday were a war crime?") == ["Sumy"]
    # a question whether something will happen still tells nothing
    assert _places(gaz, "Gaza", "Will the ceasefire hold after the strikes on Rafah?") == []


def test_who_died_is_no_attacker(gaz):
    # "a Palestinian died of wounds": the demonym is the victim's side, not the actor
    items = _items(gaz, "West Bank", ["Israeli air strikes hit Khan Younis on Monday, killing 12 people.",
                                      "On Tuesday, a Palestinian died of wounds sustained by live ammunition during "
                                      "an operation in Qalqiliya."], dt.date(2025, 5, 14))
    assert sorted((i.place.name, i.actor) for i in items) == [("Khān Yūnis", "Israel"), ("Qalqīlyah", None)]
