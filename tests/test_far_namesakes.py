"""Issue 13, item 6: far namesakes.  A name the gazetteer lacks that matches one town far away
by an alternate name only ("Komo" for Como, "Hela" for Hel), in a story that points elsewhere,
is left unresolved rather than placed abroad.  Sentences written here, never the corpora's;
the real gazetteer."""
from __future__ import annotations

import datetime as dt

from test_geo_context import places

from mapper.aggregate import dedupe
from mapper.model import Article
from mapper.pipeline import extract_article

PUB = dt.date(2025, 11, 20)


def incidents(services, text):
    found, _ = extract_article(Article(id="t", text=text, title="", published=PUB), services.gazetteer)
    return [(i.type, i.place.name, i.place.country) for i in dedupe(found)]


def test_a_province_the_gazetteer_lacks_is_not_a_far_town_of_its_alternate_name(services):
    # Hela is a province of Papua New Guinea; GeoNames knows "Hela" only as an alternate name
    # of Hel, Poland: a region word follows, and nothing in the story points to Poland
    got = places(services, "Clashes in Hela Province killed eight people in Papua New Guinea on Sunday.")
    assert got.get("Hela Province") is None
    assert got["Papua New Guinea"][:3] == ("Papua New Guinea", "country", "PG")
    # the region word alone says it is no town, whatever else the story names
    assert places(services, "Clashes in Hela Province killed eight people on Sunday.").get("Hela Province") is None
    # the same alternate name in a story about its own country keeps its reading
    got = places(services, "The ferry from Gdansk to Hela was cancelled on Sunday because of the storm.")
    assert got["Hela"][:3] == ("Hel", "city", "PL")


def test_a_district_named_like_a_far_city_is_not_that_city(services):
    # "Komo" is an alternate name of Como, Italy (85,000 people): too large for the rule on
    # obscure villages, but the story names nothing Italian and its one region lies in Papua
    # New Guinea, 13,000 km away
    got = places(services, "Tribal fighting in Komo killed eight people on Sunday, police in the Southern "
                           "Highlands said.")
    assert got.get("Komo") is None
    assert got["Southern Highlands"][1:3] == ("admin1", "PG")
    got = incidents(services, "Tribal clashes broke out on Sunday in Komo, Hela Province, killing eight people, "
                              "police in the Southern Highlands said.")
    assert all(country not in ("IT", "PL") for _, _, country in got), got
    # guards: the Italian city in an Italian story; a US town in a US story (its main name);
    # a well-known alternate name ("Kiev"); a word of a town's main name ("Ramstein" for
    # Ramstein-Miesenbach) and a town near the story's other places (Ain al-Arab, 700 km from
    # Deir al-Balah) in stories that name nothing of their countries
    got = places(services, "Police in Milan said a bomb threat closed the station in Komo on Sunday.")
    assert got["Komo"][:4] == ("Como", "city", "IT", "IT.09")
    got = places(services, "Storms damaged homes in Como and Batesville, Mississippi, on Sunday.")
    assert got["Como"][1:4] == ("city", "US", "US.MS")
    got = places(services, "The senator flew from Washington to Kiev on Monday, after talks in Ohio.")
    assert got["Kiev"][:3] == ("Kyiv", "city", "UA")
    got = places(services, "Defense ministers met at Ramstein on Friday to pledge more air defence for Ukraine.")
    assert got["Ramstein"][:3] == ("Ramstein-Miesenbach", "city", "DE")
    got = places(services, "On Monday airstrikes hit Deir al-Balah and Ain al-Arab.")
    assert got["Ain al-Arab"][1:3] == ("city", "SY")


def test_a_large_town_of_an_alternate_name_far_from_the_story_is_not_read(services):
    # "Boni" is an alternate name of Bonn (330,000 people); beside Torodi in Niger, 4,000 km from
    # Bonn, in a story naming nothing German, it is a village the gazetteer lacks
    got = incidents(services, "On Tuesday, a convoy of Nigerien forces moving between Boni and Torodi was "
                              "ambushed by jihadists, killing seventeen soldiers.")
    assert ("ground_fighting", "Torodi", "NE") in got and all(country != "DE" for _, _, country in got), got
    # guards: the exonym of a large town with nothing else named, or with its own country named
    assert places(services, "Drones struck Boni on Tuesday.")["Boni"][:3] == ("Bonn", "city", "DE")
    got = places(services, "Police in Boni and Cologne closed the stations on Tuesday.")
    assert got["Boni"][:3] == ("Bonn", "city", "DE")


def test_the_head_of_a_longer_arabic_name_is_no_place_of_its_own(services):
    # "Ain" (spring), "Ras" (cape), "Tell" (mound) open many Arabic place names; the gazetteer
    # lacks many such villages, and "Ain" alone is a department of France: the article joined to
    # the next word says the name goes on
    got = places(services, "An airstrike hit a car in Ain al-Dilb near Sidon on Tuesday, killing two.")
    assert got.get("Ain") is None and got["Sidon"][2] == "LB"
    assert incidents(services, "Late on Tuesday a drone struck a vehicle parked by a mosque in Ras al-Dilb, "
                               "killing 13.") == []
    # a longer name the gazetteer has is still read whole
    got = places(services, "Shelling hit Deir al-Balah and Ain al-Arab on Monday.")
    assert got["Deir al-Balah"][2] == "PS" and got["Ain al-Arab"][2] == "SY"


def test_a_small_town_of_its_main_name_in_a_far_country_the_story_never_names(services):
    # Moura is a town of 9,000 people in Portugal: here the name is a person's, in a story
    # whose places all lie in Ukraine, 3,000 km away, and Portugal is named nowhere
    got = places(services, "Officials in Kharkiv said Moura and her son were wounded when drones struck "
                           "Chuhuiv, Izium and Balakliia on Sunday.")
    assert (got.get("Moura") or ("",) * 3)[2] != "PT" and got["Kharkiv"][2] == "UA"
    # a statement on several wars that names one town in each keeps them all
    got = places(services, "M23 rebels captured Sake in North Kivu on Monday. JNIM fighters attacked a post near "
                           "Djibo on Tuesday. ISWAP fighters raided Monguno on Wednesday.")
    assert (got["Djibo"][2], got["Monguno"][2]) == ("BF", "NG")
    # the same town in a story about Portugal keeps its reading
    got = places(services, "Firefighters from Beja and Moura fought the blaze near the Spanish border on Sunday.")
    assert got["Moura"][:3] == ("Moura", "city", "PT")


def points(services, text):
    found, _ = extract_article(Article(id="t", text=text, title="", published=PUB), services.gazetteer)
    return [(i.place.name, i.place.admin1_gn, round(i.place.lat, 2), round(i.place.lon, 2), i.place.geo_precision)
            for i in dedupe(found)]


def test_a_village_the_text_puts_in_a_region_is_no_namesake_in_another(services):
    # the gazetteer knows Pidhorodne only in other oblasts: the text puts it in Sumy oblast, so it is
    # there, at the oblast's point with its own name kept, and the oblast is no second incident
    got = points(services, "Shelling hit Pidhorodne village in the Sumy region on Sunday.")
    assert [(name, a1, gp) for name, a1, _, _, gp in got] == [("Pidhorodne", "UA.21", 3)]
    # a possessive names the finer unit that holds it: the district's town, one incident there
    got = points(services, "Drones struck Pidhorodne village in Sumy region's Shostka district on Sunday.")
    shostka = points(services, "Drones struck Shostka on Sunday.")[0]
    assert [(name, lat, lon, gp) for name, _, lat, lon, gp in got] == [("Pidhorodne", shostka[2], shostka[3], 2)]
    # a village the gazetteer lacks, told by its township after the region's possessive
    got = points(services, "An airstrike hit Nyaung Pin Thar village in Sagaing Region's Kani Township on Sunday.")
    kani = points(services, "An airstrike hit Kani Township in Sagaing Region on Sunday.")[0]
    assert [(name, lat, lon) for name, _, lat, lon, _ in got] == [("Nyaung Pin Thar", kani[2], kani[3])]
    # a village that does lie in the region it is put in keeps its own point
    got = points(services, "Shelling hit Vovchansk town in the Kharkiv region on Sunday.")
    assert [(name, a1, gp) for name, a1, _, _, gp in got] == [("Vovchansk", "UA.07", 1)]
