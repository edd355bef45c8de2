"""Batch jobs: paths in, analysed articles (or one-line failures) out, in order.

The CLI, the benchmark and distributed workers share this loop, so reading,
extraction and batched parsing (``nlp.pipe``) behave the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sitrep.analyze.pipeline import Pipeline, StageFailure
from sitrep.errors import InputError
from sitrep.extract import Kind, extract
from sitrep.model import AnalyzedArticle, Article, Source
from sitrep.sources import RawDoc, read_path


@dataclass(frozen=True)
class Outcome:
    """What became of one input: analysed, skipped (e.g. a duplicate), or failed with a reason."""

    path: Path
    result: AnalyzedArticle | None = None
    error: InputError | None = None
    skipped: bool = False


def analyze_paths(
    paths: Iterable[Path],
    pipeline: Pipeline,
    kind: Kind = "auto",
    captured_at: str | None = None,
    max_bytes: int | None = None,
    skip: Callable[[RawDoc], bool] | None = None,
    batch_size: int = 8,
) -> Iterator[Outcome]:
    """Analyse files in order; bad inputs become failed Outcomes and the batch goes on."""
    pending: list[tuple[Path, Source, Article]] = []

    def flush() -> Iterator[Outcome]:
        items = ((source, article) for _, source, article in pending)
        for (path, _, _), result in zip(pending, pipeline.analyze_many(items, batch_size), strict=True):
            if isinstance(result, StageFailure):
                yield Outcome(path, error=result)
            else:
                yield Outcome(path, result=result)
        pending.clear()

    for path in paths:
        try:
            raw = read_path(path, max_bytes, captured_at)
            if skip is not None and skip(raw):
                yield from flush()
                yield Outcome(path, skipped=True)
                continue
            source, article = extract(raw, kind)
        except InputError as exc:
            yield from flush()
            yield Outcome(path, error=exc)
            continue
        pending.append((path, source, article))
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
