"""Which records each export format carries, streamed from the store to a text stream."""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Iterator
from itertools import chain
from typing import TextIO, cast

from sitrep.corpus import records
from sitrep.corpus.records import Filter, Record
from sitrep.errors import UsageError
from sitrep.export import EXPORTERS
from sitrep.store import Store

# Formats that carry only events: ACLED's table has no place for territorial-control claims.
EVENTS_ONLY = frozenset({"acled"})


def export_records(store: Store, format: str, where: Filter | None = None) -> Iterator[Record]:
    """The records an export in ``format`` includes, read lazily: events, then control claims
    (a selection by event type has no control claims)."""
    if format not in EXPORTERS:
        raise UsageError(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}")
    where = where or Filter()
    if format in EVENTS_ONLY:
        return records.events(store, where)
    return chain(records.events(store, where), records.control_claims(store, where))


def export(store: Store, format: str, out: TextIO, where: Filter | None = None) -> int:
    """Write the store's records (or the selection ``where``) as ``format`` to ``out``; returns how many."""
    return EXPORTERS[format](export_records(store, format, where), out)


class _Stop(Exception):
    """The reader of a streamed export went away."""


class _Pipe(io.TextIOBase):
    """A text stream whose writes are handed to a reader in pieces, through a bounded queue."""

    def __init__(self, pieces: queue.Queue[str | None], stopped: threading.Event, piece_chars: int) -> None:
        self.pieces, self.stopped, self.piece_chars = pieces, stopped, piece_chars
        self.buffer: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.buffer.append(text)
        self.size += len(text)
        if self.size >= self.piece_chars:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.buffer:
            self.hand_over("".join(self.buffer))
            self.buffer, self.size = [], 0

    def hand_over(self, piece: str | None) -> None:
        while True:
            if self.stopped.is_set():
                raise _Stop
            try:
                self.pieces.put(piece, timeout=0.5)
                return
            except queue.Full:
                continue


def stream(store: Store, format: str, where: Filter | None = None, piece_chars: int = 64 * 1024) -> Iterator[str]:
    """The export as pieces of text, produced while they are read: memory stays bounded by a few pieces
    whatever the size of the store (the HTTP API streams exports with this)."""
    if format not in EXPORTERS:
        raise UsageError(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}")
    pieces: queue.Queue[str | None] = queue.Queue(maxsize=4)
    stopped = threading.Event()
    pipe = _Pipe(pieces, stopped, piece_chars)
    failure: list[BaseException] = []

    def produce() -> None:
        try:
            export(store, format, cast(TextIO, pipe), where)
            pipe.flush()
        except _Stop:
            return
        except BaseException as exc:  # handed to the reader, which raises it
            failure.append(exc)
        try:
            pipe.hand_over(None)
        except _Stop:
            return

    producer = threading.Thread(target=produce, name="sitrep-export", daemon=True)
    producer.start()
    try:
        while (piece := pieces.get()) is not None:
            yield piece
        if failure:
            raise failure[0]
    finally:
        stopped.set()
