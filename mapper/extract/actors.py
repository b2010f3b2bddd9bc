"""Who attacked: the actor a clause names for its event."""
from __future__ import annotations

import re

from mapper.extract import lexicon as lx
from mapper.extract.governing import LOCATIVE, governing_word
from mapper.model import Place

_WORD_BEFORE = re.compile(r"\b(?=\w)([A-Z][a-z]+)\s+(?:[a-z][\w-]*\s+){0,2}\Z")  # "Ukrainian fixed-wing drones"
_AGENT = re.compile(r"\b(?=\w)(?:by|attributed to|blamed on|claimed by)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")


def actor(text: str, trigger_at: int, demonyms: dict[str, str], countries: list[tuple[int, Place]],
          weapons: tuple[int, ...] = ()) -> str | None:
    """Who attacked, from the strongest evidence a clause gives.

    In order: the attacker after "by" right after the event word ("attacked by ISWAP fighters", "by a
    non-state armed group": then the demonym before is the attacked side's); a demonym on the weapon
    itself ("41 Ukrainian drones"); a named group
    before the trigger (the subject: "the Israeli military said it struck Hamas
    targets"), the nearest one winning; "by X"; a demonym or a country before the
    trigger (not one named as a supporter: "with support from Australia"); a named group after it ("clashes
    with the RSF").
    """
    groups: list[tuple[int, str]] | None = None  # the named groups, found once and only when asked for
    downed = _INTERCEPTED.search(text)
    if downed is not None:
        # "Russian air defences downed 20 Ukrainian drones", "the Israeli army intercepted a drone launched by
        # Hezbollah", "intercepted a missile fired from Yemen": who intercepts defends; the attacker is the
        # weapons' side, whoever launched them, or where they came from, and no one when the text names none
        return _interceptions_author(text, downed, demonyms, countries)
    by = _BY_AFTER.match(text, trigger_at) or _UNDER_FROM.match(text, trigger_at)
    if by:
        groups = _groups(text)
        # "Chadian soldiers were attacked by ISWAP fighters", "... by a non-state armed group", "suffered an
        # attack by unidentified gunmen": the attacker is the one after "by", named or not; the demonym before
        # the event word is then the attacked side's
        named = [name for at, name in groups if by.end() <= at <= by.end() + _BY_REACH]
        if named:
            return named[0]
        if (told := _UNNAMED_AGENT.match(text, by.end())) and not _NAMED_AFTER.match(text, told.end()):
            # "by ten militants from the Hafiz Gul Bahadur group of the Pakistani Taliban": whom they belong to
            later = [name for at, name in groups if by.end() <= at <= by.end() + _MEMBERS_REACH]
            return later[0] if later else None
        if by.re is _UNDER_FROM and (side := _demonym_actor(_FIRST_WORDS.match(text, by.end()).group(), demonyms)):
            return side  # "came under fire from Ukrainian forces"
    # the subject of an event word told in the passive was attacked ("Israeli troops were ambushed near Jenin",
    # "Russian troops came under heavy fire")
    attacked = trigger_at if _PASSIVE_BEFORE.search(text, max(0, trigger_at - 40), trigger_at) \
        or _UNDER.match(text, trigger_at) else -1
    for at in weapons:
        if at == attacked:
            continue
        m = _WORD_BEFORE.search(text, max(0, at - 60), at)  # a bounded window: linear on long clauses
        if m and _speaking(text, m.start(1)):
            m = None  # "Ukrainian officials said drones hit Odesa": the speakers' side, not the drones'
        iso = demonyms.get(m.group(1).lower()) if m else None
        if iso:
            return lx.COUNTRY_ACTORS.get(iso, m.group(1))
    if groups is None:
        groups = _groups(text)
    accused = _ACCUSED.search(text, max(0, trigger_at - 80), trigger_at)
    if accused:
        # "X accused the army of air strikes": the accused is the attacker (as X claims), never X
        named = [name for at, name in groups if accused.start(1) <= at < accused.end(1)]
        return named[0] if named else _demonym_actor(accused.group(1), demonyms)
    if _DEFENCE.match(text, trigger_at):
        # "Sudan's army repelled an RSF attack on El Obeid", "fended off an assault by M23": the attacker
        # is named after the defending verb, not its subject
        after = [name for at, name in groups if trigger_at < at <= trigger_at + _DEFENCE_REACH]
        if after:
            return after[0]
    before = [g for g in groups if attacked < g[0] < trigger_at]
    if before:
        return before[-1][1]
    m = next((a for a in _AGENT.finditer(text, trigger_at) if not _HOLDER.search(text, max(0, a.start() - 20), a.start())),
             None)
    if m:
        named = [name for at, name in groups if m.start(1) <= at < m.end(1) + 3]
        if named:
            return named[0]  # "by the Myanmar military"
        word = m.group(1).split()[0]
        iso = demonyms.get(word.lower())
        if iso:
            return lx.COUNTRY_ACTORS.get(iso, word)
        if word in lx.COUNTRY_ACTORS.values():
            return word
    window = text[:trigger_at]
    # "the U.S. and U.K., with support from Australia, Bahrain and the Netherlands, conducted strikes": who
    # supports is not who strikes
    helpers = [(m.start(), m.end()) for m in _SUPPORTERS.finditer(window)]
    best = None
    for m in re.finditer(r"([A-Z][a-z]+)\s*(\w*)", window):
        iso = demonyms.get(m.group(1).lower())
        if iso and m.group(2).lower() not in lx.REPORTERS and not _VICTIMS.match(text, m.end(1)) \
                and not any(a <= m.start() < b for a, b in helpers):
            best = (m.start(), lx.COUNTRY_ACTORS.get(iso, m.group()))
    for pos, place in countries:
        if any(a <= pos < b for a, b in helpers):
            continue
        if place.kind == "country" and pos < trigger_at and (best is None or pos > best[0]):
            if governing_word(text, pos) not in LOCATIVE and not _OWNS_PLACE.match(text, pos) \
                    and (not _SPEAKS.match(text, pos) or _SAYS_IT_DID.match(text, pos)):
                # not "in western Russia", nor "Ukraine's port city of Mariupol"
                best = (pos, lx.COUNTRY_ACTORS.get(place.country, place.name))
    if best:
        return best[1]
    # a group named as what was attacked is not the attacker ("air strikes on RSF bases in Omdurman")
    # ... nor one that speaks of it ("Some struck near the Nevatim air base, the Israeli military said")
    agents = [name for at, name in groups if not _TARGET_BEFORE.search(text, max(0, at - 40), at)
              and not _speaking(text, at) and not at < attacked]
    return agents[0] if agents else None


def _speaking(text: str, at: int) -> bool:
    """Whether the side named at ``at`` only speaks of the event: "Ukrainian officials said drones hit Odesa", "the
    Israeli military said", "according to the Israeli military" (not "India said it struck nine sites")."""
    if _ACCORDING.search(text, max(0, at - 20), at):
        return True
    return _SPEAKS.match(text, at) is not None and _SAYS_IT_DID.match(text, at) is None


_ACCORDING = re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)


#: the words before a group that make it the target: "strikes on RSF bases", "an attack against M23 positions",
#: "drones targeting Houthi sites"
_TARGET_BEFORE = re.compile(r"\b(?=\w)(?:on|against|targeting|targeted|at)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?$",
                            re.IGNORECASE)


#: the states named as supporting the attackers, up to the clause's verb ("with support from Australia, Bahrain,
#: Canada and the Netherlands, conducted", "backed by Rwanda")
_SUPPORTERS = re.compile(r"\b(?:with\s+(?:the\s+)?(?:support|help|backing|assistance|participation)\s+(?:of|from)"
                         r"|(?:supported|backed|assisted|joined)\s+by)\s+[^;:]*?(?=,\s+(?!and\b|the\b)[a-z]|\Z)")


#: who holds, runs or backs what was attacked is no agent of the attack ("a facility operated by Iran-backed Houthis",
#: "territory held by the RSF")
_HOLDER = re.compile(r"\b(?=\w)(?:operated|held|used|controlled|run|owned|backed|supported|supplied|funded|manned|occupied"
                     r"|built|made|produced|guarded|defended|inhabited|administered|claimed)\s+$", re.IGNORECASE)


def _groups(text: str) -> list[tuple[int, str]]:
    """Where the text names a group of :data:`mapper.extract.lexicon.GROUP_ACTORS`, and its name."""
    if not lx.may_name_group(text, text.lower()):
        return []
    return [(m.start(), lx.GROUP_NAMES[int(m.lastgroup[1:])]) for m in lx.ANY_GROUP.finditer(text)]


#: "by" right after the event word, or after a phrase of its time or place ("attacked by", "an attack on Tuesday
#: by"; not "strikes condemned by rights groups", "attacks reported by residents")
_BY_AFTER = re.compile(r"\w+\s+(?:(?:on|in|at|near|overnight|early|late)\s+(?:[\w-]+\s+){0,2})?by\s+")
_BY_REACH = 25
_MEMBERS_REACH = 80
#: an attacker told after "by" by what it is, not by its name or side ("by a non-state armed group",
#: "by unidentified gunmen", "by suspected jihadists")
_UNNAMED_AGENT = re.compile(r"(?:an?\s+|the\s+|some\s+|several\s+|\d+\s+|dozens\s+of\s+|hundreds\s+of\s+)?"
                            rf"(?:[a-z-]+\s+){{0,3}}(?:{lx.ARMED_GROUP_WORDS}|groups?|men|attackers|assailants|fighters"
                            r"|individuals|persons|people|bombers?|elements|terrorists|extremists|actors|NSAGs?"
                            # or by its means alone ("was targeted by a drone strike", "killed by shelling"; not
                            # "struck by the most intensive missile attacks by the Russian Federation")
                            r"|(?:air)?strikes?|attacks?|drones?|missiles?|rockets?|shells?|shelling|bombs?|bombing"
                            r"|explosions?|gunfire|fire)\b")
#: ... unless its attacker is named right after it ("missile attacks by the Russian Federation")
_NAMED_AFTER = re.compile(r"(?:\s+[a-z-]+){0,2}\s+(?:by|from)\s+(?:the\s+)?[A-Z]")


#: "came under" in any tense: what follows ("attack", "heavy fire") was suffered by the subject
_CAME_UNDER = r"(?:came|come|comes|coming)\s+under"
#: the subject of a passive casualty verb is who suffered, not who attacked ("40 Palestinians were killed",
#: "two Israeli soldiers were wounded")
_VICTIMS = re.compile(r"(?:\s+[a-z-]+){0,2}\s+(?:(?:were|was|(?:have|has|had)\s+been)\s+(?:\w+ly\s+)?"
                      r"(?:killed|injured|wounded|hurt|shot|detained|abducted|kidnapped|displaced"
                      # ... and of an attack: "Russian soldiers were ambushed", "Israeli troops came under fire"
                      r"|attacked|ambushed|targeted|shelled|bombed)"
                      rf"|{_CAME_UNDER}\s+(?:[a-z-]+\s+){{0,2}}?(?:attack|fire|shelling|bombardment))\b")


#: the event word told in the passive: its subject was attacked ("were ambushed", "came under heavy fire")
_UNDER = re.compile(rf"{_CAME_UNDER}\b")
#: ... and whom it came from: "came under fire from the Israel Defense Forces"
_UNDER_FROM = re.compile(rf"{_CAME_UNDER}\s+(?:[\w-]+\s+){{0,3}}?(?:fire|attack|shelling|bombardment)"
                         r"\s+from\s+")
_FIRST_WORDS = re.compile(r"(?:\S+\s*){0,3}")
_PASSIVE_BEFORE = re.compile(rf"\b(?=\w)(?:were|was|been|being|{_CAME_UNDER})\s+(?:[a-z-]+\s+){{0,2}}$")


#: verbs of a defence: what follows names who attacked ("repelled an RSF attack", "repulsed attacks by M23")
_DEFENCE = re.compile(r"(?:repel(?:s|led|ling)?|repuls(?:e|es|ed|ing)|fended\s+off|fought\s+off|beat\s+back|thwart(?:ed|s)?)\b",
                      re.IGNORECASE)
_DEFENCE_REACH = 60
#: past and present verbs of saying that report a deed (shared by :data:`_SPEAKS` and :data:`_SAYS_IT_DID`)
_SAID = r"said|says|stated|announced|claimed|confirmed"
#: a country that speaks of the attack ("The UK condemns the capture of Masisi by M23") is not its author
_SPEAKS = re.compile(r"\S*(?:\s+[A-Z]\S*){0,2}\s+(?:(?:has\s+|have\s+|strongly\s+|also\s+)?(?:condemn|denounc|welcom|deplor|call|urg|warn|express"
                     r"|reject|said|says|stat)\w*"
                     # "The UK is alarmed by", "The United States was deeply saddened to learn of"
                     r"|(?:is|are|was|were|remains?)\s+(?:\w+ly\s+)?(?:alarmed|saddened|shocked|concerned|appalled|horrified"
                     r"|outraged|dismayed|troubled|disturbed|gravely|deeply)"
                     # "U.S. State Department spokesman Vedant Patel issued a statement", "Ukrainian officials said"
                     r"|(?:spokes(?:man|woman|person)|ambassador|envoy|embassy|officials?|delegation|representatives?)\b"
                     # "Russia's defence ministry confirmed attacks", "Israel's military said": its organ speaks
                     r"|(?:[a-z]+\s+){0,2}(?:ministry|military|army|government|authorities|[Gg]eneral\s+[Ss]taff)\s+"
                     rf"(?:has\s+|have\s+)?(?:{_SAID}|confirms|reported|reports|states)\b)")
#: a state that says it did the deed, itself or through its organs ("India said it struck nine sites",
#: "Ukraine's General Staff said its forces hit a refinery"): the speaker is the attacker
_SAYS_IT_DID = re.compile(rf"\S*(?:\s+[\w-]+){{0,2}}?\s+(?:{_SAID})\s+(?:that\s+)?"
                          r"(?:it|they|its\s+(?:[\w-]+\s+)?(?:forces|troops|army|military|navy|air\s+force|units|jets|drones"
                          r"|missiles))\s+(?:had\s+|has\s+|have\s+)?(?:struck|hit|attacked|launched|shelled|fired|bombed|targeted"
                          r"|carried\s+out|conducted|destroyed|captured|seized|took|raided"
                          r"|killed)\b")
#: a country owning a place ("Ukraine's port city of", "Russia's Belgorod region") locates, not attacks
_OWNS_PLACE = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}['’]s\s+(?:[a-z-]+\s+){0,2}(?:[A-Z][\w’'-]+\s+)?"
                         r"(?:city|town|village|port|capital|region|province|oblast|border|coast|territory|north|south"
                         r"|east|west)\b")
_ACCUSED = re.compile(r"\b(?=\w)(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing))\s+(.{1,40}?)\s+(?:of|for)\s+(?:[\w-]+\s+){0,2}\Z")


#: an interception and what it downed: "shot down 45 drones", "intercepted a missile", "downed 20 Ukrainian drones"
_INTERCEPTED = re.compile(r"\b(?=\w)(?:intercept(?:ed|s|ing)|shot\s+down|shoots?\s+down|shooting\s+down|down(?:ed|ing)"
                          r"|destroy(?:ed|ing)|neutrali[sz](?:ed|ing))\s+(?P<what>(?:[\w-]+\s+){0,5}?"
                          r"(?:drones?|missiles?|rockets?|UAVs?|projectiles?|Shaheds?|aerial\s+targets))\b"
                          # (not weapons hit on the ground: "destroyed a Houthi missile system", "a drone factory")
                          r"(?!\s+(?:systems?|launchers?|sites?|depots?|factory|factories|plants?|storage|warehouses?"
                          r"|stockpiles?|facilit(?:y|ies)|workshops?|batter(?:y|ies)))")
#: who sent what was downed: "launched by Hezbollah", "fired from Yemen"
_SENT_BY = re.compile(r"\b(?:launched|fired|sent|flown)\s+(?P<how>by|from)\s+(?:the\s+)?")
_SENT_REACH = 60
#: a side named as a weapon's maker or backer, not its user: "Iranian-made drones", "an Iranian-backed Houthi missile"
_MAKER = re.compile(r"[A-Z][a-z]+[-\u2010](?:made|designed|supplied|built|backed|funded|provided)\b")


def _interceptions_author(text: str, downed: re.Match[str], demonyms: dict[str, str],
                          countries: list[tuple[int, Place]]) -> str | None:
    """Who sent the weapons an interception downed (:data:`_INTERCEPTED`): their demonym ("20 Ukrainian drones"),
    the group that launched them, or the country they were fired from; None when the text names none of these."""
    side = _demonym_actor(_MAKER.sub("", downed.group("what")), demonyms)
    if side:
        return side
    sent = _SENT_BY.search(text, downed.end(), downed.end() + _SENT_REACH)
    if sent is None:
        return None
    if sent.group("how") == "by":
        named = [name for at, name in _groups(text) if sent.end() <= at <= sent.end() + _BY_REACH]
        return named[0] if named else _demonym_actor(text[sent.end():sent.end() + _BY_REACH], demonyms)
    origin = next((p for at, p in countries if at == sent.end() and p.country), None)
    return lx.COUNTRY_ACTORS.get(origin.country, origin.name) if origin is not None else None


def _demonym_actor(phrase: str, demonyms: dict[str, str]) -> str | None:
    """The actor a phrase names by a demonym or country name ("the Russian army"), if any."""
    for word in re.findall(r"[A-Z][a-z]+", phrase):
        iso = demonyms.get(word.lower())
        if iso:
            return lx.COUNTRY_ACTORS.get(iso, word)
        if word in lx.ACTOR_COUNTRY:
            return word
    return None
