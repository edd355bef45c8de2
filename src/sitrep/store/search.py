"""Full-text search behind one small interface, one implementation per database backend.

The store keeps the index up to date by itself (SQLite: an external-content FTS5
table maintained by triggers on ``documents``), so writers never touch it; a
search backend only answers queries.
"""

from __future__ import annotations

import dataclasses
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


def _facets(matches: str, with_events: str) -> dict[str, Any]:
    """Facet counts over the documents a search matches: ``matches`` is its FROM … WHERE part, and
    ``with_events`` the same joined with each document's events."""
    return {
        "outlet": text(
            f"SELECT d.outlet AS value, count(*) AS n {matches}AND d.outlet IS NOT NULL "
            "GROUP BY d.outlet ORDER BY n DESC, value LIMIT 20"
        ),
        "language": text(
            f"SELECT d.language AS value, count(*) AS n {matches}AND d.language IS NOT NULL "
            "GROUP BY d.language ORDER BY n DESC, value LIMIT 20"
        ),
        "event_type": text(
            f"SELECT t.type AS value, count(*) AS n FROM (SELECT DISTINCT d.id AS id, e.type AS type {with_events}) t "
            "GROUP BY t.type ORDER BY n DESC, value LIMIT 20"
        ),
    }


_FTS_SYNTAX = re.compile(r'["*()^:]|\b(?:AND|OR|NOT|NEAR)\b')


class _SqlSearch:
    """A search written as two SQL statements over the backend's index: hits, and facet counts."""

    SQL: ClassVar[Any]
    FACETS: ClassVar[dict[str, Any]]

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
        raise NotImplementedError

    @staticmethod
    def _params(scope: SearchScope | None, extra: dict[str, Any]) -> dict[str, Any]:
        where = scope or SearchScope()
        return {"outlet": where.outlet, "language": where.language, "event_type": where.event_type, **extra}


class Fts5Search(_SqlSearch):
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
    # The page is ranked first and only its rows get a snippet: SQLite computes every result column
    # before it sorts, and a snippet for each of 100,000 matches costs more than ranking them. Without a
    # filter the ranking reads the index alone, not a document row per match.
    RANK = f"bm25(documents_fts, {TITLE_WEIGHT}, 1.0)"
    _PAGE = (
        "SELECT d.id, d.title, d.uri, "
        f"snippet(documents_fts, 1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 16) AS snippet, {RANK} AS score "
        "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
        "WHERE documents_fts MATCH :q AND documents_fts.rowid IN ({ranked}) ORDER BY score, d.id"
    )
    SQL = text(
        _PAGE.format(
            ranked=f"SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q "
            f"ORDER BY {RANK}, rowid LIMIT :limit OFFSET :offset"
        )
    )
    SQL_SCOPED = text(_PAGE.format(ranked=f"SELECT d.id {MATCHES}ORDER BY {RANK}, d.id LIMIT :limit OFFSET :offset"))
    FACETS: ClassVar[dict[str, Any]] = _facets(
        MATCHES, MATCHES.replace("WHERE", "JOIN events e ON e.doc_id = d.id WHERE", 1)
    )

    def search(self, query: str, limit: int = 20, offset: int = 0, scope: SearchScope | None = None) -> list[SearchHit]:
        sql = self.SQL_SCOPED if scope is not None and any(dataclasses.astuple(scope)) else self.SQL
        rows = self._run(sql, query, scope, {"limit": limit, "offset": offset})
        return [SearchHit(r.id, r.title, r.uri, r.snippet, float(r.score)) for r in rows]

    def _run(self, sql: Any, query: str, scope: SearchScope | None, extra: dict[str, Any]) -> list[Any]:
        """The query as FTS5 syntax when it uses it, else (or when FTS5 rejects it) as plain words."""
        attempts = [query] if _FTS_SYNTAX.search(query) else []
        attempts.append(" ".join('"' + w.replace('"', '""') + '"' for w in query.split()))
        params = self._params(scope, extra)
        for attempt in attempts:
            try:
                with self.engine.connect() as conn:
                    return list(conn.execute(sql, {"q": attempt, **params}).all())
            except OperationalError:
                continue
        return []


_PG_MATCHES = (
    "FROM documents d, websearch_to_tsquery('simple', :q) query WHERE d.search @@ query "
    "AND (CAST(:outlet AS TEXT) IS NULL OR d.outlet = :outlet) "
    "AND (CAST(:language AS TEXT) IS NULL OR d.language = :language) "
    "AND (CAST(:event_type AS TEXT) IS NULL OR EXISTS "
    "(SELECT 1 FROM events e WHERE e.doc_id = d.id AND e.type = :event_type)) "
)


class PostgresSearch(_SqlSearch):
    """PostgreSQL: a ``tsvector`` column kept by the database (title weighted A, body B) with a GIN index,
    ``websearch_to_tsquery`` (quotes for phrases, ``or``, ``-word``), ``ts_rank_cd`` and ``ts_headline``.

    Differences from FTS5, kept as small as honest: words are matched whole after the ``simple``
    configuration folds case (no stemming, no accent folding: FTS5 folds diacritics), prefix
    searches (``bomb*``) and ``NEAR`` are not understood (the star and NEAR are read as words), and
    ranking is cover density with the title weighted, not bm25, so the order of close scores can
    differ. A query with only stop characters matches nothing rather than failing.
    """

    MATCHES = _PG_MATCHES
    SQL = text(
        "SELECT d.id, d.title, d.uri, "
        f"ts_headline('simple', d.body, query, 'StartSel={HIGHLIGHT_OPEN}, StopSel={HIGHLIGHT_CLOSE}, "
        "MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…') AS snippet, "
        "-ts_rank_cd(d.search, query) AS score "
        f"{MATCHES}ORDER BY score, d.id LIMIT :limit OFFSET :offset"
    )
    FACETS: ClassVar[dict[str, Any]] = _facets(
        _PG_MATCHES, _PG_MATCHES.replace("FROM documents d,", "FROM documents d JOIN events e ON e.doc_id = d.id,", 1)
    )

    def _run(self, sql: Any, query: str, scope: SearchScope | None, extra: dict[str, Any]) -> list[Any]:
        with self.engine.connect() as conn:
            return list(conn.execute(sql, {"q": query.replace("*", " "), **self._params(scope, extra)}).all())


def search_index(engine: Engine) -> SearchIndex:
    """The search implementation for the engine's backend."""
    if engine.dialect.name == "sqlite":
        return Fts5Search(engine)
    if engine.dialect.name == "postgresql":
        return PostgresSearch(engine)
    raise StoreError(f"full-text search is not available on {engine.dialect.name}")
