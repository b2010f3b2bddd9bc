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
