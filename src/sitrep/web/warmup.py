"""Views a server computes as it starts, before anyone asks for them.

A place's claims and timeline are kept per store generation (:mod:`sitrep.corpus.cache`), but the first
reader still pays for them: at 100,000 documents, grouping the 350,000 claims about the busiest town took
2 s. The server's busiest places and actors are the ones people open first, so each worker, as it starts,
computes their pages' views in the background (one at a time, on one core: :func:`~sitrep.corpus.cache.in_background`).
Workers sharing a folder compute each view once between them.
"""

from __future__ import annotations

import gc
import logging
import sys
import time
from collections.abc import Callable
from threading import Thread

from sitrep.corpus import records, timelines, views
from sitrep.corpus.cache import in_background
from sitrep.gazetteer import Gazetteer
from sitrep.store import Store
from sitrep.web import basemap, pages

LOG = logging.getLogger(__name__)
WARM_PLACES = 12  # at 100,000 documents the twelfth busiest place holds 125,000 records
WARM_ACTORS = 6  # the sides of a war and their forces


def warm_up(
    store: Store, places: int = WARM_PLACES, actors: int = WARM_ACTORS, towns: Gazetteer | None = None
) -> list[str]:
    """Compute the home page's views, for the ``places`` busiest places their page's and the API's claims, and
    the ``actors`` busiest actors' profiles; return the places and actors warmed. ``towns``: the gazetteer the
    place pages' maps label their towns from."""
    with in_background():
        basemap.country_rings()  # the land the pages' maps draw, decoded once per process (1.4 s)
        busiest = records.busiest_places(store, places)
        views.conflicting(store)
    for place in busiest:
        with in_background():  # first: the page's timeline and the API's for any dates are cut from it
            timelines.whole_timeline(store, place)
        with in_background():
            shown = pages.place_views(store, place)
            pages.place_map(store, towns, place, shown["located"])
            views.place_claims(store, place)
    with in_background():
        named = records.busiest_actors(store, actors)
    for actor in named:
        with in_background():
            views.actor_profile(store, actor)
    return busiest + named


def start_warm_up(store: Store, towns: Callable[[], Gazetteer | None] = lambda: None) -> Thread:
    """Warm up in a daemon thread; one line on stderr says when it is done (or why it stopped)."""

    def run() -> None:
        started = time.perf_counter()
        try:
            warmed = warm_up(store, towns=towns())
        except Exception as exc:  # a view that cannot be computed now will be computed when asked for
            LOG.warning("warm-up stopped: %s", exc)
            print(f"sitrep: warm-up stopped: {exc}", file=sys.stderr, flush=True)
            return
        seconds = time.perf_counter() - started
        # The views kept are a few hundred thousand objects that live until the next write: walking them in
        # every full collection paused a request now and then by 100-200 ms.
        gc.freeze()
        print(
            f"sitrep: warmed the views of {len(warmed)} places and actors in {seconds:.1f} s",
            file=sys.stderr,
            flush=True,
        )

    thread = Thread(target=run, name="sitrep-warm-up", daemon=True)
    thread.start()
    return thread
