"""Reading stored documents: one by id, a page of summaries, full-text search."""

from __future__ import annotations

from sitrep.errors import NotFound
from sitrep.model import AnalyzedArticle
from sitrep.store import DocSummary, SearchHit, Store


def document(store: Store, doc_id: int) -> AnalyzedArticle:
    """One stored document with every layer; :class:`NotFound` if the store has no such id."""
    result = store.get(doc_id)
    if result is None:
        raise NotFound(f"no document with id {doc_id}")
    return result


def documents(store: Store, limit: int = 50, offset: int = 0) -> list[DocSummary]:
    return store.documents(limit, offset)


def search(store: Store, query: str, limit: int = 20) -> list[SearchHit]:
    """Best first (bm25, title weighted), with highlighted snippets; the query syntax is the backend's."""
    return store.search(query, limit)
