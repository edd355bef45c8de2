"""Given spans: toponyms for spans that someone else marks as places (annotations, a user's selection).

Spotting never takes a nationality word for a place (it feeds actors); a given "Israeli" or
"Ontarians" is asked what it refers to, and the answer is its place: the country of a demonym
the gazetteer knows, else the name the word is formed from ("Ontarians" -> Ontario).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from sitrep.gazetteer import Gazetteer
from sitrep.gazetteer.index import Entry
from sitrep.gazetteer.names import name_key
from sitrep.geoparse.containers import link_containers
from sitrep.geoparse.cues import add_context_cues
from sitrep.geoparse.spotting import lookup_span
from sitrep.geoparse.toponyms import Toponym, strip_determiners


def given_toponyms(doc: Doc, spans: Iterable[Span], gazetteer: Gazetteer) -> list[Toponym]:
    """Toponyms for spans that someone else says are places (annotations, a user's selection),
    in reading order with their context cues and containers, ready for
    :func:`~sitrep.geoparse.geocode.resolve_toponyms`.

    A nationality word ("Israeli", "Sri Lankans") is never *spotted* as a place (it feeds
    actors), but asked what a given one refers to, the answer is its country.
    """
    toponyms = []
    for raw in spans:
        stripped = strip_determiners(raw)
        span = stripped if len(stripped) else raw
        found = lookup_span(span, gazetteer)
        matched, candidates, cue = found if found is not None else (span, (), "none")
        people_of = gazetteer.demonym(span.text) or gazetteer.demonym(span.text.removesuffix("s"))
        if people_of is not None and all(e.place_id != people_of.place_id for e in candidates):
            matched, candidates, cue = span, (people_of, *candidates), "country"
        key = name_key(matched.text)
        if not candidates:
            key, candidates = _named_for(span.text, gazetteer) or (key, ())
        toponyms.append(Toponym(matched.start, matched.end, key, candidates, cue))
    toponyms.sort(key=lambda t: t.start)
    add_context_cues(doc, toponyms)
    link_containers(doc, toponyms, gazetteer)
    return toponyms


# English demonym endings and what they replace in the place's name, tried in order:
# Texans -> Texas, Minnesotans -> Minnesota, Ontarians -> Ontario, Ohioans -> Ohio,
# New Yorkers -> New York, Dagestani -> Dagestan, Richmondites -> Richmond, Hungarian -> Hungary.
DEMONYM_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ian", "ia"),
    ("ian", "io"),
    ("ian", "y"),
    ("an", "a"),
    ("an", "as"),
    ("an", ""),
    ("er", ""),
    ("ite", ""),
    ("i", ""),
    ("ese", ""),
    ("", "ia"),
    ("", "istan"),  # Abkhaz -> Abkhazia, Uzbek -> Uzbekistan
)
DEMONYM_KINDS = frozenset({"country", "admin1", "region", "city"})


def _named_for(text: str, gazetteer: Gazetteer) -> tuple[str, tuple[Entry, ...]] | None:
    """The name a people word not in the demonym table is formed from, with its readings
    ("Ontarians" -> Ontario): only for words that end like a demonym and names that some
    place bears as its own (or a region as an alias: "Dagestan, Respublika"). The word is
    then one more mention of that name, so "London" and "Londoners" keep one sense."""
    word = text[:-1] if text.endswith("s") and not text.endswith("ss") else text
    for ending, replacement in DEMONYM_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        name = word[: len(word) - len(ending)] + replacement
        found = gazetteer.lookup(name)
        if any(e.kind in DEMONYM_KINDS and (e.by_name or e.kind != "city") for e in found):
            return name_key(name), found
    return None
