"""Which cue words start an event, and the clause each one reports.

A cue word found by the lexicon starts an event when it is the act itself: a verb or a noun that is
not a speaker or a speech cue, not a mere actor noun ("militants"), not a word that names an event only
in ACLED's notes ("war", "strike"), and not inert (:mod:`sitrep.events.senses`). Its clause is the
unit the extraction types; a clause telling only the toll or the outcome of another is part of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.events.background import DEMONSTRATION_CUES, TOPIC_ANCHORS, demonstration_topics
from sitrep.events.clause import clause_head, near
from sitrep.events.constructions import PEOPLE_NOUNS
from sitrep.events.dealings import PRISONERS
from sitrep.events.disaster_senses import people_do_it_to
from sitrep.events.lexicon import CueHit
from sitrep.events.roles import ClauseGroup
from sitrep.events.rules import RuleTyper
from sitrep.model import AnalyzedArticle

# Cues that can start an event in running text. Group changes, bases and property words are
# too common in news prose to stand alone; they still type a clause that another cue started.
# fmt: off
TRIGGER_CUES = frozenset({
    "protest", "chemical", "suicide", "air", "shelling", "ied", "grenade", "explosion", "clash", "harm",
    "abduction", "sexual", "arrest", "taken", "regained", "transfer", "disrupted", "agreement",
    "claimed", "natural", "accident", "diplomacy", "crime", "measure", "deployment", "base", "riot",
    "gunfire", "property", "looted_arms", "defection", "grave", "aid_halted", "state_measure",
})
# fmt: on
# Cues whose words are also speech cues and still the act: a crowd that "rallied against", a state that "condemned".
SPOKEN_ACTS = frozenset({"protest", "diplomacy", "defection"})  # "pledged allegiance" is said and done
# Cues that name their event with a noun only: "a storm hit", not "police stormed"; "floods", not "flooded in".
NOUN_ONLY_CUES = frozenset({"natural"})
# Words that name an event only in ACLED's terse notes, not in running prose.
# fmt: off
WEAK_TRIGGERS = frozenset({
    "war", "wars", "violence", "body", "bodies", "dead", "death", "deaths", "strike", "strikes", "sign", "signed",
    "signing", "agree", "agreed", "accord", "swap", "engage", "engaged", "engagement", "battlefield",
    "fatalities", "fatality", "shot", "negotiate", "negotiation", "negotiations", "mine",
    "mines",
})
# fmt: on
TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN"})
# Diplomacy's people and offices: they type a clause that says what they did, but are no act themselves.
DIPLOMATIC_ROLES = frozenset({
    "minister", "ambassador", "envoy", "diplomat", "embassy", "consulate", "secretary", "commissioner",
})  # fmt: skip
# The toll of an event told in a clause of its own: "..., killing 170 people", "leaving four dead".
OUTCOME_VERBS = frozenset({"kill", "leave", "wound", "injure", "claim", "cause"})
OUTCOME_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})


def clause_groups(
    doc: Doc,
    result: AnalyzedArticle,
    typer: RuleTyper,
    sentences: Sequence[tuple[SpacySpan, Sequence[CueHit]]],
    inert: frozenset[int],
) -> list[ClauseGroup]:
    """The clauses that report an event, each with the cues that start it: a cue word that is no speaker,
    no speech cue, no mere actor noun and not inert; a clause that only tells the toll or the outcome of
    another one's event is part of that event."""
    sources, cues = _source_and_cue_chars(result)
    by_head: dict[int, list[CueHit]] = {}
    for _sentence, hits in sentences:
        topics = demonstration_topics(doc, hits)  # "gathered to oppose the invasion": the crowd's cause
        voiced = {i for h in hits if h.cue == "grievance" for i in range(h.start, h.end)}  # "demanded"
        accepted: list[tuple[CueHit, Token]] = []
        for hit in hits:
            if hit.start in topics and hit.cue not in DEMONSTRATION_CUES | TOPIC_ANCHORS:
                continue
            token = doc[hit.start : hit.end].root
            if hit.cue == "claimed":  # "claimed responsibility": the verb is also an attribution cue
                token = doc[hit.end - 1]
            if not _is_trigger(hit, token, typer) or token.i in inert:
                continue
            crowd = hit.cue in DEMONSTRATION_CUES
            if token.idx in sources and not (crowd and _acted_or_voiced(clause_head(token), cues, voiced)):
                continue  # a speaker, unless a crowd that also did something: "protesters gathered and demanded"
            if token.idx in cues and hit.cue not in SPOKEN_ACTS:  # "rallied against", "condemned": said and done
                continue
            accepted.append((hit, token))
        within = _within_longer([hit for hit, _ in accepted])
        for hit, token in accepted:  # a cue within a longer one is its word: "bombed" in "fire bombed"
            if hit not in within:
                by_head.setdefault(clause_head(token).i, []).append(hit)
    return [
        ClauseGroup(doc[i], tuple(hits))
        for i, hits in sorted(by_head.items())
        if not _outcome_of(doc[i], by_head) and not _toll_of(doc[i], by_head)
    ]


def _acted_or_voiced(head: Token, cues: set[int], voiced: set[int]) -> bool:
    """A crowd that is the speaker of its clause still demonstrates when the clause is no speech cue
    ("protesters gathered and demanded") or voices the crowd's grievance ("demonstrators called for new
    elections", "protesters demanded his resignation"): what a crowd demands, it demands by demonstrating."""
    return head.idx not in cues or head.i in voiced


SUFFERED = frozenset({"kill", "die", "injure", "wound", "hurt"})
CAUSE_MARKS = frozenset({"when"})  # "as protesters marched": alongside, not the cause


def _toll_of(head: Token, heads: dict[int, list[CueHit]]) -> bool:
    """ "Three soldiers were killed when their vehicle hit a landmine": the toll of the event told in
    its "when" clause, which says what happened."""
    if head.lemma_.lower() not in SUFFERED or (head.lemma_.lower() != "die" and head.tag_ != "VBN"):
        return False
    clauses = [c for c in head.children if c.dep_ == "advcl" and c.i in heads]
    return any(m.dep_ in {"mark", "advmod"} and m.lower_ in CAUSE_MARKS for c in clauses for m in c.children)


def _outcome_of(head: Token, heads: dict[int, list[CueHit]]) -> bool:
    """ "..., killing 170 people", "leaving four dead", "shot dead 40 and injured hundreds more": the toll
    of the event it hangs from, not an event of its own."""
    return head.head.i in heads and head.head.i != head.i and tells_the_toll(head)


def tells_the_toll(head: Token) -> bool:
    """A clause that only tells the toll of the clause it hangs from: its words (who was hurt) are that
    event's."""
    if head.lemma_.lower() not in OUTCOME_VERBS:
        return False
    if head.dep_ == "conj":  # the same doers' second verb: one event with a longer toll
        return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children)
    if head.dep_ == "relcl":  # "a gun battle that left nine dead": the toll of the noun it hangs from
        return any(c.dep_ == "nsubj" and c.lower_ in {"that", "which"} for c in head.children)
    return head.tag_ == "VBG" and head.dep_ in OUTCOME_DEPS


def _within_longer(hits: Sequence[CueHit]) -> set[CueHit]:
    """The hits that lie within a longer one, found by their starts (linear in the hits: a sentence of a
    pathological input may hold thousands)."""
    ends: dict[int, list[int]] = {}
    for hit in hits:
        ends.setdefault(hit.start, []).append(hit.end)
    longest = max((hit.end - hit.start for hit in hits), default=0)
    return {
        hit
        for hit in hits
        if any(
            end >= hit.end and end - start > hit.end - hit.start
            for start in range(hit.start - longest + 1, hit.start + 1)
            for end in ends.get(start, ())
        )
    }


def _is_trigger(hit: CueHit, token: Token, typer: RuleTyper) -> bool:
    claimed_behind = hit.cue == "claimed" and token.lower_ == "behind"  # "the group said it was behind the attack"
    if hit.cue not in TRIGGER_CUES or (token.pos_ not in TRIGGER_POS and not claimed_behind):
        return False
    weak = hit.end - hit.start == 1 and token.lower_ in WEAK_TRIGGERS  # "air strike" is no bare "strike"
    # "air": a state's "strikes"
    if weak and not (
        _shot_at_someone(token) or hit.cue == "air" or _set_off(token) or _of_prisoners(token) or _held_talks(token)
    ):
        return False
    if hit.cue in NOUN_ONLY_CUES and (token.pos_ not in {"NOUN", "PROPN"} or people_do_it_to(token)):
        return False  # "a storm hit"; not "police stormed", nor a headline's "Gunmen storm hotel"
    if hit.cue == "diplomacy" and token.lemma_.lower() in DIPLOMATIC_ROLES:
        # "the foreign minister said ...": a diplomat who speaks or is; "expelled two envoys", "dispatched his
        # foreign minister" is done (whether or not the actor table names the role)
        return _done_to(token)
    if hit.cue == "grave" and not (token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in FINDING_VERBS):
        return False  # a mass grave found is news of killings; the dead of an epidemic buried in one are not
    if hit.cue == "property" and token.dep_ == "amod":
        return False  # "a destroyed van is pictured": the state of a thing, not who destroyed it
    return not typer.names_actor(token.doc, CueHit(hit.cue, token.i, token.i + 1))


# Verbs that make negotiations happen: "held negotiations", "renewed negotiations", "entered into negotiations".
HOLDING_TALKS = frozenset({"hold", "resume", "renew", "open", "reopen", "start", "begin", "conduct", "launch", "enter"})


def _held_talks(token: Token) -> bool:
    """Negotiations held, not mentioned ("negotiations on the plan continue" is a state of affairs; "Kelvane
    and Norland renewed negotiations" tells a round that took place)."""
    if token.lemma_.lower() != "negotiation":
        return False
    verb = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "into" else token.head
    return token.dep_ in {"dobj", "nsubjpass", "pobj"} and verb.lemma_.lower() in HOLDING_TALKS


def _of_prisoners(token: Token) -> bool:
    """A "swap" (or "exchange") of captives, said close by, is an agreement carried out; a trade's or a
    player's swap is not."""
    if token.lemma_.lower() not in {"swap", "exchange"}:
        return False
    return any(t.lemma_.lower() in PRISONERS for t in near(token))


# "Soldiers stepped on a mine", "the truck hit a mine": what sets a mine off, not a coal mine worked in.
MINE_TRIGGERS = frozenset({"step", "hit", "strike", "trigger", "detonate"})


def _set_off(token: Token) -> bool:
    if token.lemma_.lower() != "mine" or token.dep_ not in {"pobj", "dobj"}:
        return False
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in MINE_TRIGGERS


def _done_to(noun: Token) -> bool:
    """The noun phrase (a title before a name: "Foreign Minister Ahmed") is the object of a verb, or the
    partner met ("talks with the foreign minister"); not who acted ("confirmed by the foreign minister") or
    whom a thing is for."""
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ == "dobj" or (noun.dep_ == "pobj" and noun.head.lower_ in {"with", "to", "between"})


FINDING_VERBS = frozenset({"find", "discover", "uncover", "unearth", "exhume", "locate", "identify"})
# fmt: off
PEOPLE_WORDS = PEOPLE_NOUNS | {
    "officer", "soldier", "policeman", "civilian", "child", "boy", "girl", "teenager", "councillor", "councilor",
    "official", "politician", "leader", "chief", "mayor", "governor", "commander", "judge", "lawmaker", "candidate",
    "cleric", "imam", "priest", "guard",
}
# fmt: on
VICTIM_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "us", "me", "you"})


def _shot_at_someone(token: Token) -> bool:
    """ "Police shot a man", "he was shot": the verb with a person shot, not "a shot", "shot a film"."""
    if token.lower_ != "shot" or token.pos_ != "VERB":
        return False
    if any(
        c.dep_ in {"advmod", "acomp", "oprd"} and c.lower_ in {"fatally", "mortally", "dead"} for c in token.children
    ):
        return True  # "police fatally shot Alton Sterling", "gunmen shot dead a councillor"
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            is_person = child.ent_type_ in {"PERSON", "NORP"} or child.lower_ in VICTIM_PRONOUNS
            if is_person or child.lemma_.lower() in PEOPLE_WORDS:
                return True
    return False


def _source_and_cue_chars(result: AnalyzedArticle) -> tuple[set[int], set[int]]:
    """The characters of attribution sources, and of their cues."""
    sources: set[int] = set()
    cues: set[int] = set()
    for attribution in result.attributions:
        cues.update(range(attribution.cue.start, attribution.cue.end))
        if attribution.source is not None:
            sources.update(range(attribution.source.start, attribution.source.end))
    return sources, cues
