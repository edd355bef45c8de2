"""The raw bytes of each document, kept compressed so the analysis can be re-run without the originals."""

from __future__ import annotations

import zlib
from typing import Any

from sqlalchemy import Connection, select

from sitrep.sources import Origin, RawDoc
from sitrep.store import schema

COMPRESSION = "zlib"
LEVEL = 6


def row(raw: RawDoc) -> dict[str, Any]:
    """The ``raw_sources`` columns for ``raw`` (without ``doc_id``)."""
    return {
        "media_type": raw.media_type,
        "charset": raw.charset,
        "outlet_hint": raw.origin.outlet,
        "compression": COMPRESSION,
        "size": len(raw.data),
        "data": zlib.compress(raw.data, LEVEL),
    }


def load(conn: Connection, doc_id: int) -> RawDoc | None:
    """The document's bytes and origin as they were read, or None if the store has none (older stores)."""
    r, d = schema.raw_sources.c, schema.documents.c
    found = conn.execute(
        select(r.media_type, r.charset, r.outlet_hint, r.compression, r.data, d.uri, d.captured_at)
        .join(schema.documents, d.id == r.doc_id)
        .where(r.doc_id == doc_id)
    ).first()
    if found is None:
        return None
    if found.compression != COMPRESSION:
        raise ValueError(f"document {doc_id}: unknown compression {found.compression!r}")
    origin = Origin(uri=found.uri, captured_at=found.captured_at, outlet=found.outlet_hint)
    return RawDoc(origin, zlib.decompress(found.data), found.media_type, charset=found.charset)
