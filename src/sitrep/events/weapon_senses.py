"""Whether a weapon word names a weapon in use: "drones struck", "a bomb went off", "the use of chemical
weapons" are attacks; a missile test, "drone footage", "an explosion of marine life" and drones used to map a
reef are not."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.events.constructions import WEAPON_OBJECTS
from sitrep.events.lexicon import CueHit
from sitrep.events.things import EVENT_HEADS, abstract, abstract_subject, modifies_other_noun

# The weapon word names the attack itself ("airstrike", "shelling", "blast"): it stands alone.
# fmt: off
EVENT_NOUN_PREFIXES = (
    "strike", "airstrike", "raid", "attack", "shell", "bombard", "barrage", "explo", "blast", "detonat", "bombing",
    "salvo",
)
# What is done with a weapon: "drones struck", "killed by a mine", "launched missiles".
WEAPON_USE_LEMMAS = frozenset({
    "attack", "strike", "hit", "target", "bomb", "shell", "fire", "launch", "drop", "pound", "rain", "kill",
    "wound", "injure", "damage", "destroy", "explode", "detonate", "land", "fall", "crash", "shoot", "down",
    "intercept", "use", "plant", "step", "trigger", "blow", "hammer", "slam", "lob", "fly", "carry",
    "deploy", "defuse", "dismantle", "neutralise", "neutralize", "seize", "recover", "find", "discover",
    "throw", "hurl", "toss", "set", "die", "raze", "level", "flatten", "burn", "rock", "shake",
    "claim", "leave", "cause", "report", "record", "register", "hear", "observe",
})
# Nouns of using a weapon: "the use of chemical weapons", "the detonation of a car bomb".
WEAPON_USE_NOUNS = frozenset({"use", "launch", "launching", "firing", "detonation", "deployment", "dropping"})
# fmt: on


TEST_WORDS = frozenset({"test", "testing", "trial", "drill", "exercise", "demonstration", "parade"})


# Where a weapon is fired at nobody: "launched a missile into the sea", "fired shells into the water".
OPEN_WATER = frozenset({"sea", "ocean", "water", "waters"})
CLAUSE_SCAN_TOKENS = 120


def _weapon_test(token: Token) -> bool:
    """ "test-fired a missile", "a rocket test", "a missile drill", "fired two missiles into the sea during
    drills": a weapon shown or tried, not used on anyone."""
    node = token
    for _ in range(3):
        if node.lemma_.lower() in TEST_WORDS:
            return True
        if any(c.lemma_.lower() in TEST_WORDS for c in node.children if c.dep_ in {"compound", "npadvmod", "amod"}):
            return True
        if node.pos_ == "VERB" and _fired_at_nobody(node):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _fired_at_nobody(verb: Token) -> bool:
    """ "fired two missiles into the sea", "launched a projectile presumed to be a missile into the sea",
    "fired rockets during drills": a phrase of the verb (or of its object's description) says the weapon
    hit no target. Phrases of another clause of the sentence do not count."""
    if verb.right_edge.i - verb.left_edge.i > CLAUSE_SCAN_TOKENS:
        return False  # a run-on "sentence" of a pathological page: no scan per weapon word
    for prep in verb.subtree:
        if prep.dep_ != "prep" or not _clause_mate(prep, verb):
            continue
        objects = [o.lemma_.lower() for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ == "into" and any(o in OPEN_WATER for o in objects):
            return True
        if prep.lower_ == "during" and any(o in TEST_WORDS for o in objects):
            return True
    return False


def _clause_mate(token: Token, verb: Token) -> bool:
    """No other verb than a "be" stands between ``token`` and ``verb`` above it."""
    node = token.head
    while node.i != verb.i:
        if node.pos_ == "VERB" and node.lemma_ != "be" and node.dep_ not in {"acl", "amod"}:
            return False
        node = node.head
    return True


# What explodes when an explosion is one: "an explosion of gas", "the blast of a car bomb".
EXPLODING_THINGS = frozenset({
    "gas", "bomb", "device", "mine", "landmine", "shell", "grenade", "rocket", "missile", "car", "truck",
    "vehicle", "tanker", "tank", "boiler", "pipeline", "ammunition", "munition", "depot", "fuel", "cylinder",
    "explosive", "ordnance", "dynamite", "fertilizer", "fertiliser", "chemical", "reactor", "plant", "factory",
})  # fmt: skip


def _explosion_of_something_else(token: Token) -> bool:
    """ "an explosion of marine life", "a blast of cold air": an explosion of what does not explode."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in {"explosion", "blast"}:
        return False  # "the shelling of Aleppo", "the bombing of schools": the "of" names the target
    things = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children]
    return bool(things) and not any(t.lemma_.lower() in EXPLODING_THINGS for t in things)


def _names_a_kind_of_thing(token: Token) -> bool:
    """The weapon word modifies a noun that is no attack: "a drone delivery service", "missile maker",
    "rocket scientist" (but "drone strike", "rocket fire", "mortar rounds" are attacks, and "chlorine gas",
    "cluster bombs" weapons)."""
    node, nouns = token, []
    while node.dep_ == "compound" and node.head.i != node.i and node.head.pos_ in {"NOUN", "PROPN"}:
        node = node.head
        nouns.append(node)
    return bool(nouns) and not any(n.lemma_.lower() in EVENT_HEADS | WEAPONS_NAMED for n in nouns)


WEAPONS_NAMED = WEAPON_OBJECTS | {"gas", "agent", "device", "barrel"}  # what a weapon word may modify


def weapon_in_use(hit: CueHit, token: Token) -> bool:
    """A weapon word names an attack, or something is done with the weapon in its clause (not a test)."""
    if _weapon_test(token):
        return False
    span = token.doc[hit.start : hit.end]
    if token.pos_ == "ADJ" and token.dep_ in {"acomp", "conj", "advmod"}:
        return False  # said of something: "the interview was explosive", "the situation is explosive"
    if token.pos_ == "VERB" or any(t.lemma_.lower().startswith(EVENT_NOUN_PREFIXES) for t in span):
        if modifies_other_noun(token) or abstract_subject(token):  # "the population exploded"
            return False
        if _explosion_of_something_else(token):
            return False
        return not any(abstract(o) for c in token.children if c.lower_ == "of" for o in c.children)
    if _names_a_kind_of_thing(token):
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None and following.tag_.startswith("VB") and following.lemma_.lower() in WEAPON_USE_LEMMAS:
        return True  # "helicopters targeted IS positions", however it was parsed
    node = token
    for _ in range(4):
        if node.lemma_.lower() in EVENT_HEADS and node.i != token.i:
            return True
        if node.pos_ == "NOUN" and node.lemma_.lower() in WEAPON_USE_NOUNS and node.i != token.i:
            return True
        if node.pos_ == "VERB" and node.i != token.i:  # the nearest verb says what is done with it
            if _used_for_something_else(node):
                return False  # "used drones to map the reef"
            return node.lemma_.lower() in WEAPON_USE_LEMMAS or _went_off(node)
        if node.head.i == node.i:
            break
        node = node.head
    return any(c.lemma_.lower() in EVENT_HEADS for c in token.children if c.dep_ in {"compound", "conj"})


def _used_for_something_else(verb: Token) -> bool:
    """ "used drones to map the reef", "deployed drones to deliver medicine": the purpose is no attack."""
    if verb.lemma_.lower() not in {"use", "deploy", "fly", "launch"}:
        return False
    purposes = [c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.tag_ == "VB"]
    return bool(purposes) and not any(p.lemma_.lower() in WEAPON_USE_LEMMAS for p in purposes)


# A weapon that "went off", "tore through" or "ripped through" a place exploded; "tore up" a letter is no blast.
PARTICLE_USES = frozenset({("go", "off"), ("rip", "through"), ("tear", "through")})


def _went_off(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return any((lemma, c.lower_) in PARTICLE_USES for c in verb.children if c.dep_ in {"prt", "prep"})
