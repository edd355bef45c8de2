"""Which kind of input a document is: an HTML page, a flattened page, or clean text — and why.

A page flattened to text (by a text browser, a converter, a browser's copy) still
shows the page's structure: menus and link lists become runs of short lines above
and below the prose, navigation and share buttons repeat, text browsers number
their links, Markdown converters keep ``[text](url)``. Clean text — an article a
user saved or a scraper's body field — is prose with at most a headline, a byline
and a few subheadings. Each structural sign is counted once; two independent
signs make a flattened page, so one list-heavy article is not taken for one.
The decision carries its reason, which is stored with the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from sitrep.extract.icons import find_icons
from sitrep.extract.textdump.markup import as_printed, is_markdown
from sitrep.extract.textdump.patterns import LINK_MARK
from sitrep.model import SourceKind
from sitrep.sources import RawDoc

# An XML declaration alone is no page: the old C html2text copies it above the text it prints.
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)", re.IGNORECASE | re.DOTALL
)
_TAG = re.compile(r"</?(?:p|div|a|span|br|li|table|script|meta|link)\b", re.IGNORECASE)
_NOSCRIPT = re.compile(r"(?i)no ?script|please wait\.*|loading\.*|skip to (main )?content")
# Unlike the extractor's sentence end, a closing bracket does not end one here: "[Search]" is furniture.
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’»)]$")
_DECORATION = "*#>-_•·|=+ \t"

SHORT_MAX_WORDS = 4  # a line of at most this many words, not ending a sentence, is page furniture
PROSE_MIN_WORDS = 12  # a line of at least this many words is running text
MIN_SHORT_LINES = 10  # furniture lines a page shows at least ...
MIN_SHORT_SHARE = 0.15  # ... making up at least this share of its lines
MENU_RUN = 4  # short lines in a row that are a menu
MIN_MENUS = 2
MANY_MENUS = 5  # ... and beside many short lines, this many runs are a sign of their own
HEAD_FURNITURE = 6  # short lines above the first prose line (a headline, byline and date are three)
FOOT_FURNITURE = 4  # short lines below the last prose line
MIN_REPEATED = 3  # distinct short lines printed more than once
MIN_LINK_MARKS = 5
SIGNS_NEEDED = 2


@dataclass(frozen=True)
class KindDecision:
    kind: SourceKind
    reason: str


def detect_kind(raw: RawDoc, text: str) -> KindDecision:
    """html by media type or markup; textdump when the page's structure shows; text otherwise."""
    if raw.media_type == "text/html":
        return KindDecision("html", f"media type {raw.media_type}")
    if _HTML_START.match(text[:2000]) or len(_TAG.findall(text[:20000])) > 20:
        return KindDecision("html", "HTML markup")
    signs = furniture_signs(text)
    if len(signs) >= SIGNS_NEEDED:
        return KindDecision("textdump", "flattened page: " + ", ".join(signs))
    found = f" (only {signs[0]})" if signs else ""
    return KindDecision("text", f"clean text: no page furniture{found}")


def _plain(line: str) -> str:
    """A line as displayed: no link numbers, list marks or rules."""
    return LINK_MARK.sub("", line).strip(_DECORATION)


def _is_short(line: str) -> bool:
    return len(line.split()) <= SHORT_MAX_WORDS and not _ENDS_SENTENCE.search(line)


def furniture_signs(text: str) -> list[str]:
    """The structural signs of a flattened page that the text shows, each named once."""
    markdown = is_markdown(text)
    lines = [plain for line in as_printed(text).splitlines() if (plain := _plain(line))]
    if not lines:
        return []
    short = [line for line in lines if _is_short(line)]
    signs: list[str] = []
    menus = _menu_runs(lines)
    if len(short) >= MIN_SHORT_LINES and len(short) >= MIN_SHORT_SHARE * len(lines):
        signs.append("many short lines")
        if menus >= MANY_MENUS:  # short lines in many separate runs: menus, not one article's list
            signs.append("menus")
    elif menus >= MIN_MENUS:
        signs.append("menus")
    prose = [i for i, line in enumerate(lines) if len(line.split()) >= PROSE_MIN_WORDS]
    if prose and sum(map(_is_short, lines[: prose[0]])) >= HEAD_FURNITURE:
        signs.append("furniture above the text")
    if prose and sum(map(_is_short, lines[prose[-1] + 1 :])) >= FOOT_FURNITURE:
        signs.append("furniture below the text")
    if sum(1 for count in Counter(short).values() if count > 1) >= MIN_REPEATED:
        signs.append("repeated lines")
    if len(LINK_MARK.findall(text)) >= MIN_LINK_MARKS:
        signs.append("numbered links")
    elif markdown:
        signs.append("Markdown links")
    head = lines[:40]
    if any(find_icons(line) for line in head):
        signs.append("icon names")
    if any(_NOSCRIPT.fullmatch(line) for line in head):
        signs.append("script placeholders")
    return signs


def _menu_runs(lines: list[str]) -> int:
    runs = run = 0
    for line in [*lines, "a line that ends the last run of short lines, for counting."]:
        if _is_short(line):
            run += 1
            continue
        runs += run >= MENU_RUN
        run = 0
    return runs
