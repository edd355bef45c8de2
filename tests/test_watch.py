"""``sitrep watch`` against feeds and pages served on 127.0.0.1 by the test itself: no internet."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from tests.test_cli import run

from sitrep.analyze.pipeline import Pipeline
from sitrep.service import watch as watching
from sitrep.sources.fetch import Fetcher, FetchError, Politeness
from sitrep.store import Store

ARTICLE = (
    "<html><head><title>{title}</title><meta property='og:site_name' content='Local Herald'></head>"
    "<body><article><h1>{title}</h1><p>{text} The council of Marlow said on Monday that the river "
    "bridge would reopen next week after repairs to two of its stone piers were finished.</p>"
    "<p>Shop owners welcomed the news and said trade had fallen by a third while the bridge was shut.</p>"
    "</article></body></html>"
)


def rss(base: str) -> str:
    links = [
        *("/a", "/private/secret", "/big", "/loop", "/missing", "/busy", "/slow", "/report.pdf", "/latin", "/dup"),
        "/down",
    ]
    items = "".join(f"<item><title>{link}</title><link>{base}{link}</link><guid>{link}</guid></item>" for link in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Herald feed</title>{items}</channel></rss>'


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
<entry><title>Relative</title><id>urn:b</id><updated>2024-01-01T00:00:00Z</updated><link href="pages/b"/></entry>
</feed>"""
BROKEN = """<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title>
<item><title>Kept</title><link>/c</link><guid>c</guid></item><item><title>Cut</title><link>/d"""
JSON_FEED = {"version": "https://jsonfeed.org/version/1.1", "title": "JSON news", "items": [{"id": "e", "url": "/e"}]}


class Site(BaseHTTPRequestHandler):
    hits: ClassVar[Counter[str]] = Counter()
    agents: ClassVar[set[str]] = set()

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        Site.hits[path] += 1
        Site.agents.add(self.headers.get("User-Agent", ""))
        base = f"http://{self.headers['Host']}"
        page = {
            "/a": ("Bridge to reopen", "First report."),
            "/dup": ("Bridge to reopen", "First report."),
            "/pages/b": ("Atom story", "From the atom feed."),
            "/c": ("Broken feed story", "Kept before the break."),
            "/e": ("JSON story", "From the JSON feed."),
        }
        if path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/rss.xml":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send(304, b"")
            else:
                self.send(200, rss(base).encode(), "application/rss+xml", ETag='"v1"')
        elif path == "/atom.xml":
            self.send(200, ATOM.encode(), "application/atom+xml")
        elif path == "/broken.xml":
            self.send(200, BROKEN.encode(), "application/xml")
        elif path == "/feed.json":
            self.send(200, json.dumps(JSON_FEED).encode(), "application/feed+json")
        elif path == "/notafeed":
            self.send(200, b"<html><body><p>Just a page.</p></body></html>")
        elif path in page:
            title, text = page[path]
            self.send(200, ARTICLE.format(title=title, text=text).encode())
        elif path == "/latin":  # the header says ISO-8859-1, the bytes are UTF-8
            body = ARTICLE.format(title="Café near the bridge", text="The café reopened.").encode()
            self.send(200, body, "text/html; charset=iso-8859-1")
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"<p>" + b"x" * (1024 * 1024) + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/loop":
            self.send(302, b"", Location="/loop")
        elif path == "/busy":
            if Site.hits[path] == 1:
                self.send(429, b"slow down", "text/plain", Retry_After="1")
            else:
                self.send(200, ARTICLE.format(title="Busy story", text="Served on the second try.").encode())
        elif path == "/down":  # a 503 without Retry-After would make the host wait a minute: say 0 here
            self.send(503, b"maintenance", "text/plain", Retry_After="0")
        elif path == "/slow":
            time.sleep(1.5)
            self.send(200, ARTICLE.format(title="Slow", text="Too late.").encode())
        elif path == "/report.pdf":
            self.send(200, b"%PDF-1.4 not a page", "application/pdf")
        else:
            self.send(404, b"not found", "text/plain")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on a slow or huge answer, as the tests intend


@pytest.fixture
def site() -> Iterator[str]:
    Site.hits.clear()
    Site.agents.clear()
    server = QuietServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def watch_once(db: Path, *feeds: str) -> tuple[int, str]:
    code, _, err = run(
        "watch", *feeds, "--once", "--db", str(db), "--delay", "0", "--timeout", "0.5", "--max-bytes", str(2**20)
    )
    return code, err


def test_watch_once_stores_what_it_should_and_reports_the_rest(site: str, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    feeds = [f"{site}/rss.xml", f"{site}/atom.xml", f"{site}/broken.xml", f"{site}/feed.json", f"{site}/notafeed"]
    code, err = watch_once(db, *feeds)
    assert code == 1  # some items failed, and the run says so
    assert "Traceback" not in err
    assert "polled 5 feed(s) (0 unchanged): 14 new item(s), stored 5, duplicate 1, failed 7, retry later 3" in err
    for expected in (
        "private/secret: forbidden by robots.txt",
        "/big: too large",
        "/loop: more than 5 redirects",
        "/missing: HTTP 404",
        "/report.pdf: unexpected content type application/pdf",
        "feed.*notafeed".replace(".*", " " + site + "/"),
        "read past a syntax error",
    ):
        assert expected in err, expected
    assert "retry later: " + site + "/busy: HTTP 429" in err
    assert "retry later: " + site + "/slow: timed out" in err
    assert "retry later: " + site + "/down: HTTP 503" in err
    assert Site.hits["/robots.txt"] == 1  # once per host, kept
    assert Site.hits["/private/secret"] == 0  # never asked for
    assert all(agent.startswith("sitrep/") for agent in Site.agents)

    code, out, _ = run("list", "--db", str(db))
    for title in ("Bridge to reopen", "Atom story", "Broken feed story", "JSON story"):
        assert out.count(title) == 1, title
    assert "Café near the bridge" in out  # UTF-8 bytes under a wrong ISO-8859-1 header decode right
    assert f"{site}/pages/b" in out  # the relative link resolved against the feed's URL

    # A restart resumes: the RSS feed answers 304, nothing seen is fetched again, transient failures are retried.
    before = Counter(Site.hits)
    code, err = watch_once(db, *feeds)
    assert "(1 unchanged)" in err
    assert "stored 1" in err  # /busy, served on its second try; /slow still times out
    assert Site.hits["/a"] == before["/a"] and Site.hits["/missing"] == before["/missing"]

    code, out, _ = run("feeds", "--db", str(db), "--format", "json")
    states = {f["url"]: f for f in map(json.loads, out.splitlines())}
    assert states[f"{site}/rss.xml"]["title"] == "Herald feed" and states[f"{site}/rss.xml"]["documents"] == 3
    assert states[f"{site}/rss.xml"]["etag"] == '"v1"'
    assert states[f"{site}/notafeed"]["errors"] == 1 and states[f"{site}/notafeed"]["next_poll"]


def test_fetcher_waits_for_retry_after_and_between_requests(site: str) -> None:
    slept: list[float] = []
    clock = [1000.0]
    fetcher = Fetcher(Politeness(delay=2.0, timeout=2), sleep=lambda s: slept.append(s), clock=lambda: clock[0])
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(f"{site}/busy")
    assert caught.value.transient and "wait 1 s" in str(caught.value)
    fetcher.fetch(f"{site}/busy")
    assert slept and slept[-1] == pytest.approx(1.0)  # the host's Retry-After, not the 2 s delay
    fetcher.fetch(f"{site}/a")
    assert slept[-1] == pytest.approx(2.0)  # then the usual delay between two requests to one host
    fetcher.close()


def test_without_retry_after_the_pause_doubles() -> None:
    fetcher = Fetcher()
    assert [fetcher._retry_after(None, "h") for _ in range(3)] == [60.0, 120.0, 240.0]
    assert fetcher._retry_after("Wed, 21 Oct 2015 07:28:00 GMT", "h") == 0.0  # a date in the past: no wait
    assert fetcher._retry_after("120", "other") == 120.0


def test_watch_needs_a_feed_and_a_sane_interval(tmp_path: Path) -> None:
    code, _, err = run("watch", "--once", "--db", str(tmp_path / "w.db"))
    assert code == 1 and "name at least one feed URL" in err
    code, _, err = run("watch", "http://127.0.0.1:9/feed", "--interval", "10s", "--db", str(tmp_path / "w.db"))
    assert code == 1 and "at least one minute" in err
    opml = tmp_path / "subs.opml"
    opml.write_text("<opml><body><outline text='x'/></body></opml>")
    code, _, err = run("watch", "--opml", str(opml), "--once", "--db", str(tmp_path / "w.db"))
    assert code == 1 and "no feed URLs" in err


def test_ctrl_c_stops_between_items_and_the_next_run_resumes(
    site: str, tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path / "w.db")
    fetcher = Fetcher(Politeness(delay=0, timeout=0.5, max_bytes=2**20))
    real = fetcher.fetch
    asked: list[str] = []

    def interrupted_at_the_third_page(url: str, *args: object, **kwargs: object) -> object:
        asked.append(url)
        if url.endswith("/big"):
            raise KeyboardInterrupt
        return real(url, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fetcher, "fetch", interrupted_at_the_third_page)
    report = watching.poll_once(store, pipeline, [f"{site}/rss.xml"], fetcher)
    assert report.interrupted
    assert [d.uri for d in store.documents()] == [f"{site}/a"]  # what was stored is whole
    monkeypatch.undo()
    again = watching.poll_once(store, pipeline, [f"{site}/rss.xml"], fetcher)
    assert not again.interrupted and again.not_modified == 0  # the feed's ETag was not kept: it is read again
    assert Site.hits["/a"] == 1  # done items are not fetched again
    assert {d.uri for d in store.documents()} >= {f"{site}/a", f"{site}/latin"}
    fetcher.close()
