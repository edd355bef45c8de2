"""The keys events and control claims are found by: the names of their actors (``record_actors``) and of
their place (``record_places``), folded as queries fold what users type, so a corpus view reads one
index range instead of every record."""

from __future__ import annotations

from typing import Any

from sitrep.model import AnalyzedArticle, Event, Interval, Place
from sitrep.store.keys import FAR_FUTURE, lookup_key, place_key


def _claimant_keys(a: AnalyzedArticle, index: int | None) -> set[str]:
    if index is None or not 0 <= index < len(a.attributions) or a.attributions[index].source is None:
        return set()
    source = a.attributions[index].source
    assert source is not None
    return {lookup_key(source.actor), lookup_key(source.resolved or source.text)}


def _event_keys(a: AnalyzedArticle, e: Event) -> set[str]:
    names = {lookup_key(getattr(x, k)) for x in e.actors for k in ("actor", "side", "text")}
    return names | _claimant_keys(a, e.asserted_by)


def actor_rows(a: AnalyzedArticle) -> list[dict[str, Any]]:
    """The names each event and control claim can be found by as an actor (see ``schema.record_actors``)."""
    rows = []
    for record, items in (
        ("event", [_event_keys(a, e) for e in a.events]),
        ("control", [{lookup_key(c.side)} | _claimant_keys(a, c.claimant) for c in a.control]),
    ):
        for idx, keys in enumerate(items):
            rows += [{"record": record, "idx": idx, "key": key} for key in sorted(keys) if key]
    return rows


def place_keys(place: Place) -> set[str]:
    """Every name a query may find ``place`` by: the gazetteer's, the article's, its id, its region."""
    return {place_key(name) for name in (place.name or place.text, place.text, place.place_id, place.admin1) if name}


def place_rows(a: AnalyzedArticle) -> list[dict[str, Any]]:
    """The place keys of each event and control claim, with its time (see ``schema.record_places``)."""
    rows = []
    for record, items in (
        ("event", [(e.place, e.when, e.type) for e in a.events]),
        ("control", [(c.place, c.when, None) for c in a.control]),
    ):
        for idx, (place, when, type_) in enumerate(items):
            if place is None or not 0 <= place < len(a.places):
                continue
            time, until = record_interval(when)
            keys = sorted(place_keys(a.places[place]))
            rows += [
                {"record": record, "idx": idx, "key": k, "time": time, "until": until, "type": type_} for k in keys
            ]
    return rows


def record_interval(when: Interval | None) -> tuple[str, str]:
    """Where a record sorts in time and until when it lasts: an open end, or no date, is FAR_FUTURE
    (undated records sort last and match no date range, as in ``records.Filter``)."""
    earliest = when.earliest if when is not None else None
    if not earliest:
        return FAR_FUTURE, FAR_FUTURE
    return earliest, (when.latest if when is not None else None) or FAR_FUTURE
