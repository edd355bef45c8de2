"""What kind of thing a word names, as the event senses need it: a person, an abstraction ("climate change",
"the market"), a place here ("the main market in Bria"), a thing that did something ("the population
exploded"), a modifier of another noun ("drone footage")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.attribution.sources import PERSONAL_PRONOUNS
from sitrep.events.clause import subjects
from sitrep.events.constructions import PEOPLE_NOUNS
from sitrep.events.territory import PLACE_ENTS

# Words for one person, who collapses, takes the offensive in words or greets a rally: "she", "I", "my".
ONE_PERSON = PERSONAL_PRONOUNS | {"i", "my", "you"}
# fmt: off
# Heads that make a weapon word part of an attack: "drone strike", "rocket fire", "mortar rounds".
EVENT_HEADS = frozenset({
    "strike", "attack", "raid", "fire", "barrage", "salvo", "shelling", "bombardment", "explosion", "blast",
    "bombing", "assault", "round", "shell", "hit", "impact", "fragment", "shrapnel", "debris", "launch",
    "operator", "unit", "crew", "team", "squad", "wave", "swarm", "shot", "burst", "gunfire",
})
# Things people fight, beat, attack or kill that are neither people nor places.
ABSTRACT_TARGETS = frozenset({
    "change", "climate", "warming", "emission", "inflation", "poverty", "cancer", "disease", "illness", "virus",
    "covid", "pandemic", "epidemic", "infection", "corruption", "blaze", "wildfire", "flame", "drought",
    "addiction", "obesity", "hunger", "racism", "discrimination", "injustice", "inequality", "misinformation",
    "disinformation", "fraud", "crime", "nomination", "election", "seat", "vote", "title", "championship",
    "trophy", "cup", "game", "match", "race", "legislation", "bill", "law", "budget", "tax", "policy",
    "mandate", "ruling", "lawsuit", "eviction", "deportation", "proposal",
    "plan", "idea", "socialism", "capitalism", "claim", "challenge", "odds", "record", "movie", "film",
    "ticket", "issue", "problem", "stigma", "stereotype", "bias", "obstacle", "competition", "competitor",
    "market", "price", "cost", "rate", "loneliness", "depression", "traffic", "congestion", "pollution",
    "waste", "bureaucracy", "regulation", "rule", "fee", "fare", "zoning", "reform", "merger", "deal", "takeover",
    "bid", "painting",
    "clock", "boredom", "fatigue", "fear", "urge", "temptation", "heat", "cold", "flu", "weight", "fat",
    "symptom", "pain", "income", "share", "percent", "stake", "profit", "revenue", "sale", "fund",
    "contract", "custody", "mood", "buzz", "momentum", "rumour", "rumor", "narrative", "spread",
    "it", "expectation", "estimate", "forecast", "deadline", "streak", "curse", "population",
    "demand", "interest", "popularity", "debt", "growth", "controversy", "scandal", "radiation", "energy",
    "light", "air", "wind", "music", "noise", "sound", "nostalgia", "colour", "color", "chicken", "animal",
    "bird", "fish", "deer", "poultry", "bug", "pest", "cause", "pitch", "stage", "chart", "dancefloor", "podium",
    "album", "song", "track", "show", "scene", "fate", "future", "soul", "direction", "wage", "spending", "funding",
    "agenda",
})
# fmt: on


def abstract_subject(token: Token) -> bool:
    """ "It beat Hollywood movies", "the population exploded": a thing, not a person, did it."""
    if token.pos_ != "VERB":
        return False
    doers = subjects(token)
    if token.dep_ == "acl" and token.head.lemma_.lower() in ABSTRACT_TARGETS:
        return True  # "the film bombed at the box office", parsed as a film that was bombed
    if any(s.lower_ == "it" for s in doers) and _speaker_is_named(token):
        return False  # "the navy says it has pulled out": "it" is the navy
    return any(abstract(s) for s in doers)  # ("the market was looted": a place, not a thing)


def _speaker_is_named(verb: Token) -> bool:
    """``verb`` is what a named speaker says it did: "the army said it had ...", not "analysts say it"."""
    if verb.dep_ != "ccomp":
        return False
    speakers = subjects(verb.head)
    return any(s.pos_ in {"NOUN", "PROPN"} and s.lemma_.lower() not in ABSTRACT_TARGETS for s in speakers)


def person_words(doc: Doc) -> frozenset[str]:
    """The words of the people the article names ("author Bracelen Flood": "Bracelen", "Flood"), read once
    per article: the small model tags a name a person in one sentence and an organisation in the next."""
    cached = doc.user_data.get("sitrep.person_words")
    if cached is None:
        cached = frozenset(word for ent in doc.ents if ent.label_ == "PERSON" for word in ent.text.split())
        doc.user_data["sitrep.person_words"] = cached
    return cached


def person(token: Token) -> bool:
    return token.ent_type_ in {"PERSON", "NORP", "ORG"} or token.lemma_.lower() in PEOPLE_NOUNS


def place_too(token: Token) -> bool:
    """A word for a thing that is also a place: "market", "stage"."""
    return token.lemma_.lower() in PLACES_TOO


def abstract(token: Token) -> bool:
    if place_too(token) and a_place_here(token):
        return False  # "looted the main market in Bria", not "beat the market"
    lemma = token.lemma_.lower()
    return lemma in ABSTRACT_TARGETS or token.lower_ == "it" or _an_abstract_noun(lemma)


# Endings of nouns for doctrines and states of affairs ("terrorism", "extremism", "candidacy", "democracy"),
# and the few nouns with those endings that name a place, a thing or a deed.
ABSTRACT_ENDINGS = ("ism", "acy")
CONCRETE_WITH_ABSTRACT_ENDINGS = frozenset({"pharmacy", "prism", "piracy"})  # (piracy is done at sea)


def _an_abstract_noun(lemma: str) -> bool:
    """ "to combat terrorism", "fought his candidacy": a doctrine or a state of affairs, fought in words."""
    return lemma.endswith(ABSTRACT_ENDINGS) and lemma not in CONCRETE_WITH_ABSTRACT_ENDINGS


# Abstract targets that are also places: a market square or hall, a stage.
PLACES_TOO = frozenset({"market", "stage"})
# fmt: off
PLACE_DESCRIPTIONS = frozenset({
    "main", "crowded", "busy", "central", "local", "open", "old", "covered", "street", "fish", "vegetable", "food",
    "cattle", "livestock", "night", "town", "village", "city", "weekly",
})
# fmt: on


# What is only ever done to a place or a building: "gunmen looted the market", "the market was shelled".
DONE_TO_PLACES = frozenset({"loot", "ransack", "plunder", "pillage", "torch", "raze", "shell", "bomb"})


def a_place_here(noun: Token) -> bool:
    """The noun is a place here: described ("the main market", "a crowded market"), placed ("the market in
    Bria") or looted or shelled; "the stock market", "markets" are not."""
    if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in DONE_TO_PLACES:
        return True
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in PLACE_DESCRIPTIONS for c in noun.children):
        return True
    places = [
        o for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "near", "at"} for o in c.children
    ]
    return any(o.ent_type_ in PLACE_ENTS or o.pos_ == "PROPN" for o in places)


# "the population exploded" is a number; "attacked the population", people
PEOPLE_AS_TARGETS = frozenset({"population"})


def abstract_target(token: Token) -> bool:
    return abstract(token) and token.lemma_.lower() not in PEOPLE_AS_TARGETS


def modifies_other_noun(token: Token, heads: frozenset[str] = EVENT_HEADS) -> bool:
    """ "drone footage", "attack ads": the word modifies a noun that is not itself an event."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ not in {"compound", "amod", "nmod"}:
        return False
    if token.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    return token.head.lemma_.lower() not in heads
