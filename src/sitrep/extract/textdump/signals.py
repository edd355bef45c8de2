"""What a unit is: a sentence, a headline, a byline, a date line, a caption, a comment heading.

Classification, region choice and metadata all ask the same questions of a
line: does it read as running text, could it be a headline, is it the byline or
time stamp of an article (or of a teaser), is it a picture's caption? The
answers live here, once, so that the passes agree on them.
"""

from __future__ import annotations

import re
from itertools import pairwise

from sitrep.extract import published as stamps
from sitrep.extract.icons import find_icons
from sitrep.extract.textdump import patterns as p
from sitrep.extract.textdump.lines import Unit, words
from sitrep.extract.textdump.options import TextdumpOptions

# Lower-case words a name may hold ("Ursula von der Leyen", "Juan de la Cruz", "Ahmed bin Ali"), and the article
# of "By the Associated Press".
_NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "des", "dos", "das", "la", "le"}
    | {"bin", "ibn", "al", "el", "ten", "ter", "y", "e", "the"}
)


def byline_match(text: str) -> re.Match[str] | None:
    """ "By Jane Doe", "Von Max Muster und Anna Beispiel", "Par Jean Dupont, envoyé spécial": a byline, whose
    first name is name-shaped. "Von der Leyen will die Ukraine in der EU" and "Por qué sube la inflación" open
    with the same words but go on as a sentence: their first segment runs on in lower-case words."""
    match = p.BYLINE.match(text)
    if match is None:
        return None
    first = p.NAME_SPLIT.split(match["names"], maxsplit=1)[0].split()
    running = [w for w in first if w[:1].islower() and w.casefold() not in _NAME_PARTICLES]
    return None if len(running) >= 2 or len(first) > 6 else match


def sentence_like(unit: Unit, min_words: int = 1) -> bool:
    """The unit ends like a sentence and has at least ``min_words`` words."""
    return bool(p.SENTENCE_END.search(unit.text)) and len(unit.words) >= min_words


def prose(unit: Unit, options: TextdumpOptions) -> bool:
    """Running text: a real sentence, or a long stop-word-rich paragraph whose end a glued-on link hides."""
    return unit.initial == "good" or (unit.initial != "short" and sentence_like(unit, options.sentence_min_words))


def code_like(text: str, options: TextdumpOptions) -> bool:
    """Inline script or style a text browser printed as text: dense in brackets, braces and operators.

    Prose has well under one such character in 25; minified JavaScript has one or more in ten.
    """
    return len(text) >= options.code_min_chars and sum(ch in p.CODE_CHARS for ch in text) > (
        options.code_char_share * len(text)
    )


def headline_like(unit: Unit, options: TextdumpOptions) -> bool:
    """A line that could be a headline: a few words, no bullet or links, not furniture, a byline or a date."""
    words = unit.words
    return (
        options.headline_min_words <= len(words) <= options.headline_max_words
        and not unit.bullet
        and unit.links <= options.headline_max_links
        and not p.FURNITURE.match(unit.text)
        and not byline_match(unit.text)
        and not stamps.looks_like_dateline(unit.text)
        and not stamps.has_date_segment(unit.text)
        and not stamps.is_relative_stamp(unit.text)
        and not find_icons(unit.text)
        and unit.text[-1] not in ":|"
        and any(ch.isalpha() for ch in unit.text)
        and not code_like(unit.text, options)
        and not printed_twice(unit.text)
        and not p.TAG_LIST.match(unit.text)
        and not p.FORM_FIELD.search(unit.text)
        and not p.BARE_URL.match(unit.text)
    )


def printed_twice(text: str) -> bool:
    """A line that is one text twice over ("Egan Bernal Egan Bernal"): a picture's alt text glued to its
    caption, never a headline."""
    middle = len(text) // 2
    return any(len(text[:k].split()) >= 2 and text[:k].strip() == text[k:].strip() for k in (middle, middle + 1))


def dated_meta(unit: Unit, options: TextdumpOptions) -> bool:
    """A short line carrying a full date or a relative stamp ("vor 30 Minuten"): an article's (or a
    teaser's) byline or time stamp.

    An embedded post's signature ("— Name (@handle) July 3, 2019") and a dated caption are not. A line
    made mostly of date words is one even when it ends in a full stop ("Published: June 14, 2022 at 7:05 a.m.").
    """
    return (
        len(unit.words) <= options.dated_meta_max_words
        and (stamps.names_a_date(unit.text) or stamps.mentions_relative_time(unit.text))
        and (not sentence_like(unit, options.sentence_min_words) or stamps.looks_like_dateline(unit.text))
        and not p.EMBED_SIGNATURE.search(unit.text)
        and not p.CAPTION.search(unit.text)
    )


def byline_line(unit: Unit, options: TextdumpOptions) -> bool:
    """A short "By Name" line with no sentence end: metadata, never a paragraph of the story.

    ("By the end of the day, ..." is a sentence: it ends with a full stop or runs longer.)"""
    match = byline_match(unit.text)
    if match is None or len(unit.words) > options.byline_max_words or unit.text[-1] in ".!?:;":
        return False
    return match["names"][:1].isupper()


def credited(unit: Unit, options: TextdumpOptions) -> bool:
    """A line that ends with a picture credit ("... in Miami. Photo: AP", "... (screen grab)"): a caption.

    (A text browser may glue a caption to the paragraph above it: a long block is left alone.)"""
    return len(unit.words) <= options.caption_max_words and bool(
        p.CREDIT_LINE.search(unit.text)
        or p.BRACKETED_CREDIT.search(unit.text)
        or p.NAME_SLASH_AGENCY.search(unit.text)
        or p.CREDIT_BY.match(unit.text)
        or p.CREDIT_AT_END.search(unit.text)
        or p.AGENCY_CREDIT.search(unit.text)
    )


def alt_and_caption(unit: Unit, options: TextdumpOptions) -> bool:
    """A picture's bracketed alt text with its caption glued on: "[Crowds at the gate] Photo: AP Crowds at the gate".

    A converter prints the alt text where the image was and the caption after it; the caption repeats the alt
    text or starts with a credit. (The paragraph after a picture can be glued on too: a long block is left alone.)"""
    if not unit.text.startswith("[") or len(unit.words) > options.caption_max_words * 2:
        return False
    end = unit.text.find("]")
    if end < 0:
        return False
    alt, rest = set(words(unit.text[1:end])), words(unit.text[end + 1 :])
    if not alt or not rest:
        return False
    repeated = len(alt & set(rest)) >= 0.8 * len(alt) and len(rest) <= len(alt) + 15
    credit = bool(p.CAPTION.match(unit.text[end + 1 :].strip())) and len(rest) <= options.caption_max_words
    return repeated or credit


def story_header(gap: list[Unit], options: TextdumpOptions) -> bool:
    """A headline directly above a picture credit, between two paragraphs: the next story's header.

    (An article's own pictures come with a caption, not with a headline.)"""
    return any(
        len(head.words) >= options.story_header_min_words
        and not sentence_like(head)
        and len(credit.words) <= options.credit_max_words
        and bool(p.CREDIT_LINE.search(credit.text))
        for head, credit in pairwise(gap)
    )


def comments_heading(unit: Unit, options: TextdumpOptions, below_text: bool = False) -> bool:
    """A comment-section heading; a bare count ("3 Kommentare") is the link in the article header, unless it
    stands below the article's text (``below_text``), where it heads the comments ("5 Comments")."""
    return bool(p.RESPONSES_TO.match(unit.text)) or (
        len(unit.words) <= options.comment_heading_max_words
        and bool(p.COMMENTS_HEADING.match(unit.text))
        and (below_text or not p.COUNT_ONLY.match(unit.text))
    )


def anchored(
    units: list[Unit], start: int, options: TextdumpOptions, window: int = 0, reprinted: frozenset[int] = frozenset()
) -> bool:
    """A byline or a date line just above ``start`` (within ``window`` lines, by default the anchor window):
    the article's header, which teasers and forums lack.

    A header line that is part of a reprinted card (see `blocks._reprinted_cards`) is a teaser's, not the article's.
    """
    first = max(0, start - (window or options.anchor_window))
    return any(
        (byline_match(u.text) or stamps.looks_like_dateline(u.text) or stamps.is_relative_stamp(u.text))
        and first + k not in reprinted
        for k, u in enumerate(units[first:start])
    )
