"""What ``sitrep watch`` remembers between runs: feeds, their validators and errors, items seen.

Kept in the store so that a restart resumes where the last run stopped: a conditional GET with
the last ETag / Last-Modified, no item fetched twice (by the feed's item id, by URL, and by the
content hash the store already checks), and back-off that survives the restart.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, delete, func, insert, select, update

from sitrep.store import schema


@dataclass(frozen=True)
class FeedState:
    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    last_polled: str | None
    last_new_item: str | None
    next_poll: str | None
    errors: int
    last_error: str | None
    items: int = 0
    documents: int = 0


def feed(conn: Connection, url: str) -> FeedState:
    """The feed's state, registering the feed on first sight."""
    f = schema.feeds.c
    if conn.scalar(select(f.id).where(f.url == url)) is None:
        conn.execute(insert(schema.feeds).values(url=url, errors=0))
    return next(s for s in _states(conn, f.url == url))


def all_feeds(conn: Connection) -> list[FeedState]:
    return _states(conn, None)


def _states(conn: Connection, condition: object) -> list[FeedState]:
    f, i = schema.feeds.c, schema.feed_items.c
    items = select(func.count()).where(i.feed_id == f.id).scalar_subquery()
    stored = select(func.count()).where(i.feed_id == f.id, i.status == "stored").scalar_subquery()
    query = select(
        f.id, f.url, f.title, f.etag, f.last_modified, f.last_polled, f.last_new_item, f.next_poll, f.errors,
        f.last_error, items.label("items"), stored.label("documents"),
    ).order_by(f.id)  # fmt: skip
    if condition is not None:
        query = query.where(condition)  # type: ignore[arg-type]
    return [FeedState(*row) for row in conn.execute(query)]


def save_poll(conn: Connection, feed_id: int, **values: object) -> None:
    """Record a poll's outcome: validators, title, times, error count and message."""
    conn.execute(update(schema.feeds).where(schema.feeds.c.id == feed_id).values(**values))


RETRY = "retry"  # the status of an item that failed for a passing reason: fetched again next round
MAX_ATTEMPTS = 5  # after this many passing failures an item counts as failed for good


def seen(conn: Connection, feed_id: int, key: str, url: str) -> bool:
    """This item (by the feed's id for it, or by its URL in any feed or document) was handled before.

    An item waiting for a retry is not "seen": the next round fetches it again.
    """
    i, d = schema.feed_items.c, schema.documents.c
    handled = i.status != RETRY
    if conn.scalar(select(i.key).where(i.feed_id == feed_id, i.key == key, handled)) is not None:
        return True
    if conn.scalar(select(i.key).where(i.url == url, handled).limit(1)) is not None:
        return True
    return conn.scalar(select(d.id).where(d.uri == url).limit(1)) is not None


def retries(conn: Connection, feed_id: int) -> list[tuple[str, str]]:
    """``(key, url)`` of the feed's items waiting for another try, oldest first."""
    i = schema.feed_items.c
    query = select(i.key, i.url).where(i.feed_id == feed_id, i.status == RETRY).order_by(i.seen_at)
    return [(row.key, row.url) for row in conn.execute(query)]


def attempts(conn: Connection, feed_id: int, key: str) -> int:
    """How many times the item failed for a passing reason so far."""
    i = schema.feed_items.c
    reason = conn.scalar(select(i.reason).where(i.feed_id == feed_id, i.key == key, i.status == RETRY))
    return int(reason.split(":", 1)[0]) if reason and reason.split(":", 1)[0].isdigit() else 0


def record_item(
    conn: Connection, feed_id: int, key: str, url: str, at: str, status: str, doc_id: int | None, reason: str | None
) -> None:
    """What became of an item (replacing an earlier retry)."""
    i = schema.feed_items.c
    conn.execute(delete(schema.feed_items).where(i.feed_id == feed_id, i.key == key))
    conn.execute(
        insert(schema.feed_items).values(
            feed_id=feed_id, key=key, url=url, seen_at=at, doc_id=doc_id, status=status, reason=reason
        )
    )
