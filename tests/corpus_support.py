"""Fixture articles of our own that disagree, for the corpus views, the exports and the HTTP interface.

The articles are built the way the stages fill them (places, attributions, events,
control claims with offsets), so tests that use them exercise the store, the joins,
the views and the interfaces independently of the NLP.
"""

from __future__ import annotations

import hashlib

import pytest

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
    """One day, or days from one to another ("2023-01-07..2023-02-04"; open when the end is left out)."""
    first, _, last = d.partition("..")
    return Interval(earliest=first, latest=(last or None) if _ else first, granularity="day", text=None)


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
        article=Article(body=body, outlet=outlet, published=day(when.partition("..")[0]), title=body.split(".")[0]),
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
