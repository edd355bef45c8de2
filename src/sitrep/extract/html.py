"""HTML pages: main text and metadata with trafilatura.

trafilatura leads the public article-extraction benchmarks; sitrep adds the
parts around it: a hard refusal of pages it cannot parse (one line, no
traceback) and the mapping of its metadata onto the contract.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

import trafilatura
from trafilatura.settings import Document

from sitrep.errors import InputError

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass
class HtmlArticle:
    paragraphs: list[str]
    title: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    section: str | None = None
    outlet: str | None = None
    language: str | None = None


def extract_html(html: str, source: object, fast: bool = False) -> HtmlArticle:
    """Main text and metadata of one page; ``fast`` skips trafilatura's fallback extractors."""
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, fast=fast
        )
    except RecursionError:
        raise InputError(source, "malformed HTML: nesting too deep to parse") from None
    except Exception as exc:  # trafilatura/lxml raise many kinds on hostile input
        raise InputError(source, f"malformed HTML: {type(exc).__name__}: {exc}"[:200]) from None
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        raise InputError(source, "no article text found in the HTML")
    text: str = doc.text or ""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    categories = [c for c in (doc.categories or []) if c]
    return HtmlArticle(
        paragraphs=paragraphs,
        title=doc.title or None,
        byline=doc.author or None,
        authors=authors,
        date=doc.date or None,
        section=categories[0] if categories else None,
        outlet=doc.sitename or doc.hostname or None,
        language=doc.language or None,
    )
