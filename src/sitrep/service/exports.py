"""Which records each export format carries, streamed from the store to a text stream."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import TextIO

from sitrep.corpus import records
from sitrep.corpus.records import Record
from sitrep.errors import UsageError
from sitrep.export import EXPORTERS
from sitrep.store import Store

# Formats that carry only events: ACLED's table has no place for territorial-control claims.
EVENTS_ONLY = frozenset({"acled"})


def export_records(store: Store, format: str) -> Iterator[Record]:
    """The records an export in ``format`` includes, read lazily: events, then control claims."""
    if format not in EXPORTERS:
        raise UsageError(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}")
    if format in EVENTS_ONLY:
        return records.events(store)
    return chain(records.events(store), records.control_claims(store))


def export(store: Store, format: str, out: TextIO) -> int:
    """Write the store's records as ``format`` to ``out``; returns how many were written."""
    return EXPORTERS[format](export_records(store, format), out)
