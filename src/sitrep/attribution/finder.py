"""The attribution passes, in order, over one parsed document.

1. Propose cues token by token (:mod:`.verbs`, :mod:`.phrases`): a cue finds its
   source and content on the parse. Words inside a quotation are the quoted
   speaker's, not the writer's, and propose nothing; a cue verb that found no
   content waits as *pending*.
2. Repair with the quote marks (:mod:`.quotations`): drop contents that closed the
   paragraph before their cue, join quotations split by their cue, tie orphan
   quotations to a pending cue nearby.
3. Add the verbless forms (:mod:`.punctuation_cues`): signed quotes, "Name:" lines
   and quotes, embedded posts.
4. Give subject-less cues the source of the verb they hang from
   (:mod:`.source_spans`), then join split quotes again for the newly sourced.
5. Filter: an object read as content needs a named source; "you" is no source; a
   cue inside another attribution's content is the reported speaker's words.
   Contents are split at paragraph breaks, one record kept per cue and content.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from sitrep.attribution.document import FoundAttribution, PendingCue, SpeechDoc, subject
from sitrep.attribution.lexicon import CueLexicon, load_lexicon
from sitrep.attribution.phrases import according_to, adjective_attribution, in_document, noun_attribution
from sitrep.attribution.punctuation_cues import colon_lines, dash_attributions, embedded_posts, named_colon_quotes
from sitrep.attribution.quotations import content_in_earlier_paragraph, join_split_quotes, link_orphan_quotes
from sitrep.attribution.source_spans import SHARED_SUBJECT_DEPS, is_generic_you, share_sources
from sitrep.attribution.spans import CharRange
from sitrep.attribution.verbs import verb_attribution


def find_attributions(doc: Doc, lexicon: CueLexicon | None = None) -> list[FoundAttribution]:
    """Attributions of a parsed text at token level, content kept as its (possibly split) parts."""
    speech = SpeechDoc.read(doc, lexicon or load_lexicon())
    found, pending = _propose(speech)
    found = [f for f in found if not content_in_earlier_paragraph(speech, f)]
    join_split_quotes(speech, found)
    found.extend(link_orphan_quotes(speech, found, pending))
    found.extend(dash_attributions(speech, found))
    found.extend(colon_lines(speech, found))
    found.extend(named_colon_quotes(speech, found))
    found.extend(embedded_posts(speech, found))
    share_sources(speech, found)
    join_split_quotes(speech, found)
    found = [f for f in found if f.source is not None or not f.from_complement]
    found = [f for f in found if f.source is None or not is_generic_you(speech, f.source)]
    found = _drop_nested(found)
    for item in found:
        item.content = [part for s, e in item.content for part in _split_paragraphs(speech.text, s, e)]
    unique = {(f.cue, tuple(f.content)): f for f in found}  # one per cue and content
    return sorted(unique.values(), key=lambda f: (f.cue[0], f.content[0][0]))


def _propose(speech: SpeechDoc) -> tuple[list[FoundAttribution], list[PendingCue]]:
    """One pass over the tokens: the attributions each cue word makes, and cue verbs left without content."""
    found: list[FoundAttribution] = []
    pending: list[PendingCue] = []
    for tok in speech.doc:
        if tok.i in speech.quote_of:
            continue  # the quoted speaker's own words: not the writer's attribution
        item: FoundAttribution | None = None
        if tok.lower_ == "according":
            item = according_to(speech, tok)
        elif tok.lower_ == "in" and tok.dep_ == "prep":
            item = in_document(speech, tok)
        elif (entry := speech.verb_cue(tok)) is not None:
            item = verb_attribution(speech, tok, entry)
            if item is None and (subject(tok) is not None or tok.dep_ in SHARED_SUBJECT_DEPS):
                pending.append((tok, entry))
        elif tok.pos_ == "NOUN" and speech.lexicon.noun(tok.lemma_) is not None:
            item = noun_attribution(speech, tok)
        elif tok.dep_ == "acomp" and tok.pos_ == "ADJ":
            item = adjective_attribution(speech, tok)
        if item is not None:
            found.append(item)
    return found, pending


def _drop_nested(found: list[FoundAttribution]) -> list[FoundAttribution]:
    """A cue inside what another source is reported to have said is part of that content
    ("He told reporters he thought ..."): like verbs inside quotes, not an attribution of the writer."""
    inside = _ContentIndex(found)
    kept = [f for f in found if not inside.holds_cue_of(f)]
    # "voiced hope that ...": the noun cue "hope" is part of the verb's cue for the same content
    same_content: dict[tuple[CharRange, ...], list[FoundAttribution]] = {}
    for f in kept:
        same_content.setdefault(tuple(f.content), []).append(f)
    return [
        f
        for f in kept
        if not any(
            o is not f and o.cue[0] <= f.cue[0] and f.cue[1] <= o.cue[1] and o.cue != f.cue
            for o in same_content[tuple(f.content)]
        )
    ]


class _ContentIndex:
    """Every content part of every attribution, to ask whether another one's content holds a cue.

    Parts are sorted by start; for each prefix the two farthest ends reached by different
    attributions are kept, so the question costs a bisection instead of a scan of all parts.
    """

    def __init__(self, found: list[FoundAttribution]) -> None:
        parts = sorted((start, end, owner) for owner, f in enumerate(found) for start, end in f.content)
        self.owner = {id(f): i for i, f in enumerate(found)}
        self.starts = [start for start, _, _ in parts]
        self.best: list[tuple[tuple[int, int], tuple[int, int]]] = []  # ((end, owner), (end, other owner))
        first, second = (-1, -1), (-1, -1)
        for _, end, owner in parts:
            if end > first[0] and owner != first[1]:
                first, second = (end, owner), first
            elif end > first[0]:
                first = (end, owner)
            elif end > second[0] and owner != first[1]:
                second = (end, owner)
            self.best.append((first, second))

    def holds_cue_of(self, f: FoundAttribution) -> bool:
        reached = bisect_right(self.starts, f.cue[0])  # parts starting at or before the cue
        if not reached:
            return False
        first, second = self.best[reached - 1]
        end = first[0] if first[1] != self.owner[id(f)] else second[0]
        return end >= f.cue[1]


def _split_paragraphs(text: str, start: int, end: int) -> list[CharRange]:
    """A span running over a paragraph break becomes one part per paragraph (annotators' convention)."""
    parts: list[CharRange] = []
    pos = start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            offset = pos + line.index(stripped)
            parts.append((offset, offset + len(stripped)))
        pos += len(line) + 1
    return parts or [(start, end)]
