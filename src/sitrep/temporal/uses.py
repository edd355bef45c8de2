"""Vetoes from the parse: recognised time words that are not time expressions here.

The grammar reads text alone, so it takes "Today" in "USA Today", "This Week" in a show's
title, and "annual" in "an annual report" for time expressions. With the spaCy parse at hand,
:func:`is_time_use` says which matches are really about time; the ``timexes`` stage passes it
to :func:`~sitrep.temporal.annotate` as ``keep``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from sitrep.temporal.recognize import TimexMatch

# Rules whose words are often not time expressions: "daily newspaper", "annual report", "current account".
_ADVERB_ONLY_RULES = frozenset({"frequency"})
_RECURRENCE_ADJECTIVES = frozenset({"hourly", "daily", "nightly", "weekly"})


def is_time_use(doc: Doc, found: TimexMatch) -> bool:
    """Veto time words that are part of a name ("USA Today", ABC's "This Week", the "Communist Party
    daily Granma") and frequency words used as adjectives before a noun ("an annual report")."""
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is not None and found.rule in _WORD_RULES and _in_a_name(span):
        return False
    if found.rule not in _ADVERB_ONLY_RULES:
        return True
    if span is None or span.root.dep_ != "amod":
        return True
    # "a daily rally", "his weekly address": still how often something happens (TimeML SET); but
    # "an annual report", "a quarterly dividend" name a kind of thing, not a recurrence
    return span.text.lower() in _RECURRENCE_ADJECTIVES


# Rules made of plain words, which can be words of a title or a name as well.
_WORD_RULES = frozenset({"reference", "dayword", "relative_unit", "clock", "frequency", "the_unit"})


def _in_a_name(span: Span) -> bool:
    """True for a time word inside a name: all its words capitalised and the word before a
    capitalised name word ("VOA Today", "High Noon"), or, for a several-word title, not the start
    of a sentence ("This Week With David Brinkley"); or a "daily"/"weekly" that names a paper."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if not all(token.text[:1].isupper() for token in span if token.is_alpha):
        # "the business daily Vedomosti": a newspaper between its kind and its name
        return (
            span.root.lower_ in _RECURRENCE_ADJECTIVES
            and span.end < len(doc)
            and doc[span.end].pos_ == "PROPN"
            and before is not None
            and before.pos_ in {"NOUN", "PROPN"}
        )
    if before is None or span[0].is_sent_start:
        return False
    if before.is_alpha and before.text[:1].isupper() and not before.is_sent_start and before.pos_ == "PROPN":
        return True
    return len(span) > 1 and before.is_quote
