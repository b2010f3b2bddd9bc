"""Derive ``data/admin1_ids.csv``: the GeoNames id of every admin-1 region.

Run: ``python data/build_admin1_ids.py [path/to/admin1CodesASCII.txt]`` (default: the
copy in ``../shared/data``).  GeoNames' ``admin1CodesASCII.txt`` (CC BY 4.0) lists
``code, name, asciiname, geonameid``; only the code and the id are kept, for the codes
``admin1.csv`` uses (``gn_code``).  Scorers credit a prediction that names the gold's own
GeoNames id, and downstream users join on it.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path


def sources(argv: list[str]) -> tuple[Path, set[str]] | None:
    """The ``admin1CodesASCII.txt`` to read (the argument, else ``../shared/data``'s) and the
    GeoNames codes of ``admin1.csv``; None, with a message, when the file is absent."""
    here = Path(__file__).resolve().parent
    src = Path(argv[0]) if argv else here.parents[1] / "shared" / "data" / "admin1CodesASCII.txt"
    if not src.is_file():
        print(f"error: {src} not found", file=sys.stderr)
        return None
    with open(here / "admin1.csv", encoding="utf-8", newline="") as fh:
        return src, {row["gn_code"] for row in csv.DictReader(fh) if row["gn_code"]}


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    found = sources(argv)
    if found is None:
        return 1
    src, wanted = found
    ids = {}
    with open(src, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4 and parts[0] in wanted and parts[3].isdigit():
                ids[parts[0]] = int(parts[3])
    with open(here / "admin1_ids.csv", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("gn_code,geonameid\n")
        fh.writelines(f"{code},{ids[code]}\n" for code in sorted(ids))
    print(f"{len(ids)} of {len(wanted)} admin-1 codes have a GeoNames id", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
