"""Throughput of ``sitrep analyze`` against bare spaCy on the same texts, in one run.

Reports articles per second for (a) the full sitrep path — read, decode,
extract with trafilatura, parse, every registered stage — and (b) bare
``nlp.pipe`` over the same bodies, their ratio, the cost of each stage as a
share of the parse, and the peak resident memory of this worker.

Run: ``make bench`` or ``.venv/bin/python benchmarks/throughput.py [--pages DIR] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import spacy

from sitrep.analyze.pipeline import DEFAULT_STAGES, Pipeline
from sitrep.analyze.registry import Context
from sitrep.errors import InputError
from sitrep.extract import extract
from sitrep.model import AnalyzedArticle, Article, Source
from sitrep.service import analyze_paths
from sitrep.service.analysis import BATCH_SIZE
from sitrep.sources import read_path

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=ROOT.parent / "shared" / "data" / "html" / "pages" / "en")
    parser.add_argument("--repeat", type=int, default=2, help="Passes over the pages (best pass is reported).")
    parser.add_argument(
        "--stages",
        default=",".join(DEFAULT_STAGES),
        help="Comma-separated stages (default: all); e.g. sentences,mentions for the foundation.",
    )
    parser.add_argument(
        "--bodies",
        action="store_true",
        help="Feed sitrep the extracted article bodies as text files (the issue's setting) instead of the HTML.",
    )
    args = parser.parse_args(argv)
    paths = sorted(args.pages.rglob("*.htm*"))
    if not paths:
        sys.exit(f"no HTML pages under {args.pages}")
    rss_start = peak_rss_mb()
    pipeline = Pipeline(stages=[name for name in args.stages.split(",") if name])
    rss_loaded = peak_rss_mb()
    nlp = pipeline.nlp
    bare_nlp = spacy.load(pipeline.config.model_name)  # spaCy as installed: none of sitrep's changes to the pipeline

    # Warm up both paths once so lazy imports and caches do not count.
    bodies: list[str] = []
    for path in paths:
        try:
            bodies.append(extract(read_path(path))[1].body)
        except InputError:
            continue
    list(nlp.pipe(bodies[:3]))
    list(bare_nlp.pipe(bodies[:3]))
    if args.bodies:  # the same bodies as files: no HTML extraction, only the text path
        folder = Path(tempfile.mkdtemp(prefix="sitrep-bodies-"))
        paths = []
        for i, body in enumerate(bodies):
            paths.append(folder / f"{i:04d}.txt")
            paths[-1].write_text(body, encoding="utf-8")

    full_times, bare_times, same_batch_times = [], [], []
    stage_seconds = {name: 0.0 for name, _ in pipeline.stages}
    rss_worker = 0.0
    for _ in range(args.repeat):  # the two paths take turns, so drift in the machine's speed hits both alike
        start = time.perf_counter()
        ok = sum(1 for outcome in analyze_paths(paths, pipeline) if outcome.result is not None)
        full_times.append(time.perf_counter() - start)
        rss_worker = rss_worker or peak_rss_mb()  # a sitrep worker's high-water mark, before the baseline runs
        start = time.perf_counter()
        for _doc in bare_nlp.pipe(bodies):
            pass
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _doc in bare_nlp.pipe(bodies, batch_size=BATCH_SIZE):
            pass
        same_batch_times.append(time.perf_counter() - start)

        for doc, body in zip(nlp.pipe(bodies), bodies, strict=True):  # per-stage cost on parsed docs
            article = Article(body=body)
            result = AnalyzedArticle(source=Source(uri="bench", kind="text"), article=article)
            ctx = Context(article=article, doc=doc, result=result)
            for name, run in pipeline.stages:
                t = time.perf_counter()
                setattr(result, name, list(run(ctx)))
                stage_seconds[name] += time.perf_counter() - t

    full, bare = min(full_times), min(bare_times)
    chars = sum(len(b) for b in bodies)
    print(f"pages: {len(paths)} ({ok} analysed, {chars / len(bodies):.0f} body characters on average)")
    print(f"stages: {', '.join(name for name, _ in pipeline.stages)}; model: {pipeline.config.model_name}")
    what = "read+parse+stages, bodies as text" if args.bodies else "read+extract+parse+stages"
    print(f"sitrep analyze ({what}): {ok / full:6.2f} articles/s")
    print(f"bare spaCy nlp.pipe on the same bodies:     {len(bodies) / bare:6.2f} articles/s")
    print(f"ratio sitrep / bare spaCy:                   {(ok / full) / (len(bodies) / bare):6.2f}")
    same = min(same_batch_times)
    print(f"bare spaCy at sitrep's batch size ({BATCH_SIZE}):       {len(bodies) / same:6.2f} articles/s")
    print(f"ratio sitrep / bare spaCy, same batch size:  {(ok / full) / (len(bodies) / same):6.2f}")
    parse_per_pass = bare
    for name, seconds in stage_seconds.items():
        print(f"  stage {name:<13} {seconds / args.repeat / parse_per_pass:6.1%} of bare spaCy's parse time")
    print(
        f"peak RSS of the sitrep worker: {rss_worker:.0f} MB (interpreter {rss_start:.0f} MB, after loading "
        f"the pipeline {rss_loaded:.0f} MB); after the bare-spaCy baseline (default batch size): "
        f"{peak_rss_mb():.0f} MB"
    )
    if args.bodies:
        shutil.rmtree(paths[0].parent)


if __name__ == "__main__":
    main()
