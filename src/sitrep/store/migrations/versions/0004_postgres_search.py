"""PostgreSQL full-text search: a tsvector the database keeps (title weight A, body B) and its GIN index.

Revision ID: 0004

SQLite's search index (FTS5, revision 0001) is untouched; on SQLite this revision does nothing. The
first 200,000 characters of a body are indexed (a tsvector holds at most 1 MB).
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
        "setweight(to_tsvector('simple', coalesce(left(body, 200000), '')), 'B')) STORED"
    )
    op.execute("CREATE INDEX ix_documents_search ON documents USING GIN (search)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_documents_search")
    op.execute("ALTER TABLE documents DROP COLUMN search")
