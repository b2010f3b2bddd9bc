"""One article's incidents: the extraction stages of DESIGN.md composed per article.

segment -> dates -> toponyms -> resolve -> events, then the article-level decisions:
a headline restating the body gives nothing of its own, and a country-level incident
that sums up the towns the article lists gives way to them.  Text written all in lower
case or all in capitals is read through :mod:`mapper.extract.truecase` first (the
sources still quote the text as written).
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter

from mapper.aggregate import family, place_key
from mapper.extract.capitals import airspace_mentions, capital_mentions
from mapper.extract.casualties import casualties
from mapper.extract.clause_dates import anchored, anchored_day, clause_date, stated_period
from mapper.extract.event_dates import BACKGROUND_DAYS, summary_period
from mapper.extract.events import ArticleContext, Candidate, link_clause
from mapper.extract.give_way import Told, drop_echoes, drop_summaries, drop_title_echoes
from mapper.extract.lexicon import CONFLICT_CONTEXT, GENERIC, GROUP_NAMES_NOT_PLACES
from mapper.extract.locators import (LOCATES_TOLD, held_unknowns, near_their_references, road_mentions, site_struck,
                                     sites_placed, told_there)
from mapper.extract.page_parts import (WORD, is_captioned, is_heading, is_section_heading, is_standfirst, lead_start,
                                       own_line)
from mapper.extract.segment import segment
from mapper.extract.toponyms import find_spans
from mapper.extract.triggers import GENERIC_KINDS, article_weapon, scan, type_of
from mapper.extract.truecase import recased
from mapper.geo.gazetteer import Gazetteer
from mapper.geo.resolve import resolve_spans
from mapper.model import STRIKE_TYPES, Article, Clause, DateSpan, Incident, Mention, Place, Resolved, Source, Unplaced

_TITLE_GAP = "\n\n"


def geoparse_article(article: Article, gaz: Gazetteer) -> list[Resolved]:
    """Every place mention of an article (title and body), resolved with article context.

    Offsets of body mentions index ``article.text``; title mentions carry
    ``part="title"`` and index ``article.title``.
    """
    full = article.title + _TITLE_GAP + article.text if article.title else article.text
    shift = len(article.title) + len(_TITLE_GAP) if article.title else 0
    out = []
    capitals = capital_mentions(full, gaz) + airspace_mentions(full, gaz)
    found = resolve_spans(find_spans(full, gaz), gaz, full, country_parts=True)
    groups = [(g.start(), g.end()) for g in GROUP_NAMES_NOT_PLACES.finditer(full)]
    if groups:  # "fighting between the military and al-Shabab": the group, not Shabab in Iran
        # the names do not overlap and come in order: a mention inside one is inside the last one starting at or
        # before it (found by bisection: a scan of every name per mention is quadratic in a long article)
        starts = [s for s, _ in groups]
        found = [r for r in found if (k := bisect.bisect_right(starts, r.mention.start) - 1) < 0
                 or r.mention.end > groups[k][1]]
    # "Molotov cocktails", "Tomahawk missiles", "Bradley vehicles": a weapon's name, not a town
    found = [r for r in found if not (r.place is not None and r.place.kind in ("city", "village")
                                       and _WEAPON_AFTER.match(full, r.mention.end))]
    found = road_mentions(full, found)  # "the Kaya-Dori road": one place, between its ends
    found = near_their_references(full, found)  # "Lyubimovka on the outskirts of Sevastopol": not 500 km away
    if capitals:  # "Ukraine's capital": the capital, not the country inside the phrase; "Polish airspace": Poland
        found = sorted([r for r in found if not any(c.mention.start < r.mention.end and r.mention.start < c.mention.end
                                                   for c in capitals)] + capitals, key=lambda r: r.mention.start)
    for r in found:  # built directly: dataclasses.replace costs several times as much per mention
        m = r.mention
        if m.start < shift:
            mention = Mention(m.name, m.start, m.end, "title")
        else:
            mention = Mention(m.name, m.start - shift, m.end - shift, m.part)
        out.append(Resolved(mention, r.place, r.reason))
    return out


#: the noun of a weapon right after a name: the name is the weapon's (or its maker's), not a scene
_WEAPON_AFTER = re.compile(r"[\s-]+(?:cocktails?|missiles?|rockets?|drones?|shells?|tanks?|rifles?|launchers?"
                           r"|howitzers?|vehicles?|munitions?|bombs?|interceptors?)\b"
                           # not the place of a strike named by its weapon: "the Odesa missile strike", "Kyiv drone attack"
                           r"(?![\s-]+(?:attacks?|strikes?|raids?|barrages?|assaults?|fire|hits?|waves?|terror|alerts?))")


def extract_article(article: Article, gaz: Gazetteer) -> tuple[list[Incident], list[Unplaced]]:
    """Incidents (not yet deduplicated or region-joined) and unplaced reports of one article.

    Parameters
    ----------
    article : Article
    gaz : Gazetteer

    Returns
    -------
    (incidents, unplaced)
        One incident per (clause, place), each citing its clause as written.
    """
    written = article
    article = recased(article, gaz)
    clauses = segment(article)
    by_part = _by_part(geoparse_article(article, gaz))
    period = stated_period(article.title, article.text, article.published)
    weapon, named_in = article_weapon(clauses)
    ctx = ArticleContext(article, gaz.demonyms, gaz.country_places(), weapon,
                         conflict=bool(CONFLICT_CONTEXT.search(article.text) or CONFLICT_CONTEXT.search(article.title)),
                         weapon_day=_own_day(named_in, article, period, clauses),
                         home=(home := _home(by_part)), focus=_focus(by_part), area=_area(by_part, gaz, home),
                         lead=lead_start(clauses),
                         subject=_subject(by_part))
    incidents: list[Incident] = []
    headline: list[bool] = []  # per incident: stated in the title
    standfirst: list[bool] = []  # per incident: of them, stated in the body's one-sentence first paragraph
    heading_line: list[bool] = []  # per incident: told by an undated line of the body written as a headline
    undated: list[bool] = []  # per incident: its clause (and the text before it) gives no date
    echoes: list[str] = []  # per incident: told only by a back-reference (Candidate.echo)
    unplaced: list[Unplaced] = []
    previous: DateSpan | None = None
    told: tuple[Clause, int] | None = None  # the last clause that stated exactly one incident, and its index
    listed: list[tuple[Clause, list[tuple[int, int, Resolved]]]] = []  # verbless lists of places just read
    dated_by: Clause | None = None  # the clause that gave ``previous``
    # an event sentence ending in a colon, its date and the last line listed after it
    opener: tuple[Clause, DateSpan | None, Clause] | None = None
    # per body clause with a date of its own: the places it names and the families its event words may be
    dated_tellings: list[tuple[set[str], set[str]]] = []
    # the last body clause that told an event (of one type and attacker), its date, type and attacker
    event: tuple[Clause, DateSpan | None, str, str | None] | None = None
    # the last body clause that placed sites without telling an event there, and those sites
    sited: tuple[Clause, list[tuple[str, int, tuple[int, int, Resolved]]]] | None = None
    for clause in clauses:
        retold = False  # whether the clause only says where the event told before happened
        if previous is not None and dated_by is not None and summary_period(previous) \
                and not _same_paragraph(article, dated_by, clause):
            # a running total's period ("3,103 killed since 8 October 2023") dates the rest of its
            # paragraph (more of the same summary), not the next one
            previous = None
        date, how = clause_date(clause.text, published=article.published, bullet=clause.bullet_date,
                                previous=previous, period=period)
        section = how == "previous" and clause.part == "body" and article.published is not None \
            and is_section_heading(article.text, clause)
        if section:
            # "TEACHER ABDUCTED IN SOUTH-WEST REGION" over the paragraph that tells it: a section's heading
            # announces what follows, not the day of the paragraph before it
            date, how = DateSpan(article.published, article.published, 2), "published"
        if how in ("anaphoric", "previous") and clause.part == "body" \
                and (named := anchored(clause.text)) is not None \
                and (anchor := _named_event(named["event"], incidents, headline)) is not None:
            # "It was held on 18 February ... Trump's call with Putin on 12 February ... The day before the
            # meeting, European leaders met in Paris": counted from the meeting, not from the call
            date, how = anchored_day(named, anchor), "anaphoric"
        captioned = is_captioned(article, clause)
        if how in ("explicit", "bullet", "anaphoric") and clause.part == "body" \
                and (article.published is None or date.end <= article.published) \
                and not captioned:
            # a date reaching past publication ("the next update is due on 11 May", "finalized on 25
            # November, ... the ceasefire took effect on 27 November") or of a photo's
            # caption ("20 May 2024 Photo: OCHA") governs no later clause
            previous, dated_by = date, clause
        inside = _mentions_in(clause, by_part)
        cands, missing = link_clause(clause, inside, date, ctx, own_date=how in _OWN_DATE)
        if how in _OWN_DATE and clause.part == "body":
            # the body tells an event with its date: at the places it links, or, when its day (or the days it spells
            # out: "from 2 to 9 May 2024") makes it background (and the linker keeps nothing), at the places it names
            # (not a photo's caption: "Aftermath of the attacks on Kharkiv in May" shows another day)
            if cands:
                dated_tellings.append(({place_key(c.place) for c in cands}, {family(c.type) for c in cands}))
            elif inside and article.published is not None and date is not None \
                    and (date.precision == 1 or how == "explicit" and (date.end - date.start).days <= _TOLD_DAYS) \
                    and (article.published - date.end).days > BACKGROUND_DAYS and not captioned:
                dated_tellings.append(({place_key(r.place) for _, _, r in inside if r.place}, _families(clause.text)))
        if how not in _OWN_DATE and captioned:
            cands, missing = [], []  # a photo's caption with no date of its own: a picture of some day
        if listed and not any(r.place for _, _, r in inside) and _same_paragraph(article, listed[-1][0], clause):
            # "Odesa, Kherson and Kirovohrad regions. Everywhere where there was shelling ...":
            # the event sentence after a verbless list of places tells what happened there
            joined, places = _with_list(clause, listed)
            linked, _ = link_clause(joined, places, date, ctx)
            if linked:
                cands, missing = linked, []
        elif not cands and opener is not None and inside and any(r.place for _, _, r in inside) \
                and not any(ok for _, _, _, ok, _ in scan(clause.text)) and _next_line(article.text, opener[2], clause):
            # "... intercepted and destroyed 21 Ukrainian UAVs:" then "7 – over the territory of Smolensk
            # region,": the lines after an event sentence that ends in a colon tell where it happened
            joined, places = _with_list(opener[0], [(clause, inside)])
            cands, missing = link_clause(joined, places, opener[1], ctx)
            opener = (opener[0], opener[1], clause)
        elif not cands and not any(r.place for _, _, r in inside) and told is not None \
                and _same_paragraph(article, told[0], clause) \
                and (_says_there(clause.text) or how in _OWN_DATE and _THE_TOWN.search(clause.text)):
            # "The Typhoons also attacked targets at Bani. An initial group of facilities there were struck on
            # the night of 11 January": "there" is the place the sentence before told its event at; so is "the
            # town" told on a day of its own ("The town was also hit on Tuesday"; without one, "the bombings
            # hit worshippers in the camp" tells the event just told again)
            scene = incidents[told[1]]
            linked, _ = link_clause(*_at_scene(clause, scene), date, ctx, own_date=how in _OWN_DATE)
            # the same kind of event there (on its own day), or another kind as the rule below allows it
            cands = [c for c in linked if family(c.type) == family(scene.type) or _follows_at_scene(scene, c)]
        elif not cands and not any(r.place for _, _, r in inside) and told is not None \
                and family(incidents[told[1]].type) in _BATTLEFIELD \
                and _same_paragraph(article, told[0], clause) and _own_kind_here(clause.text):
            # "Fighting resumed in Nyala. We are alarmed by reports of shelling by both sides.": a
            # sentence naming no place, right after the one incident its paragraph placed (not
            # talks: a venue is no scene of war), tells an event of another family there; so do the
            # parts of a complex attack ("a suicide bomber detonated a device outside the hotel in
            # Mogadishu ... Five gunmen then stormed the hotel")
            scene = incidents[told[1]]
            linked, _ = link_clause(*_at_scene(clause, scene), date, ctx)
            cands = [c for c in linked if _follows_at_scene(scene, c)]
        elif not cands and event is not None and inside and (located := LOCATES_TOLD.match(clause.text)) \
                and _same_paragraph(article, event[0], clause):
            # "... conducted strikes on seven facilities in Iraq and Syria. In Iraq, the targets were
            # located in the vicinity of Al-Qaim and Akashat.": where the event just told happened
            cands, missing = link_clause(*told_there(event[0], clause, located.end(), inside), event[1], ctx)
            cands = [dataclasses.replace(c, type=event[2], actor=event[3]) for c in cands]  # the same event
            retold = True  # the event stays the one told before: "In Syria, they were near ..." may follow
        elif all(c.place.kind == "country" for c in cands) and sited is not None and not any(r.place for _, _, r in inside) \
                and _same_paragraph(article, sited[0], clause) and _strike_told(clause.text, ctx) is not None \
                and (struck := site_struck(*sited, clause)) is not None:
            # "Analysts located a compound 20 km north of Gao ... Jets struck the compound last night": the
            # site struck is the one the paragraph placed before
            linked, unplaced_there = link_clause(*struck, date, ctx, own_date=how in _OWN_DATE)
            if linked:
                cands, missing = linked, unplaced_there
        if clause.part == "body" and not cands and (placed := sites_placed(clause.text, inside)):
            sited = (clause, placed)
        elif sited is not None and not _same_paragraph(article, sited[0], clause):
            sited = None
        if clause.part == "body" and clause.text.rstrip().endswith(":") and any(ok for _, _, _, ok, _ in scan(clause.text)):
            opener = (clause, date, clause)
        elif opener is not None and opener[2] is not clause:
            # the list goes on line by line (an item may tell more of its own: "including 2 UAVs flying
            # towards Moscow"); a blank line or another paragraph ends it
            opener = (opener[0], opener[1], clause) if _next_line(article.text, opener[2], clause) else None
        if inside and all(r.place for _, _, r in inside) and _verbless_list(clause.text, inside):
            listed = [*listed, (clause, inside)] if listed and _same_paragraph(article, listed[-1][0], clause) \
                else [(clause, inside)]
        else:
            listed = []
        if cands and clause.part == "body" and not retold and len({(c.type, c.actor) for c in cands}) == 1:
            event = (clause, date, cands[0].type, cands[0].actor)
        elif not cands and clause.part == "body" and date is not None and not any(r.place for _, _, r in inside) \
                and (event is None or not _same_paragraph(article, event[0], clause)) \
                and (kind := _strike_told(clause.text, ctx)) is not None:
            # "Today, Russia once again struck our energy infrastructure. ... The main targets were gas production
            # facilities in Kharkiv and Poltava regions": a strike told with no place, placed by what follows
            # (not in place of the paragraph's event: "The facilities struck included ... missiles" after the strikes)
            event = (clause, date, kind, None)
        elif clause.part == "body" and event is not None and not _same_paragraph(article, event[0], clause):
            event = None
        if cands or missing:  # the source of what the clause tells (most clauses tell nothing: none to build)
            said = clause.text if written is article else _as_written(written, clause)
            source = Source(article.id, written.title, article.url, article.published, said)
        if cands and how in _UNDATED and not section:
            section = clause.part == "body" and is_section_heading(article.text, clause)  # only where it counts
        # the body's first paragraph when it is one undated sentence: a standfirst, or a wire story's lead
        lead_line = clause.part == "body" and how in _UNDATED and bool(cands) and is_standfirst(article.text, clause)
        heading = bool(cands) and how in _UNDATED and is_heading(article.text, clause, article.title)
        for c in cands:
            headline.append(clause.part == "title" or (how in _UNDATED and (section or heading or lead_line)))
            standfirst.append(lead_line and not section and not heading)
            heading_line.append(clause.part == "body" and how in _UNDATED and _headline_line(article.text, clause))
            echoes.append(c.echo)
            undated.append(how in _UNDATED)
            incidents.append(Incident(
                type=c.type, date_start=c.date.start, date_end=c.date.end, time_precision=c.date.precision,
                place=c.place, place_text=c.place_text, geo_precision=c.geo_precision, sources=(source,),
                actor=c.actor, killed=c.killed, injured=c.injured))
        for name, reason, kind in missing:
            if date is not None:
                unplaced.append(Unplaced(kind or "other", date.start, date.end, name, reason, source))
        if not cands and told is not None and how == "explicit" and clause.part == told[0].part == "body" \
                and undated[told[1]] and (article.published is None or date.end <= article.published) \
                and (_headline_line(article.text, told[0]) and _next_line(article.text, told[0], clause)
                     and family(incidents[told[1]].type) in _families(clause.text)
                     or not missing and _next_sentence(article.text, told[0], clause)
                     and family(incidents[told[1]].type) in _families(clause.text, told=True)):
            # "Suicide attack claims 19 lives in Konduga, Borno State" then "On 31 July, ... 19 people were
            # killed when ... detonated a person-borne improvised explosive device": the line under an
            # undated heading that goes on about its event, placing it nowhere else, gives it its day; so does the
            # sentence right after an undated one in its paragraph ("Dozens were killed in an attack on a block of
            # flats in Dnipro. Rescuers searched all weekend after the Saturday missile strike.")
            k = told[1]
            incidents[k] = dataclasses.replace(incidents[k], date_start=date.start, date_end=date.end,
                                               time_precision=date.precision)
            undated[k] = headline[k] = standfirst[k] = heading_line[k] = False
        if len(cands) == 1:
            told = (clause, len(incidents) - 1)
        elif cands or missing or inside or told is None or clause.part != told[0].part:
            told = None
        elif (tolls := _follow_up_tolls(article, told[0], clause)) is not None:
            k = told[1]
            incidents[k] = dataclasses.replace(incidents[k], killed=_first(incidents[k].killed, tolls[0]),
                                               injured=_first(incidents[k].injured, tolls[1]))
    # each incident carries how it was told through the filters (they drop items: flags kept beside them in lists
    # would no longer line up)
    told_as = [Told(*flags) for flags in zip(undated, headline, standfirst, heading_line)]
    kept_told = drop_title_echoes(drop_echoes(list(zip(incidents, told_as)), echoes))
    # "United Nations condemns recent suicide bomb attacks in Gwoza." before "... the suicide bomb attacks
    # in Gwoza on Saturday, 29 June": an undated line announces the event the body dates (if the body's
    # date makes it background, the article's news is not that event)
    kept = [(i, t.undated) for i, t in kept_told
            if not (t.undated and any(place_key(i.place) in places and family(i.type) in families
                                      for places, families in dated_tellings))]
    out = drop_summaries([i for i, _ in kept], {id(i) for i, u in kept if u})
    return [_at_seat(i, gaz.seats()) for i in out], unplaced


#: the longest period spelt out day to day that tells one event ("from 2 to 9 May 2024", "between 1 and 20 March")
_TOLD_DAYS = 31


def _named_event(phrase: str, incidents: list[Incident], headline: list[bool]) -> DateSpan | None:
    """The dates of the last incident the body told before that a phrase ("the meeting", "the
    attack") can name: one of the families its event word stands for; None when it names none."""
    families = _families(phrase)
    for incident, title in zip(reversed(incidents), reversed(headline)):
        if not title and family(incident.type) in families:
            return DateSpan(incident.date_start, incident.date_end, incident.time_precision)
    return None


def _families(text: str, told: bool = False) -> set[str]:
    """The type families a clause's asserted event words (with ``told``, also those that point back to an event told
    before: "after the Saturday missile strike") may stand for (generic words: any)."""
    kinds = {k for k, _, _, asserted, _ in scan(text) if asserted or told}
    return set(_ANY_FAMILY) if kinds & GENERIC_KINDS else {family(k) for k in kinds}


#: what a generic event word ("attack", "strike", "killed") may stand for
_ANY_FAMILY = frozenset({"strike", "ground_fighting", "explosion", "sabotage", "other"})


def _verbless_list(text: str, inside: list[tuple[int, int, Resolved]]) -> bool:
    """Whether a clause is nothing but a list of places ("Odesa, Kherson, and Kirovohrad regions.")."""
    rest, last = [], 0
    for s, e, _ in inside:
        rest.append(text[last:s])
        last = e
    rest.append(text[last:])
    return all(w in _LIST_WORDS for w in WORD.findall(" ".join(rest).lower()))


_LIST_WORDS = frozenset("""and or the of also as well regions region oblast oblasts city cities community communities
district districts province provinces governorate governorates""".split())


def _strike_told(text: str, ctx: ArticleContext) -> str | None:
    """The type of the strike a clause asserts (its own weapon, else the article's), or None when it
    asserts no strike."""
    kind = type_of([(k, s, e) for k, s, e, ok, _ in scan(text) if ok], ctx.weapon, ctx.conflict)
    return kind if kind in STRIKE_TYPES else None


def _same_paragraph(article: Article, before: Clause, clause: Clause) -> bool:
    """Whether no line break lies between two clauses of the same part (title or body)."""
    text = article.title if clause.part == "title" else article.text
    return before.part == clause.part and "\n" not in text[before.end:clause.start]


def _headline_line(text: str, clause: Clause) -> bool:
    """Whether a body clause is a line of its own written as a headline (no sentence's end)."""
    line = own_line(text, clause)
    return line is not None and line[-1] not in ".!?:;,"


def _next_line(text: str, before: Clause, clause: Clause) -> bool:
    """Whether ``clause`` opens the line right after ``before``'s (no blank line between)."""
    gap = text[before.end:clause.start]
    return gap.count("\n") == 1 and not gap.replace("\n", "").strip()


def _next_sentence(text: str, before: Clause, clause: Clause) -> bool:
    """Whether ``clause`` is the sentence right after ``before``'s in one paragraph (no line break between)."""
    gap = text[before.end:clause.start]
    return "\n" not in gap and not gap.strip()


def _with_list(clause: Clause, listed: list[tuple[Clause, list[tuple[int, int, Resolved]]]]
               ) -> tuple[Clause, list[tuple[int, int, Resolved]]]:
    """An event sentence joined to the verbless lists of places before it ("... strikes in
    Odesa, Kherson, and Kirovohrad regions and in Zaporizhzhia and Kharkiv regions."), with the
    lists' mentions moved to their offsets in the joined text."""
    text = clause.text.rstrip(" .!?;:") + " in "
    places = []
    for part, items in listed:
        base = len(text)
        places.extend((base + s, base + e, r) for s, e, r in items)
        text += part.text.rstrip(" .!?;:") + " and in "
    return dataclasses.replace(clause, text=text[:-len(" and in ")] + "."), places


def _own_kind_here(text: str) -> bool:
    """Whether a sentence names its own kind of event (a weapon or a fighting word, not
    "the attack" or "killed", which point back to the event just told, nor a pattern: "part
    of an intensifying pattern of fighting") and no other place ("in another part of the
    city", "other areas")."""
    return not _ELSEWHERE.search(text) and any(
        ok and kind not in GENERIC_KINDS and not GENERIC.search(text, max(0, s - 30), s)
        for kind, s, _, ok, _ in scan(text))


_BATTLEFIELD = frozenset({"strike", "ground_fighting", "explosion"})
_ELSEWHERE = re.compile(r"\b(?=\w)(?:an)?other\b|\belsewhere\b", re.IGNORECASE)
#: "there" as a place ("the facilities there were struck", "fighting there"), not the subject of "there were
#: reports", "said there had been": after a word that opens no clause, or before a word that is no verb of being
_THERE = re.compile(r"\b(?:(?P<word>[a-z]+)\s+)?there\b(?P<being>\s+(?:is|are|was|were|has|have|had|will|would|could"
                    r"|can|may|might|must|should|seems?|seemed|appears?|appeared|remains?|remained|exists?|existed"
                    r"|being|been|be|still|also|now|followed|came|continues?|continued)\b|['’]s\b)?", re.IGNORECASE)
_OPENS_CLAUSE = frozenset("""and but or nor as if so that which where when while because since said says say reported
    although though whether than after before until unless once how why then""".split())


#: a town told before, named again by the noun of its kind ("The town was also hit on Tuesday", "a missile
#: strike on the city"; not "the town of Izium", which names its own, nor "the capital", often another city)
_THE_TOWN = re.compile(r"\b(?=\w)(?:the|this)\s+(?:city|town|village|port|settlement|hamlet|camp)\b(?!['’]?\s*of\b|-)",
                       re.IGNORECASE)


def _says_there(text: str) -> bool:
    """Whether ``text`` uses "there" for a place told before (see :data:`_THERE`)."""
    return any(m["word"] and m["word"].lower() not in _OPENS_CLAUSE or not m["being"] for m in _THERE.finditer(text))


def _follows_at_scene(scene: Incident, c: Candidate) -> bool:
    """Whether an event of another family, told after ``scene`` at no place of its own, is an event of its own
    there: not a battle or a blast after strikes ("the site was targeted in a repeat assault", "a car bomb
    exploded" after a strike are the strike again), nor a strike after a bombing ("the bombing of the mosque" a
    group claims is the blast again)."""
    told, new = family(scene.type), family(c.type)
    if told == "strike" and new == "ground_fighting" and _ON_THE_GROUND.search(c.clause.text):
        return True  # "Israeli forces launched air strikes against Kafr Dan. Shortly after, they raided the town and an
        # exchange of fire was reported": troops on the ground, a raid of its own after the strikes
    return new in _BATTLEFIELD and new != told and not (told == "strike" and new in ("ground_fighting", "explosion")) \
        and not (told == "explosion" and new == "strike")


#: fighting that can only be on the ground: a raid, a gunfight, troops going in (not "assault", "attack", "offensive":
#: words a strike is told by too)
_ON_THE_GROUND = re.compile(r"\b(?=\w)(?:raid(?:s|ed|ing)?|stormed|storming|exchanges?\s+of\s+fire|exchanged\s+fire"
                            r"|gun\s?fights?|fire\s?fights?|shoot-?outs?|clash(?:es|ed)|ground\s+(?:incursion|operation)s?"
                            r"|(?:troops|soldiers|forces)\s+(?:entered|moved\s+into|pushed\s+into))\b", re.IGNORECASE)


def _at_scene(clause: Clause, scene: Incident) -> tuple[Clause, list[tuple[int, int, Resolved]]]:
    """A clause joined to the place of the incident told before it ("... shelling by both
    sides in Nyala."), with that place as the joined text's one mention."""
    name = scene.place_text or scene.place.name
    named = dataclasses.replace(clause, text=name)
    return _with_list(clause, [(named, [(0, len(name), Resolved(Mention(name, 0, len(name)), scene.place))])])


def _home(by_part: dict[str, tuple[list[int], list[Resolved]]]) -> str | None:
    """The country most of the article's place mentions lie in, when it holds a majority."""
    counts = Counter(r.place.country for _, items in by_part.values() for r in items
                     if r.place is not None and r.place.country)
    if not counts:
        return None
    iso, n = counts.most_common(1)[0]
    return iso if n * 2 > sum(counts.values()) else None


def _most_held(by_part: dict[str, tuple[list[int], list[Resolved]]], least: int) -> tuple[str, list[Place]] | None:
    """The admin-1 code most of an article's place mentions inside any region lie in (more than half
    of them, and at least ``least``), with those places; None when no region holds so many."""
    named = [r.place for _, items in by_part.values() for r in items if r.place is not None and r.place.admin1_gn]
    counts = Counter(p.admin1_gn for p in named)
    if not counts:
        return None
    code, n = counts.most_common(1)[0]
    return None if n < least or n * 2 <= sum(counts.values()) else (code, named)


def _own_name(code: str, named: list[Place]) -> Place | None:
    """The region of admin-1 ``code`` as the article names it (an admin-1 unit, or a region filed under its
    code: "the Gaza Strip"), if it does."""
    return next((p for kind in ("admin1", "region") for p in named if p.kind == kind and p.admin1_gn == code), None)


def _focus(by_part: dict[str, tuple[list[int], list[Resolved]]]) -> Place | None:
    """The admin-1 region an article is about: one it names, in which most of its places
    inside any region lie (at least three of them); None otherwise."""
    held = _most_held(by_part, _FOCUS_MENTIONS)
    return None if held is None else _own_name(*held)


_FOCUS_MENTIONS = 3


def _area(by_part: dict[str, tuple[list[int], list[Resolved]]], gaz: Gazetteer, home: str | None) -> Place | None:
    """The admin-1 region most of an article's places lie in, named by the article or not: where a
    village the gazetteer lacks lies when the story names no region of its own (a story of Dori, Djibo
    and Arbinda is one of Burkina Faso's Sahel region though it never writes "Sahel").  The region must
    hold at least :data:`_AREA_MENTIONS` of the article's place mentions, more than half of those inside
    any region, and lie in the country most of its mentions lie in (a news agency read as a Chinese town
    and quoted twice makes no region of a story about Cameroon: ``home``, :func:`_home`'s)."""
    held = _most_held(by_part, _AREA_MENTIONS)
    if held is None:
        return None
    place = _own_name(*held)
    if place is None and (entry := gaz.admin1_entry.get(held[0])) is not None:
        place = gaz.place(entry, geo_precision=3)
    return place if place is not None and place.country == home else None


_AREA_MENTIONS = 2


def _subject(by_part: dict[str, tuple[list[int], list[Resolved]]]) -> Place | None:
    """The place a story is about: the one place below a country its title names, named again in the body."""
    titled = {r.place.spot: r.place for r in by_part["title"][1]
              if r.place is not None and r.place.kind in ("city", "admin1", "region", "facility")}
    if len(titled) != 1:
        return None
    (key, place), = titled.items()
    again = any(r.place is not None and r.place.spot == key for r in by_part["body"][1])
    return place if again else None


def _at_seat(incident: Incident, seats: dict[str, tuple[float, float]]) -> Incident:
    """An incident known only by its admin-1 region is drawn at the region's seat (its most
    populous town), as annotation.md and ACLED place region-level events; the place keeps
    its name and ``geo_precision`` 3.  A second-level unit filed as a region (a Palestinian
    governorate: no GeoNames id of its own, its territory's code) keeps its own seat's point."""
    place = incident.place
    if place.kind != "admin1" or place.admin1_gn not in seats or place.geonameid is None:
        return incident
    lon, lat = seats[place.admin1_gn]
    return dataclasses.replace(incident, place=dataclasses.replace(place, lon=lon, lat=lat))


def _follow_up_tolls(article: Article, told: Clause, clause: Clause) -> tuple[int | None, int | None] | None:
    """The tolls a clause that names no place adds to the one incident the sentence just
    before it stated, in the same paragraph ("Drones hit Sumy overnight. Two people were
    killed."); None when it states none or a paragraph lies between."""
    if not _same_paragraph(article, told, clause):
        return None
    killed, injured = casualties(clause.text)
    return None if killed is None and injured is None else (killed, injured)


def _first(own: int | None, added: int | None) -> int | None:
    return own if own is not None else added


#: how a clause's date came from the clause itself (clause_dates.clause_date's sources)
_OWN_DATE = frozenset({"explicit", "bullet", "anaphoric"})

#: ... and how it came from no day the text names (the publication day; "recent": the days before it)
_UNDATED = frozenset({"published", "recent"})


def _own_day(clause: Clause | None, article: Article, period: DateSpan | None,
             clauses: list[Clause] = ()) -> DateSpan | None:
    """The date ``clause`` gives itself (its dates or its bullet's), if it gives one; or the day it counts from
    the last date told before it ("On 3 June, ... Two days later, an IED struck ...": 5 June)."""
    if clause is None:
        return None
    date, how = clause_date(clause.text, published=article.published, bullet=clause.bullet_date, previous=None,
                            period=period)
    if how in ("explicit", "bullet"):
        return date
    earlier = [c for c in clauses if c.part == clause.part and c.end <= clause.start][-_DAY_LOOKBACK:]
    for before in reversed(earlier):
        told, told_how = clause_date(before.text, published=article.published, bullet=before.bullet_date,
                                     previous=None, period=period)
        if told_how in ("explicit", "bullet"):
            date, how = clause_date(clause.text, published=article.published, bullet=clause.bullet_date,
                                    previous=told, period=period)
            return date if how == "anaphoric" else None
    return None


#: how many clauses back :func:`_own_day` looks for the date a relative day counts from
_DAY_LOOKBACK = 3


def _by_part(resolved: list[Resolved]) -> dict[str, tuple[list[int], list[Resolved]]]:
    """Mentions per part (title/body), sorted by start, with their starts for bisection."""
    out: dict[str, tuple[list[int], list[Resolved]]] = {}
    for part in ("title", "body"):
        items = sorted((r for r in resolved if r.mention.part == part), key=lambda r: r.mention.start)
        out[part] = ([r.mention.start for r in items], items)
    return out


def _mentions_in(clause: Clause, by_part: dict[str, tuple[list[int], list[Resolved]]]
                 ) -> list[tuple[int, int, Resolved]]:
    """Mentions inside a clause, with offsets relative to it (a binary search, not a scan), and
    the villages the gazetteer lacks that it puts in a unit it names (:func:`held_unknowns`)."""
    starts, items = by_part.get(clause.part, ([], []))
    lo, hi = bisect.bisect_left(starts, clause.start), bisect.bisect_left(starts, clause.end)
    return held_unknowns(clause.text, [(r.mention.start - clause.start, r.mention.end - clause.start, r)
                                       for r in items[lo:hi] if r.mention.end <= clause.end])


def _as_written(article: Article, clause: Clause) -> str:
    """A clause's text as the article wrote it (recasing keeps every offset)."""
    text = article.title if clause.part == "title" else article.text
    written = text[clause.start:clause.end]
    return written if written.lower() == clause.text.lower() else clause.text

