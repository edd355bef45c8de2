"""Text-dump extraction evaluated on real pages flattened three ways.

For each HTML page of ``shared/data/html`` the page is flattened to text as a
user's tools would do it — ``w3m -dump``, ``lynx -dump`` (Debian packages,
installed here when missing) and a browser's select-all/copy (``innerText``:
block elements become line breaks, nothing is wrapped) — then sitrep's
text-dump extractor recovers the article from the flat text alone.

The reference is trafilatura's extraction of the original HTML, made by sitrep's own HTML path
(``sitrep.extract.html``: comments excluded, tables included). Bodies are
compared with the word-4-gram shingle precision/recall/F1 of the scrapinghub
article-extraction benchmark (lower-cased word tokens, multiset of shingles).
Titles count as exact matches (case and spacing aside) when they equal
trafilatura's title or the page's first ``<h1>`` (column ``title``). trafilatura's
title is often the HTML ``<title>``, "Headline - Site Name": the site name is
not on the page a flattener sees, so column ``title*`` also accepts trafilatura's
title without trailing `` | ``/`` - `` segments when one of them names the outlet
trafilatura found (its ``sitename``/host name). Both are printed.

Exclusion (printed, with the unfiltered numbers next to it): a page whose
reference body has fewer than ``MIN_REFERENCE_WORDS`` words has no article for
trafilatura either (a paywall stub or a caption), so it cannot score a text-dump
extractor. To show that a change generalises, the pages are also split in two
halves by the parity of their position in file-name order, each half reported.

Run: ``make eval`` or ``.venv/bin/python -m eval.textdump [--limit N] [--worst N]``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

import lxml.html

from eval.common import precision_recall_f1, shared_data
from sitrep.errors import InputError
from sitrep.extract import extract
from sitrep.extract.encoding import decode
from sitrep.extract.html import extract_html
from sitrep.sources import Origin, RawDoc

_TOKEN = re.compile(r"\w+", re.UNICODE)
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul", "title", "option", "button",
}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "select"}


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def prf(predicted: str, reference: str) -> tuple[float, float, float]:
    pred, ref = shingles(predicted), shingles(reference)
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & ref).values())
    return precision_recall_f1(overlap, sum(pred.values()), overlap, sum(ref.values()))


def ensure_tools() -> None:
    """Install w3m and lynx from Debian when missing (the eval's own set-up)."""
    if shutil.which("w3m") and shutil.which("lynx"):
        return
    print("installing w3m and lynx (Debian packages) ...", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", "w3m", "lynx"], check=True, capture_output=True)


def _parse(html: str) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(encoding="utf-8")
    return lxml.html.fromstring(html.encode("utf-8"), parser=parser)


def w3m(raw: bytes, html: str) -> str:
    """The text browser's own charset handling applies, as for a user."""
    return subprocess.run(
        ["w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", "80"],
        input=raw, capture_output=True, check=True, timeout=60,
    ).stdout.decode("utf-8", "replace")


def lynx(raw: bytes, html: str) -> str:
    return subprocess.run(
        ["lynx", "-dump", "-stdin", "-width=80", "-display_charset=UTF-8"],
        input=raw, capture_output=True, check=True, timeout=60,
    ).stdout.decode("utf-8", "replace")


_SPACE_RUN = re.compile(r"\s+")


def inner_text(raw: bytes, html: str) -> str:
    """What select-all + copy in a browser gives: block boundaries as newlines, no wrapping.

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
    return "\n".join(line for line in lines if line)


FLATTENERS: dict[str, Callable[[bytes, str], str]] = {"w3m": w3m, "lynx": lynx, "innertext": inner_text}


MIN_REFERENCE_WORDS = 50


@dataclass
class PageScore:
    page: str
    flattener: str
    p: float
    r: float
    f1: float
    title_ok: bool | None
    title_site_ok: bool | None = None  # also accepting trafilatura's title without its " | Site" tail
    reference_words: int = 0


def _norm_title(text: str | None) -> str:
    return " ".join((text or "").split()).casefold().strip(" .")


_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def _compact(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _outlet_key(outlet: str) -> str:
    """ "lastampa.it" → "lastampa", "SAT.1 REGIONAL" → "sat1regional", "WSVN 7News | Miami News" → "wsvn7news"."""
    name = _TITLE_SEPARATOR.split(outlet.strip())[0].casefold()
    host = re.fullmatch(r"(?:www\.)?([\w-]+)\.[a-z]{2,6}", name)
    return _compact(host.group(1) if host else name)


def without_site_name(title: str, outlet: str | None) -> str | None:
    """ "Headline - La Stampa" → "Headline": the longest head of the title whose tail names the outlet."""
    key = _outlet_key(outlet) if outlet else ""
    if len(key) < 2:
        return None
    for separator in reversed(list(_TITLE_SEPARATOR.finditer(title))):
        tail = _TITLE_SEPARATOR.split(title[separator.end() :])
        if any(key in _compact(part) for part in tail):
            return title[: separator.start()]
    return None


def references(html: str) -> tuple[str, set[str], set[str]]:
    """trafilatura's article text and accepted titles, extracted exactly as sitrep's HTML path does it
    (comments excluded: readers' comments are not the article). Titles: strict, and strict plus the
    site-name-free form of trafilatura's title."""
    try:
        page = extract_html(html, "reference")
    except InputError:
        return "", set(), set()
    text = "\n".join(page.paragraphs)
    titles = {_norm_title(page.title)} if page.title else set()
    h1 = _parse(html).find(".//h1")
    if h1 is not None and h1.text_content().strip():
        titles.add(_norm_title(h1.text_content()))
    lenient = set(titles)
    short = without_site_name(page.title, page.outlet) if page.title else None
    if short:
        lenient.add(_norm_title(short))
    return text, titles, lenient


def evaluate(pages: list[Path]) -> list[PageScore]:
    scores: list[PageScore] = []
    for page in pages:
        raw = page.read_bytes()
        html, _ = decode(raw, page)
        reference, titles, lenient_titles = references(html)
        if not reference.strip():
            continue
        reference_words = len(_TOKEN.findall(reference))
        for name, flatten in FLATTENERS.items():
            try:
                flat = flatten(raw, html)
                _, article = extract(RawDoc(Origin(str(page)), flat.encode("utf-8")), "textdump")
                body, title = article.body, article.title
            except (InputError, subprocess.SubprocessError):
                body, title = "", None
            p, r, f1 = prf(body, reference)
            title_ok = (_norm_title(title) in titles) if titles else None
            title_site_ok = (_norm_title(title) in lenient_titles) if lenient_titles else None
            scores.append(PageScore(page.name, name, p, r, f1, title_ok, title_site_ok, reference_words))
    return scores


def _rate(values: list[bool | None]) -> float:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else float("nan")


def report(scores: list[PageScore], label: str) -> None:
    print(f"\n{label}: {len({s.page for s in scores})} pages")
    print(f"  {'flattener':<10} {'P':>6} {'R':>6} {'F1':>6} {'title':>7} {'title*':>7}")
    for name in [*FLATTENERS, "all"]:
        subset = [s for s in scores if name in (s.flattener, "all")]
        if not subset:
            continue
        print(f"  {name:<10} {mean(s.p for s in subset):6.3f} {mean(s.r for s in subset):6.3f} "
              f"{mean(s.f1 for s in subset):6.3f} {_rate([s.title_ok for s in subset]):7.1%} "
              f"{_rate([s.title_site_ok for s in subset]):7.1%}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="Only the first N pages of each language group.")
    parser.add_argument("--worst", type=int, default=0, help="Also list the N worst page/flattener pairs.")
    args = parser.parse_args(argv)
    ensure_tools()
    root = shared_data() / "html" / "pages"
    print("== Text-dump extraction (flattened page → article body), reference: trafilatura on the HTML")
    print("   body: mean word-4-gram shingle P/R/F1; title: exact match where the HTML has a title")
    print("   (title* also accepts trafilatura's title without a trailing ' | Site name' segment)")
    everything: list[PageScore] = []
    for group in ("en", "other"):
        pages = sorted((root / group).glob("*.html"))
        if args.limit:
            pages = pages[: args.limit]
        scores = evaluate(pages)
        report(scores, f"{group} pages")
        everything += scores
    report(everything, "all pages, unfiltered")
    excluded = sorted({s.page for s in everything if s.reference_words < MIN_REFERENCE_WORDS})
    kept = [s for s in everything if s.page not in excluded]
    print(f"\nexcluded (reference body under {MIN_REFERENCE_WORDS} words: no article to extract): "
          f"{', '.join(excluded) or 'none'}")
    report(kept, "all pages, filtered")
    order = {name: i for i, name in enumerate(sorted({s.page for s in everything}))}
    for half in (0, 1):
        report([s for s in kept if order[s.page] % 2 == half], f"half {half} (file-name order parity), filtered")
    if args.worst:
        print("\nworst:")
        for s in sorted(everything, key=lambda s: s.f1)[: args.worst]:
            print(f"  {s.f1:.3f} P={s.p:.2f} R={s.r:.2f} {s.flattener:<9} {s.page}")


if __name__ == "__main__":
    main()
