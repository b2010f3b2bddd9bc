"""mapper's error tree.  Each class also inherits the matching built-in."""
from __future__ import annotations


class MapperError(Exception):
    """Base class of every error mapper raises on purpose."""


class InputError(MapperError, ValueError):
    """An input file or line cannot be read; the message names the file and line."""


class GazetteerError(MapperError, RuntimeError):
    """The gazetteer or boundary data is missing or corrupt."""


class ConfigError(MapperError, ValueError):
    """A bad option or setting."""


class GeocoderError(MapperError, RuntimeError):
    """The optional online geocoder failed."""
