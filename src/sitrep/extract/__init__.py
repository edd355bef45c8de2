"""From a RawDoc to an Article: pick the extractor for the kind of input, decode, extract.

Kinds: ``html`` (trafilatura), ``textdump`` (a flattened page, see
:mod:`sitrep.extract.textdump`), ``text`` (clean text: the body is the input
unchanged, so offsets index the input file). ``auto`` decides by the media type the
reader found (a page's file name or HTTP header) and by content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Literal

from sitrep.errors import InputError
from sitrep.extract import published as stamps
from sitrep.extract.encoding import decode, double_decoded, repair_mojibake
from sitrep.extract.html import extract_html
from sitrep.extract.kind import KindDecision, detect_kind, furniture_signs
from sitrep.extract.textdump import extract_textdump, plain_header
from sitrep.model import Article, Interval, Paragraph, Source
from sitrep.sources import RawDoc

KindChoice = Literal["auto", "html", "textdump", "text"]


def _paragraph_offsets(paragraphs: list[str]) -> tuple[str, list[Paragraph]]:
    body_parts: list[str] = []
    offsets: list[Paragraph] = []
    cursor = 0
    for text in paragraphs:
        if body_parts:
            body_parts.append("\n\n")
            cursor += 2
        offsets.append(Paragraph(start=cursor, end=cursor + len(text)))
        body_parts.append(text)
        cursor += len(text)
    return "".join(body_parts), offsets


def _text_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of unchanged text: runs separated by blank lines."""
    return [
        Paragraph(start=m.start(), end=m.end())
        for m in re.finditer(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*", text)
        if m.group().strip()
    ]


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split() or " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _from_html(raw: RawDoc, text: str, captured: str | None) -> Article:
    page = extract_html(text, raw.uri)
    texts = page.paragraphs
    if page.title and len(texts) > 1 and _same_words(texts[0], page.title):
        texts = texts[1:]  # the headline is the title, not body text
    body, paragraphs = _paragraph_offsets(texts)
    published = None
    if page.date:
        published = stamps.day_interval(date.fromisoformat(page.date[:10]), page.date)
    return Article(
        title=page.title,
        byline=page.byline,
        authors=page.authors,
        outlet=page.outlet,
        section=page.section,
        language=page.language,
        published=published,
        body=body,
        paragraphs=paragraphs,
    )


def _from_textdump(raw: RawDoc, text: str, captured: str | None) -> Article:
    dump = extract_textdump(text)
    if not dump.paragraphs:
        raise InputError(raw.uri, "no article text found in the text dump")
    body, paragraphs = _paragraph_offsets(dump.paragraphs)
    return Article(
        title=dump.title,
        byline=dump.byline,
        authors=dump.authors,
        section=dump.section,
        language=_LANGUAGE_CODES.get(dump.language or ""),
        published=_published(dump.stamp, captured),
        body=body,
        paragraphs=paragraphs,
        boilerplate=dump.boilerplate,
    )


def _published(stamp: str | None, captured: str | None) -> Interval | None:
    """The publication time a page printed, resolved against the capture time ("2 hours ago")."""
    if not stamp:
        return None
    capture_time = stamps.parse_timestamp(captured) if captured else None
    return stamps.resolve(stamp, capture_time) or Interval(text=stamp, granularity="unknown")


def _from_text(raw: RawDoc, text: str, captured: str | None) -> Article:
    """Clean text is its own body, unchanged; the headline, byline and date printed above its first paragraph
    are its metadata as well."""
    if double_decoded(text):
        text = repair_mojibake(text)
    header = plain_header(text, furnished=lambda top: bool(furniture_signs(top)))
    return Article(
        title=header.title,
        byline=header.byline,
        authors=header.authors,
        published=_published(header.stamp, captured),
        body=text,
        paragraphs=_text_paragraphs(text),
    )


_LANGUAGE_CODES = {
    "English": "en",
    "German": "de",
    "French": "fr",
    "Spanish": "es",
    "Italian": "it",
    "Portuguese": "pt",
    "Dutch": "nl",
    "Polish": "pl",
    "Finnish": "fi",
    "Swedish": "sv",
    "Danish": "da",
    "Norwegian_Bokmal": "nb",
    "Czech": "cs",
    "Russian": "ru",
    "Ukrainian": "uk",
    "Turkish": "tr",
    "Indonesian": "id",
    "Romanian": "ro",
    "Chinese": "zh",
}
EXTRACTORS: dict[str, Callable[[RawDoc, str, str | None], Article]] = {
    "html": _from_html,
    "textdump": _from_textdump,
    "text": _from_text,
}


def extract(raw: RawDoc, kind: KindChoice = "auto") -> tuple[Source, Article]:
    """Decode and extract one document. Raises :class:`InputError` for anything unusable."""
    text, _encoding = decode(raw.data, raw.uri, raw.charset)
    if raw.captured_at:
        try:
            stamps.parse_timestamp(raw.captured_at)
        except ValueError as exc:
            raise InputError(raw.uri, f"bad capture time: {exc}") from None
    decision = detect_kind(raw, text) if kind == "auto" else KindDecision(kind, "chosen by the user")
    article = EXTRACTORS[decision.kind](raw, text, raw.captured_at)
    if not article.body.strip():
        raise InputError(raw.uri, "no text")
    if article.outlet is None and raw.origin.outlet:
        article.outlet = raw.origin.outlet
    source = Source(
        uri=raw.uri, kind=decision.kind, kind_reason=decision.reason, captured_at=raw.captured_at, sha256=raw.sha256
    )
    return source, article
