"""Tests for mapper.extract.dates and clause_dates: every supported form, bullets and clause dating."""
from __future__ import annotations

import datetime as dt

import pytest

from mapper.extract.clause_dates import clause_date
from mapper.extract.dates import bullet_date, find_dates, span_precision
from mapper.extract.relative_dates import easter_sunday
from mapper.model import DateSpan

D = dt.date
REF = D(2025, 11, 25)  # a Tuesday


def _span(start: dt.date, end: dt.date | None = None, precision: int = 1) -> DateSpan:
    return DateSpan(start, end or start, precision)


@pytest.mark.parametrize(
    ("text", "expr", "expected"),
    [
        ("12 November 2025", "12 November 2025", _span(D(2025, 11, 12))),
        ("November 12, 2025", "November 12, 2025", _span(D(2025, 11, 12))),
        ("NOVEMBER 12, 2025", "NOVEMBER 12, 2025", _span(D(2025, 11, 12))),
        ("Nov. 12", "Nov. 12", _span(D(2025, 11, 12))),
        ("12 Nov", "12 Nov", _span(D(2025, 11, 12))),
        ("the 1st of December", "1st of December", _span(D(2025, 12, 1))),
        ("12 may 2025", "12 may 2025", _span(D(2025, 5, 12))),
        ("May 9", "May 9", _span(D(2025, 5, 9))),
        ("Sept. 3, 2024", "Sept. 3, 2024", _span(D(2024, 9, 3))),
        ("14-19 November 2025", "14-19 November 2025", _span(D(2025, 11, 14), D(2025, 11, 19), 2)),
        ("14–19 November", "14–19 November", _span(D(2025, 11, 14), D(2025, 11, 19), 2)),
        ("20-21 November 2025", "20-21 November 2025", _span(D(2025, 11, 20), D(2025, 11, 21), 2)),
        ("November 14 to 19", "November 14 to 19", _span(D(2025, 11, 14), D(2025, 11, 19), 2)),
        ("November 14-19", "November 14-19", _span(D(2025, 11, 14), D(2025, 11, 19), 2)),
        # a night told by its two days with a slash: "the night of 5/6 November", "31 December 2024/1 January 2025"
        ("on the night of 5/6 November", "5/6 November", _span(D(2025, 11, 5), D(2025, 11, 6), 2)),
        ("during the night of 31 December 2024/1 January 2025", "31 December 2024/1 January 2025",
         _span(D(2024, 12, 31), D(2025, 1, 1), 2)),
        ("from 14 to 19 November", "14 to 19 November", _span(D(2025, 11, 14), D(2025, 11, 19), 2)),
        ("1-10 November 2025", "1-10 November 2025", _span(D(2025, 11, 1), D(2025, 11, 10), 3)),
        ("30 November - 2 December 2025", "30 November - 2 December 2025",
         _span(D(2025, 11, 30), D(2025, 12, 2), 2)),
        ("November 30 to December 9", "November 30 to December 9",
         _span(D(2025, 11, 30), D(2025, 12, 9), 3)),
        ("December 30 - January 2", "December 30 - January 2",
         _span(D(2025, 12, 30), D(2026, 1, 2), 2)),
        ("2025-11-12", "2025-11-12", _span(D(2025, 11, 12))),
        ("on 25/11/2025", "25/11/2025", _span(D(2025, 11, 25))),
        ("on 11/25/2025", "11/25/2025", _span(D(2025, 11, 25))),
        ("on 05/05/2025", "05/05/2025", _span(D(2025, 5, 5))),  # day and month the same: either way one day
        ("on 12.11.2025", "12.11.2025", _span(D(2025, 11, 12))),
        ("November 2025", "November 2025", _span(D(2025, 11, 1), D(2025, 11, 30), 3)),
        ("Feb 2024", "Feb 2024", _span(D(2024, 2, 1), D(2024, 2, 29), 3)),
        ("in November", "November", _span(D(2025, 11, 1), D(2025, 11, 30), 3)),
        ("in May", "May", _span(D(2025, 5, 1), D(2025, 5, 31), 3)),
        ("early November", "early November", _span(D(2025, 11, 1), D(2025, 11, 10), 3)),
        ("mid-November", "mid-November", _span(D(2025, 11, 11), D(2025, 11, 20), 3)),
        ("In late November 2025, talks", "late November 2025",
         _span(D(2025, 11, 21), D(2025, 11, 30), 3)),
        ("at the end of September", "the end of September",
         _span(D(2025, 9, 21), D(2025, 9, 30), 3)),
        ("in 2022", "2022", _span(D(2022, 1, 1), D(2022, 12, 31), 3)),
        ("this week", "this week", _span(D(2025, 11, 24), D(2025, 11, 25), 2)),
        ("earlier this week", "earlier this week", _span(D(2025, 11, 24), D(2025, 11, 25), 2)),
        ("last week", "last week", _span(D(2025, 11, 17), D(2025, 11, 23), 2)),
        ("this past weekend", "this past weekend", _span(D(2025, 11, 22), D(2025, 11, 23), 2)),
        # days and weeks counted from either end of a month
        ("The first two days of November were calm", "The first two days of November",
         _span(D(2025, 11, 1), D(2025, 11, 2), 2)),
        ("in the first week of November", "the first week of November", _span(D(2025, 11, 1), D(2025, 11, 7), 2)),
        ("during the last week of October", "the last week of October", _span(D(2025, 10, 25), D(2025, 10, 31), 2)),
        ("in the last week of February 2024", "the last week of February 2024",
         _span(D(2024, 2, 23), D(2024, 2, 29), 2)),
        ("on Tuesday", "Tuesday", _span(REF)),
        ("Monday night", "Monday night", _span(D(2025, 11, 24), D(2025, 11, 25), 2)),
        ("on Sunday night", "Sunday night", _span(D(2025, 11, 23), D(2025, 11, 24), 2)),
        ("on Wednesday morning", "Wednesday morning", _span(D(2025, 11, 19))),
        ("last Tuesday", "Tuesday", _span(D(2025, 11, 18))),
        ("next Friday", "Friday", _span(D(2025, 11, 28))),
        ("overnight", "overnight", _span(D(2025, 11, 24), REF, 2)),
        ("Last night", "Last night", _span(D(2025, 11, 24), REF, 2)),
        ("tonight", "tonight", _span(REF)),
        ("yesterday", "yesterday", _span(D(2025, 11, 24))),
        ("Today", "Today", _span(REF)),
        ("this morning", "this morning", _span(REF)),
        ("Earlier this month", "Earlier this month", _span(D(2025, 11, 1), REF, 3)),
        ("last month", "last month", _span(D(2025, 10, 1), D(2025, 10, 31), 3)),
        ("3 days ago", "3 days ago", _span(D(2025, 11, 22))),
        ("two days ago", "two days ago", _span(D(2025, 11, 23))),
        ("on Tuesday, 18 November", "18 November", _span(D(2025, 11, 18))),
        ("on Tuesday, 4 November", "4 November", _span(D(2025, 11, 4))),  # the date says which Tuesday
        # a count after the weekday is no date: the weekday is
        ("On Thursday, 70 people were killed", "Thursday", _span(D(2025, 11, 20))),
        # a report's period in months and years (a year's is a summary the linker drops)
        ("over the past three months", "over the past three months", _span(D(2025, 8, 27), REF, 3)),
        ("attacks over the past year", "over the past year", _span(D(2024, 11, 25), REF, 3)),
        # "it is N days since" dates what follows, like "N days ago"
        ("It has been three days since the strike", "It has been three days since", _span(D(2025, 11, 22))),
        # two months: a period from the first day of one to the last of the other
        ("killed in January and February, mostly", "January and February", _span(D(2025, 1, 1), D(2025, 2, 28), 3)),
        ("between June and August 2024", "June and August 2024", _span(D(2024, 6, 1), D(2024, 8, 31), 3)),
        ("in December 2024 and January 2025", "December 2024 and January 2025", _span(D(2024, 12, 1), D(2025, 1, 31), 3)),
        ("lost power twice in April and March", "April and March", _span(D(2025, 3, 1), D(2025, 4, 30), 3)),
    ],
)
def test_each_form_resolves_exactly(text: str, expr: str, expected: DateSpan) -> None:
    found = find_dates(text, REF)
    assert [(text[s:e], span) for s, e, span in found] == [(expr, expected)]


def test_overnight_before_a_date_is_that_dates_night() -> None:
    # "overnight 12/13 November": the night the date names, not the night before publication
    for text in ("overnight 12/13 November", "Overnight on 12-13 November,"):
        assert [span for _, _, span in find_dates(text, REF)] == [_span(D(2025, 11, 12), D(2025, 11, 13), 2)]
    # "overnight" alone is the night before the reference day
    assert [span for _, _, span in find_dates("drones struck overnight", REF)] == [
        _span(D(2025, 11, 24), D(2025, 11, 25), 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Officials may meet again.",
        "The town has been under siege for two weeks since the attack.",  # a duration
        "Troops march towards the front.",
        "May the talks succeed",  # bare "May": no preposition, no day, no year
        "Jan Kowalski said",
        "The 28-point plan limits forces to 600,000 personnel.",
        "on 05/11/2025",  # 5 November or May 11: ambiguous, skipped
        "a 24/7 watch",  # no month: no date
        "a 3.5 magnitude blast",
        "U.S.-supplied ATACMS",
        "2022-2023 figures",
        "a Mayor and a Marine",
        "those 5 may face charges",
        "March and May the talks succeed",  # bare month words, no preposition
    ],
)
def test_non_dates_are_not_read_as_dates(text: str) -> None:
    assert find_dates(text, REF) == []


def test_year_less_dates_go_to_the_previous_year_when_far_in_the_future() -> None:
    january = D(2026, 1, 10)
    assert find_dates("3 December", january)[0][2] == _span(D(2025, 12, 3))
    assert find_dates("12 February", january)[0][2] == _span(D(2026, 2, 12))
    assert find_dates("in April", january)[0][2] == _span(D(2025, 4, 1), D(2025, 4, 30), 3)


def test_impossible_dates_are_skipped_without_error() -> None:
    # The day is impossible; only the month reading survives.
    assert [(s, e) for s, e, _ in find_dates("31 November 2025", REF)] == [(3, 16)]
    assert find_dates("31 November 2025", REF)[0][2] == _span(D(2025, 11, 1), D(2025, 11, 30), 3)
    assert find_dates("on 2025-02-30", REF) == []
    assert find_dates("29 February", D(2025, 3, 10))[0][2] == _span(D(2024, 2, 29))
    assert find_dates("19-14 November 2025", REF)[0][2] == _span(D(2025, 11, 1), D(2025, 11, 30), 3)


def test_without_reference_relative_and_year_less_dates_are_skipped() -> None:
    text = "Yesterday and on Tuesday and 12 November, and on 14 November 2025 overnight."
    found = find_dates(text, None)
    assert [(text[s:e], span) for s, e, span in found] == [
        ("14 November 2025", _span(D(2025, 11, 14)))]


def test_several_dates_in_text_order_with_offsets() -> None:
    text = "Russia struck Kyiv on 12 November 2025 and Lviv overnight, after strikes last week."
    found = find_dates(text, REF)
    assert [(s, e, text[s:e]) for s, e, _ in found] == [
        (22, 38, "12 November 2025"), (48, 57, "overnight"), (73, 82, "last week")]


def test_find_dates_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="text must be a str, not bytes"):
        find_dates(b"12 November", REF)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- 14-19 November 2025: Russia executes massive drone and missile barrages",
         _span(D(2025, 11, 14), D(2025, 11, 19), 2)),
        ("- 12 November 2025: Ukrainian President Zelensky reports fierce fighting",
         _span(D(2025, 11, 12))),
        ("* November 17 – A Russian drone hit Izmail port", _span(D(2025, 11, 17))),
        ("• 30 November - 2 December 2025: strikes", _span(D(2025, 11, 30), D(2025, 12, 2), 2)),
        ("1. **17 Nov:** drone attack", _span(D(2025, 11, 17))),
        ("12 November 2025: no marker", _span(D(2025, 11, 12))),
    ],
)
def test_bullet_date(line: str, expected: DateSpan) -> None:
    assert bullet_date(line, REF) == expected


@pytest.mark.parametrize(
    "line",
    [
        "- Russia struck Kyiv on 12 November 2025: officials said",  # date not first
        "- 12 November 2025 Russia struck Kyiv",  # no colon or dash after the date
        "- Related: nothing",
        "",
        "- 17 Nov: no year and no reference",
    ],
)
def test_not_a_bullet_date(line: str) -> None:
    ref = None if "no reference" in line else REF
    assert bullet_date(line, ref) is None


def test_clause_date_explicit_wins() -> None:
    got = clause_date("Drones hit Odesa on 18 November.", published=REF,
                      bullet=_span(D(2025, 11, 17)), previous=_span(D(2025, 11, 1)))
    assert got == (_span(D(2025, 11, 18)), "explicit")


def test_a_year_less_since_date_is_in_the_past() -> None:
    # read on 7 August, "7 October" alone could be two months ahead; after "since" it is last October
    got = clause_date("Since 7 October, 25 incidents were recorded in Tulkarm.", published=D(2024, 8, 7),
                      bullet=None, previous=_span(D(2024, 7, 30), D(2024, 8, 5), 3))
    assert got == (_span(D(2023, 10, 7), D(2024, 8, 7), 3), "explicit")


def test_clause_date_covers_several_close_dates() -> None:
    got = clause_date("Strikes on 12 November and again on 14 November hit Sumy.",
                      published=REF, bullet=None, previous=None)
    assert got == (_span(D(2025, 11, 12), D(2025, 11, 14), 2), "explicit")
    # a broad date containing a narrower one is background: the narrower one dates the event
    month = clause_date("Bombs hit Vovchansk on 3 November, as an offensive launched in November went on.",
                        published=REF, bullet=None, previous=None)
    assert month == (_span(D(2025, 11, 3)), "explicit")


def test_clause_date_takes_the_first_of_distant_dates() -> None:
    got = clause_date("The attack on 12 November echoed one in 2022.", published=REF,
                      bullet=None, previous=None)
    assert got == (_span(D(2025, 11, 12)), "explicit")


def test_clause_date_falls_back_in_order() -> None:
    bullet, previous = _span(D(2025, 11, 17)), _span(D(2025, 11, 3))
    plain = "Poland scrambled fighter jets."
    assert clause_date(plain, published=REF, bullet=bullet, previous=previous) == (
        bullet, "bullet")
    assert clause_date(plain, published=REF, bullet=None, previous=previous) == (
        previous, "previous")
    assert clause_date(plain, published=REF, bullet=None, previous=None) == (
        _span(REF, REF, 2), "published")
    assert clause_date(plain, published=None, bullet=None, previous=None) == (None, "")


def test_clause_date_relative_needs_publication_date() -> None:
    assert clause_date("Kyiv was hit overnight.", published=REF, bullet=None,
                       previous=None) == (_span(D(2025, 11, 24), REF, 2), "explicit")
    assert clause_date("Kyiv was hit overnight.", published=None, bullet=None,
                       previous=None) == (None, "")


@pytest.mark.parametrize(("days", "precision"), [(0, 1), (1, 2), (6, 2), (7, 3), (30, 3)])
def test_span_precision(days: int, precision: int) -> None:
    assert span_precision(REF, REF + dt.timedelta(days=days)) == precision


@pytest.mark.parametrize("text,start,end,precision", [
    ("in the past 24 hours", "2025-11-19", "2025-11-20", 2),
    ("over the last 48 hours", "2025-11-18", "2025-11-20", 2),
    ("within a day", "2025-11-19", "2025-11-20", 2),
    ("over the past three days", "2025-11-17", "2025-11-20", 2),
    ("over the past week", "2025-11-13", "2025-11-20", 2),
    ("in the past hour", "2025-11-20", "2025-11-20", 1),
])
def test_reporting_periods_end_on_the_reference_day(text, start, end, precision):
    (s, e, span), = find_dates(text, dt.date(2025, 11, 20))
    assert (text[s:e], span.start.isoformat(), span.end.isoformat(), span.precision) == (text, start, end, precision)


@pytest.mark.parametrize("text,expected", [
    # the dates of the saying and of the dateline give way to the event's
    ("ODESA, March 12 (Newswire) - Drones struck Odesa overnight, the governor said on Wednesday.",
     _span(D(2025, 3, 11), D(2025, 3, 12), 2)),
    ("Bombs hit Kharkiv on Sunday, officials told reporters on Monday.", _span(D(2025, 3, 9))),
    # alone, the date of the saying is all there is
    ("Bombs hit Kharkiv, officials said on Monday.", _span(D(2025, 3, 10))),
])
def test_clause_date_prefers_the_event_date_to_the_report_date(text, expected):
    assert clause_date(text, published=D(2025, 3, 12), bullet=None, previous=None) == (expected, "explicit")


@pytest.mark.parametrize("text,start,end,precision", [
    ("two weeks ago", "2025-11-10", "2025-11-16", 2),
    ("three years ago today", "2022-11-25", "2022-11-25", 1),
    ("six months ago", "2025-05-01", "2025-05-31", 3),
])
def test_ago_in_weeks_months_years(text, start, end, precision):
    (s, e, span), = find_dates(text, REF)
    assert (text[s:e], span.start.isoformat(), span.end.isoformat(), span.precision) == (text, start, end, precision)


@pytest.mark.parametrize("text,start,end", [
    # the night of a day runs into the next
    ("On the night of 3 March shells hit the town.", dt.date(2025, 3, 3), dt.date(2025, 3, 4)),
    # a situation report's own period: the week before it
    ("During the reporting period, raids continued.", dt.date(2025, 3, 3), dt.date(2025, 3, 10)),
    ("Since the last update, raids continued.", dt.date(2025, 3, 3), dt.date(2025, 3, 10)),
    # a few days, recent days
    ("Over the last few days raids continued.", dt.date(2025, 3, 7), dt.date(2025, 3, 10)),
    ("In recent days raids continued.", dt.date(2025, 3, 7), dt.date(2025, 3, 10)),
    ("Over the past couple of days raids continued.", dt.date(2025, 3, 8), dt.date(2025, 3, 10)),
])
def test_report_periods_and_nights(text: str, start: dt.date, end: dt.date) -> None:
    span, how = clause_date(text, published=dt.date(2025, 3, 10), bullet=None, previous=None)
    assert (span.start, span.end, how) == (start, end, "explicit")


@pytest.mark.parametrize("text", [
    "The March 23 Movement took the town.",
    "Fighters of the February 17 Revolution Brigade entered the port.",
    "Protesters gathered at the 6 October Bridge.",
])
def test_a_date_opening_a_name_is_no_date(text):
    assert find_dates(text, dt.date(2024, 5, 1)) == []


def test_a_date_before_a_capitalised_word_that_opens_no_name_is_a_date():
    got = find_dates("On March 23 Russian troops attacked the town.", dt.date(2024, 5, 1))
    assert [(s.start, s.end) for _, _, s in got] == [(dt.date(2024, 3, 23), dt.date(2024, 3, 23))]


@pytest.mark.parametrize("text", [
    "The camp was targeted for the first time since October.",
    "It was the deadliest strike in the city since the agency began recording casualties in 2005.",
])
def test_a_since_after_a_first_or_a_superlative_is_a_point_of_comparison(text):
    told = DateSpan(dt.date(2024, 11, 26), dt.date(2024, 11, 26), 1)
    assert clause_date(text, published=dt.date(2024, 11, 28), bullet=None, previous=told) == (told, "previous")


def test_a_since_that_opens_a_period_still_runs_to_publication():
    got, how = clause_date("Since October, 3,000 people have been killed.", published=dt.date(2024, 11, 28),
                           bullet=None, previous=None)
    assert (got.start, got.end, how) == (dt.date(2024, 10, 1), dt.date(2024, 11, 28), "explicit")


@pytest.mark.parametrize(("year", "western", "orthodox"), [
    (2022, D(2022, 4, 17), D(2022, 4, 24)),
    (2023, D(2023, 4, 9), D(2023, 4, 16)),
    (2024, D(2024, 3, 31), D(2024, 5, 5)),
    (2025, D(2025, 4, 20), D(2025, 4, 20)),
])
def test_easter_sunday_western_and_orthodox(year, western, orthodox):
    assert (easter_sunday(year), easter_sunday(year, orthodox=True)) == (western, orthodox)


@pytest.mark.parametrize(("text", "expected"), [
    # the feast, not the last Friday before publication (24 April 2023 was a Monday)
    ("a car rammed into civilians in Tel Aviv on Good Friday", _span(D(2023, 4, 7))),
    ("missiles hit Sumy on Palm Sunday", _span(D(2023, 4, 2))),
    ("drones hit Kharkiv on Orthodox Easter", _span(D(2023, 4, 16))),
    ("strikes went on over the Easter weekend", _span(D(2023, 4, 7), D(2023, 4, 10), 2)),
])
def test_the_easter_feasts_are_their_own_days(text, expected):
    ((_, _, got),) = find_dates(text, D(2023, 4, 24))
    assert got == expected


@pytest.mark.parametrize("text", ["on the anniversary of Bloody Sunday", "shops were busy on Black Friday"])
def test_a_weekday_that_names_another_event_is_no_date(text):
    assert find_dates(text, D(2023, 4, 24)) == []


@pytest.mark.parametrize("text", [
    # the night is one of the weekend just told, not the night before publication (Thursday 5 October 2023)
    "This included overnight shelling on the city of Kherson.",
    "Among them was a strike on Odesa last night.",
])
def test_a_clause_listing_part_of_the_period_just_told_keeps_its_date(text):
    weekend = _span(D(2023, 9, 30), D(2023, 10, 1), 2)
    assert clause_date(text, published=D(2023, 10, 5), bullet=None, previous=weekend) == (weekend, "previous")


def test_a_listed_part_with_a_day_of_its_own_keeps_that_day():
    weekend = _span(D(2023, 9, 30), D(2023, 10, 1), 2)
    date, how = clause_date("This included strikes on Odesa on Wednesday night.", published=D(2023, 10, 5),
                            bullet=None, previous=weekend)
    assert how == "explicit" and date.start == D(2023, 10, 4)


def test_a_day_a_negated_verb_governs_is_no_date_of_the_clause():
    # "did not end on 7 October": the clause says nothing happened then; the date told before stays
    week = _span(D(2023, 10, 16), D(2023, 10, 22), 2)
    got = clause_date("The violence did not end on 7 October.", published=D(2023, 10, 23), bullet=None, previous=week)
    assert got == (week, "previous")
    # a day of its own, not negated, is the clause's
    assert clause_date("The violence began on 7 October.", published=D(2023, 10, 23), bullet=None,
                       previous=week) == (_span(D(2023, 10, 7)), "explicit")


def test_a_date_that_opens_a_saying_is_the_sayings():
    # "Two days ago, the WHO said that ...": the day of the saying gives way to the dates of what was said
    got = clause_date("Two days ago, the agency said that since 1 November, attacks damaged 40 clinics in Sumy.",
                      published=REF, bullet=None, previous=None)
    assert got[0].start == D(2025, 11, 1)
    # the only date of a clause stays its date, whoever said it
    assert clause_date("On Monday, the governor said that drones struck Kyiv.", published=REF, bullet=None,
                       previous=None) == (_span(D(2025, 11, 24)), "explicit")


def test_a_day_of_the_event_a_clause_follows_is_not_its_own():
    # "following clashes ... on 4 March", with no determiner and a long phrase: the month is the clause's
    got = clause_date("In March, tensions escalated in Upper Nile, following clashes between government forces and "
                      "armed groups in the county town on 4 March", published=D(2025, 4, 10), bullet=None, previous=None)
    assert got == (_span(D(2025, 3, 1), D(2025, 3, 31), 3), "explicit")
