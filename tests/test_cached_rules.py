"""The cached attribute ruler and lemmatizer annotate exactly as spaCy's own components do."""

from __future__ import annotations

import spacy
from spacy.language import Language

from sitrep.analyze.cached_rules import CachedAttributeRuler, use_cached_rules
from sitrep.analyze.nlp import load, model_name

# Invented text that reaches the ruler's exceptions: contractions and two-token patterns ("ai n't",
# "gon na", "got ta", "let 's", "y' all", an expletive "there is"), pronoun case by dependency,
# determiners used as pronouns, whitespace tokens, and ordinary inflected news prose.
TEXTS = [
    "I ain't gonna do it, y'all. Let's go! There is a cat. It's gotta be. C'mon, I'd had enough of 'em.",
    "The shelling of the villages continued; rebels said they had seized two bridges and were holding them.",
    "  \n\n  Residents   fled\tthe town.  That was the worst of it, and those who stayed were hiding.",
    "Nothing happened to anyone: she gets up, he got out, we've been told that once.",
]
LAYERS = ("tag_", "pos_", "morph", "lemma_", "dep_")


def annotations(nlp: Language, text: str) -> list[tuple[str, ...]]:
    return [tuple(str(getattr(token, layer)) for layer in LAYERS) for token in nlp(text)]


def test_cached_components_annotate_like_spacy() -> None:
    plain = spacy.load(model_name())
    cached = spacy.load(model_name())
    use_cached_rules(cached)
    assert "cached_attribute_ruler" in cached.pipe_names and "cached_lemmatizer" in cached.pipe_names
    assert "attribute_ruler" not in cached.pipe_names and "lemmatizer" not in cached.pipe_names
    for _ in range(2):  # the second pass is answered from the caches
        for text in TEXTS:
            assert annotations(cached, text) == annotations(plain, text)
    lemmas = [(token.text, token.lemma_) for token in cached(TEXTS[0])]
    assert {("ai", "be"), ("gon", "go"), ("na", "to"), ("'s", "us"), ("'s", "be")} <= set(lemmas)


def test_the_loaded_pipeline_uses_the_cached_components() -> None:
    assert {"cached_attribute_ruler", "cached_lemmatizer"} <= set(load().pipe_names)


def test_a_ruler_with_patterns_it_cannot_read_is_left_alone() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a"}, {"OP": "*"}, {"LOWER": "b"}]], {"LEMMA": "x"})  # an operator
    assert not CachedAttributeRuler(ruler).ready
    use_cached_rules(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_verbs_the_rule_lemmatizer_reduces_to_another_word_are_repaired() -> None:
    """ "staged" is not "stag", "raped" not "rap": the loaded pipeline sets these lemmas as spaCy's
    own exceptions are set, and leaves the nouns alone."""
    doc = load()("Students staged a sit-in and the army retook the town; the staging area was waged on.")
    lemmas = {token.text: token.lemma_ for token in doc}
    assert lemmas["staged"] == "stage" and lemmas["retook"] == "retake"
    assert lemmas["staging"] == "staging"  # a noun here
