"""Parsing bodies of any length: long ones in paragraph-aligned pieces, joined back into one Doc.

spaCy refuses texts past ``nlp.max_length`` (E088) and its memory grows with the
text. A body longer than ``CHUNK_CHARS`` is cut at paragraph breaks (else line
breaks, else spaces) into pieces that are exact slices of it; the pieces are
parsed with the rest of the batch and joined with ``Doc.from_docs``, so the joined
text is the body itself and every token offset still indexes ``article.body``.
No sentence crosses a paragraph break (see ``nlp.paragraph_boundaries``), so the
cuts change nothing a sentence-level stage sees.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

T = TypeVar("T")
CHUNK_CHARS = 100_000
_BREAKS = ("\n\n", "\n", " ")


def chunk_spans(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ``(start, end)`` slices of at most ``limit`` characters, at the
    strongest break available (paragraph, line, word); a piece with none is cut at the limit."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = -1
        for mark in _BREAKS:
            at = text.rfind(mark, start + limit // 2, window_end)
            if at != -1:
                cut = at + len(mark)
                break
        end = cut if cut > start else window_end
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def parse_many(
    nlp: Language, items: Iterable[tuple[str, T]], batch_size: int, limit: int = CHUNK_CHARS
) -> Iterator[tuple[Doc, T]]:
    """Like ``nlp.pipe(items, as_tuples=True)``, for texts of any length, in input order."""

    def pieces() -> Iterator[tuple[str, tuple[int, T]]]:
        for text, context in items:
            spans = chunk_spans(text, limit) if len(text) > limit else [(0, len(text))]
            for start, end in spans:
                yield text[start:end], (len(spans), context)

    pending: list[Doc] = []
    for doc, (count, context) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        if count == 1:
            yield doc, context
            continue
        pending.append(doc)
        if len(pending) == count:
            joined = Doc.from_docs(pending, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]  # stub predates exclude
            pending = []
            yield joined, context
