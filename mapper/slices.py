"""Time slices for the map slider and the per-region table."""
from __future__ import annotations

import datetime as dt

from mapper.errors import ConfigError

UNITS = ("day", "week", "month")


def choose_unit(first: dt.date, last: dt.date) -> str:
    """Pick a slice unit that gives a useful number of slider steps.

    Up to two weeks of data slice by day, up to about four months by week
    (ISO weeks, Monday first), longer spans by calendar month.
    """
    span = (last - first).days + 1
    if span <= 14:
        return "day"
    if span <= 120:
        return "week"
    return "month"


def _slice_of(day: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    if unit == "day":
        return day, day
    if unit == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    start = day.replace(day=1)
    nxt = (start + dt.timedelta(days=32)).replace(day=1)
    return start, nxt - dt.timedelta(days=1)


def make_slices(first: dt.date, last: dt.date, unit: str = "auto") -> list[tuple[dt.date, dt.date]]:
    """Return consecutive ``(start, end)`` slices covering ``first``..``last``.

    Parameters
    ----------
    first, last : datetime.date
        The data's date span (``first <= last``).
    unit : {"auto", "day", "week", "month"}
        Slice length; ``"auto"`` uses :func:`choose_unit`.
    """
    if unit == "auto":
        unit = choose_unit(first, last)
    if unit not in UNITS:
        raise ConfigError(f"unknown slice unit {unit!r}: use auto, day, week or month")
    if last < first:
        raise ConfigError(f"slice span ends before it starts: {first} > {last}")
    out = []
    start, end = _slice_of(first, unit)
    while start <= last:
        out.append((start, end))
        start, end = _slice_of(end + dt.timedelta(days=1), unit)
    return out


def overlapping(slices: list[tuple[dt.date, dt.date]], start: dt.date, end: dt.date) -> list[int]:
    """Indices of the slices that the range ``start``..``end`` overlaps."""
    return [i for i, (s, e) in enumerate(slices) if s <= end and start <= e]
