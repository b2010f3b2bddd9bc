"""Incident extraction: what happened, where, when, by whom, how many.

One clause (sentence or bullet sentence) at a time, in article order:

1. find the clause's triggers and which are asserted (:mod:`mapper.extract.triggers`):
   not hypothetical, denied, planned, habitual or historic, not pointing back to an
   event told elsewhere; a quoted trigger governs only places in its quotation;
2. type the clause: the first weapon-specific trigger wins; generic attack words take
   the weapon the paragraph or article named; several weapons type each place by the
   ones named before it;
3. link places: a resolved place is a scene unless what governs it gives it another
   role (:mod:`mapper.extract.roles`);
4. date it (:func:`mapper.extract.clause_dates.clause_date`; background and summary periods
   are not incidents), find the actor (the weapon's demonym, the subject, "by X", the
   attacker the article last named: :mod:`mapper.extract.actors`) and the casualties
   (:mod:`mapper.extract.casualties`).

The result is one :class:`Candidate` per (clause, place); deduplication across
clauses and articles happens later (:mod:`mapper.aggregate`).
"""
from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field

from mapper.extract import lexicon as lx
from mapper.extract.actors import actor, responder
from mapper.extract.attackers import STAND_OFF, attacking_state, on_foot_subject
from mapper.extract.casualties import tolls
from mapper.extract.clause_dates import days_apart, later_day, listed_days, pointed_back_dates, recalled_relatives
from mapper.extract.date_parts import DAY_AND_MONTH_NAMES
from mapper.extract.dates import find_dates
from mapper.extract.event_dates import (
    BACKGROUND_DAYS,
    coordinated_days,
    far_apart_dates,
    has_digit_or_month,
    nearest_date,
    part_day,
    summary_period,
)
from mapper.extract.fallback_places import (_as_clause_place, _authorities_country, _countrywide, _home_country,
                                          _unknown_places, listed_unknowns, unknown_in_focus)
from mapper.extract.hazards import hazard_pronoun, natural_cause
from mapper.extract.locators import drop_containers, drop_reference_points, geo_precision, offset_place
from mapper.extract.officials import kin_titles, title_places
from mapper.extract.roles import (
    GROUND,
    ON_FOOT_MEANS,
    excluded,
    idle_subclause,
    in_proper_name,
    other_role,
    relative_elsewhere,
    subclauses,
)
from mapper.extract.triggers import (
    GENERIC_KINDS,
    PEOPLE_HARMED,
    WEAPON_KINDS,
    Triggers,
    in_quotes,
    place_kind,
    quote_spans,
    scan,
    type_of,
)
from mapper.extract.venues import venue
from mapper.model import STRIKE_TYPES, Article, Clause, DateSpan, Place, Resolved


@dataclass(frozen=True)
class Candidate:
    """An incident at one place, stated in one clause (before deduplication)."""

    type: str
    date: DateSpan
    place: Place
    place_text: str
    geo_precision: int
    actor: str | None
    killed: int | None
    injured: int | None
    clause: Clause
    # told only by a back-reference: "" no; "own" at a place its phrase names ("condemned the
    # bombing of X"); "aftermath" at a place named before it ("aid in X following the strike")
    echo: str = ""


#: "40 have now been killed", "over 43,700 people have since been killed"
_RUNNING_TOTAL = re.compile(r"\b(?=\w)(?:have|has)\s+(?:now|since)\s+been\s+(?:killed|wounded|injured|displaced)\b",
                            re.IGNORECASE)
#: the toll of a campaign, not of one event: "Israel's toll in the ground offensive against Hamas in Gaza ... stands at
#: 367", "the death toll of the war has risen to 43,000"
_CAMPAIGN_TOLL = lx.Prefiltered(re.compile(r"\btoll\s+(?:in|of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:offensive|war|campaign|operations"
                                           r"|conflict|invasion)\b[^.;]{0,120}?\b(?:stands?|stood|is\s+now|now\s+stands|(?:has|had)\s+"
                                           r"(?:risen|climbed|reached|surpassed)|rose|climbed|reached|surpassed)\b", re.IGNORECASE))
#: the toll of a kind of violence, not of an event: "the death toll due to terrorism in Punjab and Sindh was 14 and 6"
_KIND_TOLL = lx.Prefiltered(re.compile(r"\b(?=\w)tolls?\s+(?:due\s+to|from|of|caused\s+by)\s+(?:terrorism|terror|violence|militancy|insurgency"
                                       r"|banditry|crime|extremism)\b", re.IGNORECASE))
#: events counted over a period longer than a week ("13 clashes have occurred in Catatumbo in 2024, 11 of which
#: took place in the last three months"): a tally, not an event ("71 attacks over the weekend" are told one by one)
_TALLY = re.compile(r"\b(?=\w)(?:\d[\d,]*|dozens|scores|hundreds)\s+(?:[\w-]+\s+)?(?:clashes|attacks|incidents|strikes|airstrikes"
                    r"|raids|explosions)\s+(?:have|had|were|has)\s+(?:been\s+)?(?:occurred|taken\s+place|recorded|reported"
                    r"|registered|documented|verified)\b", re.IGNORECASE)
_TALLY_DAYS = 7
#: people harmed in a count of events ("192 people were killed in 219 terror activities", "283 civilians have died in
#: approximately 63 armed attacks"): a statistic when the clause tells no day of its own or a period longer than
#: :data:`_TALLY_DAYS` (a count of ten or more: "killed in two attacks in Kharkiv" tells today's two)
_KILLED_IN_COUNT = lx.Prefiltered(re.compile(r"\b(?=\w)(?:killed|died|dead|wounded|injured|lost\s+their\s+lives)\s+in\s+(?:about\s+|approximately\s+"
                                             r"|around\s+|some\s+|more\s+than\s+|over\s+|at\s+least\s+)?[1-9]\d[\d,]*\s+(?:[\w-]+\s+){0,2}?"
                                             r"(?:attacks|incidents|activities|strikes|airstrikes|raids|clashes|explosions|operations)\b",
                                             re.IGNORECASE))
#: how many times over a period ("attempted to attack vessels 28 times since Nov. 19", "Kyiv has been targeted
#: eighteen times in May"): a tally too, when the period is longer than :data:`_TALLY_DAYS`
_TIMES = re.compile(r"\b(?=\w)(?:\d[\d,]*|(?:" + "|".join(sorted((w for w, n in lx.NUMBER_WORDS.items() if n > 2 and " " not in w),
                                                          key=len, reverse=True))
                    + r")(?:\s+of)?|many|numerous|countless)\s+times\b", re.IGNORECASE)
#: a cheap test for a phrase that points back to another event or to an accord's day (:func:`pointed_back_dates`)
_POINTS_BACK = lx.Prefiltered(re.compile(rf"\b(?=\w)(?:after|following|before|response|retaliation|than|since|{lx.ACCORD_VERBS})\b", re.IGNORECASE))
_DOMESTIC = frozenset({"sabotage", "explosion", "other"})
#: a place that names a bombing, past the site in it ("the Quetta bombing", "the Peshawar mosque bombing"), not a
#: campaign or raids ("the Gaza bombing campaign")
_NAMES_BOMBING = re.compile(r"(?:\s+(?!(?:the|a|an|this|that|these|those|and|or|but|as|after|before|during|in|on|at|of|by"
                            r"|with|from|to|where|when|while|his|her|its|their|our|was|were|is|are)\b)[a-z]+){0,2}"
                            r"\s+bombings?\b(?!\s+(?:campaigns?|raids?|runs?|of)\b)")
_BOMB_WORD = re.compile(r"bomb(?:s|ed|ings?)?", re.IGNORECASE)
#: who bombs from the air: a state's forces and their aircraft
_AIRCRAFT_OWNERS = re.compile(r"\b(?=\w)(?:army|military|air\s*force|jets?|warplanes?|aircraft|planes?|coalition|forces"
                              r"|government)\b", re.IGNORECASE)
_NAMED_BOMB_KINDS = frozenset({"air_strike", "missile_strike", "drone_strike", "shelling", "ground_fighting", "other"})
_REMOTE = frozenset({"missile_strike", "drone_strike", "air_strike", "shelling"})
#: events told one per listed day: strikes and blasts (a battle over two days is one battle)
_DAY_BY_DAY = STRIKE_TYPES | {"explosion"}
#: an air force as the one who attacks: "the Air Force struck", "the air force said it killed", "the Air Force
#: carried out strikes" (not an air force that reports what others did: "the air force said Russia attacked ...")
_AIR_FORCE_AGENT = re.compile(r"\bair\s?force\b(?:\s+(?!said\b|says\b)[\w-]+){0,3}?\s+(?:(?:said|says)\s+(?:that\s+)?(?:it|its\s+[\w-]+)"
                              r"\s+(?:had\s+|has\s+)?)?(?:struck|attacked|carried\s+out|conducted|launched|killed"
                              r"|destroyed|hit|bombed|targeted|neutrali[sz]ed|pounded)\b", re.IGNORECASE)
#: pairs the items of two lists in order: "Odesa and Kharkiv on Sunday and Monday respectively"
_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_CARRY_KINDS = frozenset({"missile_strike", "drone_strike", "air_strike", "shelling", "other"})
#: the first days of a war, told as history
_WAR_START = lx.Prefiltered(re.compile(r"\b(?=\w)(?:at|in|during)\s+the\s+(?:very\s+)?(?:beginning|start|outset|(?:first|early|opening)\s+"
                                       r"(?:days|weeks|months|phase))\s+of\s+(?:the\s+|its\s+|[A-Z]\w+['’]s\s+)?(?:full[- ]scale\s+)?"
                                       r"(?:invasion|war|conflict|offensive)\b", re.IGNORECASE))
#: where "strikes" of no named weapon or attacker come from the air (the air forces that strike
#: there: Israel's, the US-led coalitions', Syria's and Russia's, Saudi Arabia's)
_AIR_THEATRES = frozenset({"PS", "LB", "SY", "YE", "IQ", "IR"})
#: at most this many characters between a date and the back-reference word it dates ("the May 25 attack")
_ECHO_DATE_GAP = 3
#: whether strikes of no named weapon type the casualties told later in the whole article, not only in their
#: paragraph (link_clause; generic attacks too: read -1 match, `s40g`)
ARTICLE_STRIKES = True
#: whether an article's bomb types only the generic attacks of its own days (ArticleContext.weapon_for)
WEAPON_DAY_ONLY = True
#: a point told by its distance at sea ("about 64 nautical miles west of Hodeidah")
_NAUTICAL = re.compile(r"\bnautical\s+miles?\b|\bnmi?\b", re.IGNORECASE)
#: the name of a day, which dates a part of a clause as a number does
_DAY_NAME = re.compile(rf"\b(?=\w)(?:{'|'.join(DAY_AND_MONTH_NAMES[:7])}|weekend|yesterday|today|tonight)\b", re.IGNORECASE)
#: a verb of talking about something before the event words: the events are its topic
#: (told in the past: "I'll discuss the reports of drone attacks" is a briefer about to tell events)
_DISCUSSED = re.compile(r"\b(?=\w)(?:discussed|talked\s+about|exchanged\s+views\s+on|touched\s+(?:up)?on"
                        r"|held\s+(?:talks|discussions)\s+(?:on|about))\b[^.;:]*$", re.IGNORECASE)


def named_weapon(found: list[tuple[str, int, int]]) -> str | None:
    """The weapon a clause's asserted triggers ``found`` name themselves (not "strikes" or
    "attacks"), or None."""
    weapons = [t for t in found if t[0] in WEAPON_KINDS and t[0] not in GENERIC_KINDS]
    return type_of(weapons, None) if weapons else None


@dataclass(frozen=True)
class ArticleContext:
    """What the linker needs besides the clause: the article and lookups."""

    article: Article
    demonyms: dict[str, str]
    country_place: dict[str, Place]
    weapon: str | None
    conflict: bool = True  # the article is about armed conflict (casualty words are incidents)
    weapon_day: DateSpan | None = None  # the date the clause naming ``weapon`` gives itself, if it gives one
    home: str | None = None  # the country the article's places lie in most (ISO2), if any
    focus: Place | None = None  # the admin-1 region the article names and most of its places lie in, if any
    area: Place | None = None  # the admin-1 region most of the article's places lie in, named or not, if any
    subject: Place | None = None  # the one place below country the title names and the body names again, if any
    lead: int = 0  # where the body's first sentence starts (after bylines and headings: a dateline's place)
    # the weapon the paragraph named last ("Marhanets was also hit" after "shelled Nikopol"), and whether the
    # title names a bomb set off ("bomb_attack"), written by link_clause as it walks the article's clauses in order;
    # and per-article tables its helpers derive once ("body_words": fallback_places._lower_in)
    recent: dict = field(default_factory=dict)

    def weapon_for(self, clause: Clause, date: DateSpan | None = None) -> str | None:
        """The weapon generic attack words in ``clause`` stand for: the last one named
        in the same paragraph, else the article's first, unless that is a bomb set off and ``date``
        (the clause's own) and the day of the clause that named it are days apart: a bomb is one
        device on one day, so another day's bomb is another event's ("On 9 May, an IED exploded on the
        Kaya-Dori road" types no "attack on Djibo" of 11 May), while a campaign's strikes are told by their
        weapon whatever the day (for every weapon: read typed -3, unseen +6, `wday1`)."""
        last = self.recent.get(clause.part)
        if last is not None and self._same_paragraph(last[1], clause):
            return last[0]
        if date is not None and self.weapon_day is not None and WEAPON_DAY_ONLY and self.weapon == "explosion" \
                and (date.start > self.weapon_day.end or date.end < self.weapon_day.start):
            return None
        return self.weapon

    def after_hazard(self, clause: Clause) -> bool:
        """Whether the clause before this one in its paragraph told what a natural hazard did."""
        end = self.recent.get(("hazard", clause.part))
        return end is not None and self._same_paragraph(end, clause)

    def _same_paragraph(self, end: int, clause: Clause) -> bool:
        """Whether ``clause`` is in the paragraph of the text that ends at ``end``: the title is one line;
        in the body a line break between them ends the paragraph."""
        return clause.part == "title" or "\n" not in self.article.text[end:clause.start]

    def remember(self, clause: Clause, found: list[tuple[str, int, int]]) -> None:
        weapon = named_weapon(found)
        if weapon:
            self.recent[clause.part] = (weapon, clause.end)
        elif any(t[0] == "strike" for t in found) and self.weapon is None:
            # "Russia struck Kyiv. ... 12 civilians were killed, three in Zhytomyr": strikes of no
            # named weapon make the paragraph's later casualties and attacks strikes, not battles
            self.recent[clause.part] = (STAND_OFF, clause.end)
            # ... and so in the later paragraphs of wire copy that makes each sentence one ("Israeli strikes
            # killed 38 in southern Gaza." / "Nine children were among those killed in Khan Younis.")
            self.recent.setdefault("strikes", STAND_OFF)


#: the quoted triggers of a clause that quotes none: one shared record (nothing changes a Triggers once made but
#: its memo of "an attack there", which for no trigger is no position whatever the text)
_NO_TRIGGERS = Triggers([])


def link_clause(clause: Clause, places: list[tuple[int, int, Resolved]], date: DateSpan | None,
                ctx: ArticleContext, own_date: bool = True
                ) -> tuple[list[Candidate], list[tuple[str, str, str | None]]]:
    """Incidents a clause states, and the ones it states at places mapper cannot place.

    Parameters
    ----------
    clause : Clause
    places : list of (start, end, Resolved)
        Resolved mentions inside the clause, offsets relative to the clause text.
    date : DateSpan or None
        The clause's governing date.
    ctx : ArticleContext
    own_date : bool
        Whether the clause itself gives ``date`` (not a clause before it, nor publication).

    Returns
    -------
    (candidates, unplaced)
        ``unplaced`` holds ``(place_text, reason, type)`` for names mapper could not place.
    """
    text = clause.text
    scanned = scan(text)
    echo = False
    pointing = 0
    if scanned and not any(t[3] for t in scanned):
        # a clause whose only event words point back ("condemned the bombing of Hodeidah",
        # "following the entry of the rebels into Goma"): its incidents are echoes, kept only
        # where the article tells nothing else at the place (article._drop_echoes)
        again = scan(text, echo=True)
        if any(t[3] for t in again):
            scanned, echo = again, True
            pointing = min(t[1] for t in again if t[3])
    found = [(k, s, e) for k, s, e, ok, _ in scanned if ok]
    if clause.part == "title" and _names_a_bomb(text, found, places):
        # the title names a bomb set off ("2022 Kunduz mosque bombing", "Car bomb kills five in Mogadishu"): the
        # body's "was bombed" and "the bombing" tell that bomb, not bombs from the air
        ctx.recent["bomb_attack"] = True
    weapon = ctx.weapon_for(clause, date if own_date else None)
    if weapon is None and ARTICLE_STRIKES and found and {k for k, _, _ in found} <= PEOPLE_HARMED:
        weapon = ctx.recent.get("strikes")  # casualties after strikes of no named weapon told earlier, if any
    ctx.remember(clause, found)
    kind = type_of(found, weapon, ctx.conflict)
    if kind is not None and (natural_cause(text, found) or ctx.after_hazard(clause) and hazard_pronoun(text, found)):
        # an earthquake that "struck", a landslide that "killed"; "It struck Sittwe" after the cyclone
        ctx.recent[("hazard", clause.part)] = clause.end
        return [], []
    if kind is None:
        return [], []  # no event word
    ctx.recent.pop(("hazard", clause.part), None)  # an event of its own: later pronouns point to it
    if date is None:
        return [], [("", "no date in the clause or article", kind)]
    published = ctx.article.published
    if echo:
        # "since the October 7 massacre", "after the 12 May bombing": the event pointed back to
        # is dated by its own phrase, not by the clause that mentions it
        date = next((d for s, e, d in find_dates(text[:pointing], published) if pointing - e <= _ECHO_DATE_GAP), date)
    if published is not None and (published - date.end).days > BACKGROUND_DAYS:
        return [], []  # "in March 2024 an attack damaged the dam": background, not news
    if summary_period(date):
        return [], []  # "struck twice in 2024": a summary over a season or a year, not an event
    if _statistic(text, found, date, own_date, published):
        return [], []
    undated = date.precision == 2 and date.start == date.end == published  # the publication-day fallback
    if all(k in PEOPLE_HARMED and (lx.TREND.search(text, max(0, s - 30), s) or lx.TREND_AFTER.match(text, e))
           for k, s, e in found):
        return [], []  # "amid rising crime and violence", "violence is rising": a trend, not an event
    if not own_date and _WAR_START.search(text):
        return [], []  # "occupied Balakliia at the beginning of its full-scale invasion": the war's history
    if (not own_date or (date.end - date.start).days > 1) and _RANKED.match(text):
        return [], []  # "It was the worst attack in the northern West Bank in decades": the event told before, ranked
    if (date.precision > 2 or undated or not own_date) and (
            all(lx.GENERIC.search(text, max(0, s - 30), s) for _, s, _ in found)
            or lx.TREND_AFTER.search(text, 0, _made_of(text, found)) or lx.CONTEXT_OPENER.match(text)
            or lx.PATTERN_AFTER.search(text)
            or all(_DISCUSSED.search(text, max(0, s - 120), s) for _, s, _ in found)):
        # "its continued missile strikes on Ukraine" this month, "Odesa is also facing the onslaught of
        # increased aerial attacks" after a dated sentence: a pattern, not an event; so is what a trend
        # the clause asserts first is made of ("Armed actions in Norte de Santander are increasing, with
        # reports of combat and attacks in San Calixto"); so are the topics of a talk ("The two leaders
        # discussed the situation in the Middle East, including Israeli strikes in Gaza"), unless dated
        # ("discussed the missile strike on Kyiv this morning")
        return [], []
    every = Triggers(scanned)
    places = [(s, e, r) for s, e, r in places if not every.overlaps(s, e)]  # "Neptune missiles"
    if _fought_on_foot(text, 0, len(text), found, kind):
        # "attacked near Selydove", "attacks in the Kupyansk direction"; "Insurgents struck again the
        # next day": people on the ground who strike with no weapon named fight there; "gunmen from
        # ISWAP launched a pre-dawn attack" in a story whose jets struck back: no armed group or
        # ground troop attacks from the air, whatever aircraft the article names elsewhere
        kind = "ground_fighting"
    # a quoted trigger governs the places of its quotation, an unquoted one the others
    state = {False: every, True: _NO_TRIGGERS} if not any(t[4] for t in scanned) else \
        {q: Triggers([t for t in scanned if t[4] == q]) for q in (False, True)}
    state_kind = {q: kind if len(t.asserted) == len(found) else (type_of(t.asserted, weapon, ctx.conflict) or kind)
                  for q, t in state.items()}
    kinds: dict[int, str] = {}
    governed: dict[int, bool] = {}
    quotes = quote_spans(text)
    # "the M23, which rose to prominence 10 years ago when its fighters seized Goma, ...": a recalled event's places
    recalled = recalled_relatives(text, published)

    def scenes(cands: list[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
        """The places of ``cands`` that are the scene of the clause's event (their types in ``kinds``)."""
        prev_end = 0
        for s, e, r in sorted(cands, key=lambda p: p[0]):
            q = in_quotes(quotes, s)
            kinds[s] = place_kind(s, e, state[q], state_kind[q], prev_end)
            governed[s] = bool(state[q].asserted) and state[q].governing(s, e) \
                and not relative_elsewhere(text, e, state[q])
            prev_end = e
        marks = subclauses(text) if cands else ([], [])
        starts = {s for s, _, _ in cands}
        return [(s, e, r) for s, e, r in cands if r.place and governed[s] and not _ATTRIBUTIVE.match(text, e)
                and not any(a <= s < b for a, b in recalled)
                and not (r.place.kind == "country" and _OF_A_COUNTRY.match(text, e))
                and not excluded(clause, s, e, r.place, kinds[s], clause.start == ctx.lead and clause.part == "body")
                and not in_proper_name(text, s, e, starts, ctx.article.text)
                and (kinds[s] == "diplomatic" or not other_role(text, s, e, every))
                and not idle_subclause(s, every, marks, kinds[s])
                and (kinds[s] != "diplomatic" or venue(every, text, s, e))]

    kept = scenes(places)
    if not kept and not echo and (ctx.focus or ctx.area) is not None:
        # no place the gazetteer knows is the scene: the villages it lacks, in the region the story is about
        unknown = unknown_in_focus(text, [(s, e) for s, e, _ in places], ctx)
        if unknown:
            kept = scenes(sorted(places + unknown, key=lambda p: p[0]))
    elif kept and not echo and (ctx.focus or ctx.area) is not None:
        # "attacks on checkpoints in the areas of Maidan, Lajbok and Shadas": the villages the gazetteer lacks that a
        # list of scenes goes on with, in the story's region when the list's places lie in it
        listed = listed_unknowns(text, kept, [(s, e) for s, e, _ in places], ctx)
        # "... in the villages of Muhindo, Rusekera and Bugina, before M23 forces advanced ... targeting Kishishe":
        # beside a known scene, the names a settlement noun calls settlements the gazetteer lacks
        taken = {s for s, _, _ in listed}
        towns = frozenset(s for s, _, r in kept if r.place.kind in ("city", "village"))
        listed += [u for u in unknown_in_focus(text, [(s, e) for s, e, _ in places], ctx, settled=True, holders=towns)
                   if u[0] not in taken]
        if listed:
            kept = scenes(sorted(places + listed, key=lambda p: p[0]))
    kept = drop_containers(drop_reference_points(kept, text), text)
    titled = title_places(text, places) if kind != "diplomatic" else set()
    if titled:
        # "the governor of Belgorod said drones struck Shebekino": Shebekino; "the governor of the
        # Dnipropetrovsk region said Russian forces killed three": the governor's region
        # (not where the official is only someone's relative: "the daughter of the mayor of Magadan")
        kin = kin_titles(text, titled)
        kept = [p for p in kept if p[0] not in titled] or [p for p in places if p[0] in titled and p[0] not in kin]
    if not places and kind in _REMOTE and ctx.home and not echo:
        # "the egregious Russian missile strike this morning" in an article about Ukraine:
        # a strike told with its attacker and no place happened in the article's country
        fallback = _home_country(text, ctx, min(s for _, s, _ in found))
        if fallback is not None:
            kept = [fallback]
            kinds[fallback[0]] = kind
    if not places and not kept and ctx.subject is not None and not echo and clause.part == "body" and own_date \
            and date.precision == 1:
        # "El Fasher" (the title) ... "thousands of civilians have been murdered just this week": an event of no
        # place in a story about one place happened there
        kept = [_as_clause_place(ctx.subject, ctx.subject.name, len(text), len(text))]
        kinds[len(text)] = kind
    if not places and not kept and not echo and own_date:
        # "Across the country, at least 71 people were killed in airstrikes on 1 November": the story's country
        fallback = _countrywide(text, ctx)
        if fallback is not None:
            kept = [fallback]
            kinds[fallback[0]] = kind
    if not kept and kind in _DOMESTIC:
        # "Polish prosecutors charged two men over the arson": national police and
        # prosecutors investigate what happened in their own country
        fallback = _authorities_country(text, ctx)
        if fallback is not None:
            kept = [fallback]
            kinds[fallback[0]] = kind
    if not kept:
        return [], _unknown_places(text, [(s, e) for s, e, _ in places], kind, ctx)
    trig = min((s for _, s, _ in found), default=0)
    weapons = tuple(s for k, s, _ in found if k in WEAPON_KINDS)
    named = [(s, r.place) for s, _, r in places if r.place]
    who = None if kind == "diplomatic" else actor(text, trig, ctx.demonyms, named, weapons)
    if who is None and kind != "diplomatic" and found[0][0] == "violence" \
            and (event_at := min((s for k, s, _ in found if k != "violence"), default=None)) is not None:
        # "three people were killed after Russia launched another wave of missile strikes": the attacker is told
        # before the event word, not before the casualty word
        who = actor(text, event_at, ctx.demonyms, named, weapons)
    carried = None
    own_weapon = named_weapon(found)
    if own_weapon:
        ctx.recent["armed"] = (own_weapon, who)  # the weapon and who was told using it
    elif weapon is not None and who in lx.AIR_POWERS and any(k == "strike" for k, _, _ in found) \
            and ctx.recent.get("armed", (None, None))[0] == weapon and ctx.recent["armed"][1] not in (None, who):
        # "a drone launched by the Islamic Resistance in Iraq struck Tower 22 ... The U.S. began
        # retaliatory strikes": the weapon the article named is its attacker's; an air force's
        # strikes of no weapon of their own are from the air (below)
        unarmed_kind = type_of(found, None, ctx.conflict)
        kinds = {s: unarmed_kind if k == weapon else k for s, k in kinds.items()}
        weapon = None
    if who is not None and kind in _CARRY_KINDS:
        ctx.recent["actor"] = who
    elif who is None and kind in _CARRY_KINDS:
        # "Odesa was also hit": a one-sided attack by the attacker the article last named
        # (not a battle, which has two sides, nor talks or sabotage)
        carried = ctx.recent.get("actor")
    figures = tolls(text, kept, kinds)
    # "attacks" named by no weapon, no ground word and no weapon of the paragraph or article
    unnamed = all(k in GENERIC_KINDS for k, _, _ in found)  # no word of a weapon or of fighting
    unarmed = weapon is None and unnamed and not GROUND.search(text)
    stand_off = attacking_state(text, found, ctx.demonyms) if unarmed else None
    # "attacks on energy infrastructure in Odesa": works that strikes from afar hit, no fighters named
    on_works = unarmed and bool(lx.CIVIL_WORKS.search(text)) and not lx.ON_FOOT.search(text)
    # attackers who are civilians of the other side, with no armed force beside them in the clause (looked for at
    # the first place of ground fighting: the only event it retypes; most clauses have none)
    civilians_attack: bool | None = None
    # "strikes" named by no weapon of their own or of the paragraph or article that is an air force's
    from_air = unnamed and any(k == "strike" for k, _, _ in found) and weapon not in ("air_strike", "drone_strike")
    # "The Nigerian Air Force struck bandit camps", "the Air Force said it killed 20 fighters": an air force's own
    # attacks of no named weapon are from the air, wherever they are
    by_air_force = unnamed and _AIR_FORCE_AGENT.search(text) is not None
    # attacks and deaths of no weapon of their own, typed by the missiles the article names elsewhere: in
    # the theatres where air forces strike, those missiles are the other side's rockets ("rockets fired into
    # Israel"), and "76 Palestinians were killed" in Gaza were killed from the air (not a point offshore:
    # "the attack happened about 170 km southeast of Aden" is a missile's on a ship)
    by_rockets = unnamed and weapon == "missile_strike"
    # a place inside a phrase that points back to another event takes that event's date
    points_back, numbered = _POINTS_BACK.search(text), has_digit_or_month(text)
    # (parts may tell their days by name: "killed two in Kherson on Sunday, and on Monday drones struck Odesa")
    daily = date.start != date.end and (numbered or _DAY_NAME.search(text))
    dates = find_dates(text, published) if points_back or numbered or daily else []  # once for all uses
    pointed = pointed_back_dates(text, dates) if points_back else []
    apart = far_apart_dates(text, dates) if numbered else []
    # a clause of parts that each tell their own day ("on 19 December ..., and on 26 December ...")
    parts = coordinated_days(text, dates, [s for s, _, _ in kept]) if daily and not apart else []
    # in a story of a bomb set off, "was bombed" and "the bombing" (no aircraft named) tell bombs set off too
    # the clause's air strikes are all told by "bomb", "bombed", "bombing" (no aircraft named)
    bombs_only = not any(k == "air_strike" and not _BOMB_WORD.fullmatch(text, s, e) for k, s, e in found)
    bombs_set_off = ctx.recent.get("bomb_attack", False) and bombs_only
    seen: set[tuple[str, float, float]] = set()
    out = []
    for s, e, r in kept:
        place = r.place
        assert place is not None
        if place.spot in seen:
            continue
        seen.add(place.spot)
        k = kinds[s]
        if pointed and k != "diplomatic" and (named := _pointed_weapon(scanned, pointed, s)) is not None:
            k = named  # "drones struck Kharkiv, following the May 9 missile strike on Sumy": Sumy's was a missile's
        if parts and k != "diplomatic" and _ground_part(text, found, parts, s, k):
            k = "ground_fighting"  # "the RSF attacked Zamzam over the weekend, and on Monday drones struck Kosti"
        if k in _NAMED_BOMB_KINDS and _NAMES_BOMBING.match(text, e) or k == "air_strike" and bombs_set_off:
            k = "explosion"  # "the Quetta bombing", "the Kabul airport bombing": a bomb set off there
        killed, injured = figures.get(s, (None, None))
        moved = offset_place(text, s, place)  # "170 km southeast of Aden": not at Aden
        precision = geo_precision(clause, s, e, place)
        if moved is not None:
            place, precision = moved, 2
        if who is None and carried is not None and lx.ACTOR_COUNTRY.get(carried) != place.country:
            by = carried  # never an attacker on its own territory
        else:
            by = who
        i = bisect.bisect_left(every.asserted_starts, s) - 1  # the asserted event word nearest before the place
        if i > 0 and kind != "diplomatic" and (answer := responder(text, every.asserted[i][1], named)) is not None:
            by = answer  # "..., and Israel responded with strikes in southern Lebanon": the later part's side
        if k == "ground_fighting" and not stand_off and weapon is None and not unarmed:
            # "a new wave of Russian attacks across Ukraine, compounded by hostilities along the front line":
            # the attack word that governs the place has a state for author, whatever else the clause tells
            # (not attacks that a word of fighting before them governs: "repelled 42 Russian attacks near Pokrovsk")
            governing = every.asserted[i] if i >= 0 and every.asserted[i][0] == "attack" \
                and not any(t[0] == "ground_fighting" for t in every.asserted[:i]) else None
            by_state = attacking_state(text, [governing], ctx.demonyms) if governing else None
            if by_state and place.country and by_state != place.country:
                k = STAND_OFF
        if k == "ground_fighting" and (on_works or stand_off and place.country and stand_off != place.country
                                       or unnamed and (lx.AT_SEA.search(place.name) or moved is not None
                                                       and (lx.AT_SEA.search(text) or _NAUTICAL.search(place.name))
                                                       or lx.OFF_COAST.search(text, max(0, s - 30), s)
                                                       and lx.VESSEL.search(text))):
            k = STAND_OFF  # "a Russian attack on Kharkiv", "the Houthis' attack on the MV Tutor in the Red Sea", "attacked
            # a bulk carrier off Hodeidah"
        if k == "ground_fighting" and civilians_attack is None:
            civilians_attack = bool(_CIVILIAN_ATTACKERS.search(text)) and not lx.ARMED_FORCES.search(text)
        if k == "ground_fighting" and civilians_attack:
            k = "other"  # "settlers attacked Huwara": violence by civilians, not a fight between armed forces
        if (from_air and (by in lx.AIR_POWERS or by is None and place.country in _AIR_THEATRES)
                or by_rockets and moved is None and place.country in _AIR_THEATRES
                and (by is None or by in lx.AIR_POWERS or lx.ACTOR_COUNTRY.get(by) == place.country)) \
                and k in ("missile_strike", "shelling"):
            k = "air_strike"  # "Israeli strikes on Tyre": no weapon named, an air force's strikes
        if by_air_force and k in ("missile_strike", "shelling", "ground_fighting"):
            k = "air_strike"
        if k == "air_strike" and by in lx.GROUND_BOMBERS and bombs_only and not _AIRCRAFT_OWNERS.search(text):
            k = "explosion"  # "the ISIS-claimed bombing of a church in Damascus": a group with no aircraft sets bombs off
            # (not "the army bombed ISIS hideouts": the state's air force bombs the group)
        own = next((d for a, b, d in pointed if a <= s < b), None) or days_apart(text, s, date) \
            or nearest_date(apart, s, every.starts) or part_day(parts, s) or later_day(text, s, date, published) \
            or date
        if published is not None and (published - own.end).days > BACKGROUND_DAYS:
            continue  # "Tuesday's attack mirrors one last October in Kachin": Kachin's is background
        if published is not None and own.start > published:
            continue  # "a day before a new round of talks in Istanbul on 2 June", told on 1 June: yet to happen
        # "on 29 and 30 May, Russia targeted Kyiv": a city hit on two nights is two strikes; "struck Odesa and Kharkiv
        # on Sunday and Monday respectively": one day each, in the order of the places
        days = listed_days(text, own, published) if k in _DAY_BY_DAY else [own]
        if len(days) > 1 and len(days) == len(kept) and _RESPECTIVELY.search(text):
            days = [days[next(i for i, p in enumerate(kept) if p[0] == s)]]
        if len(days) > 1:
            # "airstrikes on 28 and 29 October killed 104": a total over the days, which no one day can claim
            # (annotation.md: a total that cannot be split between incidents is no incident's toll)
            killed = injured = None
        for day in days:
            out.append(Candidate(k, day, place, text[s:e], precision,
                                 None if k == "diplomatic" else by,
                                 killed, injured, clause,
                                 "" if not echo else "own" if s > pointing else "aftermath"))
    known = [(s, e) for s, e, _ in places]
    return out, _unknown_places(text, known, kind, ctx) if not out else []


def _statistic(text: str, found: list[tuple[str, int, int]], date: DateSpan, own_date: bool,
               published: datetime.date | None) -> bool:
    """Whether a clause tells a statistic over many events, not an event: a running total ("deaths have climbed to
    2,500", "40 have now been killed by Hezbollah strikes"; not "12 have now been killed in Monday's strike", which
    updates one event's toll), the toll of a campaign or of a kind of violence, a tally of events over more than a
    week, or people harmed in a count of ten or more events with no day of their own."""
    plural = all(text[s:e].lower().endswith("s") for k, s, e in found if k not in PEOPLE_HARMED)
    long = (date.end - date.start).days > _TALLY_DAYS
    return bool(
        all(k in PEOPLE_HARMED for k, _, _ in found) and lx.CUMULATIVE.search(text)
        or plural and _RUNNING_TOTAL.search(text)
        or _CAMPAIGN_TOLL.search(text) or _KIND_TOLL.search(text)
        or long and (plural and _TALLY.search(text) or _TIMES.search(text))
        or (not own_date or date.start == date.end == published or long) and _KILLED_IN_COUNT.search(text))


def _pointed_weapon(scanned: list[tuple[str, int, int, bool, bool]], pointed: list[tuple[int, int, DateSpan]], at: int) -> str | None:
    """The weapon type the phrase of an event pointed back to names before the place at ``at``, if the place
    lies in such a phrase (:func:`pointed_back_dates`) and the phrase names one."""
    lo = next((a for a, b, _ in pointed if a <= at < b), None)
    if lo is None:
        return None
    named = [(k, s, e) for k, s, e, ok, _ in scanned if not ok and lo <= s < at and k not in GENERIC_KINDS]
    return type_of(named, None) if named else None


def _ground_part(text: str, found: list[tuple[str, int, int]], parts: list[tuple[int, DateSpan]], at: int,
                 kind: str) -> bool:
    """Whether the dated part of a clause (:func:`coordinated_days`) holding the place at ``at`` tells only
    generic event words whose doers are on the ground ("Over the weekend, the RSF attacked Zamzam camp, and on
    Monday drones struck Kosti": Zamzam's attack is not the drones'), as a clause of its own would."""
    starts = [lo for lo, _ in parts]
    i = bisect.bisect_right(starts, at) - 1
    lo = starts[i] if i >= 0 else 0
    hi = starts[i + 1] if 0 <= i + 1 < len(starts) else len(text)
    own = [t for t in found if lo <= t[1] < hi]
    return bool(own) and len(own) < len(found) and _fought_on_foot(text, lo, hi, own, kind)


#: the generic words of striking that a subject on foot makes fighting ("gunmen hit a village", "militants attacked")
_STRUCK = frozenset({"strike", "attack"})


def _fought_on_foot(text: str, lo: int, hi: int, found: list[tuple[str, int, int]], kind: str) -> bool:
    """Whether ``text[lo:hi]``, whose event words are ``found`` (sorted), tells only generic ones and people on the
    ground who do them ("attacked near Selydove", "Insurgents struck again the next day")."""
    return not any(k not in GENERIC_KINDS for k, _, _ in found) \
        and (GROUND.search(text, lo, hi) is not None or on_foot_subject(text[lo:hi], found[0][1] - lo, kind)
             # the subject of a later strike word: "14 were killed when gunmen hit a village"
             or any(on_foot_subject(text[lo:hi], s - lo, kind) for k, s, _ in found[1:] if k in _STRUCK)
             # shooting, hacking, looting: unless a bomb went off too ("opened fire and detonated a device")
             or ON_FOOT_MEANS.search(text, lo, hi) is not None and all(k != "blast" for k, _, _ in found))


#: a place glued by a hyphen to a lower-case word modifies a noun ("US-made tanks", "a UK-flagged
#: tanker", "Kyiv-based volunteers", "Iran-backed militias"): never a scene
_ATTRIBUTIVE = re.compile(r"[-\u2010\u2011][a-z]"
                          # or names the place a town lies in or by, before the town's own name ("the
                          # Red Sea port of Hodeida", "the Black Sea city of Odesa"): the town is the scene
                          r"|\s+(?:port\s+city|port|city|town|village|capital|resort|coast)\s+of\s+(?:the\s+)?[A-Z]")

#: a country's name before a noun of its people, forces or things names their owner, not a
#: scene ("the Iran proxy drone attack", "attacks against U.S. and international vessels"), as
#: before any noun of a thing the text places elsewhere ("U.S. facilities in Iraq")
_OF_A_COUNTRY = re.compile(r"\s+(?:and\s+[A-Za-z]+\s+)?(?:proxy|proxies|soldiers|troops|forces|officials|army|military"
                           r"|navy|government|embassy|diplomats?|envoy|ambassador|delegation|authorities|militias?"
                           r"|fighters|vessels?|ships?|warships?|aircraft|jets|drones|missiles|weapons|citizens"
                           r"|nationals|personnel|service\s+members|bases?)\b"
                           # or before what it holds somewhere else, named after it: "drone attacks against
                           # U.S. facilities in Iraq and Syria", "jets hit Ukraine army depots near Pokrovsk"
                           r"|\s+(?:[a-z]+\s+){1,3}(?:in|at|near)\s+(?:the\s+)?[A-Z]")

#: civilians who attack as a group: settlers in an occupied territory ("settler attacks", "attacked by
#: Israeli settlers"), protesters, rioters and mobs; what they do is neither a battle nor sabotage unless they
#: burn or wreck
_CIVILIAN_ATTACKERS = lx.Prefiltered(re.compile(
                   r"\b(?=\w)settler\s+(?:attacks?|violence|raids?|assaults?|rampages?)\b"
                   r"|\b(?:by|from)\s+(?:[\w-]+\s+){0,2}settlers\b"
                   # crowds are civilians too: "protesters attacked the embassies", "a mob torched the police station"
                   r"|\b(?:settlers|protesters|demonstrators|rioters|mobs?|crowds?)\s+(?:who\s+)?(?:[a-z]+(?:ly)?\s+)?"
                   r"(?:attack|raid|assault|storm|stormed|torch|burn|shot|shoot|kill|beat"
                   r"|injur|wound|vandali|rampag|carried\s+out|perpetrat|went\s+on\s+a\s+rampage)\w*"
                   # a vehicle driven into people is no battle either: "a car rammed into civilians", "drove a truck into a crowd"
                   rf"|\b(?:rammed|ramming|car-ramming)\b|\b{lx.RAMMING}", re.IGNORECASE))

#: a clause that ranks the event just told among others ("It was the deadliest attack on the city since
#: 2022", "This was one of the largest strikes of the war"): no event of its own
_RANKED = re.compile(r"\s*(?:it|this|that|the\s+(?:[\w’'-]+\s+){0,3}?(?:attack|strike|assault|raid|bombing|shelling))\s+(?:was|is|marks|marked"
                     r"|became|has\s+been)\s+(?:the\s+|one\s+of\s+the\s+)(?:single\s+)?(?:\w+est|most\s+\w+|worst|largest"
                     r"|biggest|first|second|third|latest)\b", re.IGNORECASE)


def _names_a_bomb(text: str, found: list[tuple[str, int, int]], places: list[tuple[int, int, Resolved]]) -> bool:
    """Whether a clause names a bomb set off: a car bomb, an IED, a suicide or site bombing, or a
    bombing named by its place ("the Quetta bombing")."""
    return any(k == "explosion" or k == "blast" and _BOMB_WORD.fullmatch(text, s, e) for k, s, e in found) \
        or any(_NAMES_BOMBING.match(text, e) for _, e, _ in places)


def _made_of(text: str, found: list[tuple[str, int, int]]) -> int:
    """Where the events a clause's predicate is about begin: its first event word, or the next
    one when the first is the subject ("Attacks by gangs have been rising, with killings in ...")."""
    starts = sorted(s for _, s, _ in found)
    if len(text[:starts[0]].split()) > 3:
        return starts[0]
    return starts[1] if len(starts) > 1 else len(text)
