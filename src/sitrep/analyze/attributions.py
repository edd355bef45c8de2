"""The ``attributions`` stage: who says so — source, cue (+ stance), content.

Finds direct quotes, indirect reported speech ("said that ..."), mixed partial
quotes, "according to X", speech-act nouns ("X's statement that ...") and
passives ("it was reported by X"), with PolNeAR-style spans: the full source
noun phrase, the cue with its auxiliaries, the content with "that" and, for
quotations, the quote marks. The rules live in :mod:`sitrep.attribution`; this
stage resolves the sources and turns the records into contract objects.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
from sitrep.attribution import FoundAttribution, find_attributions
from sitrep.attribution.lexicon import load_lexicon
from sitrep.attribution.sources import SourceResolver
from sitrep.attribution.spans import hull
from sitrep.model import Attribution, AttributionSource, Cue, Mention, Place, Span


def to_attributions(
    doc: Doc, found: Sequence[FoundAttribution], places: Sequence[Place] = (), mentions: Sequence[Mention] = ()
) -> list[Attribution]:
    """Model objects for the contract: sources resolved, content as one span.

    A content split around its cue (“A,” he said, “B.”) is reported as the span from
    the first part to the last, with the pieces in ``content_parts``.
    """
    text = doc.text  # spaCy rebuilds it on every access: once here
    resolver = SourceResolver(doc, text, places, mentions)
    out: list[Attribution] = []
    for item in found:
        source = None
        if item.source is not None:
            s, e = item.source
            info = resolver.resolve(s, e, item.source_token)
            source = AttributionSource(start=s, end=e, text=text[s:e], actor=info.actor, resolved=info.resolved)
        cs, ce = item.cue
        ks, ke = hull(item.content)
        out.append(
            Attribution(
                kind=item.kind,
                source=source,
                cue=Cue(start=cs, end=ce, text=text[cs:ce], lemma=item.lemma, stance=item.stance),
                content=Span(start=ks, end=ke, text=text[ks:ke]),
                content_parts=[Span(start=s, end=e, text=text[s:e]) for s, e in item.content]
                if len(item.content) > 1
                else [],
            )
        )
    return out


@stage("attributions", requires=("places", "mentions"))
def make_attributions(config: StageConfig) -> StageFn:
    lexicon = load_lexicon()

    def attributions(ctx: Context) -> list[Attribution]:
        found = find_attributions(ctx.doc, lexicon)
        return to_attributions(ctx.doc, found, ctx.result.places, ctx.result.mentions)

    return attributions
