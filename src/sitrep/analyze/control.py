"""The ``control`` stage: who holds, takes, retakes, advances on or leaves a populated place.

The reading lives in :mod:`sitrep.events.control` (status cues, holders, places, claimants);
this stage loads the actor table once per process and frames each article's earlier layers.
"""

from __future__ import annotations

from sitrep.actors.matcher import default_table
from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
from sitrep.events.anchoring import ArticleFrame
from sitrep.events.control import extract_claims
from sitrep.model import ControlClaim


@stage("control", requires=("timexes", "places", "attributions"))
def make_control(config: StageConfig) -> StageFn:
    actors = default_table()

    def control(ctx: Context) -> list[ControlClaim]:
        frame = ctx.derive(ArticleFrame.NAME, lambda: ArticleFrame.build(ctx.doc, ctx.result, actors))
        return extract_claims(ctx.doc, ctx.result, ctx.dct, frame)

    return control
