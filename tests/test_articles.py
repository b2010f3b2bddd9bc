"""Hand-labelled articles (tests/data/articles): mapper finds exactly the incidents they state.

Each article exercises rules of incident extraction: relative dates against the
publication date ("overnight", "on Monday", "Monday night"), transliteration variants
(Kharkov), launch sites and denials that are not incidents, datelines, "Related:" links,
mixed clauses (strikes and talks in one sentence), headlines restating the body, region-only
places (geo_precision 3), "near" (2), timeline bullets, casualties never split across
places, actors from agent phrases and demonyms, territorial demands and quotes that are
not incidents, and an article with no incident at all.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapper.ingest import read_articles
from mapper.pipeline import run

HERE = Path(__file__).parent / "data" / "articles"
EXPECTED = {k: v for k, v in json.loads((HERE / "expected.json").read_text(encoding="utf-8")).items()
            if not k.startswith("_")}


def _row(i):
    return [i.type, i.place.name, i.date_start.isoformat(), i.date_end.isoformat(), i.time_precision,
            i.place.country, i.admin1_code, i.geo_precision, i.actor, i.killed, i.injured]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_gives_exactly_the_labelled_incidents(services, name):
    result = run(read_articles([str(HERE / name)]), services)
    got = sorted(_row(i) for i in result.incidents)
    assert got == sorted(EXPECTED[name])


def test_all_articles_together_dedupe_across_articles(services):
    result = run(read_articles([str(HERE)]), services)
    assert result.articles == len(EXPECTED)
    assert sorted(_row(i) for i in result.incidents) == sorted(r for rows in EXPECTED.values() for r in rows)
