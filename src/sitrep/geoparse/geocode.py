"""Geocoding: spotted (or given) toponyms to the contract's :class:`~sitrep.model.Place` records.

The toponyms' readings are shortlisted and chosen collectively for the document
(:func:`~sitrep.geoparse.resolve.resolve`); each chosen reading then gets its role: ``actor``
with the government it stands for when metonymy says so (it keeps its coordinates, so a
consumer that maps locations must filter on ``role == "location"``), ``actor`` without
coordinates for a seat of government, else ``location``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from spacy.tokens import Doc

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.index import Entry
from sitrep.geoparse.metonymy import government_of, metonymic_role
from sitrep.geoparse.resolve import ToponymMention, resolve
from sitrep.geoparse.spotting import spot
from sitrep.geoparse.toponyms import Toponym
from sitrep.model import Place

Precision = Literal["city", "admin2", "admin1", "region", "country"]


MAX_CANDIDATES = 60


def resolve_toponyms(doc: Doc, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> list[Place]:
    """Resolve spotted (or given) toponyms to places, then read metonymy."""
    index_at = {t.start: i for i, t in enumerate(toponyms)}
    mentions = [
        ToponymMention(
            t.key,
            _shortlist(t.candidates),
            t.cue,
            within=t.within,
            container=index_at.get(t.container_start) if t.container_start is not None else None,
        )
        for t in toponyms
    ]
    choices = resolve(mentions)
    places: list[Place] = []
    for toponym, mention, choice in zip(toponyms, mentions, choices, strict=True):
        span = doc[toponym.start : toponym.end]
        if toponym.seat is not None:
            seat = toponym.seat
            if gazetteer.country(seat.country) is not None:
                places.append(
                    Place(
                        start=span.start_char,
                        end=span.end_char,
                        text=span.text,
                        name=span.text,
                        place_id=None,
                        country=seat.country,
                        role="actor",
                        actor=seat.actor,
                        confidence=0.9,
                    )
                )
            continue
        if choice is None or not mention.candidates:
            continue
        entry = choice.entry
        institution = metonymic_role(doc, toponym)
        actor = government_of(entry, gazetteer, institution) if institution else None
        places.append(
            Place(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                name=entry.name,
                geonameid=entry.geonameid,
                place_id=entry.place_id,
                lat=round(entry.lat, 5),
                lon=round(entry.lon, 5),
                country=entry.country,
                admin1=entry.admin1 if entry.kind != "country" else None,
                precision=PRECISION[entry.kind],
                role="actor" if actor else "location",
                actor=actor,
                confidence=choice.confidence,
            )
        )
    return places


PRECISION: dict[str, Precision] = {
    "country": "country",
    "admin1": "admin1",
    "admin2": "admin2",
    "city": "city",
    "region": "region",
}


def _shortlist(candidates: Sequence[Entry]) -> tuple[Entry, ...]:
    """The candidates worth scoring: all regions and the most populous places."""
    if len(candidates) <= MAX_CANDIDATES:
        return tuple(candidates)
    big = [e for e in candidates if e.kind != "city"][: MAX_CANDIDATES // 2]
    cities = [e for e in candidates if e.kind == "city"][: MAX_CANDIDATES - len(big)]
    return tuple(big + cities)


def find_places(doc: Doc, gazetteer: Gazetteer) -> list[Place]:
    """The places of one parsed text: spot its toponyms, resolve them, read metonymy."""
    return resolve_toponyms(doc, spot(doc, gazetteer), gazetteer)
