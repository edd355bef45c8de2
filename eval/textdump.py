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
trafilatura's title or the page's first ``<h1>``.

Run: ``make eval`` or ``.venv/bin/python -m eval.textdump [--limit N]``.
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
from sitrep.sources import RawDoc

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


def inner_text(raw: bytes, html: str) -> str:
    """What select-all + copy in a browser gives: block boundaries as newlines, no wrapping."""
    root = _parse(html)
    parts: list[str] = []

    def walk(el: lxml.html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else "#comment"
        if tag in _SKIP or tag == "#comment":
            if el.tail:
                parts.append(el.tail)
            return
        if tag in _BLOCK:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    body = root.find("body")
    walk(body if body is not None else root)
    lines = (re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


FLATTENERS: dict[str, Callable[[bytes, str], str]] = {"w3m": w3m, "lynx": lynx, "innertext": inner_text}


@dataclass
class PageScore:
    page: str
    flattener: str
    p: float
    r: float
    f1: float
    title_ok: bool | None


def _norm_title(text: str | None) -> str:
    return " ".join((text or "").split()).casefold().strip(" .")


def references(html: str) -> tuple[str, set[str]]:
    """trafilatura's article text and title, extracted exactly as sitrep's HTML path does it
    (comments excluded: readers' comments are not the article)."""
    try:
        page = extract_html(html, "reference")
    except InputError:
        return "", set()
    text = "\n".join(page.paragraphs)
    titles = {_norm_title(page.title)} if page.title else set()
    h1 = _parse(html).find(".//h1")
    if h1 is not None and h1.text_content().strip():
        titles.add(_norm_title(h1.text_content()))
    return text, titles


def evaluate(pages: list[Path]) -> list[PageScore]:
    scores: list[PageScore] = []
    for page in pages:
        raw = page.read_bytes()
        html, _ = decode(raw, page)
        reference, titles = references(html)
        if not reference.strip():
            continue
        for name, flatten in FLATTENERS.items():
            try:
                flat = flatten(raw, html)
                _, article = extract(RawDoc(uri=str(page), data=flat.encode("utf-8"), suffix=".txt"), "textdump")
                body, title = article.body, article.title
            except (InputError, subprocess.SubprocessError):
                body, title = "", None
            p, r, f1 = prf(body, reference)
            title_ok = (_norm_title(title) in titles) if titles else None
            scores.append(PageScore(page.name, name, p, r, f1, title_ok))
    return scores


def report(scores: list[PageScore], label: str) -> None:
    print(f"\n{label}: {len({s.page for s in scores})} pages")
    print(f"  {'flattener':<10} {'P':>6} {'R':>6} {'F1':>6} {'title':>7}")
    for name in [*FLATTENERS, "all"]:
        subset = [s for s in scores if name in (s.flattener, "all")]
        if not subset:
            continue
        titled = [s.title_ok for s in subset if s.title_ok is not None]
        title_rate = sum(titled) / len(titled) if titled else float("nan")
        print(f"  {name:<10} {mean(s.p for s in subset):6.3f} {mean(s.r for s in subset):6.3f} "
              f"{mean(s.f1 for s in subset):6.3f} {title_rate:7.1%}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="Only the first N pages of each language group.")
    parser.add_argument("--worst", type=int, default=0, help="Also list the N worst page/flattener pairs.")
    args = parser.parse_args(argv)
    ensure_tools()
    root = shared_data() / "html" / "pages"
    print("== Text-dump extraction (flattened page → article body), reference: trafilatura on the HTML")
    print("   body: mean word-4-gram shingle P/R/F1; title: exact match where the HTML has a title")
    everything: list[PageScore] = []
    for group in ("en", "other"):
        pages = sorted((root / group).glob("*.html"))
        if args.limit:
            pages = pages[: args.limit]
        scores = evaluate(pages)
        report(scores, f"{group} pages")
        everything += scores
    report(everything, "all pages")
    if args.worst:
        print("\nworst:")
        for s in sorted(everything, key=lambda s: s.f1)[: args.worst]:
            print(f"  {s.f1:.3f} P={s.p:.2f} R={s.r:.2f} {s.flattener:<9} {s.page}")


if __name__ == "__main__":
    main()
