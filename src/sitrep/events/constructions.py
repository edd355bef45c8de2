"""Event cues read off the parse rather than the word list.

Some events are told with ordinary words whose sense only their arguments give: "pulled its troops
out" (a withdrawal; "pulled a phone out" is none), "a van struck a bus" (a crash), "a U.S. strike"
(an air strike; a teachers' strike is a protest), "strengthened its forces" (a movement of forces),
"rebels made gains in the north" (ground taken), "the regions Moscow added to the Russian Federation"
(an annexation). :func:`hits` finds them as
:class:`~sitrep.events.lexicon.CueHit` s of the lexicon's cue names, so the rules type them like any other.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from sitrep.actors.matcher import ARMED_KINDS, NON_STATE_ARMED_KINDS, STATE_FORCE_KINDS, ActorTable
from sitrep.events import accidents, dealings, measures
from sitrep.events.clause import doers_of, phrase
from sitrep.events.crowd_roles import crowd_clashes_with_the_state, crowd_throws, pushed_back, thrown_explosive
from sitrep.events.given import COUNT_NOUNS
from sitrep.events.lexicon import CueHit

ANNEXING_VERBS = frozenset({"add", "annex", "incorporate", "absorb", "integrate"})

GROUND_WEAPONS = frozenset(
    {"missile", "rocket", "artillery", "mortar", "tank", "naval", "ground", "cruise", "ballistic"}
)
STRIKING_VERBS = frozenset({"carry", "launch", "conduct", "order", "mount"})
MILITARY_OWNERS = frozenset(
    {"coalition", "military", "army", "navy", "nato", "allied", "drone", "precision", "targeted"}
)
WITHDRAWING_VERBS = frozenset({"pull", "draw", "move", "bring", "ship", "fly", "airlift"})
WITHDRAWING_PARTICLES = frozenset({"out", "back", "away"})
# fmt: off
FORCES = frozenset({
    "troop", "force", "soldier", "unit", "army", "contingent", "fighter", "militant", "personnel", "battalion",
    "brigade", "division", "regiment", "vessel", "ship", "warship", "tank", "aircraft", "jet", "boat", "garrison",
    "peacekeeper", "rebel", "insurgent", "guerrilla", "militia", "militiaman", "jihadist",
})
# fmt: on

GAIN_NOUNS = frozenset({"gain", "inroad", "advance", "headway"})
GAINING_VERBS = frozenset({"make", "score", "achieve", "post", "register", "report"})
GROUND_NOUNS = frozenset({"ground", "territory"})


def _gains_ground(token: Token, actors: ActorTable) -> bool:
    """ "insurgents making major gains in Hama", "government forces gained ground near Kherson": armed
    forces winning land. A party's gains in an election have no armed doer."""
    if token.pos_ != "VERB":
        return False
    objects = [c.lemma_.lower() for c in token.children if c.dep_ == "dobj"]
    gains = token.lemma_.lower() in GAINING_VERBS and any(o in GAIN_NOUNS for o in objects)
    if not gains and not (token.lemma_.lower() == "gain" and any(o in GROUND_NOUNS for o in objects)):
        return False
    doers = _subjects(token)
    if token.dep_ == "acl":  # "with insurgents making gains"
        doers.append(token.head)
    return bool(_kinds(doers, actors) & ARMED_KINDS)


# Driving a force out of a place: "the army pushed the rebels out of Goma", "drove the militants from Bama".
EXPELLING_VERBS = frozenset({"push", "drive", "force", "chase", "flush", "rout", "expel", "oust", "kick", "throw"})


def driven_out(token: Token, actors: ActorTable) -> str | None:
    """The cue of an armed force driven out of somewhere: "regained" when the state's forces drove it out,
    "taken" when an armed group did; ``None`` when no armed force was driven out by one."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in EXPELLING_VERBS:
        return None
    driven = [c for c in token.children if c.dep_ == "dobj"]
    away = any(
        (c.lower_ == "from" and c.dep_ == "prep") or (c.lower_ == "out" and any(g.lower_ == "of" for g in c.children))
        for c in token.children
    )
    if not away or not _kinds(driven, actors) & ARMED_KINDS:
        return None
    doers = _kinds(_subjects(token), actors)
    if doers & STATE_FORCE_KINDS:
        return "regained"
    return "taken" if doers & NON_STATE_ARMED_KINDS else None


def _subjects(verb: Token | None) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []


def _kinds(doers: list[Token], actors: ActorTable) -> set[str]:
    """The actor kinds (military, police, rebel …) the table finds in these phrases."""
    return {m.entry.kind for d in doers for m in actors.find(phrase(d))}


# fmt: off
# Who demonstrates or rallies in the protest sense: people, not "the speed of the regrowth".
PEOPLE_NOUNS = frozenset({
    "people", "person", "protester", "demonstrator", "student", "worker", "resident", "villager", "supporter",
    "activist", "member", "farmer", "teacher", "doctor", "nurse", "employee", "citizen", "youth", "woman",
    "man", "group", "crowd", "hundred", "thousand", "dozen", "union", "party", "opposition", "community",
    "family", "relative", "trader", "driver", "lawyer", "staff", "fan", "voter", "parent", "pensioner",
    "veteran", "miner", "vendor", "journalist", "inhabitant", "local", "mother", "others", "neighbour",
    "neighbor", "father", "wife", "husband", "son", "daughter", "brother", "sister", "friend",
})
# fmt: on
OCCUPYING_VERBS = frozenset({"occupy", "blockade", "barricade", "block"})
# fmt: off
OCCUPIED_PLACES = frozenset({
    "lobby", "office", "building", "square", "campus", "embassy", "parliament", "hall", "headquarters",
    "ministry", "factory", "plant", "mine", "site", "road", "highway", "street", "bridge", "station",
    "university", "school", "park", "plaza", "chamber", "premises", "land", "port", "runway", "railway",
})
# fmt: on
CROWD_KINDS = frozenset({"civilians", "opposition", "workers", "protesters"})


def _sit_in(token: Token, actors: ActorTable) -> bool:
    """ "students occupied the lobby of the ministry", "farmers blockaded the highway": unarmed people
    holding a building or a road is a demonstration, not a change of hands. The doer may be told once
    for several acts ("activists chained themselves together before occupying the offices")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in OCCUPYING_VERBS:
        return False
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in OCCUPIED_PLACES for c in token.children):
        return False
    return _unarmed_people(doers_of(token), actors)


def _unarmed_people(doers: list[Token], actors: ActorTable) -> bool:
    """The doers are civilians, workers, activists or protesters (by the actor table), or, unknown to it,
    people ("nurses", "dozens of people", "members of the association"); no armed or state actor."""
    kinds = _kinds(doers, actors)
    if kinds:
        return kinds <= CROWD_KINDS
    return any(d.lemma_.lower() in PEOPLE_NOUNS and d.pos_ == "NOUN" for d in doers)


GATHERING_VERBS = frozenset({"gather", "assemble", "converge", "congregate", "walk", "meet", "mass"})
# What a gathering is for when it is a demonstration: "gathered to demand justice", "demanding better pay".
# fmt: off
DEMANDING_VERBS = frozenset({
    "demand", "denounce", "condemn", "protest", "oppose", "call", "decry", "reject", "criticise", "criticize",
    "urge", "press", "seek", "claim", "voice", "express", "show", "defend", "support",
})
# fmt: on


def _gathers_to_demand(token: Token, actors: ActorTable) -> bool:
    """ "residents gathered outside the town hall to demand justice", "nurses gathered in front of the
    hospital demanding better pay": people meeting to press a claim demonstrate; a family gathering does not."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in GATHERING_VERBS:
        return False
    purposes = [c for c in token.children if c.dep_ in {"advcl", "xcomp"} and c.pos_ == "VERB"]
    if not any(p.lemma_.lower() in DEMANDING_VERBS for p in purposes):
        return False
    return _unarmed_people(_subjects(token), actors)


BEARING_VERBS = frozenset({"hold", "carry", "wave", "raise", "brandish"})
PLACARDS = frozenset({"sign", "placard", "banner", "poster"})
CHEERING_PEOPLE = frozenset({"fan", "supporter", "backer", "spectator", "well-wisher", "onlooker"})


def _bears_signs(token: Token, actors: ActorTable) -> bool:
    """ "dozens of parents held signs outside the school board", "carrying placards, residents lined Main
    Street": unarmed people bearing signs demonstrate."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in BEARING_VERBS:
        return False
    signs = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in PLACARDS]
    if not any(s.tag_ == "NNS" for s in signs):
        return False  # "held a sign-up", "carried a banner year": one sign is no crowd's
    bearers = doers_of(token)  # "carrying signs, residents lined the street"
    if any(d.lemma_.lower() in CHEERING_PEOPLE for d in bearers):
        return False  # "fans waved banners as the team arrived": a welcome
    return _unarmed_people(bearers, actors)


def _done_in_protest(token: Token, actors: ActorTable) -> bool:
    """ "farmers dumped potatoes outside parliament in protest at low prices": what unarmed people do "in
    protest" is a demonstration; a minister who "left the talks in protest" does not demonstrate."""
    if token.pos_ != "VERB":
        return False
    protest = any(
        child.dep_ == "prep" and child.lower_ == "in" and any(o.lemma_.lower() == "protest" for o in child.children)
        for child in token.children
    )
    return protest and _unarmed_people(_subjects(token), actors)


SEIZING_VERBS = frozenset({"seize", "capture", "grab", "snatch", "nab"})


def seized_person(token: Token, actors: ActorTable) -> str | None:
    """ "police seized the suspect Ali Demir" (an arrest), "rebels captured two soldiers" (an abduction):
    a person taken, named by the parse; the captor's kind says which. Land taken is a territorial cue."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in SEIZING_VERBS:
        return None
    taken = [c for c in token.children if c.dep_ == "dobj"]
    if not any(o.ent_type_ == "PERSON" or o.lemma_.lower() in CAPTIVES for o in taken):
        return None
    captors = _kinds(_subjects(token), actors)
    if captors & STATE_FORCE_KINDS:
        return "arrest"
    return "abduction" if captors & ARMED_KINDS else None


CAPTIVES = frozenset({
    "soldier", "officer", "civilian", "hostage", "suspect", "man", "woman", "journalist", "commander", "leader",
    "militant", "rebel", "fighter", "insurgent", "gunman", "ringleader", "mastermind", "kingpin", "member",
})  # fmt: skip


# fmt: off
TAKING_VERBS = frozenset({
    "seize", "confiscate", "recover", "find", "discover", "uncover", "capture", "impound", "intercept",
    "loot", "steal", "grab",
})
TAKING_NOUNS = frozenset({"seizure", "confiscation", "discovery", "recovery", "haul", "cache", "stockpile"})
WEAPON_OBJECTS = frozenset({
    "weapon", "arm", "explosive", "ammunition", "rifle", "gun", "firearm", "pistol", "grenade", "rocket",
    "mortar", "bomb", "ied", "mine", "landmine", "launcher", "munition", "missile", "detonator", "rpg",
    "kalashnikov", "ak-47", "shell", "cartridge",
})
# fmt: on
# What armed men carry off when they loot (people's goods, not weapons or ground).
# fmt: off
GOODS = frozenset({
    "wheat", "grain", "flour", "food", "aid", "cattle", "livestock", "goat", "sheep", "cow", "camel", "fuel",
    "money", "cash", "supply", "good", "crop", "harvest", "car", "vehicle", "truck", "medicine", "property",
})
# fmt: on


def weapons_taken(token: Token, actors: ActorTable) -> str | None:
    """ "police confiscated weapons and explosives", "the seizure of 40 rifles", "a cache of mortar shells":
    weapons taken out of use (``disrupted``); taken by rebels or a militia, they are looted (``looted_arms``)."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in TAKING_VERBS:
        objects = [c for c in token.children if c.dep_ == "dobj"]
        verb: Token | None = token
    elif token.pos_ == "NOUN" and lemma in TAKING_NOUNS:
        objects = [o for p in token.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        verb = token.head if token.head.pos_ == "VERB" else None
    else:
        return None
    objects += [c for o in objects for c in o.conjuncts]
    # what a cache, a haul or a quantity holds: "a cache of rifles", "40 tons of explosives", "tons of wheat"
    objects += [o for c in objects for p in c.children if p.lower_ == "of" for o in p.children]
    if any(o.lemma_.lower() in DRUGS for o in objects):
        return "crime"  # "officers seized drugs, ammunition and cash": a haul of a drug ring's
    if not any(o.lemma_.lower() in WEAPON_OBJECTS for o in objects):
        # "fighters seized 460 tons of wheat", "soldiers stole cattle": an armed group carrying off goods loots
        if token.pos_ != "VERB" or not any(o.lemma_.lower() in GOODS for o in objects):
            return None
        return "looted_arms" if _kinds(_subjects(verb), actors) & (ARMED_KINDS - {"police"}) else None
    kinds = _kinds(_subjects(verb), actors)
    return "looted_arms" if kinds & NON_STATE_ARMED_KINDS and not kinds & STATE_FORCE_KINDS else "disrupted"


# Goods whose seizure is a crime ring's haul.
DRUGS = frozenset({
    "drug", "narcotic", "cocaine", "heroin", "cannabis", "marijuana", "methamphetamine", "hashish", "opium",
    "fentanyl", "contraband", "meth", "ecstasy", "amphetamine",
})  # fmt: skip


ESTABLISHING_VERBS = frozenset({"set", "establish", "build", "erect", "open", "create", "construct", "install"})
BASE_NOUNS = frozenset(
    {"base", "checkpoint", "outpost", "camp", "headquarters", "roadblock", "barricade", "garrison", "fortification"}
)
MILITARY_MODIFIERS = frozenset(
    {"military", "fortified", "army", "naval", "police", "observation", "command", "forward", "firing", "security"}
)
# A post kept, not only set up: "gunmen manned roadblocks", "the rebels hold checkpoints around the town".
HOLDING_VERBS = frozenset({"man", "hold", "maintain", "operate", "mount", "staff"})
POSTS = frozenset({"checkpoint", "roadblock", "barricade", "outpost"})


def _establishes_base(token: Token) -> bool:
    """ "a checkpoint has been set up by the police", "troops built a fortified military structure":
    a base or post established, told in the passive or with a general noun (armed forces checked by the rules)."""
    if token.pos_ == "VERB" and token.lemma_.lower() in HOLDING_VERBS:
        return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in POSTS for c in token.children)
    if token.pos_ != "VERB" or token.lemma_.lower() not in ESTABLISHING_VERBS:
        return False
    if token.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return False  # "set up", not "set fire"
    built = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(
        b.lemma_.lower() in BASE_NOUNS
        or (b.lemma_.lower() in {"structure", "post", "position"} and _militarily_modified(b))
        or (b.lemma_.lower() == "block" and any(c.lower_ == "road" for c in b.children))  # "road blocks"
        for b in built
    )


def _militarily_modified(noun: Token) -> bool:
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in MILITARY_MODIFIERS for c in noun.children)


REINFORCING_VERBS = frozenset({"strengthen", "bolster", "boost", "beef", "double", "triple", "increase", "expand"})


def _reinforces(token: Token) -> bool:
    """ "strengthened its forces in the south", "doubled its troops on the border": more forces somewhere."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in REINFORCING_VERBS:
        return False
    return _moves_forces(token)


SENDING_VERBS = frozenset({"send", "dispatch", "order", "rush", "fly", "ship", "move"})


def _sends_forces(token: Token) -> bool:
    """ "ordered 300 troops to Cameroon", "sent soldiers into the province": forces sent somewhere."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in SENDING_VERBS:
        return False
    destined = any(c.dep_ == "prep" and c.lower_ in DESTINATION_PREPS for c in token.children)
    # "moved tanks closer to the border": the destination hangs from the adverb
    destined = destined or any(
        c.dep_ == "advmod" and any(p.dep_ == "prep" and p.lower_ in DESTINATION_PREPS for p in c.children)
        for c in token.children
    )
    return destined and _moves_forces(token)


DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})


def _withdraws(token: Token) -> bool:
    """ "pulled back its forces", "pulled their troops out": a phrasal verb of withdrawal whose
    object is armed forces (the territory it leaves is checked like any territorial cue's)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in WITHDRAWING_VERBS:
        return False
    if not any(c.dep_ in {"prt", "prep", "advmod"} and c.lower_ in WITHDRAWING_PARTICLES for c in token.children):
        return False
    return _moves_forces(token)


def _moves_forces(verb: Token) -> bool:
    """The verb's object is armed forces, counted as such: "its forces", "the troops"; not "its sales force".
    In the passive the forces are its subject: "eighty peacekeepers were shipped out of the enclave"."""
    named = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    # "hundreds of troops were sent": the forces are the count's complement
    named += [o for c in named if c.lower_ in COUNTS for p in c.children if p.lower_ == "of" for o in p.children]
    objects = [o for o in named if o.lemma_.lower() in FORCES]
    return any(o.tag_ == "NNS" and not (o.lemma_.lower() == "force" and _compounded(o)) for o in objects)


COUNTS = COUNT_NOUNS | {"number", "contingent", "battalion"}  # "a contingent of peacekeepers"


def _compounded(noun: Token) -> bool:
    """ "sales force", "task force": a compound makes "force" something else; "UN peacekeepers" stay troops."""
    return any(m.dep_ == "compound" for m in noun.children)


def hits(tokens: Sequence[Token], actors: ActorTable) -> list[CueHit]:
    """Every construction found in ``tokens``, as a one-token cue hit on its verb or noun.

    The annexing state is the object itself, not a modifier of it: "added to the Irish inspection
    list" is no annexation.
    """
    found = []
    for token in tokens:
        if _withdraws(token):
            found.append(CueHit("transfer", token.i, token.i + 1))
        found += accidents.hits(token)
        if military_strike(token, actors):
            found.append(CueHit("air", token.i, token.i + 1))
        if _gains_ground(token, actors):
            found.append(CueHit("taken", token.i, token.i + 1))
        expelled = driven_out(token, actors)
        if expelled is not None:
            found.append(CueHit(expelled, token.i, token.i + 1))
        # (a road blocked: the rules read who blocked it, a crowd, armed men or the state)
        crowd = _sit_in(token, actors) or _done_in_protest(token, actors) or _gathers_to_demand(token, actors)
        crowd = crowd or _bears_signs(token, actors)
        if crowd or _blocks_a_road(token, actors):
            found.append(CueHit("protest", token.i, token.i + 1))
        if token.lemma_.lower() == "storm" and any(c.dep_ == "dobj" for c in token.children):
            found.append(CueHit("crowd_violence", token.i, token.i + 1))  # "protesters storm parliament" (any tag)
        if crowd_throws(token):
            found.append(CueHit("riot", token.i, token.i + 1))
        if thrown_explosive(token):
            found.append(CueHit("grenade", token.i, token.i + 1))
        if pushed_back(token):
            found.append(CueHit("intervention", token.i, token.i + 1))
        if crowd_clashes_with_the_state(token):
            found.append(CueHit("protest", token.i, token.i + 1))
        if _riot_against_a_measure(token):
            found.append(CueHit("grievance", token.i, token.i + 1))
        taken = weapons_taken(token, actors)
        if taken is not None:
            found.append(CueHit(taken, token.i, token.i + 1))
        captive = seized_person(token, actors)
        if captive is not None:
            found.append(CueHit(captive, token.i, token.i + 1))
        if _establishes_base(token):
            found.append(CueHit("base", token.i, token.i + 1))
        if _reinforces(token) or _sends_forces(token):
            found.append(CueHit("deployment", token.i, token.i + 1))
        if token.lemma_.lower() in ANNEXING_VERBS and _annexes(token, actors):
            found.append(CueHit("transfer", token.i, token.i + 1))
        if _claims_an_attack(token) or _says_it_was_behind(token, actors):
            found.append(CueHit("claimed", token.i, token.i + 1))
        found += dealings.hits(token)
        if measures.changes_activity(token, actors):
            found.append(CueHit("measure", token.i, token.i + 1))
        if measures.state_measure(token):
            found.append(CueHit("state_measure", token.i, token.i + 1))
        if measures.aid_halted(token):
            found.append(CueHit("aid_halted", token.i, token.i + 1))
    return found


# What a group claims when it claims an attack without the word "responsibility".
CLAIMED_DEEDS = frozenset(
    {"attack", "bombing", "blast", "ambush", "assault", "killing", "assassination", "raid", "explosion", "strike"}
)


def _claims_an_attack(token: Token) -> bool:
    """ "IS claimed the attack", "the group claimed the bombings": the deed is the verb's object; "claimed
    the attack was staged" says something about it."""
    if token.lemma_.lower() != "claim" or token.pos_ != "VERB" or any(c.dep_ == "ccomp" for c in token.children):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIMED_DEEDS for c in token.children)


BLOCKING_VERBS = frozenset({"block", "blockade", "barricade"})
ROADS = frozenset({"road", "highway", "motorway", "route", "street", "bridge", "junction", "railway", "crossing"})


def _blocks_a_road(token: Token, actors: ActorTable) -> bool:
    """ "farmers blocked the main road into the capital", "rebels blocked the highway": the lexicon's "blocked
    the road" with any words between verb and road, done by people (a fallen tree blocks no road in protest)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in BLOCKING_VERBS:
        return False
    if not any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in ROADS for c in token.children):
        return False
    doers = _subjects(token) + [o for c in token.children if c.dep_ == "agent" for o in c.children]
    return any(d.lemma_.lower() in PEOPLE_NOUNS for d in doers) or bool(_kinds(doers, actors))


def _says_it_was_behind(token: Token, actors: ActorTable) -> bool:
    """ "the militant group said it was behind the bombing", "the rebels said they were behind the attack": an
    armed group that says it did the deed claims it."""
    if token.lower_ != "behind" or token.head.lemma_ != "be" or token.head.dep_ != "ccomp":
        return False
    if not any(c.dep_ == "pobj" and c.lemma_.lower() in CLAIMED_DEEDS for c in token.children):
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in token.head.children):
        return False
    speakers = _subjects(token.head.head)
    named = bool(_kinds(speakers, actors) & NON_STATE_ARMED_KINDS)
    return named or any(w.lemma_.lower() in measures.ARMED_GROUP_WORDS for s in speakers for w in s.subtree)


RIOT_NOUNS = frozenset({"riot", "rioting", "unrest"})
# Whom a riot is against when it is a mob's: people ("riots against migrants"), not a policy.
RIOT_VICTIMS = PEOPLE_NOUNS | {
    "police", "migrant", "immigrant", "foreigner", "refugee", "minority", "rival", "neighbour", "neighbor",
    "muslim", "christian", "hindu",
}  # fmt: skip


def _riot_against_a_measure(token: Token) -> bool:
    """ "riots against the new tax", "unrest over fuel prices": a riot that voices a grievance is a violent
    demonstration; a riot against people ("against migrants") is a mob's."""
    if token.lemma_.lower() not in RIOT_NOUNS or token.pos_ != "NOUN":
        return False
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"against", "over"}):
        for target in (o for o in prep.children if o.dep_ == "pobj"):
            if target.ent_type_ not in {"PERSON", "NORP", "ORG"} and target.lemma_.lower() not in RIOT_VICTIMS:
                return True
    return False


def military_strike(token: Token, actors: ActorTable) -> bool:
    """ "a U.S. strike", "coalition strikes", "carried out four strikes against IS": a strike
    whose owner is a state or an armed force. A workers' strike has workers for its owner."""
    if token.lemma_.lower() != "strike" or token.pos_ != "NOUN":
        return False
    owners = [c for c in token.children if c.dep_ in {"compound", "amod", "poss", "nmod"}]
    if any(o.lemma_.lower() in GROUND_WEAPONS for o in owners):
        return False  # "Russian missile strikes", "artillery strikes": the shelling cues type those
    verb = token.head if token.dep_ == "dobj" and token.head.lemma_.lower() in STRIKING_VERBS else None
    if verb is not None:
        owners += [c for c in verb.children if c.dep_ == "nsubj"]
    for owner in owners:
        if owner.ent_type_ in {"GPE", "NORP"} or owner.lemma_.lower() in MILITARY_OWNERS:
            return True
        if any(m.entry.kind in STATE_FORCE_KINDS for m in actors.find(list(owner.subtree))):
            return True  # a state's forces fly; "a militant strike on an army base" was made on the ground
    return False


def _annexes(token: Token, actors: ActorTable) -> bool:
    """ "added ... to the Russian Federation": the object of "to"/"into" names a country."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in {"to", "into"}:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if any(o.pos_ == "PROPN" and _names_state(actors, o) for o in objects):
                return True
    return False


def _names_state(actors: ActorTable, token: Token) -> bool:
    return any(m.entry.kind in {"country"} for m in actors.find(phrase(token)))
