"""Any bytes a user brings are analysed or refused in one line naming the file; never a traceback.

Generated inputs (random bytes, HTML soup, every encoding label, gzip that is cut,
nested or padded, NULs, lone surrogates, bidi controls, huge attributes, deep
nesting, gigantic tokens) go through the same path as ``sitrep analyze``:
reading, extraction, the whole pipeline. ``make test`` runs a fixed slice;
``make fuzz`` runs ``SITREP_FUZZ_EXAMPLES`` (10,000) with fresh randomness and
prints the counts.
"""

from __future__ import annotations

import codecs
import gzip
import os
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep import service
from sitrep.analyze.pipeline import Pipeline, StageFailure

EXAMPLES = int(os.environ.get("SITREP_FUZZ_EXAMPLES", "150"))
FULL_RUN = "SITREP_FUZZ_EXAMPLES" in os.environ
SECONDS_PER_INPUT = 60  # a generous bound: the point is that nothing hangs
COUNTS: Counter[str] = Counter()

ENCODINGS = [
    "utf-8",
    "utf-16",
    "utf-16-be",
    "utf-32",
    "latin-1",
    "cp1252",
    "cp1251",
    "koi8-r",
    "shift_jis",
    "euc-jp",
    "gb18030",
    "big5",
    "euc-kr",
    "iso-8859-7",
    "iso-8859-8",
    "mac-roman",
    "utf-7",
    "cp437",
]
LABELS = [*ENCODINGS, "x-user-defined", "unicode-1-1-utf-8", "bogus-charset", "", "utf-8;;", '"utf-8"']
TAGS = [
    "html",
    "head",
    "body",
    "title",
    "meta",
    "p",
    "div",
    "span",
    "a",
    "script",
    "style",
    "svg",
    "table",
    "tr",
    "td",
    "article",
    "main",
    "nav",
    "footer",
    "h1",
    "br",
    "img",
    "iframe",
    "noscript",
    "textarea",
    "template",
]
ODD = [
    "\x00",
    "\u202e",
    "\u2066",
    "\u200f",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\r",
    "\x0b",
    "\x1b[31m",
    "&#0;",
    "&#xD800;",
    "&#1114112;",
    "&nbsp;",
    "<!--",
    "]]>",
    "<![CDATA[",
    "\u0301" * 20,
    "\U0001f4a5",
]

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=40)
texts = st.lists(
    st.one_of(words, st.sampled_from(ODD), st.sampled_from(["Kyiv", "said", "on Monday", ". "])), max_size=60
).map("".join)


@st.composite
def html_soup(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 6))):
        tag = draw(st.sampled_from(TAGS))
        attrs = "".join(
            f' {draw(st.sampled_from(["id", "class", "onerror", "href", "charset", "content"]))}="{draw(texts)}"'
            for _ in range(draw(st.integers(0, 2)))
        )
        inner = draw(html_soup(depth + 1)) if depth < 4 and draw(st.booleans()) else draw(texts)
        closing = draw(st.sampled_from([f"</{tag}>", "", f"</{draw(st.sampled_from(TAGS))}>"]))
        parts.append(f"<{tag}{attrs}>{inner}{closing}")
    return "".join(parts)


def _encode(text: str, encoding: str) -> bytes:
    return codecs.encode(text, encoding, errors="replace") if encoding else text.encode("utf-8", "surrogatepass")


@st.composite
def pathological(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["attribute", "nesting", "token", "nuls", "lines", "punctuation", "surrogates"]))
    n = draw(st.integers(1, 200_000 if kind in ("token", "attribute") else 3_000))
    body = {
        "attribute": f'<html><body><p title="{"x" * n}">text</p></body></html>',
        "nesting": "<div>" * n + "deep" + "</div>" * draw(st.integers(0, n)),
        "token": "word " + "a" * n + " end",
        "nuls": "Kyiv said\x00" * n,
        "lines": "word\n" * n,
        "punctuation": "!?.,;:\"'()—" * (n // 10 + 1),
        "surrogates": "Kyiv \ud800 said \udc00 " * (n // 20 + 1),
    }[kind]
    return body.encode("utf-8", "surrogatepass")


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["bytes", "soup", "encoded", "text", "pathological"]))
    if kind == "bytes":
        data = draw(st.binary(max_size=4096))
    elif kind == "soup":
        label = draw(st.sampled_from(LABELS))
        data = _encode(f'<meta charset="{label}">' + draw(html_soup()), draw(st.sampled_from(["", *ENCODINGS])))
    elif kind == "encoded":
        label = draw(st.sampled_from(LABELS))
        page = (
            f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={label}"></head>'
            f"<body><h1>{draw(texts)}</h1><p>{draw(texts)}</p></body></html>"
        )
        data = _encode(page, draw(st.sampled_from(["", *ENCODINGS])))
    elif kind == "text":
        data = _encode(draw(texts), draw(st.sampled_from(["", *ENCODINGS])))
    else:
        data = draw(pathological())
    name = draw(st.sampled_from(["page.html", "page.txt", "page.htm", "page"]))
    wrap = draw(st.sampled_from(["none", "none", "gzip", "cut", "nested", "members"]))
    if wrap != "none":
        name += ".gz"
        packed = gzip.compress(data)
        data = {
            "gzip": packed,
            "cut": packed[: draw(st.integers(0, max(0, len(packed) - 1)))],
            "nested": gzip.compress(packed),
            "members": packed + gzip.compress(b"<p>more</p>"),
        }[wrap]
    return name, data


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("fuzz")
    if FULL_RUN:
        print(f"\nfuzz: {sum(COUNTS.values())} inputs: " + ", ".join(f"{k} {v}" for k, v in sorted(COUNTS.items())))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not FULL_RUN,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(doc=documents())
def test_any_input_is_analysed_or_refused_in_one_line(doc: tuple[str, bytes], pipeline: Pipeline, folder: Path) -> None:
    name, data = doc
    path = folder / name
    path.write_bytes(data)
    started = time.perf_counter()
    outcomes = list(service.analyze_paths([path], pipeline))
    elapsed = time.perf_counter() - started
    assert len(outcomes) == 1 and elapsed < SECONDS_PER_INPUT
    outcome = outcomes[0]
    if outcome.error is not None:
        assert not isinstance(outcome.error, StageFailure), str(outcome.error)  # a stage bug, not bad input
        message = str(outcome.error)
        assert message.startswith(f"{path}: ") and "\n" not in message and len(message) < 400
        COUNTS["refused: " + outcome.error.reason.split(" (")[0].split(":")[0][:40]] += 1
    else:
        assert outcome.result is not None and outcome.result.article.body.strip()
        COUNTS["analysed"] += 1
