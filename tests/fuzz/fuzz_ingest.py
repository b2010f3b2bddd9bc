"""Coverage-guided fuzzing of :func:`mapper.ingest.read_articles` with atheris.

Each input picks a format (txt, html, jsonl, csv, each optionally gzipped) and whether to
skip bad records, and the rest of the bytes become the file.  The only exception allowed
is :class:`mapper.errors.InputError`; anything else, or a file taking over
``SECONDS_PER_INPUT``, is a finding.  How to run: see ``tests/fuzz/README.md``.
"""
from __future__ import annotations

import gzip
import os
import sys
import tempfile
import time

NAMES = ("f.txt", "f.html", "f.jsonl", "f.csv", "f.txt.gz", "f.html.gz", "f.jsonl.gz", "f.csv.gz")
SECONDS_PER_INPUT = 2.0


def main() -> None:
    """Run the fuzzer; arguments are libFuzzer's (``-max_total_time=300``, a corpus folder...)."""
    import atheris

    with atheris.instrument_imports():
        from mapper import ingest
        from mapper.errors import InputError

    folder = tempfile.mkdtemp(prefix="fuzz_ingest.")

    def one_input(data: bytes) -> None:
        if len(data) < 2:
            return
        name = NAMES[data[0] % len(NAMES)]
        skip_bad = bool(data[1] & 1)
        body = data[2:]
        path = os.path.join(folder, name)
        with open(path, "wb") as fh:
            fh.write(gzip.compress(body, mtime=0) if name.endswith(".gz") and data[1] & 2 else body)
        started = time.perf_counter()
        try:
            for article in ingest.read_articles([path], skip_bad=skip_bad, on_warning=lambda m: None):
                assert "\r" not in article.text, article
        except InputError:
            pass
        elapsed = time.perf_counter() - started
        if elapsed > SECONDS_PER_INPUT:
            raise RuntimeError(f"{name}: {len(body)} bytes took {elapsed:.1f}s")

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
