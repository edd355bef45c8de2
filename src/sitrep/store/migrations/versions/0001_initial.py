"""Initial schema: documents, one table per analysis layer, lookup keys, full-text index.

Revision ID: 0001

Frozen: this file states the schema of revision 0001 by itself and must not
change. A change to ``sitrep/store/schema.py`` needs a new revision
(``tests/test_store.py`` checks that the migrated database matches it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _doc_fk() -> sa.Column[int]:
    return sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


def _interval() -> list[sa.Column[str]]:
    return [
        sa.Column("earliest", sa.String(40)),
        sa.Column("latest", sa.String(40)),
        sa.Column("granularity", sa.String(16)),
    ]


def _evidence() -> list[sa.Column[int]]:
    return [sa.Column("evidence_start", sa.Integer), sa.Column("evidence_end", sa.Integer)]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("uri", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("captured_at", sa.String(40)),
        sa.Column("title", sa.Text),
        sa.Column("byline", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("section", sa.Text),
        sa.Column("language", sa.String(16)),
        sa.Column("published_earliest", sa.String(40)),
        sa.Column("published_latest", sa.String(40)),
        sa.Column("published_text", sa.Text),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("analysis", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(40), nullable=False),
    )
    op.create_table(
        "mentions",
        _doc_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("label", sa.String(16)),
        sa.Column("actor", sa.Text),
    )
    op.create_table(
        "places",
        _doc_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("geonameid", sa.Integer),
        sa.Column("place_id", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.Text),
        sa.Column("precision", sa.String(16)),
        sa.Column("role", sa.String(16)),
        sa.Column("actor", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("name_key", sa.Text),
        sa.Column("admin1_key", sa.Text),
    )
    op.create_index("ix_places_place_id", "places", ["place_id"])
    op.create_index("ix_places_name_key", "places", ["name_key"])
    op.create_index("ix_places_admin1_key", "places", ["admin1_key"])
    op.create_table(
        "timexes",
        _doc_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(16)),
        sa.Column("value", sa.Text),
        *_interval(),
    )
    op.create_table(
        "attributions",
        _doc_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16)),
        sa.Column("source_text", sa.Text),
        sa.Column("source_actor", sa.Text),
        sa.Column("source_resolved", sa.Text),
        sa.Column("cue_text", sa.Text),
        sa.Column("cue_lemma", sa.Text),
        sa.Column("stance", sa.String(16)),
        sa.Column("content_start", sa.Integer),
        sa.Column("content_end", sa.Integer),
        sa.Column("content_text", sa.Text),
    )
    op.create_table(
        "events",
        _doc_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("type", sa.Text),
        sa.Column("sub_type", sa.Text),
        sa.Column("place_idx", sa.Integer),
        *_interval(),
        sa.Column("modality", sa.String(16)),
        sa.Column("asserted_by", sa.Integer),
        *_evidence(),
        sa.Column("confidence", sa.Float),
        sa.Column("actors", sa.Text),
    )
    op.create_index("ix_events_type", "events", ["type", "sub_type"])
    op.create_index("ix_events_place", "events", ["doc_id", "place_idx"])
    op.create_table(
        "control_claims",
        _doc_fk(),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("place_idx", sa.Integer),
        sa.Column("side", sa.Text),
        sa.Column("status", sa.String(16)),
        *_interval(),
        sa.Column("claimant", sa.Integer),
        sa.Column("modality", sa.String(16)),
        *_evidence(),
        sa.Column("confidence", sa.Float),
    )
    op.create_index("ix_control_claims_place", "control_claims", ["doc_id", "place_idx"])
    op.create_table(
        "record_actors",
        _doc_fk(),
        sa.Column("record", sa.String(8), primary_key=True),
        sa.Column("idx", sa.Integer, primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
    )
    op.create_index("ix_record_actors_key", "record_actors", ["key"])
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_search_index()


def _sqlite_search_index() -> None:
    """FTS5 over documents(title, body) without a second copy of the text, kept current by triggers."""
    op.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='documents', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body); "
        "INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    for table in (
        "record_actors",
        "control_claims",
        "events",
        "attributions",
        "timexes",
        "places",
        "mentions",
        "documents",
    ):
        op.drop_table(table)
