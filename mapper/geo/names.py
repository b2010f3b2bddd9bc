"""Name normalisation shared by the gazetteer build and recognition."""
from __future__ import annotations

import re
import unicodedata

_APOS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "–": "-", "—": "-", "‐": "-"})
_SEP = re.compile(r"[\s\-]+")
_DROP = re.compile(r"[.'\"()]")


def fold(text: str) -> str:
    """Strip diacritics (``Kyjiv`` from ``Kyjiv``, ``Zurich`` from ``Zürich``)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def key(name: str) -> str:
    """The lookup key of a place name: folded, case-folded, one space between parts.

    Hyphens and spaces are the same ("Rostov-on-Don" == "Rostov on Don"), and
    apostrophes and dots vanish ("Kam'ianske" == "Kamianske", "St. Louis" ==
    "St Louis").
    """
    if name.isalpha() and name.isascii():
        return name.lower()  # a plain word (most of them): nothing to fold, drop or join
    text = fold(name.translate(_APOS))
    text = _DROP.sub("", text)
    return _SEP.sub(" ", text).strip().casefold()


#: words that make a name a region's name ("Kharkiv Oblast", "Kyiv City")
REGION_KEY_WORDS = frozenset({"oblast", "region", "province", "governorate", "krai", "state", "republic",
                              "county", "district", "city", "oblasti", "raion", "prefecture", "territory"})


def region_named(name_key: str) -> bool:
    """Whether a name key carries a region word."""
    return not REGION_KEY_WORDS.isdisjoint(name_key.split())
