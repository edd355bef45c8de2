"""Analysis in worker processes: the same output as one process, in order; a killed worker loses nothing."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE, FIXTURES

from sitrep.analyze.pipeline import Pipeline, PipelineConfig
from sitrep.service import Outcome, analyze_documents, ingest
from sitrep.service.workers import WorkerPool
from sitrep.sources import Origin, RawDoc, open_inputs
from sitrep.store import Store

PAGE = "<html><head><title>Report {n}</title></head><body><article><p>{text}</p></article></body></html>"


def documents(count: int) -> list[RawDoc]:
    """Invented pages, each different, plus a bad one in the middle."""
    docs = []
    for n in range(count):
        text = (
            f"Report {n}: rebels shelled the village of Pisky on {n % 27 + 1} March 2023, regional officials said. "
            f"Police in Kano arrested {n + 2} protesters on Monday. " * 3
        )
        docs.append(RawDoc(Origin(f"https://news.example/{n}"), PAGE.format(n=n, text=text).encode(), "text/html"))
    docs.insert(count // 2, RawDoc(Origin("https://news.example/empty"), b"<html><body></body></html>", "text/html"))
    return docs


@pytest.fixture(scope="module")
def pool() -> WorkerPool:
    with WorkerPool(PipelineConfig.default(), workers=2, batch_size=2) as started:
        yield started


def test_workers_give_the_same_output_as_one_process_in_input_order(pool: WorkerPool, pipeline: Pipeline) -> None:
    inputs = [*open_inputs([EXAMPLE, FIXTURES / "html"]), *documents(7)]
    alone = list(analyze_documents(inputs, pipeline))
    shared = list(analyze_documents(inputs, pool))
    assert [o.uri for o in shared] == [o.uri for o in alone]
    for one, many in zip(alone, shared, strict=True):
        assert (one.result is None) == (many.result is None)
        if one.result is not None and many.result is not None:
            assert many.result.model_dump_json() == one.result.model_dump_json()
        else:
            assert str(one.error) == str(many.error)
    assert any(o.error is not None and "news.example/empty" in str(o.error) for o in shared)


def test_a_killed_worker_loses_nothing(pool: WorkerPool, tmp_path: Path) -> None:
    store = Store(tmp_path / "w.db")
    docs = documents(16)
    killed: list[int] = []

    def kill_a_worker_once(outcome: Outcome) -> None:
        if not killed:
            pid = next(iter(pool._pool._processes))  # type: ignore[union-attr]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    report = ingest(store, docs, pool, on_outcome=kill_a_worker_once)
    assert killed
    assert report.stored == 16 and len(report.failed) == 1 and "empty" in report.failed[0]
    assert not report.interrupted and report.not_done == []
    assert sorted(d.uri for d in store.documents(limit=100)) == sorted(d.uri for d in docs if "empty" not in d.uri)


def test_ctrl_c_reports_the_documents_not_done(pool: WorkerPool, tmp_path: Path) -> None:
    store = Store(tmp_path / "w.db")
    docs = documents(12)
    seen: list[str] = []

    def interrupt_after_three(outcome: Outcome) -> None:
        seen.append(outcome.uri)
        if len(seen) == 3:
            raise KeyboardInterrupt

    report = ingest(store, docs, pool, on_outcome=interrupt_after_three)
    assert report.interrupted
    stored = {d.uri for d in store.documents(limit=100)}
    assert stored == set(seen[:3]) - {"https://news.example/empty"}
    assert report.not_done and not set(report.not_done) & stored
    assert report.not_done == [d.uri for d in docs][3 : 3 + len(report.not_done)]


def test_the_command_line_uses_workers_and_keeps_the_order(tmp_path: Path) -> None:
    from tests.test_cli import run

    folder = tmp_path / "in"
    folder.mkdir()
    for n, doc in enumerate(documents(5)):
        (folder / f"{n:02d}.html").write_bytes(doc.data)
    code, one, _ = run("analyze", str(folder), "--workers", "1")
    code_many, many, err = run("analyze", str(folder), "--workers", "2")
    assert code == code_many == 1 and "02.html: no article text" in err  # the empty page, reported in its place
    assert many == one
    code, _, err = run("ingest", str(folder), "--workers", "2", "--db", str(tmp_path / "w.db"))
    assert code == 1 and "stored 5, duplicate 0, failed 1" in err


def test_a_dask_local_cluster_gives_the_same_output_document_by_document(pipeline: Pipeline, tmp_path: Path) -> None:
    from sitrep.service.cluster import DaskPool

    inputs = [*open_inputs([EXAMPLE, FIXTURES / "html"]), *documents(9)]
    alone = list(analyze_documents(inputs, pipeline))
    with DaskPool(PipelineConfig.default(), workers=0, batch_size=2, address="local:2") as cluster:
        assert cluster.workers == 2
        on_dask = list(analyze_documents(inputs, cluster))
        store = Store(tmp_path / "d.db")
        report = ingest(store, inputs, cluster)
    assert [o.uri for o in on_dask] == [o.uri for o in alone]
    for one, there in zip(alone, on_dask, strict=True):
        assert (one.result.model_dump_json() if one.result else str(one.error)) == (
            there.result.model_dump_json() if there.result else str(there.error)
        )
    assert report.stored == sum(o.result is not None for o in alone) and store.count() == report.stored
