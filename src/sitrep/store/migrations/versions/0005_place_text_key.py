"""Places looked up by the name the article wrote, not only the gazetteer's: ``places.text_key``.

Revision ID: 0005

Frozen like 0001. Existing rows are filled in from ``places.text`` with the store's own folding.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sitrep.store.keys import lookup_key

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("places", sa.Column("text_key", sa.Text))
    op.create_index("ix_places_text_key", "places", ["text_key"])
    bind = op.get_bind()
    places = sa.table("places", sa.column("doc_id"), sa.column("idx"), sa.column("text"), sa.column("text_key"))
    rows = bind.execute(sa.select(places.c.doc_id, places.c.idx, places.c.text)).all()
    if rows:
        fill = (
            places.update()
            .where(places.c.doc_id == sa.bindparam("d"), places.c.idx == sa.bindparam("i"))
            .values(text_key=sa.bindparam("k"))
        )
        bind.execute(fill, [{"d": doc_id, "i": idx, "k": lookup_key(text)} for doc_id, idx, text in rows])


def downgrade() -> None:
    op.drop_index("ix_places_text_key", "places")
    op.drop_column("places", "text_key")
