"""Issue 14, ninth round: names read through part of them, stories of one country, and the
memo of recognition, on sentences written here (never the corpora's), with the real gazetteer."""
from __future__ import annotations

import csv
from pathlib import Path

from test_geo_context import places, spans

from mapper.extract.toponyms import find_spans
from mapper.geoparse import geoparse_text


def test_a_name_read_through_part_of_it_abroad_lies_in_the_storys_country(services):
    # "Central Plateau" is known only through "Plateau" (a Nigerian state): in a story about
    # Haiti it is a name the gazetteer lacks, placed among the story's Haitian places
    text = ("Aid trucks reached the Central Plateau on Monday after floods cut the road from "
            "Port-au-Prince to Hinche, Haitian officials said.")
    got = places(services, text, spans(text, "Central Plateau", "Port-au-Prince", "Hinche"))
    assert got["Central Plateau"][0] == "Central Plateau"
    assert got["Central Plateau"][2] == "HT" and got["Central Plateau"][4] == 3


def test_a_missing_name_in_a_story_of_one_country_lies_in_that_country(services):
    # one place named (England, an admin-1 region of the United Kingdom): too few for a focus
    # country, but every place the story names lies in one country
    text = "Hospitals across the West Midlands in England were full on Friday, the health service said."
    got = places(services, text, spans(text, "West Midlands", "England"))
    assert got["West Midlands"][2:5] == ("GB", "GB.ENG", 3)


def test_a_missing_name_in_a_story_of_two_countries_stays_unresolved(services):
    text = "Hospitals across the West Midlands were full, while France and Spain reported few cases."
    got = places(services, text, spans(text, "West Midlands", "France", "Spain"))
    assert got["West Midlands"] is None


def test_a_remembered_run_reads_the_words_around_each_occurrence(services):
    gaz = services.gazetteer
    first = find_spans("Shelling hit the Kharkiv region overnight.", gaz)
    second = find_spans("Shelling hit Kharkiv overnight; Kharkiv County in Kansas was quiet.", gaz)
    assert [(s.name, s.region_word, s.prev_word) for s in first] == [("Kharkiv", "region", "the")]
    assert [(s.name, s.region_word, s.prev_word) for s in second][0] == ("Kharkiv", "", "hit")
    # an institution's building is a place only after "in the", wherever its run was seen first
    said = find_spans("A Kremlin spokesman said on Monday that talks would go on.", gaz)
    venue = find_spans("Talks were held in the Kremlin on Monday.", gaz)
    assert [s.name for s in said] == [] and [s.name for s in venue] == ["Kremlin"]


def test_a_geonames_province_without_a_polygon_of_its_own_is_a_region(services):
    # Ituri (CD.17) lies inside Natural Earth's older Orientale unit: now an admin-1 entry of its own
    got = places(services, "Rebels attacked two villages in Ituri province and fighting spread into Tshopo.")
    assert got["Ituri"][1:5] == ("admin1", "CD", "CD.17", 3)
    assert got["Tshopo"][1:4] == ("admin1", "CD", "CD.30")


def test_provinces_without_a_polygon_lie_where_their_towns_are():
    with open(Path(__file__).resolve().parents[1] / "data" / "admin1_gaps.csv", encoding="utf-8") as fh:
        rows = {r["gn_code"]: r for r in csv.DictReader(fh)}
    ituri = rows["CD.17"]
    assert ituri["name"] == "Ituri" and ituri["geonameid"] == "215709" and int(ituri["towns"]) >= 3
    # Bunia, its capital, lies at 30.25E 1.56N
    assert abs(float(ituri["lon"]) - 30.25) < 1.0 and abs(float(ituri["lat"]) - 1.56) < 1.0


def test_border_crossings_by_their_posts_and_their_own_points(services):
    # "border post" is a facility head as "border crossing" is; Masnaa's point is the crossing's
    # own (the Wikipedia article's, 35.924E 33.703N), in Lebanon's Beqaa, not 14 km east in Syria
    text = ("Lorries queued at the Arida border post on Monday, and strikes cut the road "
            "at the Masnaa border crossing.")
    got = {r.mention.name: r.place for r in geoparse_text(text, services)}
    assert got["Arida border post"].kind == "facility" and got["Arida border post"].country == "LB"
    masnaa = got["Masnaa border crossing"]
    assert (masnaa.kind, masnaa.country, masnaa.admin1_gn, masnaa.geo_precision) == ("facility", "LB", "LB.08", 1)
    assert abs(masnaa.lon - 35.924) < 0.01 and abs(masnaa.lat - 33.703) < 0.01


def test_a_small_town_abroad_yields_to_a_story_about_one_region(services):
    # Saint-Nicolas, Belgium (23,000 people) is the only reading of "St. Nicolas"; the story's
    # places all lie in Haiti's Artibonite (a focus region), and it names nothing else in Belgium
    text = ("Patients crowded the St. Nicolas hospital in Saint-Marc on Tuesday, after cholera reached "
            "Gonaives, Verrettes and Petite Riviere de l'Artibonite.")
    names = ("St. Nicolas", "Saint-Marc", "Gonaives", "Verrettes", "Petite Riviere de l'Artibonite")
    got = places(services, text, spans(text, *names))
    assert got["Saint-Marc"][2] == "HT"
    assert got["St. Nicolas"][0] == "St. Nicolas" and got["St. Nicolas"][2] == "HT" and got["St. Nicolas"][4] == 3


def test_a_missing_name_spelled_alike_elsewhere_shares_that_mentions_place(services):
    # the gazetteer lacks both spellings; the second is placed by "district of Baghdad"
    text = ("Residents of Adhamiya said the market had reopened. Troops left the Adhamiyah district "
            "of Baghdad on Sunday, and shops in Amman and Paris sent food.")
    got = places(services, text, spans(text, "Adhamiya", "Adhamiyah", "Baghdad", "Amman", "Paris"))
    assert got["Adhamiyah"][2] == "IQ"
    assert got["Adhamiya"] == ("Adhamiya", *got["Adhamiyah"][1:])


def test_names_spelled_alike_need_more_than_a_few_letters(services):
    text = "Shops in Qorb reopened. Troops left the Qorrb district of Baghdad, and Amman and Paris sent food."
    got = places(services, text, spans(text, "Qorb", "Qorrb", "Baghdad", "Amman", "Paris"))
    assert got["Qorrb"][2] == "IQ" and got["Qorb"] is None


def test_a_missing_name_lies_in_the_country_most_of_the_story_names(services):
    # no other place in its sentence; New Zealand twice, Australia once
    text = ("Farmers on Waiheke Island were told to keep their cattle in on Monday. Officials in New Zealand "
            "said New Zealand had had no case since 1912, and Australia had had none either.")
    got = places(services, text, spans(text, "Waiheke Island", "New Zealand", "Australia"))
    assert got["Waiheke Island"][2:5] == ("NZ", None, 3)
