"""The HTTP interface over a real SQLite store: the JSON API, its errors, its paging, and the pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.analyze.pipeline import Pipeline
from sitrep.store import Store
from sitrep.web import create_app
from sitrep.web.app import openapi_schema

ROOT = Path(__file__).resolve().parents[1]
OPENAPI = ROOT / "schema" / "openapi.json"
TOKEN = "s3cret-test-token"


@pytest.fixture
def client(corpus: Store) -> TestClient:
    return TestClient(create_app(corpus), raise_server_exceptions=False)


def test_documents_are_listed_newest_first_and_filtered(client: TestClient) -> None:
    page = client.get("/api/v1/documents").json()
    ids = [d["id"] for d in page["items"]]
    assert ids == sorted(ids, reverse=True) and len(ids) == 6 and page["next"] is None
    wire = client.get("/api/v1/documents", params={"outlet": "Wire Example"}).json()["items"]
    assert {d["uri"] for d in wire} == {"https://wire.example/bakhmut", "https://wire.example/bakhmut2"}


def test_cursor_pages_cover_every_document_once(client: TestClient) -> None:
    seen: list[int] = []
    cursor = None
    while True:
        params = {"limit": 4, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/documents", params=params).json()
        seen += [d["id"] for d in page["items"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(set(seen)) and len(seen) == 6


def test_one_document_has_every_layer(client: TestClient) -> None:
    first = client.get("/api/v1/documents", params={"limit": 1}).json()["items"][0]
    doc = client.get(f"/api/v1/documents/{first['id']}").json()
    assert {"source", "article", "places", "attributions", "events", "control"} <= set(doc)
    assert doc["article"]["body"]


def test_events_filter_by_place_type_claimant_and_date_in_time_order(client: TestClient) -> None:
    events = client.get("/api/v1/events", params={"place": "Soledar"}).json()["items"]
    assert len(events) == 3 and all(e["place"] == "Soledar" for e in events)
    assert [e["earliest"] for e in events] == sorted(e["earliest"] for e in events)
    assert client.get("/api/v1/events", params={"sub_type": "Armed clash"}).json()["items"]
    assert client.get("/api/v1/events", params={"sub_type": "Looting/property destruction"}).json()["items"] == []
    assert client.get("/api/v1/events", params={"asserted_by": "outlet"}).json()["items"] == []  # all are quoted
    assert client.get("/api/v1/events", params={"end": "2022-12-31"}).json()["items"] == []
    region = client.get("/api/v1/events", params={"place": "Donetsk Oblast", "limit": 2}).json()
    assert len(region["items"]) == 2 and region["next"]
    rest = client.get("/api/v1/events", params={"place": "Donetsk Oblast", "cursor": region["next"]}).json()
    assert len(rest["items"]) == 1 and rest["next"] is None


def test_place_views_match_the_cli_views(client: TestClient) -> None:
    claims = client.get("/api/v1/places/Bakhmut/claims").json()["periods"]
    assert [p["derived"] for p in claims] == ["contested"]
    conflicts = client.get("/api/v1/places/Soledar/conflicts").json()["conflicts"]
    assert len(conflicts) == 1 and {c["status"] for c in conflicts[0]} == {"captured", "holds"}
    timeline = client.get("/api/v1/places/Soledar/timeline").json()["timeline"]
    assert timeline


def test_search_ranks_and_highlights(client: TestClient) -> None:
    hits = client.get("/api/v1/search", params={"q": "Soledar"}).json()["items"]
    assert hits and all("Soledar" in h["snippet"] for h in hits)


def test_bad_parameters_are_problem_details_never_500(client: TestClient) -> None:
    for path, params in [
        ("/api/v1/events", {"start": "yesterday"}),
        ("/api/v1/events", {"limit": "0"}),
        ("/api/v1/events", {"modality": "rumoured"}),
        ("/api/v1/documents", {"cursor": "%%%not-a-cursor"}),
        ("/api/v1/search", {"q": ""}),
        ("/api/v1/exports/xlsx", {}),
        ("/api/v1/documents", {"ingested_from": "0000-00-00\x00"}),  # PostgreSQL refuses a NUL in a parameter
        ("/api/v1/search", {"q": "\x00", "event_type": "0"}),
        ("/api/v1/places/Vessa%00", {}),
    ]:
        response = client.get(path, params=params)
        assert 400 <= response.status_code < 500, (path, params, response.status_code)
        assert response.headers["content-type"].startswith("application/problem+json")
        problem = response.json()
        assert problem["status"] == response.status_code and problem["detail"]
    missing = client.get("/api/v1/documents/99999")
    assert missing.status_code == 404 and "99999" in missing.json()["detail"]


def test_exports_stream_every_format(client: TestClient) -> None:
    jsonl = client.get("/api/v1/exports/jsonl")
    assert jsonl.status_code == 200
    rows = [json.loads(line) for line in jsonl.text.splitlines()]
    assert len(rows) == 3 + 6  # three events, six control claims
    geojson = client.get("/api/v1/exports/geojson").json()
    assert geojson["type"] == "FeatureCollection" and geojson["features"]
    acled = client.get("/api/v1/exports/acled").text.splitlines()
    assert len(acled) == 1 + 3  # a header and the events only


def test_a_stream_holds_few_pieces_at_a_time(corpus: Store) -> None:
    from sitrep.service.exports import stream

    pieces = list(stream(corpus, "jsonl", piece_chars=200))
    assert len(pieces) > 3 and all(len(p) < 200 + 4000 for p in pieces)
    assert "".join(pieces).count("\n") == 9


def test_writes_need_the_token(corpus: Store, pipeline: Pipeline) -> None:
    read_only = TestClient(create_app(corpus), raise_server_exceptions=False)
    body = {"url": "https://example.org/a", "text": "Rebels shelled the town of Vessa on Monday, officials said."}
    assert read_only.post("/api/v1/documents", json=body).status_code == 401
    writable = TestClient(create_app(corpus, TOKEN, pipeline), raise_server_exceptions=False)
    assert writable.post("/api/v1/documents", json=body, headers={"Authorization": "Bearer nope"}).status_code == 401
    created = writable.post("/api/v1/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert created.status_code == 201 and created.json()["stored"] is True
    doc = writable.get(f"/api/v1/documents/{created.json()['id']}").json()
    assert doc["source"]["uri"] == "https://example.org/a"
    again = writable.post("/api/v1/documents", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json() == {"id": created.json()["id"], "stored": False, "duplicate": True}
    page = b"<html><body><p>" + b"Protesters marched in Vessa. " * 20 + b"</p></body></html>"
    upload = writable.post(
        "/api/v1/documents",
        files={"file": ("page.html", page)},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert upload.status_code == 201, upload.text
    empty = writable.post(
        "/api/v1/documents", files={"file": ("empty.html", b"")}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert empty.status_code == 422 and "empty.html" in empty.json()["detail"]
    junk = writable.post("/api/v1/documents", content=b"\x00\x01", headers={"Authorization": f"Bearer {TOKEN}"})
    assert junk.status_code == 400 and junk.headers["content-type"].startswith("application/problem+json")
    # what was posted is kept as it was read, and comes back as a download, never as a page
    source = writable.get(f"/api/v1/documents/{upload.json()['id']}/source")
    assert source.status_code == 200 and source.content == page
    assert source.headers["content-type"] == "application/octet-stream"
    assert source.headers["content-disposition"].startswith("attachment;")
    assert source.headers["x-content-type-options"] == "nosniff"


def test_a_document_stored_without_its_bytes_has_no_source_and_stories_are_listed(client: TestClient) -> None:
    missing = client.get("/api/v1/documents/1/source")
    assert missing.status_code == 404 and "no raw source" in missing.json()["detail"]
    assert client.get("/api/v1/documents/999999/source").status_code == 404
    stories = client.get("/api/v1/stories", params={"min_documents": 1}).json()["items"]
    assert stories and {"id", "title", "outlets", "first_seen", "last_seen", "documents"} <= set(stories[0])
    assert client.get("/api/v1/stories", params={"since": "bad"}).status_code == 422


def test_openapi_schema_is_committed_and_current() -> None:
    current = openapi_schema()
    committed = json.loads(OPENAPI.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(current)), "run `make schema` and commit schema/openapi.json"


def test_pages_render_without_javascript(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and "Recent articles" in home.text and "<script" not in home.text
    doc_id = client.get("/api/v1/documents", params={"limit": 1}).json()["items"][0]["id"]
    article = client.get(f"/documents/{doc_id}").text
    assert 'class="m-place"' in article and 'href="/places/' in article  # places marked and linked
    assert "m-source" in article and "m-cue" in article and "m-content" in article
    place = client.get("/places/Bakhmut").text
    assert "contested" in place and "Conflicting claims" in place
    found = client.get("/search", params={"q": "Soledar"}).text
    assert "<mark>Soledar</mark>" in found
    missing = client.get("/documents/424242")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "no document with id 424242" in missing.text


def test_marked_pieces_cover_the_body_exactly(corpus: Store) -> None:
    from sitrep.web.marks import pieces

    for doc_id in range(1, 7):
        result = corpus.get(doc_id)
        assert result is not None
        cut = pieces(result)
        assert "".join(p.text for p in cut) == result.article.body
        for place in result.places:
            inside = [p for p in cut if any(m.layer == "place" for m in p.marks)]
            assert any(place.text in p.text for p in inside)


def test_breakable_text_is_escaped_and_only_gains_break_points() -> None:
    from sitrep.web.pages import breakable

    shown = str(breakable("<script>alert(1)</script> " + "A" * 100 + " &amp; done"))
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert shown.replace("<wbr>", "").endswith("A" * 100 + " &amp;amp; done")
    assert shown.count("<wbr>") == 3


def test_outlet_and_actor_views(client: TestClient) -> None:
    outlets = {o["outlet"]: o["documents"] for o in client.get("/api/v1/outlets").json()["items"]}
    assert outlets == {"Kyiv Example": 2, "Wire Example": 2, "RIA Example": 1, "Other Example": 1}
    wire = client.get("/api/v1/outlets/Wire Example").json()
    assert wire["documents"] == 2 and wire["cue_stances"] == {"neutral": 2}
    assert {q["source"] for q in wire["most_quoted"]} == {"Ukrainian officials", "The General Staff"}
    ria = client.get("/api/v1/outlets/RIA Example").json()
    assert [e["place"] for e in ria["events"]] == ["Soledar"]
    russia = client.get("/api/v1/actors/Military Forces of Russia").json()
    assert russia["did"] and all(e["kind"] == "event" for e in russia["did"])
    page = client.get("/outlets/Wire Example").text
    assert "The General Staff" in page and "neutral" in page
    assert client.get("/actors/Military Forces of Russia").status_code == 200


def test_place_page_draws_its_status_bands_and_sparkline(client: TestClient) -> None:
    page = client.get("/places/Soledar").text
    assert '<svg class="timeline-chart"' in page and 'class="band"' in page and 'class="tick"' in page
    assert '<svg class="sparkline"' in page
    assert client.get("/places/Nowhere").status_code == 200  # an empty place is a page, not an error


def test_search_facets_narrow_and_exports_take_the_selection(client: TestClient) -> None:
    assert "facets" not in client.get("/api/v1/search", params={"q": "said"}).json()  # counted only when asked
    result = client.get("/api/v1/search", params={"q": "said", "facets": "true"}).json()
    outlets = {f["value"]: f["count"] for f in result["facets"]["outlet"]}
    assert outlets["Kyiv Example"] == 2 and sum(outlets.values()) == len(result["items"])
    assert {f["value"] for f in result["facets"]["event_type"]} == {"Battles"}
    narrowed = client.get("/api/v1/search", params={"q": "said", "outlet": "Kyiv Example"}).json()["items"]
    assert len(narrowed) == 2 and all("kyiv.example" in h["uri"] for h in narrowed)
    page = client.get("/search", params={"q": "said"}).text
    assert "outlet=Kyiv+Example" in page and "Event type" in page
    selection = client.get("/api/v1/exports/jsonl", params={"outlet": "RIA Example"}).text.splitlines()
    assert len(selection) == 2  # RIA's one event and its one control claim
    battles = client.get("/api/v1/exports/acled", params={"type": "Battles", "place": "Soledar"}).text.splitlines()
    assert len(battles) == 1 + 3


def test_sitrep_serve_runs_worker_processes_over_the_store(corpus: Store) -> None:
    """The command itself: two worker processes, each opening the store; stopped cleanly."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "sitrep", "serve", "--db", corpus.url, "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/outlets", timeout=2) as response:
                    outlets = json.loads(response.read())["items"]
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "sitrep serve did not answer"
                time.sleep(0.2)
        assert len(outlets) == 4
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_events_come_newest_first_when_asked(corpus: Store) -> None:
    from sitrep.corpus import records
    from sitrep.corpus.records import Filter

    oldest = records.events_by_time(corpus, Filter())
    newest = records.events_by_time(corpus, Filter(), newest_first=True)
    assert [records.time_key(r) for r in newest] == sorted((records.time_key(r) for r in oldest), reverse=True)
    first = records.events_by_time(corpus, Filter(), None, 1, newest_first=True)
    rest = records.events_by_time(corpus, Filter(), records.time_key(first[0], True), 10, newest_first=True)
    assert first + rest == newest


def test_place_claims_take_a_date_range(client: TestClient) -> None:
    everything = client.get("/api/v1/places/Bakhmut/claims").json()["periods"]
    assert everything and all(p["total_claims"] >= len(p["claims"]) >= 1 for p in everything)
    assert all(c["reports"] >= 1 for p in everything for c in p["claims"])
    before = client.get("/api/v1/places/Bakhmut/claims", params={"end": "1900-01-01"}).json()["periods"]
    assert before == []
    assert client.get("/api/v1/places/Bakhmut/claims", params={"start": "not a day"}).status_code == 422


def test_a_busy_place_page_shows_the_time_of_its_newest_events(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.web import pages

    whole = client.get("/places/Soledar").text
    assert "the whole timeline" not in whole  # a quiet place shows everything
    monkeypatch.setattr(pages, "PLACE_PAGE_EVENTS", 1)
    pages.PAGES.clear()  # a setting changed, not the store: the kept page is out of date
    recent = client.get("/places/Soledar").text
    assert recent.count("<tr>") <= whole.count("<tr>")
    assert "the whole timeline" in recent and "every period" in recent


def test_served_connections_answer_without_nagles_delay() -> None:
    """uvicorn hands its workers a socket whose protocol number reads 0, on which asyncio leaves Nagle's
    algorithm on: kept-alive requests then wait 40 ms for the client's delayed acknowledgement."""
    import asyncio
    import socket

    from uvicorn.config import Config
    from uvicorn.server import ServerState

    from sitrep.web.protocol import NoDelayH11Protocol

    async def accepted_nodelay() -> int:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # as uvicorn makes it: proto 0
        listener.bind(("127.0.0.1", 0))
        assert listener.proto == 0
        config, state, made = Config(app=lambda *_: None), ServerState(), []

        def protocol() -> NoDelayH11Protocol:
            made.append(NoDelayH11Protocol(config, state, {}))
            return made[-1]

        server = await asyncio.get_running_loop().create_server(protocol, sock=listener)
        _, writer = await asyncio.open_connection(*listener.getsockname())
        while not made or made[-1].transport is None:
            await asyncio.sleep(0.01)
        value = made[-1].transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        writer.close()
        server.close()
        return int(value)

    assert asyncio.run(accepted_nodelay()) != 0


def test_a_worker_runs_as_many_requests_at_once_as_it_is_told(corpus: Store) -> None:
    """More threads than the core a worker runs on only take turns at the interpreter lock."""
    import anyio.to_thread

    seen: list[int] = []
    app = create_app(corpus, threads=3)

    @app.get("/threads-now")
    async def threads_now() -> dict[str, int]:
        seen.append(int(anyio.to_thread.current_default_thread_limiter().total_tokens))
        return {}

    with TestClient(app) as client:
        assert client.get("/threads-now").status_code == 200
    assert seen == [3]


def test_a_much_reported_happening_is_one_row_group_and_one_tick_a_day(corpus: Store) -> None:
    """Forty outlets reporting one shelling make one happening: its page lists a few reports and counts the
    rest, and the chart draws one tick for the day with the count (a region's page was 2 MB of ticks)."""
    from tests.corpus_support import SOLEDAR, article

    for i in range(6):
        body = f"Witnesses said Russian forces shelled Soledar overnight, report number {i}."
        store_article = article(
            f"https://echo{i}.example/soledar",
            f"Echo {i}",
            body,
            "Witnesses",
            "said",
            "neutral",
            "Russian forces shelled Soledar overnight",
            "Soledar",
            SOLEDAR,
            "Russia",
            "advancing",
            "2023-03-02",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        )
        corpus.add(store_article)
    page = TestClient(create_app(corpus)).get("/places/Soledar").text
    timeline = page[page.index('id="timeline"') :]
    # two happenings (the shelling and the claim of an advance), each with three of its six reports listed
    assert timeline.count(">Echo ") == 6
    assert timeline.count("… and 3 more reports of this") == 2
    ticks = [t for t in page.split('class="tick"')[1:] if "2023-03-02" in t.split("</title>")[0]]
    assert len(ticks) == 1 and "6 events" in ticks[0].split("</title>")[0]


def test_pages_are_rendered_once_per_store_generation(corpus: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.corpus_support import SOLEDAR, article

    from sitrep.web import pages

    rendered: list[str] = []
    render = pages._render

    def counting(request: object, name: str, **context: object) -> object:
        rendered.append(name)
        return render(request, name, **context)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "_render", counting)
    client = TestClient(create_app(corpus))
    first = client.get("/places/Soledar").text
    assert client.get("/places/Soledar").text == first and rendered == ["place.html"]
    assert client.get("/places/Soledar?x=1").status_code == 200 and len(rendered) == 2  # another URL
    body = "Local officials said Soledar was retaken."
    Store(corpus.url).add(
        article(
            "https://late.example/2", "Late", body, "Local officials", "said", "neutral",
            "Soledar was retaken", "Soledar", SOLEDAR, "Ukraine", "retaken", "2023-02-20",
        )
    )  # fmt: skip
    after = client.get("/places/Soledar").text
    assert len(rendered) == 3 and "Late" in after and "Late" not in first


@pytest.mark.parametrize(
    ("path", "field", "items"),
    [
        ("/api/v1/places/Soledar/timeline", "timeline", 3),
        ("/api/v1/places/Donetsk Oblast/timeline", "timeline", 5),
        ("/api/v1/places/Donetsk Oblast/claims", "periods", 2),
        ("/api/v1/places/Soledar/conflicts", "conflicts", 1),
    ],
)
def test_a_places_lists_come_in_pages_that_add_up_to_the_whole(
    client: TestClient, path: str, field: str, items: int
) -> None:
    whole = client.get(path, params={"limit": 500}).json()
    assert whole["next"] is None and len(whole[field]) >= items
    pages, token = [], None
    while True:
        params = {"limit": 1, **({"cursor": token} if token else {})}
        page = client.get(path, params=params).json()
        pages += page[field]
        token = page["next"]
        if token is None:
            break
    assert pages == whole[field]
    assert client.get(path, params={"cursor": "bm90IGEga2V5"}).status_code == 400  # not a key of this list
