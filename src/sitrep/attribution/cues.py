"""Cue spans, and how a cue word plus its content becomes a :class:`FoundAttribution`.

PolNeAR marks the cue as the reporting verb with what clings to it: auxiliaries,
negation and adverbs just before it ("has also said"), a catenative verb ("went
on to explain"), a particle ("call for"), and whatever bridges the verb to
content after it ("said in a statement that", "said Thursday that", "said:").
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.attribution.content import content_parts, drop_leading_time, to_sentence_end
from sitrep.attribution.document import AttributionKind, FoundAttribution, SpeechDoc
from sitrep.attribution.lexicon import CueEntry
from sitrep.attribution.source_spans import source_of
from sitrep.attribution.spans import CharRange, token_range

# Dependents that belong to the cue span when they sit just left of the verb ("has also said").
CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# Dependents between the verb and its content that annotators count as part of the cue
# ("said in a statement that", "said Thursday that", "said:").
CUE_BRIDGE_DEPS = frozenset({"npadvmod", "advmod", "prt"})


def cue_range(speech: SpeechDoc, verb: Token, content: list[CharRange], entry: CueEntry | None = None) -> CharRange:
    """The verb with adjacent auxiliaries/adverbs, and what bridges it to content after it."""
    doc = speech.doc
    start, end = token_range(verb)
    first = verb
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" and verb.head.i < verb.i:
        first = verb.head  # catenative: "went on to explain", "continues to insist"
        start = first.idx
    elif verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head.i < verb.head.i:
        first = verb.head.head  # "were more likely to say", "is eager to point out"
        start = first.idx
    i = first.i - 1
    while (
        i >= 0
        and doc[i].head.i == first.i
        and doc[i].dep_ in CUE_LEFT_DEPS
        and doc[i].tag_ != "WRB"  # "when asked": the conjunction is not part of the cue
    ):
        start = doc[i].idx
        i -= 1
    content_start = min(s for s, _ in content)
    particle = entry.lemma.partition(" ")[2] if entry is not None else ""
    for child in verb.rights:
        if particle and child.lower_ == particle and child.dep_ in ("prep", "prt"):
            end = child.idx + len(child.text)
    if content_start > end:
        for child in verb.rights:
            last = child.right_edge
            while last.is_space and last.i > child.i:
                last = doc[last.i - 1]  # "declared:\n\n": the paragraph break is not part of the cue
            if last.idx >= content_start:
                break
            bridging = child.dep_ in CUE_BRIDGE_DEPS or (child.text == ":" and child.dep_ == "punct")
            if not bridging or speech.text[end : child.idx].strip(" ,"):
                if not bridging:
                    break
                if speech.text[end : child.idx].strip():
                    break
            end = last.idx + len(last.text)
    return start, end


def cued_attribution(
    speech: SpeechDoc, kind: AttributionKind, verb: Token, content: list[CharRange], entry: CueEntry
) -> FoundAttribution:
    """An attribution of ``content`` to the source of the cue ``verb``."""
    found = FoundAttribution(
        kind=kind,
        cue=cue_range(speech, verb, content, entry),
        lemma=entry.lemma,
        stance=entry.stance,
        content=content,
        cue_token=verb.i,
    )
    source = source_of(speech, verb)
    if source is not None:
        found.source, found.source_token = source
    return found


def attribution_from_tokens(
    speech: SpeechDoc, cue: Token, entry: CueEntry, content_tokens: list[int]
) -> FoundAttribution | None:
    """The attribution of a cue verb whose content the parse gives as tokens, spans cut to the conventions."""
    content_tokens = to_sentence_end(speech, cue, [i for i in content_tokens if i != cue.i])
    content_tokens = drop_leading_time(speech, cue, content_tokens)
    if not content_tokens:
        return None
    parts, kind = content_parts(speech, content_tokens, inside=speech.quote_of.get(cue.i))
    if not parts:
        return None
    return cued_attribution(speech, kind, cue, parts, entry)
