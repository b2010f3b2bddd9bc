"""Session 37 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article


def _typed(gaz, title, *paragraphs, published=dt.date(2025, 5, 14)):
    items, _ = extract_article(Article(id="t", title=title, text="\n\n".join(paragraphs), published=published), gaz)
    return sorted((i.place.name, i.type, str(i.date_start)) for i in dedupe(items))


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
    items, _ = extract_article(Article(id="t", title=title, text="\n\n".join(paragraphs), published=published), gaz)
    return sorted(i.place.name for i in dedupe(items))


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

