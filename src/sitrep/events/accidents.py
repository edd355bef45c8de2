"""Accidents and floods read off the parse: a vehicle that struck another, an explosion at a works, a river
that burst its banks, homes flooded. Each is a cue hit of the lexicon's ``accident`` or ``natural``, so the
rules type them like any other (a bomb or an attacker named close by keeps an explosion an attack)."""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.events.clause import near
from sitrep.events.lexicon import CueHit


def hits(token: Token) -> list[CueHit]:
    """The accidents and floods ``token`` tells (the flood's hit is on the noun: the natural cue is a noun's)."""
    found = []
    if _vehicle_accident(token) or _industrial_explosion(token):
        found.append(CueHit("accident", token.i, token.i + 1))
    found += [CueHit("natural", n.i, n.i + 1) for n in _flooded(token)]
    return found


# fmt: off
VEHICLES = frozenset({
    "car", "truck", "van", "bus", "vehicle", "pickup", "suv", "motorcycle", "motorbike", "train", "tractor",
    "trailer", "lorry", "taxi", "minibus", "sedan", "jeep", "semi", "tanker", "scooter", "coach",
})
# fmt: on
# What a vehicle does in a crash, and what a driver does to it. Not "rammed" or "ploughed into":
# a vehicle driven into a crowd may be an attack, which the violence cues decide.
VEHICLE_CRASH_VERBS = frozenset({"hit", "strike", "slam", "crash", "collide", "overturn", "flip", "skid", "veer"})
DRIVER_CRASH_VERBS = frozenset({"roll", "overturn", "flip", "crash", "wreck", "total"})


# Where and what explodes by accident: "an explosion at a gas plant", "a boiler exploded".
# fmt: off
WORKS = frozenset({
    "plant", "factory", "refinery", "mine", "warehouse", "depot", "pipeline", "mill", "rig", "workshop",
    "foundry", "smelter", "boiler", "well", "furnace", "silo",
})
ACCIDENTALLY_EXPLODING = WORKS | {
    "gas", "cylinder", "tank", "stove", "heater", "transformer", "battery", "firework", "fireworks", "pipe",
}
BOMB_WORDS = frozenset({"bomb", "explosive", "ied", "device", "attack", "attacker", "suicide", "militant", "grenade"})
# fmt: on


def _industrial_explosion(token: Token) -> bool:
    """ "an explosion at a gas plant killed two workers", "a gas cylinder exploded in a kitchen": an
    explosion at a works or of a thing that explodes by accident, with no bomb or attacker named close by."""
    lemma = token.lemma_.lower()
    if lemma not in {"explosion", "blast", "explode"}:
        return False
    if lemma == "explode":
        things = [c for c in token.children if c.dep_ == "nsubj"]
    else:
        things = [o for p in token.children if p.lower_ in {"at", "in"} for o in p.children if o.dep_ == "pobj"]
    named = [w for t in things for w in (t, *(c for c in t.children if c.dep_ == "compound"))]
    if not any(w.lemma_.lower() in ACCIDENTALLY_EXPLODING for w in named):
        return False
    return not any(t.lemma_.lower() in BOMB_WORDS for t in near(token))


def _vehicle_accident(token: Token) -> bool:
    """ "a van struck the bus", "the car veered off the road", "he rolled his truck"."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects and token.dep_ == "conj":  # "a bus was travelling north and struck a truck"
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    if lemma in VEHICLE_CRASH_VERBS and any(_vehicle(s) for s in subjects):
        return True
    return lemma in DRIVER_CRASH_VERBS and any(c.dep_ == "dobj" and _vehicle(c) for c in token.children)


def _vehicle(noun: Token) -> bool:
    """A vehicle by name, or by the one driving it: "a brown sedan", "a 1993 Cadillac driven by a Marlow man"."""
    return noun.lemma_.lower() in VEHICLES or any(
        c.dep_ == "acl" and c.lemma_.lower() == "drive" for c in noun.children
    )


# A river's banks, burst, and what floodwater covers: "the river burst its banks", "flooding hundreds of homes".
BURSTING_VERBS = frozenset({"burst", "break", "overflow", "overtop", "breach"})
BANKS = frozenset({"bank", "levee", "dyke", "dike", "embankment"})
FLOODING_VERBS = frozenset({"flood", "inundate", "submerge", "swamp"})
WATERS = frozenset({
    "water", "floodwater", "river", "rain", "rainwater", "storm", "flood", "sea", "tide", "surge", "stream",
    "creek", "lake", "wave", "torrent", "downpour", "snowmelt", "it", "which", "that",
})  # fmt: skip
# fmt: off
FLOODED_PLACES = frozenset({
    "home", "house", "street", "road", "village", "town", "field", "farmland", "area", "district", "basement",
    "neighbourhood", "neighborhood", "city", "crop", "highway", "building", "valley",
})
# fmt: on


def _flooded(token: Token) -> list[Token]:
    """ "the river burst its banks": the banks; "water flooded hundreds of homes": the homes. A market
    "flooded with cheap goods" is no place under water."""
    if token.pos_ != "VERB":
        return []
    lemma = token.lemma_.lower()
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    objects += [o for c in objects for p in c.children if p.lower_ == "of" for o in p.children]  # "hundreds of homes"
    if lemma in BURSTING_VERBS:
        return [o for o in objects if o.lemma_.lower() in BANKS]
    if lemma in FLOODING_VERBS and token.head.lemma_.lower() not in BURSTING_VERBS:  # "..., flooding homes": one flood
        doers = [c for c in token.children if c.dep_ == "nsubj"]
        if any(d.lemma_.lower() not in WATERS for d in doers):
            return []  # "the army flooded the farmland": someone did it
        return [o for o in objects if o.lemma_.lower() in FLOODED_PLACES][:1]
    return []
