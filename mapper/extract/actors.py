"""Who attacked: the actor a clause names for its event."""
from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from mapper.extract import lexicon as lx
from mapper.extract.dateline import FILED_FROM
from mapper.extract.governing import LOCATIVE, governing_word
from mapper.model import Place

_WORD_BEFORE = re.compile(r"\b(?=\w)([A-Z][a-z]+)\s+(?:[a-z][\w-]*\s+){0,2}\Z")  # "Ukrainian fixed-wing drones"
_AGENT = re.compile(r"\b(?=\w)(?:by|attributed to|blamed on|claimed by)\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)")


class _Stop(enum.Enum):
    """What an evidence step returns to end the search with no actor: the clause settles who attacked, and names
    no one ("intercepted a missile" with no sender; "by unidentified gunmen" of no named group)."""

    NO_ACTOR = "no actor"


_NO_ACTOR = _Stop.NO_ACTOR


@dataclass
class _Clause:
    """The clause :func:`actor` reads, and what its evidence steps share."""

    text: str
    trigger_at: int
    demonyms: dict[str, str]
    countries: list[tuple[int, Place]]
    weapons: tuple[int, ...]

    @cached_property
    def groups(self) -> list[tuple[int, str]]:
        """The named groups (:func:`_groups`), found once and only when a step asks for them."""
        return _groups(self.text)

    @cached_property
    def by(self) -> re.Match[str] | None:
        """"by" right after the event word ("attacked by"), else "came under fire from"."""
        return _BY_AFTER.match(self.text, self.trigger_at) or _UNDER_FROM.match(self.text, self.trigger_at)

    @cached_property
    def attacked(self) -> int:
        """The event word's offset when it is told in the passive, else -1: its subject was attacked ("Israeli troops
        were ambushed near Jenin", "Russian troops came under heavy fire"), so is no attacker."""
        text, at = self.text, self.trigger_at
        return at if _PASSIVE_BEFORE.search(text, max(0, at - 40), at) or _UNDER.match(text, at) else -1


#: an evidence step: the actor it finds, :data:`_NO_ACTOR` to stop with none, or None to try the next step
_Evidence = Callable[[_Clause], "str | _Stop | None"]


def actor(text: str, trigger_at: int, demonyms: dict[str, str], countries: list[tuple[int, Place]],
          weapons: tuple[int, ...] = ()) -> str | None:
    """Who attacked, from the strongest evidence a clause gives.

    The steps of :data:`_EVIDENCE` are tried in this order; the first that finds an actor, or settles that the
    clause names none, decides:

    1. :func:`_interception`: the side of the weapons an interception downed ("downed 20 Ukrainian drones");
    2. :func:`_named_by`: a group named right after "by" or "came under fire from" ("attacked by ISWAP
       fighters"; the demonym before the event word is then the attacked side's);
    3. :func:`_unnamed_by`: an attacker after "by" told by what it is ("by a non-state armed group");
    4. :func:`_fire_from_side`: the side "came under fire from" names ("from Ukrainian forces");
    5. :func:`_weapon_demonym`: a demonym on the weapon itself ("41 Ukrainian drones"), or
       :func:`_event_demonym` on the event word ("US strikes on Hodeidah");
    6. :func:`_accused`: whom a speaker accuses ("accused the army of air strikes");
    7. :func:`_repelled`: the attacker a defence names ("repelled an RSF attack");
    8. :func:`_group_before`: the nearest named group before the trigger, its subject ("the Israeli military
       said it struck Hamas targets");
    9. :func:`_agent_phrase`: "by X" further on ("by the Myanmar military");
    10. :func:`_side_before`: a demonym or a country before the trigger, not one named as a supporter ("with
        support from Australia");
    11. :func:`_group_after`: a named group after it ("clashes with the RSF").
    """
    clause = _Clause(text, trigger_at, demonyms, countries, weapons)
    for evidence in _EVIDENCE:
        found = evidence(clause)
        if found is not None:
            return None if found is _NO_ACTOR else found
    return None


def _settled(found: str | None) -> str | _Stop:
    """A step's last word: ``found``, or :data:`_NO_ACTOR` when it is None (no later step may name one)."""
    return _NO_ACTOR if found is None else found


def _interception(c: _Clause) -> str | _Stop | None:
    """"Russian air defences downed 20 Ukrainian drones", "the Israeli army intercepted a drone launched by
    Hezbollah", "intercepted a missile fired from Yemen": who intercepts defends; the attacker is the weapons'
    side, whoever launched them, or where they came from, and no one when the text names none."""
    downed = _INTERCEPTED.search(c.text)
    if downed is None:
        return None
    return _settled(_interceptions_author(c.text, downed, c.demonyms, c.countries))


def _named_by(c: _Clause) -> str | None:
    """A group named right after "by" ("Chadian soldiers were attacked by ISWAP fighters") or "came under fire
    from": the demonym before the event word is then the attacked side's."""
    if not c.by:
        return None
    named = [name for at, name in c.groups if c.by.end() <= at <= c.by.end() + _BY_REACH]
    return named[0] if named else None


def _unnamed_by(c: _Clause) -> str | _Stop | None:
    """An attacker told after "by" by what it is ("by a non-state armed group", "suffered an attack by unidentified
    gunmen"): the group it belongs to, if named soon after ("by ten militants from the Hafiz Gul Bahadur group of
    the Pakistani Taliban"), else no one (not the attacked side before the event word)."""
    if not c.by:
        return None
    if (told := _UNNAMED_AGENT.match(c.text, c.by.end())) and not _NAMED_AFTER.match(c.text, told.end()):
        later = [name for at, name in c.groups if c.by.end() <= at <= c.by.end() + _MEMBERS_REACH]
        return _settled(later[0] if later else None)
    return None


def _fire_from_side(c: _Clause) -> str | None:
    """The side a "came under fire from" names by a demonym: "came under fire from Ukrainian forces"."""
    if c.by and c.by.re is _UNDER_FROM:
        return _demonym_actor(_FIRST_WORDS.match(c.text, c.by.end()).group(), c.demonyms)
    return None


def _weapon_demonym(c: _Clause) -> str | None:
    """A demonym on a weapon ("41 Ukrainian drones"): not on a weapon that is the event word told in the passive
    (:attr:`_Clause.attacked`: its side was attacked), nor the speakers' ("Ukrainian officials said drones hit
    Odesa")."""
    for at in c.weapons:
        if at == c.attacked:
            continue
        m = _WORD_BEFORE.search(c.text, max(0, at - 60), at)  # a bounded window: linear on long clauses
        if m and _speaking(c.text, m.start(1)):
            m = None  # "Ukrainian officials said drones hit Odesa": the speakers' side, not the drones'
        iso = c.demonyms.get(m.group(1).lower()) if m else None
        if iso:
            return lx.COUNTRY_ACTORS.get(iso, m.group(1))
    return None


def _event_demonym(c: _Clause) -> str | None:
    """A demonym right before the event word itself ("US strikes on Hodeidah", "Israeli air strikes"): that side
    struck, whoever speaks of it ("Yemen's Houthi rebels said US strikes ... killed four")."""
    if c.trigger_at == c.attacked or _HARM_WORD.match(c.text, c.trigger_at):
        return None  # "a Palestinian died from wounds": the side named on a casualty word is the victim's
    m = _EVENT_DEMONYM.search(c.text, max(0, c.trigger_at - 30), c.trigger_at)
    if m is None:
        return None
    iso = c.demonyms.get(m.group(1).lower())
    if iso:
        return lx.COUNTRY_ACTORS.get(iso, m.group(1))
    # a country's name as the modifier: "US strikes", "U.K. air strikes"
    named = next((p for at, p in c.countries if at == m.start(1) and p.kind == "country"), None)
    return lx.COUNTRY_ACTORS.get(named.country, named.name) if named is not None else None


#: a capitalised word right before the event word, maybe across one lower-case modifier ("Israeli air strikes")
_EVENT_DEMONYM = re.compile(r"(?<![\w.-])(U\.S\.|U\.K\.|[A-Z][A-Za-z]+)\s+(?:(?:air|aerial|drone|missile|rocket|artillery"
                            r"|military|naval|ground|retaliatory|deadly|overnight|new|latest|fresh|renewed)\s+)?\Z")
#: the casualty words among event words ("died", "killed"): who is named on them was harmed
_HARM_WORD = re.compile(r"(?:killed|died|dead|deaths?|wounded|injured|shot)\b", re.IGNORECASE)


def _accused(c: _Clause) -> str | _Stop | None:
    """"X accused the army of air strikes": the accused is the attacker (as X claims), never X; no one when the
    accused is neither a named group nor a side."""
    accused = _ACCUSED.search(c.text, max(0, c.trigger_at - 80), c.trigger_at)
    if not accused:
        return None
    named = [name for at, name in c.groups if accused.start(1) <= at < accused.end(1)]
    return _settled(named[0] if named else _demonym_actor(accused.group(1), c.demonyms))


def _repelled(c: _Clause) -> str | None:
    """"Sudan's army repelled an RSF attack on El Obeid", "fended off an assault by M23": the attacker is named
    after the defending verb, not its subject."""
    if not _DEFENCE.match(c.text, c.trigger_at):
        return None
    after = [name for at, name in c.groups if c.trigger_at < at <= c.trigger_at + _DEFENCE_REACH]
    return after[0] if after else None


def responder(text: str, trigger_at: int, countries: list[tuple[int, Place]]) -> str | None:
    """The side that answers with the event word at ``trigger_at``, a later part of a clause whose first event
    another side did ("Hezbollah fired rockets at northern Israel, and Israel responded with strikes in southern
    Lebanon"): the country or named group right before "responded / retaliated with", or None."""
    m = _RESPONDED.search(text, max(0, trigger_at - 80), trigger_at)
    if m is None:
        return None
    near = max(0, m.start() - 40)
    named = [(at, name) for at, name in _groups(text) if near <= at < m.start()]
    named += [(at, lx.COUNTRY_ACTORS.get(place.country, place.name)) for at, place in countries
              if near <= at < m.start() and place.kind == "country"]
    return max(named)[1] if named else None


def _group_before(c: _Clause) -> str | None:
    """The named group nearest before the event word, its subject ("the Israeli military said it struck Hamas
    targets"), unless the event is told in the passive (the subject was attacked)."""
    before = [g for g in c.groups if c.attacked < g[0] < c.trigger_at]
    return before[-1][1] if before else None


def _agent_phrase(c: _Clause) -> str | None:
    """The first "by X" (or "attributed to", "blamed on", "claimed by") after the event word that does not tell who
    holds what was attacked ("territory held by the RSF"), when X is a named group, a demonym or a country."""
    m = next((a for a in _AGENT.finditer(c.text, c.trigger_at)
              if not _HOLDER.search(c.text, max(0, a.start() - 20), a.start())), None)
    if not m:
        return None
    named = [name for at, name in c.groups if m.start(1) <= at < m.end(1) + 3]
    if named:
        return named[0]  # "by the Myanmar military"
    word = m.group(1).split()[0]
    iso = c.demonyms.get(word.lower())
    if iso:
        return lx.COUNTRY_ACTORS.get(iso, word)
    if word in lx.COUNTRY_ACTORS.values():
        return word
    return None


def _side_before(c: _Clause) -> str | None:
    """The demonym or country nearest before the event word: not a supporter's ("with support from Australia"); a
    demonym not of reporters nor of victims ("two Israeli soldiers were wounded"); a country neither locating ("in
    western Russia", "Ukraine's port city of Mariupol") nor only speaking of the event ("The UK condemns")."""
    text, trigger_at = c.text, c.trigger_at
    window = text[:trigger_at]
    # "the U.S. and U.K., with support from Australia, Bahrain and the Netherlands, conducted strikes": who
    # supports is not who strikes; nor is the country of a wire dateline ("PORT-AU-PRINCE, Haiti (AP) — Gangs
    # attacked ..."): where the story was filed
    helpers = [(m.start(), m.end()) for m in _SUPPORTERS.finditer(window)]
    if (filed := FILED_FROM.match(window)) is not None:
        helpers.append((0, filed.end()))
    best = None
    for m in re.finditer(r"([A-Z][a-z]+)\s*(\w*)", window):
        iso = c.demonyms.get(m.group(1).lower())
        if iso and m.group(2).lower() not in lx.REPORTERS and not _VICTIMS.match(text, m.end(1)) \
                and not any(a <= m.start() < b for a, b in helpers):
            best = (m.start(), lx.COUNTRY_ACTORS.get(iso, m.group()))
    for pos, place in c.countries:
        if any(a <= pos < b for a, b in helpers):
            continue
        if place.kind == "country" and pos < trigger_at and (best is None or pos > best[0]):
            if governing_word(text, pos) not in LOCATIVE and not _OWNS_PLACE.match(text, pos) \
                    and (not _SPEAKS.match(text, pos) or _SAYS_IT_DID.match(text, pos)):
                # not "in western Russia", nor "Ukraine's port city of Mariupol"
                best = (pos, lx.COUNTRY_ACTORS.get(place.country, place.name))
    return best[1] if best else None


def _group_after(c: _Clause) -> str | None:
    """The first named group left ("clashes with the RSF"): by now those from the event word on, as
    :func:`_group_before` took any between the attacked subject and the event word."""
    # a group named as what was attacked is not the attacker ("air strikes on RSF bases in Omdurman")
    # ... nor one that speaks of it ("Some struck near the Nevatim air base, the Israeli military said")
    # ... nor one whose sites or people the event hit ("the army bombed ISIS hideouts near Raqqa")
    agents = [name for at, name in c.groups if not _TARGET_BEFORE.search(c.text, max(0, at - 40), at)
              and not _speaking(c.text, at) and not at < c.attacked and not _its_targets(c.text, at)]
    return agents[0] if agents else None


def _its_targets(text: str, at: int) -> bool:
    """Whether the group named at ``at`` is named as the owner of what was hit ("ISIS hideouts", "Houthi targets"),
    not as who acted (its fighters may be either: "clashes with RSF fighters")."""
    m = lx.ANY_GROUP.match(text, at)
    return m is not None and _TARGET_NOUN.match(text, m.end()) is not None \
        and not _FROM_BEFORE.search(text, max(0, at - 60), at)  # "fire from RDF and M23 positions": where it came from


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\w()'’-]+\s+){0,6}$", re.IGNORECASE)


#: what an attack hits that belongs to a group, right after the group's name
_TARGET_NOUN = re.compile(r"['’]?s?\s+(?:[a-z-]+\s+)?(?:hideouts?|positions?|camps?|bases?|targets?|strongholds?"
                          r"|facilities|facility|sites?|depots?|vehicles?|launchers?|infrastructure|compounds?)\b")


#: the evidence :func:`actor` weighs, strongest first
_EVIDENCE: tuple[_Evidence, ...] = (_interception, _named_by, _unnamed_by, _fire_from_side, _weapon_demonym,
                                    _event_demonym, _accused, _repelled, _group_before, _agent_phrase, _side_before,
                                    _group_after)
#: a verb of answering with the event word that follows: "responded with strikes", "retaliated with a wave of drones"
_RESPONDED = re.compile(r"\b(?=\w)(?:responded|retaliated|hit\s+back|struck\s+back)(?:\s+(?:on|by|at|overnight|later"
                        r"|quickly|swiftly))?\s+(?:with|by\s+(?:launching|carrying\s+out|conducting))\s+"
                        r"(?:[\w-]+\s+){0,4}$")


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
_VICTIMS = re.compile(r"(?:\s+[a-z-]+){0,2}\s+(?:(?:were|was|(?:have|has|had)\s+(?:\w+ly\s+)?been)\s+(?:\w+ly\s+)?"
                      r"(?:killed|injured|wounded|hurt|shot|detained|abducted|kidnapped|displaced"
                      # ... and of an attack: "Russian soldiers were ambushed", "Israeli troops came under fire"
                      r"|attacked|ambushed|targeted|shelled|bombed)"
                      # ... or who died: "a Palestinian died of wounds sustained by live ammunition"
                      r"|(?:later\s+)?(?:died|succumbed)"
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
