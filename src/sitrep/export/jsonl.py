"""JSON Lines: one event per line, with its claim chain, nothing flattened away."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from sitrep.corpus.records import Record
from sitrep.export.rows import record_dict


def write(records: Iterable[Record], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record_dict(record), ensure_ascii=False) + "\n")
        count += 1
    return count
