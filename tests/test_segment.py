"""Tests for mapper.extract.segment: sentences, bullets, boilerplate and offsets."""
from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from mapper.extract.segment import is_boilerplate, segment
from mapper.model import Article, Clause, DateSpan

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_b9adb4e5be20f009.txt"
REF = dt.date(2025, 11, 25)


def _seed(published: dt.date | None = REF) -> Article:
    title, _, body = SEED.read_text(encoding="utf-8").partition("\n")
    return Article(id="seed", text=body, title=title, published=published)


def _texts(text: str, title: str = "", published: dt.date | None = REF) -> list[str]:
    return [c.text for c in segment(Article("a", text, title, published))]


def _assert_offsets(article: Article, clauses: list[Clause]) -> None:
    last = -1
    for c in clauses:
        source = article.title if c.part == "title" else article.text
        assert source[c.start:c.end] == c.text
        assert c.text and c.text == c.text.strip()
        if c.part == "body":
            # a clause spans a line break only where the line runs on (a hard wrap: the line ends in a comma, or
            # in a lower-case letter before a line that goes on in lower case)
            for m in re.finditer(r"\s*[\r\n]+\s*", c.text):
                assert c.text[m.start() - 1] == "," or c.text[m.start() - 1].islower() and c.text[m.end()].islower()
                assert m.group().count("\n") <= 1
            assert c.start >= last  # in text order, never overlapping
            last = c.end


# --- the seed article -------------------------------------------------------------

def test_seed_title_and_offsets() -> None:
    article = _seed()
    clauses = segment(article)
    _assert_offsets(article, clauses)
    assert clauses[0] == Clause("seed", 0, len(article.title), article.title, part="title")
    assert [c.part for c in clauses].count("title") == 1
    assert len(clauses) == 47


def test_seed_drops_related_links_ads_and_headings() -> None:
    texts = [c.text for c in segment(_seed())]
    for dropped in ("Related:", "Military Compass", "Glow Sticks", "Background & Context",
                    "Key Developments & Timeline", "Official Statements & Analysis",
                    "Conclusion"):
        assert not [t for t in texts if t.startswith(dropped)], dropped
    assert texts[-1] == ("Moving forward, sustained international support and strategic "
                         "preparedness will be crucial to navigate this protracted conflict "
                         "and any future diplomatic efforts.")


def test_seed_izmail_bullet_dates_every_sentence() -> None:
    clauses = [c for c in segment(_seed()) if c.bullet_date == DateSpan(
        dt.date(2025, 11, 17), dt.date(2025, 11, 17), 1)]
    assert [c.text for c in clauses] == [
        "17 November 2025: A Russian drone attack damages the Turkish LNG tanker MR Orinda at "
        "Izmail port in Ukraine, forcing evacuations in Romanian border villages due to "
        "explosion risks.",
        "Poland and Romania respond by scrambling fighter jets amidst aerial threats near "
        "their airspace.",
    ]


@pytest.mark.parametrize("published", [REF, None])
def test_seed_bullet_dates(published: dt.date | None) -> None:
    def span(d1: int, d2: int, precision: int) -> DateSpan:
        return DateSpan(dt.date(2025, 11, d1), dt.date(2025, 11, d2), precision)

    dated = [(c.text[:21], c.bullet_date) for c in segment(_seed(published)) if c.bullet_date]
    assert dated == [
        ("12 November 2025: Ukr", span(12, 12, 1)),
        ("14-19 November 2025: ", span(14, 19, 2)),
        ("16-17 November 2025: ", span(16, 17, 2)),
        ("17 November 2025: A R", span(17, 17, 1)),
        ("Poland and Romania re", span(17, 17, 1)),
        ("19 November 2025: Ukr", span(19, 19, 1)),
        ("Russian air defenses ", span(19, 19, 1)),
        ("20-21 November 2025: ", span(20, 21, 2)),
        ("The draft plan demand", span(20, 21, 2)),
        ("It also envisions pha", span(20, 21, 2)),
        ("The plan faces widesp", span(20, 21, 2)),
        ("22-23 November 2025: ", span(22, 23, 2)),
        ("President Zelensky vo", span(22, 23, 2)),
        ("U.S. senators critici", span(22, 23, 2)),
        ("24 November 2025: Ami", span(24, 24, 1)),
    ]


def test_seed_abbreviations_do_not_split() -> None:
    texts = [c.text for c in segment(_seed())]
    assert ("19 November 2025: Ukraine conducts deep strikes inside Russian territory near "
            "Voronezh using U.S.-supplied long-range ATACMS missiles.") in texts
    assert ("U.S. senators criticize the plan as a Russian “wish list,” fueling debates in "
            "Washington and European capitals.") in texts


# --- sentences -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Smith said so. Mr. Jones left.", ["Dr. Smith said so.", "Mr. Jones left."]),
        ("Gen. Syrskyi and Lt. Col. Petrenko met. Talks ended.",
         ["Gen. Syrskyi and Lt. Col. Petrenko met.", "Talks ended."]),
        ("J. R. Smith arrived. Then he left.", ["J. R. Smith arrived.", "Then he left."]),
        ("A 3.5 tonne bomb fell. It exploded.", ["A 3.5 tonne bomb fell.", "It exploded."]),
        ("Strikes on Nov. 12 hit Kyiv. No. 5 unit moved.",
         ["Strikes on Nov. 12 hit Kyiv.", "No. 5 unit moved."]),
        ("Cities, e.g. Kyiv and Lviv, were hit.", ["Cities, e.g. Kyiv and Lviv, were hit."]),
        ("Drones, missiles, etc. were used.", ["Drones, missiles, etc. were used."]),
        ("He met the U.S. envoy. The talks failed.", ["He met the U.S. envoy.",
                                                      "The talks failed."]),
        ("Aid came from the U.S. The talks failed.", ["Aid came from the U.S.",
                                                      "The talks failed."]),
        ("He said, “We will respond.” Russia denied it.",
         ["He said, “We will respond.”", "Russia denied it."]),
        ("Why now? Nobody knows! 12 drones fell.", ["Why now?", "Nobody knows!",
                                                    "12 drones fell."]),
        ("It ended. “We won,” he said.", ["It ended.", "“We won,” he said."]),
        ("Strikes continued... Kyiv was hit.", ["Strikes continued...", "Kyiv was hit."]),
        # a page that lost the space after a full stop still ends the sentence there
        ("Explosions in Kharkiv.Reports followed.", ["Explosions in Kharkiv.", "Reports followed."]),
        ("Sirens sounded\nKyiv was hit", ["Sirens sounded", "Kyiv was hit"]),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_crlf_and_indentation() -> None:
    text = "  First line here.  \r\n\r\n\tSecond one. Third one.\r\nlast words\r"
    article = Article("a", text)
    clauses = segment(article)
    _assert_offsets(article, clauses)
    assert [(c.start, c.end, c.text) for c in clauses] == [
        (2, 18, "First line here."), (25, 36, "Second one."), (37, 47, "Third one."),
        (49, 59, "last words")]


# --- bullets -------------------------------------------------------------------------

def test_bullet_markers_are_outside_clauses_and_dates_apply() -> None:
    text = ("Timeline of attacks on the region:\n"
            "* 14 Nov – Drones hit Odesa. Two people died.\n"
            "• November 16: Shelling in Kherson.\n"
            "1. 18 November 2025 - Missiles hit Dnipro.\n"
            "– Sirens in Kyiv, no date given.\n"
            "- Officials said on 20 November: calm.\n")
    article = Article("a", text, published=REF)
    clauses = segment(article)
    _assert_offsets(article, clauses)
    day = lambda d: DateSpan(dt.date(2025, 11, d), dt.date(2025, 11, d), 1)  # noqa: E731
    assert [(c.text, c.bullet_date) for c in clauses] == [
        ("Timeline of attacks on the region:", None),
        ("14 Nov – Drones hit Odesa.", day(14)),
        ("Two people died.", day(14)),
        ("November 16: Shelling in Kherson.", day(16)),
        ("18 November 2025 - Missiles hit Dnipro.", day(18)),
        ("Sirens in Kyiv, no date given.", None),
        ("Officials said on 20 November: calm.", None),
    ]


def test_year_less_bullet_without_publication_date_has_no_date() -> None:
    clauses = segment(Article("a", "- 14 Nov: Drones hit Odesa.", published=None))
    assert [(c.text, c.bullet_date) for c in clauses] == [("14 Nov: Drones hit Odesa.", None)]


# --- boilerplate, ads and headings -------------------------------------------------

@pytest.mark.parametrize(
    "line",
    [
        "Related: Russia Escalates Drone Strikes as UN Reports Highest Civilian Casualties",
        "READ MORE: Kyiv under fire",
        "Read also: What we know",
        "See also the full timeline",
        "Also read: analysis",
        "Advertisement",
        "Sponsored content",
        "Subscribe to our channel",
        "Sign up for alerts",
        "Follow us on Telegram",
        "Share this article",
        "Photo: Ukrainian firefighters at work",
        "Image: satellite view",
        "Credit: AFP",
        "(Photo by Genya Savilov/AFP via Getty Images)",
        "Getty Images",
        "Reuters/Gleb Garanich",
        "By John Smith",
        "By John Smith and Jane Doe, Reuters",
        "By Olena Harmash | Reuters",
        "We use cookies to improve your experience. Accept all to continue.",
        "Get the latest headlines in our newsletter - sign up now",
        "© 2025 Kyiv Independent. All rights reserved.",
        "Copyright 2025 The Associated Press",
        "Reporting by Olena Harmash; Editing by Alex Richardson",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Military Compass – Navigate without GPS — explore reliable compasses made for survival.",
        "Glow Sticks – Stay visible — or mark trails and gear — with long-lasting glow sticks.",
        "Power Bank - Buy now with 20% off and free shipping",
        "- Related: bulleted link",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, Russian forces had advanced near Pokrovsk.",
        "By November Russian troops held the town.",
        "Relatedly, Kyiv reported new strikes.",
        "Kyiv – Russia launched 40 drones overnight, officials said.",
        "The photo: a burning tanker in Izmail port.",
        "Subscribers in Kharkiv lost power after the strike.",
        "Officials said the cookies were a gift.",
        "",
        "   ",
    ],
)
def test_news_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_ad_shaped_lines_without_shop_words_are_dropped() -> None:
    ad = "Tactical Flashlight – Bright beam, tough body."
    text = f"Russian drones hit Odesa on Tuesday.\n{ad}\nRelated: more"
    assert _texts(text) == ["Russian drones hit Odesa on Tuesday."]
    # the shape, not a word list, makes it an ad: no verb of reporting or violence
    assert _texts(f"{ad}\nRussian drones hit Odesa on Tuesday.") == ["Russian drones hit Odesa on Tuesday."]
    news = "Odesa Port – Drones hit two grain silos overnight."
    assert _texts(f"{news}\nSirens sounded.") == [news, "Sirens sounded."]
    # A closing dateline with a news verb stays.
    last = "Kyiv – Russia launched 40 drones overnight."
    assert _texts(f"Sirens sounded in the capital.\n{last}") == [
        "Sirens sounded in the capital.", last]
    # So does a closing timeline line that opens with a date.
    dated = "November 24 – EU and African Union summits convene"
    assert _texts(f"Talks went on.\n{dated}") == ["Talks went on.", dated]


def test_headings_are_dropped_but_short_sentences_kept() -> None:
    text = ("Background & Context\nKyiv was hit.\n## What we know so far\n"
            "What we know so far\nConclusion\nThe War in Numbers\nRussia struck twice")
    assert _texts(text) == ["Kyiv was hit.", "What we know so far", "Russia struck twice"]


# --- odd input ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", " ", "\n\n", "\r\n \t\r\n", "\u00a0\u2003"])
def test_blank_bodies_give_no_body_clauses(text: str) -> None:
    assert segment(Article("a", text)) == []


def test_blank_title_gives_no_title_clause_and_title_offsets_are_stripped() -> None:
    assert segment(Article("a", "Body.", title="   ")) == [Clause("a", 0, 5, "Body.")]
    clauses = segment(Article("a", "", title="  Kyiv hit  "))
    assert clauses == [Clause("a", 2, 10, "Kyiv hit", part="title")]


def test_very_long_line() -> None:
    text = "word " * 40_000 + "end. Next sentence here."
    article = Article("a", text)
    clauses = segment(article)
    _assert_offsets(article, clauses)
    assert [len(c.text) for c in clauses] == [len(text) - 20, 19]


def test_offsets_hold_on_random_input() -> None:
    rng = random.Random(20251125)
    pieces = ["Kyiv", " ", "  ", ".", ". ", "! ", "? ", "\n", "\r\n", "\r", "\t", "U.S.", "Dr.",
              "- ", "* ", "• ", "1. ", "12 November 2025: ", "Related: ", "By Jane Doe",
              "“", "”", "Ünïcödé", "Привіт", "\u00a0", "A", "a", "3.5", "Glow Sticks – Stay"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        title = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        article = Article("r", text, title, published=REF if rng.random() < 0.5 else None)
        _assert_offsets(article, segment(article))


def test_segment_rejects_non_articles() -> None:
    with pytest.raises(TypeError, match="segment\\(\\) needs an Article, not str"):
        segment("just text")  # type: ignore[arg-type]


def test_a_sentence_ending_in_reference_marks_ends_there():
    # Wikipedia's footnote marks after the full stop
    assert _texts("Jets struck Tyre in an operation code-named Arrow.[a][3] Since then, more strikes followed.") \
        == ["Jets struck Tyre in an operation code-named Arrow.[a][3]", "Since then, more strikes followed."]


@pytest.mark.parametrize("line", [
    "This article documents a current event. Information may change rapidly.",
    "A request that this article title be changed to 2025 attack on Sumy is under discussion.",
])
def test_wiki_maintenance_notices_are_boilerplate(line):
    assert is_boilerplate(line)
    assert not is_boilerplate("Russian drones struck Sumy overnight, the article said.")


def test_a_full_stop_the_page_lost_the_space_after_still_ends_a_sentence() -> None:
    got = _texts("East of Sittwe is the township of Minbya.Ten adults were killed in 2017.It is hard to reach. "
                 "The U.S.Army said so. See example.com.")
    assert got[:3] == ["East of Sittwe is the township of Minbya.", "Ten adults were killed in 2017.",
                       "It is hard to reach."]
    # a lower-case word after the stop (a web address) and an abbreviation before it do not split
    assert got[3:] == ["The U.S.Army said so.", "See example.com."]
