"""Headlines in Title Case parse as a row of names.

spaCy's small English model reads every capitalised word of "Taliban Capture District Centre In Northern
Afghanistan" as a proper noun: the verb is lost, and with it the event. An article holding such a headline is
parsed from a copy of its text with the headline in sentence case ("Taliban capture district centre in northern
afghanistan"): tags, lemmas, dependencies and entities come from that copy, with the entities of the text as
written that the copy lost ("Central Mali"). The copy differs only in the case of letters, so tokens, offsets and
the article's text are unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc, Span

# A headline segment ends at a line break, a sentence end, or the dash before a dateline ("... Captured -ISTANBUL").
SEGMENT_ENDS = re.compile(r"\n|(?<=[.!?])\s+|\s[-–—]+\s?")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words Title Case may leave lower-case ("Clashes Erupt Between Army and Rebels in East"): they count for neither side.
# fmt: off
SHORT_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as",
    "vs", "via", "into", "over", "after", "amid", "off", "up", "out", "is", "are", "was", "were", "be", "not", "than",
    "per", "so", "yet", "if",
})
# fmt: on
MIN_WORDS = 4  # "Earthquake Kills Hundreds" is too short to tell a headline from a name


SHORT_TEXT = 2_000  # characters of a text (a snippet, a feed item) parsed again for a Title Case line anywhere
HEADLINE_CHARS = 300  # ... and, in a longer text, how far into its first line a headline may reach
LONGEST_REPARSED = 20_000  # a longer text keeps its first parse: its headline is a sliver of it


def sentence_cased(text: str) -> str:
    """``text`` with each Title Case segment lowered after its first word (acronyms and words with inner
    capitals kept: "EU", "McDonald"); the same length, and ``text`` itself when it holds no such segment.

    Only where a headline stands: anywhere in a short text, in the first line of a longer one (a long
    article's Title Case subheadings are left alone: parsing it all again for them costs more than they tell).
    """
    if len(text) > LONGEST_REPARSED:
        return text
    reach = len(text) if len(text) <= SHORT_TEXT else min(HEADLINE_CHARS, (text.find("\n") + 1 or len(text)))
    chars: list[str] | None = None
    start = 0
    for end in [m.start() for m in SEGMENT_ENDS.finditer(text, 0, reach)] + [reach]:
        words = list(WORD.finditer(text, start, end))
        start = end
        if not _title_case([w.group() for w in words]):
            continue
        chars = chars if chars is not None else list(text)
        for word in words[1:]:
            shown = word.group()
            if shown[:1].isupper() and shown[1:] == shown[1:].lower():
                chars[word.start()] = shown[0].lower() if len(shown[0].lower()) == 1 else shown[0]
    return text if chars is None else "".join(chars)


def _title_case(words: list[str]) -> bool:
    """A run of at least ``MIN_WORDS`` words, not all in capitals, whose later words (short ones aside) are all
    capitalised: one lower-case word is prose ("The United Nations Security Council met in Dayton")."""
    if len(words) < MIN_WORDS or all(w.isupper() for w in words):
        return False
    later = [w for w in words[1:] if w.lower() not in SHORT_WORDS]
    return len(later) >= MIN_WORDS - 1 and all(w[:1].isupper() for w in later)


SYNTAX = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def with_headlines_parsed(doc: Doc, parse: Callable[[str], Doc]) -> Doc:
    """``doc`` itself, or, when its text holds a Title Case headline, a Doc of the same text and tokens whose
    syntax and entities are read from the sentence-cased copy (parsed by ``parse``)."""
    cased = sentence_cased(doc.text)
    if cased == doc.text:
        return doc
    try:
        parsed = parse(cased)
        if [(t.idx, len(t)) for t in parsed] != [(t.idx, len(t)) for t in doc]:
            return doc  # the copy was cut into other tokens: keep the parse of the text as written
        out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
        out.from_array(SYNTAX, parsed.to_array(SYNTAX))  # type: ignore[arg-type]  # the stub wants Ints2d
        out.ents = _entities(out, parsed, doc)
    except ValueError:  # spaCy refuses the copy's annotations (E-codes are ValueErrors): keep the first parse
        return doc
    return out


def _entities(out: Doc, parsed: Doc, doc: Doc) -> list[Span]:
    """The copy's entities ("afghanistan" GPE), and those of the text as written that the copy lacks ("Central
    Mali") unless they hold a word the copy reads as a verb ("Earthquake Kills" is no person)."""
    taken = {t.i for e in parsed.ents for t in e}
    kept = [(e.start, e.end, e.label_) for e in parsed.ents]
    for entity in doc.ents:
        words = range(entity.start, entity.end)
        if not taken.intersection(words) and all(parsed[i].pos_ not in {"VERB", "AUX"} for i in words):
            kept.append((entity.start, entity.end, entity.label_))
    return [Span(out, start, end, label=label) for start, end, label in sorted(kept)]
