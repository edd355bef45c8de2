"""The pages in a real browser: Debian's chromium driven by Playwright, against a server on 127.0.0.1.

The map draws the located events (clustered) on the vendored basemap and applies
its filters without a reload; with JavaScript off the same page still lists them;
the evidence marks of an article are reachable by keyboard. When chromium is
missing the tests say so, and under CI that is a failure, never a silent skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from sitrep.analyze.pipeline import Pipeline
from sitrep.service import ingest
from sitrep.sources import open_inputs
from sitrep.store import Store
from sitrep.web import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ROOT / "tests" / "fixtures" / "html" / "hostile.html"
SCREENSHOTS = Path(os.environ.get("SITREP_SCREENSHOTS", ROOT / "build" / "screenshots"))
SIZES = {"laptop": {"width": 1366, "height": 800}, "phone": {"width": 390, "height": 844}}


def _need_chromium() -> None:
    if CHROMIUM is None:
        message = "Debian's chromium is not installed (scripts/system-deps.sh installs it as root)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _serve(store: Store) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert running.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def server(corpus: Store) -> Iterator[str]:
    yield from _serve(corpus)


@pytest.fixture
def hostile_server(store: Store, pipeline: Pipeline) -> Iterator[str]:
    """A store holding a page full of payloads, next to ordinary ones."""
    paths = [HOSTILE, ROOT / "tests" / "fixtures" / "html" / "dispatch.html", ROOT / "examples"]
    report = ingest(store, open_inputs(paths, captured_at="2023-05-25"), pipeline)
    assert report.stored == 3 and not report.failed
    yield from _serve(store)


@pytest.fixture
def browser() -> Iterator[object]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def test_the_map_draws_located_events_and_filters_without_reload(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    failures: list[str] = []
    page.on("pageerror", lambda error: failures.append(str(error)))
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.goto(f"{server}/map")
    page.wait_for_selector("#map[data-loaded]", state="attached", timeout=15000)
    assert page.eval_on_selector("#map", "e => e.dataset.loaded") == "3"  # three located events in the corpus
    assert int(page.eval_on_selector("#map", "e => e.dataset.basemap")) > 100  # the offline basemap's countries
    assert page.locator("#map .leaflet-marker-icon.town-label").count() >= 3  # the gazetteer's towns ...
    assert page.locator("#map .leaflet-marker-icon.region-label").count() >= 1  # ... and first-level regions
    assert page.eval_on_selector("#map", "e => e.dataset.regionBorders") is None  # a continent's: no borders
    page.evaluate("window.sitrepMarker = 1")  # survives only if the page is not reloaded
    page.fill("input[name=start]", "2023-03-01")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#map-status:text-matches('^0 ')", state="attached", timeout=15000)
    assert page.evaluate("window.sitrepMarker") == 1 and "start=2023-03-01" in page.url
    assert failures == []


def test_the_map_page_lists_its_events_without_javascript(server: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server}/map?type=Battles")
    assert page.locator("#event-table tbody tr").count() == 3
    assert page.locator("#map .leaflet-container, #map.leaflet-container").count() == 0
    # the server's picture of the map: land, the events as circles, towns labelled
    assert page.locator("#map svg.basemap path.land").count() == 1
    assert page.locator("#map svg.basemap circle.events").count() >= 1
    assert page.locator("#map svg.basemap text.town-label").count() >= 3
    box = page.locator("#map svg.basemap").bounding_box()
    assert box is not None and box["width"] > 600 and box["height"] > 200
    context.close()


def test_article_marks_are_reachable_by_keyboard(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(f"{server}/documents/1")
    marks = page.locator(".body [tabindex='0']")
    assert marks.count() > 0
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.body') !== null"):
            break
    title = page.evaluate("document.activeElement.getAttribute('title')")
    assert title and (":" in title)  # the mark's reading: "source: ...", "cue: say (neutral)", ...


def _guarded_page(browser: object, size: str = "laptop", javascript: bool = True) -> tuple[object, list[str]]:
    """A page that records dialogs, script errors, console errors and any request leaving loopback (blocked)."""
    context = browser.new_context(viewport=SIZES[size], java_script_enabled=javascript)  # type: ignore[attr-defined]
    trouble: list[str] = []

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(("http://127.0.0.1", "data:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            trouble.append(f"request leaving the machine: {url}")
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", route)
    page = context.new_page()
    page.on("dialog", lambda dialog: (trouble.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: trouble.append(f"script error: {error}"))
    page.on("console", lambda m: trouble.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    return page, trouble


def test_a_hostile_page_stays_inert_everywhere_it_is_shown(hostile_server: str, browser: object) -> None:
    """Every page that shows the payload page, with JavaScript on and off, on a laptop and a phone."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = {
        "home": "/",
        "article": "/documents/1",
        "place": "/places/Vessa",
        "map": "/map",
        "search": "/search?q=Vessa",
        "example": "/documents/3",
        "example-place": "/places/Bakhmut",
    }
    for size in SIZES:
        for javascript in (True, False):
            page, trouble = _guarded_page(browser, size, javascript)
            for name, path in pages.items():
                response = page.goto(f"{hostile_server}{path}")  # type: ignore[attr-defined]
                assert response is not None and response.status == 200, (path, response and response.status)
                if javascript and name in {"map", "place", "example-place"}:
                    page.wait_for_selector("#map[data-loaded]", state="attached", timeout=15000)  # type: ignore[attr-defined]
                    assert page.eval_on_selector("#map", "e => e.dataset.loaded") != "error"  # type: ignore[attr-defined]
                if javascript and name == "example-place":  # a region's map: its oblasts' borders, offline
                    page.wait_for_selector("#map[data-region-borders]", state="attached", timeout=15000)  # type: ignore[attr-defined]
                    assert int(page.eval_on_selector("#map", "e => e.dataset.regionBorders")) >= 1  # type: ignore[attr-defined]
                if javascript:
                    assert page.evaluate("window.__pwned === undefined")  # type: ignore[attr-defined]
                width = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
                assert width <= SIZES[size]["width"] + 1, f"{path} overflows the {size} screen: {width}px"
                shot = SCREENSHOTS / f"{name}-{size}{'' if javascript else '-nojs'}.png"
                page.screenshot(path=str(shot), full_page=False)  # type: ignore[attr-defined]
            page.context.close()  # type: ignore[attr-defined]
            assert trouble == [], trouble
