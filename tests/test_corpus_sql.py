"""The corpus views select in SQL; on a random corpus they give what reading every record in Python gives.

The oracle below is the plain-Python definition of each view (the one sitrep used
before the views moved into SQL): the SQL must agree with it on every query.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Callable
from itertools import combinations, product
from pathlib import Path

import pytest
from tests.corpus_support import BAKHMUT, SOLEDAR, article

from sitrep.corpus import groups, records, timelines, views
from sitrep.corpus.cache import SERVING_ENV
from sitrep.corpus.records import Record
from sitrep.store import Store, backends
from sitrep.store.keys import FAR_FUTURE

KRAMATORSK = dict(
    name="Kramatorsk",
    geonameid=704508,
    place_id="geonames:704508",
    lat=48.72,
    lon=37.56,
    country="UA",
    admin1="Donetsk Oblast",
    precision="city",
)
KHERSON = dict(
    name="Kherson",
    geonameid=706448,
    place_id="geonames:706448",
    lat=46.64,
    lon=32.61,
    country="UA",
    admin1="Kherson Oblast",
    precision="city",
)
PLACES = [SOLEDAR, BAKHMUT, KRAMATORSK, KHERSON]
SOURCES = ["Russia's defence ministry", "Ukraine's military", "The General Staff", "Witnesses", "Local officials"]
STATUSES = ["holds", "captured", "retaken", "advancing", "contested", "encircled", "withdrawn"]
QUERIES = [
    "Soledar",
    "bakhmut",
    "Donetsk",
    "Donetsk Oblast",
    "KHERSON  oblast",
    "geonames:704508",
    "Russia",
    "ukraine",
    "military forces of russia",
    "forces",
    "General Staff",
    "Kyiv",
    "Nowhere",
]


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _matches_place(r: Record, query: str) -> bool:
    if r.place is None:
        return False
    q, region = _norm(query), _norm(r.place.admin1)
    names = {_norm(r.place.name), _norm(r.place.place_id)}
    return q in names or (bool(region) and (q == region or f"{q} oblast" == region or q == f"{region} oblast"))


def _matches_actor(r: Record, query: str) -> bool:
    q = _norm(query)
    texts = {_norm(x.get(k)) for x in r.actors for k in ("actor", "side", "text")}
    texts |= {_norm(r.side), _norm(r.claimant.actor), _norm(r.claimant.source)}
    return any(q == t or (len(q) > 3 and q in t) for t in texts if t)


def _in_range(r: Record, start: str | None, end: str | None) -> bool:
    if start is None and end is None:
        return True
    if r.earliest is None:
        return False
    return (start is None or (r.latest or FAR_FUTURE) >= start) and (end is None or r.earliest <= end)


@pytest.fixture
def big_corpus(store: Store) -> Store:
    rng = random.Random(7)
    for i in range(120):
        place = rng.choice(PLACES)
        source = rng.choice(SOURCES)
        when = f"2023-{rng.randint(1, 3):02}-{rng.randint(1, 4) * 7:02}"
        lasting = rng.random()
        if lasting < 0.1:  # an open end: "since ..."
            when += ".."
        elif lasting < 0.3:  # weeks: an offensive, a siege
            when += f"..2023-{rng.randint(int(when[5:7]), 4):02}-28"
        side = rng.choice(["Russia", "Ukraine"])
        content = f"the situation around {place['name']} changed, report {i}"
        body = f"{source} said {content}."
        event = rng.choice([None, ("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling")])
        store.add(
            article(
                f"https://outlet{i % 7}.example/{i}",
                f"Outlet {i % 7}",
                body,
                source,
                "said",
                "neutral",
                content,
                place["name"],
                place,
                side,
                rng.choice(STATUSES),
                when,
                event,
                modality=rng.choice(["asserted", "asserted", "asserted", "hypothetical"]),
            )
        )
    return store


def _happenings(found: list[Record]) -> list[list[Record]]:
    """The timeline's definition: records in time order, each joining the first earlier happening whose first
    record says the same thing about the same place at an overlapping (or the same) time."""
    happenings: list[list[Record]] = []
    for r in sorted(found, key=lambda r: (r.earliest or FAR_FUTURE, r.latest or FAR_FUTURE, r.doc_id, r.kind, r.idx)):
        same = (r.kind, r.what, r.place.place_id if r.place else None)
        entry = next(
            (
                h
                for h in happenings
                if (h[0].kind, h[0].what, h[0].place.place_id if h[0].place else None) == same
                and (timelines.overlaps(h[0], r) or h[0].earliest == r.earliest)
            ),
            None,
        )
        if entry is None:
            happenings.append([r])
        else:
            entry.append(r)
    return happenings


@pytest.mark.parametrize("serving", [False, True], ids=["one question", "a server"])
def test_timeline_in_sql_equals_the_python_definition(
    big_corpus: Store, serving: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read for its dates alone or cut from the place's whole timeline, a timeline has the happenings, the
    records, the reports and the first records the definition gives."""
    monkeypatch.setenv(SERVING_ENV, "1" if serving else "")
    timelines.TIMELINES.clear()
    timelines.WHOLE_TIMELINES.clear()
    for query in QUERIES if serving else []:  # the whole timelines kept, as a server has them after its first reads
        timelines.whole_timeline(big_corpus, query)
    everything = [*records.events(big_corpus), *records.control_claims(big_corpus)]
    for query in QUERIES:
        for start, end in [(None, None), ("2023-02-10", None), (None, "2023-02-10"), ("2023-02-01", "2023-03-01")]:
            expected = _happenings(
                [
                    r
                    for r in everything
                    if (_matches_place(r, query) or _matches_actor(r, query)) and _in_range(r, start, end)
                ]
            )
            got = timelines.timeline(big_corpus, query, start, end)
            assert [e.records for e in got] == [len(h) for h in expected], (query, start, end)
            assert [(e.first.kind, e.first.doc_id, e.first.idx) for e in got] == [
                (h[0].kind, h[0].doc_id, h[0].idx) for h in expected
            ]
            for entry, happening in zip(got, expected, strict=True):
                stories = {(r.story, r.claimant.label) for r in happening}
                assert len(entry.reports) == len(stories) and sum(r.records for r in entry.reports) == len(happening)
                assert entry.corroboration["outlets"] == len({r.outlet for r in happening})


def test_claims_and_conflicts_in_sql_equal_the_python_definition(big_corpus: Store) -> None:
    asserted = [c for c in records.control_claims(big_corpus) if c.modality == "asserted"]
    for query in [None, *QUERIES]:
        claims = [c for c in asserted if query is None or _matches_place(c, query)]
        if query is not None:
            periods = views.place_claims(big_corpus, query)
            assert sum(p.total for p in periods) == len(claims)  # every claim is in one period ...
            shown = [c for p in periods for c in p.claims]
            assert {(c.doc_id, c.idx) for c in shown} <= {(c.doc_id, c.idx) for c in claims}  # ... shown ones too
            assert {views.position(c) for c in shown} == {views.position(c) for c in claims if c.earliest}
        contradicting = {
            frozenset({views.position(a), views.position(b)})
            for a, b in combinations(claims, 2)
            if a.place
            and b.place
            and a.place.place_id == b.place.place_id
            and timelines.overlaps(a, b)
            and views.incompatible(a, b)
            and (a.claimant.label != b.claimant.label or a.outlet != b.outlet)
        }
        pairs = views.conflicting(big_corpus, query)
        # one pair per two positions that contradict each other at some overlapping time ...
        assert {frozenset({views.position(a), views.position(b)}) for a, b in pairs} == contradicting, query
        assert len(pairs) == len(contradicting)
        for a, b in pairs:  # ... and the pair shown does
            assert timelines.overlaps(a, b) and views.incompatible(a, b) and (a.doc_id, a.idx) < (b.doc_id, b.idx)
        assert pairs == sorted(pairs, key=lambda p: (p.first.doc_id, p.first.idx, p.second.doc_id, p.second.idx))
    assert len(views.conflicting(big_corpus)) >= 10  # the random corpus does hold conflicts


def test_periods_are_runs_of_claims_that_overlap_a_claim_of_the_run(big_corpus: Store) -> None:
    """The one-comparison sweep over grouped claims forms exactly the periods of the definition: a claim
    joins the last period when it overlaps any claim already in it (dated claims in time order; the
    undated ones make one last period)."""
    for query in QUERIES:
        claims = sorted(
            (c for c in records.control_claims(big_corpus) if c.modality == "asserted" and _matches_place(c, query)),
            key=lambda c: (c.earliest or FAR_FUTURE, c.latest or FAR_FUTURE, c.doc_id, c.idx),
        )
        members: list[list[Record]] = []
        for claim in (c for c in claims if c.earliest is not None):
            if members and any(timelines.overlaps(claim, other) for other in members[-1]):
                members[-1].append(claim)
            else:
                members.append([claim])
        if any(c.earliest is None for c in claims):
            members.append([c for c in claims if c.earliest is None])
        expected = [(len(m), Counter((c.side, c.status) for c in m)) for m in members]
        periods = views.place_claims(big_corpus, query)
        got = [(p.total, Counter({(g.side, g.status): 0 for g in p.groups})) for p in periods]
        for (_, counts), period in zip(got, periods, strict=True):
            for g in period.groups:
                counts[(g.side, g.status)] += g.reports
        assert got == expected, query


@pytest.mark.parametrize("newest_first", [False, True])
def test_a_places_events_page_by_time_like_the_python_definition(big_corpus: Store, newest_first: bool) -> None:
    everything = list(records.events(big_corpus))
    assert any(r.earliest != r.latest for r in everything)  # records lasting weeks, some with no end
    for query, start, type_ in product(
        ["Donetsk Oblast", "bakhmut", "Kherson", "Nowhere"], [None, "2023-02-10"], [None, "Battles"]
    ):
        where = records.Filter(place=query, start=start, type=type_)
        expected = [
            r for r in everything if _matches_place(r, query) and _in_range(r, start, None) and type_ in (None, r.type)
        ]
        expected.sort(key=lambda r: records.time_key(r, newest_first), reverse=newest_first)
        pages: list[Record] = []
        cursor = None
        while True:  # three at a time, each page after the cursor of the one before
            page = records.events_by_time(big_corpus, where, cursor, 3, newest_first=newest_first)
            pages += page
            if len(page) < 3:
                break
            cursor = records.time_key(page[-1], newest_first)
        assert [(r.doc_id, r.idx) for r in pages] == [(r.doc_id, r.idx) for r in expected], (query, start, type_)


@pytest.fixture
def groupings(monkeypatch: pytest.MonkeyPatch) -> list[records.Filter]:
    """Every selection the views group claims for (``records.claim_groups`` counted)."""
    computed: list[records.Filter] = []
    grouped = groups.claim_groups

    def counting(store: Store, where: records.Filter) -> list[groups.ClaimGroup]:
        computed.append(where)
        return grouped(store, where)

    monkeypatch.setattr(views, "claim_groups", counting)
    return computed


def test_claim_views_and_timelines_are_kept_until_the_store_changes_in_any_process(
    big_corpus: Store, groupings: list[records.Filter]
) -> None:
    computed = groupings
    views.PLACE_CLAIMS.clear()
    timelines.TIMELINES.clear()
    first = views.place_claims(big_corpus, "Soledar")
    before = sum(e.records for e in timelines.timeline(big_corpus, "Soledar"))
    again = views.place_claims(big_corpus, "Soledar")
    assert len(computed) == 1 and [p.total for p in again] == [p.total for p in first]
    other = Store(big_corpus.url)  # another writer, as another process would be
    body = "Witnesses said Soledar was captured."
    other.add(
        article(
            "https://late.example/1",
            "Late",
            body,
            "Witnesses",
            "said",
            "neutral",
            "Soledar was captured",
            "Soledar",
            SOLEDAR,
            "Russia",
            "captured",
            "2023-02-14",
        )
    )
    after = views.place_claims(big_corpus, "Soledar")
    assert len(computed) == 2 and sum(p.total for p in after) == sum(p.total for p in first) + 1
    assert sum(e.records for e in timelines.timeline(big_corpus, "Soledar")) == before + 1  # timelines too
    other.close()


def test_readers_of_a_value_being_computed_wait_for_it(store: Store) -> None:
    import time

    from sitrep.corpus.cache import GenerationCache

    cache, calls, results = GenerationCache("test"), [], []

    def slow() -> list[int]:
        calls.append(1)
        time.sleep(0.2)
        return [len(calls)]

    readers = [threading.Thread(target=lambda: results.append(cache.get(store, "k", slow))) for _ in range(8)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert len(calls) == 1 and results == [[1]] * 8


def test_server_workers_share_what_one_of_them_computed(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each worker process of ``sitrep serve`` has its own memory: through the server's folder a view is
    computed once per store generation, not once per worker, and a new generation is computed again."""
    from sitrep.corpus import cache

    monkeypatch.setenv(cache.SHARED_ENV, str(tmp_path))
    calls: list[int] = []

    def compute() -> list[int]:
        calls.append(1)
        return [len(calls)]

    first, second = cache.GenerationCache("views"), cache.GenerationCache("views")  # two workers' caches
    other = cache.GenerationCache("another view")
    assert first.get(store, "k", compute) == second.get(store, "k", compute) == [1]
    assert len(calls) == 1
    assert other.get(store, "k", compute) == [2]  # the same key of another cache is another value
    calls.pop()
    with backends.writing(store.engine):
        pass  # any write raises the generation
    assert second.get(store, "k", compute) == first.get(store, "k", compute) == [2]
    assert len(calls) == 2
    # this view's older value is gone; the other view's stays until it is computed again
    assert sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pickle")) == ["1", "2"]


def _eventually(read: Callable[[], object], expected: object) -> bool:
    """Whether ``read()`` gives ``expected`` within five seconds (a value computed in the background)."""
    for _ in range(100):
        if read() == expected:
            return True
        threading.Event().wait(0.05)
    return False


def test_a_worker_that_never_read_a_view_answers_with_another_workers_after_a_write(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a write, stale values are allowed: a worker with nothing of its own to answer with reads the value
    another worker computed before the write, while the new one is computed in the background."""
    from sitrep.corpus import cache

    monkeypatch.setenv(cache.SHARED_ENV, str(tmp_path))
    monkeypatch.setenv(cache.STALE_ENV, "1")
    first, second = cache.GenerationCache("views"), cache.GenerationCache("views")
    release = threading.Event()

    def slow() -> list[str]:
        assert release.wait(10)
        return ["new"]

    assert first.get(store, "timeline", lambda: ["before the write"]) == ["before the write"]
    with backends.writing(store.engine):
        pass
    assert second.get(store, "timeline", slow) == ["before the write"]  # at once, from the shared folder
    release.set()
    assert _eventually(lambda: second.get(store, "timeline", slow), ["new"])
    monkeypatch.setenv(cache.STALE_ENV, "")
    with backends.writing(store.engine):
        pass
    assert second.get(store, "timeline", lambda: ["fresh"]) == ["fresh"]  # without the setting, readers wait


def test_a_view_made_of_a_stale_view_is_not_kept_as_the_current_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page built just after a write from a view still being recomputed shows the state before the write;
    it is given to its reader, but the page kept for the new state is built again once the view is fresh."""
    from sitrep.corpus import cache

    monkeypatch.setenv(cache.STALE_ENV, "1")
    claims, pages = cache.GenerationCache("claims", shared=False), cache.GenerationCache("pages", shared=False)
    release = threading.Event()

    def page(claims_now: Callable[[], list[str]]) -> list[str]:
        return pages.get(store, "place", lambda: [claims.get(store, "place", claims_now)[0] + " page"])

    assert page(lambda: ["before"]) == ["before page"]
    with backends.writing(store.engine):
        pass

    def slow() -> list[str]:
        assert release.wait(10)
        return ["after"]

    assert page(slow) == ["before page"]  # at once, while both are recomputed
    release.set()
    assert _eventually(lambda: page(slow), ["after page"])


def test_background_work_asking_for_a_value_whose_computation_waits_for_the_background_gets_it(
    store: Store,
) -> None:
    """The warm-up holds the server's background slot and asks for a place's whole timeline, which a reader
    has just set to be computed in the background (waiting for that slot): it computes it, not waits."""
    from sitrep.corpus import cache

    whole, answers = cache.GenerationCache("whole", shared=False), []

    def warm_up() -> None:
        with cache.in_background():
            answers.append(whole.ready(store, "k", lambda: ["whole"]))  # a reader: computed in the background
            answers.append(whole.get(store, "k", lambda: ["whole"]))

    worker = threading.Thread(target=warm_up, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert answers == [None, ["whole"]]
    assert _eventually(lambda: whole.ready(store, "k", lambda: ["again"]), ["whole"])


def test_an_actors_profile_holds_its_latest_records_of_each_kind(
    big_corpus: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A side of a war is named by most of the store: its page shows the latest records, not all of them."""
    monkeypatch.setattr(views, "PROFILE_EVENTS", 3)
    profile = views.actor_profile(big_corpus, "Russia")
    shown = [*profile.did, *profile.claims]
    everything = [*records.events(big_corpus), *records.control_claims(big_corpus)]
    for kind in ("event", "control"):
        named = [r for r in everything if r.kind == kind and _matches_actor(r, "Russia")]
        latest = sorted(named, key=lambda r: records.time_key(r, True), reverse=True)[:3]
        assert len(named) > 3
        assert {(r.doc_id, r.idx) for r in shown if r.kind == kind} == {(r.doc_id, r.idx) for r in latest}
    for part in (profile.did, profile.claims):  # each shown in time order
        assert part == sorted(part, key=records.time_key)


def test_a_server_serves_the_previous_view_while_the_new_one_is_computed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a write, the first reader of a view gets its previous value at once and the new one is computed
    in the background; later readers get the new one. Without the server's setting, readers wait for it."""
    from sitrep.corpus import cache

    views_cache, started, release = cache.GenerationCache("views"), threading.Event(), threading.Event()
    values = iter([["first"], ["second"], ["third"]])

    def compute() -> list[str]:
        value = next(values)
        if value == ["second"]:
            started.set()
            assert release.wait(10)
        return value

    monkeypatch.setenv(cache.STALE_ENV, "1")
    assert views_cache.get(store, "k", compute) == ["first"]
    with backends.writing(store.engine):
        pass
    assert views_cache.get(store, "k", compute) == ["first"]  # at once: the new value is being computed
    assert started.wait(10)
    assert views_cache.get(store, "k", compute) == ["first"]  # still computing: still the previous value
    release.set()
    assert _eventually(lambda: views_cache.get(store, "k", compute), ["second"])
    monkeypatch.setenv(cache.STALE_ENV, "")
    with backends.writing(store.engine):
        pass
    assert views_cache.get(store, "k", compute) == ["third"]  # fresh: the reader waits for the new value


def test_the_shared_folder_stays_bounded_whatever_keys_clients_ask_for(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.corpus import cache

    monkeypatch.setenv(cache.SHARED_ENV, str(tmp_path))
    monkeypatch.setattr(cache, "SHARED_FILES", 6)
    views_cache = cache.GenerationCache("views")
    for i in range(20):  # twenty places asked for: a value and a lock file each
        assert views_cache.get(store, f"place {i}", lambda i=i: [i]) == [i]
    assert len(list(tmp_path.iterdir())) <= 6 + 2  # the bound, and the newest value with its lock
    files = sorted(tmp_path.iterdir())
    not_shared = cache.GenerationCache("pages", shared=False)  # rendered pages: each worker keeps its own
    assert not_shared.get(store, "page", lambda: [1]) == [1]
    assert sorted(tmp_path.iterdir()) == files


def test_claim_periods_and_conflicts_of_a_place_group_its_claims_once(
    big_corpus: Store, groupings: list[records.Filter]
) -> None:
    computed = groupings
    for cache in (views.PLACE_CLAIMS, views.CLAIM_GROUPS):
        cache.clear()
    periods, pairs = views.place_claims(big_corpus, "Bakhmut"), views.conflicting(big_corpus, "Bakhmut")
    assert periods and len(computed) == 1
    assert pairs == views._conflicting(big_corpus, "Bakhmut")


def test_a_server_computes_its_busiest_places_views_before_anyone_asks(
    big_corpus: Store,
    groupings: list[records.Filter],
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fastapi.testclient import TestClient

    from sitrep.web import app as web_app
    from sitrep.web import pages, warmup

    def held(key: str) -> int:
        where = records.Filter(place=key)
        return len([*records.events(big_corpus, where), *records.control_claims(big_corpus, where)])

    busiest = records.busiest_places(big_corpus, 3)
    assert len(busiest) == 3 and held(busiest[0]) >= held(busiest[1]) >= held(busiest[2])
    assert not any(key.startswith("geonames:") for key in records.busiest_places(big_corpus, 50))  # names only
    assert all(held(busiest[2]) >= held(p["name"]) for p in PLACES if p["name"].casefold() not in busiest)
    for cache in (views.PLACE_CLAIMS, views.CLAIM_GROUPS, timelines.TIMELINES, views.PROFILES):
        cache.clear()
    profiled: list[str] = []
    profile = views._actor_profile
    monkeypatch.setattr(views, "_actor_profile", lambda store, actor: profiled.append(actor) or profile(store, actor))
    with TestClient(web_app.create_app(big_corpus, warm=True)):
        for _ in range(200):  # the warm-up runs beside the server and says when it is done
            if "warmed the views of" in capfd.readouterr().err:
                break
            threading.Event().wait(0.05)
        else:
            raise AssertionError("the warm-up never finished")
    warmed = len(groupings)
    assert warmed >= 3  # each busy place's claims: the whole of them, and its page's window
    pages.place_views(big_corpus, busiest[0].title())  # the page, as a reader spells the place
    views.place_claims(big_corpus, busiest[1])
    assert len(groupings) == warmed  # nothing grouped again: the readers found it computed
    actors = records.busiest_actors(big_corpus, warmup.WARM_ACTORS)
    assert actors and sorted(profiled) == sorted(actors)  # the sides' pages too
    assert views.actor_profile(big_corpus, actors[0].upper()).actor == actors[0].upper()
    assert len(profiled) == len(actors)
    assert warmup.warm_up(big_corpus, places=0, actors=0) == []


def test_background_work_runs_one_piece_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Recomputations after a write and the warm-up take turns: they never hold both cores of a small server."""
    from sitrep.corpus import cache

    monkeypatch.setenv(cache.SHARED_ENV, str(tmp_path))  # workers of one server share a folder
    inside, most = [0], [0]

    def work() -> None:
        with cache.in_background():
            inside[0] += 1
            most[0] = max(most[0], inside[0])
            threading.Event().wait(0.02)
            inside[0] -= 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert most == [1] and inside == [0]
