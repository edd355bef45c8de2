"""What a cue verb reports: its complement clause, quotation or object, as tokens.

A lexicon verb's frames say which complements make it a cue: a clause or a
quotation ("said that ...", "said, “...”"), for some verbs an object or a
to-clause ("cited X as proof", "vowed to retaliate"). The parser does not always
hang the content where grammar books would, so a few repairs find it anyway: a
that-clause hung on an adjunct, a parenthetical cue standing inside its content
("X, he said, Y"), an "As the Post reported, ..." clause, a "but B" the parser
gave to the cue verb. Subject-less reporting verbs inside a content ("...,
warning that ...") are attributions of their own and are cut out of it.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.attribution.document import OBJECT_DEPS, SUBJECT_DEPS, SpeechDoc, is_to_clause, subject
from sitrep.attribution.lexicon import CueEntry
from sitrep.attribution.quotes import QUOTE_CLOSERS
from sitrep.attribution.spans import subtree_indices

CLAUSE_DEPS = frozenset({"ccomp"})
# Verbs whose object is whom the words are addressed to ("he told reporters"), not what is said.
ADDRESSEE_VERBS = frozenset({"tell", "assure", "remind", "inform", "warn", "promise", "advise"})
# Prepositions that place a speech act ("at a rally", "during a debate"), never part of what is said.
PLACE_PREPOSITIONS = frozenset({"at", "during", "amid"})


def clausal_content(speech: SpeechDoc, verb: Token) -> list[int] | None:
    """Token indices of the verb's clause or quotation, or None when it has none."""
    doc = speech.doc
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS or (child.dep_ == "parataxis" and child.i in speech.quote_of):
            return clause_without_cues(speech, child) + _conjoined_continuation(speech, verb, child)
    has_object = verb.lemma_ not in ADDRESSEE_VERBS and any(
        c.dep_ in OBJECT_DEPS and c.i not in speech.quote_of for c in verb.children
    )
    for child in verb.children:
        if child.i in speech.quote_of and not child.is_punct and child.dep_ not in SUBJECT_DEPS:
            if has_object and child.dep_ != "ccomp":
                return None  # "called Velt a “coward”": the object frame takes the whole phrase
            return clause_without_cues(speech, child)
    stray = _stray_that_clause(verb)
    if stray is not None:
        return clause_without_cues(speech, stray)
    if not _is_parenthetical(verb):
        return None
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX") and subject(verb) is not None:
        # "X, but Y, he said, Z": the content is the rest of the sentence around the cue clause
        own = set(subtree_indices(verb))
        sentence = [t.i for t in verb.sent if not t.is_space]
        return [i for i in sentence if i not in own]
    if (
        verb.dep_ == "ccomp"
        and verb.head.i < verb.i
        and subject(verb) is not None
        and any(t.text == "," for t in doc[verb.head.i : verb.i])
        and subject(verb.head) is not None
        and speech.verb_cue(verb.head) is None
    ):
        own = set(subtree_indices(verb))
        return [i for i in clause_without_cues(speech, verb.head) if i not in own]
    return None


def _is_parenthetical(verb: Token) -> bool:
    """A cue clause that can stand inside the content ("X, he told reporters, Y"): nothing of its own
    to say, so no object ("will accept the nomination") other than the addressee of "tell" and no
    complement clause."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "oprd", "ccomp"):
            return False
        if child.dep_ == "dobj" and verb.lemma_ not in ADDRESSEE_VERBS:
            return False
    return True


def as_parenthetical(verb: Token) -> list[int] | None:
    """ "As the Post reported, the inspector issued subpoenas": the clause it hangs on is the content."""
    if verb.dep_ != "advcl" or subject(verb) is None or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return None  # "as he told reporters": the object is the addressee, not missing content
    own = set(subtree_indices(verb))
    return [i for i in subtree_indices(verb.head) if i not in own]


def _stray_that_clause(verb: Token) -> Token | None:
    """A that-clause the parser hung on an adjunct: "tweeted in the early hours that ..."."""
    if subject(verb) is None:
        return None
    for child in verb.rights:
        if child.dep_ not in ("prep", "npadvmod", "advmod", "dobj"):
            continue
        for tok in child.subtree:
            if (
                tok.dep_ in ("ccomp", "acl", "relcl", "advcl")
                and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == tok.left_edge.i for m in tok.children)
                and all(
                    a.dep_ in ("prep", "pobj", "npadvmod", "advmod", "dobj", "compound", "amod")
                    for a in _path_up(tok.head, child)
                )
            ):
                return tok
    return None


def _path_up(tok: Token, stop: Token) -> list[Token]:
    """Tokens from ``tok`` up its heads to ``stop`` (inclusive)."""
    path = [tok]
    while tok.i != stop.i and tok.head.i != tok.i:
        tok = tok.head
        path.append(tok)
    return path


def complement_content(speech: SpeechDoc, verb: Token, entry: CueEntry) -> list[int] | None:
    """An object or to-clause as content ("cited his remarks as proof", "vowed to retaliate").

    The content runs from the complement to the end of the verb's phrase: what
    follows the object ("... for not paying taxes", "... as a crazy system") is
    part of what the source said.
    """
    particle = entry.lemma.partition(" ")[2]
    first: Token | None = None
    for child in verb.rights:
        if particle and child.lower_ == particle and child.dep_ in ("prep", "prt"):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            first = objects[0] if objects else None
        elif _is_complement(child, entry):
            first = child
        if first is not None:
            break
    if first is None:
        return None
    excluded = set(clause_without_cues(speech, verb)) ^ set(subtree_indices(verb))
    end = first.right_edge.i
    for child in verb.rights:
        if child.i <= end:
            continue
        if child.dep_ in ("conj", "cc", "parataxis", "punct", "mark") or subject(child) is not None:
            break  # a new clause: "accused X of Y, and Russia rejected it"
        if _is_circumstance(child):
            break  # "endorsed Varga on Tuesday", "at a rally": when and where, not what
        end = child.right_edge.i
    return [i for i in range(first.left_edge.i, end + 1) if not speech.doc[i].is_space and i not in excluded]


def _is_complement(child: Token, entry: CueEntry) -> bool:
    if "object" in entry.frames and child.dep_ in OBJECT_DEPS:
        return True
    return "infinitive" in entry.frames and child.dep_ == "xcomp" and (is_to_clause(child) or child.tag_ == "VBG")


def _is_circumstance(child: Token) -> bool:
    """A time or place adjunct of the cue verb ("on Tuesday", "at a rally in Iowa")."""
    if child.dep_ == "npadvmod" or (child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS):
        return True
    return child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)


def _conjoined_continuation(speech: SpeechDoc, verb: Token, content: Token) -> list[int]:
    """ "said that A, but B" parsed with B hanging from "said": B continues the content."""
    extra: list[int] = []
    end = content.right_edge.i
    for child in verb.rights:
        if child.i <= end:
            continue
        if child.dep_ in ("cc", "punct") and child.i == end + 1 and child.text not in QUOTE_CLOSERS:
            continue
        if (
            child.dep_ in ("conj", "ccomp")
            and child.pos_ in ("VERB", "AUX")
            and speech.verb_cue(child) is None
            and child.left_edge.i <= end + 3
        ):
            extra.extend(range(end + 1, child.right_edge.i + 1))
        break
    return extra


def clause_without_cues(speech: SpeechDoc, head: Token) -> list[int]:
    """The clause under ``head`` minus subject-less reporting adjuncts ("..., warning that ...").

    Those adjuncts are attributions of their own that share the outer source, so
    they are cut out of the outer content.
    """
    doc = speech.doc
    excluded: set[int] = set()
    for tok in head.subtree:
        if tok.i == head.i or tok.i in excluded:
            continue
        if (
            tok.dep_ in ("advcl", "conj")
            and speech.verb_cue(tok) is not None
            and subject(tok) is None
            and any(c.dep_ in CLAUSE_DEPS for c in tok.children)
            and tok.i not in speech.quote_of
        ):
            cut = set(subtree_indices(tok))
            left = min(cut) - 1
            while left > head.left_edge.i and (doc[left].is_punct or doc[left].dep_ == "cc"):
                if doc[left].text in QUOTE_CLOSERS:
                    break
                cut.add(left)
                left -= 1
            excluded |= cut
    return subtree_indices(head, excluded)
