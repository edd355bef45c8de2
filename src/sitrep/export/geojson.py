"""GeoJSON (RFC 7946): a FeatureCollection of Points, longitude first; unplaced events are left out."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.corpus.records import Record
from sitrep.export.rows import record_dict


def feature(record: Record) -> dict[str, Any] | None:
    place = record.place
    if place is None or place.lat is None or place.lon is None:
        return None
    properties = record_dict(record)
    return {
        "type": "Feature",
        "id": f"{record.doc_id}:{record.kind}:{record.idx}",
        "geometry": {"type": "Point", "coordinates": [round(place.lon, 6), round(place.lat, 6)]},
        "properties": properties,
    }


def write(records: Iterable[Record], out: TextIO) -> int:
    """Stream the collection feature by feature (the same text ``json.dump`` of the whole would give)."""
    out.write('{"type": "FeatureCollection", "features": [')
    count = 0
    for f in (feature(r) for r in records):
        if f is not None:
            out.write((", " if count else "") + json.dumps(f, ensure_ascii=False))
            count += 1
    out.write("]}\n")
    return count
