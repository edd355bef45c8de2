"""Opening a database from a URL: the one place that knows which backend it is.

``sqlite:///path`` (or a bare file path) is the default; each backend's connection
settings live here so the rest of the store is plain SQLAlchemy Core.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from sitrep.errors import StoreError
from sitrep.store import schema

DB_ENV = "SITREP_DB"
SUPPORTED = ("sqlite", "postgresql")
POSTGRES_DRIVER = "pg8000"  # pure Python, BSD-licensed (psycopg is LGPL)


def default_db_path() -> Path:
    """``$SITREP_DB``, else ``$XDG_DATA_HOME/sitrep/sitrep.db`` (``~/.local/share/sitrep/sitrep.db``)."""
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV])
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "sitrep" / "sitrep.db"


def database_url(location: str | Path | None = None) -> str:
    """A URL for ``location`` (a URL or a file path), else ``$SITREP_DB``, else the default file."""
    chosen = location if location is not None else (os.environ.get(DB_ENV) or default_db_path())
    text = str(chosen)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL (None for in-memory or other backends)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


WRITE = {"sitrep_write": True}  # execution option of a connection that will write (see ``writing``)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event below emits BEGIN itself
    cursor = dbapi_connection.cursor()
    # first: the pragmas below may need a lock another process holds (a new store being migrated)
    cursor.execute("PRAGMA busy_timeout=30000")  # a second writer waits instead of failing
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
    cursor.execute("PRAGMA foreign_keys=ON")  # deleting a document deletes its layers (ON DELETE CASCADE)
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL: a crash loses at most the last commit
    cursor.close()


def create(url: str) -> Engine:
    """An engine for ``url`` with its backend's settings; :class:`StoreError` for what sitrep cannot use."""
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as exc:
        raise StoreError(f"{url}: not a database URL ({exc})") from None
    if backend not in SUPPORTED:
        raise StoreError(f"{url}: the {backend} backend is not supported (supported: {', '.join(SUPPORTED)})")
    if backend == "postgresql":
        parsed = make_url(url)
        if parsed.get_driver_name() != POSTGRES_DRIVER:
            parsed = parsed.set(drivername=f"postgresql+{POSTGRES_DRIVER}")
        engine = create_engine(parsed, pool_pre_ping=True)
        # pg8000 runs an executemany as one round trip per row; a document's layers are hundreds of rows.
        # SQLAlchemy's "insertmanyvalues" sends them as multi-row INSERTs instead (as it does for psycopg).
        engine.dialect.use_insertmanyvalues_wo_returning = True
        event.listen(engine, "do_connect", _postgres_connect)
        return engine
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _postgres_connect(dialect: Any, _record: Any, args: Any, params: dict[str, Any]) -> Any:
    """A pg8000 connection over a TCP socket with Nagle's algorithm off. pg8000 writes a statement's
    messages in pieces; with Nagle on, each statement that waits for its answer stalls on the peer's
    delayed ACK (about 40 ms on Linux): every parameterised query took 25–50 ms instead of under 1 ms."""
    if params.get("unix_sock"):
        return None  # SQLAlchemy connects as usual
    host, port = params.pop("host", "localhost"), int(params.pop("port", 5432))
    sock = socket.create_connection((host, port), params.get("timeout"), params.pop("source_address", None))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        return dialect.loaded_dbapi.Connection(*args, sock=sock, **params)
    except BaseException:
        sock.close()
        raise


def _sqlite_begin(conn: Connection) -> None:
    """A writer takes the write lock when its transaction starts (BEGIN IMMEDIATE), waiting for another
    writer to finish instead of failing half-way ("database is locked") when two processes ingest at once;
    readers start plain transactions and never wait."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("sitrep_write") else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: committed at the end, rolled back on any error. It raises the
    store's generation last, so the row is locked only for the commit (``schema.store_state``)."""
    with engine.connect().execution_options(**WRITE) as conn, conn.begin():
        yield conn
        state = schema.store_state
        conn.execute(update(state).where(state.c.name == GENERATION).values(value=state.c.value + 1))


GENERATION = "generation"


def generation(conn: Connection) -> int:
    """How many write transactions the store has seen."""
    state = schema.store_state
    return int(conn.scalar(select(state.c.value).where(state.c.name == GENERATION)) or 0)


def insert_missing(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows``, skipping those whose primary key is already there (both backends say it alike)."""
    if not rows:
        return
    dialect = postgresql_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(dialect(table).on_conflict_do_nothing(), rows)
