"""Cues that are not verbs: "according to X", "In a poll, ...", speech-act nouns, stance adjectives.

Each names its source inside its own phrase ("according to the filing", "in a new
survey") or takes it from the clause around it ("X's statement that ...", "X is
confident that ..."), so each is complete when found and needs no later pass.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.attribution.content import content_parts
from sitrep.attribution.cues import cue_range
from sitrep.attribution.document import AttributionKind, FoundAttribution, SpeechDoc, subject
from sitrep.attribution.lexicon import CueEntry
from sitrep.attribution.source_spans import noun_phrase_range
from sitrep.attribution.spans import CharRange, subtree_indices, token_range, trim

# Documents that speak for their authors when fronted: "In a new poll, ...".
# ("In a statement, X said" is only the medium: the head verb then has a source of its own.)
SOURCE_DOCUMENTS = frozenset({"poll", "survey", "study", "report", "analysis"})


def according_to(speech: SpeechDoc, tok: Token) -> FoundAttribution | None:
    """ "according to X": the clause the phrase hangs on is the content, X the source."""
    doc = speech.doc
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    objs = [c for c in to.children if c.dep_ == "pobj"]
    if not objs:
        return None
    pronoun = _that_is_according(speech, tok)
    if pronoun is not None:
        # "That’s according to the filing": the pronoun stands for the claim before it
        return FoundAttribution(
            kind="indirect",
            cue=(doc[pronoun.i + 1].idx, to.idx + len(to.text)),
            lemma="according to",
            stance="neutral",
            content=[token_range(pronoun)],
            source=noun_phrase_range(speech, objs[0]),
            source_token=objs[0].i,
            cue_token=tok.i,
        )
    if tok.head.i == tok.i:
        return None
    head = tok.head
    while head.head.i != head.i and (head.dep_ == "conj" or head.pos_ not in ("VERB", "AUX")):
        head = head.head  # the whole claim: up from a conjunct or a noun to its clause
    phrase = set(subtree_indices(tok))
    content = [i for i in subtree_indices(head) if i not in phrase]
    parts, kind = content_parts(speech, content)
    if not parts:
        return None
    return _named_in_phrase(speech, kind, (tok.idx, to.idx + len(to.text)), "according to", tok, objs[0], parts)


def _that_is_according(speech: SpeechDoc, tok: Token) -> Token | None:
    """The "That" of "That’s according to X" / "That is according to X", else None."""
    copula = tok if tok.head.i == tok.i else tok.head
    subj = subject(copula)
    if subj is None or subj.lower_ not in ("that", "this"):
        return None
    between = speech.doc[subj.i + 1 : tok.i]
    if len(between) == 1 and between[0].lower_ in ("’s", "'s", "is", "was"):
        return subj
    return None


def in_document(speech: SpeechDoc, tok: Token) -> FoundAttribution | None:
    """ "In a poll released Monday, 52 percent backed ...": a document fronted as the source."""
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if not objs or objs[0].lemma_.lower() not in SOURCE_DOCUMENTS or tok.i >= tok.head.i:
        return None
    if tok.head.pos_ not in ("VERB", "AUX") or tok.i != tok.sent.start or speech.verb_cue(tok.head):
        return None
    phrase = set(subtree_indices(tok))
    content = [i for i in subtree_indices(tok.head) if i not in phrase]
    parts, kind = content_parts(speech, content)
    if not parts:
        return None
    return _named_in_phrase(speech, kind, token_range(tok), "in", tok, objs[0], parts)


def _named_in_phrase(
    speech: SpeechDoc,
    kind: AttributionKind,
    cue: CharRange,
    lemma: str,
    cue_token: Token,
    source: Token,
    parts: list[CharRange],
) -> FoundAttribution:
    """A neutral attribution whose source is the object of its own cue phrase ("according to X", "in a poll")."""
    return FoundAttribution(
        kind=kind,
        cue=cue,
        lemma=lemma,
        stance="neutral",
        content=parts,
        source=noun_phrase_range(speech, source),
        source_token=source.i,
        cue_token=cue_token.i,
    )


def adjective_attribution(speech: SpeechDoc, adj: Token) -> FoundAttribution | None:
    """ "X is confident that ...", "X has been critical of ...": a stance adjective after a copula.

    The lexicon lists the adjective alone for a that-clause and with its preposition
    for an object ("critical of", not "critical for").
    """
    copula = adj.head
    subj = subject(copula)
    if subj is None or copula.pos_ not in ("AUX", "VERB"):
        return None
    adjectives = speech.lexicon.adjectives
    complement: Token | None = None
    cue_end = adj
    entry: CueEntry | None = None
    for child in adj.rights:
        single = adjectives.get(adj.lower_)
        with_prep = adjectives.get(f"{adj.lower_} {child.lower_}")
        if single is not None and "clause" in single.frames and child.dep_ == "ccomp":
            complement, entry = child, single
        elif with_prep is not None and child.dep_ == "prep" and child.i == adj.i + 1:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                complement, cue_end, entry = objects[0], child, with_prep
        if complement is not None:
            break
    if complement is None or entry is None:
        return None
    parts, kind = content_parts(speech, subtree_indices(complement))
    if not parts:
        return None
    start, _ = cue_range(speech, copula, parts)
    return FoundAttribution(
        kind=kind,
        cue=(min(start, copula.idx), cue_end.idx + len(cue_end.text)),
        lemma=entry.lemma,
        stance=entry.stance,
        content=parts,
        source=noun_phrase_range(speech, subj),
        source_token=subj.i,
        cue_token=adj.i,
    )


def noun_attribution(speech: SpeechDoc, noun: Token) -> FoundAttribution | None:
    """ "the mayor's claim that ...", "a warning from X that ...": a speech-act noun with a that-clause."""
    doc = speech.doc
    entry = speech.lexicon.noun(noun.lemma_)
    if entry is None:
        return None
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    parts, kind = content_parts(speech, subtree_indices(clause))
    if not parts:
        return None
    found = FoundAttribution(
        kind=kind, cue=token_range(noun), lemma=entry.lemma, stance=entry.stance, content=parts, cue_token=noun.i
    )
    for child in noun.children:
        if child.dep_ == "poss":
            tokens = [i for i in subtree_indices(child) if doc[i].dep_ != "case"]
            run = trim(doc, sorted(tokens))
            if run:
                found.source = (doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text))
                found.source_token = child.i
            break
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                found.source, found.source_token = noun_phrase_range(speech, objs[0]), objs[0].i
            break
    return found
