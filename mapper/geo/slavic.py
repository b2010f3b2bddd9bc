"""A Ukrainian, Russian or Belarusian village written in a romanisation the gazetteer lacks.

War reports mix the Ukrainian and Russian forms of one village and the systems that
romanise them: "Starognativka" (Russian g, Ukrainian -ivka) is GeoNames' Starohnativka,
"Netaylovo" is Netailove, "Shishkove" Shyshkove, "Nikishin" Nikishyne.  The rule-made
variants of :mod:`mapper.geo.variants` cover whole Russian and Ukrainian endings; the
mixtures are too many to index.  Both sides are reduced instead to a *skeleton* that
drops what the systems disagree on (:func:`skeleton`): h/g/kh, y/i/j, a vowel's glide
("ai"/"ay"), ye/ie/e, doubled letters and the endings of one word in its Russian and
Ukrainian forms.  A given name the gazetteer lacks takes the reading of the populated
place of those countries whose name has the same skeleton (:func:`skeleton_reading`).

Only for spans a user (or a gold corpus) says are places (``mapper geoparse
--resolve-only``): running text never makes a place of a name here.
"""
from __future__ import annotations

import re

from mapper.geo.gazetteer import KINDS, Gazetteer
from mapper.geo.names import key
from mapper.geo.variants import SLAVIC

_TOWNS = frozenset(KINDS.index(k) for k in ("city", "village"))
#: one word's endings in their Russian and Ukrainian forms, after the letters are reduced
#: (longest first: "-skoe" before "-oe")
_ENDINGS = (
    (re.compile(r"(?:skaia|skoe|skii|ska|ske|ski|sko)$"), "sk"),  # Voykovskaya / Voikovska
    (re.compile(r"(?:ine|ino|ina)$"), "in"),  # Nikishino / Nikishyne
    (re.compile(r"(?:noe|ne)$"), "n"),  # Kontarnoye / Kontarne
    (re.compile(r"(?:ovoe|ovo|ove)$"), "ov"),  # Netaylovo / Netailove
    (re.compile(r"(?:iovka|ovka|evka|ivka)$"), "vka"),  # Novoselovka / Novoselivka
)
#: least length of a skeleton worth matching (short names collide)
MIN_LENGTH = 6


def skeleton(name_key: str) -> str:
    """The skeleton of a name key (see the module's docstring).

    >>> skeleton("starognativka") == skeleton("starohnativka")
    True
    >>> skeleton("netaylovo") == skeleton("netailove")
    True
    """
    words = []
    for word in name_key.replace("-", " ").split():
        word = word.replace("kh", "h").replace("g", "h")
        word = re.sub(r"[yj]", "i", word)
        word = re.sub(r"([aeou])i", r"\1", word)  # the glide: "ay"/"ai"/"oi" as "a"/"o"
        word = word.replace("ie", "e")
        word = re.sub(r"(.)\1+", r"\1", word)
        for ending, short in _ENDINGS:
            word, n = ending.subn(short, word)
            if n:
                break
        words.append(word)
    return " ".join(words)


def skeleton_reading(name_key: str, gaz: Gazetteer) -> str | None:
    """The key of the main name of the most populous Ukrainian, Russian or Belarusian town
    whose name (main or alternate) has the skeleton of ``name_key``, or None.  The table is
    built once per process, on the first name that needs it."""
    bones = skeleton(name_key)
    if len(bones.replace(" ", "")) < MIN_LENGTH:
        return None
    table = gaz.memo("slavic.skeletons")
    if not table:
        _fill(table, gaz)
    entry = table.get(bones)
    return None if entry is None else key(gaz.names[entry])


def _fill(table: dict[str, int], gaz: Gazetteer) -> None:
    for name_key in gaz.index:
        if not name_key.isascii():
            continue
        bones = None
        for entry, _ in gaz.candidates(name_key):
            if gaz.country[entry] in SLAVIC and gaz.kind[entry] in _TOWNS:
                bones = bones or skeleton(name_key)
                old = table.get(bones)
                if old is None or (gaz.population[entry], -entry) > (gaz.population[old], -old):
                    table[bones] = entry
    table.setdefault("", -1)  # filled, even where no name qualifies
