"""What a capitalised run yields from its words alone: the plan of its name matches.

Recognition (:mod:`mapper.extract.toponyms`) finds runs of capitalised words; this module
matches a run's words greedily (longest first) against the gazetteer's name keys and
records what depends on the words alone (offsets in the run, the key, whether the run is
fully made of known names, a region word inside the run).  Plans are memoised per run
text, words per word: the same runs and words recur from article to article.  What
depends on the text around a run (the word before it, a region word after it, a
headline) is read per occurrence by :func:`mapper.extract.toponyms.find_spans`.
"""
from __future__ import annotations

import re

from mapper.extract.governing import HELD_BY_PARTS
from mapper.extract.toponyms_extra import POSSESSIVE as _POSSESSIVE
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.names import key
from mapper.geo.spans import TITLES

#: lower-case words that join the names of a run ("Sea of Azov", "Rostov on Don"; Arabic articles written apart,
#: "Dar es Salaam", "Deir ez Zor"; French "et", "Logone et Chari"), in the run pattern of
#: :mod:`mapper.extract.toponyms` and as words of a plan
_CONN = (r"(?:of|de|del|della|la|le|les|du|des|di|da|do|dos|al|el|on|upon|am|an|im|sur|and|the|y|en|au|aux"
         r"|es|ez|ed|er|ad|ar|az|ash|esh|et)")
_CONNECTORS = frozenset(_CONN[3:-1].split("|"))
#: an Arabic article joined by a hyphen continues a name ("Deir al-Balah", "Ras al-Ain", "Ain al-Arab"),
#: in the run pattern of :mod:`mapper.extract.toponyms`
ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|en|er|es|ez|ul|um)-"
_ARTICLE_WORD = re.compile(ARTICLE + r"\w")
#: words that may follow a name in a capitalised run without being part of it ("Kyiv on Monday")
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december""".split())

#: capitalised words after a name that make it a region mention ("Kyiv Oblast")
REGION_WORDS = frozenset({"oblast", "region", "province", "governorate", "krai", "kray", "raion", "district",
                          "county", "state", "oblasts", "regions", "provinces", "states", "governorates",
                          "counties", "territory", "locality", "rayon", "township", "municipality", "hromada", "lga"})
#: a region word of several words, read as the one-word form ("Gwoza Local Government Area": "lga")
_REGION_PHRASES = {("local", "government", "area"): "lga"}
#: connectors that separate names inside a run ("Galen Miller of Palestine"), unless a match spans
#: them ("Sea of Azov", "Rostov on Don"); "on" only for the name after it: "Attacks on Lviv" leaves
#: Lviv a name of its own, while the words before "on" stay a longer phrase ("Farmers on ...")
_SPLITTERS = frozenset({"of", "and"})
_SPLITTERS_BEFORE = _SPLITTERS | {"on"}
#: capitalised function words (sentence starts, headlines) that are not parts of names
FUNCTION_WORDS = frozenset("""the a an in at on for from to but and or as by with of after before during when
while if since this that these those his her their our its my your some many most all both each every no not
only other such than then there here what which who whom whose why how where also even just more meanwhile
however still yet so thus last next former several two three four five six seven eight nine ten one about
against among between into through under over near outside inside across around despite amid like""".split())
#: nouns after a place name in an organisation or facility name ("Oakland Police")
FACILITY_WORDS = frozenset("""center centre police department dept county parish high school schools hospital
university college airport street st road avenue ave boulevard blvd council fire sheriff sheriffs office park
church library mall bridge station court courthouse jail prison hall stadium arena club port harbor harbour base
museum zoo theatre theater township village city town district area region metro international regional
community memorial elementary middle academy institute""".split())
#: words after a place that make it a news outlet's name
MEDIA_WORDS = frozenset("""post times independent herald tribune journal gazette telegraph observer chronicle
register star sun mirror guardian express inquirer insider pravda today""".split())
#: single words that are never a place's name on their own: directions ("North", "Eastern":
#: relative, not names), holidays, religious and ethnic group words without a country, and
#: armed groups that share a name with a village somewhere ("Hamas"), and the words of a place's
#: state in war that title case capitalises before its name ("the Occupied West Bank")
NOT_NAMES = frozenset("""north south east west northeast northwest southeast southwest northern southern eastern
western central midwest gulf metro downtown uptown midtown christmas easter thanksgiving ramadan hanukkah arab arabs
ismaili muslim christian jewish sunni shia shiite kurdish bedouin hamas hezbollah taliban houthi houthis wagner
occupied annexed besieged embattled""".split())
#: institutions named after their building, not places in news ("the White House said")
INSTITUTIONS = frozenset({"white house", "kremlin", "pentagon"})
#: ... but the building itself after a locative ("talks in the Kremlin", "met at the White House")
_VENUE_BEFORE = re.compile(r"\b(?=\w)(?:in|at|inside|outside)\s+the\s+$", re.IGNORECASE)


_MONTH_ABBR = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_TITLE_KEYS = TITLES | frozenset({"gov", "sen", "sgt", "lt", "col", "gen", "capt", "rep", "dr", "mr", "mrs", "ms"})
#: the keys :func:`_junk_key` rejects as one word, whatever the word
_JUNK_WORDS = INSTITUTIONS | _TITLE_KEYS | _MONTH_ABBR | _CALENDAR | FUNCTION_WORDS | NOT_NAMES


#: What recognition derives from one word of a capitalised run (memoised per word), read by
#: these positions: its name key; the key without a possessive ("Kyiv's" -> "kyiv"); its
#: length without a possessive; lowercased without a possessive; whether it is transparent
#: anywhere in a run (calendar and facility words: "Kyiv on Monday", "Shelbyville Recreation
#: Center", "Oakland Police") and at the edge of a run (also function words capitalised by the
#: sentence, "An Alexandria man", non-names, and adjectives of control, "Russian-held"); whether
#: it is never a place mention on its own ("The", "March", "I've", see _junk_key); whether a
#: token of its keys is one of an institution's name (see _INSTITUTION_TOKENS).  A plain tuple,
#: not a NamedTuple: the collector stops tracking a tuple of strings and numbers, not a
#: subclass's instances, and a cold pass over a corpus keeps thousands of them (enough to set
#: off a full collection).
_Word = tuple[str, str, int, str, bool, bool, bool, bool]
_KEY, _BARE_KEY, _BARE_LEN, _BARE_LOWER, _INNER, _EDGE, _JUNK, _INSTITUTION = range(8)


_WORDS: dict[str, _Word] = {}
_WORDS_MAX = 200_000  # the memo is emptied when it grows past this (bounded memory on huge corpora)


def _word(word: str) -> _Word:
    """The memoised :data:`_Word` record of a word (the same words recur in every article)."""
    found = _WORDS.get(word)
    if found is None:
        if len(_WORDS) >= _WORDS_MAX:
            _WORDS.clear()
        # without an apostrophe there is no possessive: one key serves both (most words)
        plain = "'" not in word and "’" not in word
        bare = word if plain else _POSSESSIVE.sub("", word)
        lower = bare.lower()
        inner = lower in _CALENDAR or lower in FACILITY_WORDS
        bare_key = lower if bare.isalpha() and bare.isascii() else key(bare)  # key's own shortcut
        word_key = bare_key if plain else key(word)
        tokens = (bare_key,) if plain and " " not in bare_key else (word_key + " " + bare_key).split()
        found = _WORDS[word] = (word_key, bare_key, len(bare), lower, inner,
                                inner or lower in FUNCTION_WORDS or lower in NOT_NAMES
                                or ("-" in lower and lower.rpartition("-")[2] in HELD_BY_PARTS),
                                # _junk_key of the one word, its contraction test only with an apostrophe
                                bare_key in _JUNK_WORDS or (not plain and _junk_key(bare_key, [word])),
                                not _INSTITUTION_TOKENS.isdisjoint(tokens))
    return found


def _match(gaz: Gazetteer, info: list[_Word], i: int, heads: dict[str, int] | None = None) -> tuple[int, str]:
    """Longest gazetteer key starting at word ``i``: (number of words, key) or (0, "").

    The key of several words is the keys of its words joined by spaces (empty ones
    dropped): :func:`mapper.geo.names.key` maps characters one by one and folds runs
    of separators into one space, so this equals the key of the joined words.  ``heads``:
    the gazetteer's :meth:`~mapper.geo.gazetteer.Gazetteer.key_heads`, given when every
    word's key and bare key is non-empty (a run's words open with a capital).
    """
    index, demonyms = gaz.index, gaz.demonyms
    top = min(len(info) - i, gaz.max_tokens)
    if heads is not None:
        # a key of n words has n tokens or more and opens with the first word's first token: the
        # heads table bounds n (most words open no longer name); the keys of the longer
        # matches extend one another, so they are built once, shortest first
        first = info[i][_KEY]
        top = min(top, heads.get(first.partition(" ")[0], 1))
        if top > 1:
            keys = [first]
            for w in info[i + 1:i + top - 1]:
                keys.append(keys[-1] + " " + w[_KEY])
            for n in range(top, 1, -1):
                k = keys[n - 2] + " " + info[i + n - 1][_BARE_KEY]
                if k in index or (n == 2 and k in demonyms):
                    return n, k
        top = 1
    for n in range(top, 0, -1):
        last = info[i + n - 1][_BARE_KEY]
        if n == 1:
            k = last
        else:
            k = " ".join([w[_KEY] for w in info[i:i + n - 1] if w[_KEY]] + ([last] if last else []))
        if k in index or (n <= 2 and k in demonyms):
            return n, k
    return 0, ""


#: A span a capitalised run yields wherever it occurs, what depends on its words alone:
#: (start, end, key, demonym, covered, run_start, region_word, region_end, part) with
#: start/end: the name's offsets in the run; covered: before a region word after the run is
#: counted; region_word: a region word of the run right after the name ("Kyiv Oblast") or "",
#: region_end: where it ends; part: 0 a name, 1 the first part of a hyphenated word
#: ("Russia-Ukraine"), 2 a later part.  A plain tuple, not a NamedTuple: the collector stops
#: tracking a tuple of numbers and strings (and the plans made of them), not a subclass's
#: instances, and thousands of them outlive every pass.
_Entry = tuple[int, int, str, "str | None", bool, bool, str, int, int]


_RUNS_MAX = 200_000  # the run memo is emptied when it grows past this
#: tokens of the words an institution's name is made of (see INSTITUTIONS): such a run's spans
#: depend on the words before it ("in the Kremlin"), so they are not memoised
_INSTITUTION_TOKENS = frozenset({"white", "kremlin", "pentagon"})


def _run_plan(text: str, base: int, run: str, gaz: Gazetteer, plans: dict[str, tuple[_Entry, ...]]
              ) -> tuple[_Entry, ...]:
    """What ``run`` (at ``base`` in ``text``) yields from its words alone, memoised in ``plans``.

    The same runs recur across articles ("United States", "New York City", "The"); only
    the words around a run (the word before, a region word after, a headline line) are
    read per occurrence, by :func:`_occurrence`.
    """
    if len(plans) >= _RUNS_MAX:
        plans.clear()
    if " " not in run and "-" not in run:
        # most runs are one word: without a hyphen, it yields its match or nothing
        info = _word(run)
        k = info[_BARE_KEY]
        if k not in gaz.index and k not in gaz.demonyms:
            plans[run] = ()
            return ()
        if info[_INSTITUTION]:
            return _plan([run], [info], gaz, _venues(text, base, [run]))
        # what _plan makes of one named word: its match, covered and opening its run, or
        # nothing when the word is junk ("The", "March"; an institution's word went above)
        end = info[_BARE_LEN]
        plan = plans[run] = () if info[_JUNK] else ((0, end, k, gaz.demonyms.get(k), True, True, "", end, 0),)
        return plan
    words = run.split(" ")  # the run pattern joins its words with single spaces
    known = _WORDS.get
    info = [known(w) or _word(w) for w in words]
    for w in info:
        if w[_INSTITUTION]:
            return _plan(words, info, gaz, _venues(text, base, words))
    plan = plans[run] = _plan(words, info, gaz, frozenset())
    return plan


def _venues(text: str, base: int, words: list[str]) -> frozenset[int]:
    """The words of a run after "in the", "at the", where an institution names its building."""
    out = set()
    pos = base
    for j, word in enumerate(words):
        if _VENUE_BEFORE.search(text, max(0, pos - 12), pos):
            out.add(j)
        pos += len(word) + 1
    return frozenset(out)


def _plan(words: list[str], info: list[_Word], gaz: Gazetteer, venues: frozenset[int]) -> tuple[_Entry, ...]:
    """What a run of ``words`` yields, offsets in the run; ``venues``: see :func:`_venues`."""
    pieces = []
    pos = 0
    for word in words:
        pieces.append((pos, word))
        pos += len(word) + 1
    joined = "".join(words)
    if ("'" not in joined and "’" not in joined) or all(w[_BARE_LEN] == len(word) for w, word in zip(info, words)):
        return tuple(_segment(pieces, words, info, gaz, venues))  # no possessive: the run is one segment
    entries: list[_Entry] = []
    # a possessive ends a name: "FBI's Atlanta office" is two runs
    cut = 0
    for idx, (_, word) in enumerate(pieces):
        if idx == len(pieces) - 1 or \
                (info[idx][_BARE_LEN] != len(word) and not _spans_possessive(gaz, info, cut, idx)):
            entries.extend(_segment(pieces[cut:idx + 1], words[cut:idx + 1], info[cut:idx + 1], gaz,
                                    frozenset(j - cut for j in venues if cut <= j <= idx)))
            cut = idx + 1
    return tuple(entries)


def _spans_possessive(gaz: Gazetteer, info: list[_Word], cut: int, idx: int) -> bool:
    """Whether a name runs through the possessive at word ``idx``: "Donetsk People's
    Republic" is one name, not "Donetsk People" and "Republic"."""
    if idx + 1 >= len(info):
        return False
    # the name's last word may carry a possessive of its own: "the Donetsk People's Republic's town of Gorlovka"
    last = {info[idx + 1][_KEY], info[idx + 1][_BARE_KEY]}
    return any(" ".join([*(w[_KEY] for w in info[start:idx + 1]), end]) in gaz.index
               for start in range(max(cut, idx - 2), idx + 1) for end in last)


def _found(gaz: Gazetteer, words: list[str], info: list[_Word], venues: frozenset[int] = frozenset()
           ) -> list[tuple[int, int, str]]:
    """Greedy longest matches in a segment: (first word, number of words, key); ``venues``:
    the words after "in the", "at the", where an institution names its building."""
    found: list[tuple[int, int, str]] = []
    i = 0
    size = len(words)
    heads = gaz.key_heads() if all(w[_KEY] and w[_BARE_KEY] for w in info) else None
    while i < size:
        if words[i] in _CONNECTORS:
            i += 1
            continue
        n, k = _match(gaz, info, i, heads)
        if not n:
            i += 1
            continue
        if i + n < size and _ARTICLE_WORD.match(words[i + n]):
            # the head of a longer name the gazetteer lacks: "Ain" of "Ain al-Hilweh" is no place
            # of its own (the department of France), as "Ras" of "Ras al-Nabaa" is not
            i += n + 1
            continue
        if i + n < size and info[i + n][_BARE_LOWER] in MEDIA_WORDS:
            i += n + 1  # "Kyiv Independent", "Washington Post": a media outlet, not a place
            continue
        # a one-word match's key is its word's bare key: its word record knows whether it is junk
        junk = info[i][_JUNK] if n == 1 else k in INSTITUTIONS
        if not junk or (k in INSTITUTIONS and i in venues):
            # a bare region word after a name ("Oblast" in "Kyiv Oblast") is part of it
            if not (n == 1 and i > 0 and k in REGION_WORDS):
                found.append((i, n, k))
            i += n
        else:
            i += 1
    return found


def _segment(pieces: list[tuple[int, str]], words: list[str], info: list[_Word], gaz: Gazetteer,
             venues: frozenset[int]) -> list[_Entry]:
    """The entries of a segment of a run: its ``pieces`` (offset in the run, word), their
    ``words`` and word records; ``venues``: see :func:`_venues`."""
    found = _found(gaz, words, info, venues)
    entries = []
    if found:
        inside = {j for a, n, _ in found for j in range(a, a + n)}
        for i, n, k in found:
            lo, hi = _sub_run(words, inside, i)
            if lo == i and hi == i + n:
                covered = starts = True  # the match is its whole part of the run (most runs)
            else:
                covered = all(i <= j < i + n or (info[j][_EDGE] if j == lo or j >= i + n else info[j][_INNER])
                              for j in range(lo, hi) if words[j] not in _CONNECTORS)
                starts = not any(words[j] not in _CONNECTORS and not info[j][_EDGE] for j in range(lo, i))
            entries.append(_entry(pieces, info, i, n, k, gaz, covered, starts))
    else:
        inside = set()
    if "-" in "".join(words):
        entries.extend(_hyphen_parts(pieces, inside, gaz))
    return entries


def _sub_run(words: list[str], inside: set[int], i: int) -> tuple[int, int]:
    """The part of a run around word ``i`` between "of"/"and" connectors outside matches
    (``inside``: the indices of matched words).

    "Galen Miller of Palestine" -> "Palestine" stands alone; "Sea of Azov" is one match.
    """
    lo = i
    while lo > 0 and not (words[lo - 1] in _SPLITTERS_BEFORE and lo - 1 not in inside):
        lo -= 1
    hi = i
    while hi < len(words) and not (words[hi] in _SPLITTERS and hi not in inside):
        hi += 1
    return lo, hi


_CONTRACTION = re.compile(r"['’](?:ve|ll|re|d|m|t)$")


def _junk_key(k: str, words: list[str]) -> bool:
    """Matches that are never place mentions: titles ("Gov"), months and weekdays ("March",
    "Dec": the town of March loses to the month), contractions ("I've"), lone function
    words ("The")."""
    if k in INSTITUTIONS:
        return True
    if len(words) == 1:
        w = words[0]
        if (k in _TITLE_KEYS or k in _MONTH_ABBR or k in _CALENDAR or k in FUNCTION_WORDS or k in NOT_NAMES
                or _CONTRACTION.search(w)):
            return True
    return False


def _entry(pieces: list[tuple[int, str]], info: list[_Word], i: int, n: int, k: str, gaz: Gazetteer,
           covered: bool, run_start: bool) -> _Entry:
    start = pieces[i][0]
    end = pieces[i + n - 1][0] + info[i + n - 1][_BARE_LEN]
    region_word, region_end = "", end
    nxt = i + n
    if nxt < len(pieces) and info[nxt][_BARE_LEN] == len(pieces[nxt][1]) and \
            info[nxt][_BARE_LOWER] in REGION_WORDS:
        region_word = info[nxt][_BARE_LOWER]
        region_end = pieces[nxt][0] + len(pieces[nxt][1])
    elif nxt + 2 < len(pieces) and (word := _REGION_PHRASES.get(tuple(info[j][_BARE_LOWER] for j in range(nxt, nxt + 3)))):
        region_word, region_end = word, pieces[nxt + 2][0] + len(pieces[nxt + 2][1])
    # the table wins: a demonym never becomes a town named like it
    return (start, end, k, gaz.demonyms.get(k), covered, run_start, region_word, region_end, 0)


def _hyphen_parts(pieces: list[tuple[int, str]], used: set[int], gaz: Gazetteer) -> list[_Entry]:
    """Parts of an unmatched hyphenated word ("Russia-Ukraine", "US-backed"); ``used``:
    the indices of words inside matches."""
    out = []
    for idx, (pos, word) in enumerate(pieces):
        if idx in used or "-" not in word:
            continue
        offset = 0
        for part in word.split("-"):
            k = _word(part)[_BARE_KEY]
            if part[:1].isupper() and (k in gaz.index or k in gaz.demonyms):
                start = pos + offset
                out.append((start, start + len(part), k, gaz.demonyms.get(k), False, offset == 0, "",
                            start + len(part), 1 if offset == 0 else 2))
            offset += len(part) + 1
    return out
