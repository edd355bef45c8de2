"""The store at size: bytes on disk per document and the latency of the corpus views, SQLite and PostgreSQL.

A base of ``--base`` distinct documents is written the normal way (``Store.add``, copies of real analysed
articles with their raw sources: :mod:`synthetic`), then replicated in SQL — every row of every
document table copied with shifted ids, new identities and the search index kept by its triggers —
until the store holds ``--documents`` documents (default 1,000,000). The views are then timed through
the same query layer the CLI and the API call: a place's timeline over a week, its control-claim
periods, conflicting claims, a page of filtered events, full-text search, and one document.

    .venv/bin/python benchmarks/store_size.py [--documents 1000000] [--base 10000] [--backend sqlite|postgresql|both]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, literal, select, text

from sitrep.corpus import records, timelines, views
from sitrep.corpus.records import Filter
from sitrep.sources import Origin, RawDoc
from sitrep.store import Store, backends
from sitrep.store import schema as s
from synthetic import PLACES, ROOT, SEEDS, seed_articles, variants

sys.path.insert(0, str(ROOT))  # tests.postgres_support starts the throwaway cluster
PATIENCE = 30.0
SKIPPED = {"outlets", "feeds", "feed_items"}  # not per-document


def _base(store: Store, count: int) -> None:
    page = SEEDS[0].read_bytes()  # each copy keeps raw bytes of its own, as an ingest does
    for doc in variants(seed_articles(), count):
        store.add(doc, RawDoc(Origin(uri=doc.source.uri), page + doc.source.uri.encode()))


def _replicate(store: Store, base: int, round_: int) -> None:
    """Copy documents 1..base as ids ``round_ * base + 1 ..``, with every row that hangs off them."""
    offset = round_ * base
    with backends.writing(store.engine) as conn:  # raises the store's generation, as an ingest does
        d = s.documents
        shifted: dict[str, Any] = {c.name: c for c in d.c}
        shifted.update(
            id=d.c.id + offset,
            sha256=literal(f"{round_:08x}") + func.substr(d.c.sha256, 9),
            uri=d.c.uri + literal(f"#{round_}"),
            story_id=d.c.story_id + offset,
        )
        conn.execute(insert(d).from_select(list(shifted), select(*shifted.values()).where(d.c.id <= base)))
        for table in s.metadata.sorted_tables:
            if table is d or table.name in SKIPPED or "doc_id" not in table.c:
                continue
            columns = {c.name: c for c in table.c}
            columns["doc_id"] = table.c.doc_id + offset
            if "other_id" in table.c:
                columns["other_id"] = table.c.other_id + offset
            query = select(*columns.values()).where(table.c.doc_id <= base)
            conn.execute(insert(table).from_select(list(columns), query))


def _size_bytes(store: Store, path: Path | None) -> int:
    if path is not None:
        return sum(f.stat().st_size for f in path.parent.glob(path.name + "*"))
    with store.engine.connect() as conn:
        return int(conn.scalar(text("SELECT pg_database_size(current_database())")) or 0)


def _timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and 95th percentile in ms, cold: the views' per-generation caches are emptied before every
    call (as after a write), so the query itself is timed. A view slower than :data:`PATIENCE` s is
    timed once."""
    times: list[float] = []
    for _ in range(repeat):
        for cache in (timelines.TIMELINES, views.PLACE_CLAIMS):
            cache.clear()
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
        if times[-1] > PATIENCE * 1000:
            break
    cut = statistics.quantiles(times, n=20) if len(times) > 1 else times * 19
    return statistics.median(times), cut[18]


def views_latency(store: Store, documents: int, repeat: int) -> dict[str, tuple[float, float]]:
    rng = random.Random(3)
    places = [p[0] for p in PLACES]
    months = [f"2023-{m:02d}" for m in range(1, 13)]

    def week() -> tuple[str, str]:
        month = rng.choice(months)
        return f"{month}-08", f"{month}-14"

    calls: dict[str, Callable[[], object]] = {
        "timeline, one week": lambda: timelines.timeline(store, rng.choice(places), *week()),
        "claims periods": lambda: views.place_claims(store, rng.choice(places)),
        "conflicting claims": lambda: views.conflicting(store, rng.choice(places)),
        "events page (50)": lambda: records.events_by_time(
            store, Filter(place=rng.choice(places), type="Battles", start=f"{rng.choice(months)}-01"), limit=50
        ),
        "search (20 hits)": lambda: store.search(rng.choice(["Bakhmut", "shelling", "Kharkiv suburbs"])),
        "one document": lambda: store.get(rng.randint(1, documents)),
    }
    return {name: _timed(call, repeat) for name, call in calls.items()}


@contextmanager
def _database(backend: str) -> Iterator[tuple[str, Path | None]]:
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(dir=ROOT / "build") as folder:
            path = Path(folder) / "size.db"
            yield f"sqlite:///{path}", path
        return
    from tests.postgres_support import create_database, local_cluster

    with local_cluster(durable=True) as server:
        yield create_database(server, "size"), None


def measure(backend: str, documents: int, base: int, checkpoints: list[int], repeat: int) -> None:
    with _database(backend) as (url, path):
        store = Store(url)
        started = time.perf_counter()
        _base(store, base)
        print(f"[{backend}] base of {base} documents written in {time.perf_counter() - started:.0f} s", flush=True)
        stored = base
        for target in sorted({base, *checkpoints, documents}):
            started = time.perf_counter()
            while stored < target:
                _replicate(store, base, stored // base)
                stored += base
            with store.engine.begin() as conn:
                conn.execute(text("ANALYZE"))  # statistics for the planner, as a store that grew slowly has
            grown = time.perf_counter() - started
            size = _size_bytes(store, path)
            print(
                f"[{backend}] {stored:>9,} documents ({grown:.0f} s to grow): {size / 1e9:.2f} GB, "
                f"{size / stored / 1024:.1f} KiB per document",
                flush=True,
            )
            for name, (p50, p95) in views_latency(store, stored, repeat).items():
                print(f"    {name:<22} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms", flush=True)
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--base", type=int, default=10_000)
    parser.add_argument("--checkpoints", default="100000", help="sizes (comma-separated) measured on the way")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    (ROOT / "build").mkdir(exist_ok=True)
    checkpoints = [int(x) for x in args.checkpoints.split(",") if x]
    for backend in ("sqlite", "postgresql") if args.backend == "both" else (args.backend,):
        measure(backend, args.documents, args.base, checkpoints, args.repeat)


if __name__ == "__main__":
    main()
