"""The Store: documents and their analysis layers, in any database SQLAlchemy reaches.

Each document is written in one transaction (row and layers; the search index
follows by trigger), so an interrupted ingest leaves every document stored whole
or not at all. A document's identity is the SHA-256 of its raw bytes: ingesting
the same content twice adds nothing. Backend specifics live in ``backends.py``
(connection settings) and ``search.py`` (full-text search).
"""

from __future__ import annotations

import json
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, Select, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from sitrep import __version__
from sitrep.model import AnalyzedArticle, Interval
from sitrep.sources import RawDoc
from sitrep.store import backends, outlets, schema, stories
from sitrep.store import raw as raw_store
from sitrep.store.keys import lookup_key
from sitrep.store.record_keys import actor_rows, place_rows
from sitrep.store.search import (
    HIGHLIGHT_CLOSE,
    HIGHLIGHT_OPEN,
    Facets,
    SearchHit,
    SearchIndex,
    SearchScope,
    search_index,
)

SCHEMA_VERSION = "0008"  # the newest migration: stored with every analysis
WRITE_ATTEMPTS = 5  # a document's transaction is tried again when a concurrent writer got in first

__all__ = ["HIGHLIGHT_CLOSE", "HIGHLIGHT_OPEN", "DocSummary", "DocumentFilter", "SearchHit", "Store"]


OPEN_WAIT_SECONDS = 60.0  # how long opening a store waits for another process that holds it
OPEN_RETRY_SECONDS = 0.2


@dataclass(frozen=True)
class DocSummary:
    id: int
    title: str | None
    uri: str
    kind: str
    published: str | None
    outlet: str | None
    ingested_at: str


@dataclass(frozen=True)
class DocumentFilter:
    """Which documents a listing wants; dates are ISO strings, ``*_to`` days included."""

    outlet: str | None = None
    language: str | None = None
    kind: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    ingested_from: str | None = None
    ingested_to: str | None = None
    sitrep_version: str | None = None  # the version that made the stored analysis


class Store:
    """A sitrep database; opening it brings its schema up to the latest migration.

    ``location`` is a database URL (``sqlite:///corpus.db``) or a file path (SQLite).
    """

    def __init__(self, location: str | Path | None = None) -> None:
        self.url = backends.database_url(location)
        self.path = backends.sqlite_path(self.url)
        self.engine: Engine = backends.create(self.url)
        self._open_waiting()
        self.index: SearchIndex = search_index(self.engine)

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else self.url

    def _open_waiting(self) -> None:
        """Bring the schema up to date, waiting while another process opens or migrates the same SQLite
        file: SQLite answers some of those moments (a WAL file being set up or recovered) "database is
        locked" at once, without waiting its busy timeout."""
        deadline = time.monotonic() + OPEN_WAIT_SECONDS
        while True:
            try:
                self.upgrade()
                return
            except OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                self.engine.dispose()
                time.sleep(OPEN_RETRY_SECONDS)

    def upgrade(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(resources.files("sitrep.store") / "migrations"))
        with backends.writing(self.engine) as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def close(self) -> None:
        self.engine.dispose()

    def writing(self) -> AbstractContextManager[Connection]:
        """One write transaction (the modules beside this one take its connection)."""
        return backends.writing(self.engine)

    # --- writing --------------------------------------------------------------------------------------------

    def find(self, sha256: str) -> int | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(schema.documents.c.id).where(schema.documents.c.sha256 == sha256))

    def add(self, analyzed: AnalyzedArticle, raw: RawDoc | None = None) -> tuple[int, bool]:
        """Store one analysed document (and the bytes it was read from); returns ``(id, created)``.

        All or nothing: the row, its layers, its raw bytes, its outlet link and its story links
        are written in one transaction.
        """
        sha = analyzed.source.sha256
        if sha is None:
            raise ValueError("an analysed document needs source.sha256 to be stored")
        for _ in range(WRITE_ATTEMPTS - 1):
            try:
                return self._add(sha, analyzed, raw)
            except IntegrityError:  # another writer stored the same content, or created its outlet, first
                existing = self.find(sha)
                if existing is not None:
                    return existing, False
        return self._add(sha, analyzed, raw)

    def _add(self, sha: str, analyzed: AnalyzedArticle, raw: RawDoc | None) -> tuple[int, bool]:
        with backends.writing(self.engine) as conn:
            existing = conn.scalar(select(schema.documents.c.id).where(schema.documents.c.sha256 == sha))
            if existing is not None:
                return existing, False
            values = {**_document_values(analyzed), "ingested_at": _now()}
            doc_id = int(conn.execute(insert(schema.documents).values(**values)).inserted_primary_key[0])  # type: ignore[index]
            self._write_layers(conn, doc_id, analyzed)
            if raw is not None:
                conn.execute(insert(schema.raw_sources).values(doc_id=doc_id, **raw_store.row(raw)))
            stories.add(conn, doc_id, analyzed.article.body)
        return doc_id, True

    def replace(self, doc_id: int, analyzed: AnalyzedArticle) -> None:
        """Put a new analysis of a stored document in place of the old one (``sitrep reanalyze``)."""
        d = schema.documents.c
        with backends.writing(self.engine) as conn:
            old_body = conn.scalar(select(d.body).where(d.id == doc_id))
            if old_body is None:
                raise KeyError(doc_id)
            for table in (*LAYER_TABLES, schema.record_actors, schema.record_places):
                conn.execute(delete(table).where(table.c.doc_id == doc_id))
            conn.execute(update(schema.documents).where(d.id == doc_id).values(**_document_values(analyzed)))
            self._write_layers(conn, doc_id, analyzed)
            if analyzed.article.body != old_body:  # the text changed: its near-duplicates may have too
                for table in (schema.doc_minhashes, schema.lsh_bands, schema.story_links):
                    conn.execute(delete(table).where(table.c.doc_id == doc_id))
                conn.execute(delete(schema.story_links).where(schema.story_links.c.other_id == doc_id))
                stories.add(conn, doc_id, analyzed.article.body)

    def raw(self, doc_id: int) -> RawDoc | None:
        """The bytes a stored document was read from, as they were read."""
        with self.engine.connect() as conn:
            return raw_store.load(conn, doc_id)

    def _write_layers(self, conn: Connection, doc_id: int, a: AnalyzedArticle) -> None:
        for table, rows in _layer_rows(a).items():
            if rows:
                conn.execute(insert(table), [{"doc_id": doc_id, "idx": i, **row} for i, row in enumerate(rows)])
        actors = actor_rows(a)
        for table, rows in ((schema.record_actors, actors), (schema.record_places, place_rows(a))):
            if rows:
                conn.execute(insert(table), [{"doc_id": doc_id, **row} for row in rows])
        backends.insert_missing(conn, schema.actor_keys, [{"key": k} for k in sorted({r["key"] for r in actors})])
        linked = outlets.link(conn, a.source.uri, a.article.outlet, a.article.language)
        if linked is not None:
            outlet_id, name = linked
            d = schema.documents.c
            conn.execute(update(schema.documents).where(d.id == doc_id).values(outlet_id=outlet_id, outlet=name))

    def delete(self, doc_id: int) -> None:
        """Remove a document; its layers go with it (ON DELETE CASCADE), its search entry by trigger."""
        with backends.writing(self.engine) as conn:
            conn.execute(delete(schema.documents).where(schema.documents.c.id == doc_id))

    # --- reading --------------------------------------------------------------------------------------------

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(schema.documents)) or 0)

    def documents(self, limit: int = 50, offset: int = 0) -> list[DocSummary]:
        """A page of documents in storage order (the CLI's ``list``)."""
        return self._summaries(_summary_query().order_by(schema.documents.c.id).limit(limit).offset(offset))

    def _summaries(self, query: Select[Any]) -> list[DocSummary]:
        with self.engine.connect() as conn:
            return [
                DocSummary(
                    r.id, r.title, r.uri, r.kind, r.published_earliest or r.published_text, r.outlet, r.ingested_at
                )
                for r in conn.execute(query)
            ]

    def get(self, doc_id: int) -> AnalyzedArticle | None:
        with self.engine.connect() as conn:
            raw = conn.scalar(select(schema.documents.c.analysis).where(schema.documents.c.id == doc_id))
        return AnalyzedArticle.model_validate_json(raw) if raw else None

    def search(self, query: str, limit: int = 20, offset: int = 0, scope: SearchScope | None = None) -> list[SearchHit]:
        """Full-text search ranked by relevance, with highlighted snippets (see :mod:`sitrep.store.search`)."""
        return self.index.search(query, limit, offset, scope)

    def facets(self, query: str, scope: SearchScope | None = None) -> Facets:
        """How the matches of a search spread over outlets, languages and event types."""
        return self.index.facets(query, scope)

    def page(self, where: DocumentFilter, before_id: int | None = None, limit: int = 50) -> list[DocSummary]:
        """Documents matching ``where``, newest first, from just below ``before_id`` (a cursor that stays
        right while documents are added)."""
        d = schema.documents.c
        conditions = _filter_conditions(where)
        if before_id is not None:
            conditions.append(d.id < before_id)
        return self._summaries(_summary_query().where(*conditions).order_by(d.id.desc()).limit(limit))

    def ids(self, where: DocumentFilter) -> list[int]:
        """The ids of the documents ``where`` selects, oldest first."""
        d = schema.documents.c
        with self.engine.connect() as conn:
            return list(conn.scalars(select(d.id).where(*_filter_conditions(where)).order_by(d.id)))

    # --- outlets --------------------------------------------------------------------------------------------

    def outlets(self) -> list[outlets.Outlet]:
        with self.engine.connect() as conn:
            return outlets.all_outlets(conn)

    def import_outlets(self, path: Path) -> int:
        """Load the user's outlet table (TSV); all rows or none."""
        rows = outlets.read_tsv(path)
        with backends.writing(self.engine) as conn:
            return outlets.import_rows(conn, rows)


def _filter_conditions(where: DocumentFilter) -> list[Any]:
    d = schema.documents.c
    conditions: list[Any] = [
        column == value
        for column, value in (
            (d.outlet, where.outlet),
            (d.language, where.language),
            (d.kind, where.kind),
            (d.sitrep_version, where.sitrep_version),
        )
        if value is not None
    ]
    for column, low, high in (
        (d.published_earliest, where.published_from, where.published_to),
        (d.ingested_at, where.ingested_from, where.ingested_to),
    ):
        if low is not None:
            conditions.append(column >= low)
        if high is not None:
            conditions.append(column < _day_after(high))  # a day includes its times, in any collation
    return conditions


LAYER_TABLES = (
    schema.mentions,
    schema.places,
    schema.timexes,
    schema.attributions,
    schema.events,
    schema.control_claims,
)


def _day_after(day: str) -> str:
    """The ISO date after ``day`` (``YYYY-MM-DD``, or a longer stamp whose date part is taken)."""
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=1)).isoformat()
    except ValueError:
        return day + "~"  # not a date: the old open bound (the API validates dates before this)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _document_values(a: AnalyzedArticle) -> dict[str, Any]:
    """The ``documents`` columns of an analysis (all but its identity and ingest time)."""
    art = a.article
    pub = art.published or Interval()
    return {
        "sha256": a.source.sha256,
        "uri": a.source.uri,
        "kind": a.source.kind,
        "captured_at": a.source.captured_at,
        "title": art.title,
        "byline": art.byline,
        "outlet": art.outlet,
        "section": art.section,
        "language": art.language,
        "published_earliest": pub.earliest,
        "published_latest": pub.latest,
        "published_text": pub.text,
        "body": art.body,
        "analysis": a.model_dump_json(),
        "analyzed_at": _now(),
        "sitrep_version": __version__,
        "schema_version": SCHEMA_VERSION,
    }


def _summary_query() -> Select[Any]:
    d = schema.documents.c
    return select(d.id, d.title, d.uri, d.kind, d.published_earliest, d.published_text, d.outlet, d.ingested_at)


def _interval_cols(interval: Interval | None) -> dict[str, Any]:
    i = interval or Interval(granularity="unknown")
    return {"earliest": i.earliest, "latest": i.latest, "granularity": i.granularity if interval else None}


def _layer_rows(a: AnalyzedArticle) -> dict[Any, list[dict[str, Any]]]:
    """Each layer flattened to rows of its table."""
    return {
        schema.mentions: [m.model_dump() for m in a.mentions],
        schema.places: [
            {
                **p.model_dump(),
                "name_key": lookup_key(p.name or p.text),
                "admin1_key": lookup_key(p.admin1) or None,
                "text_key": lookup_key(p.text),
            }
            for p in a.places
        ],
        schema.timexes: [
            {**t.model_dump(exclude={"interval", "mod"}), **_interval_cols(t.interval)} for t in a.timexes
        ],
        schema.attributions: [
            {
                "kind": at.kind,
                "source_text": at.source.text if at.source else None,
                "source_actor": at.source.actor if at.source else None,
                "source_resolved": at.source.resolved if at.source else None,
                "cue_text": at.cue.text,
                "cue_lemma": at.cue.lemma,
                "stance": at.cue.stance,
                "content_start": at.content.start,
                "content_end": at.content.end,
                "content_text": at.content.text,
            }
            for at in a.attributions
        ],
        schema.events: [
            {
                "type": e.type,
                "sub_type": e.sub_type,
                "place_idx": e.place,
                **_interval_cols(e.when),
                "modality": e.modality,
                "asserted_by": e.asserted_by,
                "evidence_start": e.evidence.start,
                "evidence_end": e.evidence.end,
                "confidence": e.confidence,
                "actors": json.dumps([x.model_dump() for x in e.actors]),
            }
            for e in a.events
        ],
        schema.control_claims: [
            {
                "place_idx": c.place,
                "side": c.side,
                "status": c.status,
                **_interval_cols(c.when),
                "claimant": c.claimant,
                "modality": c.modality,
                "evidence_start": c.evidence.start,
                "evidence_end": c.evidence.end,
                "confidence": c.confidence,
            }
            for c in a.control
        ],
    }
