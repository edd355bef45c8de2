"""Flattened pages: recover the article from a text dump of a whole web page.

A text dump (a scraper's ``innerText``, ``w3m -dump``, ``lynx -dump``, a pasted
selection) keeps the words of every part of the page: menus, "Please Wait...",
share buttons, icon-font ligatures glued to labels, the title twice, a byline.
No HTML is left to tell them apart, so the extractor works on text units:

1. **Units.** Lines are cleaned of text-browser marks (``[12]`` link numbers,
   ``(BUTTON)``, form fields) and re-joined where a text browser wrapped them:
   a line is continued when the next word would not have fit in the wrap width.
2. **Classes.** Each unit is classed as jusText does for HTML blocks: *good*
   (long, many stop words of the page's language, few links), *near-good*,
   *short* or *bad* (link lists, bullets, UI phrases, icon labels), then short
   and near-good units take the class of their good neighbours.
3. **Region.** The article is the contiguous run of units with the largest
   score (good text counts for, boilerplate against), so a teaser below the
   comments does not join the body.
4. **Metadata** comes from the units above the body: a repeated line or the
   nearest headline-like line is the title, "By ..." the byline, icon ligatures
   label the section (folder) and the time stamp (clock), a date line the
   publication time.

Everything removed is kept in ``boilerplate`` for audit.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import justext

from sitrep.extract import published as stamps
from sitrep.extract.icons import ICON_ROLES, find_icons, split_icons

# --- step 1: units -----------------------------------------------------------------------------------------

_LINK_MARK = re.compile(r"\[\d+\]")
_BROWSER_MARKS = re.compile(
    r"\[(?:IMG|INLINE|BUTTON|LINK|X| )\]|\((?:BUTTON|RADIO|CHECKBOX)\)|_{4,}|\[[\w.-]*[-_.][\w.-]*\]"
    r"|^\s*#\s*$",
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
        return self.text.split()


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


def _wrap_width(lines: list[str]) -> int | None:
    """The column a text browser wrapped at, or None when lines were not wrapped.

    Wrapped text has a hard ceiling: lines that could be broken at a space never
    pass the width, and many lines end just short of it.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if " " in line.strip())
    if len(lengths) < 8:
        return None
    top = lengths[min(len(lengths) - 1, int(len(lengths) * 0.995))]
    near_top = sum(1 for n in lengths if top - 12 <= n <= top)
    if top > 140 or near_top < 3:
        return None
    return top


def _units(text: str) -> list[Unit]:
    lines = _drop_link_list([unicodedata.normalize("NFC", line) for line in text.splitlines()])
    width = _wrap_width(lines)
    units: list[Unit] = []
    current: Unit | None = None
    for i, raw in enumerate(lines):
        cleaned, links = _clean(raw)
        if not cleaned:
            current = None
            continue
        bullet = bool(_BULLET.match(raw))
        if current is not None and not bullet:
            current.text = f"{current.text} {cleaned}"
            current.links += links
        else:
            current = Unit(cleaned, links, bullet)
            units.append(current)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        continued = (
            width is not None
            and nxt.strip()
            and len(raw.rstrip()) + 1 + len(nxt.split()[0]) > width - 1
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
    r"home|next|previous|prev|more|top|up next)\W*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, frozenset[str]]:
    return {lang: frozenset(justext.get_stoplist(lang)) for lang in _CANDIDATE_LANGUAGES}


def _words(text: str) -> list[str]:
    return [w.strip(".,;:!?\"'“”‘’()[]«»—–-").lower() for w in text.split()]


def page_language(units: list[Unit]) -> tuple[str, frozenset[str]]:
    """The stop-word list that covers most words of the page."""
    sample = [w for u in units for w in _words(u.text)][:5000]
    counts = {lang: sum(1 for w in sample if w in stops) for lang, stops in _stoplists().items()}
    language = max(counts, key=lambda lang: counts[lang])
    return language, _stoplists()[language]


def _classify(unit: Unit, stoplist: frozenset[str]) -> str:
    words = _words(unit.text)
    if not words:
        return "bad"
    length = len(unit.text)
    link_density = unit.links / len(words)
    if link_density > MAX_LINK_DENSITY or _FURNITURE.match(unit.text):
        return "bad"
    if unit.bullet and length < LENGTH_HIGH:
        return "bad" if unit.links or length < LENGTH_LOW else "short"
    if "©" in unit.text or ("copyright" in unit.text.lower() and length < LENGTH_HIGH):
        return "bad"
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
            unit.klass = "good" if prev == nxt == "good" and not _in_short_run(units, i) else "bad"


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


def _main_region(units: list[Unit]) -> tuple[int, int] | None:
    """The run of good paragraphs [start, end) with the best text-minus-gaps score.

    Good paragraphs count by their length; the boilerplate between two of them
    costs more than linearly in its number of lines, so an article is not glued
    to a teaser block beyond a long menu, yet survives an ad line or a caption.
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
    best, best_span = 0.0, None
    running, first = 0.0, 0
    for k, (seg_start, seg_end, value) in enumerate(segments):
        if k > 0:
            gap = seg_start - segments[k - 1][1]
            running -= GAP_COST_LINEAR * gap + GAP_COST_QUADRATIC * gap * gap
        if running <= 0:
            running, first = value, k
        else:
            running += value
        if running > best:
            best, best_span = running, (segments[first][0], seg_end)
    return best_span


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


def _read_header(header: list[Unit], dump: TextDump, body: list[Unit], stoplist: frozenset[str]) -> set[int]:
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
    dump.title = _find_title(header, used, body, stoplist)
    return used


_CAPTION = re.compile(
    r"\b(?:photo(?:graph)?s?|image|picture|credit|getty|reuters|afp|ap photo|illustration|file)\b\s*[:/(]|©",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\s*[»›>]\s*")
_TITLE_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,60}$")


def _content_words(text: str, stoplist: frozenset[str]) -> set[str]:
    return {w for w in _words(text) if len(w) > 2 and w not in stoplist and not w.isdigit()}


def _find_title(header: list[Unit], used: set[int], body: list[Unit], stoplist: frozenset[str]) -> str | None:
    """The headline: the best-scoring headline-like line above the body.

    A headline is short, not a caption, shares its content words with the
    opening paragraphs, sits close to the body, and is often printed twice
    (page title and headline).
    """
    opening = set().union(*(_content_words(u.text, stoplist) for u in body[:3])) if body else set()
    anywhere = set().union(*(_content_words(u.text, stoplist) for u in body)) if body else set()
    counts = Counter(_norm(u.text) for u in header)
    scored: list[tuple[float, int, str]] = []
    for i, unit in enumerate(header):
        if i in used or not _headline_like(unit) or len(unit.words) < 3:
            continue
        text = _TITLE_SITE_SUFFIX.sub("", unit.text) if counts[_norm(unit.text)] == 1 else unit.text
        text = _BREADCRUMB.split(text)[-1]  # "Home » News » Headline" → "Headline"
        words = _content_words(text, stoplist)
        if not words or len(text.split()) < 3:
            continue
        matched_opening, matched = len(words & opening), len(words & anywhere)
        if matched < 2 and counts[_norm(unit.text)] == 1:
            continue  # one shared word is chance, not a headline
        overlap = (0.5 * matched_opening + 0.5 * matched) / (len(words) + 1.5)
        score = overlap * (1.4 if counts[_norm(unit.text)] > 1 else 1.0) - 0.003 * (len(header) - i)
        score += 0.35 * any(0 < m - i <= 6 for m in used)  # headlines sit just above the byline/date
        score -= 0.3 * bool(_CAPTION.search(text)) + 0.15 * (text[-1] == ".") + 0.3 * (len(unit.words) > 25)
        scored.append((score, i, text))
    if not scored:
        return None
    best_score, best_i, best = max(scored)
    # A standfirst repeats the story's words even more than its headline does; the headline comes first.
    for score, i, text in sorted(scored, key=lambda x: x[1]):
        if best_i - 4 <= i < best_i and score >= 0.75 * best_score:
            best_score, best = score, text
            break
    return best if best_score >= 0.25 else None


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
        unit.klass = unit.initial = "bad" if repeats[_norm(unit.text)] >= 3 else _classify(unit, stoplist)
    _revise(units)
    region = _main_region(units) or _fallback_region(units)
    if region is None:
        dump.boilerplate = [u.text for u in units]
        return dump
    start, end = _trim(units, *region)
    header = units[max(0, start - HEADER_WINDOW) : start]
    body = _unique([u for u in units[start:end] if u.klass == "good"])
    _read_header(header, dump, body, stoplist)
    if dump.title:
        body = [u for i, u in enumerate(body) if i >= 3 or _norm(u.text) != _norm(dump.title)]
    kept = {id(u) for u in body}
    dump.paragraphs = [u.text for u in body]
    dump.boilerplate = [_display(u) for u in units if id(u) not in kept]
    return dump


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


_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]]$")


def _sentence_like(unit: Unit, min_words: int = 1) -> bool:
    return bool(_SENTENCE_END.search(unit.text)) and len(unit.words) >= min_words


def _trim(units: list[Unit], start: int, end: int) -> tuple[int, int]:
    """Give the region's ragged edges back to the header and footer.

    Context revision lets headlines, bylines and captions next to the article
    turn good; the body starts at the first real sentence and ends at the last.
    """
    while start < end - 1 and not (units[start].initial != "short" and _sentence_like(units[start], 6)):
        start += 1
    while end > start + 1 and not _sentence_like(units[end - 1]):
        end -= 1
    return start, end


def _display(unit: Unit) -> str:
    """A removed unit as it appeared, icon ligatures included, for the audit list."""
    if any(icon for icon, _ in unit.icons):
        return " ".join(f"{icon or ''}{part}" for icon, part in unit.icons).strip()
    return unit.text
