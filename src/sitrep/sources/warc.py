"""Web archives (WARC, WARC.gz) as RawDocs, streamed in constant memory.

Crawlers (Common Crawl's CC-NEWS, Browsertrix, Heritrix, ``wget --warc-file``) write one
record per HTTP exchange. Every ``response`` (or ``resource``) record whose payload is a
page becomes a document: its URI is ``WARC-Target-URI``, its capture time ``WARC-Date``,
its charset the one the HTTP headers declare; chunked transfer encoding is undone by the
library, gzip/deflate/brotli content encodings here (FastWARC 2.0's own decoding of both
stops the whole file silently after a chunked, gzipped record). Everything else (``request``, ``revisit``,
``metadata``, ``warcinfo`` records, images, scripts, redirects) is skipped and counted.

FastWARC reads the records (``benchmarks/warc.py`` measures it against warcio on the same
file). A corrupt record does not end the file: the reader reports it and resumes at the
next record it can find (the next gzip member, or the next ``WARC/1.x`` line).
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import brotli
from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from sitrep.errors import InputError
from sitrep.sources.document import Origin, RawDoc
from sitrep.sources.files import max_bytes_default

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")  # ".arc.gz": Heritrix names; the content says WARC or not
PAGE_TYPES = {"text/html": "text/html", "application/xhtml+xml": "text/html", "text/plain": None}
DOCUMENT_RECORDS = WarcRecordType.response | WarcRecordType.resource
GZIP_MAGIC = b"\x1f\x8b\x08"
RESYNC_WINDOW = 1 << 20  # bytes read at a time while looking for the next record after a corrupt one


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


class WarcReader:
    """The page records of WARC files, in file order.

    ``skipped`` counts what was passed over and why (``request record``, ``non-page payload
    image/png``, ``HTTP status 404`` ...); ``size`` and ``position`` are in bytes of the files,
    for a progress bar.
    """

    def __init__(self, paths: list[Path], max_bytes: int | None = None, outlet: str | None = None) -> None:
        self.paths = paths
        self.max_bytes = max_bytes if max_bytes is not None else max_bytes_default()
        self.outlet = outlet
        self.skipped: Counter[str] = Counter()
        self.size = sum(p.stat().st_size for p in paths if p.is_file())
        self.position = 0
        self._done = 0  # bytes of the files already read whole

    @property
    def total(self) -> int | None:
        return None  # the number of pages is known only at the end

    def __iter__(self) -> Iterator[RawDoc | InputError]:
        for path in self.paths:
            if not path.is_file():
                yield InputError(path, "no such file")
                continue
            try:
                with path.open("rb") as stream:
                    yield from self._records(path, stream)
            except OSError as exc:
                yield InputError(path, f"cannot read: {exc.strerror or exc}")
            self._done += path.stat().st_size
            self.position = self._done

    def _records(self, path: Path, stream: BinaryIO) -> Iterator[RawDoc | InputError]:
        compressed = stream.read(3) == GZIP_MAGIC
        offset: int | None = 0
        lost: str | None = None  # a corrupt stretch found, reported once we know where it ended
        while offset is not None:
            stream.seek(offset)
            last: int | None = None  # the offset of the last record read whole
            try:
                for record in ArchiveIterator(
                    stream, parse_http=True, auto_decode="transfer", stream_detect=compressed
                ):
                    last = record.stream_pos  # from the start of the file, wherever reading began
                    self.position = self._done + last
                    if lost is not None:  # the records between were unreadable from their first byte
                        yield InputError(
                            f"{path}@{lost}", f"corrupt WARC data after this record, up to byte {last}; skipped"
                        )
                        lost = None
                    yield from self._document(path, record, last)
                return
            except (OSError, ValueError) as exc:
                if last is None:  # the record at ``offset`` itself is broken: report it, go past it
                    yield InputError(f"{path}@{offset}", f"corrupt WARC record ({exc}); skipped")
                    lost, offset = None, _next_record(stream, offset + 1, compressed)
                else:  # broken somewhere after the last good record: resume at the next record that opens
                    lost, offset = str(last), _next_record(stream, last + 1, compressed)
        if lost is not None:
            yield InputError(f"{path}@{lost}", "corrupt WARC data up to the end of the file; skipped")

    def _document(self, path: Path, record: WarcRecord, offset: int) -> Iterator[RawDoc | InputError]:
        kind = record.record_type
        if not kind & DOCUMENT_RECORDS:
            self.skipped[f"{record.headers.get('WARC-Type') or 'unknown'} record"] += 1
            return
        uri = record.headers.get("WARC-Target-URI") or f"{path}@{offset}"
        where = f"{path}@{offset} ({uri})"
        if record.content_length == 0 or (kind == WarcRecordType.response and not record.is_http):
            yield InputError(where, "truncated or empty record")
            return
        if record.http_headers is not None:
            status = record.http_headers.status_code
            if status is not None and not 200 <= status < 300:
                self.skipped[f"HTTP status {status}"] += 1
                return
        content_type = (record.http_content_type or record.headers.get("Content-Type") or "").lower()
        content_type = content_type.split(";")[0].strip()
        if content_type not in PAGE_TYPES:
            self.skipped[f"non-page payload {content_type or 'of no type'}"] += 1
            return
        if record.content_length > self.max_bytes:
            yield InputError(where, f"too large: {record.content_length} bytes > limit {self.max_bytes}")
            return
        headers = record.http_headers
        try:
            data = record.reader.read(self.max_bytes + 1)
            if len(data) < record.content_length and (headers is None or not headers.get("Transfer-Encoding")):
                yield InputError(where, f"truncated record: {len(data)} of {record.content_length} bytes")
                return
            encoding = headers.get("Content-Encoding") if headers is not None else None
            data = undo_content_encoding(data, encoding, self.max_bytes)
        except (OSError, ValueError, zlib.error, brotli.error) as exc:
            yield InputError(where, f"payload cannot be decoded ({exc})")
            return
        if len(data) > self.max_bytes:
            yield InputError(where, f"too large once decoded: > limit {self.max_bytes} bytes")
            return
        if not data.strip():
            yield InputError(where, "empty payload")
            return
        captured = record.headers.get("WARC-Date")
        origin = Origin(uri=uri, captured_at=captured, outlet=self.outlet)
        yield RawDoc(origin, data, PAGE_TYPES[content_type], charset=record.http_charset)


def undo_content_encoding(data: bytes, encoding: str | None, limit: int) -> bytes:
    """The payload without its ``Content-Encoding`` (gzip, deflate, br; stacked ones last first),
    inflated to at most ``limit + 1`` bytes so a compression bomb stops early."""
    for name in reversed([e.strip().lower() for e in (encoding or "").split(",") if e.strip()]):
        if name in {"gzip", "x-gzip"}:
            data = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data, limit + 1)
        elif name == "deflate":  # zlib-wrapped as the standard says, or raw as many servers send it
            wbits = zlib.MAX_WBITS if data[:1] == b"\x78" else -zlib.MAX_WBITS
            data = zlib.decompressobj(wbits).decompress(data, limit + 1)
        elif name == "br":
            data = brotli.Decompressor().process(data, output_buffer_limit=limit + 1)
        elif name != "identity":
            raise ValueError(f"unknown content encoding {name!r}")
    return data


def _next_record(stream: BinaryIO, start: int, compressed: bool) -> int | None:
    """The offset of the first record that starts at or after ``start``, or None at the end of the file."""
    stream.seek(start)
    base = start
    marker = GZIP_MAGIC if compressed else b"WARC/1."
    carry = b""
    while chunk := stream.read(RESYNC_WINDOW):
        window = carry + chunk
        at = window.find(marker)
        while at != -1:
            if not compressed or _opens_a_record(window[at:]):
                return base - len(carry) + at
            at = window.find(marker, at + 1)
        carry = window[-64 * 1024 :]  # a member's header may straddle two windows
        base += len(chunk)
    return None


def _opens_a_record(data: bytes) -> bool:
    """A gzip member starts here and inflates to a WARC header."""
    try:
        head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data[: 64 * 1024], 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")
