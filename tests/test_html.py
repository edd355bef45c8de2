"""HTML pages: trafilatura's text and metadata, encodings, gzip."""

from __future__ import annotations

import gzip
from pathlib import Path

from tests.conftest import FIXTURES

from sitrep.extract import extract
from sitrep.extract.encoding import declared_charset, decode
from sitrep.sources import read_path

PAGE = FIXTURES / "html" / "dispatch.html"


def test_html_metadata_and_body() -> None:
    source, article = extract(read_path(PAGE))
    assert source.kind == "html"
    assert article.title == "Shelling hits Kharkiv suburbs overnight"
    assert article.authors == ["Jane Roe"]
    assert article.outlet == "The Example Dispatch"
    assert article.section == "Europe"
    assert article.published is not None and article.published.earliest == "2023-03-30"
    assert article.body.startswith("Artillery fire struck the northern suburbs of Kharkiv")
    assert "Café owners" in article.body  # windows-1252 declared and honoured
    assert "do not extract me" not in article.body and "All rights reserved" not in article.body
    assert len(article.paragraphs) == 3


def test_gzipped_html_reads_the_same(tmp_path: Path) -> None:
    gz = tmp_path / "dispatch.html.gz"
    gz.write_bytes(gzip.compress(PAGE.read_bytes()))
    _, plain = extract(read_path(PAGE))
    source, zipped = extract(read_path(gz))
    assert source.kind == "html" and zipped.body == plain.body


def test_encoding_detection_order() -> None:
    assert declared_charset(b'<meta charset="ISO-8859-1">') == "iso8859-1"
    assert decode("\ufeffKyiv".encode("utf-8"), "x") == ("Kyiv", "utf-8-sig")
    assert decode("Zaporizhzhia – Київ".encode("utf-16"), "x")[0] == "Zaporizhzhia – Київ"
    text, encoding = decode("Sévérodonetsk est tombée, a déclaré le ministère français.".encode("latin-1"), "x")
    assert "Sévérodonetsk" in text and encoding != "utf-8"


def test_utf8_with_a_few_broken_sequences_stays_utf8() -> None:
    """A teaser cut inside a two-byte letter, or a Latin-1 alt text pasted into a UTF-8 page, breaks a few
    sequences; the article around them is still UTF-8, not a page of mojibake in a guessed charset."""
    article = "Zażółć gęślą jaźń: mieszkańcy Vessy protestowali przeciwko budowie drogi. " * 8
    cut = "Przemyt papierosów".encode()[:-2]  # ends inside "ó"
    page = b'<html><head><meta charset="utf-8"></head><body><p>' + cut + b"...</p><p>"
    page += article.encode() + b'</p><img alt="Mitgef\xfchl"></body></html>'
    text, encoding = decode(page, "x")
    assert encoding == "utf-8"
    assert article.strip() in text
    assert text.count("\ufffd") == 2
    # a page in a one-byte charset is no UTF-8 with errors: every accented letter breaks
    latin = ("Die Bürger von Vessa demonstrierten gegen die Straße. " * 8).encode("latin-1")
    assert decode(latin, "x")[0].startswith("Die Bürger von Vessa")
