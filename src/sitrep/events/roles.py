"""Actor roles: who does what to whom in an event clause, in ACLED's two-actor shape.

The clause's subject and agents ("forces shelled", "attacks by Russia", "Russia's offensive")
are actor1, its objects and opponents ("shelled the village", "clashes with police") actor2,
any further ones ``associated``; sides come from the quote's speaker where the words leave
them bare ("our forces"). A place that stands for its government ("Moscow says", as the places
layer resolved it) is an actor too; a place that is a target ("shelled Kharkiv") is not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitrep.actors.matcher import ActorRef
from sitrep.events.anchoring import REGION_NOUNS, SETTLEMENT_NOUNS, ArticleFrame, side_of_actor
from sitrep.events.clause import subject
from sitrep.events.lexicon import CueHit
from sitrep.model import EventActor

# fmt: off
PARTICIPATION_VERBS = frozenset({
    "launch", "wage", "conduct", "carry", "stage", "hold", "fight", "continue", "repel", "win", "lose", "join",
    "mount", "lead", "resume", "intensify", "escalate", "step", "start", "begin", "take", "make", "suffer",
    "hit", "inflict", "unleash", "perpetrate", "commit", "organise", "organize", "storm", "press",
    # a measure is its maker's act: "he ordered a ceasefire", "the city lifted the curfew"
    "order", "declare", "announce", "impose", "lift", "extend", "end", "call",
})
# fmt: on
# Nouns that head a place's name ("the province of Kunduz", "Afghanistan's capital").
PLACE_HEADS = SETTLEMENT_NOUNS | REGION_NOUNS | {"county", "capital"}
CONSEQUENCE_PARTICIPLES = frozenset({"result", "spark", "trigger", "provoke", "lead"})
OBJECT_PREPS = frozenset({"against", "with", "between", "on", "at", "targeting"})
AGENT_PREPS = frozenset({"by"})


@dataclass(frozen=True)
class ClauseGroup:
    """The event cues of one clause, which together make one event."""

    head: Token
    hits: tuple[CueHit, ...]


def event_actors(
    group: ClauseGroup, frame: ArticleFrame, attribution: int | None, bare_side_kind: str
) -> list[tuple[ActorRef, str]]:
    """(actor, role) pairs: the clause's subject and agents first, then objects and opponents."""
    found: list[tuple[Token, str]] = []
    who = subject(group.head, frame.cues_near(group.head)) if _takes_part(group, frame.doc) else None
    if who is not None:  # "activists were shot dead by gunmen": a passive's subject is the target
        role = "actor2" if who.dep_ == "nsubjpass" else "actor1"
        found += [(t, role) for t in _with_conjuncts(who)]
    for hit in group.hits:
        token = frame.doc[hit.start]
        for child in token.children:
            if child.dep_ in {"poss", "amod", "compound"} and token.pos_ == "NOUN":
                found.append((child, "actor1"))
            elif child.dep_ == "agent" or (child.dep_ == "prep" and _is_agent_prep(token, child)):
                found += [(o, "actor1") for c in [child] for o in c.children if o.dep_ == "pobj"]
            elif child.dep_ == "dobj":
                found += [(t, "actor2") for t in _with_conjuncts(child)]
            elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
                found += [(t, "actor2") for o in child.children if o.dep_ == "pobj" for t in _with_conjuncts(o)]
    resolved: list[tuple[ActorRef, str]] = []
    seen: set[str] = set()
    for token, role in found:
        if role == "actor2" and _is_location(frame, token):  # "shelled Kharkiv": a target place
            continue
        # "Afghanistan's province of Kunduz fell to the Taliban": a phrase headed by a place names the place;
        # the country in it is no army
        place_phrase = token.lemma_.lower() in PLACE_HEADS
        ref = None if place_phrase else frame.actor(token, attribution, bare_side_kind)
        if ref is None:
            ref = _place_actor(frame, token)
        if ref is None:
            continue
        key = ref.actor or ref.text.lower()
        if key not in seen:
            seen.add(key)
            resolved.append((ref, role))
    return resolved


def _takes_part(group: ClauseGroup, doc: Doc) -> bool:
    """Whether the clause's subject is a party to the event.

    It is when the event word is a verb ("forces shelled") or the object of a verb of taking
    part ("launched an operation", "holding on in the battle"); not when someone merely
    talks about it ("the department is investigating the shooting").
    """
    heads = [doc[h.start : h.end].root for h in group.hits]
    if any(t.pos_ == "VERB" for t in heads):
        return True
    head = group.head
    # "police confronted the rebels, resulting in a gun battle": the consequence's parties are the clause's
    consequence = head.tag_ == "VBG" and head.dep_ == "advcl" and head.lemma_.lower() in CONSEQUENCE_PARTICIPLES
    return head.lemma_.lower() in PARTICIPATION_VERBS or consequence


def acled_roles(actors: Iterable[tuple[ActorRef, str]]) -> list[tuple[ActorRef, str]]:
    """ACLED's two-actor shape: the first agent is actor1, the first other side actor2."""
    out: list[tuple[ActorRef, str]] = []
    for ref, role in actors:
        taken = {r for _, r in out}
        if (role == "actor1" and "actor1" in taken) or (role == "actor2" and "actor2" in taken):
            role = "associated"
        out.append((ref, role))
    return out


def to_event_actor(ref: ActorRef, role: str) -> EventActor:
    assert role in {"actor1", "actor2", "associated"}
    return EventActor(
        text=ref.text,
        actor=ref.actor,
        side=ref.side,
        start=ref.start,
        end=ref.end,
        role=role,  # type: ignore[arg-type]
    )


def _is_agent_prep(trigger: Token, prep: Token) -> bool:
    """ "attacks by Russia", and "fell to Russian forces": the one who takes the place."""
    return prep.lower_ in AGENT_PREPS or (prep.lower_ == "to" and trigger.lemma_.lower() == "fall")


def _with_conjuncts(token: Token) -> list[Token]:
    return [token] + [c for c in token.children if c.dep_ == "conj"]


def _is_location(frame: ArticleFrame, token: Token) -> bool:
    index = frame.place_at.get(token.i)
    return index is not None and frame.result.places[index].role == "location"


def _place_actor(frame: ArticleFrame, token: Token) -> ActorRef | None:
    """A place standing for its government ("Moscow says"), as the places stage resolved it."""
    index = frame.place_at.get(token.i)
    if index is None:
        return None
    place = frame.result.places[index]
    if place.role != "actor" or not place.actor:
        return None
    return ActorRef(place.text, place.actor, side_of_actor(place.actor), "government", place.start, place.end)
