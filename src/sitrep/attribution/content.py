"""Content spans: the tokens a cue reports, cut to PolNeAR's boundary conventions.

The parse gives a first guess (a complement clause, an object); annotators mark
something slightly different, as measured by ``eval/attribution.py --diagnose``:
content after its cue runs on to the end of the sentence, but stops where the
main clause or a scene-setting "as/while/after" clause begins; a date right after
the cue dates the saying, not the claim; linking words ("However,") and a final
non-restrictive gloss (", who is 70") are left out; a complement inside a
quotation is the whole quotation, marks included.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep.attribution.document import AttributionKind, SpeechDoc, subject
from sitrep.attribution.quotes import QUOTE_MARK_TEXTS
from sitrep.attribution.spans import CharRange, hull, parts_from_indices

# Conjunctions of a clause that sets the scene of the saying ("said A as she campaigned", "while ...").
CIRCUMSTANCE_MARKS = frozenset({"as", "after", "while", "whereas", "though", "although"})


def content_parts(
    speech: SpeechDoc, tokens: list[int], inside: int | None = None
) -> tuple[list[CharRange], AttributionKind]:
    """Content ranges: a complement inside a quotation becomes the whole quotation.

    ``inside`` is the quotation the cue itself stands in ("I think ..." within a
    quote): that quotation is the speaker's text, not the content of this cue.
    """
    quote_ids = {speech.quote_of[i] for i in tokens if i in speech.quote_of} - {inside}
    outside = [
        i for i in tokens if (i not in speech.quote_of or speech.quote_of[i] == inside) and not speech.doc[i].is_punct
    ]
    if quote_ids and not outside:
        quotes = sorted(speech.quotes[q] for q in quote_ids)
        return [(q.start, q.end) for q in quotes], "direct"
    tokens = _trim_leading_connectives(speech, tokens)
    if not quote_ids:
        tokens = _trim_trailing_modifiers(speech, tokens)
    parts = parts_from_indices(speech.doc, tokens)
    if quote_ids and parts:
        # a complement that runs into a quotation takes in the rest of that quotation
        lo, hi = hull(parts)
        for q in quote_ids:
            lo, hi = min(lo, speech.quotes[q].start), max(hi, speech.quotes[q].end)
        if len(parts) == 1:
            parts = [(lo, hi)]
        return parts, "mixed"
    return parts, "indirect"


def to_sentence_end(speech: SpeechDoc, cue: Token, tokens: list[int]) -> list[int]:
    """Content after its cue runs on to the end of the sentence, as annotators mark it.

    The parser often hangs the tail of a long complement ("..., but would add ...")
    on the reporting verb; the tail stops at a new attribution or a semicolon.
    """
    if not tokens or min(tokens) < cue.i:
        return tokens
    last = max(tokens)
    extra: list[int] = []
    for tok in speech.doc[last + 1 : cue.sent.end]:
        if (
            tok.text == ";"
            or (tok.dep_ == "ROOT" and tok.i != cue.i)  # "After he said A, Judge B proceeded ..."
            or (tok.dep_ == "mark" and tok.lower_ in CIRCUMSTANCE_MARKS and tok.head.head.i == cue.i)
            or tok.lower_ == "according"
            or (tok.pos_ in ("VERB", "AUX") and speech.verb_cue(tok) is not None and tok.i not in speech.quote_of)
        ):
            return tokens
        extra.append(tok.i)
    return tokens + [i for i in extra if not speech.doc[i].is_space]


def drop_leading_time(speech: SpeechDoc, cue: Token, tokens: list[int]) -> list[int]:
    """ "said on Sunday its forces ...": the parser gives the date to the content; it dates the saying."""
    toks = sorted(tokens)
    if not toks or toks[0] != cue.i + 1:
        return toks
    first = speech.doc[toks[0]]
    phrase = [t.i for t in first.subtree] if first.dep_ in ("prep", "npadvmod") else []
    is_time = any(speech.doc[i].ent_type_ in ("DATE", "TIME") for i in phrase)
    if phrase and is_time and phrase[0] == toks[0] and len(phrase) < len(toks) - 2:
        return [i for i in toks if i > phrase[-1]]
    return toks


def _trim_trailing_modifiers(speech: SpeechDoc, tokens: list[int]) -> list[int]:
    """Drop a final non-restrictive modifier: ", which ...", ", who is 70", ", <apposition>", ", led by ...".

    Annotators leave these out of the content: they are the writer's gloss, not the claim. A final
    ", leaving ..." / ", bringing ..." stays: it is usually the consequence the source claims, and so
    does an "apposition" that goes on as a list ("pensioners, ferry workers under 30, and ...").
    """
    doc = speech.doc
    toks = sorted(tokens)
    present = set(toks)
    while len(toks) > 2:
        last = max(i for i in toks if not doc[i].is_punct) if any(not doc[i].is_punct for i in toks) else toks[-1]
        cut: int | None = None
        for i in toks:
            tok = doc[i]
            comma = tok.left_edge.i - 1
            if tok.right_edge.i < last or comma not in present or doc[comma].text != ",":
                continue
            if (
                (tok.dep_ == "relcl" and tok.left_edge.lower_ in ("which", "who", "whom", "whose"))
                or (tok.dep_ == "appos" and not any(c.dep_ in ("conj", "cc") for c in tok.children))
                or (tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBN" and subject(tok) is None)
            ):
                cut = comma
                break
        if cut is None or cut <= toks[0]:
            break
        toks = [i for i in toks if i < cut]
        present = set(toks)
    return toks


def _trim_leading_connectives(speech: SpeechDoc, tokens: list[int]) -> list[int]:
    """Drop what links the content to the text before it: "However,", "In addition,", a dateline."""
    doc = speech.doc
    toks = sorted(tokens)
    while len(toks) > 3:
        first = doc[toks[0]]
        if first.is_punct and first.text not in QUOTE_MARK_TEXTS:
            toks = toks[1:]
            continue
        comma = next((k for k, i in enumerate(toks[:10]) if doc[i].text in (",", "―", "—", "--")), None)
        if comma is None or comma == 0:
            break
        phrase = [doc[i] for i in toks[:comma]]
        top = [t for t in phrase if t.head.i not in toks[:comma]]
        if len(top) == 1 and (
            top[0].dep_ in ("advmod", "cc")
            or (top[0].dep_ == "advcl" and comma <= 4)
            or (doc[toks[comma]].text != "," and _is_dateline(phrase))
        ):
            toks = toks[comma + 1 :]
            continue
        break
    return toks


def _is_dateline(tokens: list[Token]) -> bool:
    """ "WASHINGTON (AP)", "RENO, Nev.": capitals, a wire service in brackets, a state abbreviation."""
    return tokens[0].is_upper and all(t.is_upper or t.is_punct or t.is_title for t in tokens)
