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
from contextlib import contextmanager
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


class ClusterUnavailable(Exception):
    """No PostgreSQL server could be started here (the reason is the message)."""


@contextmanager
def local_cluster(durable: bool = False) -> Iterator[str]:
    """Start a throwaway cluster on 127.0.0.1 under a temporary folder; yields its server URL
    (``postgresql://postgres@127.0.0.1:port``) and removes it all afterwards. ``durable`` keeps
    PostgreSQL's default fsync on every commit (benchmarks); tests turn it off."""
    binaries = _binaries()
    if binaries is None:
        raise ClusterUnavailable("no initdb/pg_ctl found (Debian package postgresql)")
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
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
        if not durable:
            options += " -c fsync=off -c full_page_writes=off"
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
        raise ClusterUnavailable(f"could not start a cluster: {' '.join(detail)}") from None
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


def create_database(server: str, name: str) -> str:
    """A new, empty database on ``server``; returns its URL."""
    admin = create_engine(_driver(f"{server}/postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{server}/{name}"


def _driver(url: str) -> str:
    return url.replace("postgresql://", "postgresql+pg8000://")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A server URL (``postgresql://user@127.0.0.1:port``) for the whole session."""
    if os.environ.get(ENV):
        yield os.environ[ENV].rstrip("/")
        return
    try:
        with local_cluster() as server:
            yield server
    except ClusterUnavailable as exc:
        _unavailable(str(exc))


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A new, empty database for one test; dropped afterwards."""
    name = f"sitrep_test_{os.getpid()}_{next(_counter)}"
    url = create_database(postgres_server, name)
    try:
        yield url
    finally:
        admin = create_engine(_driver(f"{postgres_server}/postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
