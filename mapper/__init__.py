"""mapper: conflict news to a time-sliced map, GeoJSON and CSVs, offline."""
from __future__ import annotations

__version__ = "0.1.0"
