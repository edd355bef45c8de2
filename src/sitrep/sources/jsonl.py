"""JSON Lines (``.jsonl``, ``.jsonl.gz``, ``.ndjson``) as RawDocs: one document per line.

The shape scrapers write: ``{"url", "html" | "text", "captured_at", "outlet"}``. The
field names news-please and common crawlers use are read too (``maintext``,
``date_download``, ``source_domain`` …), so their output needs no conversion. A line
that is not a JSON object with a page in it is reported with its line number and the
file goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import InputError
from sitrep.sources.document import Origin, RawDoc
from sitrep.sources.files import max_bytes_default

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
# Each field of a document, and the names it goes by, in order of preference.
FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url", "uri", "link"),
    "html": ("html", "raw_html", "content_html"),
    "text": ("text", "maintext", "body", "content"),
    "captured_at": ("captured_at", "date_download", "fetched_at", "crawled_at", "timestamp"),
    "outlet": ("outlet", "source_domain", "site_name", "source"),
}


def is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith(JSONL_SUFFIXES)


class JsonLinesReader:
    """Documents from JSON Lines files, one per line, in order."""

    def __init__(self, paths: list[Path], max_bytes: int | None = None, outlet: str | None = None) -> None:
        self.paths = paths
        self.max_bytes = max_bytes if max_bytes is not None else max_bytes_default()
        self.outlet = outlet
        self.size = sum(p.stat().st_size for p in paths if p.is_file())
        self.position = 0
        self.skipped: Counter[str] = Counter()

    @property
    def total(self) -> int | None:
        return None

    def __iter__(self) -> Iterator[RawDoc | InputError]:
        done = 0
        for path in self.paths:
            if not path.is_file():
                yield InputError(path, "no such file")
                continue
            try:
                with path.open("rb") as raw:
                    compressed = raw.read(2) == b"\x1f\x8b"
                    raw.seek(0)
                    stream: io.BufferedIOBase = gzip.GzipFile(fileobj=raw) if compressed else raw
                    for number, line in enumerate(stream, start=1):
                        self.position = done + raw.tell()
                        if line.strip():
                            yield self._document(path, number, line)
            except (OSError, EOFError, zlib.error) as exc:
                yield InputError(path, f"cannot read on: {exc}")
            done += path.stat().st_size
            self.position = done

    def _document(self, path: Path, number: int, line: bytes) -> RawDoc | InputError:
        where = f"{path}:{number}"
        if len(line) > self.max_bytes:
            return InputError(where, f"line too large: {len(line)} bytes > limit {self.max_bytes}")
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            return InputError(where, f"not JSON ({exc.msg if isinstance(exc, json.JSONDecodeError) else exc})")
        if not isinstance(record, dict):
            return InputError(where, "not a JSON object")
        html, text = _field(record, "html"), _field(record, "text")
        if not html and not text:
            return InputError(where, f"no page: none of {', '.join(FIELDS['html'] + FIELDS['text'])}")
        url = _field(record, "url") or where
        origin = Origin(
            uri=url, captured_at=_field(record, "captured_at"), outlet=_field(record, "outlet") or self.outlet
        )
        if html:
            return RawDoc(origin, html.encode("utf-8"), "text/html", charset="utf-8")
        return RawDoc(origin, (text or "").encode("utf-8"), None, charset="utf-8")


def _field(record: dict[str, Any], name: str) -> str | None:
    """The first non-empty text under one of the field's names (an epoch number is no capture time:
    seconds or milliseconds? better none than a wrong date)."""
    return next((v for k in FIELDS[name] if isinstance(v := record.get(k), str) and v.strip()), None)
