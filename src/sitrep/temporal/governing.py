"""The timex that dates a clause: the link from a verb in the parse to a time expression.

Events and control claims (:mod:`sitrep.events.anchoring`) are dated by the DATE/TIME
expression that governs their clause in the dependency parse, falling back to the nearest
one in the sentence; durations and frequencies never date anything.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sitrep.model import AnalyzedArticle, Timex

# Only these types can date an event; a duration or a frequency says how long or how often, not when.
_DATING_TYPES = frozenset({"DATE", "TIME"})


def governing_timex(
    result_or_timexes: AnalyzedArticle | Sequence[Timex], doc: Doc, token_or_span: Token | Span
) -> Timex | None:
    """The time expression that dates the clause of ``token_or_span``, or None.

    Looks first for a DATE/TIME timex inside the dependency subtree of the
    clause's verb (the governing verb of the token, or the span's root), taking
    the one closest to the verb; then falls back to the nearest such timex in
    the same sentence. Reference values (``PRESENT_REF``, ``PAST_REF``) are used
    only when nothing more precise is there. Offsets are character offsets, so
    ``doc`` must be the parse of the body the timexes index.
    """
    timexes = result_or_timexes.timexes if isinstance(result_or_timexes, AnalyzedArticle) else result_or_timexes
    token = token_or_span.root if isinstance(token_or_span, Span) else token_or_span
    sentence = token.sent
    candidates = _dating_in(timexes, doc, sentence.start_char, sentence.end_char)
    if not candidates:
        return None
    verb = _clause_verb(token)
    subtree = verb.subtree
    lo, hi = min(t.idx for t in verb.subtree), 0
    for t in subtree:
        hi = max(hi, t.idx + len(t))
    inside = [t for t in candidates if t.start >= lo and t.end <= hi and _attached_to(doc, t, verb)]
    if not inside:
        inside = [t for t in candidates if t.start >= sentence.start_char and t.end <= sentence.end_char]
    if not inside:
        return None
    precise = [t for t in inside if not t.value.endswith("_REF")] or inside
    return min(precise, key=lambda t: abs(t.start - verb.idx))


def _clause_verb(token: Token) -> Token:
    current = token
    for _ in range(8):
        if current.pos_ in {"VERB", "AUX"} or current.head is current:
            return current
        current = current.head
    return token


def _attached_to(doc: Doc, timex: Timex, verb: Token) -> bool:
    """True when the timex's head does not belong to a deeper clause with its own verb."""
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    current = span.root
    for _ in range(10):
        if current is verb:
            return True
        if current.pos_ in {"VERB", "AUX"} and current.dep_ in {"ccomp", "advcl", "relcl", "xcomp", "conj"}:
            return False
        if current.head is current:
            return False
        current = current.head
    return False


_INDEX_KEY = "sitrep.dating_timexes"


def _dating_in(timexes: Sequence[Timex], doc: Doc, start: int, end: int) -> list[Timex]:
    """The DATE/TIME timexes starting inside ``[start, end)``, from an index kept on the doc: asking once
    per clause would otherwise read every timex of the article each time (quadratic on long articles).
    A clause's subtree lies inside its sentence, so the sentence bounds every candidate."""
    cached = doc.user_data.get(_INDEX_KEY)
    if not (isinstance(cached, tuple) and cached[0] is timexes):
        dating = sorted((t for t in timexes if t.type in _DATING_TYPES), key=lambda t: t.start)
        cached = (timexes, [t.start for t in dating], dating)
        doc.user_data[_INDEX_KEY] = cached
    _, starts, dating = cached
    found: list[Timex] = dating[bisect_left(starts, start) : bisect_left(starts, end)]
    return found
