"""Where a clause's event happened: which of its places are scenes, and how precisely.

A resolved place is a scene unless what governs it gives it another role: a launch site
or an origin, a speaker or a capital standing for its side, a recipient, beneficiary,
partner or agent, a target of policy, a venue of speech or of other days, a destination
of flight, a name mention, an organisation, document or route named after it, a town
named only to locate another, or a container of a finer place (those two:
:mod:`mapper.extract.locators`); a country or region counts only after a locative.
:func:`mapper.extract.events.link_clause` asks these questions of every place of a clause.
"""
from __future__ import annotations

import bisect
import re

from mapper.extract import lexicon as lx
from mapper.extract.date_parts import DAY_COUNTS, MONTH_NAMES
from mapper.extract.governing import (LOCATIVE, PREPOSITIONS, PREV_WORD, ROLE_PREPOSITIONS, governing_word,
                                      governor, prev_word)
from mapper.extract.triggers import Triggers
from mapper.geo.parts import COMPASS
from mapper.model import Clause, Place

_VENUE = frozenset({"in", "at"})
#: a verb of going or gathering somewhere right before a place: "gathered in", "visited", "travelled to" (not "was in":
#: "a convoy was in Mayadin for talks" tells where a convoy was)
_BEEN_AT = re.compile(r"\b(?=\w)(?:gathered|convened|assembled|arrived|visited|travell?ed|went|flew|came)"
                      r"(?:\s+(?:in|at|to))?\s+(?:the\s+)?$", re.IGNORECASE)
#: from that place straight to the meeting it was for: "for a meeting", "to hold talks", "and met", ", where she
#: met", a day between ("on Monday and met"); not "visited Kyiv after the summit"
#: the days of a stay told right after the place: "on Monday", "last week", "November 3-4", "on 3 and 4 November"
_STAY = (r"(?:\s+(?:on|last|this)\s+\w+|\s+(?:on\s+)?(?:\d{1,2}(?:\s*(?:-|–|and)\s*\d{1,2})?\s+"
         rf"(?:{MONTH_NAMES})|(?:{MONTH_NAMES})\s+\d{{1,2}}(?:\s*(?:-|–|and)\s*\d{{1,2}})?\b))?")
_THEN_MET = re.compile(_STAY + r"(?:\s*,\s*where\s+(?:\w+\s+){1,3}?|\s+(?:and|to)\s+(?:\w+\s+)?"
                       r"|\s+for\s+(?:(?:a|an|the|two|three|several)\s+)?(?:[\w-]+\s+){0,2}?)"
                       r"(?:met|meet|meetings?|talks|summit|negotiations|conference|(?:held|hold)\s+(?:\w+\s+)?talks)\b",
                       re.IGNORECASE)


#: being somewhere, told by the verb "to be": "I was in Kyiv", "the ministers were in Ankara"
_WAS_IN = re.compile(r"\b(?=\w)(?:was|were|am|is|are|been)\s+in\s+(?:the\s+)?$", re.IGNORECASE)
#: ... and the meeting held there, in a relative clause of the place: "was in Kyiv, where I met President Zelensky"
#: (not "was in Mayadin for talks": a convoy there for talks held none)
_WHERE_MET = re.compile(_STAY + r"\s*,\s*where\s+(?:\w+\s+){1,3}?(?:met|held\s+(?:\w+\s+)?talks)\b", re.IGNORECASE)


#: a place's days, then a relative clause of the place: "Doha on Monday, where", "Kinshasa November 3-4, where"
_DAY_THEN_WHERE = re.compile(_STAY + r"\s*,\s*where\b", re.IGNORECASE)


def went_to_meet(text: str, start: int, end: int) -> bool:
    """Whether the place at ``start``..``end`` is where people went or gathered for the meeting told next
    ("ministers gathered in Brussels for a meeting", "visited Kyiv, where she met the President"), or were when
    they met ("I was in Kyiv, where I met President Zelensky"): its venue, told before the meeting word."""
    return _BEEN_AT.search(text, max(0, start - 40), start) is not None and _THEN_MET.match(text, end) is not None \
        or _WAS_IN.search(text, max(0, start - 20), start) is not None and _WHERE_MET.match(text, end) is not None


VENUE_NOUN = re.compile(r"\s+(?:peace\s+)?(?:talks|summit|meeting|negotiations|conference)\b", re.IGNORECASE)
NEAR = re.compile(r"\b(?=\w)(?:near|outside|outskirts of|close to|on the edge of|around|suburbs? of|district of)\s+(?:the\s+)?$",
                   re.IGNORECASE)
_WATER = re.compile(r"\b(?=\w)(?:Sea|Strait|Gulf|Bay|Ocean|Lake|River)\b")
#: "KYIV, Ukraine -", "RAMALLAH:", "KYIV —", "GAZA CITY (AP) —": where the story was filed; at the
#: very start of the body also "Ouagadougou: Gunmen killed ..."
# (towns joined by a slash: "Kadugli / El Obeid – ...")
_LEAD_DATELINE = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?(?:\s*/\s*[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)*"
                            r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
                            # "Ouagadougou: Gunmen ...", "Mogadishu (Caasimada Online) – Al-Shabab ...", "Kyiv - Russian ..."
                            r"(?:\s*:|\s*\([^)]{1,40}\)\s*[-—–:,]{1,2}|\s+[-—–]{1,2})\s+[A-Z]"
                            # "Sanaa, Jan 14 Dozens of fighters ...", "Kabul, May 5 (Reuters) - ..."
                            r"|^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                            r"\s+\d{1,2}\b"
                            # the town in parentheses: "(Mandalay) – The UN said ..."
                            r"|^\([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?\)\s*[-—–:]{1,2}\s+[A-Z]")
# (two filing towns joined by a slash: "NEW DELHI/ISLAMABAD, May 7 -")
# (an agency's name closed by a semicolon: "RAWALPINDI (APP); Security forces ...")
_DATELINE = re.compile(r"^[A-Z][A-Z .'’/-]*[A-Z](?:\s*\([^)]{1,40}\))?\s*(?:,|:|(?<=\));|[-—–]{1,2}\s)\s*")


def _region_label(place: Place, text: str, end: int) -> bool:
    """Whether a first-level region opening a paragraph before a colon or a dash labels the paragraph's events
    ("Zaporizhzhia Oblast: Russian troops launched 480 attacks on 14 settlements", "Kharkiv region — shelling
    again."): a story is filed from a town, so a region so placed is no dateline."""
    return place.kind == "admin1" and _LABEL_MARK.match(text, end) is not None


#: what closes a paragraph's label: a colon, or a dash set off by spaces ("Kharkiv region — shelling again.")
_LABEL_MARK = re.compile(r"(?:\s+(?:region|oblast|province|state|governorate))?(?::|\s+[\u2013\u2014-]\s)", re.IGNORECASE)


def _filed_from(clause: Clause, start: int, end: int, place: Place, lead: bool) -> bool:
    """Whether a place is a dateline's town, where the story was filed: the clause's first name before the
    dateline's comma, colon or dash ("KYIV, Nov 14 (Reuters) -", "Ouagadougou: Gunmen ..."), or a second town
    after a slash ("NEW DELHI/ISLAMABAD, May 7 -", "Kadugli / El Obeid –"); not a region labelling its paragraph
    ("Kherson Oblast: ...")."""
    text = clause.text
    if start == 0 or start == 1 and text[0] == "(":
        return not _region_label(place, text, end) and bool(
            _DATELINE.match(text) or clause.part == "body" and (clause.start == 0 or lead) and _LEAD_DATELINE.match(text))
    if not text[max(0, start - 3):start].rstrip().endswith("/"):
        return False
    filed = _DATELINE.match(text) or clause.part == "body" and (clause.start == 0 or lead) and _LEAD_DATELINE.match(text)
    return bool(filed) and end <= filed.end()


# "Kiev forces", "Kiev's troops", "Moscow's aggression": a seat of government standing for its side.
_FORCES = re.compile(r"(?:['’]s?)?\s+(?:armed\s+forces|forces|troops|military|army|regime|militants|aggression|fighters"
                     r"|militias?|militiamen|rebels|insurgents"
                     r"|servicemen|soldiers|command|side)\b", re.IGNORECASE)
# "Kiev's shelling of east Ukraine": the possessor is the attacker, the object the scene.
# (past words of degree and kind: "in Tehran's first direct military attack on Israel")
_ATTACKER = re.compile(r"['’]s?\s+(?:[a-z-]+\s+){0,3}?(?:shelling|attacks?|strikes?|bombing|offensive|assault|raids?"
                       r"|invasion|incursion|bombardment)\s+(?:of|on|against|into)\b", re.IGNORECASE)
# a clock's time zone named by a town: "at 11:45 p.m. (Sanaa time)", "at 04:00 Kyiv time"
_TIME_ZONE = re.compile(r"\s+time\b", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*\(?\s*$", re.IGNORECASE)
# A headline's attribution after a colon or dash: "Three soldiers killed in east: Kiev military".
_ATTRIBUTION = re.compile(r"(?:\s+(?:military|officials?|government|army|says|said|sources?|reports?|governor|mayor))*"
                          r"[\s.!?\"”']*$", re.IGNORECASE)
# names listed before a place: "from Kursk, Bryansk and", "operating inside Syria and"
_NAMES_BEFORE = r"(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?:,\s*|\s+and\s+|\s+or\s+))*$"
# (or a named part of it: "the Bwito Chiefdom of Rutshuru Territory", "the Tongo groupement of Rutshuru")
_OF_REGION = re.compile(r"\b(?=\w)(?:residents|civilians|people|villages|settlements|towns|cities|areas|parts|outskirts|regions?"
                        r"|provinces?"
                        r"|districts|communities|area|part|district|chiefdom|groupement|sector|neighbou?rhoods?"
                        r"|village|commune|locality|municipality|sub-?district|quarter|suburbs?|county|raion"
                        r"|township|departments?|prefectures?|governorates?|oblasts?|states?|divisions?|territory|territories)"
                        # and the names listed after it: "the territories of Rutshuru and Masisi"
                        r"\s+of\s+(?:the\s+)?(?-i:" + _NAMES_BEFORE.removesuffix("$") + ")$", re.IGNORECASE)
#: what a meeting is about, not where it is held: "a meeting on the situation in Sudan", "talks about the war
#: in Ukraine", "the Security Council meeting on the humanitarian situation in Gaza"
_TOPIC = re.compile(r"\b(?=\w)(?:on|about|over|regarding|concerning|discuss(?:ed|es|ing)?)\s+the\s+(?:[\w-]+\s+){0,2}"
                    r"(?:situation|war|conflict|crisis|escalation|developments|events|hostilities)\s+(?:(?:in|around)\s+"
                    r"(?:the\s+)?"
                    # "a meeting on the situation at the front: Bakhmut, Avdiivka, Marinka"
                    r"|(?:at|on|along)\s+the\s+(?:front(?:[\s-]?lines?)?|frontlines?|border|battlefield)\s*[:\u2013\u2014-]\s*)"
                    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?:,\s*(?:and\s+)?|\s+and\s+))*$")
#: where the dead were buried or mourned is not where they died
_BURIED = lx.Prefiltered(re.compile(r"\b(?=\w)(?:buried|laid\s+to\s+rest|interred|funerals?\s+(?:(?:was|were|is|are)\s+)?held)"
                                    r"\s+(?:[\w-]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE))
# Where someone spoke or visited is not where the event happened: "Zelensky, speaking in Kyiv, said ..."
# where words were said needs its "in" or "at" ("said in Kyiv", "told reporters at the Pentagon"): right after
# "said" a place opens what was said (:data:`_SAID_THAT`)
_SPEECH_VENUE = lx.Prefiltered(re.compile(r"\b(?=\w)(?:(?:speaking|spoke|said|told\s+(?:reporters|journalists|parliament)|addressing\s+\w+"
                                          r"|remarks|(?:press|news)\s+conference|briefing|interview|statement(?:\s+issued)?)"
                                          r"\s+(?:\w+\s+)?(?:in|at)\s+"
                                          r"|(?:(?:visit|trip)\s+to|(?:the\s+)?(?:name|spelling)(?:\s+of)?|calls?|called|known\s+as|renamed"
                                          r"|visiting)\s+(?:\w+\s+)?(?:(?:in|at)\s+)?)(?:the\s+)?$", re.IGNORECASE))
# A place right after "said" is the subject of what was said: the scene when the event word comes next, told of it
# ("officials said Kharkiv was hit", "the governor said the Kharkiv region was shelled", "police said the Quetta
# railway station bombing killed 26"), else an agent, mostly a capital standing for its government ("the Kremlin
# said Kyiv was responsible for the attack", "said Washington had condemned the strike")
_SAID_THAT = re.compile(r"\b(?=\w)(?:said|says|told\s+(?:\w+\s+){0,2}?(?:reporters|journalists|parliament|lawmakers))"
                        r"\s+(?:that\s+)?(?:the\s+)?$", re.IGNORECASE)
_AUX = r"(?:was|were|is|are|(?:has|have|had)\s+been|came|comes|come)"
_SUBJECT_TOLD = re.compile(rf"(?:(?:\s+(?!(?:{_AUX}|had|has|have|would|will|could|can|should|may|might|must|did|does"
                           rf"|do)\b)[a-z-]+){{0,2}})\s+(?P<aux>{_AUX}\s+(?:\w+ly\s+)?(?:under\s+)?)?(?=\S)")
#: an event word that is a verb in the past: right after a place with no auxiliary, the place is its subject
#: ("Moscow said Kyiv attacked Kursk")
_ACTIVE = re.compile(r"\w+ed|struck|hit|fought|shot|overran|retook|seized", re.IGNORECASE)
# A relative clause that says where something lies: "a target that lies close to the highway out of Goma".
# (with a distance and a bearing the place is moved there instead: "all of which are located around 30 km
# south of Odesa")
_LIES_NEAR = lx.Prefiltered(re.compile(r"\b(?=\w)(?:that|which)\s+(?:lies|lie|lay|is\s+located|are\s+located|sits|stands)\b"
                                       r"(?:(?!\d+\s*(?:km|kilomet\w*|miles?)\b)[^.;:]){0,80}$", re.IGNORECASE))
# A person's home town in apposition: "Sepoy Ali, a resident of Sargodha", "a native of Kandahar".
_RESIDENT_OF = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:resident|native|inhabitant)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# A speaker's post at an institution in apposition: "Alex de Waal, executive director of the World Peace
# Foundation at Tufts University", "Jane Doe, a senior fellow at the Kyiv School of Economics".
# a seat in a legislature: "a House member representing Anka/Talata Mafara", "the senator for Borno South", "MP for
# Kharkiv", "who represents Bakura constituency" (the place sent the member; nothing happened there)
_REPRESENTS = lx.Prefiltered(re.compile(r"\b(?=\w)(?:represent(?:s|ed|ing)|(?:MPs?|senators?|lawmakers?|legislators?|deputy|deputies"
                                        r"|congress(?:man|woman))\s+for)\s+(?:the\s+)?(?:people\s+of\s+)?"
                                        r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*/\s*)?$"))
_AFFILIATION = re.compile(r",\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,3}?(?:director|professor|lecturer|researcher|fellow"
                          r"|analyst|expert|scholar|dean)\s+(?:(?:of|at|for|with)\s+[^,;()]{0,80}?\s+)?(?:at|of|with|in)\s+"
                          r"(?:the\s+)?$", re.IGNORECASE)
# A news outlet named after its noun: "the Telegram channels Baza and Astra reported", "the news agency Mehr",
# "according to the newspaper Kommersant" (a channel or paper that shares a village's name is no scene)
_OUTLET = lx.Prefiltered(re.compile(r"\b(?=\w)(?:channels?|news\s+(?:agency|agencies|site|sites|outlets?|portal)|newspapers?|(?:daily|weekly)"
                                    r"\s+newspaper|outlets?|broadcasters?|dailies|tabloids?|magazines?|websites?|blogs?|podcasts?)\s+"
                                    + _NAMES_BEFORE))
# Where a speaker addressed the press: "Speaking to local media in the capital Mogadishu, the army chief ..."
# ... or told a news outlet: "a witness told Reuters in Goma", "confirmed the attacks to The Punch in Jos"
_SPOKE_IN = lx.Prefiltered(re.compile(r"\b(?=\w)(?:(?:speaking|spoke)\s+(?:to\s+|with\s+)?(?:[\w-]+\s+){0,4}?"
                                      r"|(?:told|tells|telling)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w’'.-]*\s+){1,3}"
                                      r"|(?:said|says|confirmed|confirms|explained|described\s+(?:[\w-]+\s+){0,3}?)\s+"
                                      r"(?:(?:the\s+)?[\w-]+\s+){0,3}?to\s+(?:the\s+)?(?:(?-i:[A-Z])[\w’'.-]*\s+){1,3})"
                                      r"(?:in|at|from)\s+(?:the\s+)?"
                                      r"(?:capital\s+(?:city\s+)?(?:of\s+)?)?$", re.IGNORECASE))
# Venues of other days: "after earlier rounds in Riyadh and Jeddah".
_OTHER_DAYS = lx.Prefiltered(re.compile(r"\b(?=\w)(?:earlier|previous|prior|past|former)\s+(?:\w+\s+){0,2}?(?:rounds?|talks|meetings?|summits?"
                                        r"|negotiations|visits?)\s+(?:\w+\s+){0,2}?(?:in|at)\s+(?:(?:the\s+)?\w+(?:,|\s+and)\s+)*(?:the\s+)?$",
                                        re.IGNORECASE))
# the venue and the parties of an accord told as a participle phrase after it: "the deal signed in Jeddah last
# week", "the truce agreed in Istanbul", "the plan agreed between Kinshasa and Kigali on 9 February in Nairobi":
# where the accord was made and who made it, not where the clause's fighting is (the words between may name the
# parties and the day, no verb: "the deal reached on Monday ended the shelling in Kherson" keeps Kherson)
_ACCORD_VENUE = lx.Prefiltered(re.compile(rf"\b(?=\w)(?:{lx.ACCORD_NOUNS})(?:\s+(?:that|which)\s+(?:was|were|had\s+been|has\s+been))?"
                                          rf"\s+(?:\w+ly\s+)?(?:{lx.ACCORD_VERBS}){lx.ACCORD_GAP}\s+(?:in|at|between|by|with|among|and)\s+(?:the\s+)?$",
                                          re.IGNORECASE))
# "the worst attack since Russia's invasion of Ukraine", "since the start of the war in Sudan": a
# place in the phrase that dates the war is no scene of the clause's event
_SINCE_THE_WAR = lx.Prefiltered(re.compile(r"\b(?=\w)since\s+(?:(?!\b(?:when|and|but|while)\b)[^,;.()]){0,60}?\b(?:invasion|war|conflict"
                                           r"|escalation|outbreak|hostilities)\s+(?:of|on|in|against|with)\s+(?:the\s+)?$",
                                           re.IGNORECASE))
# "Kharkiv's Kyivskyi district": a district of the town before it, not a place of its own.
# "the Shevchenkivskyi and Slobidskyi districts of the city": parts of the town the text named before
_OF_THE_CITY = re.compile(rf"\s+(?:district|{lx.QUARTER_WORDS})s?\s+of\s+the\s+(?:city|town|capital)\b",
                          re.IGNORECASE)
#: a district's name in the adjectival form Slavic districts take ("Kyivskyi", "Leninsky"), not a town's own name
_ADJECTIVAL = re.compile(r"(?:s[kc]yi|s[kc]yy|s[kc]iy|s[kc]y|s[kc]ii|s[kc]oy|s[kc]ij|ivs[kc]a)$", re.IGNORECASE)
_DISTRICT_AFTER = re.compile(rf"\s+(?:district|raion|{lx.QUARTER_WORDS})\b", re.IGNORECASE)
# "launched from Russia's Kursk and Oryol regions": origins past possessives, modifiers and lists
_ORIGIN = lx.Prefiltered(re.compile(r"\b(?=\w)from\s+(?:(?:over|above|inside|within|off)\s+)?(?:the\s+)?(?:(?:area|region|direction|territory|side|coast)\s+of\s+(?:the\s+)?"
                                    # "pilgrims from the northern Serbian city of Novi Sad"
                                    r"|(?:[\w-]+\s+){0,3}?(?:city|town|village|port|settlement)\s+of\s+)?(?:(?:[A-Z][\w’'-]+['’]s|occupied|Russian-occupied|neighbou?ring|nearby)\s+)*"
                                    + _NAMES_BEFORE))
#: a region as the subject of what it suffered ("Sumy Oblast was shelled", "Chernihiv, Sumy and
#: Zaporizhzhia oblasts also came under attack", "the Kherson region came under heavy fire")
_UNDERGOES = re.compile(r"(?:\s+(?:oblasts?|regions?|provinces?|governorates?|states?|districts?))?\s+"
                        r"(?:(?:also|again|reportedly|repeatedly|once again)\s+)?"
                        r"(?:(?:came|comes|has\s+come|have\s+come)\s+under\b"
                        r"|(?:was|were|has\s+been|have\s+been|had\s+been|is\s+being|are\s+being)\s+"
                        r"(?:\w+ly\s+)?(?:hit|struck|shelled|attacked|targeted|bombed|bombarded|pounded|shot))",
                        re.IGNORECASE)
_NEXT_LISTED = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?")
#: "annexed" as an adjective of the place right after it ("in annexed Crimea", "Russian-annexed
#: Sevastopol") describes the place; it claims nothing
_ANNEXED_BEFORE = lx.Prefiltered(re.compile(r"(?:-|\b(?:the|in|on|of|at|over|into|to|near|across|from)\s+)(annexed\s+)$",
                                            re.IGNORECASE))


def _claimed(text: str, start: int) -> bool:
    """Whether the place at ``start`` is the object of a political claim ("demands that Kyiv cede
    Donetsk"): a claim word before it in its own clause, past no subordinate clause ("withdraw
    from Zaporizhzhia as shelling hit Kherson": Kherson is the scene) and not an adjective "annexed"
    right before the place (see _ANNEXED_BEFORE)."""
    left = text[max(0, start - 80):start]
    m = _ANNEXED_BEFORE.search(left)
    if m:
        left = left[:m.start(1)]
    if lx.CLAIMS.search(left) is None:
        return False  # most places: no claim word before them
    rx, src = lx.CLAUSE_BOUNDARY.pick(left, left.lower())
    cut = 0
    for b in rx.finditer(src):
        if b.lastgroup == "w":
            cut = b.end()
    return lx.CLAIMS.search(left, cut) is not None


def _list_end(text: str, end: int) -> int:
    """The end of the list of names a place opens or continues ("Chernihiv, Sumy, and Zaporizhzhia")."""
    while (m := _NEXT_LISTED.match(text, end)) is not None:
        end = m.end()
    return end


#: "rockets streaked out of Gaza": where strikes come out of is their origin (troops driven out of a
#: town fought there)
_OUT_OF = re.compile(r"\b(?=\w)out\s+of\s+(?:the\s+)?$")
_FIRED = frozenset({"missile_strike", "drone_strike", "air_strike", "shelling"})
# an organisation named after a place is not the place
# (up to three capitalised words may come between: "the Warsaw Human Dimension Conference")
_ORG_AFTER = re.compile(r"(?:[\s-]+(?:[A-Z][\w'’-]+\s+){0,3}?(?:Conference|Summit|Dialogue|Security Forum)"
                        r"|[\s-]+(?:Institute|University|Institut|Foundation|Council|Club|Academy|Center|Centre|School"
                        r"|Agreements?|Accords?|Format|Declaration|Protocol|Process|Convention|Group|Forum|Final Act"
                        r"|Charter|Memorandum|Treaty|Communiqu[eé]|Principles|Document|Consensus|Plan|Initiative)"
                        # a process named after where it began: "the Astana format", "the Minsk agreements",
                        # "the Astana troika summit" (held in Tehran)
                        r"|\s+(?:format|process|agreements|accords|troika)"
                        # a political party named like a place: "a rally of the Morena party"
                        r"|\s+(?:[Pp]arty|[Pp]arties)(?![\w-])"
                        # a firearm named after a place or a maker: "a Sten gun", "an Enfield rifle" (not "a Kabul gun
                        # attack", "Gaza gunfire")
                        r"|\s+(?:(?:sub-?)?machine[ -])?(?:guns?|rifles?|pistols?|carbines?|revolvers?)(?![\w-])"
                        r"(?!\s+(?:attacks?|battles?|fights?|violence|crimes?|shops?|laws?|control|salutes?|shots?)\b))")
# a document or body named "of" a place: "the Charter of Paris", "the Treaty of Lisbon", "the
# Armed Forces of Ukraine", "the Government of Sudan"
_ORG_BEFORE = lx.Prefiltered(re.compile(r"\b(?=\w)(?:Charter|Treaty|Declaration|Memorandum|Congress|Peace|Statute|Convention|Protocol|Accords?"
                                        r"|Agreement|Forces|Army|Navy|Air Force|Guard|Government|Ministry|Minister|President|Embassy"
                                        r"|Parliament|Mission|Ambassador|Envoy|Cabinet|Authority|Authorities)\s+of\s+(?:the\s+)?$"))
# the head nouns of sites named after their town, a few capitalised words on
_SITE_HEAD = frozenset("""plant plants works factory terminal depot refinery mine shipyard pier harbour harbor seaport
port airport airfield airbase base station substation dam bridge mall centre center market school university college
academy hospital clinic cathedral church mosque monastery stadium theatre theater museum hotel tower building complex
warehouse crossing checkpoint camp prison barracks headquarters""".split())
# words after a place name that keep it a place: region and settlement words, offices and
# bodies of the place ("Kharkiv Governor", "Odesa Regional Military Administration"), sites in it
_PLACE_HEAD = _SITE_HEAD | frozenset("""oblast oblasts region regions province provinces governorate governorates
district districts county counties city town village villages raion krai state states strip territory territories municipality
hromada community neighbourhood neighborhood quarter suburb suburbs outskirts area areas valley
department departments prefecture locality commune chiefdom groupement lga
coast island islands peninsula border front direction sector axis frontline governor governors mayor
mayors regional military administration administrations council councils police authorities
officials residents region's square street road highway railway international central north south
east west northern southern eastern western upper lower old new greater people people's republic
autonomous""".split())
_CAPITAL_RUN = re.compile(r"(?:\s+[A-Z][\w'’-]*){1,4}(?:\s+[a-z]+)?")  # and the head noun after it
_INITIAL_BEFORE = re.compile(r"(?<![\w.])[A-Z]\.\s+$")
_SUFFIX_AFTER = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\b")
_NEXT_CAPITAL = re.compile(r" ([A-Z][a-z][\w'’-]*)")
_TITLE_WORD = re.compile(r"\b(?=\w)[A-Z]")


def in_proper_name(text: str, start: int, end: int, starts: set[int], article: str) -> bool:
    """Whether the place at ``text[start:end]`` is part of a person's or an organisation's
    name: after an initial or before a generational suffix ("Lloyd J. Austin III"), or
    opening a longer name ("Vladimir Putin", "Jackson Smith", "the Kyiv Independent"): the
    next word is capitalised inside the sentence, opens no place name (``starts``), is none
    of the words that keep the name a place (:data:`_PLACE_HEAD`) and never appears in lower
    case in the ``article``.  Title-case lines are left alone ("Drones Hit Kyiv Overnight")."""
    if _INITIAL_BEFORE.search(text, max(0, start - 4), start) or _SUFFIX_AFTER.match(text, end):
        return True
    m = _NEXT_CAPITAL.match(text, end)
    if m is None or m.start(1) in starts or m.group(1).lower() in _PLACE_HEAD:
        return False
    run = _CAPITAL_RUN.match(text, end)
    if run and any(w.lower() in _SITE_HEAD for w in run.group().split()):
        return False  # "the Kharkiv Tractor Plant", "the Izmail Grain Terminal": a site in the town
    line_start = text.rfind("\n", 0, end) + 1
    line_end = text.find("\n", end)
    words = text[line_start:line_end if line_end >= 0 else len(text)].split()
    if len(words) < 4 or len(_TITLE_WORD.findall(" ".join(words))) > 0.5 * len(words):
        return False
    return not _lower_case_in(article, _POSSESSIVE_END.sub("", m.group(1)).lower())


def _lower_case_in(text: str, word: str) -> bool:
    """Whether ``word`` (lower case) stands as a whole word in ``text`` (str.find: no regex
    compiled per word, linear in the text)."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "-")) \
                and (j == len(text) or not (text[j].isalnum() or text[j] == "-")):
            return True
        i = text.find(word, i + 1)
    return False


_POSSESSIVE_END = re.compile(r"['’]s?$")
# a region's own village or township: "Sagaing Region's Depayin township" (the region locates
# it; a known town there makes the region a container, dropped later)
_POSSESSED_PLACE = re.compile(r"['’]s?\s+(?:(?:[A-Z][\w’'-]+\s+){1,2}(?:township|town|village|district|commune|camp"
                              r"|neighbou?rhood|municipality|hromada|locality|county|city)"
                              # "drones violated Poland's airspace": over Poland
                              r"|(?:sovereign\s+)?air\s?space"
                              # "drones hit Ukraine's east": in that part of it (not "Ukraine's eastern
                              # Donetsk region": the name after is the place)
                              rf"|(?:{COMPASS})(?:ern)?(?![ -]+(?:[a-z]+ )?[A-Z]))\b")
# a country's airspace is the country, whatever verb governs it: "drones entered Polish airspace"
_AIRSPACE_AFTER = re.compile(r"(?:['’]s?)?(?:\s+and\s+NATO)?\s+(?:sovereign\s+)?air\s?space\b")
# a street named after a town is in another town: "Kherson Street in Donetsk"
_STREET_AFTER = re.compile(r"\s+(?:Street|Avenue|Boulevard|Lane|Prospekt|Prospect|Road)\b")
# a side's armed forces named "of" it: "the militaries of the United States and the United Kingdom"
_FORCES_OF = lx.Prefiltered(re.compile(r"\b(?=\w)(?:militar(?:y|ies)|armed\s+forces|navy|navies|air\s+forces?)\s+of\s+(?:the\s+)?$",
                                       re.IGNORECASE))
# a named war or crisis: "during the Gaza war", "the Ukraine crisis" (the war is no scene of one event)
_WAR_NAME = re.compile(r"[\s-]+(?:civil\s+)?(?:war|wars|conflict|crisis)\b", re.IGNORECASE)
# presence, not an event: "militias operating inside Syria", "troops stationed in Iraq"; where people
# fled from ("people fleeing Mariupol"); a comparison ("200 km farther than Tehran")
_PRESENCE = lx.Prefiltered(re.compile(r"\b(?=\w)(?:operat(?:e|es|ing)|based|stationed|deployed|present|presence|headquartered|living|lived"
                                      # the verb, not the noun: "claimed 19 lives in Konduga", "the lives of" are deaths there
                                      r"|(?<!\d\s)(?<!\bmany\s)(?<!\bthe\s)(?<!\btheir\s)(?<!\bof\s)(?<!\bclaimed\s)(?<!\bclaims\s)lives"
                                      r"|fle(?:e|es|eing|d)\s+(?:from\s+)?|escap(?:e|es|ed|ing)\s+(?:from\s+)?|than)\s+"
                                      r"(?:(?:in|inside|within|across|out\s+of)\s+)?(?:the\s+)?"
                                      r"(?:(?:north|south|east|west|central)(?:ern)?\s+)?"
                                      + _NAMES_BEFORE))
# a person placed by a role ("X, a senior leader in Gaza", "our envoy in Kyiv"): who, not where (local
# officials are not among them: "officials in the Kyiv region reported drone attacks" there)
# only in apposition or after a possessive: "killed a commander in Kherson" is a killing there
_PERSON_IN = lx.Prefiltered(re.compile(r"(?:,\s+(?:a|an|the)|\b(?:my|our|his|her|their|its)|(?-i:[A-Z])[\w-]*['’]s?)\s+(?:[\w-]+\s+){0,2}?"
                                       r"(?:leaders?|commanders?|envoys?|ambassadors?|correspondents?|journalists?|diplomats?"
                                       r"|delegations?|counterparts?|members?)"
                                       r"\s+(?:(?:in|at|from|based\s+in)\s+)(?:the\s+)?$", re.IGNORECASE))
# where someone was when they spoke or acted: "Zelensky, who was in Washington on Thursday, said ...", "while in Riyadh"
_WHEREABOUTS = re.compile(r"\b(?=\w)(?:(?:who|which)\s+(?:was|is|were|are|had\s+been|has\s+been)\s+(?:still\s+|then\s+|also\s+)?"
                          r"|while\s+"
                          # someone named ("while Governor Ruiz was in Mexico City"): the victims' own whereabouts
                          # ("killed while they were in Bakhmut", "while Ukrainian troops were in Kherson") are the scene
                          r"(?:(?:(?-i:[A-Z])[\w.'’-]*|of|the)\s+){1,7}?was\s+(?:still\s+|then\s+|also\s+)?"
                          r"|while\s+)(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)
# a place that does the deed to another: "Kyiv shelled Donetsk", "Moscow struck Kharkiv overnight" (a capital standing for
# its government, the subject of an active event verb with its object; "Kharkiv shelled overnight" is a headline's passive)
_ACTS_ON = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:shelled|struck|attacked|bombed|hit|targeted|raided|invaded)"
                      r"\s+(?:the\s+|a\s+|an\s+|its\s+|\d|(?-i:[A-Z])"
                      # or a count of objects: "Kyiv has hit several Russian energy sites"
                      r"|(?:several|many|multiple|numerous|dozens|scores|hundreds|some|two|three|four|five|six|seven"
                      r"|eight|nine|ten|at\s+least|more\s+than)\s+(?!times\b))", re.IGNORECASE)
# the venue of a meeting with the person: "met his counterpart in Ankara"
_MET_IN = re.compile(r"\b(?=\w)met\s+(?:with\s+)?(?:his|her|their|the)\s+(?:[\w-]+\s+){0,2}?counterparts?\s+(?:in|at)\s+"
                     r"(?:the\s+)?$",
                     re.IGNORECASE)
# ... or told by the people there who meet: "the Ukrainian delegation in Istanbul met with representatives of Germany"
MEETS_AFTER = re.compile(r",?\s+(?:(?:also|then|later|again)\s+)?(?:met|meets|held\s+talks|holds\s+talks|conferred)\b")
# a Wikipedia infobox line naming the wider war ("Part of the Russo-Ukrainian war")
_PART_OF = re.compile(r"^\s*Part of\b")
# the ends of a route: "the Warsaw-Lublin railway line", "the Kyiv-Odesa highway"
_ROUTE_NOUN = (r"(?:railway|rail|railroad|line|road|highway|motorway|pipeline|route|train|corridor|border crossing"
               r"|direction|axis)")
_ROUTE = re.compile(rf"[-–][A-Z][\w’'-]*\s+{_ROUTE_NOUN}\b")
_ROUTE_END = re.compile(r"\b(?=\w)[A-Z][\w’']*[-–]$")
# where people fled to is not where the event happened
_DISPLACED = lx.Prefiltered(re.compile(r"\b(?=\w)(?:fle(?:e|es|eing|d)|displaced|evacuat\w+|escap\w+|relocat\w+|withdr[ae]wn?|withdrawing"
                                       # movements of people named as nouns: "triggering further mass migrations into Blue Nile"
                                       r"|migrations?|displacements?|exodus|influx(?:es)?|arrivals?"
                                       r"|retreat\w*|pull(?:ed|ing)\s+back)\s+(?:[\w,’'-]+\s+){0,4}?"
                                       r"(?:to|towards?|into|for)\s+(?:the\s+)?"
                                       # "to sites near Goma", "to camps in Kassala": where the sites they reached lie
                                       r"(?:(?:[\w-]+\s+){0,2}?(?:sites?|camps?|shelters?|settlements?|areas?|locations?|communities)\s+"
                                       r"(?:near|around|in|outside|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?)?"
                                       # "fleeing to nearby locations such as Kibirizi, Kirima and ..."
                                       r"(?:(?:\w+\s+){0,3}(?:such\s+as|including|like)\s+"
                                       r"(?:[^\s,;.]+(?:\s+[^\s,;.]+){0,3}(?:,\s*|\s+and\s+|\s+or\s+))*)?"
                                       # the country or region the destination lies in: "fled to Gambella region in Ethiopia"
                                       r"(?:(?-i:[A-Z])[\w’'-]+(?:\s+[\w’'-]+){0,2}?,?\s+in\s+(?:the\s+)?)?$",
                                       re.IGNORECASE))
# where travellers come back from, not where what befell them happened: "pilgrims returning from the Arba'in
# pilgrimage in Karbala", "workers travelling home from Odesa" (not "fleeing from shelling in X": the shelling's place)
_RETURNING_FROM = lx.Prefiltered(re.compile(r"\b(?=\w)(?:return(?:ing|ed|s)?|com(?:ing|e|es)\s+back|travell?(?:ing|ed)\s+(?:\w+\s+)?"
                                            r"|journey(?:ing|ed)\s+(?:\w+\s+)?|on\s+(?:their|his|her|the)\s+way\s+(?:back|home))\s+from\s+"
                                            r"(?:[^\s,;.:()]+\s+){0,6}?(?:in|at)?\s*(?:the\s+)?$", re.IGNORECASE))
# where the casualties were taken, not where they were hurt: "19 seriously injured victims were taken to Borno
# State capital, Maiduguri", "treated at the Al-Aqsa hospital in Deir al-Balah"
_TREATED = lx.Prefiltered(re.compile(r"\b(?=\w)(?:taken|rushed|transported|transferred|brought|admitted|airlifted|referred|treated)\s+"
                                     r"(?:\w+\s+){0,2}?(?:to|into|at|in)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,4}?"
                                     r"(?:(?:capital|hospital|clinic|city|town|medical\s+(?:centre|center|complex)),?\s+(?:of\s+|in\s+)?)?$",
                                     re.IGNORECASE))
# ... and a hospital so described after it: "Records at Nasser Hospital, where the dead and wounded were taken"
# (a town so described is where they were hurt: "killed two in Kherson, where the wounded were taken to hospital")
_WHERE_TAKEN = re.compile(r",\s*where\s+(?:the\s+)?(?:dead|wounded|injured|bodies|casualties|victims|patients)"
                          r"(?:\s+and\s+(?:the\s+)?\w+)?\s+(?:were|was|had\s+been|have\s+been)\s+(?:taken|brought|rushed"
                          r"|transported|transferred|treated|admitted)\b", re.IGNORECASE)
# where the displaced arrived: "people fleeing fighting in X reached Y", "sought refuge in Y"
_ARRIVED = lx.Prefiltered(re.compile(r"\b(?=\w)(?:fle(?:e|es|eing|d)|displaced|evacu\w+|IDPs|refugees|escap\w+)\b[^.;:]{0,90}?\b"
                                     r"(?:arriv(?:ed|ing|es?)\s+(?:in|at)|reach(?:ed|ing|es)?"
                                     r"|(?:sought|seeking|seek|took|taking|take|found|finding)\s+(?:shelter|refuge|safety)\s+(?:in|at)"
                                     # "people displaced by fighting are sheltering in Kassala": where they stay
                                     r"|(?:sheltering|sheltered|staying|stayed|hosted|accommodated|housed)\s+(?:in|at)"
                                     # "fled ... to the provincial capital, Goma": a destination in apposition
                                     r"|to\s+the\s+(?:[\w-]+\s+){0,3}(?:capital|centre|center|city|town|hub),)"
                                     # "arrived at his home in southern Borno's commercial hub of Biu"
                                     r"(?:\s+(?:his|her|their|a|the)\s+(?:[\w-]+\s+)?(?:home|house|family|relatives|camp|shelter)\s+(?:in|at))?"
                                     r"\s+(?:the\s+)?(?:(?:[a-z]+\s+)?[A-Z][\w’'-]+['’]s\s+(?:[\w-]+\s+){0,2}(?:hub|capital|city|town)\s+of\s+)?"
                                     r"(?:(?:city|town|village|camps?)\s+of\s+)?$", re.IGNORECASE))
# where people sought safety, whoever drove them there: "driving women and children to seek refuge in the nearby town
# of Managil", "residents took shelter in Kassala" (the verb itself says they went there from elsewhere)
_REFUGE = lx.Prefiltered(re.compile(r"\b(?=\w)(?:seek|seeks|seeking|sought|take|takes|taking|took|taken|find|finds|finding|found)"
                                    r"\s+(?:shelter|refuge|safety|sanctuary)\s+(?:in|at|near)\s+(?:the\s+)?"
                                    r"(?:(?:nearby|neighbouring|neighboring)\s+)?(?:(?:city|town|village|camps?|area)\s+of\s+)?$",
                                    re.IGNORECASE))
# a place as the host of people displaced from elsewhere: "Sennar, Sinja and Ad Dinder localities were already
# hosting about 286,000 displaced people", "Kassala hosts 20,000 people displaced by the fighting"
_HOSTS = re.compile(r"(?:\s+(?:localit(?:y|ies)|states?|towns?|city|cities|camps?|governorates?|districts?|provinces?|regions?))?"
                    r"(?:\s+(?:is|are|was|were|has|have|had|already|currently|also|now|still|been)){0,3}"
                    r"\s+(?:hosting|hosts?|hosted|sheltering|shelters|sheltered|receiving|receives|received|welcom(?:es|ed|ing))"
                    r"\s+(?:[\w,.’'-]+\s+){0,5}?(?:(?:newly\s+|internally\s+)?displaced|IDPs|refugees|evacuees|returnees"
                    r"|new\s+arrivals)\b", re.IGNORECASE)
# generic attack words that describe ground combat
GROUND = lx.Prefiltered(re.compile(r"\b(?=\w)(?:attack(?:ed|s|ing)?|advanc\w+|push(?:ed|ing)?)\s+(?:near|toward|towards|on\s+the\s+outskirts)\b"
                                    # a front's direction ("attacks in the Kupyansk direction"), not an order ("at the direction of
                                    # the President", "at President Biden's direction") nor a compass heading ("in every direction")
                                    r"|\b(?-i:[A-Z])[\w-]+(?<![’']s)\s+direction\b|\bground\s+(?:attacks?|operations?)\b|\boffensive\s+operations\b"
                                    # violence by people on the ground: "killed by Israeli forces", "shot by settlers"
                                    r"|\b(?:killed|shot|wounded|injured|attacked|abducted|destroyed|demolished)\s+by\s+(?:[\w-]+\s+){0,2}?"
                                    r"(?:forces|troops|soldiers|gunmen|settlers|police|militants|fighters|militiamen|snipers)\b"
                                    # ... told in the active: "Israeli security forces have killed 110 Palestinians" (with no weapon named;
                                    # a Ukrainian governor's "Russian forces killed three people" is shelling, and is typed as ground
                                    # fighting too: measured, one such line in the read pool against five right in the unseen one)
                                    r"|\b(?:forces|troops|soldiers|gunmen|settlers|police|militants|fighters|militiamen|snipers)\s+"
                                    r"(?:have\s+|has\s+|had\s+)?(?:reportedly\s+|allegedly\s+)?(?:killed|shot|wounded|injured|abducted)\b",
                                    re.IGNORECASE))
#: violence told by a means only people on the ground use: "shooting at civilians", "hacked to death", "raping
#: women and girls, and looting"
ON_FOOT_MEANS = lx.Prefiltered(re.compile(rf"\b(?=\w)(?:{lx.KILLED_BY_HAND}|shooting\s+(?:at|on)|opened\s+fire|sniper\s+fire"
                                          r"|gunfire|live\s+(?:ammunition|fire|rounds)|small[- ]arms\s+fire|machetes?|stabbed|looting|looted"
                                          r"|raping|raped)\b", re.IGNORECASE))
# a place as the subject of conducting attacks is the attacker (a capital standing for its
# side): "as Moscow presses its offensive", "Kyiv launched a wave of drones", "Tehran fires missiles"
_CONDUCTS = re.compile(r"\s+(?:presse[sd]|push(?:es|ed)|steps?\s+up|stepped\s+up|ramps?\s+up|ramped\s+up"
                       r"|intensifie[sd]|escalate[sd]|launch(?:es|ed)?|fire[sd]?|carrie[sd]\s+out|carries\s+out"
                       r"|conduct(?:s|ed)?|continue[sd]?|resume[sd]?|sen[dt]s?|use[sd]?|unleash(?:es|ed)?)"
                       r"\s+(?:its\s+|the\s+|a\s+|an\s+|new\s+|more\s+)?(?:\w+\s+){0,3}?"
                       r"(?:offensive|attacks?|strikes?|assaults?|campaign|bombardment|shelling|barrages?|waves?"
                       r"|drones?|missiles?|rockets?)\b", re.IGNORECASE)
_ACCORDING_TO = re.compile(r"\b(?=\w)according\s+to\b[^,;.:]*$", re.IGNORECASE)
# a place whose actions, aggression, forces or regime are meant stands for its state: "warned that Baku's
# actions could seriously disrupt the efforts", "Moscow's aggression"
_STATE_OWNS = re.compile(r"['’]s?\s+(?:[a-z]+\s+)?(?:actions?|aggression|policy|policies|regime|leadership"
                         # (not "Kyiv's government quarter": a part of the city)
                         r"|government(?!\s+(?:quarter|buildings?|district|headquarters|offices?|compound|house|complex))"
                         r"|decision|intentions?|provocations?|war\s+machine"
                         # an attempt is its author's: "stopped Kyiv's attempt to carry out a terrorist attack"
                         r"|attempts?(?=\s+to\b))\b")
# a place as the one accused, blamed, urged or warned stands for its government: "Yerevan accused Baku of
# systematically disseminating false information as cover for military attacks"
_ADDRESSED = re.compile(r"\b(?=\w)(?:accus(?:es|ed|ing)|blam(?:es|ed|ing)|urg(?:es|ed|ing)|warn(?:s|ed|ing)|called\s+on"
                        # the one told: "a resident told Xinhua by phone", "told Kyiv to withdraw"
                        r"|told|tells|telling"
                        r"|calls\s+on|calling\s+on|pressed|pressing|demanded\s+that|condemn(?:s|ed|ing))\s+$",
                        re.IGNORECASE)
_ATTRIBUTION_LEFT = re.compile(r"(?::|\s[-–—])\s*$")
#: a region's name describing a country after it ("the Caribbean nation", "the Gulf states"); group 1: "state(s)",
#: which also follows an admin-1 unit's own name ("Borno state", "Kachin State"), where it is the unit
_COUNTRY_NOUN = re.compile(r"\s+(?:island\s+)?(?:nations?|countr(?:y|ies)|kingdoms?|emirates?|monarch(?:y|ies)|(states?))"
                           r"(?:['’]s?)?\b", re.IGNORECASE)
#: a country named after the noun that describes it, in a locative phrase: "in the Gulf state of Qatar", "in the West
#: African nation of Mali" (the country's governing word is the locative before the noun)
_COUNTRY_APPOSED = re.compile(r"\b(?=\w)(?:in|at|into|across|inside|near|throughout|on)\s+the\s+(?:[\w-]+\s+){0,3}?"
                              r"(?:island\s+)?(?:nation|country|state|kingdom|emirate|monarchy|republic)\s+of\s+$", re.IGNORECASE)
#: an article opening the noun phrase of a name, past up to three modifiers ("the impoverished Caribbean")
_ARTICLE_BEFORE = re.compile(r"\b(?=\w)(?:the|a|an)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


# (the words between name the office: "Kyiv's regional governor", not "Kherson while the governor")
_NOT_OFFICE = (r"(?:while|as|and|but|or|when|after|before|until|because|though|although|the|a|an|where|which|who"
               r"|whose|with|to|by|for|of|in|on|at|from|that|this|its|their|his|her"
               # nor a verb and a count: "a bombing in Kabul killed two officials" (the officials were its victims)
               r"|[a-z]+ed|[a-z]+ing|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|dozens|hundreds"
               r"|scores|numerous|few|all|both|most|no)\s")
_SPEAKER = re.compile(r"['’]?s?\s+(?:(?:(?!" + _NOT_OFFICE + r")[a-z]+\s+){0,2}"
                      r"(?:officials?|ministry|authorities|police|spokes(?:man|woman)"
                      r"|media|governor|mayor|administration|agency|rescuers|medics|paramedics|doctors"
                      r"|civil\s+defen[cs]e|emergency\s+services)\b"
                      r"|says?|said|claims?|claimed|accuses?|accused|denies|denied|reports?|reported"
                      r"|warns?|warned|vows?|vowed|announces?|announced|urges?|urged|calls?|called|insists?"
                      r"|blames?|blamed|threatens?|threatened|demands?|demanded|rejects?|rejected|dismiss(?:es|ed)"
                      r"|condemns?|condemned|denounce[sd]?|decrie[sd]|decry|slam(?:s|med)|critici[sz]e[sd]?"
                      r"|responded|replied|welcomes?|welcomed|(?:has|have)\s+\w+ly\s+\w+ed)\b"
                      # a participle in the passive describes the place, it does not speak: "the attack on the
                      # Kursk Nuclear Power Plant reported by the IAEA"
                      r"(?!\s+by\b)",
                      re.IGNORECASE)


# subordinate or contrasting clauses with a predicate of their own ("as the militants continue to
# threaten shipping in the Red Sea", "while talks went on in Doha")
# ("killed a woman while harvesting olives in Faqua'a": a participle with no subject of its own
# tells what the victim was doing in the same event, at its scene)
# (the lookahead after the opening is the lead words' first letters, :data:`SUBCLAUSE_INITIALS`: most words are rejected
# at once, where re tried every lead word after each space; tests/test_regex_word_start.py checks them)
SUBCLAUSE_INITIALS = "abfituw"
_SUBCLAUSE = re.compile(r"(?:^|[,;]\s*|\s)(?=[abfituw])(?:(?<!well\s)(?<!such\s)(?<!so\s)(?<!same\s)as|while(?!\s+\w+ing\b)"
                        r"|whereas|because|although"
                        r"|though|but|amid|after|before|following|until"
                        # a relative clause set off by a comma describes the noun before it ("Kramatorsk,
                        # which has hosted the regional government of Donetsk Oblast since 2014")
                        r"|(?<=,\s)(?:which|who|whose)"
                        # a clause of its own people gathering or speaking, joined by ", and": "drones were shot down
                        # overnight, and European leaders gathered in Berlin to discuss more aid"
                        r"|(?<=,\s)and(?=\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}?\s+(?:gathered|convened|met|arrived"
                        r"|visited|travell?ed|spoke|discussed|pledged|urged|called)\b)"
                        # a purpose: "strikes ... as part of an effort to degrade Houthi ability to attack
                        # shipping in the Red Sea", "attacks in solidarity with Palestinians in Gaza"
                        r"|(?:in\s+an|as\s+part\s+of\s+(?:an|the|its|their))\s+(?:\w+\s+)?efforts?\s+to|in\s+order\s+to"
                        r"|in\s+solidarity\s+with|in\s+support\s+of)\s+(?!well\b|many\b|much\b|of\b|part\b|a\s+result\b|in\b|at\b|on\b|near\b"
                        r"|to\b|from\b)", re.IGNORECASE)
_SAME_ACTORS = re.compile(r"(?:they|he|she|we)\s"
                          # the target's own course: "missiles landed near the vessel as it traveled off the coast
                          # of the port city of Hodeida", "a ship was hit as it sailed through the Red Sea"
                          r"|(?:it|the\s+(?:ship|vessel|tanker|boat|convoy|train|bus))\s+(?:was\s+)?(?:travel+(?:ed|ing)"
                          r"|sail(?:ed|ing)|pass(?:ed|ing)|transit(?:ed|ing)|head(?:ed|ing)|mov(?:ed|ing))\b", re.IGNORECASE)
_TOOK_PLACE = re.compile(r"\b(?=\w)(?:took\s+place|happened|occurred)\s*$", re.IGNORECASE)
#: a gathering the clause's event struck, with no verb of its own: "gunned down the candidate after a rally in Quito",
#: "attacked worshippers during Friday prayers in Kano" (not "after the envoy arrived in Moscow", nor "after talks in
#: Doha": a meeting is no place people are attacked at)
_GATHERING = re.compile(r"\s*(?:a|an|the|his|her|their|its|Friday|Sunday|evening|morning)?\s*(?:[\w-]+\s+){0,2}?"
                        r"(?:rally|prayers?|service|mass|wedding|funeral|match|concert|festival|celebration|ceremony"
                        r"|procession|parade|vigil)\s+(?:in|at|near)\s", re.IGNORECASE)
#: a time apart before "after": another moment, so another place ("the strike came a day after a rally in Kyiv")
_APART_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(sorted(DAY_COUNTS, key=len, reverse=True))}|\d+|hours|days|weeks)\s+"
                           r"(?:days?|hours?|weeks?|minutes?|nights?)|\b(?:came|comes|come|just|shortly|soon))\s*$",
                           re.IGNORECASE)
_SUBCLAUSE_END = re.compile(r"[;.!?]|,\s+(?:as|while|and|but|which|who|where)\b", re.IGNORECASE)


def subclauses(text: str) -> tuple[list[int], list[int]]:
    """Where a clause's subordinate or contrasting clauses open (after their lead word) and
    where any of them may stop, each in text order (computed once per clause)."""
    leads = [m.end() for m in _SUBCLAUSE.finditer(text)
             # "were attacked as they entered Myin Thar village", "the attack took place after fighters went
             # into a village near Oicha": the circumstances of the clause's own event, not another's
             if not (_SAME_ACTORS.match(text, m.end()) or _TOOK_PLACE.search(text, max(0, m.start() - 20), m.start())
                     or _GATHERING.match(text, m.end())
                     and not _APART_BEFORE.search(text, max(0, m.start() - 30), m.start()))]
    stops = [m.start() for m in _SUBCLAUSE_END.finditer(text)]
    # a relative clause set off by commas closes at its second comma: "cuts to two cables, which were designed to
    # be redundant, near Herne" (Herne is the cuts', back in the main clause)
    closed = [c.end() - 1 for m in _RELATIVE_LEAD.finditer(text) if (c := _RELATIVE_CLOSE.match(text, m.end()))]
    return leads, sorted(stops + closed) if closed else stops


_RELATIVE_LEAD = re.compile(r",\s+(?:which|who|whose)\b", re.IGNORECASE)
#: the comma that closes a relative clause: the first one, unless a list goes on after it ("in the Bunyakiri, Kalehe
#: and Kaniola health zones")
_RELATIVE_CLOSE = re.compile(r"[^;.!?]*?,(?=\s+(?!(?:and|or)\b)[a-z])")


def idle_subclause(start: int, trig: Triggers, marks: tuple[list[int], list[int]], kind: str = "") -> bool:
    """Whether the place at ``start`` sits in a subordinate or contrasting clause that states
    no event of its own: the clause's event words do not reach into it ("US forces struck
    Houthi missiles, as the militants continue to threaten shipping in the Red Sea").  Talks
    are no event of war and war no talks: "The attack came hours after the envoy arrived in
    Moscow for talks" leaves Moscow no scene of the attack (``kind``: the place's event type).
    ``marks``: :func:`subclauses` of the clause (bisection keeps long clauses linear)."""
    leads, stops = marks
    i = bisect.bisect_right(leads, start) - 1
    if i < 0:
        return False
    lo = leads[i]
    j = bisect.bisect_left(stops, start)
    if j and stops[j - 1] > lo:
        return False  # the subordinate clause stopped before the place: "cuts to cables, which were designed to be
        # redundant, near Herne"
    hi = stops[j] if j < len(stops) else 1 << 62
    talks = kind == "diplomatic"
    k = bisect.bisect_left(trig.asserted_starts, lo)
    while k < len(trig.asserted_starts) and trig.asserted_starts[k] < hi:
        if not kind or (trig.asserted[k][0] == "diplomatic") == talks:
            return False
        k += 1
    return True


# the target of an event noun: "its largest aerial assault against Ukraine", "strikes against Yemen"
_AGAINST = re.compile(r"\b(?=\w)(?:strikes?|attacks?|assaults?|bombardments?|barrages?|offensives?|raids?)\s+against\s+"
                      # "attacks against eastern Donetsk Oblast", "against Russian-occupied Zaporizhzhia"
                      r"(?:the\s+)?(?:(?:(?:north|south)?(?:east|west)?(?:ern)?|north|south|central|[\w-]+-(?:held|occupied"
                      r"|controlled)|occupied)\s+)?$", re.IGNORECASE)
# a region whose relative clause tells the event: "close to the Tahoua region, where last week gunmen raided a camp"
_WHERE_AFTER = re.compile(r"(?:\s+(?:regions?|provinces?|governorates?|states?|districts?|oblasts?))?\s*,\s*where\b",
                          re.IGNORECASE)
# what an event noun was done to: "the capture of Masisi", "the shelling of Kherson region"
_TAKEN = re.compile(r"\b(?=\w)(?:capture|seizure|takeover|fall|liberation|recapture|encirclement|siege|shelling|bombing"
                    r"|bombardment)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# "originated from a multiple rocket launcher in Kharkiv Oblast", "fired from positions near Kherson"
_FROM_A_SITE_IN = lx.Prefiltered(re.compile(r"\b(?=\w)(?:originat\w+|launched|fired|came|come|comes|coming|flew|flying)\s+from\s+(?:a|an|the|its|their|positions|areas)\s+"
                                            r"(?:(?!hit\b|struck\b|killed\b|landed\b|exploded\b|crashed\b)[\w-]+\s+){0,4}(?:in|near)\s+"
                                            r"(?:the\s+)?$", re.IGNORECASE))
_SEEN_FROM = re.compile(r"\b(?=\w)(?:scenes?|images?|footage|pictures?|photos?|videos?|reports?|news"
                        # "the shelling was reported from Balakote, Mendhar and Poonch": where it happened
                        r"|(?:was|were|been|being|is|are)\s+reported)\s+from\s+(?:the\s+)?" + _NAMES_BEFORE,
                        re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?=\w)(?:where|which|whose|who)\b", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(?=\w)(?:in|with|of|for|on|at|from|across|to)\b", re.IGNORECASE)
_CLOSED = re.compile(r"\s[-\u2013\u2014]\s|\)")


def relative_elsewhere(text: str, end: int, trig: Triggers) -> bool:
    """Whether the place ending at ``end`` has no event word before it and the first one
    after it sits in a relative clause of a later noun: "outside Lashio, with limited
    services in townships where fighting is taking place" (the townships', not Lashio's).
    A place right before the relative word is its antecedent ("in Kherson, where shelling
    killed two"), unless the word is one of people ("families in Rzeszow who had fled the bombing")."""
    if trig.asserted_starts and trig.asserted_starts[0] < end:
        return False
    nxt = bisect.bisect_left(trig.asserted_starts, end)
    if nxt >= len(trig.asserted_starts):
        return False
    gap = text[end:trig.asserted_starts[nxt]]
    if _DAY_THEN_WHERE.match(gap):
        return False  # "travelled to Doha on Monday, where she held talks": the day is no antecedent, the place is
    rel = _RELATIVE.search(gap)
    if rel is not None and rel.group().lower() in ("who", "whose") and not gap[:rel.start()].strip(" ,"):
        return True  # "met families in Rzeszow who had fled the bombing of Kharkiv": people are the antecedent
    return rel is not None and _PREPOSITION.search(gap, 0, rel.start()) is not None \
        and not _CLOSED.search(gap, rel.end())  # "- all of which lie south of Odesa - were shelled"


#: where goods were made, right before a place: "drones made in Iran", "shells produced in North Korea"
_MADE_IN = re.compile(r"\b(?=\w)(?:made|produced|manufactured|assembled)\s+in\s+(?:the\s+)?$", re.IGNORECASE)


def other_role(text: str, start: int, end: int, trig: Triggers) -> bool:
    """Whether the place plays a role other than the event's scene, by what governs it.

    A place governed by "to", "for", "with", "by" or "against" is a recipient, a
    beneficiary, a partner or an agent ("drones supplied to Kyiv", "shells for Kyiv",
    "blamed Kyiv for the attack") unless an event word heads the phrase ("the battle for
    Bakhmut", "strikes against Kharkiv"); "on" after a word of policy is its target, not
    a scene ("sanctions on Tehran"); the direct object of a verb that is no event word is
    that verb's object ("asked Berlin for", "visited Kharkiv"); a place that is the
    subject of a verb that is no event word is an agent ("Washington approved ...").
    """
    if _WHERE_AFTER.match(text, end):
        return False  # "close to the Tahoua region, where gunmen raided a camp": the relative clause's scene
    if _MADE_IN.search(text, max(0, start - 30), start):
        return True  # "drones made in Iran": where a weapon comes from (annotation.md: origins of weapons)
    if trig.last_there(text) >= end:
        return False  # "visited Hroza today, less than 24 hours after an attack there": "there" is the place
    if _HARMED_AFTER.match(text, end) and _LISTED_WORD_BEFORE.search(text, max(0, start - 40), start) is None:
        return True  # "shortly after Maia and Rina had been murdered": people are killed, places are not (the people
        # "of Hroza" were)
    word, pos = governor(text, start)
    after = _NEXT_WORD.match(text, end)
    if after and after.group(1).split()[-1] in lx.AGENT_VERBS and not trig.overlaps(after.start(1), after.end(1)) \
            and not {word, prev_word(text, start)} & PREPOSITIONS:
        return True  # the subject of its own verb
    if pos < 0:
        return False
    if word == "with" and _WITH_HIT.match(text, end):
        return False  # "... overnight, with Lutsk among the cities hit", "with Kyiv and Odesa the hardest hit"
    if word in ROLE_PREPOSITIONS and trig.overlaps(pos, pos + len(word)):
        return False  # the event word's own preposition: "laid siege to Djibo"
    if word in ROLE_PREPOSITIONS or word == "on":
        head = PREV_WORD.search(text, max(0, pos - 30), pos)
        if head is None or word == "to" and head.group(1).lower() in _SPREAD:
            return False  # "clashes have spread to Sennar Town": the fighting is there now
        kind = trig.kind_at(head.start(1), head.end(1))
        if kind is not None and (word in ("on", "against") or word == "for" and kind == "ground_fighting"):
            return False  # "strikes on Kyiv", "attacks against Kharkiv", "the battle for Bakhmut"
        return word != "on" or head.group(1).lower() in lx.POLICY_NOUNS or head.group(1).lower() in _BLAMED
    if trig.overlaps(pos, pos + len(word)) or word in LOCATIVE:
        return False
    return word in lx.OBJECT_VERBS


#: after a name: the name (or a list it heads) is who was harmed ("Maia and Rina had been murdered", "Lucy was
#: shot dead"), a person named like a place; a place is hit or shelled, not killed
_HARMED_AFTER = re.compile(r"(?:(?:,\s*|,?\s+and\s+)[A-Z][\w'’-]*)*\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
                           r"(?:[a-z]+ly\s+)?(?:killed|murdered|shot|stabbed|wounded|injured|executed|assassinated|"
                           r"kidnapped|abducted|beheaded|lynched|hacked)\b")
#: a list the clause's colon opens ("Russian strikes continued this night: Odesa region, Kharkiv region, Dnipro"):
#: where the event told before the colon happened
_COLON_LIST = re.compile(r"\w\s*:\s+(?:(?:the\s+)?[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,2}(?:,\s*|,?\s+and\s+))*(?:the\s+)?$")
#: ... which runs to the clause's end, names only ("Title: Yahukimo massacre", "MARLES: the United States and the
#: United Kingdom engaged in ...", "...: UK statement to the OSCE" are no such list)
_UNIT_WORD = r"(?:\s+(?:region|oblast|province|governorate|state|district|city|town|village|regions|oblasts|provinces))?"
_LIST_TAIL = re.compile(rf"{_UNIT_WORD}(?:(?:,\s*|,?\s+and\s+)(?:the\s+)?[A-Z][\w'’-]*{_UNIT_WORD})*\s*[.;!]?\s*")
#: a preposition before a name, or before the list it ends ("the people of Hroza", "in Lucy and Maia")
_LISTED_WORD_BEFORE = re.compile(r"\b(?:of|in|from|at|near|around|across|inside|outside)\s+"
                                 r"(?:[A-Z][\w'’-]*(?:,\s*|,?\s+and\s+))*(?:the\s+)?$")
#: after a place governed by "with": an absolute phrase that tells it was hit ("with Lutsk among the cities hit",
#: "with Kyiv and Odesa the hardest hit", "with the capital worst affected"), the scene, not a partner
_WITH_HIT = re.compile(r"(?:(?:,\s*|\s+and\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*,?\s+(?:(?:was|were|being)\s+)?"
                       r"(?:among\s+(?:the\s+|those\s+)?(?:[a-z]+\s+){0,2}|(?:the\s+)?(?:worst|hardest|most|badly|heavily)"
                       r"\s+(?:[a-z]+\s+)?)(?:hit|struck|targeted|attacked|affected|damaged|shelled|bombed)\b")
#: the words that put the blame on a side: "strikes blamed on the US" (the one blamed, not the target)
_BLAMED = frozenset("blame blames blamed blaming".split())
#: verbs of violence reaching a place: a place after "to" is where it now is
_SPREAD = frozenset("spread spreads spreading extended extends extending expanded expands expanding".split())
# ... a region or country too: "the fighting spread to Sweida governorate"
_SPREAD_TO = re.compile(rf"\b(?=\w)(?:{'|'.join(sorted(_SPREAD))})\s+(?:further\s+|also\s+)?to\s+(?:the\s+)?$",
                        re.IGNORECASE)
# a side named as the subject of the war's start after "since"
_SINCE_WORD_BEFORE = re.compile(r"\b(?=\w)since\s+(?:the\s+)?$", re.IGNORECASE)
_WAR_BEGUN = re.compile(r"\s+(?:launched|began|started|unleashed|invaded|attacked)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+((?:has\s+|have\s+|had\s+)?(?:(?:[a-z]+ly|long|also|already|once|now|just|still|even)\s+)?"
                        r"[a-z]{2,})\b")


#: speakers placed in a country ("hospital sources in Yemen", "officials in Ukraine") ...
_SOURCES_IN = re.compile(r"\b(?=\w)(?:sources?|officials?|residents?|witnesses|authorities|doctors|medics|activists"
                         r"|rescuers)\s+(?:in|from|inside)\s+(?:the\s+)?$", re.IGNORECASE)
#: ... before their verb of saying ("told Reuters", "said")
_SAYS_AFTER = re.compile(r",?\s+(?:have\s+|had\s+)?(?:told|said|say|says|reported|confirmed|added)\b")


def excluded(clause: Clause, start: int, end: int, place: Place, kind: str, lead: bool = False) -> bool:
    """Whether a place in a clause is not where the clause's event happened; ``lead``: the clause
    is the body's first sentence (where a dateline stands)."""
    text = clause.text
    # the left-context patterns end at the place: search a bounded window, not the whole clause
    left = text[max(0, start - 120):start]
    prev = prev_word(text, start)
    origin = prev in lx.ORIGIN_WORDS or _ORIGIN.search(left) or _FROM_A_SITE_IN.search(left) \
        or (kind in _FIRED and _OUT_OF.search(left))
    if origin and not _SEEN_FROM.search(left):
        return True  # "launched from Kursk"; not "the scenes from Kyiv" (what is reported from there)
    if (_ORG_AFTER.match(text, end) or _ORG_BEFORE.search(left) or _FORCES_OF.search(left) or _ROUTE.match(text, end)
            or _STREET_AFTER.match(text, end)
            or _ROUTE_END.search(left)):
        return True  # "the Oxford Institute", "the Warsaw-Lublin railway line"
    if _TIME_ZONE.match(text, end) and (_CLOCK_BEFORE.search(left) or left.rstrip().endswith("(")):
        return True  # "at 11:45 p.m. (Sanaa time)", "at 04:00 Kyiv time": a clock's zone, no scene
    if _SPEAKER.match(text, end) or _ATTACKER.match(text, end) or _ADDRESSED.search(left[-24:]) \
            or _STATE_OWNS.match(text, end):
        return True  # "Kiev says rebels shelled ...": the speaker, not the scene; "accused Baku of": the accused
    if _ATTRIBUTION_LEFT.search(left) and _ATTRIBUTION.match(text, end):
        return True
    if _FORCES.match(text, end) and governing_word(text, start) not in LOCATIVE:
        return True
    if _CONDUCTS.match(text, end):
        return True  # "as Moscow presses its offensive": the attacker
    if _LIES_NEAR.search(left):
        return True  # "a strategic target that lies close to the highway leading out of Goma": where it is
    if _RESIDENT_OF.search(left) or _SPOKE_IN.search(left) or _AFFILIATION.search(left) or _OUTLET.search(left) \
            or _REPRESENTS.search(left):
        # "Havaldar Iftikhar, a resident of Sargodha"; "Speaking to local media in the capital Mogadishu";
        # "a lawmaker representing Anka";
        # "Alex de Waal, executive director of the World Peace Foundation at Tufts University"; "the
        # Telegram channel Fontanka reported"
        return True
    if place.kind in ("admin1", "region", "country") and lx.QUARTER_NAMED.match(text, end):
        return True  # "drones hit the Kashmir neighbourhood" (of Kadugli): a town's quarter named like a region
    if place.kind == "country" and _SOURCES_IN.search(left[-60:]) and _SAYS_AFTER.match(text, end):
        return True  # "hospital sources in Yemen told reporters": where the speakers are, no scene finer than a country
    if (noun := _COUNTRY_NOUN.match(text, end)) and _ARTICLE_BEFORE.search(left[-40:]) \
            and (place.kind != "admin1" or not noun[1]):
        return True  # "the impoverished Caribbean nation's capital", "the Baltic states": a country the name describes
    if _BURIED.search(left):
        return True  # "the soldiers killed in combat were buried in Ouagadougou": where the dead were laid to rest
    if kind != "diplomatic" and _ACCORD_VENUE.search(left):
        return True  # "fighting continued despite the deal signed in Jeddah": where the accord was made
    if kind != "diplomatic" and _WHEREABOUTS.search(left[-90:]):
        # "Zelensky, who was in Washington on Thursday, said drones had struck Kharkiv" (where people were when
        # they met is where they met: "While in Addis Ababa, the minister met with ...", venues.venue decides)
        return True
    if _ACTS_ON.match(text, end) and governing_word(text, start) not in PREPOSITIONS:
        return True  # "Kyiv shelled Donetsk": the attacker
    if _SAID_THAT.search(left[-40:]):
        told = _SUBJECT_TOLD.match(text, _list_end(text, end))
        event = lx.ANY_TRIGGER.caseless.match(text, told.end()) if told is not None else None
        if event is None or not told.group("aux") and _ACTIVE.fullmatch(event.group()):
            return True  # "the Kremlin said Kyiv was responsible", "Moscow said Kyiv attacked Kursk": an agent
    if _SPEECH_VENUE.search(left) or _OTHER_DAYS.search(left) or _DISPLACED.search(left) or _RETURNING_FROM.search(left) \
            or _ARRIVED.search(left) or _REFUGE.search(left) or _SINCE_THE_WAR.search(left) or _TREATED.search(left) \
            or place.kind == "facility" and _WHERE_TAKEN.match(text, end):
        return True
    if _HOSTS.match(text, _list_end(text, end)):
        return True  # "Sennar, Sinja and Ad Dinder localities were already hosting 286,000 displaced people"
    if _SINCE_WORD_BEFORE.search(left[-12:]) and _WAR_BEGUN.match(text, end):
        return True  # "the largest wave since Moscow launched its full-scale invasion": the war's start
    if _WAR_NAME.match(text, end) or _PRESENCE.search(left) or _PART_OF.match(text) \
            or (_PERSON_IN.search(left) and not (kind == "diplomatic" and (_MET_IN.search(left)
                                                                            or MEETS_AFTER.match(text, end)))):
        return True
    if _DISTRICT_AFTER.match(text, end) and re.search(r"\w['’]s\s+$", left) and _ADJECTIVAL.search(text, start, end) \
            or _OF_THE_CITY.match(text, _list_end(text, end)):
        # "Kharkiv's Kyivskyi district", "the Shevchenkivskyi and Slobidskyi districts of the city": a city's
        # district named after another place; a district named as its town is that town's ("Crimea's Saky
        # district", "Kursk region's Sudzha district")
        return True
    if _filed_from(clause, start, end, place, lead):
        return True
    if place.kind == "facility" and _ACCORDING_TO.search(left):
        return True  # "according to officials from Al-Awda Hospital, 210 were killed": a source
    if place.kind == "region" and not place.country and not _WATER.search(place.name):
        return True  # "Eastern Europe", "the Middle East": too vague to place an incident
    if _claimed(text, start):
        return True
    if place.kind in ("country", "admin1", "region") and re.match(r"['’]s?\b", text[end:end + 2]) \
            and not _POSSESSED_PLACE.match(text, end):
        return True  # "Ukraine's capabilities": a possessor, not a place where something happened
    if kind == "diplomatic" and _TOPIC.search(left):
        return True  # "Meeting on the situation in the Belgorod, Bryansk and Kursk regions": what is talked about
    if kind == "diplomatic" and VENUE_NOUN.match(text[end:end + 20]):
        return False  # "Geneva talks", "the Alaska summit"
    if place.kind in ("country", "admin1", "region") or kind == "diplomatic":
        allowed = _VENUE if kind == "diplomatic" else LOCATIVE
        if kind == "diplomatic" and went_to_meet(text, start, end):
            return False
        if governing_word(text, start) not in allowed and not _COUNTRY_APPOSED.search(left) and not (kind != "diplomatic" and (
                _AGAINST.search(left) or _TAKEN.search(left) or _SPREAD_TO.search(left)
                or _UNDERGOES.match(text, _list_end(text, end))
                or _AIRSPACE_AFTER.match(text, end)
                or _WHERE_AFTER.match(text, _list_end(text, end))
                or _COLON_LIST.search(left) and _LIST_TAIL.fullmatch(text, end)
                or start == 0 and _region_label(place, text, end))):
            # "killed four residents of the Donetsk region": a region's people stand for the region
            return not (place.kind != "country" and kind != "diplomatic" and _OF_REGION.search(left))
    return False
