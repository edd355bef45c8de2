"""Bytes to text: BOM, then the declared charset, then UTF-8, then detection.

Order matters: a BOM is proof, a declaration is a strong hint (but pages lie, so
it must decode cleanly), UTF-8 decoding without errors is near-proof, and
statistical detection (charset-normalizer) is the last resort. Text that was decoded
wrongly before it reached us (UTF-8 read as Latin-1 and written out again: "StraÃ\x9fe")
is repaired with ftfy.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from sitrep.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (meta tag or XML declaration)."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, source: object, http_charset: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; refuse what no charset explains.

    A charset from the HTTP headers comes before the page's own declaration, as in a
    browser, except that bytes which are valid UTF-8 (and not plain ASCII) are UTF-8:
    servers label pages ISO-8859-1 by default far more often than UTF-8 happens by chance.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(source, f"invalid {encoding} text after its byte-order mark") from None
    for candidate in (_http_candidate(data, http_charset), declared_charset(data), "utf-8"):
        if candidate is None:
            continue
        try:
            return data.decode(candidate), candidate
        except (UnicodeDecodeError, LookupError):
            continue
    if _mostly_utf8(data):
        return data.decode("utf-8", "replace"), "utf-8"
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(source, "undecodable bytes: no character encoding fits")
    text = str(best)
    if _garbled(text):
        raise InputError(source, f"undecodable bytes: best guess {best.encoding} gives garbled text")
    return text, best.encoding


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken sequences (a teaser cut in the middle of "ą"): each broken one becomes U+FFFD,
    rather than the whole page being read in a charset detection picks for the bytes that do not fit. A
    page in a one-byte charset breaks at nearly every accented letter."""
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    fitting = sum(1 for ch in text if ord(ch) > 127) - text.count("\ufffd")
    return fitting >= UTF8_FITTING_PER_BROKEN * max(broken, 1)


def _http_candidate(data: bytes, http_charset: str | None) -> str | None:
    if not http_charset:
        return None
    if data.isascii():
        return http_charset
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return http_charset
    return "utf-8"


def _garbled(text: str) -> bool:
    """Text full of control or private-use characters is binary in disguise."""
    if not text:
        return True
    odd = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return odd > len(text) * 0.02


# How many well-formed non-ASCII characters each broken sequence needs for bytes to count as UTF-8.
UTF8_FITTING_PER_BROKEN = 10
MOJIBAKE_SAMPLE = 200_000  # characters looked at to decide whether a text was decoded twice


def double_decoded(text: str) -> bool:
    """Whether the text shows mojibake ("OberÃ¶sterreich"): a tool read UTF-8 as a one-byte charset. Old
    converters (the C html2text) do this to every page that does not declare its charset the way they read."""
    from ftfy.badness import is_bad  # imported when a text is read, not at every start-up (55 ms)

    return is_bad(text[:MOJIBAKE_SAMPLE])


def repair_mojibake(text: str) -> str:
    """The text as it was written, when it was decoded twice; unchanged otherwise (ftfy is conservative)."""
    import ftfy

    return str(ftfy.fix_encoding(text))
