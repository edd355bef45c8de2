"""Measures and responses told with a verb and its object, which the lexicon's fixed phrases miss when words
stand between the two ("lifted on Sunday its week-long blockade"): the parse finds the verb and what it acts on.

- A change to a group's activity (ACLED): "banned all public gatherings", "two rebel factions merged", "the
  army lifted the blockade", "eased the emergency measures".
- A state's measure toward another (a diplomatic event): "announced it would cut all military aid", "suspended
  arms exports to the kingdom", "severed diplomatic ties".
- Aid halted by violence (ACLED's Other): "a medical charity suspended its work in the district after gunmen
  raided its clinic", "the refugee agency pulled its staff out of the camp as shelling intensified".
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.actors.matcher import NON_STATE_ARMED_KINDS, ActorTable
from sitrep.events.clause import phrase

BANNING_VERBS = frozenset({"ban", "prohibit", "outlaw", "forbid"})
# What an authority bans that changes what people or groups may do: "banned all public gatherings".
# fmt: off
BANNED_ACTIVITIES = frozenset({
    "gathering", "protest", "rally", "demonstration", "march", "assembly", "meeting", "party", "group",
    "organisation", "organization", "movement", "activity", "broadcast", "newspaper", "union", "strike",
})
# fmt: on
MERGING_VERBS = frozenset({"merge", "unite", "unify", "amalgamate"})
# Words that make a group an armed one when the actor table does not know its name.
ARMED_GROUP_WORDS = frozenset({"faction", "militia", "rebel", "insurgent", "militant", "jihadist", "guerrilla"})
LIFTING_VERBS = frozenset({"lift", "ease", "end", "relax", "suspend"})
# Measures of conflict that are lifted or eased: a blockade, a siege, a curfew, martial law, a state of
# emergency, emergency or security measures (not a pandemic's lockdown or restrictions).
LIFTED_MEASURES = frozenset({"blockade", "siege", "curfew"})
MEASURE_KINDS = frozenset({"emergency", "security", "martial"})
MEASURE_NOUNS = frozenset({"measure", "state", "law", "rule", "decree"})


def changes_activity(token: Token, actors: ActorTable) -> bool:
    """A measure imposed or lifted, or armed groups that change what they are."""
    if token.pos_ != "VERB":
        return False
    return _bans_activity(token) or _lifts_measure(token) or _armed_groups_merge(token, actors)


def _doers(verb: Token) -> list[Token]:
    """The verb's subjects; in what someone says or decides they did, a pronoun (or no subject at all) is the
    one who says it: "the factions said they had merged", "Norway decided to suspend arms exports"."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ in {"ccomp", "xcomp"} and all(d.pos_ == "PRON" for d in doers):
        return [c for c in verb.head.children if c.dep_ == "nsubj"]
    return doers


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]


def _bans_activity(token: Token) -> bool:
    """ "the authorities banned all public gatherings", "outlawed the opposition party": a measure."""
    if token.lemma_.lower() not in BANNING_VERBS:
        return False
    return any(c.lemma_.lower() in BANNED_ACTIVITIES for c in _objects(token))


def _lifts_measure(token: Token) -> bool:
    """ "the navy lifted on Sunday its week-long blockade", "eased security measures", "lifted the state of
    emergency", "martial law was lifted": a measure of conflict ends or is eased."""
    if token.lemma_.lower() not in LIFTING_VERBS:
        return False
    for thing in _objects(token):
        kinds = {c.lemma_.lower() for c in thing.children if c.dep_ in {"amod", "compound"}}
        kinds |= {o.lemma_.lower() for p in thing.children if p.dep_ == "prep" for o in p.children}
        if thing.lemma_.lower() in LIFTED_MEASURES or (kinds & MEASURE_KINDS and thing.lemma_.lower() in MEASURE_NOUNS):
            return True
    return False


def _armed_groups_merge(token: Token, actors: ActorTable) -> bool:
    """ "two rebel factions merged into a single group", "two rebel factions announced they had merged":
    armed groups change what they are (a pronoun merging is the group that says so)."""
    if token.lemma_.lower() not in MERGING_VERBS:
        return False
    doers = _doers(token)
    kinds = {m.entry.kind for d in doers for m in actors.find(phrase(d))}
    return bool(kinds & NON_STATE_ARMED_KINDS) or any(d.lemma_.lower() in ARMED_GROUP_WORDS for d in doers)


HALTING_VERBS = frozenset({"suspend", "halt", "stop", "withdraw", "evacuate", "pull"})
# What an aid mission halts or pulls out.
AID_WORK = frozenset({
    "operation", "activity", "delivery", "aid", "work", "mission", "staff", "personnel", "programme", "program",
    "service",
})  # fmt: skip
# Who does aid work: an agency or charity, the UN and its programmes, the Red Cross.
AID_WORDS = frozenset({
    "aid", "humanitarian", "relief", "charity", "agency", "ngo", "red", "cross", "crescent", "nations", "un",
    "unicef", "unhcr", "wfp", "msf", "médecins", "programme", "medical",
})  # fmt: skip
# The violence that made it stop, told in the same sentence.
VIOLENCE_LEMMAS = frozenset({
    "attack", "fighting", "fight", "gunfire", "violence", "clash", "shell", "shelling", "loot", "kill",
    "threaten", "insecurity", "bomb", "ambush", "raid", "abduct", "kidnap",
})  # fmt: skip


def aid_halted(token: Token) -> bool:
    """An aid group that suspends its work or pulls its staff out because of violence the sentence tells."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in HALTING_VERBS:
        return False
    out = any(c.dep_ in {"prt", "prep"} and c.lower_ == "out" for c in token.children)
    if token.lemma_.lower() == "pull" and not out:
        return False  # "pulled its staff out of the town"
    if not any(c.lemma_.lower() in AID_WORK for c in _objects(token)):
        return False
    doers = [w for c in token.children if c.dep_ == "nsubj" for w in c.subtree]
    if not any(w.lower_ in AID_WORDS or w.lemma_.lower() in AID_WORDS for w in doers):
        return False
    return any(t.lemma_.lower() in VIOLENCE_LEMMAS or _gunfire(t) for t in token.sent)


def _gunfire(token: Token) -> bool:
    """ "came under fire", "opened fire": gunfire, where a fire alone may be a blaze."""
    return token.lemma_.lower() == "fire" and (token.head.lower_ == "under" or token.head.lemma_.lower() == "open")


CUTTING_VERBS = frozenset({"cut", "suspend", "halt", "freeze", "stop", "resume", "restore", "sever", "downgrade"})
# What one state gives another, or keeps with it, and may cut: aid, arms, ties.
STATE_TIES = frozenset({"aid", "assistance", "tie", "relation"})
ARMS_TRADE = frozenset({"export", "sale", "shipment", "delivery", "transfer"})
ARMS_WORDS = frozenset({"arms", "weapon", "military"})


# Who acts for a state when it is not named: "the government severed ties".
STATE_BODIES = frozenset({"government", "administration", "ministry", "cabinet", "state", "country"})


# A state's gates to another: "closed its borders with Iran", "reopened its embassy in Kabul", "denied entry".
CLOSING_VERBS = frozenset({"close", "shut", "seal", "open", "reopen"})
GATES = frozenset({"border", "frontier", "airspace", "crossing", "embassy", "consulate"})
DENYING_VERBS = frozenset({"deny", "ban", "bar", "refuse", "revoke", "suspend"})
ENTRY = frozenset({"entry", "visa"})


def state_measure(token: Token) -> bool:
    """ "the United States announced it would cut all military aid", "Germany suspended arms exports",
    "the government severed diplomatic ties", "Russia closed its border with Iran", "would deny entry to
    all individuals undermining stability": what one state does to its dealings with another (a pronoun is
    the state that announces it)."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma not in CUTTING_VERBS | CLOSING_VERBS | DENYING_VERBS:
        return False
    doers = _doers(token)
    if not any(d.ent_type_ == "GPE" or d.lemma_.lower() in STATE_BODIES for d in doers):
        return False
    things = {thing.lemma_.lower() for thing in _objects(token)}
    if (lemma in CLOSING_VERBS and things & GATES) or (lemma in DENYING_VERBS and things & ENTRY):
        return True
    if lemma not in CUTTING_VERBS:
        return False
    for thing in _objects(token):
        lemma = thing.lemma_.lower()
        named = [c for c in thing.children if c.dep_ in {"amod", "compound", "nmod"}]
        modifiers = {c.lemma_.lower() for c in named} | {c.lower_ for c in named}  # "arms" is lemmatised "arm"
        if lemma in {"tie", "relation"} and not modifiers & {"diplomatic", "military", "economic", "trade"}:
            continue  # "cut ties with his old club"
        if lemma in STATE_TIES or (lemma in ARMS_TRADE and modifiers & ARMS_WORDS):
            return True
    return False


# What a curfew may fall on that is trade, not people: "a curfew on alcohol sales", "a curfew for bars".
TRADE = frozenset({
    "sale", "alcohol", "liquor", "bar", "pub", "shop", "store", "business", "restaurant", "club", "trading",
    "delivery", "construction", "noise",
})  # fmt: skip


def curfew_on_trade(token: Token) -> bool:
    """ "Chicago imposed a curfew on alcohol sales": closing hours for a trade, no curfew on people."""
    if token.lemma_.lower() != "curfew":
        return False
    fallen_on = [o for p in token.children if p.lower_ in {"on", "for"} for o in p.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in TRADE for o in fallen_on)
