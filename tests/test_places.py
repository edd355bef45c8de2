"""The places stage: toponyms to gazetteer entries, metonymy, and NER repair."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path

import pytest
from spacy.tokens import Span
from tests.conftest import EXAMPLE_BODY

from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.places import make_places_fn
from sitrep.analyze.registry import Context
from sitrep.gazetteer import Gazetteer, GazetteerError, default_path, ensure_built, package_fingerprint
from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.records import PlaceKind, PlaceRecord, read_tsv_records
from sitrep.gazetteer.sources import informal_records
from sitrep.geoparse import given_toponyms, resolve_toponyms
from sitrep.geoparse.resolve import ToponymMention, resolve
from sitrep.geoparse.spotting import _datelines, _listed_regions, _person_words
from sitrep.model import AnalyzedArticle, Article, Place, Source

FIXTURE = Path(__file__).parent / "fixtures" / "gazetteer" / "tiny.tsv"


Analyze = Callable[[str], list[Place]]


DEMONYMS = {
    "geonames:2017370": ("Russian", "Russians"),
    "geonames:614540": ("Georgian", "Georgians"),
    "geonames:6252001": ("American", "Americans"),
}


def tiny_records() -> Iterator[PlaceRecord]:
    for record in chain(read_tsv_records(FIXTURE), informal_records()):
        yield replace(record, demonyms=DEMONYMS.get(record.place_id, ()))


@pytest.fixture(scope="module")
def tiny_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = tmp_path_factory.mktemp("gaz") / "tiny.sqlite"
    return Gazetteer(ensure_built(progress=False, path=path, records=tiny_records, fingerprint="tiny"))


@pytest.fixture(scope="module")
def analyze(tiny_gazetteer: Gazetteer) -> Analyze:
    nlp = nlp_loader.load()
    stage = make_places_fn(tiny_gazetteer)

    def run(body: str) -> list[Place]:
        article = Article(body=body)
        ctx = Context(
            article=article,
            doc=nlp(body),
            result=AnalyzedArticle(
                source=Source(uri="test", kind="text"),
                article=article,
            ),
        )
        return stage(ctx)

    return run


def at(places: list[Place], body: str, text: str, occurrence: int = 0) -> Place:
    starts = [m.start() for m in re.finditer(rf"\b{re.escape(text)}\b", body)]
    start = starts[occurrence]
    found = [p for p in places if p.start <= start < p.end]
    assert found, f"no place at {text!r} #{occurrence}: {[(p.text, p.start) for p in places]}"
    return found[0]


def test_example_places(analyze: Analyze) -> None:
    body = EXAMPLE_BODY
    places = analyze(body)
    bakhmut = at(places, body, "Bakhmut")
    assert bakhmut.place_id == "geonames:713174" and bakhmut.precision == "city"
    assert bakhmut.country == "UA" and bakhmut.admin1 == "Donetsk Oblast"
    assert bakhmut.lat == pytest.approx(48.60, abs=0.05) and bakhmut.lon == pytest.approx(38.00, abs=0.05)
    assert all(p.place_id == "geonames:713174" for p in places if p.text == "Bakhmut")
    for occurrence in (0, 1):  # "region of Donetsk", "the whole of Donetsk"
        donetsk = at(places, body, "Donetsk", occurrence)
        assert (donetsk.name, donetsk.precision) == ("Donetsk Oblast", "admin1")
    for name in ("Luhansk", "Kherson", "Zaporizhzhia"):  # the list of four regions
        place = at(places, body, name)
        assert place.precision == "admin1" and place.name == f"{name} Oblast", place
    donbas = at(places, body, "Donbas")
    assert (donbas.place_id, donbas.precision, donbas.geonameid) == ("informal:donbas", "region", None)
    for name, iso in (("Ukraine", "UA"), ("Russia", "RU"), ("China", "CN")):
        place = at(places, body, name, 1 if name == "Ukraine" else 0)
        assert (place.precision, place.country) == ("country", iso)


def test_example_metonymy(analyze: Analyze) -> None:
    body = EXAMPLE_BODY
    places = analyze(body)
    says = at(places, body, "Moscow says")
    added = at(places, body, "Moscow added")
    for moscow in (says, added):
        assert (moscow.role, moscow.actor) == ("actor", "Government of Russia")
    kiev = at(places, body, "Kiev")
    assert (kiev.role, kiev.actor, kiev.name) == ("actor", "Government of Ukraine", "Kyiv")
    kremlin = [p for p in places if p.text == "Kremlin"]
    assert all(p.role == "actor" and p.actor == "Government of Russia" and p.lat is None for p in kremlin)
    assert not [p for p in places if p.text in ("West", "the West")]
    assert all(p.role == "location" for p in places if p.text == "Bakhmut")
    assert not [p for p in places if p.text in ("Russian", "Ukrainian")]  # demonyms are not places


def test_city_of_versus_region_of(analyze: Analyze) -> None:
    body = "Shelling hit the city of Donetsk overnight. Officials in the Donetsk region said the attack killed two."
    places = analyze(body)
    assert at(places, body, "Donetsk", 0).precision == "city"
    region = at(places, body, "Donetsk", 1)
    assert region.precision == "admin1" and region.name == "Donetsk Oblast"


def test_oblast_suffix_and_former_names(analyze: Analyze) -> None:
    body = "Fighting continued near Artyomovsk in Donetsk Oblast, while Kharkov was shelled again."
    places = analyze(body)
    assert at(places, body, "Artyomovsk").name == "Bakhmut"
    assert at(places, body, "Donetsk Oblast").precision == "admin1"
    assert at(places, body, "Kharkov").name == "Kharkiv"


def test_context_chooses_among_namesakes(analyze: Analyze) -> None:
    body = "ALEXANDRIA - A woman was arrested in Alexandria on Friday, the Rapides Parish sheriff said."
    places = analyze(body)
    alexandria = at(places, body, "Alexandria")
    assert alexandria.country == "US" and alexandria.admin1 == "Louisiana"
    body = "Protesters gathered in Alexandria and Cairo as Egypt prepared for the vote."
    assert at(analyze(body), body, "Alexandria").country == "EG"


def test_georgia_the_state_or_the_country(analyze: Analyze) -> None:
    body = "Russian troops moved deeper into Georgia, and Russia said the operation would continue."
    assert at(analyze(body), body, "Georgia").country == "GE"
    body = "The storm moved from Texas into Louisiana and reached Georgia by Sunday."
    assert at(analyze(body), body, "Georgia").country == "US"


def test_person_names_are_not_places(analyze: Analyze) -> None:
    body = "Michael Jordan said he was happy. Jordan scored 30 points, and Paris Hilton watched."
    places = analyze(body)
    assert not [p for p in places if p.text in ("Jordan", "Paris", "Paris Hilton")]


def test_country_as_speaker_is_a_government(analyze: Analyze) -> None:
    body = "Russia demanded guarantees. Washington refused, and China said it wants talks in Paris."
    places = analyze(body)
    assert at(places, body, "Russia").actor == "Government of Russia"
    assert at(places, body, "China").actor == "Government of China"
    paris = at(places, body, "Paris")
    assert paris.role == "location" and paris.country == "FR"


def test_full_pipeline_with_the_built_index() -> None:
    try:
        gazetteer = Gazetteer(default_path())
    except GazetteerError:
        pytest.skip("full gazetteer not built (run `sitrep setup`)")
    if gazetteer.meta.get("fingerprint") != package_fingerprint():
        pytest.skip("full gazetteer is stale (run `sitrep setup`)")
    from sitrep.analyze.pipeline import Pipeline

    result = Pipeline(stages=["sentences", "mentions", "places"]).analyze(
        Source(uri="x", kind="text"), Article(body=EXAMPLE_BODY)
    )
    places = result.places
    assert at(places, EXAMPLE_BODY, "Bakhmut").place_id == "geonames:713174"
    assert at(places, EXAMPLE_BODY, "Donetsk").name == "Donetsk Oblast"
    assert at(places, EXAMPLE_BODY, "Zaporizhzhia").precision == "admin1"
    assert at(places, EXAMPLE_BODY, "Moscow says").actor == "Government of Russia"
    assert at(places, EXAMPLE_BODY, "Kiev").actor == "Government of Ukraine"
    assert at(places, EXAMPLE_BODY, "Donbas").place_id == "informal:donbas"


def test_pressure_on_a_capital_and_a_country_s_army(analyze: Analyze) -> None:
    body = "The allies put pressure on Kyiv to accept the deal. Russia's army shelled Kharkiv again."
    places = analyze(body)
    assert at(places, body, "Kyiv").actor == "Government of Ukraine"
    assert at(places, body, "Russia").actor == "Military Forces of Russia"
    kharkiv = at(places, body, "Kharkiv")
    assert (kharkiv.role, kharkiv.precision) == ("location", "city")


def test_town_comma_state_puts_the_town_in_that_state(analyze: Analyze) -> None:
    body = "The fair opened in Paris, Tenn., on Saturday and drew a large crowd."
    places = analyze(body)
    paris = at(places, body, "Paris")
    assert (paris.country, paris.admin1) == ("US", "Tennessee")
    assert at(places, body, "Tenn").name == "Tennessee"


def test_neighbouring_towns_pull_each_other_home(tiny_gazetteer: Gazetteer) -> None:
    """Spatial minimality: three small towns of one county outweigh bigger namesakes far apart
    (fed to the resolver directly: the small NER model misses such towns)."""
    names = ("Alexandria", "Glenwood", "Evansville")
    mentions = [ToponymMention(name.lower(), tiny_gazetteer.lookup(name)) for name in names]
    assert all(len(m.candidates) >= 2 for m in mentions)
    choices = resolve(mentions)
    assert [c.entry.admin1 if c else None for c in choices] == ["Minnesota"] * 3


def test_spatial_minimality_across_a_border() -> None:
    """Three small towns a few km apart (in three different states, so no shared region helps)
    beat their bigger namesakes, which lie far from each other."""

    def town(name: str, state: str, lat: float, lon: float, population: int) -> Entry:
        return Entry(
            f"test:{name}-{state}",
            None,
            name,
            "city",
            lat,
            lon,
            "US",
            state,
            f"US.{state}",
            None,
            population,
            None,
            None,
        )

    mentions = [
        ToponymMention("alpha", [town("Alpha", "AA", 30.0, -100.0, 200_000), town("Alpha", "BB", 45.00, -90.00, 3000)]),
        ToponymMention("beta", [town("Beta", "CC", 35.0, -80.0, 200_000), town("Beta", "DD", 45.10, -90.10, 3000)]),
        ToponymMention("gamma", [town("Gamma", "EE", 40.0, -120.0, 200_000), town("Gamma", "FF", 45.05, -89.9, 3000)]),
    ]
    choices = resolve(mentions)
    assert [c.entry.population if c else None for c in choices] == [3000, 3000, 3000]
    alone = resolve(mentions[:1])
    assert alone[0] is not None and alone[0].entry.population == 200_000


def test_a_stated_region_outweighs_a_bigger_namesake(analyze: Analyze) -> None:
    body = "Minnesota officials said the clinic in Alexandria would reopen next week."
    assert at(analyze(body), body, "Alexandria").admin1 == "Minnesota"


def test_abbreviations_and_regions_heading_organisation_names(analyze: Analyze) -> None:
    body = "The U.S. Army said it would send trucks, and the Ohio National Guard will help."
    places = analyze(body)
    assert at(places, body, "U.S").country == "US"
    ohio = at(places, body, "Ohio")
    assert (ohio.precision, ohio.name) == ("admin1", "Ohio")
    assert not [p for p in places if p.text in ("Army", "National Guard")]


def test_a_mislabelled_town_needs_the_story_in_its_country(analyze: Analyze) -> None:
    body = "In Paris, Texas, a man driving a Toyota hit a parked truck, police said."
    places = analyze(body)
    assert not [p for p in places if p.text == "Toyota"]
    assert at(places, body, "Paris").admin1 == "Texas"


def test_the_european_union_is_a_region(tiny_gazetteer: Gazetteer) -> None:
    entry = tiny_gazetteer.lookup("EU")[0]
    assert (entry.place_id, entry.kind, entry.country) == ("informal:european-union", "region", None)


def test_seas_and_straits_are_places(analyze: Analyze) -> None:
    body = "Grain ships left the Black Sea through the Bosphorus, avoiding the Sea of Azov."
    places = analyze(body)
    assert at(places, body, "Black Sea").place_id == "informal:black-sea"
    assert at(places, body, "Sea of Azov").place_id == "informal:sea-of-azov"


def test_a_plural_kind_after_a_list_and_a_kind_that_belongs_to_one_name(analyze: Analyze) -> None:
    body = "Officials in the Donetsk and Luhansk regions reported shelling."
    places = analyze(body)
    assert at(places, body, "Donetsk").name == "Donetsk Oblast"
    body = "Shelling hit Bakhmut and Donetsk Oblast overnight."
    places = analyze(body)
    assert at(places, body, "Bakhmut").precision == "city"
    assert at(places, body, "Donetsk Oblast").precision == "admin1"


def test_a_city_over_the_region_named_after_it_even_by_an_alias(analyze: Analyze) -> None:
    body = "Diplomats met in New York on Monday."
    city = at(analyze(body), body, "New York")
    assert (city.name, city.precision) == ("New York City", "city")
    body = "Lawmakers in the state of New York passed the bill."
    assert at(analyze(body), body, "New York").precision == "admin1"


def _given(gazetteer: Gazetteer, body: str, *words: str) -> list[Place]:
    """Resolve the first occurrence of each word as a given toponym (as an annotator marks it)."""
    doc = nlp_loader.load()(body)
    spans = []
    for word in words:
        start = body.index(word)
        span = doc.char_span(start, start + len(word))
        assert span is not None
        spans.append(span)
    return resolve_toponyms(doc, given_toponyms(doc, spans, gazetteer), gazetteer)


def test_demonyms_are_not_spotted_but_a_given_one_is_its_country(analyze: Analyze, tiny_gazetteer: Gazetteer) -> None:
    body = "Russian forces shelled Bakhmut on Monday, Georgian officials in Tbilisi said."
    assert not [p for p in analyze(body) if p.text in ("Russian", "Georgian")]
    russian, georgian = _given(tiny_gazetteer, body, "Russian", "Georgian")
    assert (russian.name, russian.precision) == ("Russia", "country")
    assert (georgian.name, georgian.country) == ("Georgia", "GE")  # the people of the country, not the US state


def test_a_people_word_formed_from_a_place_name(tiny_gazetteer: Gazetteer) -> None:
    body = "Texans and Minnesotans disagreed, and Ohioans stayed out of it."
    texans, minnesotans, ohioans = _given(tiny_gazetteer, body, "Texans", "Minnesotans", "Ohioans")
    assert [texans.name, minnesotans.name, ohioans.name] == ["Texas", "Minnesota", "Ohio"]


def test_a_township_stands_for_its_town(tiny_gazetteer: Gazetteer) -> None:
    body = "Minnesota officials said Glenwood Township would repair the road."
    glenwood = _given(tiny_gazetteer, body, "Minnesota", "Glenwood Township")[1]
    assert (glenwood.name, glenwood.admin1, glenwood.precision) == ("Glenwood", "Minnesota", "city")


def test_a_type_word_inside_an_institution_s_name_is_no_cue(tiny_gazetteer: Gazetteer) -> None:
    body = "She spoke at the Paris State Lyceum about Texas."
    doc = nlp_loader.load()(body)
    start = body.index("Paris")
    span = doc.char_span(start, start + len("Paris"))
    assert span is not None
    assert given_toponyms(doc, [span], tiny_gazetteer)[0].cue == "none"


def test_an_institution_taken_for_a_person_does_not_hide_its_town(tiny_gazetteer: Gazetteer) -> None:
    doc = nlp_loader.load()("Huntsville Fire Chief Dana Whitlock met Michael Jordan in Huntsville.")
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 8, label="PERSON"), Span(doc, 9, 10, label="GPE")]
    words = _person_words(doc, tiny_gazetteer)
    assert "jordan" in words and "huntsville" not in words


def test_a_county_named_in_the_story_holds_its_town() -> None:
    """Containment: "Richmond" and "Madison County" together are the Kentucky pair, although
    Richmond, Virginia, is bigger and Virginia has a Madison County too (the counties' points are
    put far from the towns so that nearness alone does not decide)."""

    def place(
        name: str, kind: PlaceKind, state: str, county: str | None, lat: float, lon: float, population: int
    ) -> Entry:
        return Entry(
            f"test:{name}-{state}",
            None,
            name,
            kind,
            lat,
            lon,
            "US",
            state,
            f"US.{state}",
            county,
            population,
            None,
            None,
        )

    richmond = ToponymMention(
        "richmond",
        [
            place("Richmond", "city", "VA", "City of Richmond", 37.55, -77.46, 226_000),
            place("Richmond", "city", "KY", "Madison County", 37.75, -84.29, 33_000),
        ],
    )
    county = ToponymMention(
        "madison county",
        [
            place("Madison County", "admin2", "AL", None, 34.76, -86.55, 370_000),
            place("Madison County", "admin2", "VA", None, 35.40, -77.46, 13_000),
            place("Madison County", "admin2", "KY", None, 39.80, -84.28, 92_000),
        ],
    )
    alone = resolve([richmond])[0]
    assert alone is not None and alone.entry.admin1 == "VA"
    together = resolve([richmond, county])
    assert [c.entry.admin1 if c else None for c in together] == ["KY", "KY"]


def test_a_dateline_names_a_place(analyze: Analyze) -> None:
    body = "Council approves budget. GLENWOOD, Minn. (AP) — The council voted on Monday. UPDATE — It passed."
    doc = nlp_loader.load()(body)
    assert [span.text for span in _datelines(doc)] == ["GLENWOOD", "UPDATE"]
    places = analyze(body)
    assert at(places, body, "GLENWOOD").name == "Glenwood"
    assert not [p for p in places if p.text == "UPDATE"]  # names no place


def test_a_short_word_in_capitals_is_a_dateline_only_for_a_known_place(tmp_path: Path) -> None:
    records = [
        PlaceRecord("test:nato", "Nato", "city", 13.2, 123.4, country="PH", population=5_583),
        PlaceRecord("test:rome", "Rome", "city", 41.9, 12.5, country="IT", population=2_318_895),
    ]
    gazetteer = Gazetteer(
        ensure_built(progress=False, path=tmp_path / "g.sqlite", records=lambda: records, fingerprint="t")
    )
    body = "Talks resume. NATO — The alliance met on Monday. ROME — The talks went on."
    article = Article(body=body)
    ctx = Context(
        article=article,
        doc=nlp_loader.load()(body),
        result=AnalyzedArticle(
            source=Source(uri="test", kind="text"),
            article=article,
        ),
    )
    assert [p.text for p in make_places_fn(gazetteer)(ctx)] == ["ROME"]


def test_a_weak_name_heading_an_institution_where_the_story_is(analyze: Analyze) -> None:
    body = "Minnesota officials said the Evansville Historical Society will reopen, and the Chamber of Commerce agreed."
    evansville = at(analyze(body), body, "Evansville")
    assert (evansville.admin1, evansville.precision) == ("Minnesota", "city")


def test_one_sense_per_discourse_shares_a_container(tiny_gazetteer: Gazetteer) -> None:
    """ "Paris, Tenn." once puts the story's other "Paris" in Tennessee too."""
    paris = tiny_gazetteer.lookup("Paris")
    tennessee = tuple(e for e in tiny_gazetteer.lookup("Tennessee") if e.kind == "admin1")
    choices = resolve([ToponymMention("paris", paris, within=tennessee), ToponymMention("paris", paris)])
    assert [c.entry.admin1 if c else None for c in choices] == ["Tennessee", "Tennessee"]
    alone = resolve([ToponymMention("paris", paris)])[0]
    assert alone is not None and alone.entry.country == "FR"


def test_a_plural_kind_noun_makes_a_list_of_regions(tiny_gazetteer: Gazetteer) -> None:
    doc = nlp_loader.load()("Roads were closed in Donetsk, Kherson and Kharkiv oblasts on Monday.")
    listed = list(_listed_regions(doc, tiny_gazetteer, set()))
    assert sorted(t.key for t in listed) == ["donetsk", "kharkiv", "kherson"]
    assert all(t.cue == "admin1" and {e.kind for e in t.candidates} == {"admin1"} for t in listed)
