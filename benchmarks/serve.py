"""Latency of ``sitrep serve`` at scale: a store of 100,000 documents, 16 concurrent clients on loopback.

The store is generated (``fill``): real analysed articles (the bundled example and the test
fixtures, analysed once) are replicated with varied outlets, dates, places and a line of
text of their own, so every copy is a distinct document with valid offsets. The server runs
in its own process; a concurrent client (httpx2) measures p50/p95 per request kind and
requests per second, and the 100k-event export is streamed while the server's peak RSS is read. Claim
views and timelines are measured on first request too (one client, before the store generation's results
are kept): after the server's warm-up of its busiest places (the default; its time is printed) or, with
``--no-warm-up``, cold.

    .venv/bin/python benchmarks/serve.py [--documents 100000] [--db PATH] [--requests 400] [--no-warm-up]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from synthetic import PLACES, seed_articles, variants

ROOT = Path(__file__).resolve().parents[1]


def fill(db: Path, documents: int) -> None:
    """Generate ``documents`` distinct analysed articles into a fresh store at ``db``."""
    from sitrep.store import Store

    store = Store(db)
    started = time.perf_counter()
    for i, copy in enumerate(variants(seed_articles(), documents)):
        store.add(copy)
        if (i + 1) % 10000 == 0:
            print(f"  {i + 1} documents ({(i + 1) / (time.perf_counter() - started):.0f}/s)", file=sys.stderr)
    store.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _measure(base: str, paths: list[str], concurrency: int) -> list[float]:
    import httpx2 as httpx

    latencies: list[float] = []
    queue = list(paths)

    async with httpx.AsyncClient(base_url=base, timeout=120) as client:

        async def worker() -> None:
            while queue:
                path = queue.pop()
                started = time.perf_counter()
                response = await client.get(path)
                latencies.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise SystemExit(f"{path}: HTTP {response.status_code}")

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


def _watch(server: subprocess.Popen[str], warmed: threading.Event) -> None:
    """Read the server's stderr (so it never blocks on a full pipe); set ``warmed`` at its warm-up line."""
    assert server.stderr is not None
    for line in server.stderr:
        if "warmed the views" in line or "warm-up stopped" in line:
            print(line.strip())
            warmed.set()


def _days(rng: random.Random) -> str:
    """A random window of three days in the generated store's year."""
    month, day = rng.randint(1, 12), rng.randint(1, 26)
    return f"start=2023-{month:02d}-{day:02d}&end=2023-{month:02d}-{day + 2:02d}"


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _workers(pid: int) -> list[int]:
    """The server's worker processes (its children, and theirs)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            found += [int(child), *_workers(int(child))]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "serve-bench.db")
    parser.add_argument("--requests", type=int, default=400, help="requests per kind")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false", help="measure first requests cold")
    parser.add_argument(
        "--only", action="append", metavar="KIND", help="measure only this kind of request (repeatable; no export)"
    )
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        print(f"filling {args.db} with {args.documents} documents ...", file=sys.stderr)
        fill(args.db, args.documents)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "sitrep", "serve", "--db", str(args.db), "--port", str(port)]
        + ([] if args.warm_up else ["--no-warm-up"]),
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    warmed = threading.Event()
    threading.Thread(target=_watch, args=(server, warmed), daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        if args.warm_up:
            started = time.perf_counter()
            warmed.wait(timeout=600)  # both workers print when their warm-up is done; the first one is enough
            print(f"server warm-up: {time.perf_counter() - started:.1f} s after it answered")
        rng = random.Random(1)
        n = args.requests
        kinds = {
            "article page": [f"/documents/{rng.randint(1, args.documents)}" for _ in range(n)],
            "place timeline": [
                f"/api/v1/places/{rng.choice(PLACES)[0]}/timeline?start=2023-03-01&end=2023-03-03" for _ in range(n)
            ],
            # a window of its own for nearly every request: the timeline read and grouped, not kept
            "timeline, any days": [f"/api/v1/places/{rng.choice(PLACES)[0]}/timeline?{_days(rng)}" for _ in range(n)],
            "place claims": [f"/api/v1/places/{rng.choice(PLACES)[0]}/claims" for _ in range(n)],
            "events, filtered": [
                f"/api/v1/events?place={rng.choice(PLACES)[5]}&type=Battles&start=2023-0{rng.randint(1, 9)}-01&limit=50"
                for _ in range(n)
            ],
            "search": [
                f"/api/v1/search?q={rng.choice(['Bakhmut', 'shelling', 'Kharkiv suburbs', 'Report 4*'])}"
                for _ in range(n)
            ],
            # the web pages people open
            "home page": ["/"] * n,
            "place page": [f"/places/{rng.choice(PLACES)[0]}" for _ in range(n)],
            "map page": ["/map"] * n,
            "search page": [f"/search?q={rng.choice(['Bakhmut', 'shelling', 'Report 4*'])}" for _ in range(n)],
            "actor page": [f"/actors/{rng.choice(['Russia', 'Ukraine', 'Wagner'])}" for _ in range(n)],
        }
        print(
            f"{'request':<20} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8}   ({args.documents} documents, "
            f"{args.concurrency} concurrent clients)"
        )
        # claim groups, timelines and profiles are kept per store generation: the first read of each after a
        # write pays in full
        cold_paths = {
            "place claims": [f"/api/v1/places/{p[0]}/claims" for p in PLACES],
            "place timeline": [f"/api/v1/places/{p[0]}/timeline?start=2023-03-01&end=2023-03-03" for p in PLACES],
            "place page": [f"/places/{p[0]}" for p in PLACES],
            "actor page": ["/actors/Russia", "/actors/Ukraine", "/actors/Wagner"],
            "home page": ["/"],
        }
        if args.only:
            kinds = {kind: paths for kind, paths in kinds.items() if kind in args.only}
            cold_paths = {kind: paths for kind, paths in cold_paths.items() if kind in args.only}
        for kind, paths in cold_paths.items():
            cold = asyncio.run(_measure(base, paths, 1))
            label = f"{kind}, {'first' if args.warm_up else 'cold'}"
            print(f"{label:<20} {statistics.median(cold) * 1000:8.1f} {max(cold) * 1000:8.1f}   (p50 / max, 1 client)")
        for kind, paths in kinds.items():
            started = time.perf_counter()
            latencies = asyncio.run(_measure(base, paths, args.concurrency))
            wall = time.perf_counter() - started
            cut = statistics.quantiles(latencies, n=100)
            print(f"{kind:<20} {cut[49] * 1000:8.1f} {cut[94] * 1000:8.1f} {len(latencies) / wall:8.1f}")
        if args.only:
            return
        # A write raises the store generation: the server answers with the previous views while it
        # recomputes them (unless started with --fresh).
        from sitrep.store import Store, backends

        written = Store(args.db)
        with backends.writing(written.engine):
            pass
        written.close()
        for kind, paths in cold_paths.items():
            after = asyncio.run(_measure(base, paths, 1))
            label = f"{kind}, after a write"
            p50, worst = statistics.median(after) * 1000, max(after) * 1000
            print(f"{label:<20} {p50:8.1f} {worst:8.1f}   (p50 / max, 1 client)")
        started = time.perf_counter()
        exported = subprocess.run(
            ["curl", "-s", "-o", "/dev/null", "-w", "%{size_download}", f"{base}/api/v1/exports/jsonl"],
            capture_output=True,
            text=True,
            check=True,
        )
        seconds = time.perf_counter() - started
        workers = ", ".join(f"{_peak_rss_mb(pid):.0f}" for pid in _workers(server.pid))
        print(
            f"export jsonl: {int(exported.stdout) / 1e6:.1f} MB in {seconds:.1f} s; "
            f"server peak RSS {_peak_rss_mb(server.pid):.0f} MB (its workers: {workers or 'none'} MB)"
        )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
