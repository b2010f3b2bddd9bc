"""Session 36 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article


def _incidents(gaz, title, *paragraphs, published=dt.date(2025, 5, 14)):
    items, _ = extract_article(Article(id="t", title=title, text="\n\n".join(paragraphs), published=published), gaz)
    return sorted((i.place.name, i.place.admin1_gn, i.place.geo_precision) for i in dedupe(items))


def test_a_list_of_villages_the_gazetteer_lacks_is_placed_in_the_unit_that_holds_them(gaz):
    # "the villages of A, B and C in <region>": each village an incident of its own, at the region's point
    # (geo_precision 3), its name kept; not one incident at the region
    assert _incidents(gaz, "Gunmen attack villages in Tillaberi",
                      "On Monday gunmen attacked the villages of Zarbeyo, Kobangou and Tindifouma in the Tillaberi "
                      "region, killing 14 people, local officials said.") \
        == [("Kobangou", "NE.09", 3), ("Tindifouma", "NE.09", 3), ("Zarbeyo", "NE.09", 3)]
    # the settlement noun after the list; a place the gazetteer knows keeps its own point
    assert _incidents(gaz, "Attacks in the Far North",
                      "Between 10 and 12 May, armed groups stepped up attacks in Mora, Gwadimbe, Tchakirlou and "
                      "Mbalagoua localities of the Far North region.") \
        == [("Gwadimbe", "CM.12", 3), ("Mbalagoua", "CM.12", 3), ("Mora", "CM.12", 1), ("Tchakirlou", "CM.12", 3)]
    # a finer unit mapper does not know, between the list and the region: the region holds them
    assert _incidents(gaz, "Raids in the Far North",
                      "On 11 May, fighters raided homes in Gassawa and Dougoudoum villages in the Mayo-Tsanaga "
                      "division, Far North region.") == [("Dougoudoum", "CM.12", 3), ("Gassawa", "CM.12", 3)]


def _dated(gaz, title, *paragraphs, published=dt.date(2025, 5, 14)):
    items, _ = extract_article(Article(id="t", title=title, text="\n\n".join(paragraphs), published=published), gaz)
    return sorted((i.place.name, str(i.date_start), str(i.date_end)) for i in dedupe(items))


def test_the_next_sentence_that_dates_the_event_just_told_gives_it_its_day(gaz):
    # an undated sentence tells the strike; the next one, placing nothing, points back to it with its day
    assert _dated(gaz, "Missile strike on Zaporizhzhia",
                  "At least 12 people died when a missile hit a hostel in the city of Zaporizhzhia. Rescuers "
                  "worked through the night after the Sunday missile strike, the regional governor said.",
                  published=dt.date(2025, 5, 13)) == [("Zaporizhzhya", "2025-05-11", "2025-05-11")]
    # a next sentence that places its own dated event elsewhere leaves the first undated (dated by publication)
    assert _dated(gaz, "Drones hit Odesa",
                  "Drones struck the port of Odesa, officials said. It came two days after the Sunday missile "
                  "strike on Kharkiv.", published=dt.date(2025, 5, 13)) \
        == [("Kharkiv", "2025-05-11", "2025-05-11"), ("Odesa", "2025-05-13", "2025-05-13")]


def test_a_headline_does_not_make_the_bodys_dated_back_reference_redundant(gaz):
    # the title announces the attack; the body's only telling points back to it ("the rocket attack on X") with its
    # day: the body's day wins, the attack is not lost between the two
    assert _dated(gaz, "Rocket attack on Ashdod",
                  "Hamas claimed responsibility for the rocket attack on Ashdod on Monday.",
                  published=dt.date(2025, 5, 14)) == [("Ashdod", "2025-05-12", "2025-05-12")]


def test_a_day_counted_on_from_the_clauses_own_day_dates_what_follows_it(gaz):
    # "On Sunday ...; a day later ...": the second event is Monday's, in one sentence as across two
    assert _dated(gaz, "Strikes on Sumy and Poltava",
                  "On Sunday drones hit Sumy; a day later a missile struck Poltava.", published=dt.date(2025, 5, 14)) \
        == [("Poltava", "2025-05-12", "2025-05-12"), ("Sumy", "2025-05-11", "2025-05-11")]
    assert _dated(gaz, "Strikes on Sumy and Poltava",
                  "Drones hit Sumy on Sunday, and three days later a missile struck Poltava.",
                  published=dt.date(2025, 5, 14)) \
        == [("Poltava", "2025-05-14", "2025-05-14"), ("Sumy", "2025-05-11", "2025-05-11")]
    # a day the phrase is followed by names the event itself
    assert _dated(gaz, "Strikes on Sumy and Poltava",
                  "On 10 May drones hit Sumy; two days later, on 13 May, a missile struck Poltava.",
                  published=dt.date(2025, 5, 14)) \
        == [("Poltava", "2025-05-13", "2025-05-13"), ("Sumy", "2025-05-10", "2025-05-10")]


def test_places_and_days_listed_respectively_pair_in_order(gaz):
    assert _dated(gaz, "Drone strikes", "Russian drones struck Odesa and Kharkiv on Sunday and Monday respectively.",
                  published=dt.date(2025, 5, 14)) \
        == [("Kharkiv", "2025-05-12", "2025-05-12"), ("Odesa", "2025-05-11", "2025-05-11")]
    # without "respectively" each town was hit on both days
    assert _dated(gaz, "Drone strikes", "Russian drones struck Odesa and Kharkiv on 11 and 12 May.",
                  published=dt.date(2025, 5, 14)) \
        == [("Kharkiv", "2025-05-11", "2025-05-11"), ("Kharkiv", "2025-05-12", "2025-05-12"),
            ("Odesa", "2025-05-11", "2025-05-11"), ("Odesa", "2025-05-12", "2025-05-12")]


def test_the_dates_set_beside_the_reporting_period_say_what_it_is(gaz):
    # "during the reporting period (5-11 May)": 5 to 11 May, not the week before publication
    for text in ("During the reporting period (5-11 May), 14 civilians were killed in Kharkiv oblast.",
                 "During the reporting period, 5-11 May, 14 civilians were killed in Kharkiv oblast."):
        assert _dated(gaz, "Ukraine: Situation Report", text, published=dt.date(2025, 5, 14)) \
            == [("Kharkiv Oblast", "2025-05-05", "2025-05-11")], text
    # with no dates beside it, the phrase stands for the week before publication
    assert _dated(gaz, "Ukraine: Situation Report",
                  "During the reporting period, 14 civilians were killed in Kharkiv oblast.",
                  published=dt.date(2025, 5, 14)) == [("Kharkiv Oblast", "2025-05-07", "2025-05-14")]


def test_an_air_forces_own_attacks_of_no_named_weapon_are_from_the_air(gaz):
    for text in ("The Nigerian Air Force struck bandit camps in Zamfara on Monday.",
                 "The Nigerian Air Force said it killed 20 bandits in Zamfara on Monday."):
        items, _ = extract_article(Article(id="t", title="Air operations", text=text, published=dt.date(2025, 5, 14)),
                                   gaz)
        assert sorted((i.place.name, i.type) for i in dedupe(items)) == [("Zamfara", "air_strike")], text
    # an air force that reports what others did
    items, _ = extract_article(Article(id="t", title="Attack on Kharkiv", published=dt.date(2025, 5, 14),
                                       text="The air force said Russian troops attacked Vovchansk on Monday."), gaz)
    assert sorted((i.place.name, i.type) for i in dedupe(items)) == [("Vovchansk", "ground_fighting")]
