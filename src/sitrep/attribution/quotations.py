"""Quotations the parse did not tie to their cue, and quotations interrupted by it.

Parsers split "“...,” he said." across sentences and lose the link between a
quote and its cue; the quote marks on the raw text still show it. A quotation
nobody attributed is tied to a content-less cue verb a few words before or after
it; a quotation interrupted by its cue (“A,” he said, “B.”), or continued in the
next paragraph, becomes one content in two parts. A cue never reports a quote
that closed the paragraph before it, unless its clause only names who spoke.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from sitrep.attribution.cues import cued_attribution
from sitrep.attribution.document import SUBJECT_DEPS, FoundAttribution, PendingCue, SpeechDoc
from sitrep.attribution.quotes import QUOTE_MARK_TEXTS, Quote
from sitrep.attribution.spans import CharRange, subtree_indices

# Dependents a bare "X said on Monday." may have besides its subject and time phrases.
BARE_CLAUSE_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "npadvmod"})
# What precedes a quotation that continues the speech after its cue ("“A,” he said, “B.”", "he said. “B.”").
CONTINUATION_LEADS = frozenset({",", ".", ":", ";", "?", "!", "\n", "—", "–"})
# How many words may separate a quote from the clause of the cue that introduces it.
QUOTE_LINK_WINDOW = 4
# How many words may separate the two halves of a quotation interrupted by its cue.
SPLIT_QUOTE_WINDOW = 60


def covered_quotes(speech: SpeechDoc, found: list[FoundAttribution]) -> set[int]:
    """Indices of the quotations some attribution already reports (wholly inside one of its parts).

    Quotations are in text order and do not overlap, so each part looks only at the
    quotations that start inside it: linear in the document, not attributions × quotations.
    """
    starts = [q.start for q in speech.quotes]
    covered: set[int] = set()
    for f in found:
        for start, end in f.content:
            qi = bisect_left(starts, start)
            while qi < len(starts) and starts[qi] < end:
                if speech.quotes[qi].end <= end:
                    covered.add(qi)
                qi += 1
    return covered


def link_orphan_quotes(
    speech: SpeechDoc, found: list[FoundAttribution], pending: list[PendingCue]
) -> list[FoundAttribution]:
    """Tie quotes nobody attributed to a content-less cue verb right before or after them."""
    doc, text = speech.doc, speech.text
    covered = covered_quotes(speech, found)
    linked: list[FoundAttribution] = []
    for verb, entry in pending:
        if "clause" not in entry.frames or verb.i in speech.quote_of:
            continue
        clause = [i for i in subtree_indices(verb) if not doc[i].is_punct and i not in speech.quote_of]
        if not clause:
            continue
        lo, hi = doc[min(clause)], doc[max(clause)]
        best: int | None = None
        for qi, quote in enumerate(speech.quotes):
            if qi in covered:
                continue
            if (
                quote.end <= lo.idx
                and _gap_words(speech, quote.end, lo.idx) <= QUOTE_LINK_WINDOW
                and ("\n" not in text[quote.end : lo.idx] or _bare_speech_clause(verb))
            ):
                best = qi
            elif best is None and quote.start >= hi.idx + len(hi.text):
                if _gap_words(speech, hi.idx + len(hi.text), quote.start) <= QUOTE_LINK_WINDOW:
                    best = qi
                break
        if best is None:
            continue
        quote = speech.quotes[best]
        if quote.start > verb.idx and any(
            other.i != verb.i and verb.i < other.i < hi.i + 1 and other.head.i == verb.i for other, _ in pending
        ):
            continue  # "X didn’t seem impressed, telling reporters, “...”": the nearer cue introduces it
        content = [(quote.start, quote.end)]
        item = cued_attribution(speech, "direct", verb, content, entry)
        covered.add(best)
        linked.append(item)
    return linked


def join_split_quotes(speech: SpeechDoc, found: list[FoundAttribution]) -> None:
    """“A,” he said, “B.”: the quotation after the cue is the second part of the content."""
    text, quotes = speech.text, speech.quotes
    covered = covered_quotes(speech, found)
    ending_at: dict[int, int] = {}  # the first quotation ending at each offset, and at each span: looked up,
    spanning: dict[tuple[int, int], int] = {}  # not searched for, so thousands of quotations stay linear
    for k, quote in enumerate(quotes):
        ending_at.setdefault(quote.end, k)
        spanning.setdefault((quote.start, quote.end), k)
    for item in found:
        if item.kind == "indirect" or len(item.content) != 1:
            continue
        # the quotation that closes the content ("Velt is still a “safe pair of hands,” Orla said. “...”")
        qi = ending_at.get(item.content[0][1])
        if qi is None or qi + 1 >= len(quotes) or qi + 1 in covered:
            continue
        first, second = quotes[qi], quotes[qi + 1]
        between = text[first.end : second.start]
        if not (first.end <= item.cue[0] and item.cue[1] <= second.start):
            continue
        if "\n" in between and not (item.lemma.isalpha() and _continues_next_paragraph(text, first, second, item.cue)):
            continue
        if _gap_words(speech, first.end, second.start) > SPLIT_QUOTE_WINDOW or '"' in between or "“" in between:
            continue
        if between.rstrip()[-1:] not in CONTINUATION_LEADS:
            continue  # "... on ABC’s “This Week.”": a phrase quoted inside the sentence, not more speech
        item.content.append((second.start, second.end))
        covered.add(qi + 1)
    for item in found:
        if item.kind != "direct" or not item.content:
            continue
        qi = spanning.get(item.content[0])
        if qi is None or qi == 0 or qi - 1 in covered:
            continue
        first, second = quotes[qi - 1], quotes[qi]
        between = text[first.end : second.start]
        if not (first.end <= item.cue[0] and item.cue[1] <= second.start) or "\n" in between:
            continue
        if _gap_words(speech, first.end, second.start) > SPLIT_QUOTE_WINDOW or '"' in between or "“" in between:
            continue
        item.content.insert(0, (first.start, first.end))
        covered.add(qi - 1)


def _continues_next_paragraph(text: str, first: Quote, second: Quote, cue: CharRange) -> bool:
    """ "“A,” she said.¶“B.”": a paragraph of quote and cue, then a paragraph opening with a quote.

    News style gives the speaker once and lets the next quoted paragraph continue.
    """
    para_start = text.rfind("\n", 0, first.start) + 1
    if text[para_start : first.start].strip():
        return False
    tail = text[cue[1] : second.start]
    line, _, rest = tail.partition("\n")
    return not rest.strip() and "\n" not in rest.strip("\n ") and not any(m in line for m in QUOTE_MARK_TEXTS)


def content_in_earlier_paragraph(speech: SpeechDoc, item: FoundAttribution) -> bool:
    """A cue never reports what closed the paragraph before it: "“...”¶The campaign did not respond"."""
    content_end = max(e for _, e in item.content)
    if content_end > item.cue[0] or "\n" not in speech.text[content_end : item.cue[0]]:
        return False
    return item.cue_token < 0 or not _bare_speech_clause(speech.doc[item.cue_token])


def _bare_speech_clause(verb: Token) -> bool:
    """ "¶X, the commander, said on Monday.": a clause that only names who spoke and when.

    Only such a clause reports the quotation of the paragraph before it; "The ferry company
    gave no answer to our questions" says something of its own.
    """
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ in BARE_CLAUSE_DEPS or child.is_punct or child.is_space:
            continue
        if child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            continue
        return False
    return True


def _gap_words(speech: SpeechDoc, start: int, end: int) -> int:
    """Words (not punctuation) strictly between two character offsets."""
    words = speech.words_within(start, end)
    if words is None:
        return 0 if not speech.text[start:end].strip() else QUOTE_LINK_WINDOW + 1
    return words
