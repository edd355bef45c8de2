"""Containers: the region a name is said to lie in, named right after a comma.

"Paris, Tenn.", "Athens, Greece", "Hammond, Tangipahoa Parish": the region's readings are
noted on the toponym (``within``, ``container_start``) and the resolver rewards the readings
under which the one lies in the other, on both sides.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.sources import ADMIN_TYPE_WORDS
from sitrep.geoparse.toponyms import Toponym

MAX_CONTAINER_TOKENS = 3
CONTAINER_KINDS = frozenset({"country", "admin1"})


def _container_name(span: Span) -> bool:
    return all(tok.is_title or tok.is_upper or (tok.text.endswith(".") and tok.text[:1].isupper()) for tok in span)


def _container_after(doc: Doc, end: int, gazetteer: Gazetteer) -> tuple[int, tuple[Entry, ...]] | None:
    """The region named right after a comma: "Paris, Tenn.", "Athens, Greece", "Hammond, Tangipahoa Parish"."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    room = 0  # tokens up to the end of the sentence (Token.sent would scan the whole sentence)
    while room < MAX_CONTAINER_TOKENS and end + 1 + room < len(doc) and not doc[end + 1 + room].is_sent_start:
        room += 1
    for size in range(room, 0, -1):
        span = doc[end + 1 : end + 1 + size]
        if not _container_name(span):
            continue
        typed = span[-1].lower_ in ADMIN_TYPE_WORDS
        regions = tuple(
            e for e in gazetteer.lookup(span.text) if e.kind in CONTAINER_KINDS or (typed and e.kind == "admin2")
        )
        if regions:
            return span.start, regions
    return None


def link_containers(doc: Doc, toponyms: Sequence[Toponym], gazetteer: Gazetteer) -> None:
    """Note the region a toponym is said to lie in: "City, ST", "City, State", "City, Country"."""
    for toponym in toponyms:
        if toponym.seat is not None or not toponym.candidates:
            continue
        found = _container_after(doc, toponym.end, gazetteer)
        if found is not None:
            toponym.container_start, toponym.within = found
