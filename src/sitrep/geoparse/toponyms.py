"""The toponym: a span of the parse that names a place, with its readings and local cues.

Spotting (:mod:`~sitrep.geoparse.spotting`) and given spans (:mod:`~sitrep.geoparse.given`)
both make toponyms; :mod:`~sitrep.geoparse.cues` and :mod:`~sitrep.geoparse.containers` fill in
what the words around each one say; :mod:`~sitrep.geoparse.geocode` resolves them to places.
The two span helpers here are shared by all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitrep.actors.seats import Seat
from sitrep.gazetteer.index import Entry
from sitrep.geoparse.resolve import PlaceCue


@dataclass
class Toponym:
    """A span that names a place, with the key to look it up and its local cue."""

    start: int  # token indices into the doc
    end: int
    key: str
    candidates: tuple[Entry, ...]
    cue: PlaceCue = "none"
    seat: Seat | None = None  # the name is a seat of government ("the Kremlin")
    within: tuple[Entry, ...] = ()  # readings of the region named after a comma ("Paris, Tenn.")
    container_start: int | None = None  # token where that region's name starts


def strip_determiners(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("'s", "’s", "'", "’"):
        end -= 1
    return doc[start:end]


def is_name_token(token: Token) -> bool:
    return token.pos_ == "PROPN" and (token.is_title or (token.is_upper and len(token) > 2))
