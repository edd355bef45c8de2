"""Full-text search behind one small interface, one implementation per database backend.

The store keeps the index up to date by itself (SQLite: an external-content FTS5
table maintained by triggers on ``documents``), so writers never touch it; a
search backend only answers queries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from sitrep.errors import StoreError

# Snippet highlight marks: control characters no article contains, replaced by each interface's own markup.
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "\x02", "\x03"
TITLE_WEIGHT = 5.0  # a word in the title counts five times a word in the body


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str | None
    uri: str
    snippet: str
    score: float


class SearchIndex(Protocol):
    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]: ...


_FTS_SYNTAX = re.compile(r'["*()^:]|\b(?:AND|OR|NOT|NEAR)\b')


class Fts5Search:
    """SQLite FTS5: bm25 ranking, ``snippet()`` highlights, FTS5 query syntax.

    A query that uses FTS5 syntax (quotes, OR, NEAR, prefix*) is run as written;
    anything else, or syntax FTS5 rejects, is searched as plain words that must
    all occur.
    """

    SQL = text(
        "SELECT d.id, d.title, d.uri, "
        f"snippet(documents_fts, 1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 16) AS snippet, "
        f"bm25(documents_fts, {TITLE_WEIGHT}, 1.0) AS score "
        "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
        "WHERE documents_fts MATCH :q ORDER BY score, d.id LIMIT :limit OFFSET :offset"
    )

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        attempts = [query] if _FTS_SYNTAX.search(query) else []
        attempts.append(" ".join('"' + w.replace('"', '""') + '"' for w in query.split()))
        for attempt in attempts:
            try:
                with self.engine.connect() as conn:
                    rows = conn.execute(self.SQL, {"q": attempt, "limit": limit, "offset": offset}).all()
            except OperationalError:
                continue
            return [SearchHit(r.id, r.title, r.uri, r.snippet, float(r.score)) for r in rows]
        return []


def search_index(engine: Engine) -> SearchIndex:
    """The search implementation for the engine's backend."""
    if engine.dialect.name == "sqlite":
        return Fts5Search(engine)
    raise StoreError(f"full-text search is not available on {engine.dialect.name} yet (SQLite only)")
