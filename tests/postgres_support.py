"""A real PostgreSQL for the tests: a throwaway cluster under a temporary folder on 127.0.0.1.

``$SITREP_TEST_POSTGRES`` (a server URL whose user may create databases) is used when set.
Otherwise the session starts its own cluster with Debian's ``initdb``/``pg_ctl`` (as the
``postgres`` user when running as root: ``initdb`` refuses root) and stops it at the end. If no
server can be had, the PostgreSQL half of each store test is skipped with the reason — except
in CI (``$CI`` set), where that is a failure: CI installs PostgreSQL and must test against it.
Each test gets a database of its own.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

ENV = "SITREP_TEST_POSTGRES"
_counter = itertools.count()


def _binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL tests not run: {reason}"
    if os.environ.get("CI"):
        pytest.fail(message + " (CI must test against PostgreSQL)", pytrace=False)
    pytest.skip(message)


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A server URL (``postgresql://user@127.0.0.1:port``) for the whole session."""
    if os.environ.get(ENV):
        yield os.environ[ENV].rstrip("/")
        return
    binaries = _binaries()
    if binaries is None:
        _unavailable("no initdb/pg_ctl found (Debian package postgresql)")
    assert binaries is not None
    folder = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        folder.chmod(0o700)
    port = _free_port()
    try:
        subprocess.run(
            _as_postgres([str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8"]),
            check=True,
            capture_output=True,
        )
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        subprocess.run(
            _as_postgres(
                [str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(folder / "log"), "start"]
            ),
            check=True,
            capture_output=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = (
            exc.stderr.decode(errors="replace").strip().splitlines()[-1:]
            if isinstance(exc, subprocess.CalledProcessError)
            else [str(exc)]
        )
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"could not start a cluster: {' '.join(detail)}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new, empty database for one test; dropped afterwards."""
    name = f"sitrep_test_{os.getpid()}_{next(_counter)}"
    admin = create_engine(
        f"{postgres_server}/postgres".replace("postgresql://", "postgresql+pg8000://"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{postgres_server}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
