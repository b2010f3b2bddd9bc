"""Session 33 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_scope import gaz  # noqa: F401  (the fixture)
from test_session31 import scenes


def test_parts_joined_by_commas_each_tell_their_own_day(gaz):
    # a digest's run of clauses joined by commas alone: each place takes the day of its own part
    got = scenes(gaz, "Drones hit Poltava on 3 May, missiles struck Lutsk on 5 May, and artillery shelled "
                      "Nikopol on 8 May.")
    assert {n: i.date_start.day for n, i in got.items()} == {"Poltava": 3, "Lutsk": 5, "Nikopol": 8}
    # a day fronted before its comma belongs to the part after it
    got = scenes(gaz, "On 6 May, Russian shelling killed two men in Kupiansk, on 9 May, a drone wounded a woman in "
                      "Izium.")
    assert {n: i.date_start.day for n, i in got.items()} == {"Kupyansk": 6, "Izyum": 9}
    # the day of a part that names no place is no scene's: the statement's day after the event's
    got = scenes(gaz, "Troops recaptured Robotyne on 2 May, the general staff said on 4 May.")
    assert [(n, i.date_start.day) for n, i in got.items()] == [("Robotyne", 2)]
