#!/usr/bin/env python3
"""Main-content extraction of news pages: mapper's extractor against trafilatura.

The pages are ``tests/data/html/*.html`` (six pages in the markup of common news
sites: WordPress, a wire service, a broadcaster, a newspaper, a table-layout
aggregator, and a page with a "Recommended stories" list inside the article body),
each with its gold text beside it (``.txt``: the headline, standfirst and article
paragraphs, one a line).  Their boilerplate is the kind that hurts mapper: related
headlines, most-read lists and reader comments that name places and dates, each of
which becomes a false incident when it reaches the pipeline.

For each extractor it prints, per page and in total:

* line precision: of the extracted lines, the share that are article lines (a line
  counts when it is, or is inside, a gold line, whitespace folded);
* line recall: of the gold body lines (the headline left out: both extractors give it
  separately), the share found;
* incidents: ``mapper.run`` on the extracted text (title and date as the page gives
  them) against the incidents of the gold text, keyed by (place, type, date_start):
  false ones (from boilerplate) and missed ones;
* speed: milliseconds per page, the median of ``--repeat`` passes over all pages.

Usage::

    python bench/html_extract.py [--repeat 20] [--show]

``--show`` prints each extractor's text of each page.  trafilatura is optional: if it
is not installed its rows are skipped with a message (``pip install trafilatura``).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent / "tests" / "data" / "html"
sys.path.insert(0, str(HERE.parent))

import mapper  # noqa: E402
from mapper.htmltext import clean, parse_html  # noqa: E402
from mapper.ingest import _html_article  # noqa: E402 - the title/date logic of .html input


def _fold(text: str) -> str:
    return " ".join(text.split())


def stdlib(html: str) -> str:
    """The stdlib parser's visible text (mapper's extractor before trafilatura)."""
    return clean("".join(parse_html(html).parts))


def _trafilatura(**options: bool) -> Callable[[str], str] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def extract(html: str) -> str:
        return trafilatura.extract(html, include_comments=False, include_tables=True, deduplicate=False,
                                   **options) or ""

    return extract


def line_scores(text: str, gold: list[str]) -> tuple[int, int, int, int]:
    """(article lines extracted, lines extracted, gold body lines found, gold body lines)."""
    lines = [_fold(x) for x in text.splitlines() if x.strip()]
    golds = [_fold(g) for g in gold]
    good = sum(1 for x in lines if any(x in g for g in golds))
    body = golds[1:]  # the headline is the title
    found = sum(1 for g in body if any(g in x or x == g for x in lines))
    return good, len(lines), found, len(body)


def incidents(services, title: str, published, text: str) -> set[tuple]:  # noqa: ANN001
    if not text.strip():
        return set()
    result = mapper.run([{"id": "page", "title": title, "text": text,
                          "published": published.isoformat() if published else None}], services=services, jobs=1)
    return {(r.place, r.type, r.date_start.date()) for r in result.incidents.itertuples()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    from mapper.pipeline import Services

    services = Services.load()
    extractors = {"stdlib": stdlib}
    extractors["mapper"] = lambda html: _html_article(html, "page.html", "page").text
    traf = _trafilatura()
    if traf is None:
        print("trafilatura is not installed: its rows are skipped (pip install trafilatura)")
    else:
        extractors["trafilatura"] = traf
        extractors["traf-prec"] = _trafilatura(favor_precision=True)
    pages = sorted(PAGES.glob("*.html"))
    print(f"{len(pages)} pages in {PAGES.relative_to(HERE.parent)}\n")
    print(f"{'page':26} {'extractor':12} {'line P':>7} {'line R':>7} {'false inc':>9} {'missed inc':>10}")
    totals = {name: [0, 0, 0, 0, 0, 0] for name in extractors}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        gold = page.with_suffix(".txt").read_text(encoding="utf-8").splitlines()
        article = _html_article(html, str(page), page.stem)
        truth = incidents(services, article.title, article.published, "\n".join(gold[1:]))
        for name, extract in extractors.items():
            text = extract(html)
            good, n, found, m = line_scores(text, gold)
            got = incidents(services, article.title, article.published, text)
            false, missed = len(got - truth), len(truth - got)
            for k, v in enumerate((good, n, found, m, false, missed)):
                totals[name][k] += v
            print(f"{page.stem:26} {name:12} {good / max(n, 1):7.2f} {found / max(m, 1):7.2f} {false:9} {missed:10}")
            if args.show:
                print("    " + text.replace("\n", "\n    "))
    print()
    for name, (good, n, found, m, false, missed) in totals.items():
        print(f"{'all pages':26} {name:12} {good / n:7.2f} {found / m:7.2f} {false:9} {missed:10}")
    print("\nspeed (median of --repeat passes over all pages):")
    htmls = [p.read_text(encoding="utf-8") for p in pages]
    for name, extract in extractors.items():
        passes = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            for html in htmls:
                extract(html)
            passes.append(time.perf_counter() - start)
        print(f"  {name:12} {1000 * statistics.median(passes) / len(htmls):6.2f} ms/page")


if __name__ == "__main__":
    main()
