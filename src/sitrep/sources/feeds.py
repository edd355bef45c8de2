"""Feeds (RSS, Atom, JSON Feed) and OPML lists of them: the items a feed lists, with absolute links.

feedparser reads RSS and Atom, leniently: a feed with a syntax error still gives the items
before it (the problem is reported with them). JSON Feed, which feedparser does not read, is
read here. Relative links are resolved against the feed's own URL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import feedparser

from sitrep.errors import InputError


@dataclass(frozen=True)
class FeedItem:
    key: str  # the item's id (guid) when it has one, else its link: what "already seen" is checked on
    url: str
    title: str | None = None


@dataclass
class Feed:
    title: str | None
    items: list[FeedItem] = field(default_factory=list)
    problem: str | None = None  # a syntax error the items were read past


def parse_feed(data: bytes, url: str, content_type: str | None = None) -> Feed:
    """The items of a feed document; raises :class:`InputError` when it is no feed at all."""
    if _looks_like_json(data, content_type):
        return _json_feed(data, url)
    parsed = feedparser.parse(data, response_headers={"content-location": url, "content-type": content_type or ""})
    problem = str(parsed.bozo_exception) if parsed.bozo else None
    if not parsed.version and not parsed.entries:
        raise InputError(url, f"not a feed ({problem or 'no RSS, Atom or JSON Feed found'})")
    items = []
    for entry in parsed.entries:
        link = _absolute(entry.get("link"), url)
        if link is None:
            continue
        items.append(FeedItem(key=str(entry.get("id") or link), url=link, title=entry.get("title")))
    return Feed(title=parsed.feed.get("title"), items=items, problem=problem)


def _looks_like_json(data: bytes, content_type: str | None) -> bool:
    return "json" in (content_type or "").lower() or data.lstrip()[:1] == b"{"


def _json_feed(data: bytes, url: str) -> Feed:
    try:
        document: Any = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(url, f"not a feed (broken JSON: {exc})") from None
    if not isinstance(document, dict) or "jsonfeed.org" not in str(document.get("version", "")):
        raise InputError(url, "not a feed (JSON without a JSON Feed version)")
    items = []
    for item in document.get("items") or []:
        if not isinstance(item, dict):
            continue
        link = _absolute(item.get("url") or item.get("external_url"), url)
        if link is not None:
            items.append(FeedItem(key=str(item.get("id") or link), url=link, title=item.get("title")))
    title = document.get("title")
    return Feed(title=title if isinstance(title, str) else None, items=items)


def _absolute(link: object, base: str) -> str | None:
    if not isinstance(link, str) or not link.strip():
        return None
    absolute = urljoin(base, link.strip())
    return absolute if urlsplit(absolute).scheme in {"http", "https"} else None


def read_opml(path: Path) -> list[str]:
    """The feed URLs of an OPML subscription list (every ``outline`` with an ``xmlUrl``), in order."""
    try:
        root = ElementTree.fromstring(path.read_bytes())
    except (OSError, ElementTree.ParseError) as exc:
        raise InputError(path, f"not an OPML file ({exc})") from None
    urls = [o.get("xmlUrl", "").strip() for o in root.iter("outline")]
    found = [u for u in urls if urlsplit(u).scheme in {"http", "https"}]
    if not found:
        raise InputError(path, "no feed URLs (outline elements with an xmlUrl)")
    return list(dict.fromkeys(found))
