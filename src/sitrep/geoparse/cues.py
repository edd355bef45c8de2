"""Context cues: what the words around a name say about the kind of place it is.

"the city of X", "the eastern region of X", "X region", "X, one of the four regions",
"Butler and Warren counties": the kind noun becomes the toponym's cue, which the resolver
weighs against each reading's feature type (:data:`~sitrep.geoparse.resolve.CUE_MATCH`). A cue
that no reading answers to says nothing ("Columbia State" is a college: there is no such state),
and the members of one list of regions share their kind.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span

from sitrep.gazetteer.sources import ADMIN_TYPE_WORDS
from sitrep.geoparse.resolve import PlaceCue
from sitrep.geoparse.toponyms import Toponym, is_name_token

# Nouns that say what kind of place a nearby name is.
CITY_NOUNS = frozenset({"city", "town", "village", "capital", "port", "suburb", "settlement", "hamlet"})
ADMIN1_NOUNS = frozenset({"oblast", "province", "governorate", "state", "krai", "prefecture", "republic"})
ADMIN2_NOUNS = frozenset({"county", "parish", "district", "raion", "rayon", "borough", "municipality"})
ADMIN_NOUNS = frozenset({"region", "area", "territory"}) | ADMIN1_NOUNS | ADMIN2_NOUNS


def suffix_cue(span: Span) -> PlaceCue:
    return noun_cue(span[-1].lower_) if len(span) > 1 else "none"


def noun_cue(word: str) -> PlaceCue:
    if word in CITY_NOUNS:
        return "city"
    if word in ADMIN1_NOUNS:
        return "admin1"
    if word in ADMIN2_NOUNS:
        return "admin2"
    if word in ADMIN_NOUNS:
        return "admin"
    return "none"


def _cue_before(doc: Doc, start: int) -> PlaceCue:
    """ "the city of X", "the eastern region of X", "regions - along with X"."""
    if start >= 2 and doc[start - 1].lower_ == "of":
        cue = noun_cue(doc[start - 2].lemma_.lower())
        if cue != "none":
            return cue
    for i in range(start - 1, max(0, start - 5) - 1, -1):
        token = doc[i]
        if token.pos_ == "PROPN" or token.text in (".", ";", ":", "!", "?") or "\n" in token.text:
            break
        cue = noun_cue(token.lemma_.lower())
        if cue != "none" and token.tag_ == "NNS":  # a list's head: "regions - along with X"
            return cue
    return "none"


def _cue_after(doc: Doc, end: int) -> PlaceCue:
    """ "X region" outside the entity, or an apposition "X, one of the four regions".

    A type word inside a longer name is the institution's, not the place's kind:
    "the Salem State Conservatory", "the Bristol District Rowing Club".
    """
    if end < len(doc) and not (end + 1 < len(doc) and doc[end].is_title and is_name_token(doc[end + 1])):
        cue = noun_cue(doc[end].lower_)
        if cue == "none" and doc[end].tag_ == "NNS":  # "Butler and Warren counties"
            cue = noun_cue(doc[end].lemma_.lower())
        if cue != "none":
            return cue
    if end < len(doc) and doc[end].text == ",":
        sent_end = doc[end].sent.end
        for i in range(end + 1, min(sent_end, end + 9)):
            token = doc[i]
            if token.text in (",", ";", ".", ":") or token.pos_ in ("VERB", "AUX", "PROPN"):
                break
            cue = noun_cue(token.lemma_.lower())
            if cue != "none" and token.pos_ == "NOUN":
                return cue
    return "none"


# The kinds of entry that answer each cue: a cue no candidate answers to says nothing about the
# name ("Columbia State" is a college: there is no state called Columbia).
CUE_KINDS: dict[PlaceCue, frozenset[str]] = {
    "city": frozenset({"city"}),
    "admin1": frozenset({"admin1", "region"}),
    "admin2": frozenset({"admin2"}),
    "admin": frozenset({"admin1", "admin2", "region"}),
    "country": frozenset({"country"}),
    "none": frozenset(),
}


def _answered(toponym: Toponym, cue: PlaceCue) -> PlaceCue:
    return cue if any(e.kind in CUE_KINDS[cue] for e in toponym.candidates) else "none"


def add_context_cues(doc: Doc, toponyms: list[Toponym]) -> None:
    for toponym in toponyms:
        if toponym.cue == "none":
            toponym.cue = _answered(toponym, _cue_before(doc, toponym.start))
        if toponym.cue == "none":
            toponym.cue = _answered(toponym, _cue_after(doc, toponym.end))
    # Members of one list of regions share the kind: "the regions of Luhansk, Kherson, and Zaporizhzhia".
    # (Only region cues spread: "Alexandria, Va." is a town and its state, not a list of towns; and not
    # a kind the name itself carries: "Lebanon and Wilson County" is a town and a county.)
    for previous, current in [*pairwise(toponyms), *((b, a) for a, b in reversed(list(pairwise(toponyms))))]:
        if current.cue != "none" or previous.cue not in ("admin", "admin1", "admin2"):
            continue
        if doc[previous.end - 1].lower_ in ADMIN_TYPE_WORDS:
            continue
        first, last = sorted((previous, current), key=lambda t: t.start)
        between = doc[first.end : last.start]
        if 0 < len(between) <= 2 and all(t.text == "," or t.lower_ in ("and", "or") for t in between):
            current.cue = previous.cue
