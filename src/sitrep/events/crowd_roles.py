"""Crowds in a clause: whether one acted, and which side of the violence demonstrators are on.

A demonstration's sub-type says how it went, and the same words tell opposite stories: "protesters were shot
dead" is force used on the crowd, "protesters killed a policeman" the crowd's own violence. The typer
(:mod:`sitrep.events.rules`) asks here which side of the violence the demonstrators are on; the events stage
(:mod:`sitrep.events.extraction`) asks whether a crowd did the deed ("villagers beat a man": mob violence) and
whether a crowd word reports a demonstration ("students staged a sit-in") or only names one.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sitrep.actors.matcher import ActorRef
from sitrep.events.clause import doers_of
from sitrep.events.given import COUNT_NOUNS
from sitrep.events.lexicon import CueHit

# Members of a demonstrating crowd: violence done to them is force used on the crowd, violence they do is theirs.
CROWD_MEMBERS = frozenset({"protester", "demonstrator", "marcher", "mourner", "crowd", "picketer"})
PROTEST_GATHERINGS = frozenset({"protest", "demonstration", "rally", "march", "sit", "vigil"})


def _crowd_role(token: Token) -> str | None:
    """ "patient" when the violence word is done to demonstrators ("two protesters were shot dead", "gunmen fired
    on the marchers"), "agent" when they do it ("protesters killed a policeman"), else None."""
    verb = token if token.pos_ == "VERB" else token.head  # "shot dead": "dead" hangs on "shot"
    while (
        verb.dep_ == "conj"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    ):
        verb = verb.head  # "were beaten and injured": one subject
    for child in verb.children:
        if child.dep_ == "agent" and any(o.lemma_.lower() in CROWD_MEMBERS for o in child.children):
            return "agent"  # "shot dead by protesters"
        if child.lemma_.lower() not in CROWD_MEMBERS:
            continue
        if child.dep_ in {"nsubjpass", "dobj"}:
            return "patient"
        if child.dep_ == "nsubj":
            return "agent"
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        at_protest = (
            o.lemma_.lower() in PROTEST_GATHERINGS
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in {"at", "during", "in"}
            for o in c.children
            if o.dep_ == "pobj"
        )
        if any(at_protest):
            return "patient"  # "a student was killed during a protest", "he was shot at a rally"
    return None


def as_crowd_sees_it(doc: Doc, hit: CueHit) -> tuple[CueHit, ...]:
    """Violence told of demonstrators, typed by who suffered it: injuries done to them are an intervention
    ("demonstrators were injured by rubber bullets"), killings done to them lethal force used on them (the
    killing and an intervention), killings they did their own violence."""
    if hit.cue not in {"crowd_violence", "lethal"}:
        return (hit,)
    if hit.cue == "lethal" and _less_lethal(doc[hit.start]):
        return (CueHit("intervention", hit.start, hit.end),)  # "police shot tear gas at the crowd"
    role = _crowd_role(doc[hit.start])
    if role == "patient" and hit.cue == "crowd_violence":
        return (CueHit("intervention", hit.start, hit.end),)
    if role == "patient":
        return (hit, CueHit("intervention", hit.start, hit.end))
    if role == "agent" and hit.cue == "lethal":
        return (CueHit("crowd_violence", hit.start, hit.end),)
    return (hit,)


HURT_LEMMAS = frozenset({"injure", "injury", "wound", "hurt"})
# What police shoot that is meant not to kill: "shot tear gas", "fired rubber bullets".
LESS_LETHAL = frozenset({"gas", "teargas", "bullet", "pellet", "canister", "cannon", "grenade", "flare", "round"})


def _less_lethal(shot: Token) -> bool:
    """ "police shot tear gas at protesters": what was shot is meant to disperse, not to kill."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in LESS_LETHAL for c in shot.children)


def hurt_by_the_intervention(doc: Doc, hit: CueHit) -> CueHit:
    """Injuries told beside a crowd's dispersal are what the intervention did, unless the crowd did them
    ("protesters injured three policemen")."""
    token = doc[hit.start]
    if hit.cue != "crowd_violence" or token.lemma_.lower() not in HURT_LEMMAS or _crowd_role(token) == "agent":
        return hit
    return CueHit("intervention", hit.start, hit.end)


# Unarmed groups whose violence is a mob's: residents, villagers, a party's supporters, protesters.
MOB_KINDS = frozenset({"civilians", "opposition", "protesters", "rioters"})
# A crowd that is no demonstration: protesters who clash or burn are a violent demonstration instead.
UNORGANISED_KINDS = MOB_KINDS - {"protesters"}
COLLECTIVE_NOUNS = frozenset({"mob", "crowd", "group", "gang", "band", "horde", "throng"})
# Plural individuals, not a crowd: "the men killed her to keep her quiet" are suspects ("a group of men" is one).
INDIVIDUALS = frozenset({"man", "woman", "suspect", "teen", "teenager", "boy", "girl", "brother", "son"})


def crowd_did_it(actors: Sequence[tuple[ActorRef, str]], doc: Doc, kinds: frozenset[str] = MOB_KINDS) -> bool:
    """The doer is a group of unarmed people ("villagers", "residents", "party supporters", "a mob", "a group
    of youths"), not one person, told as the subject or the agent ("killed by villagers")."""
    for ref, role in actors:
        if role != "actor1" or ref.kind not in kinds:
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None or not (span.root.dep_ == "nsubj" or span.root.head.dep_ == "agent"):
            continue
        if span.root.lemma_.lower() in INDIVIDUALS:
            continue
        if span.root.tag_ in {"NNS", "NNPS"} or span.root.lemma_.lower() in COLLECTIVE_NOUNS:
            return True  # "activists were shot dead": the victims, not the doers
    return False


# Verbs that take part in a demonstration named by their object: "staged a sit-in", "joined the march".
TAKING_PART = frozenset({"stage", "hold", "organize", "organise", "join", "attend", "lead", "mount", "launch"})


def crowd_acts(noun: Token) -> bool:
    """The crowd word is the subject of a deed ("the protesters chanted", "groups of rioters broke in"),
    or the demonstration the object of taking part in it ("students staged a sit-in", "she joined the march",
    "workers held a protest demonstration", "traders took out a rally")."""
    while noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head  # "a protest demonstration", "a protest march": the demonstration is the phrase
    if any(c.dep_ == "nummod" and c.lower_ in COUNT_NOUNS for c in noun.children):
        return True  # a headline's "Thousands rally in capital": the crowd counted
    verb = noun.head
    taking_part = verb.lemma_.lower() in TAKING_PART or (
        verb.lemma_.lower() == "take" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    )
    if noun.dep_ == "dobj" and taking_part and verb.tag_ in {"VBD", "VBZ", "VBP"}:
        return any(c.dep_ == "nsubj" for c in verb.children)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "small groups of protesters"
        noun = noun.head.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":  # "the address was disrupted by a protester"
        verb = noun.head.head
        return any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
    return noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and noun.head.tag_ in {"VBD", "VBZ", "VBP"}


THROWING_VERBS = frozenset({"throw", "hurl", "pelt", "lob", "fling"})
MISSILES = frozenset({"stone", "rock", "brick", "bottle", "projectile", "molotov", "cocktail", "firebomb", "object"})
# Who throws as a crowd: the crowd words and the people a crowd is made of.
THROWERS = COLLECTIVE_NOUNS | {
    "protester", "demonstrator", "youth", "resident", "villager", "student", "supporter", "rioter", "man",
}  # fmt: skip


def crowd_throws(verb: Token) -> bool:
    """ "a crowd threw stones at the minister", "youths pelted the convoy with rocks": a crowd's violence,
    a riot whether or not a demonstration is named."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in THROWING_VERBS:
        return False
    thrown = [c for c in verb.children if c.dep_ in {"dobj", "pobj", "prep"}]
    thrown += [o for c in thrown if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    if verb.lemma_.lower() != "pelt" and not any(t.lemma_.lower() in MISSILES for t in thrown):
        return False
    # "broke through the cordon, heckling him and throwing stones": the crowd told once
    many = [d for d in doers_of(verb) if d.tag_ == "NNS" or d.lemma_.lower() in COLLECTIVE_NOUNS]  # not "a man"
    return any(d.lemma_.lower() in THROWERS for d in many)


# What explodes when thrown: "an explosive device was thrown at the crowd", "threw a bomb into the shop".
THROWN_EXPLOSIVES = frozenset({"device", "bomb", "explosive", "explosives", "charge"})


def thrown_explosive(verb: Token) -> bool:
    """An explosive thrown (by anyone) is a grenade in ACLED's sense, not a planted bomb."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in THROWING_VERBS - {"pelt"}:
        return False
    thrown = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(t.lemma_.lower() in THROWN_EXPLOSIVES for t in thrown)


PUSHING_VERBS = frozenset({"push", "drive", "force", "beat"})


def pushed_back(verb: Token) -> bool:
    """ "police pushed them back", "the crowd was driven back": someone pushed back by force. Pushing back
    against a plan pushes no one."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in PUSHING_VERBS:
        return False
    back = any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in verb.children)
    return back and any(c.dep_ in {"dobj", "nsubjpass", "agent"} for c in verb.children)


# The state's forces a crowd clashes with when it demonstrates.
STATE_FORCE_WORDS = frozenset({"police", "policeman", "officer", "soldier", "troop", "army", "security", "gendarme"})
# Who clashes with them as demonstrators: a political crowd (villagers or fans who clash with police are a mob).
CLASHING_CROWDS = frozenset({"protester", "demonstrator", "student", "supporter", "activist", "worker", "opposition"})


def crowd_clashes_with_the_state(clash: Token) -> bool:
    """ "students clashed with security forces", "supporters of the ousted president, injured during clashes
    with police": a political crowd fighting the state's forces demonstrates violently (ACLED's violent
    demonstration); armed men who clash with soldiers fight a battle."""
    if clash.lemma_.lower() != "clash":
        return False
    sides = [c for c in clash.children if c.dep_ in {"nsubj", "poss"}]
    sides += [o for p in clash.children if p.lower_ in {"with", "between"} for o in p.children if o.dep_ == "pobj"]
    if clash.pos_ == "NOUN" and clash.dep_ == "pobj":  # "carry a comrade injured during clashes with police"
        verb = clash.head
        while not any(c.dep_ == "nsubj" for c in verb.children) and verb.head.i != verb.i:
            verb = verb.head  # the sentence's subject: whose side the clashes were on
        sides += [c for c in verb.children if c.dep_ == "nsubj"]
    sides += [c for s in sides for c in s.conjuncts]
    words = {w.lemma_.lower() for s in sides for w in (s, *(c for c in s.children if c.dep_ in {"compound", "amod"}))}
    return bool(words & STATE_FORCE_WORDS) and bool(words & CLASHING_CROWDS)
