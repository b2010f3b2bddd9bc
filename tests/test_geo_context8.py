"""Issue 14, tenth round: second-level units (districts) of ``data/admin2_units.csv``, on
sentences written here (never the corpora's), with the real gazetteer."""
from __future__ import annotations

import csv
from pathlib import Path

from test_geo_context import places, spans

from mapper.geo import nearby
from mapper.geoparse import geoparse_text
from mapper.geo.gazetteer import KINDS

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_table_holds_war_districts_with_their_regions():
    with open(DATA / "admin2_units.csv", encoding="utf-8", newline="") as fh:
        rows = {r["gn_code"]: r for r in csv.DictReader(fh)}
    assert rows["CD.11.03"]["core"] == "Masisi" and rows["CD.11.03"]["admin1"] == "CD.11"
    assert rows["LB.07.276591"]["core"] == "Bent Jbaïl" and rows["LB.07.276591"]["placed"] == "seat"
    # a raion named by its town's adjective is placed at the town (Kupiansk, by its skeleton)
    assert (rows["UA.07.6308"]["lon"], rows["UA.07.6308"]["lat"]) == ("37.6158", "49.7100")
    assert not any(code.startswith("US.") for code in rows)  # US counties are us_counties.csv


def test_a_district_word_makes_the_name_its_district(services):
    text = "Israeli drones struck Bint Jbeil district and Masisi territory saw new fighting, officials said."
    got = places(services, text)
    assert got["Bint Jbeil"] == ("Caza de Bent Jbaïl", "region", "LB", "LB.07", 3)
    assert got["Masisi"] == ("Masisi Territory", "region", "CD", "CD.11", 3)


def test_a_bare_name_is_still_the_town(services):
    got = places(services, "Israeli drones struck Bint Jbeil and Tyre in southern Lebanon.")
    assert got["Bint Jbeil"][:2] == ("Bent Jbaïl", "city") and got["Bint Jbeil"][4] == 1
    assert got["Tyre"][:2] == ("Tyre", "city")


def test_a_bare_name_is_the_town_before_a_district_of_that_name(services):
    # GeoNames' district Naw Zad is the name's main reading, the town's only an alternate
    # one (Now Zād): a bare name is still the town
    got = places(services, "Taliban fighters attacked Naw Zad in Helmand, Afghanistan, on Sunday.")
    assert got["Naw Zad"][1:3] == ("city", "AF") and got["Naw Zad"][4] == 1


def test_a_district_lies_at_its_seat_beside_the_towns_named_with_it(services):
    # the Caza de Tyr lies at Tyre: a story naming Bint Jbeil beside it (20 km) favours it as
    # it favours the town
    gaz = services.gazetteer
    tyre = next(e for e, _ in gaz.candidates("tyr") if gaz.names[e] == "Caza de Tyr")
    bint_jbeil = next(e for e, _ in gaz.candidates("bint jbeil") if gaz.kind[e] == KINDS.index("city"))
    assert nearby.proximity(gaz, tyre, [(gaz.lat[bint_jbeil], gaz.lon[bint_jbeil])]) > 0


def test_a_raion_named_by_its_adjective(services):
    got = places(services, "Russian artillery shelled Kupianskyi Raion in Kharkiv Oblast overnight.")
    assert got["Kupianskyi Raion"] == ("Kupianska Miskrada", "region", "UA", "UA.07", 3)


def test_a_bare_district_in_a_story_about_its_country(services):
    got = places(services, "Fighting around Walikale displaced thousands in North Kivu, Congo.")
    assert got["Walikale"] == ("Walikale", "region", "CD", "CD.11", 3)


def test_a_bare_district_in_a_story_about_elsewhere_stays_unresolved(services):
    got = places(services, "Masisi beat the champion in Paris, France, and won again in Lyon.")
    assert got.get("Masisi") is None
    assert got["Paris"][2] == "FR"


def test_a_district_named_like_a_person_gives_no_place(services):
    # Paraguay's district "Jesús" and Ukraine's "Human" raion make no name better known as a place
    got = places(services, "Pastor Lee said Jesus taught that every Human life matters, in Springfield, Illinois.")
    assert got.get("Jesus") is None and got.get("Human") is None


def test_a_bare_district_beside_towns_of_its_region_lies_among_them(services):
    # Kulin (a shire GeoNames has, no town of it in cities500) is placed among the story's
    # Wheatbelt towns, not at Western Australia's point 600 km north
    text = "Farmers in Kulin, Narrogin, Wagin and Katanning lost their crops to frost, Australian officials said."
    got = {r.mention.name: r.place for r in geoparse_text(text, services, spans(text, "Kulin", "Narrogin", "Wagin", "Katanning"))}
    narrogin = got["Narrogin"]
    assert got["Kulin"].geo_precision == 3
    assert abs(got["Kulin"].lat - narrogin.lat) < 1.0 and abs(got["Kulin"].lon - narrogin.lon) < 1.5


def test_a_district_filed_under_another_region_yields_to_the_story(services):
    # GeoNames files Baghdad's Adhamiyah under Duhok (IQ.08), 400 km north: a story about
    # Baghdad does not put it there
    text = "Gunmen attacked a checkpoint in the Adhamiyah district of Baghdad on Tuesday."
    got = places(services, text, spans(text, "Adhamiyah", "Baghdad"))
    assert got["Baghdad"][:3] == ("Baghdad", "city", "IQ")
    assert got["Adhamiyah"] is None or got["Adhamiyah"][3] != "IQ.08"


def test_a_district_is_no_qualifier_of_a_list_of_towns(services):
    # Australia's Litchfield (a shire) must not make "Bantam, Litchfield" an Australian pair
    # "Litchfield" named first as a person's name is no place of its own here, and "Bantam,
    # Litchfield" then reads as a village and the region it lies in: not Australia's shire
    text = "Tim Litchfield, a Torrington firefighter, said companies from Bantam, Litchfield, Winsted helped."
    got = places(services, text)
    assert got["Bantam"] is None or got["Bantam"][2] == "US"
    assert got.get("Litchfield") is None or got["Litchfield"][2] == "US"


def test_a_district_points_to_its_region_and_lies_at_its_seat(services):
    # "Goondiwindi Region" is the district, at its seat: it lies beside the Queensland
    # Inglewood as the town Goondiwindi did, so Inglewood is not Western Australia's suburb
    text = ("Inglewood is a town on the southern Darling Downs in Queensland, Australia. Inglewood is "
            "the second largest town in the Goondiwindi Region.")
    second = text.index("Inglewood", 1)
    got = places(services, text, spans(text, "Inglewood") + [{"start": second, "end": second + 9}])
    assert got["Inglewood"][2:4] == ("AU", "AU.04")


def test_a_district_and_its_governorate_are_one_place(services):
    # "Tyre District, South Governorate": the governorate only says where the district lies
    text = "Strikes damaged the pumping station in Tyre District, South Governorate, officials said."
    got = {r.mention.name: r for r in geoparse_text(text, services)}
    assert got["Tyre District"].place.name == "Caza de Tyr"
    assert got["South Governorate"].reason == "region qualifying the place before it"


def test_a_bare_name_of_an_admin1_region_is_the_region_not_a_district(services):
    # "North Gaza" is a governorate (GeoNames' admin-1) and a second-level unit of that name
    got = places(services, "Israeli forces struck Gaza City on Monday. Conditions in North Gaza remain critical.")
    assert got["North Gaza"][:2] == ("North Gaza Governorate", "admin1")
