"""Exact, cached stand-ins for the two spaCy components that cost Python time per token.

In ``en_core_web_sm`` the attribute ruler (tag → POS and morphology, plus a
hundred exceptions) and the rule lemmatizer take a fifth of the pipeline's time,
more than the parser: the ruler's matcher calls Python predicates on every
token, and the lemmatizer re-derives every base-form lemma because its own
cache skips them. Both answers depend on a few features of a token (and, for
the ruler's two-token patterns, its neighbour), so each answer is computed once
by the component's own rules and then looked up.

The stand-ins give the same annotations as the components they replace (a test
compares them token by token). A ruler with patterns outside what
:class:`CachedAttributeRuler` reads (other keys, operators, longer patterns) is
left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

Features = tuple[str, str, bool, str | None]  # tag, dependency label, is space, the lowercase form if any rule names it
Predicate = Callable[[Features], bool]
_FEATURE_INDEX = {"TAG": 0, "DEP": 1, "IS_SPACE": 2, "LOWER": 3}


def _value_test(value: Any) -> Callable[[Any], bool] | None:
    """A test for one pattern value (a literal, IN, NOT_IN or REGEX), or None when it is anything else."""
    if isinstance(value, (str, bool)):
        return lambda seen: seen == value
    if isinstance(value, dict) and len(value) == 1:
        ((operator, operand),) = value.items()
        if operator == "IN":
            members = frozenset(operand)
            return lambda seen: seen in members
        if operator == "NOT_IN":
            excluded = frozenset(operand)
            return lambda seen: seen is not None and seen not in excluded
        if operator == "REGEX":
            compiled = re.compile(operand)
            return lambda seen: seen is not None and compiled.search(seen) is not None
    return None


def _token_test(spec: dict[str, Any]) -> Predicate | None:
    tests = []
    for key, value in spec.items():
        test = _value_test(value)
        if key not in _FEATURE_INDEX or test is None:
            return None
        tests.append((_FEATURE_INDEX[key], test))
    return lambda features: all(test(features[index]) for index, test in tests)


def _named_lowers(patterns: Iterable[dict[str, Any]]) -> tuple[frozenset[str], list[re.Pattern[str]]] | None:
    """Every lowercase form a pattern names, and the regular expressions on it; None when a pattern
    excludes forms (NOT_IN), because then every form matters."""
    named: set[str] = set()
    expressions = []
    for entry in patterns:
        for pattern in entry["patterns"]:
            for spec in pattern:
                value = spec.get("LOWER")
                if isinstance(value, str):
                    named.add(value)
                elif isinstance(value, dict):
                    if "NOT_IN" in value:
                        return None
                    named.update(value.get("IN", ()))
                    if "REGEX" in value:
                        expressions.append(re.compile(value["REGEX"]))
    return frozenset(named), expressions


class CachedAttributeRuler:
    """The attribute ruler's rules, applied from a table keyed by what the rules read of a token."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.single: list[tuple[int, Predicate]] = []  # (rule number, test) for one-token patterns
        self.pairs: list[tuple[int, Predicate, Predicate]] = []  # two-token patterns
        self.ready = True
        entries: list[dict[str, Any]] = list(ruler.patterns)
        for number, entry in enumerate(entries):
            for pattern in entry["patterns"]:
                tests = [test for test in map(_token_test, pattern) if test is not None]
                if len(tests) != len(pattern) or len(tests) not in (1, 2):
                    self.ready = False
                elif len(tests) == 1:
                    self.single.append((number, tests[0]))
                elif entry.get("index", 0) in (0, 1, -1, -2):
                    self.pairs.append((number, tests[0], tests[1]))
                else:
                    self.ready = False
        lowers = _named_lowers(entries)
        if lowers is None:
            self.ready = False
        self.named, self.expressions = lowers or (frozenset(), [])
        self.lower_seen: dict[int, str | None] = {}  # per form in the vocabulary: the form if a rule names it
        self.labels: dict[int, str] = {0: ""}  # tag and dependency names (a few dozen)
        self.singles_seen: dict[Features, tuple[tuple[int, ...], dict[Any, Any] | None, tuple[int, ...]]] = {}

    def _features(self, doc: Doc, tag: int, dep: int, space: int, lower_id: int) -> Features:
        """What the rules read of a token; every form a rule does not name reads alike (None)."""
        if lower_id not in self.lower_seen:
            text = doc.vocab.strings[lower_id]
            named = text in self.named or any(e.search(text) for e in self.expressions)
            self.lower_seen[lower_id] = text if named else None
        for label in (tag, dep):
            if label not in self.labels:
                self.labels[label] = doc.vocab.strings[label]
        return (self.labels[tag], self.labels[dep], bool(space), self.lower_seen[lower_id])

    def _singles(self, features: Features) -> tuple[tuple[int, ...], dict[Any, Any] | None, tuple[int, ...]]:
        """The one-token rules that match, their attributes merged in rule order, and the two-token rules
        this token may start."""
        known = self.singles_seen.get(features)
        if known is None:
            numbers = tuple(number for number, test in self.single if test(features))
            merged = self._merged(numbers)
            starts = tuple(i for i, (_, first, _) in enumerate(self.pairs) if first(features))
            known = self.singles_seen[features] = (numbers, merged or None, starts)
        return known

    def _merged(self, numbers: Iterable[int]) -> dict[Any, Any]:
        merged: dict[Any, Any] = {}
        for number in numbers:
            merged.update(self.ruler.attrs[number])
        return merged

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([TAG, DEP, IS_SPACE, LOWER]).tolist()
        features = [self._features(doc, *row) for row in rows]
        singles = [self._singles(f) for f in features]
        pair_matches: dict[int, list[tuple[int, int]]] = {}  # token → (rule number, match start)
        for start, (_, _, starts) in enumerate(singles):
            for pair in starts:
                number, _, second = self.pairs[pair]
                if start + 1 < len(rows) and second(features[start + 1]):
                    target = start + self.ruler.indices[number] % 2
                    pair_matches.setdefault(target, []).append((number, start))
        for i, (numbers, merged, _) in enumerate(singles):
            if i in pair_matches:  # spaCy applies matches by rule number, then by where they start
                ordered = sorted([(number, i) for number in numbers] + pair_matches[i])
                merged = self._merged(number for number, _ in ordered) or None
            if merged:
                set_token_attrs(doc[i], merged)
        return doc


class CachedLemmatizer:
    """The rule lemmatizer's answer per (form, POS, morphology), kept for every form.

    Tokens that already carry a lemma (the attribute ruler's exceptions) keep it, as in spaCy.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.seen: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        for token in doc:
            if token.lemma:
                continue
            key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]  # stub lacks it
            lemma = self.seen.get(key)
            if lemma is None:
                lemma = self.seen[key] = strings.add(self.lemmatizer.lemmatize(token)[0])
            token.lemma = lemma
        return doc


@Language.factory("cached_attribute_ruler")
def make_cached_attribute_ruler(nlp: Language, name: str) -> CachedAttributeRuler:
    return CachedAttributeRuler(nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]


@Language.factory("cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    return CachedLemmatizer(nlp.get_pipe("lemmatizer"))  # type: ignore[arg-type]


def use_cached_rules(nlp: Language) -> None:
    """Swap the attribute ruler and a rule lemmatizer for their cached stand-ins, where they are exact."""
    if "attribute_ruler" in nlp.pipe_names and CachedAttributeRuler(nlp.get_pipe("attribute_ruler")).ready:  # type: ignore[arg-type]
        nlp.add_pipe("cached_attribute_ruler", after="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule" and not lemmatizer.overwrite:
        nlp.add_pipe("cached_lemmatizer", after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
