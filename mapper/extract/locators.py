"""How precisely a clause places its event, and which of its places only locate others.

A town named to locate another ("Kivsharivka near Kupiansk", "Makariv - 50 km west of
Kyiv -", "As Salif on the Red Sea coast", "the Podilskyi district of Kyiv"), a country or
region holding a town of the same clause, and a facility in a named town are no scenes of
their own; "N km DIRECTION of TOWN" moves the event to that offset; geo_precision says
whether the event is at the place (1), near it (2) or only in its region (3).  A sentence that only
says where the event just told lies ("In Iraq, the targets were located in the vicinity of Al-Qaim")
places that event (:data:`LOCATES_TOLD`, :func:`told_there`), as does one that placed a site the next strikes by
the same noun (:func:`sites_placed`, :func:`site_struck`).  A road named by its two ends is one place between
them (:func:`road_mentions`); a village told near a town lies by it, whatever namesake far away the gazetteer
read (:func:`near_their_references`).
:func:`mapper.extract.events.link_clause` applies these after :mod:`mapper.extract.roles`
has kept the scenes.
"""
from __future__ import annotations

import dataclasses
import math
import re

from mapper.extract import lexicon as lx
from mapper.extract.governing import COORDINATED
from mapper.extract.toponyms import ROAD_AFTER, ROAD_NOUNS
from mapper.extract.roles import NEAR
from mapper.extract.triggers import scan
from mapper.geo.candidates import flat_km
from mapper.geo.contained import COMPASS_ADJ, POSSESSIVE, inside
from mapper.geo.parts import COMPASS
from mapper.model import Clause, Mention, Place, Resolved

# between a town and the town that locates it
_REFERENCE = re.compile(r"^(?:\s+(?:region|oblast|province|governorate|state|district|county|area|neighbou?rhood|camp"
                        r"|village|town|city"
                        # a site named after its town: "Kuje prison, near the Nigerian capital of Abuja"
                        r"|prison|air\s?base|airport|airfield|base|port|dam|plant|refinery|barracks|checkpoint|crossing))?"
                        r"\s*[,(\u2013\u2014-]?\s*"
                        # "Avdiivka, an industrial hub 10 kilometres north of ...", "Tarmiya, an area 25 km north of"
                        r"(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:hub|town|city|village|area|district|suburb|settlement"
                        r"|locality|community|camp|port)\s+)?(?:(?:located|situated|lying)\s+)?(?:(?:about|some|around|roughly|approximately"
                        r"|(?:just\s+)?(?:less|more|fewer)\s+than|nearly|almost|just|over|under|up\s+to)\s+)?(?:(?:\d+|a few)\s*(?:km|kilometres|kilometers|miles)\s+"
                        r"(?:\((?:\d+|[a-z]+)\s*(?:km|kilometres|kilometers|miles)\)\s+)?)?"
                        r"(?:(?:(?:(?:due|just|directly|slightly|far)\s+)?(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+)?"
                        r"(?:of|from)|near|outside|on\s+the\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?ern\s+)?outskirts\s+of"
                        r"|close\s+to|not\s+far\s+from"
                        r"|across(?:\s+the)?(?:\s+[A-Z][\w-]+)?\s+from|across"
                        r"|(?:the\s+)?(?:regional\s+|provincial\s+|state\s+)?capital\s+of)\s+"
                        r"(?:the\s+)?(?:(?:[A-Z][\w’'-]+['’]s|[a-z]+s['’])\s+)?(?:(?:port\s+)?(?:city|town|village|settlement"
                        r"|capital|port)\s+(?:of\s+)?"
                        # "... north of the rebels' de-facto capital, Donetsk"
                        # "west of the Russian-held city of Donetsk", "near the front-line town of Pokrovsk"
                        r"|(?:[\w-]+\s+){0,2}(?:capital|stronghold|city|town|port|hub)(?:,?\s+|\s+of\s+))?$", re.IGNORECASE)
# "Debaltseve, a key junction between Donetsk and Luhansk": the towns that say where it lies
_BETWEEN = re.compile(r"^\s*,\s*(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?)?(?:located\s+|situated\s+|halfway\s+|midway\s+)?"
                      r"between\s+(?:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+and\s+)?(?:the\s+)?$")
# a route told by its two ends: the event is on the route, of which the first end says where; the
# second, which may lie hundreds of kilometres away, is no scene ("took control of the road between
# Lashio and Mandalay", "a bus travelling from Beledweyne to Mahas", "on the Goma-Rutshuru road")
_ROUTE_END = re.compile(r"^\s*(?:and|to|with|[-\u2013\u2014])\s*(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$")
_ROUTE_FROM = re.compile(r"\b(?=\w)(?:(?:roads?|highways?|routes?|axis|axes|corridors?|railway|railroad|rail\s+line|supply\s+lines?"
                         r"|motorway|expressway)\s+(?:between|from|linking|connecting|that\s+links|that\s+connects)"
                         r"|(?:travel+ing|travel+ed|driving|heading|headed|bound|moving|en\s+route|on\s+(?:its|their|the)\s+way)"
                         # "a bus travelling between Gao and Ansongo"
                         r"\s+(?:from|between))\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)
_ROUTE_AFTER = re.compile(rf"\s+(?:{ROAD_NOUNS}|corridor|railway|motorway|expressway)\b", re.IGNORECASE)
_IN_THE = re.compile(r"^\s*,?\s*in\s+(?:the\s+)?$", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"\s+(?:district|raion|rayon|region|province|county|oblast|governorate|municipality|hromada"
                         r"|countryside)\b",
                         re.IGNORECASE)
_DISTRICT_OF = re.compile(rf"^\s+(?:district|{lx.QUARTER_WORDS})\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE)
_COAST = re.compile(r"\s+(?:coast|coastline|shore|seaboard)\b", re.IGNORECASE)
# "Belgorod's Shebekino", "Darfur's Kulbus", "Beirut's densely populated Ras al-Nabaa": the owner says
# where the place it owns lies
_OWNER = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}(?:(?:port\s+)?(?:city|town|village|capital|port)\s+(?:of\s+)?)?$")


_BEARINGS = {"north": 0, "northeast": 45, "east": 90, "southeast": 135, "south": 180, "southwest": 225, "west": 270,
             "northwest": 315}
_UNIT_KM = {"km": 1.0, "kilometre": 1.0, "kilometer": 1.0, "kilometres": 1.0, "kilometers": 1.0, "mile": 1.609,
            "miles": 1.609, "nautical mile": 1.852, "nautical miles": 1.852, "nm": 1.852}
# "about 170 kilometers southeast of Yemen's port of Aden": the event lies that far from the place
_OFFSET = re.compile(r"(?P<n>\d{1,4}(?:\.\d+)?)\s*(?P<u>km|kilomet(?:re|er)s?|miles?|nautical\s+miles?|nm)\s+"
                     r"(?:\((?:\d+|[a-z]+)\s*(?:km|kilomet(?:re|er)s?|miles?)\)\s+)?"
                     r"(?:to\s+the\s+)?(?P<d>(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern|erly)?\s+of\s+"
                     r"(?:the\s+)?(?:[A-Z][\w’'-]+['’]s\s+)?(?:(?:port|city|town|village|coast|capital|island)\s+(?:of\s+)?)?$",
                     re.IGNORECASE)
_OFFSET_KM = (5.0, 1000.0)  # nearer is the place itself; farther is no location


def offset_place(text: str, start: int, place: Place) -> Place | None:
    """The point a distance and bearing from a town puts an event at ("170 km southeast of
    Aden"), with ``geo_precision`` 2 and the phrase as its name; None when no such phrase
    leads to the place (at ``start``) or the distance is under 5 km."""
    m = _OFFSET.search(text, max(0, start - 90), start)
    if m is None:
        return None
    km = float(m["n"]) * _UNIT_KM[" ".join(m["u"].lower().split())]
    if not _OFFSET_KM[0] <= km <= _OFFSET_KM[1]:
        return None
    bearing = math.radians(_BEARINGS[m["d"].lower().replace("-", "").replace(" ", "")])  # "South East": maritime notices
    lat = place.lat + km * math.cos(bearing) / 111.32
    lon = place.lon + km * math.sin(bearing) / (111.32 * max(0.01, math.cos(math.radians(place.lat))))
    return Place(name=f"{m['n']} {m['u']} {m['d']} of {place.name}", lon=round(lon, 5), lat=round(lat, 5),
                 country=place.country, admin1_gn=None, kind="village", geo_precision=2,
                 admin1_geonameid=None)


#: a bearing from a town with no distance: "villages north of Goma", "south-east of Pokrovsk"
_COMPASS_OF = re.compile(rf"\b(?=\w)(?:{COMPASS})(?:ern)?\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def geo_precision(clause: Clause, start: int, end: int, place: Place) -> int:
    if place.kind == "facility":
        return 1  # an airbase, a plant, a bridge: the named site itself
    if place.kind != "city":
        return 3
    text = clause.text
    left = COORDINATED.sub("", text[max(0, start - 90):start])  # "near Pokrovsk and Kostiantynivka"
    if NEAR.search(left[-30:]) or _COMPASS_OF.search(left[-30:]) \
            or lx.OFF_COAST.search(left[-30:]) and lx.VESSEL.search(text):
        return 2  # "near Pokrovsk", "in villages north of Goma", "a tanker off Hodeidah": around the town, not at it
    if re.match(r"\s+(?:region|area|district|department|oblast|outskirts|suburbs)\b", text[end:end + 15], re.IGNORECASE):
        return 2
    return 1


def drop_reference_points(kept: list[tuple[int, int, Resolved]], text: str) -> list[tuple[int, int, Resolved]]:
    """Drop a town named only to locate the one before it ("the village of Kivsharivka near
    Kupiansk", "Cherkaska Lozova on the outskirts of Kharkiv", "Debaltseve, a key junction
    between Donetsk and Luhansk"), a place owning the next one ("Belgorod's Shebekino") or owned by the one before in
    another country (a far namesake of a part of the town: "Mogadishu's Lido beach"), the district that holds it ("Borova in the Izium district")
    and a neighbourhood of a town the clause names ("areas of Rafah, including Salam
    neighbourhood")."""
    out: list[tuple[int, int, Resolved]] = []
    towns = {s for s, _, r in kept if r.place is not None and r.place.kind == "city"}
    for i, (s, e, r) in enumerate(kept):
        owned = kept[i + 1] if i + 1 < len(kept) else None
        if owned is not None and r.place is not None and owned[2].place is not None \
                and owned[2].place.country == r.place.country and _OWNER.match(text[e:owned[0]]):
            continue  # "Belgorod's Shebekino": the owner locates the town it owns
        gap = text[out[-1][1]:s] if out else ""
        if out and r.place is not None and out[-1][2].place is not None and _OWNER.match(gap) \
                and r.place.country != out[-1][2].place.country:
            continue  # "Mogadishu's Lido beach": a part of the town the gazetteer lacks, not Italy's Lido
        if out and r.place is not None and (_REFERENCE.match(gap) or _BETWEEN.match(gap)):
            continue
        if out and _ROUTE_END.match(gap) and (_ROUTE_FROM.search(text, max(0, out[-1][0] - 60), out[-1][0])
                                              or (gap.strip() in "-\u2013\u2014" and _ROUTE_AFTER.match(text, e))):
            continue  # "the road between Lashio and Mandalay", "the Goma-Rutshuru road": a route's far end
        if out and r.place is not None and r.place.kind == "city" and _IN_THE.match(text[out[-1][1]:s]) \
                and _UNIT_AFTER.match(text, e):
            continue  # "Borova in the Izium district": the district (named after its seat) holding the town
        if lx.QUARTER_NAMED.match(text, e) and towns - {s}:
            continue  # "struck several areas of Rafah, including Salam neighbourhood": a part of the town named
        if out and r.place is not None and r.place.kind == "region" and _COAST.match(text, e):
            continue  # "As Salif, on the Red Sea coast": the coast the town lies on
        if out and r.place is not None and r.place.kind == "city" and _DISTRICT_OF.match(text[out[-1][1]:s]):
            continue  # "the Podilskyi district of Kyiv": the district is the scene, the town says where it is
        out.append((s, e, r))
    return out


#: the settlement nouns of a name a unit holds: "community" too ("in Dumba community in Kukawa LGA"), the unit
#: being a village's other sign
_HELD_NOUN = f"{lx.SETTLEMENT_NOUN}|community"
#: the words of administrative units that may follow a unit's name
UNIT_NOUNS = (r"district|locality|territory|health\s+zone|zone|commune|municipality|division|county|province|governorate|state"
              r"|region|LGA|local\s+government\s+area|township|raion|hromada")
#: what joins a village's name to the unit that holds it: "(", ", a village in the", " in ", " district of ",
#: ", in the municipality of "
_HELD_LINK = (
    rf"\s*\(\s*|\s*,\s*(?:an?\s+(?:[\w-]+\s+)?(?:{_HELD_NOUN})\s+"
    r"(?:(?:located|situated)\s+)?in\s+(?:the\s+)?"
    # "in Wegeramba town, located in the central Gondar zone"
    r"|(?:located|situated|lying)\s+in\s+(?:the\s+)?)?|(?:\s*,)?\s+(?:in|of)\s+(?:the\s+)?"
    r"|\s+(?:district|area|locality|region)\s+of\s+(?:the\s+)?"
    # "in Wharf Jeremie, in the municipality of Cite Soleil"
    r"|(?:\s*,)?\s+in\s+the\s+(?:municipality|district|commune|province|region|department|county|locality"
    r"|governorate|state|territory)\s+of\s+")
#: a village's name, alone or in a list of them
_LISTED = r"[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2}"
#: the plural nouns of a list of villages: "the villages of A, B and C", "A, B and C localities"
_HELD_NOUNS = rf"{lx.SETTLEMENT_NOUN_S}|communities|areas"
#: a finer unit mapper does not know, between a village and the unit it does: "in the Logone et Chari division, "
_UNKNOWN_UNIT = rf"(?:(?:the\s+)?[A-Z][\w’'-]+(?:\s+(?:et|and|de|du|[A-Z][\w’'-]+)){{0,3}}\s+(?:{UNIT_NOUNS})\s*,\s*)?"
# "in the village of Namssiguia (Bam province, Centre-Nord region)", "started in Jebel Moya in Sennar
# locality", "in Chibanga village (Mocímboa da Praia)", "in Hilowle-Gaab, a village located in the Middle
# Shabelle region", "in the Mahas district of Hiiraan": a place the gazetteer lacks, told with the unit
# that holds it (the text before that unit's mention)
_HELD_NAME = re.compile(
    rf"(?:\b(?:in|near|at|outside|around)\s+(?:the\s+)?|\bthe\s+(?=(?:{_HELD_NOUN})\s))"
    rf"(?:(?:{_HELD_NOUN})\s+of\s+)?"
    rf"(?P<name>{_LISTED})"
    rf"(?:\s+(?:{_HELD_NOUN}|area|camp))?"
    rf"(?P<link>{_HELD_LINK})"
    # the unit told by its part: "in Barsalogho commune, northern Centre-Nord region"
    rf"{_UNKNOWN_UNIT}(?:{COMPASS_ADJ}\s+)?$")
# "in the villages of Kuru, Dalla and Mbeti in Borno State", "attacks in Kuru, Dalla, Mbeti and Gashua localities
# of the Yobe region": several places the gazetteer lacks, told with the one unit that holds them all
_HELD_LIST = re.compile(
    rf"(?:\b(?:in|near|at|outside|around|across)\s+(?:the\s+)?|\bthe\s+(?=(?:{_HELD_NOUNS})\s+of\s))"
    rf"(?:(?:{_HELD_NOUNS})\s+of\s+)?"
    rf"(?P<list>{_LISTED}(?:\s*,\s*{_LISTED})*\s*,?\s+(?:and|or)\s+{_LISTED})"
    rf"(?:\s+(?:{_HELD_NOUNS}))?"
    rf"(?P<link>{_HELD_LINK})"
    rf"{_UNKNOWN_UNIT}(?:{COMPASS_ADJ}\s+)?$")
# a town named as the unit that holds a village ("Mamove in the Oicha Health Zone", "in Sennar locality")
_UNIT_WORDS = re.compile(rf"\s+(?:{UNIT_NOUNS})\b", re.IGNORECASE)
_COMPASS_NAME = re.compile(r"(?:north|south|east|west|central|upper|lower|greater|eastern|western|northern|southern)",
                           re.IGNORECASE)


def held_unknowns(text: str, places: list[tuple[int, int, Resolved]]) -> list[tuple[int, int, Resolved]]:
    """A clause's mentions with each place the gazetteer lacks that the text puts in a unit it
    names ("the village of Namssiguia (Bam province)") placed at that unit: a village named
    ``name`` at the unit's point (:func:`mapper.geo.contained.inside`: ``geo_precision`` 3 in a
    region, 2 in a town), in place of the unit's mention and of the unresolved pieces of the
    name; the other mentions unchanged.  A list of such names told with one unit ("the villages of A, B
    and C in the X region") places each name the gazetteer lacks there; a listed name it knows keeps
    its own point.  (:func:`mapper.geo.qualify.qualified` already places "Village, Region" with a
    bare comma.)"""
    out = list(places)
    for s, e, r in places:
        unit = r.place
        if unit is None or unit.kind not in ("region", "admin1", "city"):
            continue
        m = _HELD_NAME.search(text, max(0, s - 120), s)
        if m is not None:
            names = [m.span("name")]
        elif (m := _HELD_LIST.search(text, max(0, s - 300), s)) is not None:
            names = [n.span() for n in re.finditer(_LISTED, m["list"])]
            names = [(m.start("list") + a, m.start("list") + b) for a, b in names]
        else:
            continue
        if unit.kind == "city" and "(" not in m["link"] and not _UNIT_WORDS.match(text, e):
            continue  # "Kasanga near Goma" locates, it does not hold
        lacked = []
        for ns, ne in names:
            name = text[ns:ne]
            if name.split()[0].lower() in lx.NOT_PLACES or _COMPASS_NAME.fullmatch(name.split()[0]) \
                    or not any(c.islower() for c in name) or _UNIT_WORDS.fullmatch(" " + name):
                continue  # "in the Province of Balochistan": a unit word is no village the unit holds
            pieces = [p for p in places if p[0] < ne and p[1] > ns]
            if not any(p[2].place is not None for p in pieces):
                lacked.append((ns, ne, pieces))  # a place mapper knows keeps its own point
        if not lacked:
            continue
        # "Tar Taing village in Sagaing Region's Myinmu Township": the unit the possessive names is the finer one
        units = {s}
        while (poss := POSSESSIVE.match(text, e)) is not None:
            finer = next((p for p in places if p[0] == poss.end() and p[2].place is not None
                          and p[2].place.kind in ("region", "admin1", "city")), None)
            if finer is None:
                break
            units.add(finer[0])
            e, unit = finer[1], finer[2].place
        gone = {p for _, _, pieces in lacked for p in pieces}
        held = [(ns, ne, Resolved(Mention(text[ns:ne], r.mention.start - s + ns, r.mention.start - s + ne, r.mention.part),
                                  inside(text[ns:ne], unit))) for ns, ne, _ in lacked]
        out = sorted([p for p in out if p not in gone and p[0] not in units] + held, key=lambda p: p[0])
    return out


FACILITY_TOWN_KM = 20.0


def near(a: Place, b: Place, km: float) -> bool:
    """Whether two places lie within ``km`` (flat-earth: only short distances are asked)."""
    return flat_km(a.lat, a.lon, b.lat, b.lon) <= km


_BEYOND = re.compile(r"\b(?=\w)(?:wider|broader|surrounding|rest\s+of\s+the)\s+$", re.IGNORECASE)


_INNER = frozenset({"city", "village", "facility"})


#: how far a second-level unit's towns and villages lie from its seat, at most (no district polygons ship with mapper):
#: "the Grigoriopol district" holds Mayak; "an attack in the Ancuabe district" is not summed up by one in Chiure, 70 km off
UNIT_KM = 40.0
#: the largest population a second-level unit carries in the gazetteer (the county pseudo-population the build gives
#: ``second_level.csv``'s units; ``admin2_units.csv``'s carry none): named regions carry more
DISTRICT_POP = 50_000


def drop_containers(kept: list[tuple[int, int, Resolved]], text: str = "") -> list[tuple[int, int, Resolved]]:
    """Drop a country or region when a town, village or facility of the same clause lies in
    it ("at Izmail port in Ukraine" is Izmail), and a facility when the clause names the town it lies
    in (per-city counts count the town), in one pass over the places; "the wider X region"
    of ``text`` is the region beyond the town and stays."""
    # what a region or country contains: towns, villages and facilities ("the Novoshakhtinsk
    # refinery in Rostov region" is the refinery)
    inner = [r.place for _, _, r in kept if r.place and r.place.kind in _INNER]
    countries = {p.country for p in inner}
    # (a district of the admin-1 unit holds no less: "the capture of Masisi, in North Kivu")
    regions = {p.admin1_gn for p in inner if p.admin1_gn} | {
        r.place.admin1_gn for _, _, r in kept if r.place and r.place.kind == "region" and r.place.admin1_gn}
    towns = [r.place for _, _, r in kept if r.place and r.place.kind == "city"]
    # villages the gazetteer lacks, placed inside a town the clause names ("Tar Taing village in Myinmu
    # Township": at Myinmu's point, geo_precision 2): that town holds them and is no scene of its own
    holding = {(p.lat, p.lon) for p in inner if p.kind == "village" and p.geo_precision == 2 and not p.geonameid}
    out = []
    before: tuple[int, int, Resolved] | None = None
    for s, e, r in kept:
        p = r.place
        prev, before = before, (s, e, r)
        if p is not None and p.kind == "city" and prev is not None and _city_of_quarter(text, prev, (s, e, r)):
            continue  # "an attack in Jaffa, Tel Aviv, Israel": the city that holds the quarter just named
        if p is not None and p.kind == "country" and p.country in countries:
            continue
        if p is not None and s == 0 and _LABEL_COLON.match(text, e) and p.kind in ("city", "admin1", "region") \
                and any(q is not p and q.country == p.country for q in inner):
            continue  # "Khartoum: Clashes were reported in Omdurman": the paragraph's label names its area, the
            # sentence its scene
        if p is not None and p.kind == "city" and (p.lat, p.lon) in holding:
            continue
        if p is not None and p.kind == "city" and _UNIT_WORDS.match(text, e) and any(
                q is not p and q.admin1_gn == p.admin1_gn and near(q, p, UNIT_KM) for q in inner):
            continue  # "Maiac in the Grigoriopol district": the unit named after its seat holds the village
        if p is not None and p.kind == "facility" and any(near(p, t, FACILITY_TOWN_KM) for t in towns):
            continue  # "a house near the Nasser Medical Complex" in Khan Younis: the town counts the strike
        if p is not None and p.kind in ("city", "village") and _QUARTER_AFTER.match(text, e) \
                and any(t.country == p.country and t.spot != p.spot for t in towns):
            continue  # "in Kharkiv, bombs struck the Kyivskyi district": the town counts the strike (and a city
            # district's name recurs from town to town: the gazetteer's Kyivskyi district is Donetsk's)
        if p is not None and p.kind in ("admin1", "region") and p.admin1_gn and p.admin1_gn in regions \
                and not (p.kind == "region" and not any(q.admin1_gn == p.admin1_gn for q in inner)) \
                and not (p.kind == "region" and p.population <= DISTRICT_POP
                         and not any(q.admin1_gn == p.admin1_gn and near(q, p, UNIT_KM) for q in inner)) \
                and not _BEYOND.search(text, max(0, s - 20), s):  # "the wider Kyiv region": beyond the city
            # (a district holds the towns near its point, not every town of its province: "in Rutshuru and Masisi
            # territories" are two scenes)
            continue
        out.append((s, e, r))
    return out


#: a name opening a paragraph as its label, before a colon: "Khartoum: ...", "Kharkiv City: ...", "Gaza Strip: ..."
_LABEL_COLON = re.compile(r"(?:\s+(?:city|oblast|region|province|state|governorate|district|county|territory))?\s*:\s",
                          re.IGNORECASE)
#: a town's part named by its own name: "the Kyivskyi district", "the Salam neighbourhood"
_QUARTER_AFTER = re.compile(rf"\s+(?:district|{lx.QUARTER_WORDS})\b", re.IGNORECASE)
#: how far a quarter or suburb may lie from the city the text names after it ("Jaffa, Tel Aviv")
QUARTER_KM = 10.0
# the city after a comma closes the phrase: a country, the end of the clause ("in Jaffa, Tel Aviv, Israel.")
_PHRASE_END = re.compile(r"\s*(?:[.;:)]|,\s+[A-Z][\w'’ -]*(?:[.;:,)]|$)|$)")


def _city_of_quarter(text: str, first: tuple[int, int, Resolved], second: tuple[int, int, Resolved]) -> bool:
    """Whether ``second`` is the larger town that holds ``first``, named right after it with a bare
    comma and closing the phrase: "in Jaffa, Tel Aviv, Israel" (not a list: "struck Kyiv, Irpin and Bucha")."""
    a, b = first[2].place, second[2].place
    if not text or a is None or b is None or a.kind not in _INNER or text[first[1]:second[0]] != ", ":
        return False
    return b.population > a.population and near(a, b, QUARTER_KM) and bool(_PHRASE_END.match(text, second[1]))


#: a sentence that says where what was just told lies, with no event word of its own ("In Iraq, the targets were
#: located in the vicinity of Al-Qaim and Akashat", "In Syria, they were near Deir Ezzor", "The sites struck are
#: in Hodeidah and Saada")
LOCATES_TOLD = re.compile(r"\W*(?:(?:in|at)\s+[^,.;]{2,40},\s+)?(?:(?:(?:the|these|those|both|all|one|each|another)\s+)?"
                          r"(?:(?:main|primary|principal|key|chief|other|first|second|third)\s+)?(?:targets?|sites?|facilit(?:y|ies)"
                          r"|locations?|positions?|they|it)"
                          # one by one: "One facility was near Abu Kamal; the other was located near Mayadin"
                          r"|one|another|the\s+other|the\s+(?:first|second|third)(?:\s+one)?)"
                          r"(?:\s+(?:struck|hit|targeted|attacked))?\s+(?:were|was|are|is|lay|lie)"
                          r"\s+(?:(?:located|situated|based|all|mainly|mostly)\s+)*"
                          # what they were, then where: "The main targets were gas production facilities in Kharkiv"
                          r"(?:(?:[a-z-]+\s+){0,3}(?:facilities|infrastructure|sites|plants|stations|depots|bases|airfields"
                          r"|warehouses|positions|installations|buildings)\s+)?"
                          r"(?:in|near|at|around|outside|close\s+to"
                          r"|in\s+the\s+vicinity\s+of|on\s+the\s+outskirts\s+of)\b", re.IGNORECASE)


def told_there(told: Clause, clause: Clause, at: int, inside: list[tuple[int, int, Resolved]]
                ) -> tuple[Clause, list[tuple[int, int, Resolved]]]:
    """The event words of ``told`` (up to its first asserted one) joined to what ``clause`` says
    after ``at`` of where it happened, with the places there moved to their joined offsets."""
    end = min((e for _, _, e, ok, _ in scan(told.text) if ok), default=len(told.text))
    head = told.text[:end] + " in"
    places = [(len(head) + s - at, len(head) + e - at, r) for s, e, r in inside if s >= at]
    return dataclasses.replace(told, text=head + clause.text[at:]), places


#: sites a text names and may strike later by the same noun ("a compound 20 km north of Gao ... jets struck the
#: compound"); each maps to its one form
_SITE_NOUNS = {form: noun for noun in ("compound building facility site base depot warehouse plant factory airfield "
                                        "bunker hangar installation complex workshop camp headquarters").split()
               for form in (noun, noun[:-1] + "ies" if noun.endswith("y") else noun if noun.endswith("s")
                            else noun + "es" if noun.endswith("x") else noun + "s")}
_SITE_WORD = "|".join(sorted(_SITE_NOUNS, key=len, reverse=True))
# introduced: "a cluster of buildings", "two warehouses", "an ammunition depot" (not "the": already known)
_SITE_INTRODUCED = lx.Prefiltered(re.compile(rf"\b(?:an?|one|two|three|four|five|six|several|\d+)\s+(?:[\w-]+\s+){{0,3}}?"
                                             rf"(?P<noun>{_SITE_WORD})\b", re.IGNORECASE))
# from the site's noun to the town that places it: " 15 miles south of ", " near the town of ", " in "
_SITE_PLACED = re.compile(r"\s+(?:(?:\d+|a few)\s*(?:km|kilomet(?:re|er)s|miles)\s+(?:(?:north|south)(?:-?(?:east|west))?"
                          r"|east|west)\s+of|in|near|at|outside|on\s+the\s+outskirts\s+of)"
                          r"\s+(?:the\s+)?(?:(?:town|city|village|port|district|region)\s+of\s+)?$", re.IGNORECASE)
# referred back to: "struck a number of those buildings", "the compound was hit"
_SITE_REFERRED = re.compile(rf"\b(?:the|those|these|that|this|both)\s+(?:[\w-]+\s+){{0,2}}?(?P<noun>{_SITE_WORD})\b",
                            re.IGNORECASE)


def sites_placed(text: str, inside: list[tuple[int, int, Resolved]]) -> list[tuple[str, int, tuple[int, int, Resolved]]]:
    """The sites a clause introduces with the town that places them: (the noun's one form, where the
    noun ends, the town's mention)."""
    if not any(r.place is not None for _, _, r in inside):
        return []  # a clause that names no known town places no site (most clauses: no pattern run)
    out = []
    for m in _SITE_INTRODUCED.finditer(text):
        for s, e, r in inside:
            if r.place is not None and s >= m.end() and _SITE_PLACED.fullmatch(text, m.end(), s):
                out.append((_SITE_NOUNS[m["noun"].lower()], m.end(), (s, e, r)))
                break
    return out


def site_struck(sited: Clause, sites: list[tuple[str, int, tuple[int, int, Resolved]]], clause: Clause
                ) -> tuple[Clause, list[tuple[int, int, Resolved]]] | None:
    """A strike clause naming no place joined to where an earlier clause put the site it strikes
    by the same noun ("Mirage jets struck the compound" after "a compound 20 km north of Gao"),
    with that town as the joined text's one mention; None when it refers to no such site."""
    named = {_SITE_NOUNS[m["noun"].lower()]: m.end() for m in _SITE_REFERRED.finditer(clause.text)}
    for noun, at, (s, e, r) in reversed(sites):
        if noun in named:
            # the site's place put right after the words that name it again: "struck the compound 20 km
            # north of Gao with guided bombs"
            head = clause.text[:named[noun]]
            text = head + sited.text[at:e] + clause.text[named[noun]:]
            return dataclasses.replace(clause, text=text), [(len(head) + s - at, len(head) + e - at, r)]
    return None


#: the longest road whose middle still places an event on it ("the Kaya-Dori road", 160 km); on a longer
#: one ("the Kyiv-Odesa highway") the text does not say where
ROAD_KM = 200.0


def road_mentions(text: str, found: list[Resolved]) -> list[Resolved]:
    """The mentions, with the two ends of a road named by them ("an ambush on the Alindao-Mingala axis")
    made one mention of the road, placed halfway between its ends with ``geo_precision`` 2."""
    out: list[Resolved] = []
    for r in found:
        last = out[-1] if out else None
        start = _road_start(text, last, r) if last is not None else None
        if last is None or start is None or last.place is None or r.place is None:
            out.append(r)
            continue
        a, b = last.place, r.place
        same = a.admin1_gn == b.admin1_gn
        place = Place(name=f"{a.name}–{b.name} road", lon=round((a.lon + b.lon) / 2, 5),
                      lat=round((a.lat + b.lat) / 2, 5), country=a.country, admin1_gn=a.admin1_gn if same else None,
                      kind="village", geo_precision=2, admin1_geonameid=a.admin1_geonameid if same else None)
        out[-1] = Resolved(Mention(text[start:r.mention.end], start, r.mention.end, last.mention.part), place)
    return out


def _road_start(text: str, first: Resolved, second: Resolved) -> int | None:
    """Where the mention of a road named by two places begins ("Kaya" of "the Kaya-Dori road", "from" of "the
    road from Bambari to Bria": "from" makes no origin of it); None when they name no road, or one too long."""
    a, b = first.place, second.place
    if a is None or b is None or flat_km(a.lat, a.lon, b.lat, b.lon) > ROAD_KM:
        return None
    start, end = first.mention.start, first.mention.end
    if text[end:second.mention.start] in ("-", "–") and ROAD_AFTER.match(text, second.mention.end):
        return start
    if _ROUTE_END.match(text[end:second.mention.start]) \
            and (told := _ROAD_BEFORE.search(text, max(0, start - 60), start)) is not None:
        return told.start("ends")
    return None


# a road told by its ends in words: "on the road between Mopti and Sévaré", "the axis from Bambari to Bria"
_ROAD_BEFORE = re.compile(rf"\b(?=\w)(?:{ROAD_NOUNS})\s+(?P<ends>(?:between|from|linking|connecting)\s+"
                          r"(?:the\s+)?(?:(?:towns?|villages?|cities)\s+of\s+)?)$", re.IGNORECASE)


#: how far from the town that locates it a place may lie when the text gives no distance ("Lyubimovka on the
#: northern outskirts of Sevastopol", "the village of X near Kupiansk"); a stated one ("40 km from") and half
#: again more
NEAR_KM = 50.0
_CLOSE_BY = re.compile(r"\b(?=\w)(?:near|outskirts|outside|close\s+to|not\s+far\s+from)\b", re.IGNORECASE)
_STATED_KM = re.compile(r"(\d{1,4})\s*(km|kilomet(?:re|er)s?|miles?)", re.IGNORECASE)


def near_their_references(text: str, found: list[Resolved]) -> list[Resolved]:
    """The mentions, with a village read as a namesake far from the town the text locates it by ("Lyubimovka on
    the northern outskirts of Sevastopol" read as a Liubymivka 500 km away) placed by that town instead
    (``geo_precision`` 2, its own name kept), at each of its mentions in the text."""
    moved: dict[tuple[str, Place], Place] = {}
    for a, b in zip(found, found[1:]):
        x, town = a.place, b.place
        if x is None or town is None or x.kind not in ("city", "village") or town.kind not in ("city", "village") \
                or a.mention.part != b.mention.part:
            continue
        gap = text[a.mention.end:b.mention.start]
        if not _REFERENCE.match(gap):
            continue
        stated = _STATED_KM.search(gap)
        if stated is None and not _CLOSE_BY.search(gap):
            continue  # "As Salif, due west of Sanaa": a bearing with no distance may reach far
        limit = NEAR_KM + (1.5 * float(stated[1]) * _UNIT_KM.get(stated[2].lower(), 1.0) if stated else 0.0)
        if flat_km(x.lat, x.lon, town.lat, town.lon) > limit:
            moved[(a.mention.name, x)] = dataclasses.replace(
                town, name=a.mention.name, kind="village", geonameid=None, population=0, geo_precision=2)
    if not moved:
        return found
    return [dataclasses.replace(r, place=moved[(r.mention.name, r.place)]) if (r.mention.name, r.place) in moved else r
            for r in found]
