"""Heavy resources, loaded once per process and shared by every pipeline in it.

A pipeline configuration names resources (a model name, a gazetteer path); the
process that builds the pipeline loads them here. Workers in other processes or
on other machines therefore load their own copies from the same configuration,
and nothing heavy is ever pickled.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sitrep import gazetteer as gazetteer_index
from sitrep.gazetteer import Gazetteer

GAZETTEER_OPTION = "gazetteer"  # stage option: path of the gazetteer index (default: the user's data directory)
BUILD_GAZETTEER_OPTION = "build_gazetteer"  # stage option: build a missing index (False: fail, as servers must)


@lru_cache(maxsize=4)
def gazetteer(path: str | None = None, build: bool = True) -> Gazetteer:
    """The gazetteer index at ``path``, opened once per process.

    With ``build`` a missing or stale index is built first (about 30 s, once);
    without it a missing index is a :class:`~sitrep.gazetteer.GazetteerError`
    telling the user to run ``sitrep setup``: a server must never start a build
    inside a request.
    """
    return gazetteer_index.load(Path(path) if path else None, build_if_needed=build)
