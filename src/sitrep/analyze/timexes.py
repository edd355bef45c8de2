"""The ``timexes`` stage: time expressions with TIMEX3 type and value, and dated intervals.

Recognition and normalisation live in :mod:`sitrep.temporal` (a rule grammar,
compiled once per process); this stage supplies the two things only the
analysis has: the DCT (``ctx.dct``, the article's published interval) and the
parse, from which the tense of each clause (:mod:`sitrep.temporal.tense`) and the
vetoes of time words used otherwise (:mod:`sitrep.temporal.uses`) are read. Later
stages date a clause with :func:`sitrep.temporal.governing.governing_timex`.
"""

from __future__ import annotations

from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
from sitrep.model import Timex
from sitrep.temporal import Dct, Recognizer, annotate
from sitrep.temporal.tense import direction_at
from sitrep.temporal.uses import is_time_use


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
            lambda found: is_time_use(doc, found),
        )

    return timexes
