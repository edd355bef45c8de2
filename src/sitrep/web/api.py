"""``/api/v1``: the store as JSON, through the same query layer as the CLI.

Lists that can grow are paged by cursor (``next`` in each page, passed back as
``cursor``); exports stream; ``POST /documents`` analyses and stores a document and
is open only when the server was started with a token.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
from collections.abc import Callable
from functools import partial
from typing import Annotated, Any, Literal, Protocol, TypeVar

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi import Path as FastApiPath
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from sitrep.corpus import records, timelines, views
from sitrep.corpus.cache import GenerationCache
from sitrep.corpus.records import Filter
from sitrep.errors import InputError, NotFound, UsageError
from sitrep.export import EXPORTERS
from sitrep.export.rows import record_dict
from sitrep.model import Modality
from sitrep.service import collection
from sitrep.service import exports as export_service
from sitrep.service.analysis import Outcome, ingest
from sitrep.service.documents import document
from sitrep.sources import Origin, RawDoc
from sitrep.store import DocumentFilter, SearchScope, Store
from sitrep.store.keys import FAR_FUTURE
from sitrep.web import cursor
from sitrep.web.state import request_store, server_state

router = APIRouter(prefix="/api/v1")
Day = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}", description="ISO date (YYYY-MM-DD)")]
Limit = Annotated[int, Query(ge=1, le=500)]
DocId = Annotated[int, FastApiPath(ge=1, le=cursor.MAX_INT)]
Cursor = Annotated[str | None, Query(alias="cursor", description="The `next` value of the previous page.")]
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


StoreDep = Annotated[Store, Depends(request_store)]


# A place's timeline and claims are kept per store generation (:mod:`sitrep.corpus.cache`), and so is their
# JSON: encoding 15,000 records for every request cost more than computing them once.
_ENCODED = GenerationCache("api json", entries=256, shared=False)  # the views it encodes are shared


def _encoded(db: Store, key: tuple[Any, ...], build: Callable[[], dict[str, Any]]) -> Response:
    """The JSON of ``build()``, encoded once per store generation."""
    [body] = _ENCODED.get(db, key, lambda: [json_bytes(build())])
    return Response(body, media_type="application/json")


def json_bytes(payload: dict[str, Any]) -> bytes:
    """JSON as FastAPI's JSONResponse writes it, for payloads of plain values only (what the query layer
    returns): without FastAPI's generic encoder, a third of the cost of a page of 50 events."""
    return json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def json_response(payload: dict[str, Any]) -> Response:
    return Response(json_bytes(payload), media_type="application/json")


def page(items: list[Any], next_key: Any, limit: int) -> dict[str, Any]:
    return {"items": items, "next": cursor.encode(next_key) if len(items) == limit else None}


@router.get("/documents", summary="Stored documents, newest first")
def list_documents(
    db: StoreDep,
    outlet: str | None = None,
    language: str | None = None,
    kind: Literal["html", "textdump", "text"] | None = None,
    published_from: Day = None,
    published_to: Day = None,
    ingested_from: Day = None,
    ingested_to: Day = None,
    limit: Limit = 50,
    cursor_: Cursor = None,
) -> dict[str, Any]:
    where = DocumentFilter(outlet, language, kind, published_from, published_to, ingested_from, ingested_to)
    found = db.page(where, cursor.decode_int(cursor_), limit)
    return page([dataclasses.asdict(d) for d in found], found[-1].id if found else None, limit)


@router.get("/documents/{doc_id}", summary="One document with every layer")
def get_document(db: StoreDep, doc_id: DocId) -> dict[str, Any]:
    return {"id": doc_id, **document(db, doc_id).model_dump(mode="json")}


@router.get(
    "/documents/{doc_id}/source",
    summary="The bytes a document was read from, as a download (never rendered)",
    response_class=Response,
    responses={200: {"content": {"application/octet-stream": {}}}},
)
def document_source(db: StoreDep, doc_id: DocId) -> Response:
    raw = db.raw(doc_id)
    if raw is None:
        raise NotFound(f"document {doc_id}: no raw source stored")
    suffix = "html" if raw.media_type == "text/html" else "txt"
    return Response(
        raw.data,
        media_type="application/octet-stream",  # a download: a stored page is never served as a page
        headers={"Content-Disposition": f'attachment; filename="document-{doc_id}.{suffix}"'},
    )


@router.get("/stories", summary="Stories told by several outlets: near-duplicate documents grouped, last seen first")
def list_stories(
    db: StoreDep,
    since: Day = None,
    place: Annotated[str | None, Query(max_length=200)] = None,
    min_documents: Annotated[int, Query(ge=1, le=1000)] = 2,
    limit: Limit = 50,
) -> dict[str, Any]:
    return {"items": [story.to_json() for story in collection.stories(db, since, place, min_documents, limit)]}


@router.post("/documents", status_code=201, summary="Analyse and store a document (needs the server's token)")
async def post_document(request: Request, authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    server = server_state(request)
    server.check_token(authorization)
    raw = await _uploaded(request)
    failures: list[InputError] = []

    def keep_failure(outcome: Outcome) -> None:
        if outcome.error is not None:
            failures.append(outcome.error)

    report = await run_in_threadpool(lambda: ingest(server.store, [raw], server.pipeline(), on_outcome=keep_failure))
    if failures:
        raise failures[0]
    doc_id = server.store.find(raw.sha256)
    return {"id": doc_id, "stored": bool(report.stored), "duplicate": bool(report.duplicate)}


async def _uploaded(request: Request) -> RawDoc:
    """A file upload (multipart field ``file``) or JSON ``{url, html | text, captured_at, outlet}``."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise UsageError("multipart upload without a 'file' field")
        data = await upload.read(MAX_UPLOAD_BYTES + 1)
        name = upload.filename or "upload"
        media = "text/html" if name.lower().endswith((".html", ".htm")) else None
        origin = Origin(name, _text(form.get("captured_at")), _text(form.get("outlet")))
        raw = RawDoc(origin, data, media)
    else:
        body = await _limited_body(request)
        try:
            item = json.loads(body)
        except json.JSONDecodeError as exc:
            raise UsageError(f"body is neither JSON nor a multipart upload: {exc}") from None
        if not isinstance(item, dict) or not (item.get("html") or item.get("text")):
            raise UsageError("JSON body needs 'html' or 'text' (and optionally url, captured_at, outlet)")
        html = item.get("html")
        origin = Origin(str(item.get("url") or "posted"), item.get("captured_at"), item.get("outlet"))
        raw = RawDoc(origin, str(html or item["text"]).encode("utf-8"), "text/html" if html else None)
    if len(raw.data) > MAX_UPLOAD_BYTES:
        raise TooLarge(f"document over {MAX_UPLOAD_BYTES} bytes")
    return raw


async def _limited_body(request: Request) -> bytes:
    """The request body, refused as soon as it passes the limit (never read whole first)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES:
        raise TooLarge(f"document over {MAX_UPLOAD_BYTES} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_UPLOAD_BYTES:
            raise TooLarge(f"document over {MAX_UPLOAD_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


class TooLarge(UsageError):
    http_status = 413


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


@router.get(
    "/search",
    summary="Full-text search, best first, with highlighted snippets and facets",
    response_model=dict[str, Any],
)
def search(
    db: StoreDep,
    q: Annotated[str, Query(min_length=1)],
    outlet: str | None = None,
    language: str | None = None,
    event_type: str | None = None,
    facets: Annotated[
        bool,
        Query(description="Also count the matches by outlet, language and event type (SQLite: the newest 2,000)."),
    ] = False,
    limit: Limit = 20,
    cursor_: Cursor = None,
) -> Response:
    offset = cursor.decode_int(cursor_) or 0
    scope = SearchScope(outlet, language, event_type)
    hits = db.search(q, limit, offset, scope)
    result = page([dataclasses.asdict(h) for h in hits], offset + len(hits), limit)
    if facets and not offset:  # the facets of the whole result, with the first page, when asked for
        result["facets"] = {
            name: [{"value": v, "count": n} for v, n in values] for name, values in db.facets(q, scope).items()
        }
    return json_response(result)


def record_filter(
    type: str | None = None,
    sub_type: str | None = None,
    place: Annotated[str | None, Query(description="A place, or a region: places inside it are included.")] = None,
    actor: Annotated[str | None, Query(description="An actor, a side or a claimant.")] = None,
    outlet: str | None = None,
    modality: Modality | None = None,
    asserted_by: Annotated[
        Literal["outlet", "source"] | None, Query(description="The outlet itself, or a source it quotes.")
    ] = None,
    start: Day = None,
    end: Day = None,
) -> Filter:
    """The selection of events (and control claims) that lists and exports share."""
    return Filter(
        place=place,
        actor=actor,
        start=start,
        end=end,
        type=type,
        sub_type=sub_type,
        modality=modality,
        asserted_by=asserted_by,
        outlet=outlet,
    )


Selection = Annotated[Filter, Depends(record_filter)]


@router.get("/events", summary="Events in time order, filtered", response_model=dict[str, Any])
def list_events(db: StoreDep, where: Selection, limit: Limit = 100, cursor_: Cursor = None) -> Response:
    found = records.events_by_time(db, where, cursor.decode_time_key(cursor_), limit)
    next_key = list(records.time_key(found[-1])) if found else None
    return json_response(page([record_dict(r) for r in found], next_key, limit))


T = TypeVar("T")


def _page_by_key(
    items: list[T], key: Callable[[T], tuple[Any, ...]], shape: tuple[type, ...], token: str | None, limit: int
) -> tuple[list[T], str | None]:
    """The ``limit`` items after the cursor in a list kept in key order, and the cursor of the page after.
    (The lists are kept whole per store generation: paging them reads no more of the store.)"""
    after = cursor.decode_key(token, shape)
    start = 0 if after is None else bisect.bisect_right([key(item) for item in items], after)
    shown = items[start : start + limit]
    more = start + limit < len(items)
    return shown, cursor.encode(list(key(shown[-1]))) if shown and more else None


def _entry_key(entry: timelines.TimelineEntry) -> tuple[str, str, int, str, int]:
    return entry.order


def _period_key(period: views.Period) -> tuple[str, str]:
    return period.earliest or FAR_FUTURE, period.latest or FAR_FUTURE


def _pair_key(pair: views.ConflictPair) -> tuple[int, int, int, int]:
    return pair.first.doc_id, pair.first.idx, pair.second.doc_id, pair.second.idx


class _Shown(Protocol):
    def to_json(self) -> Any: ...


S = TypeVar("S", bound=_Shown)


def _place_page(
    db: Store,
    place: str,
    field: str,
    items: Callable[[], list[S]],
    key: Callable[[S], tuple[Any, ...]],
    shape: tuple[type, ...],
    selection: tuple[Any, ...],
    limit: int,
    token: str | None,
    read: Callable[[list[S]], list[S]] = list,
) -> Response:
    """One page of a place's list (kept per store generation), its JSON encoded once per page; ``read``
    completes the page's items (a timeline's reports are read for its page only)."""

    def build() -> dict[str, Any]:
        shown, after = _page_by_key(items(), key, shape, token, limit)
        return {"place": place, field: [item.to_json() for item in read(shown)], "next": after}

    return _encoded(db, (field, place, *selection, limit, token), build)


@router.get(
    "/places/{place}/timeline",
    summary="Events and control claims about a place, in time order (one entry per happening), paged",
    response_model=dict[str, Any],
)
def place_timeline(
    db: StoreDep, place: str, start: Day = None, end: Day = None, limit: Limit = 100, cursor_: Cursor = None
) -> Response:
    entries = partial(timelines.timeline, db, place, start, end, read=False)
    shape = (str, str, int, str, int)
    reports = partial(timelines.with_reports, db)
    return _place_page(db, place, "timeline", entries, _entry_key, shape, (start, end), limit, cursor_, reports)


@router.get(
    "/places/{place}/claims",
    summary="Control claims about a place per period, with a derived status, in time order, paged",
    response_model=dict[str, Any],
)
def place_claims(
    db: StoreDep, place: str, start: Day = None, end: Day = None, limit: Limit = 100, cursor_: Cursor = None
) -> Response:
    periods = partial(views.place_claims, db, place, start, end)
    return _place_page(db, place, "periods", periods, _period_key, (str, str), (start, end), limit, cursor_)


@router.get(
    "/places/{place}/conflicts",
    summary="Claims about a place that cannot both be true, paged",
    response_model=dict[str, Any],
)
def place_conflicts(db: StoreDep, place: str, limit: Limit = 100, cursor_: Cursor = None) -> Response:
    pairs = partial(views.conflicting, db, place)
    return _place_page(db, place, "conflicts", pairs, _pair_key, (int, int, int, int), (), limit, cursor_)


@router.get("/outlets", summary="Outlets in the store with their number of documents")
def list_outlets(db: StoreDep) -> dict[str, Any]:
    return {"items": [o.to_json() for o in views.outlets(db)]}


@router.get("/outlets/{outlet}", summary="An outlet: its events over time, the stance of its cues, whom it quotes")
def outlet(db: StoreDep, outlet: str) -> dict[str, Any]:
    return views.outlet_profile(db, outlet).to_json()


@router.get("/actors/{actor}", summary="An actor or side: what it did and what it claims, over time")
def actor(db: StoreDep, actor: str) -> dict[str, Any]:
    return views.actor_profile(db, actor).to_json()


@router.get("/exports/{format}", summary="The store's records (or a selection) in an export format, streamed")
def export(db: StoreDep, format: str, where: Selection) -> Response:
    if format not in EXPORTERS:
        raise UsageError(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}")
    media = {"geojson": "application/geo+json", "jsonl": "application/x-ndjson"}.get(format, "text/csv")
    return StreamingResponse(
        export_service.stream(db, format, where),  # pieces produced while they are sent: bounded memory
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="sitrep-export.{format}"'},
    )
