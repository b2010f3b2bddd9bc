"""The record of a candidate place mention, shared by recognition and resolution.

Recognition (:mod:`mapper.extract.toponyms`) produces :class:`Span` records and the
resolver (:mod:`mapper.geo.resolve`) consumes them; they live here so that ``geo``
never imports from ``extract`` (extraction depends on geography, not the reverse).
"""
from __future__ import annotations

from dataclasses import dataclass

#: a title before a capitalised run: the run names a person ("President Zelensky")
TITLES = frozenset({
    "president", "senator", "sen", "secretary", "minister", "mr", "mrs", "ms", "dr", "general", "gen",
    "diplomat", "spokesman", "spokeswoman", "spokesperson", "ambassador", "chancellor", "premier", "king",
    "queen", "prince", "princess", "pope", "envoy", "commander", "colonel", "col", "lt", "captain", "capt",
    "rep", "representative", "governor", "gov", "mayor", "judge", "justice", "professor", "prof", "sheikh",
    "emir", "sultan", "lord", "lady", "sir", "saint", "chairman", "chairwoman", "director", "officer",
    "sergeant", "sgt", "admiral", "marshal", "lawmaker", "mp", "rabbi", "imam", "bishop", "father", "reverend",
    "rev", "coach", "actor", "actress", "singer", "journalist", "correspondent", "analyst", "founder", "ceo",
    # "Hezbollah leader Hassan Nasrallah", "army chief Asim Munir"
    "leader", "chief", "deputy", "activist", "politician",
})
#: prepositions that introduce a location
LOCATIVES = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across", "around", "toward",
                       "towards", "over", "on", "inside", "through", "via", "between", "of", "targeting",
                       "struck", "hit", "attacked", "shelled", "bombed", "captured", "liberated"})


@dataclass(frozen=True)
class Span:
    """A candidate place mention and the evidence around it.

    ``start``/``end`` are offsets into the text given to :func:`find_spans`;
    ``key`` is the gazetteer key matched; ``region_word`` is the region word that
    follows ("oblast", "region") or ""; ``covered`` tells whether every word of the
    capitalised run it sits in is a known name or connector.
    """

    name: str
    start: int
    end: int
    key: str
    demonym: str | None = None
    covered: bool = True
    run_start: bool = True
    sentence_initial: bool = False
    prev_word: str = ""
    region_word: str = ""
    headline: bool = False


def quick_span(name: str, start: int, end: int, key: str, demonym: str | None, covered: bool, run_start: bool,
               sentence_initial: bool, prev_word: str, region_word: str, headline: bool) -> Span:
    """The :class:`Span` of these field values (every one of them, in field order).

    Recognition makes one per mention; a frozen dataclass's ``__init__`` sets each field
    through ``object.__setattr__``, three times the cost of filling the instance's
    ``__dict__`` at once as here.  The record is the same (equal, same hash and ``vars``).
    """
    span = object.__new__(Span)
    span.__dict__.update(name=name, start=start, end=end, key=key, demonym=demonym, covered=covered,
                         run_start=run_start, sentence_initial=sentence_initial, prev_word=prev_word,
                         region_word=region_word, headline=headline)
    return span
