"""The publication date an article's text states at its head (mapper.extract.dateline), and
what mapper.ingest does with it: a plain-text article saved with its page's date line keeps
the events it tells relative to that day; an article with none says so once."""
from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

import mapper

from mapper.extract.dateline import needs_publication, stated_publication
from mapper.ingest import read_articles


@pytest.mark.parametrize("head,day", [
    ("21-10-2024 | 18:40\n\nShelling hit the market.", dt.date(2024, 10, 21)),
    ("Updated March 3, 2023 at 6:15 p.m. EST\nThe governor said ...", dt.date(2023, 3, 3)),
    ("Published: Tue 7 May 2024 09.12 BST\n\nTwo drones ...", dt.date(2024, 5, 7)),
    ("By Anna Petrenko and Ivan Koval, 12 August 2022\n\nOvernight ...", dt.date(2022, 8, 12)),
    ("2024-02-29T10:00:00Z\nText.", dt.date(2024, 2, 29)),
    ("ODESA, Aug 2, 2023 (AgencyName) - Russian drones struck grain silos overnight, the regional "
     "governor said on Wednesday, in the third attack on the port this week.", dt.date(2023, 8, 2)),
    ("05/30/2024\nText.", dt.date(2024, 5, 30)),  # month first: unambiguous
])
def test_date_lines_and_datelines(head: str, day: dt.date) -> None:
    assert stated_publication(head) == day


@pytest.mark.parametrize("head", [
    # year-less dateline: no complete date
    "HERAT, Jan 9 - Gunmen attacked a checkpoint on the main road overnight, police officials told reporters.",
    # a sentence, not a date line, even when short
    "The offensive began on 24 February 2022 near the border.\nMore text.",
    # day-first or month-first: not both can be right, neither is taken
    "04/06/2024\nText.",
    # a date deep in the first paragraph is the story's, not the page's
    "Residents of the town said fighting that started on 2 June 2023 had not stopped by the "
    "evening, according to local officials.",
    # two different dates on one line
    "Updated 3 May 2024 (first published 1 May 2024)\nText.",
    "",
])
def test_no_publication_date(head: str) -> None:
    assert stated_publication(head) is None


def test_needs_publication() -> None:
    assert needs_publication("Drones struck the port on Friday.")
    assert needs_publication("Drones struck the port, killing two.")  # no date: the publication day
    assert needs_publication("On 4 March 2024 and again on 9 March drones struck the port.")
    assert not needs_publication("On 4 March 2024 drones struck the port; on 9 March 2024 they came back.")
    assert not needs_publication("Leave the dough to rise overnight, then bake it on Friday.")  # no event


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_txt_takes_the_date_line_under_its_title(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", "Drones hit port\n\n21-10-2024 | 18:40\n\nDrones hit the port overnight.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (article,) = read_articles([str(path)])
    assert article.published == dt.date(2024, 10, 21)


def test_given_date_wins_over_the_text(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", "Published: 2024-10-22\nDrones hit port\n\n21-10-2024 | 18:40\n\nText.\n")
    (article,) = read_articles([str(path)])
    assert article.published == dt.date(2024, 10, 22)


def test_undated_articles_warn_once_per_file(tmp_path: Path) -> None:
    rows = [{"id": str(i), "text": "Shelling hit the market on Friday."} for i in range(3)]
    rows.append({"id": "full", "text": "On 4 March 2024 shelling hit the market."})
    rows.append({"id": "dated", "text": "Shelling hit the market.", "published": "2024-03-05"})
    path = _write(tmp_path / "news.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    seen: list[str] = []
    articles = list(read_articles([str(path)], on_warning=seen.append))
    assert [a.published for a in articles] == [None] * 4 + [dt.date(2024, 3, 5)]
    assert len(seen) == 1 and seen[0].startswith(f"{path}: 3 articles have no publication date")


def test_the_date_line_dates_relative_events_end_to_end(tmp_path: Path, services) -> None:
    text = "Drones hit Odesa port\n\nUpdated 14 November 2025, 07:05\n\nRussian drones struck Odesa on Thursday, killing two people.\n"
    path = _write(tmp_path / "a.txt", text)
    table = mapper.run([str(path)], services=services, jobs=1).incidents
    assert [(r.place, r.date_start.date(), r.killed) for r in table.itertuples()] == [("Odesa", dt.date(2025, 11, 13), 2)]
