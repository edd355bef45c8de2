"""Flattening an HTML page to text the ways users do it: text browsers, converters, a browser's copy.

Each *flattener* is a named tool at a wrap width. The command-line tools are
Debian packages (w3m, lynx, links, elinks, html2text, python3-html2text),
installed by :func:`ensure_tools` when missing; ``innertext`` and ``scraper``
are done here: what a browser's select-all/copy gives (block elements become
line breaks, nothing wrapped) and what a scraper's text field holds (blocks
separated by blank lines).

The flatteners are split in two: the *development* ones, whose errors may be
read while improving the extractor, and the *held-out* ones (other tools, other
widths), only ever scored, so the report shows whether a change generalises.
Dumps are cached per page and flattener under ``~/.cache/sitrep-eval/flat``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import lxml.html

_DEBIAN_TOOLS = {
    "w3m": "w3m",
    "lynx": "lynx",
    "links": "links",
    "elinks": "elinks",
    "html2text": "html2text",
    "html2markdown": "python3-html2text",
}
_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
    "title",
    "option",
    "button",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select"}
_SPACE_RUN = re.compile(r"\s+")
CACHE = Path(os.environ.get("SITREP_EVAL_CACHE", Path.home() / ".cache" / "sitrep-eval")) / "flat"


def ensure_tools() -> None:
    """Install the flattening tools from Debian when missing (the eval's own set-up)."""
    missing = [package for tool, package in _DEBIAN_TOOLS.items() if not shutil.which(tool)]
    if not missing:
        return
    print(f"installing {', '.join(missing)} (Debian packages) ...", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, capture_output=True)


def _run(command: list[str], raw: bytes, suffix: str = "") -> str:
    """Run a tool on the page, on stdin or (``{}`` in the command) on a temporary ``.html`` file."""
    if "{}" not in command:
        out = subprocess.run(command, input=raw, capture_output=True, check=True, timeout=60).stdout
        return out.decode("utf-8", "replace")
    with tempfile.NamedTemporaryFile(suffix=suffix or ".html") as handle:
        handle.write(raw)
        handle.flush()
        argv = [handle.name if part == "{}" else part for part in command]
        out = subprocess.run(argv, capture_output=True, check=True, timeout=60, stdin=subprocess.DEVNULL).stdout
    return out.decode("utf-8", "replace")


def _tool(*command: str) -> Callable[[bytes, str], str]:
    return lambda raw, html: _run(list(command), raw)


def _utf8_tool(*command: str) -> Callable[[bytes, str], str]:
    """For tools that assume UTF-8 input (html2text's converters): handed the page decoded, as users do."""
    return lambda raw, html: _run(list(command), html.encode("utf-8"))


def _parse(html: str) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(encoding="utf-8")
    return lxml.html.fromstring(html.encode("utf-8"), parser=parser)


def _blocks(html: str) -> list[str]:
    """The page's visible text with block boundaries as line breaks, as a browser lays it out.

    As in a browser (CSS ``white-space: normal``), a line break inside a text node
    is a space; only ``<pre>`` keeps its line breaks.
    """
    root = _parse(html)
    parts: list[str] = []

    def text_of(value: str, pre: bool) -> str:
        return value if pre else _SPACE_RUN.sub(" ", value)

    def walk(el: lxml.html.HtmlElement, pre: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else "#comment"
        if tag in _SKIP or tag == "#comment":
            if el.tail:
                parts.append(text_of(el.tail, pre))
            return
        inner_pre = pre or tag in ("pre", "textarea")
        if tag in _BLOCK:
            parts.append("\n")
        if el.text:
            parts.append(text_of(el.text, inner_pre))
        for child in el:
            walk(child, inner_pre)
        if tag in _BLOCK:
            parts.append("\n")
        if el.tail:
            parts.append(text_of(el.tail, pre))

    body = root.find("body")
    walk(body if body is not None else root, False)
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def inner_text(raw: bytes, html: str) -> str:
    """Select-all + copy in a browser: one line per block, nothing wrapped."""
    return "\n".join(_blocks(html))


def scraper_text(raw: bytes, html: str) -> str:
    """A scraper's text field: blocks separated by blank lines."""
    return "\n\n".join(_blocks(html))


@dataclass(frozen=True)
class Flattener:
    name: str
    run: Callable[[bytes, str], str]
    held_out: bool  # scored only: its errors are not read while improving the extractor


FLATTENERS: list[Flattener] = [
    Flattener("w3m-80", _tool("w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", "80"), False),
    Flattener("w3m-200", _tool("w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", "200"), False),
    Flattener("lynx-80", _tool("lynx", "-dump", "-stdin", "-width=80", "-display_charset=UTF-8"), False),
    Flattener(
        "elinks-100",
        _tool("elinks", "-dump", "-dump-width", "100", "-dump-charset", "utf-8", "-force-html", "{}"),
        False,
    ),
    # --unicode-snob keeps letters as they are; html2text's default spells "ü" as "u", which no reader can undo.
    Flattener("markdown-80", _utf8_tool("html2markdown", "--body-width=80", "--unicode-snob", "{}"), False),
    Flattener("innertext", inner_text, False),
    Flattener("html2text-100", _utf8_tool("html2text", "-utf8", "-nobs", "-width", "100", "{}"), False),
    Flattener("links-80", _tool("links", "-dump", "-width", "80", "-codepage", "utf-8", "{}"), False),
    Flattener("w3m-nowrap", _tool("w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", "100000"), True),
    Flattener("w3m-60", _tool("w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", "60"), True),
    Flattener(
        "lynx-130-nolist", _tool("lynx", "-dump", "-stdin", "-width=130", "-nolist", "-display_charset=UTF-8"), True
    ),
    Flattener("links-120", _tool("links", "-dump", "-width", "120", "-codepage", "utf-8", "{}"), True),
    Flattener(
        "elinks-nowrap-nolinks",
        _tool(
            "elinks",
            "-dump",
            "-dump-width",
            "512",
            "-dump-charset",
            "utf-8",
            "-no-numbering",
            "-no-references",
            "-force-html",
            "{}",
        ),
        True,
    ),
    Flattener("html2text-79", _utf8_tool("html2text", "-utf8", "-nobs", "{}"), True),
    Flattener("markdown-nowrap", _utf8_tool("html2markdown", "--body-width=0", "--unicode-snob", "{}"), True),
    Flattener("scraper", scraper_text, True),
]


def flatten(flattener: Flattener, page: Path, raw: bytes, html: str) -> str:
    """The page flattened by one tool, from the cache when it was done before."""
    key = hashlib.sha1(raw).hexdigest()[:16]
    cached = CACHE / flattener.name / f"{page.stem}-{key}.txt"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    text = flattener.run(raw, html)
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(text, encoding="utf-8")
    return text
