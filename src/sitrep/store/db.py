"""The Store: documents and their analysis layers in one SQLite file.

Each document is written in one transaction (row, layers, full-text entry), so
an interrupted ingest leaves every document stored whole or not at all. A
document's identity is the SHA-256 of its raw bytes: ingesting the same content
twice adds nothing.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select, text
from sqlalchemy.exc import OperationalError

from sitrep.model import AnalyzedArticle, Interval
from sitrep.store import schema

DB_ENV = "SITREP_DB"


def default_db_path() -> Path:
    """``$SITREP_DB``, else ``$XDG_DATA_HOME/sitrep/sitrep.db`` (``~/.local/share/sitrep/sitrep.db``)."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "sitrep" / "sitrep.db"


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
class SearchHit:
    id: int
    title: str | None
    uri: str
    snippet: str
    score: float


HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "\x02", "\x03"
_FTS_SYNTAX = re.compile(r'["*()^:]|\b(?:AND|OR|NOT|NEAR)\b')


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store:
    """A sitrep database; opening it brings its schema up to the latest migration."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(f"sqlite:///{self.path}")
        event.listen(self.engine, "connect", _set_sqlite_pragmas)
        self.upgrade()

    def upgrade(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(resources.files("sitrep.store") / "migrations"))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    def close(self) -> None:
        self.engine.dispose()

    # --- writing --------------------------------------------------------------------------------------------

    def find(self, sha256: str) -> int | None:
        with self.engine.connect() as conn:
            return conn.scalar(select(schema.documents.c.id).where(schema.documents.c.sha256 == sha256))

    def add(self, analyzed: AnalyzedArticle) -> tuple[int, bool]:
        """Store one analysed document; returns ``(id, created)``. All or nothing."""
        sha = analyzed.source.sha256
        if sha is None:
            raise ValueError("an analysed document needs source.sha256 to be stored")
        with self.engine.begin() as conn:
            existing = conn.scalar(select(schema.documents.c.id).where(schema.documents.c.sha256 == sha))
            if existing is not None:
                return existing, False
            doc_id = self._insert(conn, analyzed)
        return doc_id, True

    def _insert(self, conn: Connection, a: AnalyzedArticle) -> int:
        art = a.article
        pub = art.published or Interval()
        doc_id = conn.execute(
            insert(schema.documents).values(
                sha256=a.source.sha256, uri=a.source.uri, kind=a.source.kind, captured_at=a.source.captured_at,
                title=art.title, byline=art.byline, outlet=art.outlet, section=art.section, language=art.language,
                published_earliest=pub.earliest, published_latest=pub.latest, published_text=pub.text,
                body=art.body, analysis=a.model_dump_json(),
                ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
        ).inserted_primary_key[0]  # type: ignore[index]
        for table, rows in _layer_rows(a).items():
            if rows:
                conn.execute(insert(table), [{"doc_id": doc_id, "idx": i, **row} for i, row in enumerate(rows)])
        conn.execute(
            text("INSERT INTO documents_fts(rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": doc_id, "title": art.title or "", "body": art.body},
        )
        return int(doc_id)

    def delete(self, doc_id: int) -> None:
        with self.engine.begin() as conn:
            for table in reversed(schema.metadata.sorted_tables):
                if table is not schema.documents:
                    conn.execute(delete(table).where(table.c.doc_id == doc_id))
            conn.execute(delete(schema.documents).where(schema.documents.c.id == doc_id))
            conn.execute(text("DELETE FROM documents_fts WHERE rowid = :id"), {"id": doc_id})

    # --- reading --------------------------------------------------------------------------------------------

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(schema.documents)) or 0)

    def documents(self, limit: int = 50, offset: int = 0) -> list[DocSummary]:
        d = schema.documents.c
        query = (
            select(d.id, d.title, d.uri, d.kind, d.published_earliest, d.published_text, d.outlet, d.ingested_at)
            .order_by(d.id)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            return [
                DocSummary(r.id, r.title, r.uri, r.kind, r.published_earliest or r.published_text, r.outlet,
                           r.ingested_at)
                for r in conn.execute(query)
            ]

    def get(self, doc_id: int) -> AnalyzedArticle | None:
        with self.engine.connect() as conn:
            raw = conn.scalar(select(schema.documents.c.analysis).where(schema.documents.c.id == doc_id))
        return AnalyzedArticle.model_validate_json(raw) if raw else None

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search ranked by bm25 (title weighted 5x), with highlighted snippets.

        FTS5 syntax (quotes, OR, NEAR, prefix*) is honoured; anything else is
        searched as plain words that must all occur.
        """
        sql = text(
            "SELECT d.id, d.title, d.uri, "
            f"snippet(documents_fts, 1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 16) AS snippet, "
            "bm25(documents_fts, 5.0, 1.0) AS score "
            "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
            "WHERE documents_fts MATCH :q ORDER BY score LIMIT :limit"
        )
        attempts = [query] if _FTS_SYNTAX.search(query) else []
        attempts.append(" ".join('"' + w.replace('"', '""') + '"' for w in query.split()))
        for attempt in attempts:
            try:
                with self.engine.connect() as conn:
                    rows = conn.execute(sql, {"q": attempt, "limit": limit}).all()
            except OperationalError:
                continue
            return [SearchHit(r.id, r.title, r.uri, r.snippet, float(r.score)) for r in rows]
        return []


def _interval_cols(interval: Interval | None) -> dict[str, Any]:
    i = interval or Interval(granularity="unknown")
    return {"earliest": i.earliest, "latest": i.latest, "granularity": i.granularity if interval else None}


def _layer_rows(a: AnalyzedArticle) -> dict[Any, list[dict[str, Any]]]:
    """Each layer flattened to rows of its table."""
    return {
        schema.mentions: [m.model_dump() for m in a.mentions],
        schema.places: [p.model_dump() for p in a.places],
        schema.timexes: [
            {**t.model_dump(exclude={"interval", "mod"}), **_interval_cols(t.interval)} for t in a.timexes
        ],
        schema.attributions: [
            {
                "kind": at.kind,
                "source_text": at.source.text if at.source else None,
                "source_actor": at.source.actor if at.source else None,
                "source_resolved": at.source.resolved if at.source else None,
                "cue_text": at.cue.text, "cue_lemma": at.cue.lemma, "stance": at.cue.stance,
                "content_start": at.content.start, "content_end": at.content.end, "content_text": at.content.text,
            }
            for at in a.attributions
        ],
        schema.events: [
            {
                "type": e.type, "sub_type": e.sub_type, "place_idx": e.place, **_interval_cols(e.when),
                "modality": e.modality, "asserted_by": e.asserted_by, "evidence_start": e.evidence.start,
                "evidence_end": e.evidence.end, "confidence": e.confidence,
                "actors": json.dumps([x.model_dump() for x in e.actors]),
            }
            for e in a.events
        ],
        schema.control_claims: [
            {
                "place_idx": c.place, "side": c.side, "status": c.status, **_interval_cols(c.when),
                "claimant": c.claimant, "modality": c.modality, "evidence_start": c.evidence.start,
                "evidence_end": c.evidence.end, "confidence": c.confidence,
            }
            for c in a.control
        ],
    }
