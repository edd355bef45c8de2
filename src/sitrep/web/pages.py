"""The HTML pages: server-rendered, complete without JavaScript, over the same query layer as the API."""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi import Path as FastApiPath
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from sitrep.corpus import records, timelines, views
from sitrep.corpus.cache import GenerationCache
from sitrep.corpus.records import Filter
from sitrep.events import taxonomy
from sitrep.export import EXPORTERS
from sitrep.gazetteer import Gazetteer
from sitrep.service.documents import document
from sitrep.store import HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, DocumentFilter, SearchScope, Store
from sitrep.web import basemap, charts
from sitrep.web.cursor import MAX_INT
from sitrep.web.marks import pieces
from sitrep.web.state import request_store, server_state

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.globals["region_max_span"] = basemap.REGION_MAX_SPAN  # the script draws regions at the same scale
_LONG_TOKEN = re.compile(r"\S{64,}")
_PIECE = 32


def breakable(text: object) -> Markup:
    """Scraped text for display, escaped: a run of 64+ characters without a space gets ``<wbr>`` break points.

    Browsers lay out one enormous token (a 200 KB "word" in a hostile page) in time that grows with its
    length squared when it must wrap (``overflow-wrap``, or zero-width spaces, which Chromium shapes as
    part of the word); ``<wbr>`` keeps every page fast. Stored text is untouched.
    """
    value = str(text)
    parts: list[str] = []
    last = 0
    for match in _LONG_TOKEN.finditer(value):
        token = match.group()
        parts.append(str(escape(value[last : match.start()])))
        parts.append("<wbr>".join(str(escape(token[i : i + _PIECE])) for i in range(0, len(token), _PIECE)))
        last = match.end()
    parts.append(str(escape(value[last:])))
    return Markup("".join(parts))


def shortened(text: object, limit: int = 300) -> str:
    """A title or label as shown in lists and headings: the first ``limit`` characters (all of it is in the JSON)."""
    value = str(text)
    return value if len(value) <= limit else value[:limit] + "…"


templates.env.filters["breakable"] = breakable
templates.env.filters["sparkline"] = charts.sparkline
templates.env.filters["shortened"] = shortened
RECENT = 20


def _render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"exports": list(EXPORTERS), **context})


# Rendered pages by URL, kept until the store changes (:mod:`sitrep.corpus.cache`; its size is in bytes).
PAGES = GenerationCache("pages", entries=128, largest=1_000_000, shared=False)  # rendering the views: cheap


def kept(page: Callable[..., HTMLResponse]) -> Callable[..., HTMLResponse]:
    """A page rendered once per store generation: it is a function of the store and its URL alone (the
    security headers are added on the way out). Rendering a place's page costs 20-50 ms; a kept one, 1."""

    @functools.wraps(page)
    def serve(**arguments: Any) -> HTMLResponse:
        request: Request = arguments["request"]
        key = (request.url.path, request.url.query)
        body = PAGES.get(request_store(request), key, lambda: bytes(page(**arguments).body))
        return HTMLResponse(body)

    return serve


@router.get("/")
@kept
def home(request: Request) -> HTMLResponse:
    store = request_store(request)
    recent = store.page(DocumentFilter(), None, RECENT)
    latest = records.events_by_time(store, Filter(asserted_only=True), None, RECENT, newest_first=True)
    conflicts = views.conflicting(store)[:RECENT]
    return _render(request, "home.html", recent=recent, events=latest, conflicts=conflicts)


@router.get("/documents/{doc_id}")
@kept
def article(request: Request, doc_id: Annotated[int, FastApiPath(ge=1, le=MAX_INT)]) -> HTMLResponse:
    result = document(request_store(request), doc_id)
    return _render(request, "article.html", doc_id=doc_id, result=result, pieces=pieces(result))


PLACE_PAGE_EVENTS = 200  # the place page's timeline starts at the earliest of its newest events
REPORTS_SHOWN = 3  # reports listed per happening on a place's page; the rest are counted (a wire story: 40)


def place_views(store: Store, place: str) -> dict[str, Any]:
    """What a place's page shows (also computed ahead by :mod:`sitrep.web.warmup`)."""
    newest = records.events_by_time(store, Filter(place=place), limit=PLACE_PAGE_EVENTS, newest_first=True)
    dated = [r.earliest for r in newest if r.earliest]
    # A busy place has tens of thousands of records: the page shows the time of its newest events and
    # links to the whole timeline (JSON) instead of reading them all.
    since = min(dated) if len(newest) == PLACE_PAGE_EVENTS and dated else None
    timeline = timelines.timeline(store, place, start=since)
    periods = views.place_claims(store, place, start=since)
    # The map, the chart and the sparkline count reports (a wire story reprinted forty times is one): each
    # report's first record, not every reprint, which a busy place's page would read by the ten thousand.
    reports = [report.record for entry in timeline for report in entry.reports]
    return {
        "place": place,
        "located": reports,  # its events and control claims since ``since``: what the map draws
        "since": since,
        "timeline": timeline,
        "periods": periods,
        "conflicts": views.conflicting(store, place),
        "chart": charts.place_timeline(periods, reports),
        "records": reports,
    }


@router.get("/places/{place}")
@kept
def place(request: Request, place: str) -> HTMLResponse:
    store = request_store(request)
    shown = place_views(store, place)
    drawn = place_map(store, server_state(request).gazetteer(), place, shown.pop("located"))
    return _render(request, "place.html", page_events=PLACE_PAGE_EVENTS, reports_shown=REPORTS_SHOWN, **drawn, **shown)


def place_map(store: Store, known: Gazetteer | None, place: str, located: Iterable[records.Record]) -> dict[str, Any]:
    """The map of a place's page (also drawn ahead by :mod:`sitrep.web.warmup`)."""
    return drawn_map(store, known, ("place", place), located, f"Map of {place} and its events")


# The maps pages draw, kept per store generation and shared by the server's workers: drawing a busy place's
# costs 50-200 ms (its reports counted, the land around them projected, its towns looked up).
MAPS = GenerationCache("maps", entries=64)


def drawn_map(
    store: Store, known: Gazetteer | None, key: Hashable, found: Iterable[records.Record], label: str
) -> dict[str, Any]:
    """The server-drawn map of the located records (``svg_map``) and the towns it labels (``towns``, as JSON
    for the script's map): one circle per place, sized by its count of reports."""
    drawn = MAPS.get(store, key, lambda: _draw(known, found, label))
    return {
        "svg_map": drawn.svg,
        "towns": json.dumps([[t.name, round(t.lat, 4), round(t.lon, 4), t.kind] for t in drawn.towns]),
    }


def _draw(known: Gazetteer | None, found: Iterable[records.Record], label: str) -> basemap.DrawnMap:
    counts = Counter(
        (r.place.lat, r.place.lon, r.place.name)
        for r in found
        if r.place is not None and r.place.lat is not None and r.place.lon is not None
    )
    points = [basemap.MapPoint(lat, lon, name, n, f"/places/{quote(name)}") for (lat, lon, name), n in counts.items()]
    view = basemap.view_of(points)
    if view is None or known is None:
        return basemap.svg_map(points, (), label)
    regions = _named_places(known, view, "region") if view.shows_regions else ()
    return basemap.svg_map(points, _named_places(known, view, "town"), label, regions)


@router.get("/outlets/{outlet}")
@kept
def outlet_page(request: Request, outlet: str) -> HTMLResponse:
    return _render(request, "outlet.html", profile=views.outlet_profile(request_store(request), outlet))


@router.get("/actors/{actor}")
@kept
def actor_page(request: Request, actor: str) -> HTMLResponse:
    return _render(request, "actor.html", profile=views.actor_profile(request_store(request), actor))


MAP_TABLE_ROWS = 200


# What a map labels, by its kind: the gazetteer's kind and how many are drawn at most.
_LABELLED = {"town": ("city", basemap.TOWNS), "region": ("admin1", basemap.REGIONS)}


@functools.lru_cache(maxsize=512)
def _named_places(known: Gazetteer, view: basemap.View, kind: str) -> tuple[basemap.Town, ...]:
    """The most populous towns (or first-level regions: GeoNames ADM1 oblasts, provinces, states) whose point
    lies in a map's area, three times as many as it labels (the first that fit are)."""
    gazetteer_kind, drawn = _LABELLED[kind]
    found = known.largest(gazetteer_kind, view.south, view.west, view.north, view.east, 3 * drawn)
    return tuple(basemap.Town(t.name, t.lat, t.lon, kind) for t in found)


@router.get("/map")
@kept
def event_map(
    request: Request,
    type: str | None = None,
    actor: str | None = None,
    modality: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> HTMLResponse:
    """Located events with filters; the map itself is drawn by script, the table is there without it."""
    values = {"type": type, "actor": actor, "modality": modality, "start": start, "end": end}
    chosen = {k: v for k, v in values.items() if v}
    where = Filter(type=type, actor=actor, modality=modality, start=start, end=end)
    located = [r for r in records.events_by_time(request_store(request), where, None, MAP_TABLE_ROWS) if r.place]
    types = sorted({kind.type for kind in taxonomy.kinds() + taxonomy.extension_kinds()})
    known = server_state(request).gazetteer()
    drawn = drawn_map(request_store(request), known, ("map", request.url.query), located, "Map of located events")
    return _render(request, "map.html", filters=chosen, events=located, types=types, **drawn)


@router.get("/search")
@kept
def search(
    request: Request,
    q: Annotated[str, Query()] = "",
    outlet: str | None = None,
    language: str | None = None,
    event_type: str | None = None,
) -> HTMLResponse:
    store = request_store(request)
    scope = SearchScope(outlet, language, event_type)
    hits = store.search(q, 50, 0, scope) if q.strip() else []
    facets = store.facets(q, scope) if q.strip() else {}
    marked = [(hit, highlighted(hit.snippet)) for hit in hits]
    chosen = {k: v for k, v in {"outlet": outlet, "language": language, "event_type": event_type}.items() if v}
    return _render(
        request, "search.html", q=q, hits=marked, facets=facets, chosen=chosen, facet_window=store.index.facet_window
    )


def highlighted(snippet: str) -> Markup:
    """The snippet escaped, its matches in ``<mark>``."""
    text = str(escape(snippet))
    return Markup(text.replace(str(escape(HIGHLIGHT_OPEN)), "<mark>").replace(str(escape(HIGHLIGHT_CLOSE)), "</mark>"))
