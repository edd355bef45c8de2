"""Step 1: from a dump's lines to units, the paragraphs every later pass works on.

A text browser prints link numbers, buttons and image names into the text and
wraps paragraphs at a fixed width; a copied ``innerText`` does neither. Before
anything can be classed, the marks go and wrapped lines are joined back into the
paragraphs they were, so that a unit is one paragraph whichever tool made the dump.
This module also holds the small word helpers the other passes share.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate, pairwise

from sitrep.extract import cjk
from sitrep.extract.encoding import double_decoded, repair_mojibake
from sitrep.extract.icons import split_icons
from sitrep.extract.textdump import patterns as p
from sitrep.extract.textdump.markup import UNPRINTED_LINK, WIDTH_FILLER, as_printed
from sitrep.extract.textdump.options import DEFAULT_OPTIONS, TextdumpOptions


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


def norm(text: str) -> str:
    """The key two printings of one line share: spacing and case aside."""
    return p.WS.sub(" ", text).strip().casefold()


def words(text: str) -> list[str]:
    """Lower-case words without their punctuation; in Chinese or Japanese, one per character."""
    tokens = (token.strip(p.PUNCTUATION).lower() for word in text.split() for token in cjk.tokens(word))
    return [w for w in tokens if w]


def content_words(text: str, stoplist: frozenset[str], options: TextdumpOptions) -> set[str]:
    """The words that say what a text is about: no stop words, numbers or short words (Han characters count)."""
    return {
        w
        for w in words(text)
        if (len(w) >= options.content_word_min_chars or cjk.spaceless(w)) and w not in stoplist and not w.isdigit()
    }


def stems(words: set[str], length: int) -> set[str]:
    """The words' first letters, which a compound shares with its parts in German, Dutch or Finnish headlines
    (and a plural with its singular)."""
    return {word[:length] for word in words if len(word) >= length}


DASHES = frozenset("-–—")


SOFT_HYPHEN = "\u00ad"


def _clean(line: str) -> tuple[str, int]:
    """The line without text-browser marks or soft hyphens (a browser's copy keeps the invisible hyphens of a
    page's "Mit-tel-al-ter"), and the number of links it held."""
    line = line.replace(WIDTH_FILLER, "").replace(SOFT_HYPHEN, "")
    links = len(p.LINK_MARK.findall(line))
    line = p.LINK_MARK.sub("", line)
    line = p.BROWSER_MARKS.sub(" ", line)
    return p.WS.sub(" ", line).strip(), links


def _drop_link_list(lines: list[str], options: TextdumpOptions) -> list[str]:
    """Cut the numbered URL list lynx appends ("References", "1. https://...")."""
    for i in range(len(lines)):
        if p.REFERENCES.match(lines[i]):
            tail = [line for line in lines[i + 1 :] if line.strip() and not p.REFERENCES.match(line)]
            if tail and sum(1 for line in tail if p.REFERENCE_ITEM.match(line)) >= options.link_list_share * len(tail):
                return lines[:i]
    return lines


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _column_widths(lines: list[str], options: TextdumpOptions, measure: Callable[[str], int]) -> dict[int, int]:
    """The wrap width of each indented column with lines enough to tell it: a page laid out as a table is
    printed with its story in a column of its own, indented past the sidebar and wrapped at the column's
    edge, not the page's ({indent: width}, the indent counted in the width)."""
    by_indent: dict[int, list[str]] = {}
    for line in lines:
        indent = _indent(line)
        if indent >= options.column_min_indent and line.strip():
            by_indent.setdefault(indent, []).append(line)
    widths = {}
    for indent, column in by_indent.items():
        if len(column) >= options.column_min_lines and (width := _wrap_width(column, options, measure)) is not None:
            widths[indent] = width
    return widths


def _wrap_width(lines: list[str], options: TextdumpOptions, measure: Callable[[str], int] = len) -> int | None:
    """The column a tool wrapped at, or None when lines were not wrapped.

    Wrapped text has a ceiling: lines that could be broken at a space never pass
    it (a few unbreakable runs, long links, do), and most long lines end just
    short of it, since a line is only broken when the next word no longer fits.
    Unwrapped text has no such edge: its long lines end anywhere. The wrap
    column is the lowest one that few lines pass and that a good share of the
    long lines end close to; it is then brought down to the last column that
    still ends a fair share of lines (lynx -width=80 wraps prose at 74).
    """
    cap = options.wrap_max_width + 1
    lengths = [
        min(cap, measure(line.rstrip()))
        for line in lines
        if (" " in line.strip() or cjk.spaceless(line)) and not p.UNBREAKABLE.search(line)
    ]
    if len(lengths) < options.wrap_min_lines:
        return None
    counts = Counter(lengths)
    at_most = list(accumulate(counts.get(n, 0) for n in range(cap + 1)))  # at_most[n]: lines of length <= n
    span = options.wrap_edge_span

    def near(width: int) -> int:
        return at_most[width] - at_most[width - span - 1]

    ceiling = next(
        (
            width
            for width in range(options.wrap_min_width, cap)
            if len(lengths) - at_most[width] <= options.wrap_max_over_share * (len(lengths) - at_most[width // 2])
        ),
        None,
    )
    if ceiling is None:
        return None
    width = max(range(ceiling, min(cap, ceiling + span + 1)), key=near)
    long_lines = len(lengths) - at_most[width // 2]
    edged = near(width) >= options.wrap_min_near_top and near(width) >= options.wrap_min_edge_share * long_lines
    if not edged and not _sentences_break_at_edge(lines, width, options, measure):
        return None
    if not _breaks_mid_sentence(lines, width - span, width, options, measure):
        return None
    peak = max(counts.get(n, 0) for n in range(width - span, width + 1))
    floor = max(options.wrap_edge_min_lines, options.wrap_edge_share * peak)
    return max((n for n in range(width - span, width + 1) if counts.get(n, 0) >= floor), default=width)


def _sentences_break_at_edge(
    lines: list[str], width: int, options: TextdumpOptions, measure: Callable[[str], int]
) -> bool:
    """Whether the lines that stop mid-sentence stop at the edge: the wrap of a wide dump.

    At 200 columns most paragraphs fit on one line, so few lines reach the edge
    and the long ones end anywhere; the wrap still shows where a sentence goes on
    in the next line. A tool breaks it close to its width, a page's own line breaks
    anywhere (a headline over its teaser, a label over its value).
    """
    near = far = 0
    for line, nxt in pairwise(lines):
        stripped = line.rstrip()
        length = measure(stripped)
        if not nxt.strip() or not width // 2 < length <= width or p.SENTENCE_END.search(stripped):
            continue
        if p.UNBREAKABLE.search(line) or " " not in stripped.strip():
            continue
        if length >= width - options.wrap_edge_span:
            near += 1
        else:
            far += 1
    return near > 0 and near >= options.wrap_edge_break_share * (near + far)


def _breaks_mid_sentence(
    lines: list[str], low: int, high: int, options: TextdumpOptions, measure: Callable[[str], int]
) -> bool:
    """Whether the lines at the edge go on in the next line, as wrapped lines do.

    A wrap breaks a sentence wherever the width falls, so a line at the edge rarely
    ends one; text with one block per line has its longest lines end where their
    paragraphs end. Edge lines followed by a blank line or nothing say neither.
    """
    followed = mid = 0
    for line, nxt in pairwise(lines):
        stripped = line.rstrip()
        if not nxt.strip() or not low <= measure(stripped) <= high:
            continue
        followed += 1
        mid += not p.SENTENCE_END.search(stripped) or nxt.lstrip()[:1].islower()
    return followed == 0 or mid >= options.wrap_min_mid_sentence * followed


def _next_word_width(line: str, measure: Callable[[str], int]) -> int:
    """Columns the next line's first word would have needed on this line (a space, then the word).

    Chinese and Japanese break before any character and need no space.
    """
    word = line.split()[0]
    return measure(word[0]) if cjk.is_cjk(word[0]) else 1 + measure(word)


def _ends_caption(line: str) -> bool:
    """A line closed by a picture credit ends its caption, however long it is: the next line starts a paragraph
    (converters that print no blank line between blocks put a caption right above the text)."""
    return bool(
        p.COPYRIGHT_AT_END.search(line)
        or p.BRACKETED_CREDIT.search(line)
        or p.CREDIT_AT_END.search(line)
        or p.NAME_SLASH_AGENCY.search(line)
    )


def _starts_picture(line: str, nxt: str) -> bool:
    """A bracket one space further in than a finished sentence: a picture's alt text, not the sentence wrapping on.

    (A wrapped line keeps its paragraph's indent; html2text sets an image apart by one space: " [Alt text]".
    A centred heading's last words are further in, and stay with their heading.)"""
    indent = len(nxt) - len(nxt.lstrip())
    return (
        nxt.lstrip().startswith("[")
        and indent == len(line) - len(line.lstrip()) + 1
        and bool(p.SENTENCE_END.search(line.rstrip()))
    )


def _wrapped_onto_dash(line: str, before: str) -> bool:
    """A line of a wrapped paragraph that starts with a dash at the margin continues the paragraph: the
    tool broke the line before a dash of the text. A list item sits in from the margin or follows a colon."""
    return line[:1] in DASHES and line[1:2] == " " and before[-1] != ":"


def split_units(text: str, options: TextdumpOptions = DEFAULT_OPTIONS) -> list[Unit]:
    """The dump's units: cleaned lines, wrapped paragraphs re-joined, icon ligatures split off."""
    text = as_printed(text, keep_width=True)
    lines = _drop_link_list([unicodedata.normalize("NFC", line) for line in text.splitlines()], options)
    shown = [line.replace(UNPRINTED_LINK, "") for line in lines]  # the lines as the tool measured them
    # w3m gives a Chinese character two columns, lynx one: the wrap shows in one of the two measures.
    measure: Callable[[str], int] = cjk.display_width
    width = _wrap_width(shown, options, measure)
    if width is None:
        measure = len
        width = _wrap_width(shown, options, measure)
    columns = _column_widths(shown, options, measure)
    if columns:  # the page's own lines, apart from its table's columns and the rows that print two cells
        margin = [
            line for line in shown if _indent(line) < options.column_min_indent and not p.TWO_CELLS.search(line.strip())
        ]
        width = _wrap_width(margin, options, measure) or width
    # Repaired line by line: the wrap was measured on the garbled line, as the tool printed it.
    garbled = double_decoded(text)
    units: list[Unit] = []
    current: Unit | None = None
    item_indent = 0  # where the current bullet's text starts: its wrapped lines line up with it
    back_at_margin: set[int] = set()  # bullets whose wrapped lines went back to the page's margin
    for i, raw in enumerate(lines):
        run = p.BULLET_RUN.match(raw)
        cleaned, links = _clean(raw[run.end() :] if run else raw)
        if garbled:
            cleaned = repair_mojibake(cleaned)
        if not cleaned:
            current = None
            continue
        mark = p.BULLET.match(raw)
        bullet = bool(mark) and not run
        if bullet and current is not None and not current.bullet and _wrapped_onto_dash(raw, current.text):
            bullet = False  # "... the licence element „NC\n– Non-commercial“ means ...": the wrap fell on a dash
        if current is not None and not bullet:
            glue = "" if cjk.spaceless_count(current.text[-1] + cleaned[0]) == 2 else " "
            current.text = f"{current.text}{glue}{cleaned}"
            current.links += links
            if current.bullet and len(raw) - len(raw.lstrip()) < item_indent:
                back_at_margin.add(id(current))
        else:
            current = Unit(cleaned, links, bullet)
            units.append(current)
            item_indent = mark.end() if mark else 0
        nxt = shown[i + 1] if i + 1 < len(shown) else ""
        edge = columns.get(_indent(shown[i]), width)
        length = measure(shown[i].rstrip())
        continued = (
            edge is not None
            and nxt.strip()
            and length + _next_word_width(nxt, measure) > edge - options.wrap_tolerance
            and (length <= edge + options.wrap_overflow or p.UNBREAKABLE.search(shown[i]))  # a block on one line
            and not _ends_caption(cleaned)
            and not _starts_picture(shown[i], nxt)
        )
        if not continued:
            current = None
    for unit in units:
        if id(unit) in back_at_margin and p.SENTENCE_END.search(unit.text) and len(unit.text) >= options.length_low:
            # a paragraph after an empty list item ("*  KOBE – A total of ..."), not an item of the list
            unit.bullet, unit.text = False, p.BULLET.sub("", unit.text, count=1)
        unit.icons = split_icons(unit.text)
        if any(icon for icon, _ in unit.icons):
            unit.text = " ".join(part for _, part in unit.icons if part)
    return [u for u in units if u.text or any(icon for icon, _ in u.icons)]
