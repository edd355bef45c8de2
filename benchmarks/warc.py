"""Reading web archives: sitrep's WARC reader against the libraries' own bare read loops, in one run.

Builds a crawl-sized WARC.gz (default ~300 MB: the development HTML pages written again and
again under new URLs, with a request record before each response and some images, as a
crawler writes them), then measures on the same file:

1. FastWARC's bare loop (iterate, read every payload) and warcio's bare loop: the choice of
   library;
2. ``sitrep.sources.warc.WarcReader``: the same records as RawDocs (type, status and content-type
   checks, skip counts, payload decoding) — its overhead over the bare FastWARC loop (target ≤ 10%);
3. reading + extraction (decode, trafilatura) on the first pages, analysis off;
4. end to end with the analysis, documents per second, on fewer pages;

and the peak resident memory (constant in the file's size: records are streamed).

Run: ``make bench-warc`` or ``.venv/bin/python benchmarks/warc.py [--mb 300] [--extract 300] [--analyze 40]``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import multiprocessing
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fastwarc.warc import ArchiveIterator as FastIterator
from warcio.archiveiterator import ArchiveIterator as WarcioIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.analyze.pipeline import Pipeline
from sitrep.errors import InputError
from sitrep.extract import extract
from sitrep.service import analyze_documents
from sitrep.sources import RawDoc
from sitrep.sources.warc import WarcReader

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "data" / "html"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pages() -> list[bytes]:
    found = [p.read_bytes() for p in sorted(PAGES.glob("pages/*/*.html"))]
    found += [gzip.decompress(p.read_bytes()) for p in sorted(PAGES.glob("more/*.gz"))]
    return [p for p in found if p.strip()]


def build(path: Path, megabytes: int) -> int:
    """Write pages until the file holds ``megabytes`` of payload; returns the number of responses."""
    bodies = pages()
    image = b"\x89PNG\r\n\x1a\n" + bytes(4000)
    written = count = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        while written < megabytes * 1024 * 1024:
            for body in bodies:
                uri = f"https://news{count % 97}.example/article/{count}"
                request = f"GET /article/{count} HTTP/1.1\r\nHost: news.example\r\n\r\n".encode()
                writer.write_record(writer.create_warc_record(uri, "request", payload=io.BytesIO(request)))
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
                )
                if count % 10 == 0:
                    png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], "HTTP/1.1")
                    record = writer.create_warc_record(uri + ".png", "response", io.BytesIO(image), http_headers=png)
                    writer.write_record(record)
                written += len(body)
                count += 1
                if written >= megabytes * 1024 * 1024:
                    break
    return count


def timed(label: str, loop: Callable[[], tuple[int, int]], size: int) -> float:
    started = time.perf_counter()
    records, payload = loop()
    seconds = time.perf_counter() - started
    print(
        f"  {label:<34} {seconds:7.2f} s  {records / seconds:9.0f} records/s  {size / seconds / 2**20:7.1f} MB/s "
        f"(file)  {payload / 2**20:8.1f} MB payload"
    )
    return seconds


def fastwarc_loop(path: Path) -> tuple[int, int]:
    records = payload = 0
    with path.open("rb") as stream:
        for record in FastIterator(stream, parse_http=True, auto_decode="transfer"):
            payload += len(record.reader.read())
            records += 1
    return records, payload


def warcio_loop(path: Path) -> tuple[int, int]:
    records = payload = 0
    with path.open("rb") as stream:
        for record in WarcioIterator(stream):
            payload += len(record.content_stream().read())
            records += 1
    return records, payload


def sitrep_loop(path: Path) -> tuple[int, int]:
    documents = payload = 0  # counts pages (documents), not every record
    for item in WarcReader([path]):
        if isinstance(item, RawDoc):
            documents += 1
            payload += len(item.data)
    return documents, payload


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=300, help="Megabytes of HTML payload in the archive.")
    parser.add_argument("--extract", type=int, default=300, help="Pages read and extracted (analysis off).")
    parser.add_argument("--analyze", type=int, default=40, help="Pages read, extracted and analysed.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.warc.gz"
        started = time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(1) as pool:  # the pages held while writing stay out of RSS
            responses = pool.apply(build, (path, args.mb))
        size = path.stat().st_size
        print(
            f"archive: {responses} pages, {size / 2**20:.0f} MB gzipped, built in {time.perf_counter() - started:.0f} s"
        )
        print("reading every record (best of 2):")
        fast = min(timed("FastWARC bare loop", lambda: fastwarc_loop(path), size) for _ in range(2))
        slow = min(timed("warcio bare loop", lambda: warcio_loop(path), size) for _ in range(2))
        ours = min(timed("sitrep WarcReader (pages only)", lambda: sitrep_loop(path), size) for _ in range(2))
        overhead = ours / fast - 1
        print(f"  warcio / FastWARC time: {slow / fast:.2f}x;  sitrep reader overhead over FastWARC: {overhead:+.1%}")
        print(f"  peak RSS after reading: {peak_rss_mb():.0f} MB")

        def first(n: int) -> list[RawDoc]:
            found: list[RawDoc] = []
            for item in WarcReader([path]):
                if isinstance(item, RawDoc):
                    found.append(item)
                if len(found) >= n:
                    break
            return found

        docs = first(args.extract)
        started = time.perf_counter()
        failed = 0
        for doc in docs:
            try:
                extract(doc)
            except InputError:
                failed += 1
        seconds = time.perf_counter() - started
        print(f"read + extract: {len(docs) / seconds:.1f} documents/s over {len(docs)} pages ({failed} refused)")
        pipeline = Pipeline()
        docs = first(args.analyze)
        started = time.perf_counter()
        outcomes = list(analyze_documents(iter(docs), pipeline))
        seconds = time.perf_counter() - started
        done = sum(o.result is not None for o in outcomes)
        print(f"end to end with analysis: {done / seconds:.2f} documents/s over {len(docs)} pages")
        print(f"peak RSS: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
