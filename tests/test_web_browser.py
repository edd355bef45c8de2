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

import pytest
import uvicorn

from sitrep.store import Store
from sitrep.web import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _need_chromium() -> None:
    if CHROMIUM is None:
        message = "Debian's chromium is not installed (scripts/system-deps.sh installs it as root)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def server(corpus: Store) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(corpus), host="127.0.0.1", port=port, log_level="warning")
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
    page.wait_for_function("document.getElementById('map').dataset.loaded !== undefined", timeout=15000)
    assert page.eval_on_selector("#map", "e => e.dataset.loaded") == "3"  # three located events in the corpus
    assert int(page.eval_on_selector("#map", "e => e.dataset.basemap")) > 100  # the offline basemap's countries
    page.evaluate("window.sitrepMarker = 1")  # survives only if the page is not reloaded
    page.fill("input[name=start]", "2023-03-01")
    page.click("#filters button[type=submit]")
    page.wait_for_function("document.getElementById('map-status').textContent.startsWith('0 ')", timeout=15000)
    assert page.evaluate("window.sitrepMarker") == 1 and "start=2023-03-01" in page.url
    assert failures == []


def test_the_map_page_lists_its_events_without_javascript(server: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{server}/map?type=Battles")
    assert page.locator("#event-table tbody tr").count() == 3
    assert page.locator("#map .leaflet-container, #map.leaflet-container").count() == 0
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
