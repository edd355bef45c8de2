"""The ``timexes`` stage: time expressions with TIMEX3 type and value, and dated intervals.

Recognition and normalisation live in :mod:`sitrep.temporal` (a rule grammar,
compiled once per process); this stage supplies the two things only the
analysis has: the DCT (``ctx.dct``, the article's published interval) and the
tense of each clause, read from the one spaCy parse. ``governing_timex`` is the
API later stages (events, control claims) use to date a clause.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
from sitrep.model import AnalyzedArticle, Timex
from sitrep.temporal import Dct, Found, Recognizer, annotate
from sitrep.temporal.tense import direction_at


@stage("timexes")
def make_timexes(config: StageConfig) -> StageFn:
    recognizer = Recognizer()

    def timexes(ctx: Context) -> list[Timex]:
        doc = ctx.doc
        return annotate(
            ctx.article.body,
            Dct.from_interval(ctx.dct),
            lambda start, end: direction_at(doc, start, end),
            recognizer,
            lambda found: _is_time_use(doc, found),
        )

    return timexes


# Rules whose words are often not time expressions: "daily newspaper", "annual report", "current account".
_ADVERB_ONLY_RULES = frozenset({"frequency"})
_RECURRENCE_ADJECTIVES = frozenset({"hourly", "daily", "nightly", "weekly"})


def _is_time_use(doc: Doc, found: Found) -> bool:
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
        return span.root.lower_ in _RECURRENCE_ADJECTIVES and span.end < len(doc) \
            and doc[span.end].pos_ == "PROPN" and before is not None and before.pos_ in {"NOUN", "PROPN"}
    if before is None or span[0].is_sent_start:
        return False
    if before.is_alpha and before.text[:1].isupper() and not before.is_sent_start and before.pos_ == "PROPN":
        return True
    return len(span) > 1 and before.is_quote


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
    candidates = [t for t in timexes if t.type in _DATING_TYPES]
    if not candidates:
        return None
    token = token_or_span.root if isinstance(token_or_span, Span) else token_or_span
    verb = _clause_verb(token)
    subtree = verb.subtree
    lo, hi = min(t.idx for t in verb.subtree), 0
    for t in subtree:
        hi = max(hi, t.idx + len(t))
    inside = [t for t in candidates if t.start >= lo and t.end <= hi and _attached_to(doc, t, verb)]
    if not inside:
        sentence = token.sent
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
