"""Name keys: one normal form for gazetteer names and text spans alike.

Both sides go through :func:`name_key`, so "Zaporizhzhia", "Zaporizhzhia's"
(after the caller drops the clitic), "ZAPORIZHZHIA" and "Zaporíz̆zhia" meet on
one key, and "St. Louis" meets "Saint Louis".
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = "'’‘`´ʼʻ"
_SEPARATORS = re.compile(r"[-‐‑‒–—/_,;:()\[\]\"“”]+")
_SPACES = re.compile(r"\s+")
# Abbreviations that English place names use interchangeably with the full word.
_TOKEN_EQUIVALENTS: dict[str, str] = {
    "saint": "st",
    "sainte": "ste",
    "mount": "mt",
    "fort": "ft",
}


def fold(text: str) -> str:
    """Lower-case and strip diacritics (``Dnipró`` -> ``dnipro``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_key(text: str) -> str:
    """The lookup key of a place name or a text span."""
    folded = fold(text)
    for mark in _APOSTROPHES:
        folded = folded.replace(mark, "")
    folded = folded.replace(".", " ")
    folded = _SEPARATORS.sub(" ", folded)
    tokens = [_TOKEN_EQUIVALENTS.get(tok, tok) for tok in _SPACES.split(folded.strip()) if tok]
    return " ".join(tokens)


def is_latin(text: str) -> bool:
    """True when every letter is Latin script: only those can appear in English news."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    return all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def usable_alias(text: str) -> bool:
    """Filter GeoNames alternate names down to forms an English text may use.

    Drops other scripts, and short all-capital codes (IATA "IEV", "DOK") that
    would otherwise match acronyms of organisations.
    """
    text = text.strip()
    if len(text) < 2 or not is_latin(text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return not (len(letters) <= 4 and all(ch.isupper() for ch in letters))
