"""The ASGI application: the JSON API under ``/api/v1`` and the HTML pages, over one store."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from sitrep import __version__
from sitrep.analyze.pipeline import Pipeline
from sitrep.store import Store
from sitrep.web import api, pages, problems
from sitrep.web.state import ServerState

STATIC = Path(__file__).parent / "static"


def create_app(store: Store, token: str | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """An app serving ``store``; ``token`` opens ``POST /api/v1/documents`` (read-only without it)."""
    app = FastAPI(
        title="sitrep",
        version=__version__,
        summary="What happened, where, when, and who says so: events, places, claims and their evidence.",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.sitrep = ServerState(store, token, pipeline)
    problems.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def openapi_schema() -> dict[str, Any]:
    """The API's OpenAPI document, as committed in ``schema/openapi.json`` (no store needed to describe it)."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "schema.db")
        try:
            return create_app(store).openapi()
        finally:
            store.close()
