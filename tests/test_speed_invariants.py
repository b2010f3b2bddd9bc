"""What the speed-ups of extraction rely on."""
from __future__ import annotations

import dataclasses
import datetime as dt

from mapper.extract.dates import find_dates
from mapper.model import Mention, Resolved


def test_mention_fields_as_geoparse_article_builds_them():
    # article.geoparse_article builds its shifted mentions field by field (no dataclasses.replace)
    assert [f.name for f in dataclasses.fields(Mention)] == ["name", "start", "end", "part"]
    assert [f.name for f in dataclasses.fields(Resolved)] == ["mention", "place", "reason"]


def test_find_dates_memo_gives_fresh_lists():
    ref = dt.date(2025, 3, 1)
    first = find_dates("Drones struck Odesa on 12 February and overnight.", ref)
    first.clear()
    again = find_dates("Drones struck Odesa on 12 February and overnight.", ref)
    assert [s for _, _, s in again] == [s for _, _, s in find_dates("on 12 February and overnight", ref)]
    assert len(again) == 2 and again is not find_dates("Drones struck Odesa on 12 February and overnight.", ref)
    assert find_dates("yesterday", None) == [] and find_dates("yesterday", ref)[0][2].start == dt.date(2025, 2, 28)
