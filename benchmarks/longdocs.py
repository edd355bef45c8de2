"""Cost per kilobyte from 1 KB to 5 MB, for real article text and for pathological text.

Each case runs in a fresh worker process (so its peak RSS is its own): the worker
reads the document the way ``sitrep analyze`` does (extraction included), runs the
whole pipeline, and, for real article text, times bare spaCy on the same body in
the same process (``nlp.max_length`` raised so spaCy accepts it). A flat ms/KB
column is linear time; the ratio column is sitrep over bare spaCy.

    .venv/bin/python benchmarks/longdocs.py [--max-kb 5120] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED_DATA") or ROOT.parent / "shared" / "data")


def real_text(size: int) -> str:
    """Real local-news articles (LGL) joined as paragraphs, else the bundled example, to ``size`` characters."""
    lgl = SHARED / "geo" / "lgl" / "lgl.xml"
    if lgl.exists():
        articles = [(a.findtext("text") or "").strip() for a in ET.parse(lgl).getroot().iter("article")]
    else:
        articles = [(ROOT / "tests" / "fixtures" / "example_body.txt").read_text(encoding="utf-8")]
    parts: list[str] = []
    total, i = 0, 0
    while total < size:
        parts.append(articles[i % len(articles)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


PATHOLOGICAL = {
    "punctuation runs": lambda n: ("!?.,;:\"'()—" * (n // 11 + 1))[:n],
    "one-word lines": lambda n: ("word\n" * (n // 5 + 1))[:n],
    "one long line": lambda n: ("lorem " * (n // 6 + 1))[:n].replace(" ", "\u00a0"),
    "table of numbers": lambda n: ("| 12.5 | 3,400 | -7 | 0.001 |\n" * (n // 29 + 1))[:n],
    "nested quotes": lambda n: ("“He said ‘she said “they said ‘no’” today’ again,” " * (n // 52 + 1))[:n],
}


def worker(kind: str, size: int, baseline: bool) -> dict[str, float]:
    import spacy

    from sitrep.analyze.pipeline import Pipeline
    from sitrep.errors import InputError
    from sitrep.extract import extract
    from sitrep.sources import Origin, RawDoc

    text = real_text(size) if kind == "real article text" else PATHOLOGICAL[kind](size)
    pipeline = Pipeline()
    warm = pipeline.analyze(*extract(RawDoc(Origin("warm-up"), b"A short warm-up text about Kyiv."), "text"))
    assert warm.article.body
    started = time.perf_counter()
    try:
        result = pipeline.analyze(*extract(RawDoc(Origin(kind), text.encode("utf-8")), "auto"))
        out: dict[str, float] = {"chars": len(result.article.body), "events": len(result.events)}
    except InputError:  # refused in one line (e.g. no article in a page of one-word lines): a result too
        out = {"refused": 1.0}
    out["seconds"] = time.perf_counter() - started
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # sitrep's alone
    if baseline:
        nlp = spacy.load(pipeline.config.model_name)  # bare: none of sitrep's additions
        nlp.max_length = max(nlp.max_length, len(text) + 1)
        nlp(text[:1000])  # warm-up
        started = time.perf_counter()
        bare = nlp(text)
        out["bare_seconds"] = time.perf_counter() - started
        out["bare_tokens"] = len(bare)
        out["bare_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def run_case(kind: str, size: int, baseline: bool) -> dict[str, float]:
    command = [sys.executable, __file__, "--worker", kind, str(size)] + (["--baseline"] if baseline else [])
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=7200)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--max-kb", type=int, default=5120)
    parser.add_argument("--quick", action="store_true", help="real text up to 1 MB, pathological text up to 100 KB")
    parser.add_argument("--only", help="run only this kind of input")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--baseline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], int(args.worker[1]), args.baseline)))
        return
    max_kb = min(args.max_kb, 1024) if args.quick else args.max_kb
    sizes_kb = [kb for kb in (1, 10, 100, 1024, 5120) if kb <= max_kb]
    print(f"{'input':<20} {'size':>8} {'seconds':>8} {'ms/KB':>7} {'bare s':>7} {'ratio':>6} {'peak RSS':>9}")
    kinds = [args.only] if args.only else ["real article text", *PATHOLOGICAL]
    for kind in kinds:
        slopes = []
        for kb in sizes_kb if kind == "real article text" or not args.quick else [kb for kb in sizes_kb if kb <= 100]:
            baseline = kind == "real article text" and 100 <= kb <= 1024  # bare spaCy on 5 MB needs ~20 GB
            case = run_case(kind, kb * 1024, baseline)
            ms_per_kb = case["seconds"] * 1000 / kb
            slopes.append(ms_per_kb)
            bare = (
                f"{case['bare_seconds']:7.1f} {case['seconds'] / case['bare_seconds']:6.2f}"
                if baseline
                else f"{'':>7} {'':>6}"
            )
            refused = " (refused in one line)" if case.get("refused") else ""
            print(
                f"{kind:<20} {kb:>6}KB {case['seconds']:8.2f} {ms_per_kb:7.1f} {bare} {case['peak_rss_mb']:7.0f}MB"
                f"{refused}",
                flush=True,
            )
        if len(slopes) >= 3:
            print(
                f"{'':<20} slope ms/KB from 10 KB to the largest: {slopes[1]:.1f} → {slopes[-1]:.1f} "
                f"(×{slopes[-1] / slopes[1]:.2f})",
                flush=True,
            )


if __name__ == "__main__":
    main()
