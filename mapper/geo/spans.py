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
