"""``sitrep watch``: poll feeds, fetch each new item's page, analyse it and store it; again and again.

A round polls every feed that is due (a conditional GET; a feed that failed waits longer
after each failure), fetches the pages of items never seen before, politely (see
:mod:`sitrep.sources.fetch`), and ingests them like files: same extraction, same analysis,
same all-or-nothing store, raw bytes kept. What happened to every item is remembered, so a
restart resumes where the last run stopped and nothing is fetched twice. Items that failed
for a passing reason (a timeout, a 503, a 429) are tried again next round; the others are not.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sitrep.analyze.pipeline import Pipeline
from sitrep.errors import InputError
from sitrep.extract import KindChoice
from sitrep.service.analysis import analyze_documents
from sitrep.sources import Origin, RawDoc
from sitrep.sources.feeds import FeedItem, parse_feed
from sitrep.sources.fetch import FEED_TYPES, Fetcher, FetchError
from sitrep.store import Store
from sitrep.store import feeds as feed_store

FEED_BACKOFF_BASE = timedelta(minutes=5)  # a failing feed waits 5, 10, 20 … minutes (at most a day)
FEED_BACKOFF_MAX = timedelta(days=1)


@dataclass
class WatchReport:
    polled: int = 0
    not_modified: int = 0
    new_items: int = 0
    stored: int = 0
    duplicate: int = 0
    failed: list[str] = field(default_factory=list)  # one line each: feed or item, and why
    retry_later: list[str] = field(default_factory=list)
    interrupted: bool = False

    def add(self, other: WatchReport) -> None:
        for name in ("polled", "not_modified", "new_items", "stored", "duplicate"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failed += other.failed
        self.retry_later += other.retry_later


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def poll_once(
    store: Store,
    pipeline: Pipeline,
    feed_urls: list[str],
    fetcher: Fetcher,
    kind: KindChoice = "auto",
    on_item: Callable[[str, str], None] | None = None,
) -> WatchReport:
    """One round over the feeds that are due; Ctrl-C stops between items with the report so far."""
    report = WatchReport()
    try:
        for url in feed_urls:
            report.add(_poll_feed(store, pipeline, url, fetcher, kind, on_item))
    except KeyboardInterrupt:
        report.interrupted = True
    return report


def watch(
    store: Store,
    pipeline: Pipeline,
    feed_urls: list[str],
    fetcher: Fetcher,
    interval: timedelta,
    kind: KindChoice = "auto",
    on_round: Callable[[WatchReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> WatchReport:
    """Poll round after round until Ctrl-C; returns the totals."""
    total = WatchReport()
    try:
        while True:
            started = time.monotonic()
            report = poll_once(store, pipeline, feed_urls, fetcher, kind)
            total.add(report)
            if on_round is not None:
                on_round(report)
            if report.interrupted:
                total.interrupted = True
                return total
            sleep(max(0.0, interval.total_seconds() - (time.monotonic() - started)))
    except KeyboardInterrupt:
        total.interrupted = True
        return total


def _poll_feed(
    store: Store,
    pipeline: Pipeline,
    url: str,
    fetcher: Fetcher,
    kind: KindChoice,
    on_item: Callable[[str, str], None] | None,
) -> WatchReport:
    report = WatchReport()
    with store.writing() as conn:
        state = feed_store.feed(conn, url)
    now = _now()
    if state.next_poll and state.next_poll > _stamp(now):
        return report  # backing off after errors
    report.polled = 1
    try:
        fetched = fetcher.fetch(url, FEED_TYPES, state.etag, state.last_modified)
        parsed = None if fetched.not_modified else parse_feed(fetched.content, fetched.url, fetched.content_type)
    except (FetchError, InputError) as exc:
        reason = str(exc) if isinstance(exc, InputError) else f"{url}: {exc}"
        _feed_failed(store, state, now, reason)
        report.failed.append(f"feed {reason}")
        return report
    listed = [] if parsed is None else parsed.items
    report.not_modified = int(parsed is None)
    if parsed is not None and parsed.problem:
        report.failed.append(f"feed {url}: read past a syntax error ({parsed.problem})")
    with store.writing() as conn:
        new = [item for item in listed if not feed_store.seen(conn, state.id, item.key, item.url)]
        retried = [FeedItem(key, link) for key, link in feed_store.retries(conn, state.id)]
    report.new_items = len(new)
    known = {item.key for item in new}
    todo = new + [item for item in retried if item.key not in known]
    _ingest_items(
        store, pipeline, todo, fetcher, parsed.title if parsed else state.title, state.id, kind, report, on_item
    )
    values: dict[str, object] = {"last_polled": _stamp(now), "errors": 0, "last_error": None, "next_poll": None}
    if parsed is not None:
        values |= {"etag": fetched.etag, "last_modified": fetched.last_modified, "title": parsed.title}
    if report.stored:
        values["last_new_item"] = _stamp(_now())
    with store.writing() as conn:
        feed_store.save_poll(conn, state.id, **values)
    return report


def _feed_failed(store: Store, state: feed_store.FeedState, now: datetime, reason: str) -> None:
    """Count the error and put the next poll off: 5, 10, 20 … minutes, at most a day."""
    errors = state.errors + 1
    wait = min(FEED_BACKOFF_MAX, FEED_BACKOFF_BASE * 2 ** (errors - 1))
    with store.writing() as conn:
        feed_store.save_poll(
            conn, state.id, last_polled=_stamp(now), errors=errors, last_error=reason, next_poll=_stamp(now + wait)
        )


def _ingest_items(
    store: Store,
    pipeline: Pipeline,
    new: list[FeedItem],
    fetcher: Fetcher,
    outlet: str | None,
    feed_id: int,
    kind: KindChoice,
    report: WatchReport,
    on_item: Callable[[str, str], None] | None,
) -> None:
    """Fetch, analyse and store the pages of new items; remember what became of each."""
    waiting: deque[FeedItem] = deque()  # items whose pages went into the analysis, in order
    pages = _pages(new, fetcher, outlet, report, store, feed_id, waiting)

    def known(raw: RawDoc) -> bool:
        return store.find(raw.sha256) is not None

    # one page at a time: fetching is the slow part, and Ctrl-C then loses at most the page in hand
    for outcome in analyze_documents(pages, pipeline, kind, skip=known, batch_size=1):
        item = waiting.popleft()
        doc_id: int | None = None
        reason: str | None = None
        if outcome.result is not None:
            doc_id, created = store.add(outcome.result, outcome.raw)
            status = "stored" if created else "duplicate"
        elif outcome.skipped:
            status, reason = "duplicate", "same content as a stored document"
        else:
            status, reason = "failed", str(outcome.error)
            report.failed.append(reason)
        report.stored += status == "stored"
        report.duplicate += status == "duplicate"
        with store.writing() as conn:
            feed_store.record_item(conn, feed_id, item.key, item.url, _stamp(_now()), status, doc_id, reason)
        if on_item is not None:
            on_item(item.url, status)


def _pages(
    items: list[FeedItem],
    fetcher: Fetcher,
    outlet: str | None,
    report: WatchReport,
    store: Store,
    feed_id: int,
    waiting: deque[FeedItem],
) -> Iterator[RawDoc]:
    """Each item's page, fetched as the analysis asks for it. A page that failed for good is recorded
    as failed; one that failed for a passing reason is left unrecorded, to be tried next round."""
    for item in items:
        try:
            page = fetcher.fetch(item.url)
        except FetchError as exc:
            line = f"{item.url}: {exc}"
            with store.writing() as conn:
                tries = feed_store.attempts(conn, feed_id, item.key) + 1
                again = exc.transient and tries < feed_store.MAX_ATTEMPTS
                status, reason = (feed_store.RETRY, f"{tries}: {exc}") if again else ("failed", str(exc))
                feed_store.record_item(conn, feed_id, item.key, item.url, _stamp(_now()), status, None, reason)
            (report.retry_later if again else report.failed).append(line)
            continue
        origin = Origin(uri=page.url, captured_at=_stamp(_now()), outlet=outlet)
        media_type = "text/html" if page.content_type in {"text/html", "application/xhtml+xml"} else None
        waiting.append(item)
        yield RawDoc(origin, page.content, media_type, charset=page.charset)
