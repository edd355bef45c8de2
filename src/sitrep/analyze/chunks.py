"""Parsing bodies of any length in bounded memory: long ones in paragraph-aligned pieces, joined back.

spaCy refuses texts past ``nlp.max_length`` (E088), and while it parses a text
its memory grows with the text's tokens (some 15 KB a token for the small English
model), not its characters: 100 KB of prose is 20,000 tokens, 100 KB of
punctuation 100,000. So a body is cut into pieces of at most ``CHUNK_CHARS``
characters and about ``CHUNK_TOKENS`` tokens, at paragraph breaks (else line
breaks, else spaces); the pieces are exact slices, parsed in batches that hold no
more than one piece's worth of tokens, and joined with ``Doc.from_docs``, so the
joined text is the body itself and every token offset still indexes
``article.body``. No sentence crosses a paragraph break (see
``nlp.paragraph_boundaries``), so the cuts change nothing a sentence-level stage sees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

T = TypeVar("T")
CHUNK_CHARS = 100_000
CHUNK_TOKENS = 10_000
_BREAKS = ("\n\n", "\n", " ")
_TOKENISH = re.compile(r"\w+|[^\w\s]")  # about one spaCy token per match


def estimated_tokens(text: str, start: int = 0, end: int | None = None) -> int:
    return sum(1 for _ in _TOKENISH.finditer(text, start, len(text) if end is None else end))


def chunk_spans(text: str, limit: int = CHUNK_CHARS, max_tokens: int = CHUNK_TOKENS) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ``(start, end)`` slices of at most ``limit`` characters and about
    ``max_tokens`` tokens, at the strongest break available (paragraph, line, word); a piece with none
    is cut at the limit."""
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        size = min(limit, len(text) - start)
        tokens = estimated_tokens(text, start, start + size)
        if tokens > max_tokens:  # dense text (punctuation, numbers): fewer characters per piece
            size = max(1, size * max_tokens // tokens)
        if start + size >= len(text):
            break
        window_end = start + size
        cut = -1
        for mark in _BREAKS:
            at = text.rfind(mark, start + size // 2, window_end)
            if at != -1:
                cut = at + len(mark)
                break
        end = cut if cut > start else window_end
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def parse_many(
    nlp: Language,
    items: Iterable[tuple[str, T]],
    batch_size: int,
    limit: int = CHUNK_CHARS,
    max_tokens: int = CHUNK_TOKENS,
) -> Iterator[tuple[Doc, T]]:
    """Like ``nlp.pipe(items, as_tuples=True)``, for texts of any length, in input order, in bounded memory."""

    def pieces() -> Iterator[tuple[str, int, tuple[int, T]]]:
        """Each text whole, or its slices; with its token estimate, counted once."""
        for text, context in items:
            tokens = estimated_tokens(text) if len(text) <= limit else max_tokens + 1
            if tokens <= max_tokens:
                yield text, tokens, (1, context)
                continue
            spans = chunk_spans(text, limit, max_tokens)
            for start, end in spans:
                yield text[start:end], estimated_tokens(text, start, end), (len(spans), context)

    pending: list[Doc] = []
    for batch in _batches(pieces(), batch_size, max_tokens):
        docs = nlp.pipe([text for text, _, _ in batch], batch_size=len(batch))
        for doc, (_, _, (count, context)) in zip(docs, batch, strict=True):
            if count == 1:
                yield doc, context
                continue
            pending.append(doc)
            if len(pending) == count:
                joined = Doc.from_docs(pending, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]  # stub predates exclude
                pending = []
                yield joined, context


def _batches(
    pieces: Iterable[tuple[str, int, T]], batch_size: int, max_tokens: int
) -> Iterator[list[tuple[str, int, T]]]:
    """Runs of at most ``batch_size`` pieces (text, estimated tokens, context) holding at most about
    ``max_tokens`` tokens together."""
    batch: list[tuple[str, int, T]] = []
    tokens = 0
    for piece in pieces:
        size = piece[1]
        if batch and (len(batch) >= batch_size or tokens + size > max_tokens):
            yield batch
            batch, tokens = [], 0
        batch.append(piece)
        tokens += size
    if batch:
        yield batch
