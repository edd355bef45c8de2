"""The ``places`` stage: toponyms -> gazetteer entries, or governments when a place name stands for one.

The reading of place names lives in :mod:`sitrep.geoparse` (spotting, context cues,
containers, collective resolution, metonymy); this stage opens the gazetteer once per
process and runs it over each article's one parse. Places that stand for a government keep
their coordinates, so a consumer that maps locations must filter on ``role == "location"``.
"""

from __future__ import annotations

from collections.abc import Callable

from sitrep.analyze import resources
from sitrep.analyze.registry import Context, StageConfig, StageFn, stage
from sitrep.analyze.resources import BUILD_GAZETTEER_OPTION, GAZETTEER_OPTION
from sitrep.gazetteer import Gazetteer
from sitrep.geoparse import find_places
from sitrep.model import Place


def make_places_fn(gazetteer: Gazetteer) -> Callable[[Context], list[Place]]:
    """The per-document function of the stage, over an open gazetteer."""

    def places(ctx: Context) -> list[Place]:
        return find_places(ctx.doc, gazetteer)

    return places


@stage("places")
def make_places(config: StageConfig) -> StageFn:
    """The gazetteer, opened once per process (see :mod:`sitrep.analyze.resources`)."""
    path = config.options.get(GAZETTEER_OPTION)  # a path to another index (tests, a user's own)
    build = config.options.get(BUILD_GAZETTEER_OPTION, True)
    return make_places_fn(resources.gazetteer(str(path) if path else None, build=bool(build)))
