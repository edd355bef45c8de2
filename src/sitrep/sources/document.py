"""What every reader produces: a document's bytes and where they came from.

A document's origin is a URI (a file path, a URL, a WARC record's target), when it
was captured and by which outlet, never a path on this machine: readers of files,
web archives, JSON Lines or feeds all yield the same :class:`RawDoc`, and nothing
after them knows which one it was.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from sitrep.errors import InputError


@dataclass(frozen=True)
class Origin:
    """Where a document came from."""

    uri: str
    captured_at: str | None = None  # ISO 8601: when it was fetched (anchors "2 hours ago")
    outlet: str | None = None  # the outlet's name when the reader knows it (a feed's title, --outlet)


@dataclass(frozen=True)
class RawDoc:
    """The bytes of one document and their origin."""

    origin: Origin
    data: bytes
    media_type: str | None = None  # "text/html" when the source says so (file name, HTTP header); None: by content
    charset: str | None = None  # the charset the HTTP headers declared, when the bytes came over HTTP

    @property
    def uri(self) -> str:
        return self.origin.uri

    @property
    def captured_at(self) -> str | None:
        return self.origin.captured_at

    @cached_property
    def sha256(self) -> str:
        """The document's identity; computed once (duplicate checks and the stored source both ask)."""
        return hashlib.sha256(self.data).hexdigest()


class DocumentReader(Protocol):
    """A stream of documents from one kind of source, in order.

    A document that cannot be read is yielded as the :class:`InputError` saying why,
    so a batch reports it and goes on. ``total`` is the number of documents when it
    is known up front, else None; ``size`` and ``position`` are bytes of input in all
    and read so far (a progress bar by bytes for archives); ``skipped`` counts what was
    passed over on purpose, by reason (a WARC's request records, its images).
    """

    @property
    def total(self) -> int | None: ...

    @property
    def size(self) -> int: ...

    @property
    def position(self) -> int: ...

    @property
    def skipped(self) -> Counter[str]: ...

    def __iter__(self) -> Iterator[RawDoc | InputError]: ...
