"""Word lists for incident extraction: triggers, modality, actors, casualty words.

Kept as plain data so they can be read and extended without touching the logic.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterator
try:  # the parse tree of a pattern, for prefix_gate and Prefiltered (CPython's own, private: without it, no gates)
    from re import _constants as _sre
    from re import _parser
except ImportError:  # pragma: no cover (a Python whose re has no such modules)
    _sre = _parser = None

from mapper.extract.date_parts import DAY_AND_MONTH_NAMES


#: stands for ``\\d`` (any digit) among the characters of a beginning (a private-use character: in no pattern)
_DIGIT = "\ue000"


def _prefixes(items, depth: int) -> set[tuple[str, bool]]:
    """The beginnings, up to ``depth`` characters, of the strings a parsed pattern matches.

    Each is ``(chars, open)``: ``open`` when ``chars`` is all of a match so far (what the
    pattern goes on with follows it), closed when anything may follow (the depth was reached,
    or an item that is no literal came next; a digit class is :data:`_DIGIT`).  ``("", False)`` lets
    anything through.
    Assertions match no characters and are passed over; scoped IGNORECASE and constructs not
    read here let anything through, so the answer never misses a match.
    """
    out = {("", True)}
    for op, av in items:
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            continue
        if op is _sre.LITERAL and chr(av) != _DIGIT:
            step = {(chr(av), True)}
        elif op is _sre.IN and all(o is _sre.LITERAL and chr(a) != _DIGIT or o is _sre.RANGE and a[1] - a[0] < 64
                                   and not a[0] <= ord(_DIGIT) <= a[1]
                                   or o is _sre.CATEGORY and a is _sre.CATEGORY_DIGIT for o, a in av):
            step = {(_DIGIT if o is _sre.CATEGORY else chr(c), True)
                    for o, a in av for c in ([a] if o is not _sre.RANGE else range(a[0], a[1] + 1))}
        elif op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            step = _prefixes(av[3], depth)
        elif op is _sre.BRANCH:
            step = set().union(*(_prefixes(alt, depth) for alt in av[1]))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            low, high, sub = av
            step = _prefixes(sub, depth)
            if (low, high) != (1, 1):
                step = {(chars, False) for chars, _ in step}  # further repeats: anything may follow the first
            if low == 0:
                step.add(("", True))
        else:
            step = {("", False)}
        grown = set()
        for chars, open_ in out:
            if not open_:
                grown.add((chars, open_))
                continue
            for more, more_open in step:
                both = chars + more
                grown.add((both[:depth], False) if len(both) >= depth else (both, more_open))
        out = grown
        if not any(open_ for _, open_ in out):
            break
    return out


def _trie(beginnings: set[str]) -> str:
    """A pattern matching what starts with one of ``beginnings``, branching a character at a time."""
    if "" in beginnings:
        return ""
    by_first: dict[str, set[str]] = {}
    for b in beginnings:
        by_first.setdefault(b[0], set()).add(b[1:])
    alts = [(r"\d" if c == _DIGIT else re.escape(c)) + _trie(rest) for c, rest in sorted(by_first.items())]
    if len(alts) == 1:
        return alts[0]
    if all(rest == {""} for rest in by_first.values()):
        return "[" + "".join(alts) + "]"
    return "(?:" + "|".join(alts) + ")"


def prefix_gate(pattern: str, depth: int = 6) -> str:
    """A lookahead on the first ``depth`` characters any match of (case-sensitive) ``pattern`` begins with.

    ``re`` tries a long alternation's branches one by one at every word, where nearly all
    fail on their first letters: the lookahead, a tree of those beginnings, rejects such a
    word after a character or two (five times faster on the triggers).  It is read from
    the parsed pattern, so it changes no match and follows every word added to it; it is
    empty (no lookahead) when some match may begin with anything.
    """
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return ""
        beginnings = {chars for chars, _ in _prefixes(parsed, depth)}
    except Exception:  # noqa: BLE001 (a parser of another Python: the pattern runs ungated, as before)
        return ""
    tree = _trie(beginnings)
    return f"(?={tree})" if tree else ""


def _required(items) -> set[str] | None:
    """Strings one of which every match of a parsed pattern contains (None: no such strings found).

    A run of literals is such a string; a group or a repeat of at least once needs what its
    content needs, an alternation what any of its branches needs (all of them must need
    something).  Of the sequence's candidates the one whose shortest string is longest wins.
    Assertions and scoped IGNORECASE give nothing.
    """
    found: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if run:
            found.append({run})
            run = ""
        need: set[str] | None = None
        if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            need = _required(av[3])
        elif op is _sre.BRANCH:
            branches = [_required(alt) for alt in av[1]]
            need = None if any(b is None for b in branches) else set().union(*branches)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            need = _required(av[2])
        if need:
            found.append(need)
    if run:
        found.append({run})
    return max(found, key=lambda need: (min(map(len, need)), -len(need))) if found else None


#: the characters outside ASCII that IGNORECASE matches to ASCII letters ("ſ" to "s", the Kelvin sign to "k")
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


class Prefiltered:
    """A compiled pattern run only on text that holds one of the strings every match contains.

    ``re`` tries a pattern at every position of the text, so finding nothing costs the whole
    text; most windows the role, trigger and date rules look at hold none of the words such
    a pattern needs, and ``in`` tells that many times faster.  The strings are read from the
    parsed pattern (:func:`_required`), so the answers are the pattern's own.  Under
    IGNORECASE they are looked for in the lower-cased text, which finds the same letters
    unless the text holds one of :data:`_FOLDS_TO_ASCII` (then the pattern always runs).
    Matches are the wrapped pattern's (``m.re is prefiltered.rx``).
    """

    __slots__ = ("rx", "needles", "_fold", "pattern", "flags", "groups", "groupindex")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.pattern, self.flags, self.groups, self.groupindex = rx.pattern, rx.flags, rx.groups, rx.groupindex
        self._fold = bool(rx.flags & re.IGNORECASE)
        try:
            needles = _required(_parser.parse(rx.pattern, rx.flags))
        except Exception:  # noqa: BLE001 (a parser of another Python: the pattern always runs)
            needles = None
        if needles and self._fold:
            needles = {n.lower() for n in needles} if all(n.isascii() for n in needles) else None
        # "killed" need not be looked for beside "kill"
        self.needles = tuple(sorted(n for n in needles if not any(o != n and o in n for o in needles))) \
            if needles and "" not in needles else None

    def _holds(self, text: str, pos: int, endpos: int) -> bool:
        """Whether ``text[pos:endpos]`` may hold a match."""
        if self.needles is None:
            return True
        if pos or endpos < len(text):
            text = text[pos:endpos]
        if self._fold:
            if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):
                return True
            text = text.lower()
        for needle in self.needles:  # (a loop: a third faster than any() over a generator)
            if needle in text:
                return True
        return False

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.rx.search(text, pos, endpos) if self._holds(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.rx.match(text, pos, endpos) if self._holds(text, pos, endpos) else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.rx.fullmatch(text, pos, endpos) if self._holds(text, pos, endpos) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.rx.finditer(text, pos, endpos) if self._holds(text, pos, endpos) else iter(())


def word_before(text: str, lo: int, at: int, also: str = "") -> tuple[str | None, int]:
    """The word before ``at`` past the whitespace (and characters of ``also``) between, lower-cased, and where it
    starts: the cheap test before a pattern that ends in one of a few words and is searched in ``text[lo:at]``.

    It is read no further back than ``lo`` (a word cut there is no word such a pattern finds: there is no word
    boundary inside it); "" when there is none; None when it is not ASCII (IGNORECASE matches a few other letters
    to ASCII ones: "ſ" to "s"), where the pattern must run.  Whitespace and word characters are ``re``'s.
    """
    i = at
    while i > lo and (text[i - 1].isspace() or text[i - 1] in also):
        i -= 1
    j = i
    while j > lo and (text[j - 1].isalnum() or text[j - 1] == "_"):  # re's \w
        j -= 1
    word = text[j:i]
    return (word.lower() if word.isascii() else None), j


_OPENING = r"\b(?=\w)"


def with_gate(pattern: str, gate: str | None = None) -> str:
    """``pattern``, which opens with ``\\b(?=\\w)``, with a :func:`prefix_gate` (its own unless
    ``gate``) right after that opening: compiled with the pattern's flags, it lets every
    match through."""
    if not pattern.startswith(_OPENING):
        raise ValueError(f"no word-start opening: {pattern[:40]!r}")
    rest = pattern[len(_OPENING):]
    return _OPENING + (prefix_gate(rest) if gate is None else gate) + rest


class Caseless:
    """A case-insensitive pattern that runs case-sensitively on lower-cased text.

    Python's ``re`` is three to four times slower with IGNORECASE on long
    alternations; lower-casing the text once per clause and matching a lower-cased
    pattern gives the same matches at the same offsets.  A few characters change
    length when lower-cased ("İ"), so :meth:`pick` falls back to the caseless pattern
    when the lengths differ.

    ``gated``: the pattern opens with ``\\b(?=\\w)`` and the :func:`prefix_gate` of its
    lower-cased form follows that opening in both patterns (case-insensitively in the
    caseless one, where it lets through all it lets through lower-cased).
    """

    __slots__ = ("_pattern", "_caseless", "lower")

    def __init__(self, pattern: str, gated: bool = False) -> None:
        # lower every letter except escapes (\S, \W, \B keep their meaning) and group names
        lower = re.sub(r"\\.|\(\?P<\w+>|[A-Z]+", lambda m: m.group() if m.group()[0] in "\\("
                       else m.group().lower(), pattern)
        if gated:
            gate = prefix_gate(lower[len(_OPENING):])
            pattern, lower = with_gate(pattern, gate), with_gate(lower, gate)
        self._pattern, self._caseless = pattern, None
        self.lower = re.compile(lower)

    @property
    def caseless(self) -> re.Pattern[str]:
        """The case-insensitive pattern, compiled on first use: only text whose length changes when lower-cased
        needs it, and compiling the long alternations twice at import is a tenth of a second of every start."""
        if self._caseless is None:
            self._caseless = re.compile(self._pattern, re.IGNORECASE)
        return self._caseless

    def pick(self, text: str, low: str) -> tuple[re.Pattern[str], str]:
        """The pattern and the string to run it on: ``low`` is ``text.lower()``."""
        return (self.lower, low) if len(low) == len(text) else (self.caseless, text)

#: accords and how they are made, for "the ceasefire agreed in Doha on March 3" (a meeting at its venue, with a day of
#: its own: below) and for the venue of an accord, which is no scene of the clause's fighting
#: (:func:`mapper.extract.roles.excluded`)
ACCORD_NOUNS = (r"agreements?|accords?|deals?|treat(?:y|ies)|ceasefires?|cease-fires?|truces?|pacts?|plans?|roadmaps?"
                r"|frameworks?|declarations?|memorand(?:um|a)|communiqu[eé]s?|arrangements?")
ACCORD_VERBS = r"signed|agreed|reached|brokered|struck|negotiated|concluded|mediated|sealed|hammered\s+out"
_WEEKDAY = "(?:" + "|".join(d.lower() for d in DAY_AND_MONTH_NAMES[:7]) + ")"
_MONTH = "|".join(m.lower() for m in DAY_AND_MONTH_NAMES[7:])
#: the words between an accord's verb and its venue or day: its parties and its day, no verb ("the plan agreed between
#: the Chiefs of Staff of the EAC on 9 February in Nairobi"; not "the deal reached on Monday ended the shelling in
#: Kherson"); for patterns compiled case-insensitively (not :class:`Caseless`: its capitals would match any letter)
ACCORD_GAP = (r"(?:\s+(?:between|by|with|among|on|of|in|at|the|a|an|last|this|earlier|late|early|mid|\d[\w-]*"
              rf"|(?-i:[A-Z])[\w'’.-]*|and(?=\s+(?-i:[A-Z]))|{_MONTH}|week|month|year),?){{0,10}}?")
#: sites a bomb is set off at, named before "bombing": "the Peshawar mosque bombing", "a market bombing" (a bomb
#: set off there, not a bombing from the air)
_BOMB_SITES = ("mosque", "market", "church", "synagogue", "shrine", "temple", "station", "airport", "bus", "train",
               "hotel", "school", "rally", "wedding", "funeral", "checkpoint", "embassy", "concert", "restaurant", "cafe",
               "stadium", "bazaar", "arena", "metro", "subway", "courthouse", "parade", "procession")
# (tested after the word itself, so the look-behinds run only where "bombing" stands)
_AT_SITE = "(?:" + "|".join(f"(?<={w} bombing)" for w in _BOMB_SITES) + ")"
#: the sides whose bombs news tells are dropped from aircraft, by their adjective right before "bomb"
_AIR_SIDES = ("russian", "israeli", "syrian", "sudanese", "myanmar", "burmese", "saudi", "turkish", "american", "u.s.",
              "us", "ethiopian", "nigerian", "pakistani", "iraqi", "iranian", "junta", "regime", "aerial", "air", "guided")
_AIR_SIDE = "(?:" + "|".join(f"(?<={re.escape(w)} )" for w in _AIR_SIDES) + ")"
_NO_AIR_SIDE = "".join(f"(?<!{re.escape(w)} )" for w in _AIR_SIDES)
_NOT_AT_SITE = "".join(f"(?<!{w} bombing)(?<!{w} bombings)" for w in _BOMB_SITES)
#: a day told right there: "on March 3", "on 9 February", "on Tuesday", "last week", "yesterday"
_ACCORD_DAY = (rf"(?:on\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})|{_WEEKDAY}"
               rf"|(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?)"
               rf"|last\s+(?:week|month|night|{_WEEKDAY})|yesterday|earlier\s+(?:this|in\s+the)\s+(?:week|month)"
               rf"|this\s+(?:week|month|{_WEEKDAY}))\b")

#: a vehicle driven into people ("a car rammed into civilians", "drove a truck into a crowd", "a van ploughed into
#: shoppers"): an attack, by civilians' means (events types it "other")
RAMMING = (r"(?:rammed|ramming|ploughed|plowed|ploughing|plowing|slammed|drove|driven|driving)\s+"
           r"(?:(?:a|an|his|her|their|the|its)\s+(?:[\w-]+\s+)?(?:car|truck|lorry|vehicle|van|bus|pickup|SUV)\s+)?"
           r"into\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:crowds?|people|pedestrians|civilians|demonstrators|protesters"
           r"|shoppers|worshippers|marchers|passers-?by|soldiers|troops|police|a\s+group|a\s+bus\s+stop)\b")

# Trigger patterns per incident type, tried in this order; the first weapon-specific
# match in a clause wins over generic attack words.  A clause naming both drones and
# missiles ("drone and missile barrages") is coded missile_strike: one incident per
# place, typed by the heavier weapon, so per-city counts are not doubled.
TRIGGERS: tuple[tuple[str, str], ...] = (
    ("missile_strike", r"missiles?|ATACMS|Storm Shadows?|Iskanders?|Kinzhals?|Kalibrs?|Neptunes?|Tomahawks?|ballistic|cruise missiles?"
                       r"|rocket (?:attacks?|strikes?|fire)"
                       # past a phrase of where they came from: "two rockets fired from Lebanon landed near Kiryat Shmona"
                       r"|rockets? (?:(?:fired|launched) (?:from|by) (?:[\w'’-]+ ){1,4})?(?:hit|struck|slammed|landed|fell|rained"
                       r"|exploded)"
                       r"|(?:fired|launched|fires|launches)\s+(?:\w+\s+){0,2}rockets?|rockets?\s+(?:at|into|on|towards?)"
                       # told in the passive, toward their target: "three rockets were fired at Haifa" (not "the
                       # rocket had been fired by Hezbollah or another group in Lebanon": where it came from)
                       r"|rockets?\s+(?:were|was|(?:have|has|had)\s+been)\s+(?:fired|launched)(?=\s+(?:at|into|on|towards?)\b)"),
    ("drone_strike", r"drones?|UAVs?|Shaheds?|Gerans?|loitering munitions?|kamikaze|USVs?|quadcopters?"
                     r"|(?:unmanned|uncrewed|unpiloted) (?:aerial|surface|underwater) (?:vehicles?|vessels?|systems?)"),
    ("air_strike", r"air[ -]?strikes?|airstrikes?|air[ -]raids?|aerial bombardments?|glide bombs?|guided (?:aerial )?bombs?"
                   r"|dropped (?:(?!mortar\b)\w+ ){0,2}bombs?|bombed"
                   # the verb's infinitive: "jets continued to bomb Idlib"
                   r"|bomb(?<=\bto bomb)(?! out\b|s\b| shelters?\b| squads?\b| disposal\b| threats?\b| mak| factor)"
                   # (and "the Kerman bombings on 3 January": a bomb set off where a place names it, events.link_clause)
                   rf"|(?<!car )(?<!truck )(?<!roadside )(?<!suicide )bombings?{_NOT_AT_SITE}(?= (?:a|an|the|of|on|raids?|runs?)\b)"
                   # bombing as a mass noun: "a school was damaged by bombing in Rafah" (not "a bombing in": below)
                   rf"|(?<!\ba )(?<!\bthe )(?<!car )(?<!truck )(?<!roadside )(?<!suicide )bombing{_NOT_AT_SITE}(?= (?:in|at|near)\b)"
                   r"|warplanes?|(?:fighter |military )?(?:jets?|aircraft|helicopters?) (?:struck|bombed|hit|attacked|fired on|pounded|targeted)"
                   r"|bombing raids?|barrel bombs?|aerial bombs?|(?:aerial|carpet) bombings?"
                   # bombs falling on a place are dropped from the air ("car bombs" are explosions)
                   r"|(?<!car )(?<!roadside )(?<!pipe )(?<!suicide )bombs? (?:hit|struck|fell|landed|rained)"
                   # a bomb attack by a state's forces is dropped from the air ("a Russian bomb attack on a hypermarket in
                   # Kharkiv"), and so is a "bomb strike"; a bomb attack of no such side is a bomb set off (below)
                   rf"|{_AIR_SIDE}bomb (?:attacks?|strikes?)|(?<!car )(?<!roadside )(?<!pipe )(?<!suicide )bomb strikes?"),
    ("shelling", r"shelling|shelled|shells|artillery|mortars?|MLRS|Grad rockets?|HIMARS|multiple rocket launchers?"
                 # one shell: "a direct hit of a shell", "a shell landed"
                 r"|(?<=of a )shell\b|(?<=by a )shell\b|shell (?:hit|struck|landed|fell|exploded)"
                 # the verb's infinitive: "Russian forces continued to shell Kherson", "began to shell the town"
                 r"|shell(?<=\bto shell)(?! out\b| over\b|s\b| compan| casings?\b| fragments?\b| game\b)"
                 # tank fire (annotation.md): "Israeli tanks fired on a UNIFIL position", "tank shells hit"
                 r"|tanks? (?:fired|opened fire|shelled)|tank (?:fire|shells?|rounds?)"),
    ("ground_fighting", r"(?:gun|shooting|armed|gunmen) attacks?|fighting|fought|clash(?:es|ed)?|battles?(?![ -]?(?:front|lines?|groups?|tanks?|hardened|plans?))|battled|firefights?|gunfights?|ground assaults?"
                        r"|assaults?|offensive|counteroffensive|counter-offensive|stormed|captured|recaptured|retook|retaken|regained control of"
                        # South Asian English for a gunfight between security forces and militants: "killed in an
                        # encounter", "two encounters in Bannu and Karak districts", "an encounter broke
                        # out"; not a meeting by chance ("a chance encounter in Paris", "an encounter with reporters")
                        r"|encounters?(?=\s+(?:broke\s+out|took\s+place|ensued|erupted|started|began|was\s+underway"
                        r"|in\s|at\s|near\s|with\s+(?:the\s+)?(?:security|police|army|troops|militants|maoists|naxal"
                        r"|terrorists|insurgents|khawarij|rebels|gunmen|forces|jawans|soldiers)))"
                        r"(?<!chance encounter)(?<!brief encounter)(?<!close encounter)(?<!first encounter)"
                        r"|encounters?(?<=killed in an encounter)|encounters?(?<=killed in the encounter)"
                        # a town closed in on: "encircled the town of Laukkai", "laid siege to" (not "the besieged city": a state)
                        r"|(?<!the )encircl(?:ed|ing)|la(?:id|ying|y) siege to"
                        r"|seized control|ambush(?:es|ed|ing)?|skirmish(?:es)?|combat(?!\s+(?:logistics|units?|brigades?|battalions?|teams?|aircraft|vehicles?|readiness|training"
                        r"|engineers?|support|power|missions?|troops|forces|helicopters?|jets?|experience|medics?|zones?"
                        r"|veterans?|gear|uniforms?|capabilit\w+|deployments?|roles?|duty|ready|capable|air|search))|repel(?:s|led)?|repuls(?:e|es|ed)|fended off"
                        r"|counter-?attacks?|counter-?attacked|liberated|liberation of|(?:took|tak(?:en|es?|ing)) control of"
                        # advances and assaults told with their verb: "advanced near Pokrovsk", "attempted to
                        # storm Chasiv Yar", "made gains near Toretsk"
                        r"|(?:forces|troops|units|soldiers|army|fighters|rebels|militants|militias?)\s+(?:have\s+|had\s+)?"
                        r"advanc(?:ed|ing|es)(?= (?:near|toward|towards|into|in|on|to|along|west|east|north|south)\b)"
                        r"|(?<=to )storm|storming|(?:made|making|make) gains|gained ground"
                        # the advance as a noun: "Russian advances near Pokrovsk", "the advance on Bakhmut",
                        # "recent advances by the Sudanese Armed Forces in Khartoum" (not "in advance", "advance notice")
                        r"|(?<!\bin )advances?(?= (?:near|toward|towards|into|on|along|around"
                        # or told by the compass from a town: "some advances east of Izyum"
                        r"|(?:(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?"
                        r"(?: and (?:(?:north|south)(?:-?(?:east|west))?|east|west))? of)\b)"
                        # ground taken back: "the Ukrainians claw back territory north of Kharkiv"
                        r"|claw(?:s|ed|ing)? back(?= (?:territory|ground|land|villages|towns|positions)\b)"
                        r"|(?<!\bin )advances?(?= by (?:the )?(?:[\w-]+ ){0,3}?(?:forces|army|troops|soldiers|rebels|militants"
                        r"|fighters|militias?|RSF|SAF|M23)\b)"
                        # an offensive told as a push: "launched a new push toward the old city of Mosul"
                        r"|(?:(?:launch|beg[iu]n|start|mount|open)\w*\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+){0,2}"
                        r"|(?:new|fresh|renewed|major|final|ground)\s+)push(?=\s+(?:toward|towards|into|on|against|for)\b)"
                        # "pushing the Russians back to the edge of the town", "pushed back Russian forces"
                        r"|push(?:ed|ing|es)?\s+(?:back\s+)?(?:the\s+)?(?:[\w-]+\s+)?(?:forces|troops|russians|ukrainians"
                        r"|enemy|militants|fighters|rebels|insurgents)(?:\s+back)?(?=\s+(?:from|to|towards?|out|across|beyond"
                        r"|behind|near|in|at|around)\b)"
                        r"|exchanges? of fire|exchanged fire|cross-?fire|gun ?battles?|incursions?|raid(?:ed|s)?|pushed into|hostilities"
                        # armed men entering a place: "suspected members of a non-state armed group (NSAG) entered
                        # Egbekaw" (not people fleeing into it, nor troops entering a city after its capture)
                        r"|(?:gunmen|NSAGs?|militants|jihadists|insurgents|bandits|assailants|attackers|militiamen"
                        r"|armed group(?: \(NSAGs?\))?) entered"
                        # direct fire by people on the ground: "shot and killed a man", "opened fire on"
                        r"|shot\s+(?:and\s+(?:killed|wounded|injured)|dead)|opened\s+fire\s+(?:on|at)|with\s+live\s+(?:ammunition|fire)"
                        # people shot at: "shot civilians", "shot two farmers" (not "shot down", "shot a video")
                        r"|shot\s+(?:at\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens\s+of|scores\s+of"
                        r"|unarmed|fleeing|displaced)\s+)?(?:civilians|people|protesters|demonstrators|villagers|residents"
                        r"|worshippers|farmers|herders|passengers|children|women|men|students|a\s+(?:man|woman|boy|girl|child"
                        r"|teenager|civilian|farmer|shepherd))\b"
                        r"|fired\s+(?:\w+\s+)?(?:shots|bullets|rounds)\s+(?:into|at|on|toward)"
                        # armed men entering a place: "M23 rebels entered the outskirts of Uvira" (not "aid entered")
                        # (not "rebels entered into talks")
                        r"|(?:(?<=forces )|(?<=troops )|(?<=forces have )|(?<=troops have )|(?<=forces had )|(?<=troops had )"
                        r"|(?<=rebels )|(?<=fighters )|(?<=militants )|(?<=soldiers )|(?<=gunmen )|(?<=insurgents )"
                        r"|(?<=jihadists )|(?<=militiamen ))entered(?! into (?:talks|negotiations|dialogue|agreements?|an? ))"
                        # a town taken, told as a noun: "the capture of Masisi", "the fall of Mariupol",
                        # "the entry of the rebels into Goma"
                        # (not a standing occupation called by its legal name: "its illegal seizure of the plant")
                        r"|(?<!illegal )(?<!unlawful )(?<!illegitimate )(?:capture|seizure|takeover|fall) of|overr(?:an|un)"
                        # a town taken: "Russian troops took the village of Novoselivka", told by its name right after
                        # the verb ("rebels seized Rutshuru", "the army regained Wad Madani", "took over Paletwa"), or
                        # one that fell to an armed force ("Masisi fell to M23 rebels"): what follows the verb decides
                        # (:func:`mapper.extract.triggers._not_taken`; not "took part in", "prices fell to a low")
                        r"|(?:seiz(?:ed|es|ing)|regain(?:ed|s|ing)|took|taken|takes|taking)(?= )|f(?:ell|alls?|allen) to(?= )"
                        r"|entr(?:y|ance)(?= (?:of|by) [^.;]{1,80}? into\b)"
                        # operations of armed forces (not humanitarian or rescue operations)
                        # (not "the special military operation": the Kremlin's name for its whole war)
                        r"|(?<!special )(?:military|security|ground|army|forces['’]?|troops['’]?|counter-?terrorism|search(?:-and-| and )arrest"
                        r"|clearing|clearance) operations?"
                        # "the army launched an operation against militants in Bajaur" (not "against corruption")
                        r"|(?<!special )operations?(?= against (?:the )?(?:[\w-]+ ){0,2}?(?:militants|insurgents|rebels"
                        r"|terrorists|jihadists|gangs|bandits|armed groups?|fighters|separatists|extremists)\b)"),
    ("sabotage", r"sabotage[ds]?|saboteurs?|arson(?: attacks?)?|derail(?:ed|ment)|set (?:on )?fire to|set ablaze"
                 r"|torched|set (?:\w+ ){1,3}(?:on fire|ablaze)"
                 # wrecking of property by people on the ground: "vandalised homes"
                 r"|vandali[sz](?:ed|ing|m)"
                 # undersea and buried lines cut: "two submarine cables ... were disrupted in the Baltic Sea",
                 # "the Eagle S cut more cables" (not "damaged": strikes damage power lines too)
                 r"|(?:cut|severed|ruptured|dragged\s+its\s+anchor\s+across)\s+(?:\w+\s+){0,3}"
                 r"(?:cables?|pipelines?|interconnectors?)"
                 # the cut as a noun: "caused by cuts to two fibre-optic cables near Herne"
                 r"|(?:cuts?|severing)(?<!budget cut)(?<!budget cuts)(?<!spending cut)(?<!spending cuts)(?<!funding cut)"
                 r"(?<!funding cuts)\s+(?:to|of)\s+(?:[\w-]+\s+){0,4}"
                 r"(?:cables|pipelines?|interconnectors?|cable(?=\s*[,.;]|\s+(?:near|in|at|on|off|between)\b))"
                 r"|(?:cables?|pipelines?|interconnectors?)\b[^.;]{0,80}?\b(?:were|was|(?:had|have|has)\s+been)\s+"
                 r"(?:\w+\s+)?(?:cut|severed|disrupted|ruptured)"),
    ("explosion", r"IEDs?|(?:improvised )?explosive devices?|landmines?|(?:land )?mines? (?:exploded|went off)"
                  r"|(?:car|truck|roadside) bomb(?:s|ings?)?"
                  r"|bomb went off|suicide (?:bomb\w*|attacks?)"
                  # a bomb attack no state's forces are said to have made: "a bomb attack on a market in Quetta"
                  rf"|{_NO_AIR_SIDE}bomb (?:attacks?|blasts?|explosions?)"
                  # a hand grenade: "a grenade attack near a flea market", "militants hurled a grenade at a market"
                  # (a drone's grenades are its strike: the drone word wins, see type_of)
                  r"|(?:hand )?grenade (?:attacks?|blasts?|explosions?)|grenades? (?:exploded|went off|landed)"
                  r"|(?:hurl|lobb|throw|toss)(?:ed|ing|s)? (?:a |an |two |three |several )?(?:hand )?grenades?|thrown grenades?"
                  # a vehicle-borne bomb: "a vehicle filled with explosives", "an explosive-laden truck"
                  r"|(?:vehicle|car|truck)[- ]borne (?:improvised )?explosive|explosives?[- ]laden"
                  r"|(?:vehicle|car|truck|lorry)s? (?:packed|filled|laden|loaded|rigged) with explosives?"
                  # "a bombing in Kabul", "two bombings at a market": a bomb set off at a place (bombing a place, or the
                  # bombing of it, is from the air: above), whatever weapon the article names elsewhere
                  r"|(?:(?<=\ba )|(?<=\bthe )|(?<=\btwo )|(?<=\bthree )|(?<=\bdouble )|(?<=\btwin )|(?<=\bdeadly )|(?<=\bseveral ))"
                  r"bombings?(?= (?:in|at|near)\b)"
                  # a bombing named by its site, or told with its toll: "the Peshawar mosque bombing killed 84", "the
                  # bombing, which killed 26" (not "aerial bombing", nor a state's "bombing of" a place: above); where a
                  # place names it, "the Quetta bombing", it is a bomb set off there (:func:`mapper.extract.events.link_clause`)
                  rf"|bombing{_AT_SITE}s?"
                  r"|(?<!aerial )(?<!air )(?<!carpet )bombings?(?=,? (?:killed|kills|killing|left|wounded|injured|claimed|that"
                  r"|which|was|were|in which)\b)"),
    # blasts of no stated cause: the weapon the article names, else an explosion
    ("blast", r"explosions?|exploded|blasts?|detonat(?:ed|ion)"),
    ("diplomatic", r"talks|negotiations?|summits?|peace conference|met(?:\s+\w+ly)?\s+with|met(?=(?: face[- ]to[- ]face)? (?:in|at|on|for) )|convened"
                   # (not a meeting struck: "said it had targeted a meeting of Ukrainian commanders in Sumy")
                   r"|(?<!targeted a )(?<!targeted the )(?<!struck a )(?<!hit a )(?<!attacked a )(?<!strike on a )"
                   r"(?<!attack on a )(?<!bombed a )meetings?"
                   # the signing of an accord at a venue: "a peace agreement was signed in Pretoria"
                   # (not "the deal signed in Pretoria must hold": a back-reference)
                   r"|(?:agreement|accord|deal|treaty|ceasefire|truce|declaration|memorandum|pact)s? (?:was|were"
                   r"|(?:has|have|had) been) (?:\w+ and )?signed"
                   r"|signed (?:a|an|the) (?:[\w-]+ ){0,3}(?:agreement|accord|deal|treaty|ceasefire|truce|declaration"
                   r"|memorandum|pact)"
                   # an accord with its venue and a day of its own, the day inside the phrase: "the ceasefire
                   # agreed in Doha on March 3", "the plan agreed ... on 9 February in Nairobi" (not "the deal signed
                   # in Pretoria must hold": a back-reference with no day)
                   # (a venue of one to three words next to the day)
                   # (or told in the passive: "the agreement was reached in Luanda on 23 November")
                   rf"|(?:{ACCORD_NOUNS}) (?:(?:was|were|(?:has|have|had) been) )?(?:{ACCORD_VERBS})"
                   rf"(?= (?:(?:in|at) (?:the )?[\w'’-]+(?: [\w'’-]+){{0,2}} {_ACCORD_DAY}"
                   rf"|{_ACCORD_DAY}(?: [\w'’-]+){{0,2}} (?:in|at) ))"
                   r"|met(?= (?:his|her|their|the) (?:\w+ )?counterparts?\b)"
                   # a guest named by office, the venue told before ("visited Kyiv, where she met President Zelensky")
                   r"|met(?= (?-i:President|Prime Minister|Premier|Chancellor|King|Queen|Emir|Crown Prince|Sheikh"
                   r"|(?:Foreign|Defen[cs]e|Interior) Minister|Secretary[- ]General|Secretary of State|Mr|Mrs|Ms)\b)"
                   # "Zelensky met Erdogan in Ankara": met a person at a venue (not "met fierce resistance in")
                   r"|met(?= (?!resistance|fierce|heavy|stiff|strong|opposition|fire)(?:[\w.'’-]+ ){1,6}?(?:in|at) )"
                   # "the Prime Minister hosted President Zelenskyy at Chequers": a host receiving named
                   # guests (not "hosted 2,000 displaced people in Kassala")
                   r"|host(?:ed|s|ing)(?= (?:(?:the|his|her|their|a) )?(?:(?-i:[A-Z])[\w.'’-]* ){1,5}?(?:and (?:(?-i:[A-Z])[\w.'’-]* ){1,4})?(?:in|at) )"
                   r"|ceasefire agreement"
                   # a summit named by its club, with its venue or "summit" after it: "At the G20 in South Africa last
                   # week, I listened to Sergey Lavrov" (not "the G7 countries", "G20 finance ministers")
                   r"|(?<=the )g-?(?:7|8|20)(?= (?:summit|meeting|in|at)\b)"),
    # generic words of remote violence, and of attack (remote or not): the weapon the
    # article names, else a missile strike (ACLED's shelling/artillery/missile default)
    # and an attack of unknown means
    # "the hospital was hit": by something fired at it
    # (not a comparison: "the states hit hardest", "the worst-hit areas")
    # "there were hits in the Lviv region", "a missile hits Dnipro"
    ("strike", r"strikes?|struck|(?<!hardest-)(?<!hardest )(?<!worst-)(?<!worst )(?<!hard-)hits?(?!\s+(?:hardest|worst))"
               r"|bombard(?:ed|ment)|barrages?|shot down|intercepted|downed"
               # the interceptions told as nouns: "the intercepts took place over the Kyiv region"
               r"|interceptions?|intercepts|shoot-?downs?"
               # munitions that scatter bomblets, fired by rockets, shells or missiles: "a cluster munition attack on
               # Kostiantynivka" (the weapon of the paragraph or article types it, else a missile strike)
               r"|cluster (?:munitions?|bombs?|warheads?)"
               # what is left of a downed drone or missile coming down on a place: "debris fell on a house in
               # Kyiv", "falling fragments damaged a school" (annotation.md: interceptions over a place are strikes
               # there; not "rescuers cleared the debris", "trapped under the debris")
               r"|(?:debris|fragments|wreckage)(?= (?:(?:also|later|reportedly) )?(?:fell|landed|crashed|hit|damaged"
               r"|struck|sparked|started|caused|set)\b)|falling (?:debris|fragments|wreckage)"
               # a second site of the attack just told: "The Ilsky refinery in the Krasnodar region also caught fire"
               r"|caught fire(?<=\balso caught fire)|burst into flames(?<=\balso burst into flames)"
               r"|went up in flames(?<=\balso went up in flames)"
               # an attack from the air of no stated weapon: "its largest aerial assault"
               r"|(?:aerial|air) (?:assaults?|attacks?|offensives?)"
               # air defence at work over a place is an attack on it (annotation.md: interceptions)
               r"|air[ -]defen[cs]es?(?: systems?| units?)? (?:were |was |have been |had been )?(?:activated|engaged"
               r"|active|at work|working|repelling|repelled)"),
    # "targets" is a verb before its object ("Russia targets Kyiv"), a noun before a preposition
    # ("civilian targets in Ukraine": what was aimed at, no event)
    ("attack", r"attacks?|attacked|target(?:ed|ing)"
               # the verb in progress ("began attacking Laukkai"), not a purpose ("arms for use in attacking Ukraine")
               r"|(?<!\bin )(?<!\bfor )(?<!\bof )(?<!\bat )(?<!\bfrom )(?<!\bby )(?<!\bon )(?<!\babout )attacking"
               r"|(?<!the )(?<!its )(?<!their )(?<!these )(?<!those )(?<!military )(?<!civilian )targets?(?!\s*[.,;:)]|\s+(?:in|at|on|of|for|near|across|around|inside|to|and|or|were|was|are|is|that"
               r"|which|who|with|from|by|such|including|belonging|used|identified|deep|far)\b)"
               r"|pounded|battered|rocked|(?:went|go|goes|going) on (?:a|the) rampage|rampaged"
               # a vehicle driven into people: "a car was driven into a crowd", "a truck ploughed into shoppers"
               rf"|{RAMMING}"
               # "the convoy came under fire": attacked by a means the text does not name
               # (a weapon named before "fire" types it by its own word: "came under artillery fire");
               # criticism is not ("came under fire for his remarks")
               # (told with any words of degree or kind: "has come under increasingly regular fire", not "political fire")
               # (a weapon's word is no such word: "came under artillery fire" is typed by it)
               r"|(?:came|come|comes|coming) under (?:(?!(?:political|public|media|legal|artillery|mortar|rocket|missile"
               r"|drone|tank|shell|gun|machine|sniper|small-arms)\w*\b)[a-z-]+ ){0,3}fire"
               r"(?!\s+(?:for|over|from\s+(?:critics|lawmakers|the\s+opposition)))"),
    # violence stated only through its victims ("two soldiers killed near Donetsk"); an
    # incident only in an article that is about armed conflict (see CONFLICT_CONTEXT)
    ("violence", r"killed|killings?|dead|died|deaths?|wounded|shot dead|sniper|gunfire|gunshots?|shots were fired"
                 r"|shooting (?:at|on)|(?:mass |the |a )shootings?|shootings|opened fire|fired (?:on|at|upon)|destroyed|damaged"
                 # mass killings of civilians by armed men
                 # (not a court's: "executed two men for spying")
                 r"|executed(?= (?:at least |more than |over |some |about |nearly |up to )?"
                 r"(?:\d[\d,]*|dozens|hundreds|scores)(?: \w+)? (?:of )?"
                 r"(?:civilians|villagers|people|residents|men|women|children|farmers|herders|displaced))"
                 # the same told in the passive: "over 60 villagers were executed in ..."
                 # (the people a court executes are "men", "people", "prisoners": not these)
                 r"|(?:civilians|villagers|residents|farmers|herders) (?:were|had been|have been) (?:summarily )?executed"
                 r"|summary executions?|massacred|massacres?|murdered|slaughtered|slain|beheaded"
                 # targeted killings: "assailants gunned down a candidate", "the mayor was assassinated"
                 r"|gunned down|assassinat(?:ed|ions?)"
                 # killings told by how: "70 people were hacked to death", "burned alive in their homes"
                 r"|(?:hacked|stabbed|beaten|bludgeoned|clubbed|burn(?:ed|t)|macheted|shot) to death|burn(?:ed|t) alive"
                 r"|ceasefire violations?|violated the ceasefire|violence"),
    # people taken by armed men: "gunmen abducted 15 students", "a priest was kidnapped near Dori" (type "other",
    # annotation.md: no strike, battle, sabotage or explosion; an incident only in an article about armed conflict)
    ("other", r"abduct(?:ed|ing|ions?)|kidnap(?:ped|ping|pings)"),
)
TRIGGER_RES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"\b(?=\w)(?:{pat})\b", re.IGNORECASE)) for kind, pat in TRIGGERS
)
#: all triggers in one pass; the named group that matched is the type
ANY_TRIGGER = Caseless(r"\b(?=\w)(?:" + "|".join(f"(?P<{kind}>{pat})" for kind, pat in TRIGGERS) + r")\b", gated=True)

#: Words that make an event hypothetical, denied, planned, habitual or historic, by how
#: far they reach (see :func:`mapper.extract.triggers.scan`): each scopes over its own
#: predicate, never past a clause boundary (:data:`CLAUSE_BOUNDARY`).
#:
#: - ``aux``: auxiliaries, negators and habitual adverbs modify the verb group they stand
#:   in ("could strike", "did not attack", "repeatedly shelled"), up to the boundary;
#: - ``cond``: conditions and dated history ("if", "in 2022, when") reach to the boundary;
#: - ``gov``: verbs and nouns that take the event as their complement ("threatened to
#:   strike", "calls for an end to the shelling") reach a few words;
#: - ``np``: determiners and adjectives ("no strikes", "former", "previous attacks")
#:   modify the noun phrase right after them only.
MODALITY = Caseless(
    r"\b(?=\w)(?:(?P<aux>could|would|might|may|should|can|cannot|will|won['’]t|not|never|no longer"
    # negations contracted, with either apostrophe: "didn't strike", "we don’t commit acts of sabotage"
    r"|(?:did|do|does|has|have|had|is|are|was|were|ca|could|would|should|must)n['’]t"
    r"|repeatedly|regularly|frequently|previously"
    # habits, not events: "the militants usually carry out sporadic attacks", "gunmen often raid villages"
    r"|usually|often|typically|routinely|occasionally|habitually)"
    r"|(?P<cond>if|unless|whether|(?:in|since|until|by)\s+(?:19|20)\d\d,?\s+when)"
    # an event named by its year ("the 2022 Istanbul talks", "the 2014 war"): the name's own noun phrase only, so
    # the definition that follows it is told ("The 2023 Kutum attack was an attack by the RSF on Kutum on 12 May")
    r"|(?P<year>the\s+(?:19|20)\d\d)"
    r"|(?P<gov>warn(?:s|ed|ing)? (?:of|about)|threat(?:en(?:s|ed|ing)?)? (?:of|to|with)|plans? to|planned|planning"
    r"|intends? to|vow(?:s|ed)? to|prepar(?:e|es|ed|ing)(?: to| for)?|den(?:y|ies|ied|ying)|risks? of|fears? of"
    r"|expected to|forecast(?:s|ed)? to|predicted to|likely to|poised to|aims? to|anticipat\w+|against further|prevent|deter|enabl(?:e|es|ed|ing)|(?:pause|truce|cessation)\s+(?:in|of|to)|fail(?:s|ed)? to|halt|stop|(?<!the )end"
    r"|reject(?:s|ed|ing)?|ready to|willing to|resume|propos(?:e|es|ed|al)|offer(?:s|ed)? to|call(?:s|ed)? for"
    # a decision to fight, not the fighting: "the leadership approved a comprehensive military operation in X"
    r"|approv(?:e|es|ed|ing|al\s+(?:of|for))|authori[sz](?:e|es|ed|ing|ation\s+(?:of|for))"
    r"|response to|retaliat\w+\s+(?:for|against)|without|(?:a\s+)?return\s+to"
    # what a thing is for: "drones of the type used to attack ships", "designed to strike"
    r"|(?:used|designed|built|intended|meant)\s+to|capable\s+of"
    # weapons gathered, not fired: "has concentrated offensive weapons, heavy artillery and manpower"
    r"|(?:concentrat|amass|stockpil)(?:e|es|ed|ing)|massed|stationed"
    # what people or places are kept from: "protect Goma from attack", "shield civilians from air strikes"
    # (not a defence against one attack told: "air defences protected Kyiv from the missile attack")
    # (the cue runs to "from", so its reach counts from there: "protect networks and generation facilities from
    # another Russian missile attack")
    r"|(?:protect|shield|safeguard)(?:s|ed|ing)?(?:\s+[\w'’-]+){1,6}\s+from(?=\s+"
    r"(?!(?:the|this|that|these|those|its|their|last|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday)\b|\w+['’]s\b))"
    # what a place is threatened with: "threatens Ukraine's ports with drone attacks" (the cue runs to "with")
    r"|threaten(?:s|ed|ing)?(?:\s+[\w'’-]+){1,6}\s+with(?=\s)"
    # what people are asked to keep from: "call on all parties to refrain from attacks on civilians"
    r"|refrain(?:s|ed|ing)?\s+from|desist(?:s|ed|ing)?\s+from|abstain(?:s|ed|ing)?\s+from"
    # what a place is defended against: "must be able to defend Kharkiv and Odesa against Russian missiles" (the
    # cue runs to "against", as "protect ... from" does; not one attack told: "defended Kyiv against the attack")
    r"|defend(?:s|ed|ing)?(?:\s+[\w'’-]+){1,6}\s+against(?=\s+"
    r"(?!(?:the|this|that|these|those|its|their|last|yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday)\b|\w+['’]s\b)))"
    r"|(?P<np>no|former|previous|prior|earlier|future|possible|potential|upcoming|hypothetical"
    # a cause summed over time: "IDPs from past and present fighting across Rakhine"
    r"|past\s+and\s+(?:present|ongoing|current)"
    # examples of a kind: "Houthi operations such as attacks against shipping" (not "such as the strike on ...")
    r"|such\s+as(?!\s+(?:the|a|an|this|that|these|those|its|their|his|her|our|last|yesterday)\b)"
    r"|threaten(?:s|ed|ing)?))\b",
    gated=True,
)
#: what ends the reach of a modality word: punctuation (``p``), a subordinate or relative
#: clause, a contrast or a verb of saying (``w``: "the former mayor said drones struck ..."),
#: and "that" (``t``), which ends an auxiliary's verb group but opens the complement of a
#: governing word ("denied that its forces shelled ..."); conditions reach to punctuation
_BOUNDARY_WORDS = (
    r"(?:(?P<t>that)|(?P<w>which|who|whom|whose|when|whenever"
    r"|while|whereas|after|before|because|but|although|though|where|said|says|saying|told"
    # "reported" as a verb of saying, not as an adjective ("in response to reported rocket fire")
    r"|(?<!to )(?<!the )(?<!of )(?<!a )(?<!after )(?<!following )(?<!over )reported|according"
    r"|adding|added|meanwhile|then|as(?! (?:many|much|well|part|a result|of)\b)))\b"
)
# (the words are lower-case: their gate is the lower-cased pattern's)
CLAUSE_BOUNDARY = Caseless(r"(?P<p>[.;:,!?()\u2014\u2013]|\s[-\u2013\u2014]\s)|\b" + prefix_gate(_BOUNDARY_WORDS)
                           + _BOUNDARY_WORDS)
#: how many words a ``gov`` or ``np`` modality word reaches (a ``gov`` word reaches
#: further through "that": its complement clause)
MODALITY_REACH = {"gov": 6, "np": 3, "year": 3}
#: the boundary kinds that end each reach class (``q``: punctuation but the commas of a list of nouns, which a
#: governing or noun-phrase word reaches across: "calls for an end to the killings, shelling and displacement")
MODALITY_STOPS = {"aux": "ptw", "np": "qtw", "gov": "qw", "cond": "p", "year": "p"}
#: "May" and "March" are months, not verbs, before a day number or after a date word
_MONTH_BEFORE_DAY = re.compile(r"\s+\d{1,2}\b")
_MONTH_AFTER_DATE_WORD = re.compile(r"(?:\b(?:on|in|since|until|till|by|early|late|mid|from|through|of|last|next)"
                                    r"|\b\d{1,2}(?:st|nd|rd|th)?)\s+$", re.IGNORECASE)


def month_word_is_date(text: str, start: int, end: int) -> bool:
    """Whether the month-named word at ``text[start:end]`` ("may", "march") is a date:
    a day number after it ("May 5") or a date word or day number before it ("on May",
    "5 May")."""
    return bool(_MONTH_BEFORE_DAY.match(text, end) or _MONTH_AFTER_DATE_WORD.search(text, max(0, start - 20), start))


#: words right after a trigger that make it hypothetical ("explosion risks", "talks scheduled for")
MODALITY_AFTER = Caseless(
    # one word may come between ("drone production", "attack drone factory"), but not a determiner: "struck a
    # factory", "hit the production line" are attacks on those sites
    # nor a conjunction: "attacks and fear of attacks" tells attacks
    r"^\W*(?:(?!(?:a|an|the|this|that|these|those|its|their|his|her|our|one|two|three|several|many|another|and|or)\W)"
    r"\w+\W+)?"
    r"(?:risks?|threats?|fears?|scheduled|planned|expected|warnings?|alerts?|sirens?|drills?"
    # what must or should happen to attacks is a demand, no report of one: "the strikes must stop"
    r"|must|should|needs?\s+to|ha(?:s|ve)\s+to"
    r"|campaigns?|capabilit\w+|tactics|programs?|production|factory|factories|repeatedly|regularly|routinely"
    # a rate tells a habit, not one event: "swarms of 800 drones per night terrorise the capital"
    # ("drones attacked Sumy every night" from 1 to 5 March tells attacks that happened)
    r"|per\s+(?:night|day)"
    r"|(?:several|many|multiple|numerous|countless)\s+times|on\s+(?:several|many)\s+occasions"
    # "the strikes have reduced refining": a verb of gradual change says what attacks have done
    # over time, not one attack; any other perfect states what happened ("strikes have damaged /
    # impacted three hospitals", "hostilities have continued")
    r"|(?:have|has)\s+(?:\w+ly\s+)?(?:reduced|cut|disrupted|weakened|degraded|crippled|slowed|halted|curtailed"
    r"|limited|lowered|raised|increased|decreased|doubled|halved|forced|prompted|pushed|driven|changed|shaped"
    r"|undermined|hampered|hindered|complicated|exacerbated|worsened|deepened|heightened|strained|eroded"
    r"|shown|demonstrated|proved|proven|become|grown))\b",
)

#: words that mark places as objects of political claims, not incident sites
CLAIMS = Prefiltered(re.compile(
                r"\b(?=\w)(?:cede|ceding|ceded|demand(?:s|ed|ing)?|annex(?:ed|ation|ing)?|concessions?|recogni[sz]e[ds]?"
                # (not "the territories of Rutshuru and Masisi": the DRC's administrative units, named)
                r"|control over|sovereignty over|withdraw(?:al)? from|territorial|territories(?!\s+of\b)|hand over|give up)\b",
                re.IGNORECASE,
            ))
#: nouns of policy: a place after "<noun> on" is its target, not a scene ("sanctions on Tehran")
POLICY_NOUNS = frozenset("""sanctions sanction pressure position stance views view talks deal agreement claims claim
demands demand embargo restrictions tariffs ban report reports statement decision focus comments remarks briefing
update updates policy influence dependence reliance grip hold call calls""".split())
#: verbs whose direct object is no scene: speech, diplomacy, support ("told Kyiv", "urged Moscow")
OBJECT_VERBS = frozenset("""told tell tells telling urge urges urged urging ask asks asked asking blame blames blamed
blaming accuse accuses accused visit visits visited visiting left leave leaves leaving gave give gives giving sent send
sends sending thank thanks thanked met meet meets meeting join joins joined joining support supports supported
supporting help helps helped helping call calls called calling warned warn warns invited invite welcomed welcome
armed arm backed back supplied supply provided provide recognised recognized recognise recognize sanctioned
supplying supplies arming arms equipping equip equipped selling sell sells sold delivering deliver delivers delivered
providing provides backing backs funding fund funds funded""".split())
#: verbs of decision and speech: a place as their subject is an agent ("Washington approved")
AGENT_VERBS = frozenset("""approved announced agreed decided signed pledged promised sent supplied delivered provided
imposed sanctioned condemned welcomed rejected insisted ordered authorized authorised demanded vowed warned urged
accused blamed denied responded replied threatened proposed offered voted summoned expelled recalled
asked asks requested requests appealed appeals
helped helps armed arms backed backs supported supports funded funds financed trained equipped sponsored sponsors
refused declined""".split())
#: after a place: the place is an origin, not the target ("launched from Kursk")
#: parts of a town named after their own name ("the Salam neighbourhood", "the Kyivskyi district"):
#: one vocabulary for roles.py and locators.py (singular stems; callers add "s?" where plurals count)
QUARTER_WORDS = r"neighbou?rhood|quarter|microdistrict"
#: a quarter word right after a name: "the Salam neighbourhood", "the Kashmir neighbourhood" (of a town)
QUARTER_NAMED = re.compile(rf"\s+(?:{QUARTER_WORDS})s?\b", re.IGNORECASE)
#: words after which a place is where something set out from, not where it happened
ORIGIN_WORDS = frozenset({"from", "departed", "departing", "leaving"})
#: a clause that only says attacks go on, with no specific event, is not an incident
_TRENDS = (r"rising|escalating|increasing|intensifying|growing|mounting|surging|worsening|resurg(?:ing|ent|ence\s+of)"
           r"|escalation\s+of"
           r"|(?:surge|spike|upsurge|rise|increase)\s+in")
GENERIC = re.compile(r"\b(?=\w)(?:ongoing|continued|continuing|continues?|persistent|epicent(?:er|re)\s+of|hotbed\s+of|repeated|regular|daily|constant|systematic"
                     r"|relentless|incessant|frequent|intensified|stepped[- ]up|heightened|increased|" + _TRENDS
                     + r")\b(?:\s+[\w-]+){0,3}\s+$", re.IGNORECASE)
#: a trend of violence ("amid rising crime and violence", "the escalation of violence in Darfur") is a
#: state of affairs on any date
TREND = re.compile(r"\b(?=\w)(?:" + _TRENDS + r")\b(?:\s+[\w-]+){0,3}\s+$", re.IGNORECASE)
#: ... or told after it ("violence is rising in the West Bank", "attacks have been increasing")
TREND_AFTER = re.compile(r"\s+(?:is|are|has\s+been|have\s+been|was|were|keeps?|continues?\s+to\s+be)\s+(?:\w+ly\s+)?"
                         r"(?:" + _TRENDS + r")\b", re.IGNORECASE)

#: events characterised as a pattern by their predicate ("the shelling of the positions ... were intensive and
#: systematic", "attacks on the town are frequent"): a state of affairs, not an event
PATTERN_AFTER = Prefiltered(re.compile(r"\s(?:is|are|was|were|has\s+been|have\s+been|remains?|remained)\s+(?:[a-z]+\s+(?:and|but)\s+)?"
                                       r"(?:\w+ly\s+)?(?:systematic|constant|regular|daily|frequent|incessant|relentless|routine"
                                       r"|continuous|commonplace|widespread)\b", re.IGNORECASE))

#: a clause that sets the incident just told in its context ("This incident comes amid a sharp decline in
#: RSF-controlled areas over recent weeks, as the army has gained ground in Khartoum")
CONTEXT_OPENER = re.compile(r"\s*(?:this|that|the|it|these)\s+(?:[\w-]+\s+){0,3}?(?:comes?|came|coming)\s+"
                            r"(?:amid|as|at\s+a\s+time|against\s+a\s+backdrop)\b", re.IGNORECASE)

#: the nouns that call a name a settlement smaller than a city ("the village of X", "X locality"): the one list the
#: rules for villages the gazetteer lacks share (fallback_places, locators).  Not "community": it names a village
#: in some English ("killed in Dumba community") but a people in most ("members of the Druze community"), so only
#: the rules that see a village's other signs add it
SETTLEMENT_NOUNS = ("village", "town", "settlement", "locality", "commune", "hamlet")
#: those nouns as a pattern, singular
SETTLEMENT_NOUN = "|".join(SETTLEMENT_NOUNS)
#: those nouns as a pattern, singular or plural
SETTLEMENT_NOUN_S = r"villages?|towns?|settlements?|localit(?:y|ies)|communes?|hamlets?"

#: the sea off a coastal town, right before its name: "attacked a bulk carrier off Hodeidah", "off the coast of Aden"
OFF_COAST = re.compile(r"\boff\s+(?:the\s+(?:coast|port|shores?)\s+of\s+)?(?:the\s+)?$", re.IGNORECASE)
#: a vessel at sea: "tanker", "bulk carrier", "cargo ship"
VESSEL = re.compile(r"\b(?=\w)(?:ships?|vessels?|tankers?|(?:bulk\s+)?carriers?|freighters?|boats?|cargo|frigates?"
                    r"|destroyers?|warships?)\b", re.IGNORECASE)
#: a body of water as an event's place: an attack there is on a ship, from afar, never a fight on the ground
AT_SEA = re.compile(r"\b(?=\w)(?:Sea|Strait|Gulf|Ocean|Bab\s+(?:al|el)[- ]Mandab)\b")

#: a casualty figure that is a running total, not one event's toll
CUMULATIVE = re.compile(r"\b(?=\w)(?:as of|up from|climbed to|(?:has|have|had) (?:risen|climbed|reached)|rose to|risen to|in total|total of"
                        r"|since the (?:start|beginning)|so far|to date|overall|cumulative"
                        # a year's toll: "Israeli forces have killed more than 100 Palestinians in the West Bank this year"
                        r"|this\s+year|(?:in|over)\s+the\s+(?:past|last)\s+year"
                        # "By 6 November, over 40,000 housing units had been destroyed": a count up to a day
                        r"|by\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?(?:january|february|march|april|june|july|august|september"
                        r"|october|november|december)(?:\s+\d{1,2})?(?=,)"
                        r"|since\s+(?:the\s+|\w+['’]s\s+)?(?:full[- ]scale\s+)?"
                        r"(?:invasion|war|conflict|escalation|outbreak))\b",
                        re.IGNORECASE)
#: actor names for groups (regex -> canonical name)
GROUP_ACTORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), name) for p, name in (
    (r"\bRSF\b|Rapid Support Forces", "Rapid Support Forces"),
    (r"\bSAF\b|Sudanese (?:Armed Forces|army)", "Sudanese Armed Forces"),
    (r"\bHamas\b", "Hamas"),
    (r"\bHezbollah\b", "Hezbollah"),
    (r"\bHouthis?\b", "Houthis"),
    (r"\bIDF\b|Israel Defense Forces|Israeli (?:military|army|forces|troops|jets|warplanes|aircraft)", "Israel"),
    # a bare "junta" is Myanmar's unless another state's possessive or demonym names it ("Mali's junta", "the
    # Burkinabe junta", "Niger's military junta": the Sahel's juntas)
    (r"Myanmar(?:'s|’s)? (?:military|army|junta)|\bTatmadaw\b|Burmese (?:military )?junta"
     r"|(?<!['’]s )(?<!['’]s military )(?<!ian )(?<!ien )(?<!abe )(?<!ean )(?<!ian military )(?<!ien military )"
     r"(?<!abe military )(?<!ean military )\bjunta\b", "Myanmar military"),
    (r"\bWagner\b", "Wagner Group"),
    (r"\bIslamic State\b|\bISIS\b|\bISIL\b", "Islamic State"),
    (r"\b[Aa]l[- ]Shabaa?b\b", "al-Shabaab"),
    (r"\bIslamic Resistance in Iraq\b", "Islamic Resistance in Iraq"),
    (r"\bArakan Army\b", "Arakan Army"),
    # the armed groups most often named in the wars mapper maps, by the name news gives them
    (r"\bM23\b|March 23 Movement", "M23"),
    (r"\bJNIM\b|Jama'?['’]?at Nus?rat al-Islam wal-Muslimin", "JNIM"),
    (r"\bISWAP\b|Islamic State West Africa Province", "ISWAP"),
    (r"\bBoko Haram\b", "Boko Haram"),
    (r"\bAllied Democratic Forces\b", "Allied Democratic Forces"),
    (r"\bFano (?:militias?|militiamen|fighters|forces|rebels|insurgents)\b", "Fano"),
    (r"\bTPLF\b|Tigray People['’]s Liberation Front|Tigray Defen[cs]e Forces", "TPLF"),
    (r"\bPKK\b|Kurdistan Workers['’]? Party", "PKK"),
    (r"\bTehr?e?e?k-e-Taliban Pakistan\b|\bTTP\b|Pakistani Taliban", "Pakistani Taliban"),
    (r"\bPalestinian Islamic Jihad\b|\bIslamic Jihad\b", "Palestinian Islamic Jihad"),
    (r"\bHayat Tahrir al-Sham\b|\bHTS\b", "Hayat Tahrir al-Sham"),
    (r"\bSyrian Democratic Forces\b", "Syrian Democratic Forces"),
    (r"\bKachin Independence Army\b", "Kachin Independence Army"),
    (r"\bBaloch(?:istan)? Liberation Army\b|\bBLA\b", "Balochistan Liberation Army"),
    (r"\bal[- ]Qaeda\b|\bal[- ]Qaida\b", "al-Qaeda"),
))
#: all group actors in one pass: the group ``g<i>`` that matched names ``GROUP_NAMES[i]``
GROUP_NAMES = tuple(name for _, name in GROUP_ACTORS)
#: what every group pattern needs, a cheap test before the pattern: one of these lower-case words in the
#: lower-cased text, or one of the acronyms as written (the patterns match them in capitals only: "HTS",
#: not the end of "rights"; "ISIS", not the middle of "crisis")
GROUP_HINTS = ("rapid support", "sudanese", "hamas", "hezbollah", "houthi", "israel", "myanmar", "tatmadaw", "junta",
               "wagner", "islamic state", "islamic resistance", "shaba", "arakan", "march 23", "jama", "boko",
               "allied democratic", "fano", "tigray", "kurdistan workers", "taliban", "islamic jihad", "tahrir",
               "syrian democratic", "kachin", "baloch", "qaeda", "qaida")
GROUP_ACRONYMS = ("RSF", "SAF", "IDF", "ISIS", "ISIL", "M23", "JNIM", "ISWAP", "TPLF", "PKK", "TTP", "HTS", "BLA")


def may_name_group(text: str, low: str) -> bool:
    """Whether a text (``low``: lower-cased) may name a group of :data:`GROUP_ACTORS`: the cheap
    test before :data:`ANY_GROUP`."""
    return any(w in low for w in GROUP_HINTS) or any(a in text for a in GROUP_ACRONYMS)
#: the letters a name of :data:`GROUP_ACTORS` may begin with (tests/test_regex_word_start.py checks
#: them): the lookahead rejects most characters at once, where ``re`` tried every name at each
GROUP_INITIALS = "ABFHIJKMPRSTWaj"
ANY_GROUP = re.compile(f"(?=[{GROUP_INITIALS}])(?:"
                       + "|".join(f"(?P<g{i}>{rx.pattern})" for i, (rx, _) in enumerate(GROUP_ACTORS)) + ")")
#: the names of armed groups, with any place inside them: never the scene of an event (a town
#: somewhere may share the name: "al-Shabab" is Shabab, Iran; "Wagner", towns of the US)
#: (every name begins with a capital or al-: the lookahead on those rejects the other characters at
#: once, where re tried each name at each word; tests/test_regex_word_start.py checks it)
GROUP_NAMES_NOT_PLACES = Prefiltered(re.compile(r"(?=[A-Za])(?:\b(?:[Aa]l[- ])?Shabaa?b\b|\bHezbollah\b|\bHamas\b|\bHouthis?\b|\bWagner\b"
                                                r"|\bArakan Army\b|\bM23\b"
                                                # a force or movement named after its land ("Balochistan Liberation Army",
                                                # "Rwanda Defence Force", "Tigray People's Liberation Front", "Turkistan Islamic
                                                # Party"): the group, not a place
                                                r"|\b[A-Z][\w'’-]+(?:\s+(?:People'?’?s|National|Islamic|Independence|Democratic|Popular|Liberation|Salvation))*"
                                                r"\s+(?:Defen[cs]e\s+Forces?|Liberation\s+(?:Army|Front|Movement)|Independence\s+Army"
                                                r"|National\s+Army|Islamic\s+Party|Salvation\s+Army|Workers'?’?\s+Party)\b"
                                                # a movement named for the land it fights in ("the Islamic Resistance in
                                                # Iraq", "al-Qaeda in the Islamic Maghreb", "Islamic State - Mozambique Province")
                                                # (not "Islamic State fighters in Deir ez-Zor": only these names)
                                                r"|\b(?:Islamic\s+(?:State|Resistance)|[Aa]l[- ]Qa['’]?[ei]?da)\s+in\s+(?:Iraq(?:\s+and\s+(?:the\s+Levant|Syria))?"
                                                r"|the\s+(?:Greater\s+Sahara|Sahel|Arabian\s+Peninsula|Islamic\s+Maghreb|Indian\s+Subcontinent)|West\s+Africa)\b"
                                                r"|\bIslamic\s+State(?:['’]s)?\s*[-–—]?\s*(?:[A-Z][\w'’-]+\s+){1,2}Province\b)"))
#: country -> actor name used when a country or its demonym is the agent
COUNTRY_ACTORS = {"RU": "Russia", "UA": "Ukraine", "IL": "Israel", "US": "United States", "PS": "Palestine",
                  "SD": "Sudan", "MM": "Myanmar", "BY": "Belarus", "IR": "Iran", "SY": "Syria", "TR": "Turkey",
                  "LB": "Lebanon", "YE": "Yemen", "KP": "North Korea", "GB": "United Kingdom", "FR": "France",
                  "DE": "Germany", "PL": "Poland",
                  # the other states whose forces the wars mapper maps name by their demonym ("Indian missiles",
                  # "Ethiopian troops", "Malian soldiers")
                  "IN": "India", "PK": "Pakistan", "ET": "Ethiopia", "ER": "Eritrea", "SO": "Somalia", "NG": "Nigeria",
                  "ML": "Mali", "BF": "Burkina Faso", "NE": "Niger", "TD": "Chad", "RW": "Rwanda", "UG": "Uganda",
                  "KE": "Kenya", "IQ": "Iraq", "SA": "Saudi Arabia", "AE": "United Arab Emirates", "EG": "Egypt",
                  "JO": "Jordan", "AZ": "Azerbaijan", "AM": "Armenia", "AF": "Afghanistan", "CN": "China",
                  "CO": "Colombia", "LY": "Libya", "MZ": "Mozambique", "CM": "Cameroon", "SS": "South Sudan"}

#: attackers whose "strikes", told with no weapon, are strikes from the air: states that wage
#: their wars by aircraft (Israel in Gaza, Lebanon, Syria and Yemen; the US and UK in Yemen, Iraq and
#: Syria; France in the Sahel; Turkey in Syria and Iraq) and Myanmar's junta.  Not Russia or Ukraine
#: (missiles and drones), nor rocket-firing groups
AIR_POWERS = frozenset({"Israel", "United States", "United Kingdom", "France", "Turkey", "Myanmar military"})
#: armed groups with no aircraft whose bombings are bombs set off on the ground (names of :data:`GROUP_ACTORS`)
GROUND_BOMBERS = frozenset({"Islamic State", "al-Shabaab", "JNIM", "ISWAP", "Boko Haram", "Allied Democratic Forces",
                            "Pakistani Taliban", "Balochistan Liberation Army", "al-Qaeda", "PKK",
                            "Palestinian Islamic Jihad"})

ACTOR_COUNTRY = {name: iso for iso, name in COUNTRY_ACTORS.items()}
ACTOR_COUNTRY.update({"Israel": "IL", "Myanmar military": "MM", "Sudanese Armed Forces": "SD",
                      "Rapid Support Forces": "SD", "Hamas": "PS", "Hezbollah": "LB", "Houthis": "YE",
                      "Arakan Army": "MM"})

NUMBER_WORDS = {"a": 1, "an": 1, "another": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
                "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "dozen": 12, "dozens": 12, "tens": 10, "scores": 20,
                "hundreds": 100, "hundred": 100, "thousands": 1000, "several": 3, "a dozen": 12}

#: capitalised words that are never unknown place names ("in November", "in The")
NOT_PLACES = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday the this that these those a an his her their its our
my your it he she they we i""".split())
#: words after a demonym that make it a reporter, not an agent ("Ukrainian President", "Polish authorities")
REPORTERS = frozenset("""president prime minister officials official authorities authority police prosecutors
spokesman spokeswoman spokesperson media outlets outlet sources source governor mayor leader leaders
diplomat diplomats ambassador envoy government parliament lawmakers investigators journalists""".split())

#: an article about armed conflict: casualty words there describe incidents
CONFLICT_CONTEXT = re.compile(with_gate(
    r"\b(?=\w)(?:soldiers?|troops|army|military|forces|rebels?|separatists?|militants?|militia|fighters|insurgents?"
    r"|shelling|shelled|artillery|missiles?|drones?|airstrikes?|air strikes?|war|frontline|front line"
    r"|ceasefire|offensive|combat|armed|russians|occupiers|invaders|enemy|hostilities"
    # people told apart from combatants: "the deaths of more than 100 civilians", "civilian populations"
    r"|civilians|civilian\s+(?:populations?|casualties|deaths)"
    # armed gangs and bandits (Haiti, the Sahel, Mexico)
    r"|gangs?|gunmen|bandits|gunfights?|gun battles?"
    # violence between communities or armed camps told by its own name ("the communal conflict in Blue Nile
    # state has led to 97 deaths", "tribal clashes"): a war of no named army
    r"|clashes|(?:armed|communal|intercommunal|inter-communal|ethnic|tribal|sectarian|intercommunity)\s+(?:conflicts?|violence)"
    # terrorism, hostages and massacres, and the armed groups of the conflicts mapper's lexicon names
    r"|terror|terrorism|terrorists?|hostages?|massacres?|insurgency|jihadists?|paramilitary|paramilitaries"
    r"|Hamas|Hezbollah|Houthis?|RSF|M23|al[- ]Shabaa?b|Islamic State|ISIS|ISIL)\b"), re.IGNORECASE)

#: works that attacks from afar hit (missiles, drones, artillery, aircraft), not the ground
#: fighting of an "attack" named by no weapon: "attacks on energy infrastructure", "attacks on
#: civilian areas in Kyiv", "attacks ... damaged port facilities and grain infrastructure"
CIVIL_WORKS = re.compile(
    r"\b(?=\w)(?:energy|power|electricity|gas|heating|grain|port|civilian|critical)\s+(?:infrastructure|facilit(?:y|ies)"
    r"|systems?|grids?|plants?|areas)\b|\bresidential\s+(?:areas?|buildings?|blocks?|districts?|neighbou?rhoods?)\b"
    r"|\b(?:apartment|high-rise|multi-storey)\s+(?:buildings?|blocks?)\b", re.IGNORECASE)
#: the armed forces of a state or group, beside whom civilians' violence is part of their operation
ARMED_FORCES = re.compile(r"\b(?=\w)(?:forces|troops|soldiers|army|military|police|IDF|gunmen|militants?|fighters)\b",
                          re.IGNORECASE)
#: armed groups that are no state's army, without artillery or aircraft (one vocabulary for ON_FOOT and
#: the subjects of events.link_clause's "Insurgents struck again")
ARMED_GROUP_WORDS = r"gunmen|militants?|militias?|militiamen|insurgents?|jihadists?|bandits|gangs?|rebels?"
#: killings told by a way of killing by hand ("shot dead", "hacked to death"): the tolls of
#: :mod:`mapper.extract.casualties` and the means on foot of :data:`mapper.extract.roles.ON_FOOT_MEANS`
KILLED_BY_HAND = r"shot\s+dead|gunned\s+down|beheaded|(?:hacked|stabbed|beaten)\s+to\s+death|burn(?:ed|t)\s+alive"
#: people who attack on the ground: an attack they make is no strike from afar
ON_FOOT = re.compile(rf"\b(?=\w)(?:{ARMED_GROUP_WORDS}|fighters|settlers|armed\s+groups?|NSAGs?|troops|soldiers|infantry)\b",
                     re.IGNORECASE)
