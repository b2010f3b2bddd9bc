"""Ukrainian Cyrillic to Latin: the national transliteration (KMU resolution 55 of 2010).

The official table is the one Ukraine uses for passports, road signs and its own
English-language publications, so it is also the spelling most news outlets have used
since 2014 (Kyiv, Kharkiv, Zaporizhzhia, Klishchiivka).  Its rules:

- letters map one to one or to a fixed digraph (``ж`` zh, ``х`` kh, ``ц`` ts, ``ч`` ch,
  ``ш`` sh, ``щ`` shch, ``г`` h, ``ґ`` g, ``и`` y, ``і`` i);
- ``є ї й ю я`` have a word-initial form (ye, yi, y, yu, ya) and another one elsewhere
  (ie, i, i, iu, ia);
- the soft sign and the apostrophe are dropped;
- ``зг`` is written ``zgh`` so that it does not read as ``ж`` (Zghorany, Rozghon).

Older systems and much of the press (BGN/PCGN, Russian-era habits) write the word-initial
forms everywhere instead: Zaporizhzhya, Mykolayiv, Kryvyy Rih, Klishchiyivka.
``uk_to_latin(text, y_forms=True)`` gives that spelling, used as a search variant.
"""
from __future__ import annotations

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia",
}

#: the forms of the iotated letters at the start of a word
_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}

#: typewriter, typographic and modifier-letter apostrophes: all are the Ukrainian
#: apostrophe (Знам'янка, Знам’янка, Знамʼянка) and none starts a new word
APOSTROPHES = frozenset("'’ʼ‘`")


def _word_start(text: str, i: int) -> bool:
    """Whether position ``i`` opens a word: a hyphen or space before it does, an apostrophe does not."""
    if i == 0:
        return True
    prev = text[i - 1]
    return not (prev.isalpha() or prev in APOSTROPHES)


def _latin(text: str, i: int, y_forms: bool) -> str | None:
    """The Latin of the letter at ``i`` in lower case, or None if it is not a Ukrainian letter."""
    low = text[i].lower()
    if low not in _LETTERS:
        return None
    if low in _INITIAL and (y_forms or _word_start(text, i)):
        return _INITIAL[low]
    if low == "г" and i > 0 and text[i - 1].lower() == "з":
        return "gh"
    return _LETTERS[low]


def _cased(latin: str, text: str, i: int) -> str:
    """Give ``latin`` the case of the source letter at ``i``.

    An upper-case letter in an all-capitals word (``ЩОРС``) becomes all capitals
    (SHCHORS); one opening a word (``Щорс``) only its first letter (Shchors).
    """
    if not text[i].isupper() or not latin:
        return latin
    prev_up = i > 0 and text[i - 1].isupper()
    next_up = i + 1 < len(text) and text[i + 1].isupper()
    if next_up or (prev_up and not (i + 1 < len(text) and text[i + 1].islower())):
        return latin.upper()
    return latin[0].upper() + latin[1:]


def uk_to_latin(text: str, *, y_forms: bool = False) -> str:
    """Transliterate Ukrainian text to Latin by the national system (KMU resolution 55, 2010).

    Parameters
    ----------
    text : str
        Ukrainian text, typically a place name.  Characters that are not Ukrainian
        letters (Latin, digits, spaces, hyphens) are kept; apostrophes are dropped.
    y_forms : bool, optional
        Write the word-initial forms of ``є ї й ю я`` (ye, yi, y, yu, ya) everywhere,
        the older press spelling (``Запоріжжя`` -> Zaporizhzhya instead of
        Zaporizhzhia).  Off by default.

    Returns
    -------
    str
        The transliteration, with the capitalisation of the source kept per word.

    Examples
    --------
    >>> uk_to_latin("Кліщіївка")
    'Klishchiivka'
    >>> uk_to_latin("Кривий Ріг", y_forms=True)
    'Kryvyy Rih'
    """
    out = []
    for i, ch in enumerate(text):
        if ch in APOSTROPHES:
            continue
        latin = _latin(text, i, y_forms)
        out.append(ch if latin is None else _cased(latin, text, i))
    return "".join(out)
