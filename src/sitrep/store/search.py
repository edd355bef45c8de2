"""Full-text search behind one small interface, one implementation per database backend.

The store keeps the index up to date by itself (SQLite: an external-content FTS5
table maintained by triggers on ``documents``), so writers never touch it; a
search backend only answers queries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

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


@dataclass(frozen=True)
class SearchScope:
    """Narrowing a search to one outlet, language or event type (the facets a result list offers)."""

    outlet: str | None = None
    language: str | None = None
    event_type: str | None = None


Facets = dict[str, list[tuple[str, int]]]  # facet name → (value, matching documents), most first


class SearchIndex(Protocol):
    def search(
        self, query: str, limit: int = 20, offset: int = 0, scope: SearchScope | None = None
    ) -> list[SearchHit]: ...

    def facets(self, query: str, scope: SearchScope | None = None) -> Facets: ...


_FTS_SYNTAX = re.compile(r'["*()^:]|\b(?:AND|OR|NOT|NEAR)\b')


class Fts5Search:
    """SQLite FTS5: bm25 ranking, ``snippet()`` highlights, FTS5 query syntax.

    A query that uses FTS5 syntax (quotes, OR, NEAR, prefix*) is run as written;
    anything else, or syntax FTS5 rejects, is searched as plain words that must
    all occur.
    """

    MATCHES = (
        "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
        "WHERE documents_fts MATCH :q "
        "AND (:outlet IS NULL OR d.outlet = :outlet) AND (:language IS NULL OR d.language = :language) "
        "AND (:event_type IS NULL OR EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.id AND e.type = :event_type)) "
    )
    SQL = text(
        "SELECT d.id, d.title, d.uri, "
        f"snippet(documents_fts, 1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 16) AS snippet, "
        f"bm25(documents_fts, {TITLE_WEIGHT}, 1.0) AS score "
        f"{MATCHES}ORDER BY score, d.id LIMIT :limit OFFSET :offset"
    )
    FACETS: ClassVar[dict[str, Any]] = {
        "outlet": text(
            f"SELECT d.outlet AS value, count(*) AS n {MATCHES}AND d.outlet IS NOT NULL "
            "GROUP BY d.outlet ORDER BY n DESC, value LIMIT 20"
        ),
        "language": text(
            f"SELECT d.language AS value, count(*) AS n {MATCHES}AND d.language IS NOT NULL "
            "GROUP BY d.language ORDER BY n DESC, value LIMIT 20"
        ),
        "event_type": text(
            "SELECT t.type AS value, count(*) AS n FROM (SELECT DISTINCT d.id AS id, e.type AS type "
            f"{MATCHES.replace('WHERE', 'JOIN events e ON e.doc_id = d.id WHERE', 1)}) t "
            "GROUP BY t.type ORDER BY n DESC, value LIMIT 20"
        ),
    }

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def search(self, query: str, limit: int = 20, offset: int = 0, scope: SearchScope | None = None) -> list[SearchHit]:
        rows = self._run(self.SQL, query, scope, {"limit": limit, "offset": offset})
        return [SearchHit(r.id, r.title, r.uri, r.snippet, float(r.score)) for r in rows]

    def facets(self, query: str, scope: SearchScope | None = None) -> Facets:
        return {
            name: [(r.value, int(r.n)) for r in self._run(sql, query, scope, {})] for name, sql in self.FACETS.items()
        }

    def _run(self, sql: Any, query: str, scope: SearchScope | None, extra: dict[str, Any]) -> list[Any]:
        """The query as FTS5 syntax when it uses it, else (or when FTS5 rejects it) as plain words."""
        attempts = [query] if _FTS_SYNTAX.search(query) else []
        attempts.append(" ".join('"' + w.replace('"', '""') + '"' for w in query.split()))
        where = scope or SearchScope()
        params = {"outlet": where.outlet, "language": where.language, "event_type": where.event_type, **extra}
        for attempt in attempts:
            try:
                with self.engine.connect() as conn:
                    return list(conn.execute(sql, {"q": attempt, **params}).all())
            except OperationalError:
                continue
        return []


def search_index(engine: Engine) -> SearchIndex:
    """The search implementation for the engine's backend."""
    if engine.dialect.name == "sqlite":
        return Fts5Search(engine)
    raise StoreError(f"full-text search is not available on {engine.dialect.name} yet (SQLite only)")
