"""The ``events`` stage: clauses that report violence, protest or strategic developments.

The reading lives in :mod:`sitrep.events` (trigger selection and clause grouping in
:mod:`~sitrep.events.extraction`, actor roles in :mod:`~sitrep.events.roles`, typing in
:mod:`~sitrep.events.rules`); this stage loads the rule typer and the user's trained model
(if any, unless the ``events_model`` option is ``"none"``) once per process and runs the
extraction over each article's parse and earlier layers.
"""

from __future__ import annotations

from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
from sitrep.events import classifier
from sitrep.events.extraction import extract_events
from sitrep.events.rules import default_typer
from sitrep.model import Event


@stage("events", requires=("timexes", "places", "attributions"))
def make_events(config: StageConfig) -> StageFn:
    typer = default_typer()
    model = None if config.options.get("events_model") == "none" else classifier.load_default()

    def events(ctx: Context) -> list[Event]:
        return extract_events(ctx.doc, ctx.result, ctx.dct, typer, model)

    return events
