"""Cross-article views and exports, on fixture articles of our own that disagree.

The articles are built the way the stages fill them (places, attributions, events,
control claims with offsets), so these tests exercise the store, the joins, the
views and the exports independently of the NLP.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pandas as pd
import pytest
from geojson_pydantic import FeatureCollection

from sitrep.corpus import records, views
from sitrep.export import EXPORTERS
from sitrep.model import (
    AnalyzedArticle,
    Article,
    Attribution,
    AttributionSource,
    ControlClaim,
    Cue,
    Event,
    EventActor,
    Evidence,
    Interval,
    Place,
    Source,
    Span,
)
from sitrep.store import Store

SOLEDAR = dict(
    name="Soledar",
    geonameid=697027,
    place_id="geonames:697027",
    lat=48.6833,
    lon=38.0667,
    country="UA",
    admin1="Donetsk Oblast",
    precision="city",
)
BAKHMUT = dict(
    name="Bakhmut",
    geonameid=712451,
    place_id="geonames:712451",
    lat=48.5956,
    lon=38.0003,
    country="UA",
    admin1="Donetsk Oblast",
    precision="city",
)


def day(d: str) -> Interval:
    return Interval(earliest=d, latest=d, granularity="day", text=None)


def span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def article(
    uri: str,
    outlet: str,
    body: str,
    source: str,
    cue: str,
    stance: str,
    content: str,
    place_word: str,
    place: dict,
    side: str,
    status: str,
    when: str,
    event: tuple[str, str] | None = None,
    modality: str = "asserted",
) -> AnalyzedArticle:
    s0, s1 = span(body, source)
    c0, c1 = span(body, cue)
    t0, t1 = span(body, content)
    p0, p1 = span(body, place_word)
    attribution = Attribution(
        kind="indirect",
        source=AttributionSource(start=s0, end=s1, text=source),
        cue=Cue(start=c0, end=c1, text=cue, lemma="say", stance=stance),
        content=Span(start=t0, end=t1, text=content),
    )
    events = []
    if event:
        events.append(
            Event(
                type=event[0],
                sub_type=event[1],
                place=0,
                when=day(when),
                asserted_by=0,
                evidence=Evidence(start=t0, end=t1),
                confidence=0.8,
                actors=[
                    EventActor(text="Russian forces", actor="Military Forces of Russia", side="Russia", role="actor1"),
                    EventActor(
                        text="Ukrainian troops", actor="Military Forces of Ukraine", side="Ukraine", role="actor2"
                    ),
                ],
            )
        )
    return AnalyzedArticle(
        source=Source(uri=uri, kind="text", sha256=hashlib.sha256(body.encode()).hexdigest()),
        article=Article(body=body, outlet=outlet, published=day(when), title=body.split(".")[0]),
        places=[Place(start=p0, end=p1, text=place_word, **place)],
        attributions=[attribution],
        events=events,
        control=[
            ControlClaim(
                place=0,
                side=side,
                status=status,
                when=day(when),
                claimant=0,
                modality=modality,
                evidence=Evidence(start=t0, end=t1),
                confidence=0.7,
            )
        ],
    )


@pytest.fixture
def corpus(store: Store) -> Store:
    body_a = (
        "Russia's defence ministry said its forces had captured Soledar after days of fighting. "
        "The ministry said the town was fully under control."
    )
    body_b = (
        "Ukraine's military said its troops were still holding Soledar on Friday. "
        "Fierce battles continue, officials said."
    )
    body_c = "Ukrainian officials said Russian forces were advancing on Bakhmut. Shelling hit the city overnight."
    body_d = "The General Staff said its defenders were holding Bakhmut despite the assault."
    body_e = "Witnesses said Russian forces shelled Soledar again on the same day as the clashes."
    store.add(
        article(
            "https://ria.example/soledar",
            "RIA Example",
            body_a,
            "Russia's defence ministry",
            "said",
            "neutral",
            "its forces had captured Soledar after days of fighting",
            "Soledar",
            SOLEDAR,
            "Russia",
            "captured",
            "2023-01-13",
            ("Battles", "Armed clash"),
        )
    )
    store.add(
        article(
            "https://kyiv.example/soledar",
            "Kyiv Example",
            body_b,
            "Ukraine's military",
            "said",
            "neutral",
            "its troops were still holding Soledar on Friday",
            "Soledar",
            SOLEDAR,
            "Ukraine",
            "holds",
            "2023-01-13",
            ("Battles", "Armed clash"),
        )
    )
    store.add(
        article(
            "https://wire.example/bakhmut",
            "Wire Example",
            body_c,
            "Ukrainian officials",
            "said",
            "neutral",
            "Russian forces were advancing on Bakhmut",
            "Bakhmut",
            BAKHMUT,
            "Russia",
            "advancing",
            "2023-03-29",
        )
    )
    store.add(
        article(
            "https://wire.example/bakhmut2",
            "Wire Example",
            body_d,
            "The General Staff",
            "said",
            "neutral",
            "its defenders were holding Bakhmut despite the assault",
            "Bakhmut",
            BAKHMUT,
            "Ukraine",
            "holds",
            "2023-03-29",
        )
    )
    store.add(
        article(
            "https://other.example/soledar",
            "Other Example",
            body_e,
            "Witnesses",
            "said",
            "neutral",
            "Russian forces shelled Soledar again on the same day as the clashes",
            "Soledar",
            SOLEDAR,
            "Russia",
            "advancing",
            "2023-01-13",
            ("Battles", "Armed clash"),
        )
    )
    body_f = "Zelensky said that if Bakhmut fell to Russian forces, Putin would sell this victory to the West."
    store.add(
        article(
            "https://kyiv.example/if",
            "Kyiv Example",
            body_f,
            "Zelensky",
            "said",
            "neutral",
            "if Bakhmut fell to Russian forces, Putin would sell this victory to the West",
            "Bakhmut",
            BAKHMUT,
            "Russia",
            "captured",
            "2023-03-29",
            modality="hypothetical",
        )
    )
    return store


def test_records_carry_the_claim_chain(corpus: Store) -> None:
    events = list(records.events(corpus))
    assert len(events) == 3
    first = events[0]
    assert first.place is not None and first.place.name == "Soledar" and first.place.admin1 == "Donetsk Oblast"
    assert first.claimant.source == "Russia's defence ministry" and first.claimant.cue == "say"
    assert first.outlet == "RIA Example"
    assert first.evidence == "its forces had captured Soledar after days of fighting"


def test_timeline_groups_duplicates_and_orders_by_time(corpus: Store) -> None:
    entries = views.timeline(corpus, "Soledar")
    whens = [e.first.earliest for e in entries]
    assert whens == sorted(whens)
    clash = [e for e in entries if e.first.what == "Battles / Armed clash"]
    assert len(clash) == 1 and len(clash[0].records) == 3  # three outlets, one happening
    assert {r.outlet for r in clash[0].records} == {"RIA Example", "Kyiv Example", "Other Example"}


def test_timeline_of_a_region_includes_its_places_and_filters_dates(corpus: Store) -> None:
    places = {e.first.place.name for e in views.timeline(corpus, "Donetsk Oblast") if e.first.place}
    assert places == {"Soledar", "Bakhmut"}
    later = views.timeline(corpus, "Donetsk", start="2023-03-01")
    assert {e.first.place.name for e in later if e.first.place} == {"Bakhmut"}
    assert views.timeline(corpus, "Donetsk", end="2022-12-31") == []


def test_timeline_by_actor(corpus: Store) -> None:
    entries = views.timeline(corpus, "Military Forces of Russia")
    assert entries and all(e.first.kind == "event" for e in entries)


def test_claims_derive_contested_when_one_advances_and_the_other_holds(corpus: Store) -> None:
    periods = views.place_claims(corpus, "Bakhmut")
    assert len(periods) == 1
    assert periods[0].derived == "contested"
    assert {(c.side, c.status) for c in periods[0].claims} == {("Russia", "advancing"), ("Ukraine", "holds")}


def test_conflicting_claims_pair_captured_with_still_holding(corpus: Store) -> None:
    pairs = views.conflicting(corpus)
    assert len(pairs) == 1
    a, b = pairs[0]
    assert {(a.side, a.status), (b.side, b.status)} == {("Russia", "captured"), ("Ukraine", "holds")}
    assert {a.outlet, b.outlet} == {"RIA Example", "Kyiv Example"}
    # advancing vs holding is a contest, not a contradiction; "if Bakhmut fell" claims nothing
    assert views.conflicting(corpus, "Bakhmut") == []


def test_exports_read_back(corpus: Store) -> None:
    recs = [*records.events(corpus), *records.control_claims(corpus)]
    outputs = {}
    for name, exporter in EXPORTERS.items():
        buffer = io.StringIO()
        exporter(recs, buffer)
        outputs[name] = buffer.getvalue()

    lines = [json.loads(line) for line in outputs["jsonl"].splitlines()]
    assert len(lines) == 9 and lines[0]["claim_chain"]["source"] == "Russia's defence ministry"

    frame = pd.read_csv(io.StringIO(outputs["csv"]))
    assert len(frame) == 9 and set(frame["place"]) == {"Soledar", "Bakhmut"}
    assert frame.loc[0, "evidence"] == "its forces had captured Soledar after days of fighting"

    collection = FeatureCollection.model_validate_json(outputs["geojson"])
    assert len(collection.features) == 9
    lon, lat = collection.features[0].geometry.coordinates  # type: ignore[union-attr]
    assert (round(lat, 2), round(lon, 2)) == (48.68, 38.07)  # RFC 7946: longitude first

    acled = list(csv.DictReader(io.StringIO(outputs["acled"])))
    assert len(acled) == 3
    assert acled[0]["event_date"] == "2023-01-13" and acled[0]["time_precision"] == "1"
    assert acled[0]["country"] == "Ukraine" and acled[0]["geo_precision"] == "1"
    assert acled[0]["actor1"] == "Military Forces of Russia" and acled[0]["actor2"] == "Military Forces of Ukraine"
    assert acled[0]["source"] == "RIA Example; Russia's defence ministry"
    assert pd.read_csv(io.StringIO(outputs["acled"])).shape == (3, 14)
