"""The ``events`` stage: clauses that report violence, protest or strategic developments.

The reading lives in :mod:`sitrep.events` (trigger selection and clause grouping in
:mod:`~sitrep.events.extraction`, actor roles in :mod:`~sitrep.events.roles`, typing in
:mod:`~sitrep.events.rules`); this stage loads the rule typer and the user's trained model
(the ``events_model`` option: a model file, ``"none"`` for the rules alone, unset for the
default location) once per process and runs the
extraction over each article's parse and earlier layers.
"""

from __future__ import annotations

from pathlib import Path

from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
from sitrep.events import classifier
from sitrep.events.anchoring import ArticleFrame
from sitrep.events.extraction import extract_events
from sitrep.events.rules import default_typer
from sitrep.model import Event


@stage("events", requires=("timexes", "places", "attributions"))
def make_events(config: StageConfig) -> StageFn:
    typer = default_typer()
    chosen = config.options.get("events_model")
    if chosen == "none":
        model = None
    elif chosen:
        model = classifier.TrainedTyper.load(Path(str(chosen)))
    else:
        model = classifier.load_default()

    def events(ctx: Context) -> list[Event]:
        def frame() -> ArticleFrame:
            return ctx.derive(ArticleFrame.NAME, lambda: ArticleFrame.build(ctx.doc, ctx.result, typer.actors))

        return extract_events(ctx.doc, ctx.result, ctx.dct, typer, model, frame)

    return events
