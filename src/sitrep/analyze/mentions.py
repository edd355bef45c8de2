"""Sentences and named-entity mentions from the parse; people and organisations get their canonical actor."""

from __future__ import annotations

from sitrep.actors.matcher import default_table
from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
from sitrep.model import Mention, Sentence

# Labels that name a who or a where; numbers and dates are handled by other stages.
MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


@stage("sentences")
def make_sentences(config: StageConfig) -> StageFn:
    def sentences(ctx: Context) -> list[Sentence]:
        return [Sentence(start=s.start_char, end=s.end_char) for s in ctx.doc.sents]

    return sentences


# Names that can be an actor on their own; places get theirs from the places stage (metonymy needs context).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "FAC"})


@stage("mentions")
def make_mentions(config: StageConfig) -> StageFn:
    table = default_table()

    def mentions(ctx: Context) -> list[Mention]:
        found = []
        for e in ctx.doc.ents:
            if e.label_ not in MENTION_LABELS:
                continue
            ref = table.resolve(list(e)) if e.label_ in ACTOR_LABELS else None
            actor = ref.actor if ref is not None else None
            found.append(Mention(start=e.start_char, end=e.end_char, text=e.text, label=e.label_, actor=actor))
        return found

    return mentions
