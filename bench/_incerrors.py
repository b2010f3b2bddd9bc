"""Error analysis for the incident benchmark (``bench/incidents.py --errors N``).

Why a gold event got no incident (no trigger word, no place recognised in a triggered
headline, a place the linker excluded, no date), and, for events found, the most
frequent wrong places, wrong admin-1 regions and date offsets.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from incidents import article, best_match, parse_day

_STOP = frozenset("""the a an of in on at to for and or by with from as after over into is are was were be been has
have had that this it its their his her says said say near amid new more than two three one four five six seven
eight nine ten up out off about against during while who which what when where how not no""".split())


def _why_missed(doc: dict[str, Any], how: str, services: Any) -> str:  # noqa: ANN401
    """The first stage at which a gold event's article produced nothing."""
    from mapper.extract.clause_dates import clause_date
    from mapper.extract.segment import segment
    from mapper.extract.triggers import article_weapon, clause_type
    from mapper.pipeline import geoparse_article

    art = article(doc, how)
    clauses = segment(art)
    weapon, _ = article_weapon(clauses)
    typed = [c for c in clauses if clause_type(c.text, weapon) is not None]
    if not typed:
        return "no trigger word in any headline"
    resolved = [r for r in geoparse_article(art, services.gazetteer) if r.place is not None]
    in_typed = [r for r in resolved for c in typed
                if r.mention.part == c.part and c.start <= r.mention.start < c.end]
    if not in_typed:
        named = any(t.get("lat") is not None for t in doc.get("toponyms", []))
        if resolved:
            return "places only in headlines without a trigger"
        return ("trigger, gold place named but not recognised" if named
                else "trigger, no place recognised (gold place not named as such)")
    if all(clause_date(c.text, published=art.published, bullet=c.bullet_date, previous=None)[0] is None
           for c in typed):
        return "no date"
    return "trigger and place, but the linker excluded the place"


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in _STOP]


def _gold_names(doc: dict[str, Any]) -> list[str]:
    names = [t["name"] for t in doc.get("toponyms", []) if t.get("lat") is not None]
    return names or [f"<not named; gold place {doc['events'][0].get('place')!r}>"]


def misses(docs: list[dict[str, Any]], preds: list[dict[str, Any]], services: Any, how: str  # noqa: ANN401
           ) -> tuple[Counter, Counter, Counter]:
    """Reasons for missed events, words of trigger-less headlines, unrecognised gold places."""
    why: Counter = Counter()
    words: Counter = Counter()
    places: Counter = Counter()
    for doc, pred in zip(docs, preds):
        if pred["events"] or not doc.get("events"):
            continue
        reason = _why_missed(doc, how, services)
        why[reason] += 1
        if reason == "no trigger word in any headline":
            words.update(set(_words(doc["text"])))
        elif reason.startswith("trigger, "):
            places.update(_gold_names(doc))
    return why, words, places


def wrong_found(docs: list[dict[str, Any]], preds: list[dict[str, Any]], scorer: Any  # noqa: ANN401
                ) -> tuple[Counter, Counter, Counter]:
    """Wrong places (> 161 km), wrong admin-1 (normalised as score.py does) and date offsets."""
    far: Counter = Counter()
    adm: Counter = Counter()
    offset: Counter = Counter()
    for doc, pred in zip(docs, preds):
        for ge in doc.get("events") or []:
            if not pred["events"]:
                continue
            best = best_match(scorer, ge, pred["events"])
            if ge.get("lat") is not None and scorer.haversine(ge["lat"], ge["lon"], best["lat"], best["lon"]) > 161:
                far[(ge.get("place"), f"{best['place_text']} -> {best['place']}")] += 1
            g_adm, p_adm = scorer.norm_admin1(ge.get("admin1")), scorer.norm_admin1(best.get("admin1"))
            if ge.get("admin1") and g_adm != p_adm:
                adm[(g_adm, p_adm)] += 1
            lo, hi = parse_day(ge["date"]), parse_day(ge.get("date_end") or ge["date"])
            day = parse_day(best["date"])
            if lo and hi and day and not lo <= day <= hi:
                delta = (day - lo).days if day < lo else (day - hi).days
                offset[_bucket(delta)] += 1
    return far, adm, offset


def _bucket(days: int) -> str:
    for limit in (1, 2, 7, 31, 365):
        if abs(days) <= limit:
            return f"{'+' if days > 0 else '-'}{'' if abs(days) == limit else '<='}{limit}d"
    return f"{'+' if days > 0 else '-'}>1y"


def report(docs: list[dict[str, Any]], preds: list[dict[str, Any]], services: Any, scorer: Any,  # noqa: ANN401
           how: str, top: int) -> None:
    """Print the ``top`` most frequent errors."""
    why, words, places = misses(docs, preds, services, how)
    print(f"\n-- missed events ({sum(why.values())}): {dict(why.most_common())}")
    print("-- most frequent words in headlines without a trigger (documents containing them):")
    print("   " + ", ".join(f"{w} {n}" for w, n in words.most_common(top)))
    print("-- gold places of missed events with a trigger:")
    print("   " + ", ".join(f"{p} {n}" for p, n in places.most_common(top)))
    far, adm, offset = wrong_found(docs, preds, scorer)
    print(f"-- events found but placed > 161 km away ({sum(far.values())}): (gold place, mention -> picked)")
    for (gold, picked), n in far.most_common(top):
        print(f"   {n:4d}  {gold!r}: {picked}")
    print(f"-- admin-1 wrong ({sum(adm.values())}), (gold, predicted) after score.py's normalisation:")
    print("   " + ", ".join(f"{g}->{p} {n}" for (g, p), n in adm.most_common(top)))
    print(f"-- dates outside the gold range ({sum(offset.values())}), by offset: {dict(offset.most_common())}")
