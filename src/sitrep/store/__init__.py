"""The store: SQLite by default (one file, WAL, FTS5), any SQLAlchemy URL in principle; schema under Alembic."""

from sitrep.store.backends import database_url, default_db_path
from sitrep.store.db import DocSummary, DocumentFilter, Store
from sitrep.store.search import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, SearchHit, SearchScope

__all__ = [
    "HIGHLIGHT_CLOSE",
    "HIGHLIGHT_OPEN",
    "DocSummary",
    "DocumentFilter",
    "SearchHit",
    "SearchScope",
    "Store",
    "database_url",
    "default_db_path",
]
