"""Error analysis for the geoparsing benchmark (``bench/geoparse.py --errors N``).

End to end: false positives (mapper's spans matching no gold span) and false
negatives (gold spans matching none of mapper's), paired with score.py's own
overlap matching, over exhaustive documents only.  Each false negative gets the
reason mapper dropped it (the resolver's ``reason``, or no candidate span at all).
Gold spans: wrong resolutions (> 161 km), and whether the right place was among the
gazetteer's candidates (a disambiguation error) or not (a gazetteer gap).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from _evalkit import load_scorer

ACC_KM = 161.0


def _label(t: dict[str, Any]) -> str:
    """A readable name for a gold toponym's referent."""
    if t.get("gaz_name"):
        return ", ".join(str(x) for x in (t["gaz_name"], t.get("admin1"), t.get("country")) if x)
    for k in ("wikipedia_title", "wikipedia"):
        if t.get(k):
            return str(t[k]).rsplit("/", 1)[-1]
    return f"({t['lat']:.2f}, {t['lon']:.2f})" if t.get("lat") is not None else "(no coordinates)"


def _place_label(place: Any) -> str:  # noqa: ANN401
    if place is None:
        return "unresolved"
    where = ", ".join(x for x in (place.admin1_gn, place.country) if x)
    return f"{place.name} [{place.kind}, {where}]"


def _fn_reason(text: str, g: dict[str, Any], resolved: list[Any], gaz: Any) -> str:  # noqa: ANN401
    """Why mapper did not report a gold span."""
    from mapper.geo.names import key

    name = text[g["start"]:g["end"]]
    if _is_demonym(name, gaz):
        return "demonym (gold counts it as a place)"
    over = [r for r in resolved if r.mention.start < g["end"] and g["start"] < r.mention.end]
    if over:
        reason = over[0].reason or "resolved but not output"
        return _longer_name(text, g, gaz) if reason == "part of a longer name" else reason
    if key(name) not in gaz.index:
        return "name not in gazetteer"
    if not name[:1].isupper():
        return "lower-case in text"
    return "in gazetteer, no candidate span (demonym/run split)"


def _longer_name(text: str, g: dict[str, Any], gaz: Any) -> str:  # noqa: ANN401
    """Which kind of longer capitalised run swallowed a gold span."""
    from mapper.geo.names import key

    if key(g["name"]) not in gaz.index:
        return "longer name: gold span itself not in gazetteer (street, facility, county)"
    before = text[max(0, g["start"] - 40):g["start"]]
    after = text[g["end"]:g["end"] + 2]
    if re.search(r"[A-Z][\w.'’]* of (?:the )?$", before):
        return "longer name: joined across 'of' ('Miller of Palestine', 'University of Georgia')"
    if re.search(r"[A-Z][\w.'’]*['’]?s? $", before):
        return "longer name: after a capitalised word (person, org, 'An Alexandria man')"
    if re.match(r" [A-Z]", after):
        return "longer name: before a capitalised word (organisation, facility)"
    return "longer name: other"


def _is_demonym(name: str, gaz: Any) -> bool:  # noqa: ANN401
    from mapper.geo.names import key

    k = key(name)
    return k in gaz.demonyms or (k.endswith("s") and k[:-1] in gaz.demonyms)


_ABBREV = frozenset({"the", "gov", "sen", "sgt", "rep", "dec", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                     "sep", "sept", "oct", "nov", "i’ve", "i've", "st", "mt", "ft"})
_SPEECH = ("said", "says", "told", "added", "wrote", "explained", "asked", "stated")


def fp_cause(text: str, p: dict[str, Any]) -> str:
    """A rough cause of a false positive, from the words around it."""
    name = text[p["start"]:p["end"]]
    before = text[max(0, p["start"] - 30):p["start"]].split()
    after = text[p["end"]:p["end"] + 30].split()
    if name.lower() in _ABBREV:
        return "abbreviation / function word"
    if after and after[0].strip(",.") in _SPEECH or (before and before[-1][:1].isupper()
                                                     and before[-1].lower() not in ("in", "at", "of", "to")):
        return "person name (surname / full name)"
    if after and after[0][:1].isupper():
        return "first word of a longer name (organisation, street, building)"
    if p.get("feature") in ("country", "admin1", "region"):
        return f"{p.get('feature')} not annotated by gold (adjectival / organisational use)"
    return "other (common word, lone surname, unannotated place)"


def recognition_errors(res: dict[str, Any], services: Any, scorer: Any) -> tuple[Counter, Counter, Counter, dict]:  # noqa: ANN401
    """False positives (name, picked kind) and false negatives (name) with reasons."""
    from mapper.extract.toponyms import find_spans
    from mapper.geo.resolve import resolve_spans

    gaz = services.gazetteer
    fps: Counter = Counter()
    fp_why: Counter = Counter()
    fns: Counter = Counter()
    fn_why: dict[str, Counter] = defaultdict(Counter)
    for doc, pred in zip(res["docs"], res["e2e"]["preds"]):
        if doc.get("exhaustive", True) is False:
            continue
        gt, pt = doc.get("toponyms", []), pred["toponyms"]
        pairs = scorer.match(gt, pt, "overlap")
        used_g, used_p = {i for i, _ in pairs}, {j for _, j in pairs}
        for j, p in enumerate(pt):
            if j not in used_p:
                fps[(doc["text"][p["start"]:p["end"]], p.get("feature") or "?")] += 1
                fp_why[fp_cause(doc["text"], p)] += 1
        missing = [g for i, g in enumerate(gt) if i not in used_g]
        if missing:
            resolved = resolve_spans(find_spans(doc["text"], gaz), gaz, doc["text"])
            for g in missing:
                fns[g["name"]] += 1
                fn_why[g["name"]][_fn_reason(doc["text"], g, resolved, gaz)] += 1
    return fps, fp_why, fns, fn_why


def resolution_errors(res: dict[str, Any], services: Any, scorer: Any) -> tuple[Counter, Counter]:  # noqa: ANN401
    """Wrong resolutions on gold spans, and a tally of their kinds."""
    from mapper.extract.toponyms import span_at
    from mapper.geoparse import geoparse_text

    gaz = services.gazetteer
    wrong: Counter = Counter()
    kinds: Counter = Counter()
    for doc, pred in zip(res["docs"], res["gold"]["preds"]):
        gt = doc.get("toponyms", [])
        bad = [i for i, (g, p) in enumerate(zip(gt, pred["toponyms"]))
               if g.get("lat") is not None and _err(scorer, g, p) > ACC_KM]
        if not bad:
            continue
        resolved = geoparse_text(doc["text"], services, gt)
        for i in bad:
            g, r = gt[i], resolved[i]
            wrong[(g["name"], _place_label(r.place), _label(g))] += 1
            kinds[_kind(scorer, gaz, services.regions, doc["text"], g, r, span_at)] += 1
    return wrong, kinds


def _err(scorer: Any, g: dict[str, Any], p: dict[str, Any]) -> float:  # noqa: ANN401
    if p.get("lat") is None:
        return scorer.MAX_KM
    return scorer.haversine(g["lat"], g["lon"], p["lat"], p["lon"])


def _kind(scorer: Any, gaz: Any, regions: Any, text: str, g: dict[str, Any], r: Any, span_at: Any) -> str:  # noqa: ANN401
    """Disambiguation error (right place among the candidates) or gazetteer gap."""
    span = span_at(text, g["start"], g["end"], gaz)
    cands = gaz.candidates(span.key)
    if _is_demonym(g["name"], gaz):
        return "demonym (gold counts it as a place)"
    if not cands:
        return "unresolved: name not in gazetteer"
    near = any(scorer.haversine(g["lat"], g["lon"], gaz.lat[e], gaz.lon[e]) <= ACC_KM for e, _ in cands)
    if r.place is None:
        return f"unresolved: {r.reason}"
    if near:
        return "picked another candidate (right one present)"
    if r.place.kind == "region":
        return "continent / sea / named region: its point is > 161 km from gold's"
    if r.place.kind in ("country", "admin1"):
        (found,) = regions.join(np.array([g["lon"]]), np.array([g["lat"]]))
        same = found is not None and found.country == r.place.country and (
            r.place.kind == "country" or found.gn_code == r.place.admin1_gn)
        if same:
            return f"right {r.place.kind}, its point is > 161 km from gold's"
    return "no candidate within 161 km of gold"


def report(name: str, res: dict[str, Any], services: Any, eval_dir: Path, top: int) -> None:  # noqa: ANN401
    """Print the ``top`` most frequent errors of one corpus."""
    scorer = load_scorer(eval_dir)
    if any(d.get("exhaustive", True) is not False for d in res["docs"]):
        fps, fp_why, fns, fn_why = recognition_errors(res, services, scorer)
        print(f"  -- {name}: false positives, end to end ({sum(fps.values())} in all; by picked kind: "
              f"{_by_kind(fps)}; by cause: {dict(fp_why.most_common())})")
        for (text, kind), n in fps.most_common(top):
            print(f"     {n:4d}  {text!r} -> {kind}")
        why_all: Counter = sum(fn_why.values(), Counter())
        print(f"  -- {name}: false negatives, end to end ({sum(fns.values())} in all; why: {dict(why_all.most_common())})")
        for text, n in fns.most_common(top):
            print(f"     {n:4d}  {text!r}: {dict(fn_why[text].most_common(2))}")
    wrong, kinds = resolution_errors(res, services, scorer)
    print(f"  -- {name}: wrong resolutions on gold spans (> {ACC_KM:.0f} km; {sum(wrong.values())} in all; "
          f"{dict(kinds.most_common())})")
    for (text, picked, gold), n in wrong.most_common(top):
        print(f"     {n:4d}  {text!r}: picked {picked}; gold {gold}")


def _by_kind(fps: Counter) -> dict[str, int]:
    out: Counter = Counter()
    for (_, kind), n in fps.items():
        out[kind] += n
    return dict(out.most_common())
