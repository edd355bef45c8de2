"""Exports of the events in the store, one module per format, chosen from a registry.

Each exporter writes a text stream from the joined :class:`~sitrep.corpus.records.Record`
list, so every format carries the same facts: what, where, when, who says so,
and the outlet, with the evidence words.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

from sitrep.corpus.records import Record
from sitrep.export import acled, flat_csv, geojson, jsonl

Exporter = Callable[[Iterable[Record], TextIO], int]

EXPORTERS: dict[str, Exporter] = {
    "jsonl": jsonl.write,
    "csv": flat_csv.write,
    "geojson": geojson.write,
    "acled": acled.write,
}
