"""Full-text search behind one small interface, one implementation per database backend.

The store keeps the index up to date by itself (SQLite: an external-content FTS5
table maintained by triggers on ``documents``), so writers never touch it; a
search backend only answers queries.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from sqlalchemy import Engine, bindparam, text
from sqlalchemy.exc import OperationalError

from sitrep.errors import StoreError

# Snippet highlight marks: control characters no article contains, replaced by each interface's own markup.
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "\x02", "\x03"
TITLE_WEIGHT = 5.0  # a word in the title counts five times a word in the body
RANK_WINDOW = 2000  # matches ranked together (FTS5): a word found in more documents is ranked newest first
_LAST_ROWID = 2**63 - 1


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
    facet_window: int | None  # facets count this many of the newest matches (None: all of them)

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
    facet_window: int | None = None

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

    bm25 reads every match's term statistics, so a word found in 50,000 documents costs 50 ms however
    few results are shown. Matches are therefore ranked in *windows* of :data:`RANK_WINDOW` documents,
    newest window first: a search with fewer matches is ranked as a whole, exactly as before; a very
    common word shows the most relevant of its newest 2,000 matches first, then of the 2,000 before
    them, and so on (a news desk wants the recent story first; the order stays fixed from page to page).
    """

    MATCHES = (
        "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
        "WHERE documents_fts MATCH :q "
        "AND (:outlet IS NULL OR d.outlet = :outlet) AND (:language IS NULL OR d.language = :language) "
        "AND (:event_type IS NULL OR EXISTS (SELECT 1 FROM events e WHERE e.doc_id = d.id AND e.type = :event_type)) "
    )
    _WINDOW = "AND documents_fts.rowid BETWEEN :low AND :high "
    # The page is ranked first, then only its rows get a snippet: SQLite computes every result column
    # before it sorts, and a snippet for each of 100,000 matches costs more than ranking them. Without a
    # filter the ranking reads the index alone, not a document row per match.
    RANK = f"bm25(documents_fts, {TITLE_WEIGHT}, 1.0)"
    SQL = text(
        f"SELECT rowid AS id, {RANK} AS score FROM documents_fts WHERE documents_fts MATCH :q {_WINDOW}"
        "ORDER BY score, rowid LIMIT :limit OFFSET :offset"
    )
    SQL_SCOPED = text(
        f"SELECT d.id AS id, {RANK} AS score {MATCHES}{_WINDOW}ORDER BY score, d.id LIMIT :limit OFFSET :offset"
    )
    # A page's snippets, read in one pass over the range of its rows: looked up one rowid at a time, a
    # prefix query ("4*", thousands of words) merges all its words' lists again for every row; read in the
    # ranking query, SQLite walks every match again. (``+`` keeps the id list from being used as lookups.)
    SNIPPETS = text(
        "SELECT d.id, d.title, d.uri, "
        f"snippet(documents_fts, 1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 16) AS snippet "
        "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
        "WHERE documents_fts MATCH :q AND documents_fts.rowid BETWEEN :low AND :high AND +documents_fts.rowid IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    COUNT_SCOPED = text(f"SELECT count(*) AS n {MATCHES}{_WINDOW}")
    # The oldest of the newest ``n + 1`` matches: where a window of matches ends (rowids only, no ranking).
    WINDOW_END = text(
        "SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rowid DESC LIMIT 1 OFFSET :n"
    )
    # Facets count the newest window of matches too: counting 50,000 matches reads 50,000 document rows.
    FACETS: ClassVar[dict[str, Any]] = _facets(
        f"{MATCHES}AND documents_fts.rowid >= :low ",
        f"{MATCHES}AND documents_fts.rowid >= :low ".replace("WHERE", "JOIN events e ON e.doc_id = d.id WHERE", 1),
    )

    facet_window: int | None = RANK_WINDOW

    def facets(self, query: str, scope: SearchScope | None = None) -> Facets:
        """How the newest :data:`RANK_WINDOW` matches spread (all of them, when there are no more)."""
        low = {"low": self._window_end(query, RANK_WINDOW - 1)}
        return {
            name: [(r.value, int(r.n)) for r in self._run(sql, query, scope, low)] for name, sql in self.FACETS.items()
        }

    def search(self, query: str, limit: int = 20, offset: int = 0, scope: SearchScope | None = None) -> list[SearchHit]:
        scoped = scope is not None and any(dataclasses.astuple(scope))
        ranked: list[Any] = []
        for low, high, skip in self._windows(query, offset, scope if scoped else None):
            extra = {"limit": limit - len(ranked), "offset": skip, "low": low, "high": high}
            ranked += self._run(self.SQL_SCOPED if scoped else self.SQL, query, scope, extra)
            if len(ranked) >= limit:
                break
        if not ranked:
            return []
        ids = [r.id for r in ranked]
        shown = {
            r.id: r for r in self._run(self.SNIPPETS, query, None, {"ids": ids, "low": min(ids), "high": max(ids)})
        }
        return [
            SearchHit(r.id, shown[r.id].title, shown[r.id].uri, shown[r.id].snippet, float(r.score))
            for r in ranked
            if r.id in shown
        ]

    def _windows(self, query: str, offset: int, scope: SearchScope | None) -> Iterator[tuple[int, int, int]]:
        """The rowid windows a page is read from, newest first, each with the matches to skip in it.

        Without a filter every full window holds exactly :data:`RANK_WINDOW` matches, so the first one a
        page needs is found by arithmetic; with one, each window's matches are counted until ``offset`` is
        passed."""
        first = offset // RANK_WINDOW if scope is None else 0
        skip = offset - first * RANK_WINDOW if scope is None else offset
        high, window = _LAST_ROWID, first
        if first:
            high = self._window_end(query, first * RANK_WINDOW - 1) - 1
        while high >= 0:
            low = self._window_end(query, (window + 1) * RANK_WINDOW - 1)
            if scope is not None:
                counted = self._run(self.COUNT_SCOPED, query, scope, {"low": low, "high": high})
                count = int(counted[0].n) if counted else 0  # a query FTS5 cannot run at all matches nothing
                if skip >= count:
                    skip -= count
                    high, window = low - 1, window + 1
                    continue
            yield low, high, skip
            skip, high, window = 0, low - 1, window + 1

    def _window_end(self, query: str, n: int) -> int:
        """The rowid of the ``n``-th newest match (0-based), or 0 when there are not that many."""
        found = self._run(self.WINDOW_END, query, None, {"n": n})
        return int(found[0].rowid) if found else 0

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
