"""Senses of disaster words: a flood of refugees, a landslide victory, gunmen who storm a hotel.

The natural- and man-made-disaster cues name weather and accidents; these checks tell when the word
measures, qualifies or is done by people instead (``events.senses`` asks them for every such cue).
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.events.accidents import VEHICLES
from sitrep.events.constructions import PEOPLE_NOUNS
from sitrep.events.protest_senses import a_politician
from sitrep.events.things import ONE_PERSON

# "a landslide victory", "a flood of money", "a blizzard of messages", "flood-ravaged areas".
DISASTER_MEASURES = frozenset({"magnitude", "intensity", "category", "force", "strength", "size", "scale"})
LITERAL_WITH_OF = frozenset({"collapse", "crash", "explosion", "eruption", "sinking", "capsizing", "derailment"})
FIGURATIVE_DISASTER_COMPANIONS = frozenset({"victory", "win", "election", "vote", "majority", "margin"})
# Things that collapse, crash or sink only in a figure: "the talks collapsed", "shares crashed", "the
# collapse of the ceasefire". A building, a bridge, a plane or a boat does it for real.
# fmt: off
ABSTRACT_SUBJECTS = frozenset({
    "talk", "talks", "negotiation", "ceasefire", "cease", "truce", "deal", "agreement", "accord", "pact",
    "government", "coalition", "cabinet", "regime", "alliance", "party", "process", "plan", "bid", "campaign",
    "economy", "market", "currency", "price", "stock", "share", "bond", "bank", "company", "firm", "business",
    "sale", "demand", "support", "rating", "poll", "dollar", "pound", "euro", "rouble", "ruble", "lira", "peso",
    "rupee", "yen", "team", "defence", "defense", "season", "case", "trial", "scheme", "system", "morale",
    "fund", "startup", "exchange", "index", "sector", "industry", "project", "marriage", "career", "venture",
})
# fmt: on


# Doers a headline names right before its verb ("Gunmen storm hotel"); weather has no such subject.
# fmt: off
DOER_NOUNS = PEOPLE_NOUNS | {
    "gunman", "militant", "rebel", "soldier", "troop", "police", "fighter", "insurgent", "jihadist", "attacker",
    "assailant", "raider", "rioter", "looter", "prisoner", "inmate", "migrant", "refugee", "tourist", "shopper",
}
# fmt: on


def people_do_it_to(token: Token) -> bool:
    """A disaster word between people and an object is a verb ("Gunmen storm hotel"), whatever the tagger
    says of a headline: "Rains flood villages" keeps its flood."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc) or token.tag_ in {"NNS", "NNPS"}:
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    is_doer = before.tag_ == "NNS" and before.lemma_.lower() in DOER_NOUNS
    return is_doer and after.pos_ in {"DET", "NOUN", "PROPN", "PRON"}


def figurative_disaster(token: Token) -> bool:
    """A disaster word used for something else: a quantity ("a flood of"), an election ("landslide
    victory"), or a modifier of another word ("flood-ravaged", "drought tolerant")."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        measured = any(o.lemma_.lower() in DISASTER_MEASURES or o.like_num for o in prep.children)
        if not measured and token.lemma_.lower() not in LITERAL_WITH_OF:
            return True  # "a flood of refugees", "a blizzard of messages"; not "a quake of magnitude 6"
        if any(_abstract(o) for o in prep.children):
            return True  # "the collapse of the talks"
    if token.pos_ == "VERB" and any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and _abstract(c) for c in token.children):
        return True  # "the ceasefire collapsed", "shares crashed", "the talks were derailed", "sank the deal"
    if token.lemma_.lower() == "landslide" and any(
        t.lemma_.lower() in FIGURATIVE_DISASTER_COMPANIONS for t in token.sent
    ):
        return True
    if _mere_weather(token) or _kind_of_preparation(token) or _a_persons_fall(token) or _kind_of_gear(token):
        return True
    if _in_another_name(token) or _a_markets_fall(token) or _control_of_no_vehicle(token) or _caught_on(token):
        return True
    return token.dep_ in {"compound", "amod", "npadvmod"} and token.head.pos_ in {"ADJ", "VERB"}


def _caught_on(token: Token) -> bool:
    """ "the candidate caught fire with young voters", "the idea caught fire among activists": a success
    with people, not a blaze (nothing burns with or among people)."""
    if token.lemma_.lower() != "catch" or not any(c.dep_ == "dobj" and c.lower_ == "fire" for c in token.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in {"with", "among"} for c in token.children)


def _control_of_no_vehicle(token: Token) -> bool:
    """ "they have lost control over the separatists' actions": control of something no one drives ("lost
    control of his pickup", "lost control and crashed" are accidents)."""
    if token.lemma_.lower() != "lose":
        return False
    control = [c for c in token.children if c.dep_ == "dobj" and c.lower_ == "control"]
    held = [o for c in control for p in c.children if p.lower_ in {"of", "over"} for o in p.children]
    return bool(held) and not any(o.lemma_.lower() in VEHICLES for o in held)


# Weather that is a disaster only when the sentence tells what it did: "a storm sets in" is a walk's weather.
WEATHER_LEMMAS = frozenset({"storm", "hail", "gale", "downpour", "wind", "rain"})
HARM_DONE = frozenset({
    "kill", "dead", "death", "die", "damage", "destroy", "flood", "flooding", "evacuate", "evacuation", "injure",
    "power", "outage", "uproot", "topple", "sweep", "strand", "trigger", "fire", "cut", "batter", "lash", "hit",
    "ravage", "wreck", "disrupt", "cancel", "close", "missing", "victim", "emergency", "warning", "havoc",
    "blow", "tear", "rip", "knock", "tree", "roof",
})  # fmt: skip


def _mere_weather(token: Token) -> bool:
    acting = token.pos_ != "NOUN" or any(c.dep_ == "dobj" for c in token.children)
    if token.lemma_.lower() not in WEATHER_LEMMAS or acting:
        return False  # "the mob stormed the building", "protesters storm parliament": read by the crowd's cues
    return not any(t.lemma_.lower() in HARM_DONE for t in token.sent)


# What is made ready for any disaster of a kind: "hurricane evacuation routes", "flood defences".
PREPARATIONS = frozenset({
    "evacuation", "drill", "preparedness", "plan", "planning", "route", "shelter", "defence", "defense",
    "barrier", "kit", "zone", "risk", "readiness", "exercise", "standard",
})  # fmt: skip


def _kind_of_preparation(token: Token) -> bool:
    """ "maps for hurricane evacuations", "earthquake drills": a disaster word that names the kind
    of a bare plural preparation speaks of any such disaster, not of one that happened."""
    if token.dep_ != "compound":
        return False
    head = token.head
    while head.dep_ == "compound":
        head = head.head
    bare = not any(c.dep_ in {"det", "poss", "nummod"} for c in head.children)
    preparation = any(t.lemma_.lower() in PREPARATIONS for t in (token.head, head))
    return preparation and head.tag_ == "NNS" and bare


# Gear, places and rules named after what they guard against: "fire insurance", "a fire station", "storm
# drains", "the crash helmet". The disaster word says what kind of thing it is, not that one happened ("fire
# damage", "flood victims", "the crash site" and "fire officials said" still tell of one).
SERVICES_AND_GEAR = frozenset({
    "station", "insurance", "extinguisher", "hydrant", "sprinkler", "escape", "exit", "door", "code", "safety",
    "hazard", "prevention", "protection", "academy", "watch", "plain", "drain", "pit", "helmet", "test", "ban",
    "season", "siren", "lookout", "chaser", "mitigation", "inspection", "resilience", "preparedness", "awareness",
    "forecast", "forecaster", "research", "researcher", "expert", "scientist", "official", "department", "chief",
    "marshal", "commissioner", "spokesman", "spokeswoman", "spokesperson", "district",
})  # fmt: skip


def _kind_of_gear(token: Token) -> bool:
    """ "fire insurance", "a fire station", "the flood plain": a kind of gear, place or rule."""
    if token.dep_ != "compound" or token.head.pos_ != "NOUN":
        return False
    return token.head.lemma_.lower() in SERVICES_AND_GEAR


# Storm words that teams, towns and outlets take for a name ("the Tampa Bay Lightning", Hurricane in West
# Virginia); a word such as "Drown" in a title-case headline is no name.
STORM_NAMES = frozenset({
    "hurricane", "storm", "blizzard", "tornado", "typhoon", "cyclone", "avalanche", "tsunami", "thunder",
    "lightning", "twister", "monsoon",
})  # fmt: skip
# What comes before a storm's name in the storm's own name: "Tropical Storm Alberto", "Super Typhoon Haiyan".
STORM_PREFIXES = frozenset({"tropical", "super", "winter", "severe", "post", "subtropical", "major", "category"})


def _in_another_name(token: Token) -> bool:
    """A disaster word inside the name of a place, a team or an outlet: "found in Hurricane" (a town),
    "Hurricane police", "Six Flags Hurricane Harbor", "the Alexandria Blizzard". A storm's own name follows
    the word ("Hurricane Irma", "Tropical Storm Alberto")."""
    if token.tag_ != "NNP" or token.lower_ not in STORM_NAMES or token.i == token.sent.start:
        return False
    sentence = [t for t in token.sent if t.is_alpha]
    if sum(t.is_title for t in sentence) * 2 > len(sentence):
        return False  # a headline in title case ("Storm Hits Coast")
    before = token.doc[token.i - 1]
    named = before.pos_ == "PROPN" or (before.is_title and before.i != token.sent.start)
    if named and before.lower_ not in STORM_PREFIXES:
        return True  # "Six Flags Hurricane Harbor", "Brain Storm Blog"
    return not (token.dep_ == "compound" and token.head.pos_ == "PROPN")  # "in Hurricane", "Hurricane police"


# A crash of markets: "the crash of 2008", "to keep the economy from another crash" (no vehicle, no building).
MARKET_FALLS = frozenset({"crash", "collapse", "meltdown"})
MONEY_WORDS = frozenset({
    "economy", "economic", "financial", "market", "stock", "bank", "wall", "recession", "stimulus", "deregulation",
    "regulation", "regulator", "mortgage", "investor", "austerity", "neoliberal", "neoliberalism", "dollar",
    "housing", "credit", "debt", "lending", "monetary", "fiscal",
})  # fmt: skip
PHYSICAL_WORDS = frozenset({
    "car", "vehicle", "truck", "bus", "train", "plane", "aircraft", "helicopter", "jet", "flight", "driver",
    "passenger", "pilot", "motorcycle", "road", "highway", "building", "bridge", "roof", "tower", "mine",
    "dam", "crane", "ship", "boat", "ferry", "tree", "crew", "wreckage", "injured", "killed", "dead",
})  # fmt: skip


def _a_markets_fall(token: Token) -> bool:
    """ "the epic crash of 2008", "keep the economy from another crash": a fall of markets, told among money
    words with no vehicle, structure or casualty."""
    if token.lemma_.lower() not in MARKET_FALLS:
        return False
    words = {t.lemma_.lower() for t in token.sent} | {t.lower_ for t in token.sent}
    return bool(words & MONEY_WORDS) and not words & PHYSICAL_WORDS


# What falls or fails when a person does: "she collapsed during the ceremony", "Kelvane crashed in the polls".
PERSONS_FALLS = frozenset({"collapse", "crash", "faint"})
CIRCUMSTANCE_PREPS = frozenset({"during", "after", "at", "in", "on", "from"})  # not "into a tree"
# What says the fall was a system's: "an economic collapse", "the financial crash".
SYSTEMS = frozenset({"economic", "financial", "political", "social", "moral", "fiscal", "monetary", "banking"})


def _a_persons_fall(token: Token) -> bool:
    """A person collapses ("she collapsed from exhaustion", "her collapse at a rally") or crashes in a
    race or the polls ("Kelvane crashed"): no building fell, nothing collided (a driver who "crashed into a
    tree" did). A system's collapse is no disaster either ("a financial collapse")."""
    if token.lemma_.lower() not in PERSONS_FALLS:
        return False
    if any(c.dep_ == "amod" and c.lower_ in SYSTEMS for c in token.children):
        return True
    if any(c.dep_ in {"dobj", "prep"} and c.lower_ not in CIRCUMSTANCE_PREPS for c in token.children):
        return False  # "crashed into a tree", "crashed the car"
    if token.pos_ == "VERB":
        doers = [c for c in token.children if c.dep_ == "nsubj"]
    else:
        doers = [c for c in token.children if c.dep_ == "poss"]
    return any(d.lower_ in ONE_PERSON or d.lemma_.lower() in PEOPLE_NOUNS or a_politician(d) for d in doers)


def _abstract(noun: Token) -> bool:
    """The noun (or a word compounded with it: "the cease-fire", "peace talks") names no physical thing."""
    return any(
        t.lemma_.lower() in ABSTRACT_SUBJECTS for t in (noun, *(c for c in noun.children if c.dep_ == "compound"))
    )
