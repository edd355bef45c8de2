"""Tokenizing any text in linear time.

spaCy's tokenizer strips prefixes and suffixes one at a time from each
whitespace-delimited chunk, re-examining the rest every time: a chunk of
thousands of punctuation marks with no space ("!!!!…", a ruler of dashes, a
mangled table) costs the square of its length (18 KB of punctuation: about a
minute). Chunks like that are cut into short pieces before the model's own
tokenizer sees them; every other text is tokenized exactly as before.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

LONG_CHUNK = 100  # characters without whitespace before a chunk is checked
PIECE = 20  # pathological chunks are tokenized in pieces of this many characters
_LONG = re.compile(rf"\S{{{LONG_CHUNK},}}")


def _mostly_marks(chunk: str) -> bool:
    """Half or more punctuation and symbols: the shape that makes affix stripping quadratic."""
    marks = sum(1 for ch in chunk if unicodedata.category(ch)[0] in "PS")
    return marks * 2 >= len(chunk)


class LinearTokenizer:
    """The model's tokenizer, with pathological chunks cut into pieces first."""

    def __init__(self, inner: Tokenizer) -> None:
        self.inner = inner
        self.vocab = inner.vocab

    def __call__(self, text: str) -> Doc:
        spans = [m.span() for m in _LONG.finditer(text) if _mostly_marks(m.group())]
        if not spans:
            doc: Doc = self.inner(text)
            return doc
        words: list[str] = []
        spaces: list[bool] = []
        cursor = 0
        for start, end in spans:
            self._add(text[cursor:start], words, spaces)
            for at in range(start, end, PIECE):
                self._add(text[at : min(at + PIECE, end)], words, spaces)
            cursor = end
        self._add(text[cursor:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def _add(self, text: str, words: list[str], spaces: list[bool]) -> None:
        if not text:
            return
        if words and spaces[-1] is False and text[0] == " ":
            spaces[-1] = True  # the space after the previous piece belongs to its last token
            text = text[1:]
            if not text:
                return
        for token in self.inner(text):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
