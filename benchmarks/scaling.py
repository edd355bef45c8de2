"""Scaling: ingest rate with 1 and 2 worker processes and with a Dask LocalCluster of 1 and 2 workers,
and the writer's ceiling on SQLite and PostgreSQL with the analysis precomputed.

Every run ingests the same pages (default: the first 500 of ``../shared/data/html/more``, many genres
and languages) into a fresh SQLite store, as ``sitrep ingest --workers N`` / ``--dask local:N`` would.
Efficiency is the 2-worker rate over twice the 1-worker rate. The writer's ceiling is ``Store.add``
alone, one transaction per document, on copies of real analysed articles
(:mod:`synthetic`); PostgreSQL is a throwaway cluster with its default durability (fsync on commit).

    .venv/bin/python benchmarks/scaling.py [--pages DIR] [--documents 500] [--writes 2000]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from sitrep.analyze.pipeline import PipelineConfig
from sitrep.model import AnalyzedArticle
from sitrep.service import Analyzer, ingest
from sitrep.service.cluster import DaskPool
from sitrep.service.workers import WorkerPool
from sitrep.sources import open_inputs
from sitrep.store import Store
from synthetic import seed_articles, variants

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.postgres_support starts the throwaway cluster


def ingest_rate(paths: Sequence[Path], pool: Callable[[], AbstractContextManager[Analyzer]]) -> tuple[float, int]:
    """Documents per second (stored or failed) of one ingest into a fresh SQLite store."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "scaling.db")
        with pool() as analyzer:
            started = time.perf_counter()
            report = ingest(store, open_inputs(paths), analyzer)
            seconds = time.perf_counter() - started
        store.close()
    done = report.stored + report.duplicate + len(report.failed)
    return done / seconds, report.stored


def writer_rate(url: str, docs: Sequence[AnalyzedArticle]) -> float:
    """Documents per second ``Store.add`` commits, one transaction each."""
    store = Store(url)
    started = time.perf_counter()
    for doc in docs:
        store.add(doc)
    seconds = time.perf_counter() - started
    store.close()
    return len(docs) / seconds


def _write_part(args: tuple[str, list[AnalyzedArticle]]) -> None:
    store = Store(args[0])
    for doc in args[1]:
        store.add(doc)
    store.close()


def writers_rate(url: str, docs: Sequence[AnalyzedArticle], writers: int) -> float:
    """Documents per second committed by ``writers`` processes at once, each adding its share."""
    Store(url).close()  # migrations first, once
    parts = [(url, list(docs[i::writers])) for i in range(writers)]
    with multiprocessing.get_context("spawn").Pool(writers) as pool:
        started = time.perf_counter()
        pool.map(_write_part, parts)
        seconds = time.perf_counter() - started
    return len(docs) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=ROOT.parent / "shared" / "data" / "html" / "more")
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--writes", type=int, default=2000, help="documents for the writer's ceiling")
    parser.add_argument("--skip-ingest", action="store_true", help="measure the writer only")
    args = parser.parse_args()
    os.environ.setdefault("SITREP_WORKERS", "1")

    rates: dict[str, float] = {}
    if not args.skip_ingest:
        paths = sorted(p for p in args.pages.rglob("*") if p.is_file() and ".htm" in p.name)[: args.documents]
        if len(paths) < args.documents:
            sys.exit(f"only {len(paths)} pages under {args.pages}")
        config = PipelineConfig.default()
        runs: dict[str, Callable[[], AbstractContextManager[Analyzer]]] = {
            "processes 1": lambda: WorkerPool(config, 1),
            "processes 2": lambda: WorkerPool(config, 2),
            "dask local 1": lambda: DaskPool(config, 1, address="local:1"),
            "dask local 2": lambda: DaskPool(config, 2, address="local:2"),
        }
        print(f"{'ingest of ' + str(len(paths)) + ' pages':<24} {'docs/s':>8} {'stored':>7}")
        for name, pool in runs.items():
            rates[name], stored = ingest_rate(paths, pool)
            print(f"{name:<24} {rates[name]:8.2f} {stored:7d}", flush=True)
        for kind in ("processes", "dask local"):
            one, two = rates[f"{kind} 1"], rates[f"{kind} 2"]
            print(f"efficiency, {kind}: {two / (2 * one):.2f}  (2-worker rate / (2 × 1-worker rate))")

    seeds = seed_articles()
    docs = list(variants(seeds, args.writes))
    ceilings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        ceilings["SQLite"] = writer_rate(str(Path(folder) / "writer.db"), docs)
    try:
        from tests.postgres_support import ClusterUnavailable, create_database, local_cluster

        with local_cluster(durable=True) as server:
            ceilings["PostgreSQL"] = writer_rate(create_database(server, "writer"), docs)
            two = writers_rate(create_database(server, "writers"), docs, 2)
    except ClusterUnavailable as exc:
        print(f"PostgreSQL writer not measured: {exc}")
    print(f"\nwriter's ceiling ({len(docs)} analysed documents, one transaction each)")
    for name, rate in ceilings.items():
        print(f"  {name:<12} {rate:8.1f} docs/s")
    if "PostgreSQL" in ceilings:
        print(f"  PostgreSQL, 2 writer processes at once: {two:.1f} docs/s (a writer per machine adds up)")

    if rates:
        per_worker = rates["processes 1"]
        efficiency = rates["processes 2"] / (2 * per_worker)
        print("\npredicted ingest rate (per-worker rate × workers × measured efficiency, capped by the writer):")
        for workers in (16, 64):
            analysis = per_worker * workers * efficiency
            for name, ceiling in ceilings.items():
                bound = "writer-bound" if ceiling < analysis else "analysis-bound"
                print(f"  {workers:>2} workers, {name:<10}: {min(analysis, ceiling):8.1f} docs/s ({bound})")


if __name__ == "__main__":
    main()
