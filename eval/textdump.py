"""Text-dump extraction evaluated on real pages flattened by many tools at many widths.

Each HTML page of ``shared/data/html/pages`` is flattened to text as users' tools
do it (:mod:`eval.flatten`: w3m, lynx, links, elinks, html2text, html2markdown at
widths from 60 columns to unwrapped, a browser's copy, a scraper's text field),
then sitrep reads the flat text with ``--kind auto`` as a user would.

The reference is trafilatura's extraction of the original HTML, made by sitrep's
own HTML path (comments excluded, tables included). Bodies are compared with the
word-4-gram shingle precision/recall/F1 of the scrapinghub article-extraction
benchmark (lower-cased word tokens, multiset of shingles). Titles count as exact
matches (case and spacing aside) when they equal trafilatura's title or the page's
first ``<h1>`` (column ``title``); column ``title*`` also accepts trafilatura's
title without a trailing `` | Site name`` segment naming the outlet (the site name
is not on the page a flattener sees).

trafilatura's text is not always the article: on some pages it holds a cookie notice or a list of other
stories, or a byline printed on its own. Every paragraph of it was therefore judged by a person who did
not see sitrep's output, and each verdict checked again by a second (``eval/guidelines/article_text.md``;
verdicts as paragraph numbers and hashes in ``eval/data/textdump_reference.tsv``): the *checked* reference
keeps the article's paragraphs only. Both
are reported; a page whose paragraphs no longer match their hashes (another trafilatura) is scored against
the raw reference and counted.

Kind detection is scored on both sides: every dump must be read as ``textdump``,
and every reference article, as plain text, must stay ``text`` (unchanged).

Pages whose reference body has fewer than ``MIN_REFERENCE_WORDS`` words have no
article for trafilatura either and are left out (listed). Generalisation is shown
two ways: the pages are split in two halves by the parity of their position in
file-name order, and the flatteners are split into development and held-out ones
(other tools and widths, never inspected); each part is reported on its own.

Run: ``make eval`` or ``.venv/bin/python -m eval.textdump [--limit N] [--worst N] [--only NAME] [--inspectable]``.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import re
import subprocess
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from statistics import mean

import lxml.html

from eval.common import precision_recall_f1, shared_data
from eval.flatten import FLATTENERS, ensure_tools, flatten
from sitrep.errors import InputError
from sitrep.extract import detect_kind, extract
from sitrep.extract.encoding import decode
from sitrep.extract.html import extract_html
from sitrep.sources import Origin, RawDoc

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def prf(predicted: str, reference: str) -> tuple[float, float, float]:
    pred, ref = shingles(predicted), shingles(reference)
    if not pred and not ref:
        return 1.0, 1.0, 1.0
    overlap = sum((pred & ref).values())
    return precision_recall_f1(overlap, sum(pred.values()), overlap, sum(ref.values()))


MIN_REFERENCE_WORDS = 50
REACHABLE = 0.8  # share of the reference's word 4-grams a dump must hold for the article to be in it at all


TOOL_FAILED = "no dump"  # the flattening tool itself printed nothing (html2text's iconv fails on some pages)


@dataclass
class PageScore:
    page: str
    flattener: str
    kind: str  # what --kind auto read the dump as
    p: float
    r: float
    f1: float
    title_ok: bool | None
    title_site_ok: bool | None = None  # also accepting trafilatura's title without its " | Site" tail
    reference_words: int = 0
    snippets: tuple[int, int, int] = (0, 0, 0)  # "with" snippets found, "with" snippets in all, "without" found
    checked: tuple[float, float, float] = (0.0, 0.0, 0.0)  # P/R/F1 against the checked reference
    checked_words: int = 0  # words of the checked reference (the raw one's where the page has no valid verdicts)
    verified: bool = False  # the page's verdicts match trafilatura's paragraphs
    reachable: float = 1.0  # recall of the whole dump against the reference: how much of it the dump holds at all
    dated_article: bool = False  # the page's markup says it is an article with a publication time

    def against(self, reference: str) -> tuple[float, float, float]:
        return self.checked if reference == "checked" else (self.p, self.r, self.f1)


CHECKED_REFERENCE = Path(__file__).parent / "data" / "textdump_reference.tsv"


def paragraph_hash(paragraph: str) -> str:
    return hashlib.sha1(paragraph.encode("utf-8")).hexdigest()[:12]


@cache
def _verdicts() -> dict[str, dict[int, tuple[str, str]]]:
    """Per page file name: paragraph number → (hash of the paragraph, verdict A/M/F)."""
    verdicts: dict[str, dict[int, tuple[str, str]]] = {}
    with CHECKED_REFERENCE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            verdicts.setdefault(row["page"], {})[int(row["paragraph"])] = (row["sha1"], row["verdict"])
    return verdicts


def checked_reference(page: str, paragraphs: list[str]) -> str | None:
    """The article's paragraphs of trafilatura's text, as a person checked them; None when the verdicts do not
    match these paragraphs (a page never checked, or another trafilatura's text)."""
    verdicts = _verdicts().get(page)
    if verdicts is None or len(verdicts) != len(paragraphs):
        return None
    if any(verdicts[i][0] != paragraph_hash(paragraph) for i, paragraph in enumerate(paragraphs)):
        return None
    return "\n".join(paragraph for i, paragraph in enumerate(paragraphs) if verdicts[i][1] == "A")


def _norm_title(text: str | None) -> str:
    """Case and spacing aside, a space before a colon or comma included ("Oberliga? : Jansen")."""
    return re.sub(r"\s+(?=[:;,!?])", "", " ".join((text or "").split())).casefold().strip(" .")


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


def references(html: str) -> tuple[list[str], set[str], set[str]]:
    """trafilatura's article paragraphs and accepted titles, extracted exactly as sitrep's HTML path does it
    (comments excluded: readers' comments are not the article). Titles: strict, and strict plus the
    site-name-free form of trafilatura's title."""
    try:
        page = extract_html(html, "reference")
    except InputError:
        return [], set(), set()
    titles = {_norm_title(page.title)} if page.title else set()
    h1 = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")).find(".//h1")
    if h1 is not None and h1.text_content().strip():
        titles.add(_norm_title(h1.text_content()))
    lenient = set(titles)
    short = without_site_name(page.title, page.outlet) if page.title else None
    if short:
        lenient.add(_norm_title(short))
    return page.paragraphs, titles, lenient


_SPACES = re.compile(r"\s+")


@cache
def _expected() -> dict[str, dict[str, list[str]]]:
    """trafilatura's hand-made snippets per page file name: what the article must and must not contain."""
    root = shared_data() / "html"
    entries = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    with (root / "index.tsv").open(encoding="utf-8") as handle:
        keys = {Path(row["path"]).name: row["evaldata_key"] for row in csv.DictReader(handle, delimiter="\t")}
    more = json.loads((root / "more" / "evaldata.json").read_text(encoding="utf-8"))
    with (root / "more" / "index.tsv").open(encoding="utf-8") as handle:
        more_keys = {row["file"]: row["url"] for row in csv.DictReader(handle, delimiter="\t")}
    return {name: entries[key] for name, key in keys.items() if key in entries} | {
        name: more[url] for name, url in more_keys.items() if url in more
    }


def fresh_pages(count: int) -> list[Path]:
    """The first ``count`` pages of ``html/more`` (many genres and languages) in a fixed draw by a hash of the
    file name, scored only against trafilatura's text. The first 128 are held out (never inspected); pages 129
    to 384 of the same draw are where rules for other kinds of pages may be looked for."""
    pages = sorted((shared_data() / "html" / "more").glob("*.gz"))
    return sorted(pages, key=lambda page: hashlib.sha1(page.name.encode()).hexdigest())[:count]


def snippet_counts(page: str, title: str | None, body: str) -> tuple[int, int, int]:
    """How many of the page's "with" snippets the output holds (of how many), and how many "without" ones."""
    entry = _expected().get(page, {})
    text = _SPACES.sub(" ", f"{title or ''}\n{body}")
    wanted = [_SPACES.sub(" ", s).strip() for s in entry.get("with", [])]
    unwanted = [_SPACES.sub(" ", s).strip() for s in entry.get("without", [])]
    return sum(s in text for s in wanted), len(wanted), sum(s in text for s in unwanted if s)


# A news story's own markup: schema.org's NewsArticle (or a kind of it), or Open Graph's publication time.
_DATED_ARTICLE = re.compile(r'"@type"\s*:\s*"\w*NewsArticle"|article:published_time', re.IGNORECASE)


def _score_page(page: Path, names: tuple[str, ...]) -> tuple[list[PageScore], str | None, tuple[int, int, int] | None]:
    """Every flattener's score on one page, the kind auto-detection gave the plain reference text, and the
    reference's own snippet counts (trafilatura on the HTML)."""
    raw = page.read_bytes()
    if page.suffix == ".gz":
        raw = gzip.decompress(raw)
    html, _ = decode(raw, page)
    paragraphs, titles, lenient_titles = references(html)
    reference = "\n".join(paragraphs)
    if not reference.strip():
        return [], None, None
    checked = checked_reference(page.name, paragraphs)
    checked_words = len(_TOKEN.findall(checked if checked is not None else reference))
    reference_words = len(_TOKEN.findall(reference))
    plain = "\n\n".join(reference.split("\n"))
    plain_kind = detect_kind(RawDoc(Origin(f"{page}.txt"), plain.encode("utf-8")), plain).kind
    scores: list[PageScore] = []
    for flattener in FLATTENERS:
        if flattener.name not in names:
            continue
        kind, flat = "error", ""
        try:
            flat = flatten(flattener, page, raw, html)
            if not flat.strip():
                kind = TOOL_FAILED
                raise InputError(page, f"{flattener.name} printed nothing")
            source, article = extract(RawDoc(Origin(f"{page}.txt"), flat.encode("utf-8")), "auto")
            body, title, kind = article.body, article.title, source.kind
        except (InputError, subprocess.SubprocessError):
            body, title = "", None
        p, r, f1 = prf(body, reference)
        reachable = prf(flat, reference)[1] if kind != TOOL_FAILED else 0.0
        against_checked = prf(body, checked) if checked is not None else (p, r, f1)
        title_ok = (_norm_title(title) in titles) if titles else None
        title_site_ok = (_norm_title(title) in lenient_titles) if lenient_titles else None
        snippets = snippet_counts(page.name, title, body)
        scores.append(
            PageScore(
                page.name,
                flattener.name,
                kind,
                p,
                r,
                f1,
                title_ok,
                title_site_ok,
                reference_words,
                snippets,
                against_checked,
                checked_words,
                checked is not None,
                reachable,
                bool(_DATED_ARTICLE.search(html)),
            )
        )
    return scores, plain_kind, snippet_counts(page.name, None, reference)


def _rate(values: list[bool | None]) -> float:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else float("nan")


def report(scores: list[PageScore], label: str, reference: str = "raw") -> None:
    print(f"\n{label}: {len({s.page for s in scores})} pages")
    print(f"  {'flattener':<22} {'P':>6} {'R':>6} {'F1':>6} {'title':>7} {'title*':>7} {'kind ok':>8} {'snip F1':>8}")
    names = [f.name for f in FLATTENERS if any(s.flattener == f.name for s in scores)]
    held_out = {f.name for f in FLATTENERS if f.held_out}
    for name in [*names, "development", "held-out", "all"]:
        subset = [
            s
            for s in scores
            if name in (s.flattener, "all")
            or (name == "held-out" and s.flattener in held_out)
            or (name == "development" and s.flattener not in held_out)
        ]
        if not subset:
            continue
        mark = " (held out)" if name in held_out else ""
        print(
            f"  {name + mark:<22} {mean(s.against(reference)[0] for s in subset):6.3f} "
            f"{mean(s.against(reference)[1] for s in subset):6.3f} "
            f"{mean(s.against(reference)[2] for s in subset):6.3f} {_rate([s.title_ok for s in subset]):7.1%} "
            f"{_rate([s.title_site_ok for s in subset]):7.1%} "
            f"{_rate([s.kind == 'textdump' for s in subset]):8.1%} {snippet_f1([s.snippets for s in subset]):8.3f}"
        )


def snippet_f1(counts: list[tuple[int, int, int]]) -> float:
    """trafilatura's own measure, summed over pages: "with" snippets found are true positives, missing ones
    false negatives, "without" snippets found false positives."""
    found, wanted, unwanted = (sum(c[i] for c in counts) for i in range(3))
    return precision_recall_f1(found, found + unwanted, found, wanted)[2]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="Only the first N pages of each language group.")
    parser.add_argument(
        "--worst",
        type=int,
        default=0,
        help="Also list the N worst page/flattener pairs (development flatteners, half 0 only).",
    )
    parser.add_argument("--only", action="append", default=[], help="Only these flatteners (repeatable).")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--fresh",
        type=int,
        default=128,
        help="Also score this many pages of html/more, never inspected (0: none).",
    )
    parser.add_argument(
        "--inspectable",
        action="store_true",
        help="Only score pages 129-384 of the html/more draw, where rules for other pages may be looked for.",
    )
    args = parser.parse_args(argv)
    ensure_tools()
    names = tuple(args.only or [f.name for f in FLATTENERS])
    if args.inspectable:
        _report_inspectable(fresh_pages(INSPECTABLE_END)[FRESH_HELD_OUT:], names, args.jobs)
        return
    root = shared_data() / "html" / "pages"
    print("== Text-dump extraction (flattened page → article body), reference: trafilatura on the HTML")
    print("   body: mean word-4-gram shingle P/R/F1; title: exact match where the HTML has a title")
    print("   (title* also accepts trafilatura's title without a trailing ' | Site name' segment);")
    print("   kind ok: share of dumps that --kind auto reads as a flattened page")
    pages: list[Path] = []
    for group in ("en", "other"):
        found = sorted((root / group).glob("*.html"))
        pages += found[: args.limit] if args.limit else found
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(_score_page, pages, [names] * len(pages)))
    everything = [score for scores, _, _ in results for score in scores]
    plain_kinds = [kind for _, kind, _ in results if kind is not None]
    excluded = sorted({s.page for s in everything if s.reference_words < MIN_REFERENCE_WORDS})
    failed = [s for s in everything if s.kind == TOOL_FAILED and s.page not in excluded]
    kept = [s for s in everything if s.page not in excluded and s.kind != TOOL_FAILED]
    print(
        f"\nexcluded (reference body under {MIN_REFERENCE_WORDS} words: no article to extract): "
        f"{', '.join(excluded) or 'none'}"
    )
    print(
        "not scored (the tool printed nothing: no dump a user could bring): "
        f"{', '.join(f'{s.flattener} on {s.page}' for s in failed) or 'none'}"
    )
    order = {page.name: i for i, page in enumerate(sorted(pages, key=lambda page: page.name))}
    english = {page.name for page in pages if page.parent.name == "en"}
    report([s for s in kept if s.page in english], "English pages")
    report([s for s in kept if s.page not in english], "other languages")
    for half in (0, 1):
        report([s for s in kept if order[s.page] % 2 == half], f"half {half} (file-name order parity)")
    report(kept, "all pages")
    unchecked = sorted({s.page for s in kept if not s.verified})
    too_short = sorted({s.page for s in everything if s.checked_words < MIN_REFERENCE_WORDS})
    print(
        "\n== Against the checked reference (the paragraphs of trafilatura's text a person judged the article's)"
        f"\npages without valid verdicts, scored against the raw reference: {', '.join(unchecked) or 'none'}"
        f"\nexcluded (checked reference under {MIN_REFERENCE_WORDS} words): {', '.join(too_short) or 'none'}"
    )
    checked = [s for s in everything if s.page not in too_short and s.kind != TOOL_FAILED]
    for half in (0, 1):
        report([s for s in checked if order[s.page] % 2 == half], f"half {half}, checked reference", "checked")
    report(checked, "all pages, checked reference", "checked")
    kept_pages = {s.page for s in kept}
    ceiling = [c for (scores, _, c) in results if c and scores and scores[0].page in kept_pages]
    print(f"\nsnippet F1 of the reference itself (trafilatura on the HTML): {snippet_f1(ceiling):.3f}")
    wrong = [s for s in kept if s.kind != "textdump"]
    print(
        f"\nauto-detection: {len(wrong)} of {len(kept)} dumps not read as a flattened page; "
        f"{sum(k != 'text' for k in plain_kinds)} of {len(plain_kinds)} plain articles not read as text"
    )
    if args.fresh:
        _report_fresh(fresh_pages(args.fresh), names, args.jobs)
    if args.worst:
        held_out = {f.name for f in FLATTENERS if f.held_out}
        print("\nworst (development flatteners, half 0):")
        visible = [s for s in everything if s.flattener not in held_out and order[s.page] % 2 == 0]
        for s in sorted(visible, key=lambda s: s.f1)[: args.worst]:
            print(f"  {s.f1:.3f} P={s.p:.2f} R={s.r:.2f} {s.kind:<8} {s.flattener:<12} {s.page}")


FRESH_HELD_OUT = 128  # the first pages of the html/more draw: scored, never inspected
INSPECTABLE_END = 384  # pages 129-384 of the draw: where errors may be read


def _report_inspectable(pages: list[Path], names: tuple[str, ...], jobs: int) -> None:
    """Pages 129-384 of the draw: their scores, and the pages marked up as dated articles among them."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(_score_page, pages, [names] * len(pages)))
    scores = [score for page_scores, _, _ in results for score in page_scores]
    kept = [s for s in scores if s.reference_words >= MIN_REFERENCE_WORDS and s.kind != TOOL_FAILED]
    report(kept, f"pages {FRESH_HELD_OUT + 1}-{INSPECTABLE_END} of the html/more draw (inspectable)")
    kept_pages = {s.page for s in kept}
    ceiling = [c for (page_scores, _, c) in results if c and page_scores and page_scores[0].page in kept_pages]
    print(f"  snippet F1 of the reference itself (trafilatura on the HTML): {snippet_f1(ceiling):.3f}")
    report([s for s in kept if s.dated_article], "of them, pages marked up as dated articles")


def _report_fresh(pages: list[Path], names: tuple[str, ...], jobs: int) -> None:
    """The held-out pages: other sites, genres and languages, whose dumps and errors are never read."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(_score_page, pages, [names] * len(pages)))
    scores = [score for page_scores, _, _ in results for score in page_scores]
    kept = [s for s in scores if s.reference_words >= MIN_REFERENCE_WORDS and s.kind != TOOL_FAILED]
    print(
        f"\n== Fresh pages: {len(pages)} pages of html/more drawn by file-name hash (blogs, shops, sports, "
        "government and company pages as well as news; German mostly), never inspected; raw reference only"
    )
    report(kept, "fresh pages")
    kept_pages = {s.page for s in kept}
    ceiling = [c for (page_scores, _, c) in results if c and page_scores and page_scores[0].page in kept_pages]
    print(f"  snippet F1 of the reference itself (trafilatura on the HTML): {snippet_f1(ceiling):.3f}")
    dated = [s for s in kept if s.dated_article]
    report(dated, "of them, pages marked up as dated articles (NewsArticle or article:published_time)")
    wrong = [s for s in kept if s.kind != "textdump"]
    print(f"  auto-detection: {len(wrong)} of {len(kept)} dumps not read as a flattened page")
    short = [s for s in kept if s.reachable < REACHABLE]
    print(
        f"  dumps holding under {REACHABLE:.0%} of the reference at all (what no reader of the dump can find): "
        f"{len(short)} of {len(kept)}"
    )


if __name__ == "__main__":
    main()
