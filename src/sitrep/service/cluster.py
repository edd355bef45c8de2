"""Analysis on a Dask cluster: the same batches as worker processes, run by Dask workers.

``--dask tcp://scheduler:8786`` uses a running cluster; ``--dask local`` or ``local:N`` starts a
LocalCluster of N single-threaded worker processes for the run. Each Dask worker builds the
pipeline once (cached per process, keyed by the configuration) and runs the same
:func:`~sitrep.service.workers.analyze_batch` as a local worker, so the output is the same
document by document. The client reads the inputs, keeps at most two batches per worker in
flight (backpressure: a multi-GB archive never piles up in the scheduler) and writes the store.
Dask reruns a task whose worker died; a batch that keeps killing workers is reported as not analysed.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from typing import Any

from sitrep.analyze.pipeline import Pipeline, PipelineConfig
from sitrep.errors import UsageError
from sitrep.extract import KindChoice
from sitrep.service.workers import Batch, Result, WorkerPool, analyze_batch
from sitrep.sources import RawDoc

DASK_RETRIES = 2  # Dask reruns a task whose worker died this many times before giving up on it
_PIPELINES: dict[bytes, Pipeline] = {}  # per Dask worker process: one model load per configuration


def run_batch(config: PipelineConfig, kind: KindChoice, raws: list[RawDoc]) -> list[Result]:
    """A batch on a Dask worker."""
    key = pickle.dumps(config)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline.from_config(config)
    return analyze_batch(_PIPELINES[key], kind, raws)


@dataclass
class DaskPool(WorkerPool):
    """A :class:`WorkerPool` whose batches run on a Dask cluster (``address``: a scheduler or ``local[:N]``)."""

    address: str = "local"
    _client: Any = None
    _cluster: Any = None

    def __post_init__(self) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a dependency of sitrep
            raise UsageError(f"--dask needs the 'distributed' package: {exc}") from None
        if self.address == "local" or self.address.startswith("local:"):
            count = int(self.address.partition(":")[2] or self.workers or os.cpu_count() or 1)
            self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
            )
            self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
        else:
            try:
                self._client = Client(self.address, timeout="20s")  # type: ignore[no-untyped-call]
            except OSError as exc:
                raise UsageError(f"--dask {self.address}: cannot reach the scheduler ({exc})") from None
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def _submit(self, batch: Batch) -> None:
        batch.attempts += 1
        batch.future = self._client.submit(
            run_batch, self.config, self.kind, batch.raws, pure=False, retries=DASK_RETRIES
        )

    def _results(self, batch: Batch) -> list[Result]:
        if batch.results is None:
            assert batch.future is not None
            try:
                batch.results = batch.future.result()
            except Exception as exc:  # KilledWorker after Dask's own retries, a lost connection
                batch.results = batch.failed(f"the Dask cluster could not analyse it ({type(exc).__name__}: {exc})")
        return batch.results
