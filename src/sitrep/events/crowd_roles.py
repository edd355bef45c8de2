"""Violence told of demonstrators, typed by who suffers it.

A demonstration's sub-type says how it went, and the same words tell opposite stories: "protesters were shot
dead" is force used on the crowd, "protesters killed a policeman" the crowd's own violence. The typer
(:mod:`sitrep.events.rules`) asks here which side of the violence the demonstrators are on.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

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
    role = _crowd_role(doc[hit.start])
    if role == "patient" and hit.cue == "crowd_violence":
        return (CueHit("intervention", hit.start, hit.end),)
    if role == "patient":
        return (hit, CueHit("intervention", hit.start, hit.end))
    if role == "agent" and hit.cue == "lethal":
        return (CueHit("crowd_violence", hit.start, hit.end),)
    return (hit,)


HURT_LEMMAS = frozenset({"injure", "injury", "wound", "hurt"})


def hurt_by_the_intervention(doc: Doc, hit: CueHit) -> CueHit:
    """Injuries told beside a crowd's dispersal are what the intervention did, unless the crowd did them
    ("protesters injured three policemen")."""
    token = doc[hit.start]
    if hit.cue != "crowd_violence" or token.lemma_.lower() not in HURT_LEMMAS or _crowd_role(token) == "agent":
        return hit
    return CueHit("intervention", hit.start, hit.end)
