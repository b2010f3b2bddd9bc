"""Flat records of incidents: the GeoJSON properties, and the incident DataFrame."""
from __future__ import annotations

from typing import Any

import pandas as pd

from mapper.geo.admin1ids import admin1_geonameid
from mapper.model import ACLED_TYPES, Incident, Unplaced

PROPERTY_NAMES: tuple[str, ...] = (
    "id", "type", "event_type", "sub_event_type", "strike", "date_start", "date_end", "time_precision",
    "actor", "place", "place_text", "geonameid", "country", "admin1", "admin1_code", "admin1_geonameid",
    "admin2", "admin2_code", "geo_precision",
    "killed", "injured", "sources",
)
#: properties a file written by an older mapper may lack (read back as null)
OPTIONAL_PROPERTIES: frozenset[str] = frozenset({"admin2", "admin2_code"})


def properties(inc: Incident) -> dict[str, Any]:
    """The GeoJSON properties of an incident (JSON-ready: dates as ISO strings)."""
    event_type, sub_event_type = ACLED_TYPES[inc.type]
    return {
        "id": inc.id, "type": inc.type, "event_type": event_type, "sub_event_type": sub_event_type,
        "strike": inc.strike, "date_start": inc.date_start.isoformat(), "date_end": inc.date_end.isoformat(),
        "time_precision": inc.time_precision, "actor": inc.actor, "place": inc.place.name,
        "place_text": inc.place_text, "geonameid": inc.place.geonameid, "country": inc.place.country or None,
        "admin1": inc.admin1, "admin1_code": inc.admin1_code,
        "admin1_geonameid": admin1_geonameid(inc.place), "admin2": inc.admin2, "admin2_code": inc.admin2_code,
        "geo_precision": inc.geo_precision,
        "killed": inc.killed, "injured": inc.injured,
        "sources": [{"article_id": s.article_id, "title": s.title, "url": s.url,
                     "published": s.published.isoformat() if s.published else None, "text": s.text}
                    for s in inc.sources],
    }


def extract_record(inc: Incident) -> dict[str, Any]:
    """One line of ``mapper extract``: the properties plus ``lon`` and ``lat``."""
    rec = properties(inc)
    rec["lon"] = round(inc.place.lon, 6)
    rec["lat"] = round(inc.place.lat, 6)
    return rec


def incident_frame(incidents: list[Incident]) -> pd.DataFrame:
    """The incidents as a DataFrame (dates as ``datetime.date``), one row each."""
    rows = []
    for inc in incidents:
        rec = extract_record(inc)
        rec["date_start"], rec["date_end"] = inc.date_start, inc.date_end
        rows.append(rec)
    columns = list(PROPERTY_NAMES) + ["lon", "lat"]
    return pd.DataFrame(rows, columns=columns)


def unplaced_record(u: Unplaced) -> dict[str, Any]:
    """One row of ``unplaced.csv``."""
    return {"type": u.type, "date_start": u.date_start.isoformat(), "date_end": u.date_end.isoformat(),
            "place_text": u.place_text, "reason": u.reason, "actor": u.actor, "article_id": u.source.article_id,
            "title": u.source.title, "url": u.source.url, "text": u.source.text}
