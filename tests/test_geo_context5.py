"""Issue 14, seventh round: classes of resolution error, on sentences written here (never the
corpora's), with the real gazetteer."""
from __future__ import annotations

from test_geo_context import places


def at(text, *names):
    """Given spans for names, each at its first whole occurrence outside the names before it
    ("New York" after "New York City" is the later, separate mention)."""
    out, taken = [], []
    for name in names:
        start = text.index(name)
        while any(a <= start < b for a, b in taken) or text[start + len(name):start + len(name) + 1].isalnum():
            start = text.index(name, start + 1)
        out.append({"start": start, "end": start + len(name)})
        taken.append((start, start + len(name)))
    return out


def test_an_enumeration_names_each_place_once(services):
    # "New York" right after "New York City" in one list is not the city again: the state
    text = "Patients fell ill in New York City, Long Island, New York, Pennsylvania, and New Jersey."
    names = ("New York City", "Long Island", "New York", "Pennsylvania", "New Jersey")
    got = places(services, text, at(text, *names))
    assert got["New York City"][1:4] == ("city", "US", "US.NY")
    assert got["New York"][1:4] == ("admin1", "US", "US.NY")
    # two names joined by "or" may be one place under two names: no list of distinct places
    text = "Tourists fled Mumbai or Bombay, as many still call it, and Goa."
    got = places(services, text, at(text, "Mumbai", "Bombay", "Goa"))
    assert got["Mumbai"][:3] == got["Bombay"][:3] == ("Mumbai", "city", "IN")


def test_without_the_city_in_the_list_new_york_stays_the_city(services):
    # the rule drops only a reading a fellow name took: in a list of cities it is the city
    text = "Flights from New York, Boston and Chicago were cancelled."
    got = places(services, text, at(text, "New York", "Boston", "Chicago"))
    assert got["New York"][:2] == ("New York City", "city")


def test_a_compass_word_before_a_name_that_shares_the_rest(services):
    # "Central and South America": the first name is Central America, not a Central Province
    text = "Frogs in the forests of Central and South America are dying, the survey found."
    got = places(services, text, at(text, "Central", "South America"))
    assert got["Central"][:2] == ("Central America", "region")
    assert got["South America"][:2] == ("South America", "region")
    text = "The envoy flew between North and South Korea, then on to East and Central Africa."
    got = places(services, text, at(text, "North", "South Korea", "East", "Central Africa"))
    assert got["North"][:3] == ("North Korea", "country", "KP")
    assert got["South Korea"][:3] == ("South Korea", "country", "KR")
    assert got["East"][:2] == ("East Africa", "region")
    # a series shares it too: "North, Central and South America"
    text = "Migrants crossed North, Central and South America on foot."
    got = places(services, text, at(text, "North", "Central", "South America"))
    assert got["North"][:2] == ("North America", "region")
    assert got["Central"][:2] == ("Central America", "region")


def test_a_compass_word_before_an_unrelated_name_is_left_as_it_was(services):
    # the next name does not start with a compass word: nothing is shared
    text = "Floods hit North and Kharkiv."
    got = places(services, text, at(text, "North", "Kharkiv"))
    assert got["North"][0] == "North"
    assert got["Kharkiv"][:3] == ("Kharkiv", "city", "UA")


def _point(services, text, given, name):
    from mapper.geoparse import geoparse_text

    for r in geoparse_text(text, services, given):
        if r.mention.name == name:
            return r.place
    raise AssertionError(f"{name} not resolved")


def test_a_place_the_gazetteer_lacks_lies_among_the_story_s_places(services):
    # a story about New Orleans and one of its parishes names a lake the gazetteer lacks: it
    # lies by the city and the parish the story names, not at the centre of the United States
    text = ("Divers searched Lake Quillamet on Monday after a storm in New Orleans; deputies from "
            "Jefferson Parish joined them, US officials said.")
    place = _point(services, text, at(text, "Lake Quillamet", "New Orleans", "Jefferson Parish", "US"),
                   "Lake Quillamet")
    assert (place.country, place.geo_precision) == ("US", 3)
    assert abs(place.lat - 29.97) < 0.1 and abs(place.lon + 90.1) < 0.1


_US_STORY = ("Hospitals in Illinois, Ohio and Kentucky were told to expect more patients, and Mexico "
             "closed its schools. ")


def test_a_name_lies_in_the_country_the_story_named_just_before_it(services):
    # a story about US states moves to Egypt: "Cairo" is the Egyptian capital, not Cairo, Illinois
    text = _US_STORY + "Officials in Egypt ordered all pigs culled, and doctors will check travellers landing in Cairo."
    got = places(services, text, at(text, "Illinois", "Ohio", "Kentucky", "Mexico", "Egypt", "Cairo"))
    assert got["Cairo"][1:3] == ("city", "EG")
    assert got["Egypt"][1:3] == ("country", "EG")


def test_a_country_s_name_is_never_a_town_that_bears_it_only_as_another_name(services):
    # GeoNames also calls Uhrichsville, Ohio "Egypt": a story naming Ohio keeps a town named
    # Lebanon (its own name), never a town that has the country's name only as another name
    text = _US_STORY + "Egypt reported no cases."
    got = places(services, text, at(text, "Illinois", "Ohio", "Kentucky", "Mexico", "Egypt"))
    assert got["Egypt"][1:3] == ("country", "EG")


def test_the_country_named_last_is_a_place_or_a_demonym_not_a_modifier(services):
    from mapper.extract.toponyms import find_spans
    from mapper.geo.nearby import last_country

    gaz = services.gazetteer

    def last(text, name):
        spans = find_spans(text, gaz)
        best = {i: gaz.country_entry["EG"] for i, s in enumerate(spans) if s.name == "Egypt"}
        return last_country(gaz, spans, [i for i, s in enumerate(spans) if s.name == name], best)

    assert last("Officials in Egypt said a nurse in Cairo fell ill.", "Cairo") == {"EG": 1}
    assert last("Egyptian officials said a nurse in Cairo fell ill.", "Cairo") == {"EG": 1}
    # "the Egypt office": the country names no scene
    assert last("The Egypt office of the charity said a nurse in Cairo fell ill.", "Cairo") == {}


def test_a_bare_sea_name_is_the_sea_not_the_province_named_after_it(services):
    # the story's Egyptian votes favour Egypt's Red Sea governorate, but a sea has no country
    # to share votes with: a bare "Red Sea" is the sea
    text = "An Egyptian official said a cargo ship sank in the Red Sea on Monday; Egypt sent two navy boats."
    got = places(services, text, at(text, "Egyptian", "Red Sea", "Egypt"))
    assert got["Red Sea"][:3] == ("Red Sea", "region", "")
    # the province keeps its region word, or its country after it
    got = places(services, "Fighting reached Port Sudan, the capital of Red Sea State, as Sudan's army regrouped.")
    assert got["Red Sea State"][1:3] == ("admin1", "SD")
    text = "Aid arrived in Port Sudan and Kassala, Sudan, and in Red Sea, Sudan, officials said."
    got = places(services, text, at(text, "Port Sudan", "Kassala", "Sudan", "Red Sea"))
    assert got["Red Sea"][1:3] == ("admin1", "SD")


def test_a_list_of_region_names_is_a_list_of_regions_not_an_address(services):
    # "Washington, Pennsylvania" alone is the town; in a list of states it is the state, and
    # "California" is the state too, not the town of Pennsylvania near Washington, PA
    text = ("Cases were reported in Oregon, Idaho and Utah. Officials are checking cases in "
            "Washington, Pennsylvania and California.")
    got = places(services, text)
    assert got["Washington"][1:4] == ("admin1", "US", "US.WA")
    assert got["California"][1:4] == ("admin1", "US", "US.CA")
    got = places(services, "The parade in Washington, Pennsylvania drew crowds.")
    assert got["Washington"][1:4] == ("city", "US", "US.PA")
    # cities whose regions are named after them stay cities
    got = places(services, "Russian missiles hit Kyiv, Kharkiv and Odesa overnight.")
    assert [got[n][1] for n in ("Kyiv", "Kharkiv", "Odesa")] == ["city", "city", "city"]
