"""Parquet tables of the store, so analysts open the data in pandas, Polars or DuckDB directly.

Unlike the text exports (one stream of event records), Parquet is columnar and
relational: one file per table — ``events``, ``claims`` (territorial control),
``places`` (every place mention) and ``documents`` — joined on ``doc_id``. Rows
are written in row groups of :data:`ROWS_PER_GROUP`, so memory stays bounded
whatever the size of the store, and each file is written under a temporary name
and renamed when complete: an interrupted export never leaves a half-written
table behind. Every column carries its description in the file's metadata
(``pyarrow.parquet.read_schema(path).field(name).metadata``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, get_args

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import select

from sitrep.corpus import records
from sitrep.corpus.records import Record
from sitrep.export.rows import flat_dict
from sitrep.model import ControlStatus, Granularity, Modality, Precision, SourceKind, Stance
from sitrep.store import Store
from sitrep.store import schema as s

ROWS_PER_GROUP = 10_000
FORMAT = "parquet"

Column = tuple[str, pa.DataType, str]  # name, type, description


@dataclass(frozen=True)
class ParquetTable:
    """One exported table: its columns and where its rows come from."""

    name: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Store], Iterable[dict[str, Any]]]

    @property
    def schema(self) -> pa.Schema:
        fields = [pa.field(n, t, metadata={"description": d}) for n, t, d in self.columns]
        return pa.schema(fields, metadata={"table": self.name, "description": self.description})


_STR, _INT, _FLOAT, _DATE = pa.string(), pa.int32(), pa.float64(), pa.date32()


def _one_of(values: Any) -> str:
    return "one of " + ", ".join(get_args(values)) + "."


_PRECISION = _one_of(Precision)

_RECORD_HEAD: tuple[Column, ...] = (
    ("doc_id", _INT, "The document (documents.doc_id)."),
    ("index", _INT, "Position of the record in its document's layer."),
)
_RECORD_TAIL: tuple[Column, ...] = (
    ("modality", _STR, "Whether it happened as told: " + _one_of(Modality)),
    ("confidence", _FLOAT, "Confidence in [0, 1]."),
    ("earliest", _STR, "Start of the time interval, ISO 8601 as resolved (may carry a time)."),
    ("latest", _STR, "End of the time interval, ISO 8601."),
    ("earliest_date", _DATE, "The day of `earliest`, for date filters."),
    ("latest_date", _DATE, "The day of `latest`."),
    ("granularity", _STR, "The precision of the interval: " + _one_of(Granularity)),
    ("place", _STR, "Resolved place name (else the text as written)."),
    ("place_id", _STR, "Gazetteer id of the place."),
    ("country", _STR, "ISO 3166-1 alpha-2 country code."),
    ("admin1", _STR, "First-level region."),
    ("precision", _STR, "How precise the place is: " + _PRECISION),
    ("lat", _FLOAT, "Latitude (WGS 84)."),
    ("lon", _FLOAT, "Longitude (WGS 84)."),
    ("outlet", _STR, "The outlet that published the article."),
    ("uri", _STR, "The article's address or file name."),
    ("title", _STR, "The article's title."),
    ("story_id", _INT, "The story (near-duplicate cluster) of the document; null when it has no copies."),
    ("claim_source", _STR, "Who says so: the attributed source, null when the outlet asserts it itself."),
    ("claim_source_actor", _STR, "The source's actor from the actor table."),
    ("claim_cue", _STR, "The reporting cue's lemma (said, claimed, admitted …)."),
    ("claim_stance", _STR, "The cue's stance: " + _one_of(Stance)),
    ("claim_content", _STR, "The attributed content."),
    ("evidence", _STR, "The words of the body the record rests on."),
    ("evidence_start", _INT, "Character offset of the evidence in the document's body."),
    ("evidence_end", _INT, "End offset (exclusive)."),
)

EVENTS_COLUMNS: tuple[Column, ...] = (
    *_RECORD_HEAD,
    ("type", _STR, "ACLED event type, or a sitrep extension type."),
    ("sub_type", _STR, "ACLED sub-event type, or a sitrep extension sub-type."),
    ("actor1", _STR, "First actor(s), '; '-separated."),
    ("actor2", _STR, "Second actor(s) (target, opponent), '; '-separated."),
    *_RECORD_TAIL,
)

CLAIMS_COLUMNS: tuple[Column, ...] = (
    *_RECORD_HEAD,
    ("side", _STR, "The side the claim is about."),
    ("status", _STR, "The claimed state of control: " + _one_of(ControlStatus)),
    *_RECORD_TAIL,
)

PLACES_COLUMNS: tuple[Column, ...] = (
    ("doc_id", _INT, "The document (documents.doc_id)."),
    ("index", _INT, "Position of the mention in the document's place layer."),
    ("start", _INT, "Character offset of the mention in the body."),
    ("end", _INT, "End offset (exclusive)."),
    ("text", _STR, "The mention as written."),
    ("name", _STR, "Resolved name."),
    ("place_id", _STR, "Gazetteer id."),
    ("geonameid", _INT, "GeoNames id, when the place has one."),
    ("lat", _FLOAT, "Latitude (WGS 84)."),
    ("lon", _FLOAT, "Longitude (WGS 84)."),
    ("country", _STR, "ISO 3166-1 alpha-2 country code."),
    ("admin1", _STR, "First-level region."),
    ("precision", _STR, "How precise the place is: " + _PRECISION),
    ("role", _STR, "location, or actor when the name stands for a government or group ('Moscow says')."),
    ("actor", _STR, "The actor a metonymic mention stands for."),
    ("confidence", _FLOAT, "Confidence of the resolution in [0, 1]."),
)

DOCUMENTS_COLUMNS: tuple[Column, ...] = (
    ("doc_id", _INT, "The document's id in the store."),
    ("sha256", _STR, "SHA-256 of the raw bytes: the document's identity."),
    ("uri", _STR, "Address or file name."),
    ("kind", _STR, "How the input was read: " + _one_of(SourceKind)),
    ("outlet", _STR, "The outlet that published it."),
    ("title", _STR, "Title."),
    ("byline", _STR, "Byline."),
    ("section", _STR, "Section of the outlet."),
    ("language", _STR, "ISO 639-1 language code."),
    ("published_earliest", _STR, "Publication time, start of the interval (ISO 8601)."),
    ("published_latest", _STR, "Publication time, end of the interval."),
    ("published_date", _DATE, "The day of `published_earliest`."),
    ("published_text", _STR, "The publication date as written."),
    ("captured_at", _STR, "When the page was captured, as given."),
    ("ingested_at", _STR, "When sitrep stored it (UTC)."),
    ("analyzed_at", _STR, "When the stored analysis was made (UTC)."),
    ("sitrep_version", _STR, "The sitrep version that made the analysis."),
    ("story_id", _INT, "The story (near-duplicate cluster); null when the document has no copies."),
    ("body", _STR, "The article's clean text: every offset points into it."),
)


def _day(value: str | None) -> date | None:
    """The day an ISO 8601 value starts on (None when it has no full date)."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _record_row(r: Record) -> dict[str, Any]:
    row = flat_dict(r)
    row.update({k: row.pop(f"claim_{k}") for k in ("outlet", "uri", "title", "story_id")})  # the document's
    row.update(earliest_date=_day(r.earliest), latest_date=_day(r.latest))
    return row


def _event_rows(store: Store) -> Iterator[dict[str, Any]]:
    return map(_record_row, records.events(store))


def _claim_rows(store: Store) -> Iterator[dict[str, Any]]:
    return map(_record_row, records.control_claims(store))


def _table_rows(store: Store, table: Any, renames: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Every row of a store table, in key order, read as a stream."""
    with store.engine.connect() as conn:
        order = [c for c in table.primary_key.columns]
        result = conn.execution_options(yield_per=ROWS_PER_GROUP).execute(select(table).order_by(*order))
        for row in result.mappings():
            yield {renames.get(k, k): v for k, v in row.items()}


def _place_rows(store: Store) -> Iterator[dict[str, Any]]:
    return _table_rows(store, s.places, {"idx": "index"})


def _document_rows(store: Store) -> Iterator[dict[str, Any]]:
    for row in _table_rows(store, s.documents, {"id": "doc_id"}):
        row["published_date"] = _day(row["published_earliest"])
        yield row


TABLES: dict[str, ParquetTable] = {
    t.name: t
    for t in (
        ParquetTable("events", "Events with place, time, actors and claim chain.", EVENTS_COLUMNS, _event_rows),
        ParquetTable("claims", "Territorial-control claims.", CLAIMS_COLUMNS, _claim_rows),
        ParquetTable("places", "Every place mention, resolved.", PLACES_COLUMNS, _place_rows),
        ParquetTable("documents", "Documents and their metadata.", DOCUMENTS_COLUMNS, _document_rows),
    )
}


def write_table(table: ParquetTable, rows: Iterable[dict[str, Any]], path: Path) -> int:
    """Write ``rows`` as ``path`` in row groups; the file appears only once complete."""
    schema = table.schema
    partial = path.with_name(f".{path.name}.partial")
    count = 0
    try:
        with pq.ParquetWriter(partial, schema, compression="zstd") as writer:
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= ROWS_PER_GROUP:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    count, batch = count + len(batch), []
            if batch or count == 0:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return count


def export(store: Store, directory: Path, tables: Iterable[str] = TABLES) -> dict[str, int]:
    """Write the chosen tables as ``directory/<table>.parquet``; returns the rows written per table."""
    directory.mkdir(parents=True, exist_ok=True)
    return {name: write_table(TABLES[name], TABLES[name].rows(store), directory / f"{name}.parquet") for name in tables}
