"""Initial schema: documents, one table per analysis layer, full-text index.

Revision ID: 0001
"""

from __future__ import annotations

from alembic import op

from sitrep.store import schema

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    schema.metadata.create_all(bind)
    op.create_index("ix_places_place_id", "places", ["place_id"])
    op.create_index("ix_places_name", "places", ["name"])
    op.create_index("ix_events_type", "events", ["type", "sub_type"])
    if bind.dialect.name == "sqlite":
        # FTS5 with rowid = documents.id; bm25() ranks, snippet() highlights.
        op.execute(
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS documents_fts")
    schema.metadata.drop_all(bind)
