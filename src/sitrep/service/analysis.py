"""Analysing and ingesting streams of documents: the loop every interface shares.

Reading, extraction and batched parsing (``nlp.pipe``) behave the same whether
the CLI, a benchmark or a future HTTP endpoint asks. A bad document becomes a
failed :class:`Outcome` with its one-line reason and the stream goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.analyze.pipeline import Pipeline, StageFailure
from sitrep.errors import InputError
from sitrep.extract import KindChoice, extract
from sitrep.model import AnalyzedArticle, Article, Source
from sitrep.service.workers import WorkerPool
from sitrep.sources import RawDoc, open_inputs
from sitrep.store import Store


@dataclass(frozen=True)
class Outcome:
    """What became of one input: analysed, skipped (e.g. a duplicate), or failed with a reason."""

    uri: str
    result: AnalyzedArticle | None = None
    error: InputError | None = None
    skipped: bool = False
    raw: RawDoc | None = None  # the bytes it was read from, kept by the store


Analyzer = Pipeline | WorkerPool  # in this process, or in worker processes
BATCH_SIZE = 8  # documents parsed together: bigger batches pad more and hold more memory, no faster on CPU


def analyze_documents(
    docs: Iterable[RawDoc | InputError],
    pipeline: Analyzer,
    kind: KindChoice = "auto",
    skip: Callable[[RawDoc], bool] | None = None,
    batch_size: int = BATCH_SIZE,
) -> Iterator[Outcome]:
    """Analyse documents in order; bad ones become failed Outcomes and the stream goes on."""
    if isinstance(pipeline, WorkerPool):
        yield from _in_workers(docs, pipeline, skip)
        return
    pending: list[tuple[RawDoc, Source, Article]] = []

    def flush() -> Iterator[Outcome]:
        items = ((source, article) for _, source, article in pending)
        for (raw, _, _), result in zip(pending, pipeline.analyze_many(items, batch_size), strict=True):
            if isinstance(result, StageFailure):
                yield Outcome(raw.uri, error=result)
            else:
                yield Outcome(raw.uri, result=result, raw=raw)
        pending.clear()

    for doc in docs:
        if isinstance(doc, InputError):
            yield from flush()
            yield Outcome(doc.source, error=doc)
            continue
        try:
            if skip is not None and skip(doc):
                yield from flush()
                yield Outcome(doc.uri, skipped=True)
                continue
            source, article = extract(doc, kind)
        except InputError as exc:
            yield from flush()
            yield Outcome(doc.uri, error=exc)
            continue
        pending.append((doc, source, article))
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def _in_workers(
    docs: Iterable[RawDoc | InputError], pool: WorkerPool, skip: Callable[[RawDoc], bool] | None
) -> Iterator[Outcome]:
    for doc, result in pool.analyze(docs, skip):
        if isinstance(doc, InputError):
            yield Outcome(doc.source, error=doc)
        elif result is None:
            yield Outcome(doc.uri, skipped=True)
        elif result[0] is not None:
            yield Outcome(doc.uri, result=result[0], raw=doc)
        else:
            assert result[1] is not None
            yield Outcome(doc.uri, error=InputError(*result[1]))


def analyze_paths(
    paths: Iterable[Path],
    pipeline: Pipeline,
    kind: KindChoice = "auto",
    captured_at: str | None = None,
    max_bytes: int | None = None,
) -> Iterator[Outcome]:
    """Analyse files and folders (walked recursively) in order."""
    return analyze_documents(open_inputs(paths, max_bytes, captured_at), pipeline, kind)


@dataclass
class IngestReport:
    """What an ingest did: counts, and the one-line reason of every failure."""

    stored: int = 0
    duplicate: int = 0
    failed: list[str] = field(default_factory=list)
    interrupted: bool = False
    not_done: list[str] = field(default_factory=list)  # read but not stored when interrupted

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted


def ingest(
    store: Store,
    docs: Iterable[RawDoc | InputError],
    pipeline: Analyzer,
    kind: KindChoice = "auto",
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Analyse and store documents, one transaction each; content already stored is not analysed again.

    Ctrl-C stops between documents: the report says so and names the documents read but
    not stored (those in flight in worker processes); every document stored so far is whole.
    """
    report = IngestReport()
    seen: set[str] = set()
    read: list[str] = []  # inputs handed to the analysis, in order
    done = 0

    def reading() -> Iterator[RawDoc | InputError]:
        for doc in docs:
            read.append(doc.source if isinstance(doc, InputError) else doc.uri)
            yield doc

    def duplicate(raw: RawDoc) -> bool:
        known = raw.sha256 in seen or store.find(raw.sha256) is not None
        seen.add(raw.sha256)
        return known

    try:
        for outcome in analyze_documents(reading(), pipeline, kind, skip=duplicate):
            if outcome.error is not None:
                report.failed.append(str(outcome.error))
            elif outcome.skipped:
                report.duplicate += 1
            elif outcome.result is not None:
                _, created = store.add(outcome.result, outcome.raw)
                report.stored += created
                report.duplicate += not created
            done += 1
            if on_outcome is not None:
                on_outcome(outcome)
    except KeyboardInterrupt:
        report.interrupted = True
        report.not_done = read[done:]
    return report
