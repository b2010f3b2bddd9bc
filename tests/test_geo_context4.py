"""Issue 14, sixth round: classes of resolution error, on sentences written here (never the
corpora's), with the real gazetteer."""
from __future__ import annotations

from test_geo_context import places, spans


def test_a_country_in_a_story_of_many_countries_is_the_country(services):
    # the story names Alabama and Texas among the places with cases, but it is about many
    # countries: "Egypt" and "China" are the countries, not the hamlets of Alabama and Texas
    text = ("Cases of the new flu were confirmed in Alabama, Texas and Ohio, in Canada and in Germany. "
            "Spain, Italy and Kenya are testing travellers. Flights to Egypt were stopped, and "
            "officials feared the virus would spread to China.")
    names = ("Alabama", "Texas", "Ohio", "Canada", "Germany", "Spain", "Italy", "Kenya", "Egypt", "China")
    got = places(services, text, spans(text, *names))
    assert got["Egypt"][1:3] == ("country", "EG")
    assert got["China"][1:3] == ("country", "CN")


def test_a_country_name_in_a_story_about_its_namesake_state_is_the_town(services):
    # a local story about one state: "Lebanon police" is the town of Ohio the story is about
    text = ("Lebanon police arrested two men in Warren County on Sunday. The men were taken to "
            "a jail in Dayton, Ohio, officers in Mason and Cincinnati said.")
    got = places(services, text, spans(text, "Lebanon", "Warren County", "Dayton", "Ohio", "Mason", "Cincinnati"))
    assert got["Lebanon"][2:4] == ("US", "US.OH")
