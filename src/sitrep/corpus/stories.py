"""Stories across outlets: the documents the store linked as one report (``sitrep.store.stories``).

One wire story reprinted by forty outlets is one report. This view lists stories with their
documents, the outlets that ran them, when they were first and last seen, and a representative
title (the first document's), newest first; single documents are stories of one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from sitrep.corpus.records import place_condition
from sitrep.store import Store
from sitrep.store import schema as s


@dataclass
class StoryDocument:
    id: int
    title: str | None
    outlet: str | None
    uri: str
    seen: str  # published, else captured, else ingested


@dataclass
class Story:
    id: int
    documents: list[StoryDocument] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return next((d.title for d in self.documents if d.title), None)

    @property
    def outlets(self) -> list[str]:
        return sorted({d.outlet for d in self.documents if d.outlet})

    @property
    def first_seen(self) -> str:
        return min(d.seen for d in self.documents)

    @property
    def last_seen(self) -> str:
        return max(d.seen for d in self.documents)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlets": self.outlets,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "documents": [d.__dict__ for d in self.documents],
        }


def stories(
    store: Store, since: str | None = None, place: str | None = None, min_documents: int = 2, limit: int = 100
) -> list[Story]:
    """Stories with at least ``min_documents`` documents, last seen first.

    ``since``: only stories seen on or after this date; ``place``: only stories one of whose
    documents mentions the place (or a place inside that region).
    """
    d = s.documents.c
    seen = func.coalesce(d.published_earliest, d.captured_at, d.ingested_at)
    grouped = select(d.story_id).where(d.story_id.is_not(None)).group_by(d.story_id)
    grouped = grouped.having(func.count() >= min_documents)
    if since:
        grouped = grouped.having(func.max(seen) >= since)
    if place:
        member = s.documents.alias("member")  # not the outer documents: every member of the story counts
        about = select(member.c.story_id).join(s.places, s.places.c.doc_id == member.c.id)
        about = about.where(place_condition(place, s.places))
        grouped = grouped.where(d.story_id.in_(about))
    grouped = grouped.order_by(func.max(seen).desc(), d.story_id.desc()).limit(limit)
    with store.engine.connect() as conn:
        ids = list(conn.scalars(grouped))
        if not ids:
            return []
        rows = conn.execute(
            select(d.id, d.story_id, d.title, d.outlet, d.uri, seen.label("seen"))
            .where(d.story_id.in_(ids))
            .order_by(seen, d.id)
        )
        members: dict[int, list[StoryDocument]] = defaultdict(list)
        for row in rows:
            members[row.story_id].append(StoryDocument(row.id, row.title, row.outlet, row.uri, row.seen))
    return [Story(story_id, members[story_id]) for story_id in ids]


def links(store: Store, doc_id: int) -> list[tuple[int, float]]:
    """The documents a document was linked to as near-duplicates, with their similarity, most similar first."""
    k = s.story_links.c
    with store.engine.connect() as conn:
        forward = conn.execute(select(k.other_id, k.score).where(k.doc_id == doc_id)).all()
        backward = conn.execute(select(k.doc_id, k.score).where(k.other_id == doc_id)).all()
    return sorted(((int(a), float(b)) for a, b in [*forward, *backward]), key=lambda x: -x[1])
