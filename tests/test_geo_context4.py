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


_KENYA = "Cholera cases rose in Kisumu and Nakuru, Kenya's health ministry said on Monday. "


def test_a_given_name_read_as_a_hamlet_abroad_lies_in_the_story_s_country(services):
    # a story about Kenya names a place the gazetteer knows only as a Peruvian hamlet
    # (Huanipaca, 910 people) and nothing else in Peru: it lies among the story's Kenyan
    # towns, at region-level precision, its name kept
    text = _KENYA + "A new clinic opened in Huanipaca, near Kisumu, and another in Eldoret."
    got = places(services, text, spans(text, "Kisumu", "Nakuru", "Kenya", "Huanipaca", "Eldoret"))
    assert got["Huanipaca"][0] == "Huanipaca"
    assert got["Huanipaca"][2] == "KE" and got["Huanipaca"][4] == 3
    # the same story naming Peru's capital too: the hamlet may well be the Peruvian one
    text = _KENYA + "Doctors from Lima worked in Huanipaca, and others in Eldoret."
    got = places(services, text, spans(text, "Kisumu", "Nakuru", "Kenya", "Lima", "Huanipaca", "Eldoret"))
    assert got["Huanipaca"][1:3] == ("city", "PE")


def test_a_region_counted_among_regions_is_the_region_not_its_city(services):
    # a bare "Quebec" is the city, unless its sentence counts cases region by region
    text = "Health officials counted nine cases in Manitoba, four more in Saskatchewan and two in Quebec."
    got = places(services, text, spans(text, "Manitoba", "Saskatchewan", "Quebec"))
    assert got["Quebec"][1:3] == ("admin1", "CA")
    text = "Inspectors reported 40 cases in Ohio, 12 more in Indiana and three in New York on Friday."
    got = places(services, text, spans(text, "Ohio", "Indiana", "New York"))
    assert got["New York"][1:4] == ("admin1", "US", "US.NY")
    # one region beside it is not a count by region: "Quebec" stays the city
    text = "The delegation flew from Manitoba to Quebec for the talks."
    got = places(services, text, spans(text, "Manitoba", "Quebec"))
    assert got["Quebec"][1:3] == ("city", "CA")


def test_a_county_word_and_a_state_word_are_remembered_apart(services):
    # candidates are computed once per process per name and following word: "Washington
    # County" read first must not make a later "Washington state" a county
    text = "Deputies in Washington County, Oregon, closed the road."
    assert places(services, text, spans(text, "Washington", "Oregon"))["Washington"][1] == "region"
    text = "The first sick cow came from a Washington state farm; the second was found in Alabama."
    got = places(services, text, spans(text, "Washington", "Alabama"))
    assert got["Washington"][1:4] == ("admin1", "US", "US.WA")
