"""GeoNames ids of admin-1 regions, by GeoNames admin-1 code (``UA.12`` -> 703446).

Read once, lazily, from the shipped ``admin1_ids.csv`` (derived from GeoNames'
admin1CodesASCII.txt, see ``data/README.md``).  The output layer asks it for the id of an
incident's region from the place's admin-1 code, so the id does not depend on which
engine or which store round trip produced the place.
"""
from __future__ import annotations

import csv
from functools import lru_cache

from mapper.geo.gazetteer import data_dir
from mapper.model import Place


@lru_cache(maxsize=1)
def _table() -> dict[str, int]:
    with open(data_dir() / "admin1_ids.csv", newline="", encoding="utf-8") as fh:
        return {row["gn_code"]: int(row["geonameid"]) for row in csv.DictReader(fh)}


def admin1_geonameid(place: Place) -> int | None:
    """The GeoNames id of the admin-1 region a place lies in (its own for an admin-1 place)."""
    if place.admin1_geonameid is not None:
        return place.admin1_geonameid
    return _table().get(place.admin1_gn) if place.admin1_gn else None
