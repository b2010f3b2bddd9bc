"""Error analysis for the geoparsing benchmark (``bench/geoparse.py --errors N``).

End to end: false positives (mapper's spans matching no gold span) and false
negatives (gold spans matching none of mapper's), paired with score.py's own
overlap matching, over exhaustive documents only.  Each false negative gets the
reason mapper dropped it (the resolver's ``reason``, or no candidate span at all).
Gold spans: wrong resolutions (> 161 km), and whether the right place was among the
gazetteer's candidates (a disambiguation error) or not (a gazetteer gap).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

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

    over = [r for r in resolved if r.mention.start < g["end"] and g["start"] < r.mention.end]
    if over:
        return over[0].reason or "resolved but not output"
    name = text[g["start"]:g["end"]]
    if key(name) not in gaz.index:
        return "name not in gazetteer"
    if not name[:1].isupper():
        return "lower-case in text"
    return "in gazetteer, no candidate span (demonym/run split)"


def recognition_errors(res: dict[str, Any], services: Any, scorer: Any) -> tuple[Counter, Counter, dict]:  # noqa: ANN401
    """False positives (name, picked kind) and false negatives (name) with reasons."""
    from mapper.extract.toponyms import find_spans
    from mapper.geo.resolve import resolve_spans

    gaz = services.gazetteer
    fps: Counter = Counter()
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
        missing = [g for i, g in enumerate(gt) if i not in used_g]
        if missing:
            resolved = resolve_spans(find_spans(doc["text"], gaz), gaz, doc["text"])
            for g in missing:
                fns[g["name"]] += 1
                fn_why[g["name"]][_fn_reason(doc["text"], g, resolved, gaz)] += 1
    return fps, fns, fn_why


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
            kinds[_kind(scorer, gaz, doc["text"], g, r, span_at)] += 1
    return wrong, kinds


def _err(scorer: Any, g: dict[str, Any], p: dict[str, Any]) -> float:  # noqa: ANN401
    if p.get("lat") is None:
        return scorer.MAX_KM
    return scorer.haversine(g["lat"], g["lon"], p["lat"], p["lon"])


def _kind(scorer: Any, gaz: Any, text: str, g: dict[str, Any], r: Any, span_at: Any) -> str:  # noqa: ANN401
    """Disambiguation error (right place among the candidates) or gazetteer gap."""
    span = span_at(text, g["start"], g["end"], gaz)
    cands = gaz.candidates(span.key)
    if not cands:
        return "unresolved: name not in gazetteer"
    near = any(scorer.haversine(g["lat"], g["lon"], gaz.lat[e], gaz.lon[e]) <= ACC_KM for e, _ in cands)
    if r.place is None:
        return f"unresolved: {r.reason}"
    return "picked another candidate (right one present)" if near else "no candidate within 161 km of gold"


def report(name: str, res: dict[str, Any], services: Any, eval_dir: Path, top: int) -> None:  # noqa: ANN401
    """Print the ``top`` most frequent errors of one corpus."""
    scorer = load_scorer(eval_dir)
    if any(d.get("exhaustive", True) is not False for d in res["docs"]):
        fps, fns, fn_why = recognition_errors(res, services, scorer)
        print(f"  -- {name}: false positives, end to end ({sum(fps.values())} in all; by picked kind: "
              f"{_by_kind(fps)})")
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
