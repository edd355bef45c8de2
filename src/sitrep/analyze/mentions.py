"""Sentences and named-entity mentions, straight from the parse."""

from __future__ import annotations

from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
from sitrep.model import Mention, Sentence

# Labels that name a who or a where; numbers and dates are handled by other stages.
MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


@stage("sentences")
def make_sentences(config: StageConfig) -> StageFn:
    def sentences(ctx: Context) -> list[Sentence]:
        return [Sentence(start=s.start_char, end=s.end_char) for s in ctx.doc.sents]

    return sentences


@stage("mentions")
def make_mentions(config: StageConfig) -> StageFn:
    def mentions(ctx: Context) -> list[Mention]:
        return [
            Mention(start=e.start_char, end=e.end_char, text=e.text, label=e.label_)
            for e in ctx.doc.ents
            if e.label_ in MENTION_LABELS
        ]

    return mentions
