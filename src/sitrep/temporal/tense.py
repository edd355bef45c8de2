"""Which way in time a clause points, read from the parse: past, future, or unknown.

News convention: a bare weekday or month in past-tense reporting is the latest
one on or before the DCT, in future-tense the next one after it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.temporal.reading import FUTURE, PAST, UNKNOWN

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "going"})
_PERFECT_AUX = frozenset({"have", "has", "'ve", "'s"})
# Verbs whose object is an event to come: a day in their clause is when it will happen.
_SCHEDULING = frozenset({"plan", "schedule", "slate", "reschedule"})
# Verbs whose to-infinitive points forward even in the past tense ("planned to march on Monday").
_PROSPECTIVE = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "set",
        "intend",
        "hope",
        "want",
        "aim",
        "agree",
        "decide",
        "promise",
        "threaten",
        "vow",
        "pledge",
        "prepare",
        "propose",
        "seek",
        "offer",
        "ask",
        "urge",
        "call",
        "order",
    }
)


def governing_verb(token: Token, max_steps: int = 6) -> Token | None:
    """The nearest verb (or auxiliary-headed clause) above ``token`` in the dependency tree."""
    current = token
    for _ in range(max_steps):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def verb_direction(verb: Token) -> int:
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    words = {aux.lower_ for aux in auxiliaries}
    if words & _FUTURE_AUX or verb.lower_ in _FUTURE_AUX:
        return FUTURE
    if any(aux.tag_ == "MD" for aux in auxiliaries):
        return UNKNOWN  # "would be held", "could start": modal, no tense to go by
    if (
        verb.lemma_ in _SCHEDULING
        and verb.dep_ not in {"acl", "amod"}
        and any(child.dep_ == "dobj" for child in verb.children)
    ):
        return FUTURE  # "planned a rally on Saturday", "has scheduled a news conference Thursday"
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxiliaries):
        return PAST
    if verb.tag_ == "VBN" and words & _PERFECT_AUX:
        return PAST
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod"}:
        return PAST
    if verb.tag_ == "VBG" and verb.head is not verb and verb.head.tag_ == "VBD":
        return PAST
    if verb.tag_ == "VB" and any(child.lower_ == "to" and child.dep_ == "aux" for child in verb.children):
        # "expected to join in April", "set to resume Monday": prospective; but "declined to
        # comment Saturday" is as past as the verb it completes.
        head = verb.head
        if head is not verb and head.tag_ == "VBD" and head.lemma_ not in _PROSPECTIVE:
            return PAST
        return FUTURE
    return UNKNOWN


def _has_modal(verb: Token) -> bool:
    return any(child.tag_ == "MD" and child.dep_ in {"aux", "auxpass"} for child in verb.children)


def direction_at(doc: Doc, start: int, end: int) -> int:
    """The tense direction of the clause a character span sits in."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return UNKNOWN
    verb = governing_verb(span.root)
    if verb is None:
        return UNKNOWN
    direction = verb_direction(verb)
    if direction == UNKNOWN and _has_modal(verb):
        # "said the summit would be held on April 24": a modal in reported speech looks forward
        # from the reporting time, so the past tense of "said" says nothing; take the nearest date
        return UNKNOWN
    if direction == UNKNOWN and verb.dep_ in {"xcomp", "ccomp", "advcl", "conj", "pcomp"} and verb.head is not verb:
        head = governing_verb(verb.head)
        if head is not None and head is not verb and verb.tag_ not in {"VBZ", "VBP"}:
            direction = verb_direction(head)
    return direction
