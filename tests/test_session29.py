"""Session 29 (issue 13): classes of real-news text, each on sentences written for this file (none comes from
a corpus), with the real gazetteer."""
from __future__ import annotations

from test_geo_context import places


def test_a_hyphenated_compass_word_before_the_holder_keeps_the_place_inside_it(services):
    # "Chora district of the south-western Urozgan province": the holder is Urozgan whatever the compass
    # word's spelling, so Chora is the Afghan district, not the Greek island town Chios is also called
    for compass in ("south-western", "south western", "southwestern", "southern"):
        got = places(services, f"Taliban fighters attacked a checkpoint in Chora district of the {compass} "
                               "Urozgan province, officials said.")
        assert got["Chora"][2] == "AF" and got["Chora"][4] == 3, compass
