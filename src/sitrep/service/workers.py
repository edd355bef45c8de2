"""Analysis on every core: worker processes that each load the model once, results in input order.

The parent reads the inputs, decides what to skip (content already stored), and hands
batches of raw documents to a pool of worker processes; each worker builds its pipeline
from the picklable :class:`PipelineConfig` once, then extracts and analyses batch after batch.
Results come back in the order the documents were read, so ``analyze`` prints in input order
and one writer (the caller) stores one document per transaction, as in one process.

At most ``2 × workers`` batches are in flight: a multi-GB archive streams through in bounded
memory. A worker that dies (killed, out of memory) breaks the pool: a new pool is started and
each batch that was in flight is submitted again when its turn comes; a batch whose workers
died three times is reported, document by document, as not analysed. Ctrl-C reaches only the
parent (workers ignore it); the caller reports the documents in flight as not done.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from sitrep.analyze.pipeline import Pipeline, PipelineConfig, StageFailure
from sitrep.errors import InputError
from sitrep.extract import KindChoice, extract
from sitrep.model import AnalyzedArticle
from sitrep.sources import RawDoc

WORKERS_ENV = "SITREP_WORKERS"
MAX_ATTEMPTS = 3  # a batch whose worker died this many times is reported as not analysed
_pipeline: Pipeline | None = None  # one per worker process
_kind: KindChoice = "auto"
# A document's analysis, or the input and the reason it failed (an InputError, taken apart to cross processes).
Result = tuple[AnalyzedArticle | None, tuple[str, str] | None]


def default_workers() -> int:
    """``$SITREP_WORKERS``, else the number of cores."""
    value = os.environ.get(WORKERS_ENV, "")
    return int(value) if value.isdigit() and int(value) > 0 else (os.cpu_count() or 1)


def _start(config: PipelineConfig, kind: KindChoice) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    global _pipeline, _kind
    _pipeline, _kind = Pipeline.from_config(config), kind


def _analyze_batch(raws: list[RawDoc]) -> list[Result]:
    """A batch in a worker of the process pool (its pipeline built by ``_start``)."""
    assert _pipeline is not None
    return analyze_batch(_pipeline, _kind, raws)


def analyze_batch(pipeline: Pipeline, kind: KindChoice, raws: list[RawDoc]) -> list[Result]:
    """Extract and analyse a batch; every document gets its analysis or the reason it has none."""
    results: list[Result | None] = [None] * len(raws)
    items, places = [], []
    for i, raw in enumerate(raws):
        try:
            items.append(extract(raw, kind))
            places.append(i)
        except InputError as exc:
            results[i] = (None, (exc.source, exc.reason))
    for i, outcome in zip(places, pipeline.analyze_many(items, len(items) or 1), strict=True):
        results[i] = (None, (outcome.source, outcome.reason)) if isinstance(outcome, StageFailure) else (outcome, None)
    return [r for r in results if r is not None]


@dataclass
class Batch:
    raws: list[RawDoc]
    future: Future[list[Result]] | None = None
    results: list[Result] | None = None
    attempts: int = 0

    def failed(self, reason: str) -> list[Result]:
        return [(None, (raw.uri, reason)) for raw in self.raws]


Pending = deque[tuple[RawDoc | InputError, Batch | None]]


@dataclass
class WorkerPool:
    """``workers`` processes analysing with ``config``; use as a context manager, or call :meth:`close`."""

    config: PipelineConfig
    workers: int = field(default_factory=default_workers)
    batch_size: int = 8
    kind: KindChoice = "auto"
    _pool: ProcessPoolExecutor | None = None
    _in_flight: int = 0  # batches submitted and not yet drained

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers now (Ctrl-C, a broken pool): batches nobody will store are not waited for."""
        if self._pool is not None:
            processes = list(getattr(self._pool, "_processes", None) or {})
            self._pool.shutdown(wait=False, cancel_futures=True)
            for pid in processes:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGTERM)
            self._pool = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")  # no forked copy of the parent's threads or store
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_start, initargs=(self.config, self.kind)
            )
        return self._pool

    def analyze(
        self, docs: Iterable[RawDoc | InputError], skip: Callable[[RawDoc], bool] | None = None
    ) -> Iterator[tuple[RawDoc | InputError, Result | None]]:
        """Each input with its result, in input order; ``None`` for bad inputs and what ``skip`` passed over."""
        pending: Pending = deque()
        batch = Batch([])
        self._in_flight = 0  # a stream interrupted earlier left its count behind
        for doc in docs:
            if isinstance(doc, InputError) or (skip is not None and skip(doc)):
                pending.append((doc, None))
            else:
                batch.raws.append(doc)
                pending.append((doc, batch))
                if len(batch.raws) >= self.batch_size:
                    self._submit(batch)
                    self._in_flight += 1
                    batch = Batch([])
            while self._in_flight > 2 * self.workers:  # bounded memory: the reader waits for the workers
                yield from self._drain_one(pending)
            while pending and pending[0][1] is None:
                yield pending.popleft()[0], None
        if batch.raws:
            self._submit(batch)
            self._in_flight += 1
        while pending:
            yield from self._drain_one(pending)

    def _submit(self, batch: Batch) -> None:
        batch.attempts += 1
        try:
            batch.future = self._executor().submit(_analyze_batch, batch.raws)
        except BrokenProcessPool:  # a worker died since the last submit: start a new pool
            self.close()
            batch.future = self._executor().submit(_analyze_batch, batch.raws)

    def _drain_one(self, pending: Pending) -> Iterator[tuple[RawDoc | InputError, Result | None]]:
        """The results of the first input's batch (or the first input itself, if it has none)."""
        doc, batch = pending[0]
        if batch is None:
            pending.popleft()
            yield doc, None
            return
        results = self._results(batch)
        self._in_flight -= 1
        for result in results:
            head, _ = pending.popleft()
            yield head, result

    def _results(self, batch: Batch) -> list[Result]:
        """Wait for a batch; if its worker died (or another's death broke the pool), run it again."""
        while batch.results is None:
            assert batch.future is not None
            try:
                batch.results = batch.future.result()
            except (BrokenProcessPool, CancelledError):
                if batch.attempts >= MAX_ATTEMPTS:
                    batch.results = batch.failed(f"worker processes died {batch.attempts} times analysing it")
                    continue
                if self._pool is not None and getattr(self._pool, "_broken", False):
                    self.close()
                self._submit(batch)
        return batch.results
