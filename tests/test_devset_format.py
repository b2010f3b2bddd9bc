"""The hand-labelled development set is well formed, and bench/articles.py's matcher scores exactly.

This checks the data and the scorer only; mapper's score on the set is a benchmark
(``python bench/articles.py``), not a test.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from mapper.model import INCIDENT_TYPES

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO / "tests" / "data" / "devset"
ISO2 = re.compile(r"^[A-Z]{2}$")
ISO_3166_2 = re.compile(r"^([A-Z]{2})-[A-Z0-9]{1,3}$")
FIELDS = {"type", "place", "lat", "lon", "geo_precision", "admin1_code", "country", "date_start", "date_end",
          "actor", "killed", "injured"}


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench_articles", REPO / "bench" / "articles.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_articles"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


bench = _load_bench()
GOLD = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))["articles"]
ARTICLES = sorted(p.stem for p in DEVSET.glob("*.txt"))


def _text(aid: str) -> str:
    return (DEVSET / f"{aid}.txt").read_text(encoding="utf-8")


def _published(aid: str) -> dt.date:
    first = _text(aid).split("\n", 1)[0]
    match = re.fullmatch(r"PUBLISHED: (\d{4}-\d{2}-\d{2})", first)
    assert match, f"{aid}: first line {first!r}"
    return dt.date.fromisoformat(match[1])


# ----------------------------------------------------------------------------- the set

def test_twenty_articles_each_with_gold():
    assert len(ARTICLES) == 20
    assert sorted(GOLD) == ARTICLES
    assert all(re.fullmatch(r"\d\d_[a-z0-9_]+", aid) for aid in ARTICLES)


def test_four_articles_have_no_incident():
    empty = [aid for aid in ARTICLES if not GOLD[aid]["incidents"]]
    assert len(empty) == 4
    assert all(GOLD[aid]["mentioned_only"] for aid in empty)


@pytest.mark.parametrize("aid", ARTICLES)
def test_article_layout_and_length(aid):
    text = _text(aid)
    lines = text.split("\n")
    _published(aid)
    assert lines[1] == ""
    assert lines[2].strip() and not lines[2].startswith("PUBLISHED")
    assert 1500 <= len(text) <= 4500


@pytest.mark.parametrize("aid", ARTICLES)
def test_gold_places_occur_in_the_article(aid):
    text = _text(aid)
    entry = GOLD[aid]
    for inc in entry["incidents"]:
        assert inc["place"] in text, inc["place"]
    for name in entry["mentioned_only"]:
        assert name in text, name
    assert not {i["place"] for i in entry["incidents"]} & set(entry["mentioned_only"])


@pytest.mark.parametrize("aid", ARTICLES)
def test_gold_fields_are_valid(aid):
    published = _published(aid)
    for inc in GOLD[aid]["incidents"]:
        assert set(inc) == FIELDS
        assert inc["type"] in INCIDENT_TYPES
        assert -90 <= inc["lat"] <= 90 and -180 <= inc["lon"] <= 180
        assert inc["geo_precision"] in (1, 2, 3)
        assert ISO2.match(inc["country"])
        iso = ISO_3166_2.match(inc["admin1_code"])
        assert iso and iso[1] == inc["country"], inc["admin1_code"]
        start, end = dt.date.fromisoformat(inc["date_start"]), dt.date.fromisoformat(inc["date_end"])
        # incidents are reported within the week before publication, never after it
        assert published - dt.timedelta(days=7) <= start <= end <= published
        assert inc["actor"] is None or isinstance(inc["actor"], str)
        for count in ("killed", "injured"):
            assert inc[count] is None or (isinstance(inc[count], int) and inc[count] >= 0)


def test_one_incident_per_type_family_place_and_dates():
    strike = {"drone_strike", "missile_strike", "air_strike", "shelling"}
    for aid in ARTICLES:
        seen = set()
        for inc in GOLD[aid]["incidents"]:
            family = "strike" if inc["type"] in strike else inc["type"]
            key = (family, inc["place"], inc["date_start"])
            assert key not in seen, (aid, key)
            seen.add(key)


# ----------------------------------------------------------------------------- the matcher

def _rec(type_: str, lat: float, lon: float, start: str, end: str | None = None, gp: int = 1,
         admin1: str = "UA-30", place: str = "X", **kw) -> object:
    return bench.record_from_dict("t", {"type": type_, "place": place, "lat": lat, "lon": lon,
                                        "geo_precision": gp, "admin1_code": admin1, "date_start": start,
                                        "date_end": end, **kw})


def test_matcher_exact_scores_on_a_tiny_pair():
    gold = [_rec("missile_strike", 50.45, 30.52, "2024-11-17"),
            _rec("drone_strike", 49.6, 36.5, "2024-11-16", "2024-11-17", gp=3, admin1="UA-63"),
            _rec("shelling", 46.49, 30.74, "2024-11-17", admin1="UA-51")]
    pred = [_rec("drone_strike", 50.63, 30.52, "2024-11-16", admin1="UA-32"),  # 20 km, a day early, wrong type
            _rec("drone_strike", 50.27, 35.98, "2024-11-17", admin1="UA-63"),  # region match
            _rec("shelling", 46.49, 30.74, "2024-11-19", admin1="UA-51"),      # two days late
            _rec("missile_strike", 49.84, 24.03, "2024-11-17", admin1="UA-46", place="Lviv")]
    assert bench.match(pred, gold) == [(0, 0), (1, 1)]
    assert bench.match(pred, gold, typed=True) == [(1, 1)]
    tally = bench.score_article(pred, gold, ["Lviv"])
    assert (tally.pred, tally.gold, tally.tp, tally.tp_typed) == (4, 3, 2, 1)
    assert bench.prf(tally.tp, tally.pred, tally.gold) == (0.5, 2 / 3, 4 / 7)
    assert bench.prf(tally.tp_typed, tally.pred, tally.gold) == (0.25, 1 / 3, 2 / 7)
    assert tally.admin1 == [False, True]  # Kyiv Oblast for the city of Kyiv is wrong
    assert tally.mentioned == 1


def test_matcher_is_one_to_one_and_best_first():
    gold = [_rec("shelling", 50.0, 36.0, "2024-05-19")]
    pred = [_rec("shelling", 50.1, 36.0, "2024-05-19"), _rec("shelling", 50.0, 36.01, "2024-05-19")]
    assert bench.match(pred, gold) == [(1, 0)]
    assert bench.prf(1, 2, 1) == (0.5, 1.0, 2 / 3)


def test_date_rule():
    gold = _rec("shelling", 50.0, 36.0, "2024-08-19", "2024-08-20")
    at = lambda s, e=None: bench.dates_match(_rec("shelling", 50.0, 36.0, s, e), gold)  # noqa: E731
    assert at("2024-08-20") and at("2024-08-18") and at("2024-08-19", "2024-08-25")
    assert not at("2024-08-21") and not at("2024-08-17", "2024-08-20")


def test_place_rule_and_helpers():
    region = _rec("drone_strike", 51.7, 36.1, "2025-01-01", gp=3, admin1="RU-KRS")
    assert bench.place_matches(_rec("drone_strike", 55.0, 40.0, "2025-01-01", admin1="RU-KRS"), region)
    assert not bench.place_matches(_rec("drone_strike", 51.7, 36.1, "2025-01-01", admin1="RU-BEL"), region)
    assert round(bench.haversine_km(0.0, 0.0, 1.0, 0.0), 3) == 111.195
    assert bench.same_admin1("PL-MZ", "PL-14") and not bench.same_admin1("PS-GZZ", "PS-GZA")
    assert bench.canonical_actor("Russian forces") == "Russia"
    assert bench.canonical_actor("Rapid Support Forces") == "RSF"
    assert bench.at_mentioned(_rec("drone_strike", 0, 0, "2025-01-01", place="Kharkiv", place_text="Kharkov"),
                              ["Kharkov"])
    assert not bench.at_mentioned(_rec("drone_strike", 0, 0, "2025-01-01", place="Belgorod Oblast",
                                       place_text="Belgorod Region"), ["Belgorod"])
