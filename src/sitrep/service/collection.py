"""The collection as a whole: outlets, stories, and re-running the analysis on what is stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.corpus.stories import Story
from sitrep.corpus.stories import stories as story_view
from sitrep.errors import InputError, UsageError
from sitrep.extract import KindChoice
from sitrep.service.analysis import Analyzer, Outcome, analyze_documents
from sitrep.sources import RawDoc
from sitrep.store import DocumentFilter, Store
from sitrep.store.outlets import Outlet

WHERE_KEYS = tuple(DocumentFilter.__dataclass_fields__)


def outlets(store: Store) -> list[Outlet]:
    return store.outlets()


def import_outlets(store: Store, path: Path) -> int:
    return store.import_outlets(path)


def stories(
    store: Store, since: str | None = None, place: str | None = None, min_documents: int = 2, limit: int = 100
) -> list[Story]:
    return story_view(store, since, place, min_documents, limit)


def document_filter(since: str | None, where: list[str]) -> DocumentFilter:
    """``--since DATE`` and ``--where key=value`` as a filter; an unknown key is a usage error."""
    values: dict[str, str] = {}
    for item in where:
        key, sep, value = item.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or key not in WHERE_KEYS:
            raise UsageError(f"--where {item!r}: expected KEY=VALUE with KEY one of {', '.join(WHERE_KEYS)}")
        values[key] = value.strip()
    if since:
        values.setdefault("ingested_from", since)
    return DocumentFilter(**values)


@dataclass
class ReanalyzeReport:
    done: int = 0
    failed: list[str] = field(default_factory=list)
    interrupted: bool = False


def reanalyze(
    store: Store,
    pipeline: Analyzer,
    where: DocumentFilter,
    kind: KindChoice = "auto",
    on_outcome: Callable[[Outcome], None] | None = None,
) -> ReanalyzeReport:
    """Extract and analyse stored documents again from their raw bytes; each replaced in one transaction.

    Ctrl-C stops between documents: the ones done carry the new analysis, the others the old one.
    """
    report = ReanalyzeReport()
    ids = store.ids(where)

    def raws() -> Iterator[RawDoc | InputError]:
        for doc_id in ids:
            raw = store.raw(doc_id)
            yield raw if raw is not None else InputError(f"document {doc_id}", "no raw bytes stored to re-read")

    try:
        for doc_id, outcome in zip(ids, analyze_documents(raws(), pipeline, kind), strict=False):
            if outcome.result is not None:
                store.replace(doc_id, outcome.result)
                report.done += 1
            elif outcome.error is not None:
                report.failed.append(f"document {doc_id}: {outcome.error}")
            if on_outcome is not None:
                on_outcome(outcome)
    except KeyboardInterrupt:
        report.interrupted = True
    return report
