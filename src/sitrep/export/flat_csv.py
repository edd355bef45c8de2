"""Flat CSV (RFC 4180): one event a row, nested parts in prefixed columns."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from sitrep.corpus.records import Record
from sitrep.export.rows import flat_dict

COLUMNS = [
    "kind",
    "doc_id",
    "index",
    "type",
    "sub_type",
    "side",
    "status",
    "modality",
    "confidence",
    "earliest",
    "latest",
    "granularity",
    "place",
    "place_id",
    "country",
    "admin1",
    "precision",
    "lat",
    "lon",
    "actor1",
    "actor2",
    "claim_outlet",
    "claim_uri",
    "claim_title",
    "claim_story_id",
    "claim_source",
    "claim_source_actor",
    "claim_cue",
    "claim_stance",
    "claim_content",
    "evidence",
    "evidence_start",
    "evidence_end",
]


def write(records: Iterable[Record], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(flat_dict(record))
        count += 1
    return count
