"""Place mentions the capitalised-run matcher cannot see.

* abbreviations written with dots ("Ky.", "W. Va.", "B.C.", "L.A."), whose keys
  without the dots are words ("Mo", "La", "Pa"): taken only after a comma ("Louisville,
  Ky.") or a locative word ("in Calif."), and only as listed in ``abbreviations.csv``;
* facilities with a lower-case head ("Engels airbase", "Zamzam camp", "Al-Shifa
  hospital", "Zaporizhzhia nuclear power plant"): the capitalised words before a facility
  head word, with the head, looked up among the facility names of the gazetteer;
* "Village, Region" pairs whose village the gazetteer lacks ("Kurakhove, Donetsk
  Oblast"): a capitalised word or two after a locative word ("in", "near", "shelled")
  and right before ", " and a region name becomes a mention of its own, which resolution
  places in that region (``geo_precision`` 3).
"""
from __future__ import annotations

import bisect
import itertools
import re

from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.names import key

# "(?<![\w.])[A-Z]" written with the capital first: the engine then skips to a capital (2.5x faster)
_ABBREV = re.compile(r"[A-Z](?<![\w.][A-Z])[a-z]{0,5}\.(?: ?[A-Z][a-z]{0,4}\.){0,3}")
_FACILITY_HEADS = ("nuclear power plant|nuclear power station|thermal power plant|hydroelectric power plant"
                   "|hydroelectric dam|power plant|power station|nuclear plant|nuclear facility|nuclear site"
                   "|enrichment facility|oil refinery|refinery|oil depot|fuel depot|oil terminal|terminal|depot"
                   "|seaport|port|harbou?r|naval base|air ?base|air force base|airfield|air field|airport|military base"
                   "|base|bridge|dam|border crossing|crossing|checkpoint|refugee camp|displacement camp|camp"
                   "|hospital|medical complex|medical center|steel ?works|steel plant|coke plant|plant|pipelines?"
                   "|facility|reactor|garrison|tv tower|television tower|npp|tpp|hpp|chp")
_MODIFIERS = ("nuclear|thermal|hydroelectric|oil|fuel|naval|air|refugee|displacement|border|military|steel|medical"
              "|gas|children's|children’s|power|river|sea|main|central|regional|city|district")
_FACILITY_AT = re.compile(rf" (?:(?:{_MODIFIERS}) ){{0,2}}(?:{_FACILITY_HEADS})\b", re.IGNORECASE)
#: first letters of the heads: most capitalised runs are followed by none of them
HEAD_INITIALS = frozenset("nthpoifrdsabcgmTNHPOIFRDSABCGM")
_FACILITY_WORDS_BEFORE = 4
_WORD_BEFORE = re.compile(r"[\w'’.\-]+ ?$")
_FACILITY_KIND = KINDS.index("facility")
_ADMIN1, _REGION = KINDS.index("admin1"), KINDS.index("region")
_LOCATIVE_BEFORE = re.compile(r"(?:,|\b(?:in|of|from|near|at|to|outside))\s+$", re.IGNORECASE)
_UNKNOWN = re.compile(r"(?<![\w'’.\-])([A-Z][a-z'’\-]{2,}(?: [A-Z][a-z'’\-]{2,})?), $")


def find_abbreviations(text: str, gaz: Gazetteer) -> list:
    """Spans of listed abbreviations written with dots, after a comma or a locative word."""
    from mapper.extract.toponyms import Span, _prev_word

    table = gaz.abbreviations
    if not table:
        return []
    out = []
    for m in _ABBREV.finditer(text):
        k = m.group().replace(" ", "").casefold()
        if k not in table or not _LOCATIVE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        prev, opens = _prev_word(text, m.start())
        out.append(Span(name=m.group(), start=m.start(), end=m.end(), key=k, prev_word=prev,
                        sentence_initial=opens))
    return out


def find_facilities(text: str, run_ends: list[int], gaz: Gazetteer) -> list:
    """Spans of known facilities named by a few words and a facility head ("Engels airbase"),
    looked for after the capitalised runs that end at ``run_ends``."""
    from mapper.extract.toponyms import Span, _prev_word

    out = []
    for end in run_ends:
        m = _FACILITY_AT.match(text, end)
        if m is None:
            continue
        found = _facility_before(text, m.start(), m.end(), gaz)
        if found is None:
            continue
        start, k = found
        prev, opens = _prev_word(text, start)
        out.append(Span(name=text[start:m.end()], start=start, end=m.end(), key=k, prev_word=prev,
                        sentence_initial=opens))
    return out


def find_numbered(text: str, runs: list[tuple[int, int]], gaz: Gazetteer) -> list:
    """Spans of names that end in a number ("Tower 22", "Camp 5"): a capitalised run
    (``runs`` holds their start and end) followed by a number the gazetteer knows with it."""
    from mapper.extract.toponyms import Span, _prev_word

    out = []
    for start, end in runs:
        m = _NUMBER_AFTER.match(text, end)
        if m is None:
            continue
        words = text[start:end].split(" ")
        for i in range(len(words)):  # the longest name first: "the base at Tower 22"
            k = key(" ".join(words[i:]) + m.group())
            if k in gaz.index:
                begin = end - len(" ".join(words[i:]))
                prev, opens = _prev_word(text, begin)
                out.append(Span(name=text[begin:m.end()], start=begin, end=m.end(), key=k, prev_word=prev,
                                sentence_initial=opens))
                break
    return out


_NUMBER_AFTER = re.compile(r" \d{1,4}(?![\d.,:/-]?\d)\b")


def _facility_before(text: str, head_start: int, end: int, gaz: Gazetteer) -> tuple[int, str] | None:
    """The longest run of up to four words before a head that names a facility with it."""
    starts = []
    pos = head_start
    for _ in range(_FACILITY_WORDS_BEFORE):
        m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if m is None or not m.group()[:1].isalnum():
            break
        pos = m.start()
        starts.append(pos)
        if pos == 0 or text[pos - 1] != " ":
            break
        pos -= 1
    for start in reversed(starts):
        if not text[start].isupper():
            continue
        k = key(text[start:end])
        if any(gaz.kind[e] == _FACILITY_KIND for e, _ in gaz.candidates(k)):
            return start, k
    return None


def qualified_unknowns(text: str, spans: list, gaz: Gazetteer) -> list:
    """Add a mention for an unknown capitalised name right before ", Region" (the region
    only says where the village lies); its key is its own and has no candidates."""
    from mapper.extract.toponyms import FUNCTION_WORDS, LOCATIVES, Span, _prev_word

    added = []
    for i, span in enumerate(spans):
        if text[span.start - 2:span.start] != ", " or span.demonym or not _is_region_name(gaz, span.key):
            continue
        if i and spans[i - 1].end >= span.start - 2:
            continue  # the name before is a known place already
        m = _UNKNOWN.search(text, max(0, span.start - 40), span.start)
        if m is None or m.group(1).split()[0].lower() in FUNCTION_WORDS:
            continue
        start, name = m.start(1), m.group(1)
        k = key(name)
        if k in gaz.index or k in gaz.demonyms:
            continue
        prev, opens = _prev_word(text, start)
        if opens or prev not in LOCATIVES:
            continue  # "in Harwinton, Conn.", "shelled Kurakhove, Donetsk"; not "Jones, R-Texas"
        added.append(Span(name=name, start=start, end=start + len(name), key=k, prev_word=prev))
    return sorted(spans + added, key=lambda s: s.start) if added else spans


def _is_region_name(gaz: Gazetteer, k: str) -> bool:
    return k in gaz.abbreviations or any(gaz.kind[e] in (_ADMIN1, _REGION) for e, _ in gaz.candidates(k))


def merge(found: list, extra: list) -> list:
    """``found`` without the spans that overlap one of ``extra``, plus ``extra``, in text order."""
    ordered = sorted(extra, key=lambda s: s.start)
    starts = [e.start for e in ordered]
    reach = list(itertools.accumulate((e.end for e in ordered), max))  # furthest end so far
    keep = []
    for s in found:
        k = bisect.bisect_left(starts, s.end)  # extra spans starting before s ends
        if k == 0 or reach[k - 1] <= s.start:
            keep.append(s)
    return sorted(keep + ordered, key=lambda s: s.start)
