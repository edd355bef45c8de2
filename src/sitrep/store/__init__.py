"""The store: SQLite by default (one file, WAL, FTS5), schema under Alembic migrations."""

from sitrep.store.db import DocSummary, SearchHit, Store, default_db_path

__all__ = ["DocSummary", "SearchHit", "Store", "default_db_path"]
