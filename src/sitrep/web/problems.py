"""Errors as RFC 9457 problem details: a bad parameter is a 4xx with a reason, never a 500.

Every :class:`~sitrep.errors.SitrepError` already carries its HTTP status; FastAPI's
own validation errors (a date that is not a date) become 422 problems naming the
parameter.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import escape
from starlette.exceptions import HTTPException

from sitrep.errors import SitrepError

MEDIA_TYPE = "application/problem+json"
TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    404: "Not found",
    405: "Method not allowed",
    413: "Too large",
    422: "Unprocessable input",
    503: "Unavailable",
}


def problem(status: int, detail: str, request: Request, **extra: Any) -> Response:
    """The error as a problem document for the API, as a small HTML page for the pages."""
    if not request.url.path.startswith("/api/"):
        title = TITLES.get(status, "Error")
        page = (
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)} · sitrep</title>'
            f'<link rel="stylesheet" href="/static/style.css"></head><body><main><h1>{escape(title)}</h1>'
            f'<p>{escape(detail)}</p><p><a href="/">sitrep home</a></p></main></body></html>'
        )
        return HTMLResponse(page, status_code=status)
    body = {
        "type": "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)


def install(app: FastAPI) -> None:
    """Answer every error of the API as a problem document."""

    async def sitrep_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SitrepError)
        return problem(exc.http_status, str(exc), request)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]), "reason": e.get("msg", "")}
            for e in exc.errors()
        ]
        detail = "; ".join(f"{e['parameter']}: {e['reason']}" for e in errors) or "invalid request"
        return problem(422, detail, request, errors=errors)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return problem(exc.status_code, str(exc.detail), request)

    app.add_exception_handler(SitrepError, sitrep_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(HTTPException, http_error)
