"""Nothing is lost under faults: an ingest killed at any moment, two ingests writing one database at once.

``make test`` kills a few times; ``make faults`` sets ``SITREP_KILL_ROUNDS`` (100) and prints the counts.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import EXAMPLE

ROUNDS = int(os.environ.get("SITREP_KILL_ROUNDS", "3"))
FULL_RUN = "SITREP_KILL_ROUNDS" in os.environ
PAGES = 40 if FULL_RUN else 16
LAYERS = {
    "mentions": "mentions",
    "places": "places",
    "timexes": "timexes",
    "attributions": "attributions",
    "events": "events",
    "control_claims": "control",
}


def _pages(folder: Path, count: int, tag: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    base = EXAMPLE.read_text(encoding="utf-8")
    for i in range(count):  # distinct content, so every file is a new document
        (folder / f"{tag}{i:02}.txt").write_text(base + f"\n\nCorrection {tag}-{i} was appended.\n", encoding="utf-8")
    return folder


def _ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "sitrep", "ingest", str(folder), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _check_whole(db: Path) -> int:
    """The database is sound and every stored document has every layer; returns how many are stored."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "documents" not in tables:  # killed before the schema was committed: nothing at all
            assert "alembic_version" not in tables
            return 0
        docs = conn.execute("SELECT id, analysis FROM documents").fetchall()
        for doc_id, analysis in docs:
            layers = json.loads(analysis)
            for table, field in LAYERS.items():
                stored = conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id=?", (doc_id,)).fetchone()[0]
                assert stored == len(layers[field]), (doc_id, table)
            assert (
                conn.execute(
                    "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Bakhmut' AND rowid=?", (doc_id,)
                ).fetchone()[0]
                == 1
            )
        orphans = conn.execute("SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT id FROM documents)")
        assert orphans.fetchone()[0] == 0
    return len(docs)


@pytest.fixture(scope="module")
def ingest_seconds(tmp_path_factory: pytest.TempPathFactory) -> float:
    """How long a whole ingest of the round's pages takes here, so kills land anywhere inside one."""
    folder = _pages(tmp_path_factory.mktemp("calibrate") / "pages", PAGES, "c")
    started = time.monotonic()
    done = _ingest(folder, folder.parent / "c.db")
    done.communicate(timeout=600)
    assert done.returncode == 0
    return time.monotonic() - started


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_killed_ingest_loses_nothing_and_resumes(tmp_path: Path, round_: int, ingest_seconds: float) -> None:
    rng = random.Random(round_)
    folder = _pages(tmp_path / "pages", PAGES, "p")
    db = tmp_path / "k.db"
    proc = _ingest(folder, db)
    time.sleep(rng.uniform(0.02, 0.98) * ingest_seconds)  # start-up, the first batches, or mid-write
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    before = _check_whole(db) if db.exists() else 0
    rerun = subprocess.run(
        [sys.executable, "-m", "sitrep", "ingest", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert f"stored {PAGES - before}, duplicate {before}, failed 0" in rerun.stderr
    assert _check_whole(db) == PAGES
    if FULL_RUN:
        print(f"kill round {round_}: killed after {before} documents, re-run stored {PAGES - before}")


def test_two_ingests_write_one_database_at_once(tmp_path: Path) -> None:
    shared = _pages(tmp_path / "shared", 6, "s")
    first = _pages(tmp_path / "a", 6, "a")
    second = _pages(tmp_path / "b", 6, "b")
    for name in ("s00.txt", "s01.txt", "s02.txt"):  # the same documents reach both processes
        (first / name).write_bytes((shared / name).read_bytes())
        (second / name).write_bytes((shared / name).read_bytes())
    db = tmp_path / "two.db"
    procs = [_ingest(first, db), _ingest(second, db)]
    results = [p.communicate(timeout=600) for p in procs]
    for proc, (_, stderr) in zip(procs, results, strict=True):
        assert proc.returncode == 0, stderr
        assert b"locked" not in stderr and b"Traceback" not in stderr
    assert _check_whole(db) == 15  # 6 + 6 own documents and the 3 shared ones once
