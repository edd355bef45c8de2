"""Step 0: the markup converters leave in a dump, undone so that every tool's dump reads alike.

HTML entities a scraper did not decode (``&#x27;``) become characters. Old
``html2text`` (the C tool) frames headings in asterisks and joins a link's
words with underscores (``Jill_Serjeant``). Markdown converters (html2text,
markdownify, a scraper's ``markdown`` field) are handled as below.

A converter keeps the page's links as ``[text](url)``, images as ``![alt](src)``,
headings as ``#`` lines and emphasis as ``**``/``_``, and escapes characters with a
backslash; when it wraps, a link's text or URL runs over two lines. Rewritten here
the way a text browser prints the same page, a link becomes its text behind a link
number (``[0]text``), which the later passes already read as a link, so menus
and link lists are told from prose the same way for every tool.
"""

from __future__ import annotations

import html
import re

_IMAGE = re.compile(r"!\[[^\]]{0,500}\]\([^)]{0,2000}\)")
_LINK = re.compile(r"\[([^\]]{0,500})\]\([^)\n]{0,2000}\)")  # URLs may hold spaces; a title is inside too
_ANY_LINK = re.compile(r"\]\(\s*<?(?:https?:|/|#|\.\.?/|mailto:)")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", re.MULTILINE)
_HEADING_MARK = re.compile(r"^#{1,6}\s+")  # a heading inside a link's text: "[## Headline](url)"
_RULE = re.compile(r"^ {0,3}(?:[*_-]\s*){3,}$", re.MULTILINE)
_STRONG = re.compile(r"\*\*|__")
_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]{1,300}?)(?<=\S)[*_](?![\w*])")
_QUOTE = re.compile(r"^ {0,3}> ?", re.MULTILINE)
_LIST_ITEM = re.compile(r"^\s*[*+-]\s+(?=\S)", re.MULTILINE)
_SPACE_BEFORE_COMMA = re.compile(r"(?<=\w) ([,.])(?=\s|$)", re.MULTILINE)  # "[Name](url) ," as converters print it
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]{1,2000})>")
_BLOCK_START = re.compile(r"^\s*(?:[*+-]\s|\d{1,3}[.)]\s|#{1,6}\s|>|\||```|(?:[*_-]\s*){3,}$)")

_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_STAR_HEADING = re.compile(r"^(\*{1,6}) ((?:[^\n]*\n){0,3}?[^\n]*?)\s+\1[ \t]*$", re.MULTILINE)
_UNDERLINE = re.compile(r"^[ \t]*(?:={3,}|-{3,}|~{3,})[ \t]*$", re.MULTILINE)  # a heading's underline
# A link's words joined by underscores, the link itself often framed by them: "_By_Jill_Serjeant_".
_UNDERSCORED = re.compile(r"(?<![\w.])_?[^\W\d_][^\W_]*[’'.,:]?(?:_[^\W_]+[’'.,:]?)+_?(?!\w)")

MIN_LINKS = 3  # Markdown links a text needs before its brackets are read as Markdown
MIN_ENTITIES = 3  # undecoded entities that show a scraper left them
MIN_UNDERSCORED = 5  # underscore-joined phrases that show html2text's link underlining


WIDTH_FILLER = "\u200b"  # holds the columns a decoded entity took where the tool wrapped its lines
UNPRINTED_LINK = "\u2063"  # marks a link the tool showed without a number (html2text's underscores)


def as_printed(text: str, keep_width: bool = False) -> str:
    """The dump with every converter's markup undone, as a text browser would have printed it.

    With ``keep_width``, a decoded entity keeps the columns it took (its character, then
    :data:`WIDTH_FILLER` s): the old html2text wraps ``osob&#x119;`` as nine columns, and the wrap pass
    measures lines as the tool did; and a link html2text underlined starts with :data:`UNPRINTED_LINK`,
    which the wrap pass does not measure, so its links count as a text browser's numbered ones do. The
    caller removes both."""
    if len(_ENTITY.findall(text, 0, 200_000)) >= MIN_ENTITIES:
        text = _ENTITY.sub(lambda m: _decoded(m.group(), keep_width), text)
    text = _UNDERLINE.sub("", text)
    if is_markdown(text):
        return unmark(text)
    if len(_UNDERSCORED.findall(text, 0, 200_000)) >= MIN_UNDERSCORED:  # first: a linked heading is
        text = _UNDERSCORED.sub(lambda m: _underlined(m, keep_width), text)  # "*****_Linked_title_*****"
    if _STAR_HEADING.search(text):
        text = _STAR_HEADING.sub(_unstarred, text)
    return text


def _underlined(link: re.Match[str], mark: bool) -> str:
    """An underlined link's words, behind :data:`UNPRINTED_LINK` when ``mark``; a link wrapped onto the
    next line is still one link."""
    text = link.string
    line_start = text.rfind("\n", 0, link.start()) + 1
    before = line_start - 1  # the last printed character before this line (whitespace skipped, not copied)
    while before > 0 and text[before - 1].isspace():
        before -= 1
    continues = not text[line_start : link.start()].strip() and before > 0 and text[before - 1] == "_"
    words = link.group().replace("_", " ")
    lead = len(words) - len(words.lstrip())  # the mark goes before the first word: "****** \u2063Title"
    return words[:lead] + ("" if continues or not mark else UNPRINTED_LINK) + words[lead:]


def _decoded(entity: str, keep_width: bool) -> str:
    character = html.unescape(entity)
    return character + WIDTH_FILLER * (len(entity) - len(character)) if keep_width else character


def _unstarred(heading: re.Match[str]) -> str:
    """A heading without its asterisks, a paragraph of its own even when the next line would fit. A wrapped
    heading stays wrapped, its first line indented where the asterisks stood: the wrap pass measures it
    as the tool printed it and joins its lines."""
    return f"\n{' ' * (len(heading.group(1)) + 1)}{heading.group(2)}\n"


_MAIN_HEADING = re.compile(r"^ {0,3}#[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)  # "# Headline"
_STARRED_MAIN_HEADING = re.compile(r"^\*{6} ((?:[^\n]*\n){0,3}?[^\n]*?)\s+\*{6}[ \t]*$", re.MULTILINE)
MAX_MAIN_HEADINGS = 5  # a page with more "main" headings marks its teasers, not its headline


def main_headings(text: str) -> frozenset[str]:
    """The lines a converter marked as the page's top-level heading (``<h1>``), as the later passes print
    them (case and spacing aside): Markdown's ``# Headline``, old html2text's ``****** Headline ******``.
    A text browser prints headings like any line; these tools say which one the page calls its headline."""
    if is_markdown(text):
        found = [" ".join(unmark(m.group(1)).split()) for m in _MAIN_HEADING.finditer(text, 0, 200_000)]
    else:
        found = [" ".join(m.group(1).split()) for m in _STARRED_MAIN_HEADING.finditer(text, 0, 200_000)]
    keys = {heading.casefold() for heading in found if heading}
    return frozenset(keys) if len(keys) <= MAX_MAIN_HEADINGS else frozenset()


def is_markdown(text: str) -> bool:
    """A Markdown conversion shows its links; prose with the odd bracket does not."""
    return len(_ANY_LINK.findall(text, 0, 200_000)) >= MIN_LINKS


def unmark(text: str) -> str:
    """The text as a text browser would print it: link numbers for links, no images, no markup."""
    text = _IMAGE.sub("", _join_soft_breaks(text))
    text = _LINK.sub(_linked, text)
    text = _HEADING.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _QUOTE.sub("", text)
    text = _LIST_ITEM.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _SPACE_BEFORE_COMMA.sub(r"\1", text)
    text = _STRONG.sub("", text)
    text = _EMPHASIS.sub(r"\1", text)
    return _ESCAPED.sub(r"\1", text)


def _linked(link: re.Match[str]) -> str:
    """A link as a text browser prints it: behind a link number. A link around whole blocks (a teaser
    card: picture, heading, summary) is a line of its own, as the card was a box of its own."""
    words = _HEADING_MARK.sub("", " ".join(link.group(1).split()))
    return (
        f"\n[0]{words}\n"
        if "\n" in link.group(1).strip() or _HEADING_MARK.match(link.group(1).strip())
        else f"[0]{words}"
    )


def _join_soft_breaks(text: str) -> str:
    """One line per paragraph: in Markdown a single line break inside a paragraph is a space.

    A converter that wraps (html2text's default 78 columns) breaks paragraphs, links
    and URLs across lines; a blank line, a new list item or heading, or a hard break
    (two trailing spaces, a trailing backslash) still ends the line.
    """
    out: list[str] = []
    joinable = quoted = False
    for line in text.split("\n"):
        quote = _QUOTE.match(line)
        inner = line[quote.end() :] if quote else line  # a quotation's lines are one paragraph too ("> ...")
        same_block = (quote is not None) == quoted
        if joinable and same_block and inner.strip() and not _BLOCK_START.match(inner):
            previous = out[-1].rstrip()
            in_url = previous.rfind("](") > previous.rfind(")")  # a URL is broken without a space
            out[-1] = f"{previous}{'' if in_url else ' '}{inner.strip()}"
        else:
            out.append(line)
        joinable = bool(inner.strip()) and not line.endswith(("  ", "\\"))
        quoted = quote is not None
    return "\n".join(out)
