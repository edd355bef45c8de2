"""Text written without spaces between words (Chinese, Japanese), as a flattened page prints it.

A text browser gives such a character two columns and may wrap a line before
any character, and the words of a sentence are not separated, so the text-dump
extractor needs three things from here: the display width of a line, where a
wrapped line may be re-joined without a space, and word-like tokens to count
stop words on (one per character: Chinese function words are mostly single
characters — 的, 了, 在, 是 — and no segmenter is needed to count them).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Han ideographs, kana, Hangul syllables and CJK punctuation/full-width forms.
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff00-\uffef]")
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # Korean uses spaces
# CJK sentence ends: full stop, exclamation and question marks, closing quotes and brackets.
SENTENCE_END_MARKS = "。！？」』）】"


def is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))


def display_width(text: str) -> int:
    """Columns a terminal (and so w3m or lynx) gives the text: wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def spaceless_count(text: str) -> int:
    """How many characters of the text belong to scripts written without spaces (Han, kana)."""
    return 0 if text.isascii() else len(_SPACELESS.findall(text))


def spaceless(text: str) -> bool:
    """Mostly Chinese or Japanese: words are not separated by spaces."""
    if text.isascii():
        return False
    letters = sum(1 for ch in text if ch.isalpha())
    return letters > 0 and spaceless_count(text) >= 0.3 * letters


def tokens(word: str) -> list[str]:
    """A whitespace-delimited token split into one token per CJK character plus its other runs."""
    if not _CJK.search(word):
        return [word]
    return [piece for piece in re.split(f"({_CJK.pattern})", word) if piece.strip()]


@lru_cache(maxsize=1)
def chinese_stopwords() -> frozenset[str]:
    """spaCy's Chinese stop words (MIT) reduced to single characters, the tokens :func:`tokens` makes."""
    from spacy.lang.zh.stop_words import STOP_WORDS

    return frozenset(word for word in STOP_WORDS if len(word) == 1 and _SPACELESS.match(word))
