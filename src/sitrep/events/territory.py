"""Territory changing hands: a territorial cue ("captured", "withdrew", "annexed") counts only with a
territorial argument, a place or a word for land, not a man or an ambassador."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.events.clause import RELATIVE_PRONOUNS
from sitrep.events.constructions import EXPELLING_VERBS, FORCES
from sitrep.events.lexicon import CueHit

TERRITORIAL_CUES = frozenset({"taken", "regained", "transfer"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# fmt: off
TERRITORY_NOUNS = frozenset({
    "town", "village", "city", "area", "territory", "region", "district", "base", "position", "post",
    "outpost", "checkpoint", "hill", "locality", "settlement", "camp", "control", "airport", "province",
    "state", "county", "neighbourhood", "neighborhood", "zone", "front", "frontline", "stronghold",
    "bridge", "port", "island", "land", "municipality", "commune", "oblast", "height", "garrison",
    "headquarters", "barracks", "barrack", "airfield", "airbase", "dam", "crossing", "oilfield", "refinery",
    "archipelago", "peninsula", "enclave", "valley", "coast", "strip", "corridor", "pocket", "islet", "ground",
    "gain",
})
# fmt: on
ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj", "conj", "appos"})


# Where something happened, not what changed hands: "incorporated in the United Kingdom" (a company).
WHERE_PREPS = frozenset({"in", "at", "near", "around", "inside"})


def territorial(doc: Doc, hit: CueHit, places: frozenset[int] = frozenset()) -> bool:
    """A territorial cue counts only with a territorial argument ("captured the town", not "a man")."""
    token = doc[hit.start]
    if any(t.lower_ == "control" for t in doc[hit.start : hit.end]):
        return True
    # a relative pronoun ("the regions that Moscow added") says nothing of what was taken
    objects = [c for c in token.children if c.dep_ == "dobj" and c.lower_ not in RELATIVE_PRONOUNS]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]  # "seized a depot and the barracks"
    # forces withdrawn or driven out say where they were ("pulled its troops out", "drove the militants out of
    # the town"); forces captured are prisoners or prizes ("seized a cargo ship")
    withdrawn = FORCES if hit.cue == "transfer" or token.lemma_.lower() in EXPELLING_VERBS else frozenset()
    if objects and not any(o.i in places or _is_territory(o) or o.lemma_.lower() in withdrawn for o in objects):
        return False  # "withdrew its ambassador from Tehran", "captured the rebel leader", "seized a cargo ship"
    for child in token.children:
        candidates = [child, *(c for c in child.children if c.dep_ == "conj")] if child.dep_ in ARGUMENT_DEPS else []
        if child.dep_ in {"prep", "agent", "prt"} and child.lower_ not in WHERE_PREPS:  # "pulled out of the island"
            candidates += [c for c in child.children if c.dep_ == "pobj"]
            candidates += [o for p in child.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
        if child.dep_ == "advmod":  # "pulled back from the town": the place hangs from the particle
            preps = [p for p in child.children if p.dep_ == "prep" and p.lower_ not in WHERE_PREPS]
            candidates += [o for p in preps for o in p.children if o.dep_ == "pobj"]
        if any(c.i in places or _is_territory(c) for c in candidates):
            return True
    return token.dep_ in {"relcl", "acl"} and _is_territory(token.head)


def _is_territory(token: Token) -> bool:
    """A place name or a word for territory; unknown proper names count unless tagged as people; "it"
    counts after a place ("the town of Marnak ... troops recaptured it")."""
    if token.ent_type_ in PLACE_ENTS or token.lemma_.lower() in TERRITORY_NOUNS:
        return True
    if any(c.dep_ == "compound" and c.lemma_.lower() in TERRITORY_NOUNS for c in token.children):
        return True  # "captured the district centre"
    if token.lower_ == "it":
        return place_named_before(token)
    return token.pos_ == "PROPN" and token.ent_type_ not in {"PERSON", "ORG", "NORP"}


def place_named_before(token: Token) -> bool:
    """A place named or spoken of ("the town") earlier in the sentence of ``token`` or the one before."""
    sentence = token.sent
    start = token.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    before = token.doc[start : token.i]
    return any(t.ent_type_ in PLACE_ENTS or t.lemma_.lower() in TERRITORY_NOUNS for t in before)
