"""Score the ``timexes`` stage on TimeML (TimeBank + AQUAINT) the TempEval-3 way.

Run from the repo root: ``.venv/bin/python -m eval.timeml [max_files] [--errors FILE]`` (``max_files``:
an evenly spaced sample, for quick iterations).

Every .tml file under ``<shared>/timeml`` is read with its gold TIMEX3 tags
stripped, annotated (anchored on its DCT), and compared with the gold tags, the
DCT excluded. Spans are character offsets in the TEXT content.

* relaxed span P/R/F1: a system timex matches a gold one if they share a character
  (one-to-one, in text order); strict: same start and end.
* type / value accuracy: over the relaxed matches.
* value F1 = relaxed F1 x value accuracy; type F1 likewise.

Also printed: the stage's time relative to the bare spaCy parse. ``--errors FILE``
writes the misses, false alarms and wrong values for reading.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from eval.common import precision_recall_f1, shared_data
from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.registry import Context, StageConfig
from sitrep.analyze.timexes import make_timexes
from sitrep.model import AnalyzedArticle, Article, Source, Timex
from sitrep.timeml import GoldTimex, TimeMLDoc, read_timeml, timeml_files


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def report(self, label: str) -> str:
        rp, rr, rf = precision_recall_f1(self.relaxed, self.system, self.relaxed, self.gold)
        sp, sr, sf = precision_recall_f1(self.strict, self.system, self.strict, self.gold)
        type_acc = self.type_ok / self.relaxed if self.relaxed else 0.0
        value_acc = self.value_ok / self.relaxed if self.relaxed else 0.0
        return (
            f"{label:9s} gold={self.gold:5d} sys={self.system:5d} | relaxed P={100 * rp:5.2f} R={100 * rr:5.2f} "
            f"F1={100 * rf:5.2f} | strict P={100 * sp:5.2f} R={100 * sr:5.2f} F1={100 * sf:5.2f} | "
            f"type acc={100 * type_acc:5.2f} F1={100 * rf * type_acc:5.2f} | "
            f"value acc={100 * value_acc:5.2f} F1={100 * rf * value_acc:5.2f}"
        )


def score(doc: TimeMLDoc, system: list[Timex], errors: list[str]) -> Tally:
    gold = [g for g in doc.gold if g.attrs.get("functionInDocument") != "CREATION_TIME"]
    tally = Tally(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        match = next((i for i, s in enumerate(system) if i not in used and s.start < g.end and g.start < s.end), None)
        if match is None:
            errors.append(f"MISS  {doc.path.name}\t{_gold_str(doc, g)}\t{_context(doc, g.start, g.end)}")
            continue
        used.add(match)
        s = system[match]
        tally.relaxed += 1
        tally.strict += s.start == g.start and s.end == g.end
        tally.type_ok += s.type == g.attrs.get("type")
        tally.value_ok += s.value == g.attrs.get("value")
        if s.value != g.attrs.get("value") or (s.start, s.end) != (g.start, g.end):
            errors.append(
                f"DIFF  {doc.path.name}\tdct={doc.dct_value}\t{_gold_str(doc, g)}\t"
                f"SYS {s.type} {s.value} [{s.text}]\t{_context(doc, g.start, g.end)}"
            )
    for i, s in enumerate(system):
        if i not in used:
            errors.append(f"FALSE {doc.path.name}\t{s.type} {s.value} [{s.text}]\t{_context(doc, s.start, s.end)}")
    return tally


def _gold_str(doc: TimeMLDoc, g: GoldTimex) -> str:
    return f"GOLD {g.attrs.get('type')} {g.attrs.get('value')} {g.attrs.get('mod', '')} [{doc.plain[g.start : g.end]}]"


def _context(doc: TimeMLDoc, start: int, end: int) -> str:
    return " ".join(doc.plain[max(0, start - 60) : end + 40].split())


def main() -> None:
    args = sys.argv[1:]
    errors_path = None
    if "--errors" in args:
        index = args.index("--errors")
        errors_path = Path(args[index + 1])
        del args[index : index + 2]
    limit = int(args[0]) if args else None
    root = shared_data() / "timeml"
    files = timeml_files(root)
    if limit:  # an evenly spaced sample, so both corpora are in it
        files = files[:: max(1, len(files) // limit)][:limit]
    docs = [read_timeml(p) for p in files]

    nlp = nlp_loader.load(nlp_loader.model_name())
    stage_fn = make_timexes(StageConfig(model_name=nlp_loader.model_name()))
    started = time.perf_counter()
    parsed = list(nlp.pipe((d.plain for d in docs), batch_size=16))
    parse_seconds = time.perf_counter() - started
    started = time.perf_counter()
    results: list[tuple[TimeMLDoc, list[Timex]]] = []
    for doc, parse in zip(docs, parsed, strict=True):
        article = Article(body=doc.plain, published=doc.published)
        context = Context(
            article=article,
            doc=parse,
            result=AnalyzedArticle(source=Source(uri=str(doc.path), kind="text", sha256=None), article=article),
        )
        results.append((doc, list(stage_fn(context))))
    stage_seconds = time.perf_counter() - started

    tallies: dict[str, Tally] = {"TimeBank": Tally(), "AQUAINT": Tally(), "all": Tally()}
    errors: list[str] = []
    for doc, system in results:
        tally = score(doc, system, errors)
        tallies[doc.path.parent.name if doc.path.parent.name in tallies else "all"].add(tally)
        tallies["all"].add(tally)
    print(f"TimeML timexes: {len(docs)} files from {root}")
    for label, tally in tallies.items():
        print(tally.report(label))
    print(
        f"time: spaCy parse {parse_seconds:.2f}s, timexes stage {stage_seconds:.2f}s "
        f"(adds {100 * stage_seconds / parse_seconds:.1f}% over the bare parse)"
    )
    if errors_path is not None:
        errors_path.write_text("\n".join(errors) + "\n", encoding="utf-8")
        print(f"errors written to {errors_path}")


if __name__ == "__main__":
    main()
