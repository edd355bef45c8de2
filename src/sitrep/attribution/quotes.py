"""Quotation spans: the stretches of text between matching quote marks.

Quotes are found on the raw text, not the parse, because quote marks are the
writer's own signal of direct speech and parsers often split a quote into
several sentences. A quote may run over several paragraphs: by news convention a
quoted paragraph that continues into the next one leaves its closing mark off and
the next paragraph opens with a fresh mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
# Longest stretch searched for a closing mark before a quote is given up as unbalanced.
MAX_QUOTE_CHARS = 3000
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# Quote marks as the tokenizer leaves them: any mark, and the ones that close a quotation.
QUOTE_MARK_TEXTS = frozenset({"“", "”", '"', "«", "»", "''", "``", "„"})
QUOTE_CLOSERS = frozenset({"”", '"', "»", "''"})


@dataclass(frozen=True, order=True)
class Quote:
    """A quotation, marks included (``start`` is on the opening mark, ``end`` after the closing one)."""

    start: int
    end: int


def _marks(text: str) -> list[tuple[int, int, str]]:
    """Quote marks as (offset, length, role "open"/"close"); straight quotes decided by context.

    Two apostrophes (``''``) are a double quote mark in some wire copy (the NYT
    archive writes ''like this'').
    """
    marks: list[tuple[int, int, str]] = []
    i = 0
    while i < len(text):
        ch = text[i]
        width = 2 if text.startswith("''", i) or text.startswith("``", i) else 1
        if ch in OPENING or text.startswith("``", i):
            marks.append((i, width, "open"))
        elif ch in CLOSING:
            marks.append((i, 1, "close"))
        elif ch == STRAIGHT or width == 2:
            before = text[i - 1] if i > 0 else " "
            after = text[i + width] if i + width < len(text) else " "
            if before.isspace() or before in "([{—–-:" or (not before.isalnum() and after.isalnum()):
                marks.append((i, width, "open"))
            else:
                marks.append((i, width, "close"))
        i += width
    return marks


def _family(text: str, pos: int) -> str:
    """Curly, guillemet or straight: a quotation in one style may nest quotations in another."""
    ch = text[pos]
    if ch in "“”„":
        return "curly"
    return "guillemet" if ch in "«»" else "straight"


def find_quotes(text: str) -> list[Quote]:
    """All quotes in ``text``, in order, non-overlapping, multi-paragraph ones merged.

    Inside a quotation, marks of another style open and close a nested quotation
    ("The Department isn’t about “Equal Justice” anymore," he said), which stays part of it.
    """
    quotes: list[Quote] = []
    open_at: int | None = None
    family = ""
    nested: list[str] = []
    for pos, width, role in _marks(text):
        style = _family(text, pos)
        if role == "open":
            if open_at is not None and style != family and not _continues(text, open_at, pos):
                nested.append(style)
                continue
            if open_at is not None and not _continues(text, open_at, pos):
                open_at = None  # unbalanced: drop the earlier opening mark
            if open_at is None:
                open_at, family, nested = pos, style, []
        elif open_at is not None:
            if nested and nested[-1] == style:
                nested.pop()
                continue
            if pos - open_at <= MAX_QUOTE_CHARS:
                quotes.append(Quote(open_at, pos + width))
            open_at = None
    return quotes


def _continues(text: str, open_at: int, reopen: int) -> bool:
    """A new opening mark continues an open quote only at the start of a new paragraph."""
    between = text[open_at:reopen]
    if not _PARAGRAPH_BREAK.search(between):
        return False
    line_start = text.rfind("\n", 0, reopen) + 1
    return not text[line_start:reopen].strip() and reopen - open_at <= MAX_QUOTE_CHARS
