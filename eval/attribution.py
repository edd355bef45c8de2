"""Score the ``attributions`` stage against PolNeAR (brat stand-off attribution relations).

Run from the repo root: ``.venv/bin/python -m eval.attribution [dev|train] [max_articles] [--diagnose[=N]]``.
``--diagnose`` adds a breakdown of the role mismatches (below), with N examples per class.

One annotator file per article (the first alphabetically). Spans are compared per
role (source, cue, content) as sets over the document (a span shared by several
attributions counts once); a discontinuous span is its sorted tuple of fragments.

* exact: a predicted span equals a gold span (all fragments identical).
* overlap: a predicted span matches if it shares >= 1 word token with a gold span of
  the same role (precision side), a gold span is recalled if some predicted span
  shares >= 1 token with it (recall side). Tokens are ``\\w+`` runs and single
  punctuation characters.
* weighted overlap: precision = mean over predicted spans of the best |P∩G|/|P|;
  recall = mean over gold spans of the best |P∩G|/|G| (token sets).
* found: share of gold attributions whose cue or content shares a token with the
  cue or content of some predicted attribution.

Content is scored twice: with the split parts the rules find (“A,” he said, “B.” is
two fragments, as PolNeAR marks it) and as the single hull span the contract carries.
Also printed: the time of the stage relative to the bare spaCy parse.
"""

from __future__ import annotations

import bisect
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from eval.common import precision_recall_f1, shared_data
from sitrep.analyze import nlp as nlp_loader
from sitrep.analyze.attributions import to_attributions
from sitrep.attribution import FoundAttribution, find_attributions
from sitrep.attribution.lexicon import load_lexicon

Frags = tuple[tuple[int, int], ...]
ROLES = ("source", "cue", "content")
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass
class Attr:
    source: Frags | None
    cue: Frags | None
    content: Frags | None

    def role(self, name: str) -> Frags | None:
        value: Frags | None = getattr(self, name)
        return value


def _frags(spec: str) -> Frags:
    out = []
    for piece in spec.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return tuple(sorted(out))


def read_ann(path: Path) -> list[Attr]:
    """Attributions of one brat file (E lines tying Source/Cue/Content T spans)."""
    spans: dict[str, Frags] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and "\t" in line:
            tid, info, *_ = line.split("\t")
            label, _, offsets = info.partition(" ")
            if label in ("Source", "Cue", "Content", "Attribution", "Attribution-no-source"):
                spans[tid] = _frags(offsets)
        elif line.startswith("E") and "\t" in line:
            roles = dict(arg.split(":") for arg in line.split("\t")[1].split())
            relations.append(roles)
    out = []
    for roles in relations:
        content_parts = [f for k in ("Content", "Content2") if k in roles for f in spans.get(roles[k], ())]
        out.append(
            Attr(
                source=spans.get(roles.get("Source", "")),
                cue=spans.get(roles.get("Cue", "")),
                content=tuple(sorted(content_parts)) if content_parts else None,
            )
        )
    return out


def predicted(found: Iterable[FoundAttribution], hull_content: bool) -> list[Attr]:
    out = []
    for f in found:
        content: Frags = tuple(sorted(f.content))
        if hull_content:
            content = ((min(s for s, _ in content), max(e for _, e in content)),)
        out.append(Attr(source=(f.source,) if f.source else None, cue=(f.cue,), content=content))
    return out


@dataclass
class Counts:
    pred: int = 0
    gold: int = 0
    exact_p: int = 0
    exact_r: int = 0
    overlap_p: int = 0
    overlap_r: int = 0
    soft_p: float = 0.0
    soft_r: float = 0.0

    def add(self, preds: set[Frags], golds: set[Frags], tokens: _Tokens) -> None:
        self.pred += len(preds)
        self.gold += len(golds)
        self.exact_p += len(preds & golds)
        self.exact_r += len(preds & golds)
        pset = {p: tokens.of(p) for p in preds}
        gset = {g: tokens.of(g) for g in golds}
        for toks in pset.values():
            best = max((len(toks & g) for g in gset.values()), default=0)
            self.overlap_p += best > 0
            self.soft_p += best / len(toks) if toks else 0.0
        for toks in gset.values():
            best = max((len(toks & p) for p in pset.values()), default=0)
            self.overlap_r += best > 0
            self.soft_r += best / len(toks) if toks else 0.0

    def line(self, name: str) -> str:
        def prf(tp_p: float, tp_r: float) -> str:
            p, r, f = precision_recall_f1(tp_p, self.pred, tp_r, self.gold)
            return f"P {100 * p:5.1f} R {100 * r:5.1f} F1 {100 * f:5.1f}"

        return (
            f"{name:<16} exact {prf(self.exact_p, self.exact_r)} | overlap {prf(self.overlap_p, self.overlap_r)}"
            f" | weighted {prf(self.soft_p, self.soft_r)}   (pred {self.pred}, gold {self.gold})"
        )


@dataclass
class _Tokens:
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    @classmethod
    def of_text(cls, text: str) -> _Tokens:
        t = cls()
        for m in _TOKEN.finditer(text):
            t.starts.append(m.start())
            t.ends.append(m.end())
        return t

    def of(self, frags: Frags) -> frozenset[int]:
        out: set[int] = set()
        for s, e in frags:
            i = bisect.bisect_right(self.ends, s)  # first token ending after s
            while i < len(self.starts) and self.starts[i] < e:
                out.add(i)
                i += 1
        return frozenset(out)


PUNCT_ONLY = re.compile(r"[\W_]*")
COMPLEMENTIZERS = frozenset({"that", "to", "whether", "if", "how", "what", "why"})


@dataclass
class Diagnosis:
    """Why predicted spans miss gold spans: one class per gold attribution whose cue was found.

    Gold attributions are paired with the predicted one whose cue shares a token with
    theirs; a role that is not exact is classed by how its boundaries differ, in words
    (``start+ that``: the prediction starts earlier by "that"; ``end- <clause>``: it stops
    short by more than a few words), so the largest boundary conventions stand out.
    """

    classes: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    def add(self, role: str, text: str, gold: Frags | None, pred: Frags | None) -> None:
        name = _mismatch_class(text, gold, pred)
        if name is None:
            return
        example = f"G: {_show(text, gold)!r}\n      P: {_show(text, pred)!r}"
        self.classes.setdefault(role, {}).setdefault(name, []).append(example)

    def report(self, examples: int) -> None:
        for role, by_class in self.classes.items():
            total = sum(len(v) for v in by_class.values())
            print(f"\n{role} mismatches among found attributions: {total}")
            for name, items in sorted(by_class.items(), key=lambda kv: -len(kv[1]))[:25]:
                print(f"  {len(items):5d}  {name}")
                for example in items[:examples]:
                    print(f"         {example}")


def _show(text: str, frags: Frags | None) -> str:
    return " || ".join(text[s:e] for s, e in frags)[:160] if frags else "-"


def _difference(piece: str) -> str:
    """A boundary difference in words: the words themselves when short, else its size."""
    words: list[str] = _TOKEN.findall(piece)
    if PUNCT_ONLY.fullmatch(piece):
        return "punct " + "".join(words) if words else "space"
    if len(words) == 1 and words[0].lower() in COMPLEMENTIZERS:
        return str(words[0]).lower()
    return " ".join(words) if len(words) <= 2 else ("<phrase>" if len(words) <= 8 else "<clause>")


def _mismatch_class(text: str, gold: Frags | None, pred: Frags | None) -> str | None:
    if gold == pred:
        return None
    if gold is None or pred is None:
        return "no gold span" if gold is None else "no predicted span"
    (gs, ge), (ps, pe) = (gold[0][0], gold[-1][1]), (pred[0][0], pred[-1][1])
    if pe <= gs or ge <= ps:
        return "disjoint"
    parts = [f"fragments {len(pred)} vs {len(gold)}"] if len(pred) != len(gold) else []
    if ps != gs:
        parts.append(("start+ " if ps < gs else "start- ") + _difference(text[min(ps, gs) : max(ps, gs)]))
    if pe != ge:
        parts.append(("end+ " if pe > ge else "end- ") + _difference(text[min(pe, ge) : max(pe, ge)]))
    return " | ".join(parts) or "inner fragments"


def diagnose(diagnosis: Diagnosis, text: str, gold: list[Attr], pred: list[Attr], tokens: _Tokens) -> None:
    """Pair each gold attribution with a predicted one by cue and class the differing roles."""
    pred_cues = [tokens.of(p.cue or ()) for p in pred]
    for g in gold:
        cue = tokens.of(g.cue or ())
        match = next((p for p, pc in zip(pred, pred_cues, strict=True) if cue & pc), None)
        if match is None:
            diagnosis.classes.setdefault("attribution", {}).setdefault("not found", []).append(
                f"G: {_show(text, g.cue)!r} / {_show(text, g.content)!r}"
            )
            continue
        for role in ROLES:
            diagnosis.add(role, text, g.role(role), match.role(role))


def articles(split: str) -> list[tuple[Path, Path]]:
    root = shared_data() / "attribution" / "polnear" / split
    pairs = []
    for text in sorted((root / "text").glob("*.txt")):
        anns = sorted((root / "attributions").glob(text.stem + "_*.ann"))
        anns = [a for a in anns if re.fullmatch(re.escape(text.stem) + r"_[0-9a-f]{4}\.ann", a.name)]
        if anns:
            pairs.append((text, anns[0]))
    return pairs


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flags = [a for a in sys.argv[1:] if a.startswith("--diagnose")]
    split = args[0] if args else "dev"
    limit = int(args[1]) if len(args) > 1 else None
    examples = int(flags[0].partition("=")[2] or 0) if flags else -1
    diagnosis = Diagnosis()
    pairs = articles(split)[:limit]
    nlp = nlp_loader.load(nlp_loader.model_name())
    lexicon = load_lexicon()
    counts = {name: Counts() for name in (*ROLES, "content (hull)")}
    found_any = gold_total = 0
    parse_time = stage_time = 0.0
    for text_path, ann_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        gold = read_ann(ann_path)
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        found = find_attributions(doc, lexicon)
        to_attributions(doc, found)
        t2 = time.perf_counter()
        parse_time += t1 - t0
        stage_time += t2 - t1
        tokens = _Tokens.of_text(text)
        for role in ROLES:
            preds = {r for a in predicted(found, hull_content=False) if (r := a.role(role))}
            golds = {r for a in gold if (r := a.role(role))}
            counts[role].add(preds, golds, tokens)
        preds = {r for a in predicted(found, hull_content=True) if (r := a.content)}
        counts["content (hull)"].add(preds, {r for a in gold if (r := a.content)}, tokens)
        pred_attrs = predicted(found, hull_content=False)
        if examples >= 0:
            diagnose(diagnosis, text, gold, pred_attrs, tokens)
        pred_tokens = [(tokens.of(a.cue or ()), tokens.of(a.content or ())) for a in pred_attrs]
        for g in gold:
            gc, gk = tokens.of(g.cue or ()), tokens.of(g.content or ())
            gold_total += 1
            found_any += any((gc | gk) & (pc | pk) for pc, pk in pred_tokens)
    print(f"PolNeAR {split}: {len(pairs)} articles, {gold_total} gold attributions (one annotator file each)")
    for name, c in counts.items():
        print(c.line(name))
    print(f"found at all (cue or content overlaps): {100 * found_any / max(gold_total, 1):.1f}%")
    print(
        f"time: parse {parse_time:.2f}s, attribution stage {stage_time:.2f}s "
        f"(+{100 * stage_time / max(parse_time, 1e-9):.1f}% over the parse)"
    )
    if examples >= 0:
        diagnosis.report(examples)


if __name__ == "__main__":
    main()
