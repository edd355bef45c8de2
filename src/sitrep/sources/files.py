"""Files and folders as RawDocs, with the checks that keep bad bytes out.

Every refusal is an :class:`~sitrep.errors.InputError` naming the file and the
reason, so a batch can report it and go on.
"""

from __future__ import annotations

import os
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputError
from sitrep.sources.document import Origin, RawDoc

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
MAX_BYTES_ENV = "SITREP_MAX_BYTES"

# Magic numbers of common binary formats, so the error can say what the file is.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"SQLite format 3", "an SQLite database"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# File names that say "this is a web page"; other names leave the kind to the content.
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"})


def media_type_of(suffix: str) -> str | None:
    """What a file's extension says about its content: ``text/html`` for page names, else nothing."""
    return "text/html" if suffix.lower() in HTML_SUFFIXES else None


def max_bytes_default() -> int:
    return int(os.environ.get(MAX_BYTES_ENV, DEFAULT_MAX_BYTES))


def read_path(
    path: Path, max_bytes: int | None = None, captured_at: str | None = None, outlet: str | None = None
) -> RawDoc:
    """Read one file (gunzipping ``.gz``), refusing empty, huge, or binary content."""
    limit = max_bytes if max_bytes is not None else max_bytes_default()
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder (use `sitrep ingest` to walk folders)")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "empty file")
    if size > limit and not path.name.endswith(".gz"):
        raise InputError(path, f"too large: {size} bytes > limit {limit} (set --max-bytes or {MAX_BYTES_ENV})")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    name = path.name.lower()
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(path, data, limit)
        name = name.removesuffix(".gz")
    elif name.endswith(".gz"):
        raise InputError(path, "named .gz but is not gzip data")
    if not data.strip():
        raise InputError(path, "empty content")
    _refuse_binary(path, data)
    origin = Origin(uri=str(path), captured_at=captured_at, outlet=outlet)
    return RawDoc(origin, data, media_type_of(Path(name).suffix))


MAX_GZIP_LAYERS = 3  # gzip inside gzip is unwrapped this deep; deeper nesting is refused


def _gunzip(path: Path, data: bytes, limit: int) -> bytes:
    """Decompress every member (and gzip nested inside) with a size cap, so a bomb is refused, not inflated.

    A stream that ends before its last member does (a truncated download) is an
    error that says so: analysing the part that arrived as if it were whole would
    store a silently cut article.
    """
    for _ in range(MAX_GZIP_LAYERS):
        data = _gunzip_members(path, data, limit)
        if data[:2] != b"\x1f\x8b":
            return data
    raise InputError(path, f"gzip nested more than {MAX_GZIP_LAYERS} deep")


def _gunzip_members(path: Path, data: bytes, limit: int) -> bytes:
    out = bytearray()
    rest = data
    while rest:
        decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
        try:
            out += decompressor.decompress(rest, limit + 1 - len(out))
        except zlib.error as exc:
            raise InputError(path, f"corrupt gzip data ({exc})") from None
        if len(out) > limit:
            raise InputError(path, f"too large once decompressed: > limit {limit} bytes")
        if not decompressor.eof:
            raise InputError(path, "truncated gzip data")
        rest = decompressor.unused_data
        if rest and rest[:2] != b"\x1f\x8b":
            if rest.strip(b"\x00"):
                raise InputError(path, "trailing garbage after the gzip data")
            break  # zero padding after the last member (tape-style) is harmless
    return bytes(out)


def _refuse_binary(path: Path, data: bytes) -> None:
    head = data[:8192]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise InputError(path, f"binary content ({what}), not a news page")
    if head.startswith(_UTF16_BOMS):
        return  # UTF-16 text legitimately holds NUL bytes
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if b"\x00" in head or controls > len(head) * 0.05:
        raise InputError(path, "binary content (control bytes), not text or HTML")


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, sorted, hidden ones skipped)."""
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(root) / name
        else:
            yield path


class FileReader:
    """Files and folders as a stream of documents: each file read, or the one-line reason it could not be."""

    def __init__(
        self,
        paths: Iterable[Path],
        max_bytes: int | None = None,
        captured_at: str | None = None,
        outlet: str | None = None,
    ) -> None:
        self.files = list(iter_paths(paths))
        self.max_bytes, self.captured_at, self.outlet = max_bytes, captured_at, outlet
        self.size = sum(_size(path) for path in self.files)
        self.position = 0
        self.skipped: Counter[str] = Counter()

    @property
    def total(self) -> int:
        return len(self.files)

    def __iter__(self) -> Iterator[RawDoc | InputError]:
        for path in self.files:
            try:
                yield read_path(path, self.max_bytes, self.captured_at, self.outlet)
            except InputError as exc:
                yield exc
            self.position += _size(path)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
