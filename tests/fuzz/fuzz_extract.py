"""Coverage-guided fuzzing of the extraction of one article with atheris.

The input becomes an article (text, title, publication date, possibly with lone
surrogates and control characters) run through segmentation, dates, recognition,
resolution and event linking (:func:`mapper.pipeline.extract_article`) with the real
gazetteer.  Any exception, an offset that does not index its text, or an article
taking over ``SECONDS_PER_INPUT`` is a finding.  How to run: see ``tests/fuzz/README.md``.
"""
from __future__ import annotations

import datetime as dt
import sys
import time

SECONDS_PER_INPUT = 2.0
#: words that steer the fuzzer towards the interesting paths quickly (also a -dict file)
SEEDS = ("Kyiv", "Odesa", "Pokrovsk", "Gaza", "Kharkiv Oblast", "12 November 2025", "yesterday", "drones struck",
         "missile attack", "shelling", "killing 3", "- 14-19 November 2025: ", "Related: ", "U.S.", "\n")


def main() -> None:
    """Run the fuzzer; arguments are libFuzzer's (``-max_total_time=300``, a corpus folder...)."""
    import atheris

    with atheris.instrument_imports():
        from mapper.extract.segment import segment
        from mapper.extract.toponyms import find_spans
        from mapper.model import Article
        from mapper.pipeline import Services, extract_article

    gaz = Services.load().gazetteer

    def one_input(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        day = fdp.ConsumeIntInRange(dt.date.min.toordinal() - 1, dt.date.max.toordinal())
        published = None if day < dt.date.min.toordinal() else dt.date.fromordinal(day)
        title = fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 80))
        parts = []
        while fdp.remaining_bytes():
            if fdp.ConsumeBool():
                parts.append(SEEDS[fdp.ConsumeIntInRange(0, len(SEEDS) - 1)])
            else:
                parts.append(fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 40)))
        article = Article("fuzz", "".join(parts), title=title, published=published)
        started = time.perf_counter()
        for c in segment(article):
            source = article.title if c.part == "title" else article.text
            assert source[c.start:c.end] == c.text, c
        for s in find_spans(article.text, gaz):
            assert article.text[s.start:s.end] == s.name, s
        incidents, _ = extract_article(article, gaz)
        for inc in incidents:
            assert inc.date_start <= inc.date_end and -90 <= inc.place.lat <= 90, inc
        elapsed = time.perf_counter() - started
        if elapsed > SECONDS_PER_INPUT:
            raise RuntimeError(f"{len(article.text)} characters took {elapsed:.1f}s")

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
