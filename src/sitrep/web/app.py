"""The ASGI application: the JSON API under ``/api/v1`` and the HTML pages, over one store."""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep import __version__
from sitrep.analyze.pipeline import Pipeline
from sitrep.store import Store
from sitrep.web import api, pages, problems, warmup
from sitrep.web.state import ServerState

STATIC = Path(__file__).parent / "static"
# The store holds scraped pages, hostile ones included: the browser runs nothing but our own files.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityHeaders:
    """Adds the security headers to every response (pages, API, static files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


class NulGuard:
    """Refuses a request whose path or query holds a NUL character: no text sitrep stores has one, and
    PostgreSQL rejects it in a parameter, which would surface as a server error."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and ("\x00" in scope["path"] or b"\x00" in unquote_to_bytes(scope["query_string"])):
            response = problems.problem(400, "the request holds a NUL character", Request(scope))
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


DEFAULT_THREADS = 2  # requests one worker process runs at once (see :func:`create_app`)


def create_app(
    store: Store,
    token: str | None = None,
    pipeline: Pipeline | None = None,
    threads: int | None = None,
    warm: bool = False,
) -> FastAPI:
    """An app serving ``store``; ``token`` opens ``POST /api/v1/documents`` (read-only without it).

    ``threads`` bounds the requests the process runs at once (its thread pool; default: anyio's 40). A
    request is Python and SQLite work on one core: more threads than that only take turns at the
    interpreter lock. At 16 concurrent clients on two workers, 40 threads served 90 pages of events a
    second and 2 served 159.

    ``warm`` computes the busiest places' views as the app starts (:mod:`sitrep.web.warmup`)."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if threads is not None:
            anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        gc.freeze()  # what the server loaded to start stays for its life: no full collection walks it again
        if warm:
            warmup.start_warm_up(store, app.state.sitrep.gazetteer)
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="sitrep",
        version=__version__,
        summary="What happened, where, when, and who says so: events, places, claims and their evidence.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,  # FastAPI's docs page loads Swagger UI from a CDN: nothing may leave the machine
        redoc_url=None,
    )
    app.state.sitrep = ServerState(store, token, pipeline)
    app.add_middleware(NulGuard)
    app.add_middleware(SecurityHeaders)  # added last, so outermost: its headers reach every answer
    problems.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


# How `sitrep serve --workers N` hands its settings on to the worker processes.
DB_ENV, TOKEN_ENV, THREADS_ENV = "SITREP_SERVE_DB", "SITREP_SERVE_TOKEN", "SITREP_SERVE_THREADS"
WARM_ENV = "SITREP_SERVE_WARM"


def from_environment() -> FastAPI:
    """The app of one server worker process, for the settings its parent put in the environment."""
    threads = int(os.environ.get(THREADS_ENV) or DEFAULT_THREADS)
    warm = os.environ.get(WARM_ENV) == "1"
    return create_app(Store(os.environ[DB_ENV]), os.environ.get(TOKEN_ENV) or None, threads=threads, warm=warm)


def openapi_schema() -> dict[str, Any]:
    """The API's OpenAPI document, as committed in ``schema/openapi.json`` (no store needed to describe it)."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "schema.db")
        try:
            return create_app(store).openapi()
        finally:
            store.close()
