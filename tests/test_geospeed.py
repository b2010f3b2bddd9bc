"""The fast paths of recognition and resolution: packed index, memo tables, word keys."""
from __future__ import annotations

import dataclasses
import gc
import pickle

import pytest

from mapper.extract.toponyms import find_spans
from mapper.geo.gazetteer import Gazetteer, key_heads, pack_candidates
from mapper.geo.names import key
from mapper.geo.spans import Span, quick_span
from mapper.geoparse import geoparse_text
from mapper.pipeline import Services


@pytest.fixture(scope="module")
def services():
    return Services.load()


def _tiny(index: dict) -> Gazetteer:
    n = 8
    return Gazetteer(names=[f"P{i}" for i in range(n)], lon=[0.0] * n, lat=[0.0] * n, country=["UA"] * n,
                     admin1=[None] * n, kind=[0] * n, geonameid=[None] * n, population=[0] * n, index=index)


def test_pack_candidates_encodes_single_entries_as_ints():
    index = {"kyiv": ((5, True),), "paris": ((1, False), (7, True)), "vila": ((0, False),)}
    packed, shared = pack_candidates(index)
    assert packed == {"kyiv": 11, "paris": -1, "vila": 0}
    assert shared == [((1, False), (7, True))]


def test_packed_and_plain_indexes_give_the_same_candidates():
    plain = {"kyiv": ((5, True),), "paris": ((1, False), (7, True)), "vila": ((0, False),)}
    packed, shared = pack_candidates(plain)
    gaz = _tiny(packed)
    gaz.shared = shared
    for k, pairs in plain.items():
        assert gaz.candidates(k) == pairs
        assert _tiny(plain).candidates(k) == pairs
    assert gaz.candidates("lviv") == ()
    assert gaz.candidates("vila")[0][1] is False and gaz.candidates("kyiv")[0][1] is True


def test_memo_tables_stay_out_of_pickles():
    gaz = _tiny({"kyiv": 11})
    gaz.memo("resolve.strength")["kyiv"] = 2
    copy = pickle.loads(pickle.dumps(gaz))
    assert copy.memo("resolve.strength") == {}
    assert gaz.memo("resolve.strength") == {"kyiv": 2}
    assert copy.candidates("kyiv") == ((5, True),)


def test_shipped_index_is_packed(services):
    gaz = services.gazetteer
    assert isinstance(gaz.index["kyiv"], int)
    assert all(gaz.kind[e] is not None for e, _ in gaz.candidates("kyiv"))
    assert any(gaz.names[e] == "Kyiv" and main for e, main in gaz.candidates("kyiv"))


@pytest.mark.parametrize("text, name, expected", [
    ("Troops reached Rostov-on-Don's outskirts.", "Rostov-on-Don", "rostov on don"),
    ("Ships left the Sea of Azov's ports.", "Sea of Azov", "sea of azov"),
    ("Shelling hit Kam'ianske again.", "Kam'ianske", "kamianske"),
    ("Crowds gathered in New York City's squares.", "New York City", "new york city"),
])
def test_multi_word_keys_join_the_keys_of_their_words(services, text, name, expected):
    spans = find_spans(text, services.gazetteer)
    assert [(s.name, s.key) for s in spans] == [(name, expected)]
    assert key(name) == " ".join(key(w) for w in name.split()) == expected


def test_given_spans_take_context_only_from_mentions_outside_them(services):
    text = "Flooding hit Paris, Texas on Monday."
    paris = {"start": 13, "end": 18}
    alone = geoparse_text(text, services, [paris])
    assert [(r.mention.name, r.place.country, r.place.admin1_gn) for r in alone] == [("Paris", "US", "US.TX")]
    # a given span over "Texas" hides mapper's own "Texas": the given one is the context now
    both = geoparse_text(text, services, [paris, {"start": 20, "end": 25}])
    assert [(r.mention.name, r.place.admin1_gn) for r in both] == [("Paris", "US.TX"), ("Texas", "US.TX")]
    # a given span overlapping "Texas" by one character hides it too
    cut = geoparse_text(text, services, [paris, {"start": 24, "end": 28}])
    assert cut[0].place.country == "FR"


def test_quick_span_is_the_dataclass_record():
    values = dict(name="Kyiv", start=3, end=7, key="kyiv", demonym="UA", covered=False, run_start=False,
                  sentence_initial=True, prev_word="in", region_word="oblast", headline=True)
    assert list(values) == [f.name for f in dataclasses.fields(Span)]  # every field, in order
    quick, made = quick_span(*values.values()), Span(**values)
    assert quick == made and hash(quick) == hash(made) and list(vars(quick).items()) == list(vars(made).items())
    assert dataclasses.replace(quick, region_word="") == Span(**{**values, "region_word": ""})
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.key = "lviv"


def test_gazetteer_columns_are_untracked_tuples():
    gaz = _tiny({"kyiv": 1})
    assert all(type(getattr(gaz, name)) is tuple for name in ("names", "lon", "lat", "country", "admin1", "kind",
                                                               "geonameid", "population"))
    gc.collect()  # a tuple of numbers and strings leaves the collector's lists at its first collection
    assert not gc.is_tracked(gaz.lat) and not gc.is_tracked(gaz.names)


def test_heads_table_bounds_longer_names_without_losing_any():
    assert key_heads(["new york city", "new york", "york", "kyiv oblast", "south ossetian"]) == \
        {"new": 3, "kyiv": 2, "south": 2}
    gaz = _tiny({"new york city": 1, "new york": 3, "york": 5, "john": 7})  # built by hand: the table is derived
    gaz.demonyms = {"south ossetian": "GE"}
    text = "John Smith flew from New York City to York, New York, with South Ossetian friends."
    assert [s.key for s in find_spans(text, gaz)] == ["john", "new york city", "york", "new york", "south ossetian"]
    assert gaz.heads == {"new": 3, "south": 2}


def test_compiled_gazetteer_carries_its_heads_table(services):
    gaz = services.gazetteer
    assert gaz.heads["new"] >= 3 and "kyiv" in gaz.heads and gaz.heads.get("smith", 1) <= gaz.max_tokens


def test_contexts_of_votes_and_without_are_the_dataclass_records(services):
    from collections import Counter

    from mapper.geo import context
    gaz = services.gazetteer
    kyiv, lviv = gaz.candidates("kyiv")[0][0], gaz.candidates("lviv")[0][0]
    full = context.votes(gaz, [kyiv, lviv], Counter({"RU": 1}))
    assert list(vars(full)) == [f.name for f in dataclasses.fields(context.Context)]  # every field, in order
    assert full == context.Context(full.countries, full.admin1, full.size, towns_see=full.towns_see)
    assert full.countries == {"RU": 0.5, "UA": 2.0} and type(full.countries) is Counter and full.spill == {}
    own = context.without(full, gaz, kyiv)
    assert own == context.Context(full.countries, full.admin1, full.size, "UA", gaz.admin1[kyiv], 1.0,
                                  full.towns_see, True) and own.spill is full.spill
    with pytest.raises(dataclasses.FrozenInstanceError):
        own.size = 0.0


def test_one_word_runs_are_planned_as_the_general_planner_would(services):
    from mapper.extract import run_plans
    gaz = services.gazetteer
    text = "Kyiv's mayor met Ukrainian and March officials in the Kremlin; Paris, Mexico and The Times."
    words = ["Kyiv's", "Ukrainian", "March", "Kremlin", "Paris", "Mexico", "The", "Times"]
    planned = 0
    for word in words:
        base = text.index(word)
        info = run_plans._word(word)
        venues = run_plans._venues(text, base, [word]) if info[run_plans._INSTITUTION] else frozenset()
        general = run_plans._plan([word], [info], gaz, venues)
        assert run_plans._run_plan(text, base, word, gaz, {}) == general
        planned += bool(general)
    assert planned >= 5  # Kyiv, Ukrainian (a demonym), Kremlin (a venue here), Paris, Mexico
