"""Source spans on the parse: who speaks, as the noun phrase annotators mark.

The source of a cue is its subject or the agent of a passive ("was reported by
X"), as the whole noun phrase minus a dateline before it and a participle aside
("Rubio, speaking at a rally, said"). A cue without a subject of its own
("..., adding that ...", "began by saying") shares the source of the verb it
hangs from. Who a source *is* (the name behind "he") is :mod:`.sources`' job.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from sitrep.attribution.document import OBJECT_DEPS, FoundAttribution, SpeechDoc, subject
from sitrep.attribution.spans import CharRange, subtree_indices, token_range, trim

# A verb that shares its subject with the verb it depends on ("said ..., adding that").
# ("began by saying that": a gerund after a preposition is understood with the clause's subject.)
SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp", "pcomp"})


def source_of(speech: SpeechDoc, verb: Token) -> tuple[CharRange, int] | None:
    """The source span of a cue verb and its head token: the passive agent, else an active subject."""
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return noun_phrase_range(speech, objs[0]), objs[0].i
    subj = subject(verb)
    if subj is None or subj.dep_ == "nsubjpass":
        return None
    return noun_phrase_range(speech, subj), subj.i


def noun_phrase_range(speech: SpeechDoc, head: Token) -> CharRange:
    """The whole noun phrase; a comma closing an apposition or relative clause is kept.

    A dateline before it ("RENO, Nev. (AP) — ") is not part of it.
    """
    doc = speech.doc
    tokens = subtree_indices(head, _participle_asides(doc, head))
    run = _after_dateline(doc, trim(doc, sorted(tokens)))
    while run and doc[run[-1]].dep_ == "cc":
        run = trim(doc, run[:-1])  # "O’Malley (D) and" when the parser cut the coordination short
    if not run:
        return token_range(head)
    first, last = doc[run[0]], doc[run[-1]]
    texts = [doc[i].text for i in run]
    if texts.count("(") > texts.count(")") and last.i + 1 < len(doc) and doc[last.i + 1].text == ")":
        last = doc[last.i + 1]  # the parser hung the closing bracket elsewhere: "Chaffetz (R-Utah)"
    end = last.idx + len(last.text)
    after = last.i + 1
    if (
        after < len(doc)
        and doc[after].text == ","
        and any(doc[i].text == "," for i in run)
        and (doc[after].head.i == head.i or head.head.i > after)
    ):
        end = doc[after].idx + 1
    return first.idx, end


def _participle_asides(doc: Doc, head: Token) -> set[int]:
    """ "Rubio, speaking at a rally in Miami, said": the circumstance of the saying, not the source."""
    out: set[int] = set()
    for child in head.rights:
        comma = child.left_edge.i - 1
        if child.dep_ in ("acl", "advcl") and child.tag_ == "VBG" and comma >= 0 and doc[comma].text == ",":
            out |= {t.i for t in child.subtree} | {comma}
    return out


def _after_dateline(doc: Doc, run: list[int]) -> list[int]:
    """ "KELVANE, Norland (AP) — Ilse Varga": the span after a dateline's dash."""
    dashes = [k for k, i in enumerate(run) if doc[i].text in ("—", "–", "--")]
    if not dashes:
        return run
    head_part = [doc[i] for i in run[: dashes[0]]]
    if head_part and (head_part[0].is_upper or any(t.text == ")" for t in head_part)):
        return run[dashes[0] + 1 :]
    return run


def share_sources(speech: SpeechDoc, found: list[FoundAttribution]) -> None:
    """A subject-less cue ("..., adding that") takes the source of the cue it hangs from."""
    by_token = {f.cue_token: f for f in found}
    for item in found:
        if item.source is not None or item.cue_token < 0:
            continue
        tok = speech.doc[item.cue_token]
        if tok.dep_ not in SHARED_SUBJECT_DEPS:
            continue
        head = tok.head
        for _ in range(6):
            owner = by_token.get(head.i)
            if owner is not None and owner.source is not None:
                item.source, item.source_token = owner.source, owner.source_token
                break
            # a head inside a quotation is the quoted speaker's sentence, not the writer's
            writer_root = head.head.i in speech.quote_of and head.i not in speech.quote_of
            if owner is None and subject(head) is not None and (head.dep_ != "ccomp" or writer_root):
                if (
                    speech.verb_cue(head) is not None
                    or tok.dep_ in ("conj", "advcl", "pcomp")
                    or (tok.dep_ == "xcomp" and not any(c.dep_ in OBJECT_DEPS for c in head.children))
                ):
                    src = source_of(speech, head)
                    if src is not None:
                        item.source, item.source_token = src
                break
            if head.head.i == head.i or writer_root:
                break
            head = head.head


def is_generic_you(speech: SpeechDoc, source: CharRange) -> bool:
    """ "you want to believe ...", "you know": the reader or audience addressed, not a source."""
    return speech.text[source[0] : source[1]].lower() == "you"
