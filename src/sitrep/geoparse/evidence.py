"""Evidence that a span the parser did not call a place is one, or that one it did is a person.

The small model mislabels places (PERSON "Kherson", ORG "Bakhmut"), misses some, and calls
some people places ("coach Hartwell"). A mislabelled span is kept when the gazetteer is sure
(a region, a big city), when a sizeable town lies in a country the story is about ("Toyota" in
a Texas story is a car), or when a lesser town lies in a region the story is about ("the
Dahlonega Department of Public Safety" in a Georgia story); it is dropped when something marks
a person ("Mr", "coach", a multi-word PERSON elsewhere in the text sharing the word).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from spacy.tokens import Span

from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.sources import ADMIN_TYPE_WORDS
from sitrep.geoparse.resolve import prior
from sitrep.geoparse.toponyms import Toponym

TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "lady",
        "lord",
        "president",
        "minister",
        "king",
        "queen",
        "prince",
        "princess",
        "gen",
        "general",
        "col",
        "colonel",
        "capt",
        "captain",
        "sgt",
        "officer",
        "coach",
        "judge",
        "senator",
        "sen",
        "rep",
        "gov",
        "governor",
        "mayor",
        "rev",
        "father",
        "st",
    }
)


STRONG_CITY_POPULATION = 15_000
WORLD_CITY_POPULATION = 1_000_000  # a mislabelled name this big is a place wherever the story is
STRONG_ALIAS_POPULATION = 100_000
SUPPORTED_TOWN_POPULATION = 10_000


def strength_of(candidates: Sequence[Entry], key: str, dotted: bool = False) -> Literal["sure", "town"] | None:
    """ "sure" for regions and big cities, "town" for a sizeable town that needs the story
    to be in its country ("Toyota" is a Japanese city, and a car in a Texas story)."""
    if not is_strong(candidates, key, dotted):
        return None
    big = [e for e in candidates if e.kind != "city" or e.population >= WORLD_CITY_POPULATION]
    return "sure" if big and is_strong(big, key, dotted) else "town"


def is_strong(candidates: Sequence[Entry], key: str, dotted: bool = False) -> bool:
    """Is the gazetteer sure enough that a mislabelled or unlabelled span is a place?

    Short aliases are not enough ("Mass" is an AP abbreviation of Massachusetts
    and a church service), unless written as an abbreviation ("U.S.", "S.C.", "Tenn.").
    """
    for entry in candidates:
        if entry.kind in ("country", "admin1", "region") and (entry.by_name or len(key) >= 5 or dotted):
            return True
        if entry.kind == "admin2" and key.rsplit(" ", 1)[-1] in ADMIN_TYPE_WORDS:
            return True  # "Tangipahoa Parish", "Shelby County"
        if entry.kind == "city" and (
            (entry.by_name and entry.population >= STRONG_CITY_POPULATION)
            or (len(key) >= 4 and entry.population >= STRONG_ALIAS_POPULATION)
        ):
            return True
    return False


def is_dotted(span: Span) -> bool:
    """Written as an abbreviation with full stops: "U.S.", "S.C.", "W. Va.", "Tenn."."""
    return span.text.endswith(".") and span.text[:1].isupper()


def is_major(candidates: Sequence[Entry], span: Span) -> bool:
    """A country or first-level region by its own name (or abbreviation) at the head of an
    organisation's name is a place that the name is about ("the Vermont National Guard")."""
    return any(e.kind in ("country", "admin1", "region") and (e.by_name or is_dotted(span)) for e in candidates)


def looks_like_person(span: Span, person_words: set[str], candidates: Sequence[Entry]) -> bool:
    doc = span.doc
    if len(span) > 1 and span[-1].lower_ in ADMIN_TYPE_WORDS:
        return False  # "Anderson County", "Lafayette Parish": named after a person, but a place
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES:
        return True
    if span.label_ == "PERSON" and len(span) > 1 and not any(e.by_name for e in candidates):
        return True
    if len(span) > 1 and any(e.kind in ("country", "region") and e.by_name for e in candidates):
        return False  # "Sri Lanka", though "Sri Lankan officials" was taken for a person
    return any(tok.lower_ in person_words for tok in span)


def stands_for_person(span: Span, person_words: set[str], candidates: Sequence[Entry]) -> bool:
    """A one-word GPE that is a person's name here: after a title ("coach Hartwell"), or a
    word of a person's name in the story ("Brian Fairfield ... Fairfield declined"),
    unless it is a country, region or national capital."""
    if len(span) != 1 or any(e.kind != "city" or e.capital_of for e in candidates):
        return False
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES:
        return True
    return span[0].lower_ in person_words


def _story_countries(sure: Sequence[Toponym]) -> set[str]:
    return {best.country for best in (max(t.candidates, key=prior) for t in sure if t.candidates) if best.country}


def in_story_countries(towns: list[Toponym], sure: list[Toponym], taken: set[int]) -> Iterable[Toponym]:
    """Mislabelled one-word names of sizeable towns, kept when the story is in the town's
    country (or names no country at all): "Bakhmut" tagged ORG in a story about Ukraine."""
    countries = _story_countries(sure)
    for toponym in towns:
        if any(i in taken for i in range(toponym.start, toponym.end)):
            continue
        if not countries or any(
            e.kind == "city" and e.country in countries and e.population >= STRONG_CITY_POPULATION
            for e in toponym.candidates
        ):
            taken.update(range(toponym.start, toponym.end))
            yield toponym


def supported(weak: list[Toponym], sure: list[Toponym], taken: set[int]) -> Iterable[Toponym]:
    """Weak names with a town of that name where the sure toponyms are: in one of their
    first-level regions, or a sizeable town in one of their countries."""
    regions: set[str] = set()
    countries: set[str] = set()
    for toponym in sure:
        if toponym.candidates:
            best = max(toponym.candidates, key=prior)
            if best.kind != "country" and best.admin1_code:
                regions.add(best.admin1_code)
            if best.country:
                countries.add(best.country)
    for toponym in weak:
        if any(i in taken for i in range(toponym.start, toponym.end)):
            continue
        local = tuple(
            e
            for e in toponym.candidates
            if e.kind == "city"
            and (
                (e.by_name and e.admin1_code in regions)
                or (e.country in countries and e.population >= SUPPORTED_TOWN_POPULATION)
            )
        )
        if local:
            taken.update(range(toponym.start, toponym.end))
            yield Toponym(toponym.start, toponym.end, toponym.key, local, toponym.cue)
