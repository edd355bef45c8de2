"""The text-dump extractor end to end: the passes in order, and what they return.

Each pass lives in its own module (units, classes, region, metadata); this one
only runs them in order on one dump and assembles the result, keeping
everything it removed for audit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sitrep.extract import published as stamps
from sitrep.extract.textdump.blocks import body_units, find_region
from sitrep.extract.textdump.classify import classify_units, page_language
from sitrep.extract.textdump.lines import Unit, norm, split_units
from sitrep.extract.textdump.markup import main_headings
from sitrep.extract.textdump.metadata import PageTitle, read_header
from sitrep.extract.textdump.options import DEFAULT_OPTIONS, TextdumpOptions
from sitrep.extract.textdump.patterns import BULLET, HEAD_LINK, SENTENCE_END
from sitrep.extract.textdump.signals import byline_match


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


def extract_textdump(text: str, options: TextdumpOptions = DEFAULT_OPTIONS) -> TextDump:
    """Recover title, byline, section, time stamp and the article paragraphs from a page dump."""
    units = split_units(text, options)
    dump = TextDump()
    if not units:
        return dump
    language, stoplist = page_language(units, options)
    dump.language = language
    classify_units(units, stoplist, options)
    start, spans = find_region(units, stoplist, options)
    if not spans:
        dump.boilerplate = [u.text for u in units]
        return dump
    offset = max(0, start - options.header_window)
    header = units[offset:start]
    body = body_units(units, spans, options)
    page_title = _page_title(units, offset, options)
    found = read_header(header, body, stoplist, text.casefold(), options, main_headings(text), page_title)
    dump.title, dump.byline, dump.authors = found.title, found.byline, found.authors
    dump.section, dump.stamp = found.section, found.stamp
    if dump.title:
        title = norm(dump.title)
        body = [u for i, u in enumerate(body) if i >= options.title_repeat_paragraphs or norm(u.text) != title]
    kept = {id(u) for u in body}
    dump.paragraphs = [u.text for u in body]
    dump.boilerplate = [_display(u) for u in units if id(u) not in kept]
    return dump


def plain_header(
    text: str, furnished: Callable[[str], bool] | None = None, options: TextdumpOptions = DEFAULT_OPTIONS
) -> TextDump:
    """The title, byline and time stamp a clean article prints above its first paragraph (``paragraphs`` and
    ``boilerplate`` left empty: clean text is its own body).

    Only a text that looks headed is read, and only its top: it opens with a line no sentence ends, and a byline
    or a date line follows within its first lines, or its top shows some page furniture (``furnished(top)``: a
    page whose dump had too little of it to be read as one). Most clean text opens with its first paragraph (an
    extractor's body may open with a subheading, a caption or a standfirst, which are no headline), and a body
    must not cost the extractor's pass. What the extractor finds counts only when it is printed above the first
    paragraph it keeps.
    """
    top = text[: options.plain_header_chars]
    lines = [line.strip() for line in top.splitlines() if line.strip()][: options.plain_header_lines]
    if not lines or len(lines[0].split()) > options.headline_max_words or SENTENCE_END.search(lines[0]):
        return TextDump()
    headed = any(byline_match(line) or stamps.looks_like_dateline(line) for line in lines[1:])
    if not headed and not (furnished and furnished(top)):
        return TextDump()
    dump = extract_textdump(top, options)
    first = next((paragraph for paragraph in dump.paragraphs if paragraph.strip()), None)
    cut = top.find(first[: options.plain_header_probe_chars]) if first else -1
    above = {norm(line) for line in top[: max(cut, 0)].splitlines() if line.strip()}
    found = TextDump(language=dump.language)
    if dump.title and norm(dump.title) in above:
        found.title = dump.title
    if dump.byline and norm(dump.byline) in above:
        found.byline, found.authors = dump.byline, dump.authors
    if dump.stamp and any(norm(dump.stamp) in line for line in above):
        found.stamp = dump.stamp
    return found


def _page_title(units: list[Unit], offset: int, options: TextdumpOptions) -> PageTitle:
    """The first lines of the dump, where a text browser prints the page's ``<title>``, after the numbered
    links some print before it (the page's ``<link>`` elements, "[7]IFrame", "[8]Skip to main content")."""
    first = next((i for i, u in enumerate(units) if u.links == 0 and not HEAD_LINK.match(u.text)), 0)
    top = units[first : first + options.page_title_lines]
    keys = frozenset(norm(BULLET.sub("", u.text)) for u in top)
    return PageTitle(keys, max(0, first + len(top) - offset))


def _display(unit: Unit) -> str:
    """A removed unit as it appeared, icon ligatures included, for the audit list."""
    if any(icon for icon, _ in unit.icons):
        return " ".join(f"{icon or ''}{part}" for icon, part in unit.icons).strip()
    return unit.text
