"""mapper: conflict news to a time-sliced map, GeoJSON and CSVs, offline.

The library in one call::

    import mapper

    result = mapper.run(["seeds/"])      # or articles: [{"text": ..., "published": ...}]
    result.incidents                     # a GeoDataFrame; result.cities, .regions, .unplaced
    result.write("outputs")              # what `mapper run seeds/ -o outputs` writes

:func:`run`, :class:`Result` and :func:`read_incidents` live in :mod:`mapper.api`, and
are imported on first use, so ``import mapper`` (and the command line's ``--help``)
stays quick.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mapper.errors import ConfigError, GazetteerError, InputError, MapperError
from mapper.model import Article

if TYPE_CHECKING:
    from mapper.api import Result, read_incidents, run

__version__ = "0.1.0"
__all__ = ["Article", "ConfigError", "GazetteerError", "InputError", "MapperError", "Result",
           "read_incidents", "run"]

_LAZY = ("Result", "read_incidents", "run")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from mapper import api

        return getattr(api, name)
    raise AttributeError(f"module 'mapper' has no attribute {name!r}")
