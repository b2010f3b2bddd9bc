#!/usr/bin/env python3
"""Map benchmark: a 50,000-incident synthetic run rendered and opened in headless Chromium.

The run is synthetic but shaped like real news: the 2,000 most populous gazetteer
towns of Ukraine and Russia (hotspots drawn with Zipf-like weights), two years of
dates (2023-2024, so monthly slices), 80 % strikes, one incident in ten spanning
several days, 3 % known only to their region, about four incidents per article
and one sentence per clause (a clause naming several towns gives several
incidents).  ``render_map`` is called directly with the DataFrame, the admin-1
polygons of the regions hit and the shipped country outlines, as ``mapper run``
would, with ``tiles="none"``.

It prints the file size (and the embedded data: its JSON, and the gzipped base64
block the page holds), the time ``render_map`` took, the time to first render in
headless Chromium and the time of a slider move, each the median of ``--repeat``
fresh pages.

Time to first render: ``performance.now()`` (milliseconds since the page's
navigation start) at the second animation frame after the page's ``mapper-ready``
event (fired, with ``window.mapperReady = true``, once the data are decoded and the
first view's layers are added; a listener injected before the page's own scripts
catches it).  Leaflet draws the circles on its canvas in the first animation frame
after that; the second frame only starts once that frame has been painted.  Slider move: from just before the ``input`` event on the
real ``<input type=range>`` to the second animation frame after it, for the busiest
month, a quiet month and back to "All time".

Usage::

    python bench/map.py [--incidents 50000] [--places 2000] [--seed 20240301] [--repeat 3] [--keep map.html]

Needs Chromium at /usr/bin/chromium and the ``playwright`` package (never
``playwright install``: the system browser is used).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from mapper.model import STRIKE_TYPES
from mapper.output.webmap import extract_data, render_map
from mapper.pipeline import Services
from mapper.slices import choose_unit, make_slices

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SIZE_TARGET_MB = 10.0
RENDER_TARGET_MS = 2000.0
FIRST_DAY, DAYS = dt.date(2023, 1, 1), 731  # 2023-01-01 .. 2024-12-31
TYPE_WEIGHTS = {"drone_strike": 35, "missile_strike": 15, "air_strike": 5, "shelling": 25,
                "ground_fighting": 12, "sabotage": 2, "explosion": 3, "diplomatic": 2, "other": 1}
VERBS = {"drone_strike": "drones struck", "missile_strike": "missiles hit", "air_strike": "aircraft bombed",
         "shelling": "artillery shelled", "ground_fighting": "troops clashed near", "sabotage": "saboteurs damaged",
         "explosion": "an explosion was reported in", "diplomatic": "officials met in", "other": "incidents occurred in"}
TAILS = ("damaging residential buildings, the regional governor said.",
         "according to the regional military administration.",
         "hitting energy infrastructure and leaving thousands without power.",
         "officials said, adding that air defences were active overnight.",
         "the emergency service reported on its Telegram channel.")

# Injected before the page's scripts: records when the first view is ready and painted.
FIRST_RENDER_JS = """window.addEventListener('mapper-ready', () => {
  window.__benchReady = performance.now();
  requestAnimationFrame(() => requestAnimationFrame(() => { window.__benchFirstRender = performance.now(); }));
}, {once: true});"""
MOVE_JS = """async (value) => {
  const slider = document.querySelector('input.mapper-slider');
  const t0 = performance.now();
  slider.value = value;
  slider.dispatchEvent(new Event('input', {bubbles: true}));
  const handled = performance.now() - t0;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return [handled, performance.now() - t0, Object.keys(window.mapperVisibleCounts()).length];
}"""


def pick_places(services: Services, n: int) -> pd.DataFrame:
    """The ``n`` most populous towns of UA and RU, with their admin-1 region."""
    gaz = services.gazetteer
    rows = [i for i, (kind, cc) in enumerate(zip(gaz.kind, gaz.country)) if kind == 0 and cc in ("UA", "RU")]
    rows.sort(key=lambda i: (-gaz.population[i], gaz.geonameid[i] or 0))
    rows = rows[:n]
    places = pd.DataFrame({"place": [gaz.names[i] for i in rows], "geonameid": [gaz.geonameid[i] for i in rows],
                           "country": [gaz.country[i] for i in rows], "lon": [gaz.lon[i] for i in rows],
                           "lat": [gaz.lat[i] for i in rows]})
    regions = services.regions.join(places["lon"].to_numpy(), places["lat"].to_numpy())
    places["admin1_code"] = [r.code if r else None for r in regions]
    places["admin1"] = [r.name if r else None for r in regions]
    return places


def _clauses(rng: np.random.Generator, n: int) -> np.ndarray:
    """The clause of each of ``n`` incidents: 1-4 towns per clause, 1.5 on average."""
    sizes = rng.choice([1, 2, 3, 4], size=n, p=[0.7, 0.15, 0.1, 0.05])
    return np.repeat(np.arange(n), sizes)[:n]


def synthetic_incidents(places: pd.DataFrame, n: int, seed: int, services: Services) -> pd.DataFrame:
    """``n`` incidents over two years at ``places`` (deterministic for a given seed).

    Type, dates, actor, article and sentence belong to a clause; town, precision
    and casualties to each incident of it.
    """
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, len(places) + 1) ** 0.8  # a few hotspots, a long tail
    at = rng.choice(len(places), size=n, p=weights / weights.sum())
    clause = _clauses(rng, n)
    m = int(clause[-1]) + 1
    types = rng.choice(list(TYPE_WEIGHTS), size=m, p=np.array(list(TYPE_WEIGHTS.values())) / 100)
    start = rng.integers(0, DAYS, size=m)
    kind = rng.random(m)  # < .85 one day, < .95 a few days, else a vague (month-precision) range
    length = np.where(kind < 0.85, 0, np.where(kind < 0.95, rng.integers(1, 4, m), rng.integers(6, 30, m)))
    end = np.minimum(start + length, DAYS - 1)
    actor = rng.choice(np.array(["Russia", "Ukraine", ""], dtype=object), size=m, p=[0.6, 0.25, 0.15])
    article = np.sort(rng.integers(0, max(m * 10 // 27, 1), size=m))  # ~2.7 clauses, ~4 incidents each
    vague_place = rng.random(n) < 0.03
    killed = np.where(rng.random(n) < 0.2, rng.integers(0, 12, n), -1)
    injured = np.where(rng.random(n) < 0.3, rng.integers(0, 40, n), -1)
    table = list(places.itertuples(index=False))
    towns: dict[int, list[str]] = {}
    for i in range(n):
        towns.setdefault(int(clause[i]), []).append(table[int(at[i])].place)
    rows = []
    for i in range(n):
        c, p = int(clause[i]), table[int(at[i])]
        d0, d1 = FIRST_DAY + dt.timedelta(int(start[c])), FIRST_DAY + dt.timedelta(int(end[c]))
        name, lon, lat, gid, precision = p.place, p.lon, p.lat, p.geonameid, 1
        if vague_place[i] and p.admin1_code and services.regions.point(p.admin1_code):
            name, gid, precision = p.admin1, None, 3
            lon, lat = services.regions.point(p.admin1_code)
        named = towns[c]
        where = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
        text = f"On {d0:%B %d, %Y}, {VERBS[types[c]]} {where}, {TAILS[c % len(TAILS)]}"
        art = int(article[c])
        source = {"article_id": f"a{art:06d}", "title": f"{named[0]}: overnight attacks reported (day {start[c]})",
                  "url": f"https://news.example/{d0:%Y/%m/%d}/{art:06d}",
                  "published": (d1 + dt.timedelta(1)).isoformat(), "text": text}
        rows.append({"id": f"i{i:06d}", "type": str(types[c]), "date_start": d0, "date_end": d1,
                     "time_precision": 1 if d0 == d1 else (2 if (d1 - d0).days < 7 else 3),
                     "actor": actor[c] or None, "place": name, "geonameid": gid, "country": p.country,
                     "admin1_code": p.admin1_code, "geo_precision": precision,
                     "killed": None if killed[i] < 0 else int(killed[i]),
                     "injured": None if injured[i] < 0 else int(injured[i]),
                     "lon": float(lon), "lat": float(lat), "sources": [source]})
    return pd.DataFrame(rows)


def open_page(browser: Any, url: str) -> tuple[Any, Any, dict[str, float]]:  # noqa: ANN401
    """Open ``url`` in a fresh context; return it, the page and its load timings (ms)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.add_init_script(FIRST_RENDER_JS)
    page.goto(url, timeout=60_000)
    page.wait_for_function("window.__benchFirstRender !== undefined", timeout=60_000)
    if errors:
        raise RuntimeError(f"the page reported errors: {errors[:3]}")
    nav = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                        " return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd}; })()")
    if page.evaluate("window.mapperReady") is not True:
        raise RuntimeError("the page fired mapper-ready but window.mapperReady is not true")
    nav["first_render"] = page.evaluate("window.__benchFirstRender")
    nav["ready"] = page.evaluate("window.__benchReady")
    return context, page, nav


def measure_browser(path: Path, repeat: int, busiest: int, quiet: int, expect_circles: int) -> dict[str, Any]:
    """Median load timings and slider-move timings over ``repeat`` fresh pages."""
    from playwright.sync_api import sync_playwright

    loads: list[dict[str, float]] = []
    moves: dict[str, list[tuple[float, float]]] = {"busiest month": [], "quiet month": [], "all time": []}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(repeat):
            context, page, nav = open_page(browser, path.as_uri())
            shown = len(page.evaluate("window.mapperVisibleCounts()"))
            if shown != expect_circles:
                raise RuntimeError(f"all-time view shows {shown} circles, expected {expect_circles}")
            loads.append(nav)
            for label, value in (("busiest month", busiest + 1), ("quiet month", quiet + 1), ("all time", 0)):
                handled, painted, _ = page.evaluate(MOVE_JS, str(value))
                moves[label].append((handled, painted))
            context.close()
        browser.close()
    med = {key: statistics.median(nav[key] for nav in loads) for key in loads[0]}
    return {"load": med, "moves": {k: (statistics.median(h for h, _ in v), statistics.median(p for _, p in v))
                                   for k, v in moves.items()}}


def build_and_render(args: argparse.Namespace, path: Path) -> dict[str, Any]:
    """Build the synthetic run, write its map to ``path``; the run's figures."""
    services = Services.load()
    places = pick_places(services, args.places)
    t0 = time.perf_counter()
    df = synthetic_incidents(places, args.incidents, args.seed, services)
    built = time.perf_counter() - t0
    first, last = min(df["date_start"]), max(df["date_end"])
    unit = choose_unit(first, last)  # as mapper run does: two years give months
    slices = make_slices(first, last, unit)
    codes = sorted({c for c in df["admin1_code"] if c})
    t0 = time.perf_counter()
    render_map(df, path, slices=slices, slice_unit=unit, regions=services.regions.regions_gdf(codes),
               countries=services.regions.countries_gdf(), tiles="none", title="mapper: synthetic benchmark")
    render_s = time.perf_counter() - t0
    page = path.read_text(encoding="utf-8")
    data = extract_data(page)
    block = re.search(r'id="mapper-data"[^>]*>([^<]*)</script>', page)
    per_slice = [sum(f[1] for f in view["places"]) for view in data["views"]]
    strikes = df["type"].isin(STRIKE_TYPES)
    print(f"synthetic run: {len(df):,} incidents ({strikes.sum():,} strikes) at {df['place'].nunique():,} "
          f"places ({df[strikes]['place'].nunique():,} with strikes), "
          f"{df['sources'].map(lambda s: s[0]['article_id']).nunique():,} articles, "
          f"{len(data['texts']):,} distinct sentences, {len(slices)} {unit} slices, "
          f"{len(codes)} admin-1 regions; built in {built:.1f} s (seed {args.seed})")
    return {"render_s": render_s, "size_mb": path.stat().st_size / 1e6,
            "data_mb": len(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()) / 1e6,
            "block_mb": len(block.group(1)) / 1e6 if block else float("nan"),
            "parts_mb": {key: len(json.dumps(data[key], ensure_ascii=False, separators=(",", ":")).encode()) / 1e6
                         for key in ("texts", "country_shapes", "incidents", "region_shapes", "articles")},
            "per_slice": per_slice, "busiest": int(np.argmax(per_slice)), "quiet": int(np.argmin(per_slice)),
            "circles": sum(1 for f in data["all"]["places"] if f[1] > 0)}


def main(argv: list[str] | None = None) -> int:
    """Build the synthetic run, render it, open it in Chromium and print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--incidents", type=int, default=50_000)
    ap.add_argument("--places", type=int, default=2_000)
    ap.add_argument("--seed", type=int, default=20240301)
    ap.add_argument("--repeat", type=int, default=3, help="fresh pages to take the median over")
    ap.add_argument("--keep", type=Path, help="also copy the map to this file")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.html"
        run = build_and_render(args, path)
        if args.keep:
            shutil.copyfile(path, args.keep)
        browser = measure_browser(path, args.repeat, run["busiest"], run["quiet"], run["circles"])

    load, size_mb = browser["load"], run["size_mb"]
    print(f"render_map:        {run['render_s']:6.2f} s")
    print(f"file size:         {size_mb:6.2f} MB (embedded data: {run['data_mb']:.2f} MB of JSON, "
          f"{run['block_mb']:.2f} MB gzipped in base64)   "
          f"target < {SIZE_TARGET_MB:.0f} MB   {'OK' if size_mb < SIZE_TARGET_MB else 'MISSED'}")
    print("JSON parts:        " + ", ".join(f"{k} {v:.2f} MB" for k, v in run["parts_mb"].items()))
    print(f"first render:      {load['first_render']:6.0f} ms (DOMContentLoaded {load['dcl']:.0f} ms, "
          f"mapper-ready {load['ready']:.0f} ms, load {load['load']:.0f} ms)   target < {RENDER_TARGET_MS:.0f} ms"
          f"   {'OK' if load['first_render'] < RENDER_TARGET_MS else 'MISSED'}")
    for label, (handled, painted) in browser["moves"].items():
        print(f"slider -> {label + ':':15s}{painted:6.0f} ms to paint ({handled:.0f} ms in the input handler)")
    busiest, quiet, per_slice = run["busiest"], run["quiet"], run["per_slice"]
    print(f"(median of {args.repeat} fresh pages in headless Chromium; slice {busiest} busiest with "
          f"{per_slice[busiest]:,} strikes, slice {quiet} quietest with {per_slice[quiet]:,})")
    return 0 if size_mb < SIZE_TARGET_MB and load["first_render"] < RENDER_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
