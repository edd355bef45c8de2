"""Reporting verbs: a lexicon verb becomes a cue when a frame it allows finds content.

Frames are tried from the most specific to the most general: a cue in a relative
clause ("which she described as ..."), a noun that joins the cue ("expressed
concern that ..."), a complement clause or quotation, an "As X reported, ..."
clause, an object or to-clause, what a complaint is about ("warned of ..."), and
finally a passive whose subject is the content ("was revealed by X").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from sitrep.attribution.complements import CLAUSE_DEPS, as_parenthetical, clausal_content, complement_content
from sitrep.attribution.content import content_parts
from sitrep.attribution.cues import attribution_from_tokens, cue_range, cued_attribution
from sitrep.attribution.document import OBJECT_DEPS, FoundAttribution, SpeechDoc, is_to_clause, subject
from sitrep.attribution.lexicon import CueEntry
from sitrep.attribution.source_spans import noun_phrase_range
from sitrep.attribution.spans import subtree_indices, token_range, trim

# Relative pronouns ("which", "who", "that" as WDT).
RELATIVE_TAGS = frozenset({"WDT", "WP"})
# Prepositions that introduce what a speech verb is about ("complained about", "warned of").
TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "against", "over"})
# Verbs whose prepositional phrase is the time or topic of the saying, never its content.
PLAIN_SAYING = frozenset({"say", "tell", "state", "add", "write", "continue"})
# What a verbal attack is aimed at: words, plans and policies (a base or a convoy is attacked otherwise).
# fmt: off
JUDGED_THINGS = frozenset({
    "plan", "policy", "decision", "remark", "comment", "statement", "claim", "proposal", "bill", "law",
    "deal", "agreement", "handling", "record", "stance", "approach", "move", "report", "idea", "speech",
    "strategy", "budget", "reform", "ruling", "verdict", "response", "position", "rhetoric", "view",
    "ad", "advert", "advertisement", "commercial",
})
# fmt: on

TOLLS = frozenset({"life", "lives"})


def verb_attribution(speech: SpeechDoc, verb: Token, entry: CueEntry) -> FoundAttribution | None:
    """The attribution a cue verb makes with the first of its frames that finds content, else None."""
    if verb.lemma_.lower() == "claim" and any(c.dep_ == "dobj" and c.lemma_.lower() in TOLLS for c in verb.children):
        return None  # "the crash claimed the life of a driver", "the storm claimed 12 lives": a toll
    if "judgement" in entry.frames and not _judges(verb):
        entry = replace(entry, frames=entry.frames - {"object", "judgement"})  # "rebels attacked the base"
        if not entry.frames:
            return None
    if verb.dep_ == "relcl":
        relative = _relative_attribution(speech, verb, entry)
        if relative is not None:
            return relative
    noun_clause = _noun_with_clause(verb) if "object" in entry.frames else None
    if noun_clause is not None:
        noun, clause = noun_clause
        item = attribution_from_tokens(speech, verb, entry, subtree_indices(clause))
        if item is not None:
            item.cue = (item.cue[0], max(item.cue[1], noun.idx + len(noun.text)))
        return item
    content = clausal_content(speech, verb) if "clause" in entry.frames else None
    if content is None and "clause" in entry.frames:
        content = as_parenthetical(verb)
    clausal = content is not None
    if (
        content is None
        and entry.frames & {"object", "infinitive"}
        and (subject(verb) is not None or verb.dep_ in ("conj", "advcl"))
    ):
        content = complement_content(speech, verb, entry)
    if content is None and subject(verb) is not None:
        topic = _topic_object(verb)
        if topic is not None:
            prep, tokens = topic
            item = attribution_from_tokens(speech, verb, entry, tokens)
            if item is not None:
                item.cue = (item.cue[0], max(item.cue[1], prep.idx + len(prep.text)))
                item.from_complement = True
            return item
    if content is None and "object" in entry.frames:
        return _passive_with_agent(speech, verb, entry)
    if content is None:
        return None
    item = attribution_from_tokens(speech, verb, entry, content)
    if item is not None and not clausal and _is_passive_request(verb):
        doc = speech.doc
        subj = next(c for c in verb.children if c.dep_ == "nsubjpass")
        run = trim(doc, subtree_indices(subj))
        if run:  # "Velt || was asked || to list ...": who is asked is part of the request
            item.content.insert(0, (doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text)))
    elif item is not None and not clausal:
        item.from_complement = True
    return item


def _judges(verb: Token) -> bool:
    """The verb passes a judgement: "attacked the plan as reckless", "slammed him for", "blasted the decision"."""
    for child in verb.children:
        if child.dep_ in {"prep", "advcl", "xcomp"} and child.lower_ in {"for", "as"}:
            return True
        if child.dep_ in OBJECT_DEPS and child.lemma_.lower() in JUDGED_THINGS:
            return not (child.lemma_.lower() == "position" and child.tag_ == "NNS")  # "attacked army positions"
    return False


def _is_passive_request(verb: Token) -> bool:
    """ "Mayor Velt has been asked to publish the ferry contracts": the request is reported without its source."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and any(
        c.dep_ == "xcomp" and is_to_clause(c) for c in verb.children
    )


def _relative_attribution(speech: SpeechDoc, verb: Token, entry: CueEntry) -> FoundAttribution | None:
    """ "the tram depot, which she described as “a rusty cathedral”", "a vote that he said surprised everyone".

    The relative pronoun stands for what the source said something about, so it opens
    the content; the rest is what follows the cue in the relative clause (the
    predicate for an object frame, the whole remainder for a clause frame).
    """
    relative = next(
        (c for c in verb.lefts if c.tag_ in RELATIVE_TAGS and c.dep_ in ("dobj", "nsubj", "nsubjpass")), None
    )
    speaker = next(
        (c for c in verb.lefts if c.dep_ in ("nsubj", "csubj") and relative is not None and c.i != relative.i),
        None,
    )
    if relative is None or speaker is None:
        return None
    if "clause" in entry.frames and any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        return None  # "which he said was ...": an ordinary clausal content
    if "object" in entry.frames:
        rest = [
            i
            for c in verb.rights
            if c.dep_ in (*OBJECT_DEPS, "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
            for i in subtree_indices(c)
        ]
    elif "clause" in entry.frames:
        rest = [i for c in verb.rights if not c.is_punct for i in subtree_indices(c)]
    else:
        return None
    parts, kind = content_parts(speech, rest) if rest else ([], "indirect")
    kind = "mixed" if kind == "direct" else kind
    found = cued_attribution(speech, kind, verb, [token_range(relative), *parts], entry)
    found.source, found.source_token = noun_phrase_range(speech, speaker), speaker.i
    return found


def _noun_with_clause(verb: Token) -> tuple[Token, Token] | None:
    """ "expressed concern that ...", "voiced hope that ...": the noun joins the cue, the clause is content."""
    for child in verb.rights:
        if child.dep_ not in OBJECT_DEPS or child.pos_ != "NOUN" or child.i != verb.i + 1:
            continue
        for clause in child.rights:
            if clause.dep_ in ("acl", "ccomp", "relcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" and m.i == clause.left_edge.i for m in clause.children
            ):
                return child, clause
    return None


def _topic_object(verb: Token) -> tuple[Token, list[int]] | None:
    """What a speech verb is about: "complained about his mic", "warned of a famine"."""
    if verb.lemma_ in PLAIN_SAYING:
        return None  # "said on Monday", "said of the election": time and topic, not content
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects and child.i == verb.i + 1 and objects[0].ent_type_ not in ("DATE", "TIME"):
                return child, subtree_indices(objects[0])
    return None


def _passive_with_agent(speech: SpeechDoc, verb: Token, entry: CueEntry) -> FoundAttribution | None:
    """ "The leak was first revealed by the Harbour Gazette": the passive subject is the content."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    objects = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
    if subj is None or agent is None or not objects or subj.lower_ in ("it", "this", "that"):
        return None
    parts, kind = content_parts(speech, subtree_indices(subj))
    if not parts:
        return None
    start, end = cue_range(speech, verb, parts, entry)
    return FoundAttribution(
        kind=kind,
        cue=(start, min(end, agent.idx)),  # "was first reported by": the agent's "by" is not part of the cue
        lemma=entry.lemma,
        stance=entry.stance,
        content=parts,
        source=noun_phrase_range(speech, objects[0]),
        source_token=objects[0].i,
        cue_token=verb.i,
        from_complement=True,
    )
