"""A situation report's own period (issue 13): "during the reporting period" is the period the
report says it covers ("It covers the period from 3-9 March 2025"), not a week counted back from
publication; and a date reaching past publication (a ceasefire due to take effect) dates no
later clause.  Sentences written here.
"""
from __future__ import annotations

import datetime as dt

from mapper.aggregate import dedupe
from mapper.extract.clause_dates import stated_period
from mapper.geo.names import key
from mapper.model import Article, DateSpan
from mapper.pipeline import extract_article

PUB = dt.date(2025, 3, 11)  # a Tuesday


def dated(services, text, title=""):
    items, _ = extract_article(Article(id="t", text=text, title=title, published=PUB), services.gazetteer)
    return {key(i.place.name): (i.date_start, i.date_end) for i in dedupe(items)}


def test_the_period_a_report_says_it_covers():
    covers = "This update is produced by the country office. It covers the period from 3-9 March 2025. Highlights"
    assert stated_period("Flash Update #12, as of 11 March 2025", covers, PUB) == \
        DateSpan(dt.date(2025, 3, 3), dt.date(2025, 3, 9), 2)
    # a title's span of days, when the body says nothing of it
    assert stated_period("Weekly Snapshot (3 - 9 March 2025)", "On 4 March, clashes broke out.", PUB) == \
        DateSpan(dt.date(2025, 3, 3), dt.date(2025, 3, 9), 2)
    # a single day is no period, nor a span that ends after publication
    assert stated_period("Situation Report, 11 March 2025", "Fighting continued.", PUB) is None
    assert stated_period("Outlook (10 - 16 March 2025)", "Rains are expected.", PUB) is None


def test_during_the_reporting_period_is_the_period_the_report_covers(services):
    text = ("It covers the period from 3-9 March 2025.\n\n"
            "During the reporting period, airstrikes hit Saada, killing four civilians.")
    assert dated(services, text)[key("Sa'dah")] == (dt.date(2025, 3, 3), dt.date(2025, 3, 9))


def test_a_date_reaching_past_publication_dates_no_later_clause(services):
    text = ("This update, finalized on 11 March, predates the announcement of a truce between the parties, which "
            "took effect on 13 March at 4 a.m. Shelling hit Kherson, wounding two people.")
    assert dated(services, text)[key("Kherson")][1] <= PUB


def test_what_a_clause_calls_recent_is_of_the_days_before_publication(services):
    # not of an older day the article told before it
    text = ("The war erupted on 15 April 2023, according to the report.\n\n"
            "Recent clashes between the two forces in Nyala have displaced an estimated 50,000 people.")
    start, end = dated(services, text)[key("Nyala")]
    assert end == PUB and (PUB - start).days <= 7


def test_a_recent_event_after_a_day_of_this_week_keeps_that_day(services):
    text = "On 9 March, drones struck Kherson. The recent strikes damaged a school in Kherson."
    assert dated(services, text)[key("Kherson")][0] == dt.date(2025, 3, 9)
