"""Place mentions the capitalised-run matcher cannot see.

* abbreviations written with dots ("Ky.", "W. Va.", "B.C.", "L.A."), whose keys
  without the dots are words ("Mo", "La", "Pa"): taken only after a comma ("Louisville,
  Ky.") or a locative word ("in Calif."), and only as listed in ``abbreviations.csv``;
* facilities with a lower-case head ("Engels airbase", "Zamzam camp", "Al-Shifa
  hospital", "Zaporizhzhia nuclear power plant"): the capitalised words before a facility
  head word, with the head, looked up among the facility names of the gazetteer;
* a compass word that shares the rest of the next name ("North and South Kivu", "North,
  South and West Darfur"): the capitalised-run matcher drops a bare "North" as no name; it
  is "North Kivu" when the gazetteer knows that name;
* "Village, Region" pairs whose village the gazetteer lacks ("Kurakhove, Donetsk
  Oblast"): a capitalised word or two after a locative word ("in", "near", "shelled")
  and right before ", " and a region name becomes a mention of its own, which resolution
  places in that region (``geo_precision`` 3).

And the steps around the matcher: the filters of its spans (given names that open a
person's name, region words a list shares) and :func:`span_at`, the span of a mention whose
offsets are given.
"""
from __future__ import annotations

import bisect
import dataclasses
import itertools
import re

from mapper.extract.lexicon import Prefiltered
from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.names import key
from mapper.geo.spans import Span

#: the capitals a name starts with (Latin with diacritics, Cyrillic)
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽА-ЯЁЇІЄҐ"
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")

# "(?<![\w.])[A-Z]" written with the capital first: the engine then skips to a capital (2.5x faster)
_ABBREV = re.compile(r"[A-Z](?<![\w.][A-Z])[a-z]{0,5}\.(?: ?[A-Z][a-z]{0,4}\.){0,3}")
_FACILITY_HEADS = ("nuclear power plant|nuclear power station|thermal power plant|hydroelectric power plant"
                   "|hydroelectric dam|power plant|power station|nuclear plant|nuclear facility|nuclear site"
                   "|enrichment facility|oil refinery|refinery|oil depot|fuel depot|oil terminal|terminal|depot"
                   "|seaport|port|harbou?r|naval base|air ?base|air force base|airfield|air field|airport|military base"
                   "|base|bridge|dam|border crossing|crossing|checkpoint|border post|refugee camp|displacement camp|camp"
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
_ADMIN1, _REGION, _COUNTRY = KINDS.index("admin1"), KINDS.index("region"), KINDS.index("country")
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


def find_compass_units(text: str, gaz: Gazetteer, found: list) -> list:
    """Spans of first-level units named by a compass word and a lower-case unit word ("the South governorate",
    "Nabatieh and South governorates", "the Centre-Nord region"): the compass word alone names nothing
    (``NOT_NAMES``); with its unit word it is a unit of that name the gazetteer holds, read like "Kharkiv region",
    in a country the text names (``found``: its spans; "the East region" of a story about Ukraine is no
    Cameroonian province)."""
    from mapper.extract.toponyms import Span, _prev_word

    out: list = []
    if _COMPASS_UNIT.search(text) is None:
        return out  # most texts: no such phrase
    named = {gaz.demonyms[s.key] for s in found if s.key in gaz.demonyms} | {
        gaz.country[e] for s in found for e, _ in gaz.candidates(s.key) if gaz.kind[e] == _COUNTRY}
    taken = [(s.start, s.end) for s in found]
    for m in _COMPASS_UNIT.finditer(text):
        if _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
                or any(a < m.start() + len(m.group("c")) and m.start() < b for a, b in taken):
            continue  # part of a longer name: "the Far North region", "Upper East region"
        name, word = m.group("c"), m.group("w") or m.group("l")
        k = key(name)
        unit = _SINGULAR_UNIT.get(word, word)
        units = [e for e, _ in (*gaz.candidates(f"{k} {unit}"), *gaz.candidates(k)) if gaz.kind[e] == _ADMIN1]
        if not any(gaz.country[e] in named for e in units):
            continue
        prev, opens = _prev_word(text, m.start())
        out.append(Span(name=name, start=m.start(), end=m.start() + len(name), key=k, prev_word=prev,
                        sentence_initial=opens, region_word=word, covered=True))
    return out


#: a capitalised compass word (alone, joined or with a French direction) before a lower-case unit word
_UNIT_WORDS = r"governorates?|regions?|provinces?|departments?|states?"
_COMPASS_UNIT = Prefiltered(re.compile(r"\b(?P<c>(?:North|South|East|West|Centre|Center|Central)(?:[- ](?:East|West|Nord|Sud|Est|Ouest))?)"
                                       rf"(?:\s+(?P<w>{_UNIT_WORDS})\b"
                                       # ... or first in a list that ends in the plural unit word: "in the South, Nabatieh, Bekaa
                                       # and Mount Lebanon governorates"
                                       r"|(?=(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*)*)+"
                                       r"\s+(?P<l>governorates|regions|provinces|departments|states)\b))"))
_NAME_BEFORE = re.compile(r"[A-Z][\w'’]*[\s-]$")
_SINGULAR_UNIT = {"governorates": "governorate", "regions": "region", "provinces": "province",
                  "departments": "department", "states": "state"}


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
    from mapper.extract.run_plans import _CALENDAR
    from mapper.extract.toponyms import FUNCTION_WORDS, LOCATIVES, Span, _prev_word

    added = []
    for i, span in enumerate(spans):
        if text[span.start - 2:span.start] != ", " or span.demonym or not _is_region_name(gaz, span.key):
            continue
        if i and spans[i - 1].end >= span.start - 2:
            continue  # the name before is a known place already
        m = _UNKNOWN.search(text, max(0, span.start - 40), span.start)
        if m is None or m.group(1).split()[0].lower() in FUNCTION_WORDS or m.group(1).lower() in _CALENDAR:
            continue  # not "On Friday, Yerevan accused Baku": a day before a region
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


_NEXT_NAME = re.compile(rf" ([{UPPER}][\w'’\-]+)")


def drop_personal_names(text: str, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """Names that open a person's name: "Vladimir Putin", "Jackson Smith".

    News names a person in full once and by the surname after that.  A place name that
    opens a capitalised run whose next word is no place name is a given name when that
    next word also stands alone elsewhere in the text (a one-word capitalised run:
    "Putin said") and never appears in lower case (so "Regional", "Health" or "Military"
    of an institution's name do not count).
    """
    out = []
    for span in spans:
        if not span.covered and span.run_start and not span.region_word and span.demonym is None:
            nxt = _NEXT_NAME.match(text, span.end)
            if nxt and _stands_alone(text, POSSESSIVE.sub("", nxt.group(1)), nxt.start(1), gaz):
                continue
        out.append(span)
    return out


def _occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` stands as a whole word in ``text`` (str.find: no regex per word)."""
    out = []
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
            out.append(i)
        i = text.find(word, i + 1)
    return out
_LAST_TOKEN = re.compile(r"(\S+)$")
_CAPITAL_NEXT = re.compile(rf" [{UPPER}]")


def _stands_alone(text: str, word: str, at: int, gaz: Gazetteer) -> bool:
    """Whether ``word`` (found at ``at``) is a surname-like word: no place name, never in
    lower case, and a one-word capitalised run somewhere else in ``text``."""
    if len(word) < 3 or key(word) in gaz.index or _occurrences(text, word.lower()):
        return False
    for start in _occurrences(text, word):
        if start == at:
            continue
        end = start + len(word)
        before = text[max(0, start - 40):start].rstrip(" \"“‘'(")
        prev = _LAST_TOKEN.search(before)
        after = text[end:end + 40]
        after = POSSESSIVE.sub("", after[:2]) + after[2:] if after[:1] in "'’" else after
        if (prev is None or not prev.group(1)[:1].isupper() or prev.group(1)[-1:] in ".:;!?") \
                and not _CAPITAL_NEXT.match(after):
            return True
    return False


def share_region_words(text: str, spans: list[Span]) -> list[Span]:
    """Names listed next to a plural region word share it: in "the Belgorod, Kursk and
    Bryansk regions" and in "the regions of Belgorod, Kursk and Bryansk" all three are
    regions, not only Bryansk."""
    for i in range(len(spans) - 2, -1, -1):
        nxt = spans[i + 1]
        if nxt.region_word in _PLURAL_REGION and not spans[i].region_word \
                and _LISTED.match(text, spans[i].end, nxt.start):
            spans[i] = dataclasses.replace(spans[i], region_word=nxt.region_word, covered=True)
    # "the regions of Kherson, Donetsk and Kharkiv": the list after a plural region word
    word = ""
    for i, span in enumerate(spans):
        # both patterns end in "of" or "the" and white space: most spans follow neither
        tail = text[max(0, span.start - 40):span.start].rstrip()[-3:].lower()
        of = tail.endswith(("of", "the"))
        lead = of and _REGIONS_OF.search(text, max(0, span.start - 40), span.start)
        if lead:
            word = lead.group(1).lower()
        elif not (word and i and _LISTED.match(text, spans[i - 1].end, span.start)):
            word = ""
        if word and not span.region_word:
            spans[i] = dataclasses.replace(span, region_word=word, covered=True)
        elif of and not span.region_word and _CITY_OF.search(text, max(0, span.start - 30), span.start):
            # "the city of Gaza", "the town of Sumy": the town, as "Gaza city" is
            spans[i] = dataclasses.replace(spans[i], region_word="city", covered=True)
    return spans


_PLURAL_REGION = frozenset({"regions", "oblasts", "provinces", "states", "governorates", "counties",
                            # second-level units listed as news lists them: "in Rutshuru and Masisi territories"
                            "districts", "territories", "localities", "raions", "rayons", "townships", "municipalities"})
_LISTED = re.compile(r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_CITY_OF = re.compile(r"\b(?=\w)(?:city|town|port)\s+of\s+$", re.IGNORECASE)
_REGIONS_OF = re.compile(r"\b(?=\w)(regions|oblasts|provinces|governorates)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


_SAINT = re.compile(r"\b(?=\w)(St|Mt|Ft)\.?(?= )")
_SAINTS = {"St": "Saint", "Mt": "Mount", "Ft": "Fort"}
_COUNTY_UNITS = ("County", "Parish", "Borough")


def _saint(m: re.Match) -> str:
    return _SAINTS[m.group(1)]


#: words after a town's name in the name of its township, borough or station
_PLACE_SUFFIXES = frozenset({"township", "twp", "borough", "village", "town", "city", "station", "municipality"})
_FALLBACK_PREFIX = re.compile(r"^(?:the|city of|town of|village of|state of|republic of|province of)\s+", re.IGNORECASE)


def span_at(text: str, start: int, end: int, gaz: Gazetteer) -> Span:
    """A span for a given mention (gold or user-supplied offsets).

    The key is the mention's own if the gazetteer has it; otherwise without a
    leading "the"/"city of", without a possessive, with "St."/"Mt." written out, without
    a trailing region word, or as a US county ("Gwinnett", "Loudon Co."); the span keeps
    the given offsets whatever key matched.
    """
    from mapper.extract.toponyms import REGION_WORDS, _prev_word

    name = text[start:end]
    tries = [name, POSSESSIVE.sub("", name), _FALLBACK_PREFIX.sub("", name), _SAINT.sub(_saint, name)]
    words = name.split()
    if len(words) > 1 and words[-1].lower().rstrip(".") in REGION_WORDS | _PLACE_SUFFIXES:
        tries.append(" ".join(words[:-1]))  # "Kharkiv region", "Readington Township", "Greer Station"
    bare = " ".join(words[:-1]) if len(words) > 1 and words[-1] == "Co." else name
    tries += [f"{bare} {unit}" for unit in _COUNTY_UNITS]  # news writes a county without its word
    abbreviation = name.replace(" ", "").casefold()
    if abbreviation in gaz.abbreviations:  # "W. Va.", "Ky."
        return Span(name=name, start=start, end=end, key=abbreviation, covered=True)
    found = next((key(t) for t in tries if key(t) in gaz.index or key(t) in gaz.demonyms), key(name))
    prev, opens = _prev_word(text, start)
    region_word = words[-1].lower() if len(words) > 1 and words[-1].lower() in REGION_WORDS else ""
    return Span(name=name, start=start, end=end, key=found, covered=True, sentence_initial=opens,
                prev_word=prev, region_word=region_word, demonym=gaz.demonyms.get(found))


_COMPASS = r"(?:North|South|East|West|Central|Upper|Lower)"
#: a compass word and what joins it to the next name ("North and ", "North, ")
_HEAD_BEFORE = re.compile(rf"\b(?=\w)({_COMPASS})(?:,\s+|\s+(?:and|or|&)\s+|,\s+(?:and|or)\s+)$")
_NAME_HEAD = re.compile(rf"{_COMPASS}\s+(?P<rest>\S.*)")


def compass_heads(text: str, spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """The spans with a bare compass word that shares the rest of the next name added as a
    span of that whole name ("North" in "North and South Kivu" is North Kivu), right to left
    so that "North, South and West Darfur" gives both; only names the gazetteer knows."""
    out = list(spans)
    for i in range(len(out) - 1, -1, -1):
        head = _NAME_HEAD.fullmatch(out[i].name)
        if head is None:
            continue
        nxt = out[i]
        while (m := _HEAD_BEFORE.search(text, max(0, nxt.start - 12), nxt.start)) is not None:
            whole = key(f"{m.group(1)} {head.group('rest')}")
            if not gaz.candidates(whole):
                break
            nxt = dataclasses.replace(nxt, name=m.group(1), start=m.start(1), end=m.end(1), key=whole,
                                      region_word="", covered=True)
            out.insert(i, nxt)
    return out
