"""What a cue's sentence says is background or topic rather than the news: what a demonstration is
about, what an arrest is for, what a claim claims, why a curfew, a truce or a deployment came, what an
act answers. Tokens found here neither start nor type an event of their own."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sitrep.events.clause import clause_head
from sitrep.events.lexicon import CueHit

# What a demonstration is *about* is not what happened at it ("protested against the killing of").
TOPIC_PREPS = frozenset({"against", "over", "about", "regarding", "following", "after", "for", "amid"})
# fmt: off
TOPIC_VERBS = frozenset({
    "demand", "condemn", "denounce", "protest", "oppose", "call", "decry", "mourn", "mark", "commemorate",
    "seek", "urge", "express", "criticise", "criticize", "highlight", "support", "reject", "press",
})
# fmt: on
TOPIC_ANCHORS = frozenset({"protest", "grievance"})
DEMONSTRATION_CUES = frozenset({"protest", "crowd_size"})
CHARGE_PREPS = frozenset({"for", "over"})
CAUSE_PREPS = frozenset({"after", "following", "over", "amid", "because", "due", "since", "despite"})
# Acts whose "after"/"despite"/"to end" phrases tell their background: a curfew after riots, a truce to
# end a war, a claim made after the bombings. (Not a change of hands: "forced to pull out after a grenade
# attack" reports the attack.)
SETTLING_CUES = frozenset({"measure", "state_measure", "agreement", "diplomacy", "claimed", "deployment"})
ENDING_VERBS = frozenset({"end", "stop", "halt", "cease", "resolve", "settle", "aim", "curb", "prevent"})
PAUSES = frozenset({"pause", "halt", "cessation", "end", "lull", "break", "stop"})


def topic_tokens(doc: Doc, hits: Sequence[CueHit]) -> set[int]:
    """Indices of tokens that state the topic of a demonstration, or the charge of an arrest."""
    topic = demonstration_topics(doc, hits)
    answered: dict[int, set[int]] = {}  # per clause head: each clause is read once, however many cues it has
    since: dict[int, list[Token]] = {}
    for hit in hits:
        if hit.cue in SETTLING_CUES:  # "imposed a curfew after days of protests", "a truce to end the war"
            topic |= settling_background(doc, hit)
        word = doc[hit.start : hit.end].root
        head = clause_head(word)
        if head.i not in answered:
            answered[head.i] = _answered(head)
        topic |= answered[head.i] | _since(word, head, since) | _before_the_act(word) | _time_anchor(word, head)
        topic |= _suspected_of(word)
        if hit.cue == "claimed":  # "claimed responsibility for the bombing": the bombing is what is claimed
            anchor = doc[hit.end - 1]
            for child in [*anchor.children, *anchor.head.children]:  # "for" hangs from the noun or the verb
                charge = child.dep_ == "prep" and child.lower_ in CHARGE_PREPS
                deed = child.dep_ == "dobj" and child.i != anchor.i and anchor.pos_ == "VERB"  # "claimed the attack"
                behind = child.dep_ == "pobj" and anchor.lower_ == "behind"  # "said it was behind the bombing"
                if charge or deed or behind or _trailing_apposition(child):
                    topic.update(t.i for t in child.subtree)
        if hit.cue == "arrest":  # "arrested for aggravated assault": an arrest, not an assault
            anchor = doc[hit.start : hit.end].root
            for child in anchor.children:
                if child.dep_ == "prep" and (child.lower_ in CHARGE_PREPS or _names_a_charge(child)):
                    topic.update(t.i for t in child.subtree)
                if child.dep_ in {"dobj", "nsubjpass"}:  # "an activist who had organised protests": who they are
                    topic.update(t.i for c in child.children if c.dep_ == "relcl" for t in c.subtree)
    return topic


CHARGE_NOUNS = frozenset({"charge", "count", "suspicion", "accusation", "allegation", "warrant"})
# Who is held for a deed, named by it: "the chief suspect in the bombing", "the mastermind of the attack".
SUSPECT_NOUNS = frozenset({
    "suspect", "accused", "perpetrator", "mastermind", "culprit", "ringleader", "plotter", "organiser", "organizer",
})  # fmt: skip
SUSPECTED_PREPS = frozenset({"in", "of", "behind", "over", "for"})


def _suspected_of(word: Token) -> set[int]:
    """ "captured the chief suspect in the bombing": the deed a suspect is named by is what they are held
    for, not news of its own (the capture is)."""
    node = word
    while node.dep_ in {"pobj", "prep", "compound", "amod", "conj", "nmod"} and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in SUSPECTED_PREPS and node.head.lemma_.lower() in SUSPECT_NOUNS:
            return {t.i for t in node.subtree}
        node = node.head
    return set()


def _names_a_charge(prep: Token) -> bool:
    """ "on a charge of sexual assault", "on five counts of rape", "on suspicion of murder": what the arrest
    is for, told by its charge."""
    return prep.lower_ in {"on", "under"} and any(o.lemma_.lower() in CHARGE_NOUNS for o in prep.children)


def demonstration_topics(doc: Doc, hits: Sequence[CueHit]) -> set[int]:
    """Indices of what the demonstrations among ``hits`` are about ("gathered to oppose the invasion"):
    an event told there is the crowd's cause, not news of its own."""
    if not any(h.cue in DEMONSTRATION_CUES for h in hits):
        return set()
    return {i for hit in hits for i in _demonstration_topic(doc, hit)}


def _demonstration_topic(doc: Doc, hit: CueHit) -> set[int]:
    """What a demonstration cue's phrase says it is about: "protested against the killing of", "gathered
    to denounce the invasion", "demanding justice for the boy killed by police"."""
    if hit.cue not in TOPIC_ANCHORS:
        return set()
    topic: set[int] = set()
    anchor = doc[hit.start]
    if hit.cue == "grievance":
        topic.update(t.i for t in anchor.subtree if t.i != anchor.i)
    for node in (anchor, anchor.head):
        for child in node.children:
            is_topic_prep = child.dep_ == "prep" and child.lower_ in TOPIC_PREPS
            is_topic_clause = child.dep_ in {"advcl", "xcomp", "acl", "ccomp"} and child.lemma_.lower() in TOPIC_VERBS
            if is_topic_prep or is_topic_clause:
                topic.update(t.i for t in child.subtree)
    return topic


def _trailing_apposition(child: Token) -> bool:
    """ "claimed the bombing, the latest of a series of blasts": the parser hangs a trailing
    apposition off the verb as a noun phrase (``npadvmod`` with a determiner), unlike "Tuesday"."""
    return child.dep_ == "npadvmod" and any(c.dep_ == "det" for c in child.children)


# "in retaliation for the shooting", "in response to rocket fire", "to avenge the killing": what an act answers.
ANSWERING_NOUNS = frozenset({"retaliation", "response", "revenge", "reprisal", "retribution", "answer"})
AVENGING_VERBS = frozenset({"avenge", "retaliate", "respond"})


def _answered(head: Token) -> set[int]:
    """Indices of the phrase that says what the act of the clause at ``head`` answers: told as given,
    the retaliation is the news ("jets struck Gaza in response to rocket fire": an air strike; "destroyed
    the homes in retaliation for the shooting": the destruction)."""
    found: set[int] = set()
    for child in head.subtree:
        answering = child.dep_ == "prep" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in ANSWERING_NOUNS for o in child.children
        )
        avenging = (
            child.dep_ in {"advcl", "xcomp"} and child.head.i == head.i and child.lemma_.lower() in AVENGING_VERBS
        )
        if answering or avenging:
            found.update(t.i for t in child.subtree)
    return found


def settling_background(doc: Doc, hit: CueHit) -> set[int]:
    """Indices of the phrase that says why a settling act was taken: "imposed a curfew after days
    of protests". What happened before is its reason, not the news, whatever cue it holds."""
    word = doc[hit.start : hit.end].root
    found: set[int] = set()
    for anchor in {word, word.head, word.head.head}:  # "claimed to have captured ... despite shelling"
        for child in anchor.children:
            if _background(child):
                found.update(t.i for t in child.subtree)
    act = word if word.pos_ in {"VERB", "AUX"} else word.head
    for described in (t for t in act.subtree if t.dep_ == "appos"):
        found.update(t.i for t in described.subtree)  # "a curfew on Hebron, the scene of clashes last week"
    return found


def _background(child: Token) -> bool:
    """A phrase that says why or what a settling act (a curfew, a truce, talks) is about."""
    if child.dep_ in {"prep", "advcl"} and child.lower_ in CAUSE_PREPS:
        return True
    if child.dep_ in {"acl", "advcl", "xcomp", "relcl"} and child.lemma_.lower() in ENDING_VERBS:
        return True  # "a pact to end the civil war", "talks aimed at halting the fighting"
    return child.dep_ == "prep" and child.lower_ in {"in", "of", "to"} and child.head.lemma_.lower() in PAUSES


# What befalls a victim ("died", "was killed", "injured") takes its cause from "after": "died after the
# earthquake". Someone's deed does not: "looters ransacked shops after the earthquake".
SUFFERED_LEMMAS = frozenset({"kill", "injure", "die", "wound", "hurt", "drown", "perish", "suffer", "displace"})
PRECEDING_PREPS = frozenset({"after", "following"})


def _before_the_act(word: Token) -> set[int]:
    """Indices of an "after" phrase of a deed: what came before someone acted is its background ("rebels
    shelled the town after the truce collapsed", "police arrested 20 after the protest"), not its type."""
    if word.pos_ != "VERB" or word.lemma_.lower() in SUFFERED_LEMMAS:
        return set()
    if not any(c.dep_ == "nsubj" for c in word.children):
        return set()
    found: set[int] = set()
    for child in word.children:
        if child.dep_ == "prep" and child.lower_ in PRECEDING_PREPS:
            found.update(t.i for t in child.subtree)
    return found


ANCHOR_PREPS = frozenset({"before", "ahead"})
CONCESSIVE_PREPS = frozenset({"despite", "notwithstanding"})
KNOWN_PREPS = ANCHOR_PREPS | CONCESSIVE_PREPS  # phrases that hold what another clause takes as known


def _time_anchor(word: Token, head: Token) -> set[int]:
    """Indices of a "before" / "ahead of" phrase that holds ``word`` and dates another clause: "just before
    the sniper shooting, the police were tweeting clips of the rally" tells when the tweets were, and the
    shooting is told as known. (An act's own phrase, "shelled the town before dawn", holds no event.)
    A "despite" phrase is known too: what another clause happens in spite of ("fighting went on despite the
    truce", "despite recent attacks, the threat does not rank high")."""
    node = word
    while node.head.i != node.i:  # up to the sentence's root, through a relative clause ("that killed five")
        if node.dep_ == "prep" and node.lower_ in KNOWN_PREPS and node.head.pos_ in {"VERB", "AUX"}:
            return {t.i for t in node.subtree} if word.i != node.head.i else set()
        node = node.head
    return set()


def _since(word: Token, head: Token, phrases: dict[int, list[Token]]) -> set[int]:
    """Indices of a "since" phrase of the clause at ``head`` that does not hold ``word``: "the deadliest
    attack since the 2003 invasion", "the worst violence since the war": the time it is measured from,
    not a second event. ``phrases`` keeps each clause's "since" phrases, read once."""
    if head.i not in phrases:
        phrases[head.i] = [t for t in head.subtree if t.dep_ == "prep" and t.lower_ == "since"]
    found: set[int] = set()
    for prep in phrases[head.i]:
        if not prep.i <= word.i <= prep.right_edge.i:
            found.update(t.i for t in prep.subtree)
    return found
