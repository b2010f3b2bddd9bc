"""Deduplication, time slices and the CSV tables, on hand-made incidents."""
from __future__ import annotations

import datetime as dt

import pytest

from mapper.aggregate import dedupe
from mapper.errors import ConfigError
from mapper.model import Incident, Place, Source
from mapper.output.tables import city_table, neutralise, region_table
from mapper.slices import choose_unit, make_slices, overlapping

D = dt.date
KYIV = Place("Kyiv", 30.5238, 50.45466, "UA", "UA.12", "city", 703448, 2952301)
LVIV = Place("Lviv", 24.02324, 49.83826, "UA", "UA.15", "city", 702550, 717273)


def inc(kind, place, start, end=None, prec=1, article="a", text="s", killed=None, actor=None):
    end = end or start
    return Incident(kind, start, end, prec, place, place.name, 1,
                    (Source(article, "T", None, None, text),), actor=actor, killed=killed,
                    admin1=f"{place.name} region", admin1_code=f"UA-{place.name}")


def test_a_summary_adds_only_its_sources_to_the_day_it_contains():
    merged = dedupe([inc("drone_strike", KYIV, D(2025, 11, 14), D(2025, 11, 19), 2, "a", "x", 3, "Ukraine"),
                     inc("missile_strike", KYIV, D(2025, 11, 17), article="b", text="y", killed=5, actor="Russia"),
                     inc("missile_strike", KYIV, D(2025, 11, 17), article="c", text="z", killed=7)])
    assert len(merged) == 1
    m = merged[0]
    assert (m.date_start, m.date_end, m.time_precision) == (D(2025, 11, 17), D(2025, 11, 17), 1)
    # the summary's toll (3) and actor do not reach the day; the lowest stated figure of the day's reports does
    assert m.type == "missile_strike" and m.killed == 5 and m.actor == "Russia"
    assert [s.article_id for s in m.sources] == ["a", "b", "c"]


def night(end, **kw):
    return inc("drone_strike", KYIV, end - dt.timedelta(days=1), end, 2, **kw)


def test_consecutive_nights_at_one_city_are_counted_apart():
    merged = dedupe([night(D(2025, 11, 15 + k), article=f"a{k}") for k in range(4)])
    assert [(m.date_start, m.date_end) for m in merged] == [
        (D(2025, 11, 14 + k), D(2025, 11, 15 + k)) for k in range(4)]
    assert all(len(m.sources) == 1 for m in merged)


def test_two_reports_of_one_night_are_one_incident_with_the_lowest_toll():
    merged = dedupe([night(D(2025, 11, 15), article="a", killed=4),
                     night(D(2025, 11, 15), article="b", killed=2, actor="Russia")])
    assert len(merged) == 1
    assert (merged[0].killed, merged[0].actor, len(merged[0].sources)) == (2, "Russia", 2)


def test_a_day_joins_the_night_ending_on_it_and_does_not_chain_the_next_night():
    merged = dedupe([night(D(2025, 11, 15), article="n15"), night(D(2025, 11, 16), article="n16"),
                     inc("missile_strike", KYIV, D(2025, 11, 15), article="d15")])
    assert len(merged) == 2
    first, second = merged
    assert (first.date_start, first.date_end) == (D(2025, 11, 15), D(2025, 11, 15))
    assert sorted(s.article_id for s in first.sources) == ["d15", "n15"]
    assert (second.date_start, second.date_end, [s.article_id for s in second.sources]) == (
        D(2025, 11, 15), D(2025, 11, 16), ["n16"])


def test_a_week_summary_merges_into_the_nights_it_contains_and_counts_nothing():
    week = inc("drone_strike", KYIV, D(2025, 11, 10), D(2025, 11, 16), 2, article="week", killed=40,
               actor="Ukraine")
    merged = dedupe([night(D(2025, 11, 12), article="n12", killed=1, actor="Russia"),
                     night(D(2025, 11, 14), article="n14"), week])
    assert [(m.date_end, m.killed, m.actor, m.type) for m in merged] == [
        (D(2025, 11, 12), 1, "Russia", "drone_strike"), (D(2025, 11, 14), None, None, "drone_strike")]
    assert [sorted(s.article_id for s in m.sources) for m in merged] == [["n12", "week"], ["n14", "week"]]


def test_a_summary_with_no_precise_report_stays_one_incident():
    month = inc("drone_strike", KYIV, D(2025, 11, 1), D(2025, 11, 30), 3, article="month")
    week = inc("shelling", KYIV, D(2025, 11, 10), D(2025, 11, 16), 2, article="week")
    partial = inc("drone_strike", KYIV, D(2025, 11, 28), D(2025, 12, 3), 2, article="partial")
    merged = dedupe([month, week, partial])
    # the month contains the week (one incident, the week's dates); the partial overlap stays apart
    assert [(m.date_start, m.date_end, sorted(s.article_id for s in m.sources)) for m in merged] == [
        (D(2025, 11, 10), D(2025, 11, 16), ["month", "week"]),
        (D(2025, 11, 28), D(2025, 12, 3), ["partial"])]


def test_a_summary_never_swallows_a_precise_report_it_only_overlaps():
    merged = dedupe([inc("drone_strike", KYIV, D(2025, 11, 14), D(2025, 11, 19), 2, article="sum"),
                     night(D(2025, 11, 14), article="n14")])
    assert len(merged) == 2


def test_strikes_on_separate_days_stay_separate():
    merged = dedupe([inc("drone_strike", KYIV, D(2025, 11, 14)), inc("drone_strike", KYIV, D(2025, 11, 15))])
    assert len(merged) == 2


def test_ground_fighting_is_counted_per_day():
    merged = dedupe([inc("ground_fighting", KYIV, D(2025, 11, 14)), inc("ground_fighting", KYIV, D(2025, 11, 15))])
    assert len(merged) == 2


def test_talks_on_touching_days_merge_and_vague_reports_join():
    merged = dedupe([inc("diplomatic", KYIV, D(2025, 11, 20), D(2025, 11, 21), 2, "a"),
                     inc("diplomatic", KYIV, D(2025, 11, 22), D(2025, 11, 23), 2, "b"),
                     inc("diplomatic", KYIV, D(2025, 11, 21), D(2025, 11, 30), 3, "c")])
    assert [(m.date_start, m.date_end, m.time_precision, len(m.sources)) for m in merged] == [
        (D(2025, 11, 20), D(2025, 11, 23), 2, 3)]


def test_different_places_and_families_do_not_merge():
    merged = dedupe([inc("drone_strike", KYIV, D(2025, 11, 14)), inc("drone_strike", LVIV, D(2025, 11, 14)),
                     inc("ground_fighting", KYIV, D(2025, 11, 14))])
    assert len(merged) == 3 and len({m.id for m in merged}) == 3


def test_slices_auto_units_and_bounds():
    assert choose_unit(D(2025, 11, 1), D(2025, 11, 14)) == "day"
    assert choose_unit(D(2025, 11, 1), D(2025, 12, 31)) == "week"
    assert choose_unit(D(2025, 1, 1), D(2025, 12, 31)) == "month"
    weeks = make_slices(D(2025, 11, 12), D(2025, 11, 25), "week")
    assert weeks == [(D(2025, 11, 10), D(2025, 11, 16)), (D(2025, 11, 17), D(2025, 11, 23)),
                     (D(2025, 11, 24), D(2025, 11, 30))]
    assert make_slices(D(2025, 1, 31), D(2025, 3, 1), "month")[1] == (D(2025, 2, 1), D(2025, 2, 28))
    assert overlapping(weeks, D(2025, 11, 14), D(2025, 11, 19)) == [0, 1]
    with pytest.raises(ConfigError, match="unknown slice unit 'year'"):
        make_slices(D(2025, 1, 1), D(2025, 1, 2), "year")


def test_region_table_counts_multi_day_incidents_once_per_slice():
    items = dedupe([inc("missile_strike", KYIV, D(2025, 11, 14), D(2025, 11, 19), 2),
                    inc("ground_fighting", KYIV, D(2025, 11, 18))])
    slices = make_slices(D(2025, 11, 14), D(2025, 11, 19), "day")
    table = region_table(items, slices)
    per_day = table[table.slice_start != ""].set_index("slice_start")
    assert list(per_day.strikes) == [1] * 6
    assert per_day.loc["2025-11-18", "incidents"] == 2
    total = table[table.slice_start == ""].iloc[0]
    assert (total.strikes, total.incidents, total.missile_strike, total.ground_fighting) == (1, 2, 1, 1)


def test_city_table_orders_by_strikes():
    items = dedupe([inc("drone_strike", LVIV, D(2025, 11, 14)), inc("drone_strike", LVIV, D(2025, 11, 16)),
                    inc("drone_strike", KYIV, D(2025, 11, 15))])
    table = city_table(items)
    assert list(table.place) == ["Lviv", "Kyiv"] and list(table.strikes) == [2, 1]
    assert (table.first_date[0], table.last_date[0]) == ("2025-11-14", "2025-11-16")


@pytest.mark.parametrize("cell,expected", [("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-x", "'-x"), ("@SUM", "'@SUM"),
                                           ("\tx", "'\tx"), ("Kyiv", "Kyiv"), (-3.5, -3.5)])
def test_formula_cells_are_neutralised(cell, expected):
    assert neutralise(cell) == expected


def test_staged_writes_commit_together_or_not_at_all(tmp_path):
    from mapper.output.atomic import atomic_write, remove_stale, staged

    (tmp_path / "a.txt").write_text("old a")
    (tmp_path / "b.txt").write_text("old b")
    with pytest.raises(RuntimeError):
        with staged():
            with atomic_write(tmp_path / "a.txt") as fh:
                fh.write("new a")
            assert (tmp_path / "a.txt").read_text() == "old a"  # not renamed before the end
            raise RuntimeError("render failed")
    assert [(tmp_path / n).read_text() for n in ("a.txt", "b.txt")] == ["old a", "old b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
    with staged():
        for name in ("a.txt", "b.txt"):
            with atomic_write(tmp_path / name) as fh:
                fh.write(f"new {name[0]}")
    assert [(tmp_path / n).read_text() for n in ("a.txt", "b.txt")] == ["new a", "new b"]
    (tmp_path / ".a.txt.x1.tmp").write_text("left by a killed run")
    remove_stale(tmp_path, ("a.txt",))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]
