"""The SQLite store: identity by content hash, all-or-nothing writes, search, migrations."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from tests.conftest import EXAMPLE, FIXTURES

from sitrep.analyze.pipeline import Pipeline
from sitrep.extract import extract
from sitrep.model import AnalyzedArticle
from sitrep.sources import read_path
from sitrep.store import Store
from sitrep.store import db as store_db
from sitrep.store import search as search_module
from sitrep.store.db import SCHEMA_VERSION
from sitrep.store.search import SearchScope


@pytest.fixture(scope="module")
def analyzed(pipeline: Pipeline) -> AnalyzedArticle:
    return pipeline.analyze(*extract(read_path(EXAMPLE, captured_at="2023-05-25")))


def test_add_is_idempotent_by_content_hash(store: Store, analyzed: AnalyzedArticle) -> None:
    first = store.add(analyzed)
    second = store.add(analyzed)
    assert first == (1, True) and second == (1, False)
    assert store.count() == 1
    assert store.get(1) == analyzed


def test_layers_are_flattened_into_tables(store: Store, analyzed: AnalyzedArticle) -> None:
    doc_id, _ = store.add(analyzed)
    with store.engine.connect() as conn:
        mentions = conn.scalar(text("SELECT count(*) FROM mentions WHERE doc_id = :d"), {"d": doc_id})
        title = conn.scalar(text("SELECT title FROM documents WHERE id = :d"), {"d": doc_id})
    assert mentions == len(analyzed.mentions) > 0
    assert title == "Russian Forces Achieving Progress in Bakhmut"


def test_search_ranks_and_highlights(store: Store, analyzed: AnalyzedArticle, pipeline: Pipeline) -> None:
    store.add(analyzed)
    store.add(pipeline.analyze(*extract(read_path(FIXTURES / "html" / "dispatch.html"))))
    hits = store.search("Bakhmut fighting")
    assert [h.title for h in hits] == ["Russian Forces Achieving Progress in Bakhmut"]
    assert f"{store_db.HIGHLIGHT_OPEN}Bakhmut{store_db.HIGHLIGHT_CLOSE}" in hits[0].snippet
    assert [h.title for h in store.search("Kharkiv")] == ["Shelling hits Kharkiv suburbs overnight"]
    assert store.search('"stepping stone"')[0].id == hits[0].id  # phrase syntax (FTS5 and websearch)
    assert store.search('unbalanced "quote') == []  # bad syntax is searched as words, no crash


def test_failed_write_leaves_nothing_half_written(
    store: Store, analyzed: AnalyzedArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_rows = store_db._layer_rows

    def broken_rows(a: AnalyzedArticle) -> dict:  # type: ignore[type-arg]
        rows = real_rows(a)
        rows[store_db.schema.mentions].append({"start": None})  # violates NOT NULL mid-document
        return rows

    monkeypatch.setattr(store_db, "_layer_rows", broken_rows)
    with pytest.raises(SQLAlchemyError):
        store.add(analyzed)
    with store.engine.connect() as conn:
        counts = [conn.scalar(text(f"SELECT count(*) FROM {t}")) for t in ("documents", "mentions", "raw_sources")]
    assert counts == [0, 0, 0]
    assert store.search("Bakhmut") == []


def test_migrations_are_recorded_and_reopen_is_safe(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    Store(path).close()
    Store(path).close()
    with sqlite3.connect(path) as conn:
        (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert version == SCHEMA_VERSION == "0008"
    assert {
        "raw_sources",
        "outlets",
        "doc_minhashes",
        "lsh_bands",
        "story_links",
        "feeds",
        "feed_items",
        "documents",
        "mentions",
        "places",
        "timexes",
        "attributions",
        "events",
        "control_claims",
        "documents_fts",
    } <= tables


def test_interrupted_ingest_leaves_whole_documents(tmp_path: Path) -> None:
    pages = 150  # far more than can be analysed while the test sees the first two stored, even on a busy machine
    folder = tmp_path / "pages"
    folder.mkdir()
    base = EXAMPLE.read_text(encoding="utf-8")
    for i in range(pages):  # distinct content, so every file is a new document
        (folder / f"page{i:02}.txt").write_text(base + f"\n\nCorrection number {i} was appended.\n", encoding="utf-8")
    db = tmp_path / "i.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "ingest", str(folder), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        # Ctrl-C as a terminal sends it; a shell that started these tests in the background set SIGINT to
        # "ignore", which children inherit and Python then keeps
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and stored < 2 and proc.poll() is None:
        time.sleep(0.1)
        if db.exists():
            try:
                with sqlite3.connect(db) as conn:
                    stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    with sqlite3.connect(db) as conn:
        docs = conn.execute("SELECT id, analysis FROM documents").fetchall()
        assert 2 <= len(docs) < pages
        for doc_id, analysis in docs:
            mentions = conn.execute("SELECT count(*) FROM mentions WHERE doc_id=?", (doc_id,)).fetchone()[0]
            fts = conn.execute("SELECT count(*) FROM documents_fts WHERE rowid=?", (doc_id,)).fetchone()[0]
            assert mentions == len(json.loads(analysis)["mentions"]) and fts == 1


def test_delete_removes_every_layer(store: Store, analyzed: AnalyzedArticle) -> None:
    doc_id, _ = store.add(analyzed)
    store.delete(doc_id)
    assert store.count() == 0 and store.search("Bakhmut") == []
    with store.engine.begin() as conn:  # the table is writable again for the same id
        conn.execute(
            insert(store_db.schema.documents).values(
                sha256="x", uri="u", kind="text", body="b", analysis="{}", ingested_at="now"
            )
        )


def schema_index(name: str) -> Any:
    return next(i for t in store_db.schema.metadata.tables.values() for i in t.indexes if i.name == name)


def test_the_frozen_migration_creates_what_the_schema_module_describes(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    def ours(name: str | None, type_: str, parent: object) -> bool:  # the search index is the backend's own
        return not (type_ == "table" and (name or "").startswith("documents_fts"))

    store = Store(tmp_path / "s.db")
    with store.engine.connect() as conn, pytest.warns(Warning, match="expression-based index"):
        context = MigrationContext.configure(conn, opts={"include_name": ours})
        differences = compare_metadata(context, store_db.schema.metadata)
    assert differences == []
    # Alembic cannot reflect an index on an expression: compare those by their SQL.
    with store.engine.connect() as conn:
        made = dict(conn.execute(text("SELECT name, sql FROM sqlite_master WHERE name LIKE 'ix_%_time'")).all())
    for index in ("ix_events_time", "ix_control_claims_time"):
        assert "coalesce(earliest, '9999-12-31')" in made[index].replace('"', "")
        assert str(schema_index(index).expressions[0].compile(compile_kwargs={"literal_binds": True})).endswith(
            "earliest, '9999-12-31')"
        )


def test_search_index_follows_the_documents_table(store: Store, analyzed: AnalyzedArticle) -> None:
    doc_id, _ = store.add(analyzed)
    with store.engine.begin() as conn:  # any writer, even plain SQL, keeps the index current (triggers)
        conn.execute(
            store_db.schema.documents.update()
            .where(store_db.schema.documents.c.id == doc_id)
            .values(title="Quartermaster ledger")
        )
    assert [h.id for h in store.search("quartermaster")] == [doc_id]
    assert store.search("Bakhmut")[0].id == doc_id  # the body is still indexed
    if store.path is not None:
        with sqlite3.connect(store.path) as conn:  # one copy of the text: the index holds no content of its own
            shadow = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents_fts_content'").fetchone()
        assert shadow == (0,)


def test_a_store_opens_from_a_url_and_refuses_backends_it_cannot_use(tmp_path: Path) -> None:
    from sitrep.errors import StoreError

    store = Store(f"sqlite:///{tmp_path / 'u.db'}")
    assert store.path == tmp_path / "u.db" and store.count() == 0
    with pytest.raises(StoreError, match="the mysql backend is not supported"):
        Store("mysql://localhost/sitrep")


def test_concurrent_writers_store_each_document_once(store: Store, analyzed: AnalyzedArticle) -> None:
    from concurrent.futures import ThreadPoolExecutor

    copies = []
    for n in range(6):
        copy = analyzed.model_copy(deep=True)
        copy.source.uri = f"https://race.example/{n}"  # one new outlet that every writer creates at once
        copy.source.sha256 = f"{n:064x}"
        copies.append(copy)

    def write_all(offset: int) -> list[bool]:
        return [store.add(copies[(i + offset) % 6])[1] for i in range(6)]

    with ThreadPoolExecutor(4) as pool:
        created = [flag for flags in pool.map(write_all, range(4)) for flag in flags]
    assert sum(created) == 6 and store.count() == 6
    assert [(o.key, o.documents) for o in store.outlets()] == [("race.example", 6)]


def test_an_older_store_gains_the_written_place_names_when_opened(store: Store, analyzed: AnalyzedArticle) -> None:
    from importlib import resources

    from alembic import command
    from alembic.config import Config

    doc_id, _ = store.add(analyzed)
    config = Config()
    config.set_main_option("script_location", str(resources.files("sitrep.store") / "migrations"))
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0004")
    reopened = Store(store.url)  # brings it to the newest revision, filling text_key from the stored text
    with reopened.engine.connect() as conn:
        keys = conn.execute(text("SELECT text, text_key FROM places WHERE doc_id = :d"), {"d": doc_id}).all()
    assert keys and all(key == " ".join(written.split()).casefold() for written, key in keys)
    reopened.close()


def _record_keys(store: Store, doc_id: int) -> tuple[list[tuple[Any, ...]], list[str]]:
    with store.engine.connect() as conn:
        places = conn.execute(
            text("SELECT record, idx, key, time, until FROM record_places WHERE doc_id = :d ORDER BY 1, 2, 3"),
            {"d": doc_id},
        ).all()
        names = conn.execute(text("SELECT key FROM actor_keys ORDER BY key")).scalars().all()
    return [tuple(row) for row in places], list(names)


def test_an_older_store_gains_the_place_keys_the_writer_would_write(store: Store, analyzed: AnalyzedArticle) -> None:
    from importlib import resources

    from alembic import command
    from alembic.config import Config

    doc_id, _ = store.add(analyzed)
    written = _record_keys(store, doc_id)
    keys = {(record, idx, key) for record, idx, key, _, _ in written[0]}
    assert {("control", 0, "bakhmut"), ("control", 0, "donetsk")} <= keys  # the region without " oblast"
    assert "russia" in written[1]  # an actor name, once
    config = Config()
    config.set_main_option("script_location", str(resources.files("sitrep.store") / "migrations"))
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    reopened = Store(store.url)  # the upgrade fills both tables from the stored layers
    assert _record_keys(reopened, doc_id) == written
    reopened.close()


def test_place_keys_follow_a_reanalysis_and_go_with_their_document(store: Store, analyzed: AnalyzedArticle) -> None:
    doc_id, _ = store.add(analyzed)
    before, _ = _record_keys(store, doc_id)
    changed = analyzed.model_copy(deep=True)
    changed.events = changed.events[:1]
    changed.control = []
    store.replace(doc_id, changed)
    after, _ = _record_keys(store, doc_id)
    assert after and len(after) < len(before) and {record for record, *_ in after} == {"event"}
    store.delete(doc_id)
    assert _record_keys(store, doc_id)[0] == []


def test_opening_waits_while_another_process_holds_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite answers some moments of another process opening the same file (a WAL being set up or
    recovered) "database is locked" without waiting: opening retries until the file is free."""
    real_upgrade = Store.upgrade
    calls = {"n": 0}

    def busy_twice(self: Store) -> None:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise OperationalError("PRAGMA journal_mode=WAL", {}, sqlite3.OperationalError("database is locked"))
        real_upgrade(self)

    monkeypatch.setattr(Store, "upgrade", busy_twice)
    monkeypatch.setattr("sitrep.store.db.OPEN_RETRY_SECONDS", 0.01)
    store = Store(tmp_path / "busy.db")
    assert calls["n"] == 3 and store.count() == 0
    store.close()


def test_a_common_word_is_ranked_in_windows_of_the_newest_matches(
    store: Store, analyzed: AnalyzedArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ranking every match of a word found everywhere costs as much as the matches; past ``RANK_WINDOW``
    matches, the newest window is ranked first, and paging still shows every match exactly once."""
    ids = []
    for i in range(9):
        copy = analyzed.model_copy(deep=True)
        copy.source.sha256, copy.source.uri = f"{i:064x}", f"https://news.example/{i}"
        copy.article.outlet = "Vessa Post"
        copy.article.body += " quartermaster" * (1 + (i * 5) % 9)  # relevance unrelated to age
        ids.append(store.add(copy)[0])
    everything = [h.id for h in store.search("quartermaster", limit=20)]
    assert sorted(everything) == ids
    if store.engine.dialect.name != "sqlite":
        return  # PostgreSQL ranks all matches (a GIN index gives no order to window by)
    monkeypatch.setattr(search_module, "RANK_WINDOW", 4)
    newest, middle, oldest = set(ids[5:]), set(ids[1:5]), set(ids[:1])
    for scope in (None, SearchScope(outlet="Vessa Post")):
        pages = [[h.id for h in store.search("quartermaster", 3, offset, scope)] for offset in range(0, 12, 3)]
        shown = [doc for page in pages for doc in page]
        assert len(shown) == len(set(shown)) == 9  # every match once, across pages
        assert set(shown[:4]) == newest and set(shown[4:8]) == middle and set(shown[8:]) == oldest
        counts = {h.id: h.score for h in store.search("quartermaster", 4, 0, scope)}
        assert list(counts.values()) == sorted(counts.values())  # best first inside a window
