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


def analyze_documents(
    docs: Iterable[RawDoc | InputError],
    pipeline: Pipeline,
    kind: KindChoice = "auto",
    skip: Callable[[RawDoc], bool] | None = None,
    batch_size: int = 8,
) -> Iterator[Outcome]:
    """Analyse documents in order; bad ones become failed Outcomes and the stream goes on."""
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

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted


def ingest(
    store: Store,
    docs: Iterable[RawDoc | InputError],
    pipeline: Pipeline,
    kind: KindChoice = "auto",
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Analyse and store documents, one transaction each; content already stored is not analysed again.

    Ctrl-C stops between documents: the report says so, and every document
    stored so far is whole.
    """
    report = IngestReport()
    seen: set[str] = set()

    def duplicate(raw: RawDoc) -> bool:
        known = raw.sha256 in seen or store.find(raw.sha256) is not None
        seen.add(raw.sha256)
        return known

    try:
        for outcome in analyze_documents(docs, pipeline, kind, skip=duplicate):
            if outcome.error is not None:
                report.failed.append(str(outcome.error))
            elif outcome.skipped:
                report.duplicate += 1
            elif outcome.result is not None:
                _, created = store.add(outcome.result, outcome.raw)
                report.stored += created
                report.duplicate += not created
            if on_outcome is not None:
                on_outcome(outcome)
    except KeyboardInterrupt:
        report.interrupted = True
    return report
