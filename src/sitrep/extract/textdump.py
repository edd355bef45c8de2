"""Flattened pages: recover the article from a text dump of a whole web page.

A text dump (a scraper's ``innerText``, ``w3m -dump``, ``lynx -dump``, a pasted
selection) keeps the words of every part of the page: menus, "Please Wait...",
share buttons, icon-font ligatures glued to labels, the title twice, a byline.
No HTML is left to tell them apart, so the extractor works on text units:

1. **Units.** Lines are cleaned of text-browser marks (``[12]`` link numbers,
   ``(BUTTON)``, form fields, bracketed image names) and re-joined where a text
   browser wrapped them: a line is continued when the next word would not have
   fit in the wrap width (measured in display columns for Chinese and Japanese,
   which wrap anywhere and are joined without a space).
2. **Classes.** Each unit is classed as jusText does for HTML blocks: *good*
   (long, many stop words of the page's language, few links), *near-good*,
   *short* or *bad* (link lists, bullets, UI phrases, icon labels, script
   dumps), then short and near-good units take the class of their good
   neighbours. The language is read from the page's prose, not its menus.
   Photo captions (a line ending in its credit, "... Photo: AP"), gallery
   slides and cards (framed by one repeated title line), bylines and time
   stamps between paragraphs are never text.
3. **Region.** Good paragraphs join into runs with the largest score (good text
   counts for, boilerplate against); a comment-section heading ends the
   article, a rights notice ends a run, a date line between paragraphs (the
   next story's) costs extra. The run under a byline or date wins over longer
   unheaded blocks (forums, teaser lists), and a run on the far side of a
   gallery joins it when it is about the same things. A headline over a
   picture credit starts the next story (newsletters), and a closing list of
   headlines each over one paragraph (a recommendation box) is cut off. A byline under a teaser card
   printed twice on the page anchors nothing; a lead parted from the body by pictures stays; site notices
   above a headline inside the run are cut off; an unfilled template ("{{ post.date }}") ends a run.
4. **Metadata** comes from the units above the body: the title is the
   headline-like line that shares the story's words, sits above the byline,
   date or standfirst, is of headline length and is not a caption; "By ..." is
   the byline, icon ligatures label the section (folder) and the time stamp
   (clock), a date line is the publication time.

Everything removed is kept in ``boilerplate`` for audit.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import justext

from sitrep.extract import cjk
from sitrep.extract import published as stamps
from sitrep.extract.icons import ICON_ROLES, find_icons, split_icons

# --- step 1: units -----------------------------------------------------------------------------------------

_LINK_MARK = re.compile(r"\[\d+\]")
# Text-browser marks: lynx's [IMG] and (BUTTON), form fields, and the image names w3m prints in brackets
# ("[photo_2019-03.jpg]", "[e7484a24e4]", "[BloodPrototype]": one token of six characters or more; "[logo]":
# a shorter lower-case one not followed by a lower-case word, which a quote's insertion "[that] was" is), and the
# box-drawing line w3m draws for a horizontal rule.
_BROWSER_MARKS = re.compile(
    r"\[(?:IMG|INLINE|BUTTON|LINK|X| )\]|\((?:BUTTON|RADIO|CHECKBOX)\)|_{4,}|\[[\w.-]*[-_.][\w.-]*\]"
    r"|\[\w{6,}\]|(?-i:\[[a-z]\w{3,}\](?=\s*(?:$|[^\w\s]|[A-Z])))|^\s*#\s*$|[─━═]{3,}",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[*+o•·◦▪‣–□■○●☆★◆◇▶►-]|\d{1,2}[.)])\s+")
_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass
class Unit:
    """A paragraph-like piece of the dump, after re-joining wrapped lines."""

    text: str
    links: int = 0
    bullet: bool = False
    icons: list[tuple[str | None, str]] = field(default_factory=list)
    klass: str = "short"
    initial: str = "short"  # the class before context revision

    @property
    def words(self) -> list[str]:
        """Whitespace words; in Chinese or Japanese, one per character."""
        return [token for word in self.text.split() for token in cjk.tokens(word)]


def _clean(line: str) -> tuple[str, int]:
    links = len(_LINK_MARK.findall(line))
    line = _LINK_MARK.sub("", line)
    line = _BROWSER_MARKS.sub(" ", line)
    return _WS.sub(" ", line).strip(), links


_REFERENCES = re.compile(r"^\s*(?:References|Visible links:?|Hidden links:?)\s*$")
_REFERENCE_ITEM = re.compile(r"^\s*\d+\.\s+\S+$")


def _drop_link_list(lines: list[str]) -> list[str]:
    """Cut the numbered URL list lynx appends ("References", "1. https://...")."""
    for i in range(len(lines)):
        if _REFERENCES.match(lines[i]):
            tail = [line for line in lines[i + 1 :] if line.strip() and not _REFERENCES.match(line)]
            if tail and sum(1 for line in tail if _REFERENCE_ITEM.match(line)) >= 0.8 * len(tail):
                return lines[:i]
    return lines


WRAP_TOLERANCE = 3  # lynx breaks a little early when a line holds link numbers
WRAP_EDGE_SHARE = 0.1  # the wrap column still ends this share of the busiest column's lines


def _wrap_width(lines: list[str], measure: Callable[[str], int] = len) -> int | None:
    """The column a text browser wrapped at, or None when lines were not wrapped.

    Wrapped text has a hard ceiling: lines that could be broken at a space never
    pass the width, and many lines end just short of it. A few unbreakable runs
    (long link texts) pass it, so the ceiling is then brought down to the last
    column that still ends a fair share of lines (lynx -width=80 wraps prose at 74).
    """
    lengths = sorted(measure(line.rstrip()) for line in lines if " " in line.strip() or cjk.spaceless(line))
    if len(lengths) < 8:
        return None
    top = lengths[min(len(lengths) - 1, int(len(lengths) * 0.995))]
    near_top = sum(1 for n in lengths if top - 12 <= n <= top)
    if top > 140 or near_top < 3:
        return None
    counts = Counter(lengths)
    peak = max(counts[n] for n in range(top - 12, top + 1))
    edges = [n for n in range(top - 12, top + 1) if counts[n] >= max(2, WRAP_EDGE_SHARE * peak)]
    return max(edges, default=top)


def _next_word_width(line: str, measure: Callable[[str], int]) -> int:
    """Columns the next line's first word would have needed on this line (a space, then the word).

    Chinese and Japanese break before any character and need no space.
    """
    word = line.split()[0]
    return measure(word[0]) if cjk.is_cjk(word[0]) else 1 + measure(word)


def _units(text: str) -> list[Unit]:
    lines = _drop_link_list([unicodedata.normalize("NFC", line) for line in text.splitlines()])
    # w3m gives a Chinese character two columns, lynx one: the wrap shows in one of the two measures.
    measure: Callable[[str], int] = cjk.display_width
    width = _wrap_width(lines, measure)
    if width is None:
        measure = len
        width = _wrap_width(lines, measure)
    units: list[Unit] = []
    current: Unit | None = None
    for i, raw in enumerate(lines):
        cleaned, links = _clean(raw)
        if not cleaned:
            current = None
            continue
        bullet = bool(_BULLET.match(raw))
        if current is not None and not bullet:
            glue = "" if cjk.spaceless_count(current.text[-1] + cleaned[0]) == 2 else " "
            current.text = f"{current.text}{glue}{cleaned}"
            current.links += links
        else:
            current = Unit(cleaned, links, bullet)
            units.append(current)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        continued = (
            width is not None
            and nxt.strip()
            and measure(raw.rstrip()) + _next_word_width(nxt, measure) > width - WRAP_TOLERANCE
        )
        if not continued:
            current = None
    for unit in units:
        unit.icons = split_icons(unit.text)
        if any(icon for icon, _ in unit.icons):
            unit.text = " ".join(part for _, part in unit.icons if part)
    return [u for u in units if u.text or any(icon for icon, _ in u.icons)]


# --- step 2: classes -----------------------------------------------------------------------------------------

LENGTH_LOW, LENGTH_HIGH = 70, 200
STOPWORDS_LOW, STOPWORDS_HIGH = 0.30, 0.32
MAX_LINK_DENSITY = 0.2
_CANDIDATE_LANGUAGES = (
    "English", "German", "French", "Spanish", "Italian", "Portuguese", "Dutch", "Polish", "Finnish", "Swedish",
    "Danish", "Norwegian_Bokmal", "Czech", "Russian", "Ukrainian", "Turkish", "Indonesian", "Romanian",
)
# Phrases that only page furniture uses. Matched on whole short units.
_FURNITURE = re.compile(
    r"^(?:no ?script|please wait\.*|loading\.*|skip to (?:main )?content|menu|search|close|share(?: this)?|"
    r"add to favou?rites|sign (?:in|up)|log ?in|log ?out|subscribe(?: now)?|advertisement|advertising|"
    r"read more|see more|show more|load more|related(?: articles| stories| news)?|most (?:read|popular)|"
    r"follow us.*|print|email|comments?|\d+ comments?|back to top|cookie.*|accept(?: all)?(?: cookies)?|"
    r"javascript.*|enable javascript.*|you may also like|recommended(?: for you)?|trending|newsletter.*|"
    r"tags?:?|topics?:?|(?:copyright|©).*|all rights reserved.*|privacy policy|terms of (?:use|service)|"
    r"home|next|previous|prev|more|top|up next|keep reading|related coverage|apply now|feedback|verlinken|"
    r"(?:veja|leia) também|(?:lee|mir[aá]|ver) también|lesen sie auch|(?:à )?lire aussi|leggi anche|"
    r"czytaj (?:też|także)|zobacz (?:też|także)|poniżej dalsza część artykułu|"
    r"media playback is unsupported on your device|slideshow(?: \(\s*\d+ images?\s*\))?|"
    r"(?:auf|on) (?:twitter|facebook|instagram) folgen|follow (?:on|us on) (?:twitter|facebook|instagram)|"
    r"eine e-mail senden|send an e-?mail|foto|photo|bild|sign up for (?:our|the|\w+'s?) [\w ,&'’-]{0,60}newsletters?|"
    r"(?:melden sie sich|abonnieren sie) (?:jetzt )?(?:für )?(?:unseren?|den) [\w -]{0,40}newsletter[\w -]{0,40}|"
    r"inscr[ií]bete (?:a|en) (?:nuestro|el) [\w ]{0,30}newsletter|abonnez-vous à (?:notre|la) newsletter[\w ]{0,30})"
    r"\W*$",
    re.IGNORECASE,
)


# A bare "read more" link (not "Read more:" over a related link) under a card's summary.
_READ_MORE = re.compile(
    r"^(?:read more|more|mehr|weiterlesen|lesen sie mehr|leer más|ver más|lire la suite|lire plus|"
    r"continua a leggere|leggi (?:di più|tutto)|czytaj (?:więcej|dalej)|saiba mais|leia mais|lees meer)"
    r"\s*[.…»›>→+]*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    lists = {lang: frozenset(justext.get_stoplist(lang)) for lang in _CANDIDATE_LANGUAGES}
    lists["Chinese"] = cjk.chinese_stopwords()  # jusText has none; spaCy's, one character per token
    return lists


def _words(text: str) -> list[str]:
    words = (token.strip(_PUNCTUATION).lower() for word in text.split() for token in cjk.tokens(word))
    return [w for w in words if w]


_PUNCTUATION = ".,;:!?\"'“”‘’()[]«»—–-、，。：；！？「」『』（）【】《》・…"


LANGUAGE_MIN_WORDS, LANGUAGE_MIN_SAMPLE = 8, 100
_CODE_CHARS = frozenset("{}()[]=;<>&|$\\")
CODE_CHAR_SHARE = 0.08


def _code_like(text: str) -> bool:
    """Inline script or style a text browser printed as text: dense in brackets, braces and operators.

    Prose has well under one such character in 25; minified JavaScript has one or more in ten.
    """
    return len(text) >= 80 and sum(ch in _CODE_CHARS for ch in text) > CODE_CHAR_SHARE * len(text)


def page_language(units: list[Unit]) -> tuple[str, frozenset[str]]:
    """The stop-word list that covers most words of the page's prose.

    Menus, bullets and script dumps are left out when there is prose enough: a
    thousand menu items marked "o" (lynx's bullet) would make any page Polish.
    """
    prose = [u for u in units if not u.bullet and not _code_like(u.text)]
    sentences = [w for u in prose if len(u.words) >= LANGUAGE_MIN_WORDS for w in _words(u.text)]
    if len(sentences) < LANGUAGE_MIN_SAMPLE:
        sentences = [w for u in prose for w in _words(u.text)]
    sample = sentences[:20000]
    counts = {lang: sum(1 for w in sample if w in stops) for lang, stops in _stoplists().items()}
    language = max(counts, key=lambda lang: counts[lang])
    return language, _stoplists()[language]


def _classify(unit: Unit, stoplist: frozenset[str]) -> str:
    words = _words(unit.text)
    if not words:
        return "bad"
    length = len(unit.text) + cjk.spaceless_count(unit.text)  # a Han character says more than a letter
    link_density = unit.links / len(words)
    if link_density > MAX_LINK_DENSITY or _FURNITURE.match(unit.text) or _code_like(unit.text):
        return "bad"
    if unit.bullet and length < LENGTH_HIGH:  # a linked bullet is a menu item unless it is a full sentence
        linked = unit.links and unit.text[-1] not in ".!?"
        return "bad" if linked or length < LENGTH_LOW else "short"
    if "©" in unit.text or ("copyright" in unit.text.lower() and length < LENGTH_HIGH):
        return "bad"
    if length < RIGHTS_NOTICE_MAX_CHARS and (_RIGHTS_NOTICE.search(unit.text) or _DISCLAIMER.match(unit.text)):
        return "bad"  # "No part of this article may be reproduced ...", "Disclaimer: ...": the site's notices
    stop_density = sum(1 for w in words if w in stoplist) / len(words)
    if length < LENGTH_LOW or (length < LENGTH_HIGH and not _SENTENCE_END.search(unit.text)):
        return "short"  # a line with no sentence end is a heading or a teaser, not running text
    if stop_density >= STOPWORDS_HIGH:
        return "good" if length > LENGTH_HIGH else "near-good"
    if stop_density >= STOPWORDS_LOW:
        return "near-good"
    return "bad"


def _revise(units: list[Unit]) -> None:
    """Context-sensitive pass: near-good and short units follow their neighbours."""

    def neighbour(i: int, step: int, ignore: set[str]) -> str:
        j = i + step
        while 0 <= j < len(units):
            if units[j].klass not in ignore:
                return units[j].klass
            j += step
        return "bad"

    # A short article is all near-good paragraphs: three in a row (shorts between) are text, not crumbs.
    run: list[Unit] = []
    for unit in [*units, Unit("", klass="bad")]:
        if unit.klass == "near-good":
            run.append(unit)
        elif unit.klass != "short":
            if len(run) >= 3:
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
            listed = _in_short_run(units, i) and not _list_sentence(unit)
            unit.klass = "good" if prev == nxt == "good" and not listed else "bad"


def _list_sentence(unit: Unit) -> bool:
    """A bulleted full sentence ("• Do not shout: blind people hear well."): an article's list, not a menu.

    (Link density above MAX_LINK_DENSITY has already made a linked list bad.)"""
    return unit.bullet and len(unit.text) >= LENGTH_LOW and unit.text[-1] in ".!?"


def _in_short_run(units: list[Unit], i: int, limit: int = 3) -> bool:
    """Three or more short lines in a row are a list of links or teasers, not a subheading."""
    start = end = i
    while start > 0 and units[start - 1].initial == "short":
        start -= 1
    while end + 1 < len(units) and units[end + 1].initial == "short":
        end += 1
    return end - start + 1 >= limit


# --- step 3: region -----------------------------------------------------------------------------------------


GAP_COST_LINEAR, GAP_COST_QUADRATIC = 25.0, 1.0
# The heading of the comment section's rules, which opens the comments below an article.
_COMMENT_RULES_HEADING = (
    r"^(?:house rules|community guidelines|comment(?:ing)? (?:rules|policy|guidelines)|netiquette)\W*$"
)
# The heading of a readers' comment section: the article never continues past it. Plural forms and counts
# only: a single "Kommentar"/"Comment" is also the name of the opinion genre, printed above articles.
_COMMENTS_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:comments|reader comments|readers' comments|leserkommentare|kommentare|commentaires|"
    r"comentarios|comentários|commenti|komentarze|komentarzy|reacties|kommentit|kommentarer)\b"
    r"|^\d+\s+(?:comment|kommentar|commentaire|comentario|commento|komentarz)\b"
    r"|^(?:leave|post|add|write|show|view|see|read)\s+(?:a|the|all|\d+)?\s*(?:comments?|repl(?:y|ies))\b"
    r"|^(?:poster|laisser|ajouter) un commentaire|^(?:ver|deja un|dejar un|escribe un) comentarios?"
    r"|^(?:jetzt )?(?:kommentieren|kommentar schreiben)|^join the (?:conversation|discussion)"
    rf"|{_COMMENT_RULES_HEADING}",
    re.IGNORECASE,
)
_COMMENT_RULES = re.compile(_COMMENT_RULES_HEADING, re.IGNORECASE)
COMMENT_HEADING_MAX_WORDS = 12
COMMENTS_AFTER_CHARS = 400  # a "Write a comment" box above the story (or in a teaser) does not end it


# A rights notice ends an article (agency copy) or the page: "Copyright 2023 ...", "© 2024 ...".
_RIGHTS_NOTICE = re.compile(
    r"\ball rights reserved|\bcopyright\s*(?:©\s*)?(?:19|20)\d\d|©\s*(?:19|20)\d\d|\btous droits réservés"
    r"|\balle rechte vorbehalten|\btodos los derechos reservados|\btutti i diritti riservati"
    r"|\bwszelkie prawa zastrzeżone|\btodos os direitos reservados"
    r"|\bmay not be (?:reproduced|republished|copied|redistributed)[\w ,]{0,80}\bwithout\b"
    r"|\bno part of this (?:article|publication|site) may\b"
    r"|\bnie może być (?:powielan|kopiowan|rozpowszechnian)|\b(?:queda|está) prohibida (?:la|su) reproducción"
    r"|\breproduction (?:interdite|strictement interdite)",
    re.IGNORECASE,
)
RIGHTS_NOTICE_MAX_CHARS = 1000
# An unfilled client-side template ("{{ post.author.name }}", "{% if user %}"): boxes the page fills in or shows
# only on demand (notices, widgets), printed with their markup because no script ran.
_PLACEHOLDER = re.compile(r"\{\{\s*[\w.|()' -]+\s*\}\}|\{%.{1,80}?%\}")
# The site's legal notice under a label: "Disclaimer: ...", "Haftungsausschluss: ...", "Aviso legal: ...".
_DISCLAIMER = re.compile(
    r"^(?:disclaimer|haftungsausschluss|aviso legal|descargo de responsabilidad|avertissement|"
    r"clause de non-responsabilité|esclusione di responsabilità|zastrzeżenie)\b[^:]{0,80}:",
    re.IGNORECASE,
)
_COUNT_ONLY = re.compile(r"^\d+\s+\w+\W*$")


# The label of a link box inside an article ("Read also", "Lesen Sie auch"): the date line in the box is the
# linked story's, not a sign that the article has ended.
_SEE_ALSO = re.compile(
    r"^(?:read also|also read|see also|(?:veja|leia) também|(?:lee|lea|mir[aá]|ver) también|también (?:lee|lea)|"
    r"lesen sie auch|auch interessant|(?:à )?lire aussi|leggi anche|czytaj (?:też|także)|zobacz (?:też|także))\W*$",
    re.IGNORECASE,
)
DATED_META_MAX_WORDS = 16
DATED_META_COST = 300.0


def _dated_meta(unit: Unit) -> bool:
    """A short line carrying a full date or a relative stamp ("vor 30 Minuten"): an article's (or a
    teaser's) byline or time stamp.

    An embedded post's signature ("— Name (@handle) July 3, 2019") and a dated caption are not. A line
    made mostly of date words is one even when it ends in a full stop ("Published: June 14, 2022 at 7:05 a.m.").
    """
    return (
        len(unit.words) <= DATED_META_MAX_WORDS
        and (stamps.names_a_date(unit.text) or stamps.mentions_relative_time(unit.text))
        and (not _sentence_like(unit, 6) or stamps.looks_like_dateline(unit.text))
        and not _EMBED_SIGNATURE.search(unit.text)
        and not _CAPTION.search(unit.text)
    )


BYLINE_MAX_WORDS = 8


def _byline_line(unit: Unit) -> bool:
    """A short "By Name" line with no sentence end: metadata, never a paragraph of the story.

    ("By the end of the day, ..." is a sentence: it ends with a full stop or runs longer.)"""
    match = _BYLINE.match(unit.text)
    if match is None or len(unit.words) > BYLINE_MAX_WORDS or unit.text[-1] in ".!?:;":
        return False
    return match["names"][:1].isupper()


# A photo credit closing a line: "Photo: Jane Doe/AP", "Old harbour, 1958. Foto: dpa".
_CREDIT_LINE = re.compile(
    r"(?:^|[.)]\s)(?:photo|photograph|foto|bild|image|picture|illustration|credit|crédito|quelle|fuente|kuva|"
    r"zdjęcie|fot)s?\s*(?:credit\s*)?:\s*[^.:]{2,60}$",
    re.IGNORECASE,
)
CREDIT_MAX_WORDS = 10
CAPTION_MAX_WORDS = 40
# A caption's closing credit in brackets: "(Photo: AP)", "(Picture by Ann Lee)", "(screen grab)", "(Symbolbild)",
# "(Foto: dpa)".
_BRACKETED_CREDIT = re.compile(
    r"\((?:(?:photo|foto|bild|image|picture|credit|illustration|file photo|archivbild|archivfoto|symbolbild|"
    r"symbolfoto|screen ?grab|screenshot|capture d'écran|captura)"
    r"(?:(?:\s*[:/]|\s+(?:by|von|de|di|por)\s)\s*[^()]{1,60})?)\)\W*$",
    re.IGNORECASE,
)


# "... in February. Hanna Matikainen / Lehtikuva": a photographer's name and agency after the last sentence.
_NAME_SLASH_AGENCY = re.compile(r"[.!?]\s+(?:[A-ZÀ-Ý][\w'-]*\.?\s+){1,3}[A-ZÀ-Ý][\w'-]*\s*/\s*[\w.&' -]{2,30}$")


# "Photograph by Jane Doe, Fauna Trust", "Foto von Max Muster": a credit line of its own.
_CREDIT_BY = re.compile(r"^(?:photo(?:graph)?s?|fotos?|bild|image|illustration)\s+(?:by|von|de|di|por)\s+[A-ZÀ-Ý]",
                        re.IGNORECASE)


# A picture agency and its photographer: "APA/Georg Hochmuth", "dpa/Max Muster".
_AGENCY_SLASH_NAME = r"(?-i:\b(?:[A-Z]{2,6}|dpa|epa)\s?/\s?[A-ZÀ-Ý][\w'-]+\s[A-ZÀ-Ý][\w'-]+)"
_CREDIT_AT_END = re.compile(rf"[.!?]\s+{_AGENCY_SLASH_NAME}(?:\s[A-ZÀ-Ý][\w'-]+)?$")


def _credited(unit: Unit) -> bool:
    """A line that ends with a picture credit ("... in Miami. Photo: AP", "... (screen grab)"): a caption.

    (A text browser may glue a caption to the paragraph above it: a long block is left alone.)"""
    return len(unit.words) <= CAPTION_MAX_WORDS and bool(
        _CREDIT_LINE.search(unit.text) or _BRACKETED_CREDIT.search(unit.text) or _NAME_SLASH_AGENCY.search(unit.text)
        or _CREDIT_BY.match(unit.text) or _CREDIT_AT_END.search(unit.text)
    )


def _story_header(gap: list[Unit]) -> bool:
    """A headline directly above a picture credit, between two paragraphs: the next story's header.

    (An article's own pictures come with a caption, not with a headline.)"""
    return any(
        len(head.words) >= 4 and not _sentence_like(head) and len(credit.words) <= CREDIT_MAX_WORDS
        and bool(_CREDIT_LINE.search(credit.text))
        for head, credit in pairwise(gap)
    )


_EMBED_SIGNATURE = re.compile(r"^[—–-]|\(@[\w.]+\)")


def _comments_heading(unit: Unit) -> bool:
    """A comment-section heading; a bare count ("3 Kommentare") is the link in the article header."""
    return (
        len(unit.words) <= COMMENT_HEADING_MAX_WORDS
        and bool(_COMMENTS_HEADING.match(unit.text))
        and not _COUNT_ONLY.match(unit.text)
    )


@dataclass
class _Run:
    """Good paragraphs joined across short gaps: [start, end) with the best score reached."""

    start: int
    end: int
    score: float


def _runs(units: list[Unit]) -> list[_Run]:
    """Runs of good paragraphs, each cut where it scored best.

    Good paragraphs count by their length; the boilerplate between two of them
    costs more than linearly in its number of lines, so an article is not glued
    to a teaser block beyond a long menu, yet survives an ad line or a caption.
    A comment-section heading below an article ends the search; a rights notice ends a run.
    """
    segments: list[tuple[int, int, float]] = []
    i = 0
    while i < len(units):
        if units[i].klass != "good":
            i += 1
            continue
        j = i
        while j < len(units) and units[j].klass == "good":
            j += 1
        segments.append((i, j, float(sum(len(u.text) for u in units[i:j]))))
        i = j
    runs: list[_Run] = []
    running, run_text = 0.0, 0.0
    for k, (seg_start, seg_end, value) in enumerate(segments):
        if k > 0:
            gap_start = segments[k - 1][1]
            gap = seg_start - gap_start
            running -= GAP_COST_LINEAR * gap + GAP_COST_QUADRATIC * gap * gap
            gap_units = units[gap_start:seg_start]
            if any(_comments_heading(u) for u in gap_units):
                if running > 0 and run_text >= COMMENTS_AFTER_CHARS:
                    break  # readers' comments begin below an article: nothing further down is the article
                running = 0.0  # never join text across a comment heading
            elif any(_RIGHTS_NOTICE.search(u.text) or _PLACEHOLDER.search(u.text) for u in gap_units):
                running = 0.0  # an article (or the page) ends at its rights notice; a template is not the article
            elif _story_header(gap_units):
                running = 0.0  # a headline over a picture starts the next story
            elif any(_dated_meta(u) for u in gap_units) and not any(_SEE_ALSO.match(u.text) for u in gap_units):
                running -= DATED_META_COST  # a date line between paragraphs: often the next story's
        if running <= 0:
            running, run_text = value, value
            runs.append(_Run(seg_start, seg_end, value))
        else:
            running += value
            run_text += value
        if running > runs[-1].score:
            runs[-1].end, runs[-1].score = seg_end, running
    return runs


RESUMED_MIN_PARAGRAPHS, RESUMED_MIN_CHARS, RESUMED_MIN_OVERLAP = 3, 500, 0.2
ANCHOR_WINDOW, ANCHOR_FACTOR = 12, 3.0
LEAD_WINDOW = 3  # a lead sits within three lines of the byline or date above it


def _anchored(units: list[Unit], start: int, window: int = 0, reprinted: frozenset[int] = frozenset()) -> bool:
    """A byline or a date line just above a run: the article's header, which teasers and forums lack.

    A header line that is part of a reprinted card (see `_reprinted_cards`) is a teaser's, not the article's.
    """
    first = max(0, start - (window or ANCHOR_WINDOW))
    return any(
        (_BYLINE.match(u.text) or stamps.looks_like_dateline(u.text) or stamps.is_relative_stamp(u.text))
        and first + k not in reprinted
        for k, u in enumerate(units[first:start])
    )


def _reprinted_cards(units: list[Unit]) -> frozenset[int]:
    """Lines that, with the line above them, are printed twice on the page: teaser cards.

    A "most read" or "more on this" card (a headline, then "By Name" or a date) is often printed in two
    lists far apart. The article's own headline and byline stand together once, or twice in a row (a page
    header printed for two screen sizes); its section label and date may be reprinted in a "latest" list,
    so only a pair led by a headline-length line counts.
    """
    places: dict[tuple[str, str], list[int]] = {}
    for i in range(1, len(units)):
        if len(units[i - 1].words) >= HEADLINE_WORDS[0]:  # a headline, not a section label over a date
            places.setdefault((_norm(units[i - 1].text), _norm(units[i].text)), []).append(i)
    return frozenset(
        i
        for positions in places.values()
        if len(positions) >= 2 and positions[-1] - positions[0] > ANCHOR_WINDOW
        for i in positions
    )


LEAD_MIN_SENTENCES = 3


def _story_sized(lead: list[Unit]) -> bool:
    """A lead tells the story in several sentences; a caption under the date has one or two."""
    text = " ".join(u.text for u in lead if u.klass == "good")
    return len(text) >= LENGTH_HIGH or len(_SENTENCE_SPLIT.findall(text)) + 1 >= LEAD_MIN_SENTENCES


def _parted_lead(units: list[Unit], runs: list[_Run], main: _Run) -> _Run | None:
    """The lead under the byline or date when pictures and share buttons part it from the main run.

    A lead is short, so its run does not outlast the gap the pictures cost; it still belongs to the article
    when it stands right under the article's header, tells the story in a few sentences (a caption there
    has one or two), and the main run starts a few lines below it.
    """
    for run in runs:
        if (
            run is not main
            and 0 <= main.start - run.end <= ANCHOR_WINDOW
            and _anchored(units, run.start, LEAD_WINDOW)
            and _story_sized(units[run.start : run.end])
            and not any(_comments_heading(u) for u in units[run.end : main.start])
        ):
            return run
    return None


def _main_region(units: list[Unit], stoplist: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The best run of good paragraphs, plus the runs that continue the same article: [(start, end)].

    The best run is the highest-scoring one, counted three times over when a
    byline or date line sits just above it (an article's header, which forums
    and teaser lists lack). An article is often cut in two by a block of other
    things (a photo gallery, a video playlist): a run on the other side of it
    joins the article when it is article-sized and about the same things (a
    fifth of its content words or more are the article's). Comments never join.
    """
    runs = _runs(units)
    if not runs:
        return []
    reprinted = _reprinted_cards(units)
    main = max(
        runs, key=lambda run: run.score * (ANCHOR_FACTOR if _anchored(units, run.start, 0, reprinted) else 1.0)
    )
    words = set().union(*(_content_words(u.text, stoplist) for u in units[main.start : main.end] if u.klass == "good"))
    spans = [(main.start, main.end)]
    lead = _parted_lead(units, runs, main)
    if lead is not None:
        spans.append((lead.start, lead.end))
    for run in runs:
        body = [u for u in units[run.start : run.end] if u.klass == "good"]
        run_words = set().union(*(_content_words(u.text, stoplist) for u in body))
        between = units[main.end : run.start] if run.start >= main.end else units[run.end : main.start]
        if (
            run is not main
            and run is not lead
            and len(body) >= RESUMED_MIN_PARAGRAPHS
            and sum(len(u.text) for u in body) >= RESUMED_MIN_CHARS
            and len(run_words & words) >= RESUMED_MIN_OVERLAP * len(run_words)
            and not any(_comments_heading(u) for u in between)
        ):
            spans.append((run.start, run.end))
    return sorted(spans)


# --- step 4: metadata -------------------------------------------------------------------------------------------

_BYLINE = re.compile(
    r"^(?:(?i:by|written by|words by|reporting by|von|par|por)\s+|By(?=[A-Z]))(?P<names>\S.{1,120})$"
)
_NAME_SPLIT = re.compile(r"\s*(?:,|\band\b|&|\|)\s*")
HEADER_WINDOW = 60
_ICON_FIELDS = {"section": "section", "time": "stamp", "author": "byline"}


@dataclass
class TextDump:
    """What the extractor recovered from one dump."""

    title: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    stamp: str | None = None  # publication time as printed ("2 months ago", "March 30, 2023")
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    boilerplate: list[str] = field(default_factory=list)


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().casefold()


def _headline_like(unit: Unit) -> bool:
    words = unit.words
    return (
        2 <= len(words) <= 30
        and not unit.bullet
        and unit.links <= 1
        and not _FURNITURE.match(unit.text)
        and not _BYLINE.match(unit.text)
        and not stamps.looks_like_dateline(unit.text)
        and not stamps.is_relative_stamp(unit.text)
        and not find_icons(unit.text)
        and unit.text[-1] not in ":|"
        and any(ch.isalpha() for ch in unit.text)
    )


def _read_header(
    header: list[Unit], dump: TextDump, body: list[Unit], stoplist: frozenset[str], page_text: str = ""
) -> set[int]:
    """Fill title, byline, section and stamp from the units above the body; return the units used."""
    used: set[int] = set()
    for i, unit in enumerate(header):  # icon-labelled metadata is the most explicit: read it first
        for icon, text in unit.icons:
            role = ICON_ROLES.get(icon or "")
            if not text or role is None or getattr(dump, _ICON_FIELDS[role]) is not None:
                continue
            setattr(dump, _ICON_FIELDS[role], text)
            used.add(i)
    for i, unit in enumerate(header):
        match = _BYLINE.match(unit.text)
        if match and dump.byline is None and len(unit.words) <= 16:
            dump.byline = unit.text
            used.add(i)
        elif dump.stamp is None and (stamps.is_relative_stamp(unit.text) or stamps.looks_like_dateline(unit.text)):
            dump.stamp = unit.text
            used.add(i)
    if dump.byline:
        names = _BYLINE.match(dump.byline)
        raw = names["names"] if names else dump.byline
        dump.authors = [n.strip(" .") for n in _NAME_SPLIT.split(raw) if n.strip(" .")]
    dump.title = _find_title(header, used, body, stoplist, page_text)
    return used


# Photo captions and credits, in the languages of the stop-word lists: "Photo: AP", "(Foto: Andina)",
# "Bild: dpa", "Getty Images", "(l.)" for "left", "na zdjęciu" ("in the picture"), a credit after the
# sentence (". By U.S. Customs"), an agency and its photographer ("APA/Georg Hochmuth").
_CAPTION = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|credit|illustration|file|foto|fotos|bild|bildrechte|symbolfoto|symbolbild|"
    r"imagen|crédito|zdjęcie|fot|kuva|kuvat)\b\s*[:/(.]|\b(?:getty images|ap photo|picture alliance|"
    r"pictured|na zdjęciu|en la imagen|sur la photo|im bild|auf dem bild)\b|©|\((?:l|r|m|li|re|links|rechts|"
    r"left|right|centre|center)\.?\)|[.,/]\s*(?:AP|AFP|EFE|EPA|DPA|dpa|Reuters|REUTERS|Imago|IMAGO|Keystone|"
    r"ANSA|Europa Press|Getty)\s*\)?$|[.)]\s+(?:By|Photo|Foto|Credit|Source|Quelle|Fuente|Bild)\b"
    rf"|{_AGENCY_SLASH_NAME}|\((?:photo|picture|foto|image)s?\s+(?:by|von|de|di|por)\s",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\s*[»›>]\s*")
_TITLE_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—-]{2,60})$")
_SENTENCE_BREAK = re.compile(r"\w[.!?]\s+[A-ZÀ-Ý\"“„«]")
TITLE_MIN_SCORE = 0.25
HEADLINE_LENGTH_BONUS, HEADLINE_WORDS = 0.2, (6, 20)  # most news headlines are 6 to 20 words long
REPEAT_DISTANCE = 3
TITLE_SMOOTHING = 1.5  # a one-word match in a two-word line is weak evidence
STANDFIRST_BONUS = 0.25
FULL_STOP_PENALTY = 0.15
HEADLINE_FIRST_RATIO = 0.75
HEADLINE_FIRST_WINDOW = 4
STANDFIRST_MIN_WORDS = 6


def _content_words(text: str, stoplist: frozenset[str]) -> set[str]:
    return {w for w in _words(text) if (len(w) > 2 or cjk.spaceless(w)) and w not in stoplist and not w.isdigit()}


def _strip_site_name(text: str, page_text: str) -> str:
    """ "Headline | Site" → "Headline" when the site name is printed elsewhere on the page too.

    A dash inside a real headline ("Hochwasser am Rhein: Die Pegel steigen - Bürgermeister warnt")
    is kept: its second half is not a name the page repeats.
    """
    match = _TITLE_SITE_SUFFIX.search(text)
    if match and page_text.count(match["site"].strip().casefold()) >= 2:
        return text[: match.start()]
    return text


def _find_title(
    header: list[Unit], used: set[int], body: list[Unit], stoplist: frozenset[str], page_text: str = ""
) -> str | None:
    """The headline: the best-scoring headline-like line above the body.

    A headline is short, one sentence with no full stop, not a caption, shares
    its content words with the story, sits close to the body and just above
    the byline/date or the standfirst, and is often printed twice (page title
    and headline).
    """
    opening = set().union(*(_content_words(u.text, stoplist) for u in body[:3])) if body else set()
    anywhere = set().union(*(_content_words(u.text, stoplist) for u in body)) if body else set()
    keys = [_norm(_BULLET.sub("", u.text)) for u in header]
    labels = {key for key in keys if len(key.split()) <= CRUMB_LABEL_MAX_WORDS}
    scored: list[tuple[float, int, str]] = []
    for i, unit in enumerate(header):
        if i in used or not _headline_like(unit) or _mid_sentence(header, i):
            continue
        # Printed twice close together (page title and headline, crumb and headline); a menu item
        # repeated in the footer or a breadcrumb far away is not.
        near = keys[max(0, i - REPEAT_DISTANCE) : i] + keys[i + 1 : i + 1 + REPEAT_DISTANCE]
        repeated = keys[i] in near
        text = unit.text if repeated else _strip_site_name(unit.text, page_text)
        text = _BREADCRUMB.split(text)[-1]  # "Home » News » Headline" → "Headline"
        text = _without_bare_crumbs(text, labels)
        words = _content_words(text, stoplist)
        wordy = [w for word in text.split() for w in cjk.tokens(word) if any(ch.isalpha() for ch in w)]
        if not words or len(wordy) < (2 if repeated else 3):
            continue  # two words are a section label or a name unless printed twice ("Ein Albtraum")
        matched_opening, matched = len(words & opening), len(words & anywhere)
        above_metadata = any(0 < m - i <= 6 for m in used)  # headlines sit just above the byline/date
        if matched == 0 or (matched < min(2, len(words)) and not repeated and not above_metadata):
            continue  # a headline shares its words with the story; one shared word alone is chance
        overlap = (0.5 * matched_opening + 0.5 * matched) / (len(words) + TITLE_SMOOTHING)
        score = overlap * (1.4 if repeated else 1.0) - 0.003 * (len(header) - i)
        score += 0.35 * above_metadata + 0.1 * repeated + STANDFIRST_BONUS * _standfirst_follows(header, i)
        score -= 0.3 * bool(_CAPTION.search(text)) + FULL_STOP_PENALTY * (text[-1] == ".")
        score -= 0.3 * (len(unit.words) > 25)
        score += HEADLINE_LENGTH_BONUS * (HEADLINE_WORDS[0] <= len(wordy) <= HEADLINE_WORDS[1])
        if _SENTENCE_BREAK.search(text):  # two full sentences are a caption or a teaser; a headline may
            score -= 0.3 if text[-1] in ".!?" else 0.1  # join two phrases ("Queen sails. A signal to China")
        scored.append((score, i, text))
    if not scored:
        return None
    best_score, best_i, best = max(scored)
    # A standfirst repeats the story's words even more than its headline does; the headline comes first.
    for score, i, text in sorted(scored, key=lambda x: x[1]):
        if best_i - HEADLINE_FIRST_WINDOW <= i < best_i and score >= HEADLINE_FIRST_RATIO * best_score:
            best_score, best = score, text
            break
    return best if best_score >= TITLE_MIN_SCORE else None


_HOME_CRUMB = re.compile(r"^(?:home|startseite|inicio|accueil|portada|início|strona główna)\s+", re.IGNORECASE)
CRUMB_LABEL_MAX_WORDS = 2


def _without_bare_crumbs(text: str, labels: set[str]) -> str:
    """ "Home Climate Headline" → "Headline": a breadcrumb flattened without its separators.

    It starts with the home link; the section names after it are the page's menu labels (lines of their own).
    """
    home = _HOME_CRUMB.match(text)
    words = text[home.end() :].split() if home else []
    if not words or words[0].casefold() not in labels:
        return text  # "Home prices rise again" is a headline
    while len(words) > 3 and words[0].casefold() in labels:
        words.pop(0)
    return " ".join(words)


def _mid_sentence(header: list[Unit], i: int) -> bool:
    """A piece of a sentence a text browser broke: it starts with a lower-case word, or the next line
    finishes its sentence."""
    first = header[i].text.split()[0]
    if first.isalpha() and first.islower():
        return True  # "and the ministry said" ("iOS 13 will fix..." is a headline)
    nxt = header[i + 1] if i + 1 < len(header) else None
    return (
        nxt is not None
        and nxt.text[:1].islower()
        and header[i].text[-1] not in ".!?:"
        and len(nxt.words) >= 4
        and _sentence_like(nxt)
    )


def _standfirst_follows(header: list[Unit], i: int) -> bool:
    """The next line is a longer full sentence: a headline's standfirst (dek)."""
    if i + 1 >= len(header) or header[i].text[-1] in ".!?":
        return False
    nxt = header[i + 1]
    return len(nxt.words) >= STANDFIRST_MIN_WORDS and _sentence_like(nxt) and not _CAPTION.search(nxt.text)


def extract_textdump(text: str) -> TextDump:
    """Recover title, byline, section, time stamp and the article paragraphs from a page dump."""
    units = _units(text)
    dump = TextDump()
    if not units:
        return dump
    language, stoplist = page_language(units)
    dump.language = language
    repeats = Counter(_norm(u.text) for u in units)
    for unit in units:
        # A line printed three times or more is a template (gallery labels, share bars), never text.
        template = repeats[_norm(unit.text)] >= 3 or _self_repeating(unit.text)
        unit.klass = unit.initial = "bad" if template else _classify(unit, stoplist)
    _revise(units)
    for i, unit in enumerate(units):
        if _dated_meta(unit) or _byline_line(unit):
            unit.klass = "bad"  # a byline or time stamp between paragraphs separates two stories
        elif _COMMENT_RULES.match(unit.text):
            unit.klass = "bad"  # the comment section's rules: a heading of the comments, never of the story
        elif unit.initial in ("near-good", "good") and _anchored(units, i, LEAD_WINDOW):
            unit.klass = "good"  # the lead under the byline/date, even when a photo parts it from the body
    for i in _template_items(units):
        units[i].klass = "bad"
    for head, unit, nxt in zip(units, units[1:], units[2:], strict=False):
        headline = head.initial == "short" and _headline_like(head) and not _sentence_like(head)
        if headline and _READ_MORE.match(nxt.text):
            unit.klass = "bad"  # a teaser card: headline, summary, and the "more" link to the story
    for unit in units:
        if _credited(unit):
            unit.klass = "bad"  # a photo caption: it ends with the picture's credit
    spans = _main_region(units, stoplist)
    if not spans:
        fallback = _fallback_region(units)
        spans = [fallback] if fallback else []
    if not spans:
        dump.boilerplate = [u.text for u in units]
        return dump
    start, end = _trim(units, spans[0][0], spans[-1][1])
    start, end = _trim(units, start, _without_teaser_tail(units, start, end))
    start, end = _trim(units, _below_inner_headline(units, start, end, stoplist), end)
    spans = [(max(a, start), min(b, end)) for a, b in spans]
    header = units[max(0, start - HEADER_WINDOW) : start]
    body = _unique([u for a, b in spans for u in units[a:b] if u.klass == "good"])
    _read_header(header, dump, body, stoplist, text.casefold())
    if dump.title:
        body = [u for i, u in enumerate(body) if i >= 3 or _norm(u.text) != _norm(dump.title)]
    kept = {id(u) for u in body}
    dump.paragraphs = [u.text for u in body]
    dump.boilerplate = [_display(u) for u in units if id(u) not in kept]
    return dump


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?)])\s+")


def _self_repeating(text: str) -> bool:
    """One sentence printed over and over in one block (a slideshow's caption for every slide)."""
    sentences = [_norm(part) for part in _SENTENCE_SPLIT.split(text) if part.strip()]
    return len(sentences) >= 2 and 2 * len(set(sentences)) <= len(sentences)


TEMPLATE_MIN_REPEATS, TEMPLATE_PERIOD = 3, 4


def _template_items(units: list[Unit]) -> set[int]:
    """Units framed by one repeated line: the items of a photo gallery or a card list.

    A gallery prints its title (or a credit) with every slide, a card list its
    label with every card: when a line of three words or more recurs three times
    or more, a few lines apart, what lies between two of its copies is one slide
    or card, not the article. Each item has its own title or credit line: paragraphs
    between two copies of an advertising label are the article's.
    """
    places: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        if len(unit.words) >= 3 and not _FURNITURE.match(unit.text):
            places.setdefault(_norm(unit.text), []).append(i)
    framed: set[int] = set()
    for positions in places.values():
        if len(positions) < TEMPLATE_MIN_REPEATS:
            continue
        for a, b in pairwise(positions):
            titled = any(units[k].initial == "short" and _headline_like(units[k]) for k in range(a + 1, b))
            if 1 < b - a <= TEMPLATE_PERIOD and titled:
                framed.update(range(a + 1, b))
    return framed


def _fallback_region(units: list[Unit]) -> tuple[int, int] | None:
    """A page with no good paragraph at all (a three-sentence story): its longest run of real sentences."""
    best, best_len = None, 0
    i = 0
    while i < len(units):
        j = i
        while j < len(units) and units[j].initial != "bad" and _sentence_like(units[j], 8):
            j += 1
        length = sum(len(u.text) for u in units[i:j])
        if length > best_len:
            best, best_len = (i, j), length
        i = j + 1
    if best is not None:
        for unit in units[best[0] : best[1]]:
            unit.klass = "good"
    return best


def _unique(units: list[Unit]) -> list[Unit]:
    """Drop repeated paragraphs (notices and pull quotes printed twice)."""
    seen: set[str] = set()
    kept = []
    for unit in units:
        key = _norm(unit.text)
        if key not in seen or len(key) < 30:
            kept.append(unit)
        seen.add(key)
    return kept


_SENTENCE_END = re.compile(rf"[.!?…:;\"”’»)\]{cjk.SENTENCE_END_MARKS}]$")


def _sentence_like(unit: Unit, min_words: int = 1) -> bool:
    return bool(_SENTENCE_END.search(unit.text)) and len(unit.words) >= min_words


def _prose(unit: Unit) -> bool:
    """Running text: a real sentence, or a long stop-word-rich paragraph whose end a glued-on link hides."""
    return unit.initial == "good" or (unit.initial != "short" and _sentence_like(unit, 6))


def _trim(units: list[Unit], start: int, end: int) -> tuple[int, int]:
    """Give the region's ragged edges back to the header and footer.

    Context revision lets headlines, bylines and captions next to the article
    turn good; the body starts at the first real sentence and ends at the last.
    """
    while start < end - 1 and not _prose(units[start]):
        start += 1
    while end > start + 1 and not _sentence_like(units[end - 1]):
        end -= 1
    return start, end


INNER_HEADLINE_WINDOW = 10
INNER_HEADLINE_MIN_WORDS = 4
NOTICE_MAX_SHARED = 0.15
NOTICES_MIN = 2


def _below_inner_headline(units: list[Unit], start: int, end: int, stoplist: frozenset[str]) -> int:
    """Move the region's start below a headline printed among its first lines.

    Site notices ("Thank you for registering ...") are short sentences above the headline that context
    revision turns to text. A headline-like line whose words recur in the story below it, with lines above it
    that share next to nothing with that story, is the article's start: what stands above is the page's.
    """
    for k in range(start + 1, min(end - 1, start + INNER_HEADLINE_WINDOW)):
        head = units[k]
        if head.initial != "short" or len(head.words) < INNER_HEADLINE_MIN_WORDS or _sentence_like(head):
            continue
        notices = [u for u in units[start:k] if u.klass == "good"]
        if not _headline_like(head) or _dated_meta(head) or len(notices) < NOTICES_MIN:
            continue
        if any(u.initial == "good" for u in notices):
            continue  # notices are short; a long paragraph above is the article's lead
        below = set().union(*(_content_words(u.text, stoplist) for u in units[k + 1 : end] if u.klass == "good"))
        above = set().union(*(_content_words(u.text, stoplist) for u in notices))
        about_story = len(_content_words(head.text, stoplist) & below) >= 2
        if about_story and len(above & below) <= NOTICE_MAX_SHARED * len(above):
            return k + 1
    return start


TEASER_MIN_PAIRS = 3


def _without_teaser_tail(units: list[Unit], start: int, end: int) -> int:
    """Cut a list of teasers off the region's end: three or more headlines, each over a single paragraph.

    A recommendation box ("DW recommends", notices with a title) alternates a headline with one
    paragraph; an article's sections hold several paragraphs under each subheading.
    """
    cut, pairs = end, 0
    while cut - 2 > start:
        head, text = units[cut - 2], units[cut - 1]
        teaser = (
            head.initial == "short" and _headline_like(head) and not _sentence_like(head)
            and text.initial != "short" and _sentence_like(text)
        )
        if not teaser:
            break
        cut, pairs = cut - 2, pairs + 1
    return cut if pairs >= TEASER_MIN_PAIRS else end


def _display(unit: Unit) -> str:
    """A removed unit as it appeared, icon ligatures included, for the audit list."""
    if any(icon for icon, _ in unit.icons):
        return " ".join(f"{icon or ''}{part}" for icon, part in unit.icons).strip()
    return unit.text
