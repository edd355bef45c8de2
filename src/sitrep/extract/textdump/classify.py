"""Step 2: class every unit as text or boilerplate, the way jusText classes HTML blocks.

With no markup left, a paragraph is told from page furniture by its shape: long
units rich in the page language's stop words and poor in links are *good*, link
lists, bullets, UI phrases and script dumps *bad*, and *short* and *near-good*
units take the class of their good neighbours. Flattened pages add their own
boilerplate on top, which this pass also marks bad: templates printed on every
gallery slide or card, teaser cards, photo captions, and the bylines and time
stamps between two stories.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import pairwise

import justext

from sitrep.extract import cjk
from sitrep.extract.textdump import patterns as p
from sitrep.extract.textdump.lines import Unit, norm, words
from sitrep.extract.textdump.options import TextdumpOptions
from sitrep.extract.textdump.signals import (
    alt_and_caption,
    anchored,
    byline_line,
    code_like,
    credited,
    dated_meta,
    headline_like,
    sentence_like,
)

_CANDIDATE_LANGUAGES = (
    "English",
    "German",
    "French",
    "Spanish",
    "Italian",
    "Portuguese",
    "Dutch",
    "Polish",
    "Finnish",
    "Swedish",
    "Danish",
    "Norwegian_Bokmal",
    "Czech",
    "Russian",
    "Ukrainian",
    "Turkish",
    "Indonesian",
    "Romanian",
)


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    """jusText's stop-word lists of the candidate languages, and a Chinese one."""
    lists = {lang: frozenset(justext.get_stoplist(lang)) for lang in _CANDIDATE_LANGUAGES}
    lists["Chinese"] = cjk.chinese_stopwords()  # jusText has none; spaCy's, one character per token
    return lists


def page_language(units: list[Unit], options: TextdumpOptions) -> tuple[str, frozenset[str]]:
    """The stop-word list that covers most words of the page's prose.

    Menus, bullets and script dumps are left out when there is prose enough: a
    thousand menu items marked "o" (lynx's bullet) would make any page Polish.
    """
    prose = [u for u in units if not u.bullet and not code_like(u.text, options)]
    sentences = [w for u in prose if len(u.words) >= options.language_min_words for w in words(u.text)]
    if len(sentences) < options.language_min_sample:
        sentences = [w for u in prose for w in words(u.text)]
    sample = sentences[: options.language_max_sample]
    counts = {lang: sum(1 for w in sample if w in stops) for lang, stops in _stoplists().items()}
    language = max(counts, key=lambda lang: counts[lang])
    return language, _stoplists()[language]


def classify_units(units: list[Unit], stoplist: frozenset[str], options: TextdumpOptions) -> None:
    """Set every unit's class (``initial`` before context, ``klass`` after), then mark the boilerplate
    a flattened page adds: bylines and stamps between stories, comment rules, gallery and card templates,
    teaser cards and captions. The lead under a byline or date stays text."""
    repeats = Counter(norm(u.text) for u in units)
    for unit in units:
        # A line printed three times or more is a template (gallery labels, share bars), never text.
        template = repeats[norm(unit.text)] >= options.template_line_repeats or _self_repeating(unit.text, options)
        unit.klass = unit.initial = "bad" if template else _classify(unit, stoplist, options)
    _revise(units, options)
    for i, unit in enumerate(units):
        if dated_meta(unit, options) or byline_line(unit, options):
            unit.klass = "bad"  # a byline or time stamp between paragraphs separates two stories
        elif p.COMMENT_RULES.match(unit.text):
            unit.klass = "bad"  # the comment section's rules: a heading of the comments, never of the story
        elif unit.initial in ("near-good", "good") and anchored(units, i, options, options.lead_window):
            unit.klass = "good"  # the lead under the byline/date, even when a photo parts it from the body
    for i in _template_items(units, options):
        units[i].klass = "bad"
    for head, unit, nxt in zip(units, units[1:], units[2:], strict=False):
        headline = head.initial == "short" and headline_like(head, options) and not sentence_like(head)
        if headline and p.READ_MORE.match(nxt.text):
            unit.klass = "bad"  # a teaser card: headline, summary, and the "more" link to the story
    for i, unit in enumerate(units):
        if credited(unit, options) or alt_and_caption(unit, options):
            unit.klass = "bad"  # a photo caption: it ends with the picture's credit, or follows its alt text
            if i and _numbered_heading(units[i - 1], options):
                units[i - 1].klass = "bad"  # "2. Robbery in the old town" over a picture: the next story's headline


def _classify(unit: Unit, stoplist: frozenset[str], options: TextdumpOptions) -> str:
    """The unit's class on its own: length, stop-word density, link density, furniture and notices."""
    unit_words = words(unit.text)
    if not unit_words:
        return "bad"
    length = _length(unit.text)
    link_density = unit.links / len(unit_words)
    if link_density > options.max_link_density or _furniture(unit.text, options):
        return "bad"
    if unit.bullet and length < options.length_high:  # a linked bullet is a menu item unless it is a full sentence
        linked = unit.links and unit.text[-1] not in ".!?"
        if not linked and _numbered_heading(unit, options):
            return "short"  # "3. Tiana From Princess and the Frog": a list story's numbered heading, like any heading
        return "bad" if linked or length < options.length_low else "short"
    if _notice(unit.text, options):
        return "bad"
    stop_density = sum(1 for w in unit_words if w in stoplist) / len(unit_words)
    if length < options.length_low or (length < options.length_high and not p.SENTENCE_END.search(unit.text)):
        return "short"  # a line with no sentence end is a heading or a teaser, not running text
    if stop_density >= options.stopwords_high:
        return "good" if length > options.length_high else "near-good"
    if stop_density >= options.stopwords_low:
        return "near-good"
    return "bad"


def page_marked(text: str, options: TextdumpOptions) -> bool:
    """What makes a unit the page's whatever its words: furniture, code, a comments heading, a copyright line, a
    picture's alt text, the site's notices."""
    return _furniture(text, options) or _notice(text, options)


def _length(text: str) -> int:
    return len(text) + cjk.spaceless_count(text)  # a Han character says more than a letter


def _furniture(text: str, options: TextdumpOptions) -> bool:
    """UI phrases, inline code, and "5 thoughts on “Title”" (the comments' heading, however long the title)."""
    return bool(p.FURNITURE.match(text) or code_like(text, options) or p.RESPONSES_TO.match(text))


def _notice(text: str, options: TextdumpOptions) -> bool:
    """A copyright line; a picture's alt text, as text browsers and converters print it ("[Crowds at the
    gate]"); the site's notices ("No part of this article may be reproduced ...", "Disclaimer: ...", "Already a
    subscriber? Log in")."""
    length = _length(text)
    if "©" in text or ("copyright" in text.lower() and length < options.length_high):
        return True
    if text[:1] == "[" and text[-1:] == "]" and "]" not in text[1:-1]:
        return True
    return length < options.rights_notice_max_chars and bool(
        p.RIGHTS_NOTICE.search(text) or p.DISCLAIMER.match(text) or p.SITE_NOTICE.search(text)
    )


def _numbered_heading(unit: Unit, options: TextdumpOptions) -> bool:
    """A numbered item of a few words: a list story's section heading ("3. Tiana From Princess and the Frog")."""
    return (
        unit.bullet
        and bool(p.NUMBERED_HEADING.match(unit.text))
        and len(unit.words) >= options.numbered_heading_min_words
    )


def _revise(units: list[Unit], options: TextdumpOptions) -> None:
    """Context-sensitive pass: near-good and short units follow their neighbours."""

    # A picture's credit says nothing of the text around it: a story told as a gallery of photos is text
    # between credits ("3/28 photos © Agency").
    pictures = {i for i, unit in enumerate(units) if _picture_credit(unit, options)}

    def neighbour(i: int, step: int, ignore: set[str]) -> str:
        j = i + step
        while 0 <= j < len(units):
            if units[j].klass not in ignore and j not in pictures:
                return units[j].klass
            j += step
        return "bad"

    # A short article is all near-good paragraphs: three in a row (shorts between) are text, not crumbs.
    run: list[Unit] = []
    for unit in [*units, Unit("", klass="bad")]:
        if unit.klass == "near-good":
            run.append(unit)
        elif unit.klass != "short":
            if len(run) >= options.near_good_run:
                for member in run:
                    member.klass = "good"
            run = []
    for i, unit in enumerate(units):
        if unit.klass == "near-good":
            prev, nxt = neighbour(i, -1, {"near-good", "short"}), neighbour(i, 1, {"near-good", "short"})
            unit.klass = "good" if "good" in (prev, nxt) else "bad"
    for i, unit in enumerate(units):
        if unit.klass == "short":
            prev, nxt = neighbour(i, -1, {"short"}), neighbour(i, 1, {"short"})
            listed = _in_short_run(units, i, options) and not _list_sentence(unit, options)
            unit.klass = "good" if prev == nxt == "good" and not listed else "bad"


def _picture_credit(unit: Unit, options: TextdumpOptions) -> bool:
    """A picture's credit printed on its own line ("© Agency", "Photo: Jane Doe")."""
    return len(unit.words) <= options.caption_max_words and ("©" in unit.text or credited(unit, options))


def _list_sentence(unit: Unit, options: TextdumpOptions) -> bool:
    """A bulleted full sentence ("• Do not shout: blind people hear well."): an article's list, not a menu.

    (Link density above ``max_link_density`` has already made a linked list bad.)"""
    return unit.bullet and len(unit.text) >= options.length_low and unit.text[-1] in ".!?"


def _in_short_run(units: list[Unit], i: int, options: TextdumpOptions) -> bool:
    """Three or more short lines in a row are a list of links or teasers, not a subheading."""
    start = end = i
    while start > 0 and units[start - 1].initial == "short":
        start -= 1
    while end + 1 < len(units) and units[end + 1].initial == "short":
        end += 1
    return end - start + 1 >= options.short_run


def _self_repeating(text: str, options: TextdumpOptions) -> bool:
    """One sentence printed over and over in one block (a slideshow's caption for every slide)."""
    sentences = [norm(part) for part in p.SENTENCE_SPLIT.split(text) if part.strip()]
    copies = options.self_repeat_copies
    return len(sentences) >= copies and copies * len(set(sentences)) <= len(sentences)


def _template_items(units: list[Unit], options: TextdumpOptions) -> set[int]:
    """Units framed by one repeated line: the items of a photo gallery or a card list.

    A gallery prints its title (or a credit) with every slide, a card list its
    label with every card: when a line of three words or more recurs three times
    or more, a few lines apart, what lies between two of its copies is one slide
    or card, not the article. Each item has its own title or credit line: paragraphs
    between two copies of an advertising label are the article's.
    """
    places: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        if len(unit.words) >= options.frame_min_words and not p.FURNITURE.match(unit.text):
            places.setdefault(norm(unit.text), []).append(i)
    framed: set[int] = set()
    for positions in places.values():
        if len(positions) < options.frame_min_repeats:
            continue
        for a, b in pairwise(positions):
            titled = any(units[k].initial == "short" and headline_like(units[k], options) for k in range(a + 1, b))
            if 1 < b - a <= options.frame_period and titled:
                framed.update(range(a + 1, b))
    return framed
