"""Web archives and JSON Lines: what becomes a document, what is skipped, what is reported."""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from pathlib import Path

import pytest
from tests.test_cli import run
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.sources import RawDoc, open_inputs
from sitrep.sources.warc import WarcReader
from sitrep.store.db import SCHEMA_VERSION

PAGE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{text} Officials in the town of Marlow said on Monday that the road to the coast had reopened "
    "after a week of repairs, and that buses would run again from Tuesday morning.</p>"
    "<p>The council thanked residents for their patience during the works.</p></article></body></html>"
)


def _http(status: str, content_type: str, extra: list[tuple[str, str]] | None = None) -> StatusAndHeaders:
    return StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")


def _chunked(data: bytes, size: int = 100) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size]) for i in range(0, len(data), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def write_warc(path: Path, corrupt_third: bool = False, truncate: bool = False) -> None:
    """Response, request, revisit, metadata records; chunked+gzip payload; latin-1 header; PNG; 404."""
    plain = PAGE.format(title="Road reopens", text="Plain page.").encode()
    encoded = _chunked(gzip.compress(PAGE.format(title="Buses return", text="Chunked and gzipped.").encode()))
    latin = PAGE.format(title="Café reopens", text="Le café près du port.").encode("latin-1")
    records = [
        ("http://news.example/road", "response", plain, _http("200 OK", "text/html; charset=utf-8")),
        ("http://news.example/road", "request", b"GET /road HTTP/1.1\r\nHost: news.example\r\n\r\n", None),
        (
            "http://news.example/buses",
            "response",
            encoded,
            _http("200 OK", "text/html", [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]),
        ),
        ("http://other.example/cafe", "response", latin, _http("200 OK", "text/html; charset=iso-8859-1")),
        ("http://news.example/logo.png", "response", b"\x89PNG\r\n\x1a\n" + bytes(200), _http("200 OK", "image/png")),
        ("http://news.example/gone", "response", b"<html>not here</html>", _http("404 Not Found", "text/html")),
        ("http://news.example/road", "revisit", b"", _http("200 OK", "text/html")),
        ("http://news.example/road", "metadata", b"outlinks: none", None),
        ("http://news.example/last", "response", plain.replace(b"Road", b"Ferry"), _http("200 OK", "text/html")),
    ]
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, kind, payload, http in records:
            fields = {"warc_content_type": "application/warc-fields"} if kind == "metadata" else {}
            record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=http, **fields)
            writer.write_record(record)
    data = path.read_bytes()
    if corrupt_third:  # damage the deflate stream of the third gzip member (the buses page)
        start = [m.start() for m in re.finditer(b"\x1f\x8b\x08", data)][2]
        data = data[: start + 30] + bytes(40) + data[start + 70 :]
    if truncate:
        data = data[:-150]
    path.write_bytes(data)


def read_all(path: Path) -> tuple[list[RawDoc], list[str], WarcReader]:
    reader = WarcReader([path])
    docs, errors = [], []
    for item in reader:
        if isinstance(item, RawDoc):
            docs.append(item)
        else:
            errors.append(str(item))
    return docs, errors, reader


def test_page_records_become_documents_with_uri_capture_time_and_charset(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    docs, errors, reader = read_all(path)
    assert errors == []
    assert [d.uri for d in docs] == [
        "http://news.example/road",
        "http://news.example/buses",
        "http://other.example/cafe",
        "http://news.example/last",
    ]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", d.captured_at or "") for d in docs)
    assert b"Chunked and gzipped." in docs[1].data  # transfer and content encodings undone
    assert docs[2].charset == "iso-8859-1"
    assert dict(reader.skipped) == {
        "request record": 1,
        "revisit record": 1,
        "metadata record": 1,
        "non-page payload image/png": 1,
        "HTTP status 404": 1,
    }
    assert reader.position > 0 and reader.size == path.stat().st_size


def test_a_corrupt_record_is_reported_and_the_rest_of_the_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "damaged.warc.gz"
    write_warc(path, corrupt_third=True)
    docs, errors, _ = read_all(path)
    assert [d.uri for d in docs] == [
        "http://news.example/road",
        "http://other.example/cafe",
        "http://news.example/last",
    ]
    assert len(errors) == 1 and "corrupt WARC" in errors[0] and str(path) in errors[0]


def test_a_truncated_last_record_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_warc(path, truncate=True)
    docs, errors, _ = read_all(path)
    assert [d.uri for d in docs][-1] == "http://other.example/cafe"
    assert len(errors) == 1 and "truncated" in errors[0] and "news.example/last" in errors[0]


def test_the_http_charset_decodes_the_page(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    code, out, _ = run("analyze", str(path))
    assert code == 0
    cafe = next(json.loads(line) for line in out.splitlines() if "other.example" in line)
    assert cafe["article"]["title"] == "Café reopens"
    assert "Le café près du port." in cafe["article"]["body"]
    assert cafe["source"]["captured_at"]


def test_ingest_of_an_archive_stores_pages_reports_bad_records_and_counts_skips(tmp_path: Path) -> None:
    path = tmp_path / "damaged.warc.gz"
    write_warc(path, corrupt_third=True)
    db = tmp_path / "c.db"
    code, _, err = run("ingest", str(path), "--db", str(db))
    assert code == 1  # a bad record is a failure to report, after the rest is stored
    assert "stored 3, duplicate 0, failed 1" in err
    assert "skipped 1: request record" in err and "skipped 1: HTTP status 404" in err
    assert "Traceback" not in err
    code, out, _ = run("outlets", "--db", str(db))
    assert code == 0
    assert re.search(r"^\s+2\s+news\.example", out, re.M) and re.search(r"^\s+1\s+other\.example", out, re.M)


def write_jsonl(path: Path) -> None:
    lines = [
        json.dumps(
            {
                "url": "https://www.daily.example/a",
                "html": PAGE.format(title="Bridge", text="A bridge."),
                "captured_at": "2024-03-01T10:00:00Z",
                "outlet": "The Daily",
            }
        ),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"url": "https://daily.example/b"}),
        json.dumps(
            {
                "maintext": "Police arrested ten protesters in Dhaka on Monday, officials said.",
                "source_domain": "wire.example",
                "date_download": "2024-03-02T08:00:00Z",
            }
        ),
    ]
    raw = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(raw) if path.name.endswith(".gz") else raw)


@pytest.mark.parametrize("name", ["scrape.jsonl", "scrape.jsonl.gz"])
def test_json_lines_one_document_per_line_bad_lines_named_by_number(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_jsonl(path)
    items = list(open_inputs([path]))
    docs = [i for i in items if isinstance(i, RawDoc)]
    errors = [str(i) for i in items if not isinstance(i, RawDoc)]
    assert [(d.uri, d.origin.outlet, d.captured_at) for d in docs] == [
        ("https://www.daily.example/a", "The Daily", "2024-03-01T10:00:00Z"),
        (f"{path}:5", "wire.example", "2024-03-02T08:00:00Z"),
    ]
    assert [e.split(": ", 1)[0] for e in errors] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "not JSON" in errors[0] and "not a JSON object" in errors[1] and "no page" in errors[2]


def test_a_truncated_gzip_of_json_lines_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    write_jsonl(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 20])
    items = list(open_inputs([path]))
    assert isinstance(items[0], RawDoc)
    assert not isinstance(items[-1], RawDoc) and "cannot read on" in str(items[-1])


def test_raw_bytes_are_kept_compressed_and_reanalyze_needs_no_original(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    db = tmp_path / "c.db"
    assert run("ingest", str(path), "--db", str(db))[0] == 0
    path.unlink()  # the original is gone
    from sitrep.store import Store

    store = Store(db)
    raw = store.raw(2)
    assert raw is not None and raw.uri == "http://news.example/buses" and b"Chunked and gzipped." in raw.data
    import sqlite3

    with sqlite3.connect(db) as conn:
        stored, size = conn.execute("SELECT data, size FROM raw_sources WHERE doc_id = 2").fetchone()
        versions = conn.execute("SELECT DISTINCT sitrep_version, schema_version FROM documents").fetchall()
        conn.execute("UPDATE documents SET analyzed_at = '2000-01-01' WHERE id = 2")
    assert zlib.decompress(stored) == raw.data and size == len(raw.data)
    assert versions == [("0.1.0", SCHEMA_VERSION)]
    before = store.get(2)
    code, _, err = run("reanalyze", "--db", str(db), "--where", "outlet=news.example")
    assert code == 0 and "reanalysed 3, failed 0" in err
    after = store.get(2)
    assert after is not None and before is not None and after.article.body == before.article.body
    with sqlite3.connect(db) as conn:
        (analyzed_at,) = conn.execute("SELECT analyzed_at FROM documents WHERE id = 2").fetchone()
    assert analyzed_at > "2000-01-01"
    code, _, err = run("reanalyze", "--db", str(db), "--where", "colour=blue")
    assert code == 1 and "--where 'colour=blue'" in err and "Traceback" not in err
