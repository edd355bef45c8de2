"""A polite HTTP client for ``sitrep watch``: the only code in sitrep that reaches the network.

Good-citizen rules, all here: a User-Agent that names sitrep and says why it fetches; robots.txt
obeyed (fetched once per host and kept); one request at a time, with a delay between two
requests to the same host; timeouts; a redirect limit; a size limit enforced while the body
streams (a 50 MB page is cut off, not downloaded); content types checked; conditional GET
(ETag, Last-Modified) for what is polled again; and back-off: a 429 or 503 makes the host wait
for its ``Retry-After`` (or a doubling delay) before anything else is asked of it.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from sitrep import __version__

USER_AGENT = f"sitrep/{__version__} (news monitoring; fetches only the feeds its user listed)"
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = ("xml", "rss", "atom", "json", "text/plain", "text/html")  # many servers mislabel feeds
MAX_BACKOFF = 3600.0


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content: bytes
    content_type: str | None
    charset: str | None
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """Why a URL could not be fetched, in one line; ``transient`` errors are worth a later retry."""

    def __init__(self, reason: str, transient: bool = False) -> None:
        super().__init__(reason)
        self.transient = transient


@dataclass
class Politeness:
    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass
class Fetcher:
    """Fetches one URL at a time, politely; ``sleep`` and ``clock`` are swappable for tests."""

    rules: Politeness = field(default_factory=Politeness)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _client: httpx.Client | None = None
    _next_allowed: dict[str, float] = field(default_factory=dict)
    _backoff: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                headers={"User-Agent": self.rules.user_agent},
                timeout=self.rules.timeout,
                follow_redirects=True,
                max_redirects=self.rules.max_redirects,
                trust_env=False,  # no proxy or netrc from the environment: only what the user asked
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()

    def fetch(
        self,
        url: str,
        accept: tuple[str, ...] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """GET ``url``; raises :class:`FetchError` with the reason for anything but a usable answer."""
        if not self.allowed(url):
            raise FetchError("forbidden by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._get(url, headers)
        if response.status == 304 or accept == ():
            return response
        kind = (response.content_type or "").lower()
        if not any(a in kind for a in accept):
            raise FetchError(f"unexpected content type {response.content_type or 'none'}")
        return response

    def allowed(self, url: str) -> bool:
        """robots.txt of the URL's host allows sitrep to fetch it (no robots.txt: allowed)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.rules.user_agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            response = self._get(f"{origin}/robots.txt", {})
        except FetchError:
            return None  # unreachable or refused robots.txt: no rules to follow
        if response.status != 200:
            return None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.content.decode("utf-8", "replace").splitlines())
        return parser

    def _get(self, url: str, headers: dict[str, str]) -> Fetched:
        host = urlsplit(url).netloc
        wait = self._next_allowed.get(host, 0.0) - self.clock()
        if wait > 0:
            self.sleep(wait)
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                body = self._read_limited(response)
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {self.rules.max_redirects} redirects") from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.rules.timeout:g} s", transient=True) from None
        except httpx.HTTPError as exc:
            reason = f"request failed: {type(exc).__name__}: {exc}".rstrip(": ")
            raise FetchError(reason, transient=True) from None
        finally:
            self._next_allowed[host] = self.clock() + self.rules.delay
        if response.status_code in {429, 503}:
            pause = self._retry_after(response.headers.get("Retry-After"), host)
            self._next_allowed[host] = self.clock() + pause
            raise FetchError(f"HTTP {response.status_code}: the host asks to wait {pause:g} s", transient=True)
        self._backoff.pop(host, None)
        if response.status_code >= 400:
            raise FetchError(f"HTTP {response.status_code}", transient=response.status_code >= 500)
        content_type = response.headers.get("Content-Type")
        return Fetched(
            url=str(response.url),
            status=response.status_code,
            content=body,
            content_type=content_type.split(";")[0].strip() if content_type else None,
            charset=response.charset_encoding,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )

    def _read_limited(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.rules.max_bytes:
            raise FetchError(f"too large: {declared} bytes > limit {self.rules.max_bytes}")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.rules.max_bytes:
                raise FetchError(f"too large: more than {self.rules.max_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def _retry_after(self, value: str | None, host: str) -> float:
        """Seconds to leave the host alone: its Retry-After, else twice the last pause (from 60 s)."""
        pause = None
        if value and value.strip().isdigit():
            pause = float(value.strip())
        elif value:
            try:
                pause = max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
            except (TypeError, ValueError):
                pause = None
        if pause is None:
            pause = min(MAX_BACKOFF, max(30.0, self._backoff.get(host, 30.0)) * 2)
        self._backoff[host] = pause
        return min(pause, MAX_BACKOFF)
