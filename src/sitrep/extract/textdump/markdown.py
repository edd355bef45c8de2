"""Step 0 for pages converted to Markdown (html2text, markdownify, a scraper's ``markdown`` field).

A converter keeps the page's links as ``[text](url)``, images as ``![alt](src)``,
headings as ``#`` lines and emphasis as ``**``/``_``, and escapes characters with a
backslash; when it wraps, a link's text or URL runs over two lines. Rewritten here
the way a text browser prints the same page, a link becomes its text behind a link
number (``[0]text``), which the later passes already read as a link, so menus
and link lists are told from prose the same way for every tool.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[[^\]]{0,500}\]\([^)]{0,2000}\)")
_LINK = re.compile(r"\[([^\]]{0,500})\]\(\s*<?[^)\s]{0,2000}(?:\s+\"[^\"\n]{0,300}\")?\s*\)")
_ANY_LINK = re.compile(r"\]\(\s*<?(?:https?:|/|#|\.\.?/|mailto:)")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$", re.MULTILINE)
_RULE = re.compile(r"^ {0,3}(?:[*_-]\s*){3,}$", re.MULTILINE)
_STRONG = re.compile(r"\*\*|__")
_EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]{1,300}?)(?<=\S)[*_](?![\w*])")
_QUOTE = re.compile(r"^ {0,3}> ?", re.MULTILINE)
_BLOCK_START = re.compile(r"^\s*(?:[*+-]\s|\d{1,3}[.)]\s|#{1,6}\s|>|\||```|(?:[*_-]\s*){3,}$)")

MIN_LINKS = 3  # Markdown links a text needs before its brackets are read as Markdown


def is_markdown(text: str) -> bool:
    """A Markdown conversion shows its links; prose with the odd bracket does not."""
    return len(_ANY_LINK.findall(text, 0, 200_000)) >= MIN_LINKS


def unmark(text: str) -> str:
    """The text as a text browser would print it: link numbers for links, no images, no markup."""
    text = _IMAGE.sub("", _join_soft_breaks(text))
    text = _LINK.sub(lambda m: "[0]" + " ".join(m.group(1).split()), text)
    text = _HEADING.sub(r"\1", text)
    text = _RULE.sub("", text)
    text = _QUOTE.sub("", text)
    text = _STRONG.sub("", text)
    text = _EMPHASIS.sub(r"\1", text)
    return _ESCAPED.sub(r"\1", text)


def _join_soft_breaks(text: str) -> str:
    """One line per paragraph: in Markdown a single line break inside a paragraph is a space.

    A converter that wraps (html2text's default 78 columns) breaks paragraphs, links
    and URLs across lines; a blank line, a new list item or heading, or a hard break
    (two trailing spaces, a trailing backslash) still ends the line.
    """
    out: list[str] = []
    joinable = False
    for line in text.split("\n"):
        if joinable and line.strip() and not _BLOCK_START.match(line):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
        joinable = bool(line.strip()) and not line.endswith(("  ", "\\"))
    return "\n".join(out)
