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

