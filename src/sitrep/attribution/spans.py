"""Character ranges built from token sets, trimmed the way annotators mark spans."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

CharRange = tuple[int, int]

# Punctuation that never starts or ends an attribution span (quote marks are kept
# when the span is a quotation; see ``trim``).
EDGE_PUNCT = frozenset(",;:.—–-()[]")
QUOTE_MARKS = frozenset({"“", "”", '"', "„", "«", "»", "‘", "’", "'", "''", "``"})


def token_range(tok: Token) -> CharRange:
    """The character range of one token."""
    return tok.idx, tok.idx + len(tok.text)


def subtree_indices(tok: Token, exclude: Iterable[int] = ()) -> list[int]:
    """Token indices of ``tok``'s subtree, minus ``exclude`` (and never whitespace tokens)."""
    skip = set(exclude)
    return [t.i for t in tok.subtree if t.i not in skip and not t.is_space]


def parts_from_indices(doc: Doc, indices: Iterable[int]) -> list[CharRange]:
    """Contiguous runs of tokens as character ranges, each trimmed of edge punctuation."""
    ordered = sorted(set(indices))
    runs: list[list[int]] = []
    for i in ordered:
        if runs and (i == runs[-1][-1] + 1 or all(doc[j].is_space for j in range(runs[-1][-1] + 1, i))):
            runs[-1].append(i)
        else:
            runs.append([i])
    parts: list[CharRange] = []
    for run in runs:
        trimmed = trim(doc, run)
        if trimmed:
            parts.append((doc[trimmed[0]].idx, doc[trimmed[-1]].idx + len(doc[trimmed[-1]].text)))
    return parts


def trim(doc: Doc, run: list[int]) -> list[int]:
    """Drop edge punctuation, spaces and unbalanced quote marks from a run of token indices."""
    lo, hi = 0, len(run)
    while lo < hi and _droppable(doc[run[lo]]):
        lo += 1
    while hi > lo and _droppable(doc[run[hi - 1]]) and not _closes_bracket(doc, run[lo:hi]):
        hi -= 1
    kept = run[lo:hi]
    # A quote mark at one edge only is unbalanced: it belongs to a larger quote.
    while kept and doc[kept[0]].text in QUOTE_MARKS and not _has_closing(doc, kept):
        kept = kept[1:]
    while kept and doc[kept[-1]].text in QUOTE_MARKS and not _has_opening(doc, kept):
        kept = kept[:-1]
    while kept and _droppable(doc[kept[-1]]) and not _closes_bracket(doc, kept):
        kept = kept[:-1]
    while kept and _droppable(doc[kept[0]]):
        kept = kept[1:]
    return kept


def _closes_bracket(doc: Doc, run: list[int]) -> bool:
    """A final ")" whose "(" is inside the run stays: "Sen. Ted Cruz (R-Tex.)"."""
    return doc[run[-1]].text == ")" and any(doc[i].text == "(" for i in run[:-1])


def _droppable(tok: Token) -> bool:
    return tok.is_space or tok.text in EDGE_PUNCT or (tok.is_punct and tok.text not in QUOTE_MARKS)


def _has_closing(doc: Doc, run: list[int]) -> bool:
    return any(doc[i].text in QUOTE_MARKS for i in run[1:])


def _has_opening(doc: Doc, run: list[int]) -> bool:
    return any(doc[i].text in QUOTE_MARKS for i in run[:-1])


def hull(parts: list[CharRange]) -> CharRange:
    """The smallest range covering all parts (a split content reported as one span)."""
    return min(p[0] for p in parts), max(p[1] for p in parts)
